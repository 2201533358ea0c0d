/* SPDX-License-Identifier: MIT */
/*
 * RMI 1.0-rel0 (DEN0137) tests, ACS manner, for the commands that build and run a realm:
 * DATA_CREATE, REC_ENTER (with realm code installed by smcsim_set_realm_handler),
 * PSCI from the realm and PSCI_COMPLETE, RTT_SET_RIPAS, RTT_FOLD and
 * RTT_MAP/UNMAP_UNPROTECTED. Each failure condition is provoked alone and must give its
 * exact x0 = (index << 8) | status; labels are DEN0137's (as the RMM ACS uses them), or
 * name the TF-RMM rmm-spec-v1.0-rel0 behaviour checked.
 */
#include <errno.h>
#include <string.h>

#include "conformance/common/smcsim_test.h"
#include "rmm_model/attest.h"
#include "rmm_model/rmm.h"

#define PARAMS	   0x80100000u
#define REC_PARAMS 0x80110000u
#define RUN	   0x80120000u /* NS RmiRecRun pages */
#define RUN1	   0x80121000u
#define SRC	   0x80130000u /* NS source of DATA_CREATE */
#define RD	   0x80200000u
#define RTT	   0x80201000u
#define RD2	   0x80300000u
#define RTT2	   0x80301000u
#define REC	   0x80400000u
#define AUX	   0x80410000u /* 16 aux granules from here */
#define REC1	   0x80500000u
#define AUX1	   0x80510000u
#define REC2	   0x80520000u /* RD2's REC */
#define AUX2	   0x80530000u
#define REC3	   0x80540000u /* RD's third REC */
#define AUX3	   0x80550000u
#define T1	   0x80600000u /* L1, L2, L3 tables for IPA [0, 2 MiB) */
#define T2	   0x80601000u
#define T3	   0x80602000u
#define T3B	   0x80603000u /* L3 for [2 MiB, 4 MiB) */
#define T4	   0x80604000u /* spare tables */
#define T5	   0x80605000u
#define T6	   0x80606000u
#define DATA	   0x80700000u
#define DATA2	   0x80701000u
#define BLOCK	   0x80800000u /* 2 MiB aligned: 512 DATA granules */
#define OUTSIDE	   0x90000000u
#define ENTRY_PC   0x80080000u

#define IPA_UNPROT (UINT64_C(1) << 47) /* s2sz 48: the unprotected half */
#define MIB2	   UINT64_C(0x200000)

#define ERR_INPUT      rmi_ret(RMI_ERROR_INPUT, 0)
#define ERR_REALM      rmi_ret(RMI_ERROR_REALM, 0)
#define ERR_REC	       rmi_ret(RMI_ERROR_REC, 0)
#define ERR_RTT(level) rmi_ret(RMI_ERROR_RTT, (level))

#define PSCI_VERSION	 0x84000000u
#define PSCI_CPU_ON	 0xC4000003u
#define PSCI_AFFINITY	 0xC4000004u
#define PSCI_SYSTEM_OFF	 0x84000008u
#define PSCI_DENIED	 ((uint64_t)-3)
#define PSCI_ALREADY_ON	 ((uint64_t)-4)
#define PSCI_INVALID	 ((uint64_t)-2)
#define PSCI_FEATURES_ID 0x8400000Au
#define SMCCC_VERSION_ID 0x80000000u
#define SMCCC_ARCH_FEAT	 0x80000001u
#define RP(n)		 (UINT64_C(0x7ea1000000000000) | (n)) /* a value the realm passed in xn */
#define RSI_CHANGE_DESTR 1u /* RSI_IPA_STATE_SET flags bit 0: CHANGE_DESTROYED */
#define ESR_EC(esr)	 (((esr) >> 26) & 0x3f)

static void put64(struct smcsim *sim, uint64_t pa, uint64_t v)
{
	assert_int_equal(smcsim_mem_write(sim, pa, &v, 8), 0); /* setup: host memory access */
}

static uint64_t get64(struct smcsim *sim, uint64_t pa)
{
	uint64_t v = 0;
	assert_int_equal(smcsim_mem_read(sim, pa, &v, 8), 0); /* setup: host memory access */
	return v;
}

static void zero_page(struct smcsim *sim, uint64_t pa)
{
	static const uint8_t zero[4096];
	assert_int_equal(smcsim_mem_write(sim, pa, zero, sizeof(zero)),
			 0); /* setup: host memory access */
}

static uint64_t rmi(struct smcsim *sim, uint32_t fid, uint64_t a1, uint64_t a2)
{
	return t_call(sim, fid, a1, a2).x[0];
}

static void delegate(struct smcsim *sim, uint64_t pa)
{
	assert_int_equal(rmi(sim, RMI_GRANULE_DELEGATE_FID, pa, 0),
			 0); /* setup: RMI_GRANULE_DELEGATE */
}

static struct rmm *rmm_of(struct smcsim *sim)
{
	return emu_layer_service(emu_layer_find(sim, "el3"), "rmi");
}

/* ---- realm code: a script of SMCs per REC, recording what the realm saw ------------ */

#define MAX_STEPS 16

struct script {
	uint64_t call[MAX_STEPS][8]; /* x0..x7 of each SMC the realm issues, in order */
	int ncalls;
	int next;				/* the next call to issue */
	int fail_at;				/* > 0: return -EIO at this step */
	int steps;				/* handler invocations so far */
	struct smcsim_regs seen[MAX_STEPS + 1]; /* regs at each invocation: 0 = entry */
	uint64_t pc;
};

struct realm_code {
	struct script rec[2];
};

static int realm_fn(void *opaque, struct smcsim *sim, uint64_t rd, unsigned int idx, uint64_t pc,
		    struct smcsim_regs *regs)
{
	(void)sim;
	(void)rd;
	struct realm_code *rc = opaque;
	assert_true(idx < 2); /* setup: test harness */
	struct script *s = &rc->rec[idx];
	int step = s->steps++;
	if (step <= MAX_STEPS)
		s->seen[step] = *regs;
	if (step == 0)
		s->pc = pc;
	if (s->fail_at && step == s->fail_at)
		return -EIO;
	/* Out of calls: the realm is interrupted (its registers stay as they are). */
	if (s->next >= s->ncalls)
		return SMCSIM_REALM_IRQ;
	memset(regs, 0, sizeof(*regs));
	memcpy(regs->x, s->call[s->next], sizeof(s->call[s->next]));
	s->next++;
	return SMCSIM_REALM_SMC;
}

static void script_add(struct script *s, uint64_t x0, uint64_t x1, uint64_t x2, uint64_t x3,
		       uint64_t x4)
{
	assert_true(s->ncalls < MAX_STEPS); /* setup: test harness */
	uint64_t *c = s->call[s->ncalls++];
	memset(c, 0, 8 * sizeof(*c));
	c[0] = x0, c[1] = x1, c[2] = x2, c[3] = x3, c[4] = x4;
}

/* ---- building a realm ------------------------------------------------------------ */

static void write_realm_params(struct smcsim *sim, uint64_t rtt, uint16_t vmid)
{
	zero_page(sim, PARAMS);
	put64(sim, PARAMS + RMI_REALM_PARAMS_S2SZ, 48);
	put64(sim, PARAMS + RMI_REALM_PARAMS_NUM_BPS, 1);
	put64(sim, PARAMS + RMI_REALM_PARAMS_NUM_WPS, 1);
	assert_int_equal(smcsim_mem_write(sim, PARAMS + RMI_REALM_PARAMS_VMID, &vmid, 2),
			 0); /* setup: host memory access */
	put64(sim, PARAMS + RMI_REALM_PARAMS_RTT_BASE, rtt);
	put64(sim, PARAMS + RMI_REALM_PARAMS_RTT_LEVEL_START, 0);
	put64(sim, PARAMS + RMI_REALM_PARAMS_RTT_NUM_START, 1);
}

static void realm_create(struct smcsim *sim, uint64_t rd, uint64_t rtt, uint16_t vmid)
{
	delegate(sim, rd);
	delegate(sim, rtt);
	write_realm_params(sim, rtt, vmid);
	assert_int_equal(rmi(sim, RMI_REALM_CREATE_FID, rd, PARAMS),
			 0); /* setup: RMI_REALM_CREATE */
}

static uint64_t rtt_create(struct smcsim *sim, uint64_t rtt, uint64_t ipa, uint64_t level)
{
	return t_call(sim, RMI_RTT_CREATE_FID, RD, rtt, ipa, level).x[0];
}

static void rec_create(struct smcsim *sim, uint64_t rd, uint64_t rec, uint64_t aux, uint64_t mpidr,
		       bool runnable)
{
	delegate(sim, rec);
	zero_page(sim, REC_PARAMS);
	put64(sim, REC_PARAMS + RMI_REC_PARAMS_FLAGS, runnable ? RMI_REC_FLAG_RUNNABLE : 0);
	put64(sim, REC_PARAMS + RMI_REC_PARAMS_MPIDR, mpidr);
	put64(sim, REC_PARAMS + RMI_REC_PARAMS_PC, ENTRY_PC);
	put64(sim, REC_PARAMS + RMI_REC_PARAMS_GPRS, 0x1234); /* gprs[0] */
	put64(sim, REC_PARAMS + RMI_REC_PARAMS_NUM_AUX, 16);
	for (uint64_t i = 0; i < 16; i++) {
		delegate(sim, aux + 4096 * i);
		put64(sim, REC_PARAMS + RMI_REC_PARAMS_AUX + 8 * i, aux + 4096 * i);
	}
	assert_int_equal(t_call(sim, RMI_REC_CREATE_FID, rd, rec, REC_PARAMS).x[0],
			 0); /* setup: RMI_REC_CREATE */
}

static uint64_t data_create(struct smcsim *sim, uint64_t rd, uint64_t data, uint64_t ipa,
			    uint64_t src, uint64_t flags)
{
	return t_call(sim, RMI_DATA_CREATE_FID, rd, data, ipa, src, flags).x[0];
}

/*
 * A NEW realm (s2sz 48, start level 0) with tables down to level 3 over IPA [0, 2 MiB),
 * RIPAS RAM over [0, 0x4000) and DATA, DATA2 delegated. The source page holds a pattern.
 */
static struct smcsim *new_realm(void)
{
	struct smcsim *sim = t_machine("cca-host", NULL);
	realm_create(sim, RD, RTT, 1);
	for (uint64_t t = T1; t <= T6; t += 4096)
		delegate(sim, t);
	assert_int_equal(rtt_create(sim, T1, 0, 1), 0); /* setup: RMI_RTT_CREATE */
	assert_int_equal(rtt_create(sim, T2, 0, 2), 0); /* setup: RMI_RTT_CREATE */
	assert_int_equal(rtt_create(sim, T3, 0, 3), 0); /* setup: RMI_RTT_CREATE */
	assert_int_equal(t_call(sim, RMI_RTT_INIT_RIPAS_FID, RD, 0, 0x4000).x[0],
			 0); /* setup: RMI_RTT_INIT_RIPAS */
	delegate(sim, DATA);
	delegate(sim, DATA2);
	for (uint64_t i = 0; i < 512; i++)
		put64(sim, SRC + 8 * i, 0xA5A5000000000000u | i);
	return sim;
}

/*
 * An ACTIVE realm: new_realm() with DATA at IPA 0x1000 (RAM), IPA 0x2000 RAM but not
 * mapped, 0x4000 up EMPTY, @nrecs RECs: REC (MPIDR 0, runnable), REC1 and REC3 (MPIDR 1
 * and 2, not runnable); realm code @rc installed.
 */
static struct smcsim *live_realm(struct realm_code *rc, int nrecs)
{
	struct smcsim *sim = new_realm();
	assert_int_equal(data_create(sim, RD, DATA, 0x1000, SRC, RMI_MEASURE_CONTENT),
			 0); /* setup: RMI_DATA_CREATE */
	rec_create(sim, RD, REC, AUX, 0, true);
	if (nrecs > 1)
		rec_create(sim, RD, REC1, AUX1, 1, false);
	if (nrecs > 2)
		rec_create(sim, RD, REC3, AUX3, 2, false);
	assert_int_equal(rmi(sim, RMI_REALM_ACTIVATE_FID, RD, 0),
			 0); /* setup: RMI_REALM_ACTIVATE */
	zero_page(sim, RUN);
	zero_page(sim, RUN1);
	smcsim_set_realm_handler(sim, realm_fn, rc);
	return sim;
}

static uint64_t enter(struct smcsim *sim, uint64_t rec, uint64_t run)
{
	return rmi(sim, RMI_REC_ENTER_FID, rec, run);
}

static uint64_t exit_reason(struct smcsim *sim, uint64_t run)
{
	return get64(sim, run + RMI_RUN_EXIT_REASON);
}

/* ---- RMI_DATA_CREATE -------------------------------------------------------------- */

static void data_create_conditions(void **state)
{
	(void)state;
	struct smcsim *sim = new_realm();
	uint64_t ipa = 0x1000;
	/* TF-RMM smc_data_create(): src and flags are checked first. */
	assert_int_equal(data_create(sim, RD, DATA, ipa, SRC + 8, 0),
			 ERR_INPUT); /* DEN0137 B4.3.1 RMI_DATA_CREATE src_align */
	assert_int_equal(data_create(sim, RD, DATA, ipa, OUTSIDE, 0),
			 ERR_INPUT); /* DEN0137 B4.3.1 RMI_DATA_CREATE src_bound */
	assert_int_equal(data_create(sim, RD, DATA, ipa, DATA2, 0),
			 ERR_INPUT); /* DEN0137 B4.3.1 RMI_DATA_CREATE src_pas */
	/* src_pas: a Secure granule (cca-host's el3-sram at 0x0e000000). */
	assert_int_equal(data_create(sim, RD, DATA, ipa, 0x0e000000u, 0),
			 ERR_INPUT); /* DEN0137 B4.3.1 RMI_DATA_CREATE src_pas */
	assert_int_equal(data_create(sim, RD, DATA, ipa, SRC, 2),
			 ERR_INPUT); /* DEN0137 B4.3.1 RMI_DATA_CREATE flags_valid */
	assert_int_equal(data_create(sim, RD, DATA + 8, ipa, SRC, 0),
			 ERR_INPUT); /* DEN0137 B4.3.1 RMI_DATA_CREATE data_align */
	assert_int_equal(data_create(sim, RD, OUTSIDE, ipa, SRC, 0),
			 ERR_INPUT); /* DEN0137 B4.3.1 RMI_DATA_CREATE data_bound */
	assert_int_equal(data_create(sim, RD, PARAMS, ipa, SRC, 0),
			 ERR_INPUT); /* DEN0137 B4.3.1 RMI_DATA_CREATE data_state */
	assert_int_equal(data_create(sim, RD, T1, ipa, SRC, 0),
			 ERR_INPUT); /* DEN0137 B4.3.1 RMI_DATA_CREATE data_state: RTT */
	assert_int_equal(data_create(sim, RD + 8, DATA, ipa, SRC, 0),
			 ERR_INPUT); /* DEN0137 B4.3.1 RMI_DATA_CREATE rd_align */
	assert_int_equal(data_create(sim, RTT, DATA, ipa, SRC, 0),
			 ERR_INPUT); /* DEN0137 B4.3.1 RMI_DATA_CREATE rd_state */
	assert_int_equal(data_create(sim, RD2, DATA, ipa, SRC, 0),
			 ERR_INPUT); /* DEN0137 B4.3.1 RMI_DATA_CREATE rd_state */
	assert_int_equal(data_create(sim, RD, DATA, ipa + 0x10, SRC, 0),
			 ERR_INPUT); /* DEN0137 B4.3.1 RMI_DATA_CREATE ipa_align */
	assert_int_equal(data_create(sim, RD, DATA, IPA_UNPROT, SRC, 0),
			 ERR_INPUT); /* DEN0137 B4.3.1 RMI_DATA_CREATE ipa_bound: unprotected */
	assert_int_equal(
		data_create(sim, RD, DATA, UINT64_C(1) << 48, SRC, 0),
		ERR_INPUT); /* DEN0137 B4.3.1 RMI_DATA_CREATE ipa_bound: outside the IPA space */
	/* rtt_walk: no level-3 table for [2 MiB, 4 MiB): the walk stops at level 2; at 1 GiB
	 * it stops at level 1. */
	assert_int_equal(data_create(sim, RD, DATA, MIB2, SRC, 0),
			 ERR_RTT(2)); /* DEN0137 B4.3.1 RMI_DATA_CREATE rtt_walk */
	assert_int_equal(data_create(sim, RD, DATA, UINT64_C(1) << 30, SRC, 0),
			 ERR_RTT(1)); /* DEN0137 B4.3.1 RMI_DATA_CREATE rtt_walk */
	/* rtte_state: an ASSIGNED entry. */
	assert_int_equal(data_create(sim, RD, DATA, ipa, SRC, 0),
			 0); /* DEN0137 B4.3.1 RMI_DATA_CREATE: SUCCESS */
	assert_int_equal(data_create(sim, RD, DATA2, ipa, SRC, 0),
			 ERR_RTT(3)); /* DEN0137 B4.3.1 RMI_DATA_CREATE rtte_state */
	/* None of the failures changed the granule. */
	assert_int_equal(rmm_gstate(sim, DATA2)->state,
			 RMM_GRANULE_DELEGATED); /* DEN0137 B4.3.1 RMI_DATA_CREATE: failure leaves
						    data DELEGATED */
	/* realm_state: only a NEW realm takes initial content. TF-RMM rel0
	 * validate_data_create() checks it before any ipa condition (B4.3.1 leaves the two
	 * unordered), so an unaligned or unprotected ipa still gives ERROR_REALM. */
	assert_int_equal(rmi(sim, RMI_REALM_ACTIVATE_FID, RD, 0),
			 0); /* setup: RMI_REALM_ACTIVATE */
	assert_int_equal(data_create(sim, RD, DATA2, 0x2000, SRC, 0),
			 ERR_REALM); /* DEN0137 B4.3.1 RMI_DATA_CREATE realm_state */
	assert_int_equal(data_create(sim, RD, DATA2, 0x2010, SRC, 0),
			 ERR_REALM); /* TF-RMM rel0 validate_data_create(): realm_state before
					ipa_align */
	assert_int_equal(data_create(sim, RD, DATA2, IPA_UNPROT, SRC, 0),
			 ERR_REALM); /* TF-RMM rel0 validate_data_create(): realm_state before
					ipa_bound */
	/* Still: rd and data are checked first. */
	assert_int_equal(data_create(sim, RD, PARAMS, 0x2010, SRC, 0),
			 ERR_INPUT); /* DEN0137 B4.3.1 RMI_DATA_CREATE data_state before
					realm_state */
	smcsim_destroy(sim);
}

/*
 * TF-RMM rel0 data_create(): at level 3 the entry must be UNASSIGNED whatever its RIPAS
 * (DEN0137 1.0 B4.3.1: rtte_state is the only entry condition; RIPAS RAM is a success
 * condition of DATA_CREATE, not a failure condition). DATA_CREATE makes the entry RAM;
 * DATA_CREATE_UNKNOWN keeps its RIPAS. (The RIPAS failure condition was RMM ACS
 * v1.0_BETA0.8_10.23's, for spec EAC2; later ACS releases dropped it.)
 */
static void data_create_any_ripas(void **state)
{
	(void)state;
	struct smcsim *sim = new_realm();
	/* An EMPTY entry (new_realm() made only [0, 0x4000) RAM). */
	assert_int_equal(data_create(sim, RD, DATA, 0x5000, SRC, 0),
			 0); /* DEN0137 B4.3.1 RMI_DATA_CREATE: SUCCESS on an UNASSIGNED EMPTY
				entry */
	struct smcsim_regs r = t_call(sim, RMI_RTT_READ_ENTRY_FID, RD, 0x5000, 3);
	t_assert_reg(r, 2, RMI_ASSIGNED, "DEN0137 B4.3.1 RMI_DATA_CREATE: entry ASSIGNED");
	t_assert_reg(r, 4, RMM_RIPAS_RAM, "DEN0137 B4.3.1 RMI_DATA_CREATE: EMPTY becomes RAM");
	/* A DESTROYED entry (DATA_DESTROY of RAM leaves DESTROYED). */
	assert_int_equal(data_create(sim, RD, DATA2, 0x1000, SRC, 0),
			 0); /* setup: RMI_DATA_CREATE */
	r = t_call(sim, RMI_DATA_DESTROY_FID, RD, 0x1000);
	t_assert_reg(r, 0, 0, "setup: RMI_DATA_DESTROY");
	r = t_call(sim, RMI_RTT_READ_ENTRY_FID, RD, 0x1000, 3);
	t_assert_reg(r, 4, RMM_RIPAS_DESTROYED,
		     "DEN0137 B4.3.3 RMI_DATA_DESTROY: RIPAS RAM becomes DESTROYED");
	assert_int_equal(data_create(sim, RD, DATA2, 0x1000, SRC, 0),
			 0); /* TF-RMM rel0 data_create(): SUCCESS on an UNASSIGNED DESTROYED
				entry (no rtte_ripas condition) */
	r = t_call(sim, RMI_RTT_READ_ENTRY_FID, RD, 0x1000, 3);
	t_assert_reg(r, 4, RMM_RIPAS_RAM, "DEN0137 B4.3.1 RMI_DATA_CREATE: DESTROYED becomes RAM");
	/* DATA_CREATE_UNKNOWN keeps DESTROYED and EMPTY. */
	assert_int_equal(t_call(sim, RMI_DATA_DESTROY_FID, RD, 0x1000).x[0],
			 0); /* setup: RMI_DATA_DESTROY */
	assert_int_equal(t_call(sim, RMI_DATA_CREATE_UNKNOWN_FID, RD, DATA2, 0x1000).x[0],
			 0); /* DEN0137 B4.3.2 RMI_DATA_CREATE_UNKNOWN: SUCCESS on DESTROYED */
	r = t_call(sim, RMI_RTT_READ_ENTRY_FID, RD, 0x1000, 3);
	t_assert_reg(r, 4, RMM_RIPAS_DESTROYED,
		     "TF-RMM rel0 s2tte_create_assigned_unchanged(): DATA_CREATE_UNKNOWN keeps "
		     "RIPAS DESTROYED");
	delegate(sim, DATA2 + 0x1000);
	assert_int_equal(t_call(sim, RMI_DATA_CREATE_UNKNOWN_FID, RD, DATA2 + 0x1000, 0x6000).x[0],
			 0); /* DEN0137 B4.3.2 RMI_DATA_CREATE_UNKNOWN: SUCCESS on EMPTY */
	r = t_call(sim, RMI_RTT_READ_ENTRY_FID, RD, 0x6000, 3);
	t_assert_reg(r, 4, RMM_RIPAS_EMPTY,
		     "DEN0137 B4.3.2 RMI_DATA_CREATE_UNKNOWN: RIPAS EMPTY kept");
	smcsim_destroy(sim);
}

static void data_create_success(void **state)
{
	(void)state;
	struct smcsim *sim = new_realm();
	assert_int_equal(data_create(sim, RD, DATA, 0x2000, SRC, RMI_MEASURE_CONTENT),
			 0); /* DEN0137 B4.3.1 RMI_DATA_CREATE: SUCCESS */
	assert_int_equal(rmm_gstate(sim, DATA)->state,
			 RMM_GRANULE_DATA); /* DEN0137 B4.3.1 RMI_DATA_CREATE: data becomes DATA */
	/* Contents copied from the source. */
	uint8_t src[4096], dst[4096];
	assert_int_equal(smcsim_mem_read(sim, SRC, src, sizeof(src)),
			 0); /* setup: host memory access */
	assert_int_equal(smcsim_mem_read(sim, DATA, dst, sizeof(dst)),
			 0); /* setup: host memory access */
	assert_memory_equal(src, dst,
			    sizeof(src)); /* DEN0137 B4.3.1 RMI_DATA_CREATE: data = copy of src */
	struct smcsim_regs r = t_call(sim, RMI_RTT_READ_ENTRY_FID, RD, 0x2000, 3);
	t_assert_reg(r, 0, 0, "setup: RMI_RTT_READ_ENTRY");
	t_assert_reg(r, 1, 3, "DEN0137 B4.3.1 RMI_DATA_CREATE: walk level 3");
	t_assert_reg(r, 2, 1, "DEN0137 B4.3.1 RMI_DATA_CREATE: entry ASSIGNED");
	t_assert_reg(r, 3, DATA, "DEN0137 B4.3.1 RMI_DATA_CREATE: desc = DATA PA");
	t_assert_reg(r, 4, RMM_RIPAS_RAM, "DEN0137 B4.3.1 RMI_DATA_CREATE: RIPAS RAM");
	/* The level-3 table is live now. */
	assert_int_equal(
		t_call(sim, RMI_RTT_DESTROY_FID, RD, 0, 3).x[0],
		ERR_RTT(3)); /* DEN0137 B4.3.16 RMI_RTT_DESTROY rtt_live: DATA makes the RTT live */
	smcsim_destroy(sim);
}

/* Build and run a realm whose only content is one DATA granule holding @pattern, with
 * @flags; the realm reads its RIM with RSI_MEASUREMENT_READ(0). */
static void rim_of(uint64_t pattern, uint64_t flags, uint64_t rim[8])
{
	struct realm_code rc = { 0 };
	struct smcsim *sim = new_realm();
	for (uint64_t i = 0; i < 512; i++)
		put64(sim, SRC + 8 * i, pattern + i);
	assert_int_equal(data_create(sim, RD, DATA, 0x1000, SRC, flags),
			 0); /* setup: RMI_DATA_CREATE */
	rec_create(sim, RD, REC, AUX, 0, true);
	assert_int_equal(rmi(sim, RMI_REALM_ACTIVATE_FID, RD, 0),
			 0); /* setup: RMI_REALM_ACTIVATE */
	zero_page(sim, RUN);
	smcsim_set_realm_handler(sim, realm_fn, &rc);
	script_add(&rc.rec[0], RSI_MEASUREMENT_READ_FID, 0, 0, 0, 0);
	assert_int_equal(enter(sim, REC, RUN), 0);	       /* setup: RMI_REC_ENTER */
	assert_int_equal(exit_reason(sim, RUN), RMI_EXIT_IRQ); /* setup: RMI_REC_ENTER */
	assert_int_equal(rc.rec[0].seen[1].x[0], RSI_SUCCESS); /* setup: RSI_MEASUREMENT_READ */
	memcpy(rim, &rc.rec[0].seen[1].x[1], 8 * sizeof(uint64_t));
	smcsim_destroy(sim);
}

/* DEN0137 A7.1.1: DATA_CREATE extends the RIM with the IPA, flags and, when measured,
 * the content hash. */
static void data_create_rim(void **state)
{
	(void)state;
	uint64_t a[8], b[8], c[8], d[8], e[8];
	rim_of(0x1111, RMI_MEASURE_CONTENT, a);
	rim_of(0x1111, RMI_MEASURE_CONTENT, b);
	rim_of(0x2222, RMI_MEASURE_CONTENT, c);
	rim_of(0x1111, RMI_NO_MEASURE_CONTENT, d);
	rim_of(0x2222, RMI_NO_MEASURE_CONTENT, e);
	assert_memory_equal(a, b, sizeof(a)); /* DEN0137 B4.3.1 RMI_DATA_CREATE RIM extension: same
						 content, same RIM */
	assert_memory_not_equal(a, c, sizeof(a)); /* DEN0137 B4.3.1 RMI_DATA_CREATE RIM extension:
						     measured content differs */
	assert_memory_equal(d, e, sizeof(d));	  /* DEN0137 B4.3.1 RMI_DATA_CREATE RIM extension:
						     unmeasured content does not count */
	assert_memory_not_equal(a, d, sizeof(a)); /* DEN0137 B4.3.1 RMI_DATA_CREATE RIM extension:
						     the flag itself is measured */
	uint64_t zero[8] = { 0 };
	assert_memory_not_equal(a, zero, sizeof(a)); /* DEN0137 B4.3.1 RMI_DATA_CREATE RIM
							extension: the RIM is a hash, not zero */
}

/* ---- RMI_REC_ENTER ---------------------------------------------------------------- */

static void rec_enter_conditions(void **state)
{
	(void)state;
	struct realm_code rc = { 0 };
	struct smcsim *sim = new_realm();
	rec_create(sim, RD, REC, AUX, 0, true);
	rec_create(sim, RD, REC1, AUX1, 1, false);
	zero_page(sim, RUN);
	smcsim_set_realm_handler(sim, realm_fn, &rc);
	assert_int_equal(enter(sim, REC, RUN + 8), ERR_INPUT); /* DEN0137 RMI_REC_ENTER run_align */
	assert_int_equal(enter(sim, REC, OUTSIDE), ERR_INPUT); /* DEN0137 RMI_REC_ENTER run_bound */
	assert_int_equal(enter(sim, REC, DATA),
			 ERR_INPUT); /* DEN0137 RMI_REC_ENTER run_pas: Realm PAS */
	assert_int_equal(enter(sim, REC + 8, RUN), ERR_INPUT); /* DEN0137 RMI_REC_ENTER rec_align */
	assert_int_equal(enter(sim, OUTSIDE, RUN), ERR_INPUT); /* DEN0137 RMI_REC_ENTER rec_bound */
	assert_int_equal(enter(sim, PARAMS, RUN),
			 ERR_INPUT); /* DEN0137 RMI_REC_ENTER rec_gran_state: NS */
	assert_int_equal(enter(sim, DATA, RUN),
			 ERR_INPUT); /* DEN0137 RMI_REC_ENTER rec_gran_state: DELEGATED */
	assert_int_equal(enter(sim, RD, RUN),
			 ERR_INPUT); /* DEN0137 RMI_REC_ENTER rec_gran_state: RD */
	assert_int_equal(enter(sim, AUX, RUN),
			 ERR_INPUT); /* DEN0137 RMI_REC_ENTER rec_gran_state: REC_AUX */
	assert_int_equal(enter(sim, REC, RUN),
			 rmi_ret(RMI_ERROR_REALM, 0)); /* DEN0137 RMI_REC_ENTER realm_new */
	assert_int_equal(rmi(sim, RMI_REALM_ACTIVATE_FID, RD, 0),
			 0);				  /* setup: RMI_REALM_ACTIVATE */
	assert_int_equal(enter(sim, REC1, RUN), ERR_REC); /* DEN0137 RMI_REC_ENTER rec_runnable */
	/* rec_mmio (RMM ACS rec_enter): EMULATED_MMIO with no emulatable abort to complete. */
	put64(sim, RUN + RMI_RUN_ENTRY_FLAGS, RMI_ENTRY_EMULATED_MMIO);
	assert_int_equal(enter(sim, REC, RUN), ERR_REC); /* ACS cmd_rec_enter rec_mmio */
	put64(sim, RUN + RMI_RUN_ENTRY_FLAGS, 0);
	/* rec_gicv3 (RMM ACS rec_enter): gicv3_hcr bits the host does not control. */
	put64(sim, RUN + RMI_RUN_ENTRY_GICV3_HCR, UINT64_C(1) << 8);
	assert_int_equal(enter(sim, REC, RUN), ERR_REC); /* ACS cmd_rec_enter rec_gicv3 */
	put64(sim, RUN + RMI_RUN_ENTRY_GICV3_HCR, RMI_GICV3_HCR_HOST_BITS);
	assert_int_equal(rc.rec[0].steps,
			 0); /* DEN0137 RMI_REC_ENTER: a failed entry does not run the realm */
	/* system_off: index 1. */
	script_add(&rc.rec[0], PSCI_SYSTEM_OFF, 0, 0, 0, 0);
	assert_int_equal(enter(sim, REC, RUN),
			 0); /* DEN0137 RMI_REC_ENTER: SUCCESS, realm calls PSCI_SYSTEM_OFF */
	assert_int_equal(exit_reason(sim, RUN),
			 RMI_EXIT_PSCI); /* DEN0137 RMI_REC_ENTER: exit_reason PSCI */
	assert_int_equal(get64(sim, RUN + RMI_RUN_EXIT_GPRS),
			 PSCI_SYSTEM_OFF); /* DEN0137 RMI_REC_ENTER: PSCI exit, gprs[0] = FID */
	assert_int_equal(rmm_realm_find(rmm_of(sim), RD)->state,
			 RMM_REALM_SYSTEM_OFF); /* DEN0137 RMI_REC_ENTER: PSCI_SYSTEM_OFF makes the
						   realm SYSTEM_OFF */
	assert_int_equal(
		enter(sim, REC, RUN),
		0x102); /* DEN0137 RMI_REC_ENTER realm_state: ERROR_REALM index 1 (SYSTEM_OFF) */
	smcsim_destroy(sim);
}

static void rec_enter_first_entry_and_irq(void **state)
{
	(void)state;
	struct realm_code rc = { 0 };
	struct smcsim *sim = live_realm(&rc, 1);
	/* Stale exit data is cleared; the REC starts at params.pc with params.gprs. */
	put64(sim, RUN + RMI_RUN_EXIT_REASON, 0xff);
	assert_int_equal(enter(sim, REC, RUN), 0); /* DEN0137 RMI_REC_ENTER: SUCCESS */
	assert_int_equal(exit_reason(sim, RUN),
			 RMI_EXIT_IRQ); /* DEN0137 RMI_REC_ENTER: exit_reason IRQ */
	assert_int_equal(rc.rec[0].pc,
			 ENTRY_PC); /* DEN0137 RMI_REC_CREATE: first entry at params.pc */
	assert_int_equal(rc.rec[0].seen[0].x[0],
			 0x1234); /* DEN0137 RMI_REC_CREATE: first entry with params.gprs */
	/* Realm calls answered by the RMM do not exit: RSI_VERSION, SMCCC_VERSION (1.2),
	 * an unknown SMC (SMC_UNKNOWN), RSI on an EMPTY IPA (RSI_ERROR_INPUT). */
	struct script *s = &rc.rec[0];
	int base = s->steps; /* invocations so far: the first entry */
	script_add(s, RSI_VERSION_FID, 0x10000, 0, 0, 0);
	script_add(s, SMCCC_VERSION_ID, 0, 0, 0, 0);
	script_add(s, 0xC2000042u, 0, 0, 0, 0);
	script_add(s, RSI_REALM_CONFIG_FID, 0x5000, 0, 0, 0);
	script_add(s, RSI_HOST_CALL_FID, 0x5000, 0, 0, 0);
	assert_int_equal(enter(sim, REC, RUN), 0); /* DEN0137 RMI_REC_ENTER: SUCCESS */
	assert_int_equal(exit_reason(sim, RUN),
			 RMI_EXIT_IRQ); /* DEN0137 RMI_REC_ENTER: exit_reason IRQ */
	t_assert_reg(s->seen[base + 1], 0, RSI_SUCCESS, "DEN0137 RSI_VERSION: 1.0 SUCCESS");
	t_assert_reg(s->seen[base + 1], 1, 0x10000, "DEN0137 RSI_VERSION: lower 1.0");
	t_assert_reg(s->seen[base + 1], 2, 0x10000, "DEN0137 RSI_VERSION: higher 1.0");
	t_assert_reg(s->seen[base + 2], 0, 0x10002,
		     "TF-RMM rel0 handle_realm_rsi(): SMCCC_VERSION 1.2 to realms");
	t_assert_reg(s->seen[base + 3], 0, UINT64_MAX,
		     "TF-RMM rel0 handle_realm_rsi(): unknown SMC: SMC_UNKNOWN");
	t_assert_reg(s->seen[base + 4], 0, RSI_ERROR_INPUT,
		     "DEN0137 RSI_REALM_CONFIG: buffer on RIPAS EMPTY: RSI_ERROR_INPUT");
	t_assert_reg(s->seen[base + 5], 0, RSI_ERROR_INPUT,
		     "DEN0137 RSI_HOST_CALL: structure on RIPAS EMPTY: RSI_ERROR_INPUT");
	smcsim_destroy(sim);
}

static void rec_enter_ripas_change(void **state)
{
	(void)state;
	struct realm_code rc = { 0 };
	struct smcsim *sim = live_realm(&rc, 1);
	struct script *s = &rc.rec[0];
	script_add(s, RSI_IPA_STATE_SET_FID, 0x4000, 0x8000, RMM_RIPAS_RAM, 0);
	assert_int_equal(enter(sim, REC, RUN), 0); /* DEN0137 RMI_REC_ENTER: SUCCESS */
	assert_int_equal(
		exit_reason(sim, RUN),
		RMI_EXIT_RIPAS_CHANGE); /* DEN0137 RMI_REC_ENTER: exit_reason RIPAS_CHANGE */
	assert_int_equal(get64(sim, RUN + RMI_RUN_EXIT_RIPAS_BASE),
			 0x4000); /* DEN0137 RMI_REC_ENTER: RIPAS_CHANGE exit ripas_base */
	assert_int_equal(get64(sim, RUN + RMI_RUN_EXIT_RIPAS_TOP),
			 0x8000); /* DEN0137 RMI_REC_ENTER: RIPAS_CHANGE exit ripas_top */
	assert_int_equal(get64(sim, RUN + RMI_RUN_EXIT_RIPAS_VAL) & 0xff,
			 RMM_RIPAS_RAM); /* DEN0137 RMI_REC_ENTER: RIPAS_CHANGE exit ripas_value */
	struct smcsim_regs r = t_call(sim, RMI_RTT_SET_RIPAS_FID, RD, REC, 0x4000, 0x6000);
	t_assert_reg(r, 0, 0, "DEN0137 RMI_RTT_SET_RIPAS: SUCCESS");
	t_assert_reg(r, 1, 0x6000, "DEN0137 RMI_RTT_SET_RIPAS: x1 = top of the changed range");
	r = t_call(sim, RMI_RTT_READ_ENTRY_FID, RD, 0x5000, 3);
	t_assert_reg(r, 4, RMM_RIPAS_RAM, "DEN0137 RMI_RTT_SET_RIPAS: RIPAS now RAM");
	r = t_call(sim, RMI_RTT_READ_ENTRY_FID, RD, 0x6000, 3);
	t_assert_reg(r, 4, RMM_RIPAS_EMPTY,
		     "DEN0137 RMI_RTT_SET_RIPAS: beyond the host's top: unchanged");
	/* Re-entry delivers x0 = SUCCESS, x1 = the new base, x2 = ACCEPT. */
	script_add(s, RSI_IPA_STATE_SET_FID, 0x6000, 0x8000, RMM_RIPAS_RAM, 0);
	assert_int_equal(enter(sim, REC, RUN), 0); /* DEN0137 RMI_REC_ENTER: SUCCESS */
	t_assert_reg(s->seen[1], 0, RSI_SUCCESS, "DEN0137 RSI_IPA_STATE_SET: SUCCESS on re-entry");
	t_assert_reg(s->seen[1], 1, 0x6000, "DEN0137 RSI_IPA_STATE_SET: x1 = new base");
	t_assert_reg(s->seen[1], 2, 0, "DEN0137 RSI_IPA_STATE_SET: x2 = RSI_ACCEPT");
	assert_int_equal(
		exit_reason(sim, RUN),
		RMI_EXIT_RIPAS_CHANGE); /* DEN0137 RMI_REC_ENTER: exit_reason RIPAS_CHANGE */
	/* Reject: entry flag RIPAS_RESPONSE, nothing changed. */
	put64(sim, RUN + RMI_RUN_ENTRY_FLAGS, RMI_ENTRY_RIPAS_RESPONSE);
	assert_int_equal(enter(sim, REC, RUN), 0); /* DEN0137 RMI_REC_ENTER: SUCCESS */
	t_assert_reg(s->seen[2], 0, RSI_SUCCESS, "DEN0137 RSI_IPA_STATE_SET: SUCCESS on re-entry");
	t_assert_reg(s->seen[2], 1, 0x6000,
		     "DEN0137 RSI_IPA_STATE_SET: x1 = base, nothing changed");
	t_assert_reg(s->seen[2], 2, 1,
		     "DEN0137 RSI_IPA_STATE_SET: RIPAS_RESPONSE REJECT gives x2 = RSI_REJECT");
	put64(sim, RUN + RMI_RUN_ENTRY_FLAGS, 0);
	smcsim_destroy(sim);
}

static void rec_enter_host_call(void **state)
{
	(void)state;
	struct realm_code rc = { 0 };
	struct smcsim *sim = live_realm(&rc, 1);
	struct script *s = &rc.rec[0];
	/* RsiHostCall at IPA 0x1100 (DATA + 0x100): imm 0x42, gprs[i] = 0x100 + i. */
	put64(sim, DATA + 0x100, 0x42);
	for (uint64_t i = 0; i < 31; i++)
		put64(sim, DATA + 0x108 + 8 * i, 0x100 + i);
	script_add(s, RSI_HOST_CALL_FID, 0x1100, RP(2), RP(3), RP(4));
	assert_int_equal(enter(sim, REC, RUN), 0); /* DEN0137 RMI_REC_ENTER: SUCCESS */
	assert_int_equal(exit_reason(sim, RUN),
			 RMI_EXIT_HOST_CALL); /* DEN0137 RMI_REC_ENTER: exit_reason HOST_CALL */
	assert_int_equal(get64(sim, RUN + RMI_RUN_EXIT_IMM),
			 0x42); /* DEN0137 RSI_HOST_CALL: exit.imm */
	for (uint64_t i = 0; i < RMI_RUN_HOST_CALL_GPRS; i++)
		assert_int_equal(get64(sim, RUN + RMI_RUN_EXIT_GPRS + 8 * i),
				 0x100 + i); /* DEN0137 RSI_HOST_CALL: exit.gprs[0..6] */
	/* The host's answer in entry gprs[0..6] lands in the structure. */
	for (uint64_t i = 0; i < RMI_RUN_HOST_CALL_GPRS; i++)
		put64(sim, RUN + RMI_RUN_ENTRY_GPRS + 8 * i, 0x900 + i);
	assert_int_equal(enter(sim, REC, RUN), 0); /* DEN0137 RMI_REC_ENTER: SUCCESS */
	t_assert_reg(s->seen[1], 0, RSI_SUCCESS, "DEN0137 RSI_HOST_CALL: SUCCESS on re-entry");
	t_assert_reg(s->seen[1], 1, 0x1100,
		     "TF-RMM rel0 do_host_call(): only x0 written, x1 = the structure's address");
	t_assert_reg(s->seen[1], 2, RP(2), "TF-RMM rel0 do_host_call(): x2 as passed");
	t_assert_reg(s->seen[1], 4, RP(4), "TF-RMM rel0 do_host_call(): x4 as passed");
	for (uint64_t i = 0; i < RMI_RUN_HOST_CALL_GPRS; i++)
		assert_int_equal(
			get64(sim, DATA + 0x108 + 8 * i),
			0x900 + i); /* DEN0137 RSI_HOST_CALL: entry.gprs[0..6] copied back */
	assert_int_equal(get64(sim, DATA + 0x108 + 8 * 7),
			 0x107); /* DEN0137 RSI_HOST_CALL: gprs[7] untouched */
	/* rsi_host_call: 256-byte alignment (TF-RMM rel0). Steps: 1 = the result above,
	 * then IRQ; re-entry: 2 issues this call, 3 sees its result. */
	script_add(s, RSI_HOST_CALL_FID, 0x1080, 0, 0, 0);
	assert_int_equal(enter(sim, REC, RUN), 0); /* DEN0137 RMI_REC_ENTER: SUCCESS */
	t_assert_reg(s->seen[3], 0, RSI_ERROR_INPUT,
		     "TF-RMM rel0 handle_rsi_host_call(): unaligned structure RSI_ERROR_INPUT");
	smcsim_destroy(sim);
}

static void rec_enter_fault_and_errno(void **state)
{
	(void)state;
	struct realm_code rc = { 0 };
	struct smcsim *sim = live_realm(&rc, 1);
	struct script *s = &rc.rec[0];
	/* REALM_CONFIG into RAM the host has not mapped: a data abort exit (EC 0x24). */
	script_add(s, RSI_REALM_CONFIG_FID, 0x2000, 0, 0, 0);
	assert_int_equal(enter(sim, REC, RUN), 0); /* DEN0137 RMI_REC_ENTER: SUCCESS */
	assert_int_equal(exit_reason(sim, RUN),
			 RMI_EXIT_SYNC); /* DEN0137 RMI_REC_ENTER: exit_reason SYNC */
	assert_int_equal(ESR_EC(get64(sim, RUN + RMI_RUN_EXIT_ESR)),
			 0x24); /* DEN0137 RMI_REC_ENTER: SYNC exit, ESR.EC data abort */
	assert_int_equal(get64(sim, RUN + RMI_RUN_EXIT_HPFAR),
			 (0x2000 >> 12)
				 << 4); /* DEN0137 RMI_REC_ENTER: SYNC exit, HPFAR of the fault */
	/* Still unmapped: the call is issued again and faults again. */
	assert_int_equal(enter(sim, REC, RUN), 0); /* DEN0137 RMI_REC_ENTER: SUCCESS */
	assert_int_equal(exit_reason(sim, RUN),
			 RMI_EXIT_SYNC); /* DEN0137 RMI_REC_ENTER: exit_reason SYNC */
	assert_int_equal(s->steps, 1);	 /* DEN0137 RMI_REC_ENTER: the faulting call is replayed */
	smcsim_destroy(sim);
	/* A handler's negative errno fails the host's smcsim_call() with it: the realm
	 * issues RSI_VERSION, then its code fails with -EIO. */
	struct realm_code rc2 = { 0 };
	rc2.rec[0].fail_at = 1;
	script_add(&rc2.rec[0], RSI_VERSION_FID, 0x10000, 0, 0, 0);
	sim = live_realm(&rc2, 1);
	struct smcsim_regs r = { { 0 } };
	r.x[0] = RMI_REC_ENTER_FID;
	r.x[1] = REC;
	r.x[2] = RUN;
	assert_int_equal(
		smcsim_call(sim, smcsim_caller_default(sim), 0, SMCSIM_CONDUIT_DEFAULT, &r),
		-EIO); /* setup: smcsim API, realm handler errno reaches smcsim_call() */
	smcsim_destroy(sim);
}

/* ---- PSCI from the realm and RMI_PSCI_COMPLETE ------------------------------------ */

static uint64_t psci_complete(struct smcsim *sim, uint64_t calling, uint64_t target,
			      uint64_t status)
{
	return t_call(sim, RMI_PSCI_COMPLETE_FID, calling, target, status).x[0];
}

static void psci_cpu_on(void **state)
{
	(void)state;
	struct realm_code rc = { 0 };
	struct smcsim *sim = live_realm(&rc, 3);
	struct script *s = &rc.rec[0];
	script_add(s, PSCI_VERSION, 0, 0, 0, 0);
	script_add(s, PSCI_CPU_ON, 7, 0x3000, 0xC0DE, 0); /* invalid MPIDR: no exit */
	script_add(s, PSCI_CPU_ON, 1, 0x3000, 0xC0DE, 0);
	assert_int_equal(enter(sim, REC, RUN), 0); /* DEN0137 RMI_REC_ENTER: SUCCESS */
	t_assert_reg(s->seen[1], 0, 0x10001, "TF-RMM psci_version(): PSCI 1.1");
	t_assert_reg(s->seen[2], 0, PSCI_INVALID,
		     "TF-RMM rel0 psci_cpu_on(): unknown MPIDR: INVALID_PARAMETERS");
	assert_int_equal(exit_reason(sim, RUN),
			 RMI_EXIT_PSCI); /* DEN0137 RMI_REC_ENTER: exit_reason PSCI */
	assert_int_equal(get64(sim, RUN + RMI_RUN_EXIT_GPRS),
			 PSCI_CPU_ON); /* DEN0137 RMI_REC_ENTER: PSCI exit, gprs[0] = FID */
	assert_int_equal(get64(sim, RUN + RMI_RUN_EXIT_GPRS + 8),
			 1); /* DEN0137 RMI_REC_ENTER: PSCI exit, gprs[1] = argument */
	assert_int_equal(get64(sim, RUN + RMI_RUN_EXIT_GPRS + 16),
			 0x3000); /* DEN0137 RMI_REC_ENTER: PSCI exit, gprs[2] = argument */
	assert_int_equal(get64(sim, RUN + RMI_RUN_EXIT_GPRS + 24),
			 0xC0DE); /* DEN0137 RMI_REC_ENTER: PSCI exit, gprs[3] = argument */
	/* rec_psci: the caller waits for PSCI_COMPLETE. */
	assert_int_equal(enter(sim, REC, RUN), ERR_REC); /* DEN0137 RMI_REC_ENTER rec_psci */
	/* PSCI_COMPLETE failure conditions, one at a time. */
	assert_int_equal(psci_complete(sim, REC, REC, 0),
			 ERR_INPUT); /* DEN0137 RMI_PSCI_COMPLETE alias */
	assert_int_equal(psci_complete(sim, REC + 8, REC1, 0),
			 ERR_INPUT); /* DEN0137 RMI_PSCI_COMPLETE calling_align */
	assert_int_equal(psci_complete(sim, AUX, REC1, 0),
			 ERR_INPUT); /* DEN0137 RMI_PSCI_COMPLETE calling_state */
	assert_int_equal(psci_complete(sim, REC, OUTSIDE, 0),
			 ERR_INPUT); /* DEN0137 RMI_PSCI_COMPLETE target_bound */
	assert_int_equal(psci_complete(sim, REC, RD, 0),
			 ERR_INPUT); /* DEN0137 RMI_PSCI_COMPLETE target_state */
	assert_int_equal(psci_complete(sim, REC1, REC, 0),
			 ERR_INPUT); /* DEN0137 RMI_PSCI_COMPLETE pending */
	assert_int_equal(psci_complete(sim, REC, REC3, 0),
			 ERR_INPUT); /* DEN0137 RMI_PSCI_COMPLETE target: not the MPIDR asked for */
	assert_int_equal(psci_complete(sim, REC, REC1, 1),
			 ERR_INPUT); /* DEN0137 RMI_PSCI_COMPLETE status */
	assert_int_equal(psci_complete(sim, REC, REC1, PSCI_INVALID),
			 ERR_INPUT); /* DEN0137 RMI_PSCI_COMPLETE status */
	/* owner: a REC of another realm. */
	realm_create(sim, RD2, RTT2, 2);
	rec_create(sim, RD2, REC2, AUX2, 0, false);
	assert_int_equal(psci_complete(sim, REC, REC2, 0),
			 ERR_INPUT); /* DEN0137 RMI_PSCI_COMPLETE owner */
	/* Success: REC1 runnable at the entry point with x0 = context ID. */
	assert_int_equal(psci_complete(sim, REC, REC1, 0),
			 0); /* DEN0137 RMI_PSCI_COMPLETE: SUCCESS */
	assert_int_equal(psci_complete(sim, REC, REC1, 0),
			 ERR_INPUT); /* DEN0137 RMI_PSCI_COMPLETE pending: no longer pending */
	assert_int_equal(enter(sim, REC1, RUN1), 0); /* DEN0137 RMI_REC_ENTER: SUCCESS */
	assert_int_equal(
		rc.rec[1].pc,
		0x3000); /* DEN0137 RMI_PSCI_COMPLETE: CPU_ON target starts at the entry point */
	t_assert_reg(rc.rec[1].seen[0], 0, 0xC0DE,
		     "DEN0137 RMI_PSCI_COMPLETE: CPU_ON target x0 = context ID");
	t_assert_reg(rc.rec[1].seen[0], 1, 0, "DEN0137 RMI_PSCI_COMPLETE: other registers zero");
	/* The caller sees SUCCESS; a second CPU_ON is ALREADY_ON. */
	script_add(s, PSCI_CPU_ON, 1, 0x3000, 0xC0DE, 0);
	assert_int_equal(enter(sim, REC, RUN), 0); /* DEN0137 RMI_REC_ENTER: SUCCESS */
	t_assert_reg(s->seen[3], 0, 0, "DEN0137 RMI_PSCI_COMPLETE: the caller sees CPU_ON SUCCESS");
	assert_int_equal(exit_reason(sim, RUN),
			 RMI_EXIT_PSCI); /* DEN0137 RMI_REC_ENTER: exit_reason PSCI */
	assert_int_equal(psci_complete(sim, REC, REC1, 0),
			 0);			   /* DEN0137 RMI_PSCI_COMPLETE: SUCCESS */
	assert_int_equal(enter(sim, REC, RUN), 0); /* DEN0137 RMI_REC_ENTER: SUCCESS */
	t_assert_reg(s->seen[4], 0, PSCI_ALREADY_ON,
		     "TF-RMM rel0 psci_cpu_on(): CPU_ON of a running REC ALREADY_ON");
	smcsim_destroy(sim);
}

static void psci_cpu_on_denied_affinity_off(void **state)
{
	(void)state;
	struct realm_code rc = { 0 };
	struct smcsim *sim = live_realm(&rc, 2);
	struct script *s = &rc.rec[0];
	script_add(s, PSCI_AFFINITY, 1, 0, 0, 0);
	script_add(s, PSCI_CPU_ON, 1, 0x3000, 0, 0);
	script_add(s, PSCI_AFFINITY, 1, 0, 0, 0);
	script_add(s, PSCI_SYSTEM_OFF, 0, 0, 0, 0);
	assert_int_equal(enter(sim, REC, RUN), 0); /* DEN0137 RMI_REC_ENTER: SUCCESS */
	assert_int_equal(exit_reason(sim, RUN),
			 RMI_EXIT_PSCI); /* DEN0137 RMI_REC_ENTER: exit_reason PSCI */
	assert_int_equal(get64(sim, RUN + RMI_RUN_EXIT_GPRS),
			 PSCI_AFFINITY); /* DEN0137 RMI_REC_ENTER: PSCI exit, gprs[0] = FID */
	/* status: AFFINITY_INFO accepts only SUCCESS. */
	assert_int_equal(psci_complete(sim, REC, REC1, PSCI_DENIED),
			 ERR_INPUT); /* DEN0137 RMI_PSCI_COMPLETE status */
	assert_int_equal(psci_complete(sim, REC, REC1, 0),
			 0);			   /* DEN0137 RMI_PSCI_COMPLETE: SUCCESS */
	assert_int_equal(enter(sim, REC, RUN), 0); /* DEN0137 RMI_REC_ENTER: SUCCESS */
	t_assert_reg(s->seen[1], 0, 1,
		     "DEN0137 RMI_PSCI_COMPLETE: AFFINITY_INFO of a stopped REC: OFF");
	/* The host denies CPU_ON: the caller sees DENIED and REC1 stays off. */
	assert_int_equal(psci_complete(sim, REC, REC1, PSCI_DENIED),
			 0);			   /* DEN0137 RMI_PSCI_COMPLETE: SUCCESS */
	assert_int_equal(enter(sim, REC, RUN), 0); /* DEN0137 RMI_REC_ENTER: SUCCESS */
	t_assert_reg(s->seen[2], 0, PSCI_DENIED,
		     "DEN0137 RMI_PSCI_COMPLETE: host DENIED reaches the caller");
	assert_int_equal(
		enter(sim, REC1, RUN1),
		ERR_REC); /* DEN0137 RMI_REC_ENTER rec_runnable: denied CPU_ON leaves REC1 off */
	assert_int_equal(psci_complete(sim, REC, REC1, 0),
			 0);			   /* DEN0137 RMI_PSCI_COMPLETE: SUCCESS */
	assert_int_equal(enter(sim, REC, RUN), 0); /* DEN0137 RMI_REC_ENTER: SUCCESS */
	t_assert_reg(s->seen[3], 0, 1, "DEN0137 RMI_PSCI_COMPLETE: AFFINITY_INFO: still OFF");
	assert_int_equal(exit_reason(sim, RUN),
			 RMI_EXIT_PSCI); /* DEN0137 RMI_REC_ENTER: exit_reason PSCI */
	assert_int_equal(get64(sim, RUN + RMI_RUN_EXIT_GPRS),
			 PSCI_SYSTEM_OFF); /* DEN0137 RMI_REC_ENTER: PSCI exit, gprs[0] = FID */
	assert_int_equal(
		enter(sim, REC, RUN),
		0x102); /* DEN0137 RMI_REC_ENTER realm_state: ERROR_REALM index 1 (SYSTEM_OFF) */
	smcsim_destroy(sim);
}

static void psci_affinity_on(void **state)
{
	(void)state;
	struct realm_code rc = { 0 };
	struct smcsim *sim = live_realm(&rc, 2);
	struct script *s = &rc.rec[0];
	script_add(s, PSCI_CPU_ON, 1, 0x3000, 0, 0);
	script_add(s, PSCI_AFFINITY, 1, 0, 0, 0);
	assert_int_equal(enter(sim, REC, RUN), 0); /* DEN0137 RMI_REC_ENTER: SUCCESS */
	assert_int_equal(psci_complete(sim, REC, REC1, 0),
			 0);			   /* DEN0137 RMI_PSCI_COMPLETE: SUCCESS */
	assert_int_equal(enter(sim, REC, RUN), 0); /* DEN0137 RMI_REC_ENTER: SUCCESS */
	assert_int_equal(exit_reason(sim, RUN),
			 RMI_EXIT_PSCI); /* DEN0137 RMI_REC_ENTER: exit_reason PSCI */
	assert_int_equal(psci_complete(sim, REC, REC1, 0),
			 0);			   /* DEN0137 RMI_PSCI_COMPLETE: SUCCESS */
	assert_int_equal(enter(sim, REC, RUN), 0); /* DEN0137 RMI_REC_ENTER: SUCCESS */
	t_assert_reg(s->seen[2], 0, 0,
		     "DEN0137 RMI_PSCI_COMPLETE: AFFINITY_INFO of a started REC: ON");
	smcsim_destroy(sim);
}

/* ---- what a realm call returns in its registers (TF-RMM rel0 handle_realm_rsi()) ----- */

static void assert_realm_result(const struct smcsim_regs *r, uint64_t x0, const char *rule)
{
	t_assert_reg(*r, 0, x0, rule);
	for (int i = 1; i < 4; i++)
		t_assert_reg(*r, i, 0,
			     "TF-RMM rel0 handle_realm_rsi(): x1..x3 = 0 unless returned");
	t_assert_reg(*r, 4, RP(4), "TF-RMM rel0 handle_realm_rsi(): x4 seeded with the realm's x4");
}

/*
 * TF-RMM rel0 handle_realm_rsi(): every realm call the RMM answers starts from zeroed result
 * words x0..x3 and x4 seeded with the realm's own x4, for RSI, for PSCI answered in the realm,
 * for SMCCC_VERSION and for the SMC_UNKNOWN default (SMCCC_ARCH_FEATURES included). The PSCI
 * answers are runtime/rsi/psci.c's: PSCI_FEATURES lists neither PSCI_VERSION nor calls the RMM
 * does not offer, CPU_ON checks its entry point against the PAR first, and a REC addressing
 * itself is answered without an exit.
 */
static void realm_call_results(void **state)
{
	(void)state;
	struct realm_code rc = { 0 };
	struct smcsim *sim = live_realm(&rc, 2);
	struct script *s = &rc.rec[0];
	script_add(s, RSI_VERSION_FID, 0x10000, RP(2), RP(3), RP(4));
	script_add(s, RSI_REALM_CONFIG_FID, 0x5000, RP(2), RP(3), RP(4));
	script_add(s, PSCI_VERSION, RP(1), RP(2), RP(3), RP(4));
	script_add(s, SMCCC_VERSION_ID, RP(1), RP(2), RP(3), RP(4));
	script_add(s, SMCCC_ARCH_FEAT, SMCCC_VERSION_ID, RP(2), RP(3), RP(4));
	script_add(s, 0xC2000042u, RP(1), RP(2), RP(3), RP(4));
	script_add(s, PSCI_FEATURES_ID, PSCI_VERSION, RP(2), RP(3), RP(4));
	script_add(s, PSCI_FEATURES_ID, SMCCC_VERSION_ID, RP(2), RP(3), RP(4));
	script_add(s, PSCI_CPU_ON, 7, IPA_UNPROT, RP(3), RP(4));
	script_add(s, PSCI_CPU_ON, 0, 0x3000, RP(3), RP(4));
	script_add(s, PSCI_AFFINITY, 0x80000000u, 0, RP(3), RP(4));
	script_add(s, PSCI_CPU_ON, 5, 0x3000, RP(3), RP(4));
	assert_int_equal(enter(sim, REC, RUN), 0); /* DEN0137 RMI_REC_ENTER: SUCCESS */
	assert_int_equal(exit_reason(sim, RUN),
			 RMI_EXIT_IRQ); /* DEN0137 RMI_REC_ENTER: no call exited to the host */
	t_assert_reg(s->seen[1], 1, 0x10000, "DEN0137 RSI_VERSION: x1 lower 1.0");
	t_assert_reg(s->seen[1], 2, 0x10000, "DEN0137 RSI_VERSION: x2 higher 1.0");
	t_assert_reg(s->seen[1], 3, 0, "TF-RMM rel0 handle_realm_rsi(): x3 = 0");
	t_assert_reg(s->seen[1], 4, RP(4), "TF-RMM rel0 handle_realm_rsi(): RSI keeps x4");
	assert_realm_result(&s->seen[2], RSI_ERROR_INPUT,
			    "DEN0137 RSI_REALM_CONFIG: buffer on RIPAS EMPTY");
	assert_realm_result(&s->seen[3], 0x10001, "TF-RMM rel0 psci_version(): PSCI 1.1");
	assert_realm_result(&s->seen[4], 0x10002,
			    "TF-RMM rel0 handle_realm_rsi(): SMCCC_VERSION 1.2");
	assert_realm_result(&s->seen[5], UINT64_MAX,
			    "TF-RMM rel0 handle_realm_rsi(): SMCCC_ARCH_FEATURES is not handled: "
			    "SMC_UNKNOWN");
	assert_realm_result(&s->seen[6], UINT64_MAX,
			    "TF-RMM rel0 handle_realm_rsi(): unknown SMC: SMC_UNKNOWN");
	assert_realm_result(&s->seen[7], (uint64_t)-1,
			    "TF-RMM rel0 psci_features(): PSCI_VERSION is NOT_SUPPORTED");
	assert_realm_result(&s->seen[8], 0, "TF-RMM rel0 psci_features(): SMCCC_VERSION listed");
	assert_realm_result(&s->seen[9], (uint64_t)-9,
			    "TF-RMM rel0 psci_cpu_on(): entry point outside the PAR: "
			    "INVALID_ADDRESS, before the target");
	assert_realm_result(&s->seen[10], PSCI_ALREADY_ON,
			    "TF-RMM rel0 psci_cpu_on(): the caller itself: ALREADY_ON");
	assert_realm_result(&s->seen[11], 0,
			    "TF-RMM rel0 psci_affinity_info(): the caller itself (MPIDR_EL1 bit 31 "
			    "ignored): ON");
	assert_realm_result(&s->seen[12], PSCI_INVALID,
			    "TF-RMM rel0 psci_cpu_on(): no REC with that index: INVALID_PARAMS");
	smcsim_destroy(sim);
}

/* TF-RMM rel0 complete_set_ripas(): REJECT reaches the realm only for a change to RAM that
 * stopped short of top; a rejected change to EMPTY is an ACCEPT up to the address reached.
 * x3 = 0 and x4 (the flags) is the realm's. */
static void realm_ripas_response(void **state)
{
	(void)state;
	struct realm_code rc = { 0 };
	struct smcsim *sim = live_realm(&rc, 1);
	struct script *s = &rc.rec[0];
	script_add(s, RSI_IPA_STATE_SET_FID, 0x2000, 0x4000, RMM_RIPAS_EMPTY, 0);
	assert_int_equal(enter(sim, REC, RUN), 0); /* DEN0137 RMI_REC_ENTER: SUCCESS */
	assert_int_equal(
		exit_reason(sim, RUN),
		RMI_EXIT_RIPAS_CHANGE); /* DEN0137 RMI_REC_ENTER: exit_reason RIPAS_CHANGE */
	put64(sim, RUN + RMI_RUN_ENTRY_FLAGS, RMI_ENTRY_RIPAS_RESPONSE);
	script_add(s, RSI_IPA_STATE_SET_FID, 0x4000, 0x6000, RMM_RIPAS_RAM, RSI_CHANGE_DESTR);
	assert_int_equal(enter(sim, REC, RUN), 0); /* DEN0137 RMI_REC_ENTER: SUCCESS */
	t_assert_reg(s->seen[1], 0, RSI_SUCCESS, "DEN0137 RSI_IPA_STATE_SET: SUCCESS");
	t_assert_reg(s->seen[1], 1, 0x2000, "DEN0137 RSI_IPA_STATE_SET: x1 = base, nothing done");
	t_assert_reg(s->seen[1], 2, 0,
		     "TF-RMM rel0 complete_set_ripas(): a rejected change to EMPTY reports "
		     "RSI_ACCEPT");
	/* A change to RAM rejected before its top: REJECT; x3 = 0, x4 = the flags passed. */
	assert_int_equal(
		exit_reason(sim, RUN),
		RMI_EXIT_RIPAS_CHANGE); /* DEN0137 RMI_REC_ENTER: exit_reason RIPAS_CHANGE */
	assert_int_equal(enter(sim, REC, RUN), 0); /* DEN0137 RMI_REC_ENTER: SUCCESS */
	t_assert_reg(s->seen[2], 1, 0x4000, "DEN0137 RSI_IPA_STATE_SET: x1 = base, nothing done");
	t_assert_reg(s->seen[2], 2, 1,
		     "TF-RMM rel0 complete_set_ripas(): a change to RAM stopped short: "
		     "RSI_REJECT");
	t_assert_reg(s->seen[2], 3, 0, "TF-RMM rel0 handle_rsi_ipa_state_set(): x3 = 0");
	t_assert_reg(s->seen[2], 4, RSI_CHANGE_DESTR,
		     "TF-RMM rel0 handle_realm_rsi(): x4 (the flags) kept");
	put64(sim, RUN + RMI_RUN_ENTRY_FLAGS, 0);
	smcsim_destroy(sim);
}

/* TF-RMM rel0 psci_complete_request(): the caller's x0 is the result and x1..x3 read 0; x4 up
 * are its own. */
static void psci_complete_result_registers(void **state)
{
	(void)state;
	struct realm_code rc = { 0 };
	struct smcsim *sim = live_realm(&rc, 2);
	struct script *s = &rc.rec[0];
	script_add(s, PSCI_CPU_ON, 1, 0x3000, 0xC0DE, RP(4));
	assert_int_equal(enter(sim, REC, RUN), 0); /* DEN0137 RMI_REC_ENTER: SUCCESS */
	assert_int_equal(psci_complete(sim, REC, REC1, 0),
			 0);			   /* DEN0137 RMI_PSCI_COMPLETE: SUCCESS */
	assert_int_equal(enter(sim, REC, RUN), 0); /* DEN0137 RMI_REC_ENTER: SUCCESS */
	assert_realm_result(&s->seen[1], 0, "DEN0137 RMI_PSCI_COMPLETE: CPU_ON SUCCESS");
	/* The host denies CPU_ON of a REC that is on: ERROR_INPUT, and the caller still sees
	 * ALREADY_ON (complete_psci_cpu_on()). */
	script_add(s, PSCI_CPU_ON, 1, 0x3000, 0xC0DE, RP(4));
	assert_int_equal(enter(sim, REC, RUN), 0); /* DEN0137 RMI_REC_ENTER: SUCCESS */
	assert_int_equal(psci_complete(sim, REC, REC1, PSCI_DENIED),
			 ERR_INPUT); /* TF-RMM rel0 psci_complete_request(): DENIED for a REC that
					is on */
	assert_int_equal(enter(sim, REC, RUN), 0); /* DEN0137 RMI_REC_ENTER: SUCCESS */
	assert_realm_result(&s->seen[3], PSCI_ALREADY_ON,
			    "TF-RMM rel0 complete_psci_cpu_on(): ALREADY_ON");
	smcsim_destroy(sim);
}

/* ---- RMI_RTT_SET_RIPAS ------------------------------------------------------------ */

/* Realm code asks for [base, top) to become @ripas; the REC exits RIPAS_CHANGE. */
static void request_ripas(struct smcsim *sim, struct realm_code *rc, uint64_t base, uint64_t top,
			  uint64_t ripas, uint64_t flags)
{
	script_add(&rc->rec[0], RSI_IPA_STATE_SET_FID, base, top, ripas, flags);
	assert_int_equal(enter(sim, REC, RUN), 0);			/* setup: RMI_REC_ENTER */
	assert_int_equal(exit_reason(sim, RUN), RMI_EXIT_RIPAS_CHANGE); /* setup: RMI_REC_ENTER */
}

static uint64_t set_ripas(struct smcsim *sim, uint64_t rd, uint64_t rec, uint64_t base,
			  uint64_t top)
{
	return t_call(sim, RMI_RTT_SET_RIPAS_FID, rd, rec, base, top).x[0];
}

static void rtt_set_ripas_conditions(void **state)
{
	(void)state;
	struct realm_code rc = { 0 };
	struct smcsim *sim = live_realm(&rc, 2);
	realm_create(sim, RD2, RTT2, 2);
	rec_create(sim, RD2, REC2, AUX2, 0, true);
	/* pending: no request yet. */
	assert_int_equal(set_ripas(sim, RD, REC, 0x4000, 0x5000),
			 ERR_INPUT); /* DEN0137 RMI_RTT_SET_RIPAS pending */
	request_ripas(sim, &rc, 0x4000, 0x8000, RMM_RIPAS_RAM, 0);
	assert_int_equal(set_ripas(sim, RD + 8, REC, 0x4000, 0x5000),
			 ERR_INPUT); /* DEN0137 RMI_RTT_SET_RIPAS rd_align */
	assert_int_equal(set_ripas(sim, RTT, REC, 0x4000, 0x5000),
			 ERR_INPUT); /* DEN0137 RMI_RTT_SET_RIPAS rd_state */
	assert_int_equal(set_ripas(sim, RD, REC + 8, 0x4000, 0x5000),
			 ERR_INPUT); /* DEN0137 RMI_RTT_SET_RIPAS rec_align */
	assert_int_equal(set_ripas(sim, RD, RD, 0x4000, 0x5000),
			 ERR_INPUT); /* DEN0137 RMI_RTT_SET_RIPAS rec_gran_state */
	/* rec_owner: TF-RMM smc_rtt_set_ripas() and the ACS: ERROR_REC. */
	assert_int_equal(set_ripas(sim, RD, REC2, 0x4000, 0x5000),
			 ERR_REC); /* DEN0137 RMI_RTT_SET_RIPAS rec_owner */
	assert_int_equal(
		set_ripas(sim, RD, REC1, 0x4000, 0x5000),
		ERR_INPUT); /* DEN0137 RMI_RTT_SET_RIPAS rec_ripas: no request pending on REC1 */
	assert_int_equal(set_ripas(sim, RD, REC, 0x4000, 0x4000),
			 ERR_INPUT); /* DEN0137 RMI_RTT_SET_RIPAS size_valid */
	assert_int_equal(set_ripas(sim, RD, REC, 0x5000, 0x6000),
			 ERR_INPUT); /* DEN0137 RMI_RTT_SET_RIPAS base_bound */
	assert_int_equal(set_ripas(sim, RD, REC, 0x4000, 0x9000),
			 ERR_INPUT); /* DEN0137 RMI_RTT_SET_RIPAS top_bound */
	/* TF-RMM: a top not granule-aligned is ERROR_INPUT before any walk. */
	assert_int_equal(
		set_ripas(sim, RD, REC, 0x4000, 0x4800),
		ERR_INPUT); /* TF-RMM rel0 smc_rtt_set_ripas(): top_align before any walk */
	/* Success, in two steps; progress must continue from where it stopped. */
	struct smcsim_regs r = t_call(sim, RMI_RTT_SET_RIPAS_FID, RD, REC, 0x4000, 0x6000);
	t_assert_reg(r, 0, 0, "DEN0137 RMI_RTT_SET_RIPAS: SUCCESS");
	t_assert_reg(r, 1, 0x6000, "DEN0137 RMI_RTT_SET_RIPAS: x1 = top");
	assert_int_equal(set_ripas(sim, RD, REC, 0x4000, 0x8000),
			 ERR_INPUT); /* DEN0137 RMI_RTT_SET_RIPAS base_bound */
	r = t_call(sim, RMI_RTT_SET_RIPAS_FID, RD, REC, 0x6000, 0x8000);
	t_assert_reg(r, 1, 0x8000, "DEN0137 RMI_RTT_SET_RIPAS: the rest, from where it stopped");
	assert_int_equal(enter(sim, REC, RUN), 0); /* setup: RMI_REC_ENTER */
	t_assert_reg(rc.rec[0].seen[1], 1, 0x8000,
		     "DEN0137 RSI_IPA_STATE_SET: realm sees the whole range done");
	smcsim_destroy(sim);
}

static void rtt_set_ripas_walk(void **state)
{
	(void)state;
	struct realm_code rc = { 0 };
	struct smcsim *sim = live_realm(&rc, 1);
	/* base_align: [2 MiB + 4 KiB, ...) lies in an unassigned level-2 block, which the
	 * range does not cover whole: ERROR_RTT(2). */
	request_ripas(sim, &rc, MIB2 + 0x1000, MIB2 + 0x3000, RMM_RIPAS_RAM, 0);
	assert_int_equal(set_ripas(sim, RD, REC, MIB2 + 0x1000, MIB2 + 0x3000),
			 ERR_RTT(2)); /* DEN0137 RMI_RTT_SET_RIPAS base_align */
	/* With a level-3 table the change goes through. */
	assert_int_equal(rtt_create(sim, T3B, MIB2, 3), 0); /* setup: RMI_RTT_CREATE */
	assert_int_equal(set_ripas(sim, RD, REC, MIB2 + 0x1000, MIB2 + 0x3000),
			 0); /* DEN0137 RMI_RTT_SET_RIPAS: SUCCESS */
	smcsim_destroy(sim);
}

/* One level-3 table per call: a range across its end stops at it. */
static void rtt_set_ripas_partial(void **state)
{
	(void)state;
	struct realm_code rc = { 0 };
	struct smcsim *sim = live_realm(&rc, 1);
	assert_int_equal(rtt_create(sim, T3B, MIB2, 3), 0); /* setup: RMI_RTT_CREATE */
	request_ripas(sim, &rc, MIB2 - 0x2000, MIB2 + 0x2000, RMM_RIPAS_RAM, 0);
	struct smcsim_regs r =
		t_call(sim, RMI_RTT_SET_RIPAS_FID, RD, REC, MIB2 - 0x2000, MIB2 + 0x2000);
	t_assert_reg(r, 0, 0, "DEN0137 RMI_RTT_SET_RIPAS: SUCCESS");
	t_assert_reg(r, 1, MIB2,
		     "TF-RMM rel0 smc_rtt_set_ripas(): stops at the end of the level-3 table");
	r = t_call(sim, RMI_RTT_SET_RIPAS_FID, RD, REC, MIB2, MIB2 + 0x2000);
	t_assert_reg(r, 1, MIB2 + 0x2000, "DEN0137 RMI_RTT_SET_RIPAS: continues in the next table");
	smcsim_destroy(sim);
}

/* DEN0137 B5.3.7: DESTROYED changes only if the realm set RSI_CHANGE_DESTROYED; when
 * nothing can change, TF-RMM rtt_set_ripas_range() returns ERROR_RTT(level). */
static void rtt_set_ripas_destroyed(void **state)
{
	(void)state;
	struct realm_code rc = { 0 };
	struct smcsim *sim = new_realm();
	/* IPA 0x3000: RAM, then DATA destroyed there → DESTROYED. */
	assert_int_equal(data_create(sim, RD, DATA2, 0x3000, SRC, 0),
			 0); /* setup: RMI_DATA_CREATE */
	assert_int_equal(t_call(sim, RMI_DATA_DESTROY_FID, RD, 0x3000).x[0],
			 0); /* setup: RMI_DATA_DESTROY */
	assert_int_equal(data_create(sim, RD, DATA, 0x1000, SRC, 0),
			 0); /* setup: RMI_DATA_CREATE */
	rec_create(sim, RD, REC, AUX, 0, true);
	assert_int_equal(rmi(sim, RMI_REALM_ACTIVATE_FID, RD, 0),
			 0); /* setup: RMI_REALM_ACTIVATE */
	zero_page(sim, RUN);
	smcsim_set_realm_handler(sim, realm_fn, &rc);
	request_ripas(sim, &rc, 0x2000, 0x5000, RMM_RIPAS_EMPTY, 0);
	struct smcsim_regs r = t_call(sim, RMI_RTT_SET_RIPAS_FID, RD, REC, 0x2000, 0x5000);
	t_assert_reg(r, 0, 0, "DEN0137 RMI_RTT_SET_RIPAS: SUCCESS");
	t_assert_reg(r, 1, 0x3000,
		     "DEN0137 RMI_RTT_SET_RIPAS: NO_CHANGE_DESTROYED stops at the DESTROYED entry");
	r = t_call(sim, RMI_RTT_SET_RIPAS_FID, RD, REC, 0x3000, 0x5000);
	t_assert_reg(r, 0, ERR_RTT(3),
		     "TF-RMM rel0 rtt_set_ripas_range(): no progress: ERROR_RTT(3)");
	/* The realm gets x1 = 0x3000 and asks again, allowing DESTROYED to change. */
	request_ripas(sim, &rc, 0x3000, 0x5000, RMM_RIPAS_EMPTY, RSI_CHANGE_DESTR);
	t_assert_reg(rc.rec[0].seen[1], 1, 0x3000,
		     "DEN0137 RSI_IPA_STATE_SET: first request done up to 0x3000");
	r = t_call(sim, RMI_RTT_SET_RIPAS_FID, RD, REC, 0x3000, 0x5000);
	t_assert_reg(r, 0, 0, "DEN0137 RMI_RTT_SET_RIPAS: SUCCESS with CHANGE_DESTROYED");
	t_assert_reg(r, 1, 0x5000, "DEN0137 RMI_RTT_SET_RIPAS: all of it");
	r = t_call(sim, RMI_RTT_READ_ENTRY_FID, RD, 0x3000, 3);
	t_assert_reg(r, 4, RMM_RIPAS_EMPTY, "DEN0137 RMI_RTT_SET_RIPAS: DESTROYED became EMPTY");
	smcsim_destroy(sim);
}

/*
 * The largest legal ranges, up to the PAR top 2^47 (s2sz 48). What each call answers is
 * fixed by the tables, not by the range: RSI_IPA_STATE_GET reports the run up to the first
 * RIPAS change, and RTT_INIT_RIPAS / RTT_SET_RIPAS progress one table per call (TF-RMM
 * rel0 smc_rtt_init_ripas(), smc_rtt_set_ripas()), so four calls cover the PAR: the rest
 * of the level-3 table, of the level-2 table, of the level-1 table, then the protected
 * root entries. The model walks unassigned entries a block at a time.
 */
static void rsi_ipa_state_get_whole_par(void **state)
{
	(void)state;
	struct realm_code rc = { 0 };
	struct smcsim *sim = live_realm(&rc, 1);
	struct script *s = &rc.rec[0];
	script_add(s, RSI_IPA_STATE_GET_FID, 0x4000, IPA_UNPROT, 0, 0);
	script_add(s, RSI_IPA_STATE_GET_FID, 0, IPA_UNPROT, 0, 0);
	script_add(s, RSI_IPA_STATE_GET_FID, MIB2, IPA_UNPROT, 0, 0);
	assert_int_equal(enter(sim, REC, RUN), 0); /* DEN0137 RMI_REC_ENTER: SUCCESS */
	t_assert_reg(s->seen[1], 0, RSI_SUCCESS, "DEN0137 RSI_IPA_STATE_GET: to the PAR top");
	t_assert_reg(s->seen[1], 1, IPA_UNPROT,
		     "DEN0137 RSI_IPA_STATE_GET: EMPTY from 0x4000 to the PAR top, one run");
	t_assert_reg(s->seen[1], 2, RMM_RIPAS_EMPTY, "DEN0137 RSI_IPA_STATE_GET: EMPTY");
	t_assert_reg(s->seen[2], 1, 0x4000,
		     "DEN0137 RSI_IPA_STATE_GET: from 0, the RAM run ends at 0x4000");
	t_assert_reg(s->seen[2], 2, RMM_RIPAS_RAM, "DEN0137 RSI_IPA_STATE_GET: RAM");
	t_assert_reg(s->seen[3], 1, IPA_UNPROT,
		     "DEN0137 RSI_IPA_STATE_GET: from an unassigned level-2 block, EMPTY to the "
		     "PAR top");
	smcsim_destroy(sim);
}

static const uint64_t par_steps[] = { MIB2, UINT64_C(1) << 30, UINT64_C(1) << 39, IPA_UNPROT };

static void rtt_init_ripas_whole_par(void **state)
{
	(void)state;
	struct smcsim *sim = new_realm();
	uint64_t base = 0x4000;
	for (size_t i = 0; i < sizeof(par_steps) / sizeof(par_steps[0]); i++) {
		struct smcsim_regs r = t_call(sim, RMI_RTT_INIT_RIPAS_FID, RD, base, IPA_UNPROT);
		t_assert_reg(r, 0, 0, "DEN0137 RMI_RTT_INIT_RIPAS: SUCCESS over [base, PAR top)");
		t_assert_reg(r, 1, par_steps[i],
			     "TF-RMM rel0 smc_rtt_init_ripas(): x1 = the end of the walk's table");
		base = r.x[1];
	}
	struct smcsim_regs r =
		t_call(sim, RMI_RTT_READ_ENTRY_FID, RD, IPA_UNPROT - (UINT64_C(1) << 39), 0);
	t_assert_reg(r, 4, RMM_RIPAS_RAM, "DEN0137 RMI_RTT_INIT_RIPAS: the last root entry RAM");
	smcsim_destroy(sim);
}

static void rtt_set_ripas_whole_par(void **state)
{
	(void)state;
	struct realm_code rc = { 0 };
	struct smcsim *sim = live_realm(&rc, 1);
	request_ripas(sim, &rc, 0x4000, IPA_UNPROT, RMM_RIPAS_EMPTY, 0);
	assert_int_equal(get64(sim, RUN + RMI_RUN_EXIT_RIPAS_TOP),
			 IPA_UNPROT); /* DEN0137 RMI_REC_ENTER: RIPAS_CHANGE exit ripas_top */
	uint64_t base = 0x4000;
	for (size_t i = 0; i < sizeof(par_steps) / sizeof(par_steps[0]); i++) {
		struct smcsim_regs r =
			t_call(sim, RMI_RTT_SET_RIPAS_FID, RD, REC, base, IPA_UNPROT);
		t_assert_reg(r, 0, 0, "DEN0137 RMI_RTT_SET_RIPAS: SUCCESS over [base, PAR top)");
		t_assert_reg(r, 1, par_steps[i],
			     "TF-RMM rel0 smc_rtt_set_ripas(): x1 = the end of the walk's table");
		base = r.x[1];
	}
	script_add(&rc.rec[0], RSI_IPA_STATE_GET_FID, 0x4000, IPA_UNPROT, 0, 0);
	assert_int_equal(enter(sim, REC, RUN), 0); /* DEN0137 RMI_REC_ENTER: SUCCESS */
	t_assert_reg(rc.rec[0].seen[1], 1, IPA_UNPROT,
		     "DEN0137 RSI_IPA_STATE_SET: x1 = top, the whole PAR done");
	t_assert_reg(rc.rec[0].seen[1], 2, 0, "DEN0137 RSI_IPA_STATE_SET: x2 = RSI_ACCEPT");
	smcsim_destroy(sim);
}

/* ---- RMI_RTT_FOLD ---------------------------------------------------------------- */

static uint64_t fold(struct smcsim *sim, uint64_t ipa, uint64_t level)
{
	return t_call(sim, RMI_RTT_FOLD_FID, RD, ipa, level).x[0];
}

static void rtt_fold_conditions(void **state)
{
	(void)state;
	struct smcsim *sim = new_realm();
	assert_int_equal(t_call(sim, RMI_RTT_FOLD_FID, RTT, 0, 3).x[0],
			 ERR_INPUT); /* DEN0137 RMI_RTT_FOLD rd_state */
	assert_int_equal(fold(sim, 0, 0),
			 ERR_INPUT); /* DEN0137 RMI_RTT_FOLD level_bound: start level */
	assert_int_equal(fold(sim, 0, 4), ERR_INPUT); /* DEN0137 RMI_RTT_FOLD level_bound: > 3 */
	assert_int_equal(fold(sim, 0x1000, 3),
			 ERR_INPUT); /* DEN0137 RMI_RTT_FOLD ipa_align: parent 2 MiB */
	assert_int_equal(fold(sim, UINT64_C(1) << 48, 3),
			 ERR_INPUT); /* DEN0137 RMI_RTT_FOLD ipa_bound */
	/* rtt_walk: nothing at 1 GiB below level 1. */
	assert_int_equal(fold(sim, UINT64_C(1) << 30, 3),
			 ERR_RTT(1)); /* DEN0137 RMI_RTT_FOLD rtt_walk */
	/* rtt_state: the level-2 entry for [2 MiB, 4 MiB) is not a table. */
	assert_int_equal(fold(sim, MIB2, 3), ERR_RTT(2)); /* DEN0137 RMI_RTT_FOLD rtt_state */
	/* rtt_homo: [0, 0x4000) RAM, the rest EMPTY. */
	assert_int_equal(fold(sim, 0, 3), ERR_RTT(3)); /* DEN0137 RMI_RTT_FOLD rtt_homo */
	/* ...and the level-2 table below the level-1 entry holds a table. */
	assert_int_equal(fold(sim, 0, 2),
			 ERR_RTT(2)); /* DEN0137 RMI_RTT_FOLD rtt_homo: a TABLE entry */
	smcsim_destroy(sim);
}

static void rtt_fold_unassigned(void **state)
{
	(void)state;
	struct smcsim *sim = new_realm();
	assert_int_equal(rtt_create(sim, T3B, MIB2, 3), 0); /* setup: RMI_RTT_CREATE */
	struct smcsim_regs r = t_call(sim, RMI_RTT_FOLD_FID, RD, MIB2, 3);
	t_assert_reg(r, 0, 0, "DEN0137 RMI_RTT_FOLD: SUCCESS on an all-UNASSIGNED EMPTY table");
	t_assert_reg(r, 1, T3B, "DEN0137 RMI_RTT_FOLD: x1 = the RTT");
	assert_int_equal(
		rmm_gstate(sim, T3B)->state,
		RMM_GRANULE_DELEGATED); /* DEN0137 RMI_RTT_FOLD: the RTT becomes DELEGATED */
	assert_int_equal(rmi(sim, RMI_GRANULE_UNDELEGATE_FID, T3B, 0),
			 0); /* setup: RMI_GRANULE_UNDELEGATE */
	r = t_call(sim, RMI_RTT_READ_ENTRY_FID, RD, MIB2, 3);
	t_assert_reg(r, 1, 2, "DEN0137 RMI_RTT_FOLD: parent becomes a level-2 block");
	t_assert_reg(r, 2, 0, "DEN0137 RMI_RTT_FOLD: block UNASSIGNED");
	t_assert_reg(r, 4, RMM_RIPAS_EMPTY, "DEN0137 RMI_RTT_FOLD: block keeps RIPAS EMPTY");
	smcsim_destroy(sim);
}

static void rtt_fold_assigned(void **state)
{
	(void)state;
	struct smcsim *sim = new_realm();
	assert_int_equal(rtt_create(sim, T3B, MIB2, 3), 0); /* setup: RMI_RTT_CREATE */
	for (uint64_t i = 0; i < 512; i++) {
		delegate(sim, BLOCK + 4096 * i);
		if (i == 511) /* not homogeneous until the last one is there */
			assert_int_equal(fold(sim, MIB2, 3),
					 ERR_RTT(3)); /* DEN0137 RMI_RTT_FOLD rtt_homo: 511 of 512
							 ASSIGNED */
		assert_int_equal(t_call(sim, RMI_DATA_CREATE_UNKNOWN_FID, RD, BLOCK + 4096 * i,
					MIB2 + 4096 * i)
					 .x[0],
				 0); /* setup: RMI_DATA_CREATE_UNKNOWN */
	}
	struct smcsim_regs r = t_call(sim, RMI_RTT_FOLD_FID, RD, MIB2, 3);
	t_assert_reg(r, 0, 0, "DEN0137 RMI_RTT_FOLD: SUCCESS on a contiguous 2 MiB of DATA");
	t_assert_reg(r, 1, T3B, "DEN0137 RMI_RTT_FOLD: x1 = the RTT");
	assert_int_equal(
		rmm_gstate(sim, T3B)->state,
		RMM_GRANULE_DELEGATED); /* DEN0137 RMI_RTT_FOLD: the RTT becomes DELEGATED */
	r = t_call(sim, RMI_RTT_READ_ENTRY_FID, RD, MIB2, 3);
	t_assert_reg(r, 1, 2, "DEN0137 RMI_RTT_FOLD: level-2 block");
	t_assert_reg(r, 2, 1, "DEN0137 RMI_RTT_FOLD: block ASSIGNED");
	t_assert_reg(r, 3, BLOCK, "DEN0137 RMI_RTT_FOLD: desc = block PA");
	/* RTT_CREATE unfolds: 512 ASSIGNED entries at the right addresses. */
	assert_int_equal(rtt_create(sim, T3B, MIB2, 3),
			 0); /* DEN0137 RMI_RTT_CREATE: unfold an ASSIGNED block */
	r = t_call(sim, RMI_RTT_READ_ENTRY_FID, RD, MIB2 + 0x5000, 3);
	t_assert_reg(r, 1, 3, "DEN0137 RMI_RTT_CREATE: unfold, level 3 again");
	t_assert_reg(r, 2, 1, "DEN0137 RMI_RTT_CREATE: unfolded entry ASSIGNED");
	t_assert_reg(r, 3, BLOCK + 0x5000,
		     "DEN0137 RMI_RTT_CREATE: unfolded desc = block PA + offset");
	smcsim_destroy(sim);
}

#define GIB	  UINT64_C(0x40000000)
#define NSPA	  UINT64_C(0x40000000)	 /* NS memory the host maps: 1 GiB aligned */
#define NSPA_512G UINT64_C(0x8000000000) /* ... and 512 GiB aligned */
#define NS_RW	  UINT64_C(0xcc)	 /* MemAttr 0b011, S2AP read/write */

/*
 * TF-RMM rel0 smc_rtt_fold() with S2TT_MIN_BLOCK_LEVEL 1 (DEN0137 1.0 A5.5.6: ASSIGNED and
 * ASSIGNED_NS folds need a child at level 2 or 3): 512 NS 2 MiB mappings fold into a 1 GiB
 * ASSIGNED_NS block; 512 NS 1 GiB mappings would make a level-0 block: ERROR_RTT(level - 1).
 * The NS tables' live count is 0 throughout (NS mappings hold no reference).
 */
static void rtt_fold_min_block_level(void **state)
{
	(void)state;
	struct smcsim *sim = new_realm();
	assert_int_equal(rtt_create(sim, T4, IPA_UNPROT, 1), 0); /* setup: RMI_RTT_CREATE */
	assert_int_equal(rtt_create(sim, T5, IPA_UNPROT, 2), 0); /* setup: RMI_RTT_CREATE */
	for (uint64_t i = 0; i < 512; i++)
		assert_int_equal(t_call(sim, RMI_RTT_MAP_UNPROTECTED_FID, RD, IPA_UNPROT + MIB2 * i,
					2, (NSPA_512G + MIB2 * i) | NS_RW)
					 .x[0],
				 0); /* setup: RMI_RTT_MAP_UNPROTECTED */
	assert_int_equal(rmm_gstate(sim, T5)->refcount,
			 0); /* TF-RMM rel0 map_unmap_ns(): NS mappings hold no reference */
	assert_int_equal(rmm_gstate(sim, T4)->refcount,
			 1); /* TF-RMM rel0 smc_rtt_create(): the L2 table is T4's one TABLE */
	struct smcsim_regs r = t_call(sim, RMI_RTT_FOLD_FID, RD, IPA_UNPROT, 2);
	t_assert_reg(r, 0, 0,
		     "TF-RMM rel0 smc_rtt_fold(): 512 contiguous ASSIGNED_NS entries fold into a "
		     "level-1 block (S2TT_MIN_BLOCK_LEVEL 1)");
	t_assert_reg(r, 1, T5, "DEN0137 B4.3.17 RMI_RTT_FOLD: x1 = the RTT");
	assert_int_equal(rmm_gstate(sim, T4)->refcount,
			 0); /* TF-RMM rel0 smc_rtt_fold(): the parent drops the TABLE, the NS
				block holds no reference */
	r = t_call(sim, RMI_RTT_READ_ENTRY_FID, RD, IPA_UNPROT, 3);
	t_assert_reg(r, 1, 1, "DEN0137 B4.3.17 RMI_RTT_FOLD: a level-1 block");
	t_assert_reg(r, 2, RMI_ASSIGNED, "DEN0137 B4.3.20 RMI_RTT_READ_ENTRY: ASSIGNED_NS block");
	t_assert_reg(r, 3, NSPA_512G | NS_RW,
		     "DEN0137 B4.3.20 RMI_RTT_READ_ENTRY: the block's address and attributes");
	/* 511 more 1 GiB mappings: T4 maps 512 contiguous GiB, a level-0 block. */
	for (uint64_t i = 1; i < 512; i++)
		assert_int_equal(t_call(sim, RMI_RTT_MAP_UNPROTECTED_FID, RD, IPA_UNPROT + GIB * i,
					1, (NSPA_512G + GIB * i) | NS_RW)
					 .x[0],
				 0); /* setup: RMI_RTT_MAP_UNPROTECTED */
	assert_int_equal(fold(sim, IPA_UNPROT, 1),
			 ERR_RTT(0)); /* TF-RMM rel0 smc_rtt_fold(): no block below
					 S2TT_MIN_BLOCK_LEVEL: ERROR_RTT(level - 1) */
	/* A mix of NS attributes does not fold. */
	assert_int_equal(rtt_create(sim, T5, IPA_UNPROT, 2),
			 0); /* DEN0137 B4.3.15 RMI_RTT_CREATE: unfold an ASSIGNED_NS block */
	assert_int_equal(t_call(sim, RMI_RTT_UNMAP_UNPROTECTED_FID, RD, IPA_UNPROT + MIB2, 2).x[0],
			 0); /* setup: RMI_RTT_UNMAP_UNPROTECTED */
	assert_int_equal(t_call(sim, RMI_RTT_MAP_UNPROTECTED_FID, RD, IPA_UNPROT + MIB2, 2,
				(NSPA_512G + MIB2) | 0x4c)
				 .x[0],
			 0); /* setup: RMI_RTT_MAP_UNPROTECTED */
	assert_int_equal(fold(sim, IPA_UNPROT, 2),
			 ERR_RTT(2)); /* TF-RMM rel0 s2tt_maps_assigned_ns_block(): the host's
					 attributes must match */
	smcsim_destroy(sim);
}

/*
 * TF-RMM rel0 smc_rtt_create() unfolding an ASSIGNED_NS block: 512 contiguous ASSIGNED_NS
 * entries with the block's attributes, live count 0, the parent's count + 1. DEN0137 1.0
 * A5.5.8: NS mappings make entries live but never the RTT, so RTT_DESTROY takes a table of
 * NS mappings and REALM_DESTROY a realm whose root holds only NS blocks.
 */
static void rtt_ns_liveness(void **state)
{
	(void)state;
	struct smcsim *sim = new_realm();
	assert_int_equal(rtt_create(sim, T4, IPA_UNPROT, 1), 0); /* setup: RMI_RTT_CREATE */
	assert_int_equal(
		t_call(sim, RMI_RTT_MAP_UNPROTECTED_FID, RD, IPA_UNPROT, 1, NSPA | 0x4c).x[0],
		0); /* DEN0137 B4.3.19 RMI_RTT_MAP_UNPROTECTED: SUCCESS at level 1 */
	assert_int_equal(rmm_gstate(sim, T4)->refcount,
			 0); /* TF-RMM rel0 map_unmap_ns(): no live count change */
	assert_int_equal(rtt_create(sim, T5, IPA_UNPROT, 2),
			 0); /* DEN0137 B4.3.15 RMI_RTT_CREATE: unfold an ASSIGNED_NS block */
	assert_int_equal(rmm_gstate(sim, T5)->refcount,
			 0); /* TF-RMM rel0 smc_rtt_create(): the unfolded NS table is not live */
	assert_int_equal(rmm_gstate(sim, T4)->refcount,
			 1); /* TF-RMM rel0 smc_rtt_create(): the parent counts the new TABLE */
	struct smcsim_regs r = t_call(sim, RMI_RTT_READ_ENTRY_FID, RD, IPA_UNPROT + 5 * MIB2, 2);
	t_assert_reg(r, 1, 2, "DEN0137 B4.3.15 RMI_RTT_CREATE: unfolded to level 2");
	t_assert_reg(r, 2, RMI_ASSIGNED, "DEN0137 B4.3.15 RMI_RTT_CREATE: unfolded ASSIGNED_NS");
	t_assert_reg(r, 3, (NSPA + 5 * MIB2) | 0x4c,
		     "DEN0137 B4.3.15 RMI_RTT_CREATE: unfolded address + offset, same attributes");
	r = t_call(sim, RMI_RTT_DESTROY_FID, RD, IPA_UNPROT, 2);
	t_assert_reg(r, 0, 0,
		     "TF-RMM rel0 smc_rtt_destroy(): a table of NS mappings is not live: SUCCESS");
	t_assert_reg(r, 1, T5, "DEN0137 B4.3.16 RMI_RTT_DESTROY: x1 = the RTT");
	r = t_call(sim, RMI_RTT_READ_ENTRY_FID, RD, IPA_UNPROT, 1);
	t_assert_reg(r, 2, RMI_UNASSIGNED,
		     "TF-RMM rel0 smc_rtt_destroy(): the parent becomes UNASSIGNED_NS");
	t_assert_reg(r, 4, RMM_RIPAS_EMPTY,
		     "TF-RMM rel0 smc_rtt_read_entry(): UNASSIGNED_NS reads RIPAS EMPTY");
	smcsim_destroy(sim);

	/* A realm (s2sz 39, start level 1, one root) with only an NS 1 GiB block in its root:
	 * the root is not live, so the realm can be destroyed with the mapping in place. */
	sim = t_machine("cca-host", NULL);
	delegate(sim, RD);
	delegate(sim, RTT);
	write_realm_params(sim, RTT, 1);
	put64(sim, PARAMS + RMI_REALM_PARAMS_S2SZ, 39);
	put64(sim, PARAMS + RMI_REALM_PARAMS_RTT_LEVEL_START, 1);
	assert_int_equal(rmi(sim, RMI_REALM_CREATE_FID, RD, PARAMS),
			 0); /* setup: RMI_REALM_CREATE */
	assert_int_equal(
		t_call(sim, RMI_RTT_MAP_UNPROTECTED_FID, RD, UINT64_C(1) << 38, 1, NSPA | NS_RW)
			.x[0],
		0); /* DEN0137 B4.3.19 RMI_RTT_MAP_UNPROTECTED: SUCCESS in the root */
	assert_int_equal(rmi(sim, RMI_REALM_DESTROY_FID, RD, 0),
			 0); /* TF-RMM rel0 smc_realm_destroy(): total_root_rtt_refcount() is 0 */
	smcsim_destroy(sim);
}

/* ---- RMI_RTT_MAP_UNPROTECTED / RMI_RTT_UNMAP_UNPROTECTED -------------------------- */

static uint64_t map_ns(struct smcsim *sim, uint64_t ipa, uint64_t level, uint64_t desc)
{
	return t_call(sim, RMI_RTT_MAP_UNPROTECTED_FID, RD, ipa, level, desc).x[0];
}

static void rtt_map_unprotected(void **state)
{
	(void)state;
	struct smcsim *sim = new_realm();
	uint64_t ipa = IPA_UNPROT + 0x1000, desc = 0x88000000u | NS_RW;
	assert_int_equal(t_call(sim, RMI_RTT_MAP_UNPROTECTED_FID, RTT, ipa, 3, desc).x[0],
			 ERR_INPUT); /* DEN0137 B4.3.19 RMI_RTT_MAP_UNPROTECTED rd_state */
	assert_int_equal(map_ns(sim, ipa, 0, desc),
			 ERR_INPUT); /* DEN0137 B4.3.19 RMI_RTT_MAP_UNPROTECTED level_bound: < 1 */
	assert_int_equal(map_ns(sim, ipa, 4, desc),
			 ERR_INPUT); /* DEN0137 B4.3.19 RMI_RTT_MAP_UNPROTECTED level_bound: > 3 */
	/* TF-RMM rel0 smc_rtt_map_unprotected(): the level is checked before rd. */
	assert_int_equal(t_call(sim, RMI_RTT_MAP_UNPROTECTED_FID, RTT, ipa, 4, desc).x[0],
			 ERR_INPUT); /* TF-RMM rel0 smc_rtt_map_unprotected(): level_bound first */
	assert_int_equal(
		map_ns(sim, 0x1000, 3, desc),
		ERR_INPUT); /* DEN0137 B4.3.19 RMI_RTT_MAP_UNPROTECTED ipa_bound: protected */
	assert_int_equal(map_ns(sim, ipa + 8, 3, desc),
			 ERR_INPUT); /* DEN0137 B4.3.19 RMI_RTT_MAP_UNPROTECTED ipa_align */
	assert_int_equal(map_ns(sim, ipa, 2, desc),
			 ERR_INPUT); /* DEN0137 B4.3.19 RMI_RTT_MAP_UNPROTECTED ipa_align: 2 MiB */
	assert_int_equal(map_ns(sim, UINT64_C(1) << 48, 3, desc),
			 ERR_INPUT); /* DEN0137 B4.3.19 RMI_RTT_MAP_UNPROTECTED ipa_bound */
	/* desc_valid (TF-RMM rel0 host_ns_s2tte_is_valid()): the host controls the address,
	 * MemAttr[2:0] and S2AP only (DEN0137 1.0 A5.5.11, B3.56). */
	assert_int_equal(map_ns(sim, ipa, 3, desc | 1),
			 ERR_INPUT); /* DEN0137 B4.3.19 RMI_RTT_MAP_UNPROTECTED desc_valid */
	assert_int_equal(map_ns(sim, ipa, 3, desc | 2),
			 ERR_INPUT); /* DEN0137 B4.3.19 RMI_RTT_MAP_UNPROTECTED desc_valid */
	assert_int_equal(map_ns(sim, ipa, 3, desc | 0x20),
			 ERR_INPUT); /* DEN0137 B3.56 RttDescriptorIsValidForUnprotected: MemAttr[3]
					is RES0 (FEAT_S2FWB) */
	assert_int_equal(map_ns(sim, ipa, 3, desc | 0x100),
			 ERR_INPUT); /* DEN0137 A5.5.11: shareability is the RMM's (no LPA2: SH
					[9:8] must be zero) */
	assert_int_equal(map_ns(sim, ipa, 3, 0x88000000u | 0x10),
			 ERR_INPUT); /* TF-RMM rel0 host_ns_s2tte_is_valid(): MemAttr 0b100 is
					reserved under FEAT_S2FWB */
	assert_int_equal(
		map_ns(sim, ipa, 3, desc | 0x400),
		ERR_INPUT); /* DEN0137 B4.3.19 RMI_RTT_MAP_UNPROTECTED desc_valid: bit 10 */
	assert_int_equal(map_ns(sim, ipa, 3, desc | (UINT64_C(1) << 52)),
			 ERR_INPUT); /* DEN0137 B4.3.19 RMI_RTT_MAP_UNPROTECTED desc_valid: upper
					attributes */
	assert_int_equal(map_ns(sim, ipa, 3, desc | (UINT64_C(1) << 48)),
			 ERR_INPUT); /* DEN0137 B4.3.19 RMI_RTT_MAP_UNPROTECTED addr_bound: 2^48
					without LPA2 */
	/* rtt_walk: no tables under the unprotected half yet. */
	assert_int_equal(map_ns(sim, ipa, 3, desc),
			 ERR_RTT(0)); /* DEN0137 B4.3.19 RMI_RTT_MAP_UNPROTECTED rtt_walk */
	assert_int_equal(map_ns(sim, IPA_UNPROT, 1, 0x80000000u),
			 ERR_RTT(0)); /* DEN0137 B4.3.19 RMI_RTT_MAP_UNPROTECTED rtt_walk: level 1
					 is a block level (S2TT_MIN_BLOCK_LEVEL 1) */
	assert_int_equal(rtt_create(sim, T4, IPA_UNPROT, 1), 0); /* setup: RMI_RTT_CREATE */
	assert_int_equal(rtt_create(sim, T5, IPA_UNPROT, 2), 0); /* setup: RMI_RTT_CREATE */
	assert_int_equal(map_ns(sim, ipa, 3, desc),
			 ERR_RTT(2)); /* DEN0137 B4.3.19 RMI_RTT_MAP_UNPROTECTED rtt_walk */
	assert_int_equal(map_ns(sim, IPA_UNPROT + MIB2, 2, 0x88000000u | 0x1000),
			 ERR_INPUT); /* DEN0137 B4.3.19 RMI_RTT_MAP_UNPROTECTED desc_valid: address
					unaligned to 2 MiB */
	assert_int_equal(rtt_create(sim, T6, IPA_UNPROT, 3), 0); /* setup: RMI_RTT_CREATE */
	/* Success: READ_ENTRY returns ASSIGNED with the descriptor as the host passed it. */
	assert_int_equal(map_ns(sim, ipa, 3, desc),
			 0); /* DEN0137 B4.3.19 RMI_RTT_MAP_UNPROTECTED: SUCCESS */
	struct smcsim_regs r = t_call(sim, RMI_RTT_READ_ENTRY_FID, RD, ipa, 3);
	t_assert_reg(r, 1, 3, "DEN0137 B4.3.20 RMI_RTT_READ_ENTRY: walk level 3");
	t_assert_reg(r, 2, 1, "DEN0137 B4.3.20 RMI_RTT_READ_ENTRY: ASSIGNED_NS reads as ASSIGNED");
	t_assert_reg(r, 3, desc,
		     "TF-RMM rel0 host_ns_s2tte(): desc = address | MemAttr | S2AP as passed");
	t_assert_reg(r, 4, 0, "DEN0137 B4.3.20 RMI_RTT_READ_ENTRY: RIPAS EMPTY outside the PAR");
	/* rtte_state: mapping over an ASSIGNED entry. */
	assert_int_equal(map_ns(sim, ipa, 3, desc),
			 ERR_RTT(3)); /* DEN0137 B4.3.19 RMI_RTT_MAP_UNPROTECTED rtte_state */
	/* A 2 MiB block mapping. */
	assert_int_equal(map_ns(sim, IPA_UNPROT + MIB2, 2, 0x88200000u | 0x4c),
			 0); /* DEN0137 B4.3.19 RMI_RTT_MAP_UNPROTECTED: SUCCESS */
	r = t_call(sim, RMI_RTT_READ_ENTRY_FID, RD, IPA_UNPROT + MIB2, 3);
	t_assert_reg(r, 1, 2, "DEN0137 B4.3.20 RMI_RTT_READ_ENTRY: level-2 block");
	t_assert_reg(r, 3, 0x88200000u | 0x4c, "DEN0137 B4.3.20 RMI_RTT_READ_ENTRY: block desc");
	/* rtt_live: NS mappings never make an RTT live (DEN0137 1.0 A5.5.8; TF-RMM rel0
	 * map_unmap_ns() holds no reference), so the L3 table goes with its mapping. */
	assert_int_equal(rmm_gstate(sim, T6)->refcount,
			 0); /* TF-RMM rel0 map_unmap_ns(): no live count change */
	r = t_call(sim, RMI_RTT_DESTROY_FID, RD, IPA_UNPROT, 3);
	t_assert_reg(r, 0, 0, "TF-RMM rel0 smc_rtt_destroy(): a table of NS mappings is not live");
	t_assert_reg(r, 2, IPA_UNPROT + MIB2,
		     "DEN0137 B4.3.16 RMI_RTT_DESTROY: top = the next live entry (the block)");
	smcsim_destroy(sim);

	/* An LPA2 realm: OA[49:48] and OA[51:50] (at [9:8]) are address bits (TF-RMM rel0
	 * s2tte_lvl_mask()); DEN0137 B4.3.19 addr_bound is 2^48 only without LPA2. */
	sim = t_machine("cca-host", NULL);
	delegate(sim, RD);
	delegate(sim, RTT);
	write_realm_params(sim, RTT, 1);
	put64(sim, PARAMS + RMI_REALM_PARAMS_FLAGS, RMI_REALM_FLAG_LPA2);
	put64(sim, PARAMS + RMI_REALM_PARAMS_S2SZ, 39);
	put64(sim, PARAMS + RMI_REALM_PARAMS_RTT_LEVEL_START, 1);
	assert_int_equal(rmi(sim, RMI_REALM_CREATE_FID, RD, PARAMS),
			 0); /* setup: RMI_REALM_CREATE */
	uint64_t high = (UINT64_C(3) << 48) | 0x300 | 0x80000000u | NS_RW;
	assert_int_equal(map_ns(sim, UINT64_C(1) << 38, 1, high),
			 0); /* TF-RMM rel0 host_ns_s2tte_is_valid(): OA bits [51:48] with LPA2 */
	r = t_call(sim, RMI_RTT_READ_ENTRY_FID, RD, UINT64_C(1) << 38, 1);
	t_assert_reg(r, 3, high, "TF-RMM rel0 host_ns_s2tte(): the LPA2 descriptor reads back");
	smcsim_destroy(sim);
}

static void rtt_unmap_unprotected(void **state)
{
	(void)state;
	struct smcsim *sim = new_realm();
	uint64_t ipa = IPA_UNPROT + 0x1000;
	assert_int_equal(rtt_create(sim, T4, IPA_UNPROT, 1), 0); /* setup: RMI_RTT_CREATE */
	assert_int_equal(rtt_create(sim, T5, IPA_UNPROT, 2), 0); /* setup: RMI_RTT_CREATE */
	struct smcsim_regs r = t_call(sim, RMI_RTT_UNMAP_UNPROTECTED_FID, RD, ipa, 3);
	t_assert_reg(r, 0, ERR_RTT(2),
		     "DEN0137 B4.3.22 RMI_RTT_UNMAP_UNPROTECTED rtt_walk: stops at level 2");
	assert_int_equal(rtt_create(sim, T6, IPA_UNPROT, 3), 0); /* setup: RMI_RTT_CREATE */
	r = t_call(sim, RMI_RTT_UNMAP_UNPROTECTED_FID, RTT, ipa, 3);
	t_assert_reg(r, 0, ERR_INPUT, "DEN0137 B4.3.22 RMI_RTT_UNMAP_UNPROTECTED rd_state");
	r = t_call(sim, RMI_RTT_UNMAP_UNPROTECTED_FID, RD, ipa, 0);
	t_assert_reg(r, 0, ERR_INPUT, "DEN0137 B4.3.22 RMI_RTT_UNMAP_UNPROTECTED level_bound");
	t_assert_reg(r, 1, 0, "DEN0137 B4.3.22 RMI_RTT_UNMAP_UNPROTECTED: top = 0 on ERROR_INPUT");
	r = t_call(sim, RMI_RTT_UNMAP_UNPROTECTED_FID, RD, ipa, 1);
	t_assert_reg(r, 0, ERR_INPUT,
		     "DEN0137 B4.3.22 RMI_RTT_UNMAP_UNPROTECTED ipa_align: 1 GiB at level 1");
	r = t_call(sim, RMI_RTT_UNMAP_UNPROTECTED_FID, RD, 0x1000, 3);
	t_assert_reg(r, 0, ERR_INPUT,
		     "DEN0137 B4.3.22 RMI_RTT_UNMAP_UNPROTECTED ipa_bound: protected");
	r = t_call(sim, RMI_RTT_UNMAP_UNPROTECTED_FID, RD, ipa + 0x10, 3);
	t_assert_reg(r, 0, ERR_INPUT, "DEN0137 B4.3.22 RMI_RTT_UNMAP_UNPROTECTED ipa_align");
	r = t_call(sim, RMI_RTT_UNMAP_UNPROTECTED_FID, RD, ipa, 3);
	t_assert_reg(r, 0, ERR_RTT(3),
		     "DEN0137 B4.3.22 RMI_RTT_UNMAP_UNPROTECTED rtte_state: UNASSIGNED");
	t_assert_reg(r, 1, IPA_UNPROT + MIB2,
		     "DEN0137 B4.3.22 RMI_RTT_UNMAP_UNPROTECTED: top on ERROR_RTT");
	/* The walk reaches level 2, whose entry is a TABLE: ERROR_RTT at the walk level, and
	 * top = ipa (a TABLE entry is live). */
	r = t_call(sim, RMI_RTT_UNMAP_UNPROTECTED_FID, RD, IPA_UNPROT, 2);
	t_assert_reg(r, 0, ERR_RTT(2),
		     "TF-RMM rel0 map_unmap_ns(): entry not ASSIGNED_NS: ERROR_RTT(walk level)");
	t_assert_reg(r, 1, IPA_UNPROT,
		     "TF-RMM rel0 s2tt_skip_non_live_entries(): a live entry gives top = ipa");
	assert_int_equal(map_ns(sim, ipa, 3, 0x88000000u), 0); /* setup: RMI_RTT_MAP_UNPROTECTED */
	r = t_call(sim, RMI_RTT_UNMAP_UNPROTECTED_FID, RD, ipa, 3);
	t_assert_reg(r, 0, 0, "DEN0137 B4.3.22 RMI_RTT_UNMAP_UNPROTECTED: SUCCESS");
	t_assert_reg(r, 1, IPA_UNPROT + MIB2,
		     "DEN0137 B4.3.22 RMI_RTT_UNMAP_UNPROTECTED: top: nothing live after it in the "
		     "table");
	r = t_call(sim, RMI_RTT_READ_ENTRY_FID, RD, ipa, 3);
	t_assert_reg(r, 2, 0, "DEN0137 B4.3.22 RMI_RTT_UNMAP_UNPROTECTED: entry UNASSIGNED again");
	t_assert_reg(r, 3, 0, "DEN0137 B4.3.22 RMI_RTT_UNMAP_UNPROTECTED: no desc");
	/* The table is not live any more. */
	assert_int_equal(t_call(sim, RMI_RTT_DESTROY_FID, RD, IPA_UNPROT, 3).x[0],
			 0); /* DEN0137 B4.3.16 RMI_RTT_DESTROY: not live after UNMAP */
	smcsim_destroy(sim);
}

/*
 * The "top" output as TF-RMM rel0 s2tt_skip_non_live_entries() computes it (DEN0137 1.0 B3.76,
 * B4.3.3, B4.3.16, B4.3.22): ipa exactly as passed when its entry is live (the outcome
 * tables' "block mapping at lower level: top == ipa"; B3.76's pseudo-code would align it
 * down), and at the start level a scan to the end of the root granule that holds the entry,
 * even past 2^s2sz.
 */
static void top_rules(void **state)
{
	(void)state;
	struct smcsim *sim = new_realm();
	/* An NS 1 GiB block at IPA_UNPROT; a walk for IPA_UNPROT + 2 MiB stops on it. */
	assert_int_equal(rtt_create(sim, T4, IPA_UNPROT, 1), 0); /* setup: RMI_RTT_CREATE */
	assert_int_equal(map_ns(sim, IPA_UNPROT, 1, NSPA | NS_RW),
			 0); /* setup: RMI_RTT_MAP_UNPROTECTED */
	struct smcsim_regs r = t_call(sim, RMI_RTT_DESTROY_FID, RD, IPA_UNPROT + MIB2, 3);
	t_assert_reg(r, 0, ERR_RTT(1), "DEN0137 B4.3.16 RMI_RTT_DESTROY rtt_walk: a level-1 block");
	t_assert_reg(r, 1, 0, "DEN0137 B4.3.16 RMI_RTT_DESTROY: x1 = 0 on ERROR_RTT");
	t_assert_reg(r, 2, IPA_UNPROT + MIB2,
		     "TF-RMM rel0 s2tt_skip_non_live_entries(): live entry: top = ipa, unaligned");
	r = t_call(sim, RMI_RTT_UNMAP_UNPROTECTED_FID, RD, IPA_UNPROT + 0x1000, 3);
	t_assert_reg(r, 0, ERR_RTT(1),
		     "DEN0137 B4.3.22 RMI_RTT_UNMAP_UNPROTECTED rtt_walk: a level-1 block");
	t_assert_reg(r, 1, IPA_UNPROT + 0x1000,
		     "TF-RMM rel0 s2tt_skip_non_live_entries(): live entry: top = ipa, unaligned");
	/* RTT_DESTROY of a live table: x2 = ipa without a scan. */
	assert_int_equal(data_create(sim, RD, DATA, 0x1000, SRC, 0),
			 0); /* setup: RMI_DATA_CREATE */
	r = t_call(sim, RMI_RTT_DESTROY_FID, RD, 0, 3);
	t_assert_reg(r, 0, ERR_RTT(3), "DEN0137 B4.3.16 RMI_RTT_DESTROY rtt_live");
	t_assert_reg(r, 1, 0, "DEN0137 B4.3.16 RMI_RTT_DESTROY: x1 = 0 on ERROR_RTT");
	t_assert_reg(r, 2, 0, "TF-RMM rel0 smc_rtt_destroy(): live RTT: x2 = ipa as passed");
	smcsim_destroy(sim);

	/* s2sz 44 from level 0: one root granule of 512 x 512 GiB, of which 32 entries map
	 * the IPA space; the scan runs to the granule's end, 2^48. */
	sim = t_machine("cca-host", NULL);
	delegate(sim, RD);
	delegate(sim, RTT);
	write_realm_params(sim, RTT, 1);
	put64(sim, PARAMS + RMI_REALM_PARAMS_S2SZ, 44);
	assert_int_equal(rmi(sim, RMI_REALM_CREATE_FID, RD, PARAMS),
			 0); /* setup: RMI_REALM_CREATE */
	r = t_call(sim, RMI_DATA_DESTROY_FID, RD, 0x1000);
	t_assert_reg(r, 0, ERR_RTT(0), "DEN0137 B4.3.3 RMI_DATA_DESTROY rtt_walk: the root");
	t_assert_reg(r, 2, UINT64_C(1) << 48,
		     "TF-RMM rel0 s2tt_skip_non_live_entries(): to the end of the root granule, "
		     "past 2^s2sz");
	smcsim_destroy(sim);

	/* s2sz 40 from level 1: two concatenated roots (T4, T5); the scan stops at the end
	 * of the root granule holding the entry, 2^39. */
	sim = t_machine("cca-host", NULL);
	delegate(sim, RD);
	delegate(sim, T4);
	delegate(sim, T5);
	write_realm_params(sim, T4, 1);
	put64(sim, PARAMS + RMI_REALM_PARAMS_S2SZ, 40);
	put64(sim, PARAMS + RMI_REALM_PARAMS_RTT_LEVEL_START, 1);
	put64(sim, PARAMS + RMI_REALM_PARAMS_RTT_NUM_START, 2);
	assert_int_equal(rmi(sim, RMI_REALM_CREATE_FID, RD, PARAMS),
			 0); /* setup: RMI_REALM_CREATE */
	r = t_call(sim, RMI_DATA_DESTROY_FID, RD, 0x1000);
	t_assert_reg(r, 0, ERR_RTT(1), "DEN0137 B4.3.3 RMI_DATA_DESTROY rtt_walk: the root");
	t_assert_reg(r, 2, UINT64_C(1) << 39,
		     "TF-RMM rel0 s2tt_skip_non_live_entries(): to the end of the first root "
		     "granule");
	smcsim_destroy(sim);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(data_create_conditions),
		cmocka_unit_test(data_create_any_ripas),
		cmocka_unit_test(data_create_success),
		cmocka_unit_test(data_create_rim),
		cmocka_unit_test(rec_enter_conditions),
		cmocka_unit_test(rec_enter_first_entry_and_irq),
		cmocka_unit_test(rec_enter_ripas_change),
		cmocka_unit_test(rec_enter_host_call),
		cmocka_unit_test(rec_enter_fault_and_errno),
		cmocka_unit_test(psci_cpu_on),
		cmocka_unit_test(psci_cpu_on_denied_affinity_off),
		cmocka_unit_test(psci_affinity_on),
		cmocka_unit_test(realm_call_results),
		cmocka_unit_test(realm_ripas_response),
		cmocka_unit_test(psci_complete_result_registers),
		cmocka_unit_test(rtt_set_ripas_conditions),
		cmocka_unit_test(rtt_set_ripas_walk),
		cmocka_unit_test(rtt_set_ripas_partial),
		cmocka_unit_test(rtt_set_ripas_destroyed),
		cmocka_unit_test(rsi_ipa_state_get_whole_par),
		cmocka_unit_test(rtt_init_ripas_whole_par),
		cmocka_unit_test(rtt_set_ripas_whole_par),
		cmocka_unit_test(rtt_fold_conditions),
		cmocka_unit_test(rtt_fold_unassigned),
		cmocka_unit_test(rtt_fold_assigned),
		cmocka_unit_test(rtt_fold_min_block_level),
		cmocka_unit_test(rtt_ns_liveness),
		cmocka_unit_test(rtt_map_unprotected),
		cmocka_unit_test(rtt_unmap_unprotected),
		cmocka_unit_test(top_rules),
	};
	return cmocka_run_group_tests_name("conformance-rmi-run (DEN0137 1.0-rel0)", tests, NULL,
					   NULL);
}
