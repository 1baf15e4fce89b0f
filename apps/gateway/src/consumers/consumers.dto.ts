import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { CONSUMER_KINDS, CONSUMER_STATUSES } from '@app/contracts';
import type { ConsumerKind, ConsumerStatus, CreateConsumerRequest, ListConsumersRequest } from '@app/contracts';

const nullable = () => ValidateIf((_, v) => v !== null);

export class CreateConsumerBody implements CreateConsumerRequest {
  @ApiProperty({ enum: CONSUMER_KINDS }) @IsIn(CONSUMER_KINDS) kind!: ConsumerKind;
  @ApiProperty({ example: 'ACC-000123', description: 'Letters, digits, . _ / - (no spaces); unique in your tenant' }) @IsString() @Length(1, 40) accountNumber!: string;
  @ApiProperty({ example: 'Anna Example' }) @IsString() @Length(1, 200) name!: string;
  @ApiPropertyOptional({ description: 'Required for non-residential consumers, refused for residential ones' }) @IsOptional() @IsString() @MaxLength(40) taxId?: string;
  @ApiPropertyOptional({ description: 'Non-residential only' }) @IsOptional() @IsString() @MaxLength(40) registrationNumber?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) contactPerson?: string;
  @ApiPropertyOptional({ example: 'anna@example.com', description: 'Stored lower-case' }) @IsOptional() @IsString() @MaxLength(254) email?: string;
  @ApiPropertyOptional({ example: '+49 30 1234567' }) @IsOptional() @IsString() @MaxLength(30) phone?: string;
  @ApiPropertyOptional({ example: 'Main St 1, 10115 Berlin' }) @IsOptional() @IsString() @MaxLength(500) postalAddress?: string;
}

export class UpdateConsumerBody {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) name?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @nullable() @IsString() @MaxLength(40) taxId?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @nullable() @IsString() @MaxLength(40) registrationNumber?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @nullable() @IsString() @MaxLength(200) contactPerson?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @nullable() @IsString() @MaxLength(254) email?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @nullable() @IsString() @MaxLength(30) phone?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @nullable() @IsString() @MaxLength(500) postalAddress?: string | null;
}

export class ListConsumersQuery implements ListConsumersRequest {
  @ApiPropertyOptional({ description: 'Prefix of the account number, or of the name (case-insensitive)' }) @IsOptional() @IsString() @MaxLength(200) search?: string;
  @ApiPropertyOptional({ enum: CONSUMER_KINDS }) @IsOptional() @IsIn(CONSUMER_KINDS) kind?: ConsumerKind;
  @ApiPropertyOptional({ enum: CONSUMER_STATUSES }) @IsOptional() @IsIn(CONSUMER_STATUSES) status?: ConsumerStatus;
  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page' }) @IsOptional() @IsString() @MaxLength(400) cursor?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}
