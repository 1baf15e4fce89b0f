import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { MeteringPatterns } from '@app/contracts';
import type { JobRoundTripResult } from '@app/contracts';
import { DiagnosticsService } from './diagnostics.service';
import { JobRoundTripDto } from './dto/job-round-trip.dto';

@Controller()
export class DiagnosticsRpc {
  constructor(private readonly diagnostics: DiagnosticsService) {}

  @MessagePattern(MeteringPatterns.jobRoundTrip)
  jobRoundTrip(@Payload('data') request: JobRoundTripDto): Promise<JobRoundTripResult> {
    return this.diagnostics.jobRoundTrip(request.timeoutMs ?? 5000);
  }
}
