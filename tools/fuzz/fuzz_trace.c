/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target: fixture text (smcsim-trace(5)). The input is parsed with
 * smcsim_trace_parse(), and a trace that parses is replayed on a fresh machine built from
 * its profile and profile_overrides, so the parser, the override merge patch, machine
 * creation and every step kind (call, write, check, event) all see fuzzed input.
 * The work per input is bounded so that no input can stall the fuzzer: inputs above
 * MAX_INPUT bytes are ignored and traces above MAX_STEPS steps are parsed but not
 * replayed (the machine limits of the profile bound the memory a replay allocates).
 * A profile named by path is not loaded: the fuzzer must not read files of the host it
 * runs on, and a path makes a run depend on that host.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <smcsim/smcsim.h>

#define MAX_INPUT (64 * 1024)
#define MAX_STEPS 256

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int count_mismatch(void *opaque, const struct smcsim_mismatch *m)
{
	/* The mismatch is lent: read all of it, so a sanitizer sees a bad message. */
	size_t *n = opaque;
	*n += strlen(m->message) + strlen(m->what);
	return 0;
}

static bool profile_is_path(const char *p)
{
	size_t n = strlen(p);
	return strchr(p, '/') || (n >= 5 && strcmp(p + n - 5, ".json") == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > MAX_INPUT)
		return 0;
	struct smcsim_trace *t;
	struct smcsim_error err;
	if (smcsim_trace_parse((const char *)data, size, "fuzz", &t, &err) != 0)
		return 0;
	/* Every step must be readable through the public accessor. */
	size_t n = smcsim_trace_steps(t);
	for (size_t i = 0; i < n && i < MAX_STEPS; i++) {
		struct smcsim_trace_step st = { .size = sizeof(st) };
		if (smcsim_trace_step(t, i, &st) != 0)
			abort();
		/* smcsim-trace(5): a call's value lies within its mask, and x0's mask keeps
		 * the function ID. */
		for (int r = 0; st.kind == SMCSIM_STEP_CALL && r < SMCSIM_NREGS; r++)
			if ((st.in.x[r] & ~st.in_mask[r]) || (uint32_t)~st.in_mask[0])
				abort();
	}
	const char *profile = smcsim_trace_profile(t);
	if (n <= MAX_STEPS && !(profile && profile_is_path(profile))) {
		size_t seen = 0;
		smcsim_trace_replay(t, count_mismatch, &seen, &err);
	}
	smcsim_trace_destroy(t);
	return 0;
}
