#!/usr/bin/env bash
# Installs the pinned policy toolchain into .tools/bin with `go install`:
#   OPA (compiler, tester, differential oracle), Regal (linter), conftest (benchmark peer).
#   (helm and kube-score, for the real-world corpus, come from scripts/install-corpus-tools.sh.)
# Usage: install-tools.sh [opa] [regal] [conftest]   (default: opa regal)
#   the quick start builds opa only; scripts/build-policies.sh adds regal when missing; `npm run bench`
#   adds conftest, which only the benchmarks use.
# Idempotent: a binary already at its pinned version is left alone.
set -euo pipefail

OPA_VERSION="v1.22.3"
REGAL_VERSION="v0.37.0"      # pinned in scripts/tools/regal/go.mod (+ go.sum)
CONFTEST_VERSION="v0.71.1"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${LLMOPS_TOOLS_DIR:-$ROOT/.tools}/bin"
mkdir -p "$BIN"

say() { printf '%s\n' "$*" >&2; }
fail() {
  say "install-tools: $1"
  say "install-tools: fix the cause above, then run: bash scripts/install-tools.sh"
  exit 1
}

command -v go >/dev/null 2>&1 || fail "the Go toolchain is not on PATH; install Go 1.26 or newer (https://go.dev/doc/install) and re-run."

have() { # have <binary> <module path> <version>: reads the module version Go stamped into the binary
  # The report is read whole before grep looks at it: piping `go version -m` into a quiet grep under pipefail
  # fails with 141 whenever grep exits on its match before go has written everything (SIGPIPE).
  local stamp
  [ -x "$BIN/$1" ] && stamp="$(go version -m "$BIN/$1" 2>/dev/null)" \
    && grep -Eq "^[[:space:]]+mod[[:space:]]+$2[[:space:]]+$3[[:space:]]" <<<"$stamp"
}

TOOLS=" ${*:-opa regal} "
for tool in $TOOLS; do
  case "$tool" in opa|regal|conftest) ;; *) fail "unknown tool $tool (known: opa regal conftest)" ;; esac
done
wanted() { [[ "$TOOLS" == *" $1 "* ]]; }

export GOBIN="$BIN"
export GOFLAGS="${GOFLAGS:--buildvcs=false}"

# go_install <tool> <module path> <version> [note]: go install of a wanted tool not already at its version.
go_install() {
  local tool="$1" module="$2" version="$3" note="${4:-}"
  wanted "$tool" || return 0
  if have "$tool" "$module" "$version"; then
    say "$tool $version already installed"
  else
    say "installing $tool $version$note"
    go install "$module@$version" || fail "go install of $tool $version failed"
  fi
}

go_install opa github.com/open-policy-agent/opa "$OPA_VERSION" " (go install; a few minutes on first run)"

if ! wanted regal; then
  :
elif have regal github.com/open-policy-agent/regal "$REGAL_VERSION"; then
  say "regal $REGAL_VERSION already installed"
else
  say "installing regal $REGAL_VERSION"
  # Regal's module path is not listed by the module proxy's version list and is absent from
  # the checksum database, so `go install regal@v` fails on "loading deprecation". Building
  # from a pinned tools module works, and its committed go.sum still pins every hash.
  (cd "$ROOT/scripts/tools/regal" && GONOSUMDB=github.com/open-policy-agent/regal GOFLAGS=-mod=mod \
    go build -o "$BIN/regal" github.com/open-policy-agent/regal) || fail "building regal $REGAL_VERSION failed"
fi

go_install conftest github.com/open-policy-agent/conftest "$CONFTEST_VERSION"

# The first line only, cut in the shell: piping `opa version` into a first-line filter kills opa with SIGPIPE when it
# exits first, and pipefail turns that into a silent exit 141 (issue 14).
if wanted opa; then
  opa_version="$("$BIN/opa" version)" || fail "$BIN/opa does not run"
  say "${opa_version%%$'\n'*}"
fi
