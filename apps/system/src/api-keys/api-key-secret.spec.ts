import { API_KEY_PATTERN } from '@app/contracts';
import { sameHash, sha256Hex } from '../crypto/hashes';
import { generateApiKey, parseApiKey } from './api-key-secret';

describe('API key secrets', () => {
  it('generates ohk_<8-char id>_<43-char secret> keys, stored only as the SHA-256 of the whole key', () => {
    const generated = generateApiKey();
    expect(generated.key).toMatch(API_KEY_PATTERN);
    expect(generated.key.startsWith(`ohk_${generated.keyId}_`)).toBe(true);
    expect(generated.keyId).toMatch(/^[A-Za-z0-9]{8}$/);
    expect(generated.keyHash).toBe(sha256Hex(generated.key));
    expect(generated.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(generated.keyHash).not.toContain(generated.key.slice(13));
  });

  it('never repeats', () => {
    const keys = new Set(Array.from({ length: 200 }, () => generateApiKey().key));
    expect(keys.size).toBe(200);
  });

  it('parses its own keys and refuses anything else', () => {
    const generated = generateApiKey();
    expect(parseApiKey(generated.key)).toEqual({ keyId: generated.keyId, keyHash: generated.keyHash });
    for (const bad of ['', 'ohk_short_x', `${generated.key}x`, generated.key.replace('ohk_', 'ghp_'), `Bearer ${generated.key}`]) {
      expect(parseApiKey(bad)).toBeUndefined();
    }
  });

  it('compares hashes in constant time and only equal ones match', () => {
    const a = sha256Hex('a');
    expect(sameHash(a, sha256Hex('a'))).toBe(true);
    expect(sameHash(a, sha256Hex('b'))).toBe(false);
    expect(sameHash(a, 'abcd')).toBe(false);
    expect(sameHash('', '')).toBe(false);
  });
});
