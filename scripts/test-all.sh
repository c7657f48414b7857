#!/usr/bin/env bash
# Installs what the tests need and runs every test: types, lint, unit tests (four time zones), the
# production build and the end-to-end tests in Debian's Chromium. `npm test` runs this.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "── install npm packages"
npm ci --no-audit --no-fund --loglevel=error

# Debian packages the end-to-end tests need: chromium (the browser), poppler-utils (pdftotext, to
# read the pages of a printed PDF).
missing=""
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing="$missing chromium"
command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
if [ -n "$missing" ]; then
  echo "── install Debian's$missing"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  fi
fi

mkdir -p .test-results
echo "── typecheck";  npx tsc -b
echo "── lint";       npx eslint . --max-warnings=0
echo "── unit tests"; npx vitest run --reporter=default --reporter=json --outputFile=.test-results/unit.json
echo "── unit tests in four time zones"; node scripts/run-tz-tests.mjs
echo "── build";      npx vite build && node scripts/build-single-file.mjs
echo "── end-to-end tests (Chromium)"
node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination=.test-results/e2e.tap e2e/
node scripts/summarise-tests.mjs
