import { ByteReader } from '../../reader';
import type { DecodedPayload, JsonObject, LorawanCodec, UplinkInput } from '../../types';
import { checkPort, networkConfig, statusByte, timestamp, unsupportedFrame } from './common';
import { pulseConfig, pulseConfigExtra, pulseKeepAlive } from './pulse-frames';

const ID = 'adeunis/pulse';
const REQUEST_STATUS = ['errorOtherReason', 'success', 'successNoUpdate', 'errorCoherency', 'errorInvalidRegister', 'errorInvalidValue', 'errorTruncatedValue', 'errorAccesNotAllowed'];

/** Optional trailing timestamp (status bit 2): prints it and returns its ISO time. */
function stamp(r: ByteReader, status: number, v: JsonObject, at: number): string | undefined {
  if (!(status & 0x04)) return undefined;
  r.seek(at);
  const t = timestamp(r);
  v.timestamp = t.text;
  return t.iso;
}

/**
 * Adeunis Pulse 4 (LoRaWAN, fPort 1). Byte 0 frame code, byte 1 status (frame counter bits 5-7,
 * timestamp present bit 2, low battery bit 1, configuration done bit 0); a timestamp is seconds
 * since 2013-01-01 UTC, uint32 BE. Frames: 0x10/0x11/0x12 configuration, 0x20 network
 * configuration, 0x30 keep alive (24 h flow min/max, alarms), 0x33 set-register answer, 0x46
 * current counters of channels A and B, 0x47 flow alarm, 0x5A/0x5B counter history of channel
 * A/B: current counter uint32 BE then uint16 BE decrements to the earlier samples.
 */
export const pulse: LorawanCodec = {
  meta: {
    id: ID,
    vendor: 'adeunis',
    model: 'Pulse (4)',
    utility: 'pulse',
    protocol: 'lorawan',
    fPorts: [1],
    downlinks: [],
    sources: ['https://github.com/TheThingsNetwork/lorawan-devices/blob/master/vendor/adeunis/pulse_lib.js'],
  },
  decode(input: UplinkInput): DecodedPayload {
    checkPort(ID, input.fPort);
    const bytes = input.bytes;
    const r = new ByteReader(bytes, 'Pulse 4 frame');
    const code = r.u8('frame code');
    const status = r.u8('status byte');
    const out: DecodedPayload = { codec: ID, measurements: [], alarms: [], vendor: {} };
    const v: JsonObject = { type: '' };
    const st = statusByte(status, out);
    st.timestamp = Boolean(status & 0x04);
    v.status = st;
    switch (code) {
      case 0x10:
        pulseConfig(bytes, v);
        break;
      case 0x11:
      case 0x12:
        pulseConfigExtra(code, r, v);
        break;
      case 0x20:
        networkConfig(bytes, v);
        break;
      case 0x30: {
        const flows = pulseKeepAlive(r, v, out);
        const at = stamp(r, status, v, 11);
        ['A', 'B'].forEach((ch, i) => {
          out.measurements.push({ quantity: 'pulse_rate_max_24h', value: flows[i], unit: '', register: ch, ...(at ? { at } : {}) });
          out.measurements.push({ quantity: 'pulse_rate_min_24h', value: flows[2 + i], unit: '', register: ch, ...(at ? { at } : {}) });
        });
        break;
      }
      case 0x33:
        v.type = '0x33 Set register status';
        v.requestStatus = REQUEST_STATUS[r.u8('request status')] ?? 'errorOtherReason';
        v.registerId = r.u16be('register id');
        break;
      case 0x46: {
        v.type = '0x46 Pulse 4 data';
        const a = r.u32be('counter A');
        const b = r.u32be('counter B');
        const at = stamp(r, status, v, 10);
        v.decodingInfo = 'counterValues: [Channel A, Channel B]';
        v.counterValues = [a, b];
        out.measurements.push(
          { quantity: 'pulse_count', value: a, unit: 'count', register: 'A', ...(at ? { at } : {}) },
          { quantity: 'pulse_count', value: b, unit: 'count', register: 'B', ...(at ? { at } : {}) },
        );
        break;
      }
      case 0x47: {
        v.type = '0x47 Pulse 4 alarm';
        const fa = r.u16be('flow A');
        const fb = r.u16be('flow B');
        const at = stamp(r, status, v, 6);
        v.decodingInfo = 'flowValues: [Channel A, Channel B]';
        v.flowValues = [fa, fb];
        out.measurements.push(
          { quantity: 'pulse_rate', value: fa, unit: '', register: 'A', ...(at ? { at } : {}) },
          { quantity: 'pulse_rate', value: fb, unit: '', register: 'B', ...(at ? { at } : {}) },
        );
        out.alarms.push('high_flow');
        break;
      }
      case 0x5a:
      case 0x5b: {
        const channel = code === 0x5a ? 'A' : 'B';
        v.type = `0x${code.toString(16)} Pulse 4 data - channel ${channel}`;
        const end = status & 0x04 ? bytes.length - 4 : bytes.length;
        let value = r.u32be('counter');
        const values = [value];
        if (end < 6) r.need(4, 'timestamp');
        while (r.offset + 1 < end) {
          value -= r.u16be('decrement');
          values.push(value);
        }
        const at = stamp(r, status, v, end);
        v.decodingInfo = 'counterValues: [t=0, t-1, t-2, ...]';
        v.counterValues = values;
        values.forEach((c, storage) =>
          out.measurements.push({ quantity: 'pulse_count', value: c, unit: 'count', register: channel, storage, ...(storage === 0 && at ? { at } : {}) }),
        );
        break;
      }
      default:
        unsupportedFrame(ID, code);
    }
    out.vendor = { bytes: v };
    return out;
  },
};
