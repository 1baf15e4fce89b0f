import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Stack, launchBrowser, screenshotOnFailure } from '@app/testing';
import { DEFAULT_DEMO_PASSWORD } from '../../tools/seed-data';

jest.setTimeout(120_000);

describe('administration in the console (headless Chromium, seeded tenant admin)', () => {
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    stack = await Stack.start({ ui: true });
    browser = await launchBrowser();
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
    await stack?.stop();
  });

  async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      await screenshotOnFailure(page, `admin-${name}`);
      throw error;
    }
  }

  async function signIn(email: string, password: string): Promise<void> {
    await page.goto(`${stack.gatewayUrl}/admin`);
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('Tenant').fill('demo');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByTestId('login-submit').click();
  }

  it('shows an error for a wrong password and stays on the login page', async () => {
    await step('wrong-password', async () => {
      await signIn('admin@demo.example', 'Not-The-Right-One-1');
      await page.getByTestId('login-error').getByText('Wrong tenant, email or password.').waitFor();
      expect(page.url()).toMatch(/\/login/);
      expect(await page.getByLabel('Password').inputValue()).toBe('');
    });
  });

  it('signs in as the tenant admin, creates a user, sees it listed, creates an API key shown once, and signs out', async () => {
    await step('users', async () => {
      await signIn('admin@demo.example', DEFAULT_DEMO_PASSWORD);
      await page.waitForURL(/\/admin\/users$/);
      await page.getByTestId('current-tenant').getByText('Demo Water & Heat Utility').waitFor();
      await page.getByTestId('user-row-operator@demo.example').waitFor();

      await page.getByTestId('new-user-button').click();
      await page.getByTestId('new-user-email').fill('fiona@demo.example');
      await page.getByTestId('new-user-name').fill('Fiona Field');
      await page.getByTestId('new-user-password').fill('short');
      await page.getByTestId('new-user-roles-operator').uncheck();
      await page.getByTestId('new-user-roles-field_engineer').check();
      await page.getByTestId('create-user-submit').click();
      await page.getByTestId('form-error').getByText(/at least 12 characters/).waitFor();
      await page.getByTestId('new-user-password').fill('Field-Work-2025!');
      await page.getByTestId('create-user-submit').click();
      const row = page.getByTestId('user-row-fiona@demo.example');
      await row.waitFor();
      expect(await row.textContent()).toContain('Field engineer');
      expect(await row.getAttribute('data-status')).toBe('active');
    });

    await step('roles', async () => {
      await page.getByTestId('admin-tab-roles').click();
      await page.getByTestId('roles-matrix').waitFor();
      expect(await page.locator('[data-testid="permission-users:manage"] [data-granted="true"]').count()).toBe(2);
    });

    await step('api-keys', async () => {
      await page.getByTestId('admin-tab-api-keys').click();
      await page.getByTestId('new-api-key-button').click();
      await page.getByTestId('api-key-name').fill('SCADA link');
      await page.getByTestId('api-key-permissions-devices:read').check();
      await page.getByTestId('create-api-key-submit').click();
      const secret = (await page.getByTestId('api-key-secret').textContent()) ?? '';
      expect(secret).toMatch(/^ohk_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
      await page.getByTestId('api-key-row-SCADA link').waitFor();
      // The key authenticates (403: it lacks users:read, not 401) until it is revoked.
      const usersWithKey = () => fetch(`${stack.gatewayUrl}/api/v1/users`, { headers: { 'x-api-key': secret } }).then((r) => r.status);
      expect(await usersWithKey()).toBe(403);
      await page.getByTestId('api-key-dismiss').click();
      expect(await page.getByTestId('api-key-secret').count()).toBe(0);
      expect(await page.content()).not.toContain(secret);
      await page.getByTestId('api-key-row-SCADA link').getByTestId('revoke-api-key').click();
      await page.locator('[data-testid="api-key-row-SCADA link"][data-revoked="true"]').waitFor();
      expect(await usersWithKey()).toBe(401);
    });

    await step('sign-out', async () => {
      await page.getByTestId('sign-out').click();
      await page.waitForURL(/\/login$/);
      await page.goto(`${stack.gatewayUrl}/admin/users`);
      await page.waitForURL(/\/login\?next=%2Fadmin%2Fusers$/);
    });
  });
});
