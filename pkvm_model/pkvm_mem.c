/* SPDX-License-Identifier: MIT */
/*
 * pKVM FF-A proxy memory sharing (Linux arch/arm64/kvm/hyp/nvhe/ffa.c __do_ffa_mem_xfer(),
 * do_ffa_mem_frag_tx(), do_ffa_mem_reclaim()): the host's SHARE/LEND
 * descriptors are copied into the proxy's TX, validated (one receiver, sender 0,
 * bounds), and every constituent moves in the host stage-2 from exclusively owned to
 * shared-owned (__pkvm_host_share_ffa) before the SPMC sees it; failures roll back.
 * Reclaim retrieves the descriptor as the hypervisor to learn the ranges to unshare.
 */
#include <string.h>

#include "pkvm_model/pkvm.h"

/* ffa_mem_desc_offset(): where EMAD 0 sits for the proxy's version (UINT32_MAX: the
 * v1.1+ header that says so is not all there). */
static uint32_t emad0_offset(const struct pkvm *p, const uint8_t *buf, uint32_t len)
{
	if (p->hyp_version < FFA_V1_1)
		return FFA_MTD_HDR_V1_0;
	return len >= FFA_MTD_HDR_V1_1 ? abi_rd32(buf + FFA_MTD_EMAD_OFFSET) : UINT32_MAX;
}

/* __ffa_host_share_ranges(): only the constituent's size must be whole host pages; its
 * address becomes a host pfn (hyp_phys_to_pfn() drops the offset) and a zero-page range
 * shares nothing and succeeds (do_share() of 0 pages), so it reaches the SPMC. */
static bool share_range(struct pkvm *p, const uint8_t *k, bool share)
{
	uint64_t base = abi_rd64(k + FFA_CONSTITUENT_ADDR) & ~(uint64_t)(p->page_size - 1);
	uint64_t sz = (uint64_t)abi_rd32(k + FFA_CONSTITUENT_PAGES) * FFA_PAGE;
	if (sz % p->page_size)
		return false;
	if (!sz)
		return true;
	return share ? pkvm_pages_transition(p, base, sz, PKVM_HOST_OWNED, PKVM_HOST_SHARED_FFA)
		     : pkvm_pages_transition(p, base, sz, PKVM_HOST_SHARED_FFA, PKVM_HOST_OWNED);
}

static void unshare_ranges(struct pkvm *p, const uint8_t *ranges, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		share_range(p, ranges + i * FFA_CONSTITUENT_SIZE, false);
}

/* ffa_host_share_ranges(): all or nothing; DENIED if any page is not the host's alone. */
static int32_t share_ranges(struct pkvm *p, const uint8_t *ranges, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		if (!share_range(p, ranges + i * FFA_CONSTITUENT_SIZE, true)) {
			unshare_ranges(p, ranges, i);
			return FFA_DENIED;
		}
	return FFA_OK;
}

void pkvm_mem_share(struct emu_call *c)
{
	struct pkvm *p = c->state;
	uint32_t len = (uint32_t)c->a[1], fraglen = (uint32_t)c->a[2];
	uint32_t fid64 = c->fid | SMCCC_64; /* always reissued as the FN64 call */
	uint32_t hdr = ffa_mtd_hdr_size(p->hyp_version);
	if (c->a[3] || (uint32_t)c->a[4] || fraglen > len || fraglen > p->page_size ||
	    fraglen < hdr + FFA_EMAD_SIZE_V1_0) {
		pkvm_ret_error(c, FFA_INVALID_PARAMETERS);
		return;
	}
	if (!p->host_mapped) {
		pkvm_ret_error(c, FFA_INVALID_PARAMETERS);
		return;
	}
	if (len > p->desc_len) {
		pkvm_ret_error(c, FFA_NO_MEMORY);
		return;
	}
	uint8_t *buf = emu_mem_ptr(p->sim, p->hyp_tx, fraglen);
	const uint8_t *host = emu_mem_ptr(p->sim, p->host_tx, fraglen);
	if (!buf || !host) {
		pkvm_ret_error(c, FFA_INVALID_PARAMETERS);
		return;
	}
	memcpy(buf, host, fraglen);
	/* EMAD 0 inside the fragment, a composite, exactly one receiver, sender 0. */
	uint32_t emad = emad0_offset(p, buf, fraglen);
	if (emad > fraglen || fraglen - emad < FFA_EMAD_SIZE_V1_0) {
		pkvm_ret_error(c, FFA_INVALID_PARAMETERS);
		return;
	}
	uint32_t off = abi_rd32(buf + emad + FFA_EMAD_COMPOSITE);
	if (!off || abi_rd32(buf + FFA_MTD_EMAD_COUNT) != 1 ||
	    abi_rd16(buf + FFA_MTD_SENDER) != FFA_NS_ID || off > fraglen ||
	    fraglen - off < FFA_COMPOSITE_SIZE) {
		pkvm_ret_error(c, FFA_INVALID_PARAMETERS);
		return;
	}
	/* The constituents are whatever of the fragment follows the composite header. */
	uint32_t bytes = fraglen - off - FFA_COMPOSITE_SIZE;
	if (bytes % FFA_CONSTITUENT_SIZE) {
		pkvm_ret_error(c, FFA_INVALID_PARAMETERS);
		return;
	}
	const uint8_t *ranges = ffa_constituent(buf + off, 0);
	uint32_t n = bytes / FFA_CONSTITUENT_SIZE;
	int32_t st = share_ranges(p, ranges, n);
	if (st) {
		pkvm_ret_error(c, st);
		return;
	}
	/* Keep a copy: the SPMC may not leave the TX page alone. */
	uint8_t saved[FFA_PAGE * 16];
	memcpy(saved, ranges, bytes);
	struct smcsim_regs r;
	memset(&r, 0, sizeof(r));
	r.x[0] = fid64;
	r.x[1] = len;
	r.x[2] = fraglen;
	if (pkvm_smc(p, c, &r)) {
		unshare_ranges(p, saved, n);
		pkvm_ret_error(c, FFA_ABORTED);
		return;
	}
	bool ok = fraglen != len ? (r.x[0] == FFA_MEM_FRAG_RX_FID && (uint32_t)r.x[3] == fraglen)
				 : r.x[0] == FFA_SUCCESS_FID;
	if (!ok)
		unshare_ranges(p, saved, n); /* the SPMC said no: undo, return its answer */
	pkvm_ret_regs(c, &r);
}

void pkvm_mem_frag_tx(struct emu_call *c)
{
	struct pkvm *p = c->state;
	uint32_t fraglen = (uint32_t)c->a[3];
	if (fraglen > p->page_size || fraglen % FFA_CONSTITUENT_SIZE || !p->host_mapped) {
		pkvm_ret_error(c, FFA_INVALID_PARAMETERS);
		return;
	}
	uint8_t *buf = emu_mem_ptr(p->sim, p->hyp_tx, fraglen ? fraglen : 1);
	const uint8_t *host = emu_mem_ptr(p->sim, p->host_tx, fraglen ? fraglen : 1);
	if (!buf || !host) {
		pkvm_ret_error(c, FFA_INVALID_PARAMETERS);
		return;
	}
	memcpy(buf, host, fraglen);
	uint32_t n = fraglen / FFA_CONSTITUENT_SIZE;
	uint8_t saved[FFA_PAGE * 16];
	memcpy(saved, buf, fraglen);
	struct smcsim_regs r;
	if (share_ranges(p, saved, n)) {
		/* Abort the whole transaction at the SPMC. Ranges of earlier fragments stay
		 * shared in the host stage-2, as in pKVM. */
		memset(&r, 0, sizeof(r));
		r.x[0] = FFA_MEM_RECLAIM_FID;
		r.x[1] = (uint32_t)c->a[1];
		r.x[2] = (uint32_t)c->a[2];
		pkvm_smc(p, c, &r);
		pkvm_ret_error(c, FFA_DENIED);
		return;
	}
	memset(&r, 0, sizeof(r));
	r.x[0] = FFA_MEM_FRAG_TX_FID;
	for (int i = 1; i <= 4; i++)
		r.x[i] = (uint32_t)c->a[i];
	if (pkvm_smc(p, c, &r) || (r.x[0] != FFA_SUCCESS_FID && r.x[0] != FFA_MEM_FRAG_RX_FID))
		unshare_ranges(p, saved, n);
	pkvm_ret_regs(c, &r);
}

void pkvm_mem_reclaim(struct emu_call *c)
{
	struct pkvm *p = c->state;
	uint32_t lo = (uint32_t)c->a[1], hi = (uint32_t)c->a[2], flags = (uint32_t)c->a[3];
	uint32_t hdr = ffa_mtd_hdr_size(p->hyp_version);
	uint8_t *tx = emu_mem_ptr(p->sim, p->hyp_tx, hdr);
	if (!tx) {
		pkvm_ret_error(c, FFA_ABORTED);
		return;
	}
	/* A hypervisor retrieve request: sender 0 and the handle, no receivers. */
	memset(tx, 0, hdr);
	abi_wr64(tx + FFA_MTD_HANDLE, ffa_u64_of(lo, hi));
	struct smcsim_regs r;
	memset(&r, 0, sizeof(r));
	r.x[0] = FFA_MEM_RETRIEVE_REQ_64_FID;
	r.x[1] = hdr;
	r.x[2] = hdr;
	if (pkvm_smc(p, c, &r)) {
		pkvm_ret_error(c, FFA_ABORTED);
		return;
	}
	if (r.x[0] != FFA_MEM_RETRIEVE_RESP_FID) {
		pkvm_ret_regs(c, &r); /* returned verbatim */
		return;
	}
	uint32_t len = (uint32_t)r.x[1], fraglen = (uint32_t)r.x[2];
	struct smcsim_regs rel;
	memset(&rel, 0, sizeof(rel));
	rel.x[0] = FFA_RX_RELEASE_FID;
	const uint8_t *rx = emu_mem_ptr(p->sim, p->hyp_rx, p->page_size);
	uint32_t emad = (rx && fraglen <= p->page_size) ? emad0_offset(p, rx, fraglen) : UINT32_MAX;
	/* The composite offset of EMAD 0, if the first fragment holds it. */
	uint32_t off = (rx && emad <= fraglen && fraglen - emad >= FFA_EMAD_COMPOSITE + 4)
			       ? abi_rd32(rx + emad + FFA_EMAD_COMPOSITE)
			       : UINT32_MAX;
	/* Nothing that looks completely bogus from the SPMC. */
	if (off > len || fraglen > p->page_size) {
		pkvm_smc(p, c, &rel);
		pkvm_ret_error(c, FFA_ABORTED);
		return;
	}
	if (len > p->desc_len) {
		pkvm_smc(p, c, &rel);
		pkvm_ret_error(c, FFA_NO_MEMORY);
		return;
	}
	memcpy(p->desc, rx, fraglen);
	pkvm_smc(p, c, &rel);
	for (uint32_t fragoff = fraglen; fragoff < len; fragoff += fraglen) {
		memset(&r, 0, sizeof(r));
		r.x[0] = FFA_MEM_FRAG_RX_FID;
		r.x[1] = lo;
		r.x[2] = hi;
		r.x[3] = fragoff;
		if (pkvm_smc(p, c, &r) || r.x[0] != FFA_MEM_FRAG_TX_FID) {
			pkvm_ret_error(c, FFA_INVALID_PARAMETERS);
			return;
		}
		fraglen = (uint32_t)r.x[3];
		if (!fraglen || fraglen > p->page_size || fraglen > len - fragoff) {
			pkvm_smc(p, c, &rel);
			pkvm_ret_error(c, FFA_ABORTED);
			return;
		}
		memcpy(p->desc + fragoff, rx, fraglen);
		pkvm_smc(p, c, &rel);
	}
	memset(&r, 0, sizeof(r));
	r.x[0] = FFA_MEM_RECLAIM_FID;
	r.x[1] = lo;
	r.x[2] = hi;
	r.x[3] = flags;
	if (pkvm_smc(p, c, &r)) {
		pkvm_ret_error(c, FFA_ABORTED);
		return;
	}
	if (r.x[0] == FFA_SUCCESS_FID && off + FFA_COMPOSITE_SIZE <= len) {
		/* "If the SPMD was happy, then we should be too": unshare the constituents. */
		uint32_t n = abi_rd32(p->desc + off + FFA_COMPOSITE_COUNT);
		if ((uint64_t)off + FFA_COMPOSITE_SIZE + (uint64_t)n * FFA_CONSTITUENT_SIZE <= len)
			unshare_ranges(p, ffa_constituent(p->desc + off, 0), n);
	}
	pkvm_ret_regs(c, &r);
}
