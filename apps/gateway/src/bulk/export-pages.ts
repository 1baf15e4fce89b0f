import type { Response } from 'express';
import type { ExportFormat } from '@app/contracts';
import { ExportWriter } from './export-writer';
import type { Cell } from './export-writer';

export const EXPORT_PAGE = 500;

/**
 * Streams a keyset-paged listing into a file: one page in memory at a time. The first page is asked
 * before anything is sent, so its failure is an ordinary error answer; a later failure can only break
 * the transfer (the headers are gone).
 */
export async function exportPages<T>(
  response: Response,
  file: { format: ExportFormat; name: string; columns: readonly string[] },
  page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
  row: (item: T) => Cell[],
): Promise<void> {
  let current = await page(undefined);
  const writer = new ExportWriter(response, file.format, file.name, file.columns);
  try {
    for (;;) {
      await writer.rows(current.items.map(row));
      if (!current.nextCursor) break;
      current = await page(current.nextCursor);
    }
    await writer.end();
  } catch (error) {
    response.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}
