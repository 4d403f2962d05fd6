#!/usr/bin/env bash
# Builds the real Pulumi engine from its Go modules into .tools (opt-in for users who already have
# the Pulumi CLI; always run by .ci/run so the end-to-end suite runs in CI):
#
#   .tools/bin/pulumi                        Pulumi CLI, pkg/v3 at the version of @pulumi/pulumi
#   .tools/libexec/pulumi-language-nodejs-upstream
#                                            Node.js language host, sdk/v3 v3.68.0 (see below)
#   .tools/bin/pulumi-language-nodejs        shim: that host + RunPlugin for Node.js policy packs
#   .tools/pulumi-home/plugins/resource-kubernetes-v<ver>/
#                                            Kubernetes provider, registered so it is never downloaded
#
# Version notes (the module proxy decides what can be built here):
# - The Node.js host moved out of sdk/v3 after v3.68.0 and its own module is refused by the proxy
#   at every version; v3.68.0 is the newest host that builds. It runs v3.248 programs, but it
#   cannot start policy packs (RunPlugin "not supported"), hence the shim in scripts/tools/pulumi.
# - The only Kubernetes provider version served is a pseudo-version (commit f47bc2d6f199,
#   2026-01-15). It is built from that source and registered under the version the npm SDK in
#   package.json asks for, because the SDK requests exactly that plugin version.
#
# Idempotent: each binary records what it was built from and is rebuilt only when that changes.
set -euo pipefail

PULUMI_VERSION="v3.248.0"             # = @pulumi/pulumi in package.json
NODEJS_HOST_VERSION="v3.68.0"         # newest Node.js host the proxy serves
K8S_PROVIDER_MODULE="github.com/pulumi/pulumi-kubernetes/provider/v4"
K8S_PROVIDER_SOURCE="v4.0.0-20260115033456-f47bc2d6f199"
K8S_PROVIDER_VERSION="4.34.2"         # = @pulumi/kubernetes in package.json

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${LLMOPS_TOOLS_DIR:-$ROOT/.tools}"
BIN="$TOOLS/bin"
LIBEXEC="$TOOLS/libexec"
SRC="$TOOLS/src"
export PULUMI_HOME="${LLMOPS_PULUMI_HOME:-$TOOLS/pulumi-home}"
mkdir -p "$BIN" "$LIBEXEC" "$SRC" "$PULUMI_HOME"

say() { printf 'install-engine: %s\n' "$*" >&2; }
fail() {
  say "$1"
  say "fix the cause above, then run: bash scripts/install-engine.sh"
  exit 1
}
elapsed() { echo "$(( $(date +%s) - $1 ))s"; }

command -v go >/dev/null 2>&1 || fail "the Go toolchain is not on PATH; install Go 1.26 or newer and re-run."
export GOFLAGS="${GOFLAGS:--buildvcs=false}"

stamped() { # stamped <binary> <module> <version>: Go records the main module's dependencies in the binary
  # Read whole, then matched: piping `go version -m` into an early-exiting grep dies of SIGPIPE under pipefail (issue 14).
  local stamp
  [ -x "$1" ] && stamp="$(go version -m "$1" 2>/dev/null)" \
    && grep -Eq "^[[:space:]]+(mod|dep)[[:space:]]+$2[[:space:]]+$3([[:space:]]|$)" <<<"$stamp"
}

# build_tool <name> <binary> <tools module dir> <module> <package> <version>: a pinned build from a
# tools module, skipped when the binary already records that module version; the version is stamped.
build_tool() {
  local name="$1" binary="$2" module_dir="$3" module="$4" package="$5" version="$6" start
  if stamped "$binary" "$module" "$version"; then
    say "$name $version already built"
    return
  fi
  say "building $name $version (several minutes on first run)"
  start=$(date +%s)
  (cd "$module_dir" && go build -trimpath \
    -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$version" \
    -o "$binary.tmp" "$package") || fail "building $name $version failed"
  mv "$binary.tmp" "$binary"
  say "$name built in $(elapsed "$start")"
}

# --- Pulumi CLI, and the upstream Node.js language host with the shim in front of it -----------
build_tool "the Pulumi CLI" "$BIN/pulumi" "$ROOT/scripts/tools/pulumi" \
  github.com/pulumi/pulumi/pkg/v3 github.com/pulumi/pulumi/pkg/v3/cmd/pulumi "$PULUMI_VERSION"
UPSTREAM_HOST="$LIBEXEC/pulumi-language-nodejs-upstream"
build_tool "the Node.js language host" "$UPSTREAM_HOST" "$ROOT/scripts/tools/pulumi-language-nodejs" \
  github.com/pulumi/pulumi/sdk/v3 github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs "$NODEJS_HOST_VERSION"

SHIM_SOURCE_DIGEST="$(cat "$ROOT/scripts/tools/pulumi/go.mod" "$ROOT/scripts/tools/pulumi/nodejs-host-shim/"*.go | sha256sum | cut -c1-16)"
if [ -x "$BIN/pulumi-language-nodejs" ] && [ "$(cat "$LIBEXEC/shim.digest" 2>/dev/null)" = "$SHIM_SOURCE_DIGEST" ]; then
  say "Node.js host shim already built"
else
  say "building the Node.js host shim"
  (cd "$ROOT/scripts/tools/pulumi" && go build -trimpath -o "$BIN/pulumi-language-nodejs.tmp" ./nodejs-host-shim) \
    || fail "building the Node.js host shim failed"
  mv "$BIN/pulumi-language-nodejs.tmp" "$BIN/pulumi-language-nodejs"
  printf '%s\n' "$SHIM_SOURCE_DIGEST" > "$LIBEXEC/shim.digest"
fi

# --- Kubernetes provider ------------------------------------------------------------------------
PLUGIN_DIR="$PULUMI_HOME/plugins/resource-kubernetes-v$K8S_PROVIDER_VERSION"
PROVIDER_BIN="$LIBEXEC/pulumi-resource-kubernetes"
# Built in a copy of the module, so the binary records no version of its own: a stamp file does.
if [ -x "$PROVIDER_BIN" ] && [ "$(cat "$LIBEXEC/kubernetes.source" 2>/dev/null)" = "$K8S_PROVIDER_SOURCE $K8S_PROVIDER_VERSION" ]; then
  say "Kubernetes provider $K8S_PROVIDER_VERSION already built"
else
  say "building the Kubernetes provider from $K8S_PROVIDER_SOURCE as $K8S_PROVIDER_VERSION (several minutes on first run)"
  start=$(date +%s)
  module_dir="$(go mod download -json "$K8S_PROVIDER_MODULE@$K8S_PROVIDER_SOURCE" \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const m=JSON.parse(s);if(m.Error){console.error(m.Error);process.exit(1)}process.stdout.write(m.Dir)})')" \
    || fail "downloading $K8S_PROVIDER_MODULE@$K8S_PROVIDER_SOURCE failed"
  work="$SRC/pulumi-kubernetes-provider"
  rm -rf "$work" && cp -R "$module_dir" "$work" && chmod -R u+w "$work"
  # The module as published cannot build by itself: main.go embeds schema-embed.json, which the
  # release process generates, and go.mod replaces the SDK with ../sdk, which is not in the module.
  (cd "$work/cmd/pulumi-resource-kubernetes" && VERSION="$K8S_PROVIDER_VERSION" go run generate.go) \
    || fail "generating the provider's embedded schema failed"
  (cd "$work" && go mod edit -dropreplace github.com/pulumi/pulumi-kubernetes/sdk/v4 \
    && GOFLAGS="$GOFLAGS -mod=mod" go build -trimpath \
      -ldflags "-X github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/version.Version=$K8S_PROVIDER_VERSION" \
      -o "$PROVIDER_BIN.tmp" ./cmd/pulumi-resource-kubernetes) || fail "building the Kubernetes provider failed"
  mv "$PROVIDER_BIN.tmp" "$PROVIDER_BIN"
  printf '%s %s\n' "$K8S_PROVIDER_SOURCE" "$K8S_PROVIDER_VERSION" > "$LIBEXEC/kubernetes.source"
  rm -rf "$work"
  say "Kubernetes provider built in $(elapsed "$start")"
fi
if ! cmp -s "$PROVIDER_BIN" "$PLUGIN_DIR/pulumi-resource-kubernetes"; then
  # Registered in the engine's plugin cache under the SDK's version, so no download is attempted.
  PULUMI_SKIP_UPDATE_CHECK=true "$BIN/pulumi" plugin install resource kubernetes "$K8S_PROVIDER_VERSION" \
    --file "$PROVIDER_BIN" >/dev/null || fail "registering the Kubernetes provider plugin failed"
fi

"$BIN/pulumi" version >&2
say "engine ready: PATH=$BIN:\$PATH PULUMI_HOME=$PULUMI_HOME"
