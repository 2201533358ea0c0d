#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Quick start: install what is missing (Debian 12), build, and replay the bundled
# fixtures on the default profile. Safe to run again; it only installs missing packages.
#   tools/quickstart.sh            install + build + replay
#   tools/quickstart.sh --deps     install only (used by .ci/run)
set -euo pipefail
cd "$(dirname "$0")/.."

# Build and test dependencies, all Debian packages.
PKGS=(meson ninja-build gcc g++ pkg-config python3 libjansson-dev libcbor-dev nettle-dev libgmp-dev libffi-dev
      libcmocka-dev valgrind clang libclang-rt-14-dev python3-jsonschema python3-cbor2 clang-format
      linux-source-6.12 binutils)

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "quickstart: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
[ "${1:-}" = "--deps" ] && exit 0

[ -f build/build.ninja ] || meson setup build
ninja -C build
echo "quickstart: replaying the bundled fixtures (traces/)"
build/tools/smcsim replay traces/
echo
echo "quickstart: what Linux discovers on the default profile ($(build/tools/smcsim profiles | awk '/\[default\]/{print $1}'))"
build/tools/smcsim discover
echo
if tree=$(tools/kernel-src.sh build/linux-source 2>/dev/null); then
  echo "quickstart: real Linux ($tree) booted on the same profile"
  build/tools/smcsim kboot --kernel-src "$tree"
fi
