#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The export list is the public headers: every SMCSIM_EXPORT declaration in
include/smcsim/*.h must be exported by the shared library, and the library must export
nothing else (hidden visibility + smcsim.sym keep internals in)."""
import glob
import os
import re
import subprocess
import sys

lib, incdir = sys.argv[1], sys.argv[2]
declared = set()
for h in glob.glob(os.path.join(incdir, '*.h')):
    text = open(h, encoding='utf-8').read()
    text = re.sub(r'/\*.*?\*/', '', text, flags=re.S)
    for m in re.finditer(r'SMCSIM_EXPORT\b[^;{]*?\b(smcsim_\w+)\s*\(', text):
        declared.add(m.group(1))
out = subprocess.run(['nm', '-D', '--defined-only', lib], check=True,
                     capture_output=True, text=True).stdout
exported = set()
for line in out.splitlines():
    parts = line.split()
    if len(parts) == 3 and parts[1] in 'TDBRW':
        exported.add(parts[2].split('@')[0])
exported.discard('SMCSIM_0')
missing = sorted(declared - exported)
extra = sorted(exported - declared)
for name in missing:
    print(f'declared in a public header but not exported: {name}')
for name in extra:
    print(f'exported but not declared in a public header: {name}')
print(f'{len(declared)} declared, {len(exported)} exported')
sys.exit(1 if missing or extra else 0)
