#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Compare `smcsim-discover --profile P` with expected/P.txt for each expected file
(one per built-in profile; options for a variant go in the file's first line as
'# args: ...'). --update rewrites the files from the current output."""
import difflib
import glob
import os
import subprocess
import sys

args = sys.argv[1:]
update = '--update' in args
args = [a for a in args if a != '--update']
exe, expdir = args
bad = 0
files = sorted(glob.glob(os.path.join(expdir, '*.txt')))
if not files:
    print(f'no expected files in {expdir}')
    sys.exit(1)
for path in files:
    with open(path, encoding='utf-8') as f:
        want = f.read()
    first = want.splitlines()[0] if want else ''
    extra = first[len('# args:'):].split() if first.startswith('# args:') else []
    profile = os.path.basename(path)[:-4].split('+')[0]
    got = subprocess.run([exe, '--profile', profile] + extra, capture_output=True, text=True)
    out = (first + '\n' if extra else '') + got.stdout
    if got.returncode != 0:
        print(f'{path}: exit {got.returncode}: {got.stderr}')
        bad += 1
        continue
    if update:
        with open(path, 'w', encoding='utf-8') as f:
            f.write(out)
        continue
    if out != want:
        bad += 1
        sys.stdout.writelines(difflib.unified_diff(want.splitlines(True), out.splitlines(True),
                                                   path, 'smcsim-discover --profile ' + profile))
print(f'{len(files) - bad}/{len(files)} expected outputs match')
sys.exit(1 if bad else 0)
