#!/usr/bin/env bash
# The test command (npm test): build, then every suite, then one plain summary line
# "N passed, N failed, N skipped" counted from the runners' own JSON reports.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/.tools/bin:$PATH"
REPORTS="$ROOT/.test-reports"
rm -rf "$REPORTS" && mkdir -p "$REPORTS"
# On a TTY, a numbered line per step with the time so far (8 to 18 minutes in all on 2 cores).
source "$ROOT/scripts/progress.sh"
PROGRESS_TOTAL=$([ $# -eq 0 ] && echo 8 || echo 6)

progress_step "build (tsc)"
npm run --silent build || { echo "0 passed, 1 failed"; exit 1; }
progress_step "typecheck"
npm run --silent typecheck || { echo "0 passed, 1 failed"; exit 1; }
progress_step "lint (eslint)"
npm run --silent lint || { echo "0 passed, 1 failed"; exit 1; }
if [ -f scripts/build-policies.sh ]; then
  progress_step "policy gate and bundle (llmops policy build)"
  bash scripts/build-policies.sh || { echo "0 passed, 1 failed"; exit 1; }
fi

# Rego unit tests, counted in the summary from OPA's own JSON report. The --ignore flags come from
# the one tool runner (policies/engine/opa-tools.ts, built into dist/ above), as the build's do.
progress_step "Rego tests (opa test)"
read -r -a OPA_FLAGS <<< "$(node -e 'import("./dist/policies/engine/opa-tools.js").then((tools) => console.log([...tools.OPA_TEST_TIMEOUT_FLAGS, ...tools.opaIgnoreFlags({ tests: true })].join(" ")))')"
opa test --format json "${OPA_FLAGS[@]}" policies > "$REPORTS/opa-test.json"
opa_status=$?

progress_step "vitest suites (the longest step; vitest shows its own progress)"
npx vitest run --exclude 'test/engine/**' --exclude 'test/cluster/**' --reporter=default --reporter=json --outputFile.json="$REPORTS/vitest.json" "$@"
vitest_status=$?

# The real Pulumi engine suite runs alone, after the rest, so its step wall times are its own.
# It skips with a printed reason when scripts/install-engine.sh has not run (CI always runs it).
if [ $# -eq 0 ]; then
  progress_step "the real Pulumi engine suite"
  npx vitest run test/engine --reporter=default --reporter=json --outputFile.json="$REPORTS/vitest-engine.json"
  engine_status=$?
  [ $engine_status -eq 0 ] || vitest_status=$engine_status

  # The cluster suite (test/cluster): a local etcd + kube-apiserver (scripts/install-cluster.sh,
  # scripts/cluster.sh); its files run one at a time, each with its own control plane. It skips with
  # a printed reason when the control plane is not built (CI builds it and sets LLMOPS_REQUIRE_CLUSTER=1).
  progress_step "the cluster suite (a local kube-apiserver)"
  npx vitest run test/cluster/ --no-file-parallelism --reporter=default --reporter=json --outputFile.json="$REPORTS/vitest-cluster.json"
  cluster_status=$?
  [ $cluster_status -eq 0 ] || vitest_status=$cluster_status
fi

node scripts/summarise-tests.mjs "$REPORTS"
summary_status=$?
if [ $vitest_status -ne 0 ] || [ $opa_status -ne 0 ] || [ $summary_status -ne 0 ]; then exit 1; fi
