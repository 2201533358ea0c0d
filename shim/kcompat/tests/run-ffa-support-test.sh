#!/bin/sh
# SPDX-License-Identifier: MIT
# Build and run the FF-A support runtime tests outside meson:
#   shim/kcompat/tests/run-ffa-support-test.sh [CC] [extra CFLAGS...]
# Kernel-world files are built as kboot builds kernel files (-nostdinc against
# kcompat/include); the host stand-ins with the host's headers.
set -eu
CC=${1:-cc}
[ $# -gt 0 ] && shift
here=$(cd "$(dirname "$0")" && pwd)
kc=$(dirname "$here")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
kflags="-nostdinc -isystem $($CC -print-file-name=include) -I$kc/include -include linux/kconfig.h
	-std=gnu11 -funsigned-char -fno-strict-aliasing -fno-common -Wall -Wextra
	-Wno-unused-parameter -Wno-pointer-sign -Wno-unused-function -Werror -O1 -g
	-DKBUILD_MODNAME=\"kcompat\""
for f in "$kc"/src/xarray.c "$kc"/src/ida.c "$kc"/src/irq.c "$kc"/src/workqueue.c \
	"$kc"/src/percpu.c "$kc"/src/cpuhp.c "$here"/ffa_support_test.c; do
	# shellcheck disable=SC2086
	$CC $kflags "$@" -c "$f" -o "$out/$(basename "$f" .c).o"
done
$CC -std=gnu11 -Wall -Wextra -Werror -O1 -g "$@" -c "$here/ffa_support_host.c" \
	-o "$out/host.o"
$CC "$@" "$out"/*.o -o "$out/ffa-support-test"
"$out/ffa-support-test"
