/* SPDX-License-Identifier: MIT */
/*
 * Fixtures served as firmware: how a kernel-side call is matched against a fixture's call
 * steps (smcsim-trace(5), "call": masks, registers that do not matter, "match") and what
 * an unmatched call reports. A kernel may leave argument registers it does not use
 * uninitialised (issue 10: Linux 6.12's SOC_ID name query leaves x2..x17 as they were), so
 * a fixture recorded on one boot must be able to say which registers are the call's.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "linux/arm-smccc.h"
#include "smcsim/shim.h"

#ifndef TRACES
#error TRACES must name the bundled fixture directory
#endif

static struct smcsim *sim;
static struct smcsim_kernel *k;
static struct smcsim_fixture_fw *fw;

static int setup(void **state)
{
	struct smcsim_error err;
	if (smcsim_create_named("tfa-host", &sim, &err) || smcsim_kernel_create(sim, NULL, &k))
		return -1;
	smcsim_kernel_enter(k);
	return 0;
}

static int teardown(void **state)
{
	smcsim_fixture_fw_destroy(fw);
	smcsim_kernel_enter(NULL);
	smcsim_kernel_destroy(k);
	smcsim_destroy(sim);
	fw = NULL;
	k = NULL;
	sim = NULL;
	return 0;
}

/* Serve @steps (the inside of a fixture's "steps" array) as the firmware. */
static void serve(const char *name, unsigned int flags, const char *steps)
{
	char text[8192];
	int n = snprintf(text, sizeof(text),
			 "{\"format\":\"smcsim-trace\",\"version\":1,\"profile\":\"tfa-host\","
			 "\"steps\":[%s]}",
			 steps);
	assert_true(n > 0 && (size_t)n < sizeof(text));
	struct smcsim_error err = { "" };
	if (smcsim_fixture_fw_parse(k, text, (size_t)n, name, flags, &fw, &err))
		fail_msg("%s", err.text);
}

/* The fixture's verdict: 0, or -EPROTO with its message in @msg. */
static int finish(char *msg, size_t len)
{
	return smcsim_fixture_fw_finish(fw, msg, len);
}

/* SMCCC v1.6 SOC_ID name query (DEN0028 7.4.6: x1 = 2, SMC64), with x2..x17 holding
 * whatever the caller's stack had: a distinct garbage value per register. */
static struct arm_smccc_1_2_regs soc_name_call(void)
{
	unsigned long x[18] = { ARM_SMCCC_ARCH_SOC_ID64, 2 };
	for (int n = 2; n < 18; n++)
		x[n] = 0xdead0000UL + (unsigned long)n;
	struct arm_smccc_1_2_regs a;
	_Static_assert(sizeof(a) == sizeof(x), "x0..x17");
	memcpy(&a, x, sizeof(a));
	return a;
}

#define SOC_NAME_EXPECT                                                                            \
	"\"expect\":{\"x0\":0,\"x1\":\"0x76206d6973636d73\",\"x2\":\"0x53206c6175747269\","        \
	"\"x3\":\"0x436f\"}"

static void assert_soc_name_served(const struct arm_smccc_1_2_regs *r)
{
	char name[137] = { 0 };
	assert_int_equal(r->a0, 0);
	memcpy(name, &r->a1, 136);
	assert_string_equal(name, "smcsim virtual SoC");
	char msg[2048];
	if (finish(msg, sizeof(msg)))
		fail_msg("%s", msg);
	assert_int_equal(smcsim_fixture_fw_served(fw), 1);
	assert_int_equal(smcsim_fixture_fw_unexpected(fw), 0);
}

/* "match": "named": the registers a step leaves out are not compared, so garbage in
 * x2..x17 still matches the step that names only x0 and x1. */
static void named_match_ignores_unnamed_registers(void **state)
{
	serve("named.json", SMCSIM_FW_STRICT_ORDER,
	      "{\"call\":{\"x0\":\"SMCCC_ARCH_SOC_ID_64\",\"x1\":2},\"match\":"
	      "\"named\"," SOC_NAME_EXPECT "}");
	struct arm_smccc_1_2_regs a = soc_name_call(), r;
	arm_smccc_1_2_smc(&a, &r);
	assert_soc_name_served(&r);
}

/* { "value": 0, "mask": 0 } declares one register "don't care", register by register. */
static void zero_mask_is_dont_care(void **state)
{
	char steps[2048];
	int used = snprintf(steps, sizeof(steps),
			    "{\"call\":{\"x0\":\"SMCCC_ARCH_SOC_ID_64\",\"x1\":2");
	for (int n = 2; n < 18; n++)
		used += snprintf(steps + used, sizeof(steps) - (size_t)used,
				 ",\"x%d\":{\"value\":0,\"mask\":0}", n);
	snprintf(steps + used, sizeof(steps) - (size_t)used, "}," SOC_NAME_EXPECT "}");
	serve("dontcare.json", SMCSIM_FW_STRICT_ORDER, steps);
	struct arm_smccc_1_2_regs a = soc_name_call(), r;
	arm_smccc_1_2_smc(&a, &r);
	assert_soc_name_served(&r);
}

/* Version 1 unchanged: without a mask or "match", an unnamed register is compared as 0, so
 * the garbage call does not match, and the message names every register that differs. */
static void unnamed_registers_still_compare_as_zero(void **state)
{
	serve("strict.json", SMCSIM_FW_STRICT_ORDER,
	      "{\"call\":{\"x0\":\"SMCCC_ARCH_SOC_ID_64\",\"x1\":2}," SOC_NAME_EXPECT "}");
	struct arm_smccc_1_2_regs a = soc_name_call(), r;
	arm_smccc_1_2_smc(&a, &r);
	assert_int_equal((long)r.a0, SMCCC_RET_NOT_SUPPORTED);
	assert_int_equal(smcsim_fixture_fw_unexpected(fw), 1);
	char want[2048], msg[2048];
	int used =
		snprintf(want, sizeof(want),
			 "strict.json: call 1: unexpected SMC 0xc0000002 (SMCCC_ARCH_SOC_ID_64), "
			 "expected step 0 (SMCCC_ARCH_SOC_ID_64): ");
	for (int n = 2; n < 18; n++)
		used += snprintf(want + used, sizeof(want) - (size_t)used,
				 "%sx%d 0x%x != expected 0x0", n > 2 ? ", " : "", n,
				 0xdead0000 + n);
	assert_int_equal(finish(msg, sizeof(msg)), -EPROTO);
	assert_string_equal(msg, want);
	/* "match": "all" says the same as no "match" at all. */
	smcsim_fixture_fw_destroy(fw);
	fw = NULL;
	serve("strict.json", SMCSIM_FW_STRICT_ORDER,
	      "{\"call\":{\"x0\":\"SMCCC_ARCH_SOC_ID_64\",\"x1\":2},\"match\":"
	      "\"all\"," SOC_NAME_EXPECT "}");
	arm_smccc_1_2_smc(&a, &r);
	assert_int_equal(finish(msg, sizeof(msg)), -EPROTO);
	assert_string_equal(msg, want);
}

/* A mask compares only its bits: x0 on w0 (the function ID), x1 on its low 32 bits. */
static void mask_compares_only_its_bits(void **state)
{
	serve("masked.json", SMCSIM_FW_STRICT_ORDER,
	      "{\"call\":{\"x0\":{\"value\":\"SMCCC_ARCH_SOC_ID_64\",\"mask\":\"0xffffffff\"},"
	      "\"x1\":{\"value\":2,\"mask\":\"0xffffffff\"}},\"match\":\"named\"," SOC_NAME_EXPECT
	      "},"
	      "{\"call\":{\"x0\":\"SMCCC_ARCH_SOC_ID_64\",\"x1\":{\"value\":2,\"mask\":"
	      "\"0xffffffff\"}},\"match\":\"named\",\"expect\":{\"x0\":0}}");
	struct arm_smccc_1_2_regs a = soc_name_call(), r;
	a.a0 |= 0xffffffff00000000UL;
	a.a1 |= 0xabcd000000000000UL;
	arm_smccc_1_2_smc(&a, &r);
	assert_int_equal(r.a0, 0);
	assert_int_equal(r.a1, 0x76206d6973636d73);
	/* A bit inside the mask still counts; x0's upper half does for a step without a mask. */
	a.a1 = 3;
	arm_smccc_1_2_smc(&a, &r);
	assert_int_equal((long)r.a0, SMCCC_RET_NOT_SUPPORTED);
	char msg[2048];
	assert_int_equal(finish(msg, sizeof(msg)), -EPROTO);
	assert_string_equal(msg, "masked.json: call 2: unexpected SMC 0xffffffffc0000002 "
				 "(SMCCC_ARCH_SOC_ID_64), expected step 1 (SMCCC_ARCH_SOC_ID_64): "
				 "x0 0xffffffffc0000002 != expected 0xc0000002, x1 0x3 != expected "
				 "0x2 under mask 0xffffffff");
}

/* Every differing register in one message, in register order, masks where not all ones. */
static void mismatch_names_every_register(void **state)
{
	serve("multi.json", SMCSIM_FW_STRICT_ORDER,
	      "{\"call\":{\"x0\":\"PSCI_FEATURES\",\"x1\":\"SMCCC_VERSION\",\"x3\":{\"value\":0,"
	      "\"mask\":\"0xffffffff\"}},\"expect\":{\"x0\":0}}");
	struct arm_smccc_res res;
	arm_smccc_smc(0x84000000, 0x80000000, 0, 0x100000005, 0, 0, 0, 0, &res);
	assert_int_equal((long)res.a0, SMCCC_RET_NOT_SUPPORTED);
	char msg[2048];
	assert_int_equal(finish(msg, sizeof(msg)), -EPROTO);
	assert_string_equal(msg,
			    "multi.json: call 1: unexpected SMC 0x84000000 (PSCI_VERSION), "
			    "expected step 0 (PSCI_FEATURES): x0 0x84000000 != expected "
			    "0x8400000a, x3 0x100000005 != expected 0x0 under mask 0xffffffff");
	/* The kernel's log carries the same sentence. */
	assert_true(smcsim_kernel_log_has(k, "err: smcsim: fixture multi.json: call 1: "
					     "unexpected SMC 0x84000000 (PSCI_VERSION), expected "
					     "step 0 (PSCI_FEATURES): x0 0x84000000"));
}

/* A step's conduit is part of the match, and reported with the registers. */
static void conduit_mismatch_is_named(void **state)
{
	serve("hvc.json", SMCSIM_FW_STRICT_ORDER,
	      "{\"call\":{\"x0\":\"PSCI_VERSION\"},\"conduit\":\"hvc\",\"expect\":{\"x0\":"
	      "\"0x10001\"}}");
	struct arm_smccc_res res;
	arm_smccc_smc(0x84000000, 0, 0, 0, 0, 0, 0, 7, &res);
	char msg[2048];
	assert_int_equal(finish(msg, sizeof(msg)), -EPROTO);
	assert_string_equal(msg, "hvc.json: call 1: unexpected SMC 0x84000000 (PSCI_VERSION), "
				 "expected step 0 (PSCI_VERSION): conduit SMC != expected HVC, x7 "
				 "0x7 != expected 0x0");
}

/* In any order, an unmatched call is compared with the unused step it is closest to. */
static void any_order_reports_closest_step(void **state)
{
	serve("any.json", SMCSIM_FW_ANY_ORDER,
	      "{\"call\":{\"x0\":\"PSCI_VERSION\"},\"expect\":{\"x0\":\"0x10001\"}},"
	      "{\"call\":{\"x0\":\"PSCI_FEATURES\",\"x1\":\"SMCCC_VERSION\"},\"expect\":{\"x0\":0}}"
	      ","
	      "{\"call\":{\"x0\":\"PSCI_FEATURES\",\"x1\":\"PSCI_CPU_ON_64\"},\"expect\":{\"x0\":0}"
	      "}");
	struct arm_smccc_res res;
	arm_smccc_smc(0x8400000a, 0x80000001, 0, 0, 0, 0, 0, 0, &res);
	assert_int_equal((long)res.a0, SMCCC_RET_NOT_SUPPORTED);
	char msg[2048];
	assert_int_equal(finish(msg, sizeof(msg)), -EPROTO);
	assert_string_equal(msg, "any.json: call 1: unexpected SMC 0x8400000a (PSCI_FEATURES), "
				 "closest unused step 1 (PSCI_FEATURES): x1 0x80000001 != expected "
				 "0x80000000");
}

/* Past the last call step there is nothing to compare with. */
static void call_after_last_step(void **state)
{
	serve("one.json", SMCSIM_FW_STRICT_ORDER,
	      "{\"call\":{\"x0\":\"PSCI_VERSION\"},\"expect\":{\"x0\":\"0x10001\"}}");
	struct arm_smccc_res res;
	arm_smccc_smc(0x84000000, 0, 0, 0, 0, 0, 0, 0, &res);
	assert_int_equal(res.a0, 0x10001);
	arm_smccc_smc(0x84000000, 0, 0, 0, 0, 0, 0, 0, &res);
	char msg[2048];
	assert_int_equal(finish(msg, sizeof(msg)), -EPROTO);
	assert_string_equal(msg, "one.json: call 2: unexpected SMC 0x84000000 (PSCI_VERSION) "
				 "after the fixture's last call");
}

/* The bundled example (traces/discovery/soc-id-name-uninitialised-args.json), which replays
 * clean on the models, serves calls whose unused registers hold garbage. */
static void bundled_example_serves_garbage_calls(void **state)
{
	struct smcsim_error err = { "" };
	if (smcsim_fixture_fw_load(k, TRACES "/discovery/soc-id-name-uninitialised-args.json",
				   SMCSIM_FW_STRICT_ORDER, &fw, &err))
		fail_msg("%s", err.text);
	struct arm_smccc_1_2_regs a = { .a0 = ARM_SMCCC_VERSION_FUNC_ID }, r;
	arm_smccc_1_2_smc(&a, &r);
	assert_int_equal(r.a0, 0x10002);
	a = (struct arm_smccc_1_2_regs){ .a0 = ARM_SMCCC_ARCH_FEATURES_FUNC_ID,
					 .a1 = ARM_SMCCC_ARCH_SOC_ID };
	arm_smccc_1_2_smc(&a, &r);
	assert_int_equal(r.a0, 0);
	/* SMC32 version query: garbage in the upper halves of x0 and x1 and in x2..x17. */
	a = soc_name_call();
	a.a0 = 0xffffffff00000000UL | ARM_SMCCC_ARCH_SOC_ID;
	a.a1 = 0x1234567800000000UL;
	arm_smccc_1_2_smc(&a, &r);
	assert_int_equal(r.a0, 0x043b0001);
	a = soc_name_call();
	arm_smccc_1_2_smc(&a, &r);
	char name[137] = { 0 };
	memcpy(name, &r.a1, 136);
	assert_string_equal(name, "smcsim virtual SoC");
	/* Revision: x2 and x3 are don't care, x4..x17 still compared as 0. */
	a = (struct arm_smccc_1_2_regs){
		.a0 = ARM_SMCCC_ARCH_SOC_ID, .a1 = 1, .a2 = 0xdead, .a3 = 0xbeef
	};
	arm_smccc_1_2_smc(&a, &r);
	assert_int_equal(r.a0, 1);
	char msg[2048];
	if (finish(msg, sizeof(msg)))
		fail_msg("%s", msg);
	assert_int_equal(smcsim_fixture_fw_served(fw), 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(named_match_ignores_unnamed_registers, setup,
						teardown),
		cmocka_unit_test_setup_teardown(zero_mask_is_dont_care, setup, teardown),
		cmocka_unit_test_setup_teardown(unnamed_registers_still_compare_as_zero, setup,
						teardown),
		cmocka_unit_test_setup_teardown(mask_compares_only_its_bits, setup, teardown),
		cmocka_unit_test_setup_teardown(mismatch_names_every_register, setup, teardown),
		cmocka_unit_test_setup_teardown(conduit_mismatch_is_named, setup, teardown),
		cmocka_unit_test_setup_teardown(any_order_reports_closest_step, setup, teardown),
		cmocka_unit_test_setup_teardown(call_after_last_step, setup, teardown),
		cmocka_unit_test_setup_teardown(bundled_example_serves_garbage_calls, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
