import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { APP_NAMES, STORE_NAMES } from '@app/contracts';
import { Stack, launchBrowser, screenshotOnFailure } from '@app/testing';
import { DEFAULT_DEMO_PASSWORD } from '../../tools/seed-data';
import { publishMessages } from '../../tools/simulator/publish';
import { DEFAULT_TARGET, defaultOptions, simulate } from '../../tools/simulator/simulate';
import type { SimMessage } from '../../tools/simulator/simulate';

jest.setTimeout(120_000);

describe('the console served by the gateway (headless Chromium)', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    stack = await Stack.start({ ui: true });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      await screenshotOnFailure(page, `console-${name}`);
      throw error;
    }
  }

  it('sends an anonymous visitor to the login page, then opens the status page after sign-in', async () => {
    await step('status', async () => {
      await page.goto(`${stack.gatewayUrl}/`);
      await page.waitForURL(/\/login\?next=%2F$/);
      await page.getByLabel('Tenant').fill('demo');
      await page.getByLabel('Email').fill('operator@demo.example');
      await page.getByLabel('Password').fill(DEFAULT_DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('current-user').getByText('Olga Operator').waitFor();
      await page.getByTestId('nav-status').click();
      await page.waitForURL(/\/status$/);
      await page.getByTestId('overall-status').and(page.locator('[data-status="ok"]')).waitFor({ timeout: 15_000 });
      for (const app of APP_NAMES) {
        await page.locator(`[data-testid="service-${app}"][data-status="up"]`).waitFor({ timeout: 10_000 });
      }
      for (const store of STORE_NAMES) {
        const expected = store === 'mongodb' && !process.env.MONGO_URL ? 'disabled' : 'up';
        await page.locator(`[data-testid="store-${store}"][data-status="${expected}"]`).waitFor({ timeout: 10_000 });
      }
      expect(await page.locator('[data-testid^="service-"]').count()).toBe(APP_NAMES.length);
      expect(await page.locator('[data-testid^="store-"]').count()).toBe(STORE_NAMES.length);
    });
  });

  it('shows the Ingest card with this stack\'s ingest instance, its rates once uplinks arrive, and a healthy buffer', async () => {
    await step('ingest', async () => {
      await page.goto(`${stack.gatewayUrl}/status`);
      const card = page.getByTestId('ingest-card');
      // The stack's own Redis holds only this stack's ingest instance (Stack sets INSTANCE_ID = <ClickHouse db>-ingest).
      const row = card.locator(`[data-testid="ingest-instance"][data-instance="${stack.env.CLICKHOUSE_DB}-ingest"]`);
      await row.waitFor({ timeout: 15_000 });
      expect(await card.getByTestId('ingest-instance').count()).toBe(1);
      expect(await row.getAttribute('data-buffer')).toBe('healthy');
      // Nothing published yet: every rate reads 0/s.
      await card.locator('[data-testid="ingest-rate-received"][data-value="0"]').waitFor({ timeout: 5_000 });
      expect(await card.getByTestId('ingest-rate-received').innerText()).toContain('0/s');
      expect(await card.getByTestId('ingest-rate-dead-lettered').getAttribute('data-value')).toBe('0');

      // ChirpStack `up` events on the broker (the simulator's, devices of a random application nobody registered):
      // the stack's ingest receives and stores them (as unassigned uplinks), and the card shows the rates.
      const applicationId = randomUUID();
      const ups: SimMessage[] = [];
      for (const message of simulate(defaultOptions({ meters: 6, seed: Date.now() % 100_000, now: Math.floor(Date.now() / 1000), interval: 1, target: { ...DEFAULT_TARGET, applicationId } }))) {
        if (message.event === 'up') ups.push(message);
        if (ups.length === 80) break;
      }
      const published = publishMessages(ups, { url: stack.env.MQTT_URL, rate: 10 });
      await page.waitForFunction('Number(document.querySelector(\'[data-testid="ingest-rate-received"]\')?.getAttribute("data-value")) > 0', undefined, { timeout: 20_000 });
      await page.waitForFunction('Number(document.querySelector(\'[data-testid="ingest-rate-stored"]\')?.getAttribute("data-value")) > 0', undefined, { timeout: 20_000 });
      expect(Number(await row.getAttribute('data-received'))).toBeGreaterThan(0);
      expect(await card.getByTestId('ingest-rate-received').innerText()).not.toBe('0/s');
      expect(await published).toBe(80);
      // The history is kept in the browser: it grows with every 2-second poll.
      await page.waitForFunction('Number(document.querySelector(\'[data-testid="ingest-history"]\')?.getAttribute("data-points")) >= 2', undefined, { timeout: 10_000 });

      // The API behind it is public and never cached.
      const answer = await fetch(`${stack.gatewayUrl}/api/v1/ingest/stats`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(((await answer.json()) as { instances: { instanceId: string }[] }).instances.map((i) => i.instanceId)).toEqual([`${stack.env.CLICKHOUSE_DB}-ingest`]);

      // No ingest running: nobody answers (504); the card keeps the last figures and says so, then recovers.
      await stack.kill('ingest', 'SIGTERM');
      await card.locator('[data-field="error"]').waitFor({ timeout: 15_000 });
      expect(await card.getAttribute('data-status')).toBe('stale');
      expect(await card.locator('[data-field="error"]').innerText()).toMatch(/Last refresh failed \(HTTP 504/);
      stack.startApp('ingest');
      await page.locator('[data-testid="ingest-card"][data-status="ok"]').waitFor({ timeout: 30_000 });
      await page.locator('[data-testid="service-ingest"][data-status="up"]').waitFor({ timeout: 15_000 });
    });
  });

  it('serves deep links through the SPA fallback, keeps the session over a reload, and shows a service going down', async () => {
    await step('down', async () => {
      await page.goto(`${stack.gatewayUrl}/status`);
      // A reload drops the in-memory access token; the refresh cookie brings the session back.
      await page.getByTestId('current-user').getByText('Olga Operator').waitFor();
      await page.locator('[data-testid="service-billing"][data-status="up"]').waitFor({ timeout: 10_000 });
      await stack.kill('billing');
      await page.locator('[data-testid="service-billing"][data-status="down"]').waitFor({ timeout: 20_000 });
      await page.locator('[data-testid="overall-status"][data-status="down"]').waitFor({ timeout: 5_000 });
      stack.startApp('billing');
      await page.locator('[data-testid="service-billing"][data-status="up"]').waitFor({ timeout: 30_000 });
    });
  });

  it('shows the status page to a visitor who is not signed in', async () => {
    const context = await browser.newContext();
    const anonymous = await context.newPage();
    try {
      await anonymous.goto(`${stack.gatewayUrl}/status`);
      await anonymous.locator('[data-testid="service-gateway"][data-status="up"]').waitFor({ timeout: 15_000 });
      await anonymous.getByTestId('sign-in-link').waitFor();
      // The live ingest rates are public like the health report.
      await anonymous.locator('[data-testid="ingest-card"][data-status="ok"] [data-testid="ingest-instance"]').waitFor({ timeout: 15_000 });
      expect(anonymous.url()).toMatch(/\/status$/);
    } catch (error) {
      await screenshotOnFailure(anonymous, 'console-anonymous-status');
      throw error;
    } finally {
      await context.close();
    }
  });
});
