import { ApiProperty } from '@nestjs/swagger';
import type { DeadLetter, DeadLetterCounts, DeadLetterPage, UnassignedPage, UnassignedUplink } from '@app/contracts';

export class DeadLetterDoc implements DeadLetter {
  @ApiProperty({ description: 'Stable id (hash of topic and bytes): a redelivery has the same id' }) id!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty() topic!: string;
  @ApiProperty({ nullable: true, type: String, description: 'From the topic, when it has one' }) devEui!: string | null;
  @ApiProperty({ nullable: true, type: String }) event!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The device\'s tenant (codec rejections); null for messages nobody owns' }) tenantId!: string | null;
  @ApiProperty({ example: 'MALFORMED_JSON' }) code!: string;
  @ApiProperty({ example: 'rxInfo[0].rssi', description: 'JSON path of the field at fault (`topic`, `payload` for the whole message)' }) field!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The message as text when it is valid UTF-8, else null' }) raw!: string | null;
  @ApiProperty({ format: 'byte' }) rawBase64!: string;
}

export class DeadLetterPageDoc implements DeadLetterPage {
  @ApiProperty({ type: [DeadLetterDoc] }) items!: DeadLetter[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class DeadLetterCountsDoc implements DeadLetterCounts {
  @ApiProperty() total!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { MALFORMED_JSON: 3, CODEC_REJECTED: 1 } }) byCode!: Record<string, number>;
}

export class UnassignedUplinkDoc implements UnassignedUplink {
  @ApiProperty() devEui!: string;
  @ApiProperty({ description: 'ChirpStack application id' }) applicationId!: string;
  @ApiProperty({ format: 'date-time' }) time!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty() deduplicationId!: string;
  @ApiProperty() fCnt!: number;
  @ApiProperty() fPort!: number;
  @ApiProperty() payloadHex!: string;
  @ApiProperty({ enum: ['unknown', 'archived', 'ambiguous'], description: 'No meter holds the devEui, only archived ones, or live meters of several tenants' })
  reason!: UnassignedUplink['reason'];
}

class UnassignedDeviceDoc {
  @ApiProperty() devEui!: string;
  @ApiProperty() uplinks!: number;
  @ApiProperty({ format: 'date-time' }) lastSeen!: string;
}

export class UnassignedPageDoc implements UnassignedPage {
  @ApiProperty({ type: [UnassignedUplinkDoc] }) items!: UnassignedUplink[];
  @ApiProperty({ type: [UnassignedDeviceDoc], description: 'Devices with unassigned uplinks, most recently heard first (at most 1000)' }) devices!: UnassignedPage['devices'];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
