// End-to-end tests of the real app (dist/ built by `trunk build --release`), in Debian's
// headless Chromium driven by playwright-core. Served from a tiny static server on 127.0.0.1;
// every request the page makes is recorded, and any to another origin fails the test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join, extname, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(root, 'dist');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

let server, browser, origin;
const foreign = [];

before(async () => {
  server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    try {
      const body = await readFile(join(dist, path === '/' ? 'index.html' : path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'text/html' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${server.address().port}`;
  // launch() gives Chromium a fresh temporary profile of its own.
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function openApp() {
  const page = await browser.newPage({ acceptDownloads: true });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url()); });
  await page.goto(origin + '/');
  await page.getByTestId('paste').waitFor();
  return { page, errors };
}

const REPORT = readFileSync(join(root, 'tests/data/seeds/000_05802d0420be5ec8.txt'), 'utf8');

test('pasting a source report shows its figures', async () => {
  const { page, errors } = await openApp();
  await page.getByTestId('paste').fill(REPORT);
  await page.getByTestId('doc-name').fill('January 2017 report');
  await page.getByTestId('extract').click();
  const row = page.locator('tr[data-indicator="children_in_care"][data-value="366"]');
  await row.waitFor();
  assert.match(await row.innerText(), /2017-01-13/);
  assert.equal(await page.locator('tr[data-indicator="child_protection_plans"][data-value="307"]').count(), 1);
  assert.equal(await page.locator('tr[data-indicator="open_cases"]').count(), 3);
  assert.match(await page.getByTestId('document').innerText(), /January 2017 report/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('filtering narrows the rows and says how many are shown', async () => {
  const { page } = await openApp();
  await page.getByTestId('example').first().click();
  await page.locator('tr[data-indicator]').first().waitFor();
  await page.getByTestId('filter').fill('open_cases');
  await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 3);
  assert.match(await page.getByTestId('row-count').innerText(), /^3 figures shown/);
  await page.getByTestId('filter').fill('');
  await page.getByTestId('filter-indicator').selectOption('children_in_care');
  await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
  await page.getByTestId('filter-indicator').selectOption('');
  await page.getByTestId('filter-unit').selectOption('count');
  await page.getByTestId('sort-value').click();
  await page.getByTestId('sort-value').click();
  const values = await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.dataset.value)));
  assert.deepEqual(values, [...values].sort((a, b) => b - a));
  assert.equal(values[0], 1840);
  assert.equal(await page.locator('th[aria-sort="descending"]').count(), 1);
  await page.close();
});

test('report text containing markup is shown as text', async () => {
  const { page, errors } = await openApp();
  await page.getByTestId('paste').fill('<img src=x onerror="window.hacked=1"><script>window.hacked=2</script> There are 366 children in care.');
  await page.getByTestId('extract').click();
  await page.locator('tr[data-indicator="children_in_care"]').waitFor();
  assert.equal(await page.evaluate(() => window.hacked), undefined);
  assert.equal(await page.locator('td.sentence img').count(), 0);
  assert.match(await page.locator('td.sentence').first().innerText(), /<img src=x/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the CSV download holds the figures', async () => {
  const { page } = await openApp();
  await page.getByTestId('example').first().click();
  await page.locator('tr[data-indicator]').first().waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.match(csv, /document,indicator,label,value,unit,approx,when,area,target,sentence,start,end/);
  assert.match(csv, /children_in_care,children in care,366\.0,count,false,2017-01-13,local,false/);
  await page.close();
});

test('uploaded files are read; a bad one gets a message naming it and nothing is lost', async () => {
  const { page, errors } = await openApp();
  await page.getByTestId('clear-all').click();
  await page.getByTestId('file-input').setInputFiles([
    { name: 'report.txt', mimeType: 'text/plain', buffer: Buffer.from(REPORT) },
    { name: 'minutes.html', mimeType: 'text/html', buffer: Buffer.from('<html><script>window.hacked=1</script><body><p>The Borough has 35 UASC children.</p><table><tr><td>Child in Need</td><td>355</td></tr><tr><td>Child Protection</td><td>190</td></tr></table></body></html>') },
    { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) },
    { name: 'pack.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7') },
  ]);
  await page.getByTestId('errors').locator('li').nth(1).waitFor();
  const messages = await page.getByTestId('errors').innerText();
  assert.match(messages, /photo\.png: expected text, found a PNG image/);
  assert.match(messages, /pack\.pdf: cannot read \.pdf files yet/);
  assert.equal(await page.getByTestId('document').count(), 2);
  // Documents are read in the engine's worker: wait for the second one's figures.
  await page.locator('tr[data-indicator="child_protection_plans"][data-value="190"]').waitFor();
  assert.match(await page.getByTestId('tables').innerText(), /Child Protection\s+190/);
  assert.equal(await page.evaluate(() => window.hacked), undefined);
  assert.deepEqual(errors, []);
  await page.close();
});

test('documents are still there after a reload, until removed', async () => {
  const { page } = await openApp();
  await page.getByTestId('clear-all').click();
  await page.getByTestId('example').nth(3).click();
  await page.locator('tr[data-indicator="referrals"][data-value="1064"]').waitFor();
  await page.reload();
  await page.getByTestId('document').first().waitFor();
  assert.match(await page.getByTestId('document').first().innerText(), /Peterborough/);
  await page.getByTestId('document').first().click();
  await page.locator('tr[data-indicator="referrals"][data-value="1064"]').waitFor();
  await page.getByTestId('clear-all').click();
  await page.reload();
  await page.getByTestId('paste').waitFor();
  assert.equal(await page.getByTestId('document').count(), 0);
  await page.close();
});

test('unreadable stored data is set aside with a message, not a blank app', async () => {
  const { page } = await openApp();
  await page.evaluate(() => localStorage.setItem('report-explorer', '{"version": 1, "documents": [truncated'));
  await page.reload();
  await page.getByTestId('errors').locator('li').first().waitFor();
  assert.match(await page.getByTestId('errors').innerText(), /could not be read; they were set aside/);
  assert.equal(await page.evaluate(() => localStorage.getItem('report-explorer.unreadable')), '{"version": 1, "documents": [truncated');
  await page.getByTestId('paste').fill('There are 300 children in care.');
  await page.getByTestId('extract').click();
  await page.locator('tr[data-indicator="children_in_care"]').waitFor();
  await page.getByTestId('clear-all').click();
  await page.close();
});

test('the text shows every figure highlighted; choosing a row flashes its figure', async () => {
  const { page, errors } = await openApp();
  await page.getByTestId('example').first().click();
  const row = page.locator('tr[data-indicator="children_in_care"][data-value="366"]');
  await row.waitFor();
  const id = await row.getAttribute('data-figure');
  const mark = page.locator(`mark[data-figure="${id}"]`);
  assert.equal(await mark.innerText(), '366');
  assert.match(await mark.getAttribute('title'), /children_in_care · 2017-01-13 · count-noun/);
  assert.equal(await page.locator('.document-text mark.mark-stock').count() > 5, true);
  await row.click();
  await page.waitForFunction((fid) => document.querySelector(`mark[data-figure="${fid}"]`).classList.contains('flash'), id);
  await row.press('Enter');
  assert.deepEqual(errors, []);
  await page.close();
});

test('charts are drawn on canvases and can be saved as PNG', async () => {
  const { page, errors } = await openApp();
  await page.getByTestId('example').first().click();
  await page.getByTestId('chart').first().waitFor();
  await page.waitForFunction(() => {
    const canvas = document.querySelector('[data-testid="chart"]');
    if (!canvas || canvas.width === 0) return false;
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 200 && data[i + 3] > 0) ink++;
    return ink > 500;
  });
  assert.ok(await page.getByTestId('chart').count() >= 2, 'headline bars and the open cases series');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-png').first().click()]);
  assert.match(download.suggestedFilename(), /\.png$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('nothing is requested from another origin', () => {
  assert.deepEqual(foreign, []);
});
