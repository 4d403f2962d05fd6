#!/usr/bin/env bash
# Installs pre-commit from the Debian archive (package pre-commit, pinned below) for
# test/pre-commit-hooks.test.ts, which runs the hooks of .pre-commit-hooks.yaml with it.
# Only the tests need it: users of the hooks bring their own pre-commit.
# Idempotent: an installed pre-commit at the pinned version is left alone.
set -euo pipefail

PRE_COMMIT_DEB_VERSION="3.0.4-1" # Debian 12 (bookworm)

say() { printf '%s\n' "$*" >&2; }

installed="$(dpkg-query -W -f='${Version}' pre-commit 2>/dev/null || true)"
if [ "$installed" = "$PRE_COMMIT_DEB_VERSION" ] && command -v pre-commit >/dev/null 2>&1; then
  say "pre-commit $PRE_COMMIT_DEB_VERSION already installed"
  exit 0
fi
command -v apt-get >/dev/null 2>&1 || { say "install-pre-commit: apt-get is not available; install pre-commit $PRE_COMMIT_DEB_VERSION another way (pip install pre-commit==3.0.4)"; exit 1; }
run_as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }
say "installing pre-commit $PRE_COMMIT_DEB_VERSION (apt-get)"
run_as_root apt-get update -qq
run_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "pre-commit=$PRE_COMMIT_DEB_VERSION" >/dev/null
pre-commit --version >&2
