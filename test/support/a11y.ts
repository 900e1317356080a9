import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The rules the province is held to (DOMAIN.md, "The web for everyone"): WCAG 2.0, 2.1 and 2.2, A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** One broken rule on a page, with the elements that break it, short enough to read in a test failure. */
export interface Violation {
  rule: string;
  impact: string;
  help: string;
  nodes: string[];
}

/**
 * axe-core's violations of the WCAG A and AA rules on the page as it is now. The app has no frames, so axe runs
 * in the page itself (legacy mode), which spares the blank page the default mode opens to merge frames' results.
 */
export async function axeViolations(page: Page): Promise<Violation[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode().analyze();
  return results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`),
  }));
}

/** Something a finger can hit: its accessible text, where it is and how big (CSS px). */
export interface Target {
  what: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** What covers the target's centre when it is not the target itself (a control hidden under another). */
  coveredBy?: string;
  /** Part of the target lies outside a box that scrolls or clips (a nav or a table scrolled sideways). */
  clipped?: boolean;
}

// Evaluated in the page (the tests are type-checked without the DOM's types, so it is a string). A control
// inside a label is hit through its label (antd's radios, checkboxes and segmented items), a select through its
// whole box. Controls that take no room, are hidden or are off the page until focused (the skip link) are not
// targets. Each target is brought into the window (the window scrolls, nothing else) and checked: the part not
// cut off by a box that scrolls or clips, and what is under its centre (a popup the user opened covers what is
// under it on purpose).
const MEASURE = `(() => {
  const SELECTOR = [
    'a[href]', 'button', 'input:not([type=hidden])', 'select', 'textarea', 'summary',
    '[role=button]', '[role=link]', '[role=checkbox]', '[role=radio]', '[role=switch]', '[role=tab]',
    '[role=option]', '[role=menuitem]', '[role=combobox]', '[tabindex]:not([tabindex="-1"])',
  ].join(',');
  const POPUPS = '[role=listbox], [role=dialog], .ant-select-dropdown, .ant-modal-wrap, .ant-popover';
  const describe = (el) => {
    const text = (el.getAttribute('aria-label') || el.innerText || el.value || el.getAttribute('title') || '')
      .replace(/\\s+/g, ' ').trim().slice(0, 40);
    const cls = typeof el.className === 'string' ? el.className.split(' ').filter(Boolean)[0] : '';
    return el.tagName.toLowerCase() + (cls ? '.' + cls : '') + (text ? ' "' + text + '"' : '');
  };
  const visiblePart = (el) => {
    const r = el.getBoundingClientRect();
    const box = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
      const q = p.getBoundingClientRect();
      box.left = Math.max(box.left, q.left);
      box.top = Math.max(box.top, q.top);
      box.right = Math.min(box.right, q.right);
      box.bottom = Math.min(box.bottom, q.bottom);
    }
    return box;
  };
  const seen = new Set();
  const targets = [];
  const x0 = window.scrollX, y0 = window.scrollY;
  for (const el of document.querySelectorAll(SELECTOR)) {
    let target = el;
    if (el.matches('input[type=radio], input[type=checkbox]')) target = el.closest('label') || el;
    target = el.closest('.ant-select') || target;
    if (seen.has(target)) continue;
    seen.add(target);
    if (target.closest('[aria-hidden="true"], [inert], [hidden]')) continue;
    const style = getComputedStyle(target);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    let r = target.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) continue;
    if (r.bottom + window.scrollY <= 0 || r.right + window.scrollX <= 0) continue;
    window.scrollTo(x0, Math.max(0, r.top + window.scrollY - (window.innerHeight - r.height) / 2));
    r = target.getBoundingClientRect();
    const part = visiblePart(target);
    const clipped = part.right - part.left < r.width - 1 || part.bottom - part.top < r.height - 1;
    const hit = part.right > part.left && part.bottom > part.top
      ? document.elementFromPoint((part.left + part.right) / 2, (part.top + part.bottom) / 2)
      : null;
    const covered = hit && !target.contains(hit) && !hit.contains(target) && !el.contains(hit) &&
      !hit.closest(POPUPS);
    targets.push({
      what: describe(target),
      x: Math.round(r.left + window.scrollX),
      y: Math.round(r.top + window.scrollY),
      width: Math.round(r.width * 10) / 10,
      height: Math.round(r.height * 10) / 10,
      ...(covered ? { coveredBy: describe(hit) } : {}),
      ...(clipped && !target.closest(POPUPS) ? { clipped: true } : {}),
    });
  }
  window.scrollTo(x0, y0);
  return targets;
})()`;

/** Every touch target on the page, measured. */
export const touchTargets = (page: Page) => page.evaluate<Target[]>(MEASURE);

/** How wide the page is against the screen, and the elements that reach past the screen's right edge. */
export interface Width {
  viewport: number;
  page: number;
  overflowing: string[];
}

const WIDTH = `(() => {
  const viewport = document.documentElement.clientWidth;
  const overflowing = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right + window.scrollX <= viewport + 0.5) continue;
    // Inside a box that scrolls sideways on its own (a wide table) is not past the screen's edge.
    let p = el.parentElement, clipped = false;
    while (p && p !== document.body) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') { clipped = true; break; }
      p = p.parentElement;
    }
    if (clipped) continue;
    const cls = typeof el.className === 'string' ? el.className.split(' ').filter(Boolean)[0] : '';
    overflowing.push(el.tagName.toLowerCase() + (cls ? '.' + cls : '') + ' → ' + Math.round(r.right + window.scrollX));
  }
  return { viewport, page: document.documentElement.scrollWidth, overflowing: overflowing.slice(0, 10) };
})()`;

export const pageWidth = (page: Page) => page.evaluate<Width>(WIDTH);

/** A run of visible text: where it is, its size and line height (CSS px). */
export interface TextRun {
  what: string;
  fontSize: number;
  lineHeight: number;
}

// Every visible run of text but what is hidden from everyone (aria-hidden, visually hidden for screen readers).
const TEXT = `(() => {
  const runs = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.replace(/\\s+/g, ' ').trim();
    const el = node.parentElement;
    if (!text || !el || el.closest('[aria-hidden="true"], .visually-hidden, script, style, noscript')) continue;
    const s = getComputedStyle(el);
    if (s.visibility === 'hidden' || s.display === 'none' || parseFloat(s.opacity) === 0) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) continue;
    const fontSize = parseFloat(s.fontSize);
    const lineHeight = s.lineHeight === 'normal' ? 1.2 * fontSize : parseFloat(s.lineHeight);
    // Headings and the one-line labels of controls are not body text, whose lines must stand apart.
    const body = !el.closest('h1, h2, h3, h4, h5, h6, [role=heading], button, [role=button], .ant-tag, .ant-steps-item-icon');
    runs.push({ what: el.tagName.toLowerCase() + ' "' + text.slice(0, 30) + '"', fontSize, lineHeight, body });
  }
  return runs;
})()`;

/** Every run of text on the page with its size and line height. */
export const textRuns = (page: Page) => page.evaluate<(TextRun & { body: boolean })[]>(TEXT);
