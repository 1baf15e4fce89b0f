import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, Matches, ValidateNested } from 'class-validator';
import { DeviceFormats } from '@app/contracts';
import type { ResolveDevicesRequest, WmbusIdentity } from '@app/contracts';

export class WmbusAddressDto implements WmbusIdentity {
  @Matches(DeviceFormats.wmbusManufacturer) manufacturer!: string;
  @Matches(DeviceFormats.wmbusId) id!: string;
}

export class ResolveDevicesDto implements ResolveDevicesRequest {
  @IsOptional() @IsArray() @ArrayMaxSize(1000) @Matches(DeviceFormats.eui, { each: true }) devEuis?: string[];
  @IsOptional() @IsArray() @ArrayMaxSize(1000) @ValidateNested({ each: true }) @Type(() => WmbusAddressDto) wmbus?: WmbusAddressDto[];
}
