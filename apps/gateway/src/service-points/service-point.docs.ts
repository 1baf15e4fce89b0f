import { ApiProperty } from '@nestjs/swagger';
import { SERVICE_POINT_STATUSES, UTILITIES } from '@app/contracts';
import type { ServicePointMeterView, ServicePointPage, ServicePointStatus, ServicePointView, Utility } from '@app/contracts';

export class ServicePointDoc implements ServicePointView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'SP-000123', description: 'Unique in your tenant' }) code!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The consumer supplied here (null: vacant)' }) consumerId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Hierarchy node (object, building) of the point' }) nodeId!: string | null;
  @ApiProperty({ enum: UTILITIES }) utility!: Utility;
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ enum: SERVICE_POINT_STATUSES }) status!: ServicePointStatus;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ServicePointPageDoc implements ServicePointPage {
  @ApiProperty({ type: [ServicePointDoc] }) items!: ServicePointView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class ServicePointMeterDoc implements ServicePointMeterView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) servicePointId!: string;
  @ApiProperty({ format: 'uuid' }) meterId!: string;
  @ApiProperty({ format: 'date-time' }) validFrom!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'null: the meter still serves the point' }) validTo!: string | null;
}
