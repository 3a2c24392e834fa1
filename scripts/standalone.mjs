// Part of the post-build hook (scripts/post-build.mjs): writes report-explorer.html, the whole app in one HTML
// file that works when opened from disk (file://), with no server and no network.
//
// A page opened from disk may not load other files: scripts, WebAssembly, workers and fetches
// of file:// URLs are all refused. So every file of the build travels inside the page, base64
// in data blocks (<script type="application/octet-stream">, which browsers never run), and a
// small inline script turns them into what the served app would load:
// - the styles, inlined as a <style> element;
// - the page's wasm-bindgen glue, inlined as a module script (its exports dropped), started
//   with the page's WebAssembly from its data block;
// - each worker's loader: a blob: URL of the worker's glue followed by a call that starts it
//   with its WebAssembly (the bytes inside the worker's script);
// - the examples: blob: URLs.
// The blob: URLs are listed in window.__reportExplorer.files by file name, where the app looks
// for its files first (src/ui/app_files.rs). The Content-Security-Policy allows no network at
// all: only the page's own inline scripts (by hash), WebAssembly, and blob: workers and fetches.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const NAME = 'report-explorer.html';
const dir = process.env.TRUNK_STAGING_DIR ?? 'dist';
const index = readFileSync(join(dir, 'index.html'), 'utf8');
const read = (file) => readFileSync(join(dir, file.replace(/^\.?\//, '')));
const fail = (message) => {
  console.error(`standalone.mjs: ${message}`);
  process.exit(1);
};

// The page's glue and WebAssembly, from Trunk's loader in index.html.
const loader = index.match(/<script type="module">([\s\S]*?)<\/script>/)?.[1] ?? '';
const glueFile = loader.match(/from '([^']+\.js)'/)?.[1];
const wasmFile = loader.match(/module_or_path: '([^']+\.wasm)'/)?.[1];
const cssFile = index.match(/<link rel="stylesheet" href="([^"]+\.css)"/)?.[1];
if (!glueFile || !wasmFile || !cssFile) fail("Trunk's index.html is not as expected");

// The glue as a plain module script: no exports (nothing imports it), no imports (it has none).
const glue = read(glueFile)
  .toString('utf8')
  .replace(/^export \{[^}]*\};?\s*$/gm, '')
  .replace(/^export (?=(?:async )?function|class|const|let|var)/gm, '');
if (/^\s*(?:import|export)\b/m.test(glue)) fail('the page glue has imports or exports left');
if (/<\/script/i.test(glue)) fail('the page glue would end its <script> element early');

// Files of the build that the app loads after starting: worker loaders and examples.
const files = readdirSync(dir).filter((f) => f.endsWith('_loader.js') || f.endsWith('.txt')).sort();
const blocks = [];
const block = (id, bytes) => {
  blocks.push(`<script type="application/octet-stream" id="${id}">${bytes.toString('base64')}</script>`);
};
block('wasm:page', read(wasmFile));
for (const file of files) {
  if (file.endsWith('_loader.js')) {
    // Trunk's loader says importScripts("./X.js");wasm_bindgen("./X_bg.wasm"). Inlined: the
    // glue X.js, then wasm_bindgen started with the bytes of X_bg.wasm.
    const base = file.replace(/_loader\.js$/, '');
    block(`worker-glue:${file}`, read(`${base}.js`));
    block(`worker-wasm:${file}`, read(`${base}_bg.wasm`));
  } else {
    block(`file:${file}`, read(file));
  }
}

const start = `
const bytes = (id) => Uint8Array.from(atob(document.getElementById(id).textContent), (c) => c.charCodeAt(0));
const files = {};
for (const el of document.querySelectorAll('script[type="application/octet-stream"]')) {
  const [kind, name] = el.id.split(/:(.*)/s);
  if (kind === 'file') {
    files[name] = URL.createObjectURL(new Blob([bytes(el.id)], { type: 'text/plain;charset=utf-8' }));
  } else if (kind === 'worker-glue') {
    const wasm = document.getElementById('worker-wasm:' + name).textContent;
    const started = ';wasm_bindgen({ module_or_path: Uint8Array.from(atob("' + wasm + '"), (c) => c.charCodeAt(0)) });';
    files[name] = URL.createObjectURL(new Blob([bytes(el.id), started], { type: 'text/javascript' }));
  }
}
window.__reportExplorer = { files };
await __wbg_init({ module_or_path: bytes('wasm:page') });
`;
const script = `${glue}\n${start}`;
const hash = createHash('sha256').update(script, 'utf8').digest('base64');
const policy = [
  "default-src 'none'",
  `script-src 'wasm-unsafe-eval' 'sha256-${hash}'`,
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  'connect-src blob:',
  'worker-src blob:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// The served page's head, its loader, preloads and stylesheet replaced by what is inlined.
const head = index
  .match(/<head>([\s\S]*?)<\/head>/)[1]
  .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, `<meta http-equiv="Content-Security-Policy" content="${policy}" />`)
  .replace(/<script type="module">[\s\S]*?<\/script>/, '')
  .replace(/<link rel="(?:modulepreload|preload|stylesheet)"[^>]*>/g, '')
  .replace(/<!--[\s\S]*?-->/g, '')
  .replace(/\n\s*\n/g, '\n');
if (!head.includes(policy)) fail('could not place the Content-Security-Policy');
const css = read(cssFile).toString('utf8');
if (css.includes('</style')) fail('the styles would end their <style> element early');

const page = `<!DOCTYPE html>
<html lang="en">
<head>${head}<style>${css}</style>
${blocks.join('\n')}
<script type="module">${script}</script>
</head>
<body></body>
</html>
`;
writeFileSync(join(dir, NAME), page);
