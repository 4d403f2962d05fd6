#!/usr/bin/env bash
# Installs PostgreSQL 15 and Redis 7.0 from the Debian archive for test/datastores/, which start
# their own servers (initdb + postgres, redis-server) as the current user in temp directories on
# random ports: the pgvector tenancy SQL and pg_hba, and the limiter store's TLS flags, run for real.
# openssl acts there as the cert-manager CA. No system service is started by this script.
#
# Pins: the series, not an exact Debian version. Both packages take security updates through
# bookworm-security, which drops superseded builds (15.18-0+deb12u1 and 5:7.0.15-1~deb12u7 in the
# point release were already superseded by 15.20 and deb12u10 when this was written), so an exact
# pin would stop installing within weeks. The package name fixes PostgreSQL's major (15), and
# redis-server is held to upstream 7.0 (Debian epoch 5) by an apt version glob.
# Idempotent: does nothing when the binaries of those series are installed. Without root it only
# checks (sudo -n is used when present and passwordless).
set -euo pipefail

PG_MAJOR=15
REDIS_SERIES="7.0"
PACKAGES=("postgresql-$PG_MAJOR" "postgresql-client-$PG_MAJOR" "redis-server=5:$REDIS_SERIES.*" "redis-tools=5:$REDIS_SERIES.*" openssl)

say() { printf '%s\n' "$*" >&2; }

PG_BIN="/usr/lib/postgresql/$PG_MAJOR/bin"
installed() {
  [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/postgres" ] && [ -x "$PG_BIN/psql" ] || return 1
  command -v openssl >/dev/null 2>&1 || return 1
  command -v redis-server >/dev/null 2>&1 && command -v redis-cli >/dev/null 2>&1 || return 1
  case "$(redis-server --version)" in *"v=$REDIS_SERIES."*) ;; *) return 1 ;; esac
}

if installed; then
  say "postgresql $("$PG_BIN/postgres" --version | awk '{print $3}') and $(redis-server --version | awk '{print $3}') already installed"
  exit 0
fi
command -v apt-get >/dev/null 2>&1 || {
  say "install-datastores: apt-get is not available; install PostgreSQL $PG_MAJOR (server and psql), Redis $REDIS_SERIES with TLS, and openssl another way"
  exit 1
}
run_as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }
if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
  say "install-datastores: not root and no sudo; as root run: apt-get install ${PACKAGES[*]}"
  exit 1
fi
# Debian's maintainer scripts start redis-server and PostgreSQL's default cluster unless
# policy-rc.d says no (exit 101); one is put in place for the install only, when none is there.
POLICY=/usr/sbin/policy-rc.d
added_policy=""
if [ ! -e "$POLICY" ]; then
  run_as_root sh -c "printf '#!/bin/sh\nexit 101\n' > $POLICY && chmod 755 $POLICY"
  added_policy=1
fi
cleanup() { if [ -n "$added_policy" ]; then run_as_root rm -f "$POLICY"; fi; }
trap cleanup EXIT
say "installing ${PACKAGES[*]} (apt-get)"
run_as_root apt-get update -qq
run_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
installed || { say "install-datastores: the installed packages do not provide PostgreSQL $PG_MAJOR and Redis $REDIS_SERIES"; exit 1; }
say "installed postgresql $("$PG_BIN/postgres" --version | awk '{print $3}') and $(redis-server --version | awk '{print $3}')"
