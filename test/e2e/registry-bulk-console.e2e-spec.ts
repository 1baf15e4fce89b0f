/**
 * Console screens for bulk import/export, ChirpStack provisioning state and service points, driven in headless
 * Chromium against the built apps. ChirpStack is FakeChirpstack (a real HTTP server speaking its REST device paths).
 * Set E2E_SCREENSHOTS=1 to keep a screenshot of each screen in test-results/ (for a person to look at).
 */
import { readFile } from 'node:fs/promises';
import type { HierarchyNodeView, MeterPage, MeterView } from '@app/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Stack, apiCall, launchBrowser, screenshotOnFailure, signIn as apiSignIn } from '@app/testing';
import { FakeChirpstack } from '../../apps/system/test/fake-chirpstack';
import { DEFAULT_DEMO_PASSWORD, DEMO_TENANT } from '../../tools/seed-data';

jest.setTimeout(180_000);

const API = '/api/v1';
const CHIRPSTACK_KEY = 'e2e-bulk-console-chirpstack-key-01';
/** Small enough that a test file can pass it (413). */
const MAX_BYTES = 4096;
const GOOD_AND_BAD = ['serial,vendor,utility,multiplier', 'IMP-001,Acme,water,1', 'IMP-002,Acme,lava,1', 'IMP-003,Acme,water,2.5', ''].join('\r\n');

describe('bulk import/export, provisioning state and service points in the console (headless Chromium)', () => {
  let fake: FakeChirpstack;
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let token: string;
  let building: HierarchyNodeView;
  let consumerId: string;
  const call = async <T>(method: string, path: string, body?: unknown, expected = method === 'POST' ? 201 : 200): Promise<T> => {
    const answer = await apiCall<T>(stack.gatewayUrl, method, `${API}${path}`, { token, body });
    if (answer.status !== expected) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };

  beforeAll(async () => {
    fake = await FakeChirpstack.start(CHIRPSTACK_KEY);
    stack = await Stack.start({
      ui: true,
      appEnv: {
        CHIRPSTACK_API_URL: fake.url,
        CHIRPSTACK_API_TOKEN: CHIRPSTACK_KEY,
        CHIRPSTACK_APPLICATION_ID: 'a1b2c3d4-0000-4000-8000-000000000001',
        CHIRPSTACK_DEVICE_PROFILE_ID: 'd1d2d3d4-0000-4000-8000-000000000002',
        IMPORT_MAX_BYTES: String(MAX_BYTES),
      },
    });
    browser = await launchBrowser();
    token = (await apiSignIn(stack.gatewayUrl, DEMO_TENANT.slug, 'admin@demo.example', DEFAULT_DEMO_PASSWORD)).accessToken;
    const region = await call<HierarchyNodeView>('POST', '/hierarchy', { kind: 'region', name: 'Bulk region' });
    const district = await call<HierarchyNodeView>('POST', '/hierarchy', { kind: 'district', name: 'Bulk district', parentId: region.id });
    building = await call<HierarchyNodeView>('POST', '/hierarchy', { kind: 'building', name: 'Quay House', parentId: district.id });
    await call<MeterView>('POST', '/meters', { serial: 'SPM-001', vendor: 'Acme', utility: 'water' });
    await call<MeterView>('POST', '/meters', { serial: 'OTHER-001', vendor: 'Acme', utility: 'water' });
    consumerId = (await call<{ id: string }>('POST', '/consumers', { kind: 'residential', accountNumber: 'ACC-BULK-1', name: 'Ada Quay' })).id;
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await fake?.close();
  });

  async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
    try {
      const result = await fn();
      if (process.env.E2E_SCREENSHOTS === '1') await screenshotOnFailure(page, `bulk-console-${name}`);
      return result;
    } catch (error) {
      await screenshotOnFailure(page, `bulk-console-${name}-failed`);
      throw error;
    }
  }

  async function signIn(path: string, email = 'admin@demo.example'): Promise<void> {
    await page.goto(`${stack.gatewayUrl}${path}`);
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('Tenant').fill(DEMO_TENANT.slug);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(DEFAULT_DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
  }

  const upload = (name: string, text: string) => page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  const importedSerials = async () => (await call<MeterPage>('GET', '/meters?search=IMP-')).items.map((m) => m.serial).sort();

  it('imports a meter CSV: all-or-nothing names the bad line and writes nothing, valid-rows-only writes the good rows; 413 is shown', async () => {
    await step('import-refused', async () => {
      await signIn('/meters');
      await page.waitForURL(/\/meters$/);
      await page.getByTestId('import-button').click();
      const columns = await page.getByTestId('import-columns').textContent();
      expect(columns).toContain('serial, vendor, model, utility');
      expect(columns).toContain('appKey');
      await upload('meters.csv', GOOD_AND_BAD);
      expect(await page.getByTestId('import-mode').inputValue()).toBe('all-or-nothing');
      await page.getByTestId('import-submit').click();
      await page.getByTestId('import-refused').waitFor();
      expect(await page.getByTestId('import-refused').textContent()).toContain('Nothing was written');
      const rows = page.getByTestId('import-error');
      expect(await rows.count()).toBe(1);
      expect([await rows.getAttribute('data-line'), await rows.getAttribute('data-field')]).toEqual(['3', 'utility']);
      expect(await importedSerials()).toEqual([]);
    });

    await step('import-valid-rows', async () => {
      await page.getByTestId('import-mode').selectOption('valid-rows-only');
      await page.getByTestId('import-submit').click();
      const result = page.getByTestId('import-result');
      await result.waitFor();
      expect([await result.getAttribute('data-created'), await result.getAttribute('data-rejected')]).toEqual(['2', '1']);
      expect(await result.textContent()).toContain('2 of 3 rows written');
      expect(await result.getByTestId('import-error').getAttribute('data-line')).toBe('3');
      expect(await importedSerials()).toEqual(['IMP-001', 'IMP-003']);
      // The list refreshes after an import: the good rows are listed.
      await page.getByTestId('meter-search').fill('IMP-');
      await page.getByTestId('meter-row-IMP-003').waitFor();
      await page.getByTestId('meter-row-IMP-001').waitFor();
      expect(await page.getByTestId('meter-row-IMP-002').count()).toBe(0);
    });

    await step('import-too-large', async () => {
      await upload('big.csv', `serial,vendor,utility\r\n${'BIG-0001,Acme,water\r\n'.repeat(300)}`);
      await page.getByTestId('import-submit').click();
      await page.getByTestId('import-too-large').waitFor();
      expect(await page.getByTestId('import-too-large').textContent()).toMatch(/too large/);
      await page.getByTestId('import-mode').press('Escape');
      await page.getByTestId('import-panel').waitFor({ state: 'detached' });
    });
  });

  it('exports what the meter list shows as CSV (with the access token) and downloads the column template', async () => {
    await step('export', async () => {
      await signIn('/meters?q=IMP-');
      await page.getByTestId('meter-row-IMP-001').waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
      expect(download.suggestedFilename()).toMatch(/^meters-.*\.csv$/);
      const text = (await readFile((await download.path()) as string, 'utf8')).replace(/^\uFEFF/, '');
      const lines = text.trim().split(/\r?\n/);
      expect(lines[0]).toBe('serial,vendor,model,utility,codecId,nodeId,devEui,joinEui,wmbusManufacturer,wmbusId,multiplier,registerUnit');
      expect(lines.slice(1).map((line) => line.split(',')[0]).sort()).toEqual(['IMP-001', 'IMP-003']);
      expect(text).not.toContain('OTHER-001');

      await page.getByTestId('import-button').click();
      const [template] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-template').click()]);
      expect(template.suggestedFilename()).toBe('meters-template.csv');
      expect((await readFile((await template.path()) as string, 'utf8')).trim().split(',')).toContain('appKey');
    });

    await step('export-consumers', async () => {
      await page.goto(`${stack.gatewayUrl}/consumers?q=ACC-BULK`);
      await page.getByTestId('consumer-row-ACC-BULK-1').waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
      const lines = (await readFile((await download.path()) as string, 'utf8')).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
      expect(lines[0]).toBe('kind,accountNumber,name,taxId,registrationNumber,contactPerson,email,phone,postalAddress');
      expect(lines.slice(1).map((line) => line.split(',')[1])).toEqual(['ACC-BULK-1']);
    });

    await step('gateways', async () => {
      await page.goto(`${stack.gatewayUrl}/devices/gateways`);
      await page.getByTestId('gateways-table').waitFor();
      await page.getByTestId('import-button').click();
      expect(await page.getByTestId('import-columns').textContent()).toContain('configuration');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
      expect(download.suggestedFilename()).toMatch(/^gateways-.*\.xlsx$/);
      expect((await readFile((await download.path()) as string)).subarray(0, 2).toString()).toBe('PK');
    });
  });

  it('creates a service point for a consumer, attaches and detaches a meter, edits the consumer and is refused closing it', async () => {
    await step('service-point', async () => {
      await signIn(`/consumers/${consumerId}`);
      await page.getByTestId('consumer-detail').waitFor();
      await page.getByTestId('new-service-point-button').click();
      await page.getByTestId('sp-code').fill('SP BAD');
      await page.getByTestId('new-service-point-form-submit').click();
      await page.getByTestId('sp-code-error').waitFor();
      await page.getByTestId('sp-code').fill('SP-BULK-1');
      await page.getByTestId('sp-utility').selectOption('water');
      await page.getByTestId('sp-node').selectOption(building.id);
      await page.getByTestId('sp-address').fill('Quay 7');
      await page.getByTestId('new-service-point-form-submit').click();
      const card = page.getByTestId('service-point-SP-BULK-1');
      await card.waitFor();
      await card.getByText('No meter linked.').waitFor();
      expect(await card.textContent()).toContain('Quay House');
    });

    await step('attach', async () => {
      const card = page.getByTestId('service-point-SP-BULK-1');
      await card.getByTestId('attach-meter-button').click();
      await card.getByTestId('attach-search').fill('SPM-');
      await card.getByTestId('attach-candidate-SPM-001').click();
      await card.getByTestId('attach-from').fill('2025-01-01T08:00');
      await card.getByTestId('attach-meter-form-submit').click();
      await card.locator('[data-testid="service-point-meter"][data-serial="SPM-001"][data-current="true"]').waitFor();
      await card.getByTestId('attach-meter-form').waitFor({ state: 'detached' });
    });

    await step('detach', async () => {
      const card = page.getByTestId('service-point-SP-BULK-1');
      await card.getByTestId('detach-meter-button').click();
      await card.getByTestId('detach-to').fill('2025-06-01T08:00');
      await card.getByTestId('detach-meter-form-submit').click();
      await card.locator('[data-testid="service-point-meter"][data-serial="SPM-001"][data-current="false"]').waitFor();
      await card.getByTestId('detach-meter-form').waitFor({ state: 'detached' });
      expect(await card.getByTestId('detach-meter-button').count()).toBe(0);
    });

    await step('edit-close-consumer', async () => {
      await page.getByTestId('consumer-action-edit').click();
      await page.getByTestId('edit-consumer-name').fill('Ada Quay-Harbour');
      await page.getByTestId('edit-consumer-phone').fill('+49 40 1234');
      await page.getByTestId('edit-consumer-form-submit').click();
      await page.getByRole('heading', { name: 'Ada Quay-Harbour' }).waitFor();
      expect(await page.locator('[data-field="Phone"]').textContent()).toBe('+49 40 1234');
      // Escape cancels a form.
      await page.getByTestId('consumer-action-edit').click();
      await page.getByTestId('edit-consumer-name').press('Escape');
      await page.getByTestId('edit-consumer-form').waitFor({ state: 'detached' });
      // The consumer still holds an active service point: closing is refused and the reason shown.
      await page.getByTestId('consumer-action-close').click();
      await page.getByTestId('close-consumer-form-submit').click();
      await page.getByTestId('close-consumer-form').getByTestId('form-error').waitFor();
      const consumer = await call<{ status: string; name: string }>('GET', `/consumers/${consumerId}`);
      expect(consumer).toMatchObject({ status: 'active', name: 'Ada Quay-Harbour' });
    });
  });

  it('shows a failed ChirpStack provisioning with its error on the meter and retries it', async () => {
    fake.failNext('POST', '/api/devices', { status: 500, message: 'database is unavailable' });
    const meter = await call<MeterView>('POST', '/meters', { serial: 'CS-UI-1', vendor: 'Axioma', utility: 'water', lorawan: { devEui: '70B3D5E75E00C6E1', appKey: '2B7E151628AED2A6ABF7158809CF4F3C' } });
    expect(meter.provisioning?.state).toBe('failed');

    await step('provisioning-failed', async () => {
      await signIn(`/meters/${meter.id}`);
      const card = page.locator('[data-testid="provisioning"][data-state="failed"]');
      await card.waitFor();
      expect(await card.getByTestId('provisioning-state').textContent()).toBe('Failed');
      expect(await card.getByTestId('provisioning-error').textContent()).toBe('ChirpStack POST /api/devices answered 500: database is unavailable');
    });

    await step('provisioning-retried', async () => {
      await page.getByTestId('provisioning-retry').click();
      await page.locator('[data-testid="provisioning"][data-state="provisioned"]').waitFor();
      expect(await page.getByTestId('provisioning-error').count()).toBe(0);
      expect(await page.getByTestId('provisioning-retry').count()).toBe(0);
      expect(fake.lines().filter((line) => line === 'POST /api/devices')).toHaveLength(2);
    });

    // A meter without a LoRaWAN identity has no provisioning card.
    await page.goto(`${stack.gatewayUrl}/meters?q=IMP-001`);
    await page.getByTestId('meter-row-IMP-001').getByRole('link').click();
    await page.getByTestId('meter-detail').waitFor();
    expect(await page.getByTestId('provisioning').count()).toBe(0);
  });

  it('shows an analyst (read-only) the export and the provisioning state, without import or retry', async () => {
    fake.failNext('POST', '/api/devices', { status: 503, message: 'try later' });
    const meter = await call<MeterView>('POST', '/meters', { serial: 'CS-UI-2', vendor: 'Axioma', utility: 'water', lorawan: { devEui: '70B3D5E75E00C6E2' } });
    await step('analyst', async () => {
      await signIn('/meters', 'analyst@demo.example');
      await page.waitForURL(/\/meters$/);
      await page.getByTestId('meters-table').waitFor();
      await page.getByTestId('export-csv').waitFor();
      expect(await page.getByTestId('import-button').count()).toBe(0);
      await page.goto(`${stack.gatewayUrl}/meters/${meter.id}`);
      await page.locator('[data-testid="provisioning"][data-state="failed"]').waitFor();
      expect(await page.getByTestId('provisioning-error').textContent()).toContain('try later');
      expect(await page.getByTestId('provisioning-retry').count()).toBe(0);
    });
  });
});
