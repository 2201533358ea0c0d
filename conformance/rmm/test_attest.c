/* SPDX-License-Identifier: MIT */
/*
 * Realm measurement and attestation (DEN0137 1.0 chapter A7) in the RMM model: hash
 * known-answer vectors, the REM extend rule, the RIM descriptors (layouts as TF-RMM
 * rmm-spec-v1.0-rel0 lays them out), and the CCA attestation token (DEN0137 A7.2).
 * Expected values are computed here from the written-out layouts, not by calling the
 * code under test twice.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <cbor.h>
#include <nettle/sha2.h>

#include "abi/bytes.h"
#include "conformance/common/smcsim_test.h"
#include "conformance/rmm/token_verify.h"
#include "rmm_model/attest.h"

static void unhex(const char *h, uint8_t *out, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned int b;
		assert_int_equal(sscanf(h + 2 * i, "%2x", &b), 1); /* setup: test harness */
		out[i] = (uint8_t)b;
	}
}

static void fill(uint8_t *p, size_t n, uint8_t seed)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (uint8_t)(seed + 31 * i);
}

/* FIPS 180-4 / NIST CSRC examples: SHA-256("abc"), SHA-512("abc"); padding to 64 bytes. */
static void hash_known_answers(void **state)
{
	uint8_t want[64] = { 0 }, got[64];

	memset(got, 0xee, sizeof(got));
	unhex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", want, 32);
	rmm_hash(RMM_HASH_SHA256, "abc", 3, got);
	assert_memory_equal(got, want, 64); /* FIPS 180-4 SHA-256("abc"); bytes 32..63 zero: TF-RMM
					       64-byte measurement slot */
	assert_int_equal(rmm_hash_size(RMM_HASH_SHA256),
			 32); /* DEN0137 RmiHashAlgorithm SHA-256: 32-byte measurements */

	unhex("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
	      "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
	      want, 64);
	rmm_hash(RMM_HASH_SHA512, "abc", 3, got);
	assert_memory_equal(got, want, 64); /* FIPS 180-4 SHA-512("abc") */
	assert_int_equal(rmm_hash_size(RMM_HASH_SHA512),
			 64); /* DEN0137 RmiHashAlgorithm SHA-512: 64-byte measurements */
	assert_int_equal(rmm_hash_size((enum rmm_hash)2),
			 0); /* DEN0137 1.0 RmiHashAlgorithm: 2 is not a 1.0 value */
}

/* DEN0137 1.0 RSI_MEASUREMENT_EXTEND: REM = H(REM[0..hash size) || value[0..size)). */
static void extend_rule(void **state)
{
	for (int a = RMM_HASH_SHA256; a <= RMM_HASH_SHA512; a++) {
		size_t hs = rmm_hash_size((enum rmm_hash)a);
		uint8_t meas[64] = { 0 }, data[64], cat[128], want[64];

		fill(meas, hs, 7);
		fill(data, sizeof(data), 99);
		for (size_t size = 0; size <= 64; size += 21) {
			memcpy(cat, meas, hs);
			memcpy(cat + hs, data, size);
			rmm_hash((enum rmm_hash)a, cat, hs + size, want);
			rmm_meas_extend((enum rmm_hash)a, meas, data, size);
			assert_memory_equal(
				meas, want,
				64); /* DEN0137 RSI_MEASUREMENT_EXTEND: REM = H(REM || value) */
		}
	}

	/* The old value enters at hash size: a stale tail beyond 32 bytes is ignored. */
	uint8_t x[64] = { 0 }, y[64];
	fill(x, 32, 3);
	memcpy(y, x, 64);
	memset(y + 32, 0x5a, 32);
	rmm_meas_extend(RMM_HASH_SHA256, x, "v", 1);
	rmm_meas_extend(RMM_HASH_SHA256, y, "v", 1);
	assert_memory_equal(
		x, y, 64); /* DEN0137 RSI_MEASUREMENT_EXTEND: the old REM enters at hash size */
}

/* ---- initial RIM ------------------------------------------------------------------- */

static const struct rmm_realm_params base_params = {
	.flags = 0x5,
	.s2sz = 48,
	.sve_vl = 3,
	.num_bps = 2,
	.num_wps = 4,
	.pmu_num_ctrs = 6,
	.hash_algo = 0,
	.vmid = 7,
	.rtt_base = 0x80201000,
	.rtt_num_start = 1,
	.rtt_level_start = 0,
};

/*
 * DEN0137 1.0 RMI_REALM_CREATE, TF-RMM measurement_realm_params_measure: RIM0 = H(4096-byte
 * RmiRealmParams with only flags@0 (u64), s2sz@8, sve_vl@0x10, num_bps@0x18, num_wps@0x20,
 * pmu_num_ctrs@0x28 (u32 each) and hash_algo@0x30 (u8); the rest zero).
 */
static void rim_init_layout(void **state)
{
	static uint8_t page[4096];
	uint8_t want[64], got[64];

	memset(page, 0, sizeof(page));
	abi_wrn(page + 0x00, 0x5, 8);
	abi_wrn(page + 0x08, 48, 4);
	abi_wrn(page + 0x10, 3, 4);
	abi_wrn(page + 0x18, 2, 4);
	abi_wrn(page + 0x20, 4, 4);
	abi_wrn(page + 0x28, 6, 4);
	page[0x30] = 0;
	rmm_hash(RMM_HASH_SHA256, page, sizeof(page), want);
	rmm_rim_init(RMM_HASH_SHA256, &base_params, got);
	assert_memory_equal(got, want, 64); /* DEN0137 RMI_REALM_CREATE RIM init (TF-RMM rel0
					       measurement_realm_params_measure()) */

	struct rmm_realm_params p = base_params;
	p.hash_algo = 1;
	page[0x30] = 1;
	rmm_hash(RMM_HASH_SHA512, page, sizeof(page), want);
	rmm_rim_init(RMM_HASH_SHA512, &p, got);
	assert_memory_equal(got, want, 64); /* DEN0137 RMI_REALM_CREATE RIM init (TF-RMM rel0
					       measurement_realm_params_measure()) */
}

/* Every measured RmiRealmParams field changes RIM0; rpv and the RTT/VMID resources do not. */
static void rim_init_fields(void **state)
{
	uint8_t ref[64], got[64];
	struct rmm_realm_params p;

	rmm_rim_init(RMM_HASH_SHA256, &base_params, ref);
	rmm_rim_init(RMM_HASH_SHA256, &base_params, got);
	assert_memory_equal(got, ref, 64); /* DEN0137 RMI_REALM_CREATE RIM init: deterministic */

	uint64_t *measured[] = { &p.flags,   &p.s2sz,	      &p.sve_vl,   &p.num_bps,
				 &p.num_wps, &p.pmu_num_ctrs, &p.hash_algo };
	for (size_t i = 0; i < sizeof(measured) / sizeof(measured[0]); i++) {
		p = base_params;
		*measured[i] ^= 1;
		rmm_rim_init(RMM_HASH_SHA256, &p, got);
		assert_memory_not_equal(got, ref, 32); /* DEN0137 RMI_REALM_CREATE RIM init: each
							  measured field changes RIM0 */
	}

	p = base_params;
	p.vmid = 99;
	p.rtt_base = 0x90000000;
	p.rtt_num_start = 2;
	p.rtt_level_start = 1;
	memset(p.rpv, 0xab, sizeof(p.rpv));
	rmm_rim_init(RMM_HASH_SHA256, &p, got);
	assert_memory_equal(
		got, ref,
		64); /* DEN0137 RMI_REALM_CREATE RIM init: rpv, RTT and VMID fields not measured */
}

/* ---- RIM descriptors --------------------------------------------------------------- */

/* Common RmmMeasurementDescriptor header: type@0 (u8), len@8 = 0x100, rim@0x10. */
static void desc_header(uint8_t d[256], uint8_t type, const uint8_t *rim, size_t hs)
{
	memset(d, 0, 256);
	d[0] = type;
	abi_wrn(d + 8, 0x100, 8);
	memcpy(d + 0x10, rim, hs);
}

/*
 * RmmMeasurementDescriptorData (RMI_DATA_CREATE): type 0, ipa@0x50, flags@0x58,
 * content hash@0x60 (zero when unmeasured); RIM' = H(descriptor).
 */
static void rim_data_descriptor(void **state)
{
	static uint8_t page[4096];
	uint8_t rim[64] = { 0 }, d[256], want[64], h[64], ref[64], got[64];

	fill(rim, 32, 1);
	fill(page, sizeof(page), 5);

	desc_header(d, 0, rim, 32);
	abi_wrn(d + 0x50, 0x40000000, 8);
	abi_wrn(d + 0x58, RMI_MEASURE_CONTENT, 8);
	rmm_hash(RMM_HASH_SHA256, page, sizeof(page), h);
	memcpy(d + 0x60, h, 64);
	rmm_hash(RMM_HASH_SHA256, d, sizeof(d), want);
	memcpy(got, rim, 64);
	rmm_rim_data(RMM_HASH_SHA256, got, 0x40000000, RMI_MEASURE_CONTENT, page);
	assert_memory_equal(got, want,
			    64); /* DEN0137 B4.3.1 RMI_DATA_CREATE RmmMeasurementDescriptorData */
	memcpy(ref, got, 64);

	/* Unmeasured content: the descriptor's content field stays zero. */
	desc_header(d, 0, rim, 32);
	abi_wrn(d + 0x50, 0x40000000, 8);
	rmm_hash(RMM_HASH_SHA256, d, sizeof(d), want);
	memcpy(got, rim, 64);
	rmm_rim_data(RMM_HASH_SHA256, got, 0x40000000, RMI_NO_MEASURE_CONTENT, NULL);
	assert_memory_equal(got, want,
			    64); /* DEN0137 B4.3.1 RMI_DATA_CREATE RmmMeasurementDescriptorData */

	/* Sensitive to ipa, flags, every content byte (sampled) and the previous RIM. */
	memcpy(got, rim, 64);
	rmm_rim_data(RMM_HASH_SHA256, got, 0x40001000, RMI_MEASURE_CONTENT, page);
	assert_memory_not_equal(
		got, ref, 32); /* DEN0137 B4.3.1 RMI_DATA_CREATE RmmMeasurementDescriptorData */
	memcpy(got, rim, 64);
	rmm_rim_data(RMM_HASH_SHA256, got, 0x40000000, 3, page);
	assert_memory_not_equal(
		got, ref, 32); /* DEN0137 B4.3.1 RMI_DATA_CREATE RmmMeasurementDescriptorData */
	for (size_t off = 0; off < sizeof(page); off += 1021) {
		page[off] ^= 0x80;
		memcpy(got, rim, 64);
		rmm_rim_data(RMM_HASH_SHA256, got, 0x40000000, RMI_MEASURE_CONTENT, page);
		assert_memory_not_equal(
			got, ref,
			32); /* DEN0137 B4.3.1 RMI_DATA_CREATE RmmMeasurementDescriptorData */
		page[off] ^= 0x80;
	}
	memcpy(got, rim, 64);
	got[31] ^= 1;
	rmm_rim_data(RMM_HASH_SHA256, got, 0x40000000, RMI_MEASURE_CONTENT, page);
	assert_memory_not_equal(
		got, ref, 32); /* DEN0137 B4.3.1 RMI_DATA_CREATE RmmMeasurementDescriptorData */
}

/* RmmMeasurementDescriptorRipas (RMI_RTT_INIT_RIPAS, rel0): type 2, base@0x50, top@0x58. */
static void rim_ripas_descriptor(void **state)
{
	uint8_t rim[64] = { 0 }, d[256], want[64], ref[64], got[64];

	fill(rim, 64, 9);
	desc_header(d, 2, rim, 64);
	abi_wrn(d + 0x50, 0x0, 8);
	abi_wrn(d + 0x58, 0x200000, 8);
	rmm_hash(RMM_HASH_SHA512, d, sizeof(d), want);
	memcpy(got, rim, 64);
	rmm_rim_ripas(RMM_HASH_SHA512, got, 0x0, 0x200000);
	assert_memory_equal(got, want,
			    64); /* TF-RMM rel0 RMI_RTT_INIT_RIPAS RmmMeasurementDescriptorRipas */
	memcpy(ref, got, 64);

	memcpy(got, rim, 64);
	rmm_rim_ripas(RMM_HASH_SHA512, got, 0x1000, 0x200000);
	assert_memory_not_equal(
		got, ref, 64); /* TF-RMM rel0 RMI_RTT_INIT_RIPAS RmmMeasurementDescriptorRipas */
	memcpy(got, rim, 64);
	rmm_rim_ripas(RMM_HASH_SHA512, got, 0x0, 0x201000);
	assert_memory_not_equal(
		got, ref, 64); /* TF-RMM rel0 RMI_RTT_INIT_RIPAS RmmMeasurementDescriptorRipas */
	memcpy(got, rim, 64);
	got[63] ^= 1; /* SHA-512: all 64 RIM bytes are in the descriptor */
	rmm_rim_ripas(RMM_HASH_SHA512, got, 0x0, 0x200000);
	assert_memory_not_equal(
		got, ref, 64); /* TF-RMM rel0 RMI_RTT_INIT_RIPAS RmmMeasurementDescriptorRipas */
}

/*
 * RmmMeasurementDescriptorRec (RMI_REC_CREATE): type 1, content@0x50 = H(4096-byte
 * RmiRecParams holding only flags@0, pc@0x200, gprs[8]@0x300). mpidr and aux are not
 * measured.
 */
static void rim_rec_descriptor(void **state)
{
	static uint8_t params[4096], measured[4096];
	uint8_t rim[64] = { 0 }, d[256], h[64], want[64], ref[64], got[64];

	fill(rim, 32, 2);
	fill(params, sizeof(params), 11);
	memset(measured, 0, sizeof(measured));
	memcpy(measured + 0x0, params + 0x0, 8);
	memcpy(measured + 0x200, params + 0x200, 8);
	memcpy(measured + 0x300, params + 0x300, 64);
	rmm_hash(RMM_HASH_SHA256, measured, sizeof(measured), h);
	desc_header(d, 1, rim, 32);
	memcpy(d + 0x50, h, 64);
	rmm_hash(RMM_HASH_SHA256, d, sizeof(d), want);
	memcpy(got, rim, 64);
	rmm_rim_rec(RMM_HASH_SHA256, got, params);
	assert_memory_equal(got, want,
			    64); /* DEN0137 B4.3.12 RMI_REC_CREATE RmmMeasurementDescriptorRec */
	memcpy(ref, got, 64);

	/* flags, pc and each GPR are measured. */
	size_t in[] = { 0x0,   0x7,   0x200, 0x207, 0x300, 0x308, 0x310,
			0x318, 0x320, 0x328, 0x330, 0x338, 0x33f };
	for (size_t i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
		params[in[i]] ^= 1;
		memcpy(got, rim, 64);
		rmm_rim_rec(RMM_HASH_SHA256, got, params);
		assert_memory_not_equal(
			got, ref, 32); /* DEN0137 B4.3.12 RMI_REC_CREATE
					  RmmMeasurementDescriptorRec: flags, pc, gprs measured */
		params[in[i]] ^= 1;
	}
	/* mpidr@0x100, the rest of the flags slot, num_aux@0x800, aux[]@0x808 are not. */
	size_t out[] = { 0x8, 0x100, 0x340, 0x800, 0x808, 0x880, 0xfff };
	for (size_t i = 0; i < sizeof(out) / sizeof(out[0]); i++) {
		params[out[i]] ^= 1;
		memcpy(got, rim, 64);
		rmm_rim_rec(RMM_HASH_SHA256, got, params);
		assert_memory_equal(got, ref,
				    64); /* DEN0137 B4.3.12 RMI_REC_CREATE
					    RmmMeasurementDescriptorRec: mpidr, aux not measured */
		params[out[i]] ^= 1;
	}
}

/* ---- ECDSA P-384 ------------------------------------------------------------------- */

/* RFC 6979 A.2.6: P-384 key, public point, and the deterministic signature of "sample". */
static void p384_rfc6979(void **state)
{
	uint8_t key[48], ux[48], uy[48], x[48], y[48], want[96], sig[96], dg[48];
	struct sha384_ctx h;

	unhex("6b9d3dad2e1b8c1c05b19875b6659f4de23c3b667bf297ba9aa47740787137d896d5724e4c70a825f8"
	      "72c9ea60d2edf5",
	      key, 48);
	unhex("ec3a4e415b4e19a4568618029f427fa5da9a8bc4ae92e02e06aae5286b300c64def8f0ea9055866064"
	      "a254515480bc13",
	      ux, 48);
	unhex("8015d9b72d7d57244ea8ef9ac0c621896708a59367f9dfb9f54ca84b3f1c9db1288b231c3ae0d4fe73"
	      "44fd2533264720",
	      uy, 48);
	unhex("94edbb92a5ecb8aad4736e56c691916b3f88140666ce9fa73d64c4ea95ad133c81a648152e44acf96e"
	      "36dd1e80fabe46"
	      "99ef4aeb15f178cea1fe40db2603138f130e740a19624526203b6351d0a3a94fa329c145786e679e7b"
	      "82c71a38628ac8",
	      want, 96);
	rmm_p384_public(key, x, y);
	assert_memory_equal(x, ux,
			    48); /* RFC 6979 A.2.6 P-384 (DEN0137 A7.2 realm token signature) */
	assert_memory_equal(y, uy,
			    48); /* RFC 6979 A.2.6 P-384 (DEN0137 A7.2 realm token signature) */
	sha384_init(&h);
	sha384_update(&h, 6, (const uint8_t *)"sample");
	sha384_digest(&h, 48, dg);
	rmm_p384_sign(key, dg, sig);
	assert_memory_equal(sig, want,
			    96); /* RFC 6979 A.2.6 P-384 (DEN0137 A7.2 realm token signature) */
}

/* ---- the CCA token ----------------------------------------------------------------- */

static struct rmm_token_claims claims(enum rmm_hash algo, bool v2)
{
	struct rmm_token_claims c;

	memset(&c, 0, sizeof(c));
	c.algo = algo;
	c.v2 = v2;
	fill(c.challenge, 64, 0x10);
	fill(c.rpv, 64, 0x20);
	fill(c.rim, rmm_hash_size(algo), 0x30);
	for (int i = 0; i < 4; i++)
		fill(c.rem[i], rmm_hash_size(algo), (uint8_t)(0x40 + i));
	if (v2) {
		fill(c.realm_instance_id, 33, 0x50);
		c.mec_policy = 1;
	}
	return c;
}

static uint8_t *build(const struct rmm_token_claims *c, size_t *len)
{
	uint8_t *t = NULL;

	assert_int_equal(rmm_token_build(c, &t, len), 0); /* setup: rmm_token_build */
	assert_non_null(t);				  /* setup: rmm_token_build */
	return t;
}

static void assert_claims_equal(const struct rmm_token_claims *got,
				const struct rmm_token_claims *want)
{
	size_t hs = rmm_hash_size(want->algo);

	assert_int_equal(got->algo,
			 want->algo);	     /* DEN0137 A7.2.3.1 realm token claims: round-trip */
	assert_int_equal(got->v2, want->v2); /* DEN0137 A7.2.3.1 realm token claims: round-trip */
	assert_memory_equal(got->challenge, want->challenge,
			    64); /* DEN0137 A7.2.3.1 realm token claims: round-trip */
	assert_memory_equal(got->rpv, want->rpv,
			    64); /* DEN0137 A7.2.3.1 realm token claims: round-trip */
	assert_memory_equal(got->rim, want->rim,
			    hs); /* DEN0137 A7.2.3.1 realm token claims: round-trip */
	for (int i = 0; i < 4; i++)
		assert_memory_equal(got->rem[i], want->rem[i],
				    hs); /* DEN0137 A7.2.3.1 realm token claims: round-trip */
	if (want->v2) {
		assert_memory_equal(got->realm_instance_id, want->realm_instance_id,
				    33); /* DEN0137 A7.2.3.1 realm token claims: round-trip */
		assert_int_equal(
			got->mec_policy,
			want->mec_policy); /* DEN0137 A7.2.3.1 realm token claims: round-trip */
	}
}

/* Independent libcbor walk: the outer tag and the 44234 / 44241 wrapping. */
static void check_top(const uint8_t *t, size_t len, uint64_t want_tag)
{
	struct cbor_load_result r;
	cbor_item_t *root = cbor_load(t, len, &r), *m;
	struct cbor_pair *p;

	assert_non_null(root);				  /* DEN0137 A7.2 CCA token */
	assert_int_equal(r.read, len);			  /* DEN0137 A7.2 CCA token */
	assert_true(cbor_isa_tag(root));		  /* DEN0137 A7.2 CCA token */
	assert_int_equal(cbor_tag_value(root), want_tag); /* DEN0137 A7.2 CCA token */
	m = cbor_tag_item(root);
	assert_true(cbor_isa_map(m));	       /* DEN0137 A7.2 CCA token */
	assert_int_equal(cbor_map_size(m), 2); /* DEN0137 A7.2 CCA token */
	p = cbor_map_handle(m);
	assert_int_equal(cbor_get_int(p[0].key),
			 44234); /* DEN0137 A7.2 CCA token: platform token key 44234 */
	assert_int_equal(cbor_get_int(p[1].key),
			 44241); /* DEN0137 A7.2 CCA token: realm token key 44241 */
	for (int i = 0; i < 2; i++) {
		if (want_tag == 399) {
			assert_true(cbor_isa_bytestring(p[i].value)); /* DEN0137 A7.2 CCA token */
		} else {
			assert_true(cbor_isa_array(p[i].value)); /* DEN0137 A7.2 CCA token */
			assert_int_equal(cbor_array_size(p[i].value),
					 2); /* DEN0137 A7.2 CCA token */
			assert_int_equal(cbor_get_int(cbor_array_handle(p[i].value)[0]),
					 263); /* DEN0137 2.0 CCA token: [263, bstr] wrapper */
			assert_true(cbor_isa_bytestring(
				cbor_array_handle(p[i].value)[1])); /* DEN0137 A7.2 CCA token */
		}
	}
	cbor_decref(&m);
	cbor_decref(&root);
}

/*
 * RMM 1.0 token (DEN0137 1.0 A7.2): tag 399, platform and realm COSE_Sign1 as bstr; every realm
 * claim present in emitted order with the right type and size (checked by
 * rmm_token_verify), values round-trip, and both ES384 signatures verify.
 */
static void token_v1(void **state)
{
	for (int a = RMM_HASH_SHA256; a <= RMM_HASH_SHA512; a++) {
		struct rmm_token_claims c = claims((enum rmm_hash)a, false), got;
		size_t len;
		uint8_t *t = build(&c, &len);

		/* Tag 399 in its preferred encoding: d9 01 8f. */
		assert_int_equal(t[0], 0xd9); /* DEN0137 1.0 A7.2 CCA token: tag 399 = d9 01 8f */
		assert_int_equal(t[1], 0x01); /* DEN0137 1.0 A7.2 CCA token */
		assert_int_equal(t[2], 0x8f); /* DEN0137 1.0 A7.2 CCA token */
		check_top(t, len, 399);
		assert_int_equal(rmm_token_verify(t, len, &got),
				 0);	       /* DEN0137 1.0 A7.2 CCA token */
		assert_claims_equal(&got, &c); /* DEN0137 1.0 A7.2 CCA token */
		/* Fits the 0x1000 upper bound TF-RMM returns from RSI_ATTEST_TOKEN_INIT. */
		assert_in_range(
			len, 1000,
			0x1000); /* TF-RMM rel0 RSI_ATTESTATION_TOKEN_INIT upper bound 0x1000 */
		free(t);
	}
}

/* RMM 2.0 token (DEN0137 2.0 CCA token): tag 907, [263, bstr] wrappers, instance ID 256, MEC 44243.
 */
static void token_v2(void **state)
{
	struct rmm_token_claims c = claims(RMM_HASH_SHA256, true), got;
	size_t len;
	uint8_t *t = build(&c, &len);

	assert_int_equal(t[0], 0xd9); /* DEN0137 2.0 CCA token: tag 907 = d9 03 8b */
	assert_int_equal(t[1], 0x03); /* DEN0137 2.0 CCA token */
	assert_int_equal(t[2], 0x8b); /* DEN0137 2.0 CCA token */
	check_top(t, len, 907);
	assert_int_equal(rmm_token_verify(t, len, &got), 0); /* DEN0137 2.0 CCA token */
	assert_claims_equal(&got, &c);			     /* DEN0137 2.0 CCA token */
	free(t);
}

/* The realm public key claim is the COSE_Key of the realm key; the platform challenge
 * binds it (SHA-256 over that encoding, TF-RMM attest_init_realm_attestation_key). */
static void token_realm_key(void **state)
{
	uint8_t *k = NULL, *t, x[48];
	size_t klen, len;
	struct rmm_token_claims c = claims(RMM_HASH_SHA256, false);

	assert_int_equal(rmm_token_realm_key(&k, &klen),
			 0); /* DEN0137 A7.2 realm public key claim (TF-RMM
				attest_init_realm_attestation_key()) */
	/* {1: 2, -1: 2, -2: bstr 48, -3: bstr 48}: 4 + 2 * (2 + 48) bytes. */
	assert_int_equal(
		klen, 1 + 2 + 2 + 2 * (1 + 2 + 48)); /* DEN0137 A7.2 realm public key claim (TF-RMM
							attest_init_realm_attestation_key()) */
	assert_int_equal(k[0], 0xa4);		     /* DEN0137 A7.2 realm public key claim (TF-RMM
							attest_init_realm_attestation_key()) */
	unhex("ec3a4e415b4e19a4568618029f427fa5da9a8bc4ae92e02e06aae5286b300c64def8f0ea9055866064"
	      "a254515480bc13",
	      x, 48);
	assert_memory_equal(k + 8, x, 48); /* DEN0137 A7.2 realm public key claim: x (-2, 0x21),
					      bstr(48) header 0x58 0x30 */
	t = build(&c, &len);
	assert_non_null(memmem(t, len, k, klen)); /* DEN0137 A7.2 realm public key claim (TF-RMM
						     attest_init_realm_attestation_key()) */
	free(t);
	free(k);
}

/* Deterministic: same claims, same bytes; a different challenge changes the token. */
static void token_deterministic(void **state)
{
	struct rmm_token_claims c = claims(RMM_HASH_SHA512, false);
	size_t l1, l2, l3;
	uint8_t *t1 = build(&c, &l1), *t2 = build(&c, &l2), *t3;

	assert_int_equal(
		l1, l2); /* DEN0137 A7.2 realm token signature: deterministic ECDSA (RFC 6979) */
	assert_memory_equal(
		t1, t2,
		l1); /* DEN0137 A7.2 realm token signature: deterministic ECDSA (RFC 6979) */
	c.challenge[63] ^= 1;
	t3 = build(&c, &l3);
	assert_int_equal(
		l3, l1); /* DEN0137 A7.2 realm token signature: deterministic ECDSA (RFC 6979) */
	assert_memory_not_equal(
		t1, t3,
		l1); /* DEN0137 A7.2 realm token signature: deterministic ECDSA (RFC 6979) */
	free(t1);
	free(t2);
	free(t3);
}

/* Any changed byte fails verification: structure, claims and both signatures. */
static void token_corrupted(void **state)
{
	struct rmm_token_claims c = claims(RMM_HASH_SHA256, false);
	size_t len;
	uint8_t *t = build(&c, &len), *p;
	int rc;

	/* The realm challenge (signed realm payload) and the last byte (realm signature). */
	p = memmem(t, len, c.challenge, 64);
	assert_non_null(p); /* DEN0137 A7.2 CCA token: signed payloads */
	p[10] ^= 1;
	assert_int_equal(rmm_token_verify(t, len, NULL),
			 -EKEYREJECTED); /* DEN0137 A7.2 CCA token: signed payloads */
	p[10] ^= 1;
	t[len - 1] ^= 1;
	assert_int_equal(rmm_token_verify(t, len, NULL),
			 -EKEYREJECTED); /* DEN0137 A7.2 CCA token: signed payloads */
	t[len - 1] ^= 1;
	/* The platform verification-service URL is inside the signed platform payload. */
	p = memmem(t, len, "veraison.example", 16);
	assert_non_null(p); /* DEN0137 A7.2 CCA token: signed payloads */
	p[0] ^= 1;
	assert_int_equal(rmm_token_verify(t, len, NULL),
			 -EKEYREJECTED); /* DEN0137 A7.2 CCA token: signed payloads */
	p[0] ^= 1;
	/* A sweep over the whole token. */
	for (size_t i = 0; i < len; i += 7) {
		t[i] ^= 0x04;
		rc = rmm_token_verify(t, len, NULL);
		if (rc != -EBADMSG && rc != -EKEYREJECTED)
			fail_msg("byte %zu flipped: verify returned %d", i,
				 rc); /* DEN0137 A7.2 CCA token: signed payloads */
		t[i] ^= 0x04;
	}
	assert_int_equal(rmm_token_verify(t, len, NULL),
			 0); /* DEN0137 A7.2 CCA token: signed payloads */
	assert_int_equal(rmm_token_verify(t, len - 1, NULL),
			 -EBADMSG); /* DEN0137 A7.2 CCA token: a truncated token is malformed */
	free(t);
}

/* Library error channel: negative errno, never a partial buffer. */
static void token_errors(void **state)
{
	struct rmm_token_claims c = claims(RMM_HASH_SHA256, false);
	uint8_t *t = NULL;
	size_t len = 0;

	c.algo = (enum rmm_hash)2; /* SHA-384 is an RMM 1.1 value, not modelled */
	assert_int_equal(rmm_token_build(&c, &t, &len),
			 -EINVAL); /* DEN0137 1.0 RmiHashAlgorithm: no SHA-384 */
	assert_null(t);		   /* smcsim rmm_token API */
	assert_int_equal(rmm_token_build(NULL, &t, &len), -EINVAL); /* smcsim rmm_token API */
	assert_int_equal(rmm_token_verify(NULL, 0, NULL), -EINVAL); /* smcsim rmm_token API */
	assert_int_equal(rmm_token_verify((const uint8_t *)"\xa0", 1, NULL),
			 -EBADMSG); /* smcsim rmm_token API */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hash_known_answers),
		cmocka_unit_test(extend_rule),
		cmocka_unit_test(rim_init_layout),
		cmocka_unit_test(rim_init_fields),
		cmocka_unit_test(rim_data_descriptor),
		cmocka_unit_test(rim_ripas_descriptor),
		cmocka_unit_test(rim_rec_descriptor),
		cmocka_unit_test(p384_rfc6979),
		cmocka_unit_test(token_v1),
		cmocka_unit_test(token_v2),
		cmocka_unit_test(token_realm_key),
		cmocka_unit_test(token_deterministic),
		cmocka_unit_test(token_corrupted),
		cmocka_unit_test(token_errors),
	};
	return cmocka_run_group_tests_name("conformance-attest (DEN0137 1.0 A7)", tests, NULL,
					   NULL);
}
