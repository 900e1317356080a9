import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl } from '../support/local.ts';
import { inPage } from './support/app.ts';
import { context, launch, PHONE, screenshot, signInAs } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const elderOn = (page: Page) => inPage<boolean>(page, "document.documentElement.classList.contains('elder')");
const rootFontSize = (page: Page) =>
  inPage<string>(page, 'getComputedStyle(document.documentElement).fontSize');
const toggle = (page: Page) => page.getByRole('button', { name: '长辈模式' });

async function switchUser(page: Page, user: string) {
  await page.getByRole('button', { name: '退出' }).click();
  await signInAs(page, user, '/');
}

describe('the elder-friendly mode and the language', () => {
  it('turns on larger type, stays on after a reload, and is remembered for each user', async () => {
    const page = await (await context(browser, baseUrl(), PHONE)).newPage();
    await signInAs(page, 'citizen-li', '/');
    expect(await elderOn(page)).toBe(false);
    expect(await rootFontSize(page)).toBe('16px');

    await toggle(page).click();
    expect(await toggle(page).getAttribute('aria-pressed')).toBe('true');
    expect(await elderOn(page)).toBe(true);
    expect(await rootFontSize(page)).toBe('20px');
    await screenshot(page, '15-home-elder-phone');

    await page.reload();
    expect(await elderOn(page)).toBe(true);
    await page.goto('/search?q=出生登记');
    await page.getByRole('link', { name: '出生登记' }).first().waitFor();
    await screenshot(page, '16-search-elder-phone');

    // Another user on the same device keeps their own setting: 张伟 turns it on and off again.
    await switchUser(page, 'citizen-zhang');
    if (!(await elderOn(page))) await toggle(page).click();
    await toggle(page).click();
    expect(await elderOn(page)).toBe(false);
    await switchUser(page, 'citizen-li');
    expect(await elderOn(page)).toBe(true);
    await switchUser(page, 'citizen-zhang');
    expect(await elderOn(page)).toBe(false);
  });

  it('switches to English and back, and keeps the choice', async () => {
    const page = await (await context(browser, baseUrl())).newPage();
    await page.goto('/');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'One portal for every government service' }).waitFor();
    expect(await inPage(page, 'document.documentElement.lang')).toBe('en');
    await page.reload();
    await page.getByRole('combobox', { name: 'Search for a service' }).waitFor();
    await screenshot(page, '17-home-english');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { level: 1, name: '一网通办，办事不求人' }).waitFor();
  });
});
