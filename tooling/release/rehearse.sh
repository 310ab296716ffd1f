#!/usr/bin/env bash
# The release rehearsal (see rehearse.mjs): provisions the toolchain and the pinned tools, then
# runs it. `bash tooling/release/rehearse.sh [--keep]` from anywhere; .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/../.."
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
if [ ! -t 1 ]; then export NO_COLOR=1 FORCE_COLOR=0; fi
# shellcheck source=../scripts/bootstrap.sh
source tooling/scripts/bootstrap.sh
# shellcheck source=tools.sh
source tooling/release/tools.sh
pay_release_tools_provision
exec node tooling/release/rehearse.mjs "$@"
