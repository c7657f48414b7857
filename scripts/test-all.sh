#!/usr/bin/env bash
# Installs what the tests need and runs every test: types, lint, unit tests (four time zones), the
# production build and the end-to-end tests in Debian's Chromium. `npm test` runs this.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "── install npm packages"
npm ci --no-audit --no-fund --loglevel=error

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "── install Debian's chromium (headless browser for the end-to-end tests)"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi

mkdir -p .test-results
echo "── typecheck";  npx tsc -b
echo "── lint";       npx eslint . --max-warnings=0
echo "── unit tests"; npx vitest run --reporter=default --reporter=json --outputFile=.test-results/unit.json
echo "── unit tests in four time zones"; node scripts/run-tz-tests.mjs
echo "── build";      npx vite build
echo "── end-to-end tests (Chromium)"
node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination=.test-results/e2e.tap e2e/
node scripts/summarise-tests.mjs
