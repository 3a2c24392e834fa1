// Trunk's post-build hook (Trunk.toml), run once the app is built into the staging directory.
// Trunk starts the hooks of a stage together, so the steps that depend on each other run here,
// in order (an import runs its module to the end before the next begins):
import './csp.mjs'; // the Content-Security-Policy of index.html
import './standalone.mjs'; // report-explorer.html, from index.html as the CSP left it
import './offline.mjs'; // the service worker, listing the files as they now are
