import type { Browser, Page } from 'playwright-core';
import { APP_NAMES, STORE_NAMES } from '@app/contracts';
import { Stack, launchBrowser, screenshotOnFailure } from '@app/testing';

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

  it('opens the console and shows every service and store on the status page', async () => {
    await step('status', async () => {
      await page.goto(`${stack.gatewayUrl}/`);
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

  it('serves deep links through the SPA fallback and shows a service going down', async () => {
    await step('down', async () => {
      await page.goto(`${stack.gatewayUrl}/status`);
      await page.locator('[data-testid="service-billing"][data-status="up"]').waitFor({ timeout: 10_000 });
      await stack.kill('billing');
      await page.locator('[data-testid="service-billing"][data-status="down"]').waitFor({ timeout: 20_000 });
      await page.locator('[data-testid="overall-status"][data-status="down"]').waitFor({ timeout: 5_000 });
      stack.startApp('billing');
      await page.locator('[data-testid="service-billing"][data-status="up"]').waitFor({ timeout: 30_000 });
    });
  });
});
