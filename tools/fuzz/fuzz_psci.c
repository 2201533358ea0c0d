/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target "fuzz-psci": random sequences of PSCI calls from random CPUs, with machine
 * resets and "cpu_boot" events in between, on each built-in profile and on a PSCI 1.3
 * machine with every optional call enabled. Besides crashes and sanitizer reports it
 * checks invariants: every status is one DEN0022 allows for that call, and
 * AFFINITY_INFO agrees with the CPU states the library reports.
 *
 * Input: byte 0 picks the machine; then records of 26 bytes:
 *   cpu (1), call (1: index into calls[], or a reset/event above it), x1..x3 (3 x u64 LE).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abi/bytes.h"
#include "emu/emu.h"
#include "emu/services.h"

#define REC 26

/* Statuses each call may return in x0 (besides a value result), DEN0022 chapter 5. */
#define S(x)	  (1u << (-(x)))
#define ANY_VALUE 0x80000000u

static const struct {
	uint32_t fid;
	uint32_t statuses; /* bit n: -n allowed; ANY_VALUE: x0 is a value */
} calls[] = {
	{ PSCI_VERSION_FID, ANY_VALUE },
	{ PSCI_FID64(0x1), ANY_VALUE | S(-2) | S(-3) | S(-9) }, /* resume returns context_id */
	{ PSCI_CPU_SUSPEND_FID, ANY_VALUE | S(-2) | S(-3) | S(-9) },
	{ PSCI_CPU_OFF_FID, S(-3) },
	{ PSCI_FID64(0x3), S(0) | S(-2) | S(-4) | S(-5) | S(-9) },
	{ PSCI_CPU_ON_FID, S(0) | S(-2) | S(-4) | S(-5) | S(-9) },
	{ PSCI_FID64(0x4), S(0) | S(-2) }, /* plus 1 and 2, checked below */
	{ PSCI_FID64(0x5), S(0) | S(-1) | S(-2) | S(-3) | S(-7) },
	{ PSCI_MIGRATE_INFO_TYPE_FID, ANY_VALUE },
	{ PSCI_FID64(0x7), ANY_VALUE },
	{ PSCI_SYSTEM_OFF_FID, ANY_VALUE },
	{ PSCI_SYSTEM_RESET_FID, ANY_VALUE },
	{ PSCI_FEATURES_FID, ANY_VALUE },
	{ PSCI_CPU_FREEZE_FID, S(-1) | S(-3) },
	{ PSCI_FID64(0xC), ANY_VALUE | S(-9) },
	{ PSCI_FID64(0xD), S(0) | S(-1) | S(-2) }, /* plus HW_OFF 1 */
	{ PSCI_FID64(0xE), ANY_VALUE | S(-3) | S(-9) },
	{ PSCI_SET_SUSPEND_MODE_FID, S(0) | S(-1) | S(-2) | S(-3) },
	{ PSCI_FID64(0x10), ANY_VALUE },
	{ PSCI_FID64(0x11), ANY_VALUE },
	{ PSCI_FID64(0x12), ANY_VALUE },
	{ PSCI_MEM_PROTECT_FID, ANY_VALUE },
	{ PSCI_FID64(0x14), S(0) | S(-1) | S(-3) },
	{ PSCI_FID64(0x15), ANY_VALUE },
};
#define NCALLS (sizeof(calls) / sizeof(calls[0]))

static const char *const patches[] = {
	NULL,
	"{\"layers\":{\"el3\":{\"services\":{\"psci\":{\"version\":\"1.3\","
	"\"migrate_info_type\":\"up_migrate\",\"resident_cpu\":1,\"cpu_suspend\":{\"osi\":true,"
	"\"extended_state_id\":true},\"cpu_on_pending\":true,\"system_off2_types\":1,"
	"\"stat\":true,\"cpu_freeze\":true,\"cpu_default_suspend\":true,"
	"\"affinity_info_levels\":\"any\"}}}}}",
};

static struct smcsim *machine(uint8_t sel)
{
	static const char *const names[] = { "tfa-host", "kvm-guest", "qemu-tcg", "tfa-host" };
	struct smcsim_profile *p;
	struct smcsim *sim = NULL;
	sel %= 4;
	if (smcsim_profile_load(names[sel], &p, NULL))
		abort();
	if (sel == 3 && smcsim_profile_patch(p, patches[1], NULL))
		abort();
	if (smcsim_create(p, &sim, NULL))
		abort();
	smcsim_profile_destroy(p);
	return sim;
}

static void check_status(size_t k, uint64_t x0)
{
	int64_t s = (int64_t)x0;
	if (calls[k].fid == PSCI_FID64(0x4) && (s == 1 || s == 2))
		return;
	if (calls[k].fid == PSCI_FID64(0xD) && s == 1)
		return;
	if (calls[k].statuses & ANY_VALUE)
		return;
	if (s > 0 || s < -31 || !(calls[k].statuses & (1u << -s))) {
		fprintf(stderr, "call 0x%08x returned %lld\n", calls[k].fid, (long long)s);
		abort();
	}
}

/* AFFINITY_INFO at level 0 must agree with the library's view of each CPU. */
static void check_affinity(struct smcsim *sim)
{
	unsigned int n = smcsim_cpu_count(sim);
	int caller = smcsim_caller_default(sim);
	for (unsigned int c = 0; c < n; c++) {
		if (smcsim_cpu_state(sim, c) != SMCSIM_CPU_ON)
			continue;
		for (unsigned int t = 0; t < n; t++) {
			struct smcsim_regs r = { { 0 } };
			r.x[0] = PSCI_FID64(0x4);
			r.x[1] = smcsim_cpu_mpidr(sim, t);
			if (smcsim_call(sim, caller, c, SMCSIM_CONDUIT_DEFAULT, &r) != 0)
				abort();
			int st = smcsim_cpu_state(sim, t);
			uint64_t want = st == SMCSIM_CPU_OFF	      ? 1
					: st == SMCSIM_CPU_ON_PENDING ? 2
								      : 0;
			if (r.x[0] != want)
				abort();
		}
		return;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	struct smcsim *sim = machine(data[0]);
	int caller = smcsim_caller_default(sim);
	for (size_t off = 1; off + REC <= size; off += REC) {
		const uint8_t *rec = data + off;
		unsigned int cpu = rec[0] % smcsim_cpu_count(sim);
		unsigned int k = rec[1];
		if (k >= NCALLS) {
			if (k >= 0xf0)
				smcsim_reset(sim);
			else if (k >= 0xe0) {
				char args[32];
				snprintf(args, sizeof(args), "{\"cpu\":%u}", cpu);
				(void)smcsim_event(sim, "cpu_boot", args, NULL);
			}
			continue;
		}
		struct smcsim_regs r = { { 0 } };
		r.x[0] = calls[k].fid;
		/* Half the time, aim x1 at a real CPU so the state machine moves. */
		uint64_t a1 = abi_rd64(rec + 2);
		if (a1 & 1)
			a1 = smcsim_cpu_mpidr(sim, (unsigned int)(a1 >> 8) % smcsim_cpu_count(sim));
		r.x[1] = a1;
		r.x[2] = abi_rd64(rec + 10);
		r.x[3] = abi_rd64(rec + 18);
		if ((r.x[2] & 3) == 1)
			r.x[2] = 0x80000000u + (r.x[2] & 0xfff0); /* a valid entry point */
		int ret = smcsim_call(sim, caller, cpu, SMCSIM_CONDUIT_DEFAULT, &r);
		if (ret == -EHOSTDOWN || ret == -ESHUTDOWN)
			continue;
		if (ret < 0 || ret > SMCSIM_EXIT_SYSTEM_RESET)
			abort();
		if (ret == SMCSIM_EXIT_RETURN)
			check_status(k, r.x[0]);
		if (ret == SMCSIM_EXIT_SYSTEM_OFF)
			smcsim_reset(sim);
		else
			check_affinity(sim);
	}
	smcsim_destroy(sim);
	return 0;
}
