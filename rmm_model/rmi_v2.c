/* SPDX-License-Identifier: MIT */
/*
 * RMI 2.0 (DEN0137 2.0-bet2, TF-RMM main): the RMM's global state and the commands that only
 * 2.0 has: RMM_CONFIG_SET/GET, RMM_ACTIVATE with its Stateful RMI Operation (SRO: INCOMPLETE,
 * OP_MEM_DONATE, OP_CONTINUE, OP_CANCEL), GRANULE_RANGE_DELEGATE/UNDELEGATE,
 * GRANULE_TRACKING_GET and REALM_TERMINATE. The 1.0 handlers serve the rest of the 2.0 table.
 *
 * Every RMI row runs through rmm_v2_dispatch() (the service's handler_of), so the global-state
 * gate covers rows added later without touching their handlers.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "rmm_model/rmm.h"

#define GS(s)	  (1u << (s))
#define GS_ANY	  (GS(RMM_GLOBAL_INIT) | GS(RMM_GLOBAL_INTERMEDIATE) | GS(RMM_GLOBAL_ACTIVE))
#define GS_INIT	  GS(RMM_GLOBAL_INIT)
#define GS_ACTIVE GS(RMM_GLOBAL_ACTIVE)

/*
 * rmm.md 1.7 (TF-RMM main runtime/core/handler.c): the global states each command may run
 * in; a command not listed needs ACTIVE. The SRO operations are allowed in every state and
 * check their handle instead: RMM_ACTIVATE's own SRO runs before the RMM is ACTIVE.
 */
static const struct {
	uint32_t fid;
	uint8_t states;
} gate[] = {
	{ RMI_VERSION_FID, GS_ANY },	     { RMI_FEATURES_FID, GS_ANY },
	{ RMI_RMM_CONFIG_GET_FID, GS_ANY },  { RMI_GRANULE_TRACKING_GET_FID, GS_ANY },
	{ RMI_RMM_CONFIG_SET_FID, GS_INIT }, { RMI_RMM_ACTIVATE_FID, GS_INIT },
	{ RMI_OP_CONTINUE_FID, GS_ANY },     { RMI_OP_MEM_DONATE_FID, GS_ANY },
	{ RMI_OP_CANCEL_FID, GS_ANY },
};

static bool gate_allows(const struct rmm *r, uint32_t fid)
{
	unsigned int states = GS_ACTIVE;
	for (size_t i = 0; i < EMU_ARRAY_SIZE(gate); i++)
		if (gate[i].fid == fid)
			states = gate[i].states;
	return states & GS(r->v2.state);
}

void rmm_v2_dispatch(struct emu_call *c)
{
	const struct rmm *r = c->state;
	if ((r->spec->flags & RMM_SPEC_GLOBAL_STATE) && !gate_allows(r, c->fn->fid)) {
		emu_ret1(c, rmi_ret(RMI_ERROR_GLOBAL, 0));
		return;
	}
	c->fn->handler(c);
	/* A status the spec does not define must never reach the wire (rmm.md 1.5). */
	assert(c->nres == 0 || (c->r[0] & 0xff) <= r->spec->status_max ||
	       c->r[0] == SMCCC_RET_NOT_SUPPORTED);
}

void rmm_v2_reset(struct rmm *r)
{
	/* The core clears the granules' metadata on reset: donated memory goes with it. */
	r->v2.state = RMM_GLOBAL_INIT;
	r->v2.tracking_region_size = 0;
	r->v2.rmi_granule_size = RMI_GRANULE_SIZE_4KB;
	r->v2.next_handle = 0;
	memset(&r->v2.sro, 0, sizeof(r->v2.sro));
	r->v2.nowned = 0;
}

void rmm_v2_free(struct rmm *r)
{
	free(r->v2.owned);
}

/*
 * DEN0137 2.0 RMI_RMM_CONFIG_SET(cfg_ptr): cfg_align, cfg_pas, then the config must be one the
 * RMM supports: rmi_granule_size one of the sizes FEATURES reg1 advertises (Linux
 * rmi_configure() checks the same bits before the call). tracking_region_size is stored as
 * given (0 = the default; its other encodings are not modelled).
 */
void rmm_rmm_config_set(struct emu_call *c)
{
	struct rmm *r = c->state;
	const uint8_t *p = rmm_ns_page(r, c->a[1]);
	if (!p) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	static const enum rmm_feat_field gran[] = { RMM_FEAT_GRAN_SZ_4K, RMM_FEAT_GRAN_SZ_16K,
						    RMM_FEAT_GRAN_SZ_64K };
	uint64_t gs = abi_rd64(p + RMM_CONFIG_RMI_GRANULE_SIZE);
	if (gs >= EMU_ARRAY_SIZE(gran) || !rmm_feat(r, gran[gs])) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	r->v2.rmi_granule_size = gs;
	r->v2.tracking_region_size = abi_rd64(p + RMM_CONFIG_TRACKING_REGION_SIZE);
	emu_ret1(c, rmi_ret(RMI_SUCCESS, 0));
}

/* DEN0137 2.0 B4.5.53 RMI_RMM_CONFIG_GET(cfg_ptr): cfg_align, cfg_pas; writes the page. */
void rmm_rmm_config_get(struct emu_call *c)
{
	struct rmm *r = c->state;
	uint8_t *p = rmm_ns_page(r, c->a[1]);
	if (!p) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	memset(p, 0, EMU_GRANULE_SIZE);
	abi_wr64(p + RMM_CONFIG_TRACKING_REGION_SIZE, r->v2.tracking_region_size);
	abi_wr64(p + RMM_CONFIG_RMI_GRANULE_SIZE, r->v2.rmi_granule_size);
	emu_ret1(c, rmi_ret(RMI_SUCCESS, 0));
}

/* x0..x2 of an SRO that needs @want more granules (rmm.md 1.3: observed on fake_host as
 * INCOMPLETE, memreq DONATE, x2 = 0x40 for 16 pages). Memory SROs are cancellable: Linux
 * rmi_sro_memxfer_execute relies on it. RMM_ACTIVATE asks for UNDELEGATED memory: before
 * ACTIVE the host has no way to delegate any. */
static void ask_donate(struct emu_call *c, const struct rmm_sro *s)
{
	uint64_t x0 = rmi_ret(RMI_INCOMPLETE, 0) | (uint64_t)RMI_OP_MEM_REQ_DONATE << 8 |
		      RMI_OP_CAN_CANCEL;
	emu_ret3(c, x0, s->handle, RMI_DONATE_REQ(s->want - s->got) | RMI_DONATE_UNDELEGATED);
}

/*
 * DEN0137 2.0 RMI_RMM_ACTIVATE (the gate has checked INIT). TF-RMM main completes at once;
 * with the profile's "activate_granules" the model instead asks for that many undelegated
 * granules through an SRO, holding the RMM in INTERMEDIATE until OP_CONTINUE completes it.
 */
void rmm_rmm_activate(struct emu_call *c)
{
	struct rmm *r = c->state;
	if (r->v2.activate_granules == 0) {
		r->v2.state = RMM_GLOBAL_ACTIVE;
		emu_ret1(c, rmi_ret(RMI_SUCCESS, 0));
		return;
	}
	struct rmm_sro *s = &r->v2.sro;
	*s = (struct rmm_sro){ .live = true,
			       .fid = RMI_RMM_ACTIVATE_FID,
			       .handle = ++r->v2.next_handle,
			       .want = r->v2.activate_granules };
	r->v2.state = RMM_GLOBAL_INTERMEDIATE;
	ask_donate(c, s);
}

static struct rmm_sro *sro_of(struct rmm *r, uint64_t handle)
{
	return r->v2.sro.live && r->v2.sro.handle == handle ? &r->v2.sro : NULL;
}

static bool own(struct rmm *r, uint64_t pa)
{
	struct rmm_v2 *v = &r->v2;
	if (v->nowned == v->owned_cap) {
		size_t cap = v->owned_cap ? v->owned_cap * 2 : 16;
		uint64_t *n = realloc(v->owned, cap * sizeof(*n));
		if (!n)
			return false;
		v->owned = n;
		v->owned_cap = cap;
	}
	v->owned[v->nowned++] = pa;
	return true;
}

/*
 * DEN0137 2.0 RMI_OP_MEM_DONATE(handle, list_pa, count): the host hands the SRO granules
 * listed in an NS page. An entry is a 4 KiB granule address with bits [11:0] clear (one
 * 4 KiB block) and bit 63 set (UNDELEGATED, the state the request asked for); the RMM
 * delegates each to itself. It takes entries up to what it still needs and stops at the
 * first unusable one; x1 = entries taken (fake_host: INCOMPLETE, x1 = 16), and the host
 * continues with OP_CONTINUE.
 */
void rmm_op_mem_donate(struct emu_call *c)
{
	struct rmm *r = c->state;
	struct rmm_sro *s = sro_of(r, c->a[1]);
	const uint8_t *list = rmm_ns_page(r, c->a[2]);
	uint64_t count = c->a[3];
	uint64_t input = rmi_ret(RMI_ERROR_INPUT, 0);
	if (!s || s->got >= s->want || !list || count == 0 ||
	    count > EMU_GRANULE_SIZE / sizeof(uint64_t)) {
		emu_ret1(c, input);
		return;
	}
	uint64_t taken = 0;
	for (; taken < count && s->got < s->want; taken++) {
		uint64_t e = abi_rd64(list + (size_t)taken * 8),
			 pa = e & ~RMI_ADDR_DESC_UNDELEGATED;
		if (!(e & RMI_ADDR_DESC_UNDELEGATED) || !rmm_ns_page(r, pa) || !own(r, pa))
			break;
		/* Delegated on the way in, so scrubbed like any DELEGATED granule. */
		rmm_granule_release(r, pa);
		rmm_granule_set(r, pa, RMM_GRANULE_INTERNAL, 0);
		s->got++;
	}
	if (taken == 0) {
		emu_ret1(c, input);
		return;
	}
	emu_ret2(c, rmi_ret(RMI_INCOMPLETE, 0) | (uint64_t)RMI_OP_MEM_REQ_NONE << 8, taken);
}

/* DEN0137 2.0 RMI_OP_CONTINUE(handle, flags): ask again for what is missing, else finish. */
void rmm_op_continue(struct emu_call *c)
{
	struct rmm *r = c->state;
	struct rmm_sro *s = sro_of(r, c->a[1]);
	if (!s) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	if (s->got < s->want) {
		ask_donate(c, s);
		return;
	}
	/* RMM_ACTIVATE is the only SRO the model starts. */
	s->live = false;
	r->v2.state = RMM_GLOBAL_ACTIVE;
	emu_ret1(c, rmi_ret(RMI_SUCCESS, 0));
}

/*
 * DEN0137 2.0 RMI_OP_CANCEL(handle): the command is abandoned with no effect. The model gives
 * the donated granules back undelegated (scrubbed) at once (rather than through OP_MEM_RECLAIM,
 * which it does not implement), and the RMM returns to INIT.
 */
void rmm_op_cancel(struct emu_call *c)
{
	struct rmm *r = c->state;
	struct rmm_sro *s = sro_of(r, c->a[1]);
	if (!s) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	for (size_t i = 0; i < r->v2.nowned; i++) {
		rmm_granule_release(r, r->v2.owned[i]);
		rmm_granule_set(r, r->v2.owned[i], RMM_GRANULE_NS, 0);
	}
	r->v2.nowned = 0;
	s->live = false;
	r->v2.state = RMM_GLOBAL_INIT;
	emu_ret1(c, rmi_ret(RMI_SUCCESS, 0));
}

/*
 * GRANULE_RANGE_DELEGATE/UNDELEGATE(base, top), after TF-RMM main granule_delegate_start():
 * granules already in the target state count as progress, a granule in @from changes, and
 * the walk stops at the first granule that can do neither, at @top, at the tracking-region
 * boundary, or after the profile's "range_limit" granules. x1 = the next address to process.
 * An error is returned only when the very first granule cannot progress (x1 = base).
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
		struct emu_granule *g = emu_granule(r->sim, pa);
		if (!g)
			break;
		if (g->rmm == to)
			continue;
		if (g->rmm != from || (from == RMM_GRANULE_NS && g->pas != EMU_PAS_NS))
			break;
		/* Scrubbed both ways: a DELEGATED granule reads as zero (rmm.md 1.8), and
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
 * DEN0137 2.0 RMI_GRANULE_TRACKING_GET(start, end): x1 memory category, x2 tracking, x3 the
 * end of the part of [start, end) that shares them. The model's DRAM is conventional memory
 * tracked per granule (what Linux rmi_init_metadata() requires); Secure memory and holes
 * are NONE.
 */
void rmm_granule_tracking_get(struct emu_call *c)
{
	struct rmm *r = c->state;
	uint64_t start = c->a[1], end = c->a[2];
	if ((start | end) & (EMU_GRANULE_SIZE - 1) || end <= start) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	uint64_t base, size, next = end;
	for (size_t i = 0; emu_mem_region(r->sim, i, &base, &size); i++) {
		/* Secure (or Root) memory is not the host's to donate: not conventional. */
		uint8_t pas = emu_granule(r->sim, base)->pas;
		if (pas == EMU_PAS_SECURE || pas == EMU_PAS_ROOT)
			continue;
		if (start >= base && start - base < size) {
			uint64_t top = base + size < end ? base + size : end;
			emu_ret4(c, rmi_ret(RMI_SUCCESS, 0), RMI_MEM_CATEGORY_CONVENTIONAL,
				 RMI_TRACKING_FINE, top);
			return;
		}
		if (base > start && base < next)
			next = base;
	}
	emu_ret4(c, rmi_ret(RMI_SUCCESS, 0), RMI_MEM_CATEGORY_NONE, RMI_TRACKING_NONE, next);
}

/*
 * DEN0137 2.0 RMI_REALM_TERMINATE(rd): rd_align/bound/state → ERROR_INPUT. The realm stops
 * for good (TF-RMM main REALM_ZOMBIE), which REALM_DESTROY requires. Terminating twice is
 * ERROR_REALM (the model's choice: the precondition is unconfirmed, rmm.md 1.9).
 */
void rmm_realm_terminate(struct emu_call *c)
{
	struct rmm *r = c->state;
	uint64_t rd = c->a[1];
	struct rmm_realm *realm = rmm_realm_of(r, rd);
	if (!realm) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	if (realm->state == RMM_REALM_TERMINATED) {
		emu_ret1(c, rmi_ret(RMI_ERROR_REALM, 0));
		return;
	}
	realm->state = RMM_REALM_TERMINATED;
	emu_ret1(c, rmi_ret(RMI_SUCCESS, 0));
}
