import { CodecError } from '../../errors';
import type { AlarmSpec, FieldSpec, ValueKind } from './zcl';
import { ALARM_FIELDS, CMD, ZCL_TYPE_SIZES } from './zcl';
import { pow2 } from '../../pow';

/**
 * The cause trailer of a Watteco report (command 0x0A) or alarm report (0x8A): after the value,
 * one "report parameters" byte (bits 5..4: 1 = short causes, 2 = long causes), then causes. Each
 * cause starts with a criterion byte: bits 2..0 criterion index, bits 4..3 mode (1 delta,
 * 2 threshold), bit 5 fallen, bit 6 exceeded, bit 7 alarm. Long causes add [field index], the
 * value (and for thresholds the gap) in the attribute's size, and for thresholds an occurrence
 * byte (bit 7 set: 16-bit occurrences up and down follow). The messages are the vendor's text.
 * Source: support.watteco.com "Standard report" pages; vendor/watteco/*.js (alarm decoding).
 */
export interface CauseResult {
  messages: string[];
  anyAlarm: boolean;
}

function fail(reason: string): never {
  throw new CodecError('MALFORMED', `Alarm decoding: ${reason}`);
}

export function decodeCauses(
  bytes: Uint8Array,
  command: number,
  cluster: number,
  attribute: number,
  attributeType: number,
  spec: AlarmSpec,
): CauseResult {
  const messages: string[] = command === CMD.alarmReport ? ['alarm triggered'] : [];
  const result: CauseResult = { messages, anyAlarm: false };
  const typeSize = ZCL_TYPE_SIZES[attributeType];
  if (typeSize === undefined) {
    throw new CodecError('MALFORMED', `unknown ZCL attribute type 0x${attributeType.toString(16)}`, { attributeType });
  }
  let u = spec.start;
  if (u >= bytes.length) return result;
  const causeType = (bytes[u] >> 4) & 3;
  if (causeType !== 1 && causeType !== 2) fail(`Unexpected cause type. (ReportParams byte = ${bytes[u] >> 4})`);
  const long = causeType === 2;
  if (++u >= bytes.length) fail('Unexpected end of causes.)');

  const read = (kind: ValueKind, size: number, divider: number): number => {
    if (u + size - 1 >= bytes.length) fail('Unexpected end of data while reading value.');
    let raw = 0;
    for (let i = 0; i < size; i++) raw = raw * 256 + bytes[u++];
    if (kind === 'int') {
      const limit = pow2(8 * size - 1);
      return (raw >= limit ? raw - 2 * limit : raw) / divider;
    }
    if (kind !== 'float') fail(`Unknown type kind: ${kind}`);
    if (size !== 4) fail('Invalid float size. Only 4 bytes are supported.');
    const view = new DataView(new ArrayBuffer(4));
    view.setUint32(0, raw);
    return view.getFloat32(0) / divider;
  };

  while (u < bytes.length) {
    const csd = bytes[u++];
    const index = csd & 7;
    const modeBits = (csd >> 3) & 3;
    const mode = modeBits === 1 ? 'delta' : modeBits === 2 ? 'threshold' : 'unused';
    const fallen = (csd & 0x20) !== 0;
    const exceeded = (csd & 0x40) !== 0;
    const alarm = (csd & 0x80) !== 0;
    if (alarm) result.anyAlarm = true;
    const crossing = exceeded && fallen ? 'exceed&fall' : exceeded ? 'exceed' : fallen ? 'fall' : '';
    const head = `cause:{alarm:${alarm}, criterion_index: ${index}, mode: `;
    if (!long) {
      messages.push(`${head}${mode}${mode === 'threshold' ? `, crossing: ${crossing}` : ''}}`);
      continue;
    }
    if (u >= bytes.length) fail('Unexpected end of data before reading FI.');
    let field: FieldSpec = { name: '', size: typeSize, divider: spec.divider, kind: spec.kind };
    if (spec.fieldIndexed) {
      const fieldIndex = bytes[u++];
      const known = ALARM_FIELDS[cluster]?.[attribute]?.[fieldIndex];
      if (known) field = known;
    }
    const value = read(field.kind, field.size, field.divider);
    let text: string;
    if (mode === 'threshold') {
      const gap = read(field.kind, field.size, field.divider);
      if (u >= bytes.length) fail('Unexpected end of data before reading Occ.');
      const occ = bytes[u++];
      text = `${head}threshold, crossing: ${crossing}, value: ${value}, gap: ${gap}, `;
      if (occ > 0 && (occ & 0x80) !== 0) {
        if (u + 3 >= bytes.length) fail('Invalid OccH or OccL read.');
        const up = (bytes[u] << 8) | bytes[u + 1];
        const down = (bytes[u + 2] << 8) | bytes[u + 3];
        u += 4;
        text += `occurences_up: ${up}, occurences_down: ${down}`;
      } else {
        text += `occurences: ${occ}`;
      }
    } else {
      // The vendor prints every non-threshold long cause (delta or unused) as "delta".
      text = `${head}delta, value: ${value}`;
    }
    if (field.name) text += `, field: ${field.name}`;
    messages.push(text + '}');
  }
  return result;
}
