#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Decode the CCA token that traces/cca/realm-attestation.json checks in realm memory with
an independent CBOR decoder (python3-cbor2), and check it against the fixture's own calls
and the cca-realm profile:
  check_token_cbor.py FIXTURE PROFILE
Layout as TF-RMM rmm-spec-v1.0-rel0 emits it (lib/attestation/src/attestation_token.c):
tag 399 {44234: platform, 44241: realm}, each a COSE_Sign1 (tag 18, [protected {1: -35}, {}, payload, 96-byte signature]).
Exit 77 (skipped) when python3-cbor2 is not installed."""
import hashlib
import json
import os
import sys

RSI_MEASUREMENT_EXTEND = 0xC4000193
RSI_MEASUREMENT_READ = 0xC4000192
RSI_ATTEST_TOKEN_INIT = 0xC4000194

failures = 0


def check(cond, what):
    global failures
    if not cond:
        failures += 1
        print(f'FAIL {what}')
    else:
        print(f'ok   {what}')


def num(v):
    return int(v, 0) if isinstance(v, str) else v


def regs_le(regs, first, count):
    """Registers x<first>..x<first+count-1> as little-endian bytes."""
    return b''.join(num(regs.get(f'x{i}', 0)).to_bytes(8, 'little')
                    for i in range(first, first + count))


def the_call(steps, fid):
    for s in steps:
        if 'call' in s and num(s['call']['x0']) == fid:
            return s
    raise SystemExit(f'fixture has no call 0x{fid:x}')


def cose_sign1(cbor2, raw, name):
    msg = cbor2.loads(raw)
    check(isinstance(msg, cbor2.CBORTag) and msg.tag == 18, f'{name}: COSE_Sign1 tag 18')
    arr = msg.value if isinstance(msg, cbor2.CBORTag) else None
    check(isinstance(arr, list) and len(arr) == 4, f'{name}: 4-element array')
    if not isinstance(arr, list) or len(arr) != 4:
        return {}
    protected, unprotected, payload, signature = arr
    check(cbor2.loads(protected) == {1: -35}, f'{name}: protected header {{1: -35}} (ES384)')
    check(unprotected == {}, f'{name}: empty unprotected header')
    check(isinstance(signature, bytes) and len(signature) == 96,
          f'{name}: 96-byte P-384 signature')
    claims = cbor2.loads(payload)
    check(isinstance(claims, dict), f'{name}: payload is a claims map')
    return claims if isinstance(claims, dict) else {}


def main(fixture_path, profile_path):
    try:
        import cbor2
    except ImportError:
        # python3-cbor2 installs for Debian's interpreter; meson may have found another
        # python3 first (pyenv, a venv). Retry once under /usr/bin/python3.
        system = '/usr/bin/python3'
        if (os.path.exists(system) and os.path.realpath(sys.executable) != os.path.realpath(system)
                and not os.environ.get('CHECK_TOKEN_CBOR_REEXEC')):
            os.environ['CHECK_TOKEN_CBOR_REEXEC'] = '1'
            os.execv(system, [system] + sys.argv)
        print('python3-cbor2 not installed: skipped')
        return 77
    fixture = json.load(open(fixture_path, encoding='utf-8'))
    profile = json.load(open(profile_path, encoding='utf-8'))
    steps = fixture['steps']
    token = bytes.fromhex([s for s in steps if 'check' in s][-1]['check']['bytes'])

    init = the_call(steps, RSI_ATTEST_TOKEN_INIT)
    challenge = regs_le(init['call'], 1, 8)
    check(num(init['expect']['x1']) >= len(token), 'TOKEN_INIT x1 bounds the token size')
    ext = the_call(steps, RSI_MEASUREMENT_EXTEND)
    index, size = num(ext['call']['x1']), num(ext['call']['x2'])
    value = regs_le(ext['call'], 3, 8)[:size]
    rem = hashlib.sha256(bytes(32) + value).digest()
    read = the_call(steps, RSI_MEASUREMENT_READ)
    check(regs_le(read['expect'], 1, 8) == rem + bytes(32),
          'MEASUREMENT_READ = SHA-256(zero REM || value), zero padded')
    rpv = bytes.fromhex(profile['layers']['rmm']['services']['rsi']['rpv']).ljust(64, b'\0')

    top = cbor2.loads(token)
    check(isinstance(top, cbor2.CBORTag) and top.tag == 399, 'CCA token tag 399')
    outer = top.value if isinstance(top, cbor2.CBORTag) else {}
    check(isinstance(outer, dict) and sorted(outer) == [44234, 44241],
          'outer map keys 44234 (platform), 44241 (realm)')
    if failures:
        return 1
    platform = cose_sign1(cbor2, outer[44234], 'platform token')
    realm = cose_sign1(cbor2, outer[44241], 'realm token')

    check(realm.get(10) == challenge, 'realm challenge (10) = the INIT challenge')
    check(realm.get(44235) == rpv, 'RPV (44235) = the profile rpv padded to 64 bytes')
    check(realm.get(265) == 'tag:arm.com,2023:realm#1.0.0', 'profile (265) is realm 1.0.0')
    check(realm.get(44236) == 'sha-256', 'realm hash algorithm (44236) sha-256')
    check(isinstance(realm.get(44238), bytes) and len(realm[44238]) == 32, 'RIM (44238) 32 bytes')
    rems = realm.get(44239)
    check(isinstance(rems, list) and len(rems) == 4, 'REMs (44239): 4 entries')
    if isinstance(rems, list) and len(rems) == 4:
        for i in range(4):
            want = rem if i == index - 1 else bytes(32)
            check(rems[i] == want, f'REM {i + 1} ' + ('extended' if want == rem else 'zero'))
    key = realm.get(44237)
    check(isinstance(key, bytes) and platform.get(10) == hashlib.sha256(key).digest(),
          'platform challenge (10) = SHA-256 of the realm public key (44237)')
    print(f'{failures} failed')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1], sys.argv[2]))
