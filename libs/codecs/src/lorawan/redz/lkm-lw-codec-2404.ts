import { CodecError } from '../../errors';
import { ByteReader } from '../../reader';
import type { DecodedPayload, JsonValue, LorawanCodec, UplinkInput } from '../../types';

const ID = 'redz/lkm-lw-codec-2404';
const FRAME_TYPES = ['Status Message - Device', 'Status Message - OBIS', 'Meter Response Message'];
const SEPARATOR = 0x1f;

/** Packed device time: year-2000 bits 26-31, day 21-25, hour 16-20, month 12-15, minute 6-11, second 0-5. */
function deviceTime(v: number): string {
  const year = ((v >>> 26) & 0x3f) + 2000;
  return `${year}-${(v >>> 12) & 0x0f}-${(v >>> 21) & 0x1f} ${(v >>> 16) & 0x1f}:${(v >>> 6) & 0x3f}:${v & 0x3f}`;
}

/** OBIS list: [index] 0x1F [ASCII code] 0x1F, repeated; an entry without its closing 0x1F is dropped. */
function obisList(rest: Uint8Array, out: DecodedPayload): JsonValue[] {
  const list: JsonValue[] = [];
  let i = 0;
  while (i < rest.length) {
    const index = rest[i];
    if (rest[i + 1] !== SEPARATOR) break;
    const end = rest.indexOf(SEPARATOR, i + 2);
    if (end < 0) break;
    let code = '';
    for (let k = i + 2; k < end; k++) code += String.fromCharCode(rest[k]);
    list.push([index, code]);
    i = end + 1;
  }
  if (i < rest.length) (out.warnings ??= []).push(`incomplete OBIS entry at byte ${5 + i} ignored`);
  return list;
}

/**
 * RedZ LKM-LW optical meter reader (IEC 62056-21). Every frame: device id (uint32 BE), byte 4 =
 * frame counter (high nibble) + frame type (low nibble). fPort 1 device status: meter count, OBIS
 * count, target port, packed device time, firmware (3 bytes), device name (ASCII). fPort 2: the
 * configured OBIS codes, indexed. fPort 3 meter response: meter number, index of the first OBIS
 * code, data length, then uint32 BE values in OBIS-index order. The OBIS codes and their scaling
 * come with fPort 2 frames, so fPort 3 values are mapped by OBIS index, dimensionless.
 */
export const lkmLwCodec2404: LorawanCodec = {
  meta: {
    id: ID,
    vendor: 'redz',
    model: 'LKM-LW',
    utility: 'electricity',
    protocol: 'lorawan',
    fPorts: [1, 2, 3],
    downlinks: [],
    sources: ['https://github.com/TheThingsNetwork/lorawan-devices/blob/master/vendor/redz/lkm-lw-codec-2404.yaml'],
  },
  decode(input: UplinkInput): DecodedPayload {
    if (input.fPort < 1 || input.fPort > 3) {
      throw new CodecError('UNSUPPORTED_PORT', `${ID}: unknown FPort ${input.fPort}`, { fPort: input.fPort });
    }
    const r = new ByteReader(input.bytes, `LKM-LW fPort ${input.fPort} frame`);
    const deviceID = r.u32be('device id');
    const head = r.u8('frame type/counter');
    const frameType = FRAME_TYPES[head & 0x0f] ?? 'Unknown Frame';
    const out: DecodedPayload = { codec: ID, measurements: [], alarms: [], vendor: {}, device: { serial: String(deviceID) } };
    const frameCounter = (head >> 4) & 0x0f;
    if (input.fPort === 1) {
      const meterQty = r.u8('meter quantity');
      const obisQty = r.u8('OBIS quantity');
      const targetPort = r.u8('target port');
      const time = deviceTime(r.u32be('device time'));
      const fw = [r.u8('firmware'), r.u8('firmware'), r.u8('firmware')].join('.');
      const deviceName = r.ascii(r.remaining, 'device name');
      out.vendor = { deviceID, frameType, frameCounter, meterQty, obisQty, targetPort, deviceTime: time, firmwareVersion: fw, deviceName };
      out.device = { serial: String(deviceID), firmware: fw }; // the serial above, then the firmware
    } else if (input.fPort === 2) {
      out.vendor = { deviceID, frameType, frameCounter, obisList: obisList(r.rest(), out) };
    } else {
      const meterNumber = r.u8('meter number');
      const obisStartNumber = r.u8('first OBIS index');
      const dataLength = r.u8('data length');
      const dataList: JsonValue[] = [];
      while (r.remaining >= 4) {
        const value = r.u32be('meter value');
        out.measurements.push({ quantity: 'obis_value', value, unit: '', register: `meter${meterNumber}/obis#${obisStartNumber + dataList.length}` });
        dataList.push([value]);
      }
      if (r.remaining > 0) (out.warnings ??= []).push(`${r.remaining} trailing byte(s) ignored`);
      out.vendor = { deviceID, frameType, frameCounter, meterNumber, obisStartNumber, dataLength, dataList };
    }
    return out;
  },
};
