#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The library keeps no writable static state: every object the shared library defines
in a writable data section (.data, .bss, .tdata, .tbss; in the linked library .data also
holds what was .data.rel) is a fault, thread-local ones too, unless the allow-list below
names it with a reason. State belongs to a machine, profile or trace; tables are const (a
const table holding pointers lives in .data.rel.ro, which the dynamic linker
write-protects after relocation, and is not flagged).

Nor does it call libc functions that keep such state themselves (strerror, strtok...).

This reads the built library rather than grepping the sources, so it also catches state
a macro, a generated file or a compiler-made object brings in."""
import re
import subprocess
import sys

lib = sys.argv[1]

# name pattern -> why it may live in writable memory. Only the toolchain's and the
# instrumentation's own objects (what gcc and clang 14 emit today): none is library state.
ALLOWED = {
    r'completed\.\d+': 'crtstuff: __do_global_dtors_aux runs once (the C runtime, not ours)',
    r'__dso_handle': 'crtstuff: identifies this object to __cxa_atexit',
    r'__TMC_END__': 'crtstuff: end marker of the transactional-memory clone table',
}
# Only in an instrumented library (it then imports the runtime's __asan_*, __tsan_*...).
ALLOWED_INSTRUMENTED = {
    r'__unnamed_\d+': "ASan's descriptors of each translation unit's globals (clang names them so)",
}
imports = subprocess.run(['nm', '-D', '--undefined-only', lib], check=True,
                         capture_output=True, text=True).stdout
if re.search(r'\b__(asan|tsan|msan|ubsan|sanitizer)_', imports):
    ALLOWED.update(ALLOWED_INSTRUMENTED)
allowed_re = re.compile('|'.join(f'(?:{p})' for p in ALLOWED) + r'\Z')
writable_re = re.compile(r'\.(data|bss|tdata|tbss)(\.|\Z)')

out = subprocess.run(['nm', '--format=sysv', '--defined-only', lib], check=True,
                     capture_output=True, text=True).stdout
seen = 0
bad = []
for line in out.splitlines():
    cols = [c.strip() for c in line.split('|')]
    if len(cols) < 7:
        continue
    name, kind, section = cols[0], cols[3], cols[6]
    seen += 1
    if kind not in ('OBJECT', 'TLS') or not writable_re.match(section):
        continue
    if section.startswith('.data.rel.ro'):
        continue
    if not allowed_re.match(name):
        bad.append(f'writable static object {name} ({section}, {int(cols[4] or "0", 16)} '
                   'bytes): make it const or per-machine')

# libc functions that keep static state of their own, or return it, for every caller:
# the library uses the reentrant forms (strerror_r, strtok_r, localtime_r...).
NOT_REENTRANT = {
    'strerror', 'strsignal', 'strtok', 'rand', 'srand', 'random', 'srandom', 'drand48',
    'erand48', 'lrand48', 'mrand48', 'srand48', 'localtime', 'gmtime', 'ctime', 'asctime',
    'setlocale', 'localeconv', 'tmpnam', 'ecvt', 'fcvt', 'getpwnam', 'getpwuid',
    'getgrnam', 'getlogin', 'ttyname', 'inet_ntoa', 'hcreate', 'hsearch', 'hdestroy',
    'getopt', 'mblen', 'mbtowc', 'wctomb', 'ptsname', 'crypt',
}
for line in imports.splitlines():
    name = line.split()[-1].split('@')[0]
    if name in NOT_REENTRANT:
        bad.append(f'{name}(): a libc function with static state: use its reentrant form')

if not seen:
    # A stripped library would pass vacuously: say so instead.
    sys.exit(f'{lib}: no symbol table (stripped?): cannot check for static state')
for b in bad:
    print(f'{lib}: {b} (or justify it in emu/tests/check_static_state.py)', file=sys.stderr)
sys.exit(1 if bad else 0)
