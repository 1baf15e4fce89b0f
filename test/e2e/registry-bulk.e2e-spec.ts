import { Workbook } from 'exceljs';
import type { GatewayView, ImportReport, MeterPage } from '@app/contracts';
import { Stack, apiCall, signIn } from '@app/testing';
import { DEFAULT_DEMO_PASSWORD, DEMO_TENANT, PLATFORM_TENANT } from '../../tools/seed-data';

jest.setTimeout(120_000);

const API = '/api/v1';
const MAX_BYTES = 200_000;
const APP_KEY = '2b7e151628aed2a6abf7158809cf4f3c';

interface ErrorBody {
  error: { code: string; message: string; fields?: { line?: number; field: string; message: string }[] };
}

interface Answer<T> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

async function xlsxOf(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('meters');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function rowsOfXlsx(data: Buffer): Promise<string[][]> {
  const workbook = new Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const out: string[][] = [];
  workbook.worksheets[0].eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return out;
}

describe('registry import and export over HTTP (CSV, XLSX) against the real stack', () => {
  let stack: Stack;
  let token: string;

  async function send<T>(method: string, path: string, body?: RequestInit['body'], headers: Record<string, string> = {}, as = token): Promise<Answer<T>> {
    const response = await fetch(`${stack.gatewayUrl}${API}${path}`, { method, body, headers: { authorization: `Bearer ${as}`, ...headers }, signal: AbortSignal.timeout(60_000) });
    // The BOM of a CSV export is part of what is checked: keep it.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // a file, not JSON
    }
    return { status: response.status, body: parsed as T, text, headers: response.headers };
  }

  const upload = <T>(path: string, data: string | Buffer, name: string, as = token) => {
    const form = new FormData();
    form.append('file', new Blob([data]), name);
    return send<T>('POST', path, form, {}, as);
  };
  const rawCsv = <T>(path: string, csv: string, as = token) => send<T>('POST', path, csv, { 'content-type': 'text/csv' }, as);

  beforeAll(async () => {
    stack = await Stack.start({ env: { IMPORT_MAX_BYTES: String(MAX_BYTES) } });
    token = (await signIn(stack.gatewayUrl, DEMO_TENANT.slug, 'admin@demo.example', DEFAULT_DEMO_PASSWORD)).accessToken;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('imports a CSV upload (quotes, embedded commas and line breaks, BOM, CRLF) with keys sealed', async () => {
    const csv = '\uFEFFserial,vendor,model,utility,devEui,appKey,multiplier\r\n' + `BLK-001,Acme,"Model ""X"", rev 2",water,70B3D5E75E00B001,${APP_KEY},1\r\n` + 'BLK-002,Acme,"two\r\nlines",gas,,,0.5\r\n';
    const answer = await upload<ImportReport>('/meters/import', csv, 'meters.csv');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ mode: 'all-or-nothing', total: 2, created: 2, rejected: 0, errors: [] });
    const page = await apiCall<MeterPage>(stack.gatewayUrl, 'GET', `${API}/meters?search=BLK-`, { token });
    expect(page.body.items.map((m) => [m.serial, m.model, m.utility, m.lorawan?.hasAppKey ?? null])).toEqual([
      ['BLK-001', 'Model "X", rev 2', 'water', true],
      ['BLK-002', 'two\r\nlines', 'gas', null],
    ]);
    expect(JSON.stringify(page.body)).not.toContain(APP_KEY);
  });

  it('all-or-nothing answers 422 with every error by line and column, and writes nothing', async () => {
    const csv = 'serial,vendor,utility,devEui\nERR-1,Acme,water,\nERR-2,Acme,steam,\n"ERR\n3",Acme,gas,zz\nBLK-001,Acme,water,\nERR-1,Acme,gas,\n';
    const answer = await rawCsv<ErrorBody>('/meters/import', csv);
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe('UNPROCESSABLE');
    expect(answer.body.error.fields?.map((f) => [f.line, f.field])).toEqual([
      [3, 'utility'],
      [4, 'devEui'],
      [5, 'serial'],
      [6, 'serial'],
    ]);
    const page = await apiCall<MeterPage>(stack.gatewayUrl, 'GET', `${API}/meters?search=ERR`, { token });
    expect(page.body.items).toEqual([]);
  });

  it('valid-rows-only writes the good rows and reports the rest', async () => {
    const answer = await rawCsv<ImportReport>('/meters/import?mode=valid-rows-only', 'serial,vendor,utility\nVRO-1,Acme,water\nVRO-2,Acme,plasma\nVRO-3,Acme,heat\n');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ mode: 'valid-rows-only', total: 3, created: 2, rejected: 1, errors: [{ line: 3, field: 'utility' }] });
  });

  it('imports XLSX (first sheet, header row); errors carry the sheet row numbers', async () => {
    const good = await xlsxOf([
      ['serial', 'vendor', 'utility', 'multiplier'],
      ['XL-1', 'Acme', 'electricity', 2],
      ['XL-2', 'Acme', 'electricity', 1.5],
    ]);
    const answer = await upload<ImportReport>('/meters/import', good, 'meters.xlsx');
    expect([answer.status, answer.body.created]).toEqual([200, 2]);
    const page = await apiCall<MeterPage>(stack.gatewayUrl, 'GET', `${API}/meters?search=XL-`, { token });
    expect(page.body.items.map((m) => [m.serial, Number(m.multiplier)])).toEqual([
      ['XL-1', 2],
      ['XL-2', 1.5],
    ]);
    const bad = await xlsxOf([['serial', 'vendor', 'utility'], ['XL-3', 'Acme', 'water'], [], ['XL-1', 'Acme', 'water']]);
    const refused = await upload<ErrorBody>('/meters/import', bad, 'bad.xlsx');
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields).toEqual([{ line: 4, field: 'serial', message: 'a meter of this vendor with this serial number already exists' }]);
  });

  it('answers 400 naming the problem: unknown columns, a broken CSV, no file, a bad mode', async () => {
    const unknown = await rawCsv<ErrorBody>('/meters/import', 'serial,vendor,utility,colour\nA,B,water,red\n');
    expect([unknown.status, unknown.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(unknown.body.error.fields?.[0]).toMatchObject({ line: 1, field: 'columns', message: expect.stringMatching(/^unknown columns: colour/) });
    const broken = await rawCsv<ErrorBody>('/meters/import', 'serial,vendor,utility\nA,B,water\n"C,D,gas\n');
    expect(broken.status).toBe(400);
    expect(broken.body.error.fields?.[0]).toMatchObject({ line: 3, message: expect.stringMatching(/not closed/) });
    const none = await send<ErrorBody>('POST', '/meters/import', JSON.stringify({ rows: [] }), { 'content-type': 'application/json' });
    expect([none.status, none.body.error.fields?.[0].field]).toEqual([400, 'file']);
    const mode = await rawCsv<ErrorBody>('/meters/import?mode=some', 'serial,vendor,utility\nA,B,water\n');
    expect([mode.status, mode.body.error.fields?.[0].field]).toEqual([400, 'mode']);
    const binary = await upload<ErrorBody>('/meters/import', Buffer.from([0xff, 0xfe, 0x00, 0x41]), 'x.csv');
    expect([binary.status, binary.body.error.fields?.[0].message]).toEqual([400, expect.stringMatching(/UTF-8/)]);
  });

  it('answers 413 to a file over IMPORT_MAX_BYTES, uploaded or raw', async () => {
    const big = `serial,vendor,utility\n${'BIG-0000000001,Acme,water\n'.repeat(Math.ceil(MAX_BYTES / 25) + 10)}`;
    const uploaded = await upload<ErrorBody>('/meters/import', big, 'big.csv');
    expect([uploaded.status, uploaded.body.error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const raw = await rawCsv<ErrorBody>('/meters/import', big);
    expect([raw.status, raw.body.error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('exports with the listing filters and imports into another tenant to the same rows (CSV and XLSX); keys never exported', async () => {
    const exported = await send<string>('GET', '/meters/export?search=BLK-&format=csv');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(exported.text.split('\r\n')[0]).toBe('\uFEFFserial,vendor,model,utility,codecId,nodeId,devEui,joinEui,wmbusManufacturer,wmbusId,multiplier,registerUnit');
    expect(exported.text).toContain('"Model ""X"", rev 2"');
    expect(exported.text).not.toContain(APP_KEY);
    expect(exported.text).not.toMatch(/appKey|aesKey/);

    const root = await signIn(stack.gatewayUrl, PLATFORM_TENANT.slug, 'admin@platform.example', DEFAULT_DEMO_PASSWORD);
    const created = await send('POST', '/tenants', JSON.stringify({ slug: 'bulk-other', name: 'Bulk other', admin: { email: 'admin@bulk-other.example', displayName: 'Other', password: 'Other-Admin-2025!' } }), { 'content-type': 'application/json' }, root.accessToken);
    expect(created.status).toBe(201);
    const other = (await signIn(stack.gatewayUrl, 'bulk-other', 'admin@bulk-other.example', 'Other-Admin-2025!')).accessToken;
    expect((await send<string>('GET', '/meters/export', undefined, {}, other)).text).toBe(exported.text.split('\r\n')[0] + '\r\n');

    const imported = await upload<ImportReport>('/meters/import', exported.text, 'export.csv', other);
    expect([imported.status, imported.body.created]).toEqual([200, 2]);
    const again = await send<string>('GET', '/meters/export?format=csv', undefined, {}, other);
    expect(again.text).toBe(exported.text);

    // Formula injection: text a spreadsheet would run goes out behind one quote and comes back as it was.
    const risky = await rawCsv<ImportReport>('/meters/import', 'serial,vendor,model,utility,multiplier\n=FX-1,Acme,@SUM(A1),water,2.5\n=FX-2,Acme,-cmd,gas,1\n');
    expect([risky.status, risky.body.created]).toEqual([200, 2]);
    const riskyCsv = await send<string>('GET', `/meters/export?search=${encodeURIComponent('=FX-')}&format=csv`);
    expect(riskyCsv.text.split('\r\n').slice(1)).toEqual(["'=FX-1,Acme,'@SUM(A1),water,,,,,,,2.500000,", "'=FX-2,Acme,'-cmd,gas,,,,,,,1.000000,", '']);
    expect((await upload<ImportReport>('/meters/import', riskyCsv.text, 'risky.csv', other)).body.created).toBe(2);
    const riskyOther = await apiCall<MeterPage>(stack.gatewayUrl, 'GET', `${API}/meters?search=${encodeURIComponent('=FX-')}`, { token: other });
    expect(riskyOther.body.items.map((m) => [m.serial, m.model])).toEqual([
      ['=FX-1', '@SUM(A1)'],
      ['=FX-2', '-cmd'],
    ]);
    expect((await send<string>('GET', `/meters/export?search=${encodeURIComponent('=FX-')}&format=csv`, undefined, {}, other)).text).toBe(riskyCsv.text);
    const riskyXlsx = await fetch(`${stack.gatewayUrl}${API}/meters/export?format=xlsx&search=${encodeURIComponent('=FX-')}`, { headers: { authorization: `Bearer ${token}` } });
    const riskyBook = Buffer.from(await riskyXlsx.arrayBuffer());
    expect((await rowsOfXlsx(riskyBook)).slice(1).map((r) => [r[0], r[2]])).toEqual([
      ["'=FX-1", "'@SUM(A1)"],
      ["'=FX-2", "'-cmd"],
    ]);
    // Read back without the quote: the same meters already exist in the other tenant.
    const riskyAgain = await upload<ErrorBody>('/meters/import', riskyBook, 'risky.xlsx', other);
    expect([riskyAgain.status, riskyAgain.body.error.fields?.map((f) => [f.line, f.field, f.message])]).toEqual([
      422,
      [
        [2, 'serial', 'a meter of this vendor with this serial number already exists'],
        [3, 'serial', 'a meter of this vendor with this serial number already exists'],
      ],
    ]);

    const xlsx = await fetch(`${stack.gatewayUrl}${API}/meters/export?format=xlsx&utility=electricity&search=XL-`, { headers: { authorization: `Bearer ${token}` } });
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
    const file = Buffer.from(await xlsx.arrayBuffer());
    expect((await rowsOfXlsx(file)).map((r) => r[0])).toEqual(['serial', 'XL-1', 'XL-2']);
    const reimported = await upload<ImportReport>('/meters/import', file, 'export.xlsx', other);
    expect([reimported.status, reimported.body]).toEqual([200, expect.objectContaining({ created: 2 })]);
    const otherXl = await apiCall<MeterPage>(stack.gatewayUrl, 'GET', `${API}/meters?search=XL-`, { token: other });
    expect(otherXl.body.items.map((m) => [m.serial, m.utility, Number(m.multiplier)])).toEqual([
      ['XL-1', 'electricity', 2],
      ['XL-2', 'electricity', 1.5],
    ]);
  });

  it('imports and exports gateways', async () => {
    const csv = 'eui,name,latitude,longitude,status,configuration\nB827EBFFFE00B001,Roof 1,59.43,24.75,active,"{""channelPlan"":""EU868""}"\nB827EBFFFE00B002,Roof 2,,,inactive,\n';
    const answer = await upload<ImportReport>('/gateways/import', csv, 'gateways.csv');
    expect([answer.status, answer.body.created]).toEqual([200, 2]);
    const list = await apiCall<GatewayView[]>(stack.gatewayUrl, 'GET', `${API}/gateways`, { token });
    expect(list.body.find((g) => g.name === 'Roof 1')).toMatchObject({ eui: 'b827ebfffe00b001', latitude: 59.43, configuration: { channelPlan: 'EU868' } });
    const exported = await send<string>('GET', '/gateways/export');
    expect(exported.text).toContain('b827ebfffe00b001,Roof 1,,59.43,24.75,,active,"{""channelPlan"":""EU868""}"');
    const dup = await upload<ErrorBody>('/gateways/import', csv, 'gateways.csv');
    expect(dup.status).toBe(422);
    expect(dup.body.error.fields?.map((f) => [f.line, f.field])).toEqual([
      [2, 'eui'],
      [3, 'eui'],
    ]);
  });

  it('imports and exports consumers and service points (round trip into another tenant)', async () => {
    const consumers = 'kind,accountNumber,name,taxId,email\nresidential,ACC-B1,"Lee, Ann",,ann@example.org\nnon_residential,ACC-B2,Bakery,EE1001,\nresidential,ACC-B3,,,\n';
    const refused = await upload<ErrorBody>('/consumers/import', consumers, 'consumers.csv');
    expect([refused.status, refused.body.error.fields?.map((f) => [f.line, f.field])]).toEqual([422, [[4, 'name']]]);
    const report = await upload<ImportReport>('/consumers/import?mode=valid-rows-only', consumers, 'consumers.csv');
    expect(report.body).toMatchObject({ created: 2, rejected: 1 });
    const exported = await send<string>('GET', '/consumers/export?search=ACC-B');
    expect(exported.text).toBe('\uFEFFkind,accountNumber,name,taxId,registrationNumber,contactPerson,email,phone,postalAddress\r\nresidential,ACC-B1,"Lee, Ann",,,,ann@example.org,,\r\nnon_residential,ACC-B2,Bakery,EE1001,,,,,\r\n');
    const points = await upload<ImportReport>('/service-points/import', 'code,utility,address\nSP-B1,water,Main St 1\nSP-B2,gas,\n', 'points.csv');
    expect([points.status, points.body.created]).toEqual([200, 2]);
    const pointsFile = await send<string>('GET', '/service-points/export?format=csv&search=SP-B');
    expect(pointsFile.text.split('\r\n').slice(0, 3)).toEqual(['\uFEFFcode,utility,consumerId,nodeId,address,description', 'SP-B1,water,,,Main St 1,', 'SP-B2,gas,,,,']);
    const other = (await signIn(stack.gatewayUrl, 'bulk-other', 'admin@bulk-other.example', 'Other-Admin-2025!')).accessToken;
    expect((await upload<ImportReport>('/consumers/import', exported.text, 'c.csv', other)).body.created).toBe(2);
    expect((await send<string>('GET', '/consumers/export', undefined, {}, other)).text).toBe(exported.text);
    expect((await upload<ImportReport>('/service-points/import', pointsFile.text, 'p.csv', other)).body.created).toBe(2);
  });
});
