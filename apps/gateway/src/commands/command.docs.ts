import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COMMAND_KINDS, COMMAND_STATES } from '@app/contracts';
import type { CommandActor, CommandEventView, CommandKind, CommandPage, CommandRequest, CommandState, CommandView } from '@app/contracts';

const SOURCES = ['api', 'publish', 'outcome', 'deadline'] as const;

class CommandActorDoc implements CommandActor {
  @ApiProperty({ enum: ['user', 'api_key', 'system'] }) kind!: CommandActor['kind'];
  @ApiProperty({ nullable: true, type: String }) id!: string | null;
}

class CommandEventDoc implements CommandEventView {
  @ApiProperty({ enum: COMMAND_STATES, nullable: true, description: 'null for the creation' }) fromState!: CommandState | null;
  @ApiProperty({ enum: COMMAND_STATES }) toState!: CommandState;
  @ApiProperty({ enum: SOURCES, description: 'api: created; publish: the MQTT publish failed; outcome: a ChirpStack txack/ack/log; deadline: our own expiry' }) source!: CommandEventView['source'];
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ format: 'date-time', description: 'When metering recorded it' }) at!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'The ChirpStack event\'s time (outcomes)' }) eventAt!: string | null;
}

export class CommandDoc implements CommandView {
  @ApiProperty({ format: 'uuid', description: 'Also ChirpStack\'s queue item id' }) id!: string;
  @ApiProperty({ format: 'uuid' }) meterId!: string;
  @ApiProperty({ example: '70b3d5e75e00abcd' }) devEui!: string;
  @ApiProperty({ format: 'uuid', description: 'ChirpStack application the command/down went to' }) applicationId!: string;
  @ApiProperty({ enum: COMMAND_KINDS }) kind!: CommandKind;
  @ApiProperty({ description: 'The command as asked: `{type, ...}`', example: { type: 'relay', on: true } }) request!: CommandRequest;
  @ApiProperty({ minimum: 1, maximum: 255 }) fPort!: number;
  @ApiProperty({ example: '0a01', description: 'Encoded payload, lower-case hex' }) payloadHex!: string;
  @ApiProperty() confirmed!: boolean;
  @ApiProperty({ enum: COMMAND_STATES, description: 'queued -> sent (txack) -> acknowledged | failed | expired' }) state!: CommandState;
  @ApiProperty({ nullable: true, type: String, description: 'Why it failed or expired' }) reason!: string | null;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ type: CommandActorDoc }) createdBy!: CommandActor;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) sentAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) acknowledgedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) failedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) expiredAt!: string | null;
  @ApiPropertyOptional({ type: [CommandEventDoc], description: 'State history, oldest first (GET /commands/{id} only)' }) events?: CommandEventView[];
}

export class CommandPageDoc implements CommandPage {
  @ApiProperty({ type: [CommandDoc] }) items!: CommandView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
