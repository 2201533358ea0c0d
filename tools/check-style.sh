#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Style gate run by the test suite: every C file matches .clang-format, and source files
# carry no trailing whitespace or CRLF line ends (.editorconfig). Exit 77 (skipped) when
# clang-format is not installed.
set -uo pipefail
cd "${1:-$(dirname "$0")/..}"
command -v clang-format >/dev/null || { echo "clang-format not installed: skipped"; exit 77; }
mapfile -t cfiles < <(find . -path ./build\* -prune -o -path ./.git -prune -o \( -name '*.c' -o -name '*.h' \) -print | sort)
mapfile -t srcs < <(find . -path ./build\* -prune -o -path ./.git -prune -o \( -name '*.c' -o -name '*.h' -o -name meson.build -o -name '*.py' -o -name '*.sh' \) -print | sort)
bad=0
for f in "${cfiles[@]}"; do
  if ! clang-format --dry-run -Werror "$f" >/dev/null 2>&1; then
    echo "not clang-formatted: $f (run: clang-format -i $f)"
    bad=$((bad + 1))
  fi
done
if grep -nE $'[ \t]+$|\r$' "${srcs[@]}" >/tmp/smcsim-style.$$ 2>/dev/null; then
  sed 's/^/trailing whitespace or CRLF: /' /tmp/smcsim-style.$$ | head -20
  bad=$((bad + $(wc -l < /tmp/smcsim-style.$$)))
fi
rm -f /tmp/smcsim-style.$$
echo "${#cfiles[@]} C files checked: $((${#cfiles[@]} - bad < 0 ? 0 : ${#cfiles[@]} - bad)) passed, $bad failed"
[ "$bad" -eq 0 ]
