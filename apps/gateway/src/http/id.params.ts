import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** `:id` path parameter: a UUID, or a VALIDATION_FAILED naming `id`. */
export class IdParams {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id!: string;
}
