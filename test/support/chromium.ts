import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium, never a downloaded browser; flags that keep it quiet and light on a 2-core machine. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
