/* SPDX-License-Identifier: MIT */
/*
 * The CCA attestation token (DEN0137 1.0 A7.2; layout as TF-RMM lib/attestation
 * attestation_token.c @rel0 and app/attestation @main emit it).
 *
 *   1.0: tag 399 { 44234: bstr(platform COSE_Sign1), 44241: bstr(realm COSE_Sign1) }
 *   2.0: tag 907 { 44234: [263, bstr(platform)], 44241: [263, bstr(realm)] }
 *   COSE_Sign1 (RFC 8152 4.2): tag 18 [ bstr({1: -35}), {}, bstr(claims), bstr(r || s) ]
 *
 * Both tokens are signed ES384 (ECDSA P-384 over SHA-384 of the Sig_structure, RFC 8152
 * 4.4) with fixed TEST keys, and the nonce is RFC 6979 deterministic, so the same claims
 * always give the same bytes and fixtures can be compared byte for byte. The platform token
 * is what EL3/RSE would hand the RMM; here it is a fixed test token bound to the realm key
 * the way TF-RMM binds it (its challenge is SHA-256 of the realm key's COSE_Key encoding).
 *
 * CBOR is built with libcbor items and serialised in one go; every integer is given its
 * shortest width so the encoding is the preferred (deterministic) one, as QCBOR emits it.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <cbor.h>
#include <nettle/bignum.h>
#include <nettle/ecc-curve.h>
#include <nettle/ecc.h>
#include <nettle/ecdsa.h>
#include <nettle/hmac.h>
#include <nettle/sha2.h>

#include "abi/rsi.h"
#include "rmm_model/attest.h"

/* Tags, claim keys and profiles are abi/rsi.h's (CCA_*). */
#define PLAT_VERIFY_URL	  "https://veraison.example/.well-known/veraison/verification"
#define LIFECYCLE_SECURED 0x3003 /* PSA security lifecycle "secured", as in TF-RMM's sample */

#define P384_BYTES 48
#define SIG_BYTES  (2 * P384_BYTES)

/*
 * PUBLIC TEST KEYS. Anyone can forge tokens with them; they exist so tokens are verifiable
 * and reproducible in a simulator, and must never be used for anything else.
 * The realm attestation key is the P-384 private key of RFC 6979 A.2.6, so its public key
 * is a published value too. The platform key is an arbitrary fixed scalar below the order.
 */
static const uint8_t realm_test_key[P384_BYTES] = {
	0x6b, 0x9d, 0x3d, 0xad, 0x2e, 0x1b, 0x8c, 0x1c, 0x05, 0xb1, 0x98, 0x75,
	0xb6, 0x65, 0x9f, 0x4d, 0xe2, 0x3c, 0x3b, 0x66, 0x7b, 0xf2, 0x97, 0xba,
	0x9a, 0xa4, 0x77, 0x40, 0x78, 0x71, 0x37, 0xd8, 0x96, 0xd5, 0x72, 0x4e,
	0x4c, 0x70, 0xa8, 0x25, 0xf8, 0x72, 0xc9, 0xea, 0x60, 0xd2, 0xed, 0xf5,
};
static const uint8_t platform_test_key[P384_BYTES] = {
	0x19, 0x1f, 0x14, 0x0f, 0xe1, 0xf4, 0xbc, 0x6f, 0x48, 0x0c, 0xdc, 0x51,
	0xd4, 0xb6, 0x7c, 0xed, 0x82, 0xde, 0xf1, 0xd8, 0xad, 0x0a, 0x81, 0x7a,
	0x9d, 0x18, 0x88, 0xc2, 0x06, 0xb7, 0x2a, 0xbc, 0x7c, 0xd6, 0x0c, 0x95,
	0xd0, 0x73, 0x8b, 0xfc, 0xc2, 0x79, 0xf4, 0x4d, 0x2e, 0x4e, 0xf5, 0xbb,
};

/* Order n of P-384 (FIPS 186-4 D.1.2.4), for RFC 6979 bits2octets. */
static const uint8_t p384_order[P384_BYTES] = {
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xc7, 0x63, 0x4d, 0x81, 0xf4, 0x37, 0x2d, 0xdf, 0x58, 0x1a, 0x0d, 0xb2,
	0x48, 0xb0, 0xa7, 0x7a, 0xec, 0xec, 0x19, 0x6a, 0xcc, 0xc5, 0x29, 0x73,
};

/* ------------------------------------------------------------------------------------ */
/* Deterministic ECDSA (RFC 6979 3.2, HMAC-SHA-384, qlen = hlen = 384)                   */

struct rfc6979 {
	uint8_t k[SHA384_DIGEST_SIZE], v[SHA384_DIGEST_SIZE];
	bool started;
};

/* K = HMAC_K(V || sep || x || h) when @sep >= 0, else V = HMAC_K(V) only. */
static void drbg_hmac(struct rfc6979 *d, int sep, const uint8_t *x, const uint8_t *h)
{
	struct hmac_sha384_ctx ctx;

	if (sep >= 0) {
		uint8_t s = (uint8_t)sep;
		hmac_sha384_set_key(&ctx, sizeof(d->k), d->k);
		hmac_sha384_update(&ctx, sizeof(d->v), d->v);
		hmac_sha384_update(&ctx, 1, &s);
		if (x)
			hmac_sha384_update(&ctx, P384_BYTES, x);
		if (h)
			hmac_sha384_update(&ctx, P384_BYTES, h);
		hmac_sha384_digest(&ctx, sizeof(d->k), d->k);
	}
	hmac_sha384_set_key(&ctx, sizeof(d->k), d->k);
	hmac_sha384_update(&ctx, sizeof(d->v), d->v);
	hmac_sha384_digest(&ctx, sizeof(d->v), d->v);
}

/* RFC 6979 3.2 steps b-f, with h1 reduced mod n (bits2octets). */
static void rfc6979_init(struct rfc6979 *d, const uint8_t x[P384_BYTES],
			 const uint8_t h1[SHA384_DIGEST_SIZE])
{
	uint8_t h[P384_BYTES];

	memcpy(h, h1, sizeof(h));
	if (memcmp(h, p384_order, sizeof(h)) >= 0) {
		unsigned int borrow = 0;
		for (int i = P384_BYTES - 1; i >= 0; i--) {
			unsigned int t = (unsigned int)h[i] - p384_order[i] - borrow;
			h[i] = (uint8_t)t;
			borrow = (t >> 8) & 1;
		}
	}
	memset(d->v, 0x01, sizeof(d->v));
	memset(d->k, 0x00, sizeof(d->k));
	drbg_hmac(d, 0x00, x, h);
	drbg_hmac(d, 0x01, x, h);
	d->started = false;
}

/*
 * nettle's random callback. ecdsa_sign asks for exactly 48 bytes per candidate k and
 * rejects candidates outside [1, n-1] by asking again, which is RFC 6979 3.2 step h.3.
 */
static void rfc6979_random(void *ctx, size_t len, uint8_t *dst)
{
	struct rfc6979 *d = ctx;

	if (d->started)
		drbg_hmac(d, 0x00, NULL, NULL);
	d->started = true;
	while (len) {
		size_t n = len < sizeof(d->v) ? len : sizeof(d->v);
		drbg_hmac(d, -1, NULL, NULL);
		memcpy(dst, d->v, n);
		dst += n;
		len -= n;
	}
}

/* ------------------------------------------------------------------------------------ */
/* Keys                                                                                 */

void rmm_p384_public(const uint8_t priv[P384_BYTES], uint8_t x[P384_BYTES], uint8_t y[P384_BYTES])
{
	const struct ecc_curve *curve = nettle_get_secp_384r1();
	struct ecc_scalar s;
	struct ecc_point p;
	mpz_t z, px, py;

	ecc_scalar_init(&s, curve);
	ecc_point_init(&p, curve);
	nettle_mpz_init_set_str_256_u(z, P384_BYTES, priv);
	mpz_init(px);
	mpz_init(py);
	ecc_scalar_set(&s, z); /* the constants are in [1, n-1] */
	ecc_point_mul_g(&p, &s);
	ecc_point_get(&p, px, py);
	nettle_mpz_get_str_256(P384_BYTES, x, px);
	nettle_mpz_get_str_256(P384_BYTES, y, py);
	mpz_clear(z);
	mpz_clear(px);
	mpz_clear(py);
	ecc_point_clear(&p);
	ecc_scalar_clear(&s);
}

void rmm_p384_sign(const uint8_t priv[P384_BYTES], const uint8_t digest[P384_BYTES],
		   uint8_t sig[SIG_BYTES])
{
	struct ecc_scalar s;
	struct dsa_signature ds;
	struct rfc6979 d;
	mpz_t z;

	ecc_scalar_init(&s, nettle_get_secp_384r1());
	nettle_mpz_init_set_str_256_u(z, P384_BYTES, priv);
	ecc_scalar_set(&s, z);
	dsa_signature_init(&ds);
	rfc6979_init(&d, priv, digest);
	ecdsa_sign(&s, &d, rfc6979_random, SHA384_DIGEST_SIZE, digest, &ds);
	nettle_mpz_get_str_256(P384_BYTES, sig, ds.r);
	nettle_mpz_get_str_256(P384_BYTES, sig + P384_BYTES, ds.s);
	dsa_signature_clear(&ds);
	mpz_clear(z);
	ecc_scalar_clear(&s);
}

/* ------------------------------------------------------------------------------------ */
/* CBOR building: each helper consumes the references it is given, even on failure.      */

static cbor_item_t *c_uint(uint64_t v)
{
	if (v <= UINT8_MAX)
		return cbor_build_uint8((uint8_t)v);
	if (v <= UINT16_MAX)
		return cbor_build_uint16((uint16_t)v);
	if (v <= UINT32_MAX)
		return cbor_build_uint32((uint32_t)v);
	return cbor_build_uint64(v);
}

static cbor_item_t *c_int(int64_t v)
{
	uint64_t n;

	if (v >= 0)
		return c_uint((uint64_t)v);
	n = (uint64_t)(-(v + 1)); /* CBOR major type 1 stores -1 - v */
	if (n <= UINT8_MAX)
		return cbor_build_negint8((uint8_t)n);
	if (n <= UINT16_MAX)
		return cbor_build_negint16((uint16_t)n);
	if (n <= UINT32_MAX)
		return cbor_build_negint32((uint32_t)n);
	return cbor_build_negint64(n);
}

static cbor_item_t *c_bstr(const void *p, size_t n)
{
	/* libcbor 0.8.0 would malloc(0) for an empty string; no caller needs one. */
	return n ? cbor_build_bytestring(p, n) : NULL;
}

static void drop(cbor_item_t *i)
{
	if (i)
		cbor_decref(&i);
}

static bool put(cbor_item_t *map, int64_t key, cbor_item_t *val)
{
	cbor_item_t *k = c_int(key);
	bool ok =
		map && k && val && cbor_map_add(map, (struct cbor_pair){ .key = k, .value = val });

	drop(k);
	drop(val);
	return ok;
}

static bool push(cbor_item_t *arr, cbor_item_t *val)
{
	bool ok = arr && val && cbor_array_push(arr, val);

	drop(val);
	return ok;
}

static cbor_item_t *tag(uint64_t t, cbor_item_t *val)
{
	cbor_item_t *r = val ? cbor_build_tag(t, val) : NULL;

	drop(val);
	return r;
}

/* Serialise and drop @item; NULL (not -ENOMEM) only when @item was NULL or malloc failed. */
static int emit(cbor_item_t *item, uint8_t **out, size_t *len)
{
	unsigned char *buf = NULL;
	size_t cap = 0, n = 0;

	if (item)
		n = cbor_serialize_alloc(item, &buf, &cap);
	drop(item);
	if (!n) {
		free(buf);
		return -ENOMEM;
	}
	*out = buf;
	*len = n;
	return 0;
}

/* COSE_Key (RFC 8152 7, 13.1.1) of a P-384 public key, keys in the order t_cose emits. */
static int cose_key(const uint8_t x[P384_BYTES], const uint8_t y[P384_BYTES], uint8_t **out,
		    size_t *len)
{
	cbor_item_t *m = cbor_new_definite_map(4);
	bool ok = put(m, CCA_COSE_KEY_KTY, c_int(CCA_COSE_KTY_EC2)) &&
		  put(m, CCA_COSE_KEY_CRV, c_int(CCA_COSE_CRV_P384)) &&
		  put(m, CCA_COSE_KEY_X, c_bstr(x, P384_BYTES)) &&
		  put(m, CCA_COSE_KEY_Y, c_bstr(y, P384_BYTES));

	if (!ok) {
		drop(m);
		return -ENOMEM;
	}
	return emit(m, out, len);
}

static int key_cose(const uint8_t priv[P384_BYTES], uint8_t **out, size_t *len)
{
	uint8_t x[P384_BYTES], y[P384_BYTES];

	rmm_p384_public(priv, x, y);
	return cose_key(x, y, out, len);
}

int rmm_token_realm_key(uint8_t **out, size_t *len)
{
	return key_cose(realm_test_key, out, len);
}

int rmm_token_platform_key(uint8_t **out, size_t *len)
{
	return key_cose(platform_test_key, out, len);
}

/* Protected header {1: -35}, in its bstr-wrapped encoded form (a fixed 4 bytes). */
static const uint8_t protected_es384[] = { 0xa1, 0x01, 0x38, 0x22 };

/*
 * SHA-384 of Sig_structure = ["Signature1", protected, external_aad = h'', payload]
 * (RFC 8152 4.4), streamed: the CBOR headers are encoded with libcbor's encoders and the
 * payload is hashed in place instead of being copied into a second buffer.
 */
static void sig_structure_hash(const uint8_t *prot, size_t plen, const uint8_t *payload, size_t len,
			       uint8_t digest[SHA384_DIGEST_SIZE])
{
	static const char ctx_str[] = "Signature1";
	struct sha384_ctx h;
	unsigned char hdr[9];
	size_t n;

	sha384_init(&h);
	n = cbor_encode_array_start(4, hdr, sizeof(hdr));
	sha384_update(&h, n, hdr);
	n = cbor_encode_string_start(sizeof(ctx_str) - 1, hdr, sizeof(hdr));
	sha384_update(&h, n, hdr);
	sha384_update(&h, sizeof(ctx_str) - 1, (const uint8_t *)ctx_str);
	n = cbor_encode_bytestring_start(plen, hdr, sizeof(hdr));
	sha384_update(&h, n, hdr);
	sha384_update(&h, plen, prot);
	n = cbor_encode_bytestring_start(0, hdr, sizeof(hdr));
	sha384_update(&h, n, hdr);
	n = cbor_encode_bytestring_start(len, hdr, sizeof(hdr));
	sha384_update(&h, n, hdr);
	sha384_update(&h, len, payload);
	sha384_digest(&h, SHA384_DIGEST_SIZE, digest);
}

/* tag 18 [bstr(protected), {}, bstr(payload), bstr(signature)]: consumes @claims. */
static int cose_sign1(const uint8_t priv[P384_BYTES], cbor_item_t *claims, uint8_t **out,
		      size_t *len)
{
	uint8_t *payload = NULL, digest[SHA384_DIGEST_SIZE], sig[SIG_BYTES];
	size_t plen = 0;
	cbor_item_t *arr;
	int rc;

	rc = emit(claims, &payload, &plen);
	if (rc)
		return rc;
	sig_structure_hash(protected_es384, sizeof(protected_es384), payload, plen, digest);
	rmm_p384_sign(priv, digest, sig);

	arr = cbor_new_definite_array(4);
	if (!(push(arr, c_bstr(protected_es384, sizeof(protected_es384))) &&
	      push(arr, cbor_new_definite_map(0)) && push(arr, c_bstr(payload, plen)) &&
	      push(arr, c_bstr(sig, sizeof(sig))))) {
		drop(arr);
		free(payload);
		return -ENOMEM;
	}
	free(payload);
	return emit(tag(CCA_TAG_COSE_SIGN1, arr), out, len);
}

static const char *hash_name(enum rmm_hash algo)
{
	return algo == RMM_HASH_SHA512 ? "sha-512" : "sha-256";
}

/*
 * Realm claims, in the order TF-RMM emits them (attest_realm_token_create()): challenge, [2.0:
 * instance ID], RPV, public key, hash algo, public-key hash algo, [2.0: MEC policy], profile, RIM,
 * REMs.
 */
static cbor_item_t *realm_claims(const struct rmm_token_claims *c, const uint8_t *key, size_t klen)
{
	size_t hs = rmm_hash_size(c->algo);
	cbor_item_t *m = cbor_new_definite_map(c->v2 ? 10 : 8);
	cbor_item_t *rems = cbor_new_definite_array(RMM_REM_COUNT);
	bool ok;

	for (unsigned int i = 0; i < RMM_REM_COUNT; i++)
		if (!push(rems, c_bstr(c->rem[i], hs)))
			break;
	ok = rems && cbor_array_size(rems) == RMM_REM_COUNT;
	ok = ok && put(m, CCA_REALM_CHALLENGE, c_bstr(c->challenge, sizeof(c->challenge)));
	if (c->v2)
		ok = ok && put(m, CCA_REALM_INSTANCE_ID,
			       c_bstr(c->realm_instance_id, sizeof(c->realm_instance_id)));
	ok = ok && put(m, CCA_REALM_RPV, c_bstr(c->rpv, sizeof(c->rpv))) &&
	     put(m, CCA_REALM_PUB_KEY, c_bstr(key, klen)) &&
	     put(m, CCA_REALM_HASH_ALGO, cbor_build_string(hash_name(c->algo))) &&
	     /* TF-RMM hashes the realm key with SHA-256 for the platform challenge. */
	     put(m, CCA_REALM_PUB_KEY_HASH_ALGO, cbor_build_string("sha-256"));
	if (c->v2)
		ok = ok && put(m, CCA_REALM_MEC_POLICY, c_uint(c->mec_policy));
	ok = ok &&
	     put(m, CCA_EAT_PROFILE,
		 cbor_build_string(c->v2 ? CCA_PROFILE_REALM_2 : CCA_PROFILE_REALM_1)) &&
	     put(m, CCA_REALM_RIM, c_bstr(c->rim, hs));
	if (ok) {
		ok = put(m, CCA_REALM_REM, rems);
		rems = NULL;
	}
	drop(rems);
	if (!ok) {
		drop(m);
		return NULL;
	}
	return m;
}

/* One software component map (PSA token profile: keys 1, 2, 4, 5, 6). */
static cbor_item_t *sw_component(const char *type, const char *version)
{
	uint8_t meas[RMM_MEAS_MAX], signer[RMM_MEAS_MAX];
	cbor_item_t *m = cbor_new_definite_map(5);

	/* Stand-in digests, derived from the names so they are fixed and distinct. */
	rmm_hash(RMM_HASH_SHA256, type, strlen(type), meas);
	rmm_hash(RMM_HASH_SHA256, "smcsim test signer", 18, signer);
	if (!(put(m, 1, cbor_build_string(type)) && put(m, 2, c_bstr(meas, 32)) &&
	      put(m, 4, cbor_build_string(version)) && put(m, 5, c_bstr(signer, 32)) &&
	      put(m, 6, cbor_build_string("sha-256")))) {
		drop(m);
		return NULL;
	}
	return m;
}

/*
 * The test platform token's claims (the claims of TF-RMM's sample
 * platform token; PSA/CCA platform profile). The challenge binds the realm attestation key:
 * SHA-256 over its COSE_Key encoding, as TF-RMM attest_init_realm_attestation_key computes
 * it. The instance ID is a UEID of type RAND (0x01) followed by SHA-256 of the platform
 * key's COSE_Key, the PSA convention for an IAK-derived instance ID.
 */
static cbor_item_t *platform_claims(const uint8_t *realm_key, size_t rklen, const uint8_t *plat_key,
				    size_t pklen)
{
	static const uint8_t config[4] = { 0x01, 0x00, 0x00, 0x00 };
	static const char impl[] = "smcsim test CCA platform implementation";
	uint8_t challenge[RMM_MEAS_MAX], impl_id[RMM_MEAS_MAX], pk_hash[RMM_MEAS_MAX], inst[33];
	cbor_item_t *m = cbor_new_definite_map(9);
	cbor_item_t *sw = cbor_new_definite_array(3);
	bool ok;

	rmm_hash(RMM_HASH_SHA256, realm_key, rklen, challenge);
	rmm_hash(RMM_HASH_SHA256, impl, sizeof(impl) - 1, impl_id);
	rmm_hash(RMM_HASH_SHA256, plat_key, pklen, pk_hash);
	inst[0] = 0x01;
	memcpy(inst + 1, pk_hash, 32);

	ok = push(sw, sw_component("BL1", "1.0.0")) && push(sw, sw_component("BL31", "2.10.0")) &&
	     push(sw, sw_component("RMM", "1.0.0"));
	ok = ok && put(m, CCA_EAT_PROFILE, cbor_build_string(CCA_PROFILE_PLAT)) &&
	     put(m, CCA_PLAT_CHALLENGE, c_bstr(challenge, 32)) &&
	     put(m, CCA_PLAT_IMPL_ID, c_bstr(impl_id, 32)) &&
	     put(m, CCA_PLAT_INSTANCE_ID, c_bstr(inst, sizeof(inst))) &&
	     put(m, CCA_PLAT_CONFIG, c_bstr(config, sizeof(config))) &&
	     put(m, CCA_PLAT_LIFECYCLE, c_uint(LIFECYCLE_SECURED)) &&
	     put(m, CCA_PLAT_HASH_ALGO, cbor_build_string("sha-256")) &&
	     put(m, CCA_PLAT_VERIFY_SVC, cbor_build_string(PLAT_VERIFY_URL));
	if (ok) {
		ok = put(m, CCA_PLAT_SW_COMPONENTS, sw);
		sw = NULL;
	}
	drop(sw);
	if (!ok) {
		drop(m);
		return NULL;
	}
	return m;
}

/* 1.0: bstr(token); 2.0: [263, bstr(token)]. */
static cbor_item_t *wrap(bool v2, const uint8_t *tok, size_t len)
{
	cbor_item_t *a;

	if (!v2)
		return c_bstr(tok, len);
	a = cbor_new_definite_array(2);
	if (!(push(a, c_uint(CCA_CT_EAT_CWT)) && push(a, c_bstr(tok, len)))) {
		drop(a);
		return NULL;
	}
	return a;
}

int rmm_token_build(const struct rmm_token_claims *c, uint8_t **out, size_t *len)
{
	uint8_t *rkey = NULL, *pkey = NULL, *realm = NULL, *plat = NULL;
	size_t rklen = 0, pklen = 0, rlen = 0, plen = 0;
	cbor_item_t *top;
	int rc;

	if (!c || !out || !len || !rmm_hash_size(c->algo))
		return -EINVAL;
	rc = key_cose(realm_test_key, &rkey, &rklen);
	if (!rc)
		rc = key_cose(platform_test_key, &pkey, &pklen);
	if (!rc) {
		cbor_item_t *rc_claims = realm_claims(c, rkey, rklen);
		rc = rc_claims ? cose_sign1(realm_test_key, rc_claims, &realm, &rlen) : -ENOMEM;
	}
	if (!rc) {
		cbor_item_t *pc = platform_claims(rkey, rklen, pkey, pklen);
		rc = pc ? cose_sign1(platform_test_key, pc, &plat, &plen) : -ENOMEM;
	}
	if (!rc) {
		cbor_item_t *m = cbor_new_definite_map(2);
		if (put(m, CCA_KEY_PLAT_TOKEN, wrap(c->v2, plat, plen)) &&
		    put(m, CCA_KEY_REALM_TOKEN, wrap(c->v2, realm, rlen))) {
			top = tag(c->v2 ? CCA_TAG_TOKEN_2 : CCA_TAG_TOKEN_1, m);
			rc = emit(top, out, len);
		} else {
			drop(m);
			rc = -ENOMEM;
		}
	}
	free(rkey);
	free(pkey);
	free(realm);
	free(plat);
	return rc;
}
