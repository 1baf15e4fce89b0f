import { IsUUID } from 'class-validator';
import type { IdRequest } from '@app/contracts';

/** `{id}` of a tenant's user or API key (a malformed id is a validation error, not a database error). */
export class IdDto implements IdRequest {
  @IsUUID() id!: string;
}
