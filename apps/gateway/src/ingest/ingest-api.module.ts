import { Module } from '@nestjs/common';
import { IngestStoresController } from './ingest-stores.controller';
import { ReprocessController } from './reprocess.controller';

/** REST endpoints of the ingest service's own stores (dead letters, unassigned uplinks); each forwards to ingest. */
@Module({ controllers: [IngestStoresController, ReprocessController] })
export class IngestApiModule {}
