import { CodecError } from '../../errors';
import type { EncodedDownlink } from '../../types';
import { CMD, WATTECO_PORT } from './zcl';

/**
 * Watteco downlinks (fPort 125), per support.watteco.com:
 *  - On/Off cluster commands: [fctrl 0x11][0x50][0x00 0x06][0x00 off | 0x01 on | 0x02 toggle];
 *  - Configure reporting (standard report): [fctrl][0x06][cluster][0x00 report parameters]
 *    [attribute][type][min interval][max interval][reportable change]. An interval with bit 15
 *    set counts minutes, otherwise seconds (as the read-reporting-configuration response says).
 * The frame control selects the endpoint: 0x11 is endpoint 0, 0x31 endpoint 1, 0x51 endpoint 2,
 * 0x71 endpoint 3.
 */
export function relayCommand(on: boolean): EncodedDownlink {
  return { fPort: WATTECO_PORT, bytes: Uint8Array.of(0x11, CMD.clusterCommand, 0x00, 0x06, on ? 0x01 : 0x00) };
}

/** Interval field: seconds up to 32767, else whole minutes (bit 15) up to 32767 minutes. */
export function intervalField(seconds: number): number {
  if (!Number.isInteger(seconds) || seconds < 1) {
    throw new CodecError('INVALID_COMMAND', `reporting interval must be a whole number of seconds >= 1, got ${seconds}`);
  }
  if (seconds <= 0x7fff) return seconds;
  if (seconds % 60 === 0 && seconds / 60 <= 0x7fff) return 0x8000 | (seconds / 60);
  throw new CodecError('INVALID_COMMAND', `reporting interval ${seconds} s is above 32767 s and not a whole number of minutes up to 32767`);
}

export interface ReportingTarget {
  frameControl: number;
  cluster: number;
  attribute: number;
  attributeType: number;
  /** Reportable change sent as is (zeros: report only on the interval). */
  change: readonly number[];
}

/** Configure reporting with minimum = maximum = `seconds`: one periodic report per interval. */
export function configureReporting(target: ReportingTarget, seconds: number): EncodedDownlink {
  const interval = intervalField(seconds);
  const bytes = [
    target.frameControl,
    CMD.configureReporting,
    target.cluster >> 8,
    target.cluster & 0xff,
    0x00,
    target.attribute >> 8,
    target.attribute & 0xff,
    target.attributeType,
    interval >> 8,
    interval & 0xff,
    interval >> 8,
    interval & 0xff,
    ...target.change,
  ];
  return { fPort: WATTECO_PORT, bytes: Uint8Array.from(bytes) };
}
