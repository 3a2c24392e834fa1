// Part of the post-build hook (scripts/post-build.mjs): writes the app's Content-Security-Policy
// (Trunk.toml, scripts/policy.mjs) into the built index.html, so that it holds however the
// page is served. Only the app's own files may load or be fetched. The one inline script,
// Trunk's wasm loader, is allowed by its SHA-256 in place of the header's 'unsafe-inline';
// the hash changes with every build, hence a hook.
//
// Inline styles stay allowed: plotters measures chart text with an inline-styled <span>, and
// styles can fetch nothing from elsewhere, since every other kind of load is limited to 'self'.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { HEADER_POLICY } from './policy.mjs';

const file = join(process.env.TRUNK_STAGING_DIR ?? 'dist', 'index.html');
let html = readFileSync(file, 'utf8');
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
  .map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
const policy = HEADER_POLICY.replace(/(script-src[^;]*?) 'unsafe-inline'/, (_, directive) => `${directive} ${hashes.join(' ')}`.trim());
if (policy.match(/script-src[^;]*'unsafe-inline'/) || policy === HEADER_POLICY) {
  console.error("csp.mjs: the policy's script-src must allow 'unsafe-inline' for the hook to replace");
  process.exit(1);
}
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '');
html = html.replace(/(<meta charset="utf-8" \/>)/, (charset) => `${charset}\n    ${meta}`);
if (!html.includes(meta)) {
  console.error(`csp.mjs: could not place the Content-Security-Policy in ${file}`);
  process.exit(1);
}
writeFileSync(file, html);
