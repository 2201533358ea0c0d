/* SPDX-License-Identifier: MIT */
/*
 * The RMM's answers to a stand-alone realm's PSCI and SMCCC calls (cca-realm), as TF-RMM
 * rmm-spec-v1.0-rel0 gives them to a REC (runtime/core/exit.c handle_realm_rsi(),
 * runtime/rsi/psci.c): the RMM answers SMCCC_VERSION, PSCI_VERSION, PSCI_FEATURES and every
 * call it can refuse itself; what needs the host (CPU_ON and AFFINITY_INFO of another CPU,
 * CPU_OFF, CPU_SUSPEND, SYSTEM_OFF/RESET) goes to the simulated host's PSCI on the layer
 * below, as a REC exit and its completion would. Every other ID, SMCCC_ARCH_FEATURES
 * included, is SMC_UNKNOWN (the service's claim). Results follow handle_realm_rsi(): x1..x3
 * read 0 unless returned, x4 and up are the realm's.
 *
 * The service is an .alias: its rows repeat the PSCI and SMCCC IDs of the emu/ services, which
 * answer for the host below. Its layer must not forward. The realm's CPUs are its RECs: REC
 * index i is CPU i, the index a PSCI target names is TF-RMM mpidr_to_rec_idx()'s, and the
 * protected range is the `rsi` service's on the same layer. Profile section "rmm": no keys.
 */
#include <errno.h>
#include <stdlib.h>

#include "abi/psci.h"
#include "rmm_model/rmm.h"

struct realm_smc {
	struct smcsim *sim;
	struct emu_layer *layer;
	uint8_t ipa_bits; /* the realm's (the `rsi` service's ipa_bits) */
};

/* TF-RMM rel0 handle_realm_rsi(): x0 the answer, x1..x3 cleared; x4 and up the caller's. */
static void answer(struct emu_call *c, uint64_t x0)
{
	emu_ret4(c, x0, 0, 0, 0);
}

/* The host's part, then the same result words (psci_complete_request(): x1..x3 = 0). */
static void to_host(struct emu_call *c)
{
	emu_call_forward(c);
	answer(c, c->r[0]);
}

/* psci_system_off_reset(): the host's part; the realm's registers are not updated. */
static void to_host_only(struct emu_call *c)
{
	emu_call_forward(c);
	c->nres = 0;
}

static void h_smccc_version(struct emu_call *c)
{
	answer(c, SMCCC_VER(1, 2));
}

static void h_psci_version(struct emu_call *c)
{
	answer(c, SMCCC_VER(1, 1));
}

/* TF-RMM rel0 psci_features(): PSCI_VERSION itself is not listed; SMCCC_VERSION is. */
static void h_psci_features(struct emu_call *c)
{
	static const uint32_t known[] = {
		PSCI_CPU_SUSPEND_FID,	   PSCI_CPU_SUSPEND_64_FID, PSCI_CPU_OFF_FID,
		PSCI_CPU_ON_FID,	   PSCI_CPU_ON_64_FID,	    PSCI_AFFINITY_INFO_FID,
		PSCI_AFFINITY_INFO_64_FID, PSCI_SYSTEM_OFF_FID,	    PSCI_SYSTEM_RESET_FID,
		PSCI_FEATURES_FID,	   SMCCC_VERSION_FID,
	};
	uint64_t res = emu_status(PSCI_RET_NOT_SUPPORTED);
	for (size_t i = 0; i < EMU_ARRAY_SIZE(known); i++)
		if ((uint32_t)c->a[1] == known[i])
			res = 0;
	answer(c, res);
}

/* The CPU (REC) whose index @mpidr names (TF-RMM mpidr_to_rec_idx()), or -1. */
static int rec_cpu(struct smcsim *sim, uint64_t mpidr)
{
	uint64_t idx = rmm_mpidr_rec_index(mpidr);
	for (unsigned int i = 0; i < emu_cpu_count(sim); i++)
		if (rmm_mpidr_rec_index(emu_cpu(sim, i)->mpidr) == idx)
			return (int)i;
	return -1;
}

/*
 * TF-RMM rel0 psci_cpu_on() and psci_affinity_info(): CPU_ON's entry point outside the PAR
 * (addr_in_rec_par()) is INVALID_ADDRESS before anything else; AFFINITY_INFO takes level 0
 * only; a target naming no REC is INVALID_PARAMS; the caller itself is ALREADY_ON / ON
 * without the host. The host (below) answers the rest, as PSCI_COMPLETE would.
 */
static void h_on_affinity(struct emu_call *c)
{
	const struct realm_smc *s = c->state;
	bool on = (c->fid & ~SMCCC_64) == PSCI_CPU_ON_FID;
	if (on && c->a[2] >= (UINT64_C(1) << (s->ipa_bits - 1))) {
		answer(c, emu_status(PSCI_RET_INVALID_ADDRESS));
		return;
	}
	int cpu = rec_cpu(s->sim, c->a[1]);
	if ((!on && c->a[2] != 0) || cpu < 0) {
		answer(c, emu_status(PSCI_RET_INVALID_PARAMS));
		return;
	}
	if ((unsigned int)cpu == c->cpu_index) {
		answer(c, on ? emu_status(PSCI_RET_ALREADY_ON) : 0);
		return;
	}
	to_host(c);
}

#define REALM_ROW(id, h) EMU_FN_ROW(id, .handler = (h), .nargs = 4, .nres = SMCSIM_NREGS)

static const struct emu_fn realm_smc_fns[] = {
	REALM_ROW(SMCCC_VERSION, h_smccc_version),
	REALM_ROW(PSCI_VERSION, h_psci_version),
	REALM_ROW(PSCI_FEATURES, h_psci_features),
	REALM_ROW(PSCI_CPU_ON, h_on_affinity),
	REALM_ROW(PSCI_CPU_ON_64, h_on_affinity),
	REALM_ROW(PSCI_AFFINITY_INFO, h_on_affinity),
	REALM_ROW(PSCI_AFFINITY_INFO_64, h_on_affinity),
	/* psci_cpu_off(), psci_cpu_suspend(): x0 = SUCCESS, then the host is told. */
	REALM_ROW(PSCI_CPU_OFF, to_host),
	REALM_ROW(PSCI_CPU_SUSPEND, to_host),
	REALM_ROW(PSCI_CPU_SUSPEND_64, to_host),
	/* psci_system_off_reset(): the realm is off; its registers are not updated. */
	REALM_ROW(PSCI_SYSTEM_OFF, to_host_only),
	REALM_ROW(PSCI_SYSTEM_RESET, to_host_only),
};

/* handle_realm_rsi()'s default: every other ID (RSI IDs have the `rsi` service's rows). */
static void h_unknown(struct emu_call *c)
{
	answer(c, SMCCC_RET_NOT_SUPPORTED);
}

static const struct emu_fn realm_smc_unknown = {
	.name = "SMC_UNKNOWN (the RMM)",
	.handler = h_unknown,
	.nres = SMCSIM_NREGS,
};

static int realm_smc_create(struct smcsim *sim, struct emu_layer *layer, json_t *cfg,
			    const char *path, void **state, struct smcsim_error *err)
{
	static const char *const keys[] = { NULL };
	struct realm_smc *s = calloc(1, sizeof(*s));
	if (!s)
		return -ENOMEM;
	*state = s;
	s->sim = sim;
	s->layer = layer;
	return emu_cfg_keys(cfg, path, keys, err);
}

/* The realm's protected range is its `rsi` service's, on the same layer. */
static int realm_smc_attach(void *state, struct smcsim *sim, struct smcsim_error *err)
{
	(void)sim;
	struct realm_smc *s = state;
	const void *rsi = emu_layer_service(s->layer, "rsi");
	if (!rsi)
		return emu_err(err,
			       "layers/%s/services/rmm: needs the \"rsi\" service on its layer",
			       s->layer->name);
	s->ipa_bits = rsi_realm_ipa_bits(rsi);
	return 0;
}

/* SMCCC 1.2: the version handle_realm_rsi() reports, which sets the result registers. */
static uint32_t realm_smc_version(const void *state)
{
	(void)state;
	return SMCCC_VER(1, 2);
}

static void realm_smc_destroy(void *state)
{
	free(state);
}

const struct emu_service rmm_svc_realm_smc = {
	.name = "rmm",
	.title = "CCA RMM: a realm's PSCI and SMCCC calls (TF-RMM handle_realm_rsi())",
	.fns = realm_smc_fns,
	.nfns = EMU_ARRAY_SIZE(realm_smc_fns),
	.alias = true,
	.create = realm_smc_create,
	.destroy = realm_smc_destroy,
	.version = realm_smc_version,
	.attach = realm_smc_attach,
	.claim = &realm_smc_unknown,
	.claim_base = 0,
	.claim_nr = UINT32_MAX,
};
