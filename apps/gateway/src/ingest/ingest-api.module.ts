import { Module } from '@nestjs/common';
import { IngestStoresController } from './ingest-stores.controller';

/** REST endpoints of the ingest service's own stores (dead letters, unassigned uplinks); each forwards to ingest. */
@Module({ controllers: [IngestStoresController] })
export class IngestApiModule {}
