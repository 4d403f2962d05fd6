#!/usr/bin/env bash
# Debian's chromium for the report's browser test (test/report-browser.test.ts), driven by
# playwright-core pointed at this system browser: no browser is downloaded from anywhere else.
# Idempotent: does nothing when a chromium of the pinned major version is already installed.
# Pin: the major version of Debian's chromium package (bookworm-security / trixie carry the current
# stable); the test relies only on the DevTools protocol that every recent major speaks.
set -euo pipefail
MIN_MAJOR=120
installed_major() {
  command -v chromium >/dev/null 2>&1 || return 1
  chromium --version 2>/dev/null | sed -n 's/^Chromium \([0-9][0-9]*\)\..*/\1/p'
}
major="$(installed_major || true)"
if [ -n "$major" ] && [ "$major" -ge "$MIN_MAJOR" ]; then
  echo "chromium $major already installed"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
echo "installed $(chromium --version)"
