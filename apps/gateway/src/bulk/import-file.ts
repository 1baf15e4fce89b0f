import type { Request } from 'express';
import { DomainError, IMPORT_MAX_ROWS } from '@app/contracts';
import { parseCsv } from './csv';
import type { CsvLimits, ParsedTable } from './csv';
import { unguardTable } from './formula-guard';
import { parseXlsx } from './xlsx';

/** The part of a multer file the import reads. */
export interface UploadedFileLike {
  buffer: Buffer;
  originalname?: string;
}

export const IMPORT_LIMITS: CsvLimits = { maxRows: IMPORT_MAX_ROWS, maxCell: 10_000 };

const RAW_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

const noFile = (): DomainError =>
  new DomainError('VALIDATION_FAILED', 'Invalid request: file', [{ field: 'file', message: 'send the file as multipart/form-data field "file", or as a text/csv body' }]);

/** A raw (non-multipart) body up to `maxBytes`; more is PAYLOAD_TOO_LARGE (the rest of the body is discarded by Node). */
async function rawBody(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export const tooLarge = (maxBytes: number): DomainError => new DomainError('PAYLOAD_TOO_LARGE', `The file is larger than ${maxBytes} bytes`, [{ field: 'file', message: `at most ${maxBytes} bytes` }]);

/** The bytes of an import: the multipart `file` field (already read by multer) or a raw CSV/XLSX body. */
export async function importBytes(request: Request, file: UploadedFileLike | undefined, maxBytes: number): Promise<Buffer> {
  if (file) return file.buffer;
  if (request.is('multipart/form-data')) throw noFile();
  if (!request.is(RAW_TYPES)) throw noFile();
  return rawBody(request, maxBytes);
}

/** CSV (UTF-8) or XLSX, told apart by content (an XLSX file is a ZIP archive), not by name; cells our exports guarded against formulas unguarded. */
export async function parseImportFile(data: Buffer): Promise<ParsedTable> {
  return unguardTable(await parseFile(data));
}

async function parseFile(data: Buffer): Promise<ParsedTable> {
  if (data.length === 0) throw new DomainError('VALIDATION_FAILED', 'Invalid file: it is empty', [{ line: 1, field: 'file', message: 'the file is empty' }]);
  if (data.subarray(0, 4).equals(ZIP_MAGIC)) return parseXlsx(data, IMPORT_LIMITS);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new DomainError('VALIDATION_FAILED', 'Invalid file: not UTF-8 text', [{ line: 1, field: 'file', message: 'a CSV file must be UTF-8 text (or send XLSX)' }]);
  }
  return parseCsv(text, IMPORT_LIMITS);
}
