import { ALARM_CODES, CANONICAL_UNITS } from '../src/types';
import type { DecodedPayload } from '../src/types';

/** Problems with a decoded payload's shape: non-finite numbers anywhere, unknown units or alarms, bad times. */
export function shapeProblems(decoded: DecodedPayload): string[] {
  const problems: string[] = [];
  if (typeof decoded.codec !== 'string' || !decoded.codec) problems.push('codec missing');
  decoded.measurements.forEach((m, i) => {
    if (typeof m.quantity !== 'string' || !m.quantity) problems.push(`measurements[${i}].quantity`);
    if (typeof m.value !== 'number' || !Number.isFinite(m.value)) problems.push(`measurements[${i}].value=${String(m.value)}`);
    if (!(CANONICAL_UNITS as readonly string[]).includes(m.unit)) problems.push(`measurements[${i}].unit=${m.unit}`);
    if (m.at !== undefined && (Number.isNaN(Date.parse(m.at)) || new Date(m.at).toISOString() !== m.at)) {
      problems.push(`measurements[${i}].at=${m.at}`);
    }
  });
  decoded.alarms.forEach((a) => {
    if (!(ALARM_CODES as readonly string[]).includes(a)) problems.push(`alarm ${a}`);
  });
  walk(decoded.vendor, 'vendor', problems);
  if (decoded.device) walk(decoded.device, 'device', problems);
  return problems;
}

function walk(value: unknown, path: string, problems: string[]): void {
  if (value === undefined) problems.push(`${path} is undefined`);
  else if (typeof value === 'number' && !Number.isFinite(value)) problems.push(`${path}=${value}`);
  else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`, problems));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) if (v !== undefined || path !== 'device') walk(v, `${path}.${k}`, problems);
  } else if (typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol') problems.push(`${path} is a ${typeof value}`);
}
