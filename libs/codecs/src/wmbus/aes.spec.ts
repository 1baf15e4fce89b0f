import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { aesCbcDecrypt, aesCbcEncrypt, aesCmac, aesCtr } from './crypto';

describe('AES-128 (table-driven) against node:crypto', () => {
  it('CBC decrypt and encrypt match for random keys, IVs and lengths', () => {
    for (let i = 0; i < 200; i++) {
      const key = randomBytes(16);
      const iv = randomBytes(16);
      const data = randomBytes(16 * (1 + (i % 8)));
      const d = createDecipheriv('aes-128-cbc', key, iv);
      d.setAutoPadding(false);
      expect(Buffer.from(aesCbcDecrypt(key, iv, data))).toEqual(Buffer.concat([d.update(data), d.final()]));
      const c = createCipheriv('aes-128-cbc', key, iv);
      c.setAutoPadding(false);
      expect(Buffer.from(aesCbcEncrypt(key, iv, data))).toEqual(Buffer.concat([c.update(data), c.final()]));
    }
  });

  it('CTR matches for partial last blocks', () => {
    for (let i = 0; i < 100; i++) {
      const key = randomBytes(16);
      const iv = randomBytes(16);
      const data = randomBytes(1 + i);
      const c = createCipheriv('aes-128-ctr', key, iv);
      expect(Buffer.from(aesCtr(key, iv, data))).toEqual(Buffer.concat([c.update(data), c.final()]));
    }
  });

  it('CMAC gives the RFC 4493 test vectors', () => {
    const key = Buffer.from('2b7e151628aed2a6abf7158809cf4f3c', 'hex');
    expect(Buffer.from(aesCmac(key, new Uint8Array(0))).toString('hex')).toBe('bb1d6929e95937287fa37d129b756746');
    expect(Buffer.from(aesCmac(key, Buffer.from('6bc1bee22e409f96e93d7e117393172a', 'hex'))).toString('hex')).toBe('070a16b46b4d4144f79bdd9dd04a287c');
    const m40 = Buffer.from('6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411', 'hex');
    expect(Buffer.from(aesCmac(key, m40)).toString('hex')).toBe('dfa66747de9ae63030ca32611497c827');
  });
});
