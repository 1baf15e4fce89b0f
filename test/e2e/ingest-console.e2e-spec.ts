import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ClickHouseStore } from '@app/clickhouse';
import { Stack, launchBrowser, screenshotOnFailure, signIn as apiSignIn, testServices } from '@app/testing';
import { DEFAULT_DEMO_PASSWORD, DEMO_TENANT, PLATFORM_TENANT } from '../../tools/seed-data';

jest.setTimeout(180_000);

const NOBODY = '00000000-0000-0000-0000-000000000000';
const NOT_UTF8 = Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
const DEVICE_1 = '70b3d5e75e00c001';
const DEVICE_2 = '70b3d5e75e00c002';

/** The Data quality page in headless Chromium, on rows seeded into the stack's ClickHouse. */
describe('data quality page of the console (dead letters, unassigned devices)', () => {
  let stack: Stack;
  let store: ClickHouseStore;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  // Within the page's default period (the last 7 days).
  const ago = (minutes: number) => new Date(Math.floor(Date.now() / 1000) * 1000 - minutes * 60_000);

  beforeAll(async () => {
    stack = await Stack.start({ ui: true });
    browser = await launchBrowser();
    const demo = await apiSignIn(stack.gatewayUrl, DEMO_TENANT.slug, 'admin@demo.example', DEFAULT_DEMO_PASSWORD);
    store = new ClickHouseStore({ url: testServices.clickhouseUrl, database: stack.env.CLICKHOUSE_DB ?? '', requestTimeoutMs: 20_000 });
    const letter = (tenant: string, id: string, minutes: number, code: string, field: string, message: string, raw: Buffer, devEui = '') => ({
      tenant_id: tenant,
      id,
      received_at: ago(minutes),
      topic: devEui ? `application/${randomUUID()}/device/${devEui}/event/up` : 'application/x/device/y/event/up',
      dev_eui: devEui,
      event: devEui ? 'up' : '',
      code,
      field,
      message,
      raw_base64: raw.toString('base64'),
      version: 1n,
    });
    await store.insert('dead_letters', [
      letter(demo.me.tenant.id, 'demo-codec', 10, 'CODEC_REJECTED', 'data', 'payload of 3 bytes is too short for axioma/qalcosonic-w1', Buffer.from('{"data":"AAEC"}'), '70b3d5e75e00d001'),
      letter(NOBODY, 'nobody-bytes', 20, 'MALFORMED_JSON', 'payload', 'not UTF-8 at byte 2', NOT_UTF8),
      letter(NOBODY, 'nobody-type', 30, 'WRONG_TYPE', 'rxInfo[0].rssi', 'expected a number, got a string', Buffer.from('{"rxInfo":[{"rssi":"x"}]}'), '70b3d5e75e00d002'),
    ]);
    const uplink = (dev: string, n: number, minutes: number) => ({
      dev_eui: dev,
      application_id: randomUUID(),
      ts: ago(minutes),
      received_at: ago(minutes),
      event: 'up',
      deduplication_id: `${dev}-${n}`,
      f_cnt: n,
      f_port: 2,
      payload_hex: `0a0b0c${n}`,
      topic: `application/x/device/${dev}/event/up`,
      raw: '{}',
      reason: 'unknown',
      assigned: 0,
      version: 1n,
    });
    await store.insert('unassigned_uplinks', [uplink(DEVICE_1, 1, 50), uplink(DEVICE_1, 2, 40), uplink(DEVICE_2, 7, 5)]);
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });
  afterAll(async () => {
    await browser?.close();
    await store?.close();
    await stack?.stop();
  });

  async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      await screenshotOnFailure(page, `ingest-console-${name}`);
      throw error;
    }
  }

  async function signIn(tenant: string, email: string): Promise<void> {
    await page.goto(`${stack.gatewayUrl}/data-quality`);
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('Tenant').fill(tenant);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(DEFAULT_DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/data-quality$/);
  }

  const rowCount = (n: number) => page.waitForFunction(`document.querySelectorAll('[data-testid="dead-letter-row"]').length === ${n}`);

  it('shows a platform administrator the counts, a filterable list whose rows expand, and the unassigned devices with their uplinks', async () => {
    await step('platform', async () => {
      await signIn(PLATFORM_TENANT.slug, 'admin@platform.example');
      await page.getByTestId('nav-data-quality').waitFor();
      await page.locator('[data-testid="dead-letter-total"]').getByText('3').waitFor();
      expect(await page.getByTestId('dead-letter-count-MALFORMED_JSON').innerText()).toContain('1');
      await rowCount(3);
      expect(await page.getByTestId('dead-letters-table').innerText()).toContain('nobody');

      // Filter by code through the counts, then expand the row: reason, field and the raw bytes (not UTF-8: base64).
      await page.getByTestId('dead-letter-count-MALFORMED_JSON').click();
      await page.waitForURL(/code=MALFORMED_JSON/);
      await rowCount(1);
      await page.getByTestId('dead-letter-row').click();
      await page.getByTestId('dead-letter-reason').getByText('not UTF-8 at byte 2').waitFor();
      expect(await page.getByTestId('dead-letter-field').innerText()).toBe('payload');
      expect(await page.getByTestId('dead-letter-raw').innerText()).toBe(NOT_UTF8.toString('base64'));
      expect(await page.getByTestId('dead-letter-detail').innerText()).toContain('Not UTF-8 text');

      // By device: a valid devEui applies, the code filter cleared first.
      await page.getByTestId('filter-code').selectOption('');
      await rowCount(3);
      await page.getByTestId('filter-device').fill('70B3D5E75E00D002');
      await page.waitForURL(/dev=70b3d5e75e00d002/);
      await rowCount(1);
      await page.getByTestId('dead-letter-row').click();
      expect(await page.getByTestId('dead-letter-raw').innerText()).toBe('{"rxInfo":[{"rssi":"x"}]}');
      expect(await page.getByTestId('dead-letter-field').innerText()).toBe('rxInfo[0].rssi');

      // Unassigned devices, most recently heard first; choosing one shows its uplinks only.
      await page.waitForFunction(`document.querySelectorAll('[data-testid="unassigned-device-row"]').length === 2`);
      const devices = await page.getByTestId('unassigned-device-row').allInnerTexts();
      expect(devices[0]).toContain(DEVICE_2);
      expect(devices[1]).toContain(DEVICE_1);
      expect(devices[1]).toMatch(/\b2\b/);
      await page.waitForFunction(`document.querySelectorAll('[data-testid="unassigned-uplink-row"]').length === 3`);
      await page.getByTestId('unassigned-device-row').filter({ hasText: DEVICE_1 }).click();
      await page.waitForURL(new RegExp(`device=${DEVICE_1}`));
      await page.waitForFunction(`document.querySelectorAll('[data-testid="unassigned-uplink-row"]').length === 2`);
      const uplinks = await page.getByTestId('unassigned-uplink-row').allInnerTexts();
      expect(uplinks.every((text) => text.includes(DEVICE_1))).toBe(true);
      expect(uplinks[0]).toContain('0a0b0c2');
    });
  });

  it('shows a tenant administrator only its own tenant\'s dead letters and no unassigned devices', async () => {
    await step('tenant', async () => {
      await signIn(DEMO_TENANT.slug, 'admin@demo.example');
      await page.locator('[data-testid="dead-letter-total"]').getByText('1').waitFor();
      await rowCount(1);
      expect(await page.getByTestId('dead-letters-table').innerText()).toContain('70b3d5e75e00d001');
      await page.getByTestId('dead-letter-row').click();
      expect(await page.getByTestId('dead-letter-raw').innerText()).toBe('{"data":"AAEC"}');
      expect(await page.getByTestId('unassigned-section').count()).toBe(0);
    });
  });
});
