import { DomainError } from '@app/contracts';
import { COMMON_PASSWORDS, COMMON_PASSWORD_STEMS } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 12;
/** argon2 hashes anything, but a megabyte "password" is a denial of service, not a secret. */
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_MIN_CLASSES = 3;

export interface PasswordContext {
  email?: string;
  displayName?: string;
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };

function stems(password: string): string[] {
  const lower = password.toLowerCase();
  const trimmed = lower.replace(/[^a-z]+$/, '');
  const unleet = trimmed.replace(/[0134578@$!]/g, (c) => LEET[c] ?? c);
  return [lower, trimmed, unleet, unleet.replace(/[^a-z]+$/, '')];
}

function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

/** Every reason `password` is not acceptable (empty when it is). */
export function passwordProblems(password: string, context: PasswordContext = {}): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters`);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`must be at most ${PASSWORD_MAX_LENGTH} characters`);
  if (characterClasses(password) < PASSWORD_MIN_CLASSES) {
    problems.push('must mix at least 3 of: lower-case letters, upper-case letters, digits, symbols');
  }
  const lower = password.trim().toLowerCase();
  const email = context.email?.trim().toLowerCase();
  if (email && (lower === email || lower === email.split('@')[0])) problems.push('must not be the email address');
  const name = context.displayName?.trim().toLowerCase();
  if (name && lower === name) problems.push('must not be the display name');
  const forms = stems(password);
  if (COMMON_PASSWORDS.has(forms[0]) || forms.some((form) => COMMON_PASSWORD_STEMS.has(form))) {
    problems.push('is too common: choose a password that is not on lists of popular passwords');
  }
  return problems;
}

/** Throws VALIDATION_FAILED naming `field` when the password breaks a rule. */
export function assertPasswordAcceptable(field: string, password: string, context: PasswordContext = {}): void {
  const problems = passwordProblems(password, context);
  if (problems.length === 0) return;
  throw new DomainError(
    'VALIDATION_FAILED',
    `Invalid request: ${field} ${problems[0]}`,
    problems.map((message) => ({ field, message: `${field} ${message}` })),
  );
}
