/* SPDX-License-Identifier: MIT */
/* SMCCC Arm Architecture Calls and general service queries (DEN0028). */
#include <stdio.h>
#include <string.h>

#include "conformance/common/smcsim_test.h"
#include "emu/services.h"

#define ARCH_PATCH(body) "{\"layers\":{\"el3\":{\"services\":{\"arch\":" body "}}}}"

/* DEN0028 7.1: SMCCC_VERSION returns the implemented version; 1.0 has no such call. */
static void version_by_profile(void **state)
{
	static const struct {
		const char *v;
		uint64_t want;
	} cases[] = {
		{ "\"absent\"", UINT64_MAX }, { "\"1.0\"", UINT64_MAX }, { "\"1.1\"", 0x10001 },
		{ "\"1.2\"", 0x10002 },	      { "\"1.6\"", 0x10006 },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char patch[160];
		snprintf(patch, sizeof(patch), ARCH_PATCH("{\"smccc_version\":%s}"), cases[i].v);
		struct smcsim *sim = t_machine("tfa-host", patch);
		struct smcsim_regs r = t_call(sim, SMCCC_VERSION_FID);
		t_assert_reg(r, 0, cases[i].want, "DEN0028 7.1 SMCCC_VERSION");
		smcsim_destroy(sim);
	}
}

/* DEN0028 7.2: ARCH_FEATURES reports implemented Arm Architecture Service IDs only. */
static void features_arch_ids_only(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	struct smcsim_regs r = t_call(sim, SMCCC_ARCH_FEATURES_FID, SMCCC_VERSION_FID);
	t_assert_x0(r, 0, "DEN0028 7.2: SMCCC_VERSION implemented");
	r = t_call(sim, SMCCC_ARCH_FEATURES_FID, SMCCC_ARCH_FEATURES_FID);
	t_assert_x0(r, 0, "DEN0028 7.2: ARCH_FEATURES implemented");
	r = t_call(sim, SMCCC_ARCH_FEATURES_FID, SMCCC_ARCH_SOC_ID_64_FID);
	t_assert_x0(r, 0, "DEN0028 7.2: SOC_ID name query implemented");
	r = t_call(sim, SMCCC_ARCH_FEATURES_FID, 0x80000042);
	t_assert_reg(r, 0, UINT64_MAX, "DEN0028 7.2: unimplemented arch ID");
	r = t_call(sim, SMCCC_ARCH_FEATURES_FID, PSCI_VERSION_FID);
	t_assert_reg(r, 0, UINT64_MAX, "DEN0028 7.2: a PSCI ID is not an arch function");
	/* With features_extra (KVM reports PV-time this way) a routed non-arch ID is 0. */
	smcsim_destroy(sim);
	sim = t_machine("tfa-host", ARCH_PATCH("{\"features_extra\":[\"TRNG_VERSION\"]}"));
	r = t_call(sim, SMCCC_ARCH_FEATURES_FID, TRNG_VERSION_FID);
	t_assert_x0(r, 0, "KVM hypercalls.c: ARCH_FEATURES for listed extra IDs");
	smcsim_destroy(sim);
}

/* DEN0028 7.4: SOC_ID version and revision through the SMC32 ID, the name through SMC64. */
static void soc_id(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	struct smcsim_regs r = t_call(sim, SMCCC_ARCH_SOC_ID_FID, 0);
	t_assert_x0(r, 0x043b0001, "DEN0028 7.4: SoC version");
	r = t_call(sim, SMCCC_ARCH_SOC_ID_FID, 1);
	t_assert_x0(r, 1, "DEN0028 7.4: SoC revision");
	r = t_call(sim, SMCCC_ARCH_SOC_ID_FID, 2);
	t_assert_x0(r, -3, "DEN0028 7.4: name type through SMC32 is INVALID_PARAMETER");
	r = t_call(sim, SMCCC_ARCH_SOC_ID_64_FID, 0);
	t_assert_x0(r, -3, "DEN0028 7.4: version type through SMC64 is INVALID_PARAMETER");
	r = t_call(sim, SMCCC_ARCH_SOC_ID_FID, 3);
	t_assert_x0(r, -3, "DEN0028 7.4: unknown type is INVALID_PARAMETER");
	r = t_call(sim, SMCCC_ARCH_SOC_ID_64_FID, 2);
	t_assert_x0(r, 0, "DEN0028 7.4: name SUCCESS");
	smcsim_destroy(sim);
	/* Without a name, the SMC64 ID is absent; without soc_id, SOC_ID is absent. */
	sim = t_machine("tfa-host", ARCH_PATCH("{\"soc_id\":{\"name\":null}}"));
	r = t_call(sim, SMCCC_ARCH_FEATURES_FID, SMCCC_ARCH_SOC_ID_64_FID);
	t_assert_reg(r, 0, UINT64_MAX, "no name: SOC_ID_64 not implemented");
	smcsim_destroy(sim);
	sim = t_machine("tfa-host", ARCH_PATCH("{\"soc_id\":null}"));
	r = t_call(sim, SMCCC_ARCH_FEATURES_FID, SMCCC_ARCH_SOC_ID_FID);
	t_assert_reg(r, 0, UINT64_MAX,
		     "DEN0028 7.3: SOC_ID not implemented (Linux soc_id.c skips soc0)");
	smcsim_destroy(sim);
}

/* DEN0028 7.5-7.7: per-profile workaround answers; -1 means the call is absent. */
static void workarounds(void **state)
{
	struct smcsim *sim =
		t_machine("tfa-host", ARCH_PATCH("{\"workarounds\":{\"1\":0,\"2\":-2,\"3\":-1}}"));
	struct smcsim_regs r = t_call(sim, SMCCC_ARCH_FEATURES_FID, SMCCC_ARCH_WORKAROUND_1_FID);
	t_assert_x0(r, 0, "DEN0028 7.5: WA1 required and implemented");
	r = t_call(sim, SMCCC_ARCH_FEATURES_FID, SMCCC_ARCH_WORKAROUND_2_FID);
	t_assert_x0(r, -2, "DEN0028 7.6: WA2 NOT_REQUIRED");
	r = t_call(sim, SMCCC_ARCH_FEATURES_FID, SMCCC_ARCH_WORKAROUND_3_FID);
	t_assert_x0(r, -1, "DEN0028 7.7: WA3 not implemented");
	r = t_call(sim, SMCCC_ARCH_WORKAROUND_3_FID);
	t_assert_reg(r, 0, UINT64_MAX, "absent workaround call is unknown");
	/* The workaround call itself returns nothing: x0 keeps the function ID (TF-A). */
	r = t_call(sim, SMCCC_ARCH_WORKAROUND_1_FID);
	t_assert_reg(r, 0, SMCCC_ARCH_WORKAROUND_1_FID, "WA1 has no results");
	smcsim_destroy(sim);
}

/* DEN0028 6.2: general queries per range; the count is the implemented functions. */
static void general_queries(void **state)
{
	struct smcsim *sim = t_machine("kvm-guest", NULL);
	struct smcsim_regs r = t_call(sim, 0x8600FF01);
	t_assert_reg(r, 0, 0xb66fb428, "KVM UID w0");
	t_assert_reg(r, 1, 0xe911c52e, "KVM UID w1");
	t_assert_reg(r, 2, 0x564bcaa9, "KVM UID w2");
	t_assert_reg(r, 3, 0x743a004d, "KVM UID w3");
	r = t_call(sim, 0x8600FF03);
	t_assert_reg(r, 0, 1, "revision major");
	r = t_call(sim, 0x8600FF00);
	t_assert_reg(r, 0, 2, "DEN0028 6.2 Call Count: KVM_FEATURES and KVM_PTP");
	r = t_call(sim, 0x8400FF01);
	t_assert_reg(r, 0, UINT64_MAX, "standard range not answered by this KVM profile");
	smcsim_destroy(sim);
}

/* DEN0028 2.6: below SMCCC 1.2 only x0..x3 are results; x4..x17 are preserved. */
static void preserved_registers(void **state)
{
	struct smcsim *sim = t_machine("kvm-guest", NULL);
	struct smcsim_regs r = t_call(sim, 0x8600FF01, 1, 2, 3, 4, 5, 6, 7, 8);
	for (int i = 4; i <= 8; i++)
		t_assert_reg(r, i, i, "DEN0028 2.6: x4.. preserved");
	smcsim_destroy(sim);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(version_by_profile),
		cmocka_unit_test(features_arch_ids_only),
		cmocka_unit_test(soc_id),
		cmocka_unit_test(workarounds),
		cmocka_unit_test(general_queries),
		cmocka_unit_test(preserved_registers),
	};
	return cmocka_run_group_tests_name("conformance-arch (DEN0028)", tests, NULL, NULL);
}
