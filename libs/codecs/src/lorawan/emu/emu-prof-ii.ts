import { CodecError } from '../../errors';
import { ByteReader, round } from '../../reader';
import type { DecodedPayload, DownlinkCommand, EncodedDownlink, JsonObject, LorawanCodec, Measurement, UplinkInput } from '../../types';
import type { EmuRegister } from './registers';
import { REGISTERS, crc8, energyObis } from './registers';
import { isoString } from '../iso-time';
import { withField } from '../../copy';
import { pow10 } from '../../pow';

const ID = 'emu/emu-prof-ii';
/** Registers the documented downlink example activates: timestamp and the eight energy registers. */
const DEFAULT_REGISTERS = [1, 3, 4, 5, 6, 7, 8, 9, 10];
const ERROR_FLAGS: [string, number][] = [
  ['TimeChanged', 0x01], ['CTRatioChange', 0x02], ['VTRatioChange', 0x04], ['ImpulseWidthChange', 0x08],
  ['ImpulseRatioChange', 0x10], ['PowerFail', 0x20], ['LogbookFull', 0x80],
];

function readValue(r: ByteReader, def: EmuRegister): number | string {
  switch (def.type) {
    case 'u8': return r.u8(def.name);
    case 'i8': return r.i8(def.name);
    case 'u16': return r.u16le(def.name);
    case 'i32': return r.i32le(def.name);
    case 'u32': return r.u32le(def.name);
    case 'u64': return r.uintLE(8, def.name);
    case 'error': return r.u8(def.name);
    case 'serial': return [...r.take(4, def.name)].reverse().map((b) => b.toString(16).padStart(2, '0')).join('');
    case 'bcd': return [...r.take(4, def.name)].map(String).join('');
    case 'ascii': return [...r.take(4, def.name)].filter((b) => b !== 0).map((b) => String.fromCharCode(b)).join('');
  }
}

/** `{ quantity, value, unit, at, ...where }` as one literal: the register only for a phase. */
function phased(def: EmuRegister, quantity: string, value: number, unit: Measurement['unit'], at: string): Measurement {
  if (def.phase === undefined) return { quantity, value, unit, at };
  return { quantity, value, unit, at, register: def.phase === 4 ? 'N' : `L${def.phase}` };
}

/**
 * `Number((raw * factor).toFixed(fixed))` for a factor of 10^-fixed: an integer of at most 32 bits
 * times 0.1 or 0.01 is within 1e-7 of its exact decimal, so toFixed prints that decimal and Number
 * reads it back as raw / 10^fixed (both correctly rounded). Other cases call toFixed.
 */
function scaled(raw: number, factor: number, fixed: number): number {
  const divisor = pow10(fixed);
  if (fixed > 0 && factor === 1 / divisor && Number.isInteger(raw) && Math.abs(raw) <= 0xffffffff) return raw / divisor;
  return Number((raw * factor).toFixed(fixed));
}

function measurement(def: EmuRegister, value: number, at: string): Measurement | undefined {
  if (def.tariff !== undefined) {
    const reactive = def.unit === 'varh' || def.unit === 'kvarh';
    const kilo = def.unit === 'kWh' || def.unit === 'kvarh' ? value : value / 1000;
    return { quantity: reactive ? 'reactive_energy' : 'energy', value: round(kilo, 6), unit: reactive ? 'kvarh' : 'kWh', tariff: def.tariff, register: energyObis(def.name, def.tariff), at };
  }
  if (def.unit === 'W') return phased(def, def.name === 'Active Power average' ? 'power_average' : 'power', value, 'W', at);
  if (def.unit === 'mA') return phased(def, 'current', value / 1000, 'A', at);
  if (def.unit === 'V/10') return phased(def, 'voltage', value, 'V', at);
  if (def.unit === 'Cos') return phased(def, 'power_factor', value, '', at);
  if (def.unit === 'Hz') return { quantity: 'frequency', value, unit: 'Hz', at };
  return undefined;
}

/**
 * EMU Professional II LoRa three-phase energy meter. Every uplink: uint32 LE data-logger time, then
 * [register id][value] pairs (LE; energy Wh/varh or kWh/kvarh, power W, current mA, voltage 0.1 V,
 * power factor 0.01, frequency 0.1 Hz, identity registers 0xF0-0xFE after join), then a CRC-8
 * (poly 0x07): a mismatch only adds the vendor's warning "crc-8 wrong". Uplinks of 2 bytes or less
 * are status updates without data. The fPort is the one the register set was configured on.
 * Downlink (EMU's encoder): readout interval in minutes (uint16 LE), flags (0x08 port active),
 * register ids, CRC-8.
 */
export const emuProfII: LorawanCodec = {
  meta: {
    id: ID,
    vendor: 'emu',
    model: 'Professional II LoRa',
    utility: 'electricity',
    protocol: 'lorawan',
    fPorts: [1, 100],
    downlinks: ['reporting_interval'],
    sources: ['https://github.com/TheThingsNetwork/lorawan-devices/blob/master/vendor/emu/profii-lp-codec_generic.js'],
  },
  decode(input: UplinkInput): DecodedPayload {
    const bytes = input.bytes;
    const out: DecodedPayload = { codec: ID, measurements: [], alarms: [], vendor: {} };
    if (bytes.length <= 2) return out;
    const r = new ByteReader(bytes.subarray(0, bytes.length - 1), 'EMU frame');
    const time = r.u32le('data-logger timestamp');
    const at = isoString(time * 1000);
    const vendor: JsonObject = {};
    while (!r.done) {
      const id = r.u8('register id');
      const def = REGISTERS.get(id);
      if (def === undefined) throw new CodecError('MALFORMED', `${ID}: invalid data-type 0x${id.toString(16)} at offset ${r.offset - 1}`, { id });
      const raw = readValue(r, def);
      const entry: JsonObject = {};
      if (def.unit !== undefined) entry.unit = def.unit;
      if (def.unitCalculated !== undefined) entry.unit_calculated = def.unitCalculated;
      if (def.phase !== undefined) entry.cfgphase = def.phase;
      let value = raw;
      if (def.factor !== undefined && typeof raw === 'number') {
        entry.value_raw = raw;
        value = scaled(raw, def.factor, def.fixed ?? 0);
      }
      entry.value = value;
      if (def.type === 'error' && typeof raw === 'number') for (const [flag, mask] of ERROR_FLAGS) entry[flag] = (raw & mask) !== 0;
      vendor[def.name] = entry;
      if (typeof value === 'number') {
        const m = measurement(def, value, at);
        if (m) out.measurements.push(m);
      }
      if (def.name === 'serial-number' && typeof value === 'string') out.device = withField(out.device, 'serial', value);
      if (def.name === 'firmware version' && typeof value === 'string') out.device = withField(out.device, 'firmware', value);
    }
    vendor.timeStamp = time;
    vendor.medium = { type: 1, desc: 'Electricity' };
    out.vendor = vendor;
    if (crc8(bytes.subarray(0, bytes.length - 1)) !== bytes[bytes.length - 1]) out.warnings = ['crc-8 wrong'];
    return out;
  },
  encode(command: DownlinkCommand): EncodedDownlink {
    if (command.type !== 'reporting_interval') throw new CodecError('UNSUPPORTED_COMMAND', `${ID} cannot encode a ${command.type} command`);
    const minutes = command.seconds / 60;
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 0xffff) {
      throw new CodecError('INVALID_COMMAND', `${ID}: readout interval must be whole minutes in 1..65535, got ${command.seconds} s`);
    }
    const body = Uint8Array.from([minutes & 0xff, minutes >> 8, 0x08, ...DEFAULT_REGISTERS]);
    const bytes = new Uint8Array(body.length + 1);
    bytes.set(body);
    bytes[body.length] = crc8(body);
    return { fPort: 1, bytes };
  },
};
