import { ApiProperty } from '@nestjs/swagger';
import { CONSUMER_KINDS, CONSUMER_STATUSES } from '@app/contracts';
import type { ConsumerKind, ConsumerPage, ConsumerStatus, ConsumerView } from '@app/contracts';

export class ConsumerDoc implements ConsumerView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: CONSUMER_KINDS }) kind!: ConsumerKind;
  @ApiProperty({ example: 'ACC-000123', description: 'Unique in your tenant' }) accountNumber!: string;
  @ApiProperty({ example: 'Anna Example' }) name!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Non-residential only' }) taxId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Company registration number (non-residential only)' }) registrationNumber!: string | null;
  @ApiProperty({ nullable: true, type: String }) contactPerson!: string | null;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) postalAddress!: string | null;
  @ApiProperty({ enum: CONSUMER_STATUSES }) status!: ConsumerStatus;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ConsumerPageDoc implements ConsumerPage {
  @ApiProperty({ type: [ConsumerDoc] }) items!: ConsumerView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
