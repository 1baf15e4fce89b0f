import { CodecError } from '../../errors';
import { ByteReader, round } from '../../reader';
import type { AlarmCode, DecodedPayload, DownlinkCommand, EncodedDownlink, JsonObject, LorawanCodec, UplinkInput } from '../../types';
import { isoString } from '../iso-time';

const ID = 'dragino/sw3l';

/** Pulses per litre by calculate flag (0: 450, 1: 360, 2: 60), as the vendor decoder converts. */
const pulsesPerLitre = (flag: number): number => (flag === 2 ? 60 : flag === 1 ? 360 : 450);

const BANDS: Record<number, string> = {
  1: 'EU868', 2: 'US915', 3: 'IN865', 4: 'AU915', 5: 'KZ865', 6: 'RU864', 7: 'AS923',
  8: 'AS923_1', 9: 'AS923_2', 10: 'AS923_3', 11: 'CN470', 12: 'EU433', 13: 'KR920', 14: 'MA869',
};

const pad = (n: number): string => String(n).padStart(2, '0');
/** "YYYY-MM-DD hh:mm:ss" of a Unix time, in UTC (the vendor decoder prints the server's local time). */
function dateText(unix: number): string {
  const d = new Date(unix * 1000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
const iso = (unix: number): string => isoString(unix * 1000);

function flowData(r: ByteReader, out: DecodedPayload): void {
  const b0 = r.u8('flags');
  const pulses = r.u32be('pulse count');
  const mode = r.u8('mode');
  r.u8('reserved');
  const time = r.u32be('data time');
  const flag = (b0 & 0xfc) >> 2;
  const litres = Number((pulses / pulsesPerLitre(flag)).toFixed(1));
  const alarm = (b0 & 0x02) !== 0;
  const vendor: JsonObject = { MOD: mode, Calculate_flag: flag, Alarm: alarm ? 'TRUE' : 'FALSE', Water_flow_value: litres };
  if (mode === 1) vendor.Last_pulse = pulses;
  else vendor.Total_pulse = pulses;
  vendor.Data_time = dateText(time);
  const register = mode === 1 ? 'interval' : 'total';
  const at = iso(time);
  out.vendor = vendor;
  out.measurements.push(
    { quantity: 'pulse_count', value: pulses, unit: 'count', register, at },
    { quantity: mode === 1 ? 'interval_volume' : 'volume', value: round(litres / 1000, 6), unit: 'm3', at },
  );
  if (alarm) out.alarms.push('leak');
}

function datalog(r: ByteReader, out: DecodedPayload): void {
  if (r.remaining === 0 || r.remaining % 11 !== 0) {
    throw new CodecError('MALFORMED', `${ID}: datalog of ${r.remaining} bytes is not a whole number of 11-byte records`);
  }
  let text = '';
  let slot = 0;
  while (!r.done) {
    const b0 = r.u8('record flags');
    const mode = r.u8('record mode');
    r.u8('reserved');
    const pulses = r.u32be('record pulse count');
    const time = r.u32be('record time');
    const flag = (b0 & 0xfc) >> 2;
    const litres = (pulses / pulsesPerLitre(flag)).toFixed(1);
    text += `[${b0 & 0x02 ? 'TRUE' : 'FALSE'},${flag},${mode},${pulses},${litres},${dateText(time)}],`;
    slot += 1;
    const at = iso(time);
    out.measurements.push({ quantity: 'pulse_count', value: pulses, unit: 'count', at, storage: slot });
    out.measurements.push({ quantity: 'volume', value: round(Number(litres) / 1000, 6), unit: 'm3', at, storage: slot });
  }
  out.vendor = { DATALOG: text };
}

/**
 * Dragino SW3L outdoor water flow sensor. fPort 2: flow data (alarm bit and calculate flag in
 * byte 0, pulse count uint32 BE, mode, reserved, Unix time uint32 BE); fPort 3: datalog of 11-byte
 * records; fPort 4: configuration (TDC uint24 BE, stop timer byte 4, alarm timer uint16 BE);
 * fPort 5: device status (model, firmware, band, sub-band, battery mV). Downlink: TDC (0x01 +
 * uint24 BE seconds).
 */
export const sw3l: LorawanCodec = {
  meta: {
    id: ID,
    vendor: 'dragino',
    model: 'SW3L',
    utility: 'water',
    protocol: 'lorawan',
    fPorts: [2, 3, 4, 5],
    downlinks: ['reporting_interval'],
    sources: [
      'https://github.com/TheThingsNetwork/lorawan-devices/blob/master/vendor/dragino/sw3l.js',
      'https://wiki.dragino.com/xwiki/bin/view/Main/User%20Manual%20for%20LoRaWAN%20End%20Nodes/SW3L%20LoRaWAN%20Outdoor%20Flow%20Sensor/',
    ],
  },
  decode(input: UplinkInput): DecodedPayload {
    const r = new ByteReader(input.bytes, `SW3L fPort ${input.fPort} frame`);
    const out: DecodedPayload = { codec: ID, measurements: [], alarms: [] as AlarmCode[], vendor: {} };
    switch (input.fPort) {
      case 2:
        flowData(r, out);
        break;
      case 3:
        datalog(r, out);
        break;
      case 4: {
        const tdc = r.u24be('TDC');
        r.u8('reserved');
        const stop = r.u8('stop timer');
        const alarmTimer = r.u16be('alarm timer');
        out.vendor = { TDC: tdc, Stop_Timer: stop, Alarm_Timer: alarmTimer };
        break;
      }
      case 5: {
        const model = r.u8('sensor model');
        const fw1 = r.u8('firmware major');
        const fw2 = r.u8('firmware minor');
        const band = r.u8('frequency band');
        const subBand = r.u8('sub-band');
        const mv = r.u16be('battery');
        const vendor: JsonObject = {};
        if (model === 0x11) vendor.SENSOR_MODEL = 'SW3L';
        vendor.SUB_BAND = subBand === 0xff ? 'NULL' : subBand;
        const bandName = BANDS[band];
        if (bandName !== undefined) vendor.FREQUENCY_BAND = bandName;
        const firmware = `${fw1 & 0x0f}.${(fw2 >> 4) & 0x0f}.${fw2 & 0x0f}`;
        vendor.FIRMWARE_VERSION = firmware;
        vendor.BAT = mv / 1000;
        out.vendor = vendor;
        out.device = { firmware, batteryVoltage: mv / 1000 };
        break;
      }
      default:
        throw new CodecError('UNSUPPORTED_PORT', `${ID}: unknown FPort ${input.fPort}`, { fPort: input.fPort });
    }
    return out;
  },
  encode(command: DownlinkCommand): EncodedDownlink {
    if (command.type !== 'reporting_interval') {
      throw new CodecError('UNSUPPORTED_COMMAND', `${ID} cannot encode a ${command.type} command`);
    }
    const s = command.seconds;
    if (!Number.isInteger(s) || s < 1 || s > 0xffffff) {
      throw new CodecError('INVALID_COMMAND', `${ID}: TDC must be a whole number of seconds in 1..16777215, got ${s}`);
    }
    return { fPort: 2, bytes: Uint8Array.of(0x01, (s >> 16) & 0xff, (s >> 8) & 0xff, s & 0xff) };
  },
};
