import { randomBytes, randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { connectAsync } from 'mqtt';
import type { MqttClient } from 'mqtt';
import { COMMAND_OUTCOME_STREAM, deviceApplicationKey } from '@app/contracts';
import type { MeterView } from '@app/contracts';
import type { Browser, Page } from 'playwright-core';
import { Stack, apiCall, launchBrowser, screenshotOnFailure, signIn, testServices, waitFor } from '@app/testing';
import { DEFAULT_DEMO_PASSWORD, DEMO_TENANT } from '../../tools/seed-data';

jest.setTimeout(180_000);

/** The Commands panel of the console's meter page in headless Chromium, against the whole stack and Mosquitto. */
describe('commands panel of the meter page (headless Chromium)', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let redis: Redis;
  let subscriber: MqttClient;
  let meter: MeterView;
  const applicationId = randomUUID();
  const received: string[] = [];

  beforeAll(async () => {
    stack = await Stack.start({ ui: true });
    browser = await launchBrowser();
    redis = new Redis(stack.env.REDIS_URL);
    const token = (await signIn(stack.gatewayUrl, DEMO_TENANT.slug, 'admin@demo.example', DEFAULT_DEMO_PASSWORD)).accessToken;
    const devEui = randomBytes(8).toString('hex');
    const created = await apiCall<MeterView>(stack.gatewayUrl, 'POST', '/api/v1/meters', { token, body: { serial: 'UI-CMD-0001', vendor: 'Netvox', utility: 'electricity', codecId: 'netvox/r809a', lorawan: { devEui } } });
    expect(created.status).toBe(201);
    meter = created.body;
    await redis.set(deviceApplicationKey(devEui), applicationId);
    subscriber = await connectAsync(testServices.mqttUrl, { clientId: `e2e-ui-cmd-${applicationId.slice(0, 8)}` });
    subscriber.on('message', (_topic, payload) => received.push(payload.toString()));
    await subscriber.subscribeAsync(`application/${applicationId}/device/+/command/down`, { qos: 1 });
  });
  afterAll(async () => {
    await subscriber?.endAsync();
    redis?.disconnect();
    await browser?.close();
    await stack?.stop();
  });

  it('refuses an unsupported command naming the field, sends a relay command and shows its state after the outcomes', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    page = await context.newPage();
    try {
      await page.goto(`${stack.gatewayUrl}/meters/${meter.id}`);
      await page.waitForURL(/\/login\?next=/);
      await page.getByLabel('Tenant').fill(DEMO_TENANT.slug);
      await page.getByLabel('Email').fill('admin@demo.example');
      await page.getByLabel('Password').fill(DEFAULT_DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('commands').waitFor();
      await page.getByTestId('commands-empty').waitFor();

      await page.getByTestId('command-type').selectOption('valve');
      await page.getByTestId('command-send').click();
      const refusal = await page.getByTestId('command-type-error').textContent();
      expect(refusal).toContain('cannot encode a "valve" command');

      await page.getByTestId('command-type').selectOption('relay');
      await page.getByTestId('command-on').selectOption('false');
      await page.getByTestId('command-send').click();
      const row = page.locator('[data-testid="command-row"]');
      await row.first().waitFor();
      const id = await row.first().getAttribute('data-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(await row.first().getAttribute('data-state')).toBe('queued');
      expect(await row.count()).toBe(1);
      await waitFor('the command on the broker', async () => received.some((p) => p.includes(id!)), 10_000, 50);

      for (const outcome of ['sent', 'acknowledged']) {
        await redis.xadd(COMMAND_OUTCOME_STREAM, '*', 'event', JSON.stringify({ commandId: id, devEui: meter.lorawan!.devEui, applicationId, outcome, at: new Date().toISOString() }));
      }
      // The panel refreshes itself while a command is open; the button forces it.
      await page.getByTestId('commands-refresh').click();
      await page.waitForFunction(`document.querySelector('[data-testid="command-row"]')?.getAttribute('data-state') === 'acknowledged'`, undefined, { timeout: 20_000 });
      expect(await page.getByTestId('command-state').first().textContent()).toBe('acknowledged');
    } catch (error) {
      await screenshotOnFailure(page, 'commands-console');
      throw error;
    } finally {
      await context.close();
    }
  });
});
