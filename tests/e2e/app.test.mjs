// End-to-end tests of the real app (dist/ built by `trunk build --release`), in Debian's
// headless Chromium driven by playwright-core. Served from a tiny static server on 127.0.0.1;
// every request the page makes is recorded, and any to another origin fails the test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { root, serveDist, launchChromium, storedRecords, waitForStored } from './harness.mjs';

let server, browser, origin;
const foreign = [];
// Every Content-Security-Policy violation any page reports.
const violations = [];

before(async () => {
  server = await serveDist();
  origin = server.origin;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function openApp() {
  const page = await browser.newPage({ acceptDownloads: true });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text() + ' @ ' + JSON.stringify(m.location())); });
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
  // The headline says what the text compares it with.
  assert.match(await page.locator('.card[data-indicator="open_cases"]').innerText(), /1840[\s\S]*from 1778 \(2016-10\)/);
  assert.match(await page.getByTestId('document').innerText(), /January 2017 report/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the page practises drawing results once the engine is ready, out of sight, and leaves nothing behind", async () => {
  const { page, errors } = await openApp();
  // Clicking into the box starts the engine; its sample answer is drawn off screen, then removed.
  // It is there for a moment only: what it is, is checked at once, in the page.
  await page.getByTestId('paste').focus();
  await page.waitForFunction(() => {
    const practice = document.querySelector('.practice');
    return practice !== null
      && practice.getAttribute('aria-hidden') === 'true'
      && practice.hasAttribute('inert')
      && practice.querySelectorAll('tr[data-indicator]').length > 0
      && document.querySelectorAll('main tr[data-indicator]').length === 0;
  }, null, { polling: 'raf' });
  await page.locator('.practice').waitFor({ state: 'detached' });
  assert.equal(await page.locator('tr[data-indicator]').count(), 0);
  assert.ok(await page.getByText('Paste a report or try an example to see its figures.').isVisible());
  // A report read afterwards is shown as ever.
  await page.getByTestId('paste').fill(REPORT);
  await page.getByTestId('extract').click();
  await page.locator('tr[data-indicator="children_in_care"][data-value="366"]').waitFor();
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
  assert.match(messages, /pack\.pdf: cannot read this PDF: the file is damaged/);
  assert.equal(await page.getByTestId('document').count(), 2);
  // Files chosen together show the first; the second is one click away.
  await page.locator('tr[data-indicator="children_in_care"]').first().waitFor();
  await page.getByTestId('document').filter({ hasText: 'minutes.html' }).click();
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
  assert.equal(await mark.textContent(), '366');
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
  // Charts are drawn when they come into view.
  await page.getByTestId('chart').first().scrollIntoViewIfNeeded();
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

test('a correction is marked, kept after a reload, and is what the CSV and Excel files hold', async () => {
  const { page, errors } = await openApp();
  await page.getByTestId('clear-all').click();
  await page.getByTestId('example').first().click();
  const row = page.locator('tr[data-indicator="children_in_care"][data-value="366"]');
  await row.click();
  await page.getByTestId('edit-value').fill('367');
  await page.getByTestId('edit-when').fill('2017-01-14');
  await page.getByTestId('edit-save').click();
  const edited = page.locator('tr.edited[data-indicator="children_in_care"][data-value="367"]');
  await edited.waitFor();
  assert.match(await edited.innerText(), /edited[\s\S]*2017-01-14/);
  // A wrong figure deleted; a bad value refused with a message.
  await page.locator('tr[data-indicator="child_protection_plans"][data-value="307"]').click();
  await page.getByTestId('edit-delete').click();
  await page.locator('tr[data-indicator="child_protection_plans"][data-value="307"]').waitFor({ state: 'detached' });
  await edited.click();
  await page.getByTestId('edit-value').fill('lots');
  await page.getByTestId('edit-save').click();
  assert.match(await page.getByTestId('edit-message').innerText(), /"lots" is not a number/);

  const [csvFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
  const csv = readFileSync(await csvFile.path(), 'utf8');
  assert.match(csv, /children_in_care,children in care,367\.0,count,false,2017-01-14,local,false/);
  assert.doesNotMatch(csv, /,366\.0,/);
  assert.doesNotMatch(csv, /child_protection_plans,[^\n]*,307\.0,/);
  const [xlsxFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-xlsx').click()]);
  assert.equal(xlsxFile.suggestedFilename(), 'figures.xlsx');
  const xlsx = readFileSync(await xlsxFile.path());
  assert.equal(xlsx.subarray(0, 2).toString(), 'PK');
  assert.match(xlsx.toString('latin1'), /<v>367<\/v>/);

  await page.reload();
  await page.locator('tr.edited[data-indicator="children_in_care"][data-value="367"]').waitFor();
  assert.equal(await page.locator('tr[data-indicator="child_protection_plans"][data-value="307"]').count(), 0);
  await page.getByTestId('clear-all').click();
  assert.deepEqual(errors, []);
  await page.close();
});

test('documents stored by the previous version (schema 1) are read again', async () => {
  const { page } = await openApp();
  await page.evaluate((text) => localStorage.setItem('report-explorer', JSON.stringify({ version: 1, documents: [{ name: 'Old visit', text }] })), REPORT);
  await page.reload();
  await page.locator('tr[data-indicator="children_in_care"][data-value="366"]').waitFor();
  assert.match(await page.getByTestId('document').first().innerText(), /Old visit/);
  // Moved to IndexedDB: local storage's copy goes once it is there, and a reload still has it.
  await page.waitForFunction(() => localStorage.getItem('report-explorer') === null);
  await page.reload();
  await page.locator('tr[data-indicator="children_in_care"][data-value="366"]').waitFor();
  assert.match(await page.getByTestId('document').first().innerText(), /Old visit/);
  await page.getByTestId('clear-all').click();
  await page.close();
});

test('a stored document that cannot be read is set aside with a message; the others open', async () => {
  const { page, errors } = await openApp();
  await page.getByTestId('clear-all').click();
  await page.getByTestId('example').nth(3).click();
  await page.locator('tr[data-indicator="referrals"][data-value="1064"]').waitFor();
  await waitForStored(page, 1);
  await page.evaluate(() => new Promise((ok) => {
    const open = indexedDB.open('report-explorer');
    open.onsuccess = () => {
      const tx = open.result.transaction('documents', 'readwrite');
      tx.objectStore('documents').put('{"version": 3, "name": "cut off', 999);
      tx.oncomplete = () => { open.result.close(); ok(); };
    };
  }));
  await page.reload();
  await page.getByTestId('errors').locator('li').first().waitFor();
  assert.match(await page.getByTestId('errors').innerText(), /1 stored document could not be read; it was set aside/);
  await page.locator('tr[data-indicator="referrals"][data-value="1064"]').waitFor();
  assert.equal(await page.getByTestId('document').count(), 1);
  assert.deepEqual(await storedRecords(page, 'unreadable'), [[999, '{"version": 3, "name": "cut off']]);
  assert.equal((await storedRecords(page, 'documents')).length, 1);
  await page.getByTestId('clear-all').click();
  assert.deepEqual(errors, []);
  await page.close();
});

test('a set of reports larger than local storage holds is still there after a reload', async () => {
  const { page, errors } = await openApp();
  await page.getByTestId('clear-all').click();
  // 24 reports of about 330 KB: 8 MB, where local storage held 5 MB.
  const big = (REPORT + '\n').repeat(Math.ceil(330_000 / REPORT.length));
  const files = Array.from({ length: 24 }, (_, i) => ({ name: `report-${String(i + 1).padStart(2, '0')}.txt`, mimeType: 'text/plain', buffer: Buffer.from(big) }));
  await page.getByTestId('file-input').setInputFiles(files);
  await page.getByTestId('document').nth(23).waitFor();
  await waitForStored(page, 24);
  await page.reload();
  await page.getByTestId('document').nth(23).waitFor();
  assert.equal(await page.getByTestId('document').count(), 24);
  assert.equal(await page.getByTestId('errors').locator('li').count(), 0);
  // Removing one deletes its record and keeps the others.
  await page.locator('button.remove').first().click();
  await waitForStored(page, 23);
  await page.reload();
  await page.getByTestId('document').nth(22).waitFor();
  assert.equal(await page.getByTestId('document').count(), 23);
  assert.match(await page.getByTestId('document').first().innerText(), /report-02/);
  await page.getByTestId('clear-all').click();
  await page.reload();
  await page.getByTestId('paste').waitFor();
  assert.equal(await page.getByTestId('document').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a document can be renamed', async () => {
  const { page } = await openApp();
  await page.getByTestId('clear-all').click();
  await page.getByTestId('example').first().click();
  await page.locator('tr[data-indicator]').first().waitFor();
  await page.getByTestId('rename').fill('Blackburn, January');
  await page.getByTestId('rename').press('Enter');
  await page.getByTestId('document').filter({ hasText: 'Blackburn, January' }).waitFor();
  const [csvFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
  assert.match(readFileSync(await csvFile.path(), 'utf8'), /\n"Blackburn, January",children_in_care/);
  await page.getByTestId('clear-all').click();
  await page.close();
});

test("a document's date and authority can be corrected; relative dates follow the new date", async () => {
  const { page, errors } = await openApp();
  await page.getByTestId('clear-all').click();
  await page.getByTestId('example').first().click();
  await page.locator('tr[data-indicator="children_in_care"][data-value="366"]').waitFor();
  assert.equal(await page.getByTestId('doc-date').inputValue(), '2017-01-26');
  await page.getByTestId('doc-date').fill('13 Jan');
  await page.getByTestId('doc-date').press('Enter');
  assert.match(await page.getByTestId('meta-message').innerText(), /"13 Jan" is not a date/);
  await page.getByTestId('doc-date').fill('2018-02-01');
  await page.getByTestId('doc-date').press('Enter');
  // Read again against the new date: "As at 13th January" is now 2018.
  const row = page.locator('tr[data-indicator="children_in_care"][data-value="366"]');
  await page.waitForFunction(() => /2018-01-13/.test(document.querySelector('tr[data-indicator="children_in_care"][data-value="366"]')?.innerText ?? ''));
  await page.getByTestId('doc-authority').fill('Blackburn with Darwen');
  await page.getByTestId('doc-authority').press('Enter');
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-json').click()]);
  const report = JSON.parse(readFileSync(await json.path(), 'utf8'));
  assert.equal(report.documents[0].meta.authority, 'Blackburn with Darwen');
  assert.equal(report.documents[0].meta.date, '2018-02-01');
  await page.reload();
  await row.waitFor();
  assert.match(await row.innerText(), /2018-01-13/);
  assert.equal(await page.getByTestId('doc-authority').inputValue(), 'Blackburn with Darwen');
  await page.getByTestId('clear-all').click();
  assert.deepEqual(errors, []);
  await page.close();
});

test('the rows shown copy as TSV with headers', async () => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(origin + '/');
  await page.getByTestId('example').first().click();
  await page.locator('tr[data-indicator]').first().waitFor();
  await page.getByTestId('filter').fill('open_cases');
  await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 3);
  await page.getByTestId('copy-tsv').click();
  await page.getByTestId('copy-message').filter({ hasText: 'Copied 3 rows' }).waitFor();
  const tsv = await page.evaluate(() => navigator.clipboard.readText());
  const lines = tsv.trim().split('\n');
  assert.equal(lines[0], 'document\tindicator\tlabel\tvalue\tunit\tapprox\twhen\tarea\ttarget\tsentence\tstart\tend');
  assert.equal(lines.length, 4);
  assert.ok(lines.slice(1).every((l) => l.split('\t')[1] === 'open_cases'));
  await context.close();
});

test('tables in the text are shown with a chart of their numeric columns', async () => {
  const { page, errors } = await openApp();
  await page.getByTestId('example').nth(4).click();
  const tables = page.getByTestId('tables');
  await tables.waitFor();
  // Tables are disclosures; this one opens on a click on its summary.
  const entering = tables.locator('details').filter({ has: page.locator('summary', { hasText: 'Entering · Leaving · Net' }) });
  await entering.locator('summary').click();
  const canvas = entering.locator('canvas');
  await canvas.scrollIntoViewIfNeeded();
  await page.waitForFunction((el) => {
    if (el.width === 0) return false;
    const data = el.getContext('2d').getImageData(0, 0, el.width, el.height).data;
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 200 && data[i + 3] > 0) ink++;
    return ink > 500;
  }, await canvas.elementHandle());
  assert.match(await entering.innerText(), /Entering\s+Leaving\s+Net/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a long report is read off the main thread, with progress shown', async () => {
  const { page, errors } = await openApp();
  await page.getByTestId('clear-all').click();
  let long = '';
  while (long.length < 1 << 20) long += REPORT + '\n\n';
  await page.evaluate((t) => {
    const area = document.querySelector('[data-testid=paste]');
    area.value = t;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, long);
  // The page answers while the worker reads: the progress bar appears, then the figures.
  await page.getByTestId('extract').click();
  await page.getByTestId('reading').waitFor();
  const answered = await page.evaluate(() => new Promise((ok) => setTimeout(() => ok(true), 0)));
  assert.equal(answered, true);
  await page.locator('tr[data-indicator="children_in_care"]').first().waitFor({ timeout: 60000 });
  assert.equal(await page.getByTestId('reading').count(), 0);
  await page.getByTestId('indicators-only').uncheck();
  const counted = (await page.getByTestId('row-count').innerText()).match(/^([\d,]+) figures, the first 100 shown/);
  assert.ok(counted);
  // The text is drawn a few blocks at a time after the figures: in the end all of it, once,
  // with every figure highlighted.
  await page.waitForFunction((n) => document.querySelectorAll('.document-text mark').length === n, Number(counted[1].replace(/,/g, '')), { timeout: 60000 });
  assert.equal(await page.locator('.document-text').evaluate((e) => e.textContent), long);
  await page.getByTestId('show-more').click();
  const late = page.locator('tbody tr[data-indicator]').nth(150);
  await late.waitFor();
  const id = await late.getAttribute('data-figure');
  await late.click();
  await page.waitForFunction((fid) => document.querySelector(`mark[data-figure="${fid}"]`)?.classList.contains('flash'), id);
  await page.getByTestId('clear-all').click();
  assert.deepEqual(errors, []);
  await page.close();
});

test('usable on a 360 px wide phone: nothing wider than the screen', async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await page.goto(origin + '/');
  await page.getByTestId('example').first().click();
  await page.locator('tr[data-indicator]').first().waitFor();
  await page.locator('tr[data-indicator]').first().click();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `page is ${width} px wide`);
  await page.close();
});

test('across documents: one series by the date figures refer to, restatements merged, conflicts flagged', async () => {
  const { page, errors } = await openApp();
  await page.getByTestId('clear-all').click();
  for (const n of [0, 4, 1]) {
    await page.getByTestId('example').nth(n).click();
    await page.locator('tr[data-indicator]').first().waitFor();
  }
  const table = page.getByTestId('timeline-table');
  await table.locator('tr[data-when="2020-12"]').waitFor();
  for (const [when, value] of [['2017-01-13', '366'], ['2017-12-18', '398'], ['2018-06-28', '350'], ['2020-12', '378']]) {
    assert.equal(await table.locator(`tr[data-when="${when}"][data-value="${value}"]`).count(), 1, `${value} at ${when}`);
  }
  assert.equal(await table.locator('tr.conflict').count(), 0);
  // A source is one click from its sentence: its document is selected and its figure flashed.
  await table.locator('tr[data-when="2017-01-13"] button.source').click();
  await page.locator('.documents li.selected').filter({ hasText: 'January 2017' }).waitFor();
  await page.locator('mark.flash').waitFor({ state: 'attached' });
  // A different value for the same date is a conflict.
  await page.getByTestId('paste').fill('DATE: 26th January 2017\n\nAs at 13th January there are 371 children in care.');
  await page.getByTestId('extract').click();
  await table.locator('tr.conflict[data-when="2017-01-13"][data-value="371"]').waitFor();
  assert.equal(await table.locator('tr.conflict[data-when="2017-01-13"]').count(), 2);
  // Each document says its date and council in the list.
  assert.match(await page.locator('.documents li').first().innerText(), /2017-01-26 · \d+ indicator figures/);
  await page.getByTestId('doc-authority').fill('Blackburn with Darwen');
  await page.getByTestId('doc-authority').press('Enter');
  await page.locator('.documents li.selected').filter({ hasText: /\d{4}-\d\d(-\d\d)? · Blackburn with Darwen · \d+ indicator figures/ }).waitFor();
  // Every indicator with two or more points has its own chart, drawn once opened.
  await page.getByTestId('every-indicator').locator('summary').click();
  const every = page.getByTestId('every-indicator').getByTestId('chart');
  await every.first().waitFor();
  assert.ok(await every.count() >= 2, 'a chart per indicator');
  await every.first().scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('[data-testid=every-indicator] canvas')?.dataset.points);
  // The entering and leaving care series come from the agenda pack's yearly table.
  await page.getByTestId('timeline-indicator').selectOption('entered_care|count');
  await table.locator('tr[data-when="2001"][data-value="111"]').waitFor();
  assert.equal(await table.locator('tbody tr').count(), 18);
  await page.getByTestId('clear-all').click();
  assert.deepEqual(errors, []);
  await page.close();
});

test('side by side: councils across, latest values with dates, sortable, downloaded as shown; chart lines per council lead to their sentences', async () => {
  const { page, errors } = await openApp();
  await page.getByTestId('clear-all').click();
  for (const n of [0, 1]) {
    await page.getByTestId('example').nth(n).click();
    await page.locator('tr[data-indicator]').first().waitFor();
  }
  await page.getByTestId('paste').fill('Avonshire County Council\n\nDATE: 1st March 2018\n\nAt the end of February there were 512 children in care and 301 children subject to a child protection plan. '
    + 'The rate of children in care at 31 March 2017 was 70 per 10,000, against 62 per 10,000 in England.');
  await page.getByTestId('extract').click();
  await page.locator('tr[data-indicator="children_in_care"][data-value="512"]').waitFor();
  await page.getByTestId('doc-authority').fill('Avonshire');
  await page.getByTestId('doc-authority').press('Enter');
  const compare = page.getByTestId('compare-table');
  const headings = compare.locator('thead th');
  // The detected name (Avonshire County Council) shows first; wait for the one typed.
  await compare.locator('thead th', { hasText: /^Avonshire$/ }).waitFor();
  const names = await headings.allInnerTexts();
  assert.ok(names.includes('Avonshire') && names.includes('England'), names.join(' | '));
  const cic = compare.locator('tbody tr[data-indicator="children_in_care"][data-unit="count"]');
  assert.match(await cic.innerText(), /512\s+2018-02/);
  // Sorting by a council's column puts its largest value first, then its smallest.
  const avonSort = compare.getByTestId('compare-sort').filter({ hasText: 'Avonshire' });
  await avonSort.click();
  const first = () => compare.locator('tbody tr').first().evaluate((r) => `${r.dataset.indicator} ${r.dataset.unit}`);
  assert.equal(await first(), 'children_in_care count');
  await avonSort.click();
  assert.equal(await first(), 'children_in_care per_10k');
  // The download is the table as shown: same rows, same order, a value and a date per column.
  const [csvFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('compare-csv').click()]);
  assert.equal(csvFile.suggestedFilename(), 'comparison.csv');
  const lines = readFileSync(await csvFile.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\n');
  assert.match(lines[0], /^indicator,unit,.*Avonshire,Avonshire when/);
  assert.equal(lines.length - 1, await compare.locator('tbody tr').count());
  assert.match(lines[1], /^children_in_care,per_10k,70,2017-03-31,/, 'in the order shown');
  assert.ok(lines.some((l) => /^children_in_care,count,.*512,2018-02/.test(l)), lines.join('\n'));
  const [xlsxFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('compare-xlsx').click()]);
  assert.equal(xlsxFile.suggestedFilename(), 'comparison.xlsx');
  assert.match(readFileSync(await xlsxFile.path()).toString('latin1'), /<v>512<\/v>/);
  // Years across: each council has its own rows.
  await page.getByTestId('compare-across').selectOption('periods');
  await compare.locator('thead', { hasText: '2017' }).waitFor();
  assert.ok((await compare.locator('tbody tr[data-indicator="children_in_care"]').count()) >= 2);
  // The chart of the per-10,000 rate has a line for the council and one for England; a point
  // leads to its sentence.
  await page.getByTestId('timeline-indicator').selectOption('children_in_care|per_10k');
  const canvas = page.getByTestId('timeline').getByTestId('chart');
  await canvas.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('[data-testid=timeline] canvas')?.dataset.points);
  const points = (await canvas.getAttribute('data-points')).split(' ').map((p) => p.split(',').map(Number));
  assert.equal(points.length, 2);
  await page.getByTestId('document').filter({ hasText: 'January 2017' }).click();
  await canvas.click({ position: { x: points[0][0], y: points[0][1] } });
  await page.locator('.documents li.selected').filter({ hasText: 'Pasted report' }).waitFor();
  await page.locator('mark.flash').waitFor({ state: 'attached' });
  // Every chart also downloads as SVG.
  const [svgFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('timeline').getByTestId('chart-svg').click()]);
  assert.match(svgFile.suggestedFilename(), /\.svg$/);
  const svg = readFileSync(await svgFile.path(), 'utf8');
  assert.match(svg, /^<svg/);
  assert.match(svg, /england/);
  await page.getByTestId('clear-all').click();
  assert.deepEqual(errors, []);
  await page.close();
});

test('a folder of reports: its text files are read, the others listed in one message', async () => {
  const { page, errors } = await openApp();
  await page.getByTestId('clear-all').click();
  const dir = mkdtempSync(join(tmpdir(), 'report-explorer-folder-'));
  const folder = join(dir, 'committee-papers');
  mkdirSync(join(folder, '2018'), { recursive: true });
  writeFileSync(join(folder, 'january.txt'), 'DATE: 26th January 2017\n\nAs at 13th January there are 366 children in care.');
  writeFileSync(join(folder, '2018', 'july.txt'), 'DATE: 4th July 2018\n\nAt 28th June there were 350 children in care.');
  writeFileSync(join(folder, 'minutes.pdf'), '%PDF-1.7');
  writeFileSync(join(folder, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  await page.getByTestId('folder-input').setInputFiles(folder);
  await page.getByTestId('errors').locator('li').nth(1).waitFor();
  const messages = await page.getByTestId('errors').innerText();
  assert.match(messages, /committee-papers: 1 file skipped .*logo\.png/);
  assert.match(messages, /minutes\.pdf: cannot read this PDF/);
  await page.locator('[data-testid=timeline-table] tr[data-when="2018-06-28"][data-value="350"]').waitFor();
  assert.equal(await page.getByTestId('document').count(), 2);
  rmSync(dir, { recursive: true, force: true });
  await page.getByTestId('clear-all').click();
  assert.deepEqual(errors, []);
  await page.close();
});

const DATA = join(root, 'tests/data');

test('Word and PDF files are read in a worker of their own: figures and tables as from the text', async () => {
  const { page, errors } = await openApp();
  await page.getByTestId('clear-all').click();
  await page.getByTestId('file-input').setInputFiles([
    join(DATA, 'pdf/tables/004_5e0b6194805aa9b6.pdf'),
    join(DATA, 'docx/tables/000_05802d0420be5ec8.docx'),
  ]);
  // The agenda pack's yearly table, rebuilt from the PDF's glyph positions.
  await page.locator('tr[data-indicator="entered_care"][data-value="111"]').waitFor({ timeout: 60_000 });
  const yearly = page.getByTestId('tables').locator('details.found-table').filter({ hasText: /18 rows × 4 columns/ });
  await yearly.locator('summary').click();
  // The table is drawn when the disclosure's toggle event arrives, a task after the click.
  await yearly.locator('table').waitFor();
  assert.match(await yearly.innerText(), /Entering\s+Leaving\s+Net[\s\S]*Total in 2001\s+111\s+95\s+16/);
  // Its pages are shown.
  assert.ok(await page.getByTestId('page-break').count() >= 2);
  await page.getByTestId('document').filter({ hasText: '.docx' }).click();
  await page.locator('tr[data-indicator="children_in_care"][data-value="366"]').waitFor();
  assert.deepEqual(errors, []);
  await page.getByTestId('clear-all').click();
  await page.close();
});

/** A ZIP bomb posing as a Word file: word/document.xml inflates to 200 MB, its header says 1 KB. */
function zipBomb() {
  const name = Buffer.from('word/document.xml');
  const body = deflateRawSync(Buffer.alloc(200 << 20, 0x20), { level: 9 });
  const header = (signature, central) => {
    const fields = [
      ...(central ? [[2, 20]] : []), [2, 20], [2, 0], [2, 8], [4, 0], [4, 0], [4, body.length], [4, 1024],
      [2, name.length], [2, 0], ...(central ? [[2, 0], [2, 0], [2, 0], [4, 0], [4, 0]] : []),
    ];
    const out = Buffer.alloc(4 + fields.reduce((n, [size]) => n + size, 0));
    out.writeUInt32LE(signature, 0);
    let at = 4;
    for (const [size, value] of fields) {
      if (size === 2) out.writeUInt16LE(value, at); else out.writeUInt32LE(value, at);
      at += size;
    }
    return Buffer.concat([out, name]);
  };
  const local = Buffer.concat([header(0x04034b50, false), body]);
  const central = header(0x02014b50, true);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(local.length, 16);
  return Buffer.concat([local, central, end]);
}

test('damaged, protected and scanned PDF and Word files each get their message; nothing is lost', async () => {
  const { page, errors } = await openApp();
  await page.getByTestId('clear-all').click();
  await page.getByTestId('example').first().click();
  await page.locator('tr[data-indicator="children_in_care"][data-value="366"]').waitFor();
  const pdf = readFileSync(join(DATA, 'pdf/text/000_05802d0420be5ec8.pdf'));
  const docx = readFileSync(join(DATA, 'docx/text/000_05802d0420be5ec8.docx'));
  await page.getByTestId('file-input').setInputFiles([
    { name: 'truncated.pdf', mimeType: 'application/pdf', buffer: pdf.subarray(0, pdf.length / 3) },
    { name: 'protected.pdf', mimeType: 'application/pdf', buffer: readFileSync(join(DATA, 'pdf/bad/protected.pdf')) },
    { name: 'scan.pdf', mimeType: 'application/pdf', buffer: readFileSync(join(DATA, 'pdf/bad/scan.pdf')) },
    { name: 'cut.docx', mimeType: 'application/octet-stream', buffer: docx.subarray(0, docx.length / 2) },
    // A damaged file on which the PDF parser panics: its worker dies and is started again.
    { name: 'panics.pdf', mimeType: 'application/pdf', buffer: readFileSync(join(DATA, 'pdf/bad/panics.pdf')) },
    { name: 'after.pdf', mimeType: 'application/pdf', buffer: pdf },
    { name: 'bomb.docx', mimeType: 'application/octet-stream', buffer: zipBomb() },
  ]);
  await page.getByTestId('errors').locator('li').nth(5).waitFor({ timeout: 60_000 });
  const messages = await page.getByTestId('errors').innerText();
  assert.match(messages, /truncated\.pdf: cannot read this PDF/);
  assert.match(messages, /protected\.pdf: cannot read this PDF: it is password-protected/);
  assert.match(messages, /scan\.pdf: cannot read this PDF: this PDF has no text layer/);
  assert.match(messages, /cut\.docx: cannot read this Word file: the archive's directory is missing or damaged/);
  assert.match(messages, /panics\.pdf: the file could not be read: its reader stopped/);
  assert.match(messages, /bomb\.docx: cannot read this Word file: its text expands to more than 64 MB \(a ZIP bomb\?\)/);
  // The reader, started again, reads the next file.
  // The document is listed as soon as its text is read; its figures follow from the engine.
  await page.getByTestId('document').filter({ hasText: 'after.pdf' }).click();
  await page.locator('tr[data-indicator="children_in_care"][data-value="366"]').waitFor();
  assert.equal(await page.getByTestId('document').count(), 2);
  assert.equal(await page.locator('tr[data-indicator="children_in_care"][data-value="366"]').count(), 1);
  assert.deepEqual(errors, []);
  await page.getByTestId('clear-all').click();
  await page.close();
});

test('a reader that stays silent on a file is stopped after its time limit; the file gets a message', async () => {
  // The reader's worker replaced by one that says it is ready and then never answers (as a
  // parser looping on a file would). No service worker, so that the replacement is fetched.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.route('**/report-explorer-reader_loader.js', (route) => route.fulfill({
    contentType: 'text/javascript',
    body: 'postMessage([JSON.stringify("Ready"), ""]); onmessage = () => {};',
  }));
  await page.goto(origin + '/');
  await page.getByTestId('paste').waitFor();
  await page.getByTestId('example').first().click();
  await page.locator('tr[data-indicator="children_in_care"][data-value="366"]').waitFor();
  await page.getByTestId('file-input').setInputFiles(join(DATA, 'pdf/text/000_05802d0420be5ec8.pdf'));
  await page.getByTestId('errors').locator('li').first().waitFor({ timeout: 40_000 });
  assert.match(await page.getByTestId('errors').innerText(), /000_05802d0420be5ec8\.pdf: reading it took too long \(the file may be damaged\); it was stopped/);
  assert.equal(await page.getByTestId('document').count(), 1);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test('hostile and broken input: each gets its message, the page stays responsive, nothing is lost', async () => {
  const { page, errors } = await openApp();
  await page.getByTestId('clear-all').click();
  await page.getByTestId('example').first().click();
  await page.locator('tr[data-indicator]').first().waitFor();
  // Files: over the size limit, empty, Windows-1252, deeply nested HTML.
  const dir = mkdtempSync(join(tmpdir(), 'report-explorer-e2e-'));
  const huge = join(dir, 'huge.txt');
  writeFileSync(huge, Buffer.alloc(65 << 20, 'a'));
  const nested = '<div>'.repeat(100000) + '<p>There are 366 children in care.</p>' + '</div>'.repeat(100000);
  const files = { 'empty.txt': Buffer.alloc(0), 'nested.html': Buffer.from(nested),
    'cp1252.txt': Buffer.from('DATE: 26th January 2017\n\nThe council\x92s 366 children in care \x96 up from 350.', 'latin1') };
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  await page.getByTestId('file-input').setInputFiles([huge, ...Object.keys(files).map((n) => join(dir, n))]);
  await page.getByTestId('errors').locator('li').nth(1).waitFor();
  const messages = await page.getByTestId('errors').innerText();
  assert.match(messages, /huge\.txt: the file is too large \(65 MB\); the limit is 64 MB/);
  assert.match(messages, /empty\.txt: /);
  await page.getByTestId('document').filter({ hasText: 'nested.html' }).waitFor();
  await page.getByTestId('document').filter({ hasText: 'cp1252.txt' }).click();
  await page.locator('tr[data-indicator="children_in_care"][data-value="366"]').waitFor();
  assert.match(await page.getByTestId('text-view').textContent(), /council’s 366 children in care – up/);
  // A whole report on one 10 MB line: read in the worker while the page answers.
  const flat = REPORT.replace(/\s+/g, ' ') + ' ';
  const line = flat.repeat(Math.ceil((10 << 20) / flat.length));
  await page.evaluate((t) => {
    const area = document.querySelector('[data-testid=paste]');
    area.value = t;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, line);
  await page.getByTestId('doc-name').fill('one line');
  await page.getByTestId('extract').click();
  await page.getByTestId('reading').waitFor();
  const started = Date.now();
  await page.evaluate(() => new Promise((ok) => setTimeout(ok, 0)));
  assert.ok(Date.now() - started < 1000, 'the page answers while the worker reads');
  await page.getByTestId('document').filter({ hasText: 'one line' }).filter({ hasText: 'indicator figures' }).waitFor({ timeout: 120000 });
  // Everything loaded before is still there.
  assert.equal(await page.getByTestId('document').filter({ hasText: 'January 2017' }).count(), 1);
  await page.getByTestId('clear-all').click();
  assert.deepEqual(errors, []);
  await page.close();
});

test('after its first visit the app works with no network (service worker)', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(origin + '/');
  await page.getByTestId('paste').waitFor();
  // Installed once every file of the build is cached; then it controls the page.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await page.getByTestId('example').first().click();
  await page.locator('tr[data-indicator="children_in_care"][data-value="366"]').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the Content-Security-Policy blocks requests to other origins, from the page and from its workers', async () => {
  const page = await browser.newPage();
  await page.goto(origin + '/');
  await page.getByTestId('paste').waitFor();
  const outcome = await page.evaluate(async () => {
    const seen = new Promise((ok) => document.addEventListener('securitypolicyviolation', (e) => ok(e.effectiveDirective), { once: true }));
    const fetched = await fetch('http://127.0.0.2:9/leak').then(() => 'sent', () => 'blocked');
    return [fetched, await seen];
  });
  assert.deepEqual(outcome, ['blocked', 'connect-src']);
  // The engine's worker has the policy of its own response's header.
  await page.getByTestId('example').first().click();
  await page.locator('tr[data-indicator="children_in_care"]').first().waitFor();
  const [worker] = page.workers().filter((w) => w.url().includes('report-explorer-worker'));
  assert.ok(worker, 'the engine runs in a worker');
  const fromWorker = await worker.evaluate(async () => {
    const seen = new Promise((ok) => {
      self.addEventListener('securitypolicyviolation', (e) => ok(e.effectiveDirective), { once: true });
      setTimeout(() => ok('no violation reported'), 10_000);
    });
    const fetched = await fetch('http://127.0.0.2:9/leak').then(() => 'sent', () => 'blocked');
    return [fetched, await seen];
  });
  assert.deepEqual(fromWorker, ['blocked', 'connect-src']);
  await page.getByTestId('clear-all').click();
  await page.close();
});

test('nothing is requested from another origin, and no page broke its Content-Security-Policy', () => {
  assert.deepEqual(violations, []);
  assert.deepEqual(foreign, []);
});
