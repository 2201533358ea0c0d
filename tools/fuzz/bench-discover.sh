#!/bin/sh
# SPDX-License-Identifier: MIT
# Benchmark: fuzz executions per second of the discovery target (corpus-replay build,
# built-in mutator, fixed seed). Usage: tools/fuzz/bench-discover.sh [BUILD_DIR] [SECONDS]
set -eu
B=${1:-build}
S=${2:-10}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
"$B/tools/fuzz/fuzz-discover" --seconds "$S" --seed 1 "$ROOT/tools/fuzz/corpus/fuzz-discover" 2>/dev/null | tail -n1
