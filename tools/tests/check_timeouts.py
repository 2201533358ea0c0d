#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Every test in the build declares a timeout sized for a sanitizer build on a loaded
2-core machine: at least MIN seconds (meson's default of 30 s is what made the suite go
red under load). Usage: check_timeouts.py BUILD_DIR"""
import json
import subprocess
import sys

MIN = 60
build = sys.argv[1]
out = subprocess.run(['meson', 'introspect', '--tests', build], check=True, capture_output=True,
                     text=True).stdout
tests = json.loads(out)
short = [t for t in tests if 0 < t['timeout'] < MIN]
for t in short:
    print(f"{t['name']}: timeout {t['timeout']} s; give it an explicit `timeout:` of at least {MIN} s")
print(f'{len(tests)} tests, {len(short)} with a short timeout')
sys.exit(1 if short else 0)
