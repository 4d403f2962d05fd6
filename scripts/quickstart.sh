#!/usr/bin/env bash
# Quick start on a fresh machine: install everything, build the CLI and the policy bundle,
# then validate the bundled example spec. The exit code is llmops's own.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/setup.sh
echo "--- llmops validate examples/airport-assistant.rag.yaml" >&2
node bin/llmops.js validate examples/airport-assistant.rag.yaml
