/* SPDX-License-Identifier: MIT */
/* TRNG firmware interface 1.0 (DEN0098). */
#include <stdio.h>
#include <string.h>

#include "conformance/common/smcsim_test.h"
#include "emu/services.h"

#define TRNG_PATCH(body) "{\"layers\":{\"el3\":{\"services\":{\"trng\":" body "}}}}"

static void version_and_features(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	struct smcsim_regs r = t_call(sim, TRNG_VERSION_FID);
	t_assert_x0(r, 0x10000, "DEN0098 2.1: TRNG_VERSION 1.0");
	const uint32_t ids[] = { TRNG_VERSION_FID, TRNG_FEATURES_FID, TRNG_GET_UUID_FID,
				 TRNG_RND32_FID, TRNG_RND64_FID };
	for (size_t i = 0; i < 5; i++) {
		r = t_call(sim, TRNG_FEATURES_FID, ids[i]);
		t_assert_x0(r, 0, "DEN0098 2.2: implemented TRNG function");
	}
	r = t_call(sim, TRNG_FEATURES_FID, PSCI_VERSION_FID);
	t_assert_x0(r, -1, "DEN0098 2.2: a non-TRNG ID is NOT_SUPPORTED");
	r = t_call(sim, TRNG_FEATURES_FID, 0x84000054);
	t_assert_x0(r, -1, "DEN0098 2.2: an unassigned TRNG-range ID is NOT_SUPPORTED");
	smcsim_destroy(sim);
	/* qemu-tcg has no TRNG at all. */
	sim = t_machine("qemu-tcg", NULL);
	r = t_call(sim, TRNG_VERSION_FID);
	t_assert_reg(r, 0, UINT64_MAX, "no TRNG: unknown function");
	smcsim_destroy(sim);
}

static void get_uuid(void **state)
{
	struct smcsim *sim = t_machine("kvm-guest", NULL);
	struct smcsim_regs r = t_call(sim, TRNG_GET_UUID_FID);
	/* KVM's TRNG UUID 0d21e000-4384-11eb-8070-5244554e5a4c (arch/arm64/kvm/trng.c). */
	t_assert_reg(r, 0, 0x00e0210d, "DEN0098 2.3: UUID w0");
	t_assert_reg(r, 1, 0xeb118443, "DEN0098 2.3: UUID w1");
	t_assert_reg(r, 2, 0x44527080, "DEN0098 2.3: UUID w2");
	t_assert_reg(r, 3, 0x4c5a4e55, "DEN0098 2.3: UUID w3");
	smcsim_destroy(sim);
}

/* DEN0098 2.4/2.5: N bits right-aligned, least significant word in the last register. */
static void bit_counts(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	static const struct {
		uint32_t fid;
		uint64_t bits;
		int64_t status;
	} cases[] = {
		{ TRNG_RND32_FID, 0, -2 },  { TRNG_RND32_FID, 1, 0 },	 { TRNG_RND32_FID, 96, 0 },
		{ TRNG_RND32_FID, 97, -2 }, { TRNG_RND64_FID, 0, -2 },	 { TRNG_RND64_FID, 1, 0 },
		{ TRNG_RND64_FID, 192, 0 }, { TRNG_RND64_FID, 193, -2 }, { TRNG_RND64_FID, 65, 0 },
		{ TRNG_RND32_FID, 33, 0 },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct smcsim_regs r = t_call(sim, cases[i].fid, cases[i].bits);
		t_assert_x0(r, cases[i].status, "DEN0098 2.4/2.5: N range (-2 INVALID_PARAMETER)");
		if (cases[i].status)
			continue;
		unsigned int w = cases[i].fid == TRNG_RND64_FID ? 64 : 32;
		uint64_t left = cases[i].bits;
		for (int reg = 3; reg >= 1; reg--) {
			unsigned int take = left >= w ? w : (unsigned int)left;
			uint64_t allowed = take == 64 ? UINT64_MAX : (UINT64_C(1) << take) - 1;
			if (r.x[reg] & ~allowed)
				fail_msg("%s N=%llu: x%d = 0x%llx has bits above N",
					 w == 64 ? "RND64" : "RND32",
					 (unsigned long long)cases[i].bits, reg,
					 (unsigned long long)r.x[reg]);
			left -= take;
		}
	}
	/* 192 bits from RND64 are not all zero (an unseeded or stuck source would be). */
	struct smcsim_regs r = t_call(sim, TRNG_RND64_FID, 192);
	assert_true(r.x[1] && r.x[2] && r.x[3]);
	smcsim_destroy(sim);
}

static void deterministic_by_seed(void **state)
{
	struct smcsim *a = t_machine("tfa-host", TRNG_PATCH("{\"seed\":42}"));
	struct smcsim *b = t_machine("tfa-host", TRNG_PATCH("{\"seed\":42}"));
	struct smcsim *c = t_machine("tfa-host", TRNG_PATCH("{\"seed\":43}"));
	struct smcsim_regs ra = t_call(a, TRNG_RND64_FID, 192), rb = t_call(b, TRNG_RND64_FID, 192),
			   rc = t_call(c, TRNG_RND64_FID, 192);
	assert_memory_equal(ra.x, rb.x, 4 * sizeof(uint64_t));
	assert_memory_not_equal(&ra.x[1], &rc.x[1], 3 * sizeof(uint64_t));
	/* A second request draws new bits; a reset restarts the stream. */
	struct smcsim_regs ra2 = t_call(a, TRNG_RND64_FID, 192);
	assert_memory_not_equal(&ra.x[1], &ra2.x[1], 3 * sizeof(uint64_t));
	smcsim_reset(a);
	struct smcsim_regs ra3 = t_call(a, TRNG_RND64_FID, 192);
	assert_memory_equal(ra.x, ra3.x, 4 * sizeof(uint64_t));
	smcsim_destroy(a);
	smcsim_destroy(b);
	smcsim_destroy(c);
}

/* DEN0098 2.4: NO_ENTROPY (-3) when the source cannot deliver; profile-driven. */
static void no_entropy(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", TRNG_PATCH("{\"no_entropy\":true}"));
	struct smcsim_regs r = t_call(sim, TRNG_RND32_FID, 32);
	t_assert_x0(r, -3, "DEN0098 2.4: NO_ENTROPY");
	r = t_call(sim, TRNG_RND32_FID, 0);
	t_assert_x0(r, -2, "DEN0098 2.4: INVALID_PARAMETER is checked before entropy");
	smcsim_destroy(sim);
	/* DEN0098 2.4: NO_ENTROPY is transient; 20 in a row, then entropy (Linux's
	 * arm_smccc_trng driver retries). */
	sim = t_machine("tfa-host", TRNG_PATCH("{\"no_entropy_first\":20}"));
	for (int i = 0; i < 20; i++) {
		r = t_call(sim, TRNG_RND64_FID, 64);
		t_assert_x0(r, -3, "first 20 requests fail");
	}
	r = t_call(sim, TRNG_RND64_FID, 64);
	t_assert_x0(r, 0, "21st request succeeds");
	smcsim_destroy(sim);
}

static void profile_errors(void **state)
{
	struct smcsim_profile *p;
	struct smcsim_error err = { { 0 } };
	struct smcsim *sim = NULL;
	assert_int_equal(smcsim_profile_load("tfa-host", &p, &err), 0);
	assert_int_equal(smcsim_profile_patch(p, TRNG_PATCH("{\"version\":\"1.1\"}"), &err), 0);
	assert_int_equal(smcsim_create(p, &sim, &err), -22);
	assert_non_null(strstr(err.text, "/layers/el3/services/trng/version"));
	smcsim_profile_destroy(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(version_and_features), cmocka_unit_test(get_uuid),
		cmocka_unit_test(bit_counts),		cmocka_unit_test(deterministic_by_seed),
		cmocka_unit_test(no_entropy),		cmocka_unit_test(profile_errors),
	};
	return cmocka_run_group_tests_name("conformance-trng (DEN0098)", tests, NULL, NULL);
}
