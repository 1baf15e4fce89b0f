import { once } from 'node:events';
import type { Response } from 'express';
import { stream } from 'exceljs';
import type { ExportFormat } from '@app/contracts';
import { csvLine } from './csv';
import { guardCell } from './formula-guard';

export type Cell = string | number | null;

/**
 * Writes an export to the HTTP response page by page, as the pages arrive (keyset paging upstream):
 * memory holds one page, never the whole registry. CSV starts with a BOM (spreadsheets then read
 * UTF-8); XLSX is written by exceljs's streaming writer. Text a spreadsheet would run as a formula
 * is guarded in both (formula-guard.ts); numbers stay numbers.
 */
export class ExportWriter {
  private readonly xlsx?: stream.xlsx.WorkbookWriter;
  private readonly sheet?: ReturnType<stream.xlsx.WorkbookWriter['addWorksheet']>;

  constructor(
    private readonly response: Response,
    private readonly format: ExportFormat,
    name: string,
    columns: readonly string[],
  ) {
    const stamp = new Date().toISOString().slice(0, 10);
    response.setHeader('Content-Disposition', `attachment; filename="${name}-${stamp}.${format}"`);
    if (format === 'xlsx') {
      response.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      this.xlsx = new stream.xlsx.WorkbookWriter({ stream: response, useStyles: false, useSharedStrings: false });
      this.sheet = this.xlsx.addWorksheet(name);
      this.sheet.addRow([...columns]).commit();
    } else {
      response.setHeader('Content-Type', 'text/csv; charset=utf-8');
      response.write(`\uFEFF${csvLine(columns)}`);
    }
  }

  async rows(rows: readonly Cell[][]): Promise<void> {
    const guarded = rows.map((row) => row.map(guardCell));
    if (this.sheet) {
      for (const row of guarded) this.sheet.addRow(row.map((c) => c ?? '')).commit();
      return;
    }
    if (!this.response.write(guarded.map(csvLine).join(''))) await once(this.response, 'drain');
  }

  async end(): Promise<void> {
    if (this.xlsx && this.sheet) {
      this.sheet.commit();
      await this.xlsx.commit();
      return;
    }
    this.response.end();
  }
}
