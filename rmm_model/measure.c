/* SPDX-License-Identifier: MIT */
/*
 * Realm measurements (DEN0137 1.0 chapter A7): the RIM, built while the realm is NEW, and
 * the four REMs the realm extends itself. Hashing is nettle's; this file only lays out what
 * is hashed. Layouts follow TF-RMM at tag rmm-spec-v1.0-rel0 (lib/measurement/src/rim.c,
 * measurement.c, measurement_descs.h; include/smc-rmi.h for the parameter structures).
 */
#include <string.h>

#include <nettle/sha2.h>

#include "abi/bytes.h"
#include "rmm_model/attest.h"

size_t rmm_hash_size(enum rmm_hash algo)
{
	switch (algo) {
	case RMM_HASH_SHA256:
		return SHA256_DIGEST_SIZE;
	case RMM_HASH_SHA512:
		return SHA512_DIGEST_SIZE;
	}
	return 0;
}

/* One hash over up to two pieces, so extend needs no concatenation buffer. */
static void hash2(enum rmm_hash algo, const void *a, size_t alen, const void *b, size_t blen,
		  uint8_t out[RMM_MEAS_MAX])
{
	uint8_t d[RMM_MEAS_MAX] = { 0 };

	if (algo == RMM_HASH_SHA512) {
		struct sha512_ctx ctx;
		sha512_init(&ctx);
		sha512_update(&ctx, alen, a);
		sha512_update(&ctx, blen, b);
		sha512_digest(&ctx, SHA512_DIGEST_SIZE, d);
	} else {
		/* Callers pass a validated RmiHashAlgorithm; anything else hashes as SHA-256
		 * rather than leaving @out stale. */
		struct sha256_ctx ctx;
		sha256_init(&ctx);
		sha256_update(&ctx, alen, a);
		sha256_update(&ctx, blen, b);
		sha256_digest(&ctx, SHA256_DIGEST_SIZE, d);
	}
	memcpy(out, d, RMM_MEAS_MAX);
}

void rmm_hash(enum rmm_hash algo, const void *data, size_t len, uint8_t out[RMM_MEAS_MAX])
{
	hash2(algo, data, len, NULL, 0, out);
}

/*
 * DEN0137 1.0 RSI_MEASUREMENT_EXTEND: REM[i] = Hash(REM[i] || value[0..size)). The old
 * value enters at its hash size, not the 64-byte slot, and only the `size` bytes the realm
 * passed in x3.. are appended (TF-RMM runtime/rsi/realm_attest.c
 * handle_rsi_measurement_extend -> measurement_extend, which hashes
 * PSA_HASH_LENGTH(algo) bytes of the current value, then `size` bytes from &regs[3]).
 */
void rmm_meas_extend(enum rmm_hash algo, uint8_t meas[RMM_MEAS_MAX], const void *data, size_t len)
{
	size_t hs = rmm_hash_size(algo) ? rmm_hash_size(algo) : SHA256_DIGEST_SIZE;
	uint8_t old[RMM_MEAS_MAX];

	memcpy(old, meas, sizeof(old));
	hash2(algo, old, hs, data, len, meas);
}

/*
 * Initial RIM (DEN0137 1.0 RMI_REALM_CREATE: "RIM is initialised from the measured realm
 * parameters"). A zero-filled 4096-byte RmiRealmParams receives only the measured fields,
 * at the widths TF-RMM's struct rmi_realm_params gives them, and the whole 4096 bytes are
 * hashed (TF-RMM measurement_realm_params_measure):
 *
 *   0x00 flags         u64
 *   0x08 s2sz          u32
 *   0x10 sve_vl        u32
 *   0x18 num_bps       u32
 *   0x20 num_wps       u32
 *   0x28 pmu_num_ctrs  u32
 *   0x30 hash_algo     u8
 *
 * Not measured: rpv (reported as its own claim), vmid, rtt_base, rtt_level_start,
 * rtt_num_start (host-chosen resources that do not change what the realm sees).
 */
void rmm_rim_init(enum rmm_hash algo, const struct rmm_realm_params *p, uint8_t rim[RMM_MEAS_MAX])
{
	uint8_t page[RMM_GRANULE_BYTES] = { 0 };

	abi_wr64(page + RMI_REALM_PARAMS_FLAGS, p->flags);
	abi_wr32(page + RMI_REALM_PARAMS_S2SZ, (uint32_t)p->s2sz);
	abi_wr32(page + RMI_REALM_PARAMS_SVE_VL, (uint32_t)p->sve_vl);
	abi_wr32(page + RMI_REALM_PARAMS_NUM_BPS, (uint32_t)p->num_bps);
	abi_wr32(page + RMI_REALM_PARAMS_NUM_WPS, (uint32_t)p->num_wps);
	abi_wr32(page + RMI_REALM_PARAMS_PMU_NUM_CTRS, (uint32_t)p->pmu_num_ctrs);
	abi_wrn(page + RMI_REALM_PARAMS_HASH_ALGO, p->hash_algo, 1);
	rmm_hash(algo, page, sizeof(page), rim);
}

/* The descriptor layouts are abi/rmi.h's (RMM_MEAS_DESC_*). */
static void desc_start(uint8_t d[RMM_MEAS_DESC_SIZE], uint8_t type, enum rmm_hash algo,
		       const uint8_t rim[RMM_MEAS_MAX])
{
	memset(d, 0, RMM_MEAS_DESC_SIZE);
	d[RMM_MEAS_DESC_TYPE] = type;
	abi_wr64(d + RMM_MEAS_DESC_LEN, RMM_MEAS_DESC_SIZE);
	/* TF-RMM copies measurement_get_size(algo) bytes: the tail stays zero even if a
	 * caller's buffer were not padded. */
	memcpy(d + RMM_MEAS_DESC_RIM, rim,
	       rmm_hash_size(algo) ? rmm_hash_size(algo) : SHA256_DIGEST_SIZE);
}

/*
 * RmmMeasurementDescriptorData (DEN0137 1.0, RMI_DATA_CREATE):
 *   0x50 ipa      u64  IPA the DATA granule is mapped at
 *   0x58 flags    u64  RMI_DATA_CREATE flags as the host passed them
 *   0x60 content  [64] Hash(granule contents) when measured, else zero
 * TF-RMM measurement_data_granule_measure hashes the content only when
 * flags == RMI_MEASURE_CONTENT; the caller expresses that by passing @content.
 */
void rmm_rim_data(enum rmm_hash algo, uint8_t rim[RMM_MEAS_MAX], uint64_t ipa, uint64_t flags,
		  const void *content)
{
	uint8_t d[RMM_MEAS_DESC_SIZE];

	desc_start(d, RMM_MEAS_DESC_TYPE_DATA, algo, rim);
	abi_wr64(d + RMM_MEAS_DESC_DATA_IPA, ipa);
	abi_wr64(d + RMM_MEAS_DESC_DATA_FLAGS, flags);
	if (content) {
		uint8_t h[RMM_MEAS_MAX];
		rmm_hash(algo, content, RMM_GRANULE_BYTES, h);
		memcpy(d + RMM_MEAS_DESC_DATA_HASH, h, sizeof(h));
	}
	rmm_hash(algo, d, sizeof(d), rim);
}

/*
 * RmmMeasurementDescriptorRipas (DEN0137 1.0 rel0, RMI_RTT_INIT_RIPAS(rd, base, top)):
 *   0x50 base u64
 *   0x58 top  u64  (the range actually initialised: the command's x1 result)
 * Earlier drafts (EAC) measured {ipa, level} at 0x50/0x58 instead; rel0 uses base/top
 * (TF-RMM measurement_init_ripas_measure). Which top the RMM measures when the command
 * stops early (requested top or returned top) is [unconfirmed]: TF-RMM rel0 passes the top
 * it actually reached, and callers should do the same.
 */
void rmm_rim_ripas(enum rmm_hash algo, uint8_t rim[RMM_MEAS_MAX], uint64_t base, uint64_t top)
{
	uint8_t d[RMM_MEAS_DESC_SIZE];

	desc_start(d, RMM_MEAS_DESC_TYPE_RIPAS, algo, rim);
	abi_wr64(d + RMM_MEAS_DESC_RIPAS_BASE, base);
	abi_wr64(d + RMM_MEAS_DESC_RIPAS_TOP, top);
	rmm_hash(algo, d, sizeof(d), rim);
}

/*
 * RmmMeasurementDescriptorRec (DEN0137 1.0, RMI_REC_CREATE):
 *   0x50 content [64] Hash of a zero-filled 4096-byte RmiRecParams holding only the
 *                     measured fields: flags (0x0, u64), pc (0x200, u64), gprs[8]
 *                     (0x300, 8 x u64). mpidr, num_aux and aux[] are not measured: they
 *                     name host resources (TF-RMM measurement_rec_params_measure).
 */
void rmm_rim_rec(enum rmm_hash algo, uint8_t rim[RMM_MEAS_MAX], const void *rec_params_page)
{
	const uint8_t *src = rec_params_page;
	uint8_t page[RMM_GRANULE_BYTES] = { 0 };
	uint8_t d[RMM_MEAS_DESC_SIZE];
	uint8_t h[RMM_MEAS_MAX];

	memcpy(page + RMI_REC_PARAMS_FLAGS, src + RMI_REC_PARAMS_FLAGS, 8);
	memcpy(page + RMI_REC_PARAMS_PC, src + RMI_REC_PARAMS_PC, 8);
	memcpy(page + RMI_REC_PARAMS_GPRS, src + RMI_REC_PARAMS_GPRS, 8 * 8);
	rmm_hash(algo, page, sizeof(page), h);

	desc_start(d, RMM_MEAS_DESC_TYPE_REC, algo, rim);
	memcpy(d + RMM_MEAS_DESC_REC_HASH, h, sizeof(h));
	rmm_hash(algo, d, sizeof(d), rim);
}
