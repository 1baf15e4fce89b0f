import { CodecError } from '../../errors';
import { ByteReader, round } from '../../reader';
import type { AlarmCode, DecodedPayload, DownlinkCommand, EncodedDownlink, JsonObject, LorawanCodec, UplinkInput } from '../../types';

const ID = 'arwin-technology/lrs2m001-4xxx';
const METER_EVENTS = [
  'heartbeat/button', 'backup_power', 'ph_C_under_V', 'ph_C_over_V', 'ph_B_under_V',
  'ph_B_over_V', 'ph_A_under_V', 'ph_A_over_V', 'power_meter_not_found', 'backup_batt_low',
];
const METER_ALARMS: Record<string, AlarmCode> = {
  ph_C_under_V: 'under_voltage', ph_B_under_V: 'under_voltage', ph_A_under_V: 'under_voltage',
  ph_C_over_V: 'over_voltage', ph_B_over_V: 'over_voltage', ph_A_over_V: 'over_voltage',
  power_meter_not_found: 'communication_error', backup_batt_low: 'low_battery',
};
const PHASE_EVENTS = ['over_current', 'heartbeat/button'];
const PHASES = ['A', 'B', 'C'];

function events(bits: number, names: string[]): string[] {
  const list: string[] = [];
  for (let i = 0; i < names.length; i++) if ((bits >> i) & 1) list.push(names[i]);
  return list;
}
const version = (r: ByteReader): string => {
  const major = r.u8('version major');
  const minor = r.u8('version minor');
  const build = r.u16be('version build');
  return `${major}.${String(minor).padStart(2, '0')}.${String(build).padStart(3, '0')}`;
};

function packetType(r: ByteReader): void {
  if (r.u8('packet type') !== 10) throw new CodecError('UNSUPPORTED_FRAME', `${ID}: unknown packet type`);
}

function meterData(r: ByteReader, out: DecodedPayload): void {
  r.u8('packet type');
  const volts = [r.u16be('phase A voltage') / 10, r.u16be('phase B voltage') / 10, r.u16be('phase C voltage') / 10];
  const freqEvt = r.u24be('frequency/events');
  const battery = r.u8('backup battery');
  const ev = events(freqEvt, METER_EVENTS);
  const freq = freqEvt >> 10;
  out.vendor = { event: ev.join(','), phase_A_V: volts[0], phase_B_V: volts[1], phase_C_V: volts[2], freq, backup_batt: battery };
  out.measurements.push(
    { quantity: 'voltage', value: volts[0], unit: 'V', register: 'L1' },
    { quantity: 'voltage', value: volts[1], unit: 'V', register: 'L2' },
    { quantity: 'voltage', value: volts[2], unit: 'V', register: 'L3' },
    { quantity: 'frequency', value: freq, unit: 'Hz' },
  );
  out.device = { batteryPercent: battery };
  // The events' alarms, each once, in event order.
  const alarms: AlarmCode[] = [];
  for (const e of ev) {
    const alarm = METER_ALARMS[e];
    if (alarm !== undefined && !alarms.includes(alarm)) alarms.push(alarm);
  }
  for (const alarm of alarms) out.alarms.push(alarm);
}

function phaseData(r: ByteReader, out: DecodedPayload, fPort: number): void {
  packetType(r);
  const channel = Math.floor((fPort - 50) / 3) + 1;
  const phase = PHASES[(fPort - 50) % 3];
  const evtAmp = r.u16be('events/current');
  const powPf = r.u32be('power/power factor');
  const energy = r.i32be('active energy') / 10;
  let pow = (powPf >>> 10) & 0x3fffff;
  if (pow & 0x200000) pow -= 0x400000;
  const current = (evtAmp & 0x3fff) / 10;
  const power = pow / 10;
  const pf = (powPf & 0x3ff) / 1000;
  const ev = events(evtAmp >> 14, PHASE_EVENTS);
  out.vendor = { channel, phase, event: ev.join(','), current, active_pow: power, power_factor: pf, active_energy: energy };
  const register = `ch${channel}.${phase}`;
  out.measurements.push(
    { quantity: 'current', value: current, unit: 'A', register },
    { quantity: 'power', value: power, unit: 'W', register },
    { quantity: 'power_factor', value: pf, unit: '', register },
    { quantity: 'energy', value: round(energy, 1), unit: 'kWh', register },
  );
  if (ev.includes('over_current')) out.alarms.push('over_current');
}

/**
 * Arwin LRS2M001 power monitoring sensor (4 channels x 3 phases). fPort 10: meter data (phase
 * voltages uint16 BE /10 V, 24-bit frequency (bits 10+) and event bits, backup battery %); fPorts
 * 50-61: one channel/phase each (packet type 10, event bits + current /10 A, 22-bit signed active
 * power /10 W + 10-bit power factor /1000, active energy int32 BE /10 kWh); fPort 8 firmware;
 * fPort 9 firmware, battery, uplink count; fPort 16 meter settings; fPort 17 latency settings.
 * Downlink: read the meter settings (fPort 21).
 */
export const lrs2m0014xxx: LorawanCodec = {
  meta: {
    id: ID,
    vendor: 'arwin-technology',
    model: 'LRS2M001-4xxx',
    utility: 'electricity',
    protocol: 'lorawan',
    fPorts: [8, 9, 10, 16, 17, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61],
    downlinks: ['read_config'],
    sources: [
      'https://github.com/TheThingsNetwork/lorawan-devices/blob/master/vendor/arwin-technology/lrs2m001-4xxx-codec.yaml',
      'https://github.com/TheThingsNetwork/lorawan-devices/blob/master/vendor/arwin-technology/lrs2m001-4p3p.js',
    ],
  },
  decode(input: UplinkInput): DecodedPayload {
    const r = new ByteReader(input.bytes, `LRS2M001 fPort ${input.fPort} frame`);
    const out: DecodedPayload = { codec: ID, measurements: [], alarms: [], vendor: {} };
    const p = input.fPort;
    if (p === 10) meterData(r, out);
    else if (p >= 50 && p <= 61) phaseData(r, out, p);
    else if (p === 8) {
      const v = version(r);
      out.vendor = { firmwareVersion: v };
      out.device = { firmware: v };
    } else if (p === 9) {
      const v = version(r);
      const mv = r.u16be('battery level');
      const pct = r.u8('battery percentage');
      const count = r.i32be('uplink count');
      out.vendor = { firmwareVersion: v, batteryLevel: mv, batteryPercentage: pct, uplinkCount: count };
      out.device = { firmware: v, batteryPercent: pct };
    } else if (p === 16) {
      packetType(r);
      const vendor: JsonObject = {
        dataUploadInterval: r.u16be('upload interval'),
        underVoltageLimit: r.u16be('under-voltage limit'),
        overVoltageLimit: r.u16be('over-voltage limit'),
      };
      const ocl = r.u16be('over-current limit');
      vendor.overCurrentLimit = ocl & 0x8000 ? (ocl & 0x7fff) / 10 : ocl;
      out.vendor = vendor;
    } else if (p === 17) {
      packetType(r);
      out.vendor = {
        overCurrentLatency: r.u16be('over-current latency'),
        normalCurrentLatency: r.u16be('normal-current latency'),
        uplinkAlertClear: r.u8('uplink alert clear') ? 'enable' : 'disable',
      };
    } else {
      throw new CodecError('UNSUPPORTED_PORT', `${ID}: unknown FPort ${p}`, { fPort: p });
    }
    return out;
  },
  encode(command: DownlinkCommand): EncodedDownlink {
    if (command.type !== 'read_config') throw new CodecError('UNSUPPORTED_COMMAND', `${ID} cannot encode a ${command.type} command`);
    return { fPort: 21, bytes: Uint8Array.of(0x00) };
  },
};
