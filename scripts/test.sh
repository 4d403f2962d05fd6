#!/usr/bin/env bash
# The test command (npm test): build, then every suite, then one plain summary line
# "N passed, N failed, N skipped" counted from the runners' own JSON reports.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/.tools/bin:$PATH"
REPORTS="$ROOT/.test-reports"
rm -rf "$REPORTS" && mkdir -p "$REPORTS"

npm run --silent build || { echo "0 passed, 1 failed"; exit 1; }
npm run --silent typecheck || { echo "0 passed, 1 failed"; exit 1; }
npm run --silent lint || { echo "0 passed, 1 failed"; exit 1; }
if [ -f scripts/build-policies.sh ]; then
  bash scripts/build-policies.sh || { echo "0 passed, 1 failed"; exit 1; }
fi

# Rego unit tests, counted in the summary from OPA's own JSON report.
opa test --format json --ignore engine --ignore pack policies > "$REPORTS/opa-test.json"
opa_status=$?

npx vitest run --exclude 'test/engine/**' --reporter=default --reporter=json --outputFile.json="$REPORTS/vitest.json" "$@"
vitest_status=$?

# The real Pulumi engine suite runs alone, after the rest, so its step wall times are its own.
# It skips with a printed reason when scripts/install-engine.sh has not run (CI always runs it).
if [ $# -eq 0 ]; then
  npx vitest run test/engine --reporter=default --reporter=json --outputFile.json="$REPORTS/vitest-engine.json"
  engine_status=$?
  [ $engine_status -eq 0 ] || vitest_status=$engine_status
fi

node scripts/summarise-tests.mjs "$REPORTS"
summary_status=$?
if [ $vitest_status -ne 0 ] || [ $opa_status -ne 0 ] || [ $summary_status -ne 0 ]; then exit 1; fi
