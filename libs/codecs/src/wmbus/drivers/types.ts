import type { MbusRecord } from '../../mbus';
import type { AlarmCode, DeviceStatus, JsonObject, JsonValue, Measurement } from '../../types';
import type { ParsedTelegram } from '../telegram';

/** What a driver sees and may change. */
export interface DriverContext {
  t: ParsedTelegram;
  /** Generic decode of the application data (empty for manufacturer CIs, until the driver fills it). */
  records: MbusRecord[];
  measurements: Measurement[];
  alarms: Set<AlarmCode>;
  device: DeviceStatus;
  /** Driver fields as the vendor documents them (merged into `vendor.driver`). */
  fields: { [key: string]: JsonValue };
  warnings: string[];
  key?: Uint8Array;
}

export interface WmbusDriver {
  /** Codec id suffix: `wmbus/<name>`. */
  readonly name: string;
  /** Meters it covers, for the docs. */
  readonly meters: string;
  /** Public documents the layout follows. */
  readonly sources: readonly string[];
  /** Selects the driver, by manufacturer + version + device type (+ CI). */
  detect(t: ParsedTelegram): boolean;
  /**
   * The manufacturer codes detect() can accept, used to preselect drivers (detect functions built
   * with mvt() carry them already). Without them the driver is tried for every telegram.
   */
  readonly manufacturers?: readonly string[];
  /**
   * DIF/VIF formats this meter's compact frames (CI 0x79/0x73) refer to, as hex: a compact frame
   * decodes without a prior full frame when its signature is the CRC of one of these.
   */
  readonly compactFormats?: readonly string[];
  /**
   * The application data is not EN 13757-3 records (a proprietary payload): skip the generic record
   * decoding; decode() reads `ctx.t.apl` itself.
   */
  readonly rawPayload?: boolean | ((t: ParsedTelegram) => boolean);
  /**
   * Runs before the generic record decoding: a driver may replace the application data (e.g. undo
   * a proprietary scrambling) or return records itself (proprietary payloads).
   */
  prepare?(t: ParsedTelegram, key: Uint8Array | undefined): { apl?: Uint8Array; records?: MbusRecord[] } | void;
  /** Runs after: maps manufacturer records, sets alarms and media, adds measurements. */
  decode(ctx: DriverContext): void;
}

export type { JsonObject };
