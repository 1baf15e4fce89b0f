import { CodecError } from '../../errors';
import { ByteReader, round } from '../../reader';
import type { AlarmCode, DecodedPayload, JsonObject, LorawanCodec, Measurement, UplinkInput } from '../../types';
import { isoString } from '../iso-time';
import { pow2 } from '../../pow';

const ID = 'axioma/qalcosonic-w1';
const LENGTH = 51;
const DELTAS = 23;

/** `length` bits starting `bitOffset` bits into `bytes`, least significant bit first. */
function bitsLE(bytes: Uint8Array, bitOffset: number, length: number): number {
  if (length <= 24) {
    // At most 31 bits from four bytes in place (bytes past the end read as 0, as below).
    const i = bitOffset >> 3;
    const word = (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24)) >>> 0;
    return (word >>> (bitOffset & 7)) & ((1 << length) - 1);
  }
  let value = 0;
  for (let i = 0; i < length; i++) {
    const bit = bitOffset + i;
    if ((bytes[bit >> 3] >> (bit & 7)) & 1) value += pow2(i);
  }
  return value;
}

/** Status flags as the vendor decoder reads them (several codes share bits). */
function statusFlags(s: number): Record<string, boolean> {
  const backflow = (s & 0x60) === 0x60;
  const burst = (s & 0xa0) === 0xa0;
  return {
    low_battery: (s & 0x04) !== 0,
    permanent_error: (s & 0x08) !== 0,
    temporary_error: (s & 0x10) !== 0,
    pipe_empty: s === 0x10,
    backflow,
    burst,
    leakage: (s & 0x20) !== 0 && !backflow && !burst,
    low_temperature: (s & 0x80) !== 0 && !burst,
  };
}

/** Status flag -> canonical alarm, in the order the alarms are listed. */
const ALARM_OF: readonly (readonly [string, AlarmCode])[] = [
  ['low_battery', 'low_battery'],
  ['permanent_error', 'permanent_error'],
  ['temporary_error', 'temporary_error'],
  ['pipe_empty', 'dry'],
  ['backflow', 'backflow'],
  ['burst', 'burst'],
  ['leakage', 'leak'],
  ['low_temperature', 'low_temperature'],
];

/**
 * Axioma Qalcosonic W1 "enhanced 24h" frame (fPort 100, exactly 51 bytes), as the community decoder
 * in the LoRaWAN Device Repository reads it: byte 0 frame version 0x01; bytes 1-4 Unix time (uint32
 * LE); byte 5 status; bytes 6-9 volume at the log time in litres (uint32 LE); from byte 10, 23
 * hourly deltas in litres packed as 14-bit fields LSB first, then a 6-bit history multiplier. The
 * current volume is the log volume plus the deltas. Canonical: the current volume, the log volume
 * (storage 1, at the frame time) and each delta as an interval volume at the end of its hour,
 * counted forward from the frame time.
 */
export const qalcosonicW1: LorawanCodec = {
  meta: {
    id: ID,
    vendor: 'axioma',
    model: 'Qalcosonic W1',
    utility: 'water',
    protocol: 'lorawan',
    fPorts: [100],
    downlinks: [],
    sources: [
      'https://github.com/TheThingsNetwork/lorawan-devices/blob/master/vendor/axioma/qalcosonic-w1-codec.js',
      'https://vdocuments.mx/ultrasonic-water-meter-qalcosonic-w1.html',
    ],
  },
  decode(input: UplinkInput): DecodedPayload {
    if (input.fPort !== 100) {
      throw new CodecError('UNSUPPORTED_PORT', `Unsupported FPort: ${input.fPort}`, { fPort: input.fPort });
    }
    const bytes = input.bytes;
    const r = new ByteReader(bytes, 'Qalcosonic W1 enhanced frame');
    r.need(LENGTH, 'enhanced 24h frame');
    if (bytes.length !== LENGTH) {
      throw new CodecError('MALFORMED', `Unsupported payload length: ${bytes.length}`, { length: bytes.length });
    }
    const version = r.u8('frame version');
    if (version !== 0x01) {
      throw new CodecError('UNSUPPORTED_FRAME', `Unsupported frame version: 0x${version.toString(16)}`, { version });
    }
    const time = r.u32le('timestamp');
    const status = r.u8('status');
    const logLitres = r.u32le('log volume');
    const packed = r.take(LENGTH - 10, 'hourly deltas');

    const flags = statusFlags(status);
    const at = isoString(time * 1000);
    const measurements: Measurement[] = [];
    const deltas: number[] = [];
    let total = 0;
    for (let i = 0; i < DELTAS; i++) {
      const litres = bitsLE(packed, i * 14, 14);
      deltas.push(litres / 1000);
      total += litres;
      measurements.push({
        quantity: 'interval_volume',
        value: litres / 1000,
        unit: 'm3',
        at: isoString((time + (i + 1) * 3600) * 1000),
        storage: i + 1,
      });
    }
    const multiplier = bitsLE(packed, DELTAS * 14, 6);
    // One literal: adding the 23 delta keys one by one costs V8 a slow property addition each.
    const vendor: JsonObject = {
      payload_format: 'AXIOMA_W1_ENHANCED_24H',
      frame_version: version,
      payload_bytes: bytes.length,
      timestamp_unix: time,
      timestamp_utc: at,
      status,
      low_battery: flags.low_battery,
      permanent_error: flags.permanent_error,
      temporary_error: flags.temporary_error,
      pipe_empty: flags.pipe_empty,
      backflow: flags.backflow,
      burst: flags.burst,
      leakage: flags.leakage,
      low_temperature: flags.low_temperature,
      log_volume_m3: logLitres / 1000,
      delta_1_m3: deltas[0],
      delta_2_m3: deltas[1],
      delta_3_m3: deltas[2],
      delta_4_m3: deltas[3],
      delta_5_m3: deltas[4],
      delta_6_m3: deltas[5],
      delta_7_m3: deltas[6],
      delta_8_m3: deltas[7],
      delta_9_m3: deltas[8],
      delta_10_m3: deltas[9],
      delta_11_m3: deltas[10],
      delta_12_m3: deltas[11],
      delta_13_m3: deltas[12],
      delta_14_m3: deltas[13],
      delta_15_m3: deltas[14],
      delta_16_m3: deltas[15],
      delta_17_m3: deltas[16],
      delta_18_m3: deltas[17],
      delta_19_m3: deltas[18],
      delta_20_m3: deltas[19],
      delta_21_m3: deltas[20],
      delta_22_m3: deltas[21],
      delta_23_m3: deltas[22],
      history_count: DELTAS,
      history_total_m3: total / 1000,
      current_volume_m3: (logLitres + total) / 1000,
      history_multiplier: multiplier,
    };
    measurements.unshift(
      { quantity: 'volume', value: round((logLitres + total) / 1000, 3), unit: 'm3' },
      { quantity: 'volume', value: logLitres / 1000, unit: 'm3', at, storage: 1, register: 'log' },
    );
    const alarms: AlarmCode[] = [];
    for (const [flag, alarm] of ALARM_OF) if (flags[flag]) alarms.push(alarm);
    const out: DecodedPayload = { codec: ID, measurements, alarms, device: { statusByte: status }, vendor };
    if (multiplier !== 0) out.warnings = ['Non-zero history multiplier detected. Additional scaling may be required.'];
    return out;
  },
};
