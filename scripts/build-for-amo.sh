#!/usr/bin/env bash
# Rebuilds the Firefox add-on from this source archive, for AMO reviewers.
# Needs Node.js 20.19 or later (with its npm); see BUILD-FOR-AMO.md.
# The result is dist/firefox, the same files as in tidyread-<version>-firefox.zip.
set -euo pipefail
cd "$(dirname "$0")"
[ -f package.json ] || cd .. # run from scripts/ in the repository

echo "node $(node --version), npm $(npm --version)"
npm ci --no-audit --no-fund
npm run build
echo "Firefox add-on built in $(pwd)/dist/firefox"
