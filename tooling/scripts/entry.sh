#!/usr/bin/env bash
# What `npm test` and `npm run demo` run: provision the toolchain, install the workspace,
# then run the named root script with pnpm. Works on a fresh clone with only Node 20 + npm.
set -euo pipefail
cd "$(dirname "$0")/../.."
# No telemetry, and no colour codes when the output is a log rather than a terminal.
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
if [ ! -t 1 ]; then export NO_COLOR=1 FORCE_COLOR=0 TURBO_NO_COLOR=1; fi
# shellcheck source=bootstrap.sh
source tooling/scripts/bootstrap.sh
# Quiet unless something goes wrong: a warm install takes about half a second.
if ! install_log=$(pnpm install --frozen-lockfile --reporter=append-only 2>&1); then
  echo "$install_log" >&2
  echo "install: pnpm install --frozen-lockfile failed (output above)." >&2
  exit 1
fi
exec pnpm run --silent "$1" "${@:2}"
