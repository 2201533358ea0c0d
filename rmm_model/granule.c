/* SPDX-License-Identifier: MIT */
/*
 * The RMM granule state machine over the machine's memory (DEN0137 1.0 A2.2 "Granule"):
 * every 4 KiB of simulated DRAM is UNDELEGATED (NS) until the host delegates it, and a
 * delegated granule can become exactly one object (RD, REC, REC_AUX, DATA, RTT).
 */
#include <string.h>

#include "rmm_model/rmm.h"

/*
 * The granule at @addr if it is aligned, inside delegable memory (the profile's DRAM:
 * DEN0137 PaIsDelegable) and in state @want; NULL otherwise. Callers return
 * ERROR_INPUT for NULL: 1.0 reports alignment, bound and state failures alike.
 */
struct emu_granule *rmm_granule(struct rmm *r, uint64_t addr, enum rmm_granule_state want)
{
	if (addr & (EMU_GRANULE_SIZE - 1))
		return NULL;
	struct emu_granule *g = emu_granule(r->sim, addr);
	if (!g || g->rmm != want)
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
	struct emu_granule *g = rmm_granule(r, pa, RMM_GRANULE_NS);
	if (!g || g->pas != EMU_PAS_NS)
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
	struct emu_granule *g = emu_granule(r->sim, addr);
	g->rmm = (uint8_t)s;
	g->owner = owner;
	/* DEN0137 A2.2.3: delegation moves the granule to the Realm PAS; undelegation
	 * returns it to Non-secure. Every other state stays in the Realm PAS. */
	g->pas = s == RMM_GRANULE_NS ? EMU_PAS_NS : EMU_PAS_REALM;
	if (s == RMM_GRANULE_NS || s == RMM_GRANULE_DELEGATED)
		g->refcount = 0;
}

/* Return an object's granule to DELEGATED: a DELEGATED granule always reads as zero
 * (rmm.md 1.8), so its contents are scrubbed first. */
void rmm_granule_release(struct rmm *r, uint64_t addr)
{
	memset(emu_mem_ptr(r->sim, addr, EMU_GRANULE_SIZE), 0, EMU_GRANULE_SIZE);
	rmm_granule_set(r, addr, RMM_GRANULE_DELEGATED, 0);
}
