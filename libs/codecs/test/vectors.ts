import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonObject } from '../src/types';

export interface LorawanVector {
  id: string;
  codec: string;
  source: string;
  sourceCommit: string;
  vendor: string;
  model: string;
  meterType: string;
  fPort: number;
  hex: string;
  recvTime?: string;
  expected: { data?: JsonObject; errors?: string[]; warnings?: string[] };
  expectedIntended?: { data?: JsonObject; errors?: string[]; warnings?: string[] };
  upstreamCiValidated: boolean | null;
  note?: string;
}

export interface WmbusVector {
  id: string;
  source: string;
  sourceCommit: string;
  driver: string;
  driverFile: string;
  meterId: string;
  key: string;
  frame: 'wmbus' | 'mbus-long-frame';
  hex: string;
  priorTelegrams?: string[];
  expected: Record<string, unknown>;
  expectedFields?: string;
  comment?: string;
  note?: string;
}

const FIXTURES = join(__dirname, 'fixtures');

export function lorawanVectors(): LorawanVector[] {
  return JSON.parse(readFileSync(join(FIXTURES, 'lorawan.json'), 'utf8')) as LorawanVector[];
}

export function wmbusVectors(): WmbusVector[] {
  return JSON.parse(readFileSync(join(FIXTURES, 'wmbus.json'), 'utf8')) as WmbusVector[];
}
