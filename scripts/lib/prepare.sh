# Sourced by scripts/setup.sh and scripts/quickstart.sh from the repository root: the steps both
# take before their own (Node.js present, node_modules current with package-lock.json, the pinned
# Go tools installed, the CLI built).
# Usage: prepare <script name> [tool...]   (tools as for scripts/install-tools.sh; none: its default)
prepare() {
  local name="$1"
  shift
  command -v node >/dev/null 2>&1 || { echo "$name: Node.js 20.19+ is required" >&2; exit 1; }
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund
  fi
  bash scripts/install-tools.sh "$@"
  npm run --silent build
}
