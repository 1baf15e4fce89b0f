import { CodecError } from '../../errors';
import { isoString } from '../iso-time';
import { BitReader, batchFloat } from './batch-reader';
import type { Sample } from './samples';
import { pow2 } from '../../pow';

/**
 * Watteco compressed batch frames (frame-control bit 0 clear). Layout, in bits:
 *  - header byte: bit 1 common timestamps, bit 2 "no sample", bit 3 batch request, bits 7..4
 *    the number of series; then a 3-bit counter and 1 reserved bit;
 *  - per series: label (model-specific width), timestamp (first: 32 bits; then Huffman table 1
 *    delta), first value (full sample), and when samples follow, a 2-bit coding type and table;
 *  - then either common timestamps (8-bit count, 2-bit table, Huffman deltas; per series a
 *    label and per timestamp a presence bit plus a Huffman-coded value delta) or per-series
 *    samples (label, 8-bit count, 2-bit table, timestamp and value deltas);
 *  - finally the batch's own relative timestamp. A sample's time is
 *    recvTime - (batch timestamp - sample timestamp) seconds.
 * Reproduces the vendor's br_uncompress quirks (the first unchanged sample of each series in
 * common-timestamp mode is dropped; raw values of float series are not converted).
 * Sources: support.watteco.com "Batch report"; vendor/watteco/*.js (normalisation_batch).
 */
export interface BatchLabel {
  tag: number;
  resolution: number;
  sampleType: number;
  name: string;
  divide: number;
}

export interface BatchConfig {
  labelBits: number;
  labels: readonly BatchLabel[];
}

const MAX_DATE_MS = 8.64e15;

interface Series {
  codingType: number;
  codingTable: number;
  points: Array<{ ts: number; value: number }>;
}

function timestampDelta(br: BitReader, previous: number, bi: number): number {
  if (bi > 14) return br.sample(10);
  return bi > 0 ? br.sample(10, bi) + previous + pow2(bi) - 1 : previous;
}

function valueDelta(br: BitReader, previous: number, codingType: number, resolution: number, bi: number): number {
  const raw = br.sample(6, bi);
  if (codingType === 0) {
    return raw >= pow2(bi - 1) ? raw * resolution + previous : (raw + 1 - pow2(bi)) * resolution + previous;
  }
  if (codingType === 1) return (raw + pow2(bi) - 1) * resolution + previous;
  return previous - (raw + pow2(bi) - 1) * resolution;
}

class BatchDecoder {
  private readonly br: BitReader;
  private readonly series = new Map<number, Series>();

  constructor(
    bytes: Uint8Array,
    private readonly config: BatchConfig,
  ) {
    this.br = new BitReader(bytes);
  }

  private label(): number {
    const tag = this.br.sample(4, this.config.labelBits);
    const index = this.config.labels.findIndex((l) => l.tag === tag);
    if (index < 0) throw new CodecError('MALFORMED', `Batch : Cannot find i1 in argList (label ${tag})`, { label: tag });
    return index;
  }

  private seriesOf(index: number): Series {
    const s = this.series.get(index);
    if (!s || s.points.length === 0) {
      throw new CodecError('MALFORMED', `batch: samples of "${this.config.labels[index].name}" without its first value`);
    }
    return s;
  }

  private timestamp(previous: number): number {
    return previous ? timestampDelta(this.br, previous, this.br.huffman(1)) : this.br.sample(10);
  }

  decode(recvMs: number): Sample[] {
    const br = this.br;
    const header = br.sample(4);
    const commonTimestamps = (header >> 1) & 1;
    const hasSamples = ((header >> 2) & 1) === 0;
    const seriesCount = header >> 4;
    br.sample(4, 3); // batch counter
    br.sample(4, 1);
    let last = 0;
    let first = 0;
    for (let c = 0; c < seriesCount; c++) {
      const index = this.label();
      if (c === 0) first = index;
      last = this.timestamp(last);
      const type = this.config.labels[index].sampleType;
      const raw = br.sample(type);
      const s: Series = { codingType: 0, codingTable: 0, points: [{ ts: last, value: type === 12 ? batchFloat(raw) : raw }] };
      if (hasSamples) {
        s.codingType = br.sample(4, 2);
        s.codingTable = br.sample(4, 2);
      }
      this.series.set(index, s);
    }
    if (hasSamples) last = commonTimestamps ? this.common(seriesCount, first) : this.separate(seriesCount, last);
    const batchTs = this.timestamp(last);
    return this.output(recvMs, batchTs);
  }

  private nextValue(index: number, s: Series, bi: number): number {
    const previous = s.points[s.points.length - 1].value;
    const label = this.config.labels[index];
    return bi > 0 ? valueDelta(this.br, previous, s.codingType, label.resolution, bi) : previous;
  }

  private common(seriesCount: number, first: number): number {
    const br = this.br;
    const count = br.sample(4, 8);
    const table = br.sample(4, 2);
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const bi = br.huffman(table);
      if (bi > 14) times.push(br.sample(10));
      else if (i === 0) times.push(this.seriesOf(first).points[0].ts);
      else times.push(bi > 0 ? br.sample(10, bi) + times[i - 1] + pow2(bi) - 1 : times[i - 1]);
    }
    for (let c = 0; c < seriesCount; c++) {
      let dropUnchanged = true;
      const index = this.label();
      for (let i = 0; i < count; i++) {
        if (!br.sample(4, 1)) continue;
        // A series absent from the header still decodes here (table 0), as long as it needs no previous value.
        let s = this.series.get(index);
        if (!s) this.series.set(index, (s = { codingType: 0, codingTable: 0, points: [] }));
        const bi = br.huffman(s.codingTable);
        let value: number;
        if (bi <= 14) {
          value = this.nextValue(index, this.seriesOf(index), bi);
          if (bi === 0 && dropUnchanged) {
            dropUnchanged = false;
            continue;
          }
        } else {
          value = br.sample(this.config.labels[index].sampleType);
        }
        s.points.push({ ts: times[i], value });
      }
    }
    return count ? times[count - 1] : 0;
  }

  private separate(seriesCount: number, lastTs: number): number {
    const br = this.br;
    let last = lastTs;
    for (let c = 0; c < seriesCount; c++) {
      const index = this.label();
      const count = br.sample(4, 8);
      if (!count) continue;
      const table = br.sample(4, 2);
      for (let i = 0; i < count; i++) {
        const s = this.seriesOf(index);
        const ts = timestampDelta(br, s.points[s.points.length - 1].ts, br.huffman(table));
        if (ts > last) last = ts;
        const bi = br.huffman(s.codingTable);
        const value = bi <= 14 ? this.nextValue(index, s, bi) : br.sample(this.config.labels[index].sampleType);
        s.points.push({ ts, value });
      }
    }
    return last;
  }

  private output(recvMs: number, batchTs: number): Sample[] {
    const samples: Sample[] = [];
    const indexes = [...this.series.keys()].sort((a, b) => a - b);
    for (const index of indexes) {
      const label = this.config.labels[index];
      for (const point of this.series.get(index)?.points ?? []) {
        const value = label.divide ? point.value / label.divide : point.value;
        const ms = recvMs - 1000 * (batchTs - point.ts);
        // Outside Date's range (or NaN), the vendor's date is invalid.
        if (!Number.isFinite(value) || !(Math.abs(ms) <= MAX_DATE_MS)) {
          throw new CodecError('MALFORMED', `batch: sample of "${label.name}" has no valid value or time`);
        }
        const at = isoString(ms);
        samples.push({ variable: label.name, value, date: at, canonical: label.name, canonicalValue: value, time: Math.trunc(ms), at });
      }
    }
    return samples;
  }
}

/** Decodes a batch frame; `recvMs` anchors its relative timestamps. */
export function decodeBatch(bytes: Uint8Array, config: BatchConfig, recvMs: number): Sample[] {
  return new BatchDecoder(bytes, config).decode(recvMs);
}
