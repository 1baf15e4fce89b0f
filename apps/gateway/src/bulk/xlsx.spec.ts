import { Workbook } from 'exceljs';
import { parseImportFile } from './import-file';
import { parseXlsx } from './xlsx';

const limits = { maxRows: 10, maxCell: 50 };

async function book(rows: unknown[][], extraSheet = false): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('first');
  rows.forEach((row, i) => {
    if (row.length) sheet.getRow(i + 1).values = row as never;
  });
  if (extraSheet) workbook.addWorksheet('second').addRow(['ignored']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('parseXlsx', () => {
  it('reads the first sheet: header row, sheet row numbers, empty cells as "", numbers and dates as text', async () => {
    const data = await book([['serial', 'model', 'multiplier', 'at'], ['A', null, 2.5, new Date('2025-01-02T03:04:05Z')], [], ['B', 'M', 1, null]], true);
    expect(await parseXlsx(data, limits)).toEqual({
      columns: ['serial', 'model', 'multiplier', 'at'],
      rows: [
        { line: 2, cells: ['A', '', '2.5', '2025-01-02T03:04:05.000Z'] },
        { line: 4, cells: ['B', 'M', '1'] },
      ],
    });
  });

  it('takes formula results and rich text as the text a user sees', async () => {
    const data = await book([['a', 'b'], [{ formula: '1+1', result: 2 }, { richText: [{ text: 'ri' }, { text: 'ch' }] }]]);
    expect((await parseXlsx(data, limits)).rows).toEqual([{ line: 2, cells: ['2', 'rich'] }]);
  });

  it.each([
    ['more cells than the header', [['a'], ['1', '2']], /2 cells, the header names 1 columns/],
    ['an over-long cell', [['a'], ['x'.repeat(51)]], /longer than 50/],
    ['a header without a name', [['a', null, 'c'], ['1', '2', '3']], /column 2 of the header has no name/],
    ['an empty sheet', [], /empty/],
    ['too many rows', [['a'], ...Array.from({ length: 11 }, () => ['1'])], /more than 10 rows/],
  ])('refuses %s as VALIDATION_FAILED with a line', async (_what, rows, message) => {
    await expect(parseXlsx(await book(rows), limits)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ line: expect.any(Number), message: expect.stringMatching(message) })] });
  });

  it('refuses a ZIP that is not a workbook, and tells CSV from XLSX by content', async () => {
    await expect(parseImportFile(Buffer.from('PK\u0003\u0004 not really a zip'))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ message: 'not a readable XLSX workbook' }] });
    expect((await parseImportFile(await book([['serial'], ['X']]))).rows).toEqual([{ line: 2, cells: ['X'] }]);
    expect((await parseImportFile(Buffer.from('serial\nY\n'))).rows).toEqual([{ line: 2, cells: ['Y'] }]);
  });
});
