import { CodecError } from '../../errors';
import { ByteReader } from '../../reader';
import type { DecodedPayload, DownlinkCommand, EncodedDownlink, JsonObject, JsonValue, LorawanCodec, UplinkInput } from '../../types';
import { MILESIGHT_PORT, checkPort, deviceInfo, u16le } from './common';
import { isoString } from '../iso-time';
import { withField } from '../../copy';

const ID = 'milesight-iot/em300-di';

function historyPoint(r: ByteReader, out: DecodedPayload, slot: number): JsonObject {
  const time = r.u32le('history timestamp');
  const temperature = r.i16le('history temperature') / 10;
  const humidity = r.u8('history humidity') / 2;
  const mode = r.u8('history mode');
  const gpio = r.u8('history gpio');
  const pulse = r.u32le('history pulse');
  const at = isoString(time * 1000);
  const point: JsonObject = { timestamp: time, temperature, humidity };
  out.measurements.push(
    { quantity: 'temperature', value: temperature, unit: 'degC', at, storage: slot },
    { quantity: 'humidity', value: humidity, unit: '%', at, storage: slot },
  );
  if (mode === 1) {
    point.gpio = gpio;
    out.measurements.push({ quantity: 'gpio_state', value: gpio, unit: '', at, storage: slot });
  } else if (mode === 2) {
    point.pulse = pulse;
    out.measurements.push({ quantity: 'pulse_count', value: pulse, unit: 'count', at, storage: slot });
  }
  return point;
}

/**
 * Milesight EM300-DI pulse counter (fPort 85): a sequence of [channel id][channel type][value]:
 * 01 75 battery %, 03 67 temperature (int16 LE /10 degC), 04 68 humidity (/2 %), 05 00 GPIO state,
 * 05 C8 pulse counter (uint32 LE), 20 CE history record (time, temperature, humidity, mode, GPIO
 * or pulses), FF xx device information. Like the vendor decoder, decoding stops at an unknown
 * channel (with a warning here).
 */
export const em300Di: LorawanCodec = {
  meta: {
    id: ID,
    vendor: 'milesight-iot',
    model: 'EM300-DI',
    utility: 'pulse',
    protocol: 'lorawan',
    fPorts: [MILESIGHT_PORT],
    downlinks: ['reporting_interval', 'reset_counter'],
    sources: [
      'https://github.com/TheThingsNetwork/lorawan-devices/blob/master/vendor/milesight-iot/em300-di.js',
      'https://github.com/TheThingsNetwork/lorawan-devices/blob/master/vendor/milesight-iot/em300-di-encoder.js',
      'https://github.com/Milesight-IoT/SensorDecoders/tree/main/em-series/em300-di',
    ],
  },
  decode(input: UplinkInput): DecodedPayload {
    checkPort(ID, input.fPort);
    const r = new ByteReader(input.bytes, 'EM300-DI frame');
    const vendor: JsonObject = {};
    const out: DecodedPayload = { codec: ID, measurements: [], alarms: [], vendor };
    const history: JsonValue[] = [];
    while (!r.done) {
      const channel = r.u8('channel id');
      const type = r.u8('channel type');
      if (channel === 0xff && deviceInfo(type, r, vendor, out)) continue;
      if (channel === 0x01 && type === 0x75) {
        const b = r.u8('battery');
        vendor.battery = b;
        out.device = withField(out.device, 'batteryPercent', b);
      } else if (channel === 0x03 && type === 0x67) {
        const t = r.i16le('temperature') / 10;
        vendor.temperature = t;
        out.measurements.push({ quantity: 'temperature', value: t, unit: 'degC' });
      } else if (channel === 0x04 && type === 0x68) {
        const h = r.u8('humidity') / 2;
        vendor.humidity = h;
        out.measurements.push({ quantity: 'humidity', value: h, unit: '%' });
      } else if (channel === 0x05 && type === 0x00) {
        const g = r.u8('gpio');
        vendor.gpio = g;
        out.measurements.push({ quantity: 'gpio_state', value: g, unit: '' });
      } else if (channel === 0x05 && type === 0xc8) {
        const p = r.u32le('pulse counter');
        vendor.pulse = p;
        out.measurements.push({ quantity: 'pulse_count', value: p, unit: 'count' });
      } else if (channel === 0x20 && type === 0xce) {
        history.push(historyPoint(r, out, history.length + 1));
        vendor.history = history;
      } else {
        (out.warnings ??= []).push(`unknown channel 0x${channel.toString(16)} type 0x${type.toString(16)}: rest of the frame ignored`);
        break;
      }
    }
    return out;
  },
  encode(command: DownlinkCommand): EncodedDownlink {
    switch (command.type) {
      case 'reporting_interval': {
        const s = command.seconds;
        if (!Number.isInteger(s) || s < 60 || s > 64800) {
          throw new CodecError('INVALID_COMMAND', `${ID}: report_interval must be in the range of [60, 64800] seconds, got ${s}`);
        }
        return { fPort: MILESIGHT_PORT, bytes: Uint8Array.from([0xff, 0x03, ...u16le(s)]) };
      }
      case 'reset_counter':
        return { fPort: MILESIGHT_PORT, bytes: Uint8Array.of(0xff, 0x4e, 0x01, 0x00) };
      default:
        throw new CodecError('UNSUPPORTED_COMMAND', `${ID} cannot encode a ${command.type} command`);
    }
  },
};
