import { PasswordHasher } from './password-hasher';

describe('PasswordHasher (argon2id)', () => {
  const hasher = new PasswordHasher();

  it('hashes with argon2id and today\'s parameters, salted', async () => {
    const a = await hasher.hash('OpenHES-demo-2025!');
    const b = await hasher.hash('OpenHES-demo-2025!');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(hasher.needsRehash(a)).toBe(false);
    expect(hasher.needsRehash('$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaA')).toBe(true);
  });

  it('verifies the right password only, and never a malformed hash', async () => {
    const stored = await hasher.hash('OpenHES-demo-2025!');
    expect(await hasher.verify(stored, 'OpenHES-demo-2025!')).toBe(true);
    expect(await hasher.verify(stored, 'OpenHES-demo-2025?')).toBe(false);
    expect(await hasher.verify('not-a-hash', 'x')).toBe(false);
    expect(await hasher.verifyNothing('anything')).toBe(false);
  });
});
