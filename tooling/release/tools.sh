#!/usr/bin/env bash
# Puts the pinned release-rehearsal tools on PATH: a real registry (Verdaccio), the runtimes of
# the matrix (Node 22, Bun, Deno, workerd through miniflare) and esbuild to bundle the Workers
# smoke. Source it after tooling/scripts/bootstrap.sh.
#
# Like the toolchain, everything comes from npm packages (each runtime's binary ships inside a
# registry package) into a cache directory outside the repo, installed once per set of versions.

PAY_RELEASE_TOOLS=(
  verdaccio@6.10.4
  node@22.23.3
  bun@1.4.5
  deno@2.9.6
  miniflare@4.20260730.0
  esbuild@0.28.2
)

pay_release_tools_provision() {
  local key cache_root dir log started=$SECONDS
  key=$(printf '%s\n' "${PAY_RELEASE_TOOLS[@]}" | sha1sum | cut -c1-12)
  cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/pay-toolchain"
  dir="$cache_root/release-tools-$key"
  if [ ! -f "$dir/.complete" ]; then
    mkdir -p "$dir"
    log="$dir/install.log"
    # The runtimes fetch their platform binary from optional dependency packages or install
    # scripts, which must run.
    if ! npm install --prefix "$dir" --ignore-scripts=false --no-audit --no-fund --loglevel=error \
      "${PAY_RELEASE_TOOLS[@]}" >"$log" 2>&1; then
      echo "release-tools: error: could not install ${PAY_RELEASE_TOOLS[*]} from the npm registry into $dir; see $log:" >&2
      tail -n 5 "$log" >&2
      return 1
    fi
    touch "$dir/.complete"
    echo "release-tools: installed ${PAY_RELEASE_TOOLS[*]} into $dir in $((SECONDS - started)) s"
  fi
  PAY_RELEASE_TOOLS_DIR="$dir"
  export PAY_RELEASE_TOOLS_DIR
}
