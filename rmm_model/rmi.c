/* SPDX-License-Identifier: MIT */
/*
 * RMI (DEN0137) for caller `host`: the command table and dispatch, VERSION and FEATURES, and
 * the RMM's 2.0 global state (RMM_CONFIG_SET/GET, RMM_ACTIVATE and the Stateful RMI Operation
 * protocol: INCOMPLETE, OP_MEM_DONATE, OP_CONTINUE, OP_CANCEL), as TF-RMM runtime/core/handler.c
 * and runtime/rmi/ split them. The commands on RMM objects are in granule.c, realm.c, rec.c
 * and rtt.c. Failure conditions are checked in the order DEN0137 lists them; where it leaves
 * the order open, TF-RMM rmm-spec-v1.0-rel0 decides. In 1.0 every failure other than
 * ERROR_RTT, and REC_ENTER's ERROR_REALM, has index 0 (TF-RMM lib/common/include/status.h).
 *
 * Profile section "rmi":
 *   spec           "1.0-rel0" (default), "1.0-eac5", "1.1", "2.0" or "2.0+1.0": the RMI ABI
 *                  (spec.h; versions and FEATURES layouts in spec.c, command sets in the
 *                  rows' .specs below)
 *   features0..4   RMI_FEATURES registers in the spec's layout; default: TF-RMM fake_host's
 *   rec_aux_count  REC_AUX_COUNT answer (TF-RMM: 16; 2.0 has no aux list: 0)
 *   vmid_bits      8 or 16: the VMID width the host may use
 *   feat_hpmn0     false (default, as the TF-RMM fake_host platform) | true: whether the
 *                  platform has FEAT_HPMN0, without which REALM_CREATE refuses a PMU with 0
 *                  counters (TF-RMM validate_realm_params())
 *   rtt_align      true (default: DEN0137 1.0 B4.3.9 rtt_align) | false (TF-RMM rel0, which
 *                  checks only 4 KiB): REALM_CREATE wants the root RTTs aligned to their
 *                  total size, rtt_num_start x 4 KiB
 *   destroyed_desc "pa" (default: DEN0137 1.0 B4.3.20) | "zero" (TF-RMM rel0, fixed upstream
 *                  in f5257c6e): RTT_READ_ENTRY's x3 for an ASSIGNED entry with RIPAS
 *                  DESTROYED
 *   activate_granules  2.0: granules RMM_ACTIVATE asks the host to donate (0: none)
 *   range_limit    2.0: granules one GRANULE_RANGE_(UN)DELEGATE may process (0: no cap)
 *   realm_program  "irq" | "linux": built-in realm code for RECs when the embedding
 *                  program installs none (run.c)
 */
#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "rmm_model/rmm.h"

/* The result words an RMI return always writes: x0..x3 (TF-RMM SMC_RESULT_REGS holds one more,
 * x4, which shares its slot with the caller's saved x4). */
#define RMI_RESULT_WORDS 4u

/* The reply rule and supported list are the spec's (TF-RMM runtime/rmi/system.c @rel0,
 * runtime/rmi/version.c @main; spec.c). */
static void h_version(struct emu_call *c)
{
	rmm_spec_version(c->state, c->a[1], c);
}

/* DEN0137 1.0 B4.3.4 FEATURES: register 0 is the only defined register in 1.0 (1.1: 0..1, 2.0:
 * 0..4); others read as zero. */
static void h_features(struct emu_call *c)
{
	emu_ret2(c, rmi_ret(RMI_SUCCESS, 0), rmm_feat_reg(c->state, c->a[1]));
}

/* ---- 2.0: the RMM global state -------------------------------------------------------- */

/* Whether a row with @gate (enum rmm_gate) may run in global state @state. */
static bool gate_allows(uint8_t gate, uint8_t state)
{
	switch (gate) {
	case RMM_GATE_ANY:
		return true;
	case RMM_GATE_INIT:
		return state == RMM_GLOBAL_INIT;
	case RMM_GATE_SRO:
		return state != RMM_GLOBAL_INIT;
	default:
		return state == RMM_GLOBAL_ACTIVE;
	}
}

/*
 * The handler every RMI row runs through (the service's handler_of): under a spec with the
 * 2.0 global state, the row's gate first (TF-RMM main handle_ns_smc(): ERROR_GLOBAL), so a
 * row added later is gated without touching its handler; then the row's own handler.
 */
static void rmi_dispatch(struct emu_call *c)
{
	const struct rmm *r = c->state;
	if ((r->spec->flags & RMM_SPEC_GLOBAL_STATE) && !gate_allows(c->fn->gate, r->v2.state))
		emu_ret1(c, rmi_ret(RMI_ERROR_GLOBAL, 0));
	else
		c->fn->handler(c);
	/* A status the spec does not define must never reach the wire. */
	assert(c->nres == 0 || (c->r[0] & 0xff) <= r->spec->status_max ||
	       c->r[0] == SMCCC_RET_NOT_SUPPORTED);
	/*
	 * TF-RMM rmm_handler (runtime/core/aarch64/entry.S, rel0; handle_ns_smc() on main) clears
	 * the result words x0..x3 before every command, so every output a path does not write
	 * reads 0, on success and on failure alike (DEN0137 1.0 B1.2: registers a command does
	 * not define as outputs MBZ). x4 and up keep the caller's values unless the command
	 * writes them (only RTT_READ_ENTRY's success writes x4).
	 */
	if (c->nres == 0)
		return;
	for (unsigned int i = c->nres; i < RMI_RESULT_WORDS; i++)
		c->r[i] = 0;
	if (c->nres < RMI_RESULT_WORDS)
		c->nres = RMI_RESULT_WORDS;
}

/*
 * Every other ID of the RMI range (the service's claim, emu_service.claim): TF-RMM answers an ID
 * its handler table has no row for, or a row of another spec, with SMC_UNKNOWN and the other
 * result words cleared, in any global state (handle_ns_smc()).
 */
static void h_unknown(struct emu_call *c)
{
	emu_ret4(c, SMCCC_RET_NOT_SUPPORTED, 0, 0, 0);
}

static const struct emu_fn rmi_unknown = {
	.name = "RMI (no such command)",
	.handler = h_unknown,
	.nres = RMI_RESULT_WORDS,
};

static void v2_reset(struct rmm *r)
{
	/* The core clears the granules' metadata on reset: donated memory goes with it. */
	r->v2.state = RMM_GLOBAL_INIT;
	r->v2.tracking_region_size = 0;
	r->v2.rmi_granule_size = RMI_GRANULE_SIZE_4KB;
	r->v2.next_handle = 0;
	memset(&r->v2.sro, 0, sizeof(r->v2.sro));
	r->v2.nowned = 0;
}

/*
 * DEN0137 2.0 RMI_RMM_CONFIG_SET(cfg_ptr), TF-RMM main smc_rmm_config_set(): cfg_ptr a 4 KiB
 * aligned NS granule → else ERROR_INPUT; the only configuration the RMM supports is a 4 KiB
 * RMI granule (rmi_granule_size 0) with 1 GiB tracking regions (tracking_region_size 0,
 * RMI_GRAN_4KB_TRACKING_REGION_SIZE_1GB) → anything else ERROR_INPUT. Nothing is stored.
 */
static void h_rmm_config_set(struct emu_call *c)
{
	struct rmm *r = c->state;
	const uint8_t *p = rmm_ns_page(r, c->a[1]);
	if (!p || abi_rd64(p + RMM_CONFIG_RMI_GRANULE_SIZE) != RMI_GRANULE_SIZE_4KB ||
	    abi_rd64(p + RMM_CONFIG_TRACKING_REGION_SIZE) != 0) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	emu_ret1(c, rmi_ret(RMI_SUCCESS, 0));
}

/* DEN0137 2.0 B4.5.53 RMI_RMM_CONFIG_GET(cfg_ptr), TF-RMM main smc_rmm_config_get(): cfg_align,
 * cfg_pas; writes the 16-byte RmiRmmConfig (4 KiB granules, 1 GiB tracking regions) and leaves
 * the rest of the page alone. */
static void h_rmm_config_get(struct emu_call *c)
{
	struct rmm *r = c->state;
	uint8_t *p = rmm_ns_page(r, c->a[1]);
	if (!p) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	abi_wr64(p + RMM_CONFIG_TRACKING_REGION_SIZE, r->v2.tracking_region_size);
	abi_wr64(p + RMM_CONFIG_RMI_GRANULE_SIZE, r->v2.rmi_granule_size);
	emu_ret1(c, rmi_ret(RMI_SUCCESS, 0));
}

/* x0..x2 of an SRO that needs @want more granules (TF-RMM main on fake_host answers
 * REC_CREATE with INCOMPLETE, memreq DONATE, x2 = 0x40 for 16 pages). Memory SROs are cancellable:
 * Linux rmi_sro_memxfer_execute relies on it. RMM_ACTIVATE asks for UNDELEGATED memory: before
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
static void h_rmm_activate(struct emu_call *c)
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
static void h_op_mem_donate(struct emu_call *c)
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
static void h_op_continue(struct emu_call *c)
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
static void h_op_cancel(struct emu_call *c)
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

/* ---- the command table ------------------------------------------------------------ */

/*
 * A row's .nres: RMI_RES(n), where x0..x<n - 1> are the command's outputs (TF-RMM
 * smc_handlers[]); whatever n, the RMM writes the result words x0..x3 (rmi_dispatch()).
 */
#define RMI_RES(n) ((n) > RMI_RESULT_WORDS ? (n) : RMI_RESULT_WORDS)

/* The 1.0 commands 2.0 removed (DEN0137 2.0-bet2; TF-RMM main smc-rmi.h): in every 1.x spec and
 * in "2.0+1.0", which keeps the ones current Linux hosts still call. */
#define SPECS_1_0_ONLY (RMM_SPECS_1X | RMM_SPEC_BIT(RMM_SPEC_2_0_1_0))

/*
 * One row per command abi/rmi.h lists. .specs: the specs that have the command (0: all);
 * .gate: the 2.0 global states it runs in (TF-RMM main runtime/core/handler.c: VERSION,
 * FEATURES, RMM_CONFIG_GET and GRANULE_TRACKING_GET always, RMM_CONFIG_SET and RMM_ACTIVATE in
 * INIT only, the rest in ACTIVE only, the SRO operations too). With the profile's
 * "activate_granules", RMM_ACTIVATE's own SRO runs in INTERMEDIATE, where the SRO operations
 * are allowed as well (RMM_GATE_SRO). The 1.1-only
 * DA/planes/SMMU commands have no rows (unimplemented: SMC_UNKNOWN everywhere).
 */
static const struct emu_fn rmi_fns[] = {
	EMU_FN_ROW(RMI_VERSION, .handler = h_version, .nargs = 1, .nres = RMI_RES(3),
		   .gate = RMM_GATE_ANY),
	EMU_FN_ROW(RMI_GRANULE_DELEGATE, .handler = rmm_granule_delegate, .nargs = 1,
		   .nres = RMI_RES(1), .specs = SPECS_1_0_ONLY),
	EMU_FN_ROW(RMI_GRANULE_UNDELEGATE, .handler = rmm_granule_undelegate, .nargs = 1,
		   .nres = RMI_RES(1), .specs = SPECS_1_0_ONLY),
	/* 0x153 is RTT_DATA_MAP_INIT in 2.0, with the same arguments; the 2.0 meaning is not
	 * modelled, so pure 2.0 answers SMC_UNKNOWN there. */
	EMU_FN_ROW(RMI_DATA_CREATE, .handler = rmm_data_create, .nargs = 5, .nres = RMI_RES(1),
		   .specs = SPECS_1_0_ONLY),
	EMU_FN_ROW(RMI_DATA_CREATE_UNKNOWN, .handler = rmm_data_create_unknown, .nargs = 3,
		   .nres = RMI_RES(1), .specs = SPECS_1_0_ONLY),
	EMU_FN_ROW(RMI_DATA_DESTROY, .handler = rmm_data_destroy, .nargs = 2, .nres = RMI_RES(3),
		   .specs = SPECS_1_0_ONLY),
	EMU_FN_ROW(RMI_REALM_ACTIVATE, .handler = rmm_realm_activate, .nargs = 1,
		   .nres = RMI_RES(1)),
	EMU_FN_ROW(RMI_REALM_CREATE, .handler = rmm_realm_create, .nargs = 2, .nres = RMI_RES(1)),
	EMU_FN_ROW(RMI_REALM_DESTROY, .handler = rmm_realm_destroy, .nargs = 1, .nres = RMI_RES(1)),
	EMU_FN_ROW(RMI_REC_CREATE, .handler = rmm_rec_create, .nargs = 3, .nres = RMI_RES(1)),
	EMU_FN_ROW(RMI_REC_DESTROY, .handler = rmm_rec_destroy, .nargs = 1, .nres = RMI_RES(1)),
	EMU_FN_ROW(RMI_REC_ENTER, .handler = rmm_rec_enter, .nargs = 2, .nres = RMI_RES(1)),
	EMU_FN_ROW(RMI_RTT_CREATE, .handler = rmm_rtt_create, .nargs = 4, .nres = RMI_RES(1)),
	EMU_FN_ROW(RMI_RTT_DESTROY, .handler = rmm_rtt_destroy, .nargs = 3, .nres = RMI_RES(3)),
	/* 2.0 has RTT_UNPROT_MAP/UNMAP (0x1FB/0x1FC) instead. */
	EMU_FN_ROW(RMI_RTT_MAP_UNPROTECTED, .handler = rmm_rtt_map_unprotected, .nargs = 4,
		   .nres = RMI_RES(1), .specs = SPECS_1_0_ONLY),
	EMU_FN_ROW(RMI_RTT_READ_ENTRY, .handler = rmm_rtt_read_entry, .nargs = 3,
		   .nres = RMI_RES(5)),
	EMU_FN_ROW(RMI_RTT_UNMAP_UNPROTECTED, .handler = rmm_rtt_unmap_unprotected, .nargs = 3,
		   .nres = RMI_RES(2), .specs = SPECS_1_0_ONLY),
	EMU_FN_ROW(RMI_PSCI_COMPLETE, .handler = rmm_psci_complete, .nargs = 3, .nres = RMI_RES(1)),
	EMU_FN_ROW(RMI_FEATURES, .handler = h_features, .nargs = 1, .nres = RMI_RES(2),
		   .gate = RMM_GATE_ANY),
	EMU_FN_ROW(RMI_RTT_FOLD, .handler = rmm_rtt_fold, .nargs = 3, .nres = RMI_RES(2)),
	/* 2.0 donates aux memory through SROs instead. */
	EMU_FN_ROW(RMI_REC_AUX_COUNT, .handler = rmm_rec_aux_count, .nargs = 1, .nres = RMI_RES(2),
		   .specs = SPECS_1_0_ONLY),
	EMU_FN_ROW(RMI_RTT_INIT_RIPAS, .handler = rmm_rtt_init_ripas, .nargs = 3,
		   .nres = RMI_RES(2)),
	EMU_FN_ROW(RMI_RTT_SET_RIPAS, .handler = rmm_rtt_set_ripas, .nargs = 4, .nres = RMI_RES(2)),
	/* 0x16E is PSMMU_MSI_CONFIG in 1.1 (not modelled). */
	EMU_FN_ROW(RMI_RMM_CONFIG_SET, .handler = h_rmm_config_set, .nargs = 1, .nres = RMI_RES(1),
		   .gate = RMM_GATE_INIT, .specs = RMM_SPECS_2X),
	EMU_FN_ROW(RMI_GRANULE_TRACKING_GET, .handler = rmm_granule_tracking_get, .nargs = 2,
		   .nres = RMI_RES(4), .gate = RMM_GATE_ANY, .specs = RMM_SPECS_2X),
	EMU_FN_ROW(RMI_RMM_CONFIG_GET, .handler = h_rmm_config_get, .nargs = 1, .nres = RMI_RES(1),
		   .gate = RMM_GATE_ANY, .specs = RMM_SPECS_2X),
	EMU_FN_ROW(RMI_GRANULE_RANGE_DELEGATE, .handler = rmm_granule_range_delegate, .nargs = 2,
		   .nres = RMI_RES(2), .specs = RMM_SPECS_2X),
	EMU_FN_ROW(RMI_GRANULE_RANGE_UNDELEGATE, .handler = rmm_granule_range_undelegate,
		   .nargs = 2, .nres = RMI_RES(2), .specs = RMM_SPECS_2X),
	EMU_FN_ROW(RMI_REALM_TERMINATE, .handler = rmm_realm_terminate, .nargs = 1,
		   .nres = RMI_RES(1), .specs = RMM_SPECS_2X),
	EMU_FN_ROW(RMI_RMM_ACTIVATE, .handler = h_rmm_activate, .nargs = 0, .nres = RMI_RES(3),
		   .gate = RMM_GATE_INIT, .specs = RMM_SPECS_2X),
	EMU_FN_ROW(RMI_OP_CONTINUE, .handler = h_op_continue, .nargs = 2, .nres = RMI_RES(3),
		   .gate = RMM_GATE_SRO, .specs = RMM_SPECS_2X),
	EMU_FN_ROW(RMI_OP_MEM_DONATE, .handler = h_op_mem_donate, .nargs = 3, .nres = RMI_RES(2),
		   .gate = RMM_GATE_SRO, .specs = RMM_SPECS_2X),
	EMU_FN_ROW(RMI_OP_CANCEL, .handler = h_op_cancel, .nargs = 1, .nres = RMI_RES(1),
		   .gate = RMM_GATE_SRO, .specs = RMM_SPECS_2X),
};

/* Completeness, as TF-RMM runtime/core/handler.c asserts of its handler table: one row for
 * each command abi/rmi.h defines (fid_tables_unique in emu/tests rules out duplicates). */
#define COUNT_ONE(id) +1
_Static_assert(EMU_ARRAY_SIZE(rmi_fns) == 0 RMI_COMMANDS(COUNT_ONE),
	       "rmi_fns[] must have one row per RMI command in abi/rmi.h");

static void rmi_reset(void *state)
{
	/* The core zeroes the granule states (our slot) on reset; the realms go with them. */
	struct rmm *r = state;
	for (size_t i = 0; i < r->nrecs; i++)
		rmm_attest_reset(&r->recs[i].attest);
	r->nrealms = 0;
	r->nrecs = 0;
	v2_reset(r);
}

static int rmi_create(struct smcsim *sim, struct emu_layer *layer, json_t *cfg, const char *path,
		      void **state, struct smcsim_error *err)
{
	static const char *const keys[] = { "spec",	     "features0",      "features1",
					    "features2",     "features3",      "features4",
					    "rec_aux_count", "vmid_bits",      "activate_granules",
					    "range_limit",   "realm_program",  "feat_hpmn0",
					    "rtt_align",     "destroyed_desc", NULL };
	static const char *const programs[] = { "irq", "linux", NULL };
	static const char *const descs[] = { "pa", "zero", NULL };
	struct rmm *r = calloc(1, sizeof(*r));
	if (!r)
		return -ENOMEM;
	*state = r;
	r->sim = sim;
	/* The granule states (struct rmm_gran) live beside the machine's memory, keyed by this
	 * descriptor so tests and fuzz drivers find them (rmm_gstate). */
	r->gslot = emu_gstate_reserve(sim, &rmm_svc_rmi, sizeof(struct rmm_gran));
	if (r->gslot < 0) {
		char buf[128]; /* strerror_r: strerror may share one buffer between threads */
		emu_err(err, "%s: per-granule state: %s", path,
			strerror_r(-r->gslot, buf, sizeof(buf)));
		return r->gslot;
	}
	int spec, desc, ret;
	if ((ret = emu_cfg_keys(cfg, path, keys, err)) ||
	    (ret = emu_cfg_enum(cfg, "spec", path, rmm_spec_names, 0, &spec, err)))
		return ret;
	r->spec = &rmm_specs[spec];
	r->version = rmm_spec_highest(r->spec);
	if ((ret = rmm_spec_configure(r, cfg, path, err)) ||
	    (ret = emu_cfg_u32(cfg, "rec_aux_count", path, spec == RMM_SPEC_2_0 ? 0 : 16,
			       &r->rec_aux_count, err)) ||
	    (ret = emu_cfg_u32(cfg, "vmid_bits", path, 8, &r->vmid_bits, err)) ||
	    (ret = emu_cfg_bool(cfg, "feat_hpmn0", path, false, &r->feat_hpmn0, err)) ||
	    (ret = emu_cfg_bool(cfg, "rtt_align", path, true, &r->rtt_align, err)) ||
	    (ret = emu_cfg_enum(cfg, "destroyed_desc", path, descs, 0, &desc, err)) ||
	    (ret = emu_cfg_enum(cfg, "realm_program", path, programs, RMM_PROGRAM_IRQ,
				&r->realm_program, err)))
		return ret;
	r->destroyed_desc_zero = desc == 1;
	v2_reset(r);
	/* 2.0 RmiRecParams has no aux list (TF-RMM main smc-rmi.h), so the 1.0 REC_CREATE runs with
	 * none. */
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

/* The spec's command set (the rows' .specs): rows outside it answer SMC_UNKNOWN. */
static bool rmi_implements(const void *state, const struct emu_fn *fn)
{
	const struct rmm *r = state;
	return !fn->specs || (fn->specs & RMM_SPEC_BIT(r->spec - rmm_specs));
}

static emu_handler_fn rmi_handler_of(const void *state, const struct emu_fn *fn)
{
	(void)state;
	(void)fn;
	return rmi_dispatch;
}

static void rmi_destroy(void *state)
{
	struct rmm *r = state;
	if (r) {
		rmi_reset(r);
		free(r->realms);
		free(r->recs);
		free(r->v2.owned);
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
	/* The RMI range of the SMCCC Standard Secure Service calls (DEN0137 B1.1). */
	.claim = &rmi_unknown,
	.claim_base = RMI_FID(RMI_FNUM_MIN),
	.claim_nr = RMI_FNUM_MAX - RMI_FNUM_MIN + 1,
};
