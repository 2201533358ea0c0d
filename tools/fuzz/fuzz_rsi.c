/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target: realm-supplied arguments. Byte 0 picks the machine:
 *
 *  - even: a cca-host machine with one active realm (two RECs, REC 1 not runnable, RAM at
 *    IPA 0..0x10000 with two DATA granules) whose realm code is the input: a realm
 *    handler (smcsim_set_realm_handler) issues RSI, PSCI and SMCCC calls with function IDs
 *    from a table and arguments from the input (some pointing at realm IPAs), and the host
 *    drives RMI_REC_ENTER with RmiRecEnter fields from the input (flags, gprs, gicv3_hcr;
 *    DEN0137 1.0 B4.4.19) and answers the exits (RIPAS_CHANGE with RTT_SET_RIPAS, PSCI
 *    with PSCI_COMPLETE, HOST_CALL with gprs) as the input says. The RMM's accounting
 *    (fuzz_rmm_check.h) is checked after every host call;
 *  - odd: the stand-alone cca-realm machine, where the realm is the caller and each
 *    record is one smcsim_call() with an RSI/PSCI/SMCCC function ID and fuzzed arguments.
 *
 * The rest of the input is one byte stream that the host and the realm code read in turn.
 * Work is bounded: at most MAX_HOST host steps and MAX_REALM realm calls per input.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abi/bytes.h"
#include "abi/psci.h"
#include "abi/rmi.h"
#include "abi/rsi.h"
#include "abi/smccc.h"
#include "emu/machine.h"
#include "rmm_model/rmm.h"

/* The realm's granules all lie in this window, which the invariant check audits. */
#define WIN_BASE     UINT64_C(0x80800000)
#define WIN_GRANULES 64
#define PARAMS	     UINT64_C(0x80100000)
#define REC_PARAMS   UINT64_C(0x80110000)
#define RUN_PAGE     UINT64_C(0x80120000)
#define SRC_PAGE     UINT64_C(0x80130000)
#define NS_PAGE	     UINT64_C(0x80140000)

#include "fuzz_rmm_check.h"

#define G(i)	 (WIN_BASE + (uint64_t)(i)*EMU_GRANULE_SIZE)
#define RD	 G(0)
#define RTT_ROOT G(1)
#define RTT_L1	 G(2)
#define RTT_L2	 G(3)
#define RTT_L3	 G(4)
#define DATA0	 G(5)
#define DATA1	 G(6)
#define REC0	 G(7)
#define REC1	 G(8)
#define AUX0	 16 /* REC 0's aux granules: G(16)..G(31), REC 1's G(32)..G(47) */
#define SPARE	 48 /* delegated, for the host's DATA_CREATE_UNKNOWN: G(48)..G(63) */

#define MAX_HOST  64
#define MAX_REALM 256

struct stream {
	const uint8_t *p;
	size_t left;
	unsigned int realm_calls;
	uint64_t ipa_base; /* where the realm's RAM starts in its IPA space */
};

static uint8_t byte(struct stream *s)
{
	if (!s->left)
		return 0;
	s->left--;
	return *s->p++;
}

static uint64_t u64(struct stream *s)
{
	uint64_t v = 0;
	for (int i = 0; i < 8; i++)
		v |= (uint64_t)byte(s) << (8 * i);
	return v;
}

/* RSI, PSCI and SMCCC function IDs a realm may call (DEN0137 B5, DEN0022, DEN0028). */
static const uint32_t realm_fids[] = {
	RSI_VERSION_FID,
	RSI_FEATURES_FID,
	RSI_MEASUREMENT_READ_FID,
	RSI_MEASUREMENT_EXTEND_FID,
	RSI_ATTEST_TOKEN_INIT_FID,
	RSI_ATTEST_TOKEN_CONTINUE_FID,
	RSI_REALM_CONFIG_FID,
	RSI_IPA_STATE_SET_FID,
	RSI_IPA_STATE_GET_FID,
	RSI_HOST_CALL_FID,
	RSI_FID(RSI_FNUM_MAX),
	PSCI_VERSION_FID,
	PSCI_FEATURES_FID,
	PSCI_CPU_ON_64_FID,
	PSCI_CPU_ON_FID,
	PSCI_AFFINITY_INFO_64_FID,
	PSCI_CPU_OFF_FID,
	PSCI_CPU_SUSPEND_64_FID,
	PSCI_SYSTEM_OFF_FID,
	PSCI_SYSTEM_RESET_FID,
	PSCI_MIGRATE_INFO_TYPE_FID,
	PSCI_SYSTEM_RESET2_64_FID,
	SMCCC_VERSION_FID,
	SMCCC_ARCH_FEATURES_FID,
	SMCCC_ARCH_SOC_ID_FID,
	SMCCC_ARCH_WORKAROUND_1_FID,
};

/*
 * One argument: a selector byte picks an IPA near the realm's RAM, a small integer, a
 * function ID, or 8 raw bytes, so that most calls get arguments a model takes seriously.
 */
static uint64_t arg(struct stream *s)
{
	uint8_t sel = byte(s);
	static const uint64_t ipas[] = {
		0,	 0x1000,   0x1008,   0x2000,	 0xf000,
		0x10000, 0x200000, 0xfff000, 0x40000000, UINT64_C(1) << 47
	};
	switch (sel >> 6) {
	case 0:
		return s->ipa_base + ipas[sel % (sizeof(ipas) / sizeof(ipas[0]))];
	case 1:
		return sel & 0x3f;
	case 2:
		return realm_fids[(sel & 0x3f) % (sizeof(realm_fids) / sizeof(realm_fids[0]))];
	default:
		return u64(s);
	}
}

/* One realm call from the stream into @regs; false: the realm is interrupted instead. */
static bool realm_call(struct stream *s, struct smcsim_regs *regs)
{
	if (!s->left || s->realm_calls >= MAX_REALM)
		return false;
	uint8_t op = byte(s);
	if (op >= 0xf0)
		return false;
	s->realm_calls++;
	memset(regs, 0, sizeof(*regs));
	regs->x[0] = realm_fids[op % (sizeof(realm_fids) / sizeof(realm_fids[0]))];
	/* x1..x3 always, x4..x8 (token challenge, measurement words) when op asks. */
	unsigned int nargs = (op & 0x80) ? 8 : 3;
	for (unsigned int i = 1; i <= nargs; i++)
		regs->x[i] = arg(s);
	return true;
}

static int realm_fn(void *opaque, struct smcsim *sim, uint64_t rd, unsigned int rec_index,
		    uint64_t pc, struct smcsim_regs *regs)
{
	(void)sim, (void)rd, (void)rec_index, (void)pc;
	return realm_call(opaque, regs) ? SMCSIM_REALM_SMC : SMCSIM_REALM_IRQ;
}

/* ---- cca-host: building the realm ------------------------------------------------- */

static void put64(struct smcsim *sim, uint64_t pa, uint64_t v)
{
	uint8_t b[8];
	abi_wr64(b, v);
	smcsim_mem_write(sim, pa, b, sizeof(b));
}

static uint64_t get64(struct smcsim *sim, uint64_t pa)
{
	uint8_t b[8] = { 0 };
	smcsim_mem_read(sim, pa, b, sizeof(b));
	return abi_rd64(b);
}

static uint64_t rmi(struct smcsim *sim, uint32_t fid, uint64_t a1, uint64_t a2, uint64_t a3,
		    uint64_t a4, uint64_t a5)
{
	struct smcsim_regs r = { { fid, a1, a2, a3, a4, a5 } };
	if (smcsim_call(sim, 0, 0, SMCSIM_CONDUIT_DEFAULT, &r) != SMCSIM_EXIT_RETURN) {
		fprintf(stderr, "fuzz-rsi: RMI 0x%x did not return\n", (unsigned int)fid);
		abort();
	}
	return r.x[0];
}

/* Setup that must succeed: the realm every input starts from. */
static void must(struct smcsim *sim, uint32_t fid, uint64_t a1, uint64_t a2, uint64_t a3,
		 uint64_t a4, uint64_t a5)
{
	uint64_t ret = rmi(sim, fid, a1, a2, a3, a4, a5);
	if (ret != 0) {
		fprintf(stderr, "fuzz-rsi: setup: RMI 0x%x returned 0x%llx\n", (unsigned int)fid,
			(unsigned long long)ret);
		abort();
	}
}

static void rec_params(struct smcsim *sim, unsigned int idx)
{
	uint8_t zero[4096] = { 0 };
	smcsim_mem_write(sim, REC_PARAMS, zero, sizeof(zero));
	/* REC 0 runs at once; REC 1 waits for the realm's PSCI CPU_ON. */
	put64(sim, REC_PARAMS + RMI_REC_PARAMS_FLAGS, idx == 0 ? RMI_REC_FLAG_RUNNABLE : 0);
	put64(sim, REC_PARAMS + RMI_REC_PARAMS_MPIDR, idx);
	put64(sim, REC_PARAMS + RMI_REC_PARAMS_NUM_AUX, RMI_REC_MAX_AUX);
	for (unsigned int i = 0; i < RMI_REC_MAX_AUX; i++)
		put64(sim, REC_PARAMS + RMI_REC_PARAMS_AUX + 8 * i,
		      G(AUX0 + idx * RMI_REC_MAX_AUX + i));
}

static struct smcsim *host_machine(void)
{
	struct smcsim *sim;
	struct smcsim_error err;
	if (smcsim_create_named("cca-host", &sim, &err)) {
		fprintf(stderr, "%s\n", err.text);
		abort();
	}
	for (unsigned int i = 0; i < WIN_GRANULES; i++)
		if (i < 9 || i >= AUX0)
			must(sim, RMI_GRANULE_DELEGATE_FID, G(i), 0, 0, 0, 0);
	uint8_t zero[4096] = { 0 };
	smcsim_mem_write(sim, PARAMS, zero, sizeof(zero));
	put64(sim, PARAMS + RMI_REALM_PARAMS_S2SZ, 48);
	put64(sim, PARAMS + RMI_REALM_PARAMS_NUM_BPS, 1);
	put64(sim, PARAMS + RMI_REALM_PARAMS_NUM_WPS, 1);
	put64(sim, PARAMS + RMI_REALM_PARAMS_VMID, 1);
	put64(sim, PARAMS + RMI_REALM_PARAMS_RTT_BASE, RTT_ROOT);
	put64(sim, PARAMS + RMI_REALM_PARAMS_RTT_LEVEL_START, 0);
	put64(sim, PARAMS + RMI_REALM_PARAMS_RTT_NUM_START, 1);
	must(sim, RMI_REALM_CREATE_FID, RD, PARAMS, 0, 0, 0);
	must(sim, RMI_RTT_CREATE_FID, RD, RTT_L1, 0, 1, 0);
	must(sim, RMI_RTT_CREATE_FID, RD, RTT_L2, 0, 2, 0);
	must(sim, RMI_RTT_CREATE_FID, RD, RTT_L3, 0, 3, 0);
	must(sim, RMI_RTT_INIT_RIPAS_FID, RD, 0, 0x10000, 0, 0);
	uint8_t img[4096];
	for (unsigned int i = 0; i < sizeof(img); i++)
		img[i] = (uint8_t)i;
	smcsim_mem_write(sim, SRC_PAGE, img, sizeof(img));
	must(sim, RMI_DATA_CREATE_FID, RD, DATA0, 0, SRC_PAGE, 1);
	must(sim, RMI_DATA_CREATE_FID, RD, DATA1, 0x1000, SRC_PAGE, 0);
	rec_params(sim, 0);
	must(sim, RMI_REC_CREATE_FID, RD, REC0, REC_PARAMS, 0, 0);
	rec_params(sim, 1);
	must(sim, RMI_REC_CREATE_FID, RD, REC1, REC_PARAMS, 0, 0);
	must(sim, RMI_REALM_ACTIVATE_FID, RD, 0, 0, 0, 0);
	return sim;
}

/* An IPA for a host RTT call: mostly inside the RAM, sometimes beyond it. */
static uint64_t host_ipa(uint8_t sel)
{
	static const uint64_t v[] = {
		0, 0x1000, 0x2000, 0x8000, 0xf000, 0x10000, 0x200000, 0x1800
	};
	return v[sel & 7];
}

static void host_step(struct smcsim *sim, struct stream *s)
{
	uint8_t op = byte(s);
	uint64_t rec = (op & 0x80) ? REC1 : REC0;
	switch (op & 7) {
	case 0: {
		/* RmiRecEnter: flags, the host call's answer in gprs, and GIC state. */
		uint8_t f = byte(s);
		put64(sim, RUN_PAGE + RMI_RUN_ENTRY_FLAGS, f & 0x1f);
		for (unsigned int i = 0; i < RMI_RUN_HOST_CALL_GPRS && (f & 0x20); i++)
			put64(sim, RUN_PAGE + RMI_RUN_ENTRY_GPRS + 8 * i, arg(s));
		put64(sim, RUN_PAGE + RMI_RUN_ENTRY_GICV3_HCR,
		      (f & 0x40) ? u64(s) : (byte(s) & RMI_GICV3_HCR_HOST_BITS));
		rmi(sim, RMI_REC_ENTER_FID, rec, RUN_PAGE, 0, 0, 0);
		break;
	}
	case 1: {
		/* Answer a RIPAS change with the range it asked for, or a part of it. */
		uint64_t base = get64(sim, RUN_PAGE + RMI_RUN_EXIT_RIPAS_BASE);
		uint64_t top = get64(sim, RUN_PAGE + RMI_RUN_EXIT_RIPAS_TOP);
		uint8_t b = byte(s);
		if (b & 0x80)
			top = base + (uint64_t)(b & 0xf) * EMU_GRANULE_SIZE;
		rmi(sim, RMI_RTT_SET_RIPAS_FID, RD, rec, base, top, 0);
		break;
	}
	case 2: {
		uint8_t b = byte(s);
		static const uint64_t status[] = { PSCI_RET_SUCCESS,
						   (uint64_t)PSCI_RET_NOT_SUPPORTED, (uint64_t)-2,
						   (uint64_t)-4 };
		rmi(sim, RMI_PSCI_COMPLETE_FID, rec, (b & 1) ? REC1 : REC0, status[(b >> 1) & 3], 0,
		    0);
		break;
	}
	case 3: {
		uint8_t b = byte(s);
		rmi(sim, RMI_DATA_CREATE_UNKNOWN_FID, RD, G(SPARE + (b >> 4)), host_ipa(b), 0, 0);
		break;
	}
	case 4:
		rmi(sim, RMI_DATA_DESTROY_FID, RD, host_ipa(byte(s)), 0, 0, 0);
		break;
	case 5: {
		uint8_t b = byte(s);
		rmi(sim, RMI_RTT_MAP_UNPROTECTED_FID, RD, (UINT64_C(1) << 47) | host_ipa(b), 3,
		    NS_PAGE | ((uint64_t)(b >> 3) << 2), 0);
		break;
	}
	case 6:
		rmi(sim, RMI_RTT_READ_ENTRY_FID, RD, host_ipa(byte(s)), 3, 0, 0);
		break;
	default:
		/* Plain re-entry, the common case, with what the last entry left. */
		rmi(sim, RMI_REC_ENTER_FID, rec, RUN_PAGE, 0, 0, 0);
	}
}

static void run_host(const uint8_t *data, size_t size)
{
	struct smcsim *sim = host_machine();
	struct rmm *r = emu_layer_service(emu_layer_find(sim, "el3"), "rmi");
	struct stream s = { data, size, 0, 0 };
	smcsim_set_realm_handler(sim, realm_fn, &s);
	for (unsigned int i = 0; i < MAX_HOST && s.left; i++) {
		host_step(sim, &s);
		check(sim, r);
	}
	smcsim_destroy(sim);
}

/* ---- cca-realm: the realm is the caller ------------------------------------------- */

static void run_realm(const uint8_t *data, size_t size)
{
	struct smcsim *sim;
	struct smcsim_error err;
	if (smcsim_create_named("cca-realm", &sim, &err)) {
		fprintf(stderr, "%s\n", err.text);
		abort();
	}
	struct stream s = { data, size, 0, UINT64_C(0x80000000) };
	unsigned int ncpus = smcsim_cpu_count(sim);
	for (unsigned int i = 0; i < MAX_REALM && s.left; i++) {
		unsigned int cpu = byte(&s) % ncpus;
		struct smcsim_regs regs;
		if (!realm_call(&s, &regs))
			continue;
		/* A CPU that is off or a machine that is off refuses; never a crash. */
		smcsim_call(sim, smcsim_caller_default(sim), cpu, SMCSIM_CONDUIT_DEFAULT, &regs);
		/* CPUs the realm powered on run, so that later records can call from them. */
		for (unsigned int c = 0; c < ncpus; c++)
			if (smcsim_cpu_state(sim, c) == SMCSIM_CPU_ON_PENDING)
				smcsim_cpu_boot(sim, c);
	}
	smcsim_destroy(sim);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	if (data[0] & 1)
		run_realm(data + 1, size - 1);
	else
		run_host(data + 1, size - 1);
	return 0;
}
