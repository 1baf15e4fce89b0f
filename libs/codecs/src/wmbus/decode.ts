import { CodecError } from '../errors';
import type { MbusRecord } from '../mbus';
import { decodeDataRecords, expandCompactFrame, hexOf, recordFormatBytes, recordsToMeasurements } from '../mbus';
import type { AlarmCode, DecodedPayload, DeviceStatus, JsonObject, JsonValue } from '../types';
import { crc16En13757 } from './crc';
import { DRIVERS } from './drivers';
import type { DriverContext, WmbusDriver } from './drivers/types';
import type { CrcFormat } from './link';
import { deviceTypeName } from './link';
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

export function selectDriver(t: ParsedTelegram): WmbusDriver | undefined {
  for (const d of DRIVERS) if (d.detect(t)) return d;
  return undefined;
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
    dif: r.dif,
    dife: r.dife,
    vif: r.vif,
    vife: r.vife,
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

function headerJson(t: ParsedTelegram): JsonObject {
  const dll: JsonObject = {
    cField: t.dll.cField,
    manufacturer: t.dll.manufacturer,
    id: t.dll.id,
    version: t.dll.version,
    deviceType: t.dll.deviceType,
    media: deviceTypeName(t.dll.deviceType),
  };
  const out: JsonObject = { frameType: t.frameType, crcFormat: t.crcFormat, protection: t.protection };
  if (t.frameType === 'wmbus') out.dll = dll;
  if (t.mbus) out.mbus = { cField: t.mbus.cField, address: t.mbus.address };
  if (t.ell) {
    const e: JsonObject = { ci: t.ell.ci, cc: t.ell.cc, acc: t.ell.acc };
    if (t.ell.manufacturer) e.manufacturer = t.ell.manufacturer;
    if (t.ell.id) e.id = t.ell.id;
    if (t.ell.sessionNumber !== undefined) e.sessionNumber = t.ell.sessionNumber;
    if (t.ell.encryption !== undefined) e.encryption = t.ell.encryption;
    if (t.ell.payloadCrc !== undefined) e.payloadCrc = t.ell.payloadCrc;
    out.ell = e;
  }
  if (t.afl) {
    const a: JsonObject = { ci: t.afl.ci, length: t.afl.length, fragmentControl: t.afl.fragmentControl };
    if (t.afl.messageControl !== undefined) a.messageControl = t.afl.messageControl;
    if (t.afl.keyInfo !== undefined) a.keyInfo = t.afl.keyInfo;
    if (t.afl.messageCounter !== undefined) a.messageCounter = t.afl.messageCounter;
    if (t.afl.mac) a.mac = hexOf(t.afl.mac);
    out.afl = a;
  }
  const tpl: JsonObject = { ci: t.tpl.ci, headerType: t.tpl.headerType, securityMode: t.tpl.securityMode };
  for (const k of ['accessNumber', 'status', 'configuration', 'encryptedBlocks', 'configurationExt', 'id', 'manufacturer', 'version', 'deviceType', 'formatSignature', 'dataCrc'] as const) {
    const v = t.tpl[k];
    if (v !== undefined) tpl[k] = v;
  }
  if (t.tpl.deviceType !== undefined) tpl.media = deviceTypeName(t.tpl.deviceType);
  if (t.tpl.status !== undefined) tpl.statusText = describeStatusByte(t.tpl.status);
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
  const warnings = [...t.warnings];

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

  const tail = records.find((r) => r.quantity === 'incomplete_record');
  if (tail) warnings.push(`${tail.data.length} byte(s) at the end of the data are not a complete record`);

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
  if (t.tpl.status !== undefined) for (const [bit, code] of STATUS_ALARMS) if (t.tpl.status & bit) alarms.add(code);
  for (const r of records) {
    if (r.quantity === 'firmware_version' && r.text !== undefined) device.firmware = r.text;
    else if (r.quantity === 'hardware_version' && r.text !== undefined) device.hardware = r.text;
    else if (r.quantity === 'fabrication_no' && r.text !== undefined) device.serial = r.text;
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
  vendor.records = ctx.records.map(recordToJson);
  const mfct = ctx.records.filter((r) => r.manufacturerData).map((r) => hexOf(r.data));
  if (mfct.length) vendor.manufacturerData = mfct.length === 1 ? mfct[0] : mfct;
  if ((t.tpl.headerType === 'manufacturer' || raw) && !prepared?.records) vendor.manufacturerPayload = hexOf(t.apl);
  if (Object.keys(ctx.fields).length) vendor.driver = ctx.fields as { [key: string]: JsonValue };

  const out: DecodedPayload = {
    codec: `wmbus/${driver?.name ?? 'generic'}`,
    measurements: ctx.measurements,
    alarms: [...ctx.alarms],
    device: ctx.device,
    vendor,
  };
  if (ctx.warnings.length) out.warnings = ctx.warnings;
  return out;
}
