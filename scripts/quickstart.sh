#!/usr/bin/env bash
# Quick start on a fresh machine: install the npm dependencies and OPA (the only Go tool a first
# run needs), build the CLI and the policy bundle (the gate without Regal), then validate the
# bundled example spec. The exit code is llmops's own.
# Regal (the Rego linter) and conftest are not built here: `npm test` builds Regal on its first
# run (scripts/build-policies.sh) and keeps it in the gate; `npm run bench` builds conftest.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=lib/prepare.sh
source scripts/lib/prepare.sh
prepare quickstart opa
node scripts/quickstart-bundle.mjs
echo "--- llmops validate examples/airport-assistant.rag.yaml" >&2
node bin/llmops.js validate examples/airport-assistant.rag.yaml
