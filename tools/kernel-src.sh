#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Extract the parts of a Linux source tarball that `smcsim kboot` builds (the firmware
# discovery drivers and the top Makefile for the version) into DEST, once.
#   tools/kernel-src.sh [DEST [TARBALL]]
# Default TARBALL: Debian's linux-source-6.12 (/usr/src/linux-source-6.12.tar.xz, from
# `apt-get install --no-install-recommends linux-source-6.12`). Prints DEST's tree path.
# Exit 77 (meson's "skip") when there is no tarball.
set -euo pipefail
DEST=${1:-build/linux-source}
TARBALL=${2:-/usr/src/linux-source-6.12.tar.xz}
[ -f "$TARBALL" ] || { echo "kernel-src: $TARBALL not found (apt-get install --no-install-recommends linux-source-6.12)" >&2; exit 77; }
top=$(basename "$TARBALL" .tar.xz)
tree="$DEST/$top"
stamp="$tree/.smcsim-extracted"
if [ ! -f "$stamp" ] || [ "$TARBALL" -nt "$stamp" ]; then
  mkdir -p "$DEST"
  # Only what kboot compiles (and nvhe/ffa.c, the pKVM proxy): about 15 s instead of minutes.
  tar -xJf "$TARBALL" -C "$DEST" --wildcards \
    "$top/Makefile" \
    "$top/drivers/firmware/smccc/*" "$top/drivers/firmware/psci/*" \
    "$top/drivers/firmware/arm_ffa/*" "$top/drivers/char/hw_random/arm_smccc_trng.c" \
    "$top/arch/arm64/kvm/hyp/nvhe/ffa.c"
  touch "$stamp"
fi
echo "$tree"
