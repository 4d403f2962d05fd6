#!/usr/bin/env bash
# Installs npm dependencies and the pinned Go tools, then builds the CLI (and the policy
# bundle once policies exist). Safe to re-run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
command -v node >/dev/null 2>&1 || { echo "setup: Node.js 20.19+ is required" >&2; exit 1; }
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
bash scripts/install-tools.sh
npm run --silent build
if [ -f scripts/build-policies.sh ]; then bash scripts/build-policies.sh; fi
