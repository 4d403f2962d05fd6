#!/usr/bin/env bash
# A local Kubernetes control plane for tests, from real components built by scripts/install-cluster.sh:
# etcd and kube-apiserver on loopback, as the current user, with certificates and a kubeconfig
# generated under a temporary directory.
#
#   bash scripts/cluster.sh up [DIR]    start; prints DIR (KUBECONFIG is DIR/kubeconfig, env in DIR/env)
#   bash scripts/cluster.sh down DIR    stop both processes and delete DIR
#
# What runs, and what does not:
# - etcd (client and peer URLs on 127.0.0.1, plain HTTP: it is reachable only from this machine and
#   only the API server talks to it) and kube-apiserver (TLS on 127.0.0.1, client-certificate
#   authentication, RBAC, the default admission plugins, so ValidatingAdmissionWebhooks run).
# - No kubelet, scheduler or controller manager. Objects are stored, validated, defaulted and
#   admitted exactly as by a real cluster, but nothing acts on them: a Deployment gets no
#   ReplicaSet, a Pod stays Pending and unscheduled, a deleted Namespace is never finalised, and
#   no ServiceAccount token is minted into a Secret. Tests must not wait for readiness (the Pulumi
#   deploy uses skip-await annotations for that reason).
# - The StorageObjectInUseProtection admission plugin is off: it puts a kubernetes.io/pvc-protection
#   finalizer on every PersistentVolumeClaim, which only the PVC-protection controller (in the
#   controller manager) removes, so no claim could ever be deleted here. A real cluster keeps it on.
# - Service IPs are allocated from --service-cluster-ip-range, but nothing routes to them; admission
#   webhooks are reached by URL on 127.0.0.1.
#
# It stops by itself: with LLMOPS_CLUSTER_OWNER_PID set (the test runner's pid), a watchdog tears the
# plane down when that process is gone, so a crashed suite leaves nothing running.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${LLMOPS_TOOLS_DIR:-$ROOT/.tools}"
KBIN="$TOOLS/kubernetes/bin"

say() { printf 'cluster: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

free_port() { # an unused loopback TCP port, chosen by the kernel
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{process.stdout.write(String(s.address().port));s.close()})'
}

stop_pid() { # stop_pid <pidfile>: TERM, then KILL after 10 s
  local pid
  [ -f "$1" ] || return 0
  pid="$(cat "$1")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$1"
}

down() {
  local dir="$1"
  [ -d "$dir" ] || return 0
  [ -f "$dir/apiserver.pid" ] || [ -f "$dir/etcd.pid" ] || [ -f "$dir/env" ] || die "$dir is not a cluster directory"
  stop_pid "$dir/watchdog.pid"
  stop_pid "$dir/apiserver.pid"
  stop_pid "$dir/etcd.pid"
  rm -rf "$dir"
}

certificates() { # CA, API server serving cert, admin client cert, service-account signing key
  local dir="$1" pki="$1/pki"
  mkdir -p "$pki"
  (
    cd "$pki"
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=llmops-test-ca" \
      -keyout ca.key -out ca.crt 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=kube-apiserver" -keyout apiserver.key -out apiserver.csr 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc\nextendedKeyUsage=serverAuth\n' > apiserver.ext
    openssl x509 -req -in apiserver.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -extfile apiserver.ext -out apiserver.crt 2>/dev/null
    # system:masters: the admin identity the tests and `pulumi up` use.
    openssl req -newkey rsa:2048 -nodes -subj "/O=system:masters/CN=llmops-admin" -keyout admin.key -out admin.csr 2>/dev/null
    printf 'extendedKeyUsage=clientAuth\n' > admin.ext
    openssl x509 -req -in admin.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -extfile admin.ext -out admin.crt 2>/dev/null
    openssl genrsa -out sa.key 2048 2>/dev/null
    openssl rsa -in sa.key -pubout -out sa.pub 2>/dev/null
    chmod 600 ./*.key
  ) || die "generating certificates with openssl failed"
}

kubeconfig() {
  local dir="$1" port="$2" b64
  b64() { base64 -w0 < "$1"; }
  cat > "$dir/kubeconfig" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: llmops-local
  cluster:
    server: https://127.0.0.1:$port
    certificate-authority-data: $(b64 "$dir/pki/ca.crt")
users:
- name: llmops-admin
  user:
    client-certificate-data: $(b64 "$dir/pki/admin.crt")
    client-key-data: $(b64 "$dir/pki/admin.key")
contexts:
- name: llmops-local
  context:
    cluster: llmops-local
    user: llmops-admin
current-context: llmops-local
EOF
  chmod 600 "$dir/kubeconfig"
}

up() {
  local dir="${1:-}" etcd_port peer_port api_port
  [ -x "$KBIN/kube-apiserver" ] && [ -x "$KBIN/etcd" ] || die "kube-apiserver and etcd are not built; run: bash scripts/install-cluster.sh"
  command -v openssl >/dev/null 2>&1 || die "openssl is not on PATH (Debian package openssl)"
  if [ -z "$dir" ]; then dir="$(mktemp -d "${TMPDIR:-/tmp}/llmops-cluster.XXXXXX")"; else mkdir -p "$dir"; fi
  dir="$(cd "$dir" && pwd)"
  certificates "$dir"
  etcd_port="$(free_port)"; peer_port="$(free_port)"; api_port="$(free_port)"

  "$KBIN/etcd" --name llmops --data-dir "$dir/etcd" \
    --listen-client-urls "http://127.0.0.1:$etcd_port" --advertise-client-urls "http://127.0.0.1:$etcd_port" \
    --listen-peer-urls "http://127.0.0.1:$peer_port" --initial-advertise-peer-urls "http://127.0.0.1:$peer_port" \
    --initial-cluster "llmops=http://127.0.0.1:$peer_port" --log-level warn \
    > "$dir/etcd.log" 2>&1 &
  echo $! > "$dir/etcd.pid"

  "$KBIN/kube-apiserver" \
    --etcd-servers "http://127.0.0.1:$etcd_port" \
    --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$api_port" \
    --tls-cert-file "$dir/pki/apiserver.crt" --tls-private-key-file "$dir/pki/apiserver.key" \
    --client-ca-file "$dir/pki/ca.crt" \
    --service-account-issuer https://kubernetes.default.svc \
    --service-account-key-file "$dir/pki/sa.pub" --service-account-signing-key-file "$dir/pki/sa.key" \
    --service-cluster-ip-range 10.96.0.0/16 \
    --authorization-mode Node,RBAC \
    --endpoint-reconciler-type none \
    --allow-privileged=true \
    --disable-admission-plugins StorageObjectInUseProtection \
    --cert-dir "$dir/pki" \
    --v 1 \
    > "$dir/apiserver.log" 2>&1 &
  echo $! > "$dir/apiserver.pid"

  local ca="$dir/pki/ca.crt" url="https://127.0.0.1:$api_port"
  for _ in $(seq 1 600); do
    if curl -fsS --cacert "$ca" --cert "$dir/pki/admin.crt" --key "$dir/pki/admin.key" "$url/readyz" >/dev/null 2>&1; then
      break
    fi
    if ! kill -0 "$(cat "$dir/apiserver.pid")" 2>/dev/null || ! kill -0 "$(cat "$dir/etcd.pid")" 2>/dev/null; then
      tail -n 20 "$dir/etcd.log" "$dir/apiserver.log" >&2 || true
      down "$dir"; die "the control plane exited while starting"
    fi
    sleep 0.2
  done
  curl -fsS --cacert "$ca" --cert "$dir/pki/admin.crt" --key "$dir/pki/admin.key" "$url/readyz" >/dev/null 2>&1 \
    || { tail -n 20 "$dir/apiserver.log" >&2; down "$dir"; die "the API server was not ready within 120 s"; }
  kubeconfig "$dir" "$api_port"
  printf 'KUBECONFIG=%s\nLLMOPS_CLUSTER_SERVER=%s\nLLMOPS_CLUSTER_CA=%s\n' "$dir/kubeconfig" "$url" "$ca" > "$dir/env"

  if [ -n "${LLMOPS_CLUSTER_OWNER_PID:-}" ]; then
    # Detached from this shell's stdout, so a caller reading our output is not held open by it.
    ( while kill -0 "$LLMOPS_CLUSTER_OWNER_PID" 2>/dev/null && [ -d "$dir" ]; do sleep 2; done
      rm -f "$dir/watchdog.pid"; down "$dir" ) </dev/null >/dev/null 2>&1 &
    echo $! > "$dir/watchdog.pid"
  fi
  say "API server ready at $url (KUBECONFIG=$dir/kubeconfig)"
  printf '%s\n' "$dir"
}

case "${1:-}" in
  up) up "${2:-}" ;;
  down) [ -n "${2:-}" ] || die "usage: cluster.sh down DIR"; down "$2" ;;
  *) die "usage: cluster.sh up [DIR] | down DIR" ;;
esac
