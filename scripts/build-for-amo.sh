#!/usr/bin/env bash
# Rebuilds the Firefox add-on from this source archive, as AMO reviewers are asked to.
# Needs Node.js 20.19+ and npm (network access to the npm registry for `npm ci`).
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
npm run build
echo "The Firefox add-on is in dist/firefox/ (compare with the submitted archive)."
