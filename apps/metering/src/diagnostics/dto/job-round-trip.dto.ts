import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { JobRoundTripRequest } from '@app/contracts';

export class JobRoundTripDto implements JobRoundTripRequest {
  /** How long to wait for the worker, in milliseconds. */
  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(30_000)
  timeoutMs?: number;
}
