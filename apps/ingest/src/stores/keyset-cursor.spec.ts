import { DomainError } from '@app/contracts';
import { DATETIME_TEXT, PLAIN_TEXT, UUID_TEXT, decodeCursor, encodeCursor } from './keyset-cursor';

const SHAPE = [DATETIME_TEXT, UUID_TEXT, PLAIN_TEXT];

function refusal(cursor: string): unknown {
  try {
    decodeCursor(cursor, SHAPE);
  } catch (error) {
    return error instanceof DomainError ? { code: error.code, fields: error.fields?.map((f) => f.field) } : error;
  }
  return 'accepted';
}

describe('keyset cursors', () => {
  it('round-trip the key they were made of', () => {
    const key = ['2024-05-01 12:00:10', '3f1c2a9e-7d41-4c0b-9a55-2b8f0e6d1c77', "it's a \"quoted\" id"];
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, SHAPE)).toEqual(key);
  });

  it('refuse anything not of the listing\'s shape, naming the cursor field', () => {
    const invalid = { code: 'VALIDATION_FAILED', fields: ['cursor'] };
    expect(refusal('%%%')).toEqual(invalid);
    expect(refusal(Buffer.from('not json').toString('base64url'))).toEqual(invalid);
    expect(refusal(encodeCursor(['2024-05-01 12:00:10', '3f1c2a9e-7d41-4c0b-9a55-2b8f0e6d1c77']))).toEqual(invalid);
    expect(refusal(encodeCursor(['2024-05-01T12:00:10Z', '3f1c2a9e-7d41-4c0b-9a55-2b8f0e6d1c77', 'a']))).toEqual(invalid);
    expect(refusal(encodeCursor(['2024-05-01 12:00:10', 'not-a-uuid', 'a']))).toEqual(invalid);
    expect(refusal(encodeCursor(['2024-05-01 12:00:10', '3f1c2a9e-7d41-4c0b-9a55-2b8f0e6d1c77', 'line\nbreak']))).toEqual(invalid);
    expect(refusal(Buffer.from(JSON.stringify(['2024-05-01 12:00:10', '3f1c2a9e-7d41-4c0b-9a55-2b8f0e6d1c77', 7])).toString('base64url'))).toEqual(invalid);
  });
});
