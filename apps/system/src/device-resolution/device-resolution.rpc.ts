import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { SystemPatterns } from '@app/contracts';
import type { ResolvedDevices } from '@app/contracts';
import { ResolveDevicesDto } from './dto/resolve-devices.dto';
import { DeviceResolutionService } from './device-resolution.service';

/**
 * `system.device.resolve`: ingest asks which meter, tenant and codec its uplinks' devices are.
 *
 * INTERNAL ONLY: service to service, no actor, answers wM-Bus AES keys in clear. It must never be
 * exposed at the gateway (no route may send this pattern; a unit test in apps/gateway checks).
 * A read: every instance may answer, so no @Exclusive().
 */
@Controller()
export class DeviceResolutionRpc {
  constructor(private readonly resolution: DeviceResolutionService) {}

  @MessagePattern(SystemPatterns.deviceResolve)
  resolve(@Payload('data') request: ResolveDevicesDto): Promise<ResolvedDevices> {
    return this.resolution.resolve(request);
  }
}
