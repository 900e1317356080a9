import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launch } from '../support/chromium.ts';
import { ms, percentile } from './stats.ts';

/**
 * The web app in local mode, measured in Debian's Chromium with a cold cache per load: what the first page
 * transfers (as served locally, and gzipped as CloudFront would send it), and the time to interactive of home,
 * search and apply: from navigation start until the page's first control is in the DOM and enabled, recorded
 * inside the page by a MutationObserver so that polling from outside adds nothing.
 */
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 5);
const SOLE_TRADER = '000109004000610100';

const PAGES = [
  { name: 'home', path: '/', ready: 'input[role="combobox"]' },
  {
    name: 'search',
    path: `/search?q=${encodeURIComponent('营业执照')}&region=610100`,
    ready: '.result-list a',
  },
  {
    name: 'apply',
    path: `/matters/${SOLE_TRADER}/apply`,
    ready: '#form-phone:not([disabled])',
    signedIn: true,
  },
] as const;

// Runs in the page before any of its scripts: notes when the selector first matches.
const WATCH = (selector: string) => `(() => {
  const seen = () => { if (!window.__ready && document.querySelector(${JSON.stringify(selector)})) window.__ready = performance.now(); };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true, attributes: true });
})();`;

export interface WebBench {
  firstPage: { requests: number; bytes: number; gzipBytes: number; jsGzipBytes: number };
  timeToInteractiveMs: Record<string, { p50: number; max: number }>;
}

async function firstPage(browser: Browser, base: string): Promise<WebBench['firstPage']> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const page = await ctx.newPage();
  const bodies: { url: string; size: number; gzip: number }[] = [];
  page.on('response', async (res) => {
    const body = await res.body().catch(() => Buffer.alloc(0));
    bodies.push({ url: res.url(), size: body.length, gzip: gzipSync(body).length });
  });
  await page.goto(base, { waitUntil: 'networkidle' });
  await ctx.close();
  const js = bodies.filter((b) => b.url.endsWith('.js'));
  return {
    requests: bodies.length,
    bytes: bodies.reduce((n, b) => n + b.size, 0),
    gzipBytes: bodies.reduce((n, b) => n + b.gzip, 0),
    jsGzipBytes: js.reduce((n, b) => n + b.gzip, 0),
  };
}

export async function runWebBench(base: string): Promise<WebBench> {
  const browser = await launch();
  try {
    const size = await firstPage(browser, base);
    const tti: WebBench['timeToInteractiveMs'] = {};
    for (const p of PAGES) {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
        await ctx.addInitScript(WATCH(p.ready));
        const page = await ctx.newPage();
        if ('signedIn' in p) {
          // Sign in as a citizen would, then load the page afresh with an empty cache.
          await page.goto(`${base}/sign-in`);
          await page.click('button[data-user="citizen-zhang"]');
          await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
          await (await ctx.newCDPSession(page)).send('Network.clearBrowserCache');
        }
        await page.goto(`${base}${p.path}`);
        await page.waitForSelector(p.ready);
        times.push(await page.evaluate<number>('window.__ready'));
        await ctx.close();
      }
      tti[p.name] = { p50: percentile(times, 50), max: Math.max(...times) };
    }
    console.log(`  web app (Chromium, cold cache, phone viewport, ${RUNS} loads each)
    first page                  ${size.requests} requests, ${kib(size.bytes)} as served locally, ${kib(size.gzipBytes)} gzipped (JS ${kib(size.jsGzipBytes)})
${Object.entries(tti)
  .map(([name, t]) => `    time to interactive ${name.padEnd(8)} p50 ${ms(t.p50)}  max ${ms(t.max)}`)
  .join('\n')}
`);
    return { firstPage: size, timeToInteractiveMs: tti };
  } finally {
    await browser.close();
  }
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
