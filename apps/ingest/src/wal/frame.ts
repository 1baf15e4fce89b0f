import { crc32 } from './crc32';

/**
 * One record on disk: [u32 length][u32 crc32][body], little-endian; length and crc cover the body,
 * which is [f64 appendedAt ms][payload]. A frame is valid only if its whole body is present and the
 * crc matches, so a torn write (crash mid-write) and garbage both read as invalid.
 */
export const FRAME_HEADER_BYTES = 8;
export const BODY_HEADER_BYTES = 8;
export const FRAME_OVERHEAD = FRAME_HEADER_BYTES + BODY_HEADER_BYTES;

/** The frame of a payload given whole or in parts (copied once, in order, into the frame). */
export function encodeFrame(payload: Buffer | readonly Buffer[], appendedAt: number): Buffer {
  const parts = Buffer.isBuffer(payload) ? [payload] : payload;
  let length = 0;
  for (const part of parts) length += part.length;
  const frame = Buffer.allocUnsafe(FRAME_OVERHEAD + length);
  frame.writeDoubleLE(appendedAt, FRAME_HEADER_BYTES);
  let at = FRAME_OVERHEAD;
  for (const part of parts) at += part.copy(frame, at);
  const body = frame.subarray(FRAME_HEADER_BYTES);
  frame.writeUInt32LE(body.length, 0);
  frame.writeUInt32LE(crc32(body), 4);
  return frame;
}

/** Fills a record's bytes at `offset` of `target` (exactly the length announced with it). */
export type RecordFill = (target: Buffer, offset: number) => void;

/**
 * Writes the frame of a `recordLength`-byte record at `offset` of `target` (which has room for
 * FRAME_OVERHEAD + recordLength bytes), the record's bytes written by `fill`; answers the frame's size.
 */
export function writeFrameAt(target: Buffer, offset: number, recordLength: number, fill: RecordFill, appendedAt: number): number {
  const bodyLength = BODY_HEADER_BYTES + recordLength;
  target.writeUInt32LE(bodyLength, offset);
  target.writeDoubleLE(appendedAt, offset + FRAME_HEADER_BYTES);
  fill(target, offset + FRAME_OVERHEAD);
  const bodyStart = offset + FRAME_HEADER_BYTES;
  target.writeUInt32LE(crc32(target.subarray(bodyStart, bodyStart + bodyLength)), offset + 4);
  return FRAME_HEADER_BYTES + bodyLength;
}

export type FrameRead =
  | { kind: 'ok'; size: number; appendedAt: number; payload: Buffer }
  /** The bytes end before the frame does (possibly a torn tail, or just not read yet). */
  | { kind: 'short' }
  | { kind: 'bad' };

/** Reads the frame at `offset` of `buf`; `maxBodyBytes` rejects absurd lengths from garbage. */
export function readFrame(buf: Buffer, offset: number, maxBodyBytes: number): FrameRead {
  if (buf.length - offset < FRAME_HEADER_BYTES) return { kind: 'short' };
  const length = buf.readUInt32LE(offset);
  if (length < BODY_HEADER_BYTES || length > maxBodyBytes) return { kind: 'bad' };
  const end = offset + FRAME_HEADER_BYTES + length;
  if (end > buf.length) return { kind: 'short' };
  const body = buf.subarray(offset + FRAME_HEADER_BYTES, end);
  if (crc32(body) !== buf.readUInt32LE(offset + 4)) return { kind: 'bad' };
  const appendedAt = body.readDoubleLE(0);
  return { kind: 'ok', size: end - offset, appendedAt, payload: body.subarray(BODY_HEADER_BYTES) };
}

/** The first offset after `from` where a whole valid frame starts, or undefined (a resync after corruption). */
export function findNextFrame(buf: Buffer, from: number, maxBodyBytes: number): number | undefined {
  for (let at = from + 1; at + FRAME_OVERHEAD <= buf.length; at++) {
    if (readFrame(buf, at, maxBodyBytes).kind === 'ok') return at;
  }
  return undefined;
}
