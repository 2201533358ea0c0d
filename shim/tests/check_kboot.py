#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Boot real Linux firmware-discovery code (smcsim kboot) on every built-in profile and
compare what it finds with the reference models (smcsim-discover) in the same kernel
flavour.

usage: check_kboot.py KBOOT DISCOVER SMCSIM KERNEL_SRC_SH WORKDIR

The kernel tree is extracted into WORKDIR by tools/kernel-src.sh from $SMCSIM_KERNEL_TARBALL
(a path or a glob: the newest version matching), else it is $SMCSIM_KERNEL_SRC, else
Debian's linux-source-6.12 tarball. Without a tree the test is skipped (exit 77).

Checked per profile: the boot exits 0, does not panic and logs no WARNING; the devices
(bus/name, modalias, driver) and the log lines agree with the reference model, except for
the differences listed in KNOWN, each with the Linux source line that decides it; for a
tree with arch/arm64/kernel/rsi.c, the Realm verdict and the IPA width agree too.
$SMCSIM_KBOOT_FLAVOUR picks the model's flavour (default --linux=6.12; --mainline for a
7.x tree: platform devices, no SMCCC bus).
"""
import glob
import json
import os
import re
import subprocess
import sys

# Differences between Linux 6.12 and the reference model that are not model bugs but
# things the reference model reports on purpose; (profile or '*', kind, text).
KNOWN = [
    # The model logs a failing initcall at debug level; Linux only with initcall_debug
    # (init/main.c do_one_initcall()).
    ('*', 'log', 'debug: initcall '),
]


def run(argv, env=None):
    p = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=600)
    return p.returncode, p.stdout, p.stderr


def section(report, name):
    lines, on = [], False
    for line in report.splitlines():
        if line.startswith(name + ':'):
            on = True
            continue
        if on and not line.startswith('  '):
            break
        if on:
            lines.append(line.strip())
    return lines


def main():
    kboot, discover, smcsim, ksrc_sh, workdir = sys.argv[1:6]
    tarball = os.environ.get('SMCSIM_KERNEL_TARBALL')
    tree = None if tarball else os.environ.get('SMCSIM_KERNEL_SRC')
    if tarball:
        def version(path):
            return [int(n) for n in re.findall(r'\d+', os.path.basename(path))]
        found = sorted(glob.glob(tarball), key=version)
        if not found:
            print('skip: no kernel tarball matches %s' % tarball)
            return 77
        tarball = found[-1]
    if not tree:
        rc, out, err = run([ksrc_sh, os.path.join(workdir, 'linux-source')] +
                           ([tarball] if tarball else []))
        if rc == 77:
            print('skip: ' + err.strip())
            return 77
        if rc:
            print(err)
            return 1
        tree = out.strip()
    env = dict(os.environ, SMCSIM_KBOOT_CACHE=os.path.join(workdir, 'kboot-cache'))
    rc, out, _ = run([smcsim, 'profiles'])
    profiles = [l.split()[0] for l in out.splitlines() if l.strip()]
    flavour = os.environ.get('SMCSIM_KBOOT_FLAVOUR', '--linux=6.12').split()
    failures = 0
    for prof in profiles:
        rc, real, err = run([kboot, '--kernel-src', tree, '--profile', prof], env)
        problems = []
        if rc:
            problems.append('kboot exit %d: %s' % (rc, err.strip()))
        if not re.search(r'^kernel: Linux \d', real, re.M):
            problems.append('no kernel version in the report')
        if 'panic: yes' in real:
            problems.append('the kernel panicked')
        if 'WARNING:' in real:
            problems.append('the kernel logged a WARNING')
        rc2, ref, err2 = run([discover, '--profile', prof] + flavour)
        if rc2:
            problems.append('smcsim-discover %s exit %d: %s' % (' '.join(flavour), rc2, err2.strip()))
        else:
            # With rsi.c in the tree (6.13+): Realm or not, and the IPA width the kernel
            # read from RSI_REALM_CONFIG (through the mirror of its static realm_config).
            kr = re.search(r'^realm: (yes|no)(?:, ipa_bits (\d+))?', real, re.M)
            mr = re.search(r'^realm: (yes|no)(?:, rsi [^,]*, ipa_bits (\d+))?', ref, re.M)
            if kr and (not mr or kr.groups() != mr.groups()):
                problems.append('realm: Linux %s, model %s' % (
                    kr.group(0), mr.group(0) if mr else '(none)'))
            for kind in ('devices', 'log'):
                a, b = section(real, kind), section(ref, kind)
                known = [k[2] for k in KNOWN if k[0] in ('*', prof) and k[1] == kind]
                only_real = [l for l in a if l not in b and not any(k in l for k in known)]
                only_ref = [l for l in b if l not in a and not any(k in l for k in known)]
                for l in only_real:
                    problems.append('%s: Linux only:  %s' % (kind, l))
                for l in only_ref:
                    problems.append('%s: model only:  %s' % (kind, l))
        status = 'FAIL' if problems else 'ok'
        print('%-14s %s' % (prof, status))
        for p in problems:
            print('    ' + p)
        failures += bool(problems)
    # The same report as a versioned JSON document (--format json).
    rc, out, err = run([kboot, '--kernel-src', tree, '--profile', profiles[0], '--format', 'json'], env)
    try:
        doc = json.loads(out)
        ok = (rc == 0 and doc['format'] == 'smcsim-kboot-report' and doc['version'] == 1 and
              doc['kernel'].startswith('Linux ') and isinstance(doc['log'], list))
    except (ValueError, KeyError):
        ok = False
    print('--format json: %s' % ('ok' if ok else 'FAIL ' + out[:200] + err[:200]))
    failures += not ok
    print('%d profiles, %d differ' % (len(profiles), failures))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
