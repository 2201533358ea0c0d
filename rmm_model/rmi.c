/* SPDX-License-Identifier: MIT */
/*
 * RMI (DEN0137 1.0-rel0) for caller `host`: version and features, granule delegation, the
 * realm lifecycle (create, activate, destroy), RECs (create, destroy: rec.c) and the RTT tree
 * (create, destroy, read entry: rtt.c). Failure conditions
 * are checked in the order DEN0137 lists them; where it leaves the order open, TF-RMM
 * rmm-spec-v1.0-rel0 decides. In 1.0 every failure of these commands is ERROR_INPUT or ERROR_REALM
 * with index 0 (rmm.md 1.5).
 *
 * Profile section "rmi":
 *   spec           "1.0-rel0" (default), "1.0-eac5", "1.1", "2.0" or "2.0+1.0": the RMI ABI
 *                  (spec.h; versions, FEATURES layouts and command sets in spec.c)
 *   features0..4   RMI_FEATURES registers in the spec's layout; default: TF-RMM fake_host's
 *   rec_aux_count  REC_AUX_COUNT answer (TF-RMM: 16; 2.0 has no aux list: 0)
 *   vmid_bits      8 or 16: the VMID width the host may use
 *   activate_granules  2.0: granules RMM_ACTIVATE asks the host to donate (0: none)
 *   range_limit    2.0: granules one GRANULE_RANGE_(UN)DELEGATE may process (0: no cap)
 *   realm_program  "irq" | "linux": built-in realm code for RECs when the embedding
 *                  program installs none (run.c)
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "rmm_model/rmm.h"

/* The reply rule and supported list are the spec's (rmm.md 1.7; spec.c). */
static void h_version(struct emu_call *c)
{
	rmm_spec_version(c->state, c->a[1], c);
}

/* DEN0137 1.0 B4.3.8: register 0 is the only defined register in 1.0 (1.1: 0..1, 2.0: 0..4);
 * others read as zero. */
static void h_features(struct emu_call *c)
{
	emu_ret2(c, rmi_ret(RMI_SUCCESS, 0), rmm_feat_reg(c->state, c->a[1]));
}

/* DEN0137 1.0 B4.3.6 GRANULE_DELEGATE: gran_align, gran_bound, gran_state, gran_pas. */
static void h_delegate(struct emu_call *c)
{
	struct rmm *r = c->state;
	uint64_t addr = c->a[1];
	struct emu_granule *g = rmm_granule(r, addr, RMM_GRANULE_NS);
	if (!g || g->pas != EMU_PAS_NS) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	/* Scrubbed on the way in: a DELEGATED granule always reads as zero. */
	rmm_granule_release(r, addr);
	emu_ret1(c, rmi_ret(RMI_SUCCESS, 0));
}

/* DEN0137 1.0 B4.3.7 GRANULE_UNDELEGATE: gran_align, gran_bound, gran_state. */
static void h_undelegate(struct emu_call *c)
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
 * DEN0137 1.0 B4.3.9 REALM_CREATE(rd, params_ptr), in TF-RMM smc_realm_create() order:
 * params_align/bound/pas, params_valid/supp, alias (rd inside the root RTTs), rd_align/
 * bound/state, rtt_state (every root RTT DELEGATED), vmid_free.
 */
static void h_realm_create(struct emu_call *c)
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

/* DEN0137 1.0 B4.3.10 REALM_ACTIVATE: rd_align/bound/state → ERROR_INPUT; realm_state
 * (not NEW) → ERROR_REALM. */
static void h_realm_activate(struct emu_call *c)
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

/* DEN0137 1.0 B4.3.11 REALM_DESTROY: rd_align/bound/state → ERROR_INPUT; realm_live
 * (RECs exist or the root RTTs hold live entries) → ERROR_REALM. */
static void h_realm_destroy(struct emu_call *c)
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
	bool live = emu_granule(r->sim, rd)->refcount != 0;
	for (uint32_t i = 0; i < realm->rtt_num_start && !live; i++)
		live = emu_granule(r->sim, realm->rtt_base + i * EMU_GRANULE_SIZE)->refcount != 0;
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

/* DEN0137 1.0 B4.3.15 REC_AUX_COUNT: rd must be an RD. */
static void h_rec_aux_count(struct emu_call *c)
{
	const struct rmm *r = c->state;
	if (!rmm_realm_of(c->state, c->a[1])) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	emu_ret2(c, rmi_ret(RMI_SUCCESS, 0), r->rec_aux_count);
}

static const struct emu_fn rmi_fns[] = {
	{ RMI_VERSION_FID, 0, 0, "RMI_VERSION", h_version },
	{ RMI_GRANULE_DELEGATE_FID, 0, 0, "RMI_GRANULE_DELEGATE", h_delegate },
	{ RMI_GRANULE_UNDELEGATE_FID, 0, 0, "RMI_GRANULE_UNDELEGATE", h_undelegate },
	{ RMI_REALM_ACTIVATE_FID, 0, 0, "RMI_REALM_ACTIVATE", h_realm_activate },
	{ RMI_REALM_CREATE_FID, 0, 0, "RMI_REALM_CREATE", h_realm_create },
	{ RMI_REALM_DESTROY_FID, 0, 0, "RMI_REALM_DESTROY", h_realm_destroy },
	{ RMI_REC_CREATE_FID, 0, 0, "RMI_REC_CREATE", rmm_rec_create },
	{ RMI_REC_DESTROY_FID, 0, 0, "RMI_REC_DESTROY", rmm_rec_destroy },
	{ RMI_DATA_CREATE_UNKNOWN_FID, 0, 0, "RMI_DATA_CREATE_UNKNOWN", rmm_data_create_unknown },
	{ RMI_DATA_DESTROY_FID, 0, 0, "RMI_DATA_DESTROY", rmm_data_destroy },
	{ RMI_RTT_CREATE_FID, 0, 0, "RMI_RTT_CREATE", rmm_rtt_create },
	{ RMI_RTT_DESTROY_FID, 0, 0, "RMI_RTT_DESTROY", rmm_rtt_destroy },
	{ RMI_RTT_READ_ENTRY_FID, 0, 0, "RMI_RTT_READ_ENTRY", rmm_rtt_read_entry },
	{ RMI_FEATURES_FID, 0, 0, "RMI_FEATURES", h_features },
	{ RMI_RTT_INIT_RIPAS_FID, 0, 0, "RMI_RTT_INIT_RIPAS", rmm_rtt_init_ripas },
	{ RMI_REC_AUX_COUNT_FID, 0, 0, "RMI_REC_AUX_COUNT", h_rec_aux_count },
	{ RMI_DATA_CREATE_FID, 0, 0, "RMI_DATA_CREATE", rmm_data_create },
	{ RMI_REC_ENTER_FID, 0, 0, "RMI_REC_ENTER", rmm_rec_enter },
	{ RMI_RTT_MAP_UNPROTECTED_FID, 0, 0, "RMI_RTT_MAP_UNPROTECTED", rmm_rtt_map_unprotected },
	{ RMI_RTT_UNMAP_UNPROTECTED_FID, 0, 0, "RMI_RTT_UNMAP_UNPROTECTED",
	  rmm_rtt_unmap_unprotected },
	{ RMI_PSCI_COMPLETE_FID, 0, 0, "RMI_PSCI_COMPLETE", rmm_psci_complete },
	{ RMI_RTT_FOLD_FID, 0, 0, "RMI_RTT_FOLD", rmm_rtt_fold },
	{ RMI_RTT_SET_RIPAS_FID, 0, 0, "RMI_RTT_SET_RIPAS", rmm_rtt_set_ripas },
	/* 2.0 only (spec.c membership): rmi_v2.c */
	{ RMI_RMM_CONFIG_SET_FID, 0, 0, "RMI_RMM_CONFIG_SET", rmm_rmm_config_set },
	{ RMI_GRANULE_TRACKING_GET_FID, 0, 0, "RMI_GRANULE_TRACKING_GET",
	  rmm_granule_tracking_get },
	{ RMI_RMM_CONFIG_GET_FID, 0, 0, "RMI_RMM_CONFIG_GET", rmm_rmm_config_get },
	{ RMI_GRANULE_RANGE_DELEGATE_FID, 0, 0, "RMI_GRANULE_RANGE_DELEGATE",
	  rmm_granule_range_delegate },
	{ RMI_GRANULE_RANGE_UNDELEGATE_FID, 0, 0, "RMI_GRANULE_RANGE_UNDELEGATE",
	  rmm_granule_range_undelegate },
	{ RMI_REALM_TERMINATE_FID, 0, 0, "RMI_REALM_TERMINATE", rmm_realm_terminate },
	{ RMI_RMM_ACTIVATE_FID, 0, 0, "RMI_RMM_ACTIVATE", rmm_rmm_activate },
	{ RMI_OP_CONTINUE_FID, 0, 0, "RMI_OP_CONTINUE", rmm_op_continue },
	{ RMI_OP_MEM_DONATE_FID, 0, 0, "RMI_OP_MEM_DONATE", rmm_op_mem_donate },
	{ RMI_OP_CANCEL_FID, 0, 0, "RMI_OP_CANCEL", rmm_op_cancel },
};

static void rmi_reset(void *state)
{
	/* The core clears every granule's metadata on reset; the realms go with it. */
	struct rmm *r = state;
	for (size_t i = 0; i < r->nrecs; i++)
		rmm_attest_reset(&r->recs[i].attest);
	r->nrealms = 0;
	r->nrecs = 0;
	rmm_v2_reset(r);
}

static int rmi_create(struct smcsim *sim, struct emu_layer *layer, json_t *cfg, const char *path,
		      void **state, struct smcsim_error *err)
{
	static const char *const keys[] = { "spec",	     "features0",     "features1",
					    "features2",     "features3",     "features4",
					    "rec_aux_count", "vmid_bits",     "activate_granules",
					    "range_limit",   "realm_program", NULL };
	static const char *const programs[] = { "irq", "linux", NULL };
	struct rmm *r = calloc(1, sizeof(*r));
	if (!r)
		return -ENOMEM;
	*state = r;
	r->sim = sim;
	int spec, ret;
	if ((ret = emu_cfg_keys(cfg, path, keys, err)) ||
	    (ret = emu_cfg_enum(cfg, "spec", path, rmm_spec_names, 0, &spec, err)))
		return ret;
	r->spec = &rmm_specs[spec];
	r->version = rmm_spec_highest(r->spec);
	if ((ret = rmm_spec_configure(r, cfg, path, err)) ||
	    (ret = emu_cfg_u32(cfg, "rec_aux_count", path, spec == RMM_SPEC_2_0 ? 0 : 16,
			       &r->rec_aux_count, err)) ||
	    (ret = emu_cfg_u32(cfg, "vmid_bits", path, 8, &r->vmid_bits, err)) ||
	    (ret = emu_cfg_enum(cfg, "realm_program", path, programs, RMM_PROGRAM_IRQ,
				&r->realm_program, err)))
		return ret;
	rmm_v2_reset(r);
	/* 2.0 RmiRecParams has no aux list (rmm.md 1.11), so the 1.0 REC_CREATE runs with none. */
	if (spec == RMM_SPEC_2_0 && r->rec_aux_count != 0)
		return emu_err(err, "%s/rec_aux_count: must be 0 with spec \"2.0\"", path);
	if (r->vmid_bits != 8 && r->vmid_bits != 16)
		return emu_err(err, "%s/vmid_bits: 8 or 16", path);
	if (r->rec_aux_count > 16)
		return emu_err(err, "%s/rec_aux_count: RmiRecParams holds at most 16 aux granules",
			       path);
	if (rmm_feat(r, RMM_FEAT_S2SZ) < 32 || rmm_feat(r, RMM_FEAT_S2SZ) > 52)
		return emu_err(err, "%s/features0: S2SZ [7:0] must be 32..52", path);
	return 0;
}

/* The spec's command set (spec.c): rows outside it answer SMC_UNKNOWN. */
static bool rmi_implements(const void *state, const struct emu_fn *fn)
{
	return rmm_spec_serves(((const struct rmm *)state)->spec, fn->fid);
}

static emu_handler_fn rmi_handler_of(const void *state, const struct emu_fn *fn)
{
	(void)state;
	(void)fn;
	return rmm_v2_dispatch;
}

static void rmi_destroy(void *state)
{
	struct rmm *r = state;
	if (r) {
		rmi_reset(r);
		free(r->realms);
		free(r->recs);
		rmm_v2_free(r);
	}
	free(r);
}

const struct emu_service rmm_svc_rmi = {
	.name = "rmi",
	.title = "Realm Management Interface (DEN0137)",
	.fns = rmi_fns,
	.nfns = EMU_ARRAY_SIZE(rmi_fns),
	.create = rmi_create,
	.destroy = rmi_destroy,
	.reset = rmi_reset,
	.implements = rmi_implements,
	.handler_of = rmi_handler_of,
};
