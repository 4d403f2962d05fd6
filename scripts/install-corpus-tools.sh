#!/usr/bin/env bash
# Installs the tools the real-world corpus needs into .tools/bin with `go install`, apart from the
# quick start's tools because no test needs them: helm renders the public charts into
# test/corpus/ (scripts/render-corpus.sh), and kube-score is the benchmark peer on that corpus
# (bench/corpus-peer.mjs). Idempotent: a binary already at its pinned version is left alone.
set -euo pipefail

HELM_VERSION="v3.19.0"
KUBE_SCORE_VERSION="v1.20.0"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${LLMOPS_TOOLS_DIR:-$ROOT/.tools}/bin"
mkdir -p "$BIN"

say() { printf '%s\n' "$*" >&2; }
fail() { say "install-corpus-tools: $1"; exit 1; }

command -v go >/dev/null 2>&1 || fail "the Go toolchain is not on PATH; install Go 1.26 or newer and re-run."

have() { # have <binary> <module path> <version>: the module version Go stamped into the binary (read whole: no SIGPIPE)
  local stamp
  [ -x "$BIN/$1" ] || return 1
  stamp="$(go version -m "$BIN/$1" 2>/dev/null)" || return 1
  grep -Eq "^[[:space:]]+mod[[:space:]]+$2[[:space:]]+$3[[:space:]]" <<<"$stamp"
}

export GOBIN="$BIN"
export GOFLAGS="${GOFLAGS:--buildvcs=false}"

if have helm helm.sh/helm/v3 "$HELM_VERSION"; then
  say "helm $HELM_VERSION already installed"
else
  say "installing helm $HELM_VERSION"
  go install "helm.sh/helm/v3/cmd/helm@$HELM_VERSION" || fail "go install of helm $HELM_VERSION failed"
fi

if have kube-score github.com/zegl/kube-score "$KUBE_SCORE_VERSION"; then
  say "kube-score $KUBE_SCORE_VERSION already installed"
else
  say "installing kube-score $KUBE_SCORE_VERSION"
  go install "github.com/zegl/kube-score/cmd/kube-score@$KUBE_SCORE_VERSION" || fail "go install of kube-score $KUBE_SCORE_VERSION failed"
fi
