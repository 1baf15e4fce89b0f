import { CodecError } from '../../errors';
import { ByteReader } from '../../reader';
import type { AlarmCode, DecodedPayload, JsonObject, LorawanCodec, Measurement, UplinkInput } from '../../types';

/** Device types of the pulse family that share this frame: TX PULSE, ATEX, LED, CONTACT. */
const PULSE_TYPES = new Set([0x08, 0x09, 0x0a, 0x0b]);
const CHANNELS = ['pulse_ch1', 'pulse_ch2', 'pulse_oc'] as const;
/** Per channel: its register (its keys under values, alarm_status and states.status are written out below). */
const CHANNEL_KEYS = CHANNELS.map((c) => ({ register: c.replace('pulse_', '') }));
const BATTERY = [100, 75, 50, 25];
const bit = (v: number, n: number): boolean => ((v >> n) & 1) === 1;

/**
 * Enless TX PULSE 600-03x frame (fPort 1): bytes 0-2 device id (uint24 BE), byte 3 type, byte 4
 * sequence counter, byte 5 firmware version (low 6 bits), three counters uint32 BE (channel 1,
 * channel 2, open-collector input), a 16-bit alarm word (high flow bits 0-2, low flow bits 4-6,
 * leak bits 8-10, one per channel) and a 16-bit state word (bit 0 alarm message, bits 2-3 battery
 * level 100/75/50/25 %, bits 4-6 input closed, bits 8-10 debounce enabled).
 */
export function decodeTxPulse(id: string, input: UplinkInput): DecodedPayload {
  if (input.fPort !== 1) throw new CodecError('UNSUPPORTED_PORT', `${id}: unknown fPort ${input.fPort}`, { fPort: input.fPort });
  const r = new ByteReader(input.bytes, 'TX PULSE frame');
  const deviceId = r.u24be('device id');
  const type = r.u8('device type');
  if (!PULSE_TYPES.has(type)) {
    throw new CodecError('UNSUPPORTED_FRAME', `${id}: Invalid Type1- (device type 0x${type.toString(16)} is not a pulse transmitter)`, { type });
  }
  const seq = r.u8('sequence counter');
  const fw = r.u8('firmware version') & 0x3f;
  const counts = [r.u32be('pulse_ch1 counter'), r.u32be('pulse_ch2 counter'), r.u32be('pulse_oc counter')];
  const alarm = r.u16be('alarm word');
  const state = r.u16be('state word');

  const measurements: Measurement[] = [];
  const alarms = new Set<AlarmCode>();
  for (let i = 0; i < CHANNELS.length; i++) {
    measurements.push({ quantity: 'pulse_count', value: counts[i], unit: 'count', register: CHANNEL_KEYS[i].register });
    if (bit(alarm, i)) alarms.add('high_flow');
    if (bit(alarm, i + 4)) alarms.add('low_flow');
    if (bit(alarm, i + 8)) alarms.add('leak');
  }
  // The vendor's objects in one literal each (keys per channel in CHANNELS order), not key by key.
  const values: JsonObject = {
    pulse_ch1: { unit: '', value: counts[0] },
    pulse_ch2: { unit: '', value: counts[1] },
    pulse_oc: { unit: '', value: counts[2] },
  };
  const alarmStatus: JsonObject = {
    pulse_ch1_flow: { high: bit(alarm, 0), low: bit(alarm, 4) },
    pulse_ch1_leak: bit(alarm, 8),
    pulse_ch2_flow: { high: bit(alarm, 1), low: bit(alarm, 5) },
    pulse_ch2_leak: bit(alarm, 9),
    pulse_oc_flow: { high: bit(alarm, 2), low: bit(alarm, 6) },
    pulse_oc_leak: bit(alarm, 10),
  };
  const status: JsonObject = {
    msg_type: bit(state, 0) ? 'alarm' : 'normal',
    pulse_ch1: bit(state, 4) ? 'closed' : 'open',
    debounce_ch1: bit(state, 8) ? 'enabled' : 'disabled',
    pulse_ch2: bit(state, 5) ? 'closed' : 'open',
    debounce_ch2: bit(state, 9) ? 'enabled' : 'disabled',
    pulse_oc: bit(state, 6) ? 'closed' : 'open',
    debounce_ch3: bit(state, 10) ? 'enabled' : 'disabled',
  };
  return {
    codec: id,
    measurements,
    alarms: [...alarms],
    device: { batteryPercent: BATTERY[(state >> 2) & 3], firmware: String(fw), serial: String(deviceId) },
    vendor: { id: deviceId, type, seq_counter: seq, fw_version: fw, values, alarm_status: alarmStatus, states: { status } },
  };
}

export function txPulseCodec(id: string, model: string): LorawanCodec {
  return {
    meta: {
      id,
      vendor: 'enless-wireless',
      model,
      utility: 'pulse',
      protocol: 'lorawan',
      fPorts: [1],
      downlinks: [],
      sources: ['https://github.com/TheThingsNetwork/lorawan-devices/blob/master/vendor/enless-wireless/enlessdecoder.js'],
    },
    decode: (input) => decodeTxPulse(id, input),
  };
}
