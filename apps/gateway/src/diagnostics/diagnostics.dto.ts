import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { JobRoundTripRequest, JobRoundTripResult } from '@app/contracts';

export class JobRoundTripBody implements JobRoundTripRequest {
  @ApiPropertyOptional({ minimum: 100, maximum: 30000, default: 5000, description: 'How long to wait for the worker (ms)' })
  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(30_000)
  timeoutMs?: number;
}

export class JobRoundTripDoc implements JobRoundTripResult {
  @ApiProperty() queue!: string;
  @ApiProperty() jobId!: string;
  @ApiProperty() correlationId!: string;
  @ApiProperty() workerCorrelationId!: string;
  @ApiProperty() workerInstance!: string;
  @ApiProperty() latencyMs!: number;
}
