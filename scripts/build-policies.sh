#!/usr/bin/env bash
# Runs the policy gate and builds dist/bundle (llmops policy build).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
node bin/llmops.js policy build "$@"
