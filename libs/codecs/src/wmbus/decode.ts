import { CodecError } from '../errors';
import type { MbusRecord } from '../mbus';
import { decodeDataRecords, expandCompactFrame, hexOf, recordFormatBytes, recordsToMeasurements } from '../mbus';
import type { AlarmCode, DecodedPayload, DeviceStatus, JsonObject, JsonValue } from '../types';
import { crc16En13757 } from './crc';
import { DRIVERS } from './drivers';
import type { DriverContext, WmbusDriver } from './drivers/types';
import type { CrcFormat } from './link';
import { deviceTypeName, manufacturerField } from './link';
import type { ParsedTelegram } from './telegram';
import { parseWmbusFrame } from './telegram';
import { looksLikeWiredFrame, parseWiredFrame } from './wired';

export interface WmbusOptions {
  /** AES-128 key (16 bytes) for encrypted telegrams. */
  key?: Uint8Array;
  /**
   * Earlier telegrams of the same meter, oldest first: full frames teach the formats that later
   * compact frames (CI 0x79) refer to.
   */
  prior?: Uint8Array[];
  /** DLL CRC handling: detected by default. */
  crc?: 'auto' | CrcFormat;
}

/** Parses either a wired long frame or a wireless frame. */
export function parseTelegram(bytes: Uint8Array, options: WmbusOptions = {}): ParsedTelegram {
  if (!(bytes instanceof Uint8Array)) throw new CodecError('MALFORMED', 'telegram must be a Uint8Array');
  if (bytes.length === 0) throw new CodecError('TRUNCATED', 'empty telegram');
  if (looksLikeWiredFrame(bytes) && (bytes[0] !== 0x68 || (bytes.length > 3 && bytes[3] === 0x68 && bytes[1] === bytes[2]))) {
    return parseWiredFrame(bytes);
  }
  return parseWmbusFrame(bytes, { key: options.key, crc: options.crc });
}

/** Drivers by the 15-bit manufacturer field they may accept; those that did not say are always tried. */
const BY_MANUFACTURER = new Map<number, number[]>();
const ANY_MANUFACTURER: number[] = [];
const NONE: readonly number[] = [];
DRIVERS.forEach((d, i) => {
  const codes = d.manufacturers ?? (d.detect as { manufacturers?: readonly string[] }).manufacturers;
  if (!codes) {
    ANY_MANUFACTURER.push(i);
    return;
  }
  for (const c of codes) {
    const m = manufacturerField(c);
    const list = BY_MANUFACTURER.get(m) ?? [];
    list.push(i);
    BY_MANUFACTURER.set(m, list);
  }
});

export function selectDriver(t: ParsedTelegram): WmbusDriver | undefined {
  const a = BY_MANUFACTURER.get(t.dll.mField & 0x7fff);
  const b = t.tpl.mField !== undefined && (t.tpl.mField & 0x7fff) !== (t.dll.mField & 0x7fff) ? BY_MANUFACTURER.get(t.tpl.mField & 0x7fff) : undefined;
  // Registry order across both lists (drivers trying the DLL and the long-header manufacturer).
  let ia = 0;
  let ib = 0;
  let ic = 0;
  const la = a ?? NONE;
  const lb = b ?? NONE;
  for (;;) {
    const x = ia < la.length ? la[ia] : Infinity;
    const y = ib < lb.length ? lb[ib] : Infinity;
    const z = ic < ANY_MANUFACTURER.length ? ANY_MANUFACTURER[ic] : Infinity;
    const i = Math.min(x, y, z);
    if (i === Infinity) return undefined;
    if (i === x) ia++;
    else if (i === y) ib++;
    else ic++;
    if (DRIVERS[i].detect(t)) return DRIVERS[i];
  }
}

function hexToU8(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Format signatures known without a prior frame, from every driver's declared compact formats. */
const KNOWN_FORMATS = new Map<number, Uint8Array>();
for (const d of DRIVERS) {
  for (const f of d.compactFormats ?? []) {
    const bytes = hexToU8(f);
    KNOWN_FORMATS.set(crc16En13757(bytes), bytes);
  }
}

function formatFor(signature: number, learned: Map<number, Uint8Array>): Uint8Array | undefined {
  return learned.get(signature) ?? KNOWN_FORMATS.get(signature);
}

const STATUS_ALARMS: [number, AlarmCode][] = [
  [0x04, 'low_battery'],
  [0x08, 'permanent_error'],
  [0x10, 'temporary_error'],
];

/** EN 13757-7 status byte: application status (bits 0-1), power low, permanent and temporary error. */
export function describeStatusByte(status: number): string[] {
  const out: string[] = [];
  const app = status & 3;
  if (app === 1) out.push('application busy');
  if (app === 2) out.push('application error');
  if (app === 3) out.push('abnormal condition');
  if (status & 0x04) out.push('power low');
  if (status & 0x08) out.push('permanent error');
  if (status & 0x10) out.push('temporary error');
  if (status & 0xe0) out.push(`manufacturer specific 0x${(status & 0xe0).toString(16)}`);
  return out;
}

/** A record as JSON (its DIF/DIFE/VIF/VIFE bytes are the hex `key`). */
export function recordToJson(r: MbusRecord): JsonObject {
  const o: JsonObject = {
    key: r.key,
    quantity: r.quantity,
    kind: r.kind,
    storage: r.storage,
    tariff: r.tariff,
    subunit: r.subunit,
    function: r.function,
    dataType: r.dataType,
    unit: r.unit,
    value: r.value === null || !Number.isFinite(r.value) ? null : r.value,
    rawValue: typeof r.rawValue === 'number' && !Number.isFinite(r.rawValue) ? null : r.rawValue,
    description: r.description,
  };
  if (r.text !== undefined) o.text = r.text;
  if (r.at !== undefined) o.at = r.at;
  if (r.register !== undefined) o.register = r.register;
  if (r.plainTextUnit !== undefined) o.plainTextUnit = r.plainTextUnit;
  if (r.invalid) o.invalid = true;
  if (r.recordError !== undefined) o.recordError = r.recordError;
  if (r.manufacturerData) o.manufacturerData = true;
  if (r.moreRecordsFollow) o.moreRecordsFollow = true;
  if (r.profile) {
    const p: JsonObject = { mode: r.profile.mode, spacingSeconds: r.profile.spacingSeconds, inverse: r.profile.inverse, values: r.profile.values };
    if (r.profile.spacingMonths !== undefined) p.spacingMonths = r.profile.spacingMonths;
    o.profile = p;
  }
  return o;
}

const CODEC_NAMES = new Map<WmbusDriver, string>();

/** `wmbus/<driver name>`, built once per driver. */
function codecName(driver: WmbusDriver): string {
  let name = CODEC_NAMES.get(driver);
  if (name === undefined) {
    name = `wmbus/${driver.name}`;
    CODEC_NAMES.set(driver, name);
  }
  return name;
}

function hasKeys(o: object): boolean {
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k)) return true;
  return false;
}

function headerJson(t: ParsedTelegram): JsonObject {
  const out: JsonObject = { frameType: t.frameType, crcFormat: t.crcFormat, protection: t.protection };
  if (t.frameType === 'wmbus') {
    out.dll = {
      cField: t.dll.cField,
      manufacturer: t.dll.manufacturer,
      id: t.dll.id,
      version: t.dll.version,
      deviceType: t.dll.deviceType,
      media: deviceTypeName(t.dll.deviceType),
    };
  }
  if (t.mbus) out.mbus = { cField: t.mbus.cField, address: t.mbus.address };
  const ell = t.ell;
  if (ell) {
    const e: JsonObject = { ci: ell.ci, cc: ell.cc, acc: ell.acc };
    if (ell.manufacturer !== undefined) e.manufacturer = ell.manufacturer;
    if (ell.id !== undefined) e.id = ell.id;
    if (ell.sessionNumber !== undefined) e.sessionNumber = ell.sessionNumber;
    if (ell.encryption !== undefined) e.encryption = ell.encryption;
    if (ell.payloadCrc !== undefined) e.payloadCrc = ell.payloadCrc;
    out.ell = e;
  }
  const afl = t.afl;
  if (afl) {
    const a: JsonObject = { ci: afl.ci, length: afl.length, fragmentControl: afl.fragmentControl };
    if (afl.messageControl !== undefined) a.messageControl = afl.messageControl;
    if (afl.keyInfo !== undefined) a.keyInfo = afl.keyInfo;
    if (afl.messageCounter !== undefined) a.messageCounter = afl.messageCounter;
    if (afl.mac) a.mac = hexOf(afl.mac);
    out.afl = a;
  }
  const h = t.tpl;
  const tpl: JsonObject = { ci: h.ci, headerType: h.headerType, securityMode: h.securityMode };
  if (h.accessNumber !== undefined) tpl.accessNumber = h.accessNumber;
  if (h.status !== undefined) {
    tpl.status = h.status;
    tpl.statusText = describeStatusByte(h.status);
  }
  if (h.configuration !== undefined) tpl.configuration = h.configuration;
  if (h.encryptedBlocks !== undefined) tpl.encryptedBlocks = h.encryptedBlocks;
  if (h.configurationExt !== undefined) tpl.configurationExt = h.configurationExt;
  if (h.id !== undefined) tpl.id = h.id;
  if (h.manufacturer !== undefined) tpl.manufacturer = h.manufacturer;
  if (h.version !== undefined) tpl.version = h.version;
  if (h.deviceType !== undefined) {
    tpl.deviceType = h.deviceType;
    tpl.media = deviceTypeName(h.deviceType);
  }
  if (h.formatSignature !== undefined) tpl.formatSignature = h.formatSignature;
  if (h.dataCrc !== undefined) tpl.dataCrc = h.dataCrc;
  out.tpl = tpl;
  return out;
}

/** Learns compact-frame formats from the full frames among `prior`. Undecodable priors are skipped. */
function learnFormats(prior: Uint8Array[] | undefined, options: WmbusOptions): Map<number, Uint8Array> {
  const learned = new Map<number, Uint8Array>();
  if (!prior) return learned;
  for (const p of prior) {
    try {
      const t = parseTelegram(p, options);
      if (t.tpl.headerType === 'compact' || t.tpl.headerType === 'compact_long' || t.tpl.headerType === 'manufacturer') continue;
      const records = decodeDataRecords(t.apl);
      const format = recordFormatBytes(records);
      learned.set(crc16En13757(format), format);
    } catch {
      // A prior telegram that does not decode teaches nothing.
    }
  }
  return learned;
}

/**
 * Decodes a wireless M-Bus telegram (L-field first, DLL CRCs present or stripped) or a wired M-Bus
 * long frame (68 L L 68 ... 16) into the canonical payload. Throws CodecError only.
 */
export function decodeWmbus(bytes: Uint8Array, options: WmbusOptions = {}): DecodedPayload {
  try {
    return decodeUnsafe(bytes, options);
  } catch (e) {
    if (e instanceof CodecError) throw e;
    const reason = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    throw new CodecError('DECODER_BUG', `wmbus decoder failed unexpectedly: ${reason}`);
  }
}

function decodeUnsafe(bytes: Uint8Array, options: WmbusOptions): DecodedPayload {
  if (options.key && options.key.length !== 16 && options.key.length !== 8) {
    throw new CodecError('MALFORMED', `key must be 16 bytes (AES-128), got ${options.key.length}`);
  }
  const t = parseTelegram(bytes, options);
  const driver = selectDriver(t);
  const warnings = t.warnings;

  let records: MbusRecord[] = [];
  const prepared = driver?.prepare?.(t, options.key) ?? undefined;
  if (prepared?.apl) t.apl = prepared.apl;
  const raw = driver?.rawPayload === true || (typeof driver?.rawPayload === 'function' && driver.rawPayload(t));
  if (prepared?.records) {
    records = prepared.records;
  } else if (raw) {
    records = [];
  } else if (t.tpl.headerType === 'compact' || t.tpl.headerType === 'compact_long') {
    const signature = t.tpl.formatSignature ?? -1;
    const format = formatFor(signature, learnFormats(options.prior, options));
    if (!format) {
      throw new CodecError('MISSING_CONTEXT', `compact frame with format signature 0x${signature.toString(16).padStart(4, '0')}: send a full frame of this meter first (prior)`, {
        signature,
      });
    }
    records = decodeDataRecords(expandCompactFrame(format, t.apl), { tolerateIncompleteTail: true });
  } else if (t.tpl.headerType !== 'manufacturer') {
    records = decodeDataRecords(t.apl, { tolerateIncompleteTail: true });
  }

  const last = records.length ? records[records.length - 1] : undefined;
  if (last?.quantity === 'incomplete_record') warnings.push(`${last.data.length} byte(s) at the end of the data are not a complete record`);

  const manufacturer = t.tpl.manufacturer ?? t.dll.manufacturer;
  const deviceTypeCode = t.tpl.deviceType ?? t.dll.deviceType;
  const device: DeviceStatus = {
    manufacturer,
    meterId: t.tpl.id ?? t.dll.id,
    version: t.tpl.version ?? t.dll.version,
    deviceType: deviceTypeName(deviceTypeCode),
  };
  if (t.tpl.accessNumber !== undefined) device.accessNumber = t.tpl.accessNumber;
  else if (t.ell) device.accessNumber = t.ell.acc;
  if (t.tpl.status !== undefined) device.statusByte = t.tpl.status;

  const alarms = new Set<AlarmCode>();
  const status = t.tpl.status;
  if (status !== undefined) {
    for (let i = 0; i < STATUS_ALARMS.length; i++) if (status & STATUS_ALARMS[i][0]) alarms.add(STATUS_ALARMS[i][1]);
  }
  for (const r of records) {
    if (r.kind !== 'id' || r.text === undefined) continue;
    if (r.quantity === 'firmware_version') device.firmware = r.text;
    else if (r.quantity === 'hardware_version') device.hardware = r.text;
    else if (r.quantity === 'fabrication_no') device.serial = r.text;
  }

  const ctx: DriverContext = {
    t,
    records,
    measurements: recordsToMeasurements(records, { expandProfiles: true }),
    alarms,
    device,
    fields: {},
    warnings,
    key: options.key,
  };
  driver?.decode(ctx);

  const vendor: JsonObject = headerJson(t);
  const recordsJson: JsonValue[] = new Array<JsonValue>(ctx.records.length);
  let mfct: string[] | undefined;
  for (let i = 0; i < ctx.records.length; i++) {
    const r = ctx.records[i];
    recordsJson[i] = recordToJson(r);
    if (r.manufacturerData) (mfct ??= []).push(hexOf(r.data));
  }
  vendor.records = recordsJson;
  if (mfct) vendor.manufacturerData = mfct.length === 1 ? mfct[0] : mfct;
  if ((t.tpl.headerType === 'manufacturer' || raw) && !prepared?.records) vendor.manufacturerPayload = hexOf(t.apl);
  if (hasKeys(ctx.fields)) vendor.driver = ctx.fields as { [key: string]: JsonValue };

  const out: DecodedPayload = {
    codec: driver ? codecName(driver) : 'wmbus/generic',
    measurements: ctx.measurements,
    alarms: [...ctx.alarms],
    device: ctx.device,
    vendor,
  };
  if (ctx.warnings.length) out.warnings = ctx.warnings;
  return out;
}
