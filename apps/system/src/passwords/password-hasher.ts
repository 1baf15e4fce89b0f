import { Algorithm, hash, verify } from '@node-rs/argon2';

/**
 * argon2id with the OWASP baseline (19 MiB, 2 passes, 1 lane): about 20-40 ms per hash on one core,
 * costly for an attacker with a stolen table, bearable for a login endpoint with throttling.
 */
export const ARGON2_PARAMETERS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

const CURRENT_PARAMETERS = `m=${ARGON2_PARAMETERS.memoryCost},t=${ARGON2_PARAMETERS.timeCost},p=${ARGON2_PARAMETERS.parallelism}`;

/** Hashes and verifies passwords; the only code that sees a password after validation. */
export class PasswordHasher {
  /** A hash of a random password: verifying against it costs what a real verification costs. */
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return hash(password, ARGON2_PARAMETERS);
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false; // a malformed stored hash never authenticates
    }
  }

  /** Spends the time of a verification without a user, so an unknown email answers as slowly as a known one. */
  async verifyNothing(password: string): Promise<false> {
    this.dummyHash ??= this.hash(`no-such-user-${Math.random()}`);
    await this.verify(await this.dummyHash, password);
    return false;
  }

  /** True when the stored hash was made with other parameters than today's (rehash at the next login). */
  needsRehash(passwordHash: string): boolean {
    return !passwordHash.startsWith('$argon2id$') || !passwordHash.includes(`$${CURRENT_PARAMETERS}$`);
  }
}
