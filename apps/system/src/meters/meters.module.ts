import { Module } from '@nestjs/common';
import { ChirpstackClient } from '../chirpstack/chirpstack-client';
import { ChirpstackProvisioningService } from '../chirpstack/chirpstack-provisioning.service';
import { ChirpstackSettingsRef } from '../chirpstack/chirpstack-settings';
import { MeterClaims } from '../chirpstack/meter-claims';
import { ProvisioningQueue } from '../chirpstack/provisioning-queue';
import { SecretBox } from '../crypto/secret-box';
import { DeviceLookupRepository } from '../device-resolution/device-lookup.repository';
import { DeviceResolutionRpc } from '../device-resolution/device-resolution.rpc';
import { DeviceResolutionService } from '../device-resolution/device-resolution.service';
import { RegistryEvents } from '../device-resolution/registry-events';
import { HierarchyModule } from '../hierarchy/hierarchy.module';
import { HistoryModule } from '../history/history.module';
import { MeterImportService } from './meter-import.service';
import { MeterLifecycleService } from './meter-lifecycle.service';
import { MetersRepository } from './meters.repository';
import { MetersRpc } from './meters.rpc';
import { MetersService } from './meters.service';

@Module({
  imports: [HistoryModule, HierarchyModule],
  controllers: [MetersRpc, DeviceResolutionRpc],
  providers: [SecretBox, MetersRepository, MetersService, MeterLifecycleService, MeterImportService, ChirpstackSettingsRef, ChirpstackClient, ChirpstackProvisioningService, MeterClaims, ProvisioningQueue, RegistryEvents, DeviceLookupRepository, DeviceResolutionService],
  exports: [MetersRepository, MetersService, RegistryEvents],
})
export class MetersModule {}
