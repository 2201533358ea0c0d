#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The whole test suite: unit, conformance, CLI, fixture and fuzz-corpus tests, once in a
# plain build and once under ASan+UBSan. Valgrind is separate (tools/test.sh --valgrind,
# or meson test -C build --setup valgrind). Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

configure() { # dir, extra args...
  local dir=$1; shift
  [ -f "$dir/build.ninja" ] || meson setup "$dir" "$@" >/dev/null || return 1
  ninja -C "$dir" >/dev/null || { ninja -C "$dir"; return 1; }
}

runs=()
status=0
run() { # dir, meson test args...
  local dir=$1; shift
  meson test -C "$dir" --num-processes "$jobs" --print-errorlogs "$@" || status=1
  runs+=("$dir/meson-logs/testlog.json")
}

configure build || exit 1
if [ "${1:-}" = "--valgrind" ]; then
  run build --setup valgrind
else
  run build
  configure build-asan -Db_sanitize=address,undefined -Db_lundef=false || exit 1
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 run build-asan
fi

# One plain summary line over every run (CI reads it).
python3 - "${runs[@]}" <<'PY'
import json, sys
passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        with open(path) as f:
            for line in f:
                r = json.loads(line).get("result")
                if r in ("OK", "EXPECTEDFAIL"): passed += 1
                elif r == "SKIP": skipped += 1
                else: failed += 1
    except OSError:
        failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
