/* SPDX-License-Identifier: MIT */
/*
 * Example driver unit tests on the shim: the reference discovery against fixtures served
 * as firmware (so they pin Linux's decisions independently of the models), the SMCCC bus
 * binding TRNG and RSI devices, and the FF-A core binding partitions, with and without
 * pKVM's probe deferral.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include "linux/arm-smccc-bus.h"
#include "linux/arm_ffa.h"
#include "linux/init.h"
#include "smcsim/shim-cmocka.h"
#include "smcsim/shim.h"

#ifndef FIXTURES
#error FIXTURES must name the fixture directory
#endif
#ifndef EXPECTED
#error EXPECTED must name the directory of the smcsim-discover golden outputs
#endif

static struct smcsim *sim;
static struct smcsim_kernel *k;

static void boot_on(const char *profile, struct smcsim_kernel_opts *o)
{
	assert_int_equal(smcsim_create_named(profile, &sim, NULL), 0);
	assert_int_equal(smcsim_kernel_create(sim, o, &k), 0);
}

static int teardown(void **state)
{
	smcsim_kernel_destroy(k);
	smcsim_destroy(sim);
	k = NULL;
	sim = NULL;
	return 0;
}

static char *report(void)
{
	static char buf[16384];
	FILE *f = fmemopen(buf, sizeof(buf), "w");
	smcsim_discover_print(k, f);
	fclose(f);
	return buf;
}

static const char *bound_to(const char *bus, const char *name)
{
	struct device *d = smcsim_kernel_find_device(k, bus, name);
	if (!d)
		return "(no device)";
	return d->driver ? d->driver->name : d->deferred ? "(deferred)" : "(unbound)";
}

/* A TF-A host, answered by a fixture in Linux's exact order: psci_probe, SMCCC version,
 * Spectre mitigations, the SMCCC bus (TRNG device bound, RSI skipped), SOC_ID, no FF-A. */
static void host_boot_strict(void **state)
{
	boot_on("tfa-host", NULL);
	struct smcsim_fixture_fw *fw =
		SMCSIM_FIXTURE_FIRMWARE(k, FIXTURES "/host-boot.json", SMCSIM_FW_STRICT_ORDER);
	assert_int_equal(smcsim_discover_register(k, 0), 0);
	assert_int_equal(smcsim_kernel_boot(k), 0);
	SMCSIM_FIXTURE_DONE(fw);
	const char *r = report();
	assert_non_null(strstr(r, "psci: v1.1 (smc), migrate_info_type 2"));
	assert_non_null(strstr(r, "system_suspend yes, system_reset2 yes"));
	assert_non_null(strstr(r, "smccc: v1.2 (smc)"));
	assert_non_null(strstr(r, "trng: available"));
	assert_non_null(strstr(r, "soc_id: version 0x043b0001 revision 0x00000001 name \"smcsim "
				  "virtual SoC\", soc0"));
	assert_non_null(strstr(r, "spectre: v2 mitigated, v4 unaffected, bhb unaffected"));
	assert_non_null(strstr(
		r, "arm_smccc/arm-smccc-trng modalias arm_smccc:f84000050 bound arm_smccc_trng"));
	assert_null(smcsim_kernel_find_device(k, "arm_smccc", "arm-rsi"));
	assert_non_null(
		strstr(r, "info: SMCCC: SOC_ID: ID = jep106:043b:0001 Revision = 0x00000001"));
	assert_non_null(strstr(r, "info: ARM FF-A: FFA_VERSION returned not supported"));
	assert_string_equal(bound_to("platform", "arm-ffa"), "(unbound)");
	assert_int_equal(smcsim_discover_findings(k), 0);
}

/* A strict fixture catches a call out of order with a message naming both calls. */
static void strict_order_reports_unexpected_call(void **state)
{
	boot_on("tfa-host", NULL);
	static const char fx[] =
		"{\"format\":\"smcsim-trace\",\"version\":1,\"steps\":["
		"{\"call\":{\"x0\":\"0x84000000\"},\"expect\":{\"x0\":\"0x10001\"}},"
		"{\"call\":{\"x0\":\"0x8400000A\",\"x1\":\"SMCCC_VERSION\"},\"expect\":{\"x0\":0}}]"
		"}";
	struct smcsim_fixture_fw *fw;
	assert_int_equal(smcsim_fixture_fw_parse(k, fx, sizeof(fx) - 1, "two.json", 0, &fw, NULL),
			 0);
	smcsim_discover_register(k, SMCSIM_DISCOVER_NO_FFA);
	smcsim_kernel_boot(k);
	char msg[512];
	assert_int_equal(smcsim_fixture_fw_finish(fw, msg, sizeof(msg)), -EPROTO);
	assert_non_null(strstr(msg, "call 2: unexpected SMC 0x84000006"));
	assert_non_null(strstr(msg, "expected step 1"));
	assert_true(smcsim_fixture_fw_unexpected(fw) > 0);
	smcsim_fixture_fw_destroy(fw);
}

/* Bad fixtures: the error names the JSON path. */
static void fixture_errors_name_the_path(void **state)
{
	boot_on("tfa-host", NULL);
	static const char fx[] = "{\"format\":\"smcsim-trace\",\"version\":1,\"steps\":["
				 "{\"call\":{\"x0\":\"0x84000000\"},\"expect\":{\"x1\":\"zz\"}}]}";
	struct smcsim_fixture_fw *fw;
	struct smcsim_error err;
	assert_int_equal(smcsim_fixture_fw_parse(k, fx, sizeof(fx) - 1, "bad.json", 0, &fw, &err),
			 -EINVAL);
	assert_non_null(strstr(err.text, "bad.json: /steps/0/expect/x1"));
	static const char fx2[] =
		"{\"format\":\"smcsim-trace\",\"version\":1,\"steps\":[{\"cal\":{}}]}";
	assert_int_equal(smcsim_fixture_fw_parse(k, fx2, sizeof(fx2) - 1, "b2", 0, &fw, &err),
			 -EINVAL);
	assert_non_null(strstr(err.text, "/steps/0"));
	assert_int_equal(smcsim_fixture_fw_parse(k, "{", 1, "b3", 0, &fw, &err), -EINVAL);
	assert_non_null(strstr(err.text, "b3:1:"));
}

/* A Realm: RSI init (arm64_rsi_init) with the fixture's REALM_CONFIG memory effect, the SMCCC bus
 * creating arm-rsi from RSI_ABI_VERSION(0.0) = ERROR_INPUT (not -1), and the CCA guest
 * driver binding because the negotiation at boot succeeded. No TRNG device. */
static void realm_boot_binds_rsi(void **state)
{
	boot_on("tfa-host", NULL);
	struct smcsim_fixture_fw *fw =
		SMCSIM_FIXTURE_FIRMWARE(k, FIXTURES "/realm-boot.json", SMCSIM_FW_STRICT_ORDER);
	smcsim_discover_register(k, 0);
	assert_int_equal(smcsim_kernel_boot(k), 0);
	SMCSIM_FIXTURE_DONE(fw);
	const char *r = report();
	assert_non_null(strstr(r, "realm: yes, rsi v1.0, ipa_bits 48"));
	assert_non_null(strstr(r, "info: RME: Using RSI version 1.0"));
	assert_string_equal(bound_to("arm_smccc", "arm-rsi"), "arm_cca_guest");
	assert_null(smcsim_kernel_find_device(k, "arm_smccc", "arm-smccc-trng"));
	assert_non_null(
		strstr(r, "arm_smccc/arm-rsi modalias arm_smccc:fC4000190 bound arm_cca_guest"));
	assert_non_null(strstr(r, "soc_id: no"));
	assert_int_equal(smcsim_kernel_pages_in_use(k), 0);
}

/* A non-Realm whose firmware still implements RSI_ABI_VERSION: the device exists, the CCA
 * guest probe refuses it quietly (-ENODEV). */
static void rsi_device_without_realm_stays_unbound(void **state)
{
	boot_on("tfa-host", NULL);
	static const char fx[] =
		"{\"format\":\"smcsim-trace\",\"version\":1,\"steps\":["
		"{\"call\":{\"x0\":\"0x84000000\"},\"expect\":{\"x0\":\"0x10001\"}},"
		"{\"call\":{\"x0\":\"0x8400000A\",\"x1\":\"SMCCC_VERSION\"},\"expect\":{\"x0\":0}},"
		"{\"call\":{\"x0\":\"SMCCC_VERSION\"},\"expect\":{\"x0\":\"0x10001\"}},"
		"{\"call\":{\"x0\":\"0xC4000190\",\"x1\":\"0x10000\"},\"expect\":{\"x0\":1,\"x1\":"
		"\"0x20000\",\"x2\":\"0x20000\"}},"
		"{\"call\":{\"x0\":\"0xC4000190\"},\"expect\":{\"x0\":1,\"x1\":\"0x20000\",\"x2\":"
		"\"0x20000\"}}]}";
	struct smcsim_fixture_fw *fw;
	assert_int_equal(smcsim_fixture_fw_parse(k, fx, sizeof(fx) - 1, "rsi2",
						 SMCSIM_FW_ANY_ORDER | SMCSIM_FW_FALLTHROUGH, &fw,
						 NULL),
			 0);
	smcsim_discover_register(k, SMCSIM_DISCOVER_NO_FFA);
	smcsim_kernel_boot(k);
	SMCSIM_FIXTURE_DONE(fw);
	assert_true(smcsim_kernel_log_has(
		k, "err: RME: RMM doesn't support RSI version 1.0. Supported range: 2.0-2.0"));
	assert_string_equal(bound_to("arm_smccc", "arm-rsi"), "(unbound)");
	assert_false(smcsim_kernel_log_has(k, "failed with error"));
}

static int probes_a, probes_b;
static int fa_probe(struct ffa_device *d)
{
	probes_a++;
	return 0;
}
static int fb_probe(struct ffa_device *d)
{
	probes_b++;
	return 0;
}
static struct ffa_device_id ids_a[2], ids_b[2];
static struct ffa_driver drv_a = { .name = "tpm_ffa", .probe = fa_probe, .id_table = ids_a };
static struct ffa_driver drv_b = { .name = "optee_ffa", .probe = fb_probe, .id_table = ids_b };

static int register_partition_drivers(void)
{
	uuid_parse("b4b5671e-4a90-4fe1-b81f-fb13dae1dacb", &ids_a[0].uuid);
	uuid_parse("11223344-5566-7788-9900-aabbccddeeff", &ids_b[0].uuid);
	int r = ffa_register(&drv_a);
	return r ? r : ffa_register(&drv_b);
}

static void ffa_boot(unsigned int flags, struct smcsim_kernel_opts *o,
		     unsigned int *served_at_finalize);

struct finalize_probe {
	struct smcsim_fixture_fw *fw;
	unsigned int served;
	int calls;
};

static int fake_finalize(void *opaque, struct smcsim_kernel *kk)
{
	struct finalize_probe *p = opaque;
	p->served = smcsim_fixture_fw_served(p->fw);
	p->calls++;
	return 0;
}

static void ffa_boot(unsigned int flags, struct smcsim_kernel_opts *o,
		     unsigned int *served_at_finalize)
{
	struct finalize_probe probe = { 0 };
	if (o->pkvm) {
		o->pkvm_finalize = fake_finalize;
		o->pkvm_finalize_opaque = &probe;
	}
	boot_on("tfa-host", o);
	probe.fw = SMCSIM_FIXTURE_FIRMWARE(k, FIXTURES "/ffa-two-partitions.json",
					   SMCSIM_FW_ANY_ORDER | SMCSIM_FW_FALLTHROUGH);
	probes_a = probes_b = 0;
	drv_a.driver.kernel = drv_b.driver.kernel = NULL;
	smcsim_discover_register(k, flags);
	smcsim_kernel_add_initcall(k, INITCALL_DEVICE, "partition drivers",
				   register_partition_drivers);
	assert_int_equal(smcsim_kernel_boot(k), 0);
	const char *r = report();
	assert_non_null(strstr(
		r, "ffa: v1.2, vm_id 0x0000, rxtx 4096 bytes, partitions 2, mem ops 64-bit"));
	assert_string_equal(bound_to("arm_ffa", "arm-ffa-1"), "tpm_ffa");
	assert_string_equal(bound_to("arm_ffa", "arm-ffa-2"), "optee_ffa");
	/* The host's own partition device has the Nil UUID: matched, refused by the bus. */
	assert_string_equal(bound_to("arm_ffa", "arm-ffa-3"), "(unbound)");
	assert_non_null(strstr(r,
			       "arm_ffa/arm-ffa-1 modalias "
			       "arm_ffa:8001:b4b5671e-4a90-4fe1-b81f-fb13dae1dacb bound tpm_ffa"));
	assert_int_equal(probes_a, 1);
	assert_int_equal(probes_b, 1);
	assert_int_equal(smcsim_kernel_double_binds(k), 0);
	/* Teardown unmaps the buffers (the fixture's last step) and frees them. */
	smcsim_kernel_shutdown(k);
	assert_int_equal(smcsim_kernel_pages_in_use(k), 0);
	SMCSIM_FIXTURE_DONE(probe.fw);
	if (served_at_finalize) {
		assert_int_equal(probe.calls, 1);
		*served_at_finalize = probe.served;
	}
}

/* FF-A core init and binding (drivers/firmware/arm_ffa/driver.c, bus.c) on an SPMC with two
 * partitions. */
static void ffa_binds_two_partitions(void **state)
{
	struct smcsim_kernel_opts o = { 0 };
	ffa_boot(0, &o, NULL);
}

/* v7.2 under pKVM (3.6): the core's probe defers until pKVM is initialised, so no FF-A
 * call happens before finalize_pkvm; deferred probing at late_initcall binds it. */
static void ffa_defers_until_pkvm_finalized(void **state)
{
	struct smcsim_kernel_opts o = { .pkvm = true };
	unsigned int served;
	ffa_boot(0, &o, &served);
	assert_int_equal(served, 3); /* only PSCI_VERSION, PSCI_FEATURES, SMCCC_VERSION */
}

/* Before the fix (rootfs_initcall, no deferral): every FF-A init call reaches firmware
 * before finalize_pkvm, i.e. before the proxy traps SMCs — the ordering bug of 3.6. */
static void ffa_legacy_init_runs_before_pkvm(void **state)
{
	struct smcsim_kernel_opts o = { .pkvm = true };
	unsigned int served;
	ffa_boot(SMCSIM_DISCOVER_FFA_LEGACY, &o, &served);
	assert_int_equal(served, 13); /* everything but the teardown's RXTX_UNMAP */
}

/* Against the pKVM model (pkvm-host profile), the FF-A driver's init order against pKVM's
 * proxy (arch/arm64/kvm/hyp/nvhe/ffa.c): with the legacy
 * ordering the proxy never saw FFA_VERSION/RXTX_MAP, so a later host FF-A call fails with
 * INVALID_PARAMETERS; with v7.2 the same call succeeds. Skipped until the profile exists. */
static void ffa_on_pkvm_host_model(void **state)
{
	struct smcsim_profile *p;
	if (smcsim_profile_load("pkvm-host", &p, NULL) != 0)
		skip();
	smcsim_profile_destroy(p);
	for (int legacy = 0; legacy < 2; legacy++) {
		struct smcsim_kernel_opts o = { .pkvm = true };
		boot_on("pkvm-host", &o);
		smcsim_discover_register(k, legacy ? SMCSIM_DISCOVER_FFA_LEGACY : 0);
		smcsim_kernel_add_initcall(k, INITCALL_DEVICE, "partition drivers",
					   register_partition_drivers);
		drv_a.driver.kernel = drv_b.driver.kernel = NULL;
		assert_int_equal(smcsim_kernel_boot(k), 0);
		int kind, err;
		ffa_fn *fn =
			(ffa_fn *)smcsim_kernel_mint_ffa_fn(k, SMCSIM_CONDUIT_SMC, &kind, &err);
		ffa_value_t res;
		fn((ffa_value_t){ .a0 = FFA_PARTITION_INFO_GET, .a5 = 1 }, &res);
		if (legacy) {
			assert_int_equal(res.a0, FFA_ERROR);
			assert_int_equal((int)res.a2, FFA_RET_INVALID_PARAMETERS);
		} else {
			assert_int_equal(res.a0, FFA_SUCCESS);
			/* pkvm-host profile: two partitions, 0x8001 and 0x8002 */
			assert_non_null(strstr(report(), "partitions 2"));
		}
		teardown(state);
	}
}

/* The SMCCC bus across the built-in profiles: a TRNG device exists and binds
 * exactly when TRNG_VERSION reports >= 1.0; RSI never binds outside a Realm. Profiles
 * whose services are not on this build yet are checked for consistency only. */
static void smccc_bus_across_profiles(void **state)
{
	for (size_t i = 0; smcsim_profile_builtin(i); i++) {
		const char *name = smcsim_profile_builtin(i);
		if (strstr(name, "realm") || strstr(name, "pkvm") || strstr(name, "ffa"))
			continue; /* covered by their own tests once those models land */
		boot_on(name, NULL);
		smcsim_discover_register(k, SMCSIM_DISCOVER_NO_FFA);
		assert_int_equal(smcsim_kernel_boot(k), 0);
		bool trng = strstr(report(), "trng: available") != NULL;
		const char *b = bound_to("arm_smccc", "arm-smccc-trng");
		if (trng)
			assert_string_equal(b, "arm_smccc_trng");
		else
			assert_true(strcmp(b, "arm_smccc_trng") != 0);
		assert_true(strcmp(bound_to("arm_smccc", "arm-rsi"), "arm_cca_guest") != 0);
		/* kvm-guest: TRNG 1.0 once the TRNG service is on this build. */
		uint32_t fid;
		if (strcmp(name, "kvm-guest") == 0 && smcsim_fid_lookup("TRNG_VERSION", &fid) == 0)
			assert_string_equal(b, "arm_smccc_trng");
		teardown(state);
	}
}

/* The fuzzer's finding kept as a fixture (psci_probe in drivers/firmware/psci/psci.c):
 * PSCI_VERSION answers
 * NOT_SUPPORTED, and Linux reads (u32)-1 as PSCI v65535.65535, so it goes on to probe
 * SMCCC, PSCI_FEATURES and KVM as on a PSCI 1.x firmware. */
static void finding_psci_minus_one_is_treated_as_1x(void **state)
{
	boot_on("tfa-host", NULL);
	struct smcsim_fixture_fw *fw = SMCSIM_FIXTURE_FIRMWARE(
		k, FIXTURES "/finding-psci-version-minus-one.json", SMCSIM_FW_STRICT_ORDER);
	smcsim_discover_register(k, 0);
	assert_int_equal(smcsim_kernel_boot(k), 0);
	SMCSIM_FIXTURE_DONE(fw);
	const char *r = report();
	assert_non_null(strstr(r, "info: psci: PSCIv65535.65535 detected in firmware."));
	assert_non_null(strstr(r, "smccc: v1.2 (smc)"));
	assert_non_null(strstr(r, "trng: available"));
}

/* `smcsim discover --record`: the fixture of every call, which served back as strict
 * firmware reproduces the same discovery, call for call, in both flavours. */
static void record_replays_as_firmware(void **state)
{
	for (size_t n = 0; smcsim_profile_builtin(n / 2); n++) {
		const char *name = smcsim_profile_builtin(n / 2);
		/* Each profile in the default flavour and as Linux 6.12. */
		struct smcsim_kernel_opts ko = { .linux_era = n % 2 ? SMCSIM_LINUX_6_12 : 0 };
		assert_int_equal(smcsim_create_named(name, &sim, NULL), 0);
		char *rec = NULL, *out1 = NULL, *out2 = NULL;
		size_t rl = 0, l1 = 0, l2 = 0;
		FILE *rf = open_memstream(&rec, &rl), *o1 = open_memstream(&out1, &l1);
		struct smcsim_discover_opts o = { .kernel = ko, .record = rf };
		assert_int_equal(smcsim_discover_run(sim, &o, o1), 0);
		fclose(rf);
		fclose(o1);
		assert_true(rl > 0);
		/* The library's replay agrees: the recording replays on its profile with no
		 * mismatch. */
		struct smcsim_trace *t;
		struct smcsim_error terr = { "" };
		int tr = smcsim_trace_parse(rec, rl, name, &t, &terr);
		if (tr)
			fail_msg("%s: %s", name, terr.text);
		assert_int_equal(smcsim_trace_replay(t, NULL, NULL, &terr), 0);
		smcsim_trace_destroy(t);
		/* Serve the recording on a fresh machine. */
		assert_int_equal(smcsim_kernel_create(sim, &ko, &k), 0);
		struct smcsim_fixture_fw *fw;
		struct smcsim_error err = { "" };
		int r = smcsim_fixture_fw_parse(k, rec, rl, name, SMCSIM_FW_STRICT_ORDER, &fw,
						&err);
		if (r)
			fail_msg("%s: %s", name, err.text);
		smcsim_discover_register(k, 0);
		smcsim_kernel_boot(k);
		o1 = open_memstream(&out2, &l2);
		smcsim_discover_print(k, o1);
		fclose(o1);
		smcsim_kernel_shutdown(k); /* the recording ends with the teardown's calls */
		SMCSIM_FIXTURE_DONE(fw);
		/* The same findings, devices, bindings, call count and log. */
		assert_string_equal(out1, out2);
		free(rec);
		free(out1);
		free(out2);
		teardown(state);
	}
}

/* Before the SMCCC bus (mainline 2.7, 3.2): TRNG is the platform device "smccc_trng" bound
 * by the hw_random driver, a Realm gets the platform device "arm-cca-dev". */
static void mainline_platform_devices(void **state)
{
	static const char *const fx[] = { FIXTURES "/host-boot.json", FIXTURES "/realm-boot.json" };
	for (int i = 0; i < 2; i++) {
		boot_on("tfa-host", NULL);
		struct smcsim_fixture_fw *fw =
			SMCSIM_FIXTURE_FIRMWARE(k, fx[i], SMCSIM_FW_ANY_ORDER);
		smcsim_discover_register(k, SMCSIM_DISCOVER_MAINLINE);
		assert_int_equal(smcsim_kernel_boot(k), 0);
		assert_int_equal(smcsim_fixture_fw_unexpected(fw), 0);
		assert_null(smcsim_kernel_find_device(k, "arm_smccc", "arm-smccc-trng"));
		if (i == 0) {
			assert_string_equal(bound_to("platform", "smccc_trng"), "smccc_trng");
			assert_null(smcsim_kernel_find_device(k, "platform", "arm-cca-dev"));
		} else {
			assert_null(smcsim_kernel_find_device(k, "platform", "smccc_trng"));
			assert_non_null(strstr(
				report(), "platform/arm-cca-dev modalias platform:arm-cca-dev"));
		}
		smcsim_fixture_fw_destroy(fw);
		teardown(state);
	}
}

/* Two more fuzzer findings kept as fixtures: an FF-A partition count that makes Linux
 * (before "Bound PARTITION_INFO_GET copies") read past the RX buffer, and a REALM_CONFIG
 * whose ipa_bits of 0 makes BIT(ipa_bits - 1) undefined. The models log them as findings
 * and stay defined. */
static void findings_replay(void **state)
{
	/* The kernel configuration each finding was recorded with (its description says). */
	static const struct {
		const char *file, *line;
		struct smcsim_kernel_opts o;
		unsigned int flags;
	} f[] = {
		{ FIXTURES "/finding-ffa-partition-count-overread.json",
		  "smcsim: linux-overread: PARTITION_INFO_GET count",
		  { .psci_compat = 10 },
		  SMCSIM_DISCOVER_FFA_LEGACY },
		{ FIXTURES "/finding-realm-ipa-bits-zero.json",
		  "smcsim: linux-ub: REALM_CONFIG ipa_bits = 0",
		  { .pkvm = true, .has_rme = true, .psci_compat = 2, .no_closures = true },
		  SMCSIM_DISCOVER_FFA_LEGACY },
	};
	for (int i = 0; i < 2; i++) {
		struct smcsim_kernel_opts o = f[i].o;
		boot_on("tfa-host", &o);
		struct smcsim_fixture_fw *fw =
			SMCSIM_FIXTURE_FIRMWARE(k, f[i].file, SMCSIM_FW_STRICT_ORDER);
		smcsim_discover_register(k, f[i].flags);
		smcsim_kernel_boot(k);
		smcsim_kernel_shutdown(k);
		SMCSIM_FIXTURE_DONE(fw);
		assert_true(smcsim_kernel_log_has(k, f[i].line));
		assert_int_equal(smcsim_kernel_pages_in_use(k), 0);
		teardown(state);
	}
}

/* Kernel-version differences (soc_id.c, kvm_guest.c): firmware that answers the SOC_ID name only
 * on the SMC32 FID loses its name with the fixed kernel; a KVM UID over SMC is detected by
 * newer kernels and ignored by 6.14-era ones, which do not even ask. */
static void era_differences(void **state)
{
	static const char fx[] =
		"{\"format\":\"smcsim-trace\",\"version\":1,\"steps\":["
		"{\"call\":{\"x0\":\"SMCCC_ARCH_SOC_ID_64\",\"x1\":2},\"expect\":{\"x0\":-1}},"
		"{\"call\":{\"x0\":\"SMCCC_ARCH_SOC_ID\",\"x1\":2},\"expect\":{\"x0\":0,\"x1\":"
		"\"0x657265706d41\"}},"
		"{\"call\":{\"x0\":\"0x8600FF01\"},\"expect\":{\"x0\":\"0xb66fb428\",\"x1\":"
		"\"0xe911c52e\","
		"\"x2\":\"0x564bcaa9\",\"x3\":\"0x743a004d\"}},"
		"{\"call\":{\"x0\":\"0x86000000\"},\"expect\":{\"x0\":3}}]}";
	for (int old = 0; old < 2; old++) {
		struct smcsim_kernel_opts o = {
			.linux_era =
				old ? SMCSIM_LINUX_KVM_UID_HVC_ONLY | SMCSIM_LINUX_SOC_ID_NAME_SMC32
				    : 0
		};
		boot_on("tfa-host", &o);
		struct smcsim_fixture_fw *fw;
		assert_int_equal(smcsim_fixture_fw_parse(
					 k, fx, sizeof(fx) - 1, "era",
					 SMCSIM_FW_ANY_ORDER | SMCSIM_FW_FALLTHROUGH, &fw, NULL),
				 0);
		smcsim_discover_register(k, SMCSIM_DISCOVER_NO_FFA);
		assert_int_equal(smcsim_kernel_boot(k), 0);
		const char *r = report();
		if (old) {
			assert_non_null(strstr(r, "name \"Ampere\""));
			assert_non_null(strstr(r, "kvm: no"));
			assert_int_equal(smcsim_fixture_fw_served(fw),
					 1); /* CALL_UID never asked */
		} else {
			assert_non_null(strstr(r, "name \"\""));
			assert_non_null(strstr(
				r, "kvm: features 0x00000000 0x00000000 0x00000000 0x00000003"));
			assert_int_equal(smcsim_fixture_fw_served(fw), 3);
		}
		smcsim_fixture_fw_destroy(fw);
		teardown(state);
	}
}

static int generic_probe(struct ffa_device *d)
{
	return 0;
}

/* On the FF-A models (ffa-host; pkvm-host with v7.2 deferral): the FF-A core binds every
 * partition the SPMC reports; a driver per partition UUID, registered after discovery,
 * binds each (drivers/firmware/arm_ffa/driver.c and bus.c). Skipped until those profiles
 * are on this build. */
static void ffa_binds_partitions_on_models(void **state)
{
	static const char *const profiles[] = { "ffa-host", "pkvm-host" };
	int ran = 0;
	for (int i = 0; i < 2; i++) {
		struct smcsim_profile *p;
		if (smcsim_profile_load(profiles[i], &p, NULL) != 0)
			continue;
		smcsim_profile_destroy(p);
		ran++;
		struct smcsim_kernel_opts o = { .pkvm = i == 1 };
		boot_on(profiles[i], &o);
		smcsim_discover_register(k, 0);
		assert_int_equal(smcsim_kernel_boot(k), 0);
		assert_string_equal(bound_to("platform", "arm-ffa"), "arm-ffa");
		assert_true(k != NULL && strstr(report(), "ffa: v1.") != NULL);
		/* One driver per partition device with a UUID. */
		static struct ffa_device_id ids[8][2];
		static struct ffa_driver drvs[8];
		static char names[8][16];
		int n = 0;
		struct smcsim_kernel *prev = smcsim_kernel_enter(k);
		for (struct device *d = smcsim_kernel_next_device(k, NULL); d && n < 8;
		     d = smcsim_kernel_next_device(k, d)) {
			if (strcmp(d->bus->name, "arm_ffa") || uuid_is_null(&to_ffa_dev(d)->uuid))
				continue;
			memset(ids[n], 0, sizeof(ids[n]));
			uuid_copy(&ids[n][0].uuid, &to_ffa_dev(d)->uuid);
			snprintf(names[n], sizeof(names[n]), "part%d", n);
			drvs[n] = (struct ffa_driver){ .name = names[n],
						       .probe = generic_probe,
						       .id_table = ids[n] };
			assert_int_equal(ffa_register(&drvs[n]), 0);
			assert_non_null(d->driver);
			n++;
		}
		smcsim_kernel_enter(prev);
		assert_true(n >= 2);
		assert_int_equal(smcsim_kernel_double_binds(k), 0);
		smcsim_kernel_shutdown(k);
		assert_int_equal(smcsim_kernel_pages_in_use(k), 0);
		teardown(state);
	}
	if (!ran)
		skip();
}

static bool have_profile(const char *name)
{
	struct smcsim_profile *p;
	if (smcsim_profile_load(name, &p, NULL) != 0)
		return false;
	smcsim_profile_destroy(p);
	return true;
}

/* On the RMM model (cca-realm and cca-host profiles): a cca-realm kernel negotiates RSI 1.0,
 * becomes a Realm and the SMCCC bus binds arm-rsi to the CCA guest driver; a cca-host kernel's
 * RMI 1.0 init reads feature register 0 (0x283FC104130: no DA bit 42, so no arm-rmi-dev). Skipped
 * until the profiles are on this build. */
static void cca_on_rmm_model(void **state)
{
	int ran = 0;
	if (have_profile("cca-realm")) {
		ran++;
		boot_on("cca-realm", NULL);
		smcsim_discover_register(k, SMCSIM_DISCOVER_NO_FFA);
		assert_int_equal(smcsim_kernel_boot(k), 0);
		const char *r = report();
		assert_non_null(strstr(r, "realm: yes, rsi v1."));
		assert_string_equal(bound_to("arm_smccc", "arm-rsi"), "arm_cca_guest");
		assert_false(smcsim_kernel_panicked(k));
		teardown(state);
	}
	if (have_profile("cca-host")) {
		ran++;
		struct smcsim_kernel_opts o = { .rmi_abi = 10 };
		boot_on("cca-host", &o);
		smcsim_discover_register(k, SMCSIM_DISCOVER_NO_FFA);
		assert_int_equal(smcsim_kernel_boot(k), 0);
		const char *r = report();
		assert_non_null(strstr(r, "rmi: v1.0, feat_reg0 0x00000283fc104130"));
		assert_null(smcsim_kernel_find_device(k, "platform", "arm-rmi-dev"));
		assert_non_null(strstr(r, "realm: no"));
		teardown(state);
	}
	if (!ran)
		skip();
}

/* An interposer that notes every PARTITION_INFO_GET_REGS call's x3 (start index and tag)
 * and passes the call on. */
struct regs_probe {
	int n;
	uint64_t x3[8];
};

static int note_regs(void *opaque, struct smcsim_kernel *kk, int depth, enum smcsim_conduit conduit,
		     struct smcsim_regs *regs)
{
	struct regs_probe *p = opaque;
	if (regs->x[0] == FFA_PARTITION_INFO_GET_REGS && p->n < 8)
		p->x3[p->n++] = regs->x[3];
	return smcsim_kernel_fw_next(kk, depth + 1, conduit, regs);
}

/* Register-mode partition discovery (drivers/firmware/arm_ffa/driver.c
 * ffa_partition_probe()): a count call, then the fill from index 0 again, then from
 * CURRENT_INDEX + 1. Later kernels take the seven partitions entry by entry; Linux 6.12's
 * copy of the second reply lands at buffer + prev_idx * size (struct units) past its
 * seven-entry buffer, which the model reports and does not do. */
static void ffa_regs_two_pass_and_6_12_overflow(void **state)
{
	static const char v12[] =
		"{\"format\":\"smcsim-trace\",\"version\":1,\"steps\":["
		"{\"call\":{\"x0\":\"0x84000063\",\"x1\":\"0x10002\"},\"expect\":{\"x0\":"
		"\"0x10002\"}}]}";
	for (int old = 0; old < 2; old++) {
		struct smcsim_kernel_opts o = { .linux_era = old ? SMCSIM_LINUX_6_12 : 0 };
		boot_on("tfa-host", &o);
		struct smcsim_fixture_fw *fw = SMCSIM_FIXTURE_FIRMWARE(
			k, FIXTURES "/finding-ffa-regs-partition-overflow.json",
			SMCSIM_FW_ANY_ORDER | SMCSIM_FW_FALLTHROUGH);
		struct smcsim_fixture_fw *ver;
		if (!old)
			assert_int_equal(
				smcsim_fixture_fw_parse(k, v12, sizeof(v12) - 1, "v1.2",
							SMCSIM_FW_ANY_ORDER | SMCSIM_FW_FALLTHROUGH,
							&ver, NULL),
				0);
		struct regs_probe probe = { 0 };
		assert_int_equal(smcsim_kernel_push_firmware(k, note_regs, &probe), 0);
		assert_int_equal(smcsim_discover_register(k, 0), 0);
		assert_int_equal(smcsim_kernel_boot(k), 0);
		assert_int_equal(probe.n, 3);
		assert_int_equal(probe.x3[0], 0);
		assert_int_equal(probe.x3[1], 0);
		assert_int_equal(probe.x3[2], 5);
		const char *r = report();
		assert_non_null(strstr(r, "info: ARM FF-A: Notification setup failed -95, not "
					  "enabled"));
		if (old) {
			assert_true(smcsim_kernel_log_has(
				k,
				"err: ARM FF-A: smcsim: linux-overflow: Linux 6.12 would write "
				"past its partition buffer: PARTITION_INFO_GET_REGS entries 5..6 "
				"of size 24 go to bytes 2304..2352 of the 168 allocated for 7 "
				"partitions"));
			assert_int_equal(smcsim_discover_findings(k), 1);
			assert_non_null(strstr(r, "ffa: no"));
			assert_non_null(strstr(r, "info: ARM FF-A: ffa_setup_partitions: No "
						  "partitions found, error -22"));
			assert_non_null(strstr(r, "err: ARM FF-A: failed to setup partitions"));
			assert_null(smcsim_kernel_find_device(k, "arm_ffa", "arm-ffa-1"));
		} else {
			assert_int_equal(smcsim_discover_findings(k), 0);
			assert_non_null(strstr(r, "ffa: v1.2, vm_id 0x0000, rxtx 4096 bytes, "
						  "partitions 7, mem ops 64-bit"));
			assert_non_null(strstr(r, "arm_ffa/arm-ffa-7 modalias "
						  "arm_ffa:8007:5a1f0000-0000-4000-8000-"
						  "000000000007"));
			/* The host's own device after the seven. */
			assert_non_null(strstr(r, "arm_ffa/arm-ffa-8 modalias arm_ffa:0000:"));
		}
		smcsim_kernel_shutdown(k);
		assert_int_equal(smcsim_kernel_pages_in_use(k), 0);
		if (old) {
			SMCSIM_FIXTURE_DONE(fw);
		} else {
			/* Every step but the fixture's v1.1 FFA_VERSION, answered above it. */
			assert_int_equal(smcsim_fixture_fw_served(fw), 13);
			smcsim_fixture_fw_destroy(fw);
			SMCSIM_FIXTURE_DONE(ver);
		}
		teardown(state);
	}
}

/* Linux 6.12 in register mode within its buffer: one reply with both partitions, copied
 * as they lie in x3..x8, no finding. */
static void ffa_regs_6_12_within_bounds(void **state)
{
	struct smcsim_kernel_opts o = { .linux_era = SMCSIM_LINUX_6_12 };
	boot_on("tfa-host", &o);
	struct smcsim_fixture_fw *fw =
		SMCSIM_FIXTURE_FIRMWARE(k, FIXTURES "/ffa-regs-two-partitions-6.12.json",
					SMCSIM_FW_ANY_ORDER | SMCSIM_FW_FALLTHROUGH);
	assert_int_equal(smcsim_discover_register(k, 0), 0);
	assert_int_equal(smcsim_kernel_boot(k), 0);
	const char *r = report();
	assert_int_equal(smcsim_discover_findings(k), 0);
	assert_non_null(strstr(r, "ffa: v1.1, vm_id 0x0000, rxtx 4096 bytes, partitions 2"));
	assert_non_null(strstr(r, "arm_ffa/arm-ffa-2 modalias "
				  "arm_ffa:8002:5a1f0000-0000-4000-8000-000000000002"));
	assert_non_null(strstr(r, "info: ARM FF-A: Firmware version higher than driver version, "
				  "downgrading"));
	smcsim_kernel_shutdown(k);
	assert_int_equal(smcsim_kernel_pages_in_use(k), 0);
	SMCSIM_FIXTURE_DONE(fw);
	teardown(state);
}

/* psci_dt_init and psci_probe (drivers/firmware/psci/psci.c): the conduit line first, then
 * the version, printed before a 0.1 answer is refused. */
static void psci_logs_version_before_refusing_0_1(void **state)
{
	static const char fx[] = "{\"format\":\"smcsim-trace\",\"version\":1,\"steps\":["
				 "{\"call\":{\"x0\":\"0x84000000\"},\"expect\":{\"x0\":1}}]}";
	boot_on("tfa-host", NULL);
	struct smcsim_fixture_fw *fw;
	assert_int_equal(smcsim_fixture_fw_parse(k, fx, sizeof(fx) - 1, "psci01",
						 SMCSIM_FW_STRICT_ORDER, &fw, NULL),
			 0);
	smcsim_discover_register(k, SMCSIM_DISCOVER_NO_FFA);
	smcsim_kernel_boot(k);
	SMCSIM_FIXTURE_DONE(fw);
	const char *log = smcsim_kernel_log(k);
	const char *a = strstr(log, "info: psci: probing for conduit method from DT.\n");
	const char *b = strstr(log, "info: psci: PSCIv0.1 detected in firmware.\n");
	const char *c = strstr(log, "err: psci: Conflicting PSCI version detected.\n");
	assert_true(a && b && c && a < b && b < c);
	assert_false(smcsim_kernel_log_has(k, "Using standard PSCI"));
	teardown(state);
}

/* soc_id.c: a SOC_ID name that fills all 136 bytes with no NUL is dropped with a firmware-bug
 * warning (smccc_soc_name_init()); Linux 6.12 has no name call at all. */
static void soc_id_name_rules(void **state)
{
	static const char fx[] =
		"{\"format\":\"smcsim-trace\",\"version\":1,\"steps\":["
		"{\"call\":{\"x0\":\"SMCCC_ARCH_SOC_ID_64\",\"x1\":2},\"expect\":{\"x0\":0,"
		"\"x1\":\"0x4141414141414141\",\"x2\":\"0x4141414141414141\",\"x3\":"
		"\"0x4141414141414141\",\"x4\":\"0x4141414141414141\",\"x5\":"
		"\"0x4141414141414141\","
		"\"x6\":\"0x4141414141414141\",\"x7\":\"0x4141414141414141\",\"x8\":"
		"\"0x4141414141414141\",\"x9\":\"0x4141414141414141\",\"x10\":"
		"\"0x4141414141414141\","
		"\"x11\":\"0x4141414141414141\",\"x12\":\"0x4141414141414141\",\"x13\":"
		"\"0x4141414141414141\",\"x14\":\"0x4141414141414141\",\"x15\":"
		"\"0x4141414141414141\","
		"\"x16\":\"0x4141414141414141\",\"x17\":\"0x4141414141414141\"}}]}";
	for (int old = 0; old < 2; old++) {
		struct smcsim_kernel_opts o = { .linux_era = old ? SMCSIM_LINUX_6_12 : 0 };
		boot_on("tfa-host", &o);
		struct smcsim_fixture_fw *fw;
		assert_int_equal(smcsim_fixture_fw_parse(
					 k, fx, sizeof(fx) - 1, "soc-name",
					 SMCSIM_FW_ANY_ORDER | SMCSIM_FW_FALLTHROUGH, &fw, NULL),
				 0);
		smcsim_discover_register(k, SMCSIM_DISCOVER_NO_FFA);
		assert_int_equal(smcsim_kernel_boot(k), 0);
		const char *r = report();
		assert_non_null(strstr(r, "name \"\", soc0"));
		assert_int_equal(smcsim_fixture_fw_served(fw), old ? 0 : 1);
		assert_int_equal(smcsim_kernel_log_has(k, "warn: SMCCC: SOC_ID: [Firmware Bug]: "
							  "Ignoring improperly formatted name"),
				 !old);
		smcsim_fixture_fw_destroy(fw);
		teardown(state);
	}
}

/* kvm_guest.c kvm_init_hyp_services(): the detection line prints the FEATURES registers
 * as they came (%08lx of x3..x0), the bitmap keeps their low 32 bits. Linux 6.12 compares
 * CALL_UID's registers at full width: a UID word with upper bits set is not KVM's. */
static void kvm_features_printed_unmasked(void **state)
{
	static const char feat[] =
		"{\"format\":\"smcsim-trace\",\"version\":1,\"steps\":["
		"{\"call\":{\"x0\":\"0x86000000\"},\"expect\":{\"x0\":\"0xffffffff00000003\"}}]}";
	static const char uid[] = "{\"format\":\"smcsim-trace\",\"version\":1,\"steps\":["
				  "{\"call\":{\"x0\":\"0x8600FF01\"},\"expect\":{\"x0\":"
				  "\"0x1b66fb428\",\"x1\":\"0xe911c52e\",\"x2\":\"0x564bcaa9\","
				  "\"x3\":\"0x743a004d\"}}]}";
	for (int old = 0; old < 2; old++) {
		struct smcsim_kernel_opts o = { .linux_era = old ? SMCSIM_LINUX_6_12 : 0 };
		boot_on("kvm-guest", &o);
		struct smcsim_fixture_fw *fw;
		assert_int_equal(smcsim_fixture_fw_parse(
					 k, feat, sizeof(feat) - 1, "feat",
					 SMCSIM_FW_ANY_ORDER | SMCSIM_FW_FALLTHROUGH, &fw, NULL),
				 0);
		smcsim_discover_register(k, SMCSIM_DISCOVER_NO_FFA);
		assert_int_equal(smcsim_kernel_boot(k), 0);
		assert_true(smcsim_kernel_log_has(
			k, "info: smccc: KVM: hypervisor services detected (0x00000000 0x00000000 "
			   "0x00000000 0xffffffff00000003)"));
		assert_non_null(strstr(
			report(), "kvm: features 0x00000000 0x00000000 0x00000000 0x00000003"));
		SMCSIM_FIXTURE_DONE(fw);
		teardown(state);

		boot_on("kvm-guest", &o);
		assert_int_equal(smcsim_fixture_fw_parse(
					 k, uid, sizeof(uid) - 1, "uid",
					 SMCSIM_FW_ANY_ORDER | SMCSIM_FW_FALLTHROUGH, &fw, NULL),
				 0);
		smcsim_discover_register(k, SMCSIM_DISCOVER_NO_FFA);
		assert_int_equal(smcsim_kernel_boot(k), 0);
		assert_int_equal(strstr(report(), "kvm: no") != NULL, old);
		SMCSIM_FIXTURE_DONE(fw);
		teardown(state);
	}
}

/* Every built-in profile has a golden output for the Linux 6.12 flavour
 * (expected/<profile>+linux612.txt, checked by check_discover.py). */
static void linux_6_12_golden_for_every_profile(void **state)
{
	for (size_t i = 0; smcsim_profile_builtin(i); i++) {
		char path[512];
		snprintf(path, sizeof(path), "%s/%s+linux612.txt", EXPECTED,
			 smcsim_profile_builtin(i));
		FILE *f = fopen(path, "r");
		if (!f)
			fail_msg("%s: missing (shim/tests/check_discover.py --update)", path);
		char first[128] = "";
		assert_non_null(fgets(first, sizeof(first), f));
		fclose(f);
		assert_non_null(strstr(first, "# args:"));
		assert_non_null(strstr(first, "--linux 6.12"));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(host_boot_strict, teardown),
		cmocka_unit_test_teardown(strict_order_reports_unexpected_call, teardown),
		cmocka_unit_test_teardown(fixture_errors_name_the_path, teardown),
		cmocka_unit_test_teardown(realm_boot_binds_rsi, teardown),
		cmocka_unit_test_teardown(rsi_device_without_realm_stays_unbound, teardown),
		cmocka_unit_test_teardown(ffa_binds_two_partitions, teardown),
		cmocka_unit_test_teardown(ffa_defers_until_pkvm_finalized, teardown),
		cmocka_unit_test_teardown(ffa_legacy_init_runs_before_pkvm, teardown),
		cmocka_unit_test(ffa_on_pkvm_host_model),
		cmocka_unit_test(smccc_bus_across_profiles),
		cmocka_unit_test_teardown(finding_psci_minus_one_is_treated_as_1x, teardown),
		cmocka_unit_test(record_replays_as_firmware),
		cmocka_unit_test(mainline_platform_devices),
		cmocka_unit_test(findings_replay),
		cmocka_unit_test(era_differences),
		cmocka_unit_test(ffa_binds_partitions_on_models),
		cmocka_unit_test(cca_on_rmm_model),
		cmocka_unit_test(ffa_regs_two_pass_and_6_12_overflow),
		cmocka_unit_test(ffa_regs_6_12_within_bounds),
		cmocka_unit_test(psci_logs_version_before_refusing_0_1),
		cmocka_unit_test(soc_id_name_rules),
		cmocka_unit_test(kvm_features_printed_unmasked),
		cmocka_unit_test(linux_6_12_golden_for_every_profile),
	};
	return cmocka_run_group_tests_name("shim-discover", tests, NULL, NULL);
}
