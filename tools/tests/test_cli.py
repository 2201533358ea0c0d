#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""CLI tests for smcsim(1): every subcommand, exit codes 0/1/2, NO_COLOR, JSON and JUnit
output, and record -> replay round trips. Usage: test_cli.py PATH-TO-smcsim"""
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SMCSIM = sys.argv[1]
ENV = dict(os.environ, NO_COLOR='1')
results = []


def run(*args, stdin=None, env=ENV, timeout=None):
    return subprocess.run([SMCSIM, *args], capture_output=True, text=True, input=stdin, env=env,
                          timeout=timeout)


def case(name):
    def wrap(fn):
        try:
            fn()
            results.append((name, None))
        except AssertionError as e:
            results.append((name, str(e) or 'assertion failed'))
        except subprocess.TimeoutExpired as e:
            results.append((name, 'timed out: %s' % ' '.join(e.cmd)))
        return fn
    return wrap


def expect(cond, msg):
    if not cond:
        raise AssertionError(msg)


@case('--version and --help exit 0; unknown command exits 2')
def _():
    p = run('--version')
    expect(p.returncode == 0 and p.stdout.startswith('smcsim '), p.stdout)
    p = run('--help')
    expect(p.returncode == 0 and 'replay' in p.stdout and 'decode' in p.stdout, p.stdout)
    p = run('frobnicate')
    expect(p.returncode == 2 and 'unknown command' in p.stderr, p.stderr)
    for sub in ('replay', 'call', 'decode', 'profiles', 'record'):
        p = run(sub, '--help')
        expect(p.returncode == 0 and 'usage: smcsim ' + sub in p.stdout, sub + ': ' + p.stdout)


@case('call prints decoded results')
def _():
    p = run('call', 'SMCCC_VERSION')
    expect(p.returncode == 0, p.stderr)
    expect('SMCCC_VERSION (0x80000000) -> return' in p.stdout, p.stdout)
    expect('x0  = 0x0000000000010002' in p.stdout, p.stdout)
    p = run('call', '--profile', 'kvm-guest', '0x80000000')
    expect('x0  = 0x0000000000010001' in p.stdout, p.stdout)
    p = run('call', '0x8400fe00')
    expect('x0  = 0xffffffffffffffff (-1)' in p.stdout, 'unknown FID shows -1: ' + p.stdout)


@case('call rejects bad input with exit 2')
def _():
    expect(run('call', 'NOT_A_FUNCTION').returncode == 2, 'bad FID')
    p = run('call', '--caller', 'nobody', 'SMCCC_VERSION')
    expect(p.returncode == 2 and 'no caller "nobody"' in p.stderr, p.stderr)
    p = run('call', '--profile', 'no-such', 'SMCCC_VERSION')
    expect(p.returncode == 2 and 'no built-in profile' in p.stderr, p.stderr)
    p = run('call', '--cpu', '1', 'SMCCC_VERSION')
    expect(p.returncode == 2 and 'powered off' in p.stderr, 'secondary CPU is off: ' + p.stderr)
    expect(run('call').returncode == 2, 'no FID')


@case('values read as fixtures read them: 010 is ten, bad values are named')
def _():
    p = run('decode', '010')
    expect(p.returncode == 1 and p.stdout.startswith('0x0000000a:'), '010 is decimal: ' + p.stdout)
    p = run('call', 'SMCCC_ARCH_FEATURES', '010')
    expect(p.returncode == 0 and 'x1  = 0x000000000000000a' in p.stdout, p.stdout)
    p = run('call', 'SMCCC_VERSION', '-1', '0x10')
    expect('x1  = 0xffffffffffffffff' in p.stdout and 'x2  = 0x0000000000000010' in p.stdout,
           p.stdout)
    for bad in ('12abc', '0x', '08x', '18446744073709551616', ''):
        p = run('call', 'SMCCC_VERSION', bad)
        expect(p.returncode == 2 and '"%s" is not a value' % bad in p.stderr,
               repr(bad) + ': ' + p.stderr)
    p = run('call', '--cpu', '1x', 'SMCCC_VERSION')
    expect(p.returncode == 2 and '--cpu takes a CPU index' in p.stderr, p.stderr)
    # The CLI and a fixture agree: x1 "010" recorded from the command line replays as 10.
    with tempfile.TemporaryDirectory() as d:
        fx = os.path.join(d, 'ten.json')
        with open(fx, 'w') as f:
            json.dump({'format': 'smcsim-trace', 'version': 1, 'profile': 'tfa-host',
                       'steps': [{'call': {'x0': 'SMCCC_VERSION', 'x1': '010'},
                                  'expect': {'x0': '0x10002', 'x1': '10'}}]}, f)
        p = run('replay', fx)
        expect(p.returncode == 0, p.stdout + p.stderr)


@case('decode explains convention, owner, service and name')
def _():
    p = run('decode', '0xC4000003')
    expect(p.returncode == 0, p.stderr)
    for s in ('PSCI_CPU_ON_64', 'fast call, SMC64/HVC64', 'owner:      4 (Standard Secure Service Calls)', 'service:    psci'):
        expect(s in p.stdout, s + ' missing: ' + p.stdout)
    p = run('decode', '0x8401ff77')
    expect(p.returncode == 1 and 'no known function' in p.stdout and 'SVE' in p.stdout, p.stdout)
    expect(run('decode', 'junk').returncode == 2, 'junk')
    p = run('decode', 'SMCCC_ARCH_SOC_ID_64')
    expect('0xc0000002' in p.stdout, p.stdout)


@case('profiles lists built-ins and expands one')
def _():
    p = run('profiles')
    expect(p.returncode == 0 and 'tfa-host' in p.stdout and '[default]' in p.stdout and 'qemu-tcg' in p.stdout, p.stdout)
    p = run('profiles', 'kvm-guest')
    doc = json.loads(p.stdout)
    expect(doc['name'] == 'kvm-guest' and 'guest' in doc['callers'], p.stdout[:200])
    expect(run('profiles', 'nope').returncode == 2, 'unknown profile')


@case('record then replay round-trips bit-identically; a changed value is a mismatch')
def _():
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, 'rec.json')
        p = run('record', '-o', out, '-d', 'cli test', '--', 'PSCI_VERSION', 'SMCCC_ARCH_FEATURES SMCCC_ARCH_SOC_ID',
                'SMCCC_ARCH_SOC_ID_64 2', 'write 0x80001000 0011aabb')
        expect(p.returncode == 0, p.stderr)
        doc = json.load(open(out))
        expect(doc['format'] == 'smcsim-trace' and doc['version'] == 1 and len(doc['steps']) == 4, str(doc)[:300])
        expect(doc['steps'][0]['note'] == 'PSCI_VERSION', 'note carries the name')
        p = run('replay', out)
        expect(p.returncode == 0 and '1 passed' in p.stdout, p.stdout)
        doc['steps'][2]['expect']['x1'] = '0x1'
        json.dump(doc, open(out, 'w'))
        p = run('replay', out)
        expect(p.returncode == 1 and 'FAIL' in p.stdout and 'SMCCC_ARCH_SOC_ID_64' in p.stdout and 'x1' in p.stdout, p.stdout)
        # stdin form, with per-line settings and comments
        p = run('record', '-o', out, stdin='# discovery\nPSCI_VERSION\ncpu=0 conduit=smc SMCCC_VERSION\n\n')
        expect(p.returncode == 0 and len(json.load(open(out))['steps']) == 2, p.stderr)
        p = run('record', '-o', out, stdin='NOT_A_CALL\n')
        expect(p.returncode == 2 and 'stdin:1' in p.stderr, p.stderr)


@case('replay: --format json, --junit, NO_COLOR, bad input exit 2')
def _():
    with tempfile.TemporaryDirectory() as d:
        good = os.path.join(d, 'good.json')
        run('record', '-o', good, '--', 'SMCCC_VERSION')
        bad = os.path.join(d, 'bad.json')
        open(bad, 'w').write('{"format": "smcsim-trace", "version": 1, "steps": [ {"call": {}} ]}')
        p = run('replay', '--format', 'json', good)
        doc = json.loads(p.stdout)
        expect(p.returncode == 0 and doc['passed'] == 1 and doc['fixtures'][0]['result'] == 'pass', p.stdout)
        junit = os.path.join(d, 'junit.xml')
        p = run('replay', '--junit', junit, good, bad)
        expect(p.returncode == 2, 'bad input dominates: %d' % p.returncode)
        root = ET.parse(junit).getroot()
        suite = root.find('testsuite')
        expect(suite.get('tests') == '2' and suite.get('errors') == '1', ET.tostring(root)[:300])
        expect('/steps/0/call/x0: missing' in p.stdout, p.stdout)
        expect('\033[' not in p.stdout, 'NO_COLOR honoured')
        p = run('replay', os.path.join(d, 'missing.json'))
        expect(p.returncode == 2, 'missing file')
        expect(run('replay').returncode == 2, 'no files')
        expect(run('replay', '--format', 'xml', good).returncode == 2, 'bad --format')


@case('replay is CI-safe: empty runs fail, non-fixtures are named, bad paths are entries, name before diagnostics')
def _():
    with tempfile.TemporaryDirectory() as d:
        empty = os.path.join(d, 'empty')
        os.mkdir(empty)
        p = run('replay', empty)
        expect(p.returncode == 2 and 'no fixture was replayed' in p.stderr, p.stderr)
        expect(run('replay', '--allow-empty', empty).returncode == 0, '--allow-empty')
        good = os.path.join(d, 'good.json')
        run('record', '-o', good, '--', 'SMCCC_VERSION', 'PSCI_VERSION')
        typo = os.path.join(d, 'typo.json')
        open(typo, 'w').write('{"format": "smcsim-trac", "version": 1, "steps": []}')
        p = run('replay', '--format', 'json', '--junit', os.path.join(d, 'j.xml'), d,
                os.path.join(d, 'missing.json'))
        doc = json.loads(p.stdout)
        expect(p.returncode == 2 and doc['passed'] == 1 and doc['errors'] == 1, p.stdout)
        expect(doc['skipped'] == [typo], doc['skipped'])
        expect('skipped 1 .json file that is not smcsim-trace: ' + typo in p.stderr, p.stderr)
        suite = ET.parse(os.path.join(d, 'j.xml')).getroot().find('testsuite')
        expect(suite.get('tests') == '2' and suite.get('errors') == '1', 'JUnit written despite the bad path')
        # stdin, and another machine: the fixture recorded on the default profile fails
        # on qemu-tcg, whose firmware has no SMCCC_VERSION; the FAIL line precedes its steps.
        p = run('replay', '-', stdin=open(good).read())
        expect(p.returncode == 0 and '1 passed' in p.stdout, p.stdout)
        p = run('replay', '--profile', 'qemu-tcg', good)
        lines = p.stdout.splitlines()
        expect(p.returncode == 1 and lines[0].startswith('FAIL') and 'SMCCC_VERSION' in lines[1], p.stdout)
        p = run('replay', '--override', '{"layers": null}', good)
        expect(p.returncode == 2 and '--override' in p.stdout, p.stdout)


@case('replay reports are versioned and valid against their schema; JUnit has time, file, classname')
def _():
    with tempfile.TemporaryDirectory() as d:
        sub = os.path.join(d, 'suite', 'cca')
        os.makedirs(sub)
        good = os.path.join(sub, 'good.json')
        run('record', '-o', good, '--', 'SMCCC_VERSION')
        doc = json.load(open(good))
        doc['steps'][0]['expect']['x0'] = '0x1'
        bad = os.path.join(sub, 'mismatch.json')
        json.dump(doc, open(bad, 'w'))
        p = run('replay', '--format', 'json', '--junit', os.path.join(d, 'j.xml'), os.path.join(d, 'suite'))
        rep = json.loads(p.stdout)
        expect(rep['format'] == 'smcsim-replay-report' and rep['version'] == 1, p.stdout[:200])
        try:
            import jsonschema
            here = os.path.dirname(os.path.abspath(__file__))
            schema = json.load(open(os.path.join(here, '..', '..', 'traces', 'smcsim-replay-report.schema.json')))
            jsonschema.validate(rep, schema)
        except ImportError:
            pass
        tc = ET.parse(os.path.join(d, 'j.xml')).getroot().find('testsuite')
        expect(tc.get('timestamp') and tc.get('time'), ET.tostring(tc)[:200])
        cases = tc.findall('testcase')
        expect(all(c.get('classname').endswith('.suite.cca') and c.get('file').startswith(sub) and
                   c.get('time') for c in cases), ET.tostring(tc)[:400])
        # a fixture may name its schema for editors
        doc = json.load(open(good))
        doc['$schema'] = '../smcsim-trace.schema.json'
        json.dump(doc, open(good, 'w'))
        expect(run('replay', good).returncode == 0, 'a fixture with $schema replays')


@case('discover: --format json (versioned) and -o FILE like record')
def _():
    p = run('discover', '--profile', 'ffa-host', '--format', 'json')
    if p.returncode == 2 and 'not found' in p.stderr:
        return  # installed without the shim
    doc = json.loads(p.stdout)
    expect(doc['format'] == 'smcsim-discover-report' and doc['version'] == 1 and
           doc['profile'] == 'ffa-host' and any('arm_ffa/arm-ffa-1' in d for d in doc['devices']) and
           doc['log'], p.stdout[:300])
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, 'boot.json')
        p = run('discover', '--profile', 'tfa-host', '-o', out)
        expect(p.returncode == 0 and json.load(open(out))['format'] == 'smcsim-trace', p.stderr)
        expect(run('replay', out).returncode == 0, 'the recording replays')


@case('resource limits: steps per fixture, raised with SMCSIM_LIMITS; a malformed SMCSIM_LIMITS is an error')
def _():
    with tempfile.TemporaryDirectory() as d:
        fx = os.path.join(d, 'three.json')
        run('record', '-o', fx, '--', 'SMCCC_VERSION', 'PSCI_VERSION', 'TRNG_VERSION')
        env = dict(ENV, SMCSIM_LIMITS='steps=2')
        p = run('replay', fx, env=env)
        expect(p.returncode == 2 and '/steps: 3 steps; at most 2 per fixture (raise with SMCSIM_LIMITS=steps=N)' in p.stdout, p.stdout)
        env = dict(ENV, SMCSIM_LIMITS='cpus=8,steps=3')
        expect(run('replay', fx, env=env).returncode == 0, 'limit raised to 3')
        env = dict(ENV, SMCSIM_LIMITS='steps=lots')
        p = run('replay', fx, env=env)
        expect(p.returncode == 2 and 'SMCSIM_LIMITS: a value is a positive number' in p.stdout, p.stdout)
        # the regions limit raised: the golden too-many-regions fixture then builds
        here = os.path.dirname(os.path.abspath(__file__))
        bad = os.path.join(here, '..', '..', 'traces', 'tests', 'bad', 'too-many-regions.json')
        p = run('replay', bad, env=dict(ENV, SMCSIM_LIMITS='regions=65'))
        expect('at most 64' not in p.stdout, p.stdout)


@case('show prints a fixture; diff compares two step by step (text and json, exit 0/1/2)')
def _():
    with tempfile.TemporaryDirectory() as d:
        a, b = os.path.join(d, 'a.json'), os.path.join(d, 'b.json')
        run('record', '-o', a, '--', 'SMCCC_VERSION', 'PSCI_VERSION', 'PSCI_FEATURES SMCCC_VERSION')
        run('record', '--profile', 'qemu-tcg', '-o', b, '--', 'SMCCC_VERSION', 'PSCI_VERSION')
        p = run('show', a)
        expect(p.returncode == 0 and '0  SMCCC_VERSION' in p.stdout and '(1.2)' in p.stdout and
               'PSCI_FEATURES x1=0x80000000' in p.stdout, p.stdout)
        doc = json.loads(run('show', '--format', 'json', a).stdout)
        expect(doc['format'] == 'smcsim-show' and len(doc['steps']) == 3, str(doc)[:200])
        p = run('diff', a, a)
        expect(p.returncode == 0 and '0 differ' in p.stdout, p.stdout)
        p = run('diff', a, b)
        expect(p.returncode == 1 and 'step 0 SMCCC_VERSION: x0 0x10002 (1.2) | 0xffffffffffffffff (NOT_SUPPORTED)' in p.stdout
               and '(no step)' in p.stdout and 'profiles differ' in p.stdout, p.stdout)
        doc = json.loads(run('diff', '--format', 'json', a, b).stdout)
        expect(doc['format'] == 'smcsim-diff' and len(doc['differences']) == 2 and doc['profile_differs'], str(doc)[:300])
        expect(run('diff', a, os.path.join(d, 'missing.json')).returncode == 2, 'bad input')


@case('bash completion: commands, options, function names')
def _():
    here = os.path.dirname(os.path.abspath(__file__))
    script = os.path.join(here, '..', 'completion', 'smcsim.bash')
    bindir = os.path.dirname(os.path.abspath(SMCSIM))
    def complete(*words):
        line = ' '.join(words)
        cmd = ('PATH=%s:$PATH; source %s; COMP_WORDS=(%s); COMP_CWORD=%d; _smcsim; '
               'printf "%%s\\n" "${COMPREPLY[@]}"' % (bindir, script, line, len(words) - 1))
        return subprocess.run(['bash', '-c', cmd], capture_output=True, text=True).stdout.split()
    expect('replay' in complete('smcsim', 're'), 'commands')
    expect('--allow-empty' in complete('smcsim', 'replay', '--al'), 'replay options')
    expect('PSCI_VERSION' in complete('smcsim', 'call', 'psci_v'), 'function names')
    expect('kvm-guest' in complete('smcsim', 'call', '--profile', 'kvm'), 'profiles')


@case('help CMD, --color, --version with the revision and models')
def _():
    p = run('help', 'replay')
    expect(p.returncode == 0 and 'usage: smcsim replay' in p.stdout, p.stdout)
    expect(run('help', 'nope').returncode == 2, 'unknown command')
    p = run('--version')
    expect(p.returncode == 0 and re.match(r'smcsim \d+\.\d+\.\d+ \(.+\)\n', p.stdout) and 'DEN0137' in p.stdout, p.stdout)
    with tempfile.TemporaryDirectory() as d:
        good = os.path.join(d, 'g.json')
        run('record', '-o', good, '--', 'SMCCC_VERSION')
        p = run('--color=always', 'replay', good)
        expect('\033[' in p.stdout, 'colour forced: ' + p.stdout)
        p = run('--color=never', 'replay', good)
        expect('\033[' not in p.stdout, 'colour off')
    expect(run('--color=sometimes', 'replay').returncode == 2, 'bad --color')


@case('names people type: any case, Linux and TF-A spellings, suggestions, decode --list')
def _():
    for name, fid in (('psci_version', '0x84000000'), ('ARM_SMCCC_VERSION_FUNC_ID', '0x80000000'),
                      ('PSCI_0_2_FN64_CPU_ON', '0xc4000003'), ('FFA_FN64_RXTX_MAP', '0xc4000066'),
                      ('SMC_RMI_VERSION', '0xc4000150'), ('FFA_SUCCESS_32', '0x84000061')):
        p = run('decode', name)
        expect(p.returncode == 0 and p.stdout.startswith(fid + ':'), name + ': ' + p.stdout)
    p = run('decode', 'TRNG_RND')
    expect(p.returncode == 2 and 'did you mean TRNG_RND32 or TRNG_RND64?' in p.stderr, p.stderr)
    p = run('call', 'PSCI_VERSON')
    expect(p.returncode == 2 and 'did you mean PSCI_VERSION?' in p.stderr, p.stderr)
    p = run('decode', '--list', 'trng')
    expect(p.returncode == 0 and len(p.stdout.splitlines()) == 5 and '0xc4000053  trng     TRNG_RND64' in p.stdout, p.stdout)
    expect(run('decode', '--list', 'nope').returncode == 2, 'unknown service')
    p = run('call', 'arm_smccc_version_func_id')
    expect(p.returncode == 0 and 'SMCCC_VERSION' in p.stdout, p.stdout)


@case('call decodes results by service: statuses, versions, FF-A result IDs; not IDs in data')
def _():
    p = run('call', 'PSCI_VERSION')
    expect(p.returncode == 0 and '(1.1)' in p.stdout, p.stdout)
    p = run('call', '--profile', 'qemu-tcg', 'SMCCC_VERSION')
    expect('(NOT_SUPPORTED)' in p.stdout, p.stdout)
    p = run('call', 'PSCI_AFFINITY_INFO_64', '1', '0')
    expect('(OFF)' in p.stdout, p.stdout)
    p = run('call', '--profile', 'cca-host', 'RMI_GRANULE_DELEGATE', '0x1')
    expect('(RMI_ERROR_INPUT)' in p.stdout, p.stdout)
    p = run('call', '--profile', 'cca-host', 'RMI_VERSION', '0x10000')
    expect('x1  = 0x0000000000010000 (1.0)' in p.stdout, p.stdout)
    p = run('call', '--profile', 'ffa-host', 'FFA_RXTX_UNMAP')
    expect('(FFA_ERROR)' in p.stdout and '(INVALID_PARAMETERS)' in p.stdout, p.stdout)
    # An argument equal to a function ID is data: x1 = 0x80000000 is not SMCCC_VERSION.
    p = run('call', 'PSCI_CPU_ON_64', '1', '0x80000000')
    expect('SMCCC_VERSION' not in p.stdout, p.stdout)


@case('a fixture names at most 32767 distinct callers; the error names file and path')
def _():
    def fixture(n):
        return {'format': 'smcsim-trace', 'version': 1, 'profile': 'tfa-host',
                'steps': [{'call': {'x0': 'PSCI_VERSION'}, 'caller': 'c%d' % i} for i in range(n)]}
    with tempfile.TemporaryDirectory() as d:
        fx = os.path.join(d, 'callers.json')
        json.dump(fixture(32767), open(fx, 'w'))
        # At the limit the file parses; replay then fails on the first unknown caller.
        p = run('replay', fx, timeout=60)
        expect(p.returncode == 2 and
               p.stdout.startswith('ERROR %s: /steps/0/caller: profile tfa-host has no caller "c0"' % fx),
               p.stdout[:300])
        json.dump(fixture(32768), open(fx, 'w'))
        p = run('replay', fx, timeout=60)
        expect(p.returncode == 2 and p.stdout.startswith(
            'ERROR %s: /steps/32767/caller: more than 32767 distinct caller names in one fixture' % fx),
            p.stdout[:300])


@case('profile errors name the profile file; --cpu past the last CPU says how many')
def _():
    with tempfile.TemporaryDirectory() as d:
        prof = os.path.join(d, 'bad-cpus.json')
        open(prof, 'w').write('{"base": "tfa-host", "cpus": "four"}')
        p = run('profiles', prof)
        expect(p.returncode == 2 and p.stderr == 'smcsim: %s: /cpus: expected an object\n' % prof,
               p.stderr)
        p = run('call', '--profile', prof, 'SMCCC_VERSION')
        expect(p.returncode == 2 and p.stderr == 'smcsim: %s: /cpus: expected an object\n' % prof,
               p.stderr)
    p = run('call', '--cpu', '4', 'SMCCC_VERSION')
    expect(p.returncode == 2 and
           p.stderr == 'smcsim: --cpu 4: profile tfa-host has 4 CPUs (0..3)\n', p.stderr)
    p = run('record', '--', 'cpu=7 SMCCC_VERSION')
    expect(p.returncode == 2 and
           p.stderr == 'smcsim record: argument 1: cpu=7: profile tfa-host has 4 CPUs (0..3)\n',
           p.stderr)


@case('a NUL (\\u0000) in a profile string is an error naming the file and JSON path')
def _():
    with tempfile.TemporaryDirectory() as d:
        base = os.path.join(d, 'base.json')
        open(base, 'w').write('{"base": "tfa-host", "description": "cut\\u0000here"}')
        for body, path in (
                ('{"name": "mine\\u0000x"}', '/name'),
                ('{"base": "tfa-host\\u0000.json"}', '/base'),
                ('{"base": "tfa-host", "default_caller": "host\\u0000x"}', '/default_caller'),
                ('{"base": "tfa-host", "layers": {"el3": {"services": {"psci": '
                 '{"version": "1.1\\u00009"}}}}}', '/layers/el3/services/psci/version'),
                ('{"base": "tfa-host", "memory": [{"name": "a/b~c\\u0000", "base": 0, "size": 4096}]}',
                 '/memory/0/name'),
                ('{"base": "tfa-host", "x/y~z": "\\u0000"}', '/x~1y~0z')):
            prof = os.path.join(d, 'p.json')
            open(prof, 'w').write(body)
            want = 'smcsim: %s: %s: string contains a NUL character (\\u0000)\n' % (prof, path)
            for args in (('profiles', prof), ('call', '--profile', prof, 'SMCCC_VERSION')):
                p = run(*args)
                expect(p.returncode == 2 and p.stderr == want, '%s: %r' % (body, p.stderr))
        # In a base profile: the base file is named.
        prof = os.path.join(d, 'p.json')
        open(prof, 'w').write('{"base": "base.json"}')
        p = run('profiles', prof)
        want = 'smcsim: %s: /description: string contains a NUL character (\\u0000)\n' % base
        expect(p.returncode == 2 and p.stderr == want, p.stderr)


@case('replay DIR skips FIFOs and devices, follows no symlink loop, runs each fixture once')
def _():
    with tempfile.TemporaryDirectory() as d:
        fx = os.path.join(d, 'good.json')
        p = run('record', '-o', fx, '--', 'SMCCC_VERSION')
        expect(p.returncode == 0, p.stderr)
        os.mkfifo(os.path.join(d, 'fifo.json'))
        os.symlink('.', os.path.join(d, 'loop'))            # a directory loop
        os.symlink('self.json', os.path.join(d, 'self.json'))  # a file loop
        os.symlink('good.json', os.path.join(d, 'x-alias.json'))
        os.mkdir(os.path.join(d, 'sub'))
        os.symlink('..', os.path.join(d, 'sub', 'up'))
        p = run('replay', d, timeout=30)
        expect(p.returncode == 0, p.stdout + p.stderr)
        expect(p.stdout.count('PASS') == 1 and '1 fixtures, 1 steps: 1 passed' in p.stdout,
               p.stdout)
        for note in ('note: %s/fifo.json: skipped, a FIFO' % d,
                     'note: %s/loop: skipped, the same directory as %s' % (d, d),
                     'note: %s/self.json: skipped, a symlink loop' % d,
                     'note: %s/x-alias.json: skipped, the same file as %s' % (d, fx),
                     'note: %s/sub/up: skipped, the same directory as %s' % (d, d)):
            expect('smcsim replay: ' + note + '\n' in p.stderr, note + ' missing: ' + p.stderr)
        # The same directory twice, or a file and its directory: still once each.
        p = run('replay', d, d + '/', fx, timeout=30)
        expect(p.returncode == 0 and p.stdout.count('PASS') == 1, p.stdout + p.stderr)
        # JSON output stays one document on stdout; the notes go to stderr.
        p = run('replay', '--format', 'json', d, timeout=30)
        expect(p.returncode == 0 and json.loads(p.stdout)['passed'] == 1, p.stdout)


@case('discover runs the Linux discovery models')
def _():
    p = run('discover', '--profile', 'tfa-host')
    expect(p.returncode == 0, p.stderr)
    expect('psci: v1.1 (smc)' in p.stdout and 'smccc: v1.2 (smc)' in p.stdout, p.stdout)
    p = run('discover', '--profile', 'qemu-tcg')
    expect(p.returncode == 0 and 'smccc: v1.0' in p.stdout, p.stdout)


@case('discover --linux 6.12 runs the Linux 6.12 flavour')
def _():
    p = run('discover', '--profile', 'ffa-host', '--linux', '6.12')
    expect(p.returncode == 0, p.stderr)
    expect('ffa: v1.1,' in p.stdout and 'platform/smccc_trng modalias platform:smccc_trng bound smccc_trng' in p.stdout
           and 'platform/arm-ffa' not in p.stdout and 'arm_smccc/' not in p.stdout, p.stdout)
    p = run('discover', '--linux', '6.13')
    expect(p.returncode == 2 and '--linux: expected 6.12' in p.stderr, p.stderr)
    p = run('discover', '--linux', '6.12', '--rmi', '1.0')
    expect(p.returncode == 2, p.stdout + p.stderr)


failed = [r for r in results if r[1]]
for name, err in results:
    print(('ok   ' if not err else 'FAIL ') + name + ('' if not err else '\n     ' + err.replace('\n', '\n     ')))
print(f'{len(results) - len(failed)} passed, {len(failed)} failed')
sys.exit(1 if failed else 0)
