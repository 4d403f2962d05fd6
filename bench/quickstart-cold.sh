#!/usr/bin/env bash
# Times the README's first command (npm run quickstart) on a machine state with empty Go caches:
# a fresh clone of this checkout (HEAD), a new GOMODCACHE, GOCACHE, HOME and tools directory, so
# OPA is downloaded from the Go module proxy and compiled from nothing. npm's own cache is kept
# (npm ci installs from it, as CI's cached npm would); pass --cold-npm to empty that too.
# Writes bench/results/quickstart.json and prints the wall time. Usage: bash bench/quickstart-cold.sh [--cold-npm]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
npm_cache="$(npm config get cache)"
[ "${1:-}" = "--cold-npm" ] && npm_cache="$work/npm-cache"
commit="$(git -C "$ROOT" rev-parse --short HEAD)"
git clone -q "$ROOT" "$work/checkout"
mkdir -p "$work/home" "$work/gomod" "$work/gocache"
start=$(date +%s.%N)
status=0
(cd "$work/checkout" && env HOME="$work/home" GOMODCACHE="$work/gomod" GOCACHE="$work/gocache" GOPATH="$work/home/go" \
  npm_config_cache="$npm_cache" npm run quickstart) > "$work/log" 2>&1 || status=$?
end=$(date +%s.%N)
seconds=$(node -e "console.log((Number(process.argv[1]) - Number(process.argv[2])).toFixed(1))" "$end" "$start")
tail -5 "$work/log" >&2
node -e '
  const [seconds, status, commit, coldNpm] = process.argv.slice(1);
  const os = require("node:os");
  const out = { command: "npm run quickstart", wallSeconds: Number(seconds), exitStatus: Number(status), commit,
    state: { goModuleCache: "empty", goBuildCache: "empty", home: "empty", npmCache: coldNpm === "1" ? "empty" : "kept (as CI caches it)" },
    machine: { cpus: os.cpus().length, loadAverage1m: os.loadavg()[0], node: process.version, date: new Date().toISOString() } };
  require("node:fs").writeFileSync(process.argv[5], JSON.stringify(out, null, 2) + "\n");
' "$seconds" "$status" "$commit" "$([ "${1:-}" = "--cold-npm" ] && echo 1 || echo 0)" "$ROOT/bench/results/quickstart.json"
echo "npm run quickstart: ${seconds} s (exit ${status})"
