#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Style gate run by the test suite: every C file matches .clang-format, and source files
# carry no trailing whitespace or CRLF line ends (.editorconfig).
#
# The tree is formatted with clang-format 14 (Debian 12's); other major versions format
# some constructs differently, so on them the check is skipped with a message (exit 77)
# rather than failing on output the tree never promised. Set SMCSIM_CLANG_FORMAT to use
# a specific binary. One clang-format process checks every file, so the gate costs about
# one process start however many files there are.
set -uo pipefail
cd "${1:-$(dirname "$0")/..}"
want_major=14
cf=${SMCSIM_CLANG_FORMAT:-}
if [ -z "$cf" ]; then
  for c in clang-format-$want_major clang-format; do
    command -v "$c" >/dev/null && { cf=$c; break; }
  done
fi
[ -n "$cf" ] || { echo "clang-format not installed: style check skipped"; exit 77; }
major=$("$cf" --version | sed -n 's/.*clang-format version \([0-9]*\).*/\1/p')
if [ "$major" != "$want_major" ]; then
  echo "$cf is version ${major:-unknown}; the tree is formatted with clang-format $want_major: style check skipped"
  exit 77
fi

list() { # find expression...
  find . \( -path './build*' -o -path ./.git -o -path ./subprojects \) -prune -o \( "$@" \) -type f -print | sort
}
mapfile -t cfiles < <(list -name '*.c' -o -name '*.h' -o -name '*.cc')
mapfile -t srcs < <(list -name '*.c' -o -name '*.h' -o -name '*.cc' -o -name meson.build -o -name '*.py' -o -name '*.sh' -o -name '*.md' -o -name '*.json')

bad=0
# --dry-run -Werror prints "file:line:col: error: code should be clang-formatted" per
# difference; report each file once.
mapfile -t unformatted < <("$cf" --dry-run -Werror "${cfiles[@]}" 2>&1 >/dev/null |
  sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: error: code should be clang-formatted.*/\1/p' | sort -u)
for f in "${unformatted[@]}"; do
  echo "not clang-formatted: $f (run: $cf -i $f)"
  bad=$((bad + 1))
done
ws=$(grep -nE $'[ \t]+$|\r$' "${srcs[@]}" 2>/dev/null)
if [ -n "$ws" ]; then
  sed 's/^/trailing whitespace or CRLF: /' <<<"$ws" | head -20
  bad=$((bad + $(wc -l <<<"$ws")))
fi
echo "${#cfiles[@]} C files and ${#srcs[@]} source files checked: $bad problem(s)"
[ "$bad" -eq 0 ]
