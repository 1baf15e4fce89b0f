import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** Segment files are `<dir>/<seq, 20 digits>.wal`; sorting the names sorts the segments. */
const SEGMENT_NAME = /^(\d{20})\.wal$/;
export const CHECKPOINT_FILE = 'checkpoint';

export function segmentPath(dir: string, seq: number): string {
  return path.join(dir, `${String(seq).padStart(20, '0')}.wal`);
}

export async function listSegmentSeqs(dir: string): Promise<number[]> {
  const names = await fs.readdir(dir);
  return names
    .map((name) => SEGMENT_NAME.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => Number(match[1]))
    .sort((a, b) => a - b);
}

/** fsync of the directory: makes a created, renamed or deleted entry durable. */
export async function syncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The next record to hand to the sink: everything before it was confirmed. */
export interface Checkpoint {
  segment: number;
  offset: number;
}

export async function readCheckpoint(dir: string): Promise<Checkpoint | undefined> {
  let text: string;
  try {
    text = await fs.readFile(path.join(dir, CHECKPOINT_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = JSON.parse(text) as Partial<Checkpoint>;
  if (!Number.isSafeInteger(parsed.segment) || !Number.isSafeInteger(parsed.offset)) {
    throw new Error(`checkpoint in ${dir} is malformed: ${text.slice(0, 100)}`);
  }
  return { segment: parsed.segment as number, offset: parsed.offset as number };
}

/** Atomic replace: write a temporary file, fsync it, rename over the checkpoint, fsync the directory. */
export async function writeCheckpoint(dir: string, checkpoint: Checkpoint, sync: boolean): Promise<void> {
  const tmp = path.join(dir, `${CHECKPOINT_FILE}.tmp`);
  const handle = await fs.open(tmp, 'w');
  try {
    await handle.writeFile(JSON.stringify(checkpoint));
    if (sync) await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(tmp, path.join(dir, CHECKPOINT_FILE));
  if (sync) await syncDir(dir);
}
