import type { HierarchyNodeView, MeterView } from '@app/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Stack, apiCall, launchBrowser, screenshotOnFailure, signIn as apiSignIn } from '@app/testing';
import { DEFAULT_DEMO_PASSWORD, DEMO_TENANT, PLATFORM_TENANT } from '../../tools/seed-data';

jest.setTimeout(180_000);

const API = '/api/v1';
/** Meters of one prefix created over the API: more than one page of 25. */
const LISTED = 30;

describe('registry screens of the console (headless Chromium, seeded tenant admin)', () => {
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let district: HierarchyNodeView;
  let token: string;
  const post = async <T>(path: string, body: unknown, expected = 201): Promise<T> => {
    const answer = await apiCall<T>(stack.gatewayUrl, 'POST', `${API}${path}`, { token, body });
    if (answer.status !== expected) throw new Error(`POST ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };

  beforeAll(async () => {
    stack = await Stack.start({ ui: true });
    browser = await launchBrowser();
    token = (await apiSignIn(stack.gatewayUrl, DEMO_TENANT.slug, 'admin@demo.example', DEFAULT_DEMO_PASSWORD)).accessToken;
    const call = post;
    const region = await call<HierarchyNodeView>('/hierarchy', { kind: 'region', name: 'North region' });
    district = await call<HierarchyNodeView>('/hierarchy', { kind: 'district', name: 'Harbour district', parentId: region.id });
    await call<MeterView>('/meters', { serial: 'UI-NEW-0001', vendor: 'Acme', model: 'Flow 2', utility: 'water' });
    for (let i = 1; i <= LISTED; i++) {
      await call<MeterView>('/meters', { serial: `PG-${String(i).padStart(3, '0')}`, vendor: 'Itron', utility: 'gas', codecId: 'itron-gas' });
    }
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
      await screenshotOnFailure(page, `registry-${name}`);
      throw error;
    }
  }

  async function signIn(path: string, email = 'admin@demo.example', tenant = DEMO_TENANT.slug): Promise<void> {
    await page.goto(`${stack.gatewayUrl}${path}`);
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('Tenant').fill(tenant);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(DEFAULT_DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
  }

  /** The list shows `count` rows and no longer loads (the previous page stays on screen while the next one loads). */
  async function waitForRows(count: number): Promise<void> {
    await page.locator('[data-testid="meters-table"][aria-busy="false"]').waitFor();
    await page.waitForFunction(`document.querySelectorAll('[data-testid^="meter-row-"]').length === ${count}`);
  }

  it('creates a meter through the form (a bad devEui named by the API first), installs it, replaces it, and reads its history', async () => {
    await step('create', async () => {
      await signIn('/meters');
      await page.waitForURL(/\/meters$/);
      await page.getByTestId('meters-table').waitFor();
      await page.getByTestId('new-meter-button').click();
      await page.getByTestId('meter-serial').fill('UI-OLD-0001');
      await page.getByTestId('meter-vendor').fill('Acme');
      await page.getByTestId('meter-model').fill('Flow 1');
      await page.getByTestId('meter-codecId').fill('acme-water');
      await page.getByTestId('meter-devEui').fill('not-an-eui');
      await page.getByTestId('meter-appKey').fill('2b7e151628aed2a6abf7158809cf4f3c');
      await page.getByTestId('create-meter-submit').click();
      await page.getByTestId('meter-devEui-error').getByText(/devEui/).waitFor();
      expect(await page.getByTestId('meter-devEui').getAttribute('aria-invalid')).toBe('true');
      expect(page.url()).toMatch(/\/meters$/);

      await page.getByTestId('meter-devEui').fill('70B3D5E75E00ABCD');
      await page.getByTestId('create-meter-submit').click();
      await page.waitForURL(/\/meters\/[0-9a-f-]{36}$/);
      await page.locator('[data-testid="meter-detail"][data-status="in_stock"]').waitFor();
      const fields = page.getByTestId('meter-fields');
      expect(await fields.locator('[data-field="LoRaWAN DevEUI"]').textContent()).toBe('70b3d5e75e00abcd');
      expect(await fields.locator('[data-field="LoRaWAN AppKey"]').textContent()).toBe('set');
      expect(await page.content()).not.toContain('2b7e151628aed2a6abf7158809cf4f3c');
    });

    await step('install', async () => {
      expect(await page.getByTestId('meter-action-replace').count()).toBe(0);
      await page.getByTestId('meter-action-install').click();
      await page.getByTestId('install-node').selectOption(district.id);
      await page.getByTestId('install-at').fill('2025-01-01T08:00');
      await page.getByTestId('install-index').fill('10');
      await page.getByTestId('install-form-submit').click();
      await page.locator('[data-testid="meter-detail"][data-status="installed"]').waitFor();
      expect(await page.getByTestId('meter-fields').locator('[data-field="Node"]').textContent()).toBe('Harbour district');
      expect(await page.getByTestId('meter-action-install').count()).toBe(0);
    });

    await step('replace', async () => {
      await page.getByTestId('meter-action-replace').click();
      await page.getByTestId('replace-search').fill('UI-NEW');
      await page.getByTestId('replace-candidate-UI-NEW-0001').click();
      await page.getByTestId('replace-selected').getByText('UI-NEW-0001').waitFor();
      await page.getByTestId('replace-at').fill('2025-06-01T08:00');
      await page.getByTestId('replace-old-index').fill('5');
      await page.getByTestId('replace-new-index').fill('0');
      await page.getByTestId('replace-form-submit').click();
      // An index running backwards is refused, naming the field.
      await page.getByTestId('replace-old-index-error').getByText(/must not be below the index at installation/).waitFor();
      await page.getByTestId('replace-old-index').fill('150.5');
      await page.getByTestId('replace-form-submit').click();
      // The console follows the new meter, which took the old one's place.
      await page.getByRole('heading', { name: 'Meter UI-NEW-0001' }).waitFor();
      await page.locator('[data-testid="meter-detail"][data-status="installed"]').waitFor();
      expect(await page.getByTestId('meter-fields').locator('[data-field="Initial index"]').textContent()).toBe('0');
      expect(await page.getByTestId('meter-fields').locator('[data-field="Node"]').textContent()).toBe('Harbour district');
    });

    await step('history', async () => {
      const newHistory = page.getByTestId('history-entry');
      await newHistory.first().waitFor();
      expect(await newHistory.evaluateAll((entries) => entries.map((e) => e.getAttribute('data-action')))).toEqual(['replace', 'create']);

      await page.getByTestId('link-previous').click();
      await page.getByRole('heading', { name: 'Meter UI-OLD-0001' }).waitFor();
      await page.locator('[data-testid="meter-detail"][data-status="replaced"]').waitFor();
      const entries = page.getByTestId('history-entry');
      await page.locator('[data-testid="history-entry"][data-action="replace"]').waitFor();
      expect(await entries.evaluateAll((list) => list.map((e) => e.getAttribute('data-action')))).toEqual(['replace', 'install', 'create']);
      for (const actor of await page.getByTestId('history-actor').allTextContents()) expect(actor).toBe('admin@demo.example');
      const replaceEntry = await entries.nth(0).textContent();
      expect(replaceEntry).toContain('150.5');
      const createEntry = await entries.nth(2).textContent();
      expect(createEntry).toContain('[changed]');
      expect(createEntry).not.toContain('2b7e151628aed2a6abf7158809cf4f3c');
      expect(await page.getByTestId('meter-action-archive').count()).toBe(1);
    });
  });

  it('searches, filters and pages through the meter list, with the state in the URL', async () => {
    await step('search', async () => {
      await signIn('/meters');
      await page.waitForURL(/\/meters$/);
      await page.getByTestId('meter-search').fill('PG-');
      await page.waitForURL(/\?q=PG-$/);
      await page.getByTestId('meters-page-size').selectOption('25');
      await page.waitForURL(/limit=25/);
      await waitForRows(25);
      await page.getByTestId('meter-row-PG-025').waitFor();
      expect(await page.getByTestId('meter-row-PG-026').count()).toBe(0);
      expect(await page.getByTestId('meters-page-info').textContent()).toContain('Page 1');
    });

    await step('pages', async () => {
      await page.getByTestId('meters-next').click();
      await page.waitForURL(/cursor=/);
      await waitForRows(LISTED - 25);
      await page.getByTestId('meter-row-PG-026').waitFor();
      expect(await page.getByTestId('meters-page-info').textContent()).toContain('Page 2');
      expect(await page.getByTestId('meters-next').isDisabled()).toBe(true);
      // The page is a link: a reload shows the same page.
      await page.reload();
      await page.getByTestId('meter-row-PG-030').waitFor();
      expect(await page.getByTestId('meter-search').inputValue()).toBe('PG-');
      await page.getByTestId('meters-previous').click();
      await waitForRows(25);
      await page.getByTestId('meter-row-PG-001').waitFor();
      expect(page.url()).not.toContain('cursor=');
    });

    await step('filters', async () => {
      await page.getByTestId('meter-filter-status').selectOption('installed');
      await page.getByTestId('meters-empty').waitFor();
      await page.getByTestId('meter-filter-status').selectOption('in_stock');
      await page.getByTestId('meter-filter-utility').selectOption('gas');
      await page.getByTestId('meter-row-PG-001').waitFor();
      expect(page.url()).toMatch(/utility=gas/);
      await page.getByTestId('meter-filter-utility').selectOption('water');
      await page.getByTestId('meters-empty').waitFor();
      await page.getByTestId('meter-filter-clear').click();
      await page.waitForURL(/\/meters\?limit=25$/);
      // The box follows the URL one render later (an effect); wait for that render, then check it.
      await page.waitForFunction(`document.querySelector('[data-testid="meter-search"]')?.value === ''`, undefined, { timeout: 5_000 }).catch(() => undefined);
      expect(await page.getByTestId('meter-search').inputValue()).toBe('');
      await waitForRows(25);
      await page.getByTestId('meter-row-PG-001').waitFor();
    });
  });

  it('registers a gateway and a pulse module through the forms; an analyst sees meters without any write action', async () => {
    await step('gateway', async () => {
      await signIn('/devices');
      await page.waitForURL(/\/devices\/gateways$/);
      await page.getByTestId('new-gateway-button').click();
      await page.getByTestId('gateway-eui').fill('12345');
      await page.getByTestId('gateway-name').fill('Harbour roof');
      await page.getByTestId('create-gateway-submit').click();
      await page.getByTestId('gateway-eui-error').waitFor();
      await page.getByTestId('gateway-eui').fill('AA555A0000000101');
      await page.getByTestId('create-gateway-submit').click();
      await page.getByTestId('gateway-detail').waitFor();
      await page.locator('[data-testid="history-entry"][data-action="create"]').waitFor();
      await page.getByTestId('devices-tab-gateways').click();
      await page.getByTestId('gateway-row-aa555a0000000101').waitFor();
    });

    await step('pulse-module', async () => {
      await page.getByTestId('devices-tab-pulse-modules').click();
      await page.getByTestId('new-pulse-module-button').click();
      await page.getByTestId('pulse-serial').fill('PM-UI-1');
      await page.getByTestId('pulse-weight').fill('0.010');
      await page.getByTestId('pulse-meter-search').fill('PG-002');
      await page.locator('[data-testid="pulse-meter"] option', { hasText: 'PG-002' }).waitFor({ state: 'attached' });
      await page.getByTestId('pulse-meter').selectOption({ label: 'PG-002 (Itron)' });
      await page.getByTestId('create-pulse-module-submit').click();
      const row = page.getByTestId('pulse-module-row-PM-UI-1');
      await row.waitFor();
      expect(await row.textContent()).toContain('0.01 m3');
      await row.getByRole('link').click();
      await page.getByRole('heading', { name: 'Meter PG-002' }).waitFor();
    });

    await step('analyst', async () => {
      await page.getByTestId('sign-out').click();
      await page.waitForURL(/\/login$/);
      await signIn('/meters?q=UI-', 'analyst@demo.example');
      await page.waitForURL(/\/meters\?q=UI-$/);
      await page.getByTestId('meter-row-UI-NEW-0001').getByTestId('meter-link').click();
      await page.getByTestId('meter-detail').waitFor();
      await page.getByTestId('history-entry').first().waitFor();
      expect(await page.locator('[data-testid^="meter-action-"]').count()).toBe(0);
      await page.goto(`${stack.gatewayUrl}/meters`);
      await page.getByTestId('meters-table').waitFor();
      expect(await page.getByTestId('new-meter-button').count()).toBe(0);
    });
  });

  it('finds a consumer by account number and shows its service points with the meters serving them', async () => {
    const consumer = await post<{ id: string }>('/consumers', { kind: 'non_residential', accountNumber: 'ACC-UI-1', name: 'Harbour Bakery Ltd', email: 'office@bakery.example', taxId: 'DE123' });
    await post<{ id: string }>('/consumers', { kind: 'residential', accountNumber: 'ACC-UI-2', name: 'Bruno Resident' });
    const point = await post<{ id: string }>('/service-points', { code: 'SP-UI-1', utility: 'gas', consumerId: consumer.id, address: 'Quay 4' });
    const meters = await apiCall<{ items: MeterView[] }>(stack.gatewayUrl, 'GET', `${API}/meters?search=PG-001`, { token });
    await post(`/service-points/${point.id}/meters/attach`, { meterId: meters.body.items[0].id, validFrom: '2025-02-01T00:00:00Z' }, 200);

    await step('consumers', async () => {
      await signIn('/consumers');
      await page.waitForURL(/\/consumers$/);
      await page.getByTestId('consumer-search').fill('ACC-UI');
      await page.waitForURL(/\?q=ACC-UI$/);
      await page.getByTestId('consumer-row-ACC-UI-2').waitFor();
      await page.getByTestId('consumer-filter-kind').selectOption('non_residential');
      await page.waitForFunction(`document.querySelectorAll('[data-testid^="consumer-row-"]').length === 1`);
      await page.getByTestId('consumer-row-ACC-UI-1').getByRole('link').click();
      await page.getByTestId('consumer-detail').waitFor();
      await page.getByRole('heading', { name: 'Harbour Bakery Ltd' }).waitFor();
      const card = page.getByTestId('service-point-SP-UI-1');
      await card.getByText('Quay 4').waitFor();
      await card.getByTestId('service-point-meter').getByText('PG-001').click();
      await page.getByRole('heading', { name: 'Meter PG-001' }).waitFor();
    });
  });

  it('builds the hierarchy in the tree: a root, a child, renamed, moved under another region, with the node history', async () => {
    await step('hierarchy', async () => {
      await signIn('/hierarchy');
      await page.waitForURL(/\/hierarchy$/);
      // Keyboard: Right expands (children load then), Down moves, Enter selects.
      await page.getByTestId('tree-node-North region').getByTestId('tree-select').first().focus();
      await page.keyboard.press('ArrowRight');
      await page.getByTestId('tree-node-Harbour district').waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`node=${district.id}$`));
      await page.getByTestId('new-root-node').click();
      await page.getByTestId('node-kind').selectOption('region');
      await page.getByTestId('node-name').fill('East region');
      await page.getByTestId('create-node-form-submit').click();
      await page.waitForURL(/\/hierarchy\?node=/);
      await page.getByTestId('node-panel').getByText('East region').first().waitFor();

      await page.getByTestId('node-add-child').click();
      await page.getByTestId('node-kind').selectOption('district');
      await page.getByTestId('node-name').fill('Dock district');
      await page.getByTestId('create-node-form-submit').click();
      await page.getByTestId('tree-node-Dock district').waitFor();
      await page.getByTestId('node-panel').getByText('Dock district').first().waitFor();

      await page.getByTestId('node-rename').click();
      await page.getByTestId('rename-name').fill('Dock quarter');
      await page.getByTestId('rename-node-form-submit').click();
      await page.getByTestId('tree-node-Dock quarter').waitFor();

      await page.getByTestId('node-move').click();
      await page.getByTestId('move-parent').selectOption(district.parentId ?? '');
      await page.getByTestId('move-node-form-submit').click();
      await page.getByTestId('node-panel').locator('[data-field="Parent"]').getByText('North region').waitFor();
      await page.locator('[data-testid="history-entry"][data-action="move"]').waitFor();
      const actions = await page.getByTestId('history-entry').evaluateAll((entries) => entries.map((e) => e.getAttribute('data-action')));
      expect(actions).toEqual(['move', 'update', 'create']);
      // The moved node now sits under North region in the tree (expanded on the way to the selection).
      await page.getByTestId('tree-node-North region').getByTestId('tree-node-Dock quarter').waitFor();
    });
  });

  it('shows login events to the tenant admin and tenants only to the platform administrator', async () => {
    await step('login-events', async () => {
      await signIn('/admin/login-events');
      await page.waitForURL(/\/admin\/login-events$/);
      await page.getByTestId('login-event-row').first().waitFor();
      expect(await page.getByTestId('login-events-table').textContent()).toContain('admin@demo.example');
      expect(await page.getByTestId('admin-tab-tenants').count()).toBe(0);
      await page.getByTestId('sign-out').click();
      await page.waitForURL(/\/login$/);
    });

    await step('tenants', async () => {
      await signIn('/admin/tenants', 'admin@platform.example', PLATFORM_TENANT.slug);
      await page.waitForURL(/\/admin\/tenants$/);
      await page.getByTestId(`tenant-row-${DEMO_TENANT.slug}`).getByText('active').waitFor();
      await page.getByTestId('tenant-row-platform').waitFor();
    });
  });
});
