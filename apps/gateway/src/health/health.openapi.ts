import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ComponentStatus, HealthReport, ServiceHealthEntry, StoreHealthEntry, StoreName } from '@app/contracts';

const STATUSES: ComponentStatus[] = ['up', 'degraded', 'down', 'disabled'];

class ServiceHealthDoc implements ServiceHealthEntry {
  @ApiProperty({ enum: STATUSES }) status!: ComponentStatus;
  @ApiPropertyOptional() version?: string;
  @ApiPropertyOptional() instance?: string;
  @ApiPropertyOptional() uptimeSeconds?: number;
  @ApiPropertyOptional() latencyMs?: number;
  @ApiPropertyOptional() detail?: string;
}

class StoreHealthDoc implements StoreHealthEntry {
  @ApiProperty({ enum: STATUSES }) status!: ComponentStatus;
  @ApiPropertyOptional() latencyMs?: number;
  @ApiPropertyOptional() detail?: string;
  @ApiProperty({ type: [String] }) reportedBy!: string[];
}

class StoresDoc implements Record<StoreName, StoreHealthDoc> {
  @ApiProperty() postgres!: StoreHealthDoc;
  @ApiProperty() redis!: StoreHealthDoc;
  @ApiProperty() clickhouse!: StoreHealthDoc;
  @ApiProperty() mqtt!: StoreHealthDoc;
  @ApiProperty({ description: 'disabled when MONGO_URL is not set' }) mongodb!: StoreHealthDoc;
}

/** OpenAPI description of `HealthReport` (the type itself lives in libs/contracts). */
export class HealthReportDoc implements HealthReport {
  @ApiProperty({ enum: ['ok', 'degraded', 'down'] }) status!: 'ok' | 'degraded' | 'down';
  @ApiProperty({ format: 'date-time' }) checkedAt!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/ServiceHealthDoc' },
    description: 'gateway, system, metering, billing, analytics, ingest',
  })
  services!: Record<string, ServiceHealthDoc>;
  @ApiProperty({ type: () => StoresDoc })
  stores!: Record<StoreName, StoreHealthDoc>;
}

export const HEALTH_EXTRA_MODELS = [ServiceHealthDoc, StoreHealthDoc];
