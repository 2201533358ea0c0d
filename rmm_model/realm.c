/* SPDX-License-Identifier: MIT */
/*
 * Realm descriptors (RD), as TF-RMM runtime/rmi/realm.c: RmiRealmParams read from the host's NS
 * page, their validity, VMIDs, and the realm lifecycle commands (REALM_CREATE, REALM_ACTIVATE,
 * REALM_DESTROY, 2.0's REALM_TERMINATE) and REC_AUX_COUNT, which asks about an RD.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "rmm_model/attest.h"
#include "rmm_model/rmm.h"

/* The realm whose RD is at @rd, or NULL unless @rd is an aligned RD granule. */
struct rmm_realm *rmm_realm_of(struct rmm *r, uint64_t rd)
{
	return rmm_granule(r, rd, RMM_GRANULE_RD) ? rmm_realm_find(r, rd) : NULL;
}

struct rmm_realm *rmm_realm_find(struct rmm *r, uint64_t rd)
{
	for (size_t i = 0; i < r->nrealms; i++)
		if (r->realms[i].rd == rd)
			return &r->realms[i];
	return NULL;
}

/*
 * Copy RmiRealmParams from @params_ptr. DEN0137 1.0 B4.3.9 (REALM_CREATE) params_align,
 * params_bound, params_pas: the page must be an aligned, Non-secure granule of memory. Each
 * field is read at the width TF-RMM's struct rmi_realm_params @rel0 gives it (s2sz, sve_vl,
 * num_bps, num_wps, pmu_num_ctrs and rtt_num_start 32 bits, the hash algorithm 8, vmid 16):
 * the upper bits of the 64-bit slots are ignored. DEN0137 1.0 B4.4.12 types the fields
 * narrow and leaves non-zero unused bits without a stated result (SBZ).
 */
int rmm_realm_params_read(struct rmm *r, uint64_t params_ptr, struct rmm_realm_params *out)
{
	const uint8_t *p = rmm_ns_page(r, params_ptr);
	if (!p)
		return -EINVAL;
	out->flags = abi_rd64(p + RMI_REALM_PARAMS_FLAGS);
	out->s2sz = abi_rd32(p + RMI_REALM_PARAMS_S2SZ);
	out->sve_vl = abi_rd32(p + RMI_REALM_PARAMS_SVE_VL);
	out->num_bps = abi_rd32(p + RMI_REALM_PARAMS_NUM_BPS);
	out->num_wps = abi_rd32(p + RMI_REALM_PARAMS_NUM_WPS);
	out->pmu_num_ctrs = abi_rd32(p + RMI_REALM_PARAMS_PMU_NUM_CTRS);
	out->hash_algo = p[RMI_REALM_PARAMS_HASH_ALGO];
	out->vmid = abi_rd16(p + RMI_REALM_PARAMS_VMID);
	out->rtt_base = abi_rd64(p + RMI_REALM_PARAMS_RTT_BASE);
	out->rtt_level_start = (int64_t)abi_rd64(p + RMI_REALM_PARAMS_RTT_LEVEL_START);
	out->rtt_num_start = abi_rd32(p + RMI_REALM_PARAMS_RTT_NUM_START);
	memcpy(out->rpv, p + RMI_REALM_PARAMS_RPV, sizeof(out->rpv));
	/* 2.0 RmiRealmParams has no vmid (TF-RMM main smc-rmi.h): the RMM takes the lowest free
	 * one; with none left the value is out of range and params_valid fails. */
	if (r->spec->flags & RMM_SPEC_VMID_ALLOC)
		for (out->vmid = 0; out->vmid < (UINT64_C(1) << r->vmid_bits); out->vmid++)
			if (rmm_vmid_free(r, out->vmid))
				break;
	return 0;
}

/* IPA bits one table at @level resolves with 4 KiB granules: L0 48, L1 39, L2 30, L3 21. */
static unsigned int level_bits(int level)
{
	return 12u + 9u * (unsigned int)(4 - level);
}

/*
 * DEN0137 1.0 B4.4.16 RmiRealmParams validity, in TF-RMM validate_realm_params() @rel0 order,
 * with the VMSA stage-2 starting-level rule (Arm ARM D8.2): the start level must resolve more
 * than the next level can alone, and at most 16 root tables are concatenated (none at level
 * 0 without LPA2).
 */
bool rmm_realm_params_valid(const struct rmm *r, const struct rmm_realm_params *p)
{
	/* Features decode through the spec's layout (spec.c): EAC5 and 2.0 move fields. */
	bool lpa2 = p->flags & RMI_REALM_FLAG_LPA2;
	if (lpa2 && !rmm_feat(r, RMM_FEAT_LPA2))
		return false;
	/* s2sz above FEATURES0.S2SZ is refused even with LPA2 (rel0): FEATURES reports the
	 * widest IPA the RMM supports, 52 bits included. */
	if (p->s2sz < 32 || p->s2sz > rmm_feat(r, RMM_FEAT_S2SZ) || (!lpa2 && p->s2sz > 48))
		return false;
	if ((p->flags & RMI_REALM_FLAG_SVE) &&
	    (!rmm_feat(r, RMM_FEAT_SVE_EN) || p->sve_vl > rmm_feat(r, RMM_FEAT_SVE_VL)))
		return false;
	/* A PMU with 0 counters means MDCR_EL2.HPMN = 0, which is CONSTRAINED UNPREDICTABLE
	 * without FEAT_HPMN0: rel0 refuses it unless the platform has FEAT_HPMN0 (the
	 * profile's "feat_hpmn0"; DEN0137 1.0 B3.34 leaves RealmParamsSupported to the
	 * implementation). */
	if ((p->flags & RMI_REALM_FLAG_PMU) &&
	    (!rmm_feat(r, RMM_FEAT_PMU_EN) ||
	     p->pmu_num_ctrs > rmm_feat(r, RMM_FEAT_PMU_NUM_CTRS) ||
	     (p->pmu_num_ctrs == 0 && !r->feat_hpmn0)))
		return false;
	/* TF-RMM validate_realm_params(): 0 breakpoints/watchpoints is reserved; at most what
	 * FEATURES says. */
	if (p->num_bps == 0 || p->num_bps > rmm_feat(r, RMM_FEAT_NUM_BPS) || p->num_wps == 0 ||
	    p->num_wps > rmm_feat(r, RMM_FEAT_NUM_WPS))
		return false;
	if (!(p->hash_algo == 0 && rmm_feat(r, RMM_FEAT_HASH_SHA_256)) &&
	    !(p->hash_algo == 1 && rmm_feat(r, RMM_FEAT_HASH_SHA_512)))
		return false;
	int64_t sl = p->rtt_level_start;
	if (sl < -1 || sl > 3 || (sl == -1 && !lpa2))
		return false;
	unsigned int cover = level_bits((int)sl);
	if (p->s2sz <= level_bits((int)sl + 1) || p->s2sz > cover + 4 ||
	    (sl <= 0 && p->s2sz > cover && !lpa2))
		return false;
	uint64_t roots = p->s2sz > cover ? UINT64_C(1) << (p->s2sz - cover) : 1;
	if (p->rtt_num_start != roots)
		return false;
	if (p->vmid >= (UINT64_C(1) << r->vmid_bits))
		return false;
	/* DEN0137 1.0 B4.3.9 rtt_align: the root RTTs are aligned to their total size (the
	 * spec's rule, which TF-RMM main checks too); rel0 checks only 4 KiB (the profile's
	 * "rtt_align": false). */
	uint64_t align = r->rtt_align ? p->rtt_num_start * EMU_GRANULE_SIZE : EMU_GRANULE_SIZE;
	return !(p->rtt_base & (align - 1));
}

bool rmm_vmid_free(const struct rmm *r, uint64_t vmid)
{
	for (size_t i = 0; i < r->nrealms; i++)
		if (r->realms[i].vmid == vmid)
			return false;
	return true;
}

struct rmm_realm *rmm_realm_add(struct rmm *r, uint64_t rd, const struct rmm_realm_params *p)
{
	if (r->nrealms == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 8;
		struct rmm_realm *n = realloc(r->realms, cap * sizeof(*n));
		if (!n)
			return NULL;
		r->realms = n;
		r->cap = cap;
	}
	struct rmm_realm *realm = &r->realms[r->nrealms++];
	memset(realm, 0, sizeof(*realm));
	realm->rd = rd;
	realm->state = RMM_REALM_NEW;
	realm->hash_algo = (uint8_t)p->hash_algo;
	realm->s2sz = (uint8_t)p->s2sz;
	realm->rtt_level_start = (int8_t)p->rtt_level_start;
	realm->vmid = (uint16_t)p->vmid;
	realm->rtt_num_start = (uint32_t)p->rtt_num_start;
	realm->rtt_base = p->rtt_base;
	realm->flags = p->flags;
	memcpy(realm->rpv, p->rpv, sizeof(realm->rpv));
	/* DEN0137 A7.1.1: the RIM starts as the hash of the measured realm parameters. */
	rmm_rim_init((enum rmm_hash)p->hash_algo, p, realm->meas[0]);
	return realm;
}

void rmm_realm_remove(struct rmm *r, struct rmm_realm *realm)
{
	size_t i = (size_t)(realm - r->realms);
	r->realms[i] = r->realms[--r->nrealms];
}

/* ---- commands ---------------------------------------------------------------------- */

/*
 * DEN0137 1.0 B4.3.9 REALM_CREATE(rd, params_ptr), in TF-RMM smc_realm_create() order:
 * params_align/bound/pas, params_valid/supp, alias (rd inside the root RTTs), rd_align/
 * bound/state, rtt_state (every root RTT DELEGATED), vmid_free.
 */
void rmm_realm_create(struct emu_call *c)
{
	struct rmm *r = c->state;
	uint64_t rd = c->a[1], params_ptr = c->a[2];
	struct rmm_realm_params p;
	uint64_t fail = rmi_ret(RMI_ERROR_INPUT, 0);
	if (rmm_realm_params_read(r, params_ptr, &p) || !rmm_realm_params_valid(r, &p)) {
		emu_ret1(c, fail);
		return;
	}
	uint64_t rtt_end = p.rtt_base + p.rtt_num_start * EMU_GRANULE_SIZE;
	if ((rd >= p.rtt_base && rd < rtt_end) || !rmm_granule(r, rd, RMM_GRANULE_DELEGATED) ||
	    !rmm_granule_range(r, p.rtt_base, p.rtt_num_start, RMM_GRANULE_DELEGATED) ||
	    !rmm_vmid_free(r, p.vmid)) {
		emu_ret1(c, fail);
		return;
	}
	if (!rmm_realm_add(r, rd, &p)) {
		/* Out of host memory in the simulator: report it as the RMM would an
		 * unsatisfiable request, never crash. */
		emu_ret1(c, fail);
		return;
	}
	rmm_granule_set(r, rd, RMM_GRANULE_RD, rd);
	for (uint64_t i = 0; i < p.rtt_num_start; i++)
		rmm_granule_set(r, p.rtt_base + i * EMU_GRANULE_SIZE, RMM_GRANULE_RTT, rd);
	emu_ret1(c, rmi_ret(RMI_SUCCESS, 0));
}

/* DEN0137 1.0 B4.3.8 REALM_ACTIVATE: rd_align/bound/state → ERROR_INPUT; realm_state
 * (not NEW) → ERROR_REALM. */
void rmm_realm_activate(struct emu_call *c)
{
	struct rmm_realm *realm = rmm_realm_of(c->state, c->a[1]);
	if (!realm) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	if (realm->state != RMM_REALM_NEW) {
		emu_ret1(c, rmi_ret(RMI_ERROR_REALM, 0));
		return;
	}
	realm->state = RMM_REALM_ACTIVE;
	emu_ret1(c, rmi_ret(RMI_SUCCESS, 0));
}

/* DEN0137 1.0 B4.3.10 REALM_DESTROY: rd_align/bound/state → ERROR_INPUT; realm_live
 * (RECs exist or the root RTTs hold live entries) → ERROR_REALM. */
void rmm_realm_destroy(struct emu_call *c)
{
	struct rmm *r = c->state;
	uint64_t rd = c->a[1];
	struct rmm_realm *realm = rmm_realm_of(c->state, rd);
	if (!realm) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	/* 2.0: only a terminated realm may be destroyed (TF-RMM main realm tests). */
	if ((r->spec->flags & RMM_SPEC_TERMINATE) && realm->state != RMM_REALM_TERMINATED) {
		emu_ret1(c, rmi_ret(RMI_ERROR_REALM, 0));
		return;
	}
	bool live = rmm_gran(r, rd)->refcount != 0;
	for (uint32_t i = 0; i < realm->rtt_num_start && !live; i++)
		live = rmm_gran(r, realm->rtt_base + i * EMU_GRANULE_SIZE)->refcount != 0;
	if (live) {
		emu_ret1(c, rmi_ret(RMI_ERROR_REALM, 0));
		return;
	}
	for (uint32_t i = 0; i < realm->rtt_num_start; i++)
		rmm_granule_release(r, realm->rtt_base + i * EMU_GRANULE_SIZE);
	rmm_granule_release(r, rd);
	rmm_realm_remove(r, realm);
	emu_ret1(c, rmi_ret(RMI_SUCCESS, 0));
}

/*
 * DEN0137 2.0 RMI_REALM_TERMINATE(rd), TF-RMM main smc_realm_terminate(): rd_align/bound/state →
 * ERROR_INPUT; a REC of the realm running → ERROR_REALM. Otherwise the realm stops for good
 * (REALM_ZOMBIE) from any state, a terminated one included; REALM_DESTROY requires it.
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
	for (size_t i = 0; i < r->nrecs; i++)
		if (r->recs[i].rd == rd && r->recs[i].running) {
			emu_ret1(c, rmi_ret(RMI_ERROR_REALM, 0));
			return;
		}
	realm->state = RMM_REALM_TERMINATED;
	emu_ret1(c, rmi_ret(RMI_SUCCESS, 0));
}

/* DEN0137 1.0 B4.3.11 REC_AUX_COUNT: rd must be an RD. */
void rmm_rec_aux_count(struct emu_call *c)
{
	const struct rmm *r = c->state;
	if (!rmm_realm_of(c->state, c->a[1])) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	emu_ret2(c, rmi_ret(RMI_SUCCESS, 0), r->rec_aux_count);
}
