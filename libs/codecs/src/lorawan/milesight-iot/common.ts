import { CodecError } from '../../errors';
import type { ByteReader } from '../../reader';
import type { DecodedPayload, JsonObject } from '../../types';
import { withField } from '../../copy';

/** Milesight uplinks and downlinks use fPort 85. */
export const MILESIGHT_PORT = 85;

export function checkPort(codec: string, fPort: number): void {
  if (fPort !== MILESIGHT_PORT) throw new CodecError('UNSUPPORTED_PORT', `${codec}: unknown fPort ${fPort} (Milesight uses 85)`, { fPort });
}

const hex = (b: number): string => b.toString(16);
const CLASSES: Record<number, string> = { 0: 'Class A', 1: 'Class B', 2: 'Class C', 3: 'Class CtoB' };

/**
 * Device-information channels (id 0xFF) shared by Milesight devices: IPSO, hardware, firmware and
 * TSL versions, serial number, LoRaWAN class, reset event, device status. Returns false when the
 * type is not one of them. The vendor decoders print the reset event as "reset" and the device
 * status as "on" whatever the byte holds; so does this.
 */
export function deviceInfo(type: number, r: ByteReader, vendor: JsonObject, out: DecodedPayload): boolean {
  switch (type) {
    case 0x01: {
      const v = r.u8('ipso version');
      vendor.ipso_version = `v${v >> 4}.${v & 0x0f}`;
      return true;
    }
    case 0x09: {
      const b = r.take(2, 'hardware version');
      const v = `v${hex(b[0])}.${b[1] >> 4}`;
      vendor.hardware_version = v;
      out.device = withField(out.device, 'hardware', v);
      return true;
    }
    case 0x0a: {
      const b = r.take(2, 'firmware version');
      const v = `v${hex(b[0])}.${hex(b[1])}`;
      vendor.firmware_version = v;
      out.device = withField(out.device, 'firmware', v);
      return true;
    }
    case 0xff: {
      const b = r.take(2, 'tsl version');
      vendor.tsl_version = `v${b[0]}.${b[1]}`;
      return true;
    }
    case 0x16: {
      const b = r.take(8, 'serial number');
      const sn = [...b].map((x) => hex(x).padStart(2, '0')).join('');
      vendor.sn = sn;
      out.device = withField(out.device, 'serial', sn);
      return true;
    }
    case 0x0f:
      vendor.lorawan_class = CLASSES[r.u8('lorawan class')] ?? 'unknown';
      return true;
    case 0xfe:
      r.u8('reset event');
      vendor.reset_event = 'reset';
      return true;
    case 0x0b:
      r.u8('device status');
      vendor.device_status = 'on';
      return true;
    default:
      return false;
  }
}

/** Little-endian bytes of a uint16, as Milesight downlinks carry numbers. */
export function u16le(v: number): number[] {
  return [v & 0xff, (v >> 8) & 0xff];
}
