/* SPDX-License-Identifier: MIT */
/*
 * Partition discovery: FFA_PARTITION_INFO_GET (DEN0077 v1.2 13.9) through the RX buffer
 * and FFA_PARTITION_INFO_GET_REGS (v1.2 13.10) through registers. Descriptor layouts in
 * abi/ffa.h.
 */
#include <string.h>

#include "ffa_model/ffa.h"

struct pi_entry {
	const struct ffa_ep *ep;
	uint32_t uuid; /* index into ep->uuids */
};

static void uuid_from_words(uint8_t out[16], const uint32_t w[4])
{
	/* w1..w4 hold the UUID's bytes in memory order, each word little-endian. */
	for (int i = 0; i < 4; i++)
		abi_wr32(out + 4 * i, w[i]);
}

/*
 * The descriptors a caller at version @v gets for @uuid: one per (partition, UUID) for
 * v1.2 callers (multiple UUIDs per partition arrived in v1.2), one per partition before.
 * Returns the count, or -1 when a non-Nil UUID matches nothing (INVALID_PARAMETERS).
 */
static int select_parts(struct ffa_spmc *s, const uint8_t uuid[16], uint32_t v,
			struct pi_entry *out, int max)
{
	static const uint8_t nil[16];
	bool all = !memcmp(uuid, nil, 16);
	int n = 0;
	for (uint32_t i = 1; i < s->nep; i++) {
		const struct ffa_ep *ep = &s->ep[i];
		for (uint32_t u = 0; u < ep->nuuids; u++) {
			if (!all && memcmp(ep->uuids[u], uuid, 16))
				continue;
			if (n < max)
				out[n] = (struct pi_entry){ ep, u };
			n++;
			if (all && v < FFA_V1_2)
				break; /* one descriptor per partition before v1.2 */
			if (!all)
				break;
		}
	}
	return (!all && n == 0) ? -1 : n;
}

static uint32_t props_for(const struct ffa_ep *ep, uint32_t v)
{
	/* Hafnium masks properties to those the caller's version defines; the profile admits
	 * no bit beyond v1.2's. */
	if (v < FFA_V1_1)
		return ep->props & FFA_PROP_MASK_V1_0;
	if (v < FFA_V1_2)
		return ep->props & FFA_PROP_MASK_V1_1;
	return ep->props;
}

void ffa_h_partition_info_get(struct emu_call *c)
{
	struct ffa_spmc *s = c->state;
	struct ffa_ep *ep = ffa_caller_ep(s, c, true);
	uint32_t v = ffa_ep_version(s, ep);
	uint32_t w[4] = { (uint32_t)c->a[1], (uint32_t)c->a[2], (uint32_t)c->a[3],
			  (uint32_t)c->a[4] };
	uint32_t flags = (uint32_t)c->a[5];
	uint8_t uuid[16];
	uuid_from_words(uuid, w);

	/* DEN0077 v1.1 13.9.1: w5 bit 0 = return count only, bits[31:1] MBZ; v1.0 has
	 * no flags (w5 reserved, MBZ). */
	if ((v < FFA_V1_1 && flags) || (flags & ~FFA_PI_FLAG_COUNT_ONLY)) {
		ffa_error(c, FFA_INVALID_PARAMETERS);
		return;
	}
	struct pi_entry e[64];
	int n = select_parts(s, uuid, v, e, (int)EMU_ARRAY_SIZE(e));
	if (n < 0) {
		ffa_error(c, FFA_INVALID_PARAMETERS); /* unknown UUID */
		return;
	}
	uint32_t size = v >= FFA_V1_1 ? FFA_PI_SIZE_V1_1 : FFA_PI_SIZE_V1_0;
	if (flags & FFA_PI_FLAG_COUNT_ONLY) {
		/* Count only: RX untouched, so no ownership change (Hafnium: w3 = 0). */
		ffa_success(c, (uint32_t)n, 0);
		return;
	}
	uint8_t buf[64 * FFA_PI_SIZE_V1_1];
	memset(buf, 0, sizeof(buf));
	for (int i = 0; i < n; i++) {
		uint8_t *d = buf + (size_t)i * size;
		const struct ffa_ep *p = e[i].ep;
		abi_wr16(d + FFA_PI_ID, p->id);
		abi_wr16(d + FFA_PI_EXEC_CTX, p->exec_ctx);
		abi_wr32(d + FFA_PI_PROPS, props_for(p, v));
		if (size == FFA_PI_SIZE_V1_1)
			memcpy(d + FFA_PI_UUID, p->uuids[e[i].uuid], 16);
	}
	/* DEN0077 v1.2 13.9.2: BUSY when the caller's RX is not available to the producer
	 * (not mapped, or owned by the caller: ACS ffa_partition_info_get), NO_MEMORY when
	 * the descriptors do not fit. */
	int32_t st = ffa_rx_produce(s, ep, buf, (uint32_t)n * size);
	if (st) {
		ffa_error(c, st);
		return;
	}
	ffa_success(c, (uint32_t)n, v >= FFA_V1_1 ? size : 0);
}

void ffa_h_partition_info_get_regs(struct emu_call *c)
{
	struct ffa_spmc *s = c->state;
	struct ffa_ep *ep = ffa_caller_ep(s, c, true);
	uint32_t v = ffa_ep_version(s, ep);
	uint8_t uuid[16];
	/* x1:x2 hold the UUID's bytes in memory order, little-endian. */
	abi_wr64(uuid, c->a[1]);
	abi_wr64(uuid + 8, c->a[2]);
	uint32_t start = ffa_lo16(c->a[3]);
	uint32_t tag = ffa_hi16(c->a[3]);

	if (v < FFA_V1_2) {
		ffa_error(c, FFA_NOT_SUPPORTED);
		return;
	}
	/* Hafnium: a non-zero UUID information tag asks for a resumed walk the SPMC did not
	 * start (it never hands out tags): RETRY. */
	if (tag) {
		ffa_error(c, FFA_RETRY);
		return;
	}
	struct pi_entry e[64];
	int n = select_parts(s, uuid, v, e, (int)EMU_ARRAY_SIZE(e));
	if (n <= 0 || start >= (uint32_t)n) {
		ffa_error(c, FFA_INVALID_PARAMETERS);
		return;
	}
	uint32_t last = (uint32_t)n - 1;
	uint32_t cur = start;
	memset(c->r, 0, sizeof(c->r));
	for (uint32_t k = 0; k < FFA_PI_REGS_PER_CALL && start + k <= last; k++) {
		const struct pi_entry *pe = &e[start + k];
		uint64_t *x = &c->r[FFA_PI_REGS_FIRST + FFA_PI_REGS_PER_DESC * k];
		x[0] = pe->ep->id | (uint64_t)pe->ep->exec_ctx << 16 |
		       (uint64_t)props_for(pe->ep, v) << 32;
		x[1] = abi_rd64(pe->ep->uuids[pe->uuid]);
		x[2] = abi_rd64(pe->ep->uuids[pe->uuid] + 8);
		cur = start + k;
	}
	/* x2: [15:0] last index, [31:16] current index, [47:32] tag, [63:48] size. */
	c->r[0] = FFA_SUCCESS_64_FID;
	c->r[2] = last | (uint64_t)cur << FFA_PI_REGS_CUR_SHIFT |
		  (uint64_t)FFA_PI_SIZE_V1_1 << FFA_PI_REGS_SIZE_SHIFT;
	c->nres = SMCSIM_NREGS;
}
