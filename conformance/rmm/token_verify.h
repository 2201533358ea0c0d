/* SPDX-License-Identifier: MIT */
/* The test-side CCA token verifier (token_verify.c). */
#ifndef SMCSIM_CONFORMANCE_RMM_TOKEN_VERIFY_H
#define SMCSIM_CONFORMANCE_RMM_TOKEN_VERIFY_H

#include <stddef.h>
#include <stdint.h>

#include "rmm_model/attest.h"

/*
 * Decode @tok with libcbor, check its structure, tags, claim keys in emitted order, types
 * and sizes, the platform challenge binding (SHA-256 of the realm COSE_Key), and verify
 * both ES384 signatures against the TEST keys. Fills @out (may be NULL) from the realm
 * claims. -EBADMSG when malformed, -EKEYREJECTED when a signature does not verify,
 * -ENOMEM on allocation failure.
 */
int rmm_token_verify(const uint8_t *tok, size_t len, struct rmm_token_claims *out);

#endif
