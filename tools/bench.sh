#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Benchmarks, one command: builds an optimised tree (build-release) and runs smcsim-bench.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f build-release/build.ninja ] || meson setup build-release --buildtype=release >/dev/null
ninja -C build-release >/dev/null
exec build-release/tools/smcsim-bench --cli build-release/tools/smcsim "$@"
