import { DomainError } from '@app/contracts';
import type { RowErrors } from './import-rows';

/**
 * Runs a creation rule that throws VALIDATION_FAILED naming fields (consumers, service points) on one
 * row: its fields become the row's errors; the normalised value is returned when the row is valid.
 */
export function ruleOfRow<T>(line: number, errors: RowErrors, rule: () => T): T | null {
  try {
    return rule();
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'VALIDATION_FAILED') throw error;
    for (const field of error.fields ?? [{ field: 'row', message: error.message }]) errors.add(line, field.field, field.message);
    return null;
  }
}
