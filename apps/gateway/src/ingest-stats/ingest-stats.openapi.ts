import { ApiProperty } from '@nestjs/swagger';
import type { IngestInstanceStats, IngestStats } from '@app/contracts';

/** OpenAPI description of `IngestInstanceStats` (the type itself lives in libs/contracts). */
export class IngestInstanceStatsDoc implements IngestInstanceStats {
  @ApiProperty({ description: 'The ingest process\'s instance id (INSTANCE_ID, else host name and pid)' }) instanceId!: string;
  @ApiProperty({ format: 'date-time', description: 'When the instance published these figures (about once a second)' }) at!: string;
  @ApiProperty({ description: 'MQTT messages received per second, over the instance\'s last 5 s' }) receivedPerSecond!: number;
  @ApiProperty({ description: 'Events stored in ClickHouse per second' }) storedPerSecond!: number;
  @ApiProperty({ description: 'Messages dead-lettered per second' }) deadLetteredPerSecond!: number;
  @ApiProperty({ description: 'Totals since the instance started' }) receivedTotal!: number;
  @ApiProperty() storedTotal!: number;
  @ApiProperty() deadLetteredTotal!: number;
  @ApiProperty({ enum: ['healthy', 'degraded'], description: 'The write-ahead buffer between the broker and ClickHouse' }) bufferStatus!: 'healthy' | 'degraded';
  @ApiProperty({ type: [String], description: 'Why degraded (write failed, sink failing, drain failing, buffer full); empty when healthy' }) bufferReasons!: string[];
  @ApiProperty({ description: 'Records not yet confirmed by ClickHouse' }) bufferedRecords!: number;
  @ApiProperty({ description: 'Age of the oldest of them, in ms (0 when empty)' }) oldestBufferedAgeMs!: number;
}

/** OpenAPI description of `IngestStats`. */
export class IngestStatsDoc implements IngestStats {
  @ApiProperty({ type: [IngestInstanceStatsDoc], description: 'Instances heard from in the last 10 s, by instance id' }) instances!: IngestInstanceStatsDoc[];
  @ApiProperty({ description: 'Sum over the instances' }) receivedPerSecond!: number;
  @ApiProperty() storedPerSecond!: number;
  @ApiProperty() deadLetteredPerSecond!: number;
}
