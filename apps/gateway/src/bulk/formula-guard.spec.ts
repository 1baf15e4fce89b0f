import { PassThrough } from 'node:stream';
import type { Response } from 'express';
import { Workbook } from 'exceljs';
import fc from 'fast-check';
import type { ExportFormat } from '@app/contracts';
import { ExportWriter } from './export-writer';
import type { Cell } from './export-writer';
import { guardCell, unguardCell } from './formula-guard';
import { parseImportFile } from './import-file';

/** The bytes ExportWriter sends for these rows (a stream standing in for the HTTP response). */
async function exported(format: ExportFormat, columns: string[], rows: Cell[][]): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => stream.on('end', resolve));
  const writer = new ExportWriter(Object.assign(stream, { setHeader: () => undefined }) as unknown as Response, format, 'meters', columns);
  await writer.rows(rows);
  await writer.end();
  if (format === 'xlsx') stream.end();
  await done;
  return Buffer.concat(chunks);
}

describe('formula guard: export', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', '\'=HYPERLINK("http://evil","x")'],
    ['+cmd', "'+cmd"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ["'=x", "''=x"],
    ['plain', 'plain'],
    ["'quoted", "'quoted"],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j is written as %j', (value, written) => {
    expect(guardCell(value)).toBe(written);
  });

  it('leaves numbers as numbers: number cells, and text that is a plain decimal number, even negative', () => {
    expect([guardCell(-12.5), guardCell(0), guardCell(null)]).toEqual([-12.5, 0, null]);
    expect(['-12.5', '+3', '-0.001', '-1e-3', '-.5'].map(guardCell)).toEqual(['-12.5', '+3', '-0.001', '-1e-3', '-.5']);
    expect(['-', '-1-1', '-1,5', '+1 ', '-Infinity', '-0x10'].map(guardCell)).toEqual(["'-", "'-1-1", "'-1,5", "'+1 ", "'-Infinity", "'-0x10"]);
  });
});

describe('formula guard: import', () => {
  it('strips the one quote an export added, and nothing else', () => {
    expect(["'=1+1", "''=x", "'-2+3", "'\tx", "'quoted", "'", "''", '=raw', 'plain'].map(unguardCell)).toEqual(['=1+1', "'=x", '-2+3', '\tx', "'quoted", "'", "''", '=raw', 'plain']);
  });

  it('undoes the export guard for any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", 'a', '1', '.', 'e', ' ') }), (text) => {
        const written = guardCell(text) as string;
        expect(unguardCell(written)).toBe(text);
        expect(/^[=+\-@\t\r]/.test(written) && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(written)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formula guard through ExportWriter and the import parser', () => {
  const columns = ['serial', 'name', 'multiplier', 'longitude'];
  const rows: Cell[][] = [
    ['=1+1', '@cmd', '-2.5', -24.75],
    ["'=x", '+danger', null, 24.75],
  ];

  it('CSV: risky text quoted, numbers as written; parsed back to the same text', async () => {
    const csv = (await exported('csv', columns, rows)).toString('utf8');
    expect(csv).toBe("\uFEFFserial,name,multiplier,longitude\r\n'=1+1,'@cmd,-2.5,-24.75\r\n''=x,'+danger,,24.75\r\n");
    expect((await parseImportFile(Buffer.from(csv))).rows.map((r) => r.cells)).toEqual([
      ['=1+1', '@cmd', '-2.5', '-24.75'],
      ["'=x", '+danger', '', '24.75'],
    ]);
  });

  it('XLSX: risky text as quoted text, a negative number as a number cell; parsed back to the same text', async () => {
    const data = await exported('xlsx', columns, rows);
    const workbook = new Workbook();
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(2).values).toEqual([undefined, "'=1+1", "'@cmd", '-2.5', -24.75]);
    expect(typeof sheet.getCell('D2').value).toBe('number');
    expect(sheet.getCell('A2').formula).toBeUndefined();
    expect((await parseImportFile(data)).rows.map((r) => r.cells)).toEqual([
      ['=1+1', '@cmd', '-2.5', '-24.75'],
      ["'=x", '+danger', '', '24.75'],
    ]);
  });
});
