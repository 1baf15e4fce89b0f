import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { CONSUMER_KINDS, CONSUMER_STATUSES } from '@app/contracts';
import type { ConsumerKind, ConsumerStatus, CreateConsumerRequest, ListConsumersRequest, UpdateConsumerRequest } from '@app/contracts';

const nullable = () => ValidateIf((_, v) => v !== null);

export class CreateConsumerDto implements CreateConsumerRequest {
  @IsIn(CONSUMER_KINDS) kind!: ConsumerKind;
  @IsString() @Length(1, 40) accountNumber!: string;
  @IsString() @Length(1, 200) name!: string;
  @IsOptional() @IsString() @MaxLength(40) taxId?: string;
  @IsOptional() @IsString() @MaxLength(40) registrationNumber?: string;
  @IsOptional() @IsString() @MaxLength(200) contactPerson?: string;
  @IsOptional() @IsString() @MaxLength(254) email?: string;
  @IsOptional() @IsString() @MaxLength(30) phone?: string;
  @IsOptional() @IsString() @MaxLength(500) postalAddress?: string;
}

export class UpdateConsumerDto implements UpdateConsumerRequest {
  @IsUUID() id!: string;
  @IsOptional() @IsString() @Length(1, 200) name?: string;
  @IsOptional() @nullable() @IsString() @MaxLength(40) taxId?: string | null;
  @IsOptional() @nullable() @IsString() @MaxLength(40) registrationNumber?: string | null;
  @IsOptional() @nullable() @IsString() @MaxLength(200) contactPerson?: string | null;
  @IsOptional() @nullable() @IsString() @MaxLength(254) email?: string | null;
  @IsOptional() @nullable() @IsString() @MaxLength(30) phone?: string | null;
  @IsOptional() @nullable() @IsString() @MaxLength(500) postalAddress?: string | null;
}

export class ListConsumersDto implements ListConsumersRequest {
  @IsOptional() @IsString() @MaxLength(200) search?: string;
  @IsOptional() @IsIn(CONSUMER_KINDS) kind?: ConsumerKind;
  @IsOptional() @IsIn(CONSUMER_STATUSES) status?: ConsumerStatus;
  @IsOptional() @IsString() @MaxLength(400) cursor?: string;
  @IsOptional() @IsInt() @Min(1) @Max(500) limit?: number;
}
