/**
 * `node dist/tools/seed-simulated.js <meters.csv>`: registers the uplink simulator's meters (the file its
 * `--registry-csv` writes) in the demo tenant, through the gateway's bulk import as the demo tenant's
 * administrator, so `scripts/up.sh` plays uplinks of meters the platform knows. Mode `valid-rows-only`:
 * meters already registered (a second `up`) are reported as such and nothing changes; any other row error
 * fails the run. Reads GATEWAY_PORT (the local gateway) and DEMO_PASSWORD (as the seed does).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { gatewayVariables, loadConfigOrExit } from '@app/common';
import type { ImportReport, ImportRowError, SessionResponse } from '@app/contracts';
import { DEFAULT_DEMO_PASSWORD, DEMO_TENANT } from './seed-data';

const configSchema = z.object({
  GATEWAY_PORT: gatewayVariables.GATEWAY_PORT,
  DEMO_PASSWORD: z.string().max(1024).optional(),
});

export interface SimulatedImportOutcome {
  total: number;
  created: number;
  /** Rows refused only because the meter (serial, devEui) is registered already. */
  alreadyRegistered: number;
  /** Every other row error. */
  errors: ImportRowError[];
}

const ALREADY_REGISTERED = /already exists$/;

/** Splits an import report's refusals into meters that are there already and real errors. */
export function classifyImport(report: ImportReport): SimulatedImportOutcome {
  const byLine = new Map<number, ImportRowError[]>();
  for (const error of report.errors) byLine.set(error.line, [...(byLine.get(error.line) ?? []), error]);
  let alreadyRegistered = 0;
  const errors: ImportRowError[] = [];
  for (const lineErrors of byLine.values()) {
    if (lineErrors.every((e) => ALREADY_REGISTERED.test(e.message))) alreadyRegistered += 1;
    else errors.push(...lineErrors);
  }
  return { total: report.total, created: report.created, alreadyRegistered, errors };
}

async function call<T>(url: string, init: RequestInit): Promise<{ status: number; body: T }> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(300_000) });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text for the message
  }
  return { status: response.status, body: body as T };
}

/** Signs in as the demo tenant's administrator and imports `csv` into its meters. */
export async function importSimulatedMeters(gatewayUrl: string, csv: string, password: string): Promise<SimulatedImportOutcome> {
  const admin = DEMO_TENANT.users.find((u) => u.roles.includes('tenant_admin'));
  if (!admin) throw new Error('the demo tenant has no administrator');
  const login = await call<SessionResponse>(`${gatewayUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ tenant: DEMO_TENANT.slug, email: admin.email, password }),
  });
  if (login.status !== 200) throw new Error(`login of ${admin.email} failed: HTTP ${login.status} ${JSON.stringify(login.body)}`);
  const imported = await call<ImportReport>(`${gatewayUrl}/api/v1/meters/import?mode=valid-rows-only`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', accept: 'application/json', authorization: `Bearer ${login.body.accessToken}` },
    body: csv,
  });
  if (imported.status !== 200) throw new Error(`meter import failed: HTTP ${imported.status} ${JSON.stringify(imported.body).slice(0, 2000)}`);
  return classifyImport(imported.body);
}

async function main(argv: readonly string[]): Promise<number> {
  const [file] = argv;
  if (!file || argv.length > 1) {
    process.stderr.write('usage: node dist/tools/seed-simulated.js <meters.csv>  (the simulator\'s --registry-csv file)\n');
    return 2;
  }
  const config = loadConfigOrExit('seed-simulated', configSchema, process.env);
  const outcome = await importSimulatedMeters(`http://127.0.0.1:${config.GATEWAY_PORT}`, readFileSync(file, 'utf8'), config.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD);
  process.stdout.write(`simulated meters: ${outcome.total} in the file, ${outcome.created} registered now, ${outcome.alreadyRegistered} registered before\n`);
  if (outcome.errors.length === 0) return 0;
  for (const error of outcome.errors.slice(0, 10)) process.stderr.write(`  line ${error.line}, ${error.field}: ${error.message}\n`);
  process.stderr.write(`${outcome.errors.length} row errors\n`);
  return 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`seed-simulated failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
