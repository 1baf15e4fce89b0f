import { Controller, Inject } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { healthPattern } from '@app/contracts';
import type { BackendService, ServiceHealth } from '@app/contracts';
import { ServiceHealthService } from '../health/service-health';

/** The `<service>.health.check` handler every backend service mounts. */
export function createHealthRpcController(service: BackendService): new (health: ServiceHealthService) => object {
  @Controller()
  class HealthRpcController {
    constructor(@Inject(ServiceHealthService) private readonly health: ServiceHealthService) {}

    @MessagePattern(healthPattern(service))
    check(): Promise<ServiceHealth> {
      return this.health.check();
    }
  }
  Object.defineProperty(HealthRpcController, 'name', { value: `${service}HealthRpcController` });
  return HealthRpcController;
}
