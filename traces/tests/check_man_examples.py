#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Run the examples of the man pages as written.

usage: check_man_examples.py SMCSIM SOURCE_ROOT [WORKDIR]

smcsim-trace(5): every .nf/.fi block that is JSON is replayed: a whole fixture as it is,
step objects as the steps of a fixture on the default profile. smcsim(1): every command of
EXAMPLES runs and exits 0 (kboot only when Debian's linux-source-6.12 tarball is there).
"""
import json
import os
import re
import subprocess
import sys
import tempfile


def blocks(path):
    text = open(path, encoding='utf-8').read()
    for m in re.finditer(r'^\.nf\n(.*?)^\.fi$', text, re.S | re.M):
        yield m.group(1).replace('\\-', '-').replace('\\e', '\\')


def step_objects(text):
    dec, i, out = json.JSONDecoder(), 0, []
    text = text.strip()
    while i < len(text):
        obj, j = dec.raw_decode(text, i)
        out.append(obj)
        i = j
        while i < len(text) and text[i] in ' \n\t':
            i += 1
    return out


def main():
    smcsim, root = sys.argv[1], sys.argv[2]
    work = sys.argv[3] if len(sys.argv) > 3 else None  # kernel tree and kboot cache, kept
    failures = 0
    with tempfile.TemporaryDirectory() as d:
        n = 0
        for b in blocks(os.path.join(root, 'traces', 'smcsim-trace.5')):
            try:
                objs = step_objects(b)
            except ValueError:
                continue  # not JSON (prose layout)
            if len(objs) == 1 and objs[0].get('format') == 'smcsim-trace':
                doc = objs[0]
            else:
                doc = {'format': 'smcsim-trace', 'version': 1, 'steps': objs}
            n += 1
            fx = os.path.join(d, 'example%d.json' % n)
            json.dump(doc, open(fx, 'w'))
            p = subprocess.run([smcsim, 'replay', fx], capture_output=True, text=True)
            ok = p.returncode == 0
            print('smcsim-trace(5) example %d: %s' % (n, 'ok' if ok else 'FAIL\n' + p.stdout + p.stderr))
            failures += not ok
        page = open(os.path.join(root, 'tools', 'smcsim.1'), encoding='utf-8').read()
        ex = re.search(r'^\.SH EXAMPLES\n\.nf\n(.*?)^\.fi$', page, re.S | re.M).group(1)
        for line in ex.replace('\\-', '-').replace('\\e', '\\').splitlines():
            if not line.strip():
                continue
            if 'kboot' in line and not os.path.exists('/usr/src/linux-source-6.12.tar.xz'):
                print('smcsim(1): skipped (no kernel tree): ' + line)
                continue
            if 'kboot' in line:
                tree = subprocess.run([os.path.join(root, 'tools', 'kernel-src.sh'),
                                       os.path.join(work or d, 'linux-source')],
                                      capture_output=True, text=True).stdout.strip()
                line = line.replace('/usr/src/linux-source-6.12', tree)
            cmd = re.sub(r'\bsmcsim\b', smcsim, line, count=0)
            cmd = cmd.replace(smcsim + '-trace', 'smcsim-trace')
            env = dict(os.environ, SMCSIM_KBOOT_CACHE=os.path.join(work or d, 'kboot-cache'))
            # In a scratch directory (record writes its file there) that sees traces/.
            if not os.path.exists(os.path.join(d, 'traces')):
                os.symlink(os.path.join(os.path.abspath(root), 'traces'), os.path.join(d, 'traces'))
            p = subprocess.run(['bash', '-c', cmd], capture_output=True, text=True, cwd=d, env=env)
            ok = p.returncode == 0
            print('smcsim(1): %s: %s' % (line, 'ok' if ok else 'FAIL\n' + p.stdout[-1000:] + p.stderr[-1000:]))
            failures += not ok
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
