// What the end-to-end tests and the budget benchmark share: the built app (dist/) served on
// 127.0.0.1, Debian's Chromium launched headless with a fresh profile and no background
// networking (see ../shared/guide/toolchain.md), and a look into the app's IndexedDB.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, extname, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { HEADER_POLICY } from '../../scripts/policy.mjs';

/** The repository's root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(root, 'dist');
const TYPES = { '.txt': 'text/plain; charset=utf-8', '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

/** Serves dist/ on a free port, every file with the app's Content-Security-Policy header (as
 * `trunk serve` sends it); resolves to { origin, close }. */
export async function serveDist() {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    try {
      const body = await readFile(join(dist, path === '/' ? 'index.html' : path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'text/html', 'content-security-policy': HEADER_POLICY });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/** Headless Chromium; launch() gives it a fresh temporary profile of its own. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** The records of one IndexedDB store of the app, as [key, value] pairs. */
export function storedRecords(page, store) {
  return page.evaluate((store) => new Promise((ok, fail) => {
    const open = indexedDB.open('report-explorer');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction(store).objectStore(store).getAllKeys();
      request.onsuccess = () => {
        const keys = request.result;
        const values = open.result.transaction(store).objectStore(store).getAll();
        values.onsuccess = () => { ok(keys.map((k, i) => [k, values.result[i]])); open.result.close(); };
      };
    };
  }), store);
}

/** Waits until the app's IndexedDB holds `count` documents. */
export function waitForStored(page, count) {
  return page.waitForFunction((count) => new Promise((ok) => {
    const open = indexedDB.open('report-explorer');
    open.onsuccess = () => {
      const request = open.result.transaction('documents').objectStore('documents').count();
      request.onsuccess = () => { ok(request.result === count); open.result.close(); };
    };
  }), count, { timeout: 60_000 });
}
