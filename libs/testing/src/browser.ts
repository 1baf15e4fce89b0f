import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Browser for end-to-end specs of the operator console. Uses the distribution's Chromium
 * (`apt-get install chromium`); playwright's own browser downloads are never used.
 */
export const CHROMIUM_EXECUTABLE = '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** Directory for failure artefacts (git-ignored). */
export const TEST_RESULTS_DIR = path.resolve(process.cwd(), 'test-results');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: [...CHROMIUM_ARGS] });
}

/**
 * Full-page screenshot to `test-results/<name>.png`; returns its path. Call it in a catch block (then rethrow) or an
 * afterEach of a failed test. It never throws itself: a page that is already closed must not hide the real failure.
 */
export async function screenshotOnFailure(page: Page, name: string): Promise<string | undefined> {
  const safeName = name.replace(/[^a-zA-Z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'failure';
  const file = path.join(TEST_RESULTS_DIR, `${safeName}.png`);
  try {
    await mkdir(TEST_RESULTS_DIR, { recursive: true });
    await page.screenshot({ path: file, fullPage: true });
    return file;
  } catch (error) {
    process.stderr.write(`screenshotOnFailure(${name}) could not capture the page: ${String(error)}\n`);
    return undefined;
  }
}
