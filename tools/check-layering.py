#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The core knows no model: no file under emu/ includes a header from rmm_model/,
ffa_model/, pkvm_model/ or tools/, or names a model symbol (rmm_*, ffa_*, pkvm_*) in code.
The core's own sources (emu/*.c, emu/*.h) do not include lib/ either: the registry of
services reaches them by parameter. Comments and string literals are ignored."""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else '.')
models = r'(?:rmm_model|ffa_model|pkvm_model|tools)'
include_re = re.compile(r'^\s*#\s*include\s*[<"](?:\.\./)*' + models + r'/', re.M)
include_lib_re = re.compile(r'^\s*#\s*include\s*[<"](?:\.\./)*lib/', re.M)
symbol_re = re.compile(r'\b(?:rmm|ffa|pkvm)_\w+')
# Comments, then string and character literals (kept as empty quotes).
strip_re = re.compile(r'/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', re.S)


def code_of(text):
    # Keep the newlines so line numbers still match the file.
    return strip_re.sub(lambda m: '""' if m.group(0)[0] in '"\'' else
                        ' ' + '\n' * m.group(0).count('\n'), text)


bad = 0
files = sorted(p for p in (root / 'emu').rglob('*') if p.suffix in ('.c', '.h', '.cc'))
for path in files:
    text = path.read_text(encoding='utf-8')
    rel = path.relative_to(root)
    core = rel.parent == pathlib.Path('emu')
    for m in include_re.finditer(text):
        print(f'{rel}: includes a model or tools header: {m.group(0).strip()}')
        bad += 1
    if core:
        for m in include_lib_re.finditer(text):
            print(f'{rel}: the core includes lib/ (take the registry by parameter): '
                  f'{m.group(0).strip()}')
            bad += 1
    for lineno, line in enumerate(code_of(text).splitlines(), 1):
        for m in symbol_re.finditer(line):
            print(f'{rel}:{lineno}: names a model symbol: {m.group(0)}')
            bad += 1
part_names = ('rmm_model', 'ffa_model', 'pkvm_model')
part_files = 0
for part in part_names:
    others = [p for p in part_names if p != part] + ['lib', 'tools']
    other_re = re.compile(r'^\s*#\s*include\s*[<"](?:\.\./)*(' + '|'.join(others) + r')/[^\n]*', re.M)
    for path in sorted(p for p in (root / part).rglob('*') if p.suffix in ('.c', '.h')):
        part_files += 1
        for m in other_re.finditer(path.read_text(encoding='utf-8')):
            print(f'{path.relative_to(root)}: a model includes {m.group(1)}/: {m.group(0).strip()}')
            bad += 1
print(f'{len(files)} files under emu/ and {part_files} model files checked, {bad} layering problem(s)')
sys.exit(1 if bad else 0)
