import type { Request } from 'express';
import { DomainError } from '@app/contracts';
import type { ImportMode, ImportReport, RpcClient, SystemContract, SystemPatterns } from '@app/contracts';
import { importBytes, parseImportFile } from './import-file';
import type { UploadedFileLike } from './import-file';

/**
 * Deadline of an import RPC. A file travels as ONE request over the Redis transport, not in chunks:
 * all-or-nothing needs every row in one transaction, which chunks could only give with a staging
 * table; 100,000 meters (a 7.4 MB CSV) are 12 MB of JSON, under Redis's 32 MB pub/sub client buffer,
 * and measured at 15-47 s end to end on 2 cores (docs/benchmarks.md, Registry): a generous deadline.
 */
export const IMPORT_RPC_TIMEOUT_MS = 300_000;

/**
 * Largest import request on the wire. Redis drops a subscriber whose pub/sub output buffer passes 32 MB
 * (its default `client-output-buffer-limit pubsub`), which would lose the request: a file whose rows
 * are larger than this as JSON is refused with 413 before it is sent.
 */
export const MAX_IMPORT_PAYLOAD_BYTES = 24 * 1024 * 1024;

type ImportPattern = (typeof SystemPatterns)['meterImport' | 'gatewayImport' | 'consumerImport' | 'servicePointImport'];

/** Reads and parses the uploaded file at the edge, then asks the system service to import its rows. */
export async function importFile(
  system: RpcClient<SystemContract>,
  pattern: ImportPattern,
  request: Request,
  file: UploadedFileLike | undefined,
  mode: ImportMode | undefined,
  maxBytes: number,
): Promise<ImportReport> {
  const table = await parseImportFile(await importBytes(request, file, maxBytes));
  const payload = { mode: mode ?? 'all-or-nothing', columns: table.columns, rows: table.rows };
  if (Buffer.byteLength(JSON.stringify(payload)) > MAX_IMPORT_PAYLOAD_BYTES) {
    throw new DomainError('PAYLOAD_TOO_LARGE', 'The file holds too much data for one import; split it into smaller files', [
      { field: 'file', message: `its rows are more than ${MAX_IMPORT_PAYLOAD_BYTES} bytes as JSON` },
    ]);
  }
  return system.send(pattern, payload, { timeoutMs: IMPORT_RPC_TIMEOUT_MS });
}
