// The app's budgets, measured on the release build in dist/ (run `trunk build --release` first):
//   node tests/e2e/budget.mjs
// 1. First download: every .js and .wasm that index.html loads, gzip-compressed (level 9).
// 2. Paste to rendered figures for a 1 MB report in headless Chromium: from the paste (and the
//    click on "Extract figures") to the first figures table row on screen, median of 5 runs.
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

function report(bytes) {
  const dir = join(root, 'tests/data/seeds');
  return readdir(dir).then((files) => {
    const texts = files.filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
    let out = '';
    for (let i = 0; out.length < bytes; i++) out += texts[i % texts.length] + '\n\n';
    return out.slice(0, bytes);
  });
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
  const text = await report(1 << 20);
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.newPage();
    await page.goto(origin + '/');
    await page.getByTestId('paste').waitFor();
    // From the paste (the textarea's value and the input event a real paste fires) and the
    // click on "Extract figures" to the first figures row painted.
    const ms = await page.evaluate((t) => new Promise((done) => {
      const start = performance.now();
      const area = document.querySelector('[data-testid=paste]');
      area.value = t;
      area.dispatchEvent(new Event('input', { bubbles: true }));
      const seen = () => document.querySelector('tr[data-indicator]')
        ? requestAnimationFrame(() => done(performance.now() - start))
        : requestAnimationFrame(seen);
      document.querySelector('[data-testid=extract]').click();
      requestAnimationFrame(seen);
    }), text);
    times.push(ms);
    await page.close();
  }
  times.sort((a, b) => a - b);
  console.log(`paste to rendered figures, 1 MB report: ${times[RUNS >> 1].toFixed(0)} ms median of ${RUNS} (min ${times[0].toFixed(0)}, max ${times[RUNS - 1].toFixed(0)}); budget 300 ms`);
} finally {
  await browser.close();
  server.close();
}
