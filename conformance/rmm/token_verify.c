/* SPDX-License-Identifier: MIT */
/*
 * A strict verifier for the CCA attestation tokens rmm_model/token.c builds (DEN0137 1.0 A7.2;
 * tags and claim keys from abi/rsi.h): structure, tags, claim keys in emitted order, types and
 * sizes, the platform challenge binding (SHA-256 of the realm COSE_Key), and both ES384
 * signatures (RFC 8152 4.4) against the TEST keys. Test code only: the library builds tokens,
 * it never checks them.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <cbor.h>
#include <nettle/bignum.h>
#include <nettle/ecc-curve.h>
#include <nettle/ecc.h>
#include <nettle/ecdsa.h>
#include <nettle/sha2.h>

#include "abi/rsi.h"
#include "conformance/rmm/token_verify.h"

#define P384_BYTES 48
#define SIG_BYTES  (2 * P384_BYTES)

static void drop(cbor_item_t *i)
{
	if (i)
		cbor_decref(&i);
}

static bool ecdsa_p384_verify(const uint8_t x[P384_BYTES], const uint8_t y[P384_BYTES],
			      const uint8_t digest[P384_BYTES], const uint8_t sig[SIG_BYTES])
{
	struct ecc_point p;
	struct dsa_signature ds;
	mpz_t px, py;
	bool ok = false;

	ecc_point_init(&p, nettle_get_secp_384r1());
	nettle_mpz_init_set_str_256_u(px, P384_BYTES, x);
	nettle_mpz_init_set_str_256_u(py, P384_BYTES, y);
	dsa_signature_init(&ds);
	nettle_mpz_set_str_256_u(ds.r, P384_BYTES, sig);
	nettle_mpz_set_str_256_u(ds.s, P384_BYTES, sig + P384_BYTES);
	/* ecc_point_set refuses points not on the curve. */
	if (ecc_point_set(&p, px, py))
		ok = ecdsa_verify(&p, SHA384_DIGEST_SIZE, digest, &ds) == 1;
	dsa_signature_clear(&ds);
	mpz_clear(px);
	mpz_clear(py);
	ecc_point_clear(&p);
	return ok;
}

static bool int_is(const cbor_item_t *i, int64_t v)
{
	if (!i)
		return false;
	if (v >= 0)
		return cbor_isa_uint(i) && cbor_get_int(i) == (uint64_t)v;
	return cbor_isa_negint(i) && cbor_get_int(i) == (uint64_t)(-(v + 1));
}

static bool bstr_is(const cbor_item_t *i, size_t want)
{
	return i && cbor_isa_bytestring(i) && cbor_bytestring_is_definite(i) &&
	       (want == 0 || cbor_bytestring_length(i) == want);
}

static bool tstr_is(const cbor_item_t *i, const char *s)
{
	return i && cbor_isa_string(i) && cbor_string_is_definite(i) &&
	       cbor_string_length(i) == strlen(s) &&
	       memcmp(cbor_string_handle(i), s, strlen(s)) == 0;
}

/* The value of pair @idx of definite map @m if its key is @key, else NULL. */
static const cbor_item_t *at(const cbor_item_t *m, size_t idx, int64_t key)
{
	struct cbor_pair *p;

	if (!m || !cbor_isa_map(m) || !cbor_map_is_definite(m) || idx >= cbor_map_size(m))
		return NULL;
	p = cbor_map_handle(m);
	return int_is(p[idx].key, key) ? p[idx].value : NULL;
}

/* Load exactly @len bytes as one item; NULL when malformed or trailing bytes remain. */
static cbor_item_t *load(const uint8_t *b, size_t len)
{
	struct cbor_load_result r;
	cbor_item_t *i = cbor_load(b, len, &r);

	if (i && (r.error.code != CBOR_ERR_NONE || r.read != len)) {
		drop(i);
		return NULL;
	}
	return i;
}

/* A P-384 public key from its COSE_Key encoding, keys in the order token.c emits them. */
static int cose_key_xy(const uint8_t *key, size_t klen, uint8_t x[P384_BYTES],
		       uint8_t y[P384_BYTES])
{
	cbor_item_t *k = load(key, klen);
	const cbor_item_t *v;
	int rc = -EBADMSG;

	if (k && cbor_isa_map(k) && cbor_map_size(k) == 4 && (v = at(k, 0, CCA_COSE_KEY_KTY)) &&
	    int_is(v, CCA_COSE_KTY_EC2) && (v = at(k, 1, CCA_COSE_KEY_CRV)) &&
	    int_is(v, CCA_COSE_CRV_P384) && (v = at(k, 2, CCA_COSE_KEY_X)) &&
	    bstr_is(v, P384_BYTES)) {
		memcpy(x, cbor_bytestring_handle(v), P384_BYTES);
		if ((v = at(k, 3, CCA_COSE_KEY_Y)) && bstr_is(v, P384_BYTES)) {
			memcpy(y, cbor_bytestring_handle(v), P384_BYTES);
			rc = 0;
		}
	}
	drop(k);
	return rc;
}

/* The protected header: bstr({1: -35}) in its preferred (4-byte) encoding. */
static bool protected_is_es384(const cbor_item_t *b)
{
	cbor_item_t *m;
	const cbor_item_t *v;
	bool ok;

	if (!bstr_is(b, 4))
		return false;
	m = load(cbor_bytestring_handle(b), cbor_bytestring_length(b));
	ok = m && cbor_isa_map(m) && cbor_map_is_definite(m) && cbor_map_size(m) == 1 &&
	     (v = at(m, 0, CCA_COSE_HDR_ALG)) && int_is(v, CCA_COSE_ALG_ES384);
	drop(m);
	return ok;
}

/*
 * SHA-384 of Sig_structure = ["Signature1", protected, external_aad = h'', payload]
 * (RFC 8152 4.4), serialised with libcbor here rather than by the builder's code, so a
 * mistake in one does not hide in the other.
 */
static bool sig_structure_digest(const cbor_item_t *prot, const cbor_item_t *payload,
				 uint8_t digest[SHA384_DIGEST_SIZE])
{
	static const uint8_t none[1];
	cbor_item_t *items[4] = {
		cbor_build_string("Signature1"),
		cbor_build_bytestring(cbor_bytestring_handle(prot), cbor_bytestring_length(prot)),
		cbor_build_bytestring(none, 0),
		cbor_build_bytestring(cbor_bytestring_handle(payload),
				      cbor_bytestring_length(payload)),
	};
	cbor_item_t *arr = cbor_new_definite_array(4);
	unsigned char *buf = NULL;
	size_t cap = 0, n = 0;
	bool ok = arr != NULL;
	struct sha384_ctx h;

	for (int i = 0; i < 4; i++) {
		ok = ok && items[i] && cbor_array_push(arr, items[i]);
		drop(items[i]);
	}
	if (ok)
		n = cbor_serialize_alloc(arr, &buf, &cap);
	drop(arr);
	if (!n) {
		free(buf);
		return false;
	}
	sha384_init(&h);
	sha384_update(&h, n, buf);
	sha384_digest(&h, SHA384_DIGEST_SIZE, digest);
	free(buf);
	return true;
}

struct sign1 {
	cbor_item_t *root;
	const cbor_item_t *prot, *payload, *sig;
};

/*
 * tag 18 [bstr {1:-35}, {}, bstr, bstr 96]; on success @s->root must be dropped.
 * libcbor 0.8.0's decoder rejects one-byte tag heads 6..20, COSE_Sign1's 0xd2 among them
 * (PJK/libcbor#307, fixed after 0.8.0), so the tag head is read here and libcbor decodes
 * the array that follows. This also requires the preferred one-byte form.
 */
static int parse_sign1(const cbor_item_t *b, struct sign1 *s)
{
	const uint8_t *p;
	size_t n;
	cbor_item_t **a;

	s->root = NULL;
	if (!bstr_is(b, 0) || cbor_bytestring_length(b) < 2)
		return -EBADMSG;
	p = cbor_bytestring_handle(b);
	n = cbor_bytestring_length(b);
	if (p[0] != 0xc0 + CCA_TAG_COSE_SIGN1)
		return -EBADMSG;
	s->root = load(p + 1, n - 1);
	if (!s->root || !cbor_isa_array(s->root) || !cbor_array_is_definite(s->root) ||
	    cbor_array_size(s->root) != 4)
		goto bad;
	a = cbor_array_handle(s->root);
	if (!protected_is_es384(a[0]) || !cbor_isa_map(a[1]) || cbor_map_size(a[1]) != 0 ||
	    !bstr_is(a[2], 0) || !bstr_is(a[3], SIG_BYTES))
		goto bad;
	s->prot = a[0];
	s->payload = a[2];
	s->sig = a[3];
	return 0;
bad:
	drop(s->root);
	s->root = NULL;
	return -EBADMSG;
}

static bool sign1_verify(const struct sign1 *s, const uint8_t x[P384_BYTES],
			 const uint8_t y[P384_BYTES])
{
	uint8_t digest[SHA384_DIGEST_SIZE];

	return sig_structure_digest(s->prot, s->payload, digest) &&
	       ecdsa_p384_verify(x, y, digest, cbor_bytestring_handle(s->sig));
}

/* The token's 44234/44241 value: bstr (1.0) or [263, bstr] (2.0). */
static const cbor_item_t *unwrap(const cbor_item_t *v, bool v2)
{
	cbor_item_t **a;

	if (!v2)
		return v;
	if (!v || !cbor_isa_array(v) || cbor_array_size(v) != 2)
		return NULL;
	a = cbor_array_handle(v);
	return int_is(a[0], CCA_CT_EAT_CWT) ? a[1] : NULL;
}

static int check_realm(const cbor_item_t *m, bool v2, struct rmm_token_claims *out,
		       uint8_t x[P384_BYTES], uint8_t y[P384_BYTES], const uint8_t **key,
		       size_t *klen)
{
	size_t i = 0, hs;
	const cbor_item_t *v, *ck;
	int rc = -EBADMSG;

	if (!cbor_isa_map(m) || cbor_map_size(m) != (v2 ? 10u : 8u))
		return -EBADMSG;
	if (!(v = at(m, i++, CCA_REALM_CHALLENGE)) || !bstr_is(v, 64))
		return -EBADMSG;
	memcpy(out->challenge, cbor_bytestring_handle(v), 64);
	if (v2) {
		if (!(v = at(m, i++, CCA_REALM_INSTANCE_ID)) || !bstr_is(v, 33))
			return -EBADMSG;
		memcpy(out->realm_instance_id, cbor_bytestring_handle(v), 33);
	}
	if (!(v = at(m, i++, CCA_REALM_RPV)) || !bstr_is(v, 64))
		return -EBADMSG;
	memcpy(out->rpv, cbor_bytestring_handle(v), 64);

	if (!(ck = at(m, i++, CCA_REALM_PUB_KEY)) || !bstr_is(ck, 0))
		return -EBADMSG;
	*key = cbor_bytestring_handle(ck);
	*klen = cbor_bytestring_length(ck);
	rc = cose_key_xy(*key, *klen, x, y);
	if (rc)
		return rc;

	if (!(v = at(m, i++, CCA_REALM_HASH_ALGO)))
		return -EBADMSG;
	if (tstr_is(v, "sha-256"))
		out->algo = RMM_HASH_SHA256;
	else if (tstr_is(v, "sha-512"))
		out->algo = RMM_HASH_SHA512;
	else
		return -EBADMSG;
	hs = rmm_hash_size(out->algo);
	if (!(v = at(m, i++, CCA_REALM_PUB_KEY_HASH_ALGO)) || !tstr_is(v, "sha-256"))
		return -EBADMSG;
	if (v2) {
		if (!(v = at(m, i++, CCA_REALM_MEC_POLICY)) || !cbor_isa_uint(v))
			return -EBADMSG;
		out->mec_policy = cbor_get_int(v);
	}
	if (!(v = at(m, i++, CCA_EAT_PROFILE)) ||
	    !tstr_is(v, v2 ? CCA_PROFILE_REALM_2 : CCA_PROFILE_REALM_1))
		return -EBADMSG;
	if (!(v = at(m, i++, CCA_REALM_RIM)) || !bstr_is(v, hs))
		return -EBADMSG;
	memset(out->rim, 0, sizeof(out->rim));
	memcpy(out->rim, cbor_bytestring_handle(v), hs);
	if (!(v = at(m, i++, CCA_REALM_REM)) || !cbor_isa_array(v) ||
	    cbor_array_size(v) != RMM_REM_COUNT)
		return -EBADMSG;
	for (unsigned int r = 0; r < RMM_REM_COUNT; r++) {
		const cbor_item_t *e = cbor_array_handle(v)[r];
		if (!bstr_is(e, hs))
			return -EBADMSG;
		memset(out->rem[r], 0, sizeof(out->rem[r]));
		memcpy(out->rem[r], cbor_bytestring_handle(e), hs);
	}
	out->v2 = v2;
	return 0;
}

static int check_platform(const cbor_item_t *m, const uint8_t *realm_key, size_t rklen)
{
	uint8_t h[RMM_MEAS_MAX];
	const cbor_item_t *v;
	size_t i = 0;

	if (!cbor_isa_map(m) || cbor_map_size(m) != 9)
		return -EBADMSG;
	if (!(v = at(m, i++, CCA_EAT_PROFILE)) || !tstr_is(v, CCA_PROFILE_PLAT))
		return -EBADMSG;
	/* The binding of the two tokens: challenge = SHA-256(realm COSE_Key). */
	rmm_hash(RMM_HASH_SHA256, realm_key, rklen, h);
	if (!(v = at(m, i++, CCA_PLAT_CHALLENGE)) || !bstr_is(v, 32) ||
	    memcmp(cbor_bytestring_handle(v), h, 32))
		return -EBADMSG;
	if (!(v = at(m, i++, CCA_PLAT_IMPL_ID)) || !bstr_is(v, 32))
		return -EBADMSG;
	if (!(v = at(m, i++, CCA_PLAT_INSTANCE_ID)) || !bstr_is(v, 33) ||
	    cbor_bytestring_handle(v)[0] != 0x01)
		return -EBADMSG;
	if (!(v = at(m, i++, CCA_PLAT_CONFIG)) || !bstr_is(v, 0))
		return -EBADMSG;
	if (!(v = at(m, i++, CCA_PLAT_LIFECYCLE)) || !cbor_isa_uint(v))
		return -EBADMSG;
	if (!(v = at(m, i++, CCA_PLAT_HASH_ALGO)) || !cbor_isa_string(v))
		return -EBADMSG;
	if (!(v = at(m, i++, CCA_PLAT_VERIFY_SVC)) || !cbor_isa_string(v))
		return -EBADMSG;
	if (!(v = at(m, i++, CCA_PLAT_SW_COMPONENTS)) || !cbor_isa_array(v) || !cbor_array_size(v))
		return -EBADMSG;
	for (size_t c = 0; c < cbor_array_size(v); c++) {
		const cbor_item_t *sc = cbor_array_handle(v)[c], *t;
		if (!(t = at(sc, 0, 1)) || !cbor_isa_string(t) || !(t = at(sc, 1, 2)) ||
		    !bstr_is(t, 0))
			return -EBADMSG;
	}
	return 0;
}

int rmm_token_verify(const uint8_t *tok, size_t len, struct rmm_token_claims *out)
{
	struct rmm_token_claims scratch;
	struct sign1 realm = { 0 }, plat = { 0 };
	cbor_item_t *root, *m = NULL, *rclaims = NULL, *pclaims = NULL;
	uint8_t rx[P384_BYTES], ry[P384_BYTES], px[P384_BYTES], py[P384_BYTES];
	const uint8_t *rkey = NULL;
	uint8_t *pkey = NULL;
	size_t rklen = 0, pklen = 0;
	bool v2;
	int rc = -EBADMSG;

	if (!tok)
		return -EINVAL;
	if (!out)
		out = &scratch;
	memset(out, 0, sizeof(*out));
	root = load(tok, len);
	if (!root || !cbor_isa_tag(root))
		goto done;
	v2 = cbor_tag_value(root) == CCA_TAG_TOKEN_2;
	if (!v2 && cbor_tag_value(root) != CCA_TAG_TOKEN_1)
		goto done;
	m = cbor_tag_item(root);
	if (!cbor_isa_map(m) || cbor_map_size(m) != 2)
		goto done;
	if (parse_sign1(unwrap(at(m, 0, CCA_KEY_PLAT_TOKEN), v2), &plat) ||
	    parse_sign1(unwrap(at(m, 1, CCA_KEY_REALM_TOKEN), v2), &realm))
		goto done;
	rclaims =
		load(cbor_bytestring_handle(realm.payload), cbor_bytestring_length(realm.payload));
	pclaims = load(cbor_bytestring_handle(plat.payload), cbor_bytestring_length(plat.payload));
	if (!rclaims || !pclaims)
		goto done;
	rc = check_realm(rclaims, v2, out, rx, ry, &rkey, &rklen);
	if (!rc)
		rc = check_platform(pclaims, rkey, rklen);
	if (rc)
		goto done;
	rc = rmm_token_platform_key(&pkey, &pklen);
	if (!rc)
		rc = cose_key_xy(pkey, pklen, px, py);
	if (!rc && (!sign1_verify(&realm, rx, ry) || !sign1_verify(&plat, px, py)))
		rc = -EKEYREJECTED;
done:
	free(pkey);
	drop(rclaims);
	drop(pclaims);
	drop(realm.root);
	drop(plat.root);
	drop(m);
	drop(root);
	return rc;
}
