// The standalone page (dist/report-explorer.html, scripts/standalone.mjs): the whole app in one
// HTML file, copied alone into an empty folder and opened from disk (file://) with no server.
// Every feature that loads something (the engine's and the readers' workers, the examples)
// must work; any request beyond the page itself and its blob: URLs, and any CSP violation,
// fails the test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root, launchChromium, waitForStored } from './harness.mjs';

let browser, dir, url;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'report-explorer-standalone-'));
  copyFileSync(join(root, 'dist/report-explorer.html'), join(dir, 'report-explorer.html'));
  url = pathToFileURL(join(dir, 'report-explorer.html')).href;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the single HTML file, opened from disk, reads reports, PDF files and examples, downloads and keeps them, with no request beyond itself', async () => {
  const page = await browser.newPage({ acceptDownloads: true });
  const errors = [];
  const requests = [];
  const violations = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (/Content Security Policy|Refused/i.test(m.text())) violations.push(m.text()); });
  page.on('request', (r) => { if (r.url() !== url && !r.url().startsWith('blob:')) requests.push(r.url()); });
  await page.goto(url);
  await page.getByTestId('paste').waitFor();

  // A pasted report: the engine's worker runs from the page's own copy.
  await page.getByTestId('paste').fill(readFileSync(join(root, 'tests/data/seeds/000_05802d0420be5ec8.txt'), 'utf8'));
  await page.getByTestId('doc-name').fill('January 2017 report');
  await page.getByTestId('extract').click();
  const row = page.locator('tr[data-indicator="children_in_care"][data-value="366"]');
  await row.waitFor({ timeout: 60_000 });
  assert.match(await row.innerText(), /2017-01-13/);

  // A PDF: the readers' worker too.
  await page.getByTestId('file-input').setInputFiles(join(root, 'tests/data/pdf/tables/004_5e0b6194805aa9b6.pdf'));
  await page.locator('tr[data-indicator="entered_care"][data-value="111"]').waitFor({ timeout: 60_000 });

  // An example, carried inside the page.
  await page.getByTestId('example').nth(3).click();
  await page.getByTestId('document').filter({ hasText: 'Peterborough' }).waitFor();
  await page.locator('tr[data-indicator]').first().waitFor();

  // A download.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
  assert.match(readFileSync(await csv.path(), 'utf8'), /children_in_care/);

  // What was read is kept by the browser across a reload, as when served.
  await waitForStored(page, 3);
  await page.reload();
  await page.getByTestId('document').filter({ hasText: 'January 2017 report' }).waitFor();
  assert.equal(await page.getByTestId('document').count(), 3);
  await page.getByTestId('clear-all').click();

  assert.deepEqual(errors, []);
  assert.deepEqual(violations, []);
  assert.deepEqual(requests, []);
  await page.close();
});
