#!/usr/bin/env bash
# Progress lines for long scripts (npm test): on a TTY, each step's name, its number and the
# minutes elapsed so far, on stderr; nothing when stderr is not a terminal (CI logs stay as they
# were). Source it, set PROGRESS_TOTAL, then call `progress_step "<what>"` before each step.
PROGRESS_START="${PROGRESS_START:-$(date +%s)}"
PROGRESS_INDEX=0
progress_step() {
  PROGRESS_INDEX=$((PROGRESS_INDEX + 1))
  [ -t 2 ] || return 0
  local elapsed=$(( $(date +%s) - PROGRESS_START ))
  printf '\n[npm test %d/%s, %dm%02ds] %s\n' "$PROGRESS_INDEX" "${PROGRESS_TOTAL:-?}" $((elapsed / 60)) $((elapsed % 60)) "$1" >&2
}
