/* SPDX-License-Identifier: MIT */
/*
 * smcsim-bench: throughput of the C API and of fixture replay, each printed beside a
 * baseline measured in the same run, so the ratios mean something on a noisy machine.
 *
 *   C API      a trivial call (SMCCC_VERSION) and a stateful one (PSCI AFFINITY_INFO)
 *              versus a plain indirect function call doing the same register write
 *   realm      a full CCA realm build, run and teardown on cca-host (delegate, create, RTTs,
 *              INIT_RIPAS, measured DATA_CREATE, REC, activate, two REC_ENTERs of the
 *              built-in Linux realm program, RTT_SET_RIPAS, then everything destroyed and
 *              undelegated), versus the same number of SMCCC_VERSION calls
 *   replay     a generated 100,000-step fixture through smcsim_trace_load + replay (what
 *              `smcsim replay` does) and through the CLI itself, versus jansson loading the
 *              same file alone
 *
 * Every figure is the best of several runs. --check exits 1 when a target is missed.
 */
#include <inttypes.h>
#include <limits.h>
#include <jansson.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "abi/bytes.h"
#include "abi/psci.h"
#include "abi/rmi.h"
#include "abi/smccc.h"
#include "smcsim/smcsim.h"

extern char **environ;

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* The baseline: what a hand-written fake firmware function costs through a pointer. */
static void __attribute__((noinline)) baseline_fn(struct smcsim_regs *r)
{
	r->x[0] = 0x10002;
}
static void (*volatile baseline_ptr)(struct smcsim_regs *) = baseline_fn;

#define ITERS 20000000L
#define RUNS  3

static double rate_baseline(void)
{
	double best = 0;
	for (int run = 0; run < RUNS; run++) {
		struct smcsim_regs r = { { 0 } };
		void (*fn)(struct smcsim_regs *) = baseline_ptr;
		double t0 = now();
		for (long i = 0; i < ITERS; i++) {
			r.x[0] = SMCCC_VERSION_FID;
			fn(&r);
			fn = baseline_ptr;
		}
		double rate = (double)ITERS / (now() - t0);
		if (rate > best)
			best = rate;
	}
	return best;
}

static double rate_api(struct smcsim *sim, uint64_t fid, uint64_t a1, uint64_t a2)
{
	double best = 0;
	int caller = smcsim_caller_default(sim);
	for (int run = 0; run < RUNS; run++) {
		struct smcsim_regs r = { { 0 } };
		double t0 = now();
		for (long i = 0; i < ITERS; i++) {
			r.x[0] = fid;
			r.x[1] = a1;
			r.x[2] = a2;
			smcsim_call(sim, caller, 0, SMCSIM_CONDUIT_DEFAULT, &r);
		}
		double rate = (double)ITERS / (now() - t0);
		if (rate > best)
			best = rate;
	}
	return best;
}

/* ---- realm build + teardown ----------------------------------------------------------- */

#define R_PARAMS 0x80100000u
#define R_RECP	 0x80110000u
#define R_RUN	 0x80120000u
#define R_SRC	 0x80130000u
#define R_RD	 0x80200000u
#define R_ROOT	 0x80201000u
#define R_L1	 0x80202000u
#define R_L2	 0x80203000u
#define R_L3	 0x80204000u
#define R_D0	 0x80300000u
#define R_D1	 0x80301000u
#define R_REC	 0x80400000u
#define R_AUX	 0x80410000u

struct realm_bench {
	struct smcsim *sim;
	int caller;
	long calls;
	bool failed;
};

/* One RMI call that must return @want in x0. */
static void rmi(struct realm_bench *b, uint32_t fid, uint64_t want, uint64_t a1, uint64_t a2,
		uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct smcsim_regs r = { { fid, a1, a2, a3, a4, a5 } };
	smcsim_call(b->sim, b->caller, 0, SMCSIM_CONDUIT_DEFAULT, &r);
	b->calls++;
	if (r.x[0] != want && !b->failed) {
		fprintf(stderr, "smcsim-bench: realm cycle: 0x%" PRIx32 " returned 0x%" PRIx64 "\n",
			fid, r.x[0]);
		b->failed = true;
	}
}

/* RMI parameter pages hold little-endian words (DEN0137 B4.4), whatever the host. */
static void put64(struct smcsim *sim, uint64_t pa, uint64_t v)
{
	uint8_t b[8];
	abi_wr64(b, v);
	smcsim_mem_write(sim, pa, b, sizeof(b));
}

static void realm_pages(struct smcsim *sim)
{
	put64(sim, R_PARAMS + RMI_REALM_PARAMS_FLAGS, 0);
	put64(sim, R_PARAMS + RMI_REALM_PARAMS_S2SZ, 48);
	put64(sim, R_PARAMS + RMI_REALM_PARAMS_SVE_VL, 0);
	put64(sim, R_PARAMS + RMI_REALM_PARAMS_NUM_BPS, 1);
	put64(sim, R_PARAMS + RMI_REALM_PARAMS_NUM_WPS, 1);
	put64(sim, R_PARAMS + RMI_REALM_PARAMS_PMU_NUM_CTRS, 0);
	put64(sim, R_PARAMS + RMI_REALM_PARAMS_HASH_ALGO, 0);
	put64(sim, R_PARAMS + RMI_REALM_PARAMS_VMID, 1);
	put64(sim, R_PARAMS + RMI_REALM_PARAMS_RTT_BASE, R_ROOT);
	put64(sim, R_PARAMS + RMI_REALM_PARAMS_RTT_LEVEL_START, 0);
	put64(sim, R_PARAMS + RMI_REALM_PARAMS_RTT_NUM_START, 1);
	put64(sim, R_RECP + RMI_REC_PARAMS_FLAGS, 1); /* RUNNABLE */
	put64(sim, R_RECP + RMI_REC_PARAMS_GPRS, 0);
	put64(sim, R_RECP + RMI_REC_PARAMS_GPRS + 8, 0x200000);
	put64(sim, R_RECP + RMI_REC_PARAMS_GPRS + 16, 0x1000);
	put64(sim, R_RECP + RMI_REC_PARAMS_NUM_AUX, 16);
	for (unsigned int i = 0; i < 16; i++)
		put64(sim, R_RECP + RMI_REC_PARAMS_AUX + 8 * i, R_AUX + 0x1000 * i);
	uint8_t img[4096];
	for (unsigned int i = 0; i < sizeof(img); i++)
		img[i] = (uint8_t)i;
	smcsim_mem_write(sim, R_SRC, img, sizeof(img));
}

static void realm_cycle(struct realm_bench *b)
{
	static const uint64_t grans[] = { R_RD, R_ROOT, R_L1, R_L2, R_L3, R_D0, R_D1, R_REC };
	for (unsigned int i = 0; i < 8; i++)
		rmi(b, RMI_GRANULE_DELEGATE_FID, 0, grans[i], 0, 0, 0, 0);
	for (unsigned int i = 0; i < 16; i++)
		rmi(b, RMI_GRANULE_DELEGATE_FID, 0, R_AUX + 0x1000 * i, 0, 0, 0, 0);
	rmi(b, RMI_REALM_CREATE_FID, 0, R_RD, R_PARAMS, 0, 0, 0);
	rmi(b, RMI_RTT_CREATE_FID, 0, R_RD, R_L1, 0, 1, 0);
	rmi(b, RMI_RTT_CREATE_FID, 0, R_RD, R_L2, 0, 2, 0);
	rmi(b, RMI_RTT_CREATE_FID, 0, R_RD, R_L3, 0, 3, 0);
	rmi(b, RMI_RTT_INIT_RIPAS_FID, 0, R_RD, 0, 0x10000, 0, 0);
	rmi(b, RMI_DATA_CREATE_FID, 0, R_RD, R_D0, 0, R_SRC, 1);
	rmi(b, RMI_DATA_CREATE_FID, 0, R_RD, R_D1, 0x1000, R_SRC, 0);
	rmi(b, RMI_REC_AUX_COUNT_FID, 0, R_RD, 0, 0, 0, 0);
	rmi(b, RMI_REC_CREATE_FID, 0, R_RD, R_REC, R_RECP, 0, 0);
	rmi(b, RMI_REALM_ACTIVATE_FID, 0, R_RD, 0, 0, 0, 0);
	rmi(b, RMI_REC_ENTER_FID, 0, R_REC, R_RUN, 0, 0, 0); /* exits RIPAS_CHANGE */
	rmi(b, RMI_RTT_SET_RIPAS_FID, 0, R_RD, R_REC, 0, 0x200000, 0);
	rmi(b, RMI_REC_ENTER_FID, 0, R_REC, R_RUN, 0, 0, 0); /* exits PSCI SYSTEM_OFF */
	rmi(b, RMI_REC_DESTROY_FID, 0, R_REC, 0, 0, 0, 0);
	rmi(b, RMI_DATA_DESTROY_FID, 0, R_RD, 0, 0, 0, 0);
	rmi(b, RMI_DATA_DESTROY_FID, 0, R_RD, 0x1000, 0, 0, 0);
	rmi(b, RMI_RTT_DESTROY_FID, 0, R_RD, 0, 3, 0, 0);
	rmi(b, RMI_RTT_DESTROY_FID, 0, R_RD, 0, 2, 0, 0);
	rmi(b, RMI_RTT_DESTROY_FID, 0, R_RD, 0, 1, 0, 0);
	rmi(b, RMI_REALM_DESTROY_FID, 0, R_RD, 0, 0, 0, 0);
	for (unsigned int i = 0; i < 8; i++)
		rmi(b, RMI_GRANULE_UNDELEGATE_FID, 0, grans[i], 0, 0, 0, 0);
	for (unsigned int i = 0; i < 16; i++)
		rmi(b, RMI_GRANULE_UNDELEGATE_FID, 0, R_AUX + 0x1000 * i, 0, 0, 0, 0);
}

#define REALM_CYCLES 20000L

/* Realm cycles per second (best of RUNS), and the calls one cycle makes; < 0 on error. */
static double rate_realm(long *calls_per_cycle)
{
	struct smcsim_profile *p;
	struct smcsim_error err;
	struct realm_bench b = { 0 };
	if (smcsim_profile_load("cca-host", &p, &err) ||
	    smcsim_profile_patch(
		    p,
		    "{\"layers\":{\"el3\":{\"services\":{\"rmi\":{\"realm_program\":\"linux\"}}}}}",
		    &err) ||
	    smcsim_create(p, &b.sim, &err)) {
		fprintf(stderr, "smcsim-bench: cca-host: %s\n", err.text);
		return -1;
	}
	smcsim_profile_destroy(p);
	b.caller = smcsim_caller_default(b.sim);
	realm_pages(b.sim);
	double best = 0;
	for (int run = 0; run < RUNS && !b.failed; run++) {
		b.calls = 0;
		double t0 = now();
		for (long i = 0; i < REALM_CYCLES && !b.failed; i++)
			realm_cycle(&b);
		double rate = (double)REALM_CYCLES / (now() - t0);
		if (rate > best)
			best = rate;
	}
	*calls_per_cycle = b.calls / REALM_CYCLES;
	smcsim_destroy(b.sim);
	return b.failed ? -1 : best;
}

static int write_fixture(const char *path, long steps)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return -1;
	fprintf(f,
		"{\n  \"format\": \"smcsim-trace\",\n  \"version\": 1,\n"
		"  \"description\": \"generated by smcsim-bench\",\n  \"profile\": \"tfa-host\",\n"
		"  \"steps\": [\n");
	for (long i = 0; i < steps; i++) {
		if (i % 2 == 0)
			fprintf(f, "    { \"call\": { \"x0\": \"0x80000000\" }, \"expect\": { "
				   "\"x0\": \"0x10002\" } }");
		else
			fprintf(f, "    { \"call\": { \"x0\": \"0xc4000004\", \"x1\": \"0x0\", "
				   "\"x2\": \"0x0\" }, "
				   "\"expect\": { \"x0\": \"0x0\" } }");
		fprintf(f, "%s\n", i + 1 < steps ? "," : "");
	}
	fprintf(f, "  ]\n}\n");
	return fclose(f);
}

static double time_json_load(const char *path)
{
	double best = 1e9;
	for (int run = 0; run < RUNS; run++) {
		double t0 = now();
		json_error_t je;
		json_t *doc = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
		double t = now() - t0;
		if (!doc)
			return -1;
		json_decref(doc);
		if (t < best)
			best = t;
	}
	return best;
}

static double time_replay(const char *path, int *mismatches)
{
	double best = 1e9;
	for (int run = 0; run < RUNS; run++) {
		double t0 = now();
		struct smcsim_trace *t;
		struct smcsim_error err;
		if (smcsim_trace_load(path, &t, &err)) {
			fprintf(stderr, "%s\n", err.text);
			return -1;
		}
		*mismatches = smcsim_trace_replay(t, NULL, NULL, &err);
		smcsim_trace_destroy(t);
		double tt = now() - t0;
		if (tt < best)
			best = tt;
	}
	return best;
}

static double time_cli(const char *cli, const char *path)
{
	double best = 1e9;
	for (int run = 0; run < RUNS; run++) {
		char *argv[] = { (char *)cli, "replay", "--quiet", (char *)path, NULL };
		posix_spawn_file_actions_t fa;
		posix_spawn_file_actions_init(&fa);
		posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", 1, 0);
		pid_t pid;
		double t0 = now();
		if (posix_spawn(&pid, cli, &fa, NULL, argv, environ) != 0)
			return -1;
		int status;
		waitpid(pid, &status, 0);
		double t = now() - t0;
		posix_spawn_file_actions_destroy(&fa);
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			return -1;
		if (t < best)
			best = t;
	}
	return best;
}

static bool verdict(bool ok, bool *all)
{
	*all &= ok;
	return ok;
}

int main(int argc, char **argv)
{
	bool check = false;
	const char *cli = NULL;
	long steps = 100000;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--check") == 0)
			check = true;
		else if (strcmp(argv[i], "--cli") == 0 && i + 1 < argc)
			cli = argv[++i];
		else if (strcmp(argv[i], "--steps") == 0 && i + 1 < argc) {
			uint64_t v;
			if (smcsim_value_parse(argv[++i], &v) || v == 0 || v > LONG_MAX) {
				fprintf(stderr, "smcsim-bench: --steps takes a positive count\n");
				return 2;
			}
			steps = (long)v;
		} else {
			fprintf(stderr, "usage: smcsim-bench [--check] [--cli PATH-TO-smcsim] "
					"[--steps N]\n");
			return 2;
		}
	}
	struct smcsim *sim;
	struct smcsim_error err;
	if (smcsim_create_named("tfa-host", &sim, &err)) {
		fprintf(stderr, "%s\n", err.text);
		return 2;
	}
	bool all = true;
	printf("smcsim-bench %s (best of %d runs each)\n\n", smcsim_version(), RUNS);

	double base = rate_baseline();
	double ver = rate_api(sim, SMCCC_VERSION_FID, 0, 0);
	/* AFFINITY_INFO_64(MPIDR of CPU 0, level 0): looks up a CPU and its power state. */
	uint64_t aff = PSCI_AFFINITY_INFO_64_FID;
	uint32_t fid;
	if (smcsim_fid_lookup("PSCI_AFFINITY_INFO_64", &fid) == 0)
		aff = fid;
	double stateful = rate_api(sim, aff, smcsim_cpu_mpidr(sim, 0), 0);
	printf("C API (target >= 20 M calls/s and within 10x of the baseline)\n");
	printf("  baseline: indirect function call   %8.1f M calls/s\n", base / 1e6);
	printf("  SMCCC_VERSION                      %8.1f M calls/s   %5.2fx baseline   %s\n",
	       ver / 1e6, base / ver,
	       verdict(ver >= 20e6 && base / ver <= 10, &all) ? "ok" : "MISSED");
	printf("  PSCI_AFFINITY_INFO_64              %8.1f M calls/s   %5.2fx baseline   %s\n",
	       stateful / 1e6, base / stateful,
	       verdict(stateful >= 20e6 && base / stateful <= 10, &all) ? "ok" : "MISSED");
	smcsim_destroy(sim);

	long per_cycle = 0;
	double realms = rate_realm(&per_cycle);
	if (realms < 0)
		return 2;
	/* The same number of the cheapest call: what the cycle would cost if every RMI
	 * command were as cheap as SMCCC_VERSION. The rest is the model's real work:
	 * scrubbing, table walks, and SHA-256 over measured contents. */
	double floor = ver / (double)per_cycle;
	printf("\nRealm build + run + teardown on cca-host (%ld RMI calls per realm)\n", per_cycle);
	printf("  baseline: %ld x SMCCC_VERSION       %8.1f k cycles/s\n", per_cycle, floor / 1e3);
	printf("  full realm cycle                   %8.1f k realms/s   %5.2fx baseline\n",
	       realms / 1e3, floor / realms);

	char path[] = "/tmp/smcsim-bench-XXXXXX.json";
	int fd = mkstemps(path, 5);
	if (fd < 0 || write_fixture(path, steps)) {
		perror("smcsim-bench: fixture");
		return 2;
	}
	close(fd);
	int mism = -1;
	double load = time_json_load(path), replay = time_replay(path, &mism);
	if (load < 0 || replay < 0 || mism != 0) {
		fprintf(stderr, "smcsim-bench: replay of the generated fixture failed (%d)\n",
			mism);
		unlink(path);
		return 2;
	}
	printf("\nReplay of a %ld-step fixture (target within 2x of loading the JSON alone)\n",
	       steps);
	printf("  baseline: jansson load only        %8.1f ms   %8.2f M steps/s\n", load * 1e3,
	       (double)steps / load / 1e6);
	printf("  smcsim_trace_load + replay         %8.1f ms   %8.2f M steps/s   %5.2fx baseline  "
	       " %s\n",
	       replay * 1e3, (double)steps / replay / 1e6, replay / load,
	       verdict(replay / load <= 2, &all) ? "ok" : "MISSED");
	if (cli) {
		double c = time_cli(cli, path);
		if (c < 0)
			printf("  smcsim replay (CLI process)        failed to run %s\n", cli);
		else
			printf("  smcsim replay (CLI process)        %8.1f ms   %8.2f M steps/s   "
			       "%5.2fx baseline   %s\n",
			       c * 1e3, (double)steps / c / 1e6, c / load,
			       verdict(c / load <= 2, &all) ? "ok" : "MISSED");
	}
	unlink(path);
	printf("\n%s\n", all ? "all targets met" : "some targets missed");
	return check && !all ? 1 : 0;
}
