/* SPDX-License-Identifier: MIT */
/*
 * The RMM granule state machine over the machine's memory (DEN0137 1.0 A2.2 "Granule"):
 * every 4 KiB of simulated DRAM is UNDELEGATED (NS) until the host delegates it, and a
 * delegated granule can become exactly one object (RD, REC, REC_AUX, DATA, RTT). The commands
 * that change nothing but granule states are here, as in TF-RMM runtime/rmi/granule.c:
 * GRANULE_DELEGATE/UNDELEGATE (1.x), and 2.0's GRANULE_RANGE_(UN)DELEGATE and
 * GRANULE_TRACKING_GET.
 */
#include <string.h>

#include "rmm_model/rmm.h"

struct rmm_gran *rmm_gran(struct rmm *r, uint64_t pa)
{
	return emu_gstate(r->sim, r->gslot, pa);
}

struct rmm_gran *rmm_gstate(struct smcsim *sim, uint64_t pa)
{
	return emu_gstate(sim, emu_gstate_slot(sim, &rmm_svc_rmi), pa);
}

/*
 * The granule at @addr if it is aligned, inside delegable memory (the profile's DRAM:
 * DEN0137 PaIsDelegable) and in state @want; NULL otherwise. Callers return
 * ERROR_INPUT for NULL: 1.0 reports alignment, bound and state failures alike.
 */
struct rmm_gran *rmm_granule(struct rmm *r, uint64_t addr, enum rmm_granule_state want)
{
	if (addr & (EMU_GRANULE_SIZE - 1))
		return NULL;
	struct rmm_gran *g = rmm_gran(r, addr);
	if (!g || g->state != want)
		return NULL;
	return g;
}

/*
 * A page the host passes by address (parameter pages, RmiRecRun, DATA_CREATE's source):
 * aligned, in memory, undelegated and in the Non-secure PAS (the *_align, *_bound and
 * *_pas conditions). Its host pointer, or NULL.
 */
uint8_t *rmm_ns_page(struct rmm *r, uint64_t pa)
{
	if (!rmm_granule(r, pa, RMM_GRANULE_NS) || emu_granule(r->sim, pa)->pas != EMU_PAS_NS)
		return NULL;
	return emu_mem_ptr(r->sim, pa, EMU_GRANULE_SIZE);
}

/* @n consecutive granules from @base, all in state @want (DEN0137 RttsStateEqual). */
bool rmm_granule_range(struct rmm *r, uint64_t base, uint64_t n, enum rmm_granule_state want)
{
	if (n == 0 || n > 16 || base > UINT64_MAX - n * EMU_GRANULE_SIZE)
		return false;
	for (uint64_t i = 0; i < n; i++)
		if (!rmm_granule(r, base + i * EMU_GRANULE_SIZE, want))
			return false;
	return true;
}

void rmm_granule_set(struct rmm *r, uint64_t addr, enum rmm_granule_state s, uint64_t owner)
{
	struct rmm_gran *g = rmm_gran(r, addr);
	g->state = (uint8_t)s;
	g->owner = owner;
	/* DEN0137 A2.2.3: delegation moves the granule to the Realm PAS; undelegation
	 * returns it to Non-secure. Every other state stays in the Realm PAS. */
	emu_granule(r->sim, addr)->pas = s == RMM_GRANULE_NS ? EMU_PAS_NS : EMU_PAS_REALM;
	if (s == RMM_GRANULE_NS || s == RMM_GRANULE_DELEGATED)
		g->refcount = 0;
}

/* Return an object's granule to DELEGATED: a DELEGATED granule always reads as zero
 * (TF-RMM zeroes granules as they are delegated and as objects are destroyed), so its
 * contents are scrubbed first. */
void rmm_granule_release(struct rmm *r, uint64_t addr)
{
	memset(emu_mem_ptr(r->sim, addr, EMU_GRANULE_SIZE), 0, EMU_GRANULE_SIZE);
	rmm_granule_set(r, addr, RMM_GRANULE_DELEGATED, 0);
}

/* ---- commands ---------------------------------------------------------------------- */

/* DEN0137 1.0 B4.3.5 GRANULE_DELEGATE: gran_align, gran_bound, gran_state, gran_pas. */
void rmm_granule_delegate(struct emu_call *c)
{
	struct rmm *r = c->state;
	uint64_t addr = c->a[1];
	if (!rmm_granule(r, addr, RMM_GRANULE_NS) || emu_granule(r->sim, addr)->pas != EMU_PAS_NS) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	/* Scrubbed on the way in: a DELEGATED granule always reads as zero. */
	rmm_granule_release(r, addr);
	emu_ret1(c, rmi_ret(RMI_SUCCESS, 0));
}

/* DEN0137 1.0 B4.3.6 GRANULE_UNDELEGATE: gran_align, gran_bound, gran_state. */
void rmm_granule_undelegate(struct emu_call *c)
{
	struct rmm *r = c->state;
	uint64_t addr = c->a[1];
	if (!rmm_granule(r, addr, RMM_GRANULE_DELEGATED)) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	/* Scrubbed on the way out, before the host can read it again. */
	memset(emu_mem_ptr(r->sim, addr, EMU_GRANULE_SIZE), 0, EMU_GRANULE_SIZE);
	rmm_granule_set(r, addr, RMM_GRANULE_NS, 0);
	emu_ret1(c, rmi_ret(RMI_SUCCESS, 0));
}

/*
 * DEN0137 2.0 GRANULE_RANGE_DELEGATE/UNDELEGATE(base, top) → x1 the next address to process,
 * as TF-RMM main smc_granule_range_delegate() / _undelegate(): base or top not 4 KiB aligned,
 * or top < base + 4 KiB → ERROR_INPUT, x1 = base. Granules change from @from to @to one by
 * one; the first granule that is not in @from (one already in @to included) stops the walk,
 * and so do top, the 1 GiB tracking-region boundary and the profile's "range_limit" granules
 * (TF-RMM main processes exactly one: "range_limit" 1). No granule changed → ERROR_INPUT, x1
 * = base; else SUCCESS, x1 = where it stopped. UNDELEGATE scrubs.
 */
static void range_change(struct emu_call *c, enum rmm_granule_state from, enum rmm_granule_state to)
{
	struct rmm *r = c->state;
	uint64_t base = c->a[1], top = c->a[2];
	if ((base | top) & (EMU_GRANULE_SIZE - 1) || top <= base) {
		emu_ret2(c, rmi_ret(RMI_ERROR_INPUT, 0), base);
		return;
	}
	uint64_t end = (base | (RMI_TRACKING_REGION_DEFAULT - 1)) + 1;
	if (end == 0 || end > top)
		end = top;
	if (r->v2.range_limit && (end - base) / EMU_GRANULE_SIZE > r->v2.range_limit)
		end = base + (uint64_t)r->v2.range_limit * EMU_GRANULE_SIZE;
	uint64_t pa = base;
	for (; pa < end; pa += EMU_GRANULE_SIZE) {
		const struct rmm_gran *g = rmm_gran(r, pa);
		if (!g || g->state != from ||
		    (from == RMM_GRANULE_NS && emu_granule(r->sim, pa)->pas != EMU_PAS_NS))
			break;
		/* Scrubbed both ways: a DELEGATED granule reads as zero, and
		 * the host must not see realm data after undelegation. */
		rmm_granule_release(r, pa);
		if (to == RMM_GRANULE_NS)
			rmm_granule_set(r, pa, RMM_GRANULE_NS, 0);
	}
	if (pa == base) {
		emu_ret2(c, rmi_ret(RMI_ERROR_INPUT, 0), base);
		return;
	}
	emu_ret2(c, rmi_ret(RMI_SUCCESS, 0), pa);
}

void rmm_granule_range_delegate(struct emu_call *c)
{
	range_change(c, RMM_GRANULE_NS, RMM_GRANULE_DELEGATED);
}

void rmm_granule_range_undelegate(struct emu_call *c)
{
	range_change(c, RMM_GRANULE_DELEGATED, RMM_GRANULE_NS);
}

/*
 * DEN0137 2.0 RMI_GRANULE_TRACKING_GET(start, end) → x1 memory category, x2 tracking, x3 end, as
 * TF-RMM main smc_granule_tracking_get(): start or end above the PA width (FEATURES0.S2SZ
 * here; 48 bits in TF-RMM's host build), start > end or end - start < 4 KiB → ERROR_INPUT;
 * start or end not 4 KiB aligned → ERROR_INPUT. The answer depends on the granule at start
 * alone and x3 is end as passed: the model's DRAM is CONVENTIONAL and FINE (what Linux
 * rmi_init_metadata() requires); anything else (a hole, Secure memory) is CONVENTIONAL and
 * NONE, untracked. Device memory is not modelled.
 */
void rmm_granule_tracking_get(struct emu_call *c)
{
	struct rmm *r = c->state;
	uint64_t start = c->a[1], end = c->a[2];
	uint64_t max_pa = (UINT64_C(1) << rmm_feat(r, RMM_FEAT_S2SZ)) - 1;
	if (start > max_pa || end > max_pa || start > end || end - start < EMU_GRANULE_SIZE ||
	    (start | end) & (EMU_GRANULE_SIZE - 1)) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	const struct emu_granule *g = emu_granule(r->sim, start);
	bool tracked = g && g->pas != EMU_PAS_SECURE && g->pas != EMU_PAS_ROOT;
	emu_ret4(c, rmi_ret(RMI_SUCCESS, 0), RMI_MEM_CATEGORY_CONVENTIONAL,
		 tracked ? RMI_TRACKING_FINE : RMI_TRACKING_NONE, end);
}
