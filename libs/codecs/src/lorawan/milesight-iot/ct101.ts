import { CodecError } from '../../errors';
import { ByteReader } from '../../reader';
import type { DecodedPayload, DownlinkCommand, EncodedDownlink, JsonObject, LorawanCodec, UplinkInput } from '../../types';
import { MILESIGHT_PORT, checkPort, deviceInfo, u16le } from './common';

const ID = 'milesight-iot/ct101';
const yesNo = (bit: number): string => (bit ? 'yes' : 'no');
const CONDITIONS: Record<number, string> = { 0: 'disable', 1: 'below', 2: 'above', 3: 'between', 4: 'outside' };

/** Answers to configuration downlinks (channel 0xFE or 0xFF), as the vendor decoder reads them. */
function downlinkResponse(type: number, r: ByteReader, vendor: JsonObject): void {
  switch (type) {
    case 0x02:
      vendor.alarm_report_interval = r.u16le('alarm report interval');
      return;
    case 0x06: {
      const head = r.u8('alarm config');
      const body = new ByteReader(r.take(8, 'alarm config'), 'alarm config');
      const condition = CONDITIONS[head & 0x07] ?? 'unknown';
      const channel = (head >>> 3) & 0x07;
      if (channel === 0x01) {
        vendor.current_alarm_config = {
          condition,
          threshold_min: body.u16le(),
          threshold_max: body.u16le(),
          alarm_interval: body.u16le(),
          alarm_counts: body.u16le(),
        };
      } else if (channel === 0x04) {
        vendor.temperature_alarm_config = { condition, threshold_min: body.i16le() / 10, threshold_max: body.i16le() / 10 };
      }
      return;
    }
    case 0x10:
    case 0x27:
    case 0x28: {
      r.u8('response');
      const key = type === 0x10 ? 'reboot' : type === 0x27 ? 'clear_current_cumulative' : 'report_status';
      vendor[key] = 'yes';
      return;
    }
    case 0x8e:
      r.u8('reserved');
      vendor.report_interval = r.u16le('report interval');
      return;
    case 0xf2:
      vendor.alarm_report_counts = r.u16le('alarm report counts');
      return;
    default:
      throw new CodecError('MALFORMED', `${ID}: unknown downlink response 0x${type.toString(16)}`);
  }
}

/**
 * Milesight CT101/CT103/CT105 smart current transformer (fPort 85), channel/type/value items:
 * 03 97 total current (uint32 LE /100, Ah), 04 98 current (uint16 LE /100 A, 0xFFFF = read failed),
 * 09 67 temperature (int16 LE /10 degC; 0xFFFD over range, 0xFFFF read failed), 84 98 current
 * alarm (max, min, current, alarm bits: threshold, threshold release, over range, over range
 * release), 89 67 temperature alarm, FF xx device information, FE/FF xx downlink answers.
 */
export const ct101: LorawanCodec = {
  meta: {
    id: ID,
    vendor: 'milesight-iot',
    model: 'CT101',
    utility: 'electricity',
    protocol: 'lorawan',
    fPorts: [MILESIGHT_PORT],
    downlinks: ['reporting_interval', 'reset_counter'],
    sources: [
      'https://github.com/TheThingsNetwork/lorawan-devices/blob/master/vendor/milesight-iot/ct101.js',
      'https://github.com/Milesight-IoT/SensorDecoders/blob/main/CT_Series/CT101/CT101_Encoder.js',
    ],
  },
  decode(input: UplinkInput): DecodedPayload {
    checkPort(ID, input.fPort);
    const r = new ByteReader(input.bytes, 'CT101 frame');
    const vendor: JsonObject = {};
    const out: DecodedPayload = { codec: ID, measurements: [], alarms: [], vendor };
    while (!r.done) {
      const channel = r.u8('channel id');
      const type = r.u8('channel type');
      if (channel === 0xff && deviceInfo(type, r, vendor, out)) continue;
      if (channel === 0x03 && type === 0x97) {
        const ah = r.u32le('total current') / 100;
        vendor.total_current = ah;
        out.measurements.push({ quantity: 'total_current_ah', value: ah, unit: '' });
      } else if (channel === 0x04 && type === 0x98) {
        const raw = r.u16le('current');
        if (raw === 0xffff) {
          vendor.current_sensor_status = 'read failed';
          out.alarms.push('sensor_error');
        } else {
          vendor.current = raw / 100;
          out.measurements.push({ quantity: 'current', value: raw / 100, unit: 'A' });
        }
      } else if (channel === 0x09 && type === 0x67) {
        const raw = r.u16le('temperature');
        if (raw === 0xfffd || raw === 0xffff) {
          vendor.temperature_sensor_status = raw === 0xfffd ? 'over range alarm' : 'read failed';
          out.alarms.push(raw === 0xfffd ? 'over_range' : 'sensor_error');
        } else {
          const t = (raw > 0x7fff ? raw - 0x10000 : raw) / 10;
          vendor.temperature = t;
          out.measurements.push({ quantity: 'temperature', value: t, unit: 'degC' });
        }
      } else if (channel === 0x84 && type === 0x98) {
        const max = r.u16le('current max') / 100;
        const min = r.u16le('current min') / 100;
        const now = r.u16le('current') / 100;
        const bits = r.u8('current alarm');
        Object.assign(vendor, { current_max: max, current_min: min, current: now });
        vendor.current_alarm = {
          current_threshold_alarm: yesNo(bits & 1),
          current_threshold_alarm_release: yesNo((bits >> 1) & 1),
          current_over_range_alarm: yesNo((bits >> 2) & 1),
          current_over_range_alarm_release: yesNo((bits >> 3) & 1),
        };
        out.measurements.push(
          { quantity: 'current', value: now, unit: 'A' },
          { quantity: 'current', value: max, unit: 'A', register: 'max' },
          { quantity: 'current', value: min, unit: 'A', register: 'min' },
        );
        if (bits & 1) out.alarms.push('threshold');
        if (bits & 4) out.alarms.push('over_range');
      } else if (channel === 0x89 && type === 0x67) {
        const t = r.i16le('temperature') / 10;
        const state = r.u8('temperature alarm');
        vendor.temperature = t;
        vendor.temperature_alarm = state === 1 ? 'temperature threshold alarm' : state === 0 ? 'temperature threshold alarm release' : 'unknown';
        out.measurements.push({ quantity: 'temperature', value: t, unit: 'degC' });
        if (state === 1) out.alarms.push('threshold');
      } else if (channel === 0xfe || channel === 0xff) {
        downlinkResponse(type, r, vendor);
      } else {
        (out.warnings ??= []).push(`unknown channel 0x${channel.toString(16)} type 0x${type.toString(16)}: rest of the frame ignored`);
        break;
      }
    }
    out.alarms = [...new Set(out.alarms)];
    return out;
  },
  encode(command: DownlinkCommand): EncodedDownlink {
    switch (command.type) {
      case 'reporting_interval': {
        const minutes = command.seconds / 60;
        if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) {
          throw new CodecError('INVALID_COMMAND', `${ID}: report interval must be whole minutes in [1, 1440], got ${command.seconds} s`);
        }
        return { fPort: MILESIGHT_PORT, bytes: Uint8Array.from([0xff, 0x8e, 0x00, ...u16le(minutes)]) };
      }
      case 'reset_counter':
        return { fPort: MILESIGHT_PORT, bytes: Uint8Array.of(0xff, 0x27, 0x01) };
      default:
        throw new CodecError('UNSUPPORTED_COMMAND', `${ID} cannot encode a ${command.type} command`);
    }
  },
};
