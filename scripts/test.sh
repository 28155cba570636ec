#!/usr/bin/env bash
# `npm test`: every test, from a fresh clone. Installs what the tests need
# (npm packages, Debian's chromium for the browser tests), type-checks,
# builds the app, then runs unit, integration, API and browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi

if [ ! -x /usr/bin/chromium ]; then
  echo "== installing Debian's chromium for the browser tests"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

if ! command -v xz >/dev/null; then
  echo "== installing xz-utils (the vdsm log tests compress logs with xz)"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq xz-utils >/dev/null
fi

echo "== type-checking"
node_modules/.bin/tsc --noEmit --incremental false

echo "== building the app"
mkdir -p test-results
node_modules/.bin/next build >test-results/build.log 2>&1 || { cat test-results/build.log; exit 1; }

echo "== running the tests"
node_modules/.bin/vitest run "$@"
