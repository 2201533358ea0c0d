#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The real-kernel fuzz target and its findings, on the tree of check_kboot.py.

usage: check_kboot_fuzz.py KBOOT KERNEL_SRC_SH WORKDIR CORPUS FINDINGS_DIR [MUTATIONS]

1. `smcsim-kboot --fuzz` builds the in-process fuzz target for the tree, and it replays
   its seed corpus (each input twice: boots in one process must not leak state), then runs
   MUTATIONS deterministic mutations of it (0 in sanitizer builds, where a mutation may
   well reach one of Linux 6.12's known FF-A memory-safety bugs and stop the run).
2. Every finding fixture in FINDINGS_DIR (kboot-<profile>-<hash>.json, written by the fuzz
   target when a sanitizer stopped a boot) is served as firmware with `smcsim kboot
   --fixture` and must reproduce: AddressSanitizer's report in a sanitizer build; in a
   plain one kboot's own reports, a kmalloc redzone overwritten ("BUG: kboot:
   slab-out-of-bounds") or the crash a wild copy ends in ("BUG: kboot: the kernel
   crashed").
Skipped (77) without a kernel tree.
"""
import glob
import os
import re
import subprocess
import sys


def main():
    kboot, ksrc_sh, workdir, corpus, findings = sys.argv[1:6]
    mutations = sys.argv[6] if len(sys.argv) > 6 else '0'
    tree = os.environ.get('SMCSIM_KERNEL_SRC')
    if not tree:
        p = subprocess.run([ksrc_sh, os.path.join(workdir, 'linux-source')],
                           capture_output=True, text=True)
        if p.returncode == 77:
            print('skip: ' + p.stderr.strip())
            return 77
        if p.returncode:
            print(p.stderr)
            return 1
        tree = p.stdout.strip()
    env = dict(os.environ, SMCSIM_KBOOT_CACHE=os.path.join(workdir, 'kboot-cache'))
    p = subprocess.run([kboot, '--kernel-src', tree, '--fuzz', '--build-only'],
                       capture_output=True, text=True, env=env)
    if p.returncode:
        print(p.stderr)
        return 1
    prog = p.stdout.strip()
    failures = 0
    if os.path.basename(prog) == 'kboot-fuzz':
        runs = [[prog, corpus]]
        if mutations != '0':
            runs.append([prog, '--mutate', mutations, '--seed', '1', corpus])
        for argv in runs:
            r = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=600)
            print('%s: %s (%s)' % (' '.join(argv[1:-1]) or 'corpus replay',
                                   'ok' if r.returncode == 0 else 'FAIL',
                                   (r.stdout + r.stderr).strip().splitlines()[-1:]))
            failures += r.returncode != 0
    for fx in sorted(glob.glob(os.path.join(findings, 'kboot-*.json'))):
        m = re.match(r'kboot-(.+)-[0-9a-f]{16}\.json$', os.path.basename(fx))
        if not m:
            continue
        r = subprocess.run([kboot, '--kernel-src', tree, '--profile', m.group(1), '--fixture', fx],
                           capture_output=True, text=True, env=env, timeout=600)
        hit = (re.search(r'AddressSanitizer: ((heap|stack)-buffer-overflow|SEGV)', r.stderr) or
               'BUG: kboot: slab-out-of-bounds' in r.stdout or
               'BUG: kboot: the kernel crashed' in r.stdout)
        print('%s: %s' % (os.path.basename(fx), 'reproduced' if hit else 'NOT reproduced'))
        if not hit:
            print(r.stdout[-2000:], r.stderr[-2000:])
        failures += not hit
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
