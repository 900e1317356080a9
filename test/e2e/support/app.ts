import type { Locator, Page } from 'playwright-core';

/** A small but real PDF: the platform checks the bytes of every upload after it arrives. */
export const PDF = Buffer.from(
  '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

/** Presses Tab until `target` has the focus, failing if it is not reached within `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`not reachable with Tab: ${target}`);
}

// Expressions evaluated in the page are strings: the tests are type-checked without the DOM's types.

/** The id of the element that has the focus. */
export const focusedId = (page: Page) => page.evaluate<string>("document.activeElement?.id ?? ''");

/** The class of the element that has the focus. */
export const focusedClass = (page: Page) => page.evaluate<string>("document.activeElement?.className ?? ''");

/** A value from the page, e.g. `inPage(page, 'document.documentElement.lang')`. */
export const inPage = <T>(page: Page, expression: string) => page.evaluate<T>(expression);
