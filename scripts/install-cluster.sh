#!/usr/bin/env bash
# Builds a local Kubernetes control plane from Go modules, for the cluster suite (test/cluster/) and
# scripts/cluster.sh; run by .ci/run so that suite runs in CI:
#
#   .tools/kubernetes/bin/kube-apiserver   k8s.io/kubernetes v1.37.2, cmd/kube-apiserver
#   .tools/kubernetes/bin/etcd             go.etcd.io/etcd/server/v3 v3.7.0 (the version v1.37.2 requires)
#
# The tools module (scripts/tools/kubernetes) pins k8s.io/kubernetes and replaces each of its 33
# staging modules (k8s.io/api, k8s.io/apimachinery, …) with the release published beside it
# (v0.37.2): the published k8s.io/kubernetes module requires them at v0.0.0 through ./staging
# replaces that only work inside its own repository. etcd is built from the same module graph
# (scripts/tools/kubernetes/cmd/etcd calls the upstream etcdmain.Main), so the server and its store
# come from one pin. No kubelet, scheduler or controller manager is built: see scripts/cluster.sh.
#
# Idempotent: the binaries are rebuilt only when the tools module (go.mod, go.sum, cmd/) changes.
# It prints its build time; cold, it is the longest install step (see the closing note of issue 23).
set -euo pipefail

K8S_VERSION="v1.37.2"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${LLMOPS_TOOLS_DIR:-$ROOT/.tools}"
OUT="$TOOLS/kubernetes/bin"
MODULE_DIR="$ROOT/scripts/tools/kubernetes"
mkdir -p "$OUT"

say() { printf 'install-cluster: %s\n' "$*" >&2; }
fail() {
  say "$1"
  say "fix the cause above, then run: bash scripts/install-cluster.sh"
  exit 1
}
command -v go >/dev/null 2>&1 || fail "the Go toolchain is not on PATH; install Go 1.26 or newer and re-run."

DIGEST="$(cat "$MODULE_DIR/go.mod" "$MODULE_DIR/go.sum" "$MODULE_DIR"/cmd/*/*.go | sha256sum | cut -c1-16)"
if [ -x "$OUT/kube-apiserver" ] && [ -x "$OUT/etcd" ] && [ "$(cat "$OUT/.digest" 2>/dev/null)" = "$DIGEST" ]; then
  say "kube-apiserver $K8S_VERSION and etcd already built"
  exit 0
fi

say "building kube-apiserver $K8S_VERSION and etcd from Go modules (a long first build: over 70 minutes on a heavily shared 2-core machine)"
start=$(date +%s)
tmp="$OUT/.build"
rm -rf "$tmp" && mkdir -p "$tmp"
# The version stamps kube-apiserver reports on /version (clients such as the Pulumi provider read it).
ldflags="-s -w"
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  ldflags="$ldflags -X $pkg.gitVersion=$K8S_VERSION -X $pkg.gitMajor=1 -X $pkg.gitMinor=37 -X $pkg.gitTreeState=clean"
done
(cd "$MODULE_DIR" && GOFLAGS="-mod=mod -buildvcs=false" go build -trimpath -ldflags "$ldflags" \
  -o "$tmp/" k8s.io/kubernetes/cmd/kube-apiserver ./cmd/etcd) || fail "building kube-apiserver and etcd failed"
mv "$tmp/kube-apiserver" "$OUT/kube-apiserver"
mv "$tmp/etcd" "$OUT/etcd"
rm -rf "$tmp"
printf '%s\n' "$DIGEST" > "$OUT/.digest"
say "built in $(( $(date +%s) - start ))s"
"$OUT/kube-apiserver" --version >&2
