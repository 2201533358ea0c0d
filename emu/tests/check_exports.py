#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The export list is the public headers: every SMCSIM_EXPORT declaration in
include/smcsim/*.h must be exported by the shared library, named in exactly one version
node of include/smcsim/smcsim.sym, and carry that node's version in the built library;
the library must export nothing else (hidden visibility + smcsim.sym keep internals in)."""
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

# smcsim.sym: NODE { global: names; local: *; } [PARENT];
script = re.sub(r'/\*.*?\*/', '', open(os.path.join(incdir, 'smcsim.sym'), encoding='utf-8').read(),
                flags=re.S)
node_of = {}
problems = []
for node, body in re.findall(r'(SMCSIM_[0-9.]+)\s*\{(.*?)\}', script, flags=re.S):
    glob_part = body.split('local:')[0].replace('global:', '')
    for name in re.findall(r'([A-Za-z_*][\w*]*)\s*;', glob_part):
        if '*' in name:
            problems.append(f'{node}: wildcard "{name}": list each symbol in the node of its release')
        elif name in node_of:
            problems.append(f'{name} is in both {node_of[name]} and {node}')
        else:
            node_of[name] = node

out = subprocess.run(['nm', '-D', '--defined-only', lib], check=True,
                     capture_output=True, text=True).stdout
exported = {}
for line in out.splitlines():
    parts = line.split()
    if len(parts) == 3 and parts[1] in 'TDBRW':
        name, _, ver = parts[2].partition('@')
        exported[name] = ver.lstrip('@')
for node in set(node_of.values()):
    exported.pop(node, None)  # the version definition symbols themselves

for name in sorted(declared - set(exported)):
    problems.append(f'declared in a public header but not exported: {name}')
for name in sorted(set(exported) - declared):
    problems.append(f'exported but not declared in a public header: {name}')
for name in sorted(declared - set(node_of)):
    problems.append(f'declared in a public header but in no version node of smcsim.sym: {name}')
for name in sorted(set(node_of) - declared):
    problems.append(f'in smcsim.sym but not declared in a public header: {name}')
for name in sorted(declared & set(exported) & set(node_of)):
    if exported[name] != node_of[name]:
        problems.append(f'{name} is exported as version "{exported[name]}", smcsim.sym says {node_of[name]}')
for p in problems:
    print(p)
print(f'{len(declared)} declared, {len(exported)} exported, {len(set(node_of.values()))} version node(s)')
sys.exit(1 if problems else 0)
