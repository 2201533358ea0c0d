/* SPDX-License-Identifier: MIT */
/*
 * Realm Execution Contexts (DEN0137 1.0 A2.3): REC_CREATE and REC_DESTROY. A REC holds a
 * reference on its RD (so REALM_DESTROY sees the realm live) and owns REC_AUX granules
 * the host donates, exactly REC_AUX_COUNT of them.
 */
#include <stdlib.h>
#include <string.h>

#include "rmm_model/attest.h"
#include "rmm_model/rmm.h"

/* TF-RMM mpidr_to_rec_idx(): Aff0 holds 16 RECs, then Aff1, Aff2, Aff3 in turn; an MPIDR
 * with other bits set, or Aff0 above 15, names no REC. */
static bool rec_index(uint64_t mpidr, uint64_t *idx)
{
	if (mpidr & ~UINT64_C(0xff00ffff0f))
		return false;
	uint64_t aff0 = mpidr & 0xf, aff1 = (mpidr >> 8) & 0xff, aff2 = (mpidr >> 16) & 0xff,
		 aff3 = (mpidr >> 32) & 0xff;
	*idx = aff0 | aff1 << 4 | aff2 << 12 | aff3 << 20;
	return true;
}

void rmm_attest_reset(struct rmm_attest *a)
{
	free(a->token);
	memset(a, 0, sizeof(*a));
}

/* The REC at @rec, or NULL unless @rec is an aligned REC granule. */
struct rmm_rec *rmm_rec_of(struct rmm *r, uint64_t rec)
{
	return rmm_granule(r, rec, RMM_GRANULE_REC) ? rmm_rec_find(r, rec) : NULL;
}

struct rmm_rec *rmm_rec_find(struct rmm *r, uint64_t rec)
{
	for (size_t i = 0; i < r->nrecs; i++)
		if (r->recs[i].rec == rec)
			return &r->recs[i];
	return NULL;
}

/*
 * DEN0137 1.0 B4.3.12 REC_CREATE(rd, rec, params_ptr), in TF-RMM smc_rec_create() order:
 * params_align/bound/pas, params_valid (num_aux == REC_AUX_COUNT), rec and rd objects
 * (rec DELEGATED, rd an RD) → ERROR_INPUT; realm_state (not NEW) → ERROR_REALM;
 * mpidr_index (not the realm's next REC index) → ERROR_INPUT; aux granules DELEGATED,
 * distinct, not the rec or rd → ERROR_INPUT.
 */
void rmm_rec_create(struct emu_call *c)
{
	struct rmm *r = c->state;
	uint64_t rd = c->a[1], rec = c->a[2], params_ptr = c->a[3];
	uint64_t input = rmi_ret(RMI_ERROR_INPUT, 0);
	const uint8_t *p = rmm_ns_page(r, params_ptr);
	if (!p || abi_rd64(p + RMI_REC_PARAMS_NUM_AUX) != r->rec_aux_count) {
		emu_ret1(c, input);
		return;
	}
	struct rmm_realm *realm = rmm_realm_of(r, rd);
	if (!realm || !rmm_granule(r, rec, RMM_GRANULE_DELEGATED)) {
		emu_ret1(c, input);
		return;
	}
	if (realm->state != RMM_REALM_NEW) {
		emu_ret1(c, rmi_ret(RMI_ERROR_REALM, 0));
		return;
	}
	uint64_t idx;
	uint64_t mpidr = abi_rd64(p + RMI_REC_PARAMS_MPIDR);
	if (!rec_index(mpidr, &idx) || idx != realm->rec_count) {
		emu_ret1(c, input);
		return;
	}
	struct rmm_rec n = { .rec = rec, .rd = rd, .mpidr = mpidr, .num_aux = r->rec_aux_count };
	for (uint32_t i = 0; i < n.num_aux; i++) {
		n.aux[i] = abi_rd64(p + RMI_REC_PARAMS_AUX + 8 * i);
		bool ok = n.aux[i] != rec && n.aux[i] != rd &&
			  rmm_granule(r, n.aux[i], RMM_GRANULE_DELEGATED);
		for (uint32_t k = 0; k < i && ok; k++)
			ok = n.aux[k] != n.aux[i];
		if (!ok) {
			emu_ret1(c, input);
			return;
		}
	}
	if (r->nrecs == r->rec_cap) {
		size_t cap = r->rec_cap ? r->rec_cap * 2 : 8;
		struct rmm_rec *grown = realloc(r->recs, cap * sizeof(*grown));
		if (!grown) {
			emu_ret1(c, input);
			return;
		}
		r->recs = grown;
		r->rec_cap = cap;
	}
	n.runnable = abi_rd64(p + RMI_REC_PARAMS_FLAGS) & RMI_REC_FLAG_RUNNABLE;
	n.pc = abi_rd64(p + RMI_REC_PARAMS_PC);
	for (int i = 0; i < 8; i++)
		n.gprs[i] = abi_rd64(p + RMI_REC_PARAMS_GPRS + 8 * (size_t)i);
	r->recs[r->nrecs++] = n;
	rmm_granule_set(r, rec, RMM_GRANULE_REC, rd);
	for (uint32_t i = 0; i < n.num_aux; i++)
		rmm_granule_set(r, n.aux[i], RMM_GRANULE_REC_AUX, rd);
	emu_granule(r->sim, rd)->refcount++;
	realm->rec_count++;
	/* DEN0137 A7.1.1: every REC's initial state is part of the RIM. */
	rmm_rim_rec((enum rmm_hash)realm->hash_algo, realm->meas[0], p);
	emu_ret1(c, rmi_ret(RMI_SUCCESS, 0));
}

/* DEN0137 1.0 B4.3.13 REC_DESTROY(rec): rec_align/bound/state → ERROR_INPUT; a running
 * REC → ERROR_REC (only an embedder's realm handler can call while one runs). */
void rmm_rec_destroy(struct emu_call *c)
{
	struct rmm *r = c->state;
	uint64_t rec = c->a[1];
	struct rmm_rec *x = rmm_rec_of(r, rec);
	if (!x) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	if (x->running) {
		emu_ret1(c, rmi_ret(RMI_ERROR_REC, 0));
		return;
	}
	rmm_attest_reset(&x->attest);
	for (uint32_t i = 0; i < x->num_aux; i++)
		rmm_granule_release(r, x->aux[i]);
	rmm_granule_release(r, rec);
	emu_granule(r->sim, x->rd)->refcount--;
	*x = r->recs[--r->nrecs];
	emu_ret1(c, rmi_ret(RMI_SUCCESS, 0));
}
