import { ByteReader } from '../../reader';
import type { AlarmCode, DecodedPayload, JsonObject, LorawanCodec, Measurement, UplinkInput } from '../../types';
import { checkPort, networkConfig, productMode, statusByte, unsupportedFrame } from './common';

/** One TIC label of a profile's 0x49 frame: fixed-length ASCII or a uint32 BE value (0x80000000 = not found). */
export type TicField =
  | { label: string; kind: 'text'; length: number }
  | { label: string; kind: 'date' }
  | { label: string; kind: 'value'; unit: string; canonical?: Omit<Measurement, 'value'> & { scale?: number } };

const NOT_FOUND = 0x80000000;
const ALARM_TYPES = ['manualTrigger', 'labelAppearance', 'labelDisappearance', 'highTreshold', 'lowTreshold', 'endThresholdAlarm', 'deltaPositive', 'deltaNegative'];
const pad2 = (n: number): string => String(n).padStart(2, '0');
/** ASCII without its NUL bytes. */
function text(b: Uint8Array): string {
  let s = '';
  for (const c of b) if (c !== 0) s += String.fromCharCode(c);
  return s;
}

/** A value label's canonical measurement split from its scale, once per label. */
const SPLIT = new WeakMap<object, { measurement: Omit<Measurement, 'value'>; scale: number }>();

function splitCanonical(canonical: Omit<Measurement, 'value'> & { scale?: number }): { measurement: Omit<Measurement, 'value'>; scale: number } {
  let split = SPLIT.get(canonical);
  if (split === undefined) {
    const { scale = 1, ...measurement } = canonical;
    SPLIT.set(canonical, (split = { measurement, scale }));
  }
  return split;
}

function ticData(fields: TicField[], r: ByteReader, v: JsonObject, out: DecodedPayload): void {
  v.type = '0x49 TIC data';
  for (const f of fields) {
    if (f.kind === 'text') {
      const s = text(r.take(f.length, f.label));
      if (s.length > 0) v[f.label] = s;
      else v[`${f.label}status`] = 'notFound';
    } else if (f.kind === 'date') {
      const d = r.take(6, f.label);
      const s = `${2000 + d[2]}-${pad2(d[1])}-${pad2(d[0])}T${pad2(d[3])}:${pad2(d[4])}:${pad2(d[5])}`;
      if (s !== '2000-01-01T00:00:00') v[f.label] = s;
      else v[`${f.label}status`] = 'notFound';
    } else {
      const value = r.u32be(f.label);
      if (value === NOT_FOUND) {
        v[`${f.label}status`] = 'notFound';
        continue;
      }
      v[f.label] = { unit: f.unit, value };
      if (f.canonical) {
        const { measurement, scale } = splitCanonical(f.canonical);
        out.measurements.push({ ...measurement, value: value * scale });
      }
    }
  }
}

/**
 * Adeunis TIC (French teleinfo) readers, fPort 1: byte 0 frame code, byte 1 status (frame
 * counter, configuration inconsistency bit 3, read error bit 4, low battery bit 1, configuration
 * done bit 0). Frames: 0x10 configuration, 0x20 network configuration, 0x30 keep alive, 0x49 the
 * labels of the profile, 0x4A TIC alarm (label, alarm type, value). The profile (CBE/Linky mono or
 * three-phase, PME-PMI) fixes which labels a 0x49 frame carries, in order.
 */
export function ticCodec(id: string, model: string, fields: TicField[]): LorawanCodec {
  return {
    meta: {
      id,
      vendor: 'adeunis',
      model,
      utility: 'electricity',
      protocol: 'lorawan',
      fPorts: [1],
      downlinks: [],
      sources: [
        'https://github.com/TheThingsNetwork/lorawan-devices/tree/master/vendor/adeunis (tic_*_lib.js)',
        'Adeunis TIC technical reference manual',
      ],
    },
    decode(input: UplinkInput): DecodedPayload {
      checkPort(id, input.fPort);
      const bytes = input.bytes;
      const r = new ByteReader(bytes, 'TIC frame');
      const code = r.u8('frame code');
      const status = r.u8('status byte');
      const out: DecodedPayload = { codec: id, measurements: [], alarms: [], vendor: {} };
      const st = statusByte(status, out);
      st.configurationInconsistency = Boolean(status & 0x08);
      st.readError = Boolean(status & 0x10);
      if (status & 0x10) out.alarms.push('communication_error');
      const v: JsonObject = { type: '', status: st };
      switch (code) {
        case 0x10: {
          v.type = '0x10 TIC configuration';
          const keepAlive = r.u8('keep-alive period');
          const data = r.u16be('data period');
          const mode = r.u8('product mode');
          const sampling = r.u16be('sampling period');
          const seconds = mode === 2;
          v.transmissionPeriodKeepAlive = seconds ? { unit: 's', value: keepAlive * 20 } : { unit: 'm', value: keepAlive * 10 };
          v.samplingPeriod = seconds ? { unit: 's', value: sampling * 20 } : { unit: 'm', value: sampling };
          v.transmissionPeriodData = data;
          v.productMode = productMode(mode);
          break;
        }
        case 0x20:
          networkConfig(bytes, v);
          break;
        case 0x30:
          v.type = '0x30 Keep alive';
          break;
        case 0x49:
          ticData(fields, r, v, out);
          break;
        case 0x4a: {
          v.type = '0x4a TIC alarm';
          v.label = text(r.take(10, 'alarm label')) || 'notFound';
          const type = r.u8('alarm type');
          v.alarmType = ALARM_TYPES[type] ?? '';
          v.value = text(r.rest()) || 'notFound';
          const alarm: AlarmCode | undefined = type === 3 || type === 4 ? 'threshold' : undefined;
          if (alarm) out.alarms.push(alarm);
          break;
        }
        default:
          unsupportedFrame(id, code);
      }
      out.vendor = { bytes: v };
      return out;
    },
  };
}
