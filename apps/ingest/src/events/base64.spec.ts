import { base64DecodedLength, decodeStandardBase64 } from './base64';

const hex = (bytes: Uint8Array | undefined) => (bytes ? Buffer.from(bytes).toString('hex') : undefined);

describe('decodeStandardBase64', () => {
  it.each([
    ['', ''],
    ['AQ==', '01'],
    ['AQI=', '0102'],
    ['AQID', '010203'],
    ['AQIDBAUGBwg=', '0102030405060708'],
    ['/w==', 'ff'],
    ['+/+/', 'fbffbf'],
    ['AAECAwQFBgcICQ==', '00010203040506070809'],
  ])('decodes %j', (text, expected) => {
    expect(hex(decodeStandardBase64(text))).toBe(expected);
    expect(base64DecodedLength(text)).toBe(expected.length / 2);
  });

  it.each([
    ['URL-safe alphabet', '-_-_'],
    ['missing padding', 'AQ'],
    ['missing one pad', 'AQI'],
    ['too much padding', 'A==='],
    ['padding in the middle', 'AQ==AQ=='],
    ['whitespace', 'AQ ID'],
    ['a newline', 'AQID\n'],
    ['non-zero trailing bits (2 pads)', 'AR=='],
    ['non-zero trailing bits (1 pad)', 'AQJ='],
    ['a non-ASCII letter', 'AQIé'],
    ['a data URI', 'data:AQID'],
    ['a single pad', '='],
  ])('rejects %s', (_label, text) => {
    expect(decodeStandardBase64(text)).toBeUndefined();
  });
});
