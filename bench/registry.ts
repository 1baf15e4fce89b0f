/**
 * `npm run bench:registry`: the meter registry at the gateway, over HTTP, with 100,000 meters.
 *   1. Starts the platform (`Stack`: every app as a process from dist/, its own Redis, throwaway
 *      databases; run `npm run build` first), or uses a running one: BENCH_GATEWAY_URL (+ BENCH_TENANT,
 *      BENCH_EMAIL, BENCH_PASSWORD; default the seeded demo administrator).
 *   2. Imports BENCH_METERS (100,000) generated meters from ONE CSV through POST /meters/import
 *      (all-or-nothing): rows/s end to end (upload, parse, validate, write with history).
 *   3. Times BENCH_REQUESTS (250) sequential requests per case, after 20 warm-up requests:
 *      first page; deep pages via cursor (random positions over the whole list); filter by utility,
 *      by status, by node (a district, and a region = its subtree); serial prefix search. Prints
 *      p50/p95/p99 in ms; the aim is p95 < 100 ms.
 */
import { randomInt } from 'node:crypto';
import type { AppName, HierarchyNodeView, ImportReport, MeterPage } from '@app/contracts';
import { Stack, signIn } from '@app/testing';
import { DEFAULT_DEMO_PASSWORD, DEMO_TENANT } from '../tools/seed-data';

const METERS = Number(process.env.BENCH_METERS ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 250);
const WARM_UP = 20;
const UTILITIES = ['water', 'gas', 'heat', 'electricity'] as const;
const VENDORS = ['Kamstrup', 'Itron', 'Diehl', 'Sensus', 'Elster'];

interface Case {
  name: string;
  path: () => string;
}

async function main(): Promise<void> {
  const external = process.env.BENCH_GATEWAY_URL;
  const stack = external ? undefined : await startStack();
  const base = external ?? stack?.gatewayUrl ?? '';
  try {
    const session = await signIn(base, process.env.BENCH_TENANT ?? DEMO_TENANT.slug, process.env.BENCH_EMAIL ?? 'admin@demo.example', process.env.BENCH_PASSWORD ?? DEFAULT_DEMO_PASSWORD);
    const api = apiOf(base, session.accessToken);
    const prefix = `B${Date.now().toString(36).toUpperCase()}`;
    const region = await api.json<HierarchyNodeView>('POST', '/hierarchy', { kind: 'region', name: `Bench ${prefix}` });
    const districts = await Promise.all(Array.from({ length: 10 }, (_, i) => api.json<HierarchyNodeView>('POST', '/hierarchy', { kind: 'district', name: `District ${i}`, parentId: region.id })));

    const csv = generateCsv(prefix, districts.map((d) => d.id));
    process.stdout.write(`import: ${METERS} meters, ${(csv.length / 1e6).toFixed(1)} MB CSV ... `);
    const started = performance.now();
    const report = await api.upload<ImportReport>('/meters/import', csv);
    const seconds = (performance.now() - started) / 1000;
    if (report.created !== METERS) throw new Error(`import created ${report.created} of ${METERS}: ${JSON.stringify(report.errors.slice(0, 5))}`);
    process.stdout.write(`${seconds.toFixed(1)} s, ${Math.round(METERS / seconds)} rows/s\n`);

    const cursors = await collectCursors(api);
    const cases: Case[] = [
      { name: 'first page (50)', path: () => '/meters' },
      { name: 'deep page via cursor (50)', path: () => `/meters?cursor=${encodeURIComponent(cursors[randomInt(cursors.length)])}` },
      { name: 'filter utility', path: () => `/meters?utility=${UTILITIES[randomInt(UTILITIES.length)]}` },
      { name: 'filter utility, deep', path: () => `/meters?utility=gas&cursor=${encodeURIComponent(cursors[randomInt(cursors.length)])}` },
      { name: 'filter status=in_stock', path: () => '/meters?status=in_stock' },
      { name: 'filter status=installed (rare)', path: () => '/meters?status=installed' },
      { name: 'filter node (district)', path: () => `/meters?nodeId=${districts[randomInt(districts.length)].id}` },
      { name: 'filter node subtree (region)', path: () => `/meters?nodeId=${region.id}` },
      { name: 'serial prefix search', path: () => `/meters?search=${prefix}-${String(randomInt(METERS)).padStart(6, '0').slice(0, 4)}` },
      { name: 'serial prefix, one meter', path: () => `/meters?search=${prefix}-${String(randomInt(METERS)).padStart(6, '0')}` },
    ];
    console.log(`\n${REQUESTS} sequential requests per case (after ${WARM_UP} warm-up), ms at the gateway over HTTP:`);
    console.log('| case | p50 | p95 | p99 | max |');
    console.log('|---|---|---|---|---|');
    for (const c of cases) {
      for (let i = 0; i < WARM_UP; i++) await api.json<MeterPage>('GET', c.path());
      const times: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const t = performance.now();
        const page = await api.json<MeterPage>('GET', c.path());
        times.push(performance.now() - t);
        if (!Array.isArray(page.items)) throw new Error(`${c.name}: not a page`);
      }
      times.sort((a, b) => a - b);
      const q = (p: number): string => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
      console.log(`| ${c.name} | ${q(0.5)} | ${q(0.95)} | ${q(0.99)} | ${times[times.length - 1].toFixed(1)} |`);
    }
  } finally {
    await stack?.stop();
  }
}

async function startStack(): Promise<Stack> {
  process.stdout.write('starting the platform (Stack) ... ');
  const apps: AppName[] = ['gateway', 'system'];
  // Only the two apps on the path; info logs (debug logging of every request would be measured too).
  const stack = await Stack.start({ apps, env: { LOG_LEVEL: 'info' }, expectHealth: 503 });
  process.stdout.write('up\n');
  return stack;
}

function generateCsv(prefix: string, nodeIds: string[]): string {
  const lines = ['serial,vendor,model,utility,nodeId,devEui,wmbusManufacturer,wmbusId,multiplier,registerUnit'];
  for (let i = 0; i < METERS; i++) {
    const utility = UTILITIES[i % UTILITIES.length];
    const lorawan = i % 3 === 0;
    const wmbus = i % 3 === 1;
    lines.push(
      [
        `${prefix}-${String(i).padStart(6, '0')}`,
        VENDORS[i % VENDORS.length],
        `M${i % 7}`,
        utility,
        i % 2 === 0 ? nodeIds[i % nodeIds.length] : '',
        lorawan ? (0x70b3d50000000000n + BigInt(i) + BigInt(Date.now() % 1_000_000) * 1_000_000n).toString(16).padStart(16, '0').slice(-16) : '',
        wmbus ? 'KAM' : '',
        wmbus ? String((Date.now() % 90) * 1_000_000 + i).padStart(8, '0').slice(-8) : '',
        utility === 'electricity' ? '1' : '0.001',
        utility === 'electricity' ? 'kWh' : 'm3',
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Walks the whole listing 500 at a time and keeps every page's cursor: random deep positions. */
async function collectCursors(api: ReturnType<typeof apiOf>): Promise<string[]> {
  const cursors: string[] = [];
  let page = await api.json<MeterPage>('GET', '/meters?limit=500');
  while (page.nextCursor) {
    cursors.push(page.nextCursor);
    page = await api.json<MeterPage>('GET', `/meters?limit=500&cursor=${encodeURIComponent(page.nextCursor)}`);
  }
  return cursors;
}

function apiOf(base: string, token: string) {
  const headers = { authorization: `Bearer ${token}` };
  const answer = async <T>(response: Response, what: string): Promise<T> => {
    const text = await response.text();
    if (!response.ok) throw new Error(`${what}: ${response.status} ${text.slice(0, 500)}`);
    return JSON.parse(text) as T;
  };
  return {
    json: async <T>(method: string, path: string, body?: unknown): Promise<T> =>
      answer<T>(await fetch(`${base}/api/v1${path}`, { method, headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined }), `${method} ${path}`),
    upload: async <T>(path: string, csv: string): Promise<T> => {
      const form = new FormData();
      form.append('file', new Blob([csv], { type: 'text/csv' }), 'meters.csv');
      return answer<T>(await fetch(`${base}/api/v1${path}`, { method: 'POST', headers, body: form, signal: AbortSignal.timeout(600_000) }), `POST ${path}`);
    },
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
