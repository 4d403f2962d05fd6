#!/usr/bin/env bash
# Installs npm dependencies and the pinned Go tools, then builds the CLI (and the policy
# bundle once policies exist). Safe to re-run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=lib/prepare.sh
source scripts/lib/prepare.sh
prepare setup
if [ -f scripts/build-policies.sh ]; then bash scripts/build-policies.sh; fi
