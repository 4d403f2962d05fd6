#!/usr/bin/env bash
# Runs the policy gate and builds dist/bundle (llmops policy build). The gate includes Regal; after
# the quick start (which builds OPA only) the first run builds Regal here (scripts/install-tools.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ ! -x "${LLMOPS_TOOLS_DIR:-.tools}/bin/regal" ] && ! command -v regal >/dev/null 2>&1; then
  bash scripts/install-tools.sh regal
fi
node bin/llmops.js policy build "$@"
