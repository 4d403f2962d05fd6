#!/usr/bin/env bash
# The quick start, N times in a row, beside CPU hogs (issue 14: it once died of SIGPIPE under load
# in 4 of 8 runs). Each run is the README's first command (`npm run quickstart`) in this checkout
# with its tools and node_modules already present, so what is exercised is everything after the
# installs: the tool version probes, the build, the bundle gate and the validation.
#
#   bash bench/quickstart-loop.sh [RUNS=20] [HOGS=number of CPUs]
#
# Writes bench/results/quickstart-loop.json (runs, exit code and wall seconds of each, load
# averages) and exits 1 if any run failed. A run's own output goes to bench/.work/quickstart-loop/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RUNS="${1:-20}"
HOGS="${2:-$(nproc)}"
WORK="$ROOT/bench/.work/quickstart-loop"
rm -rf "$WORK" && mkdir -p "$WORK"

# Busy loops, one a CPU, the "stress"-like background work; killed on any exit.
hog_pids=()
stop_hogs() { for pid in "${hog_pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap stop_hogs EXIT
for _ in $(seq 1 "$HOGS"); do
  node -e 'for (;;) {}' &
  hog_pids+=("$!")
done

results=()
failed=0
for run in $(seq 1 "$RUNS"); do
  start=$(date +%s.%N)
  set +e
  npm run --silent quickstart > "$WORK/run-$run.log" 2>&1
  status=$?
  set -e
  end=$(date +%s.%N)
  seconds=$(node -e "console.log((Number(process.argv[1]) - Number(process.argv[2])).toFixed(1))" "$end" "$start")
  load=$(cut -d' ' -f1 /proc/loadavg)
  echo "run $run/$RUNS: exit $status in ${seconds}s (load average $load)"
  results+=("{\"run\":$run,\"exit\":$status,\"seconds\":$seconds,\"loadAverage\":$load}")
  [ "$status" -eq 0 ] || failed=$((failed + 1))
done

joined=$(IFS=,; echo "${results[*]}")
node -e '
const [runs, hogs, failed, joined] = process.argv.slice(1);
const record = {
  command: "bash bench/quickstart-loop.sh " + runs + " " + hogs,
  measuredAt: new Date().toISOString(),
  cpus: require("node:os").cpus().length,
  cpuHogs: Number(hogs),
  runs: Number(runs),
  failed: Number(failed),
  results: JSON.parse("[" + joined + "]"),
};
require("node:fs").writeFileSync("bench/results/quickstart-loop.json", JSON.stringify(record, null, 2) + "\n");
' "$RUNS" "$HOGS" "$failed" "$joined"
echo "$((RUNS - failed)) of $RUNS quick starts passed beside $HOGS CPU hogs (bench/results/quickstart-loop.json)"
[ "$failed" -eq 0 ]
