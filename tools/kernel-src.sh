#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Extract the parts of a Linux source tarball that `smcsim kboot` builds (the firmware
# discovery drivers, the Realm guest files of newer trees, and the top Makefile for the
# version) into DEST, once.
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
# The stamp holds the file-set version: a tree extracted for an older set is redone.
set_version=2
if [ ! -f "$stamp" ] || [ "$TARBALL" -nt "$stamp" ] || [ "$(cat "$stamp")" != "$set_version" ]; then
  mkdir -p "$DEST"
  # Only what kboot compiles (and nvhe/ffa.c, the pKVM proxy): about 15 s instead of minutes.
  # arch/arm64/kernel/rsi.c and drivers/virt/coco/arm-cca-guest/ are 6.13+: tar reports
  # them missing from older tarballs (status 2), so success is judged by the files.
  tar -xJf "$TARBALL" -C "$DEST" --wildcards \
    "$top/Makefile" \
    "$top/drivers/firmware/smccc/*" "$top/drivers/firmware/psci/*" \
    "$top/drivers/firmware/arm_ffa/*" "$top/drivers/char/hw_random/arm_smccc_trng.c" \
    "$top/arch/arm64/kvm/hyp/nvhe/ffa.c" \
    "$top/arch/arm64/kernel/rsi.c" "$top/drivers/virt/coco/arm-cca-guest/*" \
    2> >(grep -v -e 'Not found in archive' -e 'Exiting with failure status' >&2) || true
  for f in Makefile drivers/firmware/psci/psci.c drivers/firmware/smccc/smccc.c; do
    [ -f "$tree/$f" ] || { echo "kernel-src: $TARBALL: no $top/$f" >&2; exit 1; }
  done
  echo "$set_version" > "$stamp"
fi
echo "$tree"
