import { Module } from '@nestjs/common';
import { DeadLettersReader } from './dead-letters.reader';
import { StoresRpc } from './stores.rpc';
import { UnassignedReader } from './unassigned.reader';

/** Read side of `dead_letters` and `unassigned_uplinks` (the pipeline writes them); needs `CLICKHOUSE`. */
@Module({
  controllers: [StoresRpc],
  providers: [DeadLettersReader, UnassignedReader],
  exports: [DeadLettersReader, UnassignedReader],
})
export class StoresModule {}
