#!/bin/bash -eu
# SPDX-License-Identifier: MIT
# OSS-Fuzz / ClusterFuzzLite build script: builds every fuzz target of the project with
# libFuzzer and installs it into $OUT with its seed corpus (<name>_seed_corpus.zip) and
# dictionary (<name>.dict), the layout those services expect.
#
#   OSS-Fuzz:   CC, CFLAGS, LIB_FUZZING_ENGINE, SRC, OUT, WORK come from the builder.
#   Locally:    CC=clang OUT=/tmp/fuzz-out tools/fuzz/build.sh  (every fuzz-* target:
#               fuzz-psci, -rmi, -ffa, -pkvm, -discover, -trace, -profile, -rsi)
#               /tmp/fuzz-out/fuzz-discover -fork=2 -max_total_time=600 -seed=1 \
#                   -dict=/tmp/fuzz-out/fuzz-discover.dict /tmp/fuzz-out/corpus-fuzz-discover
#   AFL++:      CC=afl-clang-fast builds the same targets; run afl-fuzz on $OUT/<name>.
SRC_DIR=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${OUT:-$SRC_DIR/build-fuzz/out}
WORK=${WORK:-$SRC_DIR/build-fuzz}
export CC=${CC:-clang}
mkdir -p "$OUT" "$WORK"

# meson's -Dfuzzing=libfuzzer adds -fsanitize=fuzzer(-no-link); sanitizers come from
# $CFLAGS (OSS-Fuzz sets them per build flavour).
if [ ! -f "$WORK/meson/build.ninja" ]; then
	meson setup "$WORK/meson" "$SRC_DIR" -Dfuzzing=libfuzzer -Dtests=disabled \
		-Ddefault_library=static -Db_lundef=false --buildtype=debugoptimized
fi
ninja -C "$WORK/meson"

# Every fuzz target is built in tools/fuzz/ and named fuzz-<what>.
exes=$(find "$WORK/meson/tools/fuzz" -maxdepth 1 -type f -executable -name 'fuzz-*' | sort)
for exe in $exes; do
	t=$(basename "$exe")
	cp "$exe" "$OUT/$t"
	corpus="$SRC_DIR/tools/fuzz/corpus/$t"
	if [ -d "$corpus" ]; then
		(cd "$corpus" && zip -q -r "$OUT/${t}_seed_corpus.zip" .)
		rm -rf "$OUT/corpus-$t" && cp -r "$corpus" "$OUT/corpus-$t"
	fi
	for d in "$SRC_DIR/tools/fuzz/$t.dict" "$SRC_DIR/tools/fuzz/dict/$t.dict"; do
		if [ -f "$d" ]; then cp "$d" "$OUT/$t.dict"; fi
	done
	echo "built $t"
done
