/* SPDX-License-Identifier: MIT */
/*
 * KVM vendor hypervisor service and KVM's SMCCC filter (Linux arch/arm64/kvm/hypercalls.c;
 * the filter cases follow tools/testing/selftests/kvm/arm64/smccc_filter.c).
 */
#include <errno.h>
#include <string.h>

#include "conformance/common/smcsim_test.h"
#include "emu/services.h"

static void features_bitmap(void **state)
{
	struct smcsim *sim = t_machine("kvm-guest", NULL);
	struct smcsim_regs r = t_call(sim, KVM_FEATURES_FID, 0, 7, 7, 7);
	t_assert_reg(r, 0, 0x3, "hypercalls.c: vendor_hyp bitmap in a0");
	t_assert_reg(r, 1, 0, "a1 zero");
	t_assert_reg(r, 3, 0, "a3 zero");
	smcsim_destroy(sim);
	/* Clearing the PTP bit removes the call (kvm_smccc_call_handler denies it). */
	sim = t_machine("kvm-guest",
			"{\"layers\":{\"kvm\":{\"services\":{\"kvm\":{\"features\":1}}}}}");
	r = t_call(sim, KVM_PTP_FID, 0);
	t_assert_reg(r, 0, UINT64_MAX, "PTP bit clear: NOT_SUPPORTED");
	r = t_call(sim, KVM_FEATURES_FID);
	t_assert_reg(r, 0, 1, "bitmap reflects the profile");
	smcsim_destroy(sim);
}

static void ptp(void **state)
{
	struct smcsim *sim = t_machine(
		"kvm-guest",
		"{\"layers\":{\"kvm\":{\"services\":{\"kvm\":{\"ptp\":{\"wall_ns\":\"0x100000000\","
		"\"counter\":1000,\"counter_hz\":1000000000,\"cntvoff\":100,\"step_ns\":10}}}}}}");
	struct smcsim_regs r = t_call(sim, KVM_PTP_FID, 1);
	/* wall = 2^32 + 10 ns: hi 1, lo 10; physical counter 1000 + 10 ticks at 1 GHz. */
	t_assert_reg(r, 0, 1, "PTP: wall clock high word");
	t_assert_reg(r, 1, 10, "PTP: wall clock low word");
	t_assert_reg(r, 2, 0, "PTP: counter high word");
	t_assert_reg(r, 3, 1010, "PTP: physical counter");
	r = t_call(sim, KVM_PTP_FID, 0);
	t_assert_reg(r, 1, 20, "PTP: time advances per call");
	t_assert_reg(r, 3, 1020 - 100, "PTP: virtual counter = physical - CNTVOFF");
	r = t_call(sim, KVM_PTP_FID, 2);
	t_assert_reg(r, 0, UINT64_MAX, "kvm_ptp_get_time: unknown counter is NOT_SUPPORTED");
	smcsim_destroy(sim);
}

static int user_seen;
static enum smcsim_conduit user_conduit;

static int user_fn(void *opaque, struct smcsim *sim, int caller, unsigned int cpu,
		   enum smcsim_conduit conduit, struct smcsim_regs *regs)
{
	user_seen++;
	user_conduit = conduit;
	regs->x[0] = 0xabc;
	return 0;
}

/* smccc_filter.c: test_pad_must_be_zero / test_filter_reserved_range /
 * test_invalid_nr / test_overflow_nr / test_reserved_action / test_filter_overlap. */
static void filter_argument_rules(void **state)
{
	struct smcsim *sim = t_machine("kvm-guest", NULL);
	assert_int_equal(smcsim_filter_add(sim, "kvm", 0xC4000003, 0, SMCSIM_FILTER_DENY), -EINVAL);
	assert_int_equal(smcsim_filter_add(sim, "kvm", 0, 0, SMCSIM_FILTER_DENY), -EINVAL);
	assert_int_equal(smcsim_filter_add(sim, "kvm", UINT32_MAX, UINT32_MAX, SMCSIM_FILTER_DENY),
			 -EINVAL);
	assert_int_equal(
		smcsim_filter_add(sim, "kvm", PSCI_VERSION_FID, 1, (enum smcsim_filter_action) - 1),
		-EINVAL);
	assert_int_equal(
		smcsim_filter_add(sim, "kvm", SMCCC_ARCH_WORKAROUND_1_FID, 1, SMCSIM_FILTER_DENY),
		-EEXIST);
	assert_int_equal(smcsim_filter_add(sim, "kvm", 0xC0000000, 1, SMCSIM_FILTER_DENY), -EEXIST);
	assert_int_equal(smcsim_filter_add(sim, "kvm", PSCI_VERSION_FID, 1, SMCSIM_FILTER_DENY), 0);
	assert_int_equal(smcsim_filter_add(sim, "kvm", PSCI_VERSION_FID, 1, SMCSIM_FILTER_DENY),
			 -EEXIST);
	smcsim_destroy(sim);
}

/* smccc_filter.c: test_filter_denied — a denied call returns NOT_SUPPORTED. */
static void filter_deny(void **state)
{
	struct smcsim *sim = t_machine("kvm-guest", NULL);
	assert_int_equal(smcsim_filter_add(sim, "kvm", PSCI_VERSION_FID, 1, SMCSIM_FILTER_DENY), 0);
	struct smcsim_regs r = t_call(sim, PSCI_VERSION_FID);
	t_assert_reg(r, 0, UINT64_MAX, "DENY PSCI_VERSION -> -1");
	r = t_call(sim, PSCI_FEATURES_FID, PSCI_VERSION_FID);
	t_assert_x0(r, 0, "neighbouring PSCI calls still handled");
	smcsim_destroy(sim);
}

/* smccc_filter.c: test_filter_fwd_to_user — over HVC and over SMC. */
static void filter_fwd_to_user(void **state)
{
	for (int conduit = SMCSIM_CONDUIT_SMC; conduit <= SMCSIM_CONDUIT_HVC; conduit++) {
		struct smcsim *sim = t_machine("kvm-guest", NULL);
		assert_int_equal(smcsim_filter_add(sim, "kvm", PSCI_CPU_ON_FID | 0x40000000u, 1,
						   SMCSIM_FILTER_FWD_TO_USER),
				 0);
		struct smcsim_regs r = { { PSCI_CPU_ON_FID | 0x40000000u, 1 } };
		int c = smcsim_caller_default(sim);
		assert_int_equal(smcsim_call(sim, c, 0, (enum smcsim_conduit)conduit, &r),
				 SMCSIM_EXIT_USER);
		assert_int_equal(r.x[0], PSCI_CPU_ON_FID | 0x40000000u);
		smcsim_set_user_handler(sim, user_fn, NULL);
		user_seen = 0;
		assert_int_equal(smcsim_call(sim, c, 0, (enum smcsim_conduit)conduit, &r),
				 SMCSIM_EXIT_RETURN);
		assert_int_equal(r.x[0], 0xabc);
		assert_int_equal(user_seen, 1);
		assert_int_equal(user_conduit, conduit);
		/* A range of IDs no model knows can be forwarded too (syzkaller-style). */
		smcsim_destroy(sim);
	}
	struct smcsim *sim = t_machine("kvm-guest", NULL);
	assert_int_equal(
		smcsim_filter_add(sim, "kvm", 0xEF000000, 0x1000, SMCSIM_FILTER_FWD_TO_USER), 0);
	struct smcsim_regs r = { { 0xEF000123 } };
	assert_int_equal(smcsim_call(sim, 0, 0, SMCSIM_CONDUIT_DEFAULT, &r), SMCSIM_EXIT_USER);
	smcsim_destroy(sim);
}

/* hypercalls.c: once a vCPU has run, the filter cannot change (-EBUSY). */
static void filter_frozen_after_run(void **state)
{
	struct smcsim *sim = t_machine("kvm-guest", NULL);
	(void)t_call(sim, PSCI_VERSION_FID);
	assert_int_equal(smcsim_filter_add(sim, "kvm", PSCI_VERSION_FID, 1, SMCSIM_FILTER_DENY),
			 -EBUSY);
	smcsim_destroy(sim);
	/* Filters can also come from the profile. */
	sim = t_machine("kvm-guest", "{\"layers\":{\"kvm\":{\"filters\":[{\"base\":\"TRNG_"
				     "VERSION\",\"nr\":5,\"action\":\"deny\"}]}}}");
	struct smcsim_regs r2 = t_call(sim, TRNG_VERSION_FID);
	t_assert_reg(r2, 0, UINT64_MAX, "profile filter denies TRNG");
	smcsim_destroy(sim);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(features_bitmap),	 cmocka_unit_test(ptp),
		cmocka_unit_test(filter_argument_rules), cmocka_unit_test(filter_deny),
		cmocka_unit_test(filter_fwd_to_user),	 cmocka_unit_test(filter_frozen_after_run),
	};
	return cmocka_run_group_tests_name("conformance-kvm (Linux KVM)", tests, NULL, NULL);
}
