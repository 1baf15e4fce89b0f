import { CodecError } from '../../errors';
import { bytesToHex } from '../../reader';
import type { ByteReader } from '../../reader';
import type { DecodedPayload, DeviceStatus, DownlinkCommand, EncodedDownlink, JsonObject } from '../../types';
import { withField } from '../../copy';

/** Netvox device-type byte (byte 1 of every frame) to the name the vendor decoders print. */
export const DEVICE_NAMES: Record<number, string> = { 0x1f: 'R718H', 0x3f: 'R718H2', 0x4a: 'R718N3', 0x0e: 'R809A', 0x73: 'R816B' };

export const NETVOX_SOURCES = [
  'https://github.com/TheThingsNetwork/lorawan-devices/tree/master/vendor/netvox/payload',
  'Netvox LoRaWAN Application Command document (ReportDataCmd fPort 6, ConfigureCmd fPort 7)',
];

/** Reads the device-type byte; names it in `vendor.Device` when known, warns otherwise. */
export function deviceField(r: ByteReader, vendor: JsonObject, out: DecodedPayload): number {
  const type = r.u8('device type');
  const name = DEVICE_NAMES[type];
  if (name !== undefined) vendor.Device = name;
  else (out.warnings ??= []).push(`unknown Netvox device type 0x${type.toString(16).padStart(2, '0')}`);
  return type;
}

/** Startup version report (report type 0x00): SW version /10, HW version, BCD date code. */
export function versionReport(r: ByteReader, vendor: JsonObject): DeviceStatus {
  const sw = r.u8('software version') / 10;
  const hw = r.u8('hardware version');
  const date = r.take(4, 'date code');
  vendor.SWver = sw;
  vendor.HWver = hw;
  vendor.Datecode = bytesToHex(date);
  return { firmware: String(sw), hardware: String(hw) };
}

/** Battery byte: bit 7 = low battery, bits 0-6 = voltage in 0.1 V (printed "3.1(low battery)" when low). */
export function batteryField(r: ByteReader, vendor: JsonObject, out: DecodedPayload): void {
  const b = r.u8('battery');
  const volts = (b & 0x7f) / 10;
  vendor.Volt = b & 0x80 ? `${volts}(low battery)` : volts;
  out.device = withField(out.device, 'batteryVoltage', volts);
  if (b & 0x80) out.alarms.push('low_battery');
}

export const status = (byte: number): string => (byte === 0 ? 'Success' : 'Failure');

/** An 11-byte ConfigureCmd on fPort 7: command id, device type, payload, zero padding. */
export function configureCmd(cmd: number, deviceType: number, payload: number[] = []): EncodedDownlink {
  const bytes = new Uint8Array(11);
  bytes[0] = cmd;
  bytes[1] = deviceType;
  bytes.set(payload, 2);
  return { fPort: 7, bytes };
}

const u16 = (v: number): number[] => [(v >> 8) & 0xff, v & 0xff];

/**
 * ConfigReportReq with MinTime = MaxTime = the interval (1..65535 s), so the device reports at that
 * fixed period whatever its reportable-change setting; `change` holds the model's change bytes.
 */
export function reportingInterval(codec: string, deviceType: number, seconds: number, change: number[]): EncodedDownlink {
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 0xffff) {
    throw new CodecError('INVALID_COMMAND', `${codec}: reporting interval must be a whole number of seconds in 1..65535, got ${seconds}`);
  }
  return configureCmd(0x01, deviceType, [...u16(seconds), ...u16(seconds), ...change]);
}

export function unsupported(codec: string, command: DownlinkCommand): never {
  throw new CodecError('UNSUPPORTED_COMMAND', `${codec} cannot encode a ${command.type} command`);
}

export function unknownPort(codec: string, fPort: number): never {
  throw new CodecError('UNSUPPORTED_PORT', `${codec}: unknown FPort ${fPort}`, { fPort });
}

export function unknownCommand(codec: string, cmd: number): never {
  throw new CodecError('UNSUPPORTED_FRAME', `${codec}: unknown command response 0x${cmd.toString(16).padStart(2, '0')}`, { cmd });
}
