import { ByteReader } from '../../reader';
import type { AlarmCode, DecodedPayload, JsonObject, LorawanCodec, Measurement, UplinkInput } from '../../types';
import { checkPort, networkConfig, productMode, statusByte, unsupportedFrame } from './common';
import { withField } from '../../copy';

/** One TIC label of a profile's 0x49 frame: fixed-length ASCII or a uint32 BE value (0x80000000 = not found). */
export type TicField =
  | { label: string; kind: 'text'; length: number }
  | { label: string; kind: 'date' }
  | { label: string; kind: 'value'; unit: string; canonical?: Omit<Measurement, 'value'> & { scale?: number } };

const NOT_FOUND = 0x80000000;
const ALARM_TYPES = ['manualTrigger', 'labelAppearance', 'labelDisappearance', 'highTreshold', 'lowTreshold', 'endThresholdAlarm', 'deltaPositive', 'deltaNegative'];
const PAD2 = Array.from({ length: 256 }, (_, i) => String(i).padStart(2, '0'));
/** ASCII without its NUL bytes. */
function text(b: Uint8Array): string {
  let s = '';
  for (const c of b) if (c !== 0) s += String.fromCharCode(c);
  return s;
}

/** A label as a 0x49 frame reads it: its "…status" key and, for values, the canonical measurement split from its scale. */
interface PreparedField {
  label: string;
  statusKey: string;
  kind: TicField['kind'];
  length: number;
  unit: string;
  measurement: Omit<Measurement, 'value'> | undefined;
  /** `{ ...measurement, value }` for the measurement's key set, built in one literal. */
  withValue: (value: number) => Measurement;
  scale: number;
}

/**
 * `withField(m, 'value', value)` as one object literal for the key sets the profiles use (a
 * for-in copy per value was a third of a TIC frame's time); any other key set is copied as before.
 */
function valueMaker(m: Omit<Measurement, 'value'>): (value: number) => Measurement {
  const { quantity, unit, register, tariff } = m;
  switch (Object.keys(m).join(',')) {
    case 'quantity,unit':
      return (value) => ({ quantity, unit, value });
    case 'quantity,unit,register':
      return (value) => ({ quantity, unit, register, value });
    case 'quantity,unit,register,tariff':
      return (value) => ({ quantity, unit, register, tariff, value });
    default:
      return (value) => withField(m, 'value', value);
  }
}

const noMeasurement = (): Measurement => {
  throw new Error('TIC field without a canonical measurement');
};

function prepare(f: TicField): PreparedField {
  const p: PreparedField = {
    label: f.label,
    statusKey: `${f.label}status`,
    kind: f.kind,
    length: 0,
    unit: '',
    measurement: undefined,
    withValue: noMeasurement,
    scale: 1,
  };
  if (f.kind === 'text') p.length = f.length;
  else if (f.kind === 'value') {
    p.unit = f.unit;
    if (f.canonical) {
      const { scale = 1, ...measurement } = f.canonical;
      p.measurement = measurement;
      p.withValue = valueMaker(measurement);
      p.scale = scale;
    }
  }
  return p;
}

function ticData(fields: readonly PreparedField[], r: ByteReader, v: JsonObject, out: DecodedPayload): void {
  v.type = '0x49 TIC data';
  const bytes = r.bytes;
  for (const f of fields) {
    if (f.kind === 'text') {
      const s = r.asciiNoNul(f.length, f.label);
      if (s.length > 0) v[f.label] = s;
      else v[f.statusKey] = 'notFound';
    } else if (f.kind === 'date') {
      r.need(6, f.label);
      const i = r.offset;
      r.seek(i + 6);
      // Day, month, year - 2000, hours, minutes, seconds; all zero when the meter gave none.
      if (bytes[i] === 1 && bytes[i + 1] === 1 && (bytes[i + 2] | bytes[i + 3] | bytes[i + 4] | bytes[i + 5]) === 0) v[f.statusKey] = 'notFound';
      else v[f.label] = `${2000 + bytes[i + 2]}-${PAD2[bytes[i + 1]]}-${PAD2[bytes[i]]}T${PAD2[bytes[i + 3]]}:${PAD2[bytes[i + 4]]}:${PAD2[bytes[i + 5]]}`;
    } else {
      const value = r.u32be(f.label);
      if (value === NOT_FOUND) {
        v[f.statusKey] = 'notFound';
        continue;
      }
      v[f.label] = { unit: f.unit, value };
      if (f.measurement) out.measurements.push(f.withValue(value * f.scale));
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
  const prepared = fields.map(prepare);
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
          ticData(prepared, r, v, out);
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
