/**
 * What ingest keeps in its write-ahead buffer for one MQTT message: the topic and the bytes exactly as received
 * (parsing happens on the drain side, so a parser fix applies to buffered messages and nothing is lost to a parser
 * bug before the ack). The receive time is the record's append time (WalRecord.appendedAt).
 *
 * Layout: [u16 topic length][topic, UTF-8][message bytes]. Version 1; a new layout gets a marker the old one
 * cannot start with (topic length 0xFFFF).
 */
export interface BufferedMessage {
  topic: string;
  payload: Buffer;
}

const MAX_TOPIC_BYTES = 0xfffe;

/** The record's length and a writer of its bytes at an offset: for `WriteAheadBuffer.appendWith` (no copy of its own). */
export function bufferedMessageRecord(topic: string, payload: Buffer): { length: number; fill: (target: Buffer, offset: number) => void } {
  const topicBytes = Buffer.byteLength(topic, 'utf8');
  if (topicBytes > MAX_TOPIC_BYTES) throw new RangeError(`topic of ${topicBytes} bytes exceeds ${MAX_TOPIC_BYTES}`);
  return {
    length: 2 + topicBytes + payload.length,
    fill: (target, offset) => {
      target.writeUInt16BE(topicBytes, offset);
      target.write(topic, offset + 2, topicBytes, 'utf8');
      target.set(payload, offset + 2 + topicBytes);
    },
  };
}

export function encodeBufferedMessage(topic: string, payload: Buffer): Buffer {
  const record = bufferedMessageRecord(topic, payload);
  const out = Buffer.alloc(record.length);
  record.fill(out, 0);
  return out;
}

/** Undefined for a record that is not a buffered message (never written by this version: counted as a dead letter). */
export function decodeBufferedMessage(record: Buffer): BufferedMessage | undefined {
  if (record.length < 2) return undefined;
  const topicBytes = record.readUInt16BE(0);
  if (topicBytes > MAX_TOPIC_BYTES || record.length < 2 + topicBytes) return undefined;
  return { topic: record.toString('utf8', 2, 2 + topicBytes), payload: record.subarray(2 + topicBytes) };
}
