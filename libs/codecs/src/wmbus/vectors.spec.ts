/**
 * The wM-Bus vectors (libs/codecs/test/fixtures/wmbus.json, from wmbusmeters' driver tests) through
 * decodeWmbus. Matching rules (also in docs/codecs-wmbus.md):
 *
 * 1. Input. `priorTelegrams` go in as `prior`; `key` is passed unless it is NOKEY; wired frames
 *    (`mbus-long-frame`) go through the same entry point. Every vector must decode without throwing,
 *    into a well-formed payload (test/well-formed.ts: finite numbers, canonical units and alarm
 *    codes, ISO times).
 * 2. Identity. `device.meterId` equals `expected.id`; `device.deviceType` equals `expected.media`
 *    after normalising both names (MEDIA_ALIASES below: wmbusmeters' wording -> ours).
 * 3. Numbers. Every numeric field of `expected` has a unit suffix (its last `_` part, UNITS below;
 *    wmbusmeters writes reactive and apparent power/energy with the kw/kwh suffixes too, so those
 *    accept var/VA and kvarh/kVAh).
 *    It must be found among `measurements`: some measurement whose unit is one the suffix allows,
 *    whose value converted to the suffix's unit equals the expected value to 6 decimals
 *    (|decoded - expected| <= 5e-7, plus 1e-9 relative for float noise). wmbusmeters prints at most
 *    6 decimals and drops trailing zeros, so this is rounding to the decimals the expectation shows,
 *    and never looser. A field is matched by value, unit and nothing else ("found among"): a value
 *    decoded with a wrong multiplier, unit, sign or byte order fails. One field (RAW_COUNTER_FIELDS)
 *    carries a unit suffix its upstream driver admits not to know; it is matched as a raw counter.
 * 4. Dates. Every `*_date` / `*_datetime` string field (non-empty) must be found among the decoded
 *    date records (`vendor.records[]` of kind date/datetime, `text`) or the times (`at`) of the
 *    measurements (compact-profile elements are dated from their base date): equal, or the expectation is a
 *    prefix of the record (a date shown from a date-time record), or the expectation is
 *    "<date> 00:00" for a date-only record. wmbusmeters passes impossible dates through mktime(),
 *    which carries overflowing fields over (2000-00-00, the all-zero "no date", prints as 1999-11-30;
 *    2127-15-31, all bits set, as 2128-03-31): our raw date text is compared after the same
 *    normalisation too.
 * 5. Status text. For vectors decoded by a driver, every alarm word (space- or comma-separated
 *    token, upper-cased) of `status`, `current_status` and `*_flags` / `*_alarms` that maps to a
 *    canonical alarm (ALARM_WORDS) must be in `alarms`; tokens naming a past alarm (PREV..., and
 *    the field `previous_alarms`) are history and need no current alarm.
 *
 * 6. Other text fields (firmware versions, fabrication numbers, driver-specific texts) are counted in
 *    the coverage table when found among the decoded texts (record texts, driver fields, device
 *    fields), for information; they do not make a vector fail.
 *
 * Set WMBUS_COVERAGE=<file> to write the per-driver coverage table (markdown) after the run.
 */
import { writeFileSync } from 'node:fs';
import { CodecError } from '../errors';
import { hexToBytes } from '../reader';
import type { DecodedPayload, JsonObject } from '../types';
import { wmbusVectors } from '../../test/vectors';
import { shapeProblems } from '../../test/well-formed';
import type { WmbusVector } from '../../test/vectors';
import { decodeWmbus } from './index';

/** suffix -> [accepted canonical units, factor from canonical to the suffix's unit]. */
const UNITS: Record<string, [readonly string[], number]> = {
  kwh: [['kWh', 'kvarh', 'kVAh'], 1],
  mwh: [['kWh'], 1e-3],
  gj: [['kWh'], 0.0036],
  mj: [['kWh'], 3.6],
  wh: [['kWh'], 1000],
  m3: [['m3'], 1],
  l: [['m3'], 1000],
  m3h: [['m3/h'], 1],
  lh: [['m3/h'], 1000],
  c: [['degC', 'K'], 1],
  k: [['K', 'degC'], 1],
  w: [['W'], 1],
  kw: [['W', 'var', 'VA'], 1e-3],
  kvar: [['var'], 1e-3],
  kva: [['VA'], 1e-3],
  v: [['V'], 1],
  a: [['A'], 1],
  hz: [['Hz'], 1],
  bar: [['bar'], 1],
  pa: [['bar'], 1e5],
  rh: [['%'], 1],
  pct: [['%'], 1],
  hca: [['hca'], 1],
  kvarh: [['kvarh'], 1],
  kvah: [['kVAh'], 1],
  s: [['s'], 1],
  min: [['s'], 1 / 60],
  h: [['s'], 1 / 3600],
  d: [['s'], 1 / 86400],
  y: [['s'], 1 / (365.2425 * 86400)],
  counter: [['count', ''], 1],
  nr: [['count', ''], 1],
  factor: [['count', ''], 1],
  ppm: [['count', ''], 1],
  m3c: [['count', ''], 1],
};

/** wmbusmeters' media names -> ours (link.ts deviceTypeName), where they differ. */
const MEDIA_ALIASES: Record<string, string> = {
  'heat cost allocation': 'heat cost allocator',
  'heat volume at inlet': 'heat (inlet)',
  'cooling load volume at outlet': 'cooling load meter (outlet)',
  'cooling load volume at inlet': 'cooling load meter (inlet)',
  reserved: 'reserved',
};

/** Our device type names that wmbusmeters calls "reserved" (codes EN 13757-7 has since assigned). */
const RESERVED_IN_WMBUSMETERS = new Set(['reserved', 'reserved (sensor)', 'unidirectional repeater', 'bidirectional repeater', 'wired adapter']);

function sameMedia(ours: string | undefined, expected: string): boolean {
  const e = (MEDIA_ALIASES[expected.toLowerCase()] ?? expected).toLowerCase();
  const o = (ours ?? '').toLowerCase();
  if (e === 'reserved') return RESERVED_IN_WMBUSMETERS.has(o);
  return o === e;
}

/** Alarm words in wmbusmeters' status texts -> canonical alarm codes. */
export const ALARM_WORDS: [RegExp, string][] = [
  [/LEAK/, 'leak'],
  [/BURST/, 'burst'],
  [/\bDRY\b/, 'dry'],
  [/^(REVERSE|REVERSE_FLOW|BACKFLOW|BACKWARD_FLOW)$|WRONG_FLOW_DIRECTION/, 'backflow'],
  [/MAGNET/, 'magnetic_tamper'],
  [/TAMPER|MANIPULATION|FRAUD/, 'tamper'],
  [/LOW_BATTERY|BATTERY_LOW|POWER_LOW|LOW_POWER/, 'low_battery'],
  [/REMOV/, 'removal'],
  [/SEAL_BROKEN/, 'tamper'],
  [/PERMANENT_ERROR/, 'permanent_error'],
  [/TEMPORARY_ERROR/, 'temporary_error'],
];

export interface FieldResult {
  field: string;
  /** `text` results are informational only (not part of the pass criteria). */
  kind: 'number' | 'date' | 'status' | 'text';
  ok: boolean;
  detail?: string;
}

export interface VectorResult {
  id: string;
  driverFile: string;
  codec?: string;
  error?: string;
  idOk: boolean;
  mediaOk: boolean;
  /** Problems with the payload's shape (non-finite numbers, unknown units or alarms, bad times). */
  shape?: string[];
  fields: FieldResult[];
}

/**
 * Fields whose unit suffix wmbusmeters chose without knowing the unit, printing the raw counter:
 * they are matched against our raw counter (unit "count") instead. `driverFile:field`.
 */
const RAW_COUNTER_FIELDS: Record<string, string> = {
  // "Operating time. Unit is unknown, please fix!" (wmbusmeters iem3000.xmq): FF20 printed raw as _y.
  'iem3000:operating_time_y': 'counter',
};

function numberMatches(decoded: DecodedPayload, field: string, expected: number, driverFile: string): FieldResult {
  const suffix = RAW_COUNTER_FIELDS[`${driverFile}:${field}`] ?? field.slice(field.lastIndexOf('_') + 1);
  const rule = UNITS[suffix];
  if (!rule) return { field, kind: 'number', ok: false, detail: `unknown unit suffix _${suffix}` };
  const [units, factor] = rule;
  const tolerance = 5e-7 + 1e-9 * Math.abs(expected);
  const candidates = decoded.measurements.filter((m) => units.includes(m.unit));
  const ok = candidates.some((m) => Math.abs(m.value * factor - expected) <= tolerance);
  return ok
    ? { field, kind: 'number', ok }
    : { field, kind: 'number', ok, detail: `${expected} not among [${candidates.map((m) => `${m.quantity}=${+(m.value * factor).toFixed(6)}`).join(', ')}]` };
}

function dateTexts(decoded: DecodedPayload): string[] {
  const records = decoded.vendor.records;
  if (!Array.isArray(records)) return [];
  const out: string[] = [];
  // The times of measurements (e.g. compact profile elements) count as dates too.
  for (const m of decoded.measurements) if (m.at) out.push(`${m.at.slice(0, 10)} ${m.at.slice(11, 16)}`);
  for (const r of records) {
    const o = r as JsonObject;
    if ((o.kind === 'date' || o.kind === 'datetime') && typeof o.text === 'string') out.push(o.text);
  }
  return out;
}

/**
 * wmbusmeters passes impossible dates through mktime(), which carries overflowing fields over:
 * 2000-00-00 ("no date") becomes 1999-11-30, 2127-15-31 (all bits set) becomes 2128-03-31.
 */
function mktimeNormalised(text: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(.*)$/.exec(text);
  if (!m) return text;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.toISOString().slice(0, 10) + m[4];
}

function dateMatches(decoded: DecodedPayload, field: string, expected: string): FieldResult {
  const texts = dateTexts(decoded);
  const ok = texts.some((raw) =>
    [raw, mktimeNormalised(raw)].some((t) => t === expected || t.startsWith(expected) || (expected.endsWith(' 00:00') && t === expected.slice(0, 10))),
  );
  return ok ? { field, kind: 'date', ok } : { field, kind: 'date', ok, detail: `${expected} not among [${texts.join(', ')}]` };
}

function isStatusField(name: string): boolean {
  return name === 'status' || name === 'current_status' || name.endsWith('_flags') || (name.endsWith('_alarms') && !name.startsWith('previous'));
}

export function evaluate(v: WmbusVector): VectorResult {
  const result: VectorResult = { id: v.id, driverFile: v.driverFile, idOk: false, mediaOk: false, fields: [] };
  let decoded: DecodedPayload;
  try {
    const key = v.key !== 'NOKEY' ? hexToBytes(v.key) : undefined;
    const prior = v.priorTelegrams?.map(hexToBytes);
    decoded = decodeWmbus(hexToBytes(v.hex), { ...(key ? { key } : {}), ...(prior ? { prior } : {}) });
  } catch (e) {
    result.error = e instanceof CodecError ? `${e.code}: ${e.message}` : String(e);
    for (const [field, value] of Object.entries(v.expected)) {
      if (typeof value === 'number') result.fields.push({ field, kind: 'number', ok: false, detail: 'not decoded' });
      else if (typeof value === 'string' && /_date(time)?$/.test(field) && value !== '') result.fields.push({ field, kind: 'date', ok: false, detail: 'not decoded' });
    }
    return result;
  }
  result.codec = decoded.codec;
  result.shape = shapeProblems(decoded);
  result.idOk = decoded.device?.meterId === v.expected.id;
  result.mediaOk = sameMedia(decoded.device?.deviceType, String(v.expected.media));
  const hasDriver = decoded.codec !== 'wmbus/generic';
  for (const [field, value] of Object.entries(v.expected)) {
    if (field === 'id' || field === 'timestamp') continue;
    if (typeof value === 'number') result.fields.push(numberMatches(decoded, field, value, v.driverFile));
    else if (typeof value === 'string' && /_date(time)?$/.test(field) && value !== '') result.fields.push(dateMatches(decoded, field, value));
    else if (typeof value === 'string' && !isStatusField(field) && !SKIP_TEXT.has(field) && value !== '' && !/_date(time)?$/.test(field)) {
      const ok = textValues(decoded).has(value);
      result.fields.push({ field, kind: 'text', ok, ...(ok ? {} : { detail: `"${value}" not among decoded texts` }) });
    } else if (typeof value === 'string' && isStatusField(field) && hasDriver) {
      // Words naming a past alarm (PREV_..., PREVIOUS_...) are history, not a current alarm.
      const words = value
        .toUpperCase()
        .split(/[\s,]+/)
        .filter((w) => !w.startsWith('PREV'));
      const missing = ALARM_WORDS.filter(([re, code]) => words.some((w) => re.test(w)) && !decoded.alarms.includes(code as never)).map(([, code]) => code);
      result.fields.push(missing.length ? { field, kind: 'status', ok: false, detail: `"${value}" needs alarms ${missing.join(', ')}` } : { field, kind: 'status', ok: true });
    }
  }
  return result;
}

export function passed(r: VectorResult): boolean {
  return !r.error && r.idOk && r.mediaOk && !r.shape?.length && r.fields.every((f) => f.ok || f.kind === 'text');
}

/** Test-harness fields that are not decoded data. */
const SKIP_TEXT = new Set(['_', 'media', 'meter', 'name', 'id', 'timestamp']);

/** Every string the decode produced: record texts, driver fields, device fields. */
function textValues(decoded: DecodedPayload): Set<string> {
  const out = new Set<string>();
  const records = decoded.vendor.records;
  if (Array.isArray(records)) for (const r of records) if (typeof (r as JsonObject).text === 'string') out.add((r as JsonObject).text as string);
  const driver = decoded.vendor.driver;
  if (driver && typeof driver === 'object' && !Array.isArray(driver)) for (const v of Object.values(driver)) if (typeof v === 'string') out.add(v);
  for (const v of Object.values(decoded.device ?? {})) if (typeof v === 'string') out.add(v);
  return out;
}

const vectors = wmbusVectors();
const results: VectorResult[] = [];

describe('wM-Bus vectors (wmbusmeters driver tests)', () => {
  it('has the 298 vectors', () => {
    expect(vectors).toHaveLength(298);
  });

  describe.each(vectors.map((v) => [v.id, v] as const))('%s', (_id, v) => {
    it('decodes: id, media, every unit field and date field found, status alarms', () => {
      const r = evaluate(v);
      results.push(r);
      const problems = [
        ...(r.error ? [`throws ${r.error}`] : []),
        ...(!r.error && !r.idOk ? ['id differs'] : []),
        ...(!r.error && !r.mediaOk ? [`media differs (expected ${String(v.expected.media)})`] : []),
        ...(r.shape ?? []).map((p) => `shape: ${p}`),
        ...r.fields.filter((f) => !f.ok && f.kind !== 'text').map((f) => `${f.field}: ${f.detail ?? ''}`),
      ];
      expect(problems).toEqual([]);
    });
  });

  afterAll(() => {
    const out = process.env.WMBUS_COVERAGE;
    if (out) writeFileSync(out, coverageTable(results));
    const report = process.env.WMBUS_REPORT;
    if (report) writeFileSync(report, JSON.stringify(results, null, 1));
  });
});

export function coverageTable(rs: VectorResult[]): string {
  const by = new Map<string, VectorResult[]>();
  for (const r of rs) by.set(r.driverFile, [...(by.get(r.driverFile) ?? []), r]);
  const lines = [
    '| driver file | codec | vectors passed | unit fields | date fields | status fields | other text fields (informational) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  const total = { v: 0, vp: 0, n: 0, np: 0, d: 0, dp: 0, s: 0, sp: 0, x: 0, xp: 0 };
  for (const [file, list] of [...by.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const count = (kind: FieldResult['kind']) => {
      const fs = list.flatMap((r) => r.fields.filter((f) => f.kind === kind));
      return [fs.filter((f) => f.ok).length, fs.length];
    };
    const [np, n] = count('number');
    const [dp, d] = count('date');
    const [sp, s] = count('status');
    const [xp, x] = count('text');
    const vp = list.filter(passed).length;
    const codecs = [...new Set(list.map((r) => r.codec ?? 'error'))].join(', ');
    lines.push(`| ${file} | ${codecs} | ${vp}/${list.length} | ${np}/${n} | ${dp}/${d} | ${s ? `${sp}/${s}` : '-'} | ${x ? `${xp}/${x}` : '-'} |`);
    total.v += list.length;
    total.vp += vp;
    total.n += n;
    total.np += np;
    total.d += d;
    total.dp += dp;
    total.s += s;
    total.sp += sp;
    total.x += x;
    total.xp += xp;
  }
  lines.push(
    `| **total** | | **${total.vp}/${total.v}** | **${total.np}/${total.n}** | **${total.dp}/${total.d}** | **${total.sp}/${total.s}** | **${total.xp}/${total.x}** |`,
  );
  return lines.join('\n') + '\n';
}
