#!/usr/bin/env bash
# Re-renders test/corpus/ from the sources recorded in test/corpus/sources.yaml (see
# scripts/render-corpus.mjs). Needs git and the pinned helm (bash scripts/install-corpus-tools.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec node "$ROOT/scripts/render-corpus.mjs" "$@"
