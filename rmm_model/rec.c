/* SPDX-License-Identifier: MIT */
/*
 * Realm Execution Contexts (DEN0137 1.0 A2.3), as TF-RMM runtime/rmi/rec.c and run.c:
 * REC_CREATE, REC_DESTROY, REC_ENTER and PSCI_COMPLETE. A REC holds a reference on its RD (so
 * REALM_DESTROY sees the realm live) and owns REC_AUX granules the host donates, exactly
 * REC_AUX_COUNT of them. What the realm does once entered is run.c's.
 */
#include <stdlib.h>
#include <string.h>

#include "abi/psci.h"
#include "rmm_model/attest.h"
#include "rmm_model/rmm.h"

/* A REC index from its affinity fields: Aff0[3:0] holds 16 RECs, then Aff1, Aff2, Aff3. */
static uint64_t rec_idx(uint64_t aff0, uint64_t aff1, uint64_t aff2, uint64_t aff3)
{
	return (aff0 & 0xf) | (aff1 & 0xff) << 4 | (aff2 & 0xff) << 12 | (aff3 & 0xff) << 20;
}

/* The REC index an RmiRecMpidr names (REC_CREATE's params.mpidr: Aff0[3:0], Aff1[15:8],
 * Aff2[23:16], Aff3[31:24]); false if other bits are set (TF-RMM rec_mpidr_is_valid() and
 * rec_mpidr_to_idx()). */
bool rmm_rec_index(uint64_t rec_mpidr, uint64_t *idx)
{
	if (rec_mpidr & ~UINT64_C(0xffffff0f))
		return false;
	*idx = rec_idx(rec_mpidr, rec_mpidr >> 8, rec_mpidr >> 16, rec_mpidr >> 24);
	return true;
}

/* The REC index an MPIDR_EL1 value names as the realm passes it to PSCI (Aff3 at [39:32]; other
 * bits ignored: TF-RMM mpidr_to_rec_idx()). */
uint64_t rmm_mpidr_rec_index(uint64_t mpidr)
{
	return rec_idx(mpidr, mpidr >> 8, mpidr >> 16, mpidr >> 32);
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
 * DEN0137 1.0 B4.3.12 REC_CREATE(rd, rec, params_ptr), in TF-RMM smc_rec_create() @rel0 order
 * (the spec orders only [rd_bound, rd_state] before [realm_state, num_recs]):
 *   params_align/bound/pas → ERROR_INPUT; num_aux above 16 → ERROR_INPUT;
 *   each aux[i] an aligned DRAM granule in state DELEGATED → ERROR_INPUT; the RMM claims each
 *   before it checks the next, so a repeated aux and an aux that is the RD fail here;
 *   rec DELEGATED and rd an RD → ERROR_INPUT (an aux that is the rec fails here: it was
 *   claimed as an aux);
 *   realm_state (not NEW) → ERROR_REALM;
 *   mpidr not a valid RmiRecMpidr, or not the realm's next REC index → ERROR_INPUT;
 *   num_aux not REC_AUX_COUNT → ERROR_INPUT, last.
 * On failure the claimed aux granules are DELEGATED again. The RIM is extended with the REC's
 * parameters only for a runnable REC (B4.3.12.4; TF-RMM measurement_rec_params_measure() is
 * called under flags.RUNNABLE).
 */
void rmm_rec_create(struct emu_call *c)
{
	struct rmm *r = c->state;
	uint64_t rd = c->a[1], rec = c->a[2], params_ptr = c->a[3];
	uint64_t input = rmi_ret(RMI_ERROR_INPUT, 0);
	const uint8_t *p = rmm_ns_page(r, params_ptr);
	uint64_t num_aux = p ? abi_rd64(p + RMI_REC_PARAMS_NUM_AUX) : 0;
	if (!p || num_aux > RMI_REC_MAX_AUX) {
		emu_ret1(c, input);
		return;
	}
	struct rmm_rec n = { .rec = rec, .rd = rd, .num_aux = (uint32_t)num_aux };
	bool rec_is_aux = false;
	for (uint32_t i = 0; i < n.num_aux; i++) {
		n.aux[i] = abi_rd64(p + RMI_REC_PARAMS_AUX + 8 * i);
		bool ok = rmm_granule(r, n.aux[i], RMM_GRANULE_DELEGATED);
		for (uint32_t k = 0; k < i && ok; k++)
			ok = n.aux[k] != n.aux[i];
		if (!ok) {
			emu_ret1(c, input);
			return;
		}
		rec_is_aux |= n.aux[i] == rec;
	}
	struct rmm_realm *realm = rmm_realm_of(r, rd);
	if (!realm || rec_is_aux || !rmm_granule(r, rec, RMM_GRANULE_DELEGATED)) {
		emu_ret1(c, input);
		return;
	}
	if (realm->state != RMM_REALM_NEW) {
		emu_ret1(c, rmi_ret(RMI_ERROR_REALM, 0));
		return;
	}
	uint64_t idx;
	n.mpidr = abi_rd64(p + RMI_REC_PARAMS_MPIDR);
	if (!rmm_rec_index(n.mpidr, &idx) || idx != realm->rec_count ||
	    n.num_aux != r->rec_aux_count) {
		emu_ret1(c, input);
		return;
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
	n.idx = idx;
	n.runnable = abi_rd64(p + RMI_REC_PARAMS_FLAGS) & RMI_REC_FLAG_RUNNABLE;
	n.pc = abi_rd64(p + RMI_REC_PARAMS_PC);
	for (int i = 0; i < 8; i++)
		n.gprs[i] = abi_rd64(p + RMI_REC_PARAMS_GPRS + 8 * (size_t)i);
	r->recs[r->nrecs++] = n;
	rmm_granule_set(r, rec, RMM_GRANULE_REC, rd);
	for (uint32_t i = 0; i < n.num_aux; i++)
		rmm_granule_set(r, n.aux[i], RMM_GRANULE_REC_AUX, rd);
	rmm_gran(r, rd)->refcount++;
	realm->rec_count++;
	if (n.runnable)
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
	rmm_gran(r, x->rd)->refcount--;
	*x = r->recs[--r->nrecs];
	emu_ret1(c, rmi_ret(RMI_SUCCESS, 0));
}

/*
 * DEN0137 1.0 B4.3.14 REC_ENTER(rec, run_ptr), in TF-RMM smc_rec_enter() order: rec
 * aligned and a REC, run_ptr an aligned NS granule → ERROR_INPUT; realm NEW →
 * ERROR_REALM index 0, SYSTEM_OFF → ERROR_REALM index 1; REC not runnable or waiting for
 * PSCI_COMPLETE or already running → ERROR_REC; rec_mmio, rec_gicv3 → ERROR_REC (the RMM
 * ACS v1.0 rec_enter table). Reserved entry flag bits are ignored.
 */
void rmm_rec_enter(struct emu_call *c)
{
	struct rmm *r = c->state;
	uint64_t rec_pa = c->a[1], run_ptr = c->a[2];
	struct rmm_rec *rec = rmm_rec_of(r, rec_pa);
	uint8_t *run = rmm_ns_page(r, run_ptr);
	if (!rec || !run) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	struct rmm_realm *realm = rmm_realm_find(r, rec->rd);
	if (realm->state != RMM_REALM_ACTIVE) {
		emu_ret1(c, rmi_ret(RMI_ERROR_REALM, realm->state == RMM_REALM_NEW ? 0 : 1));
		return;
	}
	if (!rec->runnable || rec->pending == RMM_PENDING_PSCI || rec->running) {
		emu_ret1(c, rmi_ret(RMI_ERROR_REC, 0));
		return;
	}
	/* rec_mmio: EMULATED_MMIO completes an emulatable data abort, and this model's
	 * realms never exit with one. rec_gicv3: gicv3_hcr may hold only the ICH_HCR_EL2
	 * bits the host controls (TF-RMM gic_validate_state(): En, UIE, LRENPIE, NPIE,
	 * VGrp0/1 EIE/DIE, TDIR). The list registers are not checked. */
	if ((abi_rd64(run + RMI_RUN_ENTRY_FLAGS) & RMI_ENTRY_EMULATED_MMIO) ||
	    (abi_rd64(run + RMI_RUN_ENTRY_GICV3_HCR) & ~RMI_GICV3_HCR_HOST_BITS)) {
		emu_ret1(c, rmi_ret(RMI_ERROR_REC, 0));
		return;
	}
	/* The exit half is the RMM's: stale data from the last exit never leaks through. */
	memset(run + RMI_RUN_EXIT_REASON, 0, EMU_GRANULE_SIZE - RMI_RUN_EXIT_REASON);
	if (!rec->started) {
		memset(rec->regs, 0, sizeof(rec->regs));
		memcpy(rec->regs, rec->gprs, sizeof(rec->gprs));
		rec->started = true;
	}
	rmm_rec_resume(r, realm, rec, run);
	/* DEN0137 A2.3.2: the REC is RUNNING until it exits; realm code that reaches back
	 * into the RMI (an embedder's handler) cannot enter or destroy it meanwhile. */
	rec->running = true;
	rmm_rec_run(c, r, rec, run);
	rec = rmm_rec_find(r, rec_pa);
	if (rec)
		rec->running = false;
}

/*
 * DEN0137 1.0 B4.3.7 PSCI_COMPLETE(calling_rec, target_rec, status), TF-RMM
 * smc_psci_complete() and psci_complete_request() @rel0 order: both aligned RECs, distinct,
 * of the same realm → else ERROR_INPUT; the caller must wait for PSCI_COMPLETE and the target
 * must be the REC the MPIDR it asked about names (mpidr_to_rec_idx()) → ERROR_INPUT; status
 * must be PSCI SUCCESS, or DENIED for CPU_ON → ERROR_INPUT. CPU_ON of a REC that is runnable
 * is ALREADY_ON (and with DENIED the command still completes the call but answers
 * ERROR_INPUT); else DENIED reaches the caller, or SUCCESS makes the target runnable at the
 * requested entry point. AFFINITY_INFO reports ON (0) or OFF (1). The caller's x0 is the
 * result and x1..x3 read 0; x4 up are its own.
 */
void rmm_psci_complete(struct emu_call *c)
{
	struct rmm *r = c->state;
	uint64_t calling = c->a[1], target = c->a[2], status = c->a[3];
	uint64_t input = rmi_ret(RMI_ERROR_INPUT, 0);
	struct rmm_rec *cr = rmm_rec_of(r, calling);
	struct rmm_rec *tr = rmm_rec_of(r, target);
	if (!cr || !tr || calling == target || cr->rd != tr->rd) {
		emu_ret1(c, input);
		return;
	}
	if (cr->pending != RMM_PENDING_PSCI || tr->idx != rmm_mpidr_rec_index(cr->psci_target)) {
		emu_ret1(c, input);
		return;
	}
	bool on = (cr->psci_fid & ~SMCCC_64) == PSCI_CPU_ON_FID;
	bool denied = status == emu_status(PSCI_RET_DENIED);
	if (status != 0 && !(on && denied)) {
		emu_ret1(c, input);
		return;
	}
	uint64_t result, ret = rmi_ret(RMI_SUCCESS, 0);
	if (!on) {
		result = tr->runnable ? 0 : 1;
	} else if (tr->runnable) {
		/* complete_psci_cpu_on(): ALREADY_ON comes first; the host may not deny
		 * a CPU that is on. */
		result = emu_status(PSCI_RET_ALREADY_ON);
		if (denied)
			ret = input;
	} else if (denied) {
		result = emu_status(PSCI_RET_DENIED);
	} else {
		/* DEN0137 A6.2.2: the target starts at the entry point with x0 = context
		 * ID and every other register zero. */
		tr->runnable = true;
		tr->started = true;
		tr->pc = cr->regs[2];
		memset(tr->regs, 0, sizeof(tr->regs));
		tr->regs[0] = cr->regs[3];
		tr->pending = RMM_PENDING_NONE;
		tr->prog_step = 0;
		result = 0;
	}
	cr->regs[0] = result;
	cr->regs[1] = cr->regs[2] = cr->regs[3] = 0;
	cr->pending = RMM_PENDING_PSCI_DONE;
	emu_ret1(c, ret);
}
