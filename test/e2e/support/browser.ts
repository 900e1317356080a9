import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { onTestFailed } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SCREENSHOTS = `${ROOT}test-results/screenshots`;

export { launch } from '../../support/chromium.ts';

export const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};
export const DESKTOP = { viewport: { width: 1280, height: 900 } };

/** A fresh browser profile (its own sessionStorage and localStorage) on the platform under test. */
export async function context(browser: Browser, baseURL: string, device = DESKTOP): Promise<BrowserContext> {
  const ctx = await browser.newContext({ ...device, baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  // Nothing in the app may fail silently: a page error fails the test that caused it.
  ctx.on('weberror', (e) => {
    throw e.error();
  });
  // A failing test leaves a picture of every page it had open, to see what the user saw.
  onTestFailed(async ({ task }) => {
    for (const [i, page] of ctx.pages().entries()) {
      await screenshot(page, `failed-${task.name.slice(0, 40)}-${i}`).catch(() => {});
    }
  });
  return ctx;
}

/** Writes a screenshot of the whole page to test-results/screenshots (a test artifact, not committed). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

/** Signs in through the app's own sign-in page, as a person would, choosing a demo user. */
export async function signInAs(page: Page, user: string, returnTo?: string): Promise<void> {
  await page.goto(returnTo ? `/sign-in?returnTo=${encodeURIComponent(returnTo)}` : '/sign-in');
  await page.locator(`button[data-user="${user}"]`).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}
