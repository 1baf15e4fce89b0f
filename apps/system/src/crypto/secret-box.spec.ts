import { SecretBox } from './secret-box';

const KEY_A = 'a1'.repeat(32);
const KEY_B = 'b2'.repeat(32);
const APP_KEY = '2b7e151628aed2a6abf7158809cf4f3c';

describe('SecretBox (AES-256-GCM)', () => {
  const box = new SecretBox({ SECRETS_KEY: KEY_A });

  it('round-trips, with a fresh IV each time and never the plain text in the sealed value', () => {
    const one = box.seal(APP_KEY, 'meter:1:appKey');
    const two = box.seal(APP_KEY, 'meter:1:appKey');
    expect(one).not.toBe(two);
    expect(one).toMatch(/^v1:/);
    expect(one.toLowerCase()).not.toContain(APP_KEY);
    expect(box.open(one, 'meter:1:appKey')).toBe(APP_KEY);
  });

  it('fails clearly with another SECRETS_KEY, another context or an altered value', () => {
    const sealed = box.seal(APP_KEY, 'meter:1:appKey');
    expect(() => new SecretBox({ SECRETS_KEY: KEY_B }).open(sealed, 'meter:1:appKey')).toThrow(expect.objectContaining({ code: 'INTERNAL', message: expect.stringMatching(/SECRETS_KEY/) }));
    expect(() => box.open(sealed, 'meter:2:appKey')).toThrow(/cannot be decrypted/);
    const parts = sealed.split(':');
    const altered = [...parts.slice(0, 3), Buffer.from('x'.repeat(16)).toString('base64')].join(':');
    expect(() => box.open(altered, 'meter:1:appKey')).toThrow(/cannot be decrypted/);
    expect(() => box.open('plain', 'meter:1:appKey')).toThrow(/unknown format/);
  });

  it('refuses a key of the wrong length', () => {
    expect(() => new SecretBox({ SECRETS_KEY: 'ab' })).toThrow(/32 bytes/);
  });
});
