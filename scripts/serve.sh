#!/usr/bin/env bash
# Installs whatever is missing, builds the web app and serves it on http://127.0.0.1:8080/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/target/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
echo "Report Explorer: http://127.0.0.1:8080/"
exec trunk serve --release --offline
