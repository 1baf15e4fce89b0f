import type { Request } from 'express';
import type { ImportMode, ImportReport, RpcClient, SystemContract, SystemPatterns } from '@app/contracts';
import { importBytes, parseImportFile } from './import-file';
import type { UploadedFileLike } from './import-file';

/**
 * Deadline of an import RPC. A file travels as ONE request over the Redis transport, not in chunks:
 * all-or-nothing needs every row in one transaction, which chunks could only give with a staging
 * table; 100,000 meters are about 10 MB of JSON, well under Redis's 32 MB pub/sub client buffer, and
 * measured at about 10 s end to end (docs/benchmarks.md, Registry), so a generous deadline is enough.
 */
export const IMPORT_RPC_TIMEOUT_MS = 300_000;

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
  return system.send(pattern, { mode: mode ?? 'all-or-nothing', columns: table.columns, rows: table.rows }, { timeoutMs: IMPORT_RPC_TIMEOUT_MS });
}
