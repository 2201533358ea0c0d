/* SPDX-License-Identifier: MIT */
/*
 * RMI 1.0-rel0 (DEN0137) command tests in the RMM ACS manner: each failure condition is
 * provoked alone and must return exactly its (status, index); then a valid call succeeds
 * and its effect is observed. Failure-condition labels are DEN0137's.
 */
#include <string.h>

#include "conformance/common/smcsim_test.h"
#include "rmm_model/rmm.h"

#define PARAMS	   0x80100000u
#define RD	   0x80200000u
#define RTT	   0x80201000u
#define RD2	   0x80300000u
#define RTT2	   0x80301000u
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
	uint64_t flags, s2sz, num_bps, num_wps, hash, vmid, rtt_base, num_start;
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
		assert_int_equal(rmi(sim, RMI_GRANULE_DELEGATE_FID, RTT2 + (uint64_t)i * 4096, 0),
				 0); /* setup: RMI_GRANULE_DELEGATE */
	p = valid, p.rtt_base = RTT2, p.s2sz = 40, p.level = 1, p.num_start = 2;
	write_params(sim, PARAMS, &p);
	assert_int_equal(rmi(sim, RMI_REALM_CREATE_FID, RD2, PARAMS),
			 ERR_INPUT); /* DEN0137 B4.3.9 RMI_REALM_CREATE vmid_free */
	p.vmid = 2;
	write_params(sim, PARAMS, &p);
	/* VMSA: a 40-bit IPA space starting at level 1 concatenates two root tables. */
	assert_int_equal(rmi(sim, RMI_REALM_CREATE_FID, RD2, PARAMS),
			 0); /* DEN0137 B4.3.9 RMI_REALM_CREATE: SUCCESS */
	assert_int_equal(gstate(sim, RTT2 + 4096),
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
	p.s2sz = 40, p.level = 1, p.num_start = 2;
	write_params(sim, PARAMS, &p);
	assert_int_equal(rmi(sim, RMI_GRANULE_DELEGATE_FID, RD, 0),
			 0); /* setup: RMI_GRANULE_DELEGATE */
	assert_int_equal(rmi(sim, RMI_GRANULE_DELEGATE_FID, RTT, 0),
			 0); /* setup: RMI_GRANULE_DELEGATE */
	assert_int_equal(rmi(sim, RMI_GRANULE_DELEGATE_FID, RTT + 4096, 0),
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
	assert_int_equal(rmm_gstate(sim, RTT)->refcount,
			 0); /* TF-RMM rel0 smc_rtt_create(): the first root gains no entry */
	assert_int_equal(rmm_gstate(sim, RTT + 4096)->refcount,
			 1); /* TF-RMM rel0 smc_rtt_create(): the second root counts the TABLE */
	struct smcsim_regs r = t_call(sim, RMI_RTT_READ_ENTRY_FID, RD, UINT64_C(1) << 39, 1);
	t_assert_reg(r, 3, T1,
		     "DEN0137 B4.3.20 RMI_RTT_READ_ENTRY: VMSA concatenated roots, the second "
		     "root's first entry is the new table");
	assert_int_equal(t_call(sim, RMI_RTT_DESTROY_FID, RD, UINT64_C(1) << 39, 2).x[0],
			 0); /* DEN0137 B4.3.16 RMI_RTT_DESTROY: SUCCESS */
	assert_int_equal(rmm_gstate(sim, RTT + 4096)->refcount,
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
		cmocka_unit_test(realm_create_objects),
		cmocka_unit_test(realm_activate),
		cmocka_unit_test(realm_destroy),
		cmocka_unit_test(rec_aux_count),
		cmocka_unit_test(rec_create_conditions),
		cmocka_unit_test(rec_lifecycle),
		cmocka_unit_test(rtt_create_conditions),
		cmocka_unit_test(rtt_tree),
		cmocka_unit_test(rtt_concatenated_roots),
		cmocka_unit_test(data_create_unknown),
		cmocka_unit_test(data_destroy),
		cmocka_unit_test(rtt_init_ripas),
		cmocka_unit_test(reset_forgets_realms),
	};
	return cmocka_run_group_tests_name("conformance-rmi (DEN0137 1.0-rel0)", tests, NULL, NULL);
}
