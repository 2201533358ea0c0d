/* SPDX-License-Identifier: MIT */
/*
 * The thread contract of smcsim.h: machines on distinct threads share nothing, and a
 * loaded profile or parsed trace may be shared read-only. Several threads build machines
 * from every built-in profile (from one shared profile object, and by name), call into
 * every service, record, reset, replay the recording, replay shared fixtures and destroy
 * the machines; each must see exactly what one thread alone sees. Under ThreadSanitizer
 * (tools/test.sh --tsan) any write one thread makes where another reads shows up too.
 *
 * Threads report through their own struct, never through cmocka, whose assertions jump
 * back to the test function and so belong to the main thread.
 *
 * Usage: test-emu-threads TRACES_DIR (the bundled fixtures' root).
 */
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include <smcsim/smcsim.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#define NTHREADS     4
#define NROUNDS	     2
#define MAX_PROFILES 16
#define MAX_TRACES   32

/* Arguments that stand for "DRAM base + offset" on the machine at hand. */
#define ARG_DRAM  (UINT64_C(1) << 63)
#define DRAM(off) (ARG_DRAM | (off))

struct call {
	const char *name;
	uint64_t arg[3];
};

/* Something for every service: on profiles without it, the call is NOT_SUPPORTED. */
static const struct call calls[] = {
	{ "SMCCC_VERSION", { 0 } },
	{ "SMCCC_ARCH_FEATURES", { 0x80000000 } },
	{ "PSCI_VERSION", { 0 } },
	{ "PSCI_FEATURES", { 0x84000000 } },
	{ "PSCI_CPU_ON_64", { 1, DRAM(0x1000), 42 } },
	{ "PSCI_AFFINITY_INFO_64", { 1, 0 } },
	{ "TRNG_VERSION", { 0 } },
	{ "TRNG_GET_UUID", { 0 } },
	{ "TRNG_RND64", { 192 } },
	{ "TRNG_RND64", { 64 } },
	{ "RMI_VERSION", { 0x10000 } },
	{ "RMI_FEATURES", { 0 } },
	{ "RMI_GRANULE_DELEGATE", { DRAM(0x200000) } },
	{ "RMI_GRANULE_UNDELEGATE", { DRAM(0x200000) } },
	{ "RSI_VERSION", { 0x10000 } },
	{ "RSI_FEATURES", { 0 } },
	{ "RSI_REALM_CONFIG", { DRAM(0x300000) } },
	{ "FFA_VERSION", { 0x10001 } },
	{ "FFA_ID_GET", { 0 } },
	{ "FFA_FEATURES", { 0x84000063 } },
	{ "FFA_PARTITION_INFO_GET", { 0 } },
};

static size_t nprofiles;
static const char *profile_names[MAX_PROFILES];
static struct smcsim_profile *profiles[MAX_PROFILES]; /* shared by every thread */
static uint64_t expected[MAX_PROFILES];		      /* digests one thread alone gets */
static size_t ntraces;
static struct smcsim_trace *traces[MAX_TRACES]; /* shared by every thread */
static char *trace_names[MAX_TRACES];
static uint32_t fids[ARRAY_LEN(calls)];

struct worker {
	pthread_t thread;
	unsigned int id;
	bool ran;
	size_t replayed; /* shared fixtures replayed */
	char why[512];	 /* the first failure, or empty */
};

static void fold(uint64_t *h, uint64_t v)
{
	for (int i = 0; i < 8; i++, v >>= 8)
		*h = (*h ^ (v & 0xff)) * 0x100000001b3u; /* FNV-1a */
}

static void fold_text(uint64_t *h, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		fold(h, (unsigned char)s[i]);
}

/* Keep the first failure; returns -1 for `return FAIL(...)`. Messages that do not fit
 * are cut: vsnprintf, not snprintf, since -Wformat-truncation cannot tell. */
static int FAIL(struct worker *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int FAIL(struct worker *w, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(w->why, sizeof(w->why), fmt, ap);
	va_end(ap);
	return -1;
}

/* Record every call of @sim's callers into a digest, then replay the recording on the
 * same machine after a reset: it must match, step for step. */
static int calls_and_recording(struct worker *w, struct smcsim *sim, const char *profile,
			       uint64_t *h)
{
	uint64_t dram = 0, size = 0;
	if (smcsim_mem_region(sim, 0, &dram, &size))
		return FAIL(w, "%s: no memory region", profile);
	if (smcsim_record_start(sim))
		return FAIL(w, "%s: record_start failed", profile);
	for (int c = 0; c < smcsim_caller_count(sim); c++) {
		for (size_t i = 0; i < ARRAY_LEN(calls); i++) {
			struct smcsim_regs r = { { fids[i] } };
			for (int a = 0; a < 3; a++) {
				uint64_t v = calls[i].arg[a];
				r.x[a + 1] = v & ARG_DRAM ? dram + (v & ~ARG_DRAM) : v;
			}
			int ret = smcsim_call(sim, c, 0, SMCSIM_CONDUIT_DEFAULT, &r);
			fold(h, (uint64_t)(int64_t)ret);
			for (int x = 0; x < 4; x++)
				fold(h, r.x[x]);
		}
	}
	smcsim_record_stop(sim);
	fold(h, smcsim_record_steps(sim));

	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	if (!f)
		return FAIL(w, "%s: open_memstream: %s", profile, strerror(errno));
	int ret = smcsim_record_write(sim, f, "threads");
	fclose(f);
	if (ret) {
		free(text);
		return FAIL(w, "%s: record_write: %s", profile, smcsim_strerror(ret));
	}
	fold_text(h, text, len);
	struct smcsim_trace *t;
	struct smcsim_error err = { { 0 } };
	ret = smcsim_trace_parse(text, len, profile, &t, &err);
	free(text);
	if (ret)
		return FAIL(w, "%s: the recording does not parse: %s", profile, err.text);
	smcsim_reset(sim);
	ret = smcsim_trace_replay_on(t, sim, NULL, NULL, &err);
	smcsim_trace_destroy(t);
	if (ret)
		return FAIL(w, "%s: the recording replays with %d (%s)", profile, ret,
			    ret < 0 ? err.text : "mismatches");
	return 0;
}

/* Everything one thread does with profile @i; the digest covers every result. */
static int workload(struct worker *w, size_t i, int round, uint64_t *digest)
{
	uint64_t h = 0xcbf29ce484222325u;
	struct smcsim *sim;
	struct smcsim_error err = { { 0 } };
	/* Alternate between building from the shared profile and loading it by name. */
	int ret = round % 2 ? smcsim_create_named(profile_names[i], &sim, &err)
			    : smcsim_create(profiles[i], &sim, &err);
	if (ret)
		return FAIL(w, "%s: create: %s", profile_names[i], err.text);
	ret = calls_and_recording(w, sim, profile_names[i], &h);
	smcsim_destroy(sim);
	if (ret)
		return ret;

	char *dump = smcsim_profile_dump(profiles[i]);
	if (!dump)
		return FAIL(w, "%s: profile_dump failed", profile_names[i]);
	fold_text(&h, dump, strlen(dump));
	free(dump);

	/* The shared fixtures written for this profile, each on a machine of its own. */
	for (size_t k = 0; k < ntraces; k++) {
		if (strcmp(smcsim_trace_profile(traces[k]), profile_names[i]) != 0)
			continue;
		ret = smcsim_trace_replay(traces[k], NULL, NULL, &err);
		if (ret)
			return FAIL(w, "%s: replay gave %d (%s)", trace_names[k], ret,
				    ret < 0 ? err.text : "mismatches");
		w->replayed++;
	}
	*digest = h;
	return 0;
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	for (int round = 0; round < NROUNDS; round++) {
		for (size_t n = 0; n < nprofiles; n++) {
			/* Each thread starts at a different profile, so different services
			 * run side by side. */
			size_t i = (n + w->id) % nprofiles;
			uint64_t d = 0;
			if (workload(w, i, round, &d))
				return NULL;
			if (d != expected[i]) {
				FAIL(w, "%s: thread %u round %d: results differ from one thread's",
				     profile_names[i], w->id, round);
				return NULL;
			}
		}
	}
	w->ran = true;
	return NULL;
}

static void threads_see_what_one_thread_sees(void **state)
{
	struct worker one = { 0 };
	for (size_t i = 0; i < nprofiles; i++)
		if (workload(&one, i, 0, &expected[i]))
			fail_msg("single thread: %s", one.why);
	/* Every fixture names a built-in profile, so each was replayed once. */
	assert_true(ntraces > 0);
	assert_int_equal(one.replayed, ntraces);

	struct worker w[NTHREADS] = { { 0 } };
	for (unsigned int t = 0; t < NTHREADS; t++) {
		w[t].id = t;
		assert_int_equal(pthread_create(&w[t].thread, NULL, worker_main, &w[t]), 0);
	}
	for (unsigned int t = 0; t < NTHREADS; t++)
		assert_int_equal(pthread_join(w[t].thread, NULL), 0);
	for (unsigned int t = 0; t < NTHREADS; t++) {
		if (w[t].why[0])
			fail_msg("thread %u: %s", t, w[t].why);
		assert_true(w[t].ran);
	}
}

static void load_traces(const char *root)
{
	static const char *const dirs[] = { "discovery", "cca", "ffa" };
	for (size_t d = 0; d < ARRAY_LEN(dirs); d++) {
		char dir[256];
		snprintf(dir, sizeof(dir), "%s/%s", root, dirs[d]);
		DIR *dp = opendir(dir);
		if (!dp) {
			fprintf(stderr, "%s: %s\n", dir, strerror(errno));
			exit(1);
		}
		struct dirent *de;
		while ((de = readdir(dp))) {
			size_t n = strlen(de->d_name);
			if (n < 6 || strcmp(de->d_name + n - 5, ".json") != 0)
				continue;
			if (ntraces == MAX_TRACES) {
				fprintf(stderr, "more than %d fixtures: raise MAX_TRACES\n",
					MAX_TRACES);
				exit(1);
			}
			if (asprintf(&trace_names[ntraces], "%s/%s", dir, de->d_name) < 0) {
				fprintf(stderr, "out of memory\n");
				exit(1);
			}
			struct smcsim_error err = { { 0 } };
			if (smcsim_trace_load(trace_names[ntraces], &traces[ntraces], &err)) {
				fprintf(stderr, "%s\n", err.text);
				exit(1);
			}
			ntraces++;
		}
		closedir(dp);
	}
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s TRACES_DIR\n", argv[0]);
		return 2;
	}
	for (size_t i = 0; i < ARRAY_LEN(calls); i++) {
		if (smcsim_fid_lookup(calls[i].name, &fids[i])) {
			fprintf(stderr, "unknown function %s\n", calls[i].name);
			return 1;
		}
	}
	for (const char *name; (name = smcsim_profile_builtin(nprofiles));) {
		struct smcsim_error err = { { 0 } };
		if (nprofiles == MAX_PROFILES ||
		    smcsim_profile_load(name, &profiles[nprofiles], &err)) {
			fprintf(stderr, "%s: %s\n", name, err.text);
			return 1;
		}
		profile_names[nprofiles++] = name;
	}
	load_traces(argv[1]);

	const struct CMUnitTest tests[] = {
		cmocka_unit_test(threads_see_what_one_thread_sees),
	};
	int ret = cmocka_run_group_tests(tests, NULL, NULL);
	for (size_t i = 0; i < ntraces; i++) {
		smcsim_trace_destroy(traces[i]);
		free(trace_names[i]);
	}
	for (size_t i = 0; i < nprofiles; i++)
		smcsim_profile_destroy(profiles[i]);
	return ret;
}
