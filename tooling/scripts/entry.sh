#!/usr/bin/env bash
# What `npm test` and `npm run demo` run: provision the toolchain, install the workspace,
# then run the named root script with pnpm. Works on a fresh clone with only Node 20 + npm.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=bootstrap.sh
source tooling/scripts/bootstrap.sh
# Quiet unless something goes wrong: a warm install takes about half a second.
if ! install_log=$(pnpm install --frozen-lockfile --reporter=append-only 2>&1); then
  echo "$install_log" >&2
  echo "install: pnpm install --frozen-lockfile failed (output above)." >&2
  exit 1
fi
exec pnpm run --silent "$1" "${@:2}"
