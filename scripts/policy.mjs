// The app's Content-Security-Policy, as Trunk.toml's [serve.headers] states it (written once,
// there). Read by scripts/csp.mjs and by the end-to-end tests' server.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const toml = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'Trunk.toml'), 'utf8');
const policy = toml.match(/^"Content-Security-Policy" = "([^"]+)"$/m)?.[1];
if (!policy) throw new Error('Trunk.toml states no Content-Security-Policy under [serve.headers]');

/** The policy sent as a header with every file of the served app. */
export const HEADER_POLICY = policy;
