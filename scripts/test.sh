#!/usr/bin/env bash
# `npm test`: every test, from a fresh clone. Installs what the tests need
# (npm packages, Debian's chromium for the browser tests and prometheus for
# the fleet tests), type-checks, builds the app and its package, then runs
# unit, integration, API, fleet and browser tests.
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

if [ ! -x /usr/bin/promtool ] || [ ! -x /usr/bin/prometheus ]; then
  echo "== installing Debian's prometheus (promtool and a server for the fleet tests)"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  # --no-install-recommends: the server and promtool only, no exporters started as services
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends prometheus >/dev/null
fi

# The hanging-storage tests mount a FUSE file system (test/support/hang-fs.py); the bind tests use curl in a network namespace.
missing=""
[ -x /usr/bin/fusermount3 ] || missing="$missing fuse3"
/usr/bin/python3 -c 'import fusepy' 2>/dev/null || missing="$missing python3-fusepy"
command -v curl >/dev/null || missing="$missing curl"
command -v ip >/dev/null || missing="$missing iproute2"
if [ -n "$missing" ]; then
  echo "== installing$missing for the hanging-storage and bind tests"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
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

echo "== packaging the app (npm run package), for the test that unpacks it"
rm -rf test-results/package
node scripts/package.mjs --out test-results/package >test-results/package.log 2>&1 || { cat test-results/package.log; exit 1; }
MAILBOX_PACKAGE_ARCHIVE="$(ls "$PWD"/test-results/package/*.tar.gz)"
export MAILBOX_PACKAGE_ARCHIVE

echo "== running the tests"
node_modules/.bin/vitest run "$@"
