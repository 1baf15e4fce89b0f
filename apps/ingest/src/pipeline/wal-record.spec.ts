import { decodeBufferedMessage, encodeBufferedMessage } from './wal-record';

describe('buffered message records', () => {
  it('round-trip topic and bytes exactly, including non-UTF-8 payloads and multi-byte topics', () => {
    const payload = Buffer.from([0xff, 0x00, 0xfe, 0x7b]);
    const topic = 'application/9a1b/device/0102030405060708/event/up/ü';
    const decoded = decodeBufferedMessage(encodeBufferedMessage(topic, payload));
    expect(decoded?.topic).toBe(topic);
    expect(decoded?.payload.equals(payload)).toBe(true);
  });

  it('keep an empty payload', () => {
    expect(decodeBufferedMessage(encodeBufferedMessage('a/b', Buffer.alloc(0)))?.payload.length).toBe(0);
  });

  it('refuse records too short for their topic length', () => {
    expect(decodeBufferedMessage(Buffer.from([0x00]))).toBeUndefined();
    expect(decodeBufferedMessage(Buffer.from([0x00, 0x09, 0x61]))).toBeUndefined();
    expect(decodeBufferedMessage(Buffer.from([0xff, 0xff]))).toBeUndefined();
  });
});
