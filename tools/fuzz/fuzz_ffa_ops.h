/* SPDX-License-Identifier: MIT */
/*
 * Shared driver of the fuzz-ffa and fuzz-pkvm targets: the input is a program of
 * operations (raw FF-A calls from the host or a partition, memory transactions with
 * descriptors built in the TX buffer, retrieves, relinquishes, reclaims, releases,
 * pkvm_finalize), and after every operation the model's invariants must hold:
 *   - handles unique, never the invalid handle, SPMC-allocated (ffa_check_invariants)
 *   - pages of a live transaction carry its flag, are not mailboxes, are in one only
 *   - RX ownership consistent with the mailbox state
 *   - pKVM: no page of a host transaction is still host-owned-exclusive, the host's
 *     mailbox pages are shared with EL2 exactly while mapped, the proxy's are EL2's.
 * A violation aborts, which libFuzzer and the replay driver report.
 */
#ifndef SMCSIM_FUZZ_FFA_OPS_H
#define SMCSIM_FUZZ_FFA_OPS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abi/bytes.h"
#include "ffa_model/ffa.h"
#include "pkvm_model/pkvm.h"

#define FZ_MEM	   UINT64_C(0x80100000)
#define FZ_HOST_TX UINT64_C(0x80000000)
#define FZ_HOST_RX UINT64_C(0x80001000)

struct fz {
	const uint8_t *d;
	size_t n, i;
	struct smcsim *sim;
	int host, sp[2];
	uint64_t handles[8];
	unsigned int nh;
};

static uint8_t fz_u8(struct fz *f)
{
	return f->i < f->n ? f->d[f->i++] : 0;
}

static uint32_t fz_u32(struct fz *f)
{
	uint32_t v = 0;
	for (int k = 0; k < 4; k++)
		v |= (uint32_t)fz_u8(f) << (8 * k);
	return v;
}

/* Register values biased to what matters: small numbers, buffers, handles, IDs. */
static uint64_t fz_val(struct fz *f)
{
	uint8_t k = fz_u8(f);
	switch (k % 10) {
	case 0:
		return 0;
	case 1:
		return k >> 4;
	case 2:
		return FZ_HOST_TX + ((uint64_t)(k >> 4) << 12);
	case 3:
		return f->nh ? f->handles[(k >> 4) % f->nh] : 1;
	case 4:
		return f->nh ? f->handles[(k >> 4) % f->nh] >> 32 : 0;
	case 5:
		return 0x8001u + (k >> 7);
	case 6:
		return (uint64_t)(0x8001u + (k >> 7)) << 16;
	case 7:
		return FFA_V(1, k >> 6);
	case 8:
		return fz_u32(f);
	default:
		return (uint64_t)fz_u32(f) << 32 | fz_u32(f);
	}
}

static void fz_call(struct fz *f, int caller, struct smcsim_regs *r)
{
	int ret = smcsim_call(f->sim, caller, 0, SMCSIM_CONDUIT_DEFAULT, r);
	if (ret != SMCSIM_EXIT_RETURN) {
		fprintf(stderr, "call 0x%llx failed: %d\n", (unsigned long long)r->x[0], ret);
		abort();
	}
}

static void fz_note_handle(struct fz *f, const struct smcsim_regs *r)
{
	uint64_t h;
	if (r->x[0] == FFA_SUCCESS_FID)
		h = (uint32_t)r->x[2] | (uint64_t)(uint32_t)r->x[3] << 32;
	else if (r->x[0] == FFA_MEM_FRAG_RX_FID)
		h = (uint32_t)r->x[1] | (uint64_t)(uint32_t)r->x[2] << 32;
	else
		return;
	f->handles[f->nh++ % 8] = h;
	if (f->nh > 8)
		f->nh = 8;
}

/* A transaction descriptor from the input: mostly well-formed, fields perturbed. */
static uint32_t fz_desc(struct fz *f, uint8_t *b, uint32_t cap, uint32_t v)
{
	uint32_t hdr = v >= FFA_V1_1 ? FFA_MTD_HDR_V1_1 : FFA_MTD_HDR_V1_0;
	uint32_t esz = v >= FFA_V1_2 ? FFA_EMAD_SIZE_V1_2 : FFA_EMAD_SIZE_V1_0;
	uint32_t nrecv = 1 + fz_u8(f) % 2, nr = 1 + fz_u8(f) % 4;
	uint32_t comp = hdr + nrecv * esz;
	uint32_t len = comp + FFA_COMPOSITE_SIZE + nr * FFA_CONSTITUENT_SIZE;
	if (len > cap)
		return 0;
	memset(b, 0, len);
	uint8_t flags = fz_u8(f);
	abi_wr16(b + FFA_MTD_SENDER, (flags & 0x80) ? 0x8001 : 0);
	abi_wr16(b + FFA_MTD_ATTRS, (flags & 0x40) ? 0 : 0x2f);
	abi_wr32(b + FFA_MTD_FLAGS, flags & 0x7);
	if (v >= FFA_V1_1) {
		abi_wr32(b + FFA_MTD_EMAD_SIZE, esz);
		abi_wr32(b + FFA_MTD_EMAD_OFFSET, hdr);
	}
	abi_wr32(b + FFA_MTD_EMAD_COUNT, nrecv);
	static const uint16_t ids[] = { 0x8001, 0x8002, 0x8009, 0 };
	for (uint32_t i = 0; i < nrecv; i++) {
		uint8_t x = fz_u8(f);
		uint8_t *e = b + hdr + i * esz;
		abi_wr16(e + FFA_EMAD_RECEIVER, ids[x % 4]);
		e[FFA_EMAD_PERM] = (uint8_t)(1 + ((x >> 2) & 1));
		abi_wr32(e + FFA_EMAD_COMPOSITE, comp);
	}
	uint32_t total = 0;
	for (uint32_t i = 0; i < nr; i++) {
		uint8_t x = fz_u8(f);
		uint32_t pages = 1 + (x >> 6);
		uint8_t *c = b + comp + FFA_COMPOSITE_SIZE + i * FFA_CONSTITUENT_SIZE;
		abi_wr64(c + FFA_CONSTITUENT_ADDR, FZ_MEM + ((uint64_t)(x & 0x3f) << 12));
		abi_wr32(c + FFA_CONSTITUENT_PAGES, pages);
		total += pages;
	}
	abi_wr32(b + comp + FFA_COMPOSITE_PAGES, total);
	abi_wr32(b + comp + FFA_COMPOSITE_COUNT, nr);
	/* Occasionally flip a byte anywhere. */
	uint8_t m = fz_u8(f);
	if (m & 1)
		b[(m >> 1) % len] ^= fz_u8(f);
	return len;
}

static void fz_check(struct fz *f, bool pkvm)
{
	struct ffa_spmc *s = ffa_spmc_of(f->sim, "el3");
	int bad = ffa_check_invariants(s);
	if (bad) {
		fprintf(stderr, "SPMC invariant at ffa_mem.c:%d\n", -bad);
		abort();
	}
	if (!pkvm)
		return;
	struct pkvm *p = pkvm_of(f->sim, "pkvm");
	for (uint32_t i = 0; i < FFA_MAX_TXNS; i++) {
		const struct ffa_txn *t = &s->txn[i];
		if (!t->used || !t->complete || t->sender != 0)
			continue;
		for (uint32_t r = 0; r < t->nranges; r++)
			for (uint32_t k = 0; k < t->ranges[r].pages; k++) {
				const uint8_t *g = pkvm_gstate(
					f->sim, t->ranges[r].base + (uint64_t)k * FFA_PAGE);
				if (*g != PKVM_HOST_SHARED_FFA) {
					fprintf(stderr,
						"page 0x%llx shared at the SPMC, host state %u\n",
						(unsigned long long)(t->ranges[r].base +
								     k * FFA_PAGE),
						*g);
					abort();
				}
			}
	}
	if (*pkvm_gstate(f->sim, p->hyp_tx) != PKVM_HYP_OWNED ||
	    *pkvm_gstate(f->sim, p->hyp_rx) != PKVM_HYP_OWNED)
		abort();
	if (p->host_mapped && (*pkvm_gstate(f->sim, p->host_tx) != PKVM_HOST_SHARED_HYP ||
			       *pkvm_gstate(f->sim, p->host_rx) != PKVM_HOST_SHARED_HYP))
		abort();
}

static int fz_run(const uint8_t *data, size_t size, bool pkvm)
{
	struct fz f = { .d = data, .n = size };
	struct smcsim_error err;
	if (smcsim_create_named(pkvm ? "pkvm-host" : "ffa-host", &f.sim, &err))
		abort();
	f.host = smcsim_caller_find(f.sim, "host");
	f.sp[0] = smcsim_caller_find(f.sim, "sp1");
	f.sp[1] = smcsim_caller_find(f.sim, "sp2");
	if (pkvm && smcsim_event(f.sim, "pkvm_finalize", NULL, &err))
		abort();
	struct smcsim_regs r;
	uint8_t buf[1024];
	for (unsigned int steps = 0; f.i < f.n && steps < 64; steps++) {
		uint8_t op = fz_u8(&f);
		int caller = (op & 0x80) ? f.sp[(op >> 6) & 1] : f.host;
		uint64_t tx = caller == f.host ? FZ_HOST_TX
					       : (caller == f.sp[0] ? 0x0e000000 : 0x0e002000);
		memset(&r, 0, sizeof(r));
		switch (op % 8) {
		case 0: /* setup */
			r.x[0] = FFA_VERSION_FID;
			r.x[1] = FFA_V(1, fz_u8(&f) % 3);
			fz_call(&f, f.host, &r);
			memset(&r, 0, sizeof(r));
			r.x[0] = FFA_RXTX_MAP_64_FID;
			r.x[1] = FZ_HOST_TX;
			r.x[2] = FZ_HOST_RX;
			r.x[3] = 1;
			fz_call(&f, f.host, &r);
			break;
		case 1: { /* raw call */
			uint8_t k = fz_u8(&f);
			r.x[0] = ffa_fns[k % FFA_NCALLS].fid;
			for (int a = 1; a <= 5; a++)
				r.x[a] = fz_val(&f);
			fz_call(&f, caller, &r);
			fz_note_handle(&f, &r);
			break;
		}
		case 2:
		case 3: { /* memory send, maybe fragmented */
			static const uint32_t fids[] = { FFA_MEM_SHARE_64_FID, FFA_MEM_LEND_64_FID,
							 FFA_MEM_DONATE_64_FID, FFA_MEM_SHARE_FID };
			uint8_t k = fz_u8(&f);
			uint32_t len = fz_desc(&f, buf, sizeof(buf), FFA_V1_2 - (k >> 7));
			if (!len || smcsim_mem_write(f.sim, FZ_HOST_TX, buf, len))
				break;
			uint32_t frag = (k & 0x10) ? len - 16 * (1 + (k & 1)) : len;
			r.x[0] = fids[k % 4];
			r.x[1] = len;
			r.x[2] = frag;
			fz_call(&f, f.host, &r);
			fz_note_handle(&f, &r);
			if (r.x[0] == FFA_MEM_FRAG_RX_FID) {
				uint64_t lo = r.x[1], hi = r.x[2];
				smcsim_mem_write(f.sim, FZ_HOST_TX, buf + frag, len - frag);
				memset(&r, 0, sizeof(r));
				r.x[0] = FFA_MEM_FRAG_TX_FID;
				r.x[1] = lo;
				r.x[2] = hi;
				r.x[3] = len - frag;
				fz_call(&f, f.host, &r);
				fz_note_handle(&f, &r);
			}
			break;
		}
		case 4: { /* retrieve by a partition */
			int sp = fz_u8(&f) & 1;
			uint64_t h = f.nh ? f.handles[fz_u8(&f) % f.nh] : 1;
			/* v1.1+ header, then one 32-byte EMAD. */
			memset(buf, 0, 96);
			abi_wr64(buf + FFA_MTD_HANDLE, h);
			abi_wr32(buf + FFA_MTD_EMAD_SIZE, FFA_EMAD_SIZE_V1_2);
			abi_wr32(buf + FFA_MTD_EMAD_COUNT, 1);
			abi_wr32(buf + FFA_MTD_EMAD_OFFSET, FFA_MTD_HDR_V1_1);
			abi_wr16(buf + FFA_MTD_HDR_V1_1 + FFA_EMAD_RECEIVER, sp ? 0x8002 : 0x8001);
			buf[FFA_MTD_HDR_V1_1 + FFA_EMAD_PERM] = (uint8_t)(1 + (fz_u8(&f) & 1));
			smcsim_mem_write(f.sim, sp ? 0x0e002000 : 0x0e000000, buf, 80);
			r.x[0] = FFA_MEM_RETRIEVE_REQ_64_FID;
			r.x[1] = r.x[2] = 80;
			fz_call(&f, f.sp[sp], &r);
			break;
		}
		case 5: { /* relinquish */
			int sp = fz_u8(&f) & 1;
			uint64_t h = f.nh ? f.handles[fz_u8(&f) % f.nh] : 1;
			memset(buf, 0, 18);
			abi_wr64(buf + FFA_RELINQUISH_HANDLE, h);
			abi_wr32(buf + FFA_RELINQUISH_COUNT, 1);
			abi_wr16(buf + FFA_RELINQUISH_ENDPOINTS, sp ? 0x8002 : 0x8001);
			smcsim_mem_write(f.sim, sp ? 0x0e002000 : 0x0e000000, buf, 18);
			r.x[0] = FFA_MEM_RELINQUISH_FID;
			fz_call(&f, f.sp[sp], &r);
			break;
		}
		case 6: { /* reclaim or release */
			uint8_t k = fz_u8(&f);
			if (k & 1) {
				uint64_t h = f.nh ? f.handles[(k >> 1) % f.nh] : 1;
				r.x[0] = FFA_MEM_RECLAIM_FID;
				r.x[1] = (uint32_t)h;
				r.x[2] = h >> 32;
				r.x[3] = (k >> 4) & 1;
			} else {
				r.x[0] = FFA_RX_RELEASE_FID;
			}
			fz_call(&f, caller, &r);
			break;
		}
		default: { /* scribble on a TX buffer, then a raw memory call */
			uint8_t off = fz_u8(&f), v = fz_u8(&f);
			smcsim_mem_write(f.sim, tx + off, &v, 1);
			break;
		}
		}
		fz_check(&f, pkvm);
	}
	smcsim_destroy(f.sim);
	return 0;
}

#endif
