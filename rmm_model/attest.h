/* SPDX-License-Identifier: MIT */
/*
 * Private interface of the RMM model's measurement and attestation parts (DEN0137 1.0 chapter A7,
 * "Realm measurement and attestation").
 *
 * measure.c: the hash primitives, the REM extend rule (RSI_MEASUREMENT_EXTEND) and the RIM
 * rules (the initial RIM from RmiRealmParams, then one RmmMeasurementDescriptor* per
 * measured RMI call). token.c: the CCA attestation token (DEN0137 1.0 A7.2), signed for
 * real with fixed, public TEST keys so a test or a guest can verify it.
 *
 * Measurements are always held in 64-byte buffers; the first rmm_hash_size() bytes are the
 * value and the rest is zero (TF-RMM keeps MAX_MEASUREMENT_SIZE = 64 slots the same way).
 * Nothing here keeps state between calls.
 */
#ifndef SMCSIM_RMM_MODEL_ATTEST_H
#define SMCSIM_RMM_MODEL_ATTEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rmm_model/rmm.h"

/* DEN0137 1.0 RmiHashAlgorithm (= RsiHashAlgorithm): RmiRealmParams.hash_algo values. */
enum rmm_hash {
	RMM_HASH_SHA256 = RMI_HASH_SHA_256,
	RMM_HASH_SHA512 = RMI_HASH_SHA_512,
};

#define RMM_MEAS_MAX	  64 /* TF-RMM MAX_MEASUREMENT_SIZE: SHA-512 */
#define RMM_REM_COUNT	  4  /* RSI_MEASUREMENT_READ index 1..4 */
#define RMM_GRANULE_BYTES 4096

/* Digest size in bytes (32 or 64); 0 for a value that is not an RmiHashAlgorithm. */
size_t rmm_hash_size(enum rmm_hash algo);

/* out[0..size) = H(data), out[size..64) = 0. */
void rmm_hash(enum rmm_hash algo, const void *data, size_t len, uint8_t out[RMM_MEAS_MAX]);

/*
 * DEN0137 1.0 RSI_MEASUREMENT_EXTEND: meas = H(meas[0..size) || data[0..len)),
 * zero padded. @len is the caller's `size` (<= 64, checked by the RSI handler).
 */
void rmm_meas_extend(enum rmm_hash algo, uint8_t meas[RMM_MEAS_MAX], const void *data, size_t len);

/* Initial RIM from the measured subset of RmiRealmParams (RMI_REALM_CREATE). */
void rmm_rim_init(enum rmm_hash algo, const struct rmm_realm_params *p, uint8_t rim[RMM_MEAS_MAX]);

/*
 * RMI_DATA_CREATE: extend the RIM with an RmmMeasurementDescriptorData. @content is the
 * 4096-byte granule when the host asked for RMI_MEASURE_CONTENT, NULL otherwise (the
 * descriptor's content hash is then zero).
 */
void rmm_rim_data(enum rmm_hash algo, uint8_t rim[RMM_MEAS_MAX], uint64_t ipa, uint64_t flags,
		  const void *content);

/* RMI_RTT_INIT_RIPAS: extend the RIM with an RmmMeasurementDescriptorRipas for [base, top). */
void rmm_rim_ripas(enum rmm_hash algo, uint8_t rim[RMM_MEAS_MAX], uint64_t base, uint64_t top);

/*
 * RMI_REC_CREATE: extend the RIM with an RmmMeasurementDescriptorRec. @rec_params_page is
 * the host's 4096-byte RmiRecParams granule as read; only its measured fields are used.
 */
void rmm_rim_rec(enum rmm_hash algo, uint8_t rim[RMM_MEAS_MAX], const void *rec_params_page);

/* What the realm token states (DEN0137 1.0 A7.2.3.1 as cited by TF-RMM lib/attestation). */
struct rmm_token_claims {
	enum rmm_hash algo; /* realm hash algorithm: claim 44236 and the RIM/REM sizes */
	uint8_t challenge[64];
	uint8_t rpv[64];
	uint8_t rim[RMM_MEAS_MAX];
	uint8_t rem[RMM_REM_COUNT][RMM_MEAS_MAX];
	bool v2; /* RMM 2.0 token: tag 907, [263, bstr] wrapping, claims 256 and 44243 */
	/* 2.0 only */
	uint8_t realm_instance_id[33]; /* claim 256, emitted as given [unconfirmed derivation] */
	uint64_t mec_policy;	       /* claim 44243: 0 shared, 1 private */
};

/*
 * Encode and sign the CCA token for @c. On success *out is a malloc'd buffer of *len bytes
 * that the caller frees. The same claims always give the same bytes (deterministic ECDSA,
 * RFC 6979). -EINVAL for an unknown hash algorithm, -ENOMEM when an allocation fails.
 */
int rmm_token_build(const struct rmm_token_claims *c, uint8_t **out, size_t *len);

/* The realm attestation public key as the token carries it: CBOR COSE_Key, 1.0 / 2.0. */
int rmm_token_realm_key(uint8_t **cose_key, size_t *len);
/* The platform attestation (TEST) public key as a CBOR COSE_Key: what a verifier trusts for
 * the platform token's signature. */
int rmm_token_platform_key(uint8_t **cose_key, size_t *len);

/* ECDSA P-384 as token.c uses it (exposed for known-answer tests): public point of @priv,
 * and an RFC 6979 deterministic signature r || s of a SHA-384 @digest. */
void rmm_p384_public(const uint8_t priv[48], uint8_t x[48], uint8_t y[48]);
void rmm_p384_sign(const uint8_t priv[48], const uint8_t digest[48], uint8_t sig[96]);

#endif
