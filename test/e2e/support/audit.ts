import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  axeViolations,
  pageWidth,
  type Target,
  type TextRun,
  textRuns,
  touchTargets,
  type Violation,
} from '../../support/a11y.ts';
import { context, DESKTOP, PHONE, screenshot, signInAs } from './browser.ts';

export type Device = 'phone' | 'desktop';

/** The smallest touch target allowed (CSS px): 24 anywhere (WCAG 2.5.8), 44 on a phone, 60 in elder mode. */
export const minTarget = (device: Device, elder: boolean) => (elder ? 60 : device === 'phone' ? 44 : 24);

/** What one page state looked like to the checks, in one mode on one device. */
export interface Finding {
  state: string;
  device: Device;
  elder: boolean;
  violations: Violation[];
  targets: Target[];
  small: Target[];
  covered: Target[];
  clipped: Target[];
  /** In elder mode: text under 18 px, or body text with lines closer than 1.3 times its size. */
  smallText: TextRun[];
  width: { viewport: number; page: number; overflowing: string[] };
}

const settle = (page: Page) =>
  page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null))))');

/**
 * Turns elder mode on or off with the header's switch. The click is dispatched to the switch itself, so that a
 * dialog's mask over the header does not take it (and close the dialog).
 */
export async function setElder(page: Page, on: boolean): Promise<void> {
  const toggle = page.getByTestId('elder-toggle');
  if ((await toggle.getAttribute('aria-pressed')) !== String(on)) await toggle.dispatchEvent('click');
  await page.waitForFunction(`document.documentElement.classList.contains('elder') === ${on}`);
  await settle(page);
}

/** Runs every check on the page as it is: axe-core, the touch targets, the page's width. */
export async function audit(page: Page, state: string, device: Device, elder: boolean): Promise<Finding> {
  await settle(page);
  const violations = await axeViolations(page);
  const targets = await touchTargets(page);
  const min = minTarget(device, elder);
  const width = await pageWidth(page);
  // DOMAIN.md: in elder mode, body text of 18 px or more, lines at least 1.3 times its size apart.
  const smallText = elder
    ? (await textRuns(page)).filter(
        (r) => r.fontSize < 17.95 || (r.body && r.lineHeight < 1.3 * r.fontSize - 0.5),
      )
    : [];
  return {
    state,
    device,
    elder,
    violations,
    targets,
    // Half a pixel of rounding is not a finger's width.
    small: targets.filter((t) => t.width < min - 0.5 || t.height < min - 0.5),
    covered: targets.filter((t) => t.coveredBy),
    clipped: targets.filter((t) => t.clipped),
    smallText: smallText.map(({ what, fontSize, lineHeight }) => ({ what, fontSize, lineHeight })),
    width,
  };
}

/** A problem found, in words, for a test failure: which state, mode and device, and what broke. */
export function problemsOf(f: Finding): string[] {
  const where = `${f.state} [${f.device}${f.elder ? ', elder' : ''}]`;
  const min = minTarget(f.device, f.elder);
  return [
    ...f.violations.map((v) => `${where}: axe ${v.rule} (${v.impact}) ${v.help}: ${v.nodes.join(' | ')}`),
    ...f.small.map((t) => `${where}: target ${t.what} is ${t.width}×${t.height}, under ${min}×${min}`),
    ...f.covered.map((t) => `${where}: target ${t.what} is covered by ${t.coveredBy}`),
    ...f.smallText.map(
      (r) =>
        `${where}: text ${r.what} is ${r.fontSize} px on lines ${r.lineHeight} px apart (18 px, 1.3 asked)`,
    ),
    ...f.clipped.map(
      (t) => `${where}: target ${t.what} is partly out of sight in a box that scrolls or clips`,
    ),
    ...(f.device === 'phone' && f.width.page > f.width.viewport
      ? [
          `${where}: the page is ${f.width.page} px wide on a ${f.width.viewport} px screen: ${f.width.overflowing}`,
        ]
      : []),
  ];
}

/**
 * Scans page states for one user, on a phone and on a desktop, each in normal and elder mode. `open` brings a
 * page to the state (it runs once per device); the modes are switched on the page as it stands.
 */
export class Scanner {
  readonly findings: Finding[] = [];
  private pages = new Map<Device, Page>();
  private contexts: BrowserContext[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly baseUrl: string,
    private readonly user?: string,
  ) {}

  async page(device: Device): Promise<Page> {
    let page = this.pages.get(device);
    if (!page) {
      const ctx = await context(this.browser, this.baseUrl, device === 'phone' ? PHONE : DESKTOP);
      this.contexts.push(ctx);
      page = await ctx.newPage();
      if (this.user) await signInAs(page, this.user, '/');
      else await page.goto('/');
      this.pages.set(device, page);
    }
    return page;
  }

  async scan(state: string, open: (page: Page, device: Device) => Promise<void>): Promise<void> {
    for (const device of ['phone', 'desktop'] as const) {
      const page = await this.page(device);
      await setElder(page, false);
      await open(page, device);
      this.findings.push(await audit(page, state, device, false));
      await setElder(page, true);
      this.findings.push(await audit(page, state, device, true));
      // What an older person sees on a phone, to look at: the part of this an automatic check cannot judge.
      if (device === 'phone') await screenshot(page, `elder-${state.replace(/[^\p{L}\p{N}]+/gu, '-')}`);
      await setElder(page, false);
    }
  }

  problems(): string[] {
    return this.findings.flatMap(problemsOf);
  }

  async close(): Promise<void> {
    for (const ctx of this.contexts) await ctx.close();
  }
}
