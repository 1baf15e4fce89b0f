import { ByteReader } from '../../reader';
import type { DecodedPayload, JsonObject } from '../../types';
import { productMode } from './common';

const DEBOUNCE_MS = [0, 1, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];
const debounce = (v: number): JsonObject => ({ unit: 'ms', value: DEBOUNCE_MS[v] ?? 0 });
const state = (on: boolean): string => (on ? 'enabled' : 'disabled');
const kind = (gas: boolean): string => (gas ? 'gasPullUpOn' : 'otherPullUpOff');

/** 0x10 Pulse 4 configuration; LoRa (28 bytes) frames add leakage, tamper and redundancy settings. */
export function pulseConfig(bytes: Uint8Array, v: JsonObject): void {
  const u16 = (o: number): number => (bytes[o] << 8) | bytes[o + 1];
  new ByteReader(bytes, 'Pulse 4 configuration').need(11, 'configuration');
  const lora = bytes.length === 28;
  v.type = '0x10 Pulse 4 configuration';
  v.productMode = productMode(bytes[2]);
  v.numberOfHistorizationBeforeSending = u16(3);
  v.samplingPeriod = { unit: 's', value: u16(6) * 2 };
  v.calculatedSendingPeriod = { unit: 's', value: u16(3) * u16(6) * 2 };
  v.flowCalculationPeriod = bytes[2] === 2 ? { unit: 's', value: u16(9) * 20 } : { unit: 'm', value: u16(9) };
  if (lora) v.redundantSamples = bytes[27];
  const channels = [0, 1].map((c) => {
    const ch: JsonObject = { name: c === 0 ? 'channel A' : 'channel B' };
    ch.state = state(Boolean(bytes[5] & (c ? 0x10 : 0x01)));
    ch.type = kind(Boolean(bytes[5] & (c ? 0x20 : 0x02)));
    ch.debouncingPeriod = debounce(c ? (bytes[8] & 0xf0) >> 4 : bytes[8] & 0x0f);
    const tamperOn = Boolean(bytes[5] & (c ? 0x80 : 0x08));
    if (lora) {
      ch.leakageDetection = {
        overflowAlarmTriggerThreshold: u16(11 + 2 * c),
        threshold: u16(15 + 2 * c),
        dailyPeriodsBelowWhichLeakageAlarmTriggered: u16(19 + 2 * c),
      };
      ch.tamper = { activated: tamperOn, samplePeriodForDetection: { unit: 's', value: bytes[23 + 2 * c] * 10 }, threshold: bytes[24 + 2 * c] };
    } else if (bytes.length === 11) {
      ch.tamper = { activated: tamperOn };
    }
    return ch;
  });
  v.channels = channels;
}

/** 0x11 / 0x12 supplementary configuration (leakage thresholds; leakage periods and tamper settings). */
export function pulseConfigExtra(code: number, r: ByteReader, v: JsonObject): void {
  const w = [0, 1, 2, 3].map((i) => r.u16be(`word ${i}`));
  if (code === 0x11) {
    v.type = '0x11 Pulse 4 configuration';
    v.channels = [0, 1].map((c) => ({
      name: c ? 'channel B' : 'channel A',
      leakageDetection: { overflowAlarmTriggerThreshold: w[c], threshold: w[2 + c] },
    }));
    return;
  }
  // 0x12: words 0/1 are the leakage periods, then period/threshold bytes per channel
  v.type = '0x12 Pulse 4 configuration';
  const t = [w[2] >> 8, w[2] & 0xff, w[3] >> 8, w[3] & 0xff];
  v.channels = [0, 1].map((c) => ({
    name: c ? 'channel B' : 'channel A',
    leakageDetection: { dailyPeriodsBelowWhichLeakageAlarmTriggered: w[c] },
    tamper: { samplePeriodForDetection: { unit: 's', value: t[2 * c] * 10 }, threshold: t[2 * c + 1] },
  }));
}

/** 0x30 keep alive: alarm flags, last-24h max/min flow per channel, optional timestamp. */
export function pulseKeepAlive(r: ByteReader, v: JsonObject, out: DecodedPayload): number[] {
  v.type = '0x30 Pulse 4 keep alive';
  const flags = r.u8('alarm flags');
  const [maxA, maxB, minA, minB] = [0, 1, 2, 3].map((i) => r.u16be(`flow ${i}`));
  v.channels = [0, 1].map((c) => ({
    name: c ? 'channel B' : 'channel A',
    flow: { alarm: Boolean(flags & (c ? 0x02 : 0x01)), last24hMin: c ? minB : minA, last24hMax: c ? maxB : maxA },
    tamperAlarm: Boolean(flags & (c ? 0x08 : 0x04)),
    leakageAlarm: Boolean(flags & (c ? 0x20 : 0x10)),
  }));
  if (flags & 0x03) out.alarms.push('high_flow');
  if (flags & 0x0c) out.alarms.push('tamper');
  if (flags & 0x30) out.alarms.push('leak');
  return [maxA, maxB, minA, minB];
}
