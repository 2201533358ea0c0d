/* SPDX-License-Identifier: MIT */
/* Trace API: parse errors, masked compares, exits, record -> replay bit-identical. */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "conformance/common/smcsim_test.h"

static struct smcsim_trace *parse(const char *text)
{
	struct smcsim_trace *t = NULL;
	struct smcsim_error err = { { 0 } };
	if (smcsim_trace_parse(text, strlen(text), "inline", &t, &err))
		fail_msg("parse: %s", err.text);
	return t;
}

static int collect_n;
static struct smcsim_mismatch collected[8];

static int collect(void *opaque, const struct smcsim_mismatch *m)
{
	if (collect_n < 8)
		collected[collect_n] = *m;
	collect_n++;
	return opaque != NULL; /* non-NULL opaque: stop at the first */
}

static void masks_and_mismatches(void **state)
{
	struct smcsim_trace *t = parse(
		"{\"format\":\"smcsim-trace\",\"version\":1,\"steps\":["
		"{\"call\":{\"x0\":\"SMCCC_VERSION\"},\"expect\":{\"x0\":{\"value\":\"0x10000\","
		"\"mask\":\"0xffff0000\"}}},"
		"{\"call\":{\"x0\":\"SMCCC_VERSION\"},\"expect\":{\"x0\":\"0x10001\"}},"
		"{\"call\":{\"x0\":\"0x8400fe00\"},\"expect\":{\"x0\":-1,\"exit\":\"return\"}},"
		"{\"write\":{\"pa\":\"0x80000000\",\"u64\":[\"0x0102\"]}},"
		"{\"check\":{\"pa\":\"0x80000000\",\"bytes\":\"0203\"}}]}");
	assert_int_equal(smcsim_trace_steps(t), 5);
	collect_n = 0;
	struct smcsim_error err = { { 0 } };
	assert_int_equal(smcsim_trace_replay(t, collect, NULL, &err), 2);
	assert_int_equal(collect_n, 2);
	assert_int_equal(collected[0].size, sizeof(struct smcsim_mismatch));
	assert_int_equal(collected[0].step, 1);
	assert_string_equal(collected[0].what, "x0");
	assert_int_equal(collected[0].expected, 0x10001);
	assert_int_equal(collected[0].actual, 0x10002);
	assert_int_equal(collected[0].fid, 0x80000000);
	assert_string_equal(collected[1].what, "mem");
	assert_int_equal(collected[1].pa, 0x80000001);
	/* Returning nonzero from the callback stops the replay. */
	collect_n = 0;
	assert_int_equal(smcsim_trace_replay(t, collect, (void *)1, &err), 1);
	assert_int_equal(collect_n, 1);
	smcsim_trace_destroy(t);
}

static void exits_and_events(void **state)
{
	/* A powered-off CPU cannot call: reported as a failed call step, not a crash. */
	struct smcsim_trace *t =
		parse("{\"format\":\"smcsim-trace\",\"version\":1,\"steps\":["
		      "{\"call\":{\"x0\":\"SMCCC_VERSION\"},\"cpu\":2},"
		      "{\"call\":{\"x0\":\"SMCCC_VERSION\"},\"expect\":{\"exit\":\"cpu_off\"}}]}");
	collect_n = 0;
	struct smcsim_error err = { { 0 } };
	assert_int_equal(smcsim_trace_replay(t, collect, NULL, &err), 2);
	assert_string_equal(collected[0].what, "call");
	assert_non_null(strstr(collected[0].message, "powered off"));
	assert_string_equal(collected[1].what, "exit");
	smcsim_trace_destroy(t);

	t = parse("{\"format\":\"smcsim-trace\",\"version\":1,\"steps\":[{\"event\":\"cpu_boot\","
		  "\"cpu\":1}]}");
	assert_int_equal(smcsim_trace_replay(t, NULL, NULL, &err), -EINVAL);
	assert_non_null(strstr(err.text, "inline: /steps/0/event: /cpu: CPU 1 is not waiting"));
	smcsim_trace_destroy(t);
}

static void record_replays_bit_identically(void **state)
{
	struct smcsim *sim = t_machine("kvm-guest", "{\"cpus\":{\"count\":2}}");
	assert_int_equal(smcsim_record_start(sim), 0);
	(void)t_call(sim, 0x80000000);
	(void)t_call(sim, 0x80000001, 0x80008000);
	(void)t_call(sim, 0x8600FF01);
	uint8_t b[5] = { 1, 2, 3, 4, 5 };
	assert_int_equal(smcsim_mem_write(sim, 0x80002000, b, 5), 0);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_int_equal(smcsim_record_write(sim, f, "round trip"), 0);
	fclose(f);
	smcsim_destroy(sim);
	/* The patched CPU count travels as profile_overrides. */
	assert_non_null(strstr(buf, "\"profile_overrides\""));
	assert_non_null(strstr(buf, "\"profile\": \"kvm-guest\""));
	struct smcsim_trace *t = parse(buf);
	struct smcsim_error err = { { 0 } };
	assert_int_equal(smcsim_trace_replay(t, NULL, NULL, &err), 0);
	assert_string_equal(smcsim_trace_description(t), "round trip");
	assert_string_equal(smcsim_trace_profile(t), "kvm-guest");
	smcsim_trace_destroy(t);
	free(buf);
}

static void parse_errors(void **state)
{
	static const struct {
		const char *text, *want;
	} cases[] = {
		{ "{\"format\":\"smcsim-trace\",\"version\":1,\"steps\":[{\"call\":{\"x0\":1.5}}]}",
		  "inline: /steps/0/call/x0: expected a hex string" },
		{ "{\"format\":\"smcsim-trace\",\"version\":1,\"steps\":[{\"call\":{\"x0\":1,"
		  "\"x1\":"
		  "\"0x\"}}]}",
		  "inline: /steps/0/call/x1: \"0x\" with no digits" },
		{ "{\"format\":\"smcsim-trace\",\"version\":1,\"steps\":[{\"write\":{\"pa\":0,"
		  "\"bytes\":"
		  "\"0\"}}]}",
		  "inline: /steps/0/write/bytes: odd number of hex digits" },
		{ "{\"format\":\"smcsim-trace\",\"version\":1,\"steps\":[{\"check\":{\"pa\":0,"
		  "\"u64\":[]"
		  ",\"bytes\":\"00\"}}]}",
		  "exactly one of \"u64\" and \"bytes\"" },
		{ "{\"format\":\"smcsim-trace\",\"version\":1,\"steps\":[{\"call\":{\"x0\":1},"
		  "\"cpu\":"
		  "\"0x100000000\"}]}",
		  "inline: /steps/0/cpu: not a CPU index" },
		{ "{\"format\":\"smcsim-trace\",\"version\":1,\"steps\":[{\"call\":{\"x0\":1,"
		  "\"x01\":2}}"
		  "]}",
		  "inline: /steps/0/call/x01: unknown key" },
		{ "[1]", "inline: /: a fixture is a JSON object" },
		{ "{\"format\":\"smcsim-trace\",\"version\":\"1\",\"steps\":[]}",
		  "inline: /version: expected the integer 1" },
		{ "{\"format\":\"smcsim-trace\",\"version\":1,\"steps\":[{\"event\":\"\"}]}",
		  "inline: /steps/0/event: expected an event name" },
		{ "{\"format\":\"smcsim-trace\",\"version\":1,\"steps\":[{\"call\":{\"x0\":1},"
		  "\"note\":"
		  "5}]}",
		  "/steps/0/note: expected a string" },
		/* U+0000 is valid JSON (RFC 8259) but would cut the C string short. */
		{ "{\"format\":\"smcsim-trace\",\"version\":1,\"steps\":[{\"write\":{\"pa\":0,"
		  "\"bytes\":\"00\\u0000ff\"}}]}",
		  "inline: /steps/0/write/bytes: string contains a NUL character (\\u0000)" },
		/* The path is a JSON Pointer: "/" and "~" in a key are escaped (RFC 6901). */
		{ "{\"format\":\"smcsim-trace\",\"version\":1,\"steps\":[{\"event\":\"e\","
		  "\"a/b~\":[1,\"\\u0000\"]}]}",
		  "inline: /steps/0/a~1b~0/1: string contains a NUL character (\\u0000)" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct smcsim_trace *t = NULL;
		struct smcsim_error err = { { 0 } };
		assert_int_equal(smcsim_trace_parse(cases[i].text, strlen(cases[i].text), "inline",
						    &t, &err),
				 -EINVAL);
		assert_null(t);
		if (!strstr(err.text, cases[i].want))
			fail_msg("case %zu: \"%s\" lacks \"%s\"", i, err.text, cases[i].want);
	}
	struct smcsim_trace *t;
	struct smcsim_error err;
	assert_int_equal(smcsim_trace_load("/nonexistent/x.json", &t, &err), -ENOENT);
}

/* The step accessor exposes exactly what was parsed (fixtures served as firmware use it). */
static void step_accessor(void **state)
{
	struct smcsim_trace *t = parse("{\"format\":\"smcsim-trace\",\"version\":1,\"steps\":["
				       "{\"call\":{\"x0\":\"PSCI_VERSION\",\"x2\":-1},\"caller\":"
				       "\"host\",\"cpu\":1,\"conduit\":\"hvc\","
				       "\"expect\":{\"x0\":{\"value\":\"0x10001\",\"mask\":"
				       "\"0xffff\"},\"exit\":\"return\"}},"
				       "{\"check\":{\"pa\":\"0x80000000\",\"bytes\":\"0a0b\"}},"
				       "{\"event\":\"cpu_boot\",\"cpu\":1,\"note\":\"n\"}]}");
	struct smcsim_trace_step s = { .size = sizeof(s) };
	assert_int_equal(smcsim_trace_step(t, 0, &s), 0);
	assert_int_equal(s.kind, SMCSIM_STEP_CALL);
	assert_string_equal(s.caller, "host");
	assert_int_equal(s.cpu, 1);
	assert_int_equal(s.conduit, SMCSIM_CONDUIT_HVC);
	assert_int_equal(s.in.x[0], 0x84000000);
	assert_int_equal(s.in.x[2], UINT64_MAX);
	assert_int_equal(s.expect_regs, 1);
	assert_int_equal(s.expect[0], 0x0001);
	assert_int_equal(s.expect_mask[0], 0xffff);
	assert_int_equal(s.expect_mask[1], UINT64_MAX);
	assert_int_equal(s.expect_exit, SMCSIM_EXIT_RETURN);
	assert_int_equal(smcsim_trace_step(t, 1, &s), 0);
	assert_int_equal(s.kind, SMCSIM_STEP_CHECK);
	assert_int_equal(s.pa, 0x80000000);
	assert_int_equal(s.len, 2);
	assert_int_equal(s.bytes[1], 0x0b);
	assert_int_equal(smcsim_trace_step(t, 2, &s), 0);
	assert_int_equal(s.kind, SMCSIM_STEP_EVENT);
	assert_string_equal(s.event, "cpu_boot");
	assert_string_equal(s.event_args, "{\"cpu\":1}");
	assert_int_equal(smcsim_trace_step(t, 3, &s), -ERANGE);
	struct smcsim_trace_step unsized;
	memset(&unsized, 0, sizeof(unsized));
	assert_int_equal(smcsim_trace_step(t, 0, &unsized), -EINVAL);
	smcsim_trace_destroy(t);
}

/*
 * smcsim-trace(5) call: an argument register may carry a mask, 0 declaring it "don't care",
 * and "match": "named" makes the registers a step leaves out "don't care". Replay sends
 * the value (0 for a register left out); the masks are for matching (in_mask).
 */
static void call_masks(void **state)
{
	struct smcsim_trace *t =
		parse("{\"format\":\"smcsim-trace\",\"version\":1,\"profile\":\"tfa-host\","
		      "\"steps\":["
		      "{\"call\":{\"x0\":\"SMCCC_ARCH_SOC_ID_64\",\"x1\":2},\"match\":\"named\","
		      "\"expect\":{\"x0\":0}},"
		      "{\"call\":{\"x0\":{\"value\":\"SMCCC_VERSION\",\"mask\":\"0xffffffff\"},"
		      "\"x1\":{\"value\":\"0x12\",\"mask\":\"0xff\"},\"x2\":{\"value\":0,"
		      "\"mask\":0},\"x3\":{\"value\":7}},\"match\":\"all\","
		      "\"expect\":{\"x0\":\"0x10002\"}},"
		      "{\"call\":{\"x0\":\"SMCCC_VERSION\",\"x4\":5}}]}");
	struct smcsim_trace_step s = { .size = sizeof(s) };
	assert_int_equal(smcsim_trace_step(t, 0, &s), 0);
	assert_int_equal(s.in.x[1], 2);
	assert_int_equal(s.in_mask[0], UINT64_MAX);
	assert_int_equal(s.in_mask[1], UINT64_MAX);
	for (int r = 2; r < SMCSIM_NREGS; r++) {
		assert_int_equal(s.in.x[r], 0);
		assert_int_equal(s.in_mask[r], 0);
	}
	assert_int_equal(smcsim_trace_step(t, 1, &s), 0);
	assert_int_equal(s.in.x[0], 0x80000000);
	assert_int_equal(s.in_mask[0], 0xffffffff);
	assert_int_equal(s.in.x[1], 0x12);
	assert_int_equal(s.in_mask[1], 0xff);
	assert_int_equal(s.in_mask[2], 0);
	assert_int_equal(s.in.x[3], 7);
	assert_int_equal(s.in_mask[3], UINT64_MAX);
	for (int r = 4; r < SMCSIM_NREGS; r++)
		assert_int_equal(s.in_mask[r], UINT64_MAX); /* unnamed: compared as 0 */
	/* A step without masks is what version 1 always meant: every register compared. */
	assert_int_equal(smcsim_trace_step(t, 2, &s), 0);
	assert_int_equal(s.in.x[4], 5);
	for (int r = 0; r < SMCSIM_NREGS; r++)
		assert_int_equal(s.in_mask[r], UINT64_MAX);
	/* A caller built for release 0.1's layout still reads the step, without in_mask. */
	struct smcsim_trace_step old;
	memset(&old, 0xa5, sizeof(old));
	old.size = (uint32_t)offsetof(struct smcsim_trace_step, in_mask);
	assert_int_equal(smcsim_trace_step(t, 1, &old), 0);
	assert_int_equal(old.size, offsetof(struct smcsim_trace_step, in_mask));
	assert_int_equal(old.in.x[1], 0x12);
	assert_int_equal(old.in_mask[0], 0xa5a5a5a5a5a5a5a5);
	old.size--;
	assert_int_equal(smcsim_trace_step(t, 1, &old), -EINVAL);
	/* Replay sends the values: SOC_ID name with x2..x17 as 0, SMCCC_VERSION in w0. */
	struct smcsim_error err = { { 0 } };
	assert_int_equal(smcsim_trace_replay(t, NULL, NULL, &err), 0);
	smcsim_trace_destroy(t);

	static const struct {
		const char *step, *want;
	} bad[] = {
		{ "{\"call\":{\"x0\":1,\"x2\":{\"value\":\"0x1ff\",\"mask\":\"0xff\"}}}",
		  "inline: /steps/0/call/x2/value: 0x1ff has bits outside the mask 0xff" },
		{ "{\"call\":{\"x0\":{\"value\":1,\"mask\":\"0xffff\"}}}",
		  "inline: /steps/0/call/x0/mask: 0xffff leaves out bits of the function ID" },
		{ "{\"call\":{\"x0\":1,\"x2\":{\"value\":0,\"mask\":\"0x1x\"}}}",
		  "inline: /steps/0/call/x2/mask: " },
		{ "{\"call\":{\"x0\":1,\"x2\":{\"mask\":0}}}",
		  "inline: /steps/0/call/x2/value: missing" },
		{ "{\"call\":{\"x0\":1,\"x2\":{\"value\":0,\"care\":0}}}",
		  "inline: /steps/0/call/x2/care: unknown key (expected one of: value, mask)" },
		{ "{\"call\":{\"x0\":1},\"match\":\"some\"}",
		  "inline: /steps/0/match: expected \"all\" or \"named\"" },
		{ "{\"call\":{\"x0\":1},\"match\":true}",
		  "inline: /steps/0/match: expected \"all\" or \"named\"" },
		{ "{\"write\":{\"pa\":0,\"bytes\":\"00\"},\"match\":\"named\"}",
		  "inline: /steps/0/match: unknown key" },
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char text[300];
		snprintf(text, sizeof(text),
			 "{\"format\":\"smcsim-trace\",\"version\":1,\"steps\":[%s]}", bad[i].step);
		t = NULL;
		assert_int_equal(smcsim_trace_parse(text, strlen(text), "inline", &t, &err),
				 -EINVAL);
		assert_null(t);
		if (!strstr(err.text, bad[i].want))
			fail_msg("case %zu: \"%s\" lacks \"%s\"", i, err.text, bad[i].want);
	}
}

/*
 * One value parser: the public smcsim_value_parse() and a fixture read "010" as ten (never
 * octal), and both refuse the same bad values, a fixture naming the JSON path.
 */
static void values_parse_one_way(void **state)
{
	static const struct {
		const char *s;
		uint64_t v;
	} good[] = {
		{ "010", 10 },
		{ "0", 0 },
		{ "0x10", 16 },
		{ "0X1f", 31 },
		{ "-1", UINT64_MAX },
		{ "-0x10", (uint64_t)-16 },
		{ "18446744073709551615", UINT64_MAX },
		{ "-9223372036854775808", UINT64_C(1) << 63 },
		{ "PSCI_VERSION", 0x84000000 },
		/* names in any case, and the spellings of Linux and TF-A (issue: names people
		 * type) */
		{ "psci_version", 0x84000000 },
		{ "ARM_SMCCC_VERSION_FUNC_ID", 0x80000000 },
		{ "PSCI_0_2_FN64_CPU_ON", 0xc4000003 },
		{ "PSCI_1_0_FN_PSCI_FEATURES", 0x8400000a },
		{ "FFA_FN64_RXTX_MAP", 0xc4000066 },
		{ "FFA_RXTX_MAP_SMC64", 0xc4000066 },
		{ "FFA_SUCCESS_32", 0x84000061 },
		{ "SMC_RMI_VERSION", 0xc4000150 },
		{ "SMC_RSI_ABI_VERSION", 0xc4000190 },
		{ "ARM_SMCCC_TRNG_RND64", 0xc4000053 },
	};
	static const char *const bad[] = { "",
					   "0x",
					   "08x",
					   "12abc",
					   "0x1g",
					   "-",
					   " 1",
					   "1 ",
					   "18446744073709551616",
					   "0x10000000000000000",
					   "-PSCI_VERSION",
					   "-9223372036854775809",
					   "PSCI_VERSIONX",
					   "TRNG_RND" };
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		uint64_t v = 0;
		if (smcsim_value_parse(good[i].s, &v) || v != good[i].v)
			fail_msg("\"%s\" gave 0x%llx", good[i].s, (unsigned long long)v);
		/* A fixture reads the same string to the same value. */
		char text[200];
		snprintf(text, sizeof(text),
			 "{\"format\":\"smcsim-trace\",\"version\":1,\"steps\":["
			 "{\"call\":{\"x0\":1,\"x1\":\"%s\"}}]}",
			 good[i].s);
		struct smcsim_trace *t = parse(text);
		struct smcsim_trace_step st = { .size = sizeof(st) };
		assert_int_equal(smcsim_trace_step(t, 0, &st), 0);
		assert_int_equal(st.in.x[1], good[i].v);
		smcsim_trace_destroy(t);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		uint64_t v = 7;
		if (smcsim_value_parse(bad[i], &v) != -EINVAL || v != 7)
			fail_msg("\"%s\" was accepted", bad[i]);
		char text[200];
		snprintf(text, sizeof(text),
			 "{\"format\":\"smcsim-trace\",\"version\":1,\"steps\":["
			 "{\"call\":{\"x0\":1,\"x1\":\"%s\"}}]}",
			 bad[i]);
		struct smcsim_trace *t = NULL;
		struct smcsim_error err = { { 0 } };
		assert_int_equal(smcsim_trace_parse(text, strlen(text), "inline", &t, &err),
				 -EINVAL);
		if (!strstr(err.text, "inline: /steps/0/call/x1: "))
			fail_msg("\"%s\": \"%s\" does not name the path", bad[i], err.text);
	}
	assert_int_equal(smcsim_value_parse(NULL, NULL), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(masks_and_mismatches),
		cmocka_unit_test(exits_and_events),
		cmocka_unit_test(record_replays_bit_identically),
		cmocka_unit_test(parse_errors),
		cmocka_unit_test(step_accessor),
		cmocka_unit_test(call_masks),
		cmocka_unit_test(values_parse_one_way),
	};
	return cmocka_run_group_tests_name("emu-trace", tests, NULL, NULL);
}
