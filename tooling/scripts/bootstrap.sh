#!/usr/bin/env bash
# Puts a suitable Node and pnpm first on PATH. Source it: `source tooling/scripts/bootstrap.sh`.
#
# Machines here ship Node 20 + npm and reach only the npm registry, so the pinned Node and pnpm
# are installed from npm packages into a cache directory outside the repo (see
# docs/decisions/0002-toolchain.md). Where a suitable Node and pnpm are on PATH already, they
# are used as they are.

PAY_NODE_VERSION=24.21.0
PAY_PNPM_VERSION=12.21.0
# The oldest Node the repo's tools run on (root package.json engines).
PAY_NODE_MIN=24.11

pay_toolchain_suitable() {
  local node_version pnpm_version
  node_version=$(node --version 2>/dev/null) || return 1
  pnpm_version=$(pnpm --version 2>/dev/null) || return 1
  node -e '
    const [major, minor] = process.versions.node.split(".").map(Number);
    const [minMajor, minMinor] = process.argv[1].split(".").map(Number);
    process.exit(major > minMajor || (major === minMajor && minor >= minMinor) ? 0 : 1);
  ' "$PAY_NODE_MIN" || return 1
  [ "${pnpm_version%%.*}" = "${PAY_PNPM_VERSION%%.*}" ] || return 1
  PAY_TOOLCHAIN_SUMMARY="node $node_version and pnpm $pnpm_version from PATH"
}

pay_toolchain_provision() {
  local cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/pay-toolchain"
  local dir="$cache_root/node-$PAY_NODE_VERSION-pnpm-$PAY_PNPM_VERSION"
  local bin="$dir/node_modules/.bin"
  if [ -x "$bin/node" ] && [ -x "$bin/pnpm" ]; then
    PATH="$bin:$PATH"
    PAY_TOOLCHAIN_SUMMARY="node v$PAY_NODE_VERSION and pnpm $PAY_PNPM_VERSION from the cache in $dir"
    return 0
  fi
  if ! command -v npm >/dev/null 2>&1; then
    echo "toolchain: error: neither Node >= $PAY_NODE_MIN with pnpm $PAY_PNPM_VERSION nor npm is on PATH; install Node (any version with npm) first." >&2
    return 1
  fi
  local started=$SECONDS log
  mkdir -p "$dir"
  log="$dir/install.log"
  # Both packages fetch their platform binary in install scripts, which must run.
  if ! npm install --prefix "$dir" --ignore-scripts=false --no-audit --no-fund --loglevel=error \
    "node@$PAY_NODE_VERSION" "pnpm@$PAY_PNPM_VERSION" >"$log" 2>&1; then
    echo "toolchain: error: could not install node@$PAY_NODE_VERSION and pnpm@$PAY_PNPM_VERSION from the npm registry into $dir." >&2
    echo "toolchain: check that the npm registry is reachable (npm ping) and see npm's output in $log:" >&2
    tail -n 5 "$log" >&2
    return 1
  fi
  PATH="$bin:$PATH"
  PAY_TOOLCHAIN_SUMMARY="installed node v$PAY_NODE_VERSION and pnpm $PAY_PNPM_VERSION from the npm registry into $dir in $((SECONDS - started)) s"
}

if pay_toolchain_suitable || pay_toolchain_provision; then
  export PATH
  export TURBO_TELEMETRY_DISABLED=1
  echo "toolchain: $PAY_TOOLCHAIN_SUMMARY"
else
  return 1 2>/dev/null || exit 1
fi
