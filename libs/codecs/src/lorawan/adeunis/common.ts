import { CodecError } from '../../errors';
import type { ByteReader } from '../../reader';
import type { DecodedPayload, JsonObject } from '../../types';
import { isoString } from '../iso-time';
import { withField } from '../../copy';

/** Adeunis sends its frames on fPort 1. */
export const ADEUNIS_PORT = 1;
/** Adeunis timestamps count seconds from 2013-01-01T00:00:00Z. */
const EPOCH_2013 = 1356998400;

export function checkPort(codec: string, fPort: number): void {
  if (fPort !== ADEUNIS_PORT) throw new CodecError('UNSUPPORTED_PORT', `${codec}: unknown fPort ${fPort} (Adeunis uses 1)`, { fPort });
}

export function unsupportedFrame(codec: string, code: number): never {
  throw new CodecError('UNSUPPORTED_FRAME', `${codec}: Unsupported frame code 0x${code.toString(16).padStart(2, '0')}`, { code });
}

/** The status byte common to Adeunis frames: frame counter (bits 5-7), low battery (bit 1), configuration done (bit 0). */
export function statusByte(status: number, out: DecodedPayload): JsonObject {
  if (status & 0x02) out.alarms.push('low_battery');
  out.device = withField(out.device, 'statusByte', status);
  return {
    frameCounter: (status & 0xe0) >> 5,
    hardwareError: false,
    lowBattery: Boolean(status & 0x02),
    configurationDone: Boolean(status & 0x01),
  };
}

/** A 2013-epoch timestamp as the vendor prints it (ISO without the zone) and as an ISO UTC time. */
export function timestamp(r: ByteReader, field = 'timestamp'): { text: string; iso: string } {
  const iso = isoString((r.u32be(field) + EPOCH_2013) * 1000);
  return { text: iso.replace('Z', ''), iso };
}

/**
 * 0x20 network configuration. LoRaWAN frames are 4 bytes (ADR, provisioning mode, duty cycle,
 * class), Sigfox frames 3 or 5; other lengths carry the vendor's partialDecoding = 1.
 */
export function networkConfig(bytes: Uint8Array, vendor: JsonObject): void {
  vendor.type = '0x20 Configuration';
  if (bytes.length === 4) {
    vendor.loraAdr = Boolean(bytes[2] & 0x01);
    vendor.loraProvisioningMode = bytes[3] === 0 ? 'ABP' : 'OTAA';
    vendor.loraDutycyle = bytes[2] & 0x04 ? 'activated' : 'deactivated';
    vendor.loraClassMode = bytes[2] & 0x20 ? 'CLASS C' : 'CLASS A';
  } else if (bytes.length === 3 || bytes.length === 5) {
    vendor.sigfoxRetry = bytes[2] & 0x03;
    if (bytes.length === 5) {
      const v = (bytes[3] << 8) | bytes[4];
      vendor.sigfoxDownlinkPeriod = { unit: 'm', value: v > 0x7fff ? v - 0x10000 : v };
    }
  } else {
    vendor.partialDecoding = 1;
  }
}

export const PRODUCT_MODES = ['PARK', 'PRODUCTION', 'TEST', 'DEAD'];
export const productMode = (v: number): string => PRODUCT_MODES[v] ?? '';
