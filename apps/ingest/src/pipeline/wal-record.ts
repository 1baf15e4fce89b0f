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

/** The record in two parts, [u16 topic length][topic] and the message bytes (not copied here). */
export function bufferedMessageParts(topic: string, payload: Buffer): [Buffer, Buffer] {
  const topicBytes = Buffer.byteLength(topic, 'utf8');
  if (topicBytes > MAX_TOPIC_BYTES) throw new RangeError(`topic of ${topicBytes} bytes exceeds ${MAX_TOPIC_BYTES}`);
  const head = Buffer.allocUnsafe(2 + topicBytes);
  head.writeUInt16BE(topicBytes, 0);
  head.write(topic, 2, topicBytes, 'utf8');
  return [head, payload];
}

export function encodeBufferedMessage(topic: string, payload: Buffer): Buffer {
  return Buffer.concat(bufferedMessageParts(topic, payload));
}

/** Undefined for a record that is not a buffered message (never written by this version: counted as a dead letter). */
export function decodeBufferedMessage(record: Buffer): BufferedMessage | undefined {
  if (record.length < 2) return undefined;
  const topicBytes = record.readUInt16BE(0);
  if (topicBytes > MAX_TOPIC_BYTES || record.length < 2 + topicBytes) return undefined;
  return { topic: record.toString('utf8', 2, 2 + topicBytes), payload: record.subarray(2 + topicBytes) };
}
