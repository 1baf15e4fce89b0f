import type { Request } from 'express';
import type { RpcClient, SystemContract } from '@app/contracts';
import { MAX_IMPORT_PAYLOAD_BYTES, importFile } from './import-call';

describe('importFile', () => {
  const sent: unknown[] = [];
  const system = { send: (pattern: string, data: unknown) => Promise.resolve(sent.push({ pattern, data })) } as unknown as RpcClient<SystemContract>;
  const request = {} as Request;

  it('sends the parsed rows as one request, all-or-nothing by default', async () => {
    await importFile(system, 'system.meter.import', request, { buffer: Buffer.from('serial,vendor\r\nA,"B, C"\r\n') }, undefined, 1000);
    expect(sent).toEqual([{ pattern: 'system.meter.import', data: { mode: 'all-or-nothing', columns: ['serial', 'vendor'], rows: [{ line: 2, cells: ['A', 'B, C'] }] } }]);
  });

  it('refuses with 413 a file whose rows would not fit one Redis message, before sending it', async () => {
    sent.length = 0;
    const row = `${'x'.repeat(150)},y\n`;
    const csv = Buffer.from(`a,b\n${row.repeat(Math.ceil(MAX_IMPORT_PAYLOAD_BYTES / row.length))}`);
    await expect(importFile(system, 'system.meter.import', request, { buffer: csv }, 'valid-rows-only', csv.length)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(sent).toEqual([]);
  });
});
