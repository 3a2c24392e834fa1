// Many reports at once, measured on the release build in dist/ (run `trunk build --release`
// first):   node tests/e2e/scale.mjs [DOCUMENTS] [KB_EACH]
// Defaults: 500 documents of about 100 KB (50 MB of text), made from the development set, chosen
// at once in the file picker. It prints the time until every document is listed, read, and the
// "Across documents" chart is drawn, and how long the page's main thread was ever busy at a
// stretch (the longest gap between animation frames, and long tasks over 200 ms), which is what
// a user feels as a freeze (SCALE_DEBUG=1 lists each task over 200 ms, [start ms, duration]).
// Then it waits for every document to be stored (IndexedDB), reloads, and prints the time until
// they are all listed again.
// A benchmark, not a test: it prints and never fails on time.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, serveDist, launchChromium } from './harness.mjs';

const count = Number(process.argv[2] ?? 500);
const kb = Number(process.argv[3] ?? 100);

async function corpus() {
  const texts = [];
  for (const sub of ['seeds', 'real']) {
    const dir = join(root, 'tests/data', sub);
    for (const f of (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort()) {
      texts.push(await readFile(join(dir, f), 'utf8'));
    }
  }
  return texts;
}

const texts = await corpus();
const dir = await mkdtemp(join(tmpdir(), 'report-explorer-scale-'));
const paths = [];
for (let i = 0; i < count; i++) {
  // Each document starts with a different report (so its date and authority differ) and goes
  // on through the others until it is big enough.
  let text = '';
  for (let j = i; text.length < kb * 1024; j++) text += texts[j % texts.length] + '\n\n';
  const path = join(dir, `report-${String(i + 1).padStart(3, '0')}.txt`);
  await writeFile(path, text);
  paths.push(path);
}

const server = await serveDist();
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(server.origin + '/');
  await page.getByTestId('file-input').waitFor({ state: 'attached' });
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(e.duration), (window.__when ??= []).push([Math.round(e.startTime - (window.__start ?? 0)), Math.round(e.duration)]);
    }).observe({ type: 'longtask', buffered: true });
    window.__maxGap = 0;
    let last = performance.now();
    const frame = (now) => {
      window.__maxGap = Math.max(window.__maxGap, now - last);
      last = now;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    // The overall progress, as a user sees it while the documents are read.
    window.__progress = new Set();
    new MutationObserver(() => {
      const status = document.querySelector('[data-testid=reading-all] label');
      if (status) window.__progress.add(status.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
    window.__start = performance.now();
  });
  const mb = (count * kb) / 1024;
  await page.getByTestId('file-input').setInputFiles(paths);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=document]').length >= n, count, { timeout: 0, polling: 200 });
  const listed = await page.evaluate(() => performance.now() - window.__start);
  await page.waitForFunction(() => {
    const metas = [...document.querySelectorAll('[data-testid=document] .meta')];
    return metas.length > 0 && metas.every((m) => m.textContent.includes('figures'));
  }, null, { timeout: 0, polling: 500 });
  const read = await page.evaluate(() => performance.now() - window.__start);
  await page.getByTestId('timeline').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => {
    const c = document.querySelector('[data-testid=timeline] canvas');
    return c && c.width > 0 && c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 !== 3 && v < 200);
  }, null, { timeout: 0, polling: 200 });
  const charted = await page.evaluate(() => performance.now() - window.__start);
  const { longTasks, maxGap, progress } = await page.evaluate(() => ({ longTasks: window.__longTasks, maxGap: window.__maxGap, progress: [...window.__progress] }));
  const over = longTasks.filter((d) => d > 200);
  const errors = await page.getByTestId('errors').innerText();
  console.log(`${count} documents, ${mb.toFixed(0)} MB of text:`);
  console.log(`  all listed after ${(listed / 1000).toFixed(1)} s`);
  console.log(`  all read after ${(read / 1000).toFixed(1)} s (${(mb / (read / 1000)).toFixed(1)} MB/s)`);
  console.log(`  progress shown ${progress.length} times (last: "${progress.at(-1) ?? 'never'}")`);
  console.log(`  across-documents chart drawn after ${(charted / 1000).toFixed(1)} s`);
  console.log(`  longest main-thread task ${Math.max(0, ...longTasks).toFixed(0)} ms; ${over.length} tasks over 200 ms; longest gap between frames ${maxGap.toFixed(0)} ms`);
  if (process.env.SCALE_DEBUG) console.log(JSON.stringify(await page.evaluate(() => window.__when.filter(([, d]) => d > 200))));
  if (errors.trim()) console.log(`  messages shown: ${errors.trim().replace(/\n/g, ' | ')}`);
  const stored = Date.now();
  await page.waitForFunction((n) => new Promise((ok) => {
    const open = indexedDB.open('report-explorer');
    open.onsuccess = () => {
      const request = open.result.transaction('documents').objectStore('documents').count();
      request.onsuccess = () => { ok(request.result === n); open.result.close(); };
    };
  }), count, { timeout: 0, polling: 1000 });
  console.log(`  all stored ${((Date.now() - stored) / 1000).toFixed(1)} s after they were read`);
  const reloaded = Date.now();
  await page.reload();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=document]').length >= n, count, { timeout: 0, polling: 200 });
  console.log(`  after a reload, all listed again in ${((Date.now() - reloaded) / 1000).toFixed(1)} s`);
} finally {
  await browser.close();
  server.close();
  await rm(dir, { recursive: true, force: true });
}
