#!/usr/bin/env bash
# Debian's chromium for the report's browser test (test/report-browser.test.ts), driven by
# playwright-core pointed at this system browser: no browser is downloaded from anywhere else.
# Idempotent: does nothing when Debian's chromium of at least MIN_MAJOR is already installed.
# Pin: a floor on the major version, not an exact Debian version: Debian ships chromium through its
# security archive and drops superseded builds, so an exact pin would stop installing within weeks.
# Measured here: chromium 156.0.8078.108 (bookworm), 70 s cold; playwright-core 1.65.1 drives it
# over the DevTools protocol, which the test relies on alone.
set -euo pipefail
MIN_MAJOR=120
# Debian's binary; /usr/bin/chromium is a wrapper script around it.
BINARY=/usr/lib/chromium/chromium
installed_major() {
  [ -x "$BINARY" ] || return 1
  "$BINARY" --version 2>/dev/null | sed -n 's/^Chromium \([0-9][0-9]*\)\..*/\1/p'
}
major="$(installed_major || true)"
if [ -n "$major" ] && [ "$major" -ge "$MIN_MAJOR" ]; then
  echo "chromium $major already installed"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
echo "installed $("$BINARY" --version)"
