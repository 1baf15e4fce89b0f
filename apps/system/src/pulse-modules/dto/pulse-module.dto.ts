import { IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { DeviceFormats } from '@app/contracts';
import type { CreatePulseModuleRequest } from '@app/contracts';

export class CreatePulseModuleDto implements CreatePulseModuleRequest {
  @IsString() @Length(1, 64) serial!: string;
  @IsOptional() @IsUUID() meterId?: string;
  @Matches(DeviceFormats.decimal) pulseWeight!: string;
  @IsString() @Length(1, 20) unit!: string;
}
