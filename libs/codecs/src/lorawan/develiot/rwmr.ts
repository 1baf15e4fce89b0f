import { CodecError } from '../../errors';
import { ByteReader, round } from '../../reader';
import type { DecodedPayload, LorawanCodec, Measurement, UplinkInput } from '../../types';

const ID = 'develiot/rwmr';

const SERVICES = [
  'LORASENSE_REPORT_SERVICE_PULSE_COUNTER1',
  'LORASENSE_REPORT_SERVICE_PULSE_COUNTER2',
  'LORASENSE_REPORT_SERVICE_TEMPERATURE',
] as const;

/** Linear map of a 0-255 byte onto [lo, hi], rounded to 2 decimals as the vendor decoder prints it. */
const linear = (raw: number, lo: number, hi: number): number => Number(((raw * (hi - lo)) / 255 + lo).toFixed(2));

/** The 256 answers of `linear` for one range, computed once (toFixed is slow and a byte has few values). */
const table = (lo: number, hi: number): readonly number[] => Array.from({ length: 256 }, (_, raw) => linear(raw, lo, hi));
const BATTERY_VOLTS = table(0, 3.3);
const TEMPERATURE_DEGC = table(-30, 60);

/**
 * Develiot RWMR remote water meter reader, status frame on fPort 12 (hardware V8):
 * byte 0 = firmware version (high nibble) + active-service mask (low nibble: bit0 pulse counter 1,
 * bit1 pulse counter 2, bit2 temperature); bytes 1-4 and 5-8 = pulse counters 1 and 2 (uint32 LE);
 * byte 9 = battery, 0-255 linear to 0-3.3 V; byte 10 = temperature, 0-255 linear to -30..60 degC.
 * Any other port is answered with the vendor decoder's "Unknown port".
 */
export const rwmr: LorawanCodec = {
  meta: {
    id: ID,
    vendor: 'develiot',
    model: 'RWMR',
    utility: 'water',
    protocol: 'lorawan',
    fPorts: [12],
    downlinks: [],
    sources: ['https://github.com/TheThingsNetwork/lorawan-devices/blob/master/vendor/develiot/rwmr.js'],
  },
  decode(input: UplinkInput): DecodedPayload {
    if (input.fPort !== 12) {
      throw new CodecError('UNSUPPORTED_PORT', `Unknown port ${input.fPort}`, { fPort: input.fPort });
    }
    const r = new ByteReader(input.bytes, 'RWMR status frame');
    const head = r.u8('version/services byte');
    const counter1 = r.u32le('pulse counter 1');
    const counter2 = r.u32le('pulse counter 2');
    const batteryRaw = r.u8('battery');
    const temperatureRaw = r.u8('temperature');
    const firmwareVersion = head >> 4;
    const activatedServices = SERVICES.filter((_, i) => (head >> i) & 1);
    const battery = BATTERY_VOLTS[batteryRaw];
    const temperature = TEMPERATURE_DEGC[temperatureRaw];

    const measurements: Measurement[] = [];
    if (head & 0x01) measurements.push({ quantity: 'pulse_count', value: counter1, unit: 'count', register: 'counter1' });
    if (head & 0x02) measurements.push({ quantity: 'pulse_count', value: counter2, unit: 'count', register: 'counter2' });
    if (head & 0x04) measurements.push({ quantity: 'temperature', value: round(temperature, 2), unit: 'degC' });
    return {
      codec: ID,
      measurements,
      alarms: [],
      device: { batteryVoltage: battery, firmware: String(firmwareVersion), hardware: '8' },
      vendor: {
        type: 'status',
        hardwareVersion: 8,
        firmwareVersion,
        pulseCounter1: counter1,
        pulseCounter2: counter2,
        batteryLevel: battery,
        temperature,
        activatedServices,
      },
    };
  },
};
