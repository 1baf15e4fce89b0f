import { DomainError } from '@app/contracts';
import type { MeterStatus } from '@app/contracts';

/** Lifecycle steps of a meter; `replace` is the old meter's step, `replace_in` the new one's. */
export type MeterStep = 'install' | 'remove' | 'archive' | 'replace' | 'replace_in';

/** The status a meter moves to by `step`, or null when the step is not allowed from `status`. */
export function nextStatus(status: MeterStatus, step: MeterStep): MeterStatus | null {
  switch (step) {
    case 'install':
    case 'replace_in':
      return status === 'in_stock' || status === 'removed' ? 'installed' : null;
    case 'remove':
      return status === 'installed' ? 'removed' : null;
    case 'replace':
      return status === 'installed' ? 'replaced' : null;
    case 'archive':
      return status === 'in_stock' || status === 'removed' || status === 'replaced' ? 'archived' : null;
    default: {
      const unknown: never = step;
      throw new Error(`unknown step ${String(unknown)}`);
    }
  }
}

/** `nextStatus`, or CONFLICT naming the status the meter is in. */
export function assertTransition(status: MeterStatus, step: MeterStep, which = 'The meter'): MeterStatus {
  const next = nextStatus(status, step);
  if (next) return next;
  const verb = step === 'replace_in' ? 'be installed as a replacement' : step === 'replace' ? 'be replaced' : step;
  throw new DomainError('CONFLICT', `${which} is ${status.replace('_', ' ')} and cannot ${verb}`);
}

/** An index must not run backwards within one installation. */
export function assertIndexNotBelow(finalIndex: string, installIndex: string | null, field: string): void {
  if (installIndex === null || compareDecimals(finalIndex, installIndex) >= 0) return;
  throw new DomainError('VALIDATION_FAILED', `Invalid request: ${field}`, [{ field, message: `must not be below the index at installation (${installIndex})` }]);
}

/** Compares two non-negative decimal texts exactly (no binary floats). */
export function compareDecimals(a: string, b: string): number {
  const [ai, af = ''] = a.split('.');
  const [bi, bf = ''] = b.split('.');
  const intA = ai.replace(/^0+(?=\d)/, '');
  const intB = bi.replace(/^0+(?=\d)/, '');
  if (intA.length !== intB.length) return intA.length < intB.length ? -1 : 1;
  if (intA !== intB) return intA < intB ? -1 : 1;
  const width = Math.max(af.length, bf.length);
  const fa = af.padEnd(width, '0');
  const fb = bf.padEnd(width, '0');
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}
