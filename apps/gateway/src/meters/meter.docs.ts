import { ApiProperty } from '@nestjs/swagger';
import { METER_STATUSES, PROVISIONING_STATES, UTILITIES } from '@app/contracts';
import type { MeterPage, MeterProvisioningView, MeterStatus, MeterView, ProvisioningState, ReplacedMeters, Utility } from '@app/contracts';

class LoRaWanDoc {
  @ApiProperty() devEui!: string;
  @ApiProperty({ nullable: true, type: String }) joinEui!: string | null;
  @ApiProperty({ description: 'The key itself is never returned' }) hasAppKey!: boolean;
}

class WMBusDoc {
  @ApiProperty() manufacturer!: string;
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'The key itself is never returned' }) hasAesKey!: boolean;
}

class ProvisioningDoc implements MeterProvisioningView {
  @ApiProperty({
    enum: PROVISIONING_STATES,
    description: 'not_configured: no ChirpStack configured, `provision: false`, or deleted there on archive; failed: see `error`, POST /meters/{id}/provision retries',
  })
  state!: ProvisioningState;
  @ApiProperty({ nullable: true, type: String, description: 'ChirpStack\'s status and message of the last failed attempt' }) error!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When the last attempt ended' }) at!: string | null;
}

export class MeterDoc implements MeterView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() serial!: string;
  @ApiProperty() vendor!: string;
  @ApiProperty({ nullable: true, type: String }) model!: string | null;
  @ApiProperty({ enum: UTILITIES }) utility!: Utility;
  @ApiProperty({ nullable: true, type: String }) codecId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) nodeId!: string | null;
  @ApiProperty({ enum: METER_STATUSES }) status!: MeterStatus;
  @ApiProperty({ type: LoRaWanDoc, nullable: true }) lorawan!: MeterView['lorawan'];
  @ApiProperty({ type: WMBusDoc, nullable: true }) wmbus!: MeterView['wmbus'];
  @ApiProperty({ description: 'Decimal text' }) multiplier!: string;
  @ApiProperty({ nullable: true, type: String }) registerUnit!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) installedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Index at installation (decimal text)' }) installIndex!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) removedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Index at removal or replacement (decimal text)' }) finalIndex!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) replacedById!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) replacesId!: string | null;
  @ApiProperty({ type: ProvisioningDoc, nullable: true, description: 'The LoRaWAN device in ChirpStack; null without a LoRaWAN identity' }) provisioning!: MeterProvisioningView | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class MeterPageDoc implements MeterPage {
  @ApiProperty({ type: [MeterDoc] }) items!: MeterView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class ReplacedMetersDoc implements ReplacedMeters {
  @ApiProperty({ type: MeterDoc }) old!: MeterView;
  @ApiProperty({ type: MeterDoc }) new!: MeterView;
}
