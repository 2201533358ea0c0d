#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Fixture tests, run from the source root:
  golden SMCSIM BADDIR   every BADDIR/*.json fails `smcsim replay` with exit 2 and exactly
                         the error in the matching .err ("@/" stands for BADDIR/, a
                         trailing "..." makes it a prefix match)
  schema SCHEMA DIR...   every fixture under DIR validates against the JSON Schema (exit 77,
                         skipped, when python3-jsonschema is not installed)"""
import glob
import json
import os
import subprocess
import sys


def golden(smcsim, baddir):
    failures = 0
    cases = sorted(glob.glob(os.path.join(baddir, '*.json')))
    for case in cases:
        want = open(case[:-5] + '.err', encoding='utf-8').read().strip()
        want = want.replace('@/', baddir.rstrip('/') + '/')
        p = subprocess.run([smcsim, 'replay', case], capture_output=True, text=True,
                           env=dict(os.environ, NO_COLOR='1'))
        got = p.stdout.splitlines()[0] if p.stdout else ''
        ok = p.returncode == 2 and (got.startswith(want[:-3]) if want.endswith('...') else got == want)
        if not ok:
            failures += 1
            print(f'FAIL {case}: exit {p.returncode}\n  got:  {got}\n  want: {want}')
        else:
            print(f'ok   {case}')
    print(f'{len(cases) - failures} passed, {failures} failed')
    return 1 if failures or not cases else 0


def schema(schema_path, dirs):
    try:
        import jsonschema
    except ImportError:
        print('python3-jsonschema not installed: skipped')
        return 77
    validator = jsonschema.Draft7Validator(json.load(open(schema_path, encoding='utf-8')))
    failures = checked = 0
    for d in dirs:
        for path in sorted(glob.glob(os.path.join(d, '**', '*.json'), recursive=True)):
            if '/bad/' in path:
                continue
            doc = json.load(open(path, encoding='utf-8'))
            if not isinstance(doc, dict) or doc.get('format') != 'smcsim-trace':
                continue
            checked += 1
            errs = list(validator.iter_errors(doc))
            for e in errs[:3]:
                print(f'FAIL {path}: /{"/".join(map(str, e.absolute_path))}: {e.message}')
            failures += bool(errs)
    print(f'{checked - failures} passed, {failures} failed')
    return 1 if failures or not checked else 0


if __name__ == '__main__':
    if sys.argv[1] == 'golden':
        sys.exit(golden(sys.argv[2], sys.argv[3]))
    sys.exit(schema(sys.argv[2], sys.argv[3:]))
