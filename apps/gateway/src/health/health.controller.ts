import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { HealthReport } from '@app/contracts';
import { Public } from '../auth/access.decorators';
import { HealthReportDoc } from './health.openapi';
import { HealthService } from './health.service';

@ApiTags('platform')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Health of every service and store',
    description: 'Answers 200 when every service and required store is up (or degraded), 503 when one is down.',
  })
  @ApiOkResponse({ type: HealthReportDoc })
  @ApiServiceUnavailableResponse({ type: HealthReportDoc, description: 'A required service or store is down' })
  async get(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const report = await this.health.report();
    response.status(report.status === 'down' ? 503 : 200);
    response.setHeader('Cache-Control', 'no-store');
    return report;
  }
}
