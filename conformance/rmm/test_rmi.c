/* SPDX-License-Identifier: MIT */
/*
 * RMI 1.0-rel0 (DEN0137) command tests in the RMM ACS manner: each failure condition is
 * provoked alone and must return exactly its (status, index); then a valid call succeeds
 * and its effect is observed. Failure-condition labels are DEN0137's.
 */
#include <string.h>

#include "conformance/common/smcsim_test.h"
#include "rmm_model/attest.h"
#include "rmm_model/rmm.h"

#define PARAMS 0x80100000u
#define RD     0x80200000u
#define RTT    0x80201000u
#define RD2    0x80300000u
#define RTT2   0x80301000u
/* Two root RTTs aligned to their 8 KiB (DEN0137 1.0 B4.3.9 rtt_align). */
#define RTT_PAIR   0x80204000u
#define RTT2_PAIR  0x80302000u
#define OUTSIDE	   0x90000000u
#define SECURE	   0x0e000000u
#define REC_PARAMS 0x80110000u
#define REC	   0x80400000u
#define AUX	   0x80410000u /* 16 aux granules from here */
#define REC1	   0x80500000u
#define AUX1	   0x80510000u

#define ERR_INPUT rmi_ret(RMI_ERROR_INPUT, 0)
#define ERR_REALM rmi_ret(RMI_ERROR_REALM, 0)

struct params {
	uint64_t flags, s2sz, num_bps, num_wps, pmu, hash, vmid, rtt_base, num_start;
	int64_t level;
};

static const struct params valid = {
	.s2sz = 48,
	.num_bps = 1,
	.num_wps = 1,
	.hash = 0,
	.vmid = 1,
	.rtt_base = RTT,
	.level = 0,
	.num_start = 1,
};

static void put64(struct smcsim *sim, uint64_t pa, uint64_t v)
{
	assert_int_equal(smcsim_mem_write(sim, pa, &v, 8), 0); /* setup: host memory access */
}

static void write_params(struct smcsim *sim, uint64_t at, const struct params *p)
{
	uint8_t zero[4096] = { 0 };
	assert_int_equal(smcsim_mem_write(sim, at, zero, sizeof(zero)),
			 0); /* setup: host memory access */
	put64(sim, at + RMI_REALM_PARAMS_FLAGS, p->flags);
	put64(sim, at + RMI_REALM_PARAMS_S2SZ, p->s2sz);
	put64(sim, at + RMI_REALM_PARAMS_NUM_BPS, p->num_bps);
	put64(sim, at + RMI_REALM_PARAMS_NUM_WPS, p->num_wps);
	put64(sim, at + RMI_REALM_PARAMS_PMU_NUM_CTRS, p->pmu);
	put64(sim, at + RMI_REALM_PARAMS_HASH_ALGO, p->hash);
	uint16_t vmid = (uint16_t)p->vmid;
	assert_int_equal(smcsim_mem_write(sim, at + RMI_REALM_PARAMS_VMID, &vmid, 2),
			 0); /* setup: host memory access */
	put64(sim, at + RMI_REALM_PARAMS_RTT_BASE, p->rtt_base);
	put64(sim, at + RMI_REALM_PARAMS_RTT_LEVEL_START, (uint64_t)p->level);
	put64(sim, at + RMI_REALM_PARAMS_RTT_NUM_START, p->num_start);
}

static uint64_t rmi(struct smcsim *sim, uint32_t fid, uint64_t a1, uint64_t a2)
{
	struct smcsim_regs r = t_call(sim, fid, a1, a2);
	return r.x[0];
}

static int gstate(struct smcsim *sim, uint64_t pa)
{
	return rmm_gstate(sim, pa)->state;
}

static struct smcsim *host(void)
{
	return t_machine("cca-host", NULL);
}

/* Delegate RD and its root RTTs, write valid params. */
static struct smcsim *ready(void)
{
	struct smcsim *sim = host();
	write_params(sim, PARAMS, &valid);
	assert_int_equal(rmi(sim, RMI_GRANULE_DELEGATE_FID, RD, 0),
			 0); /* setup: RMI_GRANULE_DELEGATE */
	assert_int_equal(rmi(sim, RMI_GRANULE_DELEGATE_FID, RTT, 0),
			 0); /* setup: RMI_GRANULE_DELEGATE */
	return sim;
}

/* TF-RMM runtime/rmi/system.c @rel0: x1 = x2 = 1.0; other requests ERROR_INPUT. */
static void version(void **state)
{
	struct smcsim *sim = host();
	struct smcsim_regs r = t_call(sim, RMI_VERSION_FID, 0x10000);
	t_assert_reg(r, 0, 0, "DEN0137 RMI_VERSION: SUCCESS");
	t_assert_reg(r, 1, 0x10000, "DEN0137 RMI_VERSION: lower = 1.0");
	t_assert_reg(r, 2, 0x10000, "DEN0137 RMI_VERSION: higher = 1.0");
	r = t_call(sim, RMI_VERSION_FID, 0x10001);
	t_assert_reg(r, 0, ERR_INPUT, "TF-RMM rel0 smc_version(): unsupported request ERROR_INPUT");
	t_assert_reg(r, 1, 0x10000, "TF-RMM rel0 smc_version(): lower still 1.0 on ERROR_INPUT");
	r = t_call(sim, RMI_VERSION_FID | 0x10000, 0x20000);
	t_assert_reg(r, 0, ERR_INPUT,
		     "TF-RMM rel0 smc_version(): 2.0 request ERROR_INPUT; SMCCC 1.3 SVE hint bit "
		     "16 ignored");
	smcsim_destroy(sim);
	/* No RMM on the machine: every RMI ID is unknown (Linux checks == NOT_SUPPORTED). */
	sim = t_machine("tfa-host", NULL);
	r = t_call(sim, RMI_VERSION_FID, 0x10000);
	t_assert_reg(r, 0, UINT64_MAX,
		     "DEN0137 RMI_VERSION: no RMM, so SMCCC unknown function: SMC_UNKNOWN");
	smcsim_destroy(sim);
}

/* DEN0137 RMI_FEATURES: register 0 is defined; other indices read as zero. */
static void features(void **state)
{
	struct smcsim *sim = host();
	struct smcsim_regs r = t_call(sim, RMI_FEATURES_FID, 0);
	t_assert_reg(r, 0, 0, "DEN0137 RMI_FEATURES: SUCCESS");
	t_assert_reg(r, 1, UINT64_C(0x283FC104130),
		     "DEN0137 RMI_FEATURES: cca-host reg0 (RmiFeatureRegister0)");
	r = t_call(sim, RMI_FEATURES_FID, 1);
	t_assert_reg(
		r, 1, 0,
		"DEN0137 RMI_FEATURES: reg1 zero in 1.0 (TF-RMM rel0 smc_read_feature_register())");
	smcsim_destroy(sim);
}

static void granule_delegate(void **state)
{
	struct smcsim *sim = host();
	assert_int_equal(rmi(sim, RMI_GRANULE_DELEGATE_FID, RD + 8, 0),
			 ERR_INPUT); /* DEN0137 RMI_GRANULE_DELEGATE gran_align */
	assert_int_equal(rmi(sim, RMI_GRANULE_DELEGATE_FID, OUTSIDE, 0),
			 ERR_INPUT); /* DEN0137 RMI_GRANULE_DELEGATE gran_bound */
	assert_int_equal(rmi(sim, RMI_GRANULE_DELEGATE_FID, 0x1000, 0),
			 ERR_INPUT); /* DEN0137 RMI_GRANULE_DELEGATE gran_bound */
	/* gran_pas: memory the GPT gives to the Secure PAS (cca-host's el3-sram). */
	assert_int_equal(rmi(sim, RMI_GRANULE_DELEGATE_FID, SECURE, 0),
			 ERR_INPUT); /* DEN0137 RMI_GRANULE_DELEGATE gran_pas */
	assert_int_equal(emu_granule(sim, SECURE)->pas,
			 EMU_PAS_SECURE); /* DEN0137 RMI_GRANULE_DELEGATE gran_pas: the Secure
					     granule stays Secure */
	/* Success: DELEGATED, Realm PAS, contents scrubbed. */
	put64(sim, RD, 0x1234);
	assert_int_equal(rmi(sim, RMI_GRANULE_DELEGATE_FID, RD, 0),
			 0); /* DEN0137 RMI_GRANULE_DELEGATE: SUCCESS */
	assert_int_equal(gstate(sim, RD), RMM_GRANULE_DELEGATED); /* DEN0137 RMI_GRANULE_DELEGATE:
								     granule becomes DELEGATED */
	assert_int_equal(
		emu_granule(sim, RD)->pas,
		EMU_PAS_REALM); /* DEN0137 RMI_GRANULE_DELEGATE: granule moves to the Realm PAS */
	uint64_t v;
	assert_int_equal(smcsim_mem_read(sim, RD, &v, 8), 0); /* setup: host memory access */
	assert_int_equal(v, 0); /* DEN0137 RMI_GRANULE_DELEGATE: contents scrubbed */
	assert_int_equal(rmi(sim, RMI_GRANULE_DELEGATE_FID, RD, 0),
			 ERR_INPUT); /* DEN0137 RMI_GRANULE_DELEGATE gran_state */
	smcsim_destroy(sim);
}

static void granule_undelegate(void **state)
{
	struct smcsim *sim = ready();
	assert_int_equal(rmi(sim, RMI_GRANULE_UNDELEGATE_FID, RD + 1, 0),
			 ERR_INPUT); /* DEN0137 RMI_GRANULE_UNDELEGATE gran_align */
	assert_int_equal(rmi(sim, RMI_GRANULE_UNDELEGATE_FID, OUTSIDE, 0),
			 ERR_INPUT); /* DEN0137 RMI_GRANULE_UNDELEGATE gran_bound */
	assert_int_equal(rmi(sim, RMI_GRANULE_UNDELEGATE_FID, PARAMS, 0),
			 ERR_INPUT); /* DEN0137 RMI_GRANULE_UNDELEGATE gran_state: NS */
	assert_int_equal(rmi(sim, RMI_REALM_CREATE_FID, RD, PARAMS),
			 0); /* setup: RMI_REALM_CREATE */
	/* gran_state: a live RD or RTT cannot be undelegated (TF-RMM fake_host). */
	assert_int_equal(rmi(sim, RMI_GRANULE_UNDELEGATE_FID, RD, 0),
			 ERR_INPUT); /* DEN0137 RMI_GRANULE_UNDELEGATE gran_state */
	assert_int_equal(rmi(sim, RMI_GRANULE_UNDELEGATE_FID, RTT, 0),
			 ERR_INPUT); /* DEN0137 RMI_GRANULE_UNDELEGATE gran_state */
	assert_int_equal(rmi(sim, RMI_GRANULE_DELEGATE_FID, RD2, 0),
			 0); /* setup: RMI_GRANULE_DELEGATE */
	assert_int_equal(rmi(sim, RMI_GRANULE_UNDELEGATE_FID, RD2, 0),
			 0); /* DEN0137 RMI_GRANULE_UNDELEGATE: SUCCESS */
	assert_int_equal(
		gstate(sim, RD2),
		RMM_GRANULE_NS); /* DEN0137 RMI_GRANULE_UNDELEGATE: granule becomes UNDELEGATED */
	assert_int_equal(
		emu_granule(sim, RD2)->pas,
		EMU_PAS_NS); /* DEN0137 RMI_GRANULE_UNDELEGATE: granule moves to the NS PAS */
	smcsim_destroy(sim);
}

static void expect_create_fails(const struct params *p, const char *cond)
{
	struct smcsim *sim = ready();
	write_params(sim, PARAMS, p);
	uint64_t x0 = rmi(sim, RMI_REALM_CREATE_FID, RD, PARAMS);
	if (x0 != ERR_INPUT)
		fail_msg("REALM_CREATE %s: x0 = 0x%llx, expected ERROR_INPUT", cond,
			 (unsigned long long)
				 x0); /* DEN0137 B4.3.9 RMI_REALM_CREATE: the condition in cond */
	/* Nothing changed. */
	assert_int_equal(gstate(sim, RD),
			 RMM_GRANULE_DELEGATED); /* DEN0137 B4.3.9 RMI_REALM_CREATE: failure changes
						    nothing */
	assert_int_equal(gstate(sim, RTT),
			 RMM_GRANULE_DELEGATED); /* DEN0137 B4.3.9 RMI_REALM_CREATE: failure changes
						    nothing */
	smcsim_destroy(sim);
}

static void realm_create_params(void **state)
{
	struct smcsim *sim = ready();
	assert_int_equal(rmi(sim, RMI_REALM_CREATE_FID, RD, PARAMS + 8),
			 ERR_INPUT); /* DEN0137 B4.3.9 RMI_REALM_CREATE params_align */
	assert_int_equal(rmi(sim, RMI_REALM_CREATE_FID, RD, OUTSIDE),
			 ERR_INPUT); /* DEN0137 B4.3.9 RMI_REALM_CREATE params_bound */
	assert_int_equal(rmi(sim, RMI_REALM_CREATE_FID, RD, RTT),
			 ERR_INPUT); /* DEN0137 B4.3.9 RMI_REALM_CREATE params_pas */
	/* params_pas: a Secure granule (cca-host's el3-sram). */
	assert_int_equal(rmi(sim, RMI_REALM_CREATE_FID, RD, SECURE),
			 ERR_INPUT); /* DEN0137 B4.3.9 RMI_REALM_CREATE params_pas */
	smcsim_destroy(sim);

	struct params p;
	p = valid, p.s2sz = 31, expect_create_fails(&p, "params_valid: s2sz < 32");
	p = valid, p.s2sz = 49, expect_create_fails(&p, "params_supp: s2sz > S2SZ without LPA2");
	p = valid, p.hash = 2, expect_create_fails(&p, "params_valid: hash_algo");
	p = valid, p.num_bps = 0, expect_create_fails(&p, "params_valid: num_bps 0");
	p = valid, p.num_wps = 7, expect_create_fails(&p, "params_supp: num_wps > feature");
	p = valid, p.flags = RMI_REALM_FLAG_SVE,
	expect_create_fails(&p, "params_supp: SVE not supported");
	p = valid, p.num_start = 2, expect_create_fails(&p, "params_valid: rtt_num_start");
	p = valid, p.level = 1, p.num_start = 16,
	expect_create_fails(&p, "params_valid: 512 roots at L1");
	p = valid, p.level = -1, expect_create_fails(&p, "params_valid: level -1 without LPA2");
	p = valid, p.vmid = 256, expect_create_fails(&p, "params_valid: vmid wider than 8 bits");
	p = valid, p.rtt_base = RTT + 0x10,
	expect_create_fails(&p, "params_valid: rtt_base unaligned");
	/* DEN0137 1.0 B4.3.9 rtt_align: two concatenated roots must be 8 KiB aligned. */
	p = valid, p.s2sz = 40, p.level = 1, p.num_start = 2,
	expect_create_fails(&p, "rtt_align: 2 roots at a 4 KiB-only aligned base");
	/* TF-RMM rel0 validate_realm_params(): s2sz above FEATURES0.S2SZ (48 on cca-host) is
	 * refused with LPA2 too (level -1 and one root would fit 49 bits). */
	p = valid, p.flags = RMI_REALM_FLAG_LPA2, p.s2sz = 49, p.level = -1,
	expect_create_fails(&p, "params_supp: s2sz > FEATURES0.S2SZ with LPA2");
	/* TF-RMM rel0 validate_realm_params(): a PMU with 0 counters needs FEAT_HPMN0, which
	 * the cca-host platform (TF-RMM fake_host) does not have. */
	p = valid, p.flags = RMI_REALM_FLAG_PMU, p.pmu = 0,
	expect_create_fails(&p, "params_supp: PMU with 0 counters without FEAT_HPMN0");
	p = valid, p.flags = RMI_REALM_FLAG_PMU, p.pmu = 32,
	expect_create_fails(&p, "params_supp: pmu_num_ctrs > FEATURES0.PMU_NUM_CTRS");
}

/* A realm created from @p on a machine patched with @patch: x0 of REALM_CREATE, and its RIM
 * in @rim on success. */
static uint64_t create_with(const struct params *p, const char *patch, uint8_t rim[64])
{
	struct smcsim *sim = t_machine("cca-host", patch);
	write_params(sim, PARAMS, p);
	assert_int_equal(rmi(sim, RMI_GRANULE_DELEGATE_FID, RD, 0),
			 0); /* setup: RMI_GRANULE_DELEGATE */
	for (uint64_t i = 0; i < (uint32_t)p->num_start; i++)
		assert_int_equal(rmi(sim, RMI_GRANULE_DELEGATE_FID, p->rtt_base + 4096 * i, 0),
				 0); /* setup: RMI_GRANULE_DELEGATE */
	uint64_t x0 = rmi(sim, RMI_REALM_CREATE_FID, RD, PARAMS);
	if (x0 == 0)
		memcpy(rim,
		       rmm_realm_find(emu_layer_service(emu_layer_find(sim, "el3"), "rmi"), RD)
			       ->meas[0],
		       64);
	smcsim_destroy(sim);
	return x0;
}

/* The profile's "feat_hpmn0" (DEN0137 1.0 B3.34: which PMU configurations are supported is
 * the implementation's): with FEAT_HPMN0 a PMU with 0 counters is accepted. */
static void realm_create_pmu_hpmn0(void **state)
{
	uint8_t rim[64];
	struct params p = valid;
	p.flags = RMI_REALM_FLAG_PMU, p.pmu = 0;
	assert_int_equal(create_with(&p,
				     "{\"layers\": {\"el3\": {\"services\": {\"rmi\": "
				     "{\"feat_hpmn0\": true}}}}}",
				     rim),
			 0); /* TF-RMM rel0 validate_realm_params(): FEAT_HPMN0 allows 0 PMU
				counters */
	p.pmu = 31;
	assert_int_equal(create_with(&p, NULL, rim),
			 0); /* DEN0137 B4.3.9 RMI_REALM_CREATE: SUCCESS with all 31 counters */
}

/* TF-RMM rel0 struct rmi_realm_params: s2sz, sve_vl, num_bps, num_wps, pmu_num_ctrs and
 * rtt_num_start are 32-bit fields and the hash algorithm an 8-bit one; the upper bits of
 * their 64-bit slots are ignored (DEN0137 1.0 B4.4.12: SBZ, result not stated), and the RIM
 * measures the narrow fields. */
static void realm_create_field_widths(void **state)
{
	uint8_t rim_valid[64], rim_wide[64];
	assert_int_equal(create_with(&valid, NULL, rim_valid),
			 0); /* DEN0137 B4.3.9 RMI_REALM_CREATE: SUCCESS */
	struct params p = valid;
	p.s2sz |= UINT64_C(1) << 32;
	p.num_bps |= UINT64_C(0xff) << 40;
	p.num_start |= UINT64_C(1) << 32;
	p.hash |= 0x100;
	assert_int_equal(create_with(&p, NULL, rim_wide),
			 0); /* TF-RMM rel0 struct rmi_realm_params: upper bits ignored */
	assert_memory_equal(rim_valid, rim_wide,
			    64); /* DEN0137 A7.1.1: the RIM measures the fields as read */
}

static void realm_create_objects(void **state)
{
	struct smcsim *sim = ready();
	struct params p = valid;
	p.rtt_base = RD;
	write_params(sim, PARAMS, &p);
	assert_int_equal(rmi(sim, RMI_REALM_CREATE_FID, RD, PARAMS),
			 ERR_INPUT); /* DEN0137 B4.3.9 RMI_REALM_CREATE alias */
	write_params(sim, PARAMS, &valid);
	assert_int_equal(rmi(sim, RMI_REALM_CREATE_FID, RD + 4, PARAMS),
			 ERR_INPUT); /* DEN0137 B4.3.9 RMI_REALM_CREATE rd_align */
	assert_int_equal(rmi(sim, RMI_REALM_CREATE_FID, OUTSIDE, PARAMS),
			 ERR_INPUT); /* DEN0137 B4.3.9 RMI_REALM_CREATE rd_bound */
	assert_int_equal(rmi(sim, RMI_REALM_CREATE_FID, RD2, PARAMS),
			 ERR_INPUT); /* DEN0137 B4.3.9 RMI_REALM_CREATE rd_state */
	assert_int_equal(rmi(sim, RMI_GRANULE_UNDELEGATE_FID, RTT, 0),
			 0); /* setup: RMI_GRANULE_UNDELEGATE */
	assert_int_equal(rmi(sim, RMI_REALM_CREATE_FID, RD, PARAMS),
			 ERR_INPUT); /* DEN0137 B4.3.9 RMI_REALM_CREATE rtt_state */
	assert_int_equal(rmi(sim, RMI_GRANULE_DELEGATE_FID, RTT, 0),
			 0); /* setup: RMI_GRANULE_DELEGATE */
	/* Success: RD and root RTT change state; a second create of the RD fails. */
	assert_int_equal(rmi(sim, RMI_REALM_CREATE_FID, RD, PARAMS),
			 0); /* DEN0137 B4.3.9 RMI_REALM_CREATE: SUCCESS */
	assert_int_equal(gstate(sim, RD),
			 RMM_GRANULE_RD); /* DEN0137 B4.3.9 RMI_REALM_CREATE: rd becomes RD */
	assert_int_equal(
		gstate(sim, RTT),
		RMM_GRANULE_RTT); /* DEN0137 B4.3.9 RMI_REALM_CREATE: rtt_base becomes RTT */
	assert_int_equal(
		rmm_gstate(sim, RTT)->owner,
		RD); /* DEN0137 B4.3.9 RMI_REALM_CREATE: the root RTT belongs to the realm */
	assert_int_equal(rmi(sim, RMI_REALM_CREATE_FID, RD, PARAMS),
			 ERR_INPUT); /* DEN0137 B4.3.9 RMI_REALM_CREATE rd_state: already an RD */
	/* vmid_free: a second realm may not reuse VMID 1. */
	assert_int_equal(rmi(sim, RMI_GRANULE_DELEGATE_FID, RD2, 0),
			 0); /* setup: RMI_GRANULE_DELEGATE */
	for (int i = 0; i < 2; i++)
		assert_int_equal(
			rmi(sim, RMI_GRANULE_DELEGATE_FID, RTT2_PAIR + (uint64_t)i * 4096, 0),
			0); /* setup: RMI_GRANULE_DELEGATE */
	p = valid, p.rtt_base = RTT2_PAIR, p.s2sz = 40, p.level = 1, p.num_start = 2;
	write_params(sim, PARAMS, &p);
	assert_int_equal(rmi(sim, RMI_REALM_CREATE_FID, RD2, PARAMS),
			 ERR_INPUT); /* DEN0137 B4.3.9 RMI_REALM_CREATE vmid_free */
	p.vmid = 2;
	write_params(sim, PARAMS, &p);
	/* VMSA: a 40-bit IPA space starting at level 1 concatenates two root tables. */
	assert_int_equal(rmi(sim, RMI_REALM_CREATE_FID, RD2, PARAMS),
			 0); /* DEN0137 B4.3.9 RMI_REALM_CREATE: SUCCESS */
	assert_int_equal(gstate(sim, RTT2_PAIR + 4096),
			 RMM_GRANULE_RTT); /* DEN0137 B4.3.9 RMI_REALM_CREATE: rtt_num_start roots
					      become RTT */
	smcsim_destroy(sim);
}

static void realm_activate(void **state)
{
	struct smcsim *sim = ready();
	assert_int_equal(rmi(sim, RMI_REALM_ACTIVATE_FID, RD, 0),
			 ERR_INPUT); /* DEN0137 RMI_REALM_ACTIVATE rd_state */
	assert_int_equal(rmi(sim, RMI_REALM_CREATE_FID, RD, PARAMS),
			 0); /* setup: RMI_REALM_CREATE */
	assert_int_equal(rmi(sim, RMI_REALM_ACTIVATE_FID, RD + 8, 0),
			 ERR_INPUT); /* DEN0137 RMI_REALM_ACTIVATE rd_align */
	assert_int_equal(rmi(sim, RMI_REALM_ACTIVATE_FID, RD, 0),
			 0); /* DEN0137 RMI_REALM_ACTIVATE: SUCCESS */
	assert_int_equal(
		rmm_realm_find(emu_layer_service(emu_layer_find(sim, "el3"), "rmi"), RD)->state,
		RMM_REALM_ACTIVE); /* DEN0137 RMI_REALM_ACTIVATE: realm state ACTIVE */
	/* realm_state: only a NEW realm activates (fake_host: second activate ERROR_REALM). */
	assert_int_equal(rmi(sim, RMI_REALM_ACTIVATE_FID, RD, 0),
			 ERR_REALM); /* DEN0137 RMI_REALM_ACTIVATE realm_state (TF-RMM fake_host) */
	smcsim_destroy(sim);
}

static void realm_destroy(void **state)
{
	struct smcsim *sim = ready();
	assert_int_equal(rmi(sim, RMI_REALM_DESTROY_FID, RD, 0),
			 ERR_INPUT); /* DEN0137 RMI_REALM_DESTROY rd_state */
	assert_int_equal(rmi(sim, RMI_REALM_CREATE_FID, RD, PARAMS),
			 0); /* setup: RMI_REALM_CREATE */
	assert_int_equal(rmi(sim, RMI_REALM_DESTROY_FID, OUTSIDE, 0),
			 ERR_INPUT); /* DEN0137 RMI_REALM_DESTROY rd_bound */
	/* realm_live is provoked by real RECs (rec_lifecycle) and tables (rtt_tree). */
	/* Success: both granules back to DELEGATED, undelegatable, VMID reusable. */
	assert_int_equal(rmi(sim, RMI_REALM_DESTROY_FID, RD, 0),
			 0); /* DEN0137 RMI_REALM_DESTROY: SUCCESS */
	assert_int_equal(
		gstate(sim, RD),
		RMM_GRANULE_DELEGATED); /* DEN0137 RMI_REALM_DESTROY: rd becomes DELEGATED */
	assert_int_equal(
		gstate(sim, RTT),
		RMM_GRANULE_DELEGATED); /* DEN0137 RMI_REALM_DESTROY: root RTT becomes DELEGATED */
	assert_int_equal(rmi(sim, RMI_REALM_CREATE_FID, RD, PARAMS),
			 0); /* DEN0137 RMI_REALM_DESTROY: the VMID is free again */
	assert_int_equal(rmi(sim, RMI_REALM_DESTROY_FID, RD, 0),
			 0); /* DEN0137 RMI_REALM_DESTROY: SUCCESS */
	assert_int_equal(rmi(sim, RMI_GRANULE_UNDELEGATE_FID, RD, 0),
			 0); /* DEN0137 RMI_REALM_DESTROY: rd undelegatable */
	assert_int_equal(rmi(sim, RMI_GRANULE_UNDELEGATE_FID, RTT, 0),
			 0); /* DEN0137 RMI_REALM_DESTROY: root RTT undelegatable */
	smcsim_destroy(sim);
}

static void rec_aux_count(void **state)
{
	struct smcsim *sim = ready();
	assert_int_equal(rmi(sim, RMI_REC_AUX_COUNT_FID, RD, 0),
			 ERR_INPUT); /* DEN0137 RMI_REC_AUX_COUNT rd_state */
	assert_int_equal(rmi(sim, RMI_REALM_CREATE_FID, RD, PARAMS),
			 0); /* setup: RMI_REALM_CREATE */
	struct smcsim_regs r = t_call(sim, RMI_REC_AUX_COUNT_FID, RD);
	t_assert_reg(r, 0, 0, "DEN0137 RMI_REC_AUX_COUNT: SUCCESS");
	t_assert_reg(r, 1, 16, "TF-RMM rel0 MAX_REC_AUX_GRANULES: REC_AUX_COUNT = 16");
	smcsim_destroy(sim);
}

static void write_rec_params(struct smcsim *sim, uint64_t mpidr, uint64_t num_aux, uint64_t aux)
{
	uint8_t zero[4096] = { 0 };
	assert_int_equal(smcsim_mem_write(sim, REC_PARAMS, zero, sizeof(zero)),
			 0); /* setup: host memory access */
	put64(sim, REC_PARAMS + RMI_REC_PARAMS_FLAGS, RMI_REC_FLAG_RUNNABLE);
	put64(sim, REC_PARAMS + RMI_REC_PARAMS_MPIDR, mpidr);
	put64(sim, REC_PARAMS + RMI_REC_PARAMS_PC, 0x80080000);
	put64(sim, REC_PARAMS + RMI_REC_PARAMS_NUM_AUX, num_aux);
	for (uint64_t i = 0; i < 16; i++)
		put64(sim, REC_PARAMS + RMI_REC_PARAMS_AUX + 8 * i, aux + 4096 * i);
}

/* A created realm with REC and 16 aux granules delegated and valid REC params. */
static struct smcsim *rec_ready(void)
{
	struct smcsim *sim = ready();
	assert_int_equal(rmi(sim, RMI_REALM_CREATE_FID, RD, PARAMS),
			 0); /* setup: RMI_REALM_CREATE */
	assert_int_equal(rmi(sim, RMI_GRANULE_DELEGATE_FID, REC, 0),
			 0); /* setup: RMI_GRANULE_DELEGATE */
	assert_int_equal(rmi(sim, RMI_GRANULE_DELEGATE_FID, REC1, 0),
			 0); /* setup: RMI_GRANULE_DELEGATE */
	for (uint64_t i = 0; i < 16; i++) {
		assert_int_equal(rmi(sim, RMI_GRANULE_DELEGATE_FID, AUX + 4096 * i, 0),
				 0); /* setup: RMI_GRANULE_DELEGATE */
		assert_int_equal(rmi(sim, RMI_GRANULE_DELEGATE_FID, AUX1 + 4096 * i, 0),
				 0); /* setup: RMI_GRANULE_DELEGATE */
	}
	write_rec_params(sim, 0, 16, AUX);
	return sim;
}

static uint64_t rec_create(struct smcsim *sim, uint64_t rd, uint64_t rec, uint64_t params)
{
	struct smcsim_regs r = t_call(sim, RMI_REC_CREATE_FID, rd, rec, params);
	return r.x[0];
}

static void rec_create_conditions(void **state)
{
	struct smcsim *sim = rec_ready();
	assert_int_equal(rec_create(sim, RD, REC, REC_PARAMS + 8),
			 ERR_INPUT); /* DEN0137 B4.3.12 RMI_REC_CREATE params_align */
	assert_int_equal(rec_create(sim, RD, REC, OUTSIDE),
			 ERR_INPUT); /* DEN0137 B4.3.12 RMI_REC_CREATE params_bound */
	assert_int_equal(rec_create(sim, RD, REC, RTT),
			 ERR_INPUT); /* DEN0137 B4.3.12 RMI_REC_CREATE params_pas */
	write_rec_params(sim, 0, 15, AUX);
	assert_int_equal(rec_create(sim, RD, REC, REC_PARAMS),
			 ERR_INPUT); /* DEN0137 B4.3.12 RMI_REC_CREATE params_valid: num_aux */
	write_rec_params(sim, 0, 16, AUX);
	assert_int_equal(rec_create(sim, RD2, REC, REC_PARAMS),
			 ERR_INPUT); /* DEN0137 B4.3.12 RMI_REC_CREATE rd_state */
	assert_int_equal(rec_create(sim, RD, PARAMS, REC_PARAMS),
			 ERR_INPUT); /* DEN0137 B4.3.12 RMI_REC_CREATE rec_state */
	write_rec_params(sim, 1, 16, AUX);
	assert_int_equal(rec_create(sim, RD, REC, REC_PARAMS),
			 ERR_INPUT); /* DEN0137 B4.3.12 RMI_REC_CREATE mpidr_index: not index 0 */
	write_rec_params(sim, 0x10, 16, AUX);
	assert_int_equal(rec_create(sim, RD, REC, REC_PARAMS),
			 ERR_INPUT); /* DEN0137 B4.3.12 RMI_REC_CREATE mpidr_index: Aff0 > 15 */
	write_rec_params(sim, 0, 16, AUX);
	put64(sim, REC_PARAMS + RMI_REC_PARAMS_AUX + 8 * 3, REC);
	assert_int_equal(rec_create(sim, RD, REC, REC_PARAMS),
			 ERR_INPUT); /* DEN0137 B4.3.12 RMI_REC_CREATE aux_state: aux alias rec */
	put64(sim, REC_PARAMS + RMI_REC_PARAMS_AUX + 8 * 3, AUX);
	assert_int_equal(rec_create(sim, RD, REC, REC_PARAMS),
			 ERR_INPUT); /* DEN0137 B4.3.12 RMI_REC_CREATE aux_state: aux duplicate */
	put64(sim, REC_PARAMS + RMI_REC_PARAMS_AUX + 8 * 3, PARAMS);
	assert_int_equal(rec_create(sim, RD, REC, REC_PARAMS),
			 ERR_INPUT); /* DEN0137 B4.3.12 RMI_REC_CREATE aux_state */
	/* None of the failures changed a granule. */
	assert_int_equal(gstate(sim, REC),
			 RMM_GRANULE_DELEGATED); /* DEN0137 B4.3.12 RMI_REC_CREATE: failure changes
						    nothing */
	assert_int_equal(gstate(sim, AUX),
			 RMM_GRANULE_DELEGATED); /* DEN0137 B4.3.12 RMI_REC_CREATE: failure changes
						    nothing */
	assert_int_equal(rmm_gstate(sim, RD)->refcount,
			 0); /* DEN0137 B4.3.12 RMI_REC_CREATE: failure changes nothing */
	/* realm_state: RECs are created while the realm is NEW. */
	write_rec_params(sim, 0, 16, AUX);
	assert_int_equal(rmi(sim, RMI_REALM_ACTIVATE_FID, RD, 0),
			 0); /* setup: RMI_REALM_ACTIVATE */
	assert_int_equal(rec_create(sim, RD, REC, REC_PARAMS),
			 ERR_REALM); /* DEN0137 B4.3.12 RMI_REC_CREATE realm_state */
	smcsim_destroy(sim);
}

/*
 * TF-RMM rel0 smc_rec_create() order, where DEN0137 1.0 B4.3.12 orders only [rd_bound,
 * rd_state] before [realm_state, num_recs]: num_aux > 16, then each aux granule, then rec and
 * rd, then realm_state, then mpidr, and num_aux == REC_AUX_COUNT last.
 */
static void rec_create_order(void **state)
{
	struct smcsim *sim = rec_ready();
	write_rec_params(sim, 0, 17, AUX);
	assert_int_equal(
		rec_create(sim, RD, REC, REC_PARAMS),
		ERR_INPUT); /* TF-RMM rel0 smc_rec_create(): num_aux > MAX_REC_AUX_GRANULES */
	write_rec_params(sim, 0, 16, AUX);
	put64(sim, REC_PARAMS + RMI_REC_PARAMS_AUX + 8 * 5, RD);
	assert_int_equal(rec_create(sim, RD, REC, REC_PARAMS),
			 ERR_INPUT); /* DEN0137 B4.3.12 RMI_REC_CREATE aux_state: aux is the RD */
	assert_int_equal(gstate(sim, AUX),
			 RMM_GRANULE_DELEGATED); /* TF-RMM rel0 smc_rec_create(): the aux granules
						    claimed before the failure are released */
	assert_int_equal(rmi(sim, RMI_REALM_ACTIVATE_FID, RD, 0),
			 0); /* setup: RMI_REALM_ACTIVATE */
	/* An ACTIVE realm: aux, rec and rd failures still come first... */
	put64(sim, REC_PARAMS + RMI_REC_PARAMS_AUX + 8 * 5, PARAMS);
	assert_int_equal(
		rec_create(sim, RD, REC, REC_PARAMS),
		ERR_INPUT); /* TF-RMM rel0 smc_rec_create(): aux_state before realm_state */
	write_rec_params(sim, 0, 16, AUX);
	put64(sim, REC_PARAMS + RMI_REC_PARAMS_AUX + 8 * 5, REC);
	assert_int_equal(rec_create(sim, RD, REC, REC_PARAMS),
			 ERR_INPUT); /* TF-RMM rel0 smc_rec_create(): an aux that is the rec fails
					as rec_state, before realm_state */
	/* ...then realm_state, before the mpidr and the aux count. */
	write_rec_params(sim, 5, 15, AUX);
	assert_int_equal(rec_create(sim, RD, REC, REC_PARAMS),
			 ERR_REALM); /* TF-RMM rel0 smc_rec_create(): realm_state before
					mpidr_index and num_aux == REC_AUX_COUNT */
	assert_int_equal(gstate(sim, AUX + 4096 * 14),
			 RMM_GRANULE_DELEGATED); /* TF-RMM rel0 smc_rec_create(): claimed aux
						    granules released on failure */
	smcsim_destroy(sim);
	/* In a NEW realm: mpidr before the aux count. */
	sim = rec_ready();
	write_rec_params(sim, 5, 15, AUX);
	assert_int_equal(rec_create(sim, RD, REC, REC_PARAMS),
			 ERR_INPUT); /* DEN0137 B4.3.12 RMI_REC_CREATE mpidr_index */
	/* RmiRecMpidr has Aff3 at [31:24]; bits [39:32] are outside it (TF-RMM rel0
	 * rec_mpidr_is_valid()). */
	write_rec_params(sim, UINT64_C(1) << 32, 16, AUX);
	assert_int_equal(
		rec_create(sim, RD, REC, REC_PARAMS),
		ERR_INPUT); /* TF-RMM rel0 rec_mpidr_is_valid(): bit 32 is not RmiRecMpidr */
	smcsim_destroy(sim);
}

/* DEN0137 1.0 B4.3.12.4 and TF-RMM rel0 smc_rec_create(): the RIM is extended with the REC
 * descriptor only for a runnable REC. */
static void rec_create_rim(void **state)
{
	struct smcsim *sim = rec_ready();
	struct rmm *r = emu_layer_service(emu_layer_find(sim, "el3"), "rmi");
	uint8_t before[64], expect[64];
	memcpy(before, rmm_realm_find(r, RD)->meas[0], 64);
	put64(sim, REC_PARAMS + RMI_REC_PARAMS_FLAGS, 0);
	assert_int_equal(rec_create(sim, RD, REC, REC_PARAMS),
			 0); /* DEN0137 B4.3.12 RMI_REC_CREATE: SUCCESS, not runnable */
	assert_memory_equal(before, rmm_realm_find(r, RD)->meas[0],
			    64); /* DEN0137 B4.3.12 RMI_REC_CREATE: a REC that is not runnable does
				    not extend the RIM */
	write_rec_params(sim, 1, 16, AUX1);
	uint8_t page[4096];
	assert_int_equal(smcsim_mem_read(sim, REC_PARAMS, page, sizeof(page)),
			 0); /* setup: host memory access */
	memcpy(expect, before, 64);
	rmm_rim_rec(RMM_HASH_SHA256, expect, page);
	assert_int_equal(rec_create(sim, RD, REC1, REC_PARAMS),
			 0); /* DEN0137 B4.3.12 RMI_REC_CREATE: SUCCESS, runnable */
	assert_memory_equal(expect, rmm_realm_find(r, RD)->meas[0],
			    64); /* DEN0137 B4.3.12 RMI_REC_CREATE: a runnable REC extends the RIM
				    with its RmmMeasurementDescriptorRec */
	smcsim_destroy(sim);
}

static void rec_lifecycle(void **state)
{
	struct smcsim *sim = rec_ready();
	assert_int_equal(rec_create(sim, RD, REC, REC_PARAMS),
			 0); /* DEN0137 B4.3.12 RMI_REC_CREATE: SUCCESS */
	assert_int_equal(gstate(sim, REC),
			 RMM_GRANULE_REC); /* DEN0137 B4.3.12 RMI_REC_CREATE: rec becomes REC */
	for (uint64_t i = 0; i < 16; i++)
		assert_int_equal(gstate(sim, AUX + 4096 * i),
				 RMM_GRANULE_REC_AUX); /* DEN0137 B4.3.12 RMI_REC_CREATE: aux
							  granules become REC_AUX */
	/* The second REC must be MPIDR index 1. */
	write_rec_params(sim, 1, 16, AUX1);
	assert_int_equal(rec_create(sim, RD, REC1, REC_PARAMS),
			 0); /* DEN0137 B4.3.12 RMI_REC_CREATE mpidr_index: index 1 next */
	/* realm_live: RECs hold the realm (DEN0137 RMI_REALM_DESTROY). */
	assert_int_equal(rmi(sim, RMI_REALM_DESTROY_FID, RD, 0),
			 ERR_REALM); /* DEN0137 RMI_REALM_DESTROY realm_live */
	assert_int_equal(rmi(sim, RMI_REC_DESTROY_FID, AUX, 0),
			 ERR_INPUT); /* DEN0137 RMI_REC_DESTROY rec_state: aux */
	assert_int_equal(rmi(sim, RMI_REC_DESTROY_FID, REC + 8, 0),
			 ERR_INPUT); /* DEN0137 RMI_REC_DESTROY rec_align */
	assert_int_equal(rmi(sim, RMI_REC_DESTROY_FID, REC, 0),
			 0); /* DEN0137 RMI_REC_DESTROY: SUCCESS */
	assert_int_equal(
		gstate(sim, REC),
		RMM_GRANULE_DELEGATED); /* DEN0137 RMI_REC_DESTROY: rec becomes DELEGATED */
	assert_int_equal(
		gstate(sim, AUX + 4096 * 15),
		RMM_GRANULE_DELEGATED); /* DEN0137 RMI_REC_DESTROY: aux granules become DELEGATED */
	assert_int_equal(rmi(sim, RMI_REC_DESTROY_FID, REC, 0),
			 ERR_INPUT); /* DEN0137 RMI_REC_DESTROY rec_state: already gone */
	assert_int_equal(rmi(sim, RMI_REALM_DESTROY_FID, RD, 0),
			 ERR_REALM); /* DEN0137 RMI_REALM_DESTROY realm_live: REC1 left */
	assert_int_equal(rmi(sim, RMI_REC_DESTROY_FID, REC1, 0),
			 0); /* DEN0137 RMI_REC_DESTROY: SUCCESS */
	assert_int_equal(rmi(sim, RMI_REALM_DESTROY_FID, RD, 0),
			 0); /* DEN0137 RMI_REALM_DESTROY: SUCCESS */
	smcsim_destroy(sim);
}

#define T1	       0x80600000u
#define T2	       0x80601000u
#define T3	       0x80602000u
#define ERR_RTT(level) rmi_ret(RMI_ERROR_RTT, (level))

static uint64_t rtt_create(struct smcsim *sim, uint64_t rtt, uint64_t ipa, uint64_t level)
{
	struct smcsim_regs r = t_call(sim, RMI_RTT_CREATE_FID, RD, rtt, ipa, level);
	return r.x[0];
}

/* A created realm (s2sz 48, start level 0, one root) with T1..T3 delegated. */
static struct smcsim *rtt_ready(void)
{
	struct smcsim *sim = ready();
	assert_int_equal(rmi(sim, RMI_REALM_CREATE_FID, RD, PARAMS),
			 0); /* setup: RMI_REALM_CREATE */
	for (uint64_t t = T1; t <= T3; t += 4096)
		assert_int_equal(rmi(sim, RMI_GRANULE_DELEGATE_FID, t, 0),
				 0); /* setup: RMI_GRANULE_DELEGATE */
	return sim;
}

static void rtt_create_conditions(void **state)
{
	struct smcsim *sim = rtt_ready();
	struct smcsim_regs r = t_call(sim, RMI_RTT_CREATE_FID, RD2, T1, 0, 1);
	t_assert_reg(r, 0, ERR_INPUT, "DEN0137 RMI_RTT_CREATE rd_state");
	assert_int_equal(rtt_create(sim, PARAMS, 0, 1),
			 ERR_INPUT); /* DEN0137 RMI_RTT_CREATE rtt_state */
	assert_int_equal(rtt_create(sim, T1, 0, 0),
			 ERR_INPUT); /* DEN0137 RMI_RTT_CREATE level_bound: start */
	assert_int_equal(rtt_create(sim, T1, 0, 4),
			 ERR_INPUT); /* DEN0137 RMI_RTT_CREATE level_bound: > 3 */
	assert_int_equal(rtt_create(sim, T1, 0x200000, 2),
			 ERR_INPUT); /* DEN0137 RMI_RTT_CREATE ipa_align: size(level - 1) = 1 GiB */
	assert_int_equal(rtt_create(sim, T1, UINT64_C(1) << 48, 1),
			 ERR_INPUT); /* DEN0137 RMI_RTT_CREATE ipa_bound */
	/* rtt_walk: the walk to level 2 stops at the root (level 0). */
	assert_int_equal(rtt_create(sim, T1, 0, 3),
			 ERR_RTT(0));			/* DEN0137 RMI_RTT_CREATE rtt_walk */
	assert_int_equal(rtt_create(sim, T1, 0, 1), 0); /* DEN0137 RMI_RTT_CREATE: SUCCESS */
	/* rtt_walk (TF-RMM fake_host): with an L1 but no L2 the walk stops at 1: x0 = 0x104. */
	assert_int_equal(rtt_create(sim, T2, 0, 3),
			 0x104); /* DEN0137 RMI_RTT_CREATE rtt_walk: ERROR_RTT index 1 */
	/* rtte_state: the level-0 entry is already a table. */
	assert_int_equal(rtt_create(sim, T2, 0, 1),
			 ERR_RTT(0)); /* DEN0137 RMI_RTT_CREATE rtte_state */
	assert_int_equal(
		gstate(sim, T2),
		RMM_GRANULE_DELEGATED); /* DEN0137 RMI_RTT_CREATE: failure leaves rtt DELEGATED */
	smcsim_destroy(sim);
}

static void rtt_tree(void **state)
{
	struct smcsim *sim = rtt_ready();
	assert_int_equal(rtt_create(sim, T1, 0, 1), 0); /* DEN0137 RMI_RTT_CREATE: SUCCESS */
	assert_int_equal(rtt_create(sim, T2, 0, 2), 0); /* DEN0137 RMI_RTT_CREATE: SUCCESS */
	assert_int_equal(rtt_create(sim, T3, 0x1000 * 0, 3),
			 0); /* DEN0137 RMI_RTT_CREATE: SUCCESS */
	assert_int_equal(gstate(sim, T3),
			 RMM_GRANULE_RTT); /* DEN0137 RMI_RTT_CREATE: rtt becomes RTT */
	/* READ_ENTRY: the L0 entry is a TABLE pointing at T1; a fresh L3 entry is UNASSIGNED. */
	struct smcsim_regs r = t_call(sim, RMI_RTT_READ_ENTRY_FID, RD, 0, 0);
	t_assert_reg(r, 0, 0, "DEN0137 B4.3.20 RMI_RTT_READ_ENTRY: SUCCESS");
	t_assert_reg(r, 1, 0, "DEN0137 B4.3.20 RMI_RTT_READ_ENTRY: walk level 0");
	t_assert_reg(r, 2, 2, "DEN0137 B4.3.20 RMI_RTT_READ_ENTRY: TABLE");
	t_assert_reg(r, 3, T1, "DEN0137 B4.3.20 RMI_RTT_READ_ENTRY: desc = next-level table");
	r = t_call(sim, RMI_RTT_READ_ENTRY_FID, RD, 0x5000, 3);
	t_assert_reg(r, 1, 3, "DEN0137 B4.3.20 RMI_RTT_READ_ENTRY: walk reaches level 3");
	t_assert_reg(r, 2, 0, "DEN0137 B4.3.20 RMI_RTT_READ_ENTRY: UNASSIGNED");
	t_assert_reg(r, 4, 0, "DEN0137 B4.3.20 RMI_RTT_READ_ENTRY: RIPAS EMPTY");
	r = t_call(sim, RMI_RTT_READ_ENTRY_FID, RD, UINT64_C(1) << 39, 3);
	t_assert_reg(
		r, 1, 0,
		"DEN0137 B4.3.20 RMI_RTT_READ_ENTRY: another 512 GiB: the walk stops at level 0");
	r = t_call(sim, RMI_RTT_READ_ENTRY_FID, RD, 0x800, 3);
	t_assert_reg(r, 0, ERR_INPUT, "DEN0137 B4.3.20 RMI_RTT_READ_ENTRY ipa_align");
	/* realm_live: a table under the root keeps the realm alive. */
	assert_int_equal(rmi(sim, RMI_REALM_DESTROY_FID, RD, 0),
			 ERR_REALM); /* DEN0137 RMI_REALM_DESTROY realm_live */
	/* RTT_DESTROY: a table with live entries cannot go (ERROR_RTT at its level). */
	r = t_call(sim, RMI_RTT_DESTROY_FID, RD, 0, 1);
	t_assert_reg(r, 0, ERR_RTT(1), "DEN0137 B4.3.16 RMI_RTT_DESTROY rtt_live");
	r = t_call(sim, RMI_RTT_DESTROY_FID, RD, 0, 3);
	t_assert_reg(r, 0, 0, "DEN0137 B4.3.16 RMI_RTT_DESTROY: destroy L3");
	t_assert_reg(r, 1, T3, "DEN0137 B4.3.16 RMI_RTT_DESTROY: x1 = the table's PA");
	assert_int_equal(
		gstate(sim, T3),
		RMM_GRANULE_DELEGATED); /* DEN0137 B4.3.16 RMI_RTT_DESTROY: rtt becomes DELEGATED */
	r = t_call(sim, RMI_RTT_READ_ENTRY_FID, RD, 0, 2);
	t_assert_reg(r, 2, 0, "DEN0137 B4.3.16 RMI_RTT_DESTROY: parent entry UNASSIGNED");
	t_assert_reg(r, 4, 2, "DEN0137 B4.3.16 RMI_RTT_DESTROY: parent RIPAS DESTROYED");
	r = t_call(sim, RMI_RTT_DESTROY_FID, RD, 0, 3);
	t_assert_reg(r, 0, ERR_RTT(2),
		     "DEN0137 B4.3.16 RMI_RTT_DESTROY rtt_walk: no table there any more: stops at "
		     "level 2");
	assert_int_equal(t_call(sim, RMI_RTT_DESTROY_FID, RD, 0, 2).x[0],
			 0); /* DEN0137 B4.3.16 RMI_RTT_DESTROY: SUCCESS */
	r = t_call(sim, RMI_RTT_DESTROY_FID, RD, 0, 1);
	t_assert_reg(r, 0, 0, "DEN0137 B4.3.16 RMI_RTT_DESTROY: destroy L1");
	t_assert_reg(r, 2, UINT64_C(1) << 48,
		     "DEN0137 B4.3.16 RMI_RTT_DESTROY: top = next live entry; none in the rest of "
		     "the IPA space");
	assert_int_equal(rmi(sim, RMI_REALM_DESTROY_FID, RD, 0),
			 0); /* DEN0137 RMI_REALM_DESTROY: SUCCESS */
	smcsim_destroy(sim);
}

/* VMSA concatenated roots: a 40-bit realm starting at level 1 has two root tables; an
 * entry in the upper half lives in (and is counted by) the second one. */
static void rtt_concatenated_roots(void **state)
{
	struct smcsim *sim = host();
	struct params p = valid;
	p.s2sz = 40, p.level = 1, p.num_start = 2, p.rtt_base = RTT_PAIR;
	write_params(sim, PARAMS, &p);
	assert_int_equal(rmi(sim, RMI_GRANULE_DELEGATE_FID, RD, 0),
			 0); /* setup: RMI_GRANULE_DELEGATE */
	assert_int_equal(rmi(sim, RMI_GRANULE_DELEGATE_FID, RTT_PAIR, 0),
			 0); /* setup: RMI_GRANULE_DELEGATE */
	assert_int_equal(rmi(sim, RMI_GRANULE_DELEGATE_FID, RTT_PAIR + 4096, 0),
			 0); /* setup: RMI_GRANULE_DELEGATE */
	assert_int_equal(rmi(sim, RMI_GRANULE_DELEGATE_FID, T1, 0),
			 0); /* setup: RMI_GRANULE_DELEGATE */
	assert_int_equal(rmi(sim, RMI_REALM_CREATE_FID, RD, PARAMS),
			 0); /* setup: RMI_REALM_CREATE */
	assert_int_equal(
		rtt_create(sim, T1, 0, 1),
		ERR_INPUT); /* DEN0137 RMI_RTT_CREATE level_bound: level 1 is the start level */
	assert_int_equal(rtt_create(sim, T1, UINT64_C(1) << 39, 2),
			 0); /* DEN0137 RMI_RTT_CREATE: SUCCESS */
	assert_int_equal(rmm_gstate(sim, RTT_PAIR)->refcount,
			 0); /* TF-RMM rel0 smc_rtt_create(): the first root gains no entry */
	assert_int_equal(rmm_gstate(sim, RTT_PAIR + 4096)->refcount,
			 1); /* TF-RMM rel0 smc_rtt_create(): the second root counts the TABLE */
	struct smcsim_regs r = t_call(sim, RMI_RTT_READ_ENTRY_FID, RD, UINT64_C(1) << 39, 1);
	t_assert_reg(r, 3, T1,
		     "DEN0137 B4.3.20 RMI_RTT_READ_ENTRY: VMSA concatenated roots, the second "
		     "root's first entry is the new table");
	assert_int_equal(t_call(sim, RMI_RTT_DESTROY_FID, RD, UINT64_C(1) << 39, 2).x[0],
			 0); /* DEN0137 B4.3.16 RMI_RTT_DESTROY: SUCCESS */
	assert_int_equal(rmm_gstate(sim, RTT_PAIR + 4096)->refcount,
			 0); /* TF-RMM rel0 smc_rtt_destroy(): the parent root drops the TABLE */
	smcsim_destroy(sim);
}

#define DATA 0x80700000u

/* A realm with tables down to level 3 for IPA [0, 2 MiB) and DATA delegated. */
static struct smcsim *data_ready(void)
{
	struct smcsim *sim = rtt_ready();
	assert_int_equal(rtt_create(sim, T1, 0, 1), 0); /* setup: RMI_RTT_CREATE */
	assert_int_equal(rtt_create(sim, T2, 0, 2), 0); /* setup: RMI_RTT_CREATE */
	assert_int_equal(rmi(sim, RMI_GRANULE_DELEGATE_FID, DATA, 0),
			 0); /* setup: RMI_GRANULE_DELEGATE */
	return sim;
}

static uint64_t data_create(struct smcsim *sim, uint64_t rd, uint64_t data, uint64_t ipa)
{
	return t_call(sim, RMI_DATA_CREATE_UNKNOWN_FID, rd, data, ipa).x[0];
}

static void data_create_unknown(void **state)
{
	struct smcsim *sim = data_ready();
	assert_int_equal(data_create(sim, RD2, DATA, 0x1000),
			 ERR_INPUT); /* DEN0137 RMI_DATA_CREATE_UNKNOWN rd_state */
	assert_int_equal(data_create(sim, RD, PARAMS, 0x1000),
			 ERR_INPUT); /* DEN0137 RMI_DATA_CREATE_UNKNOWN data_state */
	assert_int_equal(data_create(sim, RD, DATA, 0x1800),
			 ERR_INPUT); /* DEN0137 RMI_DATA_CREATE_UNKNOWN ipa_align */
	assert_int_equal(data_create(sim, RD, DATA, UINT64_C(1) << 47),
			 ERR_INPUT); /* DEN0137 RMI_DATA_CREATE_UNKNOWN ipa_bound: unprotected */
	/* rtt_walk: no level-3 table yet; the walk stops at level 2. */
	assert_int_equal(data_create(sim, RD, DATA, 0x1000),
			 ERR_RTT(2)); /* DEN0137 RMI_DATA_CREATE_UNKNOWN rtt_walk */
	assert_int_equal(rtt_create(sim, T3, 0, 3), 0); /* setup: RMI_RTT_CREATE */
	assert_int_equal(data_create(sim, RD, DATA, 0x1000),
			 0); /* DEN0137 RMI_DATA_CREATE_UNKNOWN: SUCCESS */
	assert_int_equal(gstate(sim, DATA),
			 RMM_GRANULE_DATA); /* DEN0137 RMI_DATA_CREATE_UNKNOWN: data becomes DATA */
	struct smcsim_regs r = t_call(sim, RMI_RTT_READ_ENTRY_FID, RD, 0x1000, 3);
	t_assert_reg(r, 2, 1, "DEN0137 RMI_DATA_CREATE_UNKNOWN: entry ASSIGNED");
	t_assert_reg(r, 3, DATA, "DEN0137 RMI_DATA_CREATE_UNKNOWN: desc = data PA");
	/* rtte_state: the entry is already ASSIGNED. */
	assert_int_equal(rmi(sim, RMI_GRANULE_DELEGATE_FID, DATA + 4096, 0),
			 0); /* setup: RMI_GRANULE_DELEGATE */
	assert_int_equal(data_create(sim, RD, DATA + 4096, 0x1000),
			 ERR_RTT(3)); /* DEN0137 RMI_DATA_CREATE_UNKNOWN rtte_state */
	/* A level-3 table holding data is live. */
	assert_int_equal(
		t_call(sim, RMI_RTT_DESTROY_FID, RD, 0, 3).x[0],
		ERR_RTT(3)); /* DEN0137 B4.3.16 RMI_RTT_DESTROY rtt_live: DATA makes the RTT live */
	smcsim_destroy(sim);
}

static void data_destroy(void **state)
{
	struct smcsim *sim = data_ready();
	assert_int_equal(rtt_create(sim, T3, 0, 3), 0); /* setup: RMI_RTT_CREATE */
	assert_int_equal(t_call(sim, RMI_RTT_INIT_RIPAS_FID, RD, 0x1000, 0x2000).x[0],
			 0); /* setup: RMI_RTT_INIT_RIPAS */
	assert_int_equal(data_create(sim, RD, DATA, 0x1000),
			 0); /* setup: RMI_DATA_CREATE_UNKNOWN */
	assert_int_equal(t_call(sim, RMI_DATA_DESTROY_FID, RD2, 0x1000).x[0],
			 ERR_INPUT); /* DEN0137 B4.3.3 RMI_DATA_DESTROY rd_state */
	assert_int_equal(t_call(sim, RMI_DATA_DESTROY_FID, RD, 0x1004).x[0],
			 ERR_INPUT); /* DEN0137 B4.3.3 RMI_DATA_DESTROY ipa_align */
	struct smcsim_regs r = t_call(sim, RMI_DATA_DESTROY_FID, RD, 0x3000);
	t_assert_reg(r, 0, ERR_RTT(3), "DEN0137 B4.3.3 RMI_DATA_DESTROY rtte_state: not ASSIGNED");
	r = t_call(sim, RMI_DATA_DESTROY_FID, RD, UINT64_C(1) << 30);
	t_assert_reg(r, 0, ERR_RTT(1),
		     "DEN0137 B4.3.3 RMI_DATA_DESTROY rtt_walk: nothing mapped at 1 GiB");
	r = t_call(sim, RMI_DATA_DESTROY_FID, RD, 0x1000);
	t_assert_reg(r, 0, 0, "DEN0137 B4.3.3 RMI_DATA_DESTROY: SUCCESS");
	t_assert_reg(r, 1, DATA, "DEN0137 B4.3.3 RMI_DATA_DESTROY: x1 = data PA");
	t_assert_reg(r, 2, UINT64_C(0x200000),
		     "DEN0137 B4.3.3 RMI_DATA_DESTROY: top: the rest of the table is not live");
	assert_int_equal(gstate(sim, DATA),
			 RMM_GRANULE_DELEGATED); /* DEN0137 B4.3.3 RMI_DATA_DESTROY: data becomes
						    DELEGATED */
	r = t_call(sim, RMI_RTT_READ_ENTRY_FID, RD, 0x1000, 3);
	t_assert_reg(r, 2, 0, "DEN0137 B4.3.3 RMI_DATA_DESTROY: entry UNASSIGNED again");
	t_assert_reg(r, 4, 2, "DEN0137 B4.3.3 RMI_DATA_DESTROY: RIPAS RAM becomes DESTROYED");
	/* The table is not live any more. */
	assert_int_equal(t_call(sim, RMI_RTT_DESTROY_FID, RD, 0, 3).x[0],
			 0); /* DEN0137 B4.3.16 RMI_RTT_DESTROY: not live after DATA_DESTROY */
	smcsim_destroy(sim);
}

static void rtt_init_ripas(void **state)
{
	struct smcsim *sim = data_ready();
	assert_int_equal(rtt_create(sim, T3, 0, 3), 0); /* setup: RMI_RTT_CREATE */
	struct smcsim_regs r = t_call(sim, RMI_RTT_INIT_RIPAS_FID, RD2, 0, 0x1000);
	t_assert_reg(r, 0, ERR_INPUT, "DEN0137 B4.3.18 RMI_RTT_INIT_RIPAS rd_state");
	r = t_call(sim, RMI_RTT_INIT_RIPAS_FID, RD, 0x2000, 0x1000);
	t_assert_reg(r, 0, ERR_INPUT, "DEN0137 B4.3.18 RMI_RTT_INIT_RIPAS size_valid: base >= top");
	r = t_call(sim, RMI_RTT_INIT_RIPAS_FID, RD, 0x10, 0x1000);
	t_assert_reg(r, 0, ERR_INPUT, "DEN0137 B4.3.18 RMI_RTT_INIT_RIPAS base_align");
	r = t_call(sim, RMI_RTT_INIT_RIPAS_FID, RD, 0, (UINT64_C(1) << 47) + 0x1000);
	t_assert_reg(r, 0, ERR_INPUT,
		     "DEN0137 B4.3.18 RMI_RTT_INIT_RIPAS top_bound: beyond the protected range");
	r = t_call(sim, RMI_RTT_INIT_RIPAS_FID, RD, UINT64_C(1) << 30,
		   (UINT64_C(1) << 30) + 0x1000);
	t_assert_reg(r, 0, ERR_RTT(1),
		     "DEN0137 B4.3.18 RMI_RTT_INIT_RIPAS base_align: a 1 GiB unassigned block is "
		     "not covered by 4 KiB");
	/* Success: RAM from 0x1000 up to top; the next entry keeps EMPTY. */
	r = t_call(sim, RMI_RTT_INIT_RIPAS_FID, RD, 0x1000, 0x4000);
	t_assert_reg(r, 0, 0, "DEN0137 B4.3.18 RMI_RTT_INIT_RIPAS: SUCCESS");
	t_assert_reg(r, 1, 0x4000, "DEN0137 B4.3.18 RMI_RTT_INIT_RIPAS: updated up to top");
	r = t_call(sim, RMI_RTT_READ_ENTRY_FID, RD, 0x3000, 3);
	t_assert_reg(r, 4, 1, "DEN0137 B4.3.18 RMI_RTT_INIT_RIPAS: RIPAS RAM below top");
	r = t_call(sim, RMI_RTT_READ_ENTRY_FID, RD, 0x4000, 3);
	t_assert_reg(r, 4, 0, "DEN0137 B4.3.18 RMI_RTT_INIT_RIPAS: EMPTY beyond top");
	/* One table per call: a range past the table end stops at it. */
	r = t_call(sim, RMI_RTT_INIT_RIPAS_FID, RD, 0x1FF000, 0x400000);
	t_assert_reg(r, 1, 0x200000,
		     "DEN0137 B4.3.18 RMI_RTT_INIT_RIPAS: stops at the end of the level-3 table "
		     "(TF-RMM rel0 smc_rtt_init_ripas())");
	/* realm_state: only a NEW realm. */
	assert_int_equal(rmi(sim, RMI_REALM_ACTIVATE_FID, RD, 0),
			 0); /* setup: RMI_REALM_ACTIVATE */
	r = t_call(sim, RMI_RTT_INIT_RIPAS_FID, RD, 0x5000, 0x6000);
	t_assert_reg(r, 0, ERR_REALM, "DEN0137 B4.3.18 RMI_RTT_INIT_RIPAS realm_state");
	smcsim_destroy(sim);
}

/*
 * TF-RMM rel0 smc_rtt_init_ripas() stops at the first entry it cannot change: ASSIGNED (any
 * RIPAS), UNASSIGNED DESTROYED or TABLE; UNASSIGNED RAM entries are visited unchanged. Stricter
 * than DEN0137 1.0 B4.3.18, whose walk stops only at a TABLE; smcsim follows rel0. Every
 * entry visited extends the RIM with its own RmmMeasurementDescriptorRipas.
 */
static void rtt_init_ripas_stop_rule(void **state)
{
	struct smcsim *sim = data_ready();
	struct rmm *r = emu_layer_service(emu_layer_find(sim, "el3"), "rmi");
	assert_int_equal(rtt_create(sim, T3, 0, 3), 0); /* setup: RMI_RTT_CREATE */
	/* [0x2000] ASSIGNED EMPTY. */
	assert_int_equal(data_create(sim, RD, DATA, 0x2000),
			 0); /* setup: RMI_DATA_CREATE_UNKNOWN */
	uint8_t expect[64];
	memcpy(expect, rmm_realm_find(r, RD)->meas[0], 64);
	struct smcsim_regs r0 = t_call(sim, RMI_RTT_INIT_RIPAS_FID, RD, 0, 0x4000);
	t_assert_reg(r0, 0, 0, "DEN0137 B4.3.18 RMI_RTT_INIT_RIPAS: SUCCESS");
	t_assert_reg(r0, 1, 0x2000, "TF-RMM rel0 smc_rtt_init_ripas(): stops at an ASSIGNED entry");
	rmm_rim_ripas(RMM_HASH_SHA256, expect, 0, 0x1000);
	rmm_rim_ripas(RMM_HASH_SHA256, expect, 0x1000, 0x2000);
	assert_memory_equal(expect, rmm_realm_find(r, RD)->meas[0],
			    64); /* TF-RMM rel0 measurement_init_ripas_measure(): one RIM
				    extension per entry visited */
	struct smcsim_regs r1 = t_call(sim, RMI_RTT_INIT_RIPAS_FID, RD, 0x2000, 0x4000);
	t_assert_reg(r1, 0, ERR_RTT(3),
		     "TF-RMM rel0 smc_rtt_init_ripas(): first entry ASSIGNED: ERROR_RTT(level)");
	t_assert_reg(r1, 1, 0, "TF-RMM rel0 smc_rtt_init_ripas(): x1 = 0 on ERROR_RTT");
	/* Already RAM: visited, unchanged, measured again. */
	r1 = t_call(sim, RMI_RTT_INIT_RIPAS_FID, RD, 0, 0x2000);
	t_assert_reg(r1, 0, 0, "TF-RMM rel0 smc_rtt_init_ripas(): RAM entries are visited");
	t_assert_reg(r1, 1, 0x2000, "DEN0137 B4.3.18 RMI_RTT_INIT_RIPAS: x1 = top");
	rmm_rim_ripas(RMM_HASH_SHA256, expect, 0, 0x1000);
	rmm_rim_ripas(RMM_HASH_SHA256, expect, 0x1000, 0x2000);
	assert_memory_equal(expect, rmm_realm_find(r, RD)->meas[0],
			    64); /* TF-RMM rel0 smc_rtt_init_ripas(): entries already RAM extend the
				    RIM too */
	/* [0x1000] UNASSIGNED DESTROYED: DATA on it, destroyed. */
	assert_int_equal(rmi(sim, RMI_GRANULE_DELEGATE_FID, DATA + 4096, 0),
			 0); /* setup: RMI_GRANULE_DELEGATE */
	assert_int_equal(data_create(sim, RD, DATA + 4096, 0x1000),
			 0); /* setup: RMI_DATA_CREATE_UNKNOWN */
	assert_int_equal(t_call(sim, RMI_DATA_DESTROY_FID, RD, 0x1000).x[0],
			 0); /* setup: RMI_DATA_DESTROY */
	r1 = t_call(sim, RMI_RTT_INIT_RIPAS_FID, RD, 0, 0x2000);
	t_assert_reg(r1, 1, 0x1000,
		     "TF-RMM rel0 smc_rtt_init_ripas(): stops at UNASSIGNED DESTROYED");
	r1 = t_call(sim, RMI_RTT_INIT_RIPAS_FID, RD, 0x1000, 0x2000);
	t_assert_reg(r1, 0, ERR_RTT(3),
		     "TF-RMM rel0 smc_rtt_init_ripas(): a DESTROYED first entry: ERROR_RTT(level)");
	/* A TABLE entry stops it too (DEN0137 B4.3.18 RttSkipEntriesWithRipas): level-2 entry
	 * 1 is an unassigned 2 MiB block, entry 2 a table. */
	assert_int_equal(rmi(sim, RMI_GRANULE_DELEGATE_FID, DATA + 0x2000, 0),
			 0); /* setup: RMI_GRANULE_DELEGATE */
	assert_int_equal(rtt_create(sim, DATA + 0x2000, 0x400000, 3),
			 0); /* setup: RMI_RTT_CREATE */
	r1 = t_call(sim, RMI_RTT_INIT_RIPAS_FID, RD, 0x200000, UINT64_C(1) << 30);
	t_assert_reg(r1, 0, 0, "DEN0137 B4.3.18 RMI_RTT_INIT_RIPAS: SUCCESS on a 2 MiB block");
	t_assert_reg(r1, 1, 0x400000, "DEN0137 B4.3.18 RMI_RTT_INIT_RIPAS: stops at a TABLE");
	/* size_valid is checked before rd (TF-RMM rel0): the answer is the same either way. */
	r1 = t_call(sim, RMI_RTT_INIT_RIPAS_FID, RD2, 0x2000, 0x2000);
	t_assert_reg(r1, 0, ERR_INPUT, "DEN0137 B4.3.18 RMI_RTT_INIT_RIPAS size_valid");
	smcsim_destroy(sim);
}

/*
 * TF-RMM rel0 rmm_handler clears the result words x0..x3 before every command, so every
 * output a path does not write reads 0 (DEN0137 1.0 B1.2: registers that are not outputs
 * MBZ); x4 and above keep the caller's values (SMCCC; TF-RMM keeps the saved x4 in the fifth
 * result word) unless the command returns a value there (RTT_READ_ENTRY).
 */
#define POISON(n) (UINT64_C(0x5eed000000000000) | (n))

static void assert_cleared(struct smcsim_regs r, int from, const char *rule)
{
	for (int i = from; i < 4; i++)
		t_assert_reg(r, i, 0, rule);
	for (int i = 4; i < 8; i++)
		t_assert_reg(r, i, POISON(i),
			     "TF-RMM rel0 rmm_handler: x4..x7 keep the caller's values");
}

static void result_registers(void **state)
{
	struct smcsim *sim = ready();
#define CALL(fid, a1, ...)                                                                         \
	t_call(sim, fid, a1, __VA_ARGS__, POISON(4), POISON(5), POISON(6), POISON(7))
	struct smcsim_regs r = CALL(RMI_GRANULE_DELEGATE_FID, RD2, POISON(2), POISON(3));
	t_assert_reg(r, 0, 0, "DEN0137 RMI_GRANULE_DELEGATE: SUCCESS");
	assert_cleared(r, 1, "TF-RMM rel0 rmm_handler: x1..x3 = 0 after SUCCESS");
	r = CALL(RMI_GRANULE_DELEGATE_FID, RD2, POISON(2), POISON(3));
	t_assert_reg(r, 0, ERR_INPUT, "DEN0137 RMI_GRANULE_DELEGATE gran_state");
	assert_cleared(r, 1, "TF-RMM rel0 rmm_handler: x1..x3 = 0 after ERROR_INPUT");
	r = CALL(RMI_VERSION_FID, 0x20000, POISON(2), POISON(3));
	t_assert_reg(r, 0, ERR_INPUT, "TF-RMM rel0 smc_version(): unsupported request");
	t_assert_reg(r, 2, 0x10000, "TF-RMM rel0 smc_version(): x2 = 1.0 on ERROR_INPUT");
	assert_cleared(r, 3, "TF-RMM rel0 rmm_handler: x3 = 0 after VERSION");
	r = CALL(RMI_FEATURES_FID, 1, POISON(2), POISON(3));
	assert_cleared(r, 1, "TF-RMM rel0 smc_read_feature_register(): x1 = 0 for index 1");
	r = CALL(RMI_DATA_DESTROY_FID, RD2, 0x1000, POISON(3));
	t_assert_reg(r, 0, ERR_INPUT, "DEN0137 B4.3.3 RMI_DATA_DESTROY rd_state");
	assert_cleared(r, 1, "DEN0137 B4.3.3 RMI_DATA_DESTROY: x1 = 0, top = 0 on ERROR_INPUT");
	r = CALL(RMI_RTT_DESTROY_FID, RD2, 0, 1);
	assert_cleared(r, 1, "DEN0137 B4.3.16 RMI_RTT_DESTROY: x1 = 0, top = 0 on ERROR_INPUT");
	r = CALL(RMI_REC_AUX_COUNT_FID, RD2, POISON(2), POISON(3));
	assert_cleared(r, 1, "TF-RMM rel0 smc_rec_aux_count(): x1 = 0 on ERROR_INPUT");
	r = CALL(RMI_RTT_READ_ENTRY_FID, RD2, 0, 0);
	t_assert_reg(r, 0, ERR_INPUT, "DEN0137 B4.3.20 RMI_RTT_READ_ENTRY rd_state");
	assert_cleared(
		r, 1,
		"TF-RMM rel0 smc_rtt_read_entry(): x1..x3 = 0, x4 not written on ERROR_INPUT");
	assert_int_equal(rmi(sim, RMI_REALM_CREATE_FID, RD, PARAMS),
			 0); /* setup: RMI_REALM_CREATE */
	r = CALL(RMI_RTT_READ_ENTRY_FID, RD, 0, 0);
	t_assert_reg(r, 4, RMM_RIPAS_EMPTY,
		     "DEN0137 B4.3.20 RMI_RTT_READ_ENTRY: x4 = RIPAS on SUCCESS");
	r = CALL(RMI_REALM_CREATE_FID, RD, PARAMS, POISON(3));
	t_assert_reg(r, 0, ERR_INPUT, "DEN0137 B4.3.9 RMI_REALM_CREATE rd_state");
	assert_cleared(r, 1, "TF-RMM rel0 rmm_handler: x1..x3 = 0 after ERROR_INPUT");
	/* An RMI function ID with no command: SMC_UNKNOWN, result words cleared (TF-RMM rel0
	 * handle_ns_smc()). */
	r = CALL(RMI_FID(0x17F), POISON(1), POISON(2), POISON(3));
	t_assert_reg(r, 0, UINT64_MAX, "DEN0028 SMC_UNKNOWN: an RMI ID with no command");
	assert_cleared(r, 1, "TF-RMM rel0 handle_ns_smc(): x1..x3 = 0 after SMC_UNKNOWN");
#undef CALL
	smcsim_destroy(sim);
}

/* An ASSIGNED entry with RIPAS DESTROYED at IPA 0x1000 (DATA_CREATE_UNKNOWN keeps the RIPAS
 * of the UNASSIGNED DESTROYED entry DATA_DESTROY of RAM leaves), and what READ_ENTRY says. */
static struct smcsim_regs read_assigned_destroyed(const char *patch)
{
	struct smcsim *sim = t_machine("cca-host", patch);
	write_params(sim, PARAMS, &valid);
	static const uint64_t g[] = { RD, RTT, T1, T2, T3, DATA, DATA + 4096 };
	for (size_t i = 0; i < sizeof(g) / sizeof(g[0]); i++)
		assert_int_equal(rmi(sim, RMI_GRANULE_DELEGATE_FID, g[i], 0),
				 0); /* setup: RMI_GRANULE_DELEGATE */
	assert_int_equal(rmi(sim, RMI_REALM_CREATE_FID, RD, PARAMS),
			 0);				/* setup: RMI_REALM_CREATE */
	assert_int_equal(rtt_create(sim, T1, 0, 1), 0); /* setup: RMI_RTT_CREATE */
	assert_int_equal(rtt_create(sim, T2, 0, 2), 0); /* setup: RMI_RTT_CREATE */
	assert_int_equal(rtt_create(sim, T3, 0, 3), 0); /* setup: RMI_RTT_CREATE */
	assert_int_equal(t_call(sim, RMI_RTT_INIT_RIPAS_FID, RD, 0x1000, 0x2000).x[0],
			 0); /* setup: RMI_RTT_INIT_RIPAS */
	assert_int_equal(data_create(sim, RD, DATA, 0x1000),
			 0); /* setup: RMI_DATA_CREATE_UNKNOWN */
	assert_int_equal(t_call(sim, RMI_DATA_DESTROY_FID, RD, 0x1000).x[0],
			 0); /* setup: RMI_DATA_DESTROY */
	assert_int_equal(data_create(sim, RD, DATA + 4096, 0x1000),
			 0); /* setup: RMI_DATA_CREATE_UNKNOWN */
	struct smcsim_regs r = t_call(sim, RMI_RTT_READ_ENTRY_FID, RD, 0x1000, 3);
	smcsim_destroy(sim);
	return r;
}

/*
 * Where DEN0137 1.0 and TF-RMM rel0 disagree, smcsim follows the spec by default and offers
 * rel0's behaviour as a profile option: "rtt_align" (B4.3.9; rel0 checks 4 KiB only) and
 * "destroyed_desc" (B4.3.20 state_prot gives the PA; rel0 answered 0, fixed upstream).
 */
static void rel0_profile_options(void **state)
{
	uint8_t rim[64];
	struct params p = valid;
	p.s2sz = 40, p.level = 1, p.num_start = 2; /* two roots at RTT: 4 KiB aligned only */
	assert_int_equal(create_with(&p,
				     "{\"layers\": {\"el3\": {\"services\": {\"rmi\": "
				     "{\"rtt_align\": false}}}}}",
				     rim),
			 0); /* TF-RMM rel0 validate_realm_params(): no rtt_align check
				("rtt_align": false) */
	struct smcsim_regs r = read_assigned_destroyed(NULL);
	t_assert_reg(r, 2, RMI_ASSIGNED, "DEN0137 B4.3.20 RMI_RTT_READ_ENTRY: ASSIGNED");
	t_assert_reg(r, 3, DATA + 4096,
		     "DEN0137 B4.3.20 RMI_RTT_READ_ENTRY: ASSIGNED DESTROYED: desc = PA");
	t_assert_reg(r, 4, RMM_RIPAS_DESTROYED,
		     "TF-RMM rel0 s2tte_create_assigned_unchanged(): RIPAS DESTROYED kept");
	r = read_assigned_destroyed("{\"layers\": {\"el3\": {\"services\": {\"rmi\": "
				    "{\"destroyed_desc\": \"zero\"}}}}}");
	t_assert_reg(r, 3, 0,
		     "TF-RMM rel0 smc_rtt_read_entry(): ASSIGNED DESTROYED: desc = 0 "
		     "(\"destroyed_desc\": \"zero\")");
}

/* Machine reset forgets every realm and returns granules to NS. */
static void reset_forgets_realms(void **state)
{
	struct smcsim *sim = ready();
	assert_int_equal(rmi(sim, RMI_REALM_CREATE_FID, RD, PARAMS),
			 0); /* setup: RMI_REALM_CREATE */
	smcsim_reset(sim);
	assert_int_equal(gstate(sim, RD), RMM_GRANULE_NS); /* DEN0137 granule lifecycle: every
							      granule is UNDELEGATED at RMM boot */
	write_params(sim, PARAMS, &valid);
	assert_int_equal(rmi(sim, RMI_GRANULE_DELEGATE_FID, RD, 0),
			 0); /* setup: RMI_GRANULE_DELEGATE */
	assert_int_equal(rmi(sim, RMI_GRANULE_DELEGATE_FID, RTT, 0),
			 0); /* setup: RMI_GRANULE_DELEGATE */
	assert_int_equal(rmi(sim, RMI_REALM_CREATE_FID, RD, PARAMS),
			 0); /* DEN0137 B4.3.9 RMI_REALM_CREATE: VMID 1 free again */
	smcsim_destroy(sim);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(version),
		cmocka_unit_test(features),
		cmocka_unit_test(granule_delegate),
		cmocka_unit_test(granule_undelegate),
		cmocka_unit_test(realm_create_params),
		cmocka_unit_test(realm_create_pmu_hpmn0),
		cmocka_unit_test(realm_create_field_widths),
		cmocka_unit_test(realm_create_objects),
		cmocka_unit_test(realm_activate),
		cmocka_unit_test(realm_destroy),
		cmocka_unit_test(rec_aux_count),
		cmocka_unit_test(rec_create_conditions),
		cmocka_unit_test(rec_create_order),
		cmocka_unit_test(rec_create_rim),
		cmocka_unit_test(rec_lifecycle),
		cmocka_unit_test(rtt_create_conditions),
		cmocka_unit_test(rtt_tree),
		cmocka_unit_test(rtt_concatenated_roots),
		cmocka_unit_test(data_create_unknown),
		cmocka_unit_test(data_destroy),
		cmocka_unit_test(rtt_init_ripas),
		cmocka_unit_test(rtt_init_ripas_stop_rule),
		cmocka_unit_test(result_registers),
		cmocka_unit_test(rel0_profile_options),
		cmocka_unit_test(reset_forgets_realms),
	};
	return cmocka_run_group_tests_name("conformance-rmi (DEN0137 1.0-rel0)", tests, NULL, NULL);
}
