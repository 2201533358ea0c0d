/* SPDX-License-Identifier: MIT */
/*
 * PSCI conformance (Arm DEN0022 0.2-1.3): one group per call, one case per rule. Each
 * case names the DEN0022 section it checks, or the implementation (TF-A, KVM, QEMU)
 * whose behaviour a built-in profile reproduces.
 */
#include <errno.h>
#include <string.h>

#include "conformance/common/smcsim_test.h"
#include "emu/emu.h"
#include "emu/services.h"

#define DRAM	  UINT64_C(0x80000000)
#define ENTRY	  (DRAM + 0x1000)
#define BAD_ENTRY UINT64_C(0x1000)    /* below DRAM: not memory */
#define PD	  (UINT64_C(1) << 16) /* original-format StateType powerdown */

/* A tfa-host machine whose PSCI section is patched with @psci (a JSON object body). */
static struct smcsim *tfa(const char *psci)
{
	char patch[1024];
	snprintf(patch, sizeof(patch), "{\"layers\":{\"el3\":{\"services\":{\"psci\":{%s}}}}}",
		 psci ? psci : "");
	return t_machine("tfa-host", patch);
}

/* Issue a call that may leave the caller (CPU_OFF, suspend, SYSTEM_*); returns the exit. */
static int xcall(struct smcsim *sim, unsigned int cpu, uint64_t fid, uint64_t a1, uint64_t a2,
		 uint64_t a3, struct smcsim_regs *out)
{
	struct smcsim_regs r;
	memset(&r, 0, sizeof(r));
	r.x[0] = fid;
	r.x[1] = a1;
	r.x[2] = a2;
	r.x[3] = a3;
	int ret = smcsim_call(sim, smcsim_caller_default(sim), cpu, SMCSIM_CONDUIT_DEFAULT, &r);
	if (out)
		*out = r;
	return ret;
}

/* Fixed-arity wrappers: PSCI calls take at most three arguments here. */
static struct smcsim_regs pcall(struct smcsim *sim, unsigned int cpu, uint64_t fid, uint64_t a1,
				uint64_t a2, uint64_t a3)
{
	const uint64_t args[3] = { a1, a2, a3 };
	return t_call_arr(sim, NULL, cpu, fid, 3, args);
}
#define PCALL_(sim, cpu, fid, a1, a2, a3, ...) pcall((sim), (cpu), (fid), (a1), (a2), (a3))
#define call(sim, fid, ...)		       PCALL_(sim, 0, fid, ##__VA_ARGS__, 0, 0, 0)
#define call_cpu(sim, cpu, fid, ...)	       PCALL_(sim, cpu, fid, ##__VA_ARGS__, 0, 0, 0)

static void cpu_on(struct smcsim *sim, unsigned int cpu)
{
	struct smcsim_regs r =
		call(sim, PSCI_CPU_ON_64_FID, smcsim_cpu_mpidr(sim, cpu), ENTRY, cpu);
	t_assert_x0(r, PSCI_RET_SUCCESS, "DEN0022D 5.1.4: CPU_ON of an off CPU succeeds");
}

static void all_on(struct smcsim *sim)
{
	for (unsigned int i = 1; i < smcsim_cpu_count(sim); i++)
		cpu_on(sim, i);
}

static void expect_profile_error(const char *psci, const char *want)
{
	struct smcsim_profile *p;
	struct smcsim_error err = { { 0 } };
	struct smcsim *sim = NULL;
	char patch[1024];
	snprintf(patch, sizeof(patch), "{\"layers\":{\"el3\":{\"services\":{\"psci\":{%s}}}}}",
		 psci);
	assert_int_equal(smcsim_profile_load("tfa-host", &p, &err), 0);
	assert_int_equal(smcsim_profile_patch(p, patch, &err), 0);
	int ret = smcsim_create(p, &sim, &err);
	smcsim_profile_destroy(p);
	assert_null(sim);
	assert_int_equal(ret, -EINVAL);
	if (!strstr(err.text, want))
		fail_msg("error \"%s\" does not contain \"%s\"", err.text, want);
}

/* ==== PSCI_VERSION ==================================================================== */

/* DEN0022D 5.1.1: PSCI_VERSION returns major<<16 | minor of the implemented version. */
static void version_reports_profile(void **state)
{
	static const struct {
		const char *profile;
		uint32_t want;
	} cases[] = { { "tfa-host", 0x10001 }, { "kvm-guest", 0x10001 }, { "qemu-tcg", 0x10001 } };
	for (size_t i = 0; i < EMU_ARRAY_SIZE(cases); i++) {
		struct smcsim *sim = t_machine(cases[i].profile, NULL);
		struct smcsim_regs r = call(sim, PSCI_VERSION_FID);
		t_assert_reg(r, 0, cases[i].want, "DEN0022D 5.1.1: PSCI_VERSION 1.1");
		smcsim_destroy(sim);
	}
	struct smcsim *sim = tfa("\"version\":\"0.2\"");
	struct smcsim_regs r = call(sim, PSCI_VERSION_FID);
	t_assert_reg(r, 0, 0x2, "DEN0022D 5.1.1: PSCI_VERSION 0.2");
	smcsim_destroy(sim);
	sim = tfa("\"version\":\"1.3\"");
	r = call(sim, PSCI_VERSION_FID);
	t_assert_reg(r, 0, 0x10003, "DEN0022D 5.1.1: PSCI_VERSION 1.3");
	smcsim_destroy(sim);
}

/* Profile: only published PSCI versions, strict keys, errors name the JSON path. */
static void version_profile_errors(void **state)
{
	expect_profile_error("\"version\":\"0.1\"", "/layers/el3/services/psci/version");
	expect_profile_error("\"version\":\"2.0\"", "/layers/el3/services/psci/version");
	expect_profile_error("\"bogus\":1", "/layers/el3/services/psci");
	expect_profile_error("\"resident_cpu\":9", "/layers/el3/services/psci/resident_cpu");
	expect_profile_error("\"system_off2_types\":2",
			     "/layers/el3/services/psci/system_off2_types");
	expect_profile_error("\"cpu_suspend\":{\"max_power_level\":4}",
			     "/layers/el3/services/psci/cpu_suspend/max_power_level");
	expect_profile_error("\"cpu_suspend\":{\"nope\":true}",
			     "/layers/el3/services/psci/cpu_suspend");
	expect_profile_error("\"migrate_info_type\":\"sometimes\"",
			     "/layers/el3/services/psci/migrate_info_type");
}

/* Function-ID table: the spec's names, _64 for the SMC64 twin (names drive decoding and
 * fixtures). */
static void names_from_table(void **state)
{
	static const struct {
		uint32_t fid;
		const char *name;
	} rows[] = {
		{ 0x84000000, "PSCI_VERSION" },
		{ 0xC4000001, "PSCI_CPU_SUSPEND_64" },
		{ 0x84000002, "PSCI_CPU_OFF" },
		{ 0xC4000003, "PSCI_CPU_ON_64" },
		{ 0x84000006, "PSCI_MIGRATE_INFO_TYPE" },
		{ 0x8400000A, "PSCI_FEATURES" },
		{ 0xC400000E, "PSCI_SYSTEM_SUSPEND_64" },
		{ 0x8400000F, "PSCI_SET_SUSPEND_MODE" },
		{ 0xC4000012, "PSCI_SYSTEM_RESET2_64" },
		{ 0x84000014, "PSCI_MEM_PROTECT_CHECK_RANGE" },
		{ 0xC4000015, "PSCI_SYSTEM_OFF2_64" },
	};
	for (size_t i = 0; i < EMU_ARRAY_SIZE(rows); i++) {
		const char *n = smcsim_fid_name(rows[i].fid);
		assert_non_null(n);
		assert_string_equal(n, rows[i].name);
		uint32_t fid = 0;
		assert_int_equal(smcsim_fid_lookup(rows[i].name, &fid), 0);
		assert_int_equal(fid, rows[i].fid);
	}
	struct smcsim_fid_info info = { .size = sizeof(info) };
	assert_int_equal(smcsim_fid_decode(0xC4000015, &info), 0);
	assert_string_equal(info.service, "psci");
	assert_int_equal(info.since, 0x10003);
}

/* ==== PSCI_FEATURES =================================================================== */

/* DEN0022D 5.1.14: PSCI_FEATURES exists from PSCI 1.0; a 0.2 firmware does not know it. */
static void features_absent_in_0_2(void **state)
{
	struct smcsim *sim = tfa("\"version\":\"0.2\",\"system_suspend\":true");
	struct smcsim_regs r = call(sim, PSCI_FEATURES_FID, PSCI_VERSION_FID);
	t_assert_reg(r, 0, UINT64_MAX, "DEN0022D 5.1.14: no PSCI_FEATURES before 1.0");
	r = call(sim, PSCI_SYSTEM_SUSPEND_64_FID, ENTRY, 0);
	t_assert_reg(r, 0, UINT64_MAX, "DEN0022D function table: SYSTEM_SUSPEND is a 1.0 call");
	smcsim_destroy(sim);
}

/* DEN0022D 5.1.14: every implemented PSCI function returns 0 (or its flags). */
static void features_mandatory_calls(void **state)
{
	static const uint32_t fids[] = { PSCI_VERSION_FID,	 PSCI_CPU_OFF_FID,
					 PSCI_CPU_ON_FID,	 PSCI_CPU_ON_64_FID,
					 PSCI_AFFINITY_INFO_FID, PSCI_AFFINITY_INFO_64_FID,
					 PSCI_SYSTEM_OFF_FID,	 PSCI_SYSTEM_RESET_FID,
					 PSCI_FEATURES_FID,	 PSCI_MIGRATE_INFO_TYPE_FID };
	const char *profiles[] = { "tfa-host", "kvm-guest", "qemu-tcg" };
	for (size_t p = 0; p < EMU_ARRAY_SIZE(profiles); p++) {
		struct smcsim *sim = t_machine(profiles[p], NULL);
		for (size_t i = 0; i < EMU_ARRAY_SIZE(fids); i++) {
			struct smcsim_regs r = call(sim, PSCI_FEATURES_FID, fids[i]);
			t_assert_x0(r, 0, "DEN0022D 5.1.14: implemented function reports 0");
		}
		smcsim_destroy(sim);
	}
}

/* DEN0022D 5.1.14: CPU_SUSPEND's answer carries bit 0 (OSI) and bit 1 (extended StateID). */
static void features_cpu_suspend_flags(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	struct smcsim_regs r = call(sim, PSCI_FEATURES_FID, PSCI_CPU_SUSPEND_64_FID);
	t_assert_x0(r, 0, "TF-A default build: no OSI, original power_state format");
	smcsim_destroy(sim);
	sim = tfa("\"cpu_suspend\":{\"osi\":true,\"extended_state_id\":true}");
	r = call(sim, PSCI_FEATURES_FID, PSCI_CPU_SUSPEND_64_FID);
	t_assert_x0(r, 3, "DEN0022D 5.1.14: OSI | extended StateID");
	r = call(sim, PSCI_FEATURES_FID, PSCI_CPU_SUSPEND_FID);
	t_assert_x0(r, 3, "DEN0022D 5.1.14: same flags for the SMC32 ID");
	r = call(sim, PSCI_FEATURES_FID, PSCI_SET_SUSPEND_MODE_FID);
	t_assert_x0(r, 0, "DEN0022D 5.1.19: SET_SUSPEND_MODE present with OSI");
	smcsim_destroy(sim);
}

/* DEN0022D 5.1.14: IDs that are not PSCI functions, or not implemented, are NOT_SUPPORTED. */
static void features_unknown_and_foreign(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	static const uint32_t fids[] = { 0x8400001F,
					 TRNG_VERSION_FID,
					 SMCCC_ARCH_FEATURES_FID,
					 PSCI_STAT_COUNT_64_FID,
					 PSCI_CPU_FREEZE_FID,
					 PSCI_MIGRATE_64_FID,
					 PSCI_SYSTEM_OFF2_FID };
	for (size_t i = 0; i < EMU_ARRAY_SIZE(fids); i++) {
		struct smcsim_regs r = call(sim, PSCI_FEATURES_FID, fids[i]);
		t_assert_x0(r, PSCI_RET_NOT_SUPPORTED, "DEN0022D 5.1.14: NOT_SUPPORTED");
	}
	smcsim_destroy(sim);
}

/* DEN0022D 5.1.14 + DEN0028 7.1: PSCI_FEATURES(SMCCC_VERSION) is 0 only when the
 * SMCCC_VERSION call is reachable; QEMU's built-in PSCI has none. */
static void features_smccc_version(void **state)
{
	static const struct {
		const char *profile;
		int32_t want;
	} cases[] = { { "tfa-host", 0 },
		      { "kvm-guest", 0 },
		      { "qemu-tcg", PSCI_RET_NOT_SUPPORTED } };
	for (size_t i = 0; i < EMU_ARRAY_SIZE(cases); i++) {
		struct smcsim *sim = t_machine(cases[i].profile, NULL);
		struct smcsim_regs r = call(sim, PSCI_FEATURES_FID, SMCCC_VERSION_FID);
		t_assert_x0(r, cases[i].want, "DEN0022D 5.1.14: SMCCC_VERSION discoverability");
		smcsim_destroy(sim);
	}
}

/* DEN0022D function table: a call newer than the implemented version is absent even when the
 * profile enables it. */
static void features_version_gated(void **state)
{
	struct smcsim *sim = tfa("\"version\":\"1.0\"");
	struct smcsim_regs r = call(sim, PSCI_FEATURES_FID, PSCI_SYSTEM_RESET2_64_FID);
	t_assert_x0(r, PSCI_RET_NOT_SUPPORTED, "DEN0022D 5.1.11: SYSTEM_RESET2 is 1.1");
	r = call(sim, PSCI_FEATURES_FID, PSCI_MEM_PROTECT_FID);
	t_assert_x0(r, PSCI_RET_NOT_SUPPORTED, "DEN0022D 5.1.12: MEM_PROTECT is 1.1");
	r = call(sim, PSCI_SYSTEM_RESET2_64_FID, 0, 0);
	t_assert_reg(r, 0, UINT64_MAX, "unimplemented ID is the SMCCC unknown-function -1");
	smcsim_destroy(sim);
	sim = tfa("\"system_off2_types\":1");
	r = call(sim, PSCI_FEATURES_FID, PSCI_SYSTEM_OFF2_64_FID);
	t_assert_x0(r, PSCI_RET_NOT_SUPPORTED, "DEN0022F: SYSTEM_OFF2 is a PSCI 1.3 call");
	smcsim_destroy(sim);
}

/* DEN0022D 5.1.14 (1.3): PSCI_FEATURES(SYSTEM_OFF2) is the bitmap of supported types. */
static void features_system_off2_bitmap(void **state)
{
	struct smcsim *sim = tfa("\"version\":\"1.3\",\"system_off2_types\":1");
	struct smcsim_regs r = call(sim, PSCI_FEATURES_FID, PSCI_SYSTEM_OFF2_64_FID);
	t_assert_x0(r, 1, "DEN0022D 5.1.14: HIBERNATE_OFF bit");
	r = call(sim, PSCI_FEATURES_FID, PSCI_SYSTEM_OFF2_FID);
	t_assert_x0(r, 1, "DEN0022D 5.1.14: HIBERNATE_OFF bit (SMC32)");
	smcsim_destroy(sim);
}

/* psci_probe's PSCI_FEATURES(SYSTEM_SUSPEND / SYSTEM_RESET2) against each profile: KVM has
 * SYSTEM_RESET2 but not SYSTEM_SUSPEND; TF-A has both; QEMU has neither. */
static void features_profile_optional_calls(void **state)
{
	static const struct {
		const char *profile;
		int32_t suspend, reset2;
	} cases[] = { { "tfa-host", 0, 0 }, { "kvm-guest", -1, 0 }, { "qemu-tcg", -1, -1 } };
	for (size_t i = 0; i < EMU_ARRAY_SIZE(cases); i++) {
		struct smcsim *sim = t_machine(cases[i].profile, NULL);
		struct smcsim_regs r = call(sim, PSCI_FEATURES_FID, PSCI_SYSTEM_SUSPEND_64_FID);
		t_assert_x0(r, cases[i].suspend, "profile: SYSTEM_SUSPEND");
		r = call(sim, PSCI_FEATURES_FID, PSCI_SYSTEM_RESET2_64_FID);
		t_assert_x0(r, cases[i].reset2, "profile: SYSTEM_RESET2");
		smcsim_destroy(sim);
	}
}

/* ==== CPU_ON ========================================================================== */

/* DEN0022D 5.1.4: the target starts at entry_point_address with x0 = context_id. */
static void cpu_on_sets_entry_and_context(void **state)
{
	struct smcsim *sim = t_machine("kvm-guest", NULL);
	struct smcsim_regs r =
		call(sim, PSCI_CPU_ON_64_FID, smcsim_cpu_mpidr(sim, 2), ENTRY, 0xfeedf00d);
	t_assert_x0(r, PSCI_RET_SUCCESS, "DEN0022D 5.1.4: CPU_ON");
	uint64_t x[31], pc;
	assert_int_equal(smcsim_cpu_regs(sim, 2, x, &pc), 0);
	assert_int_equal(pc, ENTRY);
	assert_int_equal(x[0], 0xfeedf00d);
	assert_int_equal(smcsim_cpu_state(sim, 2), SMCSIM_CPU_ON);
	r = call_cpu(sim, 2, PSCI_AFFINITY_INFO_64_FID, smcsim_cpu_mpidr(sim, 2), 0);
	t_assert_x0(r, 0, "DEN0022D 5.1.5: started CPU is ON and can call");
	smcsim_destroy(sim);
}

/* DEN0022D 5.1.4: CPU_ON of an on CPU returns ALREADY_ON. */
static void cpu_on_already_on(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	struct smcsim_regs r = call(sim, PSCI_CPU_ON_64_FID, smcsim_cpu_mpidr(sim, 0), ENTRY, 0);
	t_assert_x0(r, PSCI_RET_ALREADY_ON, "DEN0022D 5.1.4: ALREADY_ON (caller itself)");
	cpu_on(sim, 1);
	r = call(sim, PSCI_CPU_ON_64_FID, smcsim_cpu_mpidr(sim, 1), ENTRY, 0);
	t_assert_x0(r, PSCI_RET_ALREADY_ON, "DEN0022D 5.1.4: ALREADY_ON");
	smcsim_destroy(sim);
}

/* DEN0022D 5.1.4: while a CPU_ON is still in progress, another returns ON_PENDING and the
 * target reports ON_PENDING to AFFINITY_INFO until it runs ("cpu_boot"). */
static void cpu_on_pending(void **state)
{
	struct smcsim *sim = tfa("\"cpu_on_pending\":true");
	struct smcsim_regs r = call(sim, PSCI_CPU_ON_64_FID, smcsim_cpu_mpidr(sim, 1), ENTRY, 7);
	t_assert_x0(r, PSCI_RET_SUCCESS, "DEN0022D 5.1.4: CPU_ON accepted");
	assert_int_equal(smcsim_cpu_state(sim, 1), SMCSIM_CPU_ON_PENDING);
	r = call(sim, PSCI_CPU_ON_64_FID, smcsim_cpu_mpidr(sim, 1), ENTRY, 7);
	t_assert_x0(r, PSCI_RET_ON_PENDING, "DEN0022D 5.1.4: ON_PENDING");
	r = call(sim, PSCI_AFFINITY_INFO_64_FID, smcsim_cpu_mpidr(sim, 1), 0);
	t_assert_x0(r, 2, "DEN0022D 5.1.5: AFFINITY_INFO ON_PENDING");
	assert_int_equal(xcall(sim, 1, PSCI_VERSION_FID, 0, 0, 0, NULL), -EHOSTDOWN);
	struct smcsim_error err = { { 0 } };
	assert_int_equal(smcsim_event(sim, "cpu_boot", "{\"cpu\":1}", &err), 0);
	r = call(sim, PSCI_AFFINITY_INFO_64_FID, smcsim_cpu_mpidr(sim, 1), 0);
	t_assert_x0(r, 0, "DEN0022D 5.1.5: ON after boot");
	r = call(sim, PSCI_CPU_ON_64_FID, smcsim_cpu_mpidr(sim, 1), ENTRY, 7);
	t_assert_x0(r, PSCI_RET_ALREADY_ON, "DEN0022D 5.1.4: ALREADY_ON after boot");
	smcsim_destroy(sim);
}

/* DEN0022D 5.1.4: an MPIDR that names no core is INVALID_PARAMETERS. */
static void cpu_on_unknown_mpidr(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	static const uint64_t bad[] = { 0x4, 0x100, UINT64_C(0x100000000), UINT64_C(0x80000001),
					UINT64_MAX };
	for (size_t i = 0; i < EMU_ARRAY_SIZE(bad); i++) {
		struct smcsim_regs r = call(sim, PSCI_CPU_ON_64_FID, bad[i], ENTRY, 0);
		t_assert_x0(r, PSCI_RET_INVALID_PARAMS, "DEN0022D 5.1.4: unknown target_cpu");
	}
	smcsim_destroy(sim);
}

/* DEN0022D 5.1.4: an entry point the caller cannot execute is INVALID_ADDRESS (TF-A
 * validate_ns_entrypoint); KVM does not check. */
static void cpu_on_invalid_address(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	struct smcsim_regs r = call(sim, PSCI_CPU_ON_64_FID, 1, BAD_ENTRY, 0);
	t_assert_x0(r, PSCI_RET_INVALID_ADDRESS, "DEN0022D 5.1.4: INVALID_ADDRESS");
	r = call(sim, PSCI_CPU_ON_64_FID, 1, DRAM + 0x10000000, 0);
	t_assert_x0(r, PSCI_RET_INVALID_ADDRESS, "DEN0022D 5.1.4: just past DRAM");
	assert_int_equal(smcsim_cpu_state(sim, 1), SMCSIM_CPU_OFF);
	smcsim_destroy(sim);
	sim = t_machine("kvm-guest", NULL);
	r = call(sim, PSCI_CPU_ON_64_FID, 1, BAD_ENTRY, 0);
	t_assert_x0(r, PSCI_RET_SUCCESS, "KVM psci.c: entry point not validated");
	smcsim_destroy(sim);
}

/* TF-A psci_cpu_on() order: target, then entry point, then the target's state. */
static void cpu_on_check_order(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	struct smcsim_regs r = call(sim, PSCI_CPU_ON_64_FID, 0x55, BAD_ENTRY, 0);
	t_assert_x0(r, PSCI_RET_INVALID_PARAMS, "target checked before the entry point");
	r = call(sim, PSCI_CPU_ON_64_FID, 0, BAD_ENTRY, 0);
	t_assert_x0(r, PSCI_RET_INVALID_ADDRESS, "entry point checked before ALREADY_ON");
	smcsim_destroy(sim);
}

/* DEN0028 2.6: the SMC32 CPU_ON sees only the low 32 bits of its arguments. */
static void cpu_on_smc32_truncates(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	struct smcsim_regs r =
		call(sim, PSCI_CPU_ON_FID, UINT64_C(0xff00000001),
		     UINT64_C(0xdead000000000000) | ENTRY, UINT64_C(0x1234500000042));
	t_assert_x0(r, PSCI_RET_SUCCESS, "DEN0022D 5.1.4 SMC32: w-registers only");
	uint64_t x[31], pc;
	assert_int_equal(smcsim_cpu_regs(sim, 1, x, &pc), 0);
	assert_int_equal(pc, ENTRY);
	assert_int_equal(x[0], 0x42);
	smcsim_destroy(sim);
}

/* ==== CPU_OFF ========================================================================= */

/* DEN0022D 5.1.3: CPU_OFF does not return; the core is OFF and can no longer call. */
static void cpu_off_powers_down(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	cpu_on(sim, 1);
	struct smcsim_regs r;
	assert_int_equal(xcall(sim, 1, PSCI_CPU_OFF_FID, 0, 0, 0, &r), SMCSIM_EXIT_CPU_OFF);
	t_assert_reg(r, 0, PSCI_CPU_OFF_FID, "CPU_OFF leaves no result");
	assert_int_equal(smcsim_cpu_state(sim, 1), SMCSIM_CPU_OFF);
	assert_int_equal(xcall(sim, 1, PSCI_VERSION_FID, 0, 0, 0, NULL), -EHOSTDOWN);
	r = call(sim, PSCI_AFFINITY_INFO_64_FID, 1, 0);
	t_assert_x0(r, 1, "DEN0022D 5.1.5: OFF after CPU_OFF");
	cpu_on(sim, 1); /* and it can be started again */
	smcsim_destroy(sim);
}

/* DEN0022D 5.1.3: DENIED on the core a UP Trusted OS is resident on. */
static void cpu_off_denied_with_resident_tos(void **state)
{
	struct smcsim *sim = tfa("\"migrate_info_type\":\"up_migrate\",\"resident_cpu\":0");
	struct smcsim_regs r = call(sim, PSCI_CPU_OFF_FID);
	t_assert_x0(r, PSCI_RET_DENIED, "DEN0022D 5.1.3: DENIED");
	assert_int_equal(smcsim_cpu_state(sim, 0), SMCSIM_CPU_ON);
	cpu_on(sim, 1);
	assert_int_equal(xcall(sim, 1, PSCI_CPU_OFF_FID, 0, 0, 0, NULL), SMCSIM_EXIT_CPU_OFF);
	smcsim_destroy(sim);
}

/* ==== CPU_SUSPEND ===================================================================== */

/* DEN0022D 5.1.2: a standby state returns SUCCESS to the caller. */
static void cpu_suspend_standby(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	struct smcsim_regs r = call(sim, PSCI_CPU_SUSPEND_64_FID, 0x1, BAD_ENTRY, 0);
	t_assert_x0(r, PSCI_RET_SUCCESS, "DEN0022D 5.1.2: standby; entry point unused");
	smcsim_destroy(sim);
}

/* DEN0022D 5.1.2: after a powerdown state the core resumes at the entry point with
 * x0 = context_id. */
static void cpu_suspend_powerdown_resumes(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	struct smcsim_regs r;
	assert_int_equal(
		xcall(sim, 0, PSCI_CPU_SUSPEND_64_FID, PD | (1u << 24), ENTRY + 8, 0xabc, &r),
		SMCSIM_EXIT_RESUME);
	t_assert_reg(r, 0, 0xabc, "DEN0022D 5.1.2: x0 = context_id on resume");
	uint64_t x[31], pc;
	assert_int_equal(smcsim_cpu_regs(sim, 0, x, &pc), 0);
	assert_int_equal(pc, ENTRY + 8);
	assert_int_equal(x[0], 0xabc);
	assert_int_equal(smcsim_cpu_state(sim, 0), SMCSIM_CPU_ON);
	smcsim_destroy(sim);
}

/* DEN0022D 5.1.2: reserved power_state bits or a level the platform lacks are
 * INVALID_PARAMETERS. */
static void cpu_suspend_invalid_power_state(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	static const uint64_t bad[] = { UINT64_C(1) << 20, UINT64_C(1) << 31, UINT64_C(3) << 24,
					UINT64_C(1) << 30 };
	for (size_t i = 0; i < EMU_ARRAY_SIZE(bad); i++) {
		struct smcsim_regs r = call(sim, PSCI_CPU_SUSPEND_64_FID, bad[i], ENTRY, 0);
		t_assert_x0(r, PSCI_RET_INVALID_PARAMS, "DEN0022D 5.1.2: bad power_state");
	}
	smcsim_destroy(sim);
}

/* DEN0022D 5.1.2: a powerdown state with an invalid entry point is INVALID_ADDRESS. */
static void cpu_suspend_invalid_address(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	struct smcsim_regs r = call(sim, PSCI_CPU_SUSPEND_64_FID, PD, BAD_ENTRY, 0);
	t_assert_x0(r, PSCI_RET_INVALID_ADDRESS, "DEN0022D 5.1.2: INVALID_ADDRESS");
	smcsim_destroy(sim);
}

/* DEN0022D 5.1.2: in the extended format StateType is bit 30 and bits 31, 29:28 are
 * reserved. */
static void cpu_suspend_extended_format(void **state)
{
	struct smcsim *sim = tfa("\"cpu_suspend\":{\"extended_state_id\":true}");
	struct smcsim_regs r;
	assert_int_equal(
		xcall(sim, 0, PSCI_CPU_SUSPEND_64_FID, (UINT64_C(1) << 30) | 0x3, ENTRY, 5, &r),
		SMCSIM_EXIT_RESUME);
	t_assert_reg(r, 0, 5, "DEN0022D 5.1.2: extended powerdown");
	r = call(sim, PSCI_CPU_SUSPEND_64_FID, PD, ENTRY, 5);
	t_assert_x0(r, PSCI_RET_SUCCESS, "DEN0022D 5.1.2: bit 16 is StateID, so standby");
	r = call(sim, PSCI_CPU_SUSPEND_64_FID, UINT64_C(1) << 28, ENTRY, 0);
	t_assert_x0(r, PSCI_RET_INVALID_PARAMS, "DEN0022D 5.1.2: reserved bit 28");
	smcsim_destroy(sim);
}

/* KVM psci.c: every suspend is WFI and power_state is not inspected. */
static void cpu_suspend_kvm_as_wfi(void **state)
{
	struct smcsim *sim = t_machine("kvm-guest", NULL);
	struct smcsim_regs r =
		call(sim, PSCI_CPU_SUSPEND_64_FID, PD | (UINT64_C(1) << 31), BAD_ENTRY, 9);
	t_assert_x0(r, PSCI_RET_SUCCESS, "KVM: powerdown treated as standby (DEN0022D 5.1.2)");
	smcsim_destroy(sim);
}

/* QEMU target/arm/psci.c: power_state bits 31:17 must be zero; everything is WFI. */
static void cpu_suspend_qemu(void **state)
{
	struct smcsim *sim = t_machine("qemu-tcg", NULL);
	struct smcsim_regs r = call(sim, PSCI_CPU_SUSPEND_64_FID, PD | 0xffff, BAD_ENTRY, 0);
	t_assert_x0(r, PSCI_RET_SUCCESS, "QEMU: powerdown returns as from WFI");
	r = call(sim, PSCI_CPU_SUSPEND_64_FID, UINT64_C(1) << 24, ENTRY, 0);
	t_assert_x0(r, PSCI_RET_INVALID_PARAMS, "QEMU: no affinity levels");
	r = call(sim, PSCI_CPU_SUSPEND_64_FID, UINT64_C(1) << 17, ENTRY, 0);
	t_assert_x0(r, PSCI_RET_INVALID_PARAMS, "QEMU: bit 17 set");
	smcsim_destroy(sim);
}

/* DEN0022D 5.1.2, OS-initiated mode: powering down a cluster is DENIED unless the
 * caller is the last running core in it; platform-coordinated mode takes it as a vote. */
static void cpu_suspend_osi_last_core(void **state)
{
	struct smcsim *sim = tfa("\"cpu_suspend\":{\"osi\":true}");
	all_on(sim);
	struct smcsim_regs r = call(sim, PSCI_SET_SUSPEND_MODE_FID, 1);
	t_assert_x0(r, PSCI_RET_SUCCESS, "DEN0022D 5.1.19: enter OSI");
	r = call(sim, PSCI_CPU_SUSPEND_64_FID, PD | (UINT64_C(1) << 24), ENTRY, 0);
	t_assert_x0(r, PSCI_RET_DENIED, "DEN0022D 5.1.2: not the last core of the cluster");
	assert_int_equal(xcall(sim, 0, PSCI_CPU_SUSPEND_64_FID, PD, ENTRY, 1, NULL),
			 SMCSIM_EXIT_RESUME);
	for (unsigned int i = 1; i < 4; i++)
		assert_int_equal(xcall(sim, i, PSCI_CPU_OFF_FID, 0, 0, 0, NULL),
				 SMCSIM_EXIT_CPU_OFF);
	assert_int_equal(
		xcall(sim, 0, PSCI_CPU_SUSPEND_64_FID, PD | (UINT64_C(1) << 24), ENTRY, 1, NULL),
		SMCSIM_EXIT_RESUME);
	smcsim_destroy(sim);
	sim = t_machine("tfa-host", NULL);
	all_on(sim);
	assert_int_equal(
		xcall(sim, 0, PSCI_CPU_SUSPEND_64_FID, PD | (UINT64_C(1) << 24), ENTRY, 1, NULL),
		SMCSIM_EXIT_RESUME);
	smcsim_destroy(sim);
}

/* ==== AFFINITY_INFO =================================================================== */

/* DEN0022D 5.1.5: ON 0, OFF 1 at level 0. */
static void affinity_info_level0(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	struct smcsim_regs r = call(sim, PSCI_AFFINITY_INFO_64_FID, 0, 0);
	t_assert_x0(r, 0, "DEN0022D 5.1.5: caller ON");
	r = call(sim, PSCI_AFFINITY_INFO_FID, 3, 0);
	t_assert_x0(r, 1, "DEN0022D 5.1.5: secondary OFF");
	smcsim_destroy(sim);
}

/* DEN0022D 5.1.5: an affinity that names no core is INVALID_PARAMETERS. */
static void affinity_info_unknown_target(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	struct smcsim_regs r = call(sim, PSCI_AFFINITY_INFO_64_FID, 0x10, 0);
	t_assert_x0(r, PSCI_RET_INVALID_PARAMS, "DEN0022D 5.1.5: unknown target");
	smcsim_destroy(sim);
}

/* DEN0022D 5.1.5: levels above 0 are optional from 1.0; TF-A rejects them. */
static void affinity_info_tfa_levels(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	struct smcsim_regs r = call(sim, PSCI_AFFINITY_INFO_64_FID, 0, 1);
	t_assert_x0(r, PSCI_RET_INVALID_PARAMS, "TF-A psci_affinity_info: level > 0");
	r = call(sim, PSCI_AFFINITY_INFO_64_FID, 0x77, 1);
	t_assert_x0(r, PSCI_RET_INVALID_PARAMS, "TF-A: level checked first");
	r = call(sim, PSCI_AFFINITY_INFO_64_FID, 1, UINT64_C(0x100000000));
	t_assert_x0(r, 1, "TF-A: the level is read as 32 bits");
	smcsim_destroy(sim);
}

/* KVM psci.c: a level-N group is ON if any core in it is on, else OFF; level > 3 and
 * non-affinity bits are INVALID_PARAMS. */
static void affinity_info_kvm_levels(void **state)
{
	struct smcsim *sim = t_machine("kvm-guest", "{\"cpus\":{\"count\":8,\"per_cluster\":4}}");
	struct smcsim_regs r = call(sim, PSCI_AFFINITY_INFO_64_FID, 0x3, 1);
	t_assert_x0(r, 0, "KVM: cluster 0 has a running core");
	r = call(sim, PSCI_AFFINITY_INFO_64_FID, 0x100, 1);
	t_assert_x0(r, 1, "KVM: cluster 1 all off");
	cpu_on(sim, 6);
	r = call(sim, PSCI_AFFINITY_INFO_64_FID, 0x1ff, 1);
	t_assert_x0(r, 0, "KVM: low affinity bits ignored at level 1");
	r = call(sim, PSCI_AFFINITY_INFO_64_FID, 0x0, 4);
	t_assert_x0(r, PSCI_RET_INVALID_PARAMS, "KVM: level > 3");
	r = call(sim, PSCI_AFFINITY_INFO_64_FID, UINT64_C(0x80000000), 2);
	t_assert_x0(r, PSCI_RET_INVALID_PARAMS, "KVM: bits outside MPIDR affinity");
	r = call(sim, PSCI_AFFINITY_INFO_64_FID, 0x10, 0);
	t_assert_x0(r, 1, "KVM: a level-0 affinity no vCPU has reads as OFF");
	r = call(sim, PSCI_AFFINITY_INFO_64_FID, 0x0, UINT64_C(0x100000000));
	t_assert_x0(r, PSCI_RET_INVALID_PARAMS, "KVM: the level is a 64-bit value");
	smcsim_destroy(sim);
}

/* QEMU target/arm/psci.c: every level above 0 reports ON. */
static void affinity_info_qemu_levels(void **state)
{
	struct smcsim *sim = t_machine("qemu-tcg", NULL);
	struct smcsim_regs r = call(sim, PSCI_AFFINITY_INFO_64_FID, 0x700, 1);
	t_assert_x0(r, 0, "QEMU: level 1 always ON");
	r = call(sim, PSCI_AFFINITY_INFO_64_FID, UINT64_MAX, 9);
	t_assert_x0(r, 0, "QEMU: above level 0 nothing is checked");
	r = call(sim, PSCI_AFFINITY_INFO_64_FID, 0x5, 0);
	t_assert_x0(r, PSCI_RET_INVALID_PARAMS, "QEMU: unknown CPU at level 0");
	r = call(sim, PSCI_AFFINITY_INFO_64_FID, 1, 0);
	t_assert_x0(r, 1, "QEMU: level 0 follows the core");
	smcsim_destroy(sim);
}

/* ==== MIGRATE, MIGRATE_INFO_TYPE, MIGRATE_INFO_UP_CPU ================================= */

/* DEN0022D 5.1.7: type 2 (no migration needed); KVM/QEMU/TF-A have no MIGRATE calls. */
static void migrate_info_type_mp(void **state)
{
	const char *profiles[] = { "tfa-host", "kvm-guest", "qemu-tcg" };
	for (size_t i = 0; i < EMU_ARRAY_SIZE(profiles); i++) {
		struct smcsim *sim = t_machine(profiles[i], NULL);
		struct smcsim_regs r = call(sim, PSCI_MIGRATE_INFO_TYPE_FID);
		t_assert_x0(r, 2, "DEN0022D 5.1.7: TOS MP or not present");
		r = call(sim, PSCI_MIGRATE_64_FID, 1);
		t_assert_x0(r, PSCI_RET_NOT_SUPPORTED, "KVM/QEMU: MIGRATE not supported");
		r = call(sim, PSCI_MIGRATE_INFO_UP_CPU_64_FID);
		t_assert_x0(r, PSCI_RET_NOT_SUPPORTED,
			    "KVM/QEMU: MIGRATE_INFO_UP_CPU not supported");
		smcsim_destroy(sim);
	}
}

/* DEN0022D 5.1.7: MIGRATE_INFO_TYPE is optional (TF-A without an SPD). */
static void migrate_info_type_absent(void **state)
{
	struct smcsim *sim = tfa("\"migrate_info_type\":\"absent\"");
	struct smcsim_regs r = call(sim, PSCI_MIGRATE_INFO_TYPE_FID);
	t_assert_x0(r, PSCI_RET_NOT_SUPPORTED, "DEN0022D 5.1.7: not implemented");
	r = call(sim, PSCI_FEATURES_FID, PSCI_MIGRATE_INFO_TYPE_FID);
	t_assert_x0(r, PSCI_RET_NOT_SUPPORTED, "DEN0022D 5.1.14: not reported");
	smcsim_destroy(sim);
}

/* DEN0022D 5.1.8: UP_CPU returns the resident core's MPIDR; 5.9: MIGRATE moves it, only
 * from the resident core (NOT_PRESENT), to a valid core (INVALID_PARAMETERS). */
static void migrate_up_trusted_os(void **state)
{
	struct smcsim *sim = tfa("\"migrate_info_type\":\"up_migrate\",\"resident_cpu\":1");
	cpu_on(sim, 1);
	struct smcsim_regs r = call(sim, PSCI_MIGRATE_INFO_TYPE_FID);
	t_assert_x0(r, 0, "DEN0022D 5.1.7: UP migrate-capable");
	r = call(sim, PSCI_MIGRATE_INFO_UP_CPU_64_FID);
	t_assert_reg(r, 0, 1, "DEN0022D 5.1.8: resident MPIDR");
	r = call(sim, PSCI_MIGRATE_64_FID, 2);
	t_assert_x0(r, PSCI_RET_NOT_PRESENT, "DEN0022D 5.1.6: caller is not the resident core");
	r = call_cpu(sim, 1, PSCI_MIGRATE_64_FID, 0x42);
	t_assert_x0(r, PSCI_RET_INVALID_PARAMS, "DEN0022D 5.1.6: invalid target");
	r = call_cpu(sim, 1, PSCI_MIGRATE_64_FID, 0);
	t_assert_x0(r, PSCI_RET_SUCCESS, "DEN0022D 5.1.6: migrated");
	r = call(sim, PSCI_MIGRATE_INFO_UP_CPU_64_FID);
	t_assert_reg(r, 0, 0, "DEN0022D 5.1.8: new resident core");
	/* The Trusted OS left CPU 1, which may now power off. */
	assert_int_equal(xcall(sim, 1, PSCI_CPU_OFF_FID, 0, 0, 0, NULL), SMCSIM_EXIT_CPU_OFF);
	smcsim_destroy(sim);
}

/* DEN0022D 5.1.6: a UP Trusted OS that cannot migrate: MIGRATE is DENIED. */
static void migrate_not_capable(void **state)
{
	struct smcsim *sim = tfa("\"migrate_info_type\":\"up_no_migrate\"");
	struct smcsim_regs r = call(sim, PSCI_MIGRATE_64_FID, 1);
	t_assert_x0(r, PSCI_RET_DENIED, "DEN0022D 5.1.6: DENIED");
	r = call(sim, PSCI_MIGRATE_INFO_TYPE_FID);
	t_assert_x0(r, 1, "DEN0022D 5.1.7: UP not migrate-capable");
	smcsim_destroy(sim);
}

/* ==== SYSTEM_OFF ====================================================================== */

/* DEN0022D 5.1.9: SYSTEM_OFF does not return; the machine is off until reset. */
static void system_off_stops_machine(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	struct smcsim_regs r;
	assert_int_equal(xcall(sim, 0, PSCI_SYSTEM_OFF_FID, 0, 0, 0, &r), SMCSIM_EXIT_SYSTEM_OFF);
	t_assert_reg(r, 0, PSCI_SYSTEM_OFF_FID, "firmware never returns: x0 untouched");
	assert_int_equal(xcall(sim, 0, PSCI_VERSION_FID, 0, 0, 0, NULL), -ESHUTDOWN);
	smcsim_reset(sim);
	r = call(sim, PSCI_VERSION_FID);
	t_assert_reg(r, 0, 0x10001, "power-on after smcsim_reset");
	smcsim_destroy(sim);
}

/* KVM psci.c: the exit to userspace leaves x0 = INTERNAL_FAILURE for a resumed vCPU. */
static void system_off_kvm_internal_failure(void **state)
{
	struct smcsim *sim = t_machine("kvm-guest", NULL);
	struct smcsim_regs r;
	assert_int_equal(xcall(sim, 0, PSCI_SYSTEM_OFF_FID, 0, 0, 0, &r), SMCSIM_EXIT_SYSTEM_OFF);
	t_assert_x0(r, PSCI_RET_INTERNAL_FAILURE, "KVM: INTERNAL_FAILURE if resumed");
	assert_int_equal(xcall(sim, 0, PSCI_VERSION_FID, 0, 0, 0, NULL), -ESHUTDOWN);
	smcsim_destroy(sim);
}

/* ==== SYSTEM_RESET / SYSTEM_RESET2 ==================================================== */

/* DEN0022D 5.1.10: SYSTEM_RESET returns the machine to its boot state. */
static void system_reset_boot_state(void **state)
{
	struct smcsim *sim = tfa("\"stat\":true,\"cpu_suspend\":{\"osi\":true}");
	all_on(sim);
	call(sim, PSCI_SET_SUSPEND_MODE_FID, 1);
	call(sim, PSCI_CPU_SUSPEND_64_FID, 0, 0, 0);
	struct smcsim_regs r = call(sim, PSCI_STAT_COUNT_64_FID, 0, 0);
	t_assert_x0(r, 1, "DEN0022D 5.1.21: one standby entry before the reset");
	assert_int_equal(xcall(sim, 2, PSCI_SYSTEM_RESET_FID, 0, 0, 0, &r),
			 SMCSIM_EXIT_SYSTEM_RESET);
	assert_int_equal(smcsim_cpu_state(sim, 0), SMCSIM_CPU_ON);
	for (unsigned int i = 1; i < 4; i++)
		assert_int_equal(smcsim_cpu_state(sim, i), SMCSIM_CPU_OFF);
	r = call(sim, PSCI_STAT_COUNT_64_FID, 0, 0);
	t_assert_x0(r, 0, "statistics cleared by reset");
	/* Boot is in platform-coordinated mode: were the OSI mode kept, asking for OSI
	 * again would be a same-mode SUCCESS; from PC it needs every core running. */
	r = call(sim, PSCI_SET_SUSPEND_MODE_FID, 1);
	t_assert_x0(r, PSCI_RET_DENIED, "DEN0022D 5.1.19: boot mode is PC");
	smcsim_destroy(sim);
}

/* DEN0022D 5.1.11: SYSTEM_WARM_RESET (0) resets; reserved architectural types are
 * INVALID_PARAMETERS; vendor types are the implementation's. */
static void system_reset2_types(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	struct smcsim_regs r = call(sim, PSCI_SYSTEM_RESET2_64_FID, 1, 0);
	t_assert_x0(r, PSCI_RET_INVALID_PARAMS, "DEN0022D 5.1.11: reserved type");
	r = call(sim, PSCI_SYSTEM_RESET2_FID, 0x80000000, 0);
	t_assert_x0(r, PSCI_RET_INVALID_PARAMS, "TF-A: unsupported vendor type");
	cpu_on(sim, 1);
	assert_int_equal(xcall(sim, 0, PSCI_SYSTEM_RESET2_64_FID, 0, 0, 0, NULL),
			 SMCSIM_EXIT_SYSTEM_RESET);
	assert_int_equal(smcsim_cpu_state(sim, 1), SMCSIM_CPU_OFF);
	smcsim_destroy(sim);
	sim = t_machine("kvm-guest", NULL);
	assert_int_equal(xcall(sim, 0, PSCI_SYSTEM_RESET2_64_FID, 0x80000001, 0, 0, &r),
			 SMCSIM_EXIT_SYSTEM_RESET);
	t_assert_x0(r, PSCI_RET_INTERNAL_FAILURE, "KVM: vendor reset exits, x0 = INTERNAL_FAILURE");
	smcsim_destroy(sim);
}

/* KVM psci.c: SYSTEM_RESET exits to userspace with x0 = INTERNAL_FAILURE; the machine is
 * reset (the VMM's usual answer). */
static void system_reset_kvm(void **state)
{
	struct smcsim *sim = t_machine("kvm-guest", NULL);
	cpu_on(sim, 1);
	struct smcsim_regs r;
	assert_int_equal(xcall(sim, 1, PSCI_SYSTEM_RESET_FID, 0, 0, 0, &r),
			 SMCSIM_EXIT_SYSTEM_RESET);
	t_assert_x0(r, PSCI_RET_INTERNAL_FAILURE, "KVM: INTERNAL_FAILURE if resumed");
	assert_int_equal(smcsim_cpu_state(sim, 1), SMCSIM_CPU_OFF);
	smcsim_destroy(sim);
}

/* smcsim_reset() is a power cycle: PSCI is back in platform-coordinated mode. */
static void api_reset_restores_mode(void **state)
{
	struct smcsim *sim = tfa("\"cpu_suspend\":{\"osi\":true}");
	all_on(sim);
	struct smcsim_regs r = call(sim, PSCI_SET_SUSPEND_MODE_FID, 1);
	t_assert_x0(r, PSCI_RET_SUCCESS, "DEN0022D 5.1.19: OSI");
	smcsim_reset(sim);
	all_on(sim);
	/* In PC mode a cluster powerdown with other cores on is a vote, not DENIED. */
	assert_int_equal(
		xcall(sim, 0, PSCI_CPU_SUSPEND_64_FID, PD | (UINT64_C(1) << 24), ENTRY, 1, NULL),
		SMCSIM_EXIT_RESUME);
	smcsim_destroy(sim);
}

/* ==== SYSTEM_OFF2 ===================================================================== */

/* DEN0022F SYSTEM_OFF2 (PSCI 1.3): HIBERNATE_OFF (or 0, F.b) with cookie 0 powers off; anything
 * else is INVALID_PARAMETERS. */
static void system_off2_rules(void **state)
{
	struct smcsim *sim = tfa("\"version\":\"1.3\",\"system_off2_types\":1");
	struct smcsim_regs r = call(sim, PSCI_SYSTEM_OFF2_64_FID, 1, 5);
	t_assert_x0(r, PSCI_RET_INVALID_PARAMS, "DEN0022F SYSTEM_OFF2: cookie must be 0");
	r = call(sim, PSCI_SYSTEM_OFF2_64_FID, 2, 0);
	t_assert_x0(r, PSCI_RET_INVALID_PARAMS, "DEN0022F SYSTEM_OFF2: unsupported type");
	r = call(sim, PSCI_SYSTEM_OFF2_64_FID, 0x80000000, 0);
	t_assert_x0(r, PSCI_RET_INVALID_PARAMS, "DEN0022F SYSTEM_OFF2: vendor type");
	assert_int_equal(xcall(sim, 0, PSCI_SYSTEM_OFF2_64_FID, 0, 0, 0, NULL),
			 SMCSIM_EXIT_SYSTEM_OFF);
	assert_int_equal(xcall(sim, 0, PSCI_VERSION_FID, 0, 0, 0, NULL), -ESHUTDOWN);
	smcsim_reset(sim);
	assert_int_equal(xcall(sim, 0, PSCI_SYSTEM_OFF2_FID, 1, 0, 0, NULL),
			 SMCSIM_EXIT_SYSTEM_OFF);
	smcsim_destroy(sim);
}

/* ==== SYSTEM_SUSPEND ================================================================== */

/* DEN0022D 5.1.18: DENIED unless every other core is off; then INVALID_ADDRESS; then the
 * system suspends and resumes at the entry point with x0 = context_id. */
static void system_suspend_rules(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	cpu_on(sim, 3);
	struct smcsim_regs r = call(sim, PSCI_SYSTEM_SUSPEND_64_FID, BAD_ENTRY, 0);
	t_assert_x0(r, PSCI_RET_DENIED, "DEN0022D 5.1.18: another core is on (checked first)");
	assert_int_equal(xcall(sim, 3, PSCI_CPU_OFF_FID, 0, 0, 0, NULL), SMCSIM_EXIT_CPU_OFF);
	r = call(sim, PSCI_SYSTEM_SUSPEND_64_FID, BAD_ENTRY, 0);
	t_assert_x0(r, PSCI_RET_INVALID_ADDRESS, "DEN0022D 5.1.18: INVALID_ADDRESS");
	assert_int_equal(xcall(sim, 0, PSCI_SYSTEM_SUSPEND_64_FID, ENTRY, 0x77, 0, &r),
			 SMCSIM_EXIT_RESUME);
	t_assert_reg(r, 0, 0x77, "DEN0022D 5.1.18: resume with context_id");
	smcsim_destroy(sim);
}

/* ==== SET_SUSPEND_MODE ================================================================ */

/* DEN0022D 5.1.19: mode > 1 is INVALID_PARAMETERS; TF-A's DENIED rules for switching. */
static void set_suspend_mode_rules(void **state)
{
	struct smcsim *sim = tfa("\"cpu_suspend\":{\"osi\":true}");
	struct smcsim_regs r = call(sim, PSCI_SET_SUSPEND_MODE_FID, 2);
	t_assert_x0(r, PSCI_RET_INVALID_PARAMS, "DEN0022D 5.1.19: bad mode");
	r = call(sim, PSCI_SET_SUSPEND_MODE_FID, 0);
	t_assert_x0(r, PSCI_RET_SUCCESS, "DEN0022D 5.1.19: PC at boot, Linux sets it again");
	r = call(sim, PSCI_SET_SUSPEND_MODE_FID, 1);
	t_assert_x0(r, PSCI_RET_DENIED, "TF-A: OSI needs every core running");
	all_on(sim);
	r = call(sim, PSCI_SET_SUSPEND_MODE_FID, 1);
	t_assert_x0(r, PSCI_RET_SUCCESS, "DEN0022D 5.1.19: OSI");
	r = call(sim, PSCI_SET_SUSPEND_MODE_FID, 0);
	t_assert_x0(r, PSCI_RET_DENIED, "TF-A: PC needs the caller to be the last core on");
	smcsim_destroy(sim);
	sim = t_machine("tfa-host", NULL);
	r = call(sim, PSCI_SET_SUSPEND_MODE_FID, 0);
	t_assert_reg(r, 0, UINT64_MAX, "DEN0022D 5.1.19: absent without OSI");
	smcsim_destroy(sim);
}

/* ==== STAT_RESIDENCY / STAT_COUNT ===================================================== */

/* DEN0022D 5.1.20/5.1.21: per core and power state; 0 for invalid arguments. */
static void stat_counts_suspends(void **state)
{
	struct smcsim *sim = tfa("\"stat\":true,\"stat_residency_us\":250");
	call(sim, PSCI_CPU_SUSPEND_64_FID, 0x2, 0, 0);
	call(sim, PSCI_CPU_SUSPEND_64_FID, 0x2, 0, 0);
	assert_int_equal(xcall(sim, 0, PSCI_CPU_SUSPEND_64_FID, PD | 0x3, ENTRY, 0, NULL),
			 SMCSIM_EXIT_RESUME);
	struct smcsim_regs r = call(sim, PSCI_STAT_COUNT_64_FID, 0, 0x2);
	t_assert_reg(r, 0, 2, "DEN0022D 5.1.21: two entries");
	r = call(sim, PSCI_STAT_RESIDENCY_64_FID, 0, 0x2);
	t_assert_reg(r, 0, 500, "DEN0022D 5.1.20: residency in microseconds");
	r = call(sim, PSCI_STAT_COUNT_FID, 0, PD | 0x3);
	t_assert_reg(r, 0, 1, "DEN0022D 5.1.21: powerdown state counted");
	r = call(sim, PSCI_STAT_COUNT_64_FID, 0, 0x9);
	t_assert_reg(r, 0, 0, "DEN0022D 5.1.21: never entered");
	r = call(sim, PSCI_STAT_COUNT_64_FID, 1, 0x2);
	t_assert_reg(r, 0, 0, "DEN0022D 5.1.21: per core");
	r = call(sim, PSCI_STAT_COUNT_64_FID, 0x99, 0x2);
	t_assert_reg(r, 0, 0, "DEN0022D 5.1.21: invalid target gives 0");
	r = call(sim, PSCI_STAT_RESIDENCY_64_FID, 0, UINT64_C(1) << 20);
	t_assert_reg(r, 0, 0, "DEN0022D 5.1.20: invalid power_state gives 0");
	smcsim_destroy(sim);
}

/* ==== MEM_PROTECT / MEM_PROTECT_CHECK_RANGE =========================================== */

/* DEN0022D 5.1.12: MEM_PROTECT returns the previous setting. */
static void mem_protect_previous(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	struct smcsim_regs r = call(sim, PSCI_MEM_PROTECT_FID, 1);
	t_assert_x0(r, 0, "DEN0022D 5.1.12: was disabled");
	r = call(sim, PSCI_MEM_PROTECT_FID, 1);
	t_assert_x0(r, 1, "DEN0022D 5.1.12: was enabled");
	r = call(sim, PSCI_MEM_PROTECT_FID, 0);
	t_assert_x0(r, 1, "DEN0022D 5.1.12: was enabled");
	r = call(sim, PSCI_MEM_PROTECT_FID, 0);
	t_assert_x0(r, 0, "DEN0022D 5.1.12: was disabled");
	smcsim_destroy(sim);
}

/* TF-A FVP keeps the MEM_PROTECT setting in NOR flash: it survives a system reset,
 * which is what lets the next boot scrub memory (DEN0022D 5.1.12). */
static void mem_protect_survives_reset(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	call(sim, PSCI_MEM_PROTECT_FID, 1);
	assert_int_equal(xcall(sim, 0, PSCI_SYSTEM_RESET_FID, 0, 0, 0, NULL),
			 SMCSIM_EXIT_SYSTEM_RESET);
	struct smcsim_regs r = call(sim, PSCI_MEM_PROTECT_FID, 0);
	t_assert_x0(r, 1, "setting kept across SYSTEM_RESET");
	smcsim_destroy(sim);
}

/* DEN0022D 5.1.13: SUCCESS for a range MEM_PROTECT covers, DENIED otherwise. */
static void mem_protect_check_range(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	struct smcsim_regs r = call(sim, PSCI_MEM_PROTECT_CHECK_RANGE_64_FID, DRAM, 0x1000);
	t_assert_x0(r, PSCI_RET_SUCCESS, "DEN0022D 5.1.13: inside DRAM");
	r = call(sim, PSCI_MEM_PROTECT_CHECK_RANGE_FID, DRAM + 0x100, 0x10);
	t_assert_x0(r, PSCI_RET_SUCCESS, "DEN0022D 5.1.13: SMC32");
	r = call(sim, PSCI_MEM_PROTECT_CHECK_RANGE_64_FID, DRAM, 0);
	t_assert_x0(r, PSCI_RET_DENIED, "DEN0022D 5.1.13: empty range");
	r = call(sim, PSCI_MEM_PROTECT_CHECK_RANGE_64_FID, DRAM + 0x0ffff000, 0x2000);
	t_assert_x0(r, PSCI_RET_DENIED, "DEN0022D 5.1.13: runs past DRAM");
	r = call(sim, PSCI_MEM_PROTECT_CHECK_RANGE_64_FID, UINT64_MAX - 0xf, 0x100);
	t_assert_x0(r, PSCI_RET_DENIED, "DEN0022D 5.1.13: wraps");
	smcsim_destroy(sim);
}

/* ==== NODE_HW_STATE =================================================================== */

/* DEN0022D 5.1.17: HW_ON 0 / HW_OFF 1 per node; bad target or level is INVALID_PARAMETERS
 * (FVP answers levels 0 and 1). */
static void node_hw_state_rules(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", "{\"cpus\":{\"count\":8,\"per_cluster\":4}}");
	struct smcsim_regs r = call(sim, PSCI_NODE_HW_STATE_64_FID, 0, 0);
	t_assert_x0(r, 0, "DEN0022D 5.1.17: caller HW_ON");
	r = call(sim, PSCI_NODE_HW_STATE_64_FID, 1, 0);
	t_assert_x0(r, 1, "DEN0022D 5.1.17: secondary HW_OFF");
	r = call(sim, PSCI_NODE_HW_STATE_64_FID, 1, 1);
	t_assert_x0(r, 0, "DEN0022D 5.1.17: cluster 0 HW_ON");
	r = call(sim, PSCI_NODE_HW_STATE_FID, 0x101, 1);
	t_assert_x0(r, 1, "DEN0022D 5.1.17: cluster 1 HW_OFF");
	r = call(sim, PSCI_NODE_HW_STATE_64_FID, 0, 2);
	t_assert_x0(r, PSCI_RET_INVALID_PARAMS, "FVP: level 2 not reported");
	r = call(sim, PSCI_NODE_HW_STATE_64_FID, 0x4, 0);
	t_assert_x0(r, PSCI_RET_INVALID_PARAMS, "DEN0022D 5.1.17: unknown target");
	smcsim_destroy(sim);
}

/* ==== CPU_FREEZE / CPU_DEFAULT_SUSPEND ================================================ */

/* DEN0022D 5.1.15: CPU_FREEZE stops the core until CPU_ON. */
static void cpu_freeze_rules(void **state)
{
	struct smcsim *sim = tfa("\"cpu_freeze\":true");
	cpu_on(sim, 1);
	assert_int_equal(xcall(sim, 1, PSCI_CPU_FREEZE_FID, 0, 0, 0, NULL), SMCSIM_EXIT_CPU_OFF);
	assert_int_equal(smcsim_cpu_state(sim, 1), SMCSIM_CPU_OFF);
	cpu_on(sim, 1);
	smcsim_destroy(sim);
	sim = t_machine("tfa-host", NULL);
	struct smcsim_regs r = call(sim, PSCI_CPU_FREEZE_FID);
	t_assert_reg(r, 0, UINT64_MAX, "optional call absent by default");
	smcsim_destroy(sim);
}

/* DEN0022D 5.1.16: CPU_DEFAULT_SUSPEND resumes at the entry point; INVALID_ADDRESS first. */
static void cpu_default_suspend_rules(void **state)
{
	struct smcsim *sim = tfa("\"cpu_default_suspend\":true");
	struct smcsim_regs r = call(sim, PSCI_CPU_DEFAULT_SUSPEND_64_FID, BAD_ENTRY, 0);
	t_assert_x0(r, PSCI_RET_INVALID_ADDRESS, "DEN0022D 5.1.16: INVALID_ADDRESS");
	assert_int_equal(xcall(sim, 0, PSCI_CPU_DEFAULT_SUSPEND_64_FID, ENTRY, 0x31, 0, &r),
			 SMCSIM_EXIT_RESUME);
	t_assert_reg(r, 0, 0x31, "DEN0022D 5.1.16: x0 = context_id");
	smcsim_destroy(sim);
}

int main(void)
{
	const struct CMUnitTest version[] = {
		cmocka_unit_test(version_reports_profile),
		cmocka_unit_test(version_profile_errors),
		cmocka_unit_test(names_from_table),
	};
	const struct CMUnitTest features[] = {
		cmocka_unit_test(features_absent_in_0_2),
		cmocka_unit_test(features_mandatory_calls),
		cmocka_unit_test(features_cpu_suspend_flags),
		cmocka_unit_test(features_unknown_and_foreign),
		cmocka_unit_test(features_smccc_version),
		cmocka_unit_test(features_version_gated),
		cmocka_unit_test(features_system_off2_bitmap),
		cmocka_unit_test(features_profile_optional_calls),
	};
	const struct CMUnitTest cpu_on_tests[] = {
		cmocka_unit_test(cpu_on_sets_entry_and_context),
		cmocka_unit_test(cpu_on_already_on),
		cmocka_unit_test(cpu_on_pending),
		cmocka_unit_test(cpu_on_unknown_mpidr),
		cmocka_unit_test(cpu_on_invalid_address),
		cmocka_unit_test(cpu_on_check_order),
		cmocka_unit_test(cpu_on_smc32_truncates),
	};
	const struct CMUnitTest cpu_off[] = {
		cmocka_unit_test(cpu_off_powers_down),
		cmocka_unit_test(cpu_off_denied_with_resident_tos),
	};
	const struct CMUnitTest cpu_suspend[] = {
		cmocka_unit_test(cpu_suspend_standby),
		cmocka_unit_test(cpu_suspend_powerdown_resumes),
		cmocka_unit_test(cpu_suspend_invalid_power_state),
		cmocka_unit_test(cpu_suspend_invalid_address),
		cmocka_unit_test(cpu_suspend_extended_format),
		cmocka_unit_test(cpu_suspend_kvm_as_wfi),
		cmocka_unit_test(cpu_suspend_qemu),
		cmocka_unit_test(cpu_suspend_osi_last_core),
	};
	const struct CMUnitTest affinity_info[] = {
		cmocka_unit_test(affinity_info_level0),
		cmocka_unit_test(affinity_info_unknown_target),
		cmocka_unit_test(affinity_info_tfa_levels),
		cmocka_unit_test(affinity_info_kvm_levels),
		cmocka_unit_test(affinity_info_qemu_levels),
	};
	const struct CMUnitTest migrate[] = {
		cmocka_unit_test(migrate_info_type_mp),
		cmocka_unit_test(migrate_info_type_absent),
		cmocka_unit_test(migrate_up_trusted_os),
		cmocka_unit_test(migrate_not_capable),
	};
	const struct CMUnitTest system_off[] = {
		cmocka_unit_test(system_off_stops_machine),
		cmocka_unit_test(system_off_kvm_internal_failure),
	};
	const struct CMUnitTest system_reset[] = {
		cmocka_unit_test(system_reset_boot_state),
		cmocka_unit_test(system_reset2_types),
		cmocka_unit_test(system_reset_kvm),
		cmocka_unit_test(api_reset_restores_mode),
	};
	const struct CMUnitTest system_off2[] = {
		cmocka_unit_test(system_off2_rules),
	};
	const struct CMUnitTest system_suspend[] = {
		cmocka_unit_test(system_suspend_rules),
	};
	const struct CMUnitTest set_suspend_mode[] = {
		cmocka_unit_test(set_suspend_mode_rules),
	};
	const struct CMUnitTest stat[] = {
		cmocka_unit_test(stat_counts_suspends),
	};
	const struct CMUnitTest mem_protect[] = {
		cmocka_unit_test(mem_protect_previous),
		cmocka_unit_test(mem_protect_survives_reset),
		cmocka_unit_test(mem_protect_check_range),
	};
	const struct CMUnitTest node_hw_state[] = {
		cmocka_unit_test(node_hw_state_rules),
	};
	const struct CMUnitTest cpu_freeze[] = {
		cmocka_unit_test(cpu_freeze_rules),
		cmocka_unit_test(cpu_default_suspend_rules),
	};
	int fails = 0;
	fails += cmocka_run_group_tests_name("PSCI_VERSION", version, NULL, NULL);
	fails += cmocka_run_group_tests_name("PSCI_FEATURES", features, NULL, NULL);
	fails += cmocka_run_group_tests_name("CPU_ON", cpu_on_tests, NULL, NULL);
	fails += cmocka_run_group_tests_name("CPU_OFF", cpu_off, NULL, NULL);
	fails += cmocka_run_group_tests_name("CPU_SUSPEND", cpu_suspend, NULL, NULL);
	fails += cmocka_run_group_tests_name("AFFINITY_INFO", affinity_info, NULL, NULL);
	fails += cmocka_run_group_tests_name("MIGRATE", migrate, NULL, NULL);
	fails += cmocka_run_group_tests_name("SYSTEM_OFF", system_off, NULL, NULL);
	fails += cmocka_run_group_tests_name("SYSTEM_RESET", system_reset, NULL, NULL);
	fails += cmocka_run_group_tests_name("SYSTEM_OFF2", system_off2, NULL, NULL);
	fails += cmocka_run_group_tests_name("SYSTEM_SUSPEND", system_suspend, NULL, NULL);
	fails += cmocka_run_group_tests_name("SET_SUSPEND_MODE", set_suspend_mode, NULL, NULL);
	fails += cmocka_run_group_tests_name("STAT", stat, NULL, NULL);
	fails += cmocka_run_group_tests_name("MEM_PROTECT", mem_protect, NULL, NULL);
	fails += cmocka_run_group_tests_name("NODE_HW_STATE", node_hw_state, NULL, NULL);
	fails += cmocka_run_group_tests_name("CPU_FREEZE", cpu_freeze, NULL, NULL);
	return fails ? 1 : 0;
}
