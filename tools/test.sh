#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The whole test suite: unit, conformance, CLI, fixture, fuzz-corpus and style tests, in
# two builds with warnings as errors:
#   build            gcc, the default build type
#   build-clang-san  clang, ASan + UBSan (LeakSanitizer included)
# so every change is compiled by both compilers CI promises. Valgrind is separate
# (tools/test.sh --valgrind, or meson test -C build --setup valgrind), and so is
# ThreadSanitizer (tools/test.sh --tsan: clang with TSan in build-tsan, the suite there;
# the thread contract is in include/smcsim/smcsim.h).
# Ends with "N passed, N failed, N skipped" over both runs (CI reads it).
set -uo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

configure() { # dir, extra meson args...
  local dir=$1; shift
  if [ -f "$dir/build.ninja" ]; then
    # An existing build dir (e.g. the quick start's) gets the suite's options too.
    meson configure "$dir" "$@" >/dev/null || return 1
  else
    meson setup "$dir" "$@" >/dev/null || return 1
  fi
  ninja -C "$dir" >/dev/null || { ninja -C "$dir"; return 1; }
}

runs=()
status=0
run() { # dir, meson test args...
  local dir=$1; shift
  meson test -C "$dir" --num-processes "$jobs" --print-errorlogs "$@" || status=1
  runs+=("$dir/meson-logs/testlog.json")
}

case "${1:-}" in
--tsan)
  # Its own build: TSan cannot share a process with ASan. halt_on_error makes any race
  # report fail the test that showed it.
  CC=clang CXX=clang++ configure build-tsan -Dwerror=true -Db_sanitize=thread \
    -Db_lundef=false || exit 1
  TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 run build-tsan
  ;;
--valgrind)
  configure build -Dwerror=true || exit 1
  run build --setup valgrind
  ;;
*)
  configure build -Dwerror=true || exit 1
  run build
  CC=clang CXX=clang++ configure build-clang-san -Dwerror=true -Db_sanitize=address,undefined \
    -Db_lundef=false || exit 1
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 run build-clang-san
  ;;
esac

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
