/* SPDX-License-Identifier: MIT */
/*
 * RMI spec profiles (DEN0137 1.0-eac5, 1.0, 1.1, 2.0; TF-RMM rel0, v1.x-aligned and main): each
 * case names the rule or the TF-RMM fake_host observation it checks. 1.0-rel0 itself is covered by
 * test_rmi.c.
 */
#include <string.h>

#include "conformance/common/smcsim_test.h"
#include "rmm_model/rmm.h"

#define UNKNOWN	   UINT64_MAX
#define ERR_INPUT  rmi_ret(RMI_ERROR_INPUT, 0)
#define ERR_REALM  rmi_ret(RMI_ERROR_REALM, 0)
#define ERR_GLOBAL rmi_ret(RMI_ERROR_GLOBAL, 0)
#define PAGE	   0x1000u

#define CFG	 0x80100000u
#define CFG2	 0x80101000u
#define PARAMS	 0x80102000u
#define LIST	 0x80103000u
#define RD	 0x80200000u
#define RTT	 0x80201000u
#define RD2	 0x80202000u
#define RTT2	 0x80203000u
#define DONATE	 0x80400000u
#define RANGE	 0x80600000u
#define DRAM_END 0x90000000u
#define OUTSIDE	 0x90000000u

/* Assert on the registers of a call made in place (t_assert_* need an lvalue). */
#define REG(call, reg, want, rule)                                                                 \
	do {                                                                                       \
		struct smcsim_regs r_ = (call);                                                    \
		t_assert_reg(r_, (reg), (want), (rule));                                           \
	} while (0)
#define X0(call, want, rule) REG(call, 0, want, rule)

#define RMI_PATCH(body) "{\"layers\":{\"el3\":{\"services\":{\"rmi\":{" body "}}}}}"

static void put64(struct smcsim *sim, uint64_t pa, uint64_t v)
{
	assert_int_equal(smcsim_mem_write(sim, pa, &v, 8), 0); /* setup: host memory access */
}

static uint64_t get64(struct smcsim *sim, uint64_t pa)
{
	uint64_t v;
	assert_int_equal(smcsim_mem_read(sim, pa, &v, 8), 0); /* setup: host memory access */
	return v;
}

static int gstate(struct smcsim *sim, uint64_t pa)
{
	return rmm_gstate(sim, pa)->state;
}

static void zero_page(struct smcsim *sim, uint64_t pa)
{
	static const uint8_t zero[PAGE];
	assert_int_equal(smcsim_mem_write(sim, pa, zero, sizeof(zero)),
			 0); /* setup: host memory access */
}

static void version_is(struct smcsim *sim, uint64_t req, uint64_t x0, uint64_t x1, uint64_t x2,
		       const char *rule)
{
	struct smcsim_regs r = t_call(sim, RMI_VERSION_FID, req);
	t_assert_reg(r, 0, x0, rule);
	t_assert_reg(r, 1, x1, rule);
	t_assert_reg(r, 2, x2, rule);
}

static struct smcsim *v2(const char *patch)
{
	return t_machine("cca-host-2.0", patch);
}

/* 2.0 host bring-up as Linux arm64_init_rmi() does it: CONFIG_SET (4 KiB) then ACTIVATE. */
static struct smcsim *v2_active(const char *patch)
{
	struct smcsim *sim = v2(patch);
	zero_page(sim, CFG);
	X0(t_call(sim, RMI_RMM_CONFIG_SET_FID, CFG), 0, "setup: RMI_RMM_CONFIG_SET(4K)");
	X0(t_call(sim, RMI_RMM_ACTIVATE_FID), 0, "setup: RMI_RMM_ACTIVATE, no donation asked");
	return sim;
}

/* 2.0 RmiRealmParams: no vmid (the RMM allocates it); otherwise the 1.0 fields. */
static void realm_params(struct smcsim *sim, uint64_t rtt)
{
	zero_page(sim, PARAMS);
	put64(sim, PARAMS + RMI_REALM_PARAMS_S2SZ, 48);
	put64(sim, PARAMS + RMI_REALM_PARAMS_NUM_BPS, 1);
	put64(sim, PARAMS + RMI_REALM_PARAMS_NUM_WPS, 1);
	put64(sim, PARAMS + RMI_REALM_PARAMS_RTT_BASE, rtt);
	put64(sim, PARAMS + RMI_REALM_PARAMS_RTT_LEVEL_START, 0);
	put64(sim, PARAMS + RMI_REALM_PARAMS_RTT_NUM_START, 1);
}

/* ---- RMI_VERSION (TF-RMM system.c / version.c)
 * --------------------------------------------------------- */

/* fake_host 1.0 build: x1 = x2 = 1.0 whatever the request; only 1.0 succeeds. */
static void version_rel0(void **state)
{
	struct smcsim *sim = t_machine("cca-host", NULL);
	version_is(sim, 0x10000, 0, 0x10000, 0x10000, "TF-RMM rel0 smc_version(): VERSION(1.0)");
	version_is(sim, 0x10001, ERR_INPUT, 0x10000, 0x10000,
		   "TF-RMM rel0 smc_version(): VERSION(1.1)");
	version_is(sim, 0x20000, ERR_INPUT, 0x10000, 0x10000,
		   "TF-RMM rel0 smc_version(): VERSION(2.0)");
	smcsim_destroy(sim);
}

/* EAC5 reports 1.0 with the rel0 rule (TF-RMM @rmm-spec-v1.0-eac5 system.c). */
static void version_eac5(void **state)
{
	struct smcsim *sim =
		t_machine("cca-host", RMI_PATCH("\"spec\":\"1.0-eac5\",\"features0\":null"));
	version_is(sim, 0x10000, 0, 0x10000, 0x10000,
		   "TF-RMM rmm-spec-v1.0-eac5 smc_version(): VERSION(1.0)");
	version_is(sim, 0x10001, ERR_INPUT, 0x10000, 0x10000,
		   "TF-RMM rmm-spec-v1.0-eac5 smc_version(): VERSION(1.1)");
	smcsim_destroy(sim);
}

/* TF-RMM v1.x-aligned version.c: supported {1.0, 1.1}; success echoes the request in x1,
 * x2 = highest; unsupported: ERROR_INPUT with x1 = x2 = highest. */
static void version_1_1(void **state)
{
	struct smcsim *sim = t_machine("cca-host", RMI_PATCH("\"spec\":\"1.1\""));
	version_is(sim, 0x10000, 0, 0x10000, 0x10001,
		   "TF-RMM v1.x-aligned version.c: VERSION(1.0) echoes");
	version_is(sim, 0x10001, 0, 0x10001, 0x10001,
		   "TF-RMM v1.x-aligned version.c: VERSION(1.1)");
	version_is(sim, 0x20000, ERR_INPUT, 0x10001, 0x10001,
		   "TF-RMM v1.x-aligned version.c: VERSION(2.0) unsupported");
	smcsim_destroy(sim);
}

/* fake_host HEAD build: {2.0} only; VERSION(1.0) = (1, 0x20000, 0x20000). VERSION is allowed
 * in every global state. */
static void version_2_0(void **state)
{
	struct smcsim *sim = v2(NULL);
	version_is(sim, 0x10000, ERR_INPUT, 0x20000, 0x20000,
		   "TF-RMM main version.c: VERSION(1.0) unsupported");
	version_is(sim, 0x20000, 0, 0x20000, 0x20000, "TF-RMM main version.c: VERSION(2.0)");
	smcsim_destroy(sim);
	sim = t_machine("cca-host-2.0", RMI_PATCH("\"spec\":\"2.0+1.0\",\"rec_aux_count\":16"));
	version_is(sim, 0x20000, 0, 0x20000, 0x20000,
		   "TF-RMM main version.c: 2.0+1.0 is a 2.0 RMM");
	smcsim_destroy(sim);
}

/* ---- RMI_FEATURES layouts (TF-RMM smc-rmi.h) ------------------------------------------------ */

/* The EAC5 reg0 is the fake_host machine in the EAC5 layout; realm params decode through it:
 * SHA-256 at bit 28 (rel0: 32), NUM_BPS [17:14] = 1. */
static void features_eac5(void **state)
{
	struct smcsim *sim =
		t_machine("cca-host", RMI_PATCH("\"spec\":\"1.0-eac5\",\"features0\":null"));
	struct smcsim_regs r = t_call(sim, RMI_FEATURES_FID, 0);
	t_assert_reg(r, 1, 0x3FC44130,
		     "DEN0137 1.0-eac5 RMI_FEATURES reg0: S2SZ 48, LPA2, BPS/WPS 1, PMU 31, "
		     "SHA-256/512");
	REG(t_call(sim, RMI_FEATURES_FID, 1), 1, 0,
	    "DEN0137 1.0-eac5 RMI_FEATURES: reg1 reads zero");
	X0(t_call(sim, RMI_GRANULE_DELEGATE_FID, RD), 0, "setup: RMI_GRANULE_DELEGATE RD");
	X0(t_call(sim, RMI_GRANULE_DELEGATE_FID, RTT), 0, "setup: RMI_GRANULE_DELEGATE RTT");
	realm_params(sim, RTT);
	put64(sim, PARAMS + RMI_REALM_PARAMS_NUM_BPS, 2);
	X0(t_call(sim, RMI_REALM_CREATE_FID, RD, PARAMS), ERR_INPUT,
	   "DEN0137 1.0-eac5 RMI_REALM_CREATE params_supp: num_bps 2 > EAC5 NUM_BPS 1");
	put64(sim, PARAMS + RMI_REALM_PARAMS_NUM_BPS, 1);
	X0(t_call(sim, RMI_REALM_CREATE_FID, RD, PARAMS), 0,
	   "DEN0137 1.0-eac5 RMI_REALM_CREATE params_supp: valid through the EAC5 layout (SHA-256 "
	   "at bit 28)");
	smcsim_destroy(sim);

	/* A rel0 value has bits the EAC5 layout leaves reserved: the profile is refused. */
	struct smcsim_profile *p = NULL;
	struct smcsim_error err = { { 0 } };
	assert_int_equal(smcsim_profile_load("cca-host", &p, &err), 0); /* setup: load profile */
	assert_int_equal(smcsim_profile_patch(p, RMI_PATCH("\"spec\":\"1.0-eac5\""), &err),
			 0); /* setup: patch profile */
	assert_int_not_equal(
		smcsim_create(p, &sim, &err),
		0); /* DEN0137 1.0-eac5 RMI_FEATURES: a rel0 reg0 sets bits reserved in EAC5 */
	assert_non_null(
		strstr(err.text,
		       "features0")); /* DEN0137 1.0-eac5 RMI_FEATURES: the error names features0 */
	smcsim_profile_destroy(p);
}

/* 1.1: reg1 is MAX_MECID (v1.x-aligned); the reg0 additions are optional. */
static void features_1_1(void **state)
{
	struct smcsim *sim =
		t_machine("cca-host", RMI_PATCH("\"spec\":\"1.1\",\"features1\":\"0xffff\""));
	REG(t_call(sim, RMI_FEATURES_FID, 0), 1, UINT64_C(0x283FC104130),
	    "DEN0137 1.1 RMI_FEATURES: reg0");
	REG(t_call(sim, RMI_FEATURES_FID, 1), 1, 0xffff,
	    "DEN0137 1.1 RMI_FEATURES: reg1 MAX_MECID");
	REG(t_call(sim, RMI_FEATURES_FID, 2), 1, 0,
	    "DEN0137 1.1 RMI_FEATURES: reg2 undefined: zero");
	smcsim_destroy(sim);
}

/* fake_host HEAD: reg0..4 = 0x104130 0x142A9 0xA1 0x3 0xFFFE, reg5 = 0; readable in INIT. */
static void features_2_0(void **state)
{
	static const uint64_t want[] = { 0x104130, 0x142A9, 0xA1, 0x3, 0xFFFE, 0 };
	struct smcsim *sim = v2(NULL);
	for (uint64_t i = 0; i < 6; i++) {
		struct smcsim_regs r = t_call(sim, RMI_FEATURES_FID, i);
		t_assert_reg(r, 0, 0,
			     "TF-RMM main handle_ns_smc(): FEATURES allowed before RMM_ACTIVATE");
		t_assert_reg(r, 1, want[i],
			     "TF-RMM main fake_host RMI_FEATURES: register as observed");
	}
	smcsim_destroy(sim);
}

/* ---- command sets (TF-RMM handler.c smc_handlers[])
 * --------------------------------------------------------- */

static const uint32_t removed_in_2_0[] = {
	RMI_GRANULE_DELEGATE_FID,
	RMI_GRANULE_UNDELEGATE_FID,
	RMI_FID(0x153) /* DATA_CREATE */,
	RMI_DATA_CREATE_UNKNOWN_FID,
	RMI_DATA_DESTROY_FID,
	RMI_FID(0x15F),
	RMI_FID(0x162),
	RMI_REC_AUX_COUNT_FID,
};

/* fake_host HEAD: GRANULE_DELEGATE 0xC4000151 returns SMC_UNKNOWN, like every removed call,
 * even once the RMM is ACTIVE (the gate never sees an unknown FID). */
static void removed_calls_2_0(void **state)
{
	struct smcsim *sim = v2_active(NULL);
	for (size_t i = 0; i < sizeof(removed_in_2_0) / sizeof(removed_in_2_0[0]); i++)
		REG(t_call(sim, removed_in_2_0[i], RD), 0, UNKNOWN,
		    "TF-RMM main smc_handlers[]: removed in 2.0, no handler: SMC_UNKNOWN");
	smcsim_destroy(sim);
}

/* "2.0+1.0": the same calls are served (before ACTIVE they are gated, proving they exist). */
static void removed_calls_served_2_0_1_0(void **state)
{
	const char *patch = RMI_PATCH("\"spec\":\"2.0+1.0\",\"rec_aux_count\":16");
	struct smcsim *sim = v2(patch);
	X0(t_call(sim, RMI_GRANULE_DELEGATE_FID, RD), ERR_GLOBAL,
	   "TF-RMM main handle_ns_smc(): served but needs ACTIVE: ERROR_GLOBAL");
	smcsim_destroy(sim);
	sim = v2_active(patch);
	X0(t_call(sim, RMI_GRANULE_DELEGATE_FID, RD), 0,
	   "DEN0137 1.0 RMI_GRANULE_DELEGATE: SUCCESS in a 2.0+1.0 RMM");
	assert_int_equal(gstate(sim, RD),
			 RMM_GRANULE_DELEGATED); /* DEN0137 1.0 RMI_GRANULE_DELEGATE: granule
						    becomes DELEGATED */
	X0(t_call(sim, RMI_GRANULE_UNDELEGATE_FID, RD), 0,
	   "DEN0137 1.0 RMI_GRANULE_UNDELEGATE: SUCCESS in a 2.0+1.0 RMM");
	X0(t_call(sim, RMI_REC_AUX_COUNT_FID, RD), ERR_INPUT,
	   "DEN0137 1.0 RMI_REC_AUX_COUNT rd_state: served, rd not an RD");
	X0(t_call(sim, RMI_DATA_DESTROY_FID, RD, 0), ERR_INPUT,
	   "DEN0137 1.0 B4.3.3 RMI_DATA_DESTROY rd_state: served");
	smcsim_destroy(sim);
}

/* The 2.0 commands do not exist in 1.x profiles. */
static void v2_calls_absent_in_1_x(void **state)
{
	static const uint32_t v2_only[] = { RMI_RMM_ACTIVATE_FID, RMI_RMM_CONFIG_SET_FID,
					    RMI_GRANULE_RANGE_DELEGATE_FID, RMI_REALM_TERMINATE_FID,
					    RMI_OP_CONTINUE_FID };
	static const char *const specs[] = { RMI_PATCH("\"spec\":\"1.0-rel0\""),
					     RMI_PATCH("\"spec\":\"1.1\"") };
	for (size_t s = 0; s < 2; s++) {
		struct smcsim *sim = t_machine("cca-host", specs[s]);
		for (size_t i = 0; i < sizeof(v2_only) / sizeof(v2_only[0]); i++)
			REG(t_call(sim, v2_only[i], 0), 0, UNKNOWN,
			    "TF-RMM rel0 smc_handlers[]: 2.0-only call in 1.x, no handler: "
			    "SMC_UNKNOWN");
		smcsim_destroy(sim);
	}
}

/* No RMM (EL3 without RMMD): every RMI and RSI ID is SMC_UNKNOWN; Linux checks == -1. */
static void no_rmm(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	REG(t_call(sim, RMI_VERSION_FID, 0x10000), 0, UNKNOWN,
	    "DEN0137 RMI_VERSION: no RMM, SMCCC unknown function: SMC_UNKNOWN");
	REG(t_call(sim, RSI_VERSION_FID, 0x10000), 0, UNKNOWN,
	    "DEN0137 RSI_VERSION: no RMM, SMCCC unknown function: SMC_UNKNOWN");
	REG(t_call(sim, RMI_RMM_ACTIVATE_FID), 0, UNKNOWN,
	    "DEN0137 2.0 RMI_RMM_ACTIVATE: no RMM, SMCCC unknown function: SMC_UNKNOWN");
	smcsim_destroy(sim);
}

/* ---- 2.0 global state (TF-RMM main handler.c) ------------------------------ */

/* Observed on fake_host: REALM_CREATE before RMM_ACTIVATE = 0xB; a second ACTIVATE = 0xB. */
static void global_state(void **state)
{
	struct smcsim *sim = v2(NULL);
	REG(t_call(sim, RMI_REALM_CREATE_FID, RD, PARAMS), 0, 0xB,
	    "TF-RMM main handle_ns_smc(): REALM_CREATE needs ACTIVE");
	X0(t_call(sim, RMI_GRANULE_RANGE_DELEGATE_FID, RD, RD + PAGE), ERR_GLOBAL,
	   "TF-RMM main handle_ns_smc(): RANGE_DELEGATE needs ACTIVE");
	X0(t_call(sim, RMI_RMM_CONFIG_GET_FID, CFG), 0,
	   "TF-RMM main handle_ns_smc(): CONFIG_GET always allowed");
	X0(t_call(sim, RMI_OP_CONTINUE_FID, 1, 0), ERR_GLOBAL,
	   "TF-RMM main handle_ns_smc(): OP_CONTINUE needs ACTIVE");
	X0(t_call(sim, RMI_OP_CANCEL_FID, 1), ERR_GLOBAL,
	   "TF-RMM main handle_ns_smc(): OP_CANCEL needs ACTIVE");
	X0(t_call(sim, RMI_OP_MEM_DONATE_FID, 1, LIST, 1), ERR_GLOBAL,
	   "TF-RMM main handle_ns_smc(): OP_MEM_DONATE needs ACTIVE");
	X0(t_call(sim, RMI_GRANULE_TRACKING_GET_FID, RD, RD + PAGE), 0,
	   "TF-RMM main handle_ns_smc(): TRACKING_GET always allowed");
	X0(t_call(sim, RMI_RMM_ACTIVATE_FID), 0,
	   "TF-RMM main handle_ns_smc(): RMM_ACTIVATE in INIT");
	REG(t_call(sim, RMI_RMM_ACTIVATE_FID), 0, 0xB,
	    "TF-RMM main handle_ns_smc(): second RMM_ACTIVATE");
	zero_page(sim, CFG);
	X0(t_call(sim, RMI_RMM_CONFIG_SET_FID, CFG), ERR_GLOBAL,
	   "TF-RMM main handle_ns_smc(): RMM_CONFIG_SET needs INIT");
	X0(t_call(sim, RMI_REALM_CREATE_FID, RD, PARAMS), ERR_INPUT,
	   "TF-RMM main handle_ns_smc(): ACTIVE: REALM_CREATE reaches its own checks");
	X0(t_call(sim, RMI_OP_CONTINUE_FID, 1, 0), ERR_INPUT,
	   "TF-RMM main handle_ns_smc(): ACTIVE: OP_CONTINUE reaches its own checks");
	/* A machine reset brings the RMM back to INIT. */
	smcsim_reset(sim);
	X0(t_call(sim, RMI_REALM_CREATE_FID, RD, PARAMS), ERR_GLOBAL,
	   "TF-RMM main handle_ns_smc(): INIT after reset");
	smcsim_destroy(sim);
}

/* RMM_CONFIG_SET/GET, TF-RMM main smc_rmm_config_set()/_get(): cfg_align, cfg_pas; only a 4 KiB
 * granule with 1 GiB tracking regions is accepted; GET writes the 16-byte RmiRmmConfig. */
static void config_set_get(void **state)
{
	struct smcsim *sim = v2(NULL);
	zero_page(sim, CFG);
	put64(sim, CFG + RMM_CONFIG_RMI_GRANULE_SIZE, 1);
	X0(t_call(sim, RMI_RMM_CONFIG_SET_FID, CFG), ERR_INPUT,
	   "DEN0137 2.0 RMI_RMM_CONFIG_SET: granule size 16 KiB not advertised in reg1 (0x142A9: "
	   "4K only)");
	put64(sim, CFG + RMM_CONFIG_RMI_GRANULE_SIZE, 3);
	X0(t_call(sim, RMI_RMM_CONFIG_SET_FID, CFG), ERR_INPUT,
	   "DEN0137 2.0 RMI_RMM_CONFIG_SET: no granule size 3");
	put64(sim, CFG + RMM_CONFIG_RMI_GRANULE_SIZE, 0);
	X0(t_call(sim, RMI_RMM_CONFIG_SET_FID, CFG + 8), ERR_INPUT,
	   "DEN0137 2.0 RMI_RMM_CONFIG_SET cfg_align");
	X0(t_call(sim, RMI_RMM_CONFIG_SET_FID, OUTSIDE), ERR_INPUT,
	   "DEN0137 2.0 RMI_RMM_CONFIG_SET cfg_pas: no memory");
	put64(sim, CFG + RMM_CONFIG_TRACKING_REGION_SIZE, 1);
	X0(t_call(sim, RMI_RMM_CONFIG_SET_FID, CFG), ERR_INPUT,
	   "TF-RMM main smc_rmm_config_set(): tracking_region_size must be 0 (1 GiB)");
	put64(sim, CFG + RMM_CONFIG_TRACKING_REGION_SIZE, 0);
	X0(t_call(sim, RMI_RMM_CONFIG_SET_FID, CFG), 0,
	   "DEN0137 2.0 RMI_RMM_CONFIG_SET: SUCCESS with 4 KiB, default tracking");
	put64(sim, CFG2, 0xdead);
	put64(sim, CFG2 + 16, 0xbeef);
	X0(t_call(sim, RMI_RMM_CONFIG_GET_FID, CFG2), 0, "DEN0137 2.0 RMI_RMM_CONFIG_GET: SUCCESS");
	assert_int_equal(get64(sim, CFG2 + 16), 0xbeef); /* TF-RMM main smc_rmm_config_get(): only
							    RmiRmmConfig's 16 bytes are written */
	assert_int_equal(get64(sim, CFG2 + RMM_CONFIG_TRACKING_REGION_SIZE),
			 0); /* DEN0137 2.0 RMI_RMM_CONFIG_GET: tracking_region_size as set */
	assert_int_equal(
		get64(sim, CFG2 + RMM_CONFIG_RMI_GRANULE_SIZE),
		RMI_GRANULE_SIZE_4KB); /* DEN0137 2.0 RMI_RMM_CONFIG_GET: rmi_granule_size as set */
	X0(t_call(sim, RMI_RMM_CONFIG_GET_FID, CFG2 + 8), ERR_INPUT,
	   "DEN0137 2.0 RMI_RMM_CONFIG_GET cfg_align");
	X0(t_call(sim, RMI_RMM_ACTIVATE_FID), 0, "setup: RMI_RMM_ACTIVATE");
	REG(t_call(sim, RMI_GRANULE_RANGE_DELEGATE_FID, RD, RD + PAGE), 1, RD + PAGE,
	    "setup: RMI_GRANULE_RANGE_DELEGATE RD");
	X0(t_call(sim, RMI_RMM_CONFIG_GET_FID, RD), ERR_INPUT,
	   "DEN0137 2.0 RMI_RMM_CONFIG_GET cfg_pas: a delegated granule");
	smcsim_destroy(sim);
}

/* ---- 2.0 SRO donate flow (DEN0137 2.0 SROs; Linux rmi_sro_memxfer_execute) --------------------
 */

static void write_list(struct smcsim *sim, uint64_t first, unsigned int n, uint64_t state)
{
	zero_page(sim, LIST);
	for (unsigned int i = 0; i < n; i++)
		put64(sim, LIST + 8 * i, (first + (uint64_t)i * PAGE) | state);
}

/* RMM_ACTIVATE asking for 16 granules: INCOMPLETE with memreq DONATE and can-cancel, x2 the
 * request (count << 2, UNDELEGATED); OP_MEM_DONATE → INCOMPLETE x1 = taken; OP_CONTINUE asks
 * for the rest, then completes with SUCCESS (fake_host REC_CREATE: x2 = 0x40, x1 = 16). */
static void sro_donate(void **state)
{
	struct smcsim *sim = v2(RMI_PATCH("\"activate_granules\":16"));
	struct smcsim_regs r = t_call(sim, RMI_RMM_ACTIVATE_FID);
	t_assert_reg(r, 0, 0x50D,
		     "DEN0137 2.0 RMI_RMM_ACTIVATE: INCOMPLETE | DONATE << 8 | CAN_CANCEL");
	uint64_t h = r.x[1];
	t_assert_reg(r, 2, 0x20040, "DEN0137 2.0 RMI_RMM_ACTIVATE: 16 undelegated 4K granules");
	X0(t_call(sim, RMI_REALM_CREATE_FID, RD, PARAMS), ERR_GLOBAL,
	   "DEN0137 2.0 RMI_REALM_CREATE: ERROR_GLOBAL while activation is INCOMPLETE");
	X0(t_call(sim, RMI_RMM_ACTIVATE_FID), ERR_GLOBAL,
	   "DEN0137 2.0 RMI_RMM_ACTIVATE: ERROR_GLOBAL when not in INIT");

	write_list(sim, DONATE, 10, RMI_ADDR_DESC_UNDELEGATED);
	X0(t_call(sim, RMI_OP_MEM_DONATE_FID, h + 1, LIST, 10), ERR_INPUT,
	   "DEN0137 2.0 RMI_OP_MEM_DONATE: bad handle");
	r = t_call(sim, RMI_OP_MEM_DONATE_FID, h, LIST, 10);
	t_assert_reg(r, 0, RMI_INCOMPLETE,
		     "DEN0137 2.0 RMI_OP_MEM_DONATE: donated, memreq NONE: continue");
	t_assert_reg(r, 1, 10, "DEN0137 2.0 RMI_OP_MEM_DONATE: 10 taken");
	assert_int_equal(gstate(sim, DONATE),
			 RMM_GRANULE_INTERNAL); /* DEN0137 2.0 RMI_OP_MEM_DONATE: donated granule
						   becomes RMM-internal */
	assert_int_equal(emu_granule(sim, DONATE)->pas,
			 EMU_PAS_REALM); /* DEN0137 2.0 RMI_OP_MEM_DONATE: donated granule in the
					    Realm PAS */
	r = t_call(sim, RMI_OP_CONTINUE_FID, h, 0);
	t_assert_reg(r, 0, 0x50D, "DEN0137 2.0 RMI_OP_CONTINUE: still 6 short: DONATE again");
	t_assert_reg(r, 1, h, "DEN0137 2.0 RMI_OP_CONTINUE: same handle");
	t_assert_reg(r, 2, 0x20018, "DEN0137 2.0 RMI_OP_CONTINUE: 6 granules");
	write_list(sim, DONATE + 10 * PAGE, 6, 0);
	X0(t_call(sim, RMI_OP_MEM_DONATE_FID, h, LIST, 6), ERR_INPUT,
	   "DEN0137 2.0 RMI_OP_MEM_DONATE: entry state DELEGATED, request UNDELEGATED");
	write_list(sim, DONATE + 10 * PAGE, 8, RMI_ADDR_DESC_UNDELEGATED);
	r = t_call(sim, RMI_OP_MEM_DONATE_FID, h, LIST, 8);
	t_assert_reg(r, 1, 6, "DEN0137 2.0 RMI_OP_MEM_DONATE: takes only what it still needs");
	assert_int_equal(gstate(sim, DONATE + 16 * PAGE),
			 RMM_GRANULE_NS); /* DEN0137 2.0 RMI_OP_MEM_DONATE: granules beyond the need
					     stay NS */
	X0(t_call(sim, RMI_OP_CONTINUE_FID, h, 0), 0,
	   "DEN0137 2.0 RMI_OP_CONTINUE: activation complete");
	X0(t_call(sim, RMI_OP_CONTINUE_FID, h, 0), ERR_INPUT,
	   "DEN0137 2.0 RMI_OP_CONTINUE: SRO gone");
	REG(t_call(sim, RMI_GRANULE_RANGE_DELEGATE_FID, RD, RD + PAGE), 1, RD + PAGE,
	    "DEN0137 2.0 RMI_RMM_ACTIVATE: ACTIVE after the SRO completes");
	REG(t_call(sim, RMI_GRANULE_RANGE_UNDELEGATE_FID, DONATE, DONATE + PAGE), 0, ERR_INPUT,
	    "DEN0137 2.0 RMI_GRANULE_RANGE_UNDELEGATE: RMM-owned granule cannot be undelegated");
	smcsim_destroy(sim);
}

/* OP_CANCEL on a cancellable SRO: no effect; the donated memory goes back, RMM in INIT. */
static void sro_cancel(void **state)
{
	struct smcsim *sim = v2(RMI_PATCH("\"activate_granules\":4"));
	uint64_t h = t_call(sim, RMI_RMM_ACTIVATE_FID).x[1];
	write_list(sim, DONATE, 2, RMI_ADDR_DESC_UNDELEGATED);
	REG(t_call(sim, RMI_OP_MEM_DONATE_FID, h, LIST, 2), 1, 2,
	    "DEN0137 2.0 RMI_OP_MEM_DONATE: 2 taken");
	X0(t_call(sim, RMI_OP_CANCEL_FID, h), 0, "DEN0137 2.0 RMI_OP_CANCEL: cancelled");
	assert_int_equal(gstate(sim, DONATE),
			 RMM_GRANULE_NS); /* DEN0137 2.0 RMI_OP_CANCEL: donated memory goes back */
	assert_int_equal(
		emu_granule(sim, DONATE)->pas,
		EMU_PAS_NS); /* DEN0137 2.0 RMI_OP_CANCEL: donated memory back in the NS PAS */
	X0(t_call(sim, RMI_OP_CANCEL_FID, h), ERR_GLOBAL,
	   "TF-RMM main handle_ns_smc(): back in INIT, OP_CANCEL needs ACTIVE");
	REG(t_call(sim, RMI_RMM_ACTIVATE_FID), 0, 0x50D,
	    "DEN0137 2.0 RMI_RMM_ACTIVATE: INIT again: activate restarts");
	smcsim_destroy(sim);
}

/* ---- GRANULE_RANGE_(UN)DELEGATE (TF-RMM main smc_granule_range_delegate) ------------------ */

static void range_delegate(void **state)
{
	struct smcsim *sim = v2_active(RMI_PATCH("\"range_limit\":4"));
	struct smcsim_regs r = t_call(sim, RMI_GRANULE_RANGE_DELEGATE_FID, RANGE, RANGE + 6 * PAGE);
	t_assert_reg(r, 0, 0, "DEN0137 2.0 RMI_GRANULE_RANGE_DELEGATE: SUCCESS with progress");
	t_assert_reg(
		r, 1, RANGE + 4 * PAGE,
		"DEN0137 2.0 RMI_GRANULE_RANGE_DELEGATE: per-call limit (profile range_limit 4)");
	assert_int_equal(gstate(sim, RANGE + 3 * PAGE),
			 RMM_GRANULE_DELEGATED); /* DEN0137 2.0 RMI_GRANULE_RANGE_DELEGATE: below x1
						    DELEGATED */
	assert_int_equal(
		gstate(sim, RANGE + 4 * PAGE),
		RMM_GRANULE_NS); /* DEN0137 2.0 RMI_GRANULE_RANGE_DELEGATE: from x1 on still NS */
	r = t_call(sim, RMI_GRANULE_RANGE_DELEGATE_FID, RANGE + 4 * PAGE, RANGE + 6 * PAGE);
	t_assert_reg(r, 1, RANGE + 6 * PAGE,
		     "DEN0137 2.0 RMI_GRANULE_RANGE_DELEGATE: the host continues at x1 until top");
	r = t_call(sim, RMI_GRANULE_RANGE_DELEGATE_FID, RANGE + 2 * PAGE, RANGE + 8 * PAGE);
	t_assert_reg(r, 0, ERR_INPUT,
		     "TF-RMM main smc_granule_range_delegate(): a granule already DELEGATED is no "
		     "progress: ERROR_INPUT");
	t_assert_reg(r, 1, RANGE + 2 * PAGE,
		     "TF-RMM main smc_granule_range_delegate(): x1 = base on ERROR_INPUT");

	/* Stop rule: an RD in the middle stops the walk; the error comes on the next call. */
	realm_params(sim, RANGE + PAGE);
	X0(t_call(sim, RMI_REALM_CREATE_FID, RANGE, PARAMS), 0,
	   "setup: RMI_REALM_CREATE, RD at RANGE");
	r = t_call(sim, RMI_GRANULE_RANGE_UNDELEGATE_FID, RANGE + 2 * PAGE, RANGE + 6 * PAGE);
	t_assert_reg(r, 1, RANGE + 6 * PAGE, "setup: RMI_GRANULE_RANGE_UNDELEGATE 4 granules");
	r = t_call(sim, RMI_GRANULE_RANGE_DELEGATE_FID, RANGE - 2 * PAGE, RANGE + 2 * PAGE);
	t_assert_reg(r, 0, 0, "DEN0137 2.0 RMI_GRANULE_RANGE_DELEGATE: prefix delegated");
	t_assert_reg(r, 1, RANGE, "DEN0137 2.0 RMI_GRANULE_RANGE_DELEGATE: stops at the RD");
	r = t_call(sim, RMI_GRANULE_RANGE_DELEGATE_FID, RANGE, RANGE + 2 * PAGE);
	t_assert_reg(r, 0, ERR_INPUT,
		     "DEN0137 2.0 RMI_GRANULE_RANGE_DELEGATE: no progress at all: error");
	t_assert_reg(r, 1, RANGE, "DEN0137 2.0 RMI_GRANULE_RANGE_DELEGATE: x1 = base");
	r = t_call(sim, RMI_GRANULE_RANGE_UNDELEGATE_FID, RANGE + PAGE, RANGE + 2 * PAGE);
	t_assert_reg(r, 0, ERR_INPUT,
		     "DEN0137 2.0 RMI_GRANULE_RANGE_UNDELEGATE: undelegate a root RTT: error");

	/* Input checks and the end of memory. */
	X0(t_call(sim, RMI_GRANULE_RANGE_DELEGATE_FID, RANGE + 8, RANGE + PAGE), ERR_INPUT,
	   "DEN0137 2.0 RMI_GRANULE_RANGE_DELEGATE base_align");
	X0(t_call(sim, RMI_GRANULE_RANGE_DELEGATE_FID, RANGE, RANGE), ERR_INPUT,
	   "DEN0137 2.0 RMI_GRANULE_RANGE_DELEGATE size_valid: top <= base");
	X0(t_call(sim, RMI_GRANULE_RANGE_DELEGATE_FID, OUTSIDE, OUTSIDE + PAGE), ERR_INPUT,
	   "DEN0137 2.0 RMI_GRANULE_RANGE_DELEGATE: outside memory");
	r = t_call(sim, RMI_GRANULE_RANGE_DELEGATE_FID, DRAM_END - 2 * PAGE, DRAM_END + 2 * PAGE);
	t_assert_reg(r, 1, DRAM_END,
		     "DEN0137 2.0 RMI_GRANULE_RANGE_DELEGATE: stops at the end of DRAM");
	REG(t_call(sim, RMI_GRANULE_RANGE_UNDELEGATE_FID, DRAM_END - 2 * PAGE, DRAM_END), 1,
	    DRAM_END, "DEN0137 2.0 RMI_GRANULE_RANGE_UNDELEGATE: SUCCESS up to the end of DRAM");
	assert_int_equal(
		emu_granule(sim, DRAM_END - PAGE)->pas,
		EMU_PAS_NS); /* DEN0137 2.0 RMI_GRANULE_RANGE_UNDELEGATE: back in the NS PAS */
	smcsim_destroy(sim);
}

/*
 * The largest legal ranges: top = the last granule address of the 64-bit space. x1 is
 * what the rules give, whatever the range's size: the walk stops at the first granule
 * that cannot progress (unbacked memory included) and at the 1 GiB tracking-region
 * boundary (TF-RMM main granule_delegate_start()); no range_limit here.
 */
static void range_delegate_huge(void **state)
{
	(void)state;
	const uint64_t max = ~(uint64_t)(PAGE - 1);
	struct smcsim *sim = v2_active(NULL);
	struct smcsim_regs r = t_call(sim, RMI_GRANULE_RANGE_DELEGATE_FID, 0, max);
	t_assert_reg(r, 0, ERR_INPUT,
		     "DEN0137 2.0 RMI_GRANULE_RANGE_DELEGATE: IPA 0 is not memory: no progress");
	t_assert_reg(r, 1, 0, "DEN0137 2.0 RMI_GRANULE_RANGE_DELEGATE: x1 = base");
	r = t_call(sim, RMI_GRANULE_RANGE_DELEGATE_FID, DRAM_END - 16 * PAGE, max);
	t_assert_reg(r, 0, 0, "DEN0137 2.0 RMI_GRANULE_RANGE_DELEGATE: SUCCESS to the top");
	t_assert_reg(r, 1, DRAM_END,
		     "DEN0137 2.0 RMI_GRANULE_RANGE_DELEGATE: stops at the end of DRAM (inside "
		     "its 1 GiB tracking region)");
	r = t_call(sim, RMI_GRANULE_RANGE_DELEGATE_FID, DRAM_END, max);
	t_assert_reg(r, 0, ERR_INPUT,
		     "DEN0137 2.0 RMI_GRANULE_RANGE_DELEGATE: from the end of DRAM: no progress");
	r = t_call(sim, RMI_GRANULE_RANGE_DELEGATE_FID, max - PAGE, max);
	t_assert_reg(r, 0, ERR_INPUT,
		     "DEN0137 2.0 RMI_GRANULE_RANGE_DELEGATE: the last granules of the address "
		     "space are not memory");
	r = t_call(sim, RMI_GRANULE_RANGE_UNDELEGATE_FID, DRAM_END - 16 * PAGE, max);
	t_assert_reg(r, 0, 0, "DEN0137 2.0 RMI_GRANULE_RANGE_UNDELEGATE: SUCCESS to the top");
	t_assert_reg(r, 1, DRAM_END,
		     "DEN0137 2.0 RMI_GRANULE_RANGE_UNDELEGATE: stops at the end of DRAM");
	X0(t_call(sim, RMI_GRANULE_TRACKING_GET_FID, 0, max), ERR_INPUT,
	   "TF-RMM main smc_granule_tracking_get(): end above the PA width: ERROR_INPUT");
	const uint64_t top_pa = (UINT64_C(1) << 48) - PAGE; /* FEATURES0.S2SZ 48 */
	r = t_call(sim, RMI_GRANULE_TRACKING_GET_FID, RANGE, top_pa);
	t_assert_reg(r, 1, RMI_MEM_CATEGORY_CONVENTIONAL,
		     "DEN0137 2.0 RMI_GRANULE_TRACKING_GET: DRAM conventional");
	t_assert_reg(r, 3, top_pa, "TF-RMM main smc_granule_tracking_get(): x3 = end as passed");
	r = t_call(sim, RMI_GRANULE_TRACKING_GET_FID, DRAM_END, top_pa);
	t_assert_reg(r, 2, RMI_TRACKING_NONE,
		     "DEN0137 2.0 RMI_GRANULE_TRACKING_GET: nothing tracked above DRAM");
	t_assert_reg(r, 3, top_pa, "TF-RMM main smc_granule_tracking_get(): x3 = end as passed");
	smcsim_destroy(sim);
}

/* GRANULE_TRACKING_GET, TF-RMM main smc_granule_tracking_get(): the granule at start decides;
 * DRAM is conventional and fine-tracked (what Linux rmi_init_metadata() requires), anything
 * else conventional and untracked; x3 = end as passed. */
static void tracking_get(void **state)
{
	struct smcsim *sim = v2(NULL);
	struct smcsim_regs r = t_call(sim, RMI_GRANULE_TRACKING_GET_FID, 0x80000000u, 0xA0000000u);
	t_assert_reg(r, 0, 0, "TF-RMM main handle_ns_smc(): GRANULE_TRACKING_GET SUCCESS in INIT");
	t_assert_reg(r, 1, RMI_MEM_CATEGORY_CONVENTIONAL,
		     "DEN0137 2.0 RMI_GRANULE_TRACKING_GET: conventional");
	t_assert_reg(r, 2, RMI_TRACKING_FINE, "DEN0137 2.0 RMI_GRANULE_TRACKING_GET: fine");
	t_assert_reg(r, 3, 0xA0000000u,
		     "TF-RMM main smc_granule_tracking_get(): x3 = end as passed, past DRAM too");
	r = t_call(sim, RMI_GRANULE_TRACKING_GET_FID, 0x1000, 0x90000000u);
	t_assert_reg(r, 1, RMI_MEM_CATEGORY_CONVENTIONAL,
		     "TF-RMM main smc_granule_tracking_get(): untracked memory is CONVENTIONAL");
	t_assert_reg(r, 2, RMI_TRACKING_NONE, "DEN0137 2.0 RMI_GRANULE_TRACKING_GET: untracked");
	t_assert_reg(r, 3, 0x90000000u, "TF-RMM main smc_granule_tracking_get(): x3 = end");
	X0(t_call(sim, RMI_GRANULE_TRACKING_GET_FID, 0x80000008u, 0x80002000u), ERR_INPUT,
	   "DEN0137 2.0 RMI_GRANULE_TRACKING_GET: unaligned start ERROR_INPUT");
	X0(t_call(sim, RMI_GRANULE_TRACKING_GET_FID, 0x80002000u, 0x80002000u), ERR_INPUT,
	   "DEN0137 2.0 RMI_GRANULE_TRACKING_GET: empty range");
	X0(t_call(sim, RMI_GRANULE_TRACKING_GET_FID, 0x80002000u, 0x80001000u), ERR_INPUT,
	   "TF-RMM main smc_granule_tracking_get(): start > end");
	X0(t_call(sim, RMI_GRANULE_TRACKING_GET_FID, UINT64_C(1) << 48, (UINT64_C(1) << 48) + PAGE),
	   ERR_INPUT, "TF-RMM main smc_granule_tracking_get(): start above the PA width");
	smcsim_destroy(sim);
}

/* ---- REALM_TERMINATE / REALM_DESTROY (TF-RMM main: destroy after terminate) -------------- */

static void terminate_destroy(void **state)
{
	struct smcsim *sim = v2_active(NULL);
	REG(t_call(sim, RMI_GRANULE_RANGE_DELEGATE_FID, RD, RTT2 + PAGE), 1, RTT2 + PAGE,
	    "setup: RMI_GRANULE_RANGE_DELEGATE RD, RTT, RD2, RTT2");
	realm_params(sim, RTT);
	/* The params page's old vmid field is ignored: the RMM allocates distinct VMIDs. */
	put64(sim, PARAMS + RMI_REALM_PARAMS_VMID, 7);
	X0(t_call(sim, RMI_REALM_CREATE_FID, RD, PARAMS), 0,
	   "DEN0137 2.0 RMI_REALM_CREATE: SUCCESS, realm 1");
	put64(sim, PARAMS + RMI_REALM_PARAMS_RTT_BASE, RTT2);
	X0(t_call(sim, RMI_REALM_CREATE_FID, RD2, PARAMS), 0,
	   "DEN0137 2.0 RMI_REALM_CREATE: no vmid field, realm 2 with the same bytes succeeds");

	X0(t_call(sim, RMI_REALM_DESTROY_FID, RD), ERR_REALM,
	   "DEN0137 2.0 RMI_REALM_DESTROY realm_state: destroy needs terminate");
	X0(t_call(sim, RMI_REALM_TERMINATE_FID, RTT), ERR_INPUT,
	   "DEN0137 2.0 RMI_REALM_TERMINATE rd_state: an RTT");
	X0(t_call(sim, RMI_REALM_TERMINATE_FID, RD + 8), ERR_INPUT,
	   "DEN0137 2.0 RMI_REALM_TERMINATE rd_align");
	X0(t_call(sim, RMI_REALM_TERMINATE_FID, RD), 0, "DEN0137 2.0 RMI_REALM_TERMINATE: SUCCESS");
	X0(t_call(sim, RMI_REALM_TERMINATE_FID, RD), 0,
	   "TF-RMM main smc_realm_terminate(): from any state, terminated already included");
	X0(t_call(sim, RMI_REALM_ACTIVATE_FID, RD), ERR_REALM,
	   "DEN0137 2.0 RMI_REALM_ACTIVATE realm_state: no longer NEW");
	X0(t_call(sim, RMI_REALM_DESTROY_FID, RD), 0,
	   "DEN0137 2.0 RMI_REALM_DESTROY: SUCCESS after terminate");
	assert_int_equal(
		gstate(sim, RD),
		RMM_GRANULE_DELEGATED); /* DEN0137 2.0 RMI_REALM_DESTROY: rd becomes DELEGATED */
	assert_int_equal(gstate(sim, RTT), RMM_GRANULE_DELEGATED); /* DEN0137 2.0 RMI_REALM_DESTROY:
								      root RTT becomes DELEGATED */
	X0(t_call(sim, RMI_REALM_TERMINATE_FID, RD), ERR_INPUT,
	   "DEN0137 2.0 RMI_REALM_TERMINATE rd_state: gone");
	smcsim_destroy(sim);
}

int main(void)
{
	const struct CMUnitTest version[] = {
		cmocka_unit_test(version_rel0),
		cmocka_unit_test(version_eac5),
		cmocka_unit_test(version_1_1),
		cmocka_unit_test(version_2_0),
	};
	const struct CMUnitTest features[] = {
		cmocka_unit_test(features_eac5),
		cmocka_unit_test(features_1_1),
		cmocka_unit_test(features_2_0),
	};
	const struct CMUnitTest command_sets[] = {
		cmocka_unit_test(removed_calls_2_0),
		cmocka_unit_test(removed_calls_served_2_0_1_0),
		cmocka_unit_test(v2_calls_absent_in_1_x),
		cmocka_unit_test(no_rmm),
	};
	const struct CMUnitTest v2_calls[] = {
		cmocka_unit_test(global_state),	  cmocka_unit_test(config_set_get),
		cmocka_unit_test(sro_donate),	  cmocka_unit_test(sro_cancel),
		cmocka_unit_test(range_delegate), cmocka_unit_test(range_delegate_huge),
		cmocka_unit_test(tracking_get),	  cmocka_unit_test(terminate_destroy),
	};
	int fails = 0;
	fails += cmocka_run_group_tests_name("RMI_VERSION", version, NULL, NULL);
	fails += cmocka_run_group_tests_name("RMI_FEATURES", features, NULL, NULL);
	fails += cmocka_run_group_tests_name("command sets", command_sets, NULL, NULL);
	fails += cmocka_run_group_tests_name("RMI 2.0", v2_calls, NULL, NULL);
	return fails ? 1 : 0;
}
