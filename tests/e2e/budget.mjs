// The app's budgets, measured on the release build in dist/ (run `trunk build --release` first):
//   node tests/e2e/budget.mjs
// 1. First download: every .js and .wasm that index.html loads, gzip-compressed (level 9).
// 2. Paste to rendered figures for a 1 MB report in headless Chromium: from the paste (and the
//    click on "Extract figures") to the first figures table row on screen, median of 5 runs;
//    for a first paste a second after clicking into the box, one at the instant the page has
//    loaded, and a second paste in the same visit.
// 3. PDF pages per second in the browser: the 316-page agenda pack (tests/data/pdf/pack-300.pdf)
//    chosen in the file picker, to its document listed (read by the reader worker, first start
//    included), median of 3 runs; with the longest main-thread task meanwhile, and whether
//    "page N of M" was shown.
// A benchmark, not a test: it prints and never fails on time (machines are shared and noisy).
import { readFile, readdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { root, serveDist, launchChromium } from './harness.mjs';

const dist = join(root, 'dist');
const RUNS = 5;

async function firstDownload() {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const names = new Set([...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|wasm))"/g)].map((m) => m[1]));
  let total = 0;
  for (const name of names) {
    const gz = gzipSync(await readFile(join(dist, name)), { level: 9 }).length;
    console.log(`  ${name}: ${(gz / 1024).toFixed(1)} KB gzip`);
    total += gz;
  }
  return total;
}

/** Reads the 316-page pack in the browser; prints pages per second. */
async function pdfPages() {
  const PAGES = 316;
  const pack = join(root, 'tests/data/pdf/pack-300.pdf');
  const rates = [];
  let longest = 0;
  let progress = false;
  for (let run = 0; run < 3; run++) {
    const page = await browser.newPage();
    await page.goto(origin + '/');
    await page.getByTestId('paste').waitFor();
    await page.evaluate(() => {
      window.longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.longest = Math.max(window.longest, e.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    const start = Date.now();
    await page.getByTestId('file-input').setInputFiles(pack);
    const seen = page.getByTestId('file-status').filter({ hasText: /page \d+ of \d+/ }).waitFor({ timeout: 120_000 }).then(() => true, () => false);
    await page.getByTestId('document').first().waitFor({ timeout: 120_000 });
    rates.push(PAGES / ((Date.now() - start) / 1000));
    progress ||= await Promise.race([seen, new Promise((ok) => setTimeout(() => ok(false), 10))]);
    longest = Math.max(longest, await page.evaluate(() => window.longest));
    await page.close();
  }
  rates.sort((a, b) => a - b);
  console.log(`PDF in the browser: ${rates[1].toFixed(0)} pages/s median of 3 (min ${rates[0].toFixed(0)}, max ${rates[2].toFixed(0)}), ${PAGES}-page pack; longest main-thread task ${longest.toFixed(0)} ms; "page N of M" shown: ${progress}`);
}

function report(bytes) {
  const dir = join(root, 'tests/data/seeds');
  return readdir(dir).then((files) => {
    const texts = files.filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
    let out = '';
    for (let i = 0; out.length < bytes; i++) out += texts[i % texts.length] + '\n\n';
    return out.slice(0, bytes);
  });
}

/** From the paste (the textarea's value and the input event a real paste fires) and the click
 * on "Extract figures" to the first figures row painted, in ms. */
function pasteToFigures(page, text) {
  return page.evaluate((t) => new Promise((done) => {
    const start = performance.now();
    const area = document.querySelector('[data-testid=paste]');
    area.value = t;
    area.dispatchEvent(new Event('input', { bubbles: true }));
    const seen = () => document.querySelector('main tr[data-indicator]')
      ? requestAnimationFrame(() => done(performance.now() - start))
      : requestAnimationFrame(seen);
    document.querySelector('[data-testid=extract]').click();
    requestAnimationFrame(seen);
  }), text);
}

const server = await serveDist();
const origin = server.origin;
const browser = await launchChromium();
try {
  console.log('first download (budget 400 KB):');
  const total = await firstDownload();
  console.log(`first download: ${(total / 1024).toFixed(1)} KB gzip`);
  let worker = 0;
  for (const name of (await readdir(dist)).filter((f) => f.startsWith('report-explorer-worker'))) {
    worker += gzipSync(await readFile(join(dist, name)), { level: 9 }).length;
  }
  console.log(`engine worker, fetched when the first report is read: ${(worker / 1024).toFixed(1)} KB gzip`);
  let reader = 0;
  for (const name of (await readdir(dist)).filter((f) => f.startsWith('report-explorer-reader'))) {
    reader += gzipSync(await readFile(join(dist, name)), { level: 9 }).length;
  }
  console.log(`PDF and Word reader worker, fetched when the first such file is opened: ${(reader / 1024).toFixed(1)} KB gzip`);
  await pdfPages();
  const text = await report(1 << 20);
  // Three ways a user meets it: the first report of a visit, pasted a second after clicking
  // into the box (the click starts the engine's worker); the same pasted the instant the page
  // has loaded (the worker starts with the paste); and a second report pasted in the same visit.
  const cases = [
    ['first paste, 1 s after a click in the box', { focus: true, twice: false }],
    ['first paste, the instant the page has loaded', { focus: false, twice: false }],
    ['second paste in the same visit', { focus: true, twice: true }],
  ];
  for (const [label, { focus, twice }] of cases) {
    const times = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage();
      await page.goto(origin + '/');
      await page.getByTestId('paste').waitFor();
      if (focus) {
        await page.getByTestId('paste').focus();
        await page.waitForTimeout(1000);
      }
      if (twice) {
        await pasteToFigures(page, text);
        await page.getByTestId('clear-all').click();
        await page.waitForTimeout(500);
      }
      times.push(await pasteToFigures(page, text));
      await page.close();
    }
    times.sort((a, b) => a - b);
    console.log(`paste to rendered figures, 1 MB report, ${label}: ${times[RUNS >> 1].toFixed(0)} ms median of ${RUNS} (min ${times[0].toFixed(0)}, max ${times[RUNS - 1].toFixed(0)}); budget 300 ms`);
  }
} finally {
  await browser.close();
  server.close();
}
