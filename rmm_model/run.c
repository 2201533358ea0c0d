/* SPDX-License-Identifier: MIT */
/*
 * Running a realm: the realm side of a REC that RMI_REC_ENTER (rec.c) entered: RSI and PSCI
 * calls (DEN0137 1.0 A6 and B5), and REC exits (A4.3).
 *
 * Realm code is the embedding program's (smcsim_set_realm_handler) or, without one, a
 * built-in program the profile names ("realm_program"):
 *   "irq"    the realm is interrupted at once: every entry exits with RMI_EXIT_IRQ
 *   "linux"  what a Linux realm guest does at boot (arch/arm64/kernel/rsi.c): RSI_VERSION,
 *            RSI_REALM_CONFIG into the IPA in x2 (0: skipped), then RSI_IPA_STATE_SET
 *            over [x0, x1) until the host has made it all RAM, then PSCI SYSTEM_OFF. On
 *            any error or REJECT it powers off as well (Linux would panic).
 * The realm code runs until it needs the host: an exit is written into the RmiRecRun
 * page, and the answer (RIPAS response, host-call registers, PSCI_COMPLETE) completes the
 * realm's call at the next entry.
 */
#include <errno.h>
#include <string.h>

#include "abi/psci.h"
#include "rmm_model/rmm.h"

/* A realm that never returns to the host on its own is cut off as a timer interrupt
 * would: this many realm calls per entry. */
#define RUN_MAX_CALLS 100000

/* ---- built-in realm programs ---------------------------------------------------------- */

enum linux_step {
	LX_START = 0,
	LX_VERSION,
	LX_CONFIG,
	LX_RIPAS,
	LX_OFF,
};

static void lx_issue(struct rmm_rec *rec, uint64_t *x, enum linux_step step, uint32_t fid,
		     uint64_t a1, uint64_t a2, uint64_t a3)
{
	memset(x, 0, SMCSIM_NREGS * sizeof(uint64_t));
	x[0] = fid;
	x[1] = a1;
	x[2] = a2;
	x[3] = a3;
	rec->prog_step = step;
}

/* arch/arm64/kernel/rsi.c arm64_rsi_init() and rsi_set_memory_range(), as the REC sees
 * them: each return to this function is the result of the call it issued last. */
static int linux_program(struct rmm_rec *rec, struct smcsim_regs *regs)
{
	uint64_t *x = regs->x;
	uint64_t *arg = rec->prog_arg; /* RAM base, RAM top, config IPA, next base */
	switch (rec->prog_step) {
	case LX_START:
		arg[0] = x[0];
		arg[1] = x[1];
		arg[2] = x[2];
		arg[3] = x[0];
		lx_issue(rec, x, LX_VERSION, RSI_VERSION_FID, SMCCC_VER(1, 0), 0, 0);
		return SMCSIM_REALM_SMC;
	case LX_VERSION:
		if (x[0] != RSI_SUCCESS)
			break;
		if (arg[2]) {
			lx_issue(rec, x, LX_CONFIG, RSI_REALM_CONFIG_FID, arg[2], 0, 0);
			return SMCSIM_REALM_SMC;
		}
		goto set_ripas;
	case LX_CONFIG:
		if (x[0] != RSI_SUCCESS)
			break;
		goto set_ripas;
	case LX_RIPAS:
		/* Any error, a REJECT, or a top outside the range is fatal. */
		if (x[0] != RSI_SUCCESS || x[2] != 0 || x[1] < arg[3] || x[1] > arg[1])
			break;
		arg[3] = x[1];
	set_ripas:
		if (arg[3] < arg[1]) {
			lx_issue(rec, x, LX_RIPAS, RSI_IPA_STATE_SET_FID, arg[3], arg[1],
				 RMM_RIPAS_RAM);
			return SMCSIM_REALM_SMC;
		}
		break;
	default:
		break;
	}
	lx_issue(rec, x, LX_OFF, PSCI_SYSTEM_OFF_FID, 0, 0, 0);
	return SMCSIM_REALM_SMC;
}

static int run_program(struct rmm *r, struct rmm_rec *rec, unsigned int idx,
		       struct smcsim_regs *regs)
{
	void *opaque;
	smcsim_realm_fn fn = emu_realm_handler(r->sim, &opaque);
	if (fn)
		return fn(opaque, r->sim, rec->rd, idx, rec->pc, regs);
	if (r->realm_program == RMM_PROGRAM_LINUX)
		return linux_program(rec, regs);
	return SMCSIM_REALM_IRQ;
}

/* ---- the REC's view of its realm (struct rsi_env for rsi.c) --------------------------- */

struct rec_ctx {
	struct rmm *r;
	struct rmm_realm *realm;
};

static void *rec_ipa_ptr(void *ctx, uint64_t ipa, size_t len)
{
	struct rec_ctx *rc = ctx;
	return rmm_realm_ipa_ptr(rc->r, rc->realm, ipa, len);
}

static bool rec_ripas_run(void *ctx, uint64_t ipa, uint64_t end, unsigned int *ripas, uint64_t *top)
{
	struct rec_ctx *rc = ctx;
	return rmm_realm_ripas_run(rc->r, rc->realm, ipa, end, ripas, top);
}

static bool is_psci(uint32_t fid)
{
	uint32_t base = fid & ~SMCCC_64;
	return base >= PSCI_FID(0) && base <= PSCI_FID(0x1F);
}

/*
 * The result words of a realm call the RMM answers (TF-RMM rel0 handle_realm_rsi()): each call
 * starts from a zeroed x0..x3 and x4 seeded with the realm's own x4, so x1..x3 read 0 unless
 * the call returns a value there and x4 comes back as the realm passed it.
 */
static void realm_result(uint64_t *x, uint64_t x0)
{
	x[0] = x0;
	x[1] = x[2] = x[3] = 0;
}

/*
 * A PSCI call from the realm (DEN0137 1.0 A6, TF-RMM runtime/rsi/psci.c handle_psci() @rel0),
 * its result in @x by realm_result(). The RMM answers VERSION, FEATURES and calls it can
 * refuse itself; CPU_ON and AFFINITY_INFO on another REC exit to the host and wait for
 * PSCI_COMPLETE (registers unchanged until then); CPU_OFF and CPU_SUSPEND complete at once
 * and exit to the host for information; SYSTEM_OFF/RESET exit with the registers unchanged.
 * Returns true when the REC must exit.
 */
static bool realm_psci(struct rmm_realm *realm, struct rmm_rec *rec, uint64_t *x)
{
	uint32_t fid = (uint32_t)x[0];
	switch (fid) {
	case PSCI_VERSION_FID:
		realm_result(x, SMCCC_VER(1, 1));
		return false;
	case PSCI_FEATURES_FID: {
		/* psci_features(): PSCI_VERSION itself is not in the list; SMCCC_VERSION is. */
		static const uint32_t known[] = {
			PSCI_CPU_SUSPEND_FID,	   PSCI_CPU_SUSPEND_64_FID, PSCI_CPU_OFF_FID,
			PSCI_CPU_ON_FID,	   PSCI_CPU_ON_64_FID,	    PSCI_AFFINITY_INFO_FID,
			PSCI_AFFINITY_INFO_64_FID, PSCI_SYSTEM_OFF_FID,	    PSCI_SYSTEM_RESET_FID,
			PSCI_FEATURES_FID,	   SMCCC_VERSION_FID,
		};
		uint64_t res = emu_status(PSCI_RET_NOT_SUPPORTED);
		for (size_t i = 0; i < EMU_ARRAY_SIZE(known); i++)
			if ((uint32_t)x[1] == known[i])
				res = 0;
		realm_result(x, res);
		return false;
	}
	case PSCI_CPU_ON_FID:
	case PSCI_CPU_ON_64_FID:
	case PSCI_AFFINITY_INFO_FID:
	case PSCI_AFFINITY_INFO_64_FID: {
		bool on = (fid & ~SMCCC_64) == PSCI_CPU_ON_FID;
		uint64_t target = rmm_mpidr_rec_index(x[1]);
		/* psci_cpu_on(): an entry point outside the REC's PAR (addr_in_rec_par()) is
		 * INVALID_ADDRESS before anything else. psci_affinity_info(): only level 0. */
		if (on && x[2] >= (UINT64_C(1) << (realm->s2sz - 1))) {
			realm_result(x, emu_status(PSCI_RET_INVALID_ADDRESS));
			return false;
		}
		if ((!on && x[2] != 0) || target >= realm->rec_count) {
			realm_result(x, emu_status(PSCI_RET_INVALID_PARAMS));
			return false;
		}
		/* The caller itself: ALREADY_ON, or ON (0), without an exit. */
		if (target == rec->idx) {
			realm_result(x, on ? emu_status(PSCI_RET_ALREADY_ON) : 0);
			return false;
		}
		rec->psci_fid = fid;
		rec->psci_target = x[1];
		rec->pending = RMM_PENDING_PSCI;
		return true;
	}
	case PSCI_CPU_OFF_FID:
		rec->runnable = false;
		rec->pending = RMM_PENDING_NONE;
		realm_result(x, 0);
		return true;
	case PSCI_SYSTEM_OFF_FID:
	case PSCI_SYSTEM_RESET_FID:
		/* DEN0137 A6.2: both leave the realm in SYSTEM_OFF; the host decides what a
		 * reset means. */
		realm->state = RMM_REALM_SYSTEM_OFF;
		rec->pending = RMM_PENDING_NONE;
		return true;
	case PSCI_CPU_SUSPEND_FID:
	case PSCI_CPU_SUSPEND_64_FID:
		realm_result(x, 0);
		rec->pending = RMM_PENDING_RESULT;
		return true;
	default:
		realm_result(x, emu_status(PSCI_RET_NOT_SUPPORTED));
		return false;
	}
}

static void exit_gprs(uint8_t *run, const uint64_t *x, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++)
		abi_wr64(run + RMI_RUN_EXIT_GPRS + 8 * i, x[i]);
}

/* Answer what the REC was waiting for, from the host's entry data. */
void rmm_rec_resume(struct rmm *r, struct rmm_realm *realm, struct rmm_rec *rec, const uint8_t *run)
{
	uint64_t *x = rec->regs;
	switch (rec->pending) {
	case RMM_PENDING_RIPAS: {
		/* DEN0137 B5.3.6 RSI_IPA_STATE_SET: x1 = the first address the host did not change
		 * (it may be the base: nothing changed), x2 = the host's response. TF-RMM rel0
		 * complete_set_ripas() reports REJECT only for a change to RAM that stopped
		 * short of top; a rejected change to EMPTY is an ACCEPT up to x1. x3 stays 0
		 * from the exit, x4 up are the realm's. */
		bool reject = abi_rd64(run + RMI_RUN_ENTRY_FLAGS) & RMI_ENTRY_RIPAS_RESPONSE;
		realm_result(x, RSI_SUCCESS);
		x[1] = rec->ripas_addr;
		x[2] = reject && rec->ripas_value == RMM_RIPAS_RAM &&
		       rec->ripas_addr != rec->ripas_top;
		break;
	}
	case RMM_PENDING_HOST_CALL: {
		uint8_t *p = rmm_realm_ipa_ptr(r, realm, rec->host_call_ipa, RSI_HOST_CALL_SIZE);
		for (unsigned int i = 0; p && i < RMI_RUN_HOST_CALL_GPRS; i++)
			abi_wr64(p + RSI_HOST_CALL_GPRS + 8 * i,
				 abi_rd64(run + RMI_RUN_ENTRY_GPRS + 8 * i));
		/* TF-RMM rel0 do_host_call(): only x0 is written; x1 (the structure's address)
		 * and up come back as the realm passed them. */
		x[0] = RSI_SUCCESS;
		break;
	}
	default:
		break;
	}
	rec->pending = RMM_PENDING_NONE;
}

static void exit_to_host(uint8_t *run, enum rmi_exit_reason reason)
{
	run[RMI_RUN_EXIT_REASON] = (uint8_t)reason;
}

void rmm_rec_run(struct emu_call *c, struct rmm *r, struct rmm_rec *rec, uint8_t *run)
{
	uint64_t rec_pa = rec->rec;
	struct rmm_realm *realm = rmm_realm_find(r, rec->rd);
	struct rec_ctx ctx = { r, realm };
	struct rsi_env env = {
		.s2sz = realm->s2sz,
		.hash_algo = realm->hash_algo,
		.rpv = realm->rpv,
		.meas = realm->meas,
		.attest = &rec->attest,
		.rsi_1_1 = r->spec->rule == RMM_VERSION_ECHO,
		.token_v2 = r->spec->flags & RMM_SPEC_GLOBAL_STATE,
		.ctx = &ctx,
		.ipa_ptr = rec_ipa_ptr,
		.ripas_run = rec_ripas_run,
	};
	/* The REC's index as REC_CREATE derived it from the MPIDR. */
	unsigned int idx = (unsigned int)rec->idx;
	uint64_t rd = rec->rd;
	for (unsigned int n = 0; n < RUN_MAX_CALLS; n++) {
		struct smcsim_regs regs;
		memcpy(regs.x, rec->regs, sizeof(regs.x));
		/* After a stage-2 fault the faulting call is issued again as it was. */
		bool replay = rec->regs_replay;
		rec->regs_replay = false;
		int act = replay ? SMCSIM_REALM_SMC : run_program(r, rec, idx, &regs);
		/* The handler may have issued RMI calls of its own that moved the REC array:
		 * find the REC again by address. */
		rec = rmm_rec_find(r, rec_pa);
		realm = rmm_realm_find(r, rd);
		if (!rec || !realm) {
			c->exit = -EINVAL;
			emu_ret1(c, rmi_ret(RMI_ERROR_REC, 0));
			return;
		}
		ctx.realm = realm;
		env.attest = &rec->attest;
		env.rpv = realm->rpv;
		env.meas = realm->meas;
		if (act < 0) {
			c->exit = act;
			emu_ret1(c, rmi_ret(RMI_ERROR_REC, 0));
			return;
		}
		if (act != SMCSIM_REALM_SMC) {
			memcpy(rec->regs, regs.x, sizeof(rec->regs));
			exit_to_host(run, RMI_EXIT_IRQ);
			emu_ret1(c, rmi_ret(RMI_SUCCESS, 0));
			return;
		}
		uint64_t *x = regs.x;
		uint32_t fid = (uint32_t)x[0];
		if (fid & SMCCC_FAST)
			fid &= ~SMCCC_SVE_HINT;
		if (rsi_is_rsi(fid)) {
			uint64_t res[SMCSIM_NREGS] = { 0 };
			struct rsi_exit ex;
			rsi_handle(&env, x, res, &ex);
			if (ex.kind == RSI_EXIT_NONE) {
				/* RSI results are x0..x3 (x4 the realm's), a successful
				 * MEASUREMENT_READ's x0..x8 (handle_rsi_measurement_read()). */
				unsigned int nres =
					fid == RSI_MEASUREMENT_READ_FID && res[0] == RSI_SUCCESS
						? 9
						: 4;
				memcpy(x, res, nres * sizeof(uint64_t));
				memcpy(rec->regs, x, sizeof(rec->regs));
				continue;
			}
			if (ex.kind == RSI_EXIT_RIPAS) {
				/* handle_rsi_ipa_state_set(): the REC is updated before the exit
				 * (x0 SUCCESS, x1 top, x2 and x3 0); the completion writes x0..x2
				 * at the next entry. */
				realm_result(x, RSI_SUCCESS);
				x[1] = ex.top;
			}
			memcpy(rec->regs, x, sizeof(rec->regs));
			if (ex.kind == RSI_EXIT_RIPAS) {
				rec->ripas_base = ex.base;
				rec->ripas_top = ex.top;
				rec->ripas_addr = ex.base;
				rec->ripas_value = ex.ripas;
				rec->ripas_change_destroyed = ex.change_destroyed;
				rec->pending = RMM_PENDING_RIPAS;
				abi_wr64(run + RMI_RUN_EXIT_RIPAS_BASE, ex.base);
				abi_wr64(run + RMI_RUN_EXIT_RIPAS_TOP, ex.top);
				run[RMI_RUN_EXIT_RIPAS_VAL] = ex.ripas;
				exit_to_host(run, RMI_EXIT_RIPAS_CHANGE);
			} else if (ex.kind == RSI_EXIT_HOST_CALL) {
				uint8_t *p =
					rmm_realm_ipa_ptr(r, realm, ex.ipa, RSI_HOST_CALL_SIZE);
				rec->host_call_ipa = ex.ipa;
				rec->pending = RMM_PENDING_HOST_CALL;
				abi_wr64(run + RMI_RUN_EXIT_IMM, abi_rd16(p + RSI_HOST_CALL_IMM));
				for (unsigned int i = 0; i < RMI_RUN_HOST_CALL_GPRS; i++)
					abi_wr64(run + RMI_RUN_EXIT_GPRS + 8 * i,
						 abi_rd64(p + RSI_HOST_CALL_GPRS + 8 * i));
				exit_to_host(run, RMI_EXIT_HOST_CALL);
			} else {
				/* A data abort on an unmapped RAM buffer (ESR: EC 0x24, data
				 * abort from a lower EL; HPFAR holds IPA[51:12] at [43:4]):
				 * the host maps it and re-enters, and the RSI call is issued
				 * again (its registers are kept). */
				rec->pending = RMM_PENDING_NONE;
				abi_wr64(run + RMI_RUN_EXIT_ESR, UINT64_C(0x24) << 26);
				abi_wr64(run + RMI_RUN_EXIT_HPFAR, (ex.ipa >> 12) << 4);
				exit_to_host(run, RMI_EXIT_SYNC);
				rec->regs_replay = true;
			}
			emu_ret1(c, rmi_ret(RMI_SUCCESS, 0));
			return;
		}
		if (is_psci(fid)) {
			uint64_t call[4] = { x[0], x[1], x[2], x[3] };
			if (!realm_psci(realm, rec, x)) {
				memcpy(rec->regs, x, sizeof(rec->regs));
				continue;
			}
			memcpy(rec->regs, x, sizeof(rec->regs));
			exit_gprs(run, call, RMI_RUN_EXIT_PSCI_GPRS);
			exit_to_host(run, RMI_EXIT_PSCI);
			emu_ret1(c, rmi_ret(RMI_SUCCESS, 0));
			return;
		}
		/* TF-RMM handle_realm_rsi(): the RMM reports SMCCC 1.2 to realms and answers
		 * every other SMC (SMCCC_ARCH_FEATURES included) with SMC_UNKNOWN, without an
		 * exit. */
		realm_result(x,
			     fid == SMCCC_VERSION_FID ? SMCCC_VER(1, 2) : SMCCC_RET_NOT_SUPPORTED);
		memcpy(rec->regs, x, sizeof(rec->regs));
	}
	exit_to_host(run, RMI_EXIT_IRQ);
	emu_ret1(c, rmi_ret(RMI_SUCCESS, 0));
}
