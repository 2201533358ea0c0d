/* SPDX-License-Identifier: MIT */
/* Core machine: register-file rules, routing, memory bounds, profile errors, filters. */
#include <errno.h>
#include <limits.h>
#include <malloc.h>
#include <string.h>

#include "abi/bytes.h"
#include "conformance/common/smcsim_test.h"
#include "emu/emu.h"
#include "emu/services.h"
#include "lib/registry.h"
#include "lib_errnos.h"

static void expect_create_error(const char *patch, const char *want)
{
	struct smcsim_profile *p;
	struct smcsim_error err = { { 0 } };
	struct smcsim *sim = NULL;
	assert_int_equal(smcsim_profile_load("tfa-host", &p, &err), 0);
	int ret = smcsim_profile_patch(p, patch, &err);
	if (ret == 0)
		ret = smcsim_create(p, &sim, &err);
	smcsim_profile_destroy(p);
	assert_null(sim);
	assert_int_equal(ret, -EINVAL);
	if (!strstr(err.text, want))
		fail_msg("error \"%s\" does not contain \"%s\"", err.text, want);
}

/* DEN0028 2.5.3: an unknown function ID returns -1 in all 64 bits of x0. */
static void unknown_fid_all_ones(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	struct smcsim_regs r = t_call(sim, 0x8400FE00, 1, 2);
	t_assert_reg(r, 0, UINT64_MAX, "DEN0028 2.5.3 unknown FID");
	t_assert_reg(r, 1, 1, "x1 preserved");
	/* Yielding-call and reserved-OEN IDs are unknown too. */
	r = t_call(sim, 0x04000000);
	t_assert_reg(r, 0, UINT64_MAX, "yielding call unknown");
	smcsim_destroy(sim);
}

/* DEN0028 1.3 2.5: bit 16 of a fast call is the SVE hint and does not change the call. */
static void sve_hint_masked(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	struct smcsim_regs r = t_call(sim, SMCCC_VERSION_FID | SMCCC_SVE_HINT);
	t_assert_reg(r, 0, 0x10002, "DEN0028 1.3: SVE hint masked");
	smcsim_destroy(sim);
}

/* Only w0 names the function: bits 63:32 of x0 are ignored. */
static void fid_from_w0(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	struct smcsim_regs r = t_call(sim, UINT64_C(0xdead000080000000));
	t_assert_reg(r, 0, 0x10002, "function ID read from w0");
	smcsim_destroy(sim);
}

/* DEN0028 2.6: an SMC32 callee sees only W registers: ARCH_FEATURES with junk in x1's
 * upper half still queries the 32-bit ID. */
static void smc32_sees_w_registers(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	struct smcsim_regs r = t_call(sim, SMCCC_ARCH_FEATURES_FID,
				      UINT64_C(0xffffffff00000000) | SMCCC_ARCH_SOC_ID_FID);
	t_assert_x0(r, 0, "DEN0028 2.6 SMC32 argument truncation");
	smcsim_destroy(sim);
}

/* SMCCC 1.2 (DEN0028 2.7): results may use x0..x17; the SOC_ID name fills x1..x17. */
static void smccc12_wide_results(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	struct smcsim_regs r = t_call(sim, SMCCC_ARCH_SOC_ID_64_FID, 2);
	t_assert_x0(r, 0, "SOC_ID name SUCCESS");
	char name[137] = { 0 };
	for (int i = 0; i < 17; i++) /* DEN0028 1.6 7.4: name bytes in x1..x17, little-endian */
		abi_wr64(name + i * 8, r.x[1 + i]);
	assert_string_equal(name, "smcsim virtual SoC");
	t_assert_reg(r, 17, 0, "NUL padding up to x17");
	smcsim_destroy(sim);
}

/* SMCCC 1.0/1.1 (DEN0028 2.6): only x0..x3 are results; x4..x17 are preserved even if
 * the handler produced more. */
static void smccc11_preserves_x4_up(void **state)
{
	struct smcsim *sim = t_machine(
		"tfa-host",
		"{\"layers\":{\"el3\":{\"services\":{\"arch\":{\"smccc_version\":\"1.1\"}}}}}");
	struct smcsim_regs r = t_call(sim, SMCCC_ARCH_SOC_ID_64_FID, 2, 0, 0, 0x4444);
	/* SOC_ID needs SMCCC 1.2: with 1.1 the call is absent. */
	t_assert_reg(r, 0, UINT64_MAX, "SOC_ID absent below SMCCC 1.2");
	t_assert_reg(r, 4, 0x4444, "x4 preserved");
	r = t_call(sim, SMCCC_VERSION_FID);
	t_assert_reg(r, 0, 0x10001, "SMCCC_VERSION 1.1");
	smcsim_destroy(sim);
}

static void api_errors(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	struct smcsim_regs r = { { SMCCC_VERSION_FID } };
	assert_int_equal(smcsim_call(sim, 7, 0, SMCSIM_CONDUIT_DEFAULT, &r), -EINVAL);
	assert_int_equal(smcsim_call(sim, 0, 99, SMCSIM_CONDUIT_DEFAULT, &r), -EINVAL);
	assert_int_equal(smcsim_call(sim, 0, 0, SMCSIM_CONDUIT_HVC, &r), -EOPNOTSUPP);
	assert_int_equal(smcsim_call(sim, 0, 0, (enum smcsim_conduit)9, &r), -EINVAL);
	/* Secondary CPUs start off (DEN0022 6.2) and cannot issue calls. */
	assert_int_equal(smcsim_call(sim, 0, 1, SMCSIM_CONDUIT_DEFAULT, &r), -EHOSTDOWN);
	assert_int_equal(smcsim_cpu_state(sim, 1), SMCSIM_CPU_OFF);
	assert_int_equal(smcsim_caller_find(sim, "nobody"), -ENOENT);
	assert_string_equal(smcsim_caller_name(sim, 0), "host");
	smcsim_destroy(NULL);
	smcsim_destroy(sim);
}

/* Models keep per-granule state in slots the core hands out (emu_gstate_*): each owner
 * its own zeroed bytes per granule, cleared by reset, absent outside memory. */
static void granule_state_slots(void **state)
{
	static const char owner_a, owner_b, owner_c, owner_d, owner_e;
	struct smcsim *sim = t_machine("tfa-host", NULL);
	int a = emu_gstate_reserve(sim, &owner_a, 16);
	int b = emu_gstate_reserve(sim, &owner_b, 1);
	assert_true(a >= 0 && b >= 0 && a != b);
	assert_int_equal(emu_gstate_reserve(sim, &owner_a, 16), a);
	assert_int_equal(emu_gstate_reserve(sim, &owner_a, 8), -EINVAL);
	assert_int_equal(emu_gstate_reserve(sim, &owner_c, 0), -EINVAL);
	assert_int_equal(emu_gstate_reserve(sim, &owner_c, EMU_GSTATE_MAX + 1), -EINVAL);
	assert_int_equal(emu_gstate_slot(sim, &owner_b), b);
	assert_int_equal(emu_gstate_slot(sim, &owner_c), -ENOENT);

	uint8_t *ga = emu_gstate(sim, a, 0x80001234);
	uint8_t *gb = emu_gstate(sim, b, 0x80001000);
	assert_non_null(ga);
	assert_non_null(gb);
	assert_ptr_equal(ga, emu_gstate(sim, a, 0x80001fff)); /* one entry per 4 KiB */
	assert_ptr_not_equal(ga, emu_gstate(sim, a, 0x80002000));
	for (int i = 0; i < 16; i++)
		assert_int_equal(ga[i], 0);
	memset(ga, 0x5a, 16);
	*gb = 7;
	assert_int_equal(*(uint8_t *)emu_gstate(sim, b, 0x80001000), 7);
	assert_int_equal(*(uint8_t *)emu_gstate(sim, a, 0x80002000), 0); /* neighbours apart */
	assert_null(emu_gstate(sim, a, 0x1000));			 /* outside memory */
	assert_null(emu_gstate(sim, 9, 0x80001000));			 /* no such slot */
	smcsim_reset(sim);
	assert_int_equal(((uint8_t *)emu_gstate(sim, a, 0x80001000))[15], 0);
	assert_int_equal(*(uint8_t *)emu_gstate(sim, b, 0x80001000), 0);

	int c = emu_gstate_reserve(sim, &owner_c, 2);
	int d = emu_gstate_reserve(sim, &owner_d, 2);
	assert_true(c >= 0 && d >= 0);
	assert_int_equal(emu_gstate_reserve(sim, &owner_e, 2), -ENOSPC);
	smcsim_destroy(sim);
}

/* What a profile declares costs address space, not metadata: granule metadata is
 * allocated in 2 MiB chunks as granules are touched (emu/memory.c states the budget). A
 * machine with 1 TiB of regions on an RMM profile (16 bytes of model state per granule,
 * 4 GiB if allocated up front) allocates a few MiB, and a touched granule far out in it
 * reads its boot PAS and zeroed model state. */
static void memory_metadata_is_lazy(void **state)
{
	char patch[4096];
	int n = snprintf(patch, sizeof(patch),
			 "{\"memory\":[{\"name\":\"dram\",\"base\":\"0x80000000\","
			 "\"size\":\"0x10000000\"},{\"name\":\"secure\",\"base\":"
			 "\"0x0e000000\",\"size\":\"0x100000\",\"pas\":\"secure\"}");
	for (int i = 1; i <= 15; i++)
		n += snprintf(patch + n, sizeof(patch) - (size_t)n,
			      ",{\"name\":\"big%d\",\"base\":\"0x%llx\",\"size\":\"0x1000000000\"}",
			      i, (unsigned long long)i << 40);
	snprintf(patch + n, sizeof(patch) - (size_t)n, "]}");
	struct mallinfo2 before = mallinfo2();
	struct smcsim *sim = t_machine("cca-host", patch);
	struct mallinfo2 after = mallinfo2();
	size_t grew = after.uordblks - before.uordblks;
	if (grew > (size_t)16 << 20)
		fail_msg("a 1 TiB machine allocated %zu bytes of heap", grew);
	uint64_t far = (UINT64_C(15) << 40) + UINT64_C(0xfffff000);
	struct emu_granule *g = emu_granule(sim, far);
	assert_non_null(g);
	assert_int_equal(g->pas, EMU_PAS_NS);
	g->pas = EMU_PAS_REALM;
	assert_int_equal(emu_granule(sim, far)->pas, EMU_PAS_REALM);
	assert_int_equal(emu_granule(sim, far - 0x1000)->pas, EMU_PAS_NS); /* its neighbour */
	assert_int_equal(emu_granule(sim, 0x0e000000)->pas, EMU_PAS_SECURE);
	smcsim_reset(sim);
	assert_int_equal(emu_granule(sim, far)->pas, EMU_PAS_NS);
	smcsim_destroy(sim);
}

static void memory_bounds(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	uint8_t buf[16] = { 1, 2, 3 }, back[16];
	assert_int_equal(smcsim_mem_write(sim, 0x80000000, buf, sizeof(buf)), 0);
	assert_int_equal(smcsim_mem_read(sim, 0x80000000, back, sizeof(back)), 0);
	assert_memory_equal(buf, back, sizeof(buf));
	/* Last byte of DRAM is fine; one past is not; a range straddling the end is not. */
	assert_int_equal(smcsim_mem_write(sim, 0x8FFFFFFF, buf, 1), 0);
	assert_int_equal(smcsim_mem_write(sim, 0x90000000, buf, 1), -EFAULT);
	assert_int_equal(smcsim_mem_read(sim, 0x8FFFFFF8, back, 16), -EFAULT);
	assert_int_equal(smcsim_mem_read(sim, UINT64_MAX - 3, back, 8), -EFAULT);
	assert_int_equal(smcsim_mem_read(sim, 0, back, 8), -EFAULT);
	assert_non_null(emu_granule(sim, 0x80001000));
	assert_null(emu_granule(sim, 0x7FFFF000));
	assert_int_equal(emu_granule(sim, 0x80001000)->pas, EMU_PAS_NS);
	smcsim_reset(sim);
	assert_int_equal(smcsim_mem_read(sim, 0x80000000, back, 4), 0);
	assert_int_equal(back[0], 0);
	smcsim_destroy(sim);
}

static void profile_errors_name_path(void **state)
{
	expect_create_error("{\"cpus\":{\"count\":0}}", "/cpus/count");
	expect_create_error("{\"bogus\":1}", "/bogus: unknown key");
	expect_create_error(
		"{\"layers\":{\"el3\":{\"services\":{\"arch\":{\"smccc_version\":\"one\"}}}}}",
		"/layers/el3/services/arch/smccc_version");
	expect_create_error("{\"layers\":{\"el3\":{\"services\":{\"nope\":{}}}}}",
			    "/layers/el3/services/nope: unknown service");
	expect_create_error("{\"callers\":{\"host\":{\"layers\":[\"el2\"]}}}",
			    "/callers/host/layers/0: no layer named \"el2\"");
	expect_create_error("{\"memory\":[{\"base\":\"0x80000800\",\"size\":\"0x1000\"}]}",
			    "4 KiB aligned");
	expect_create_error(
		"{\"layers\":{\"el3\":{\"services\":{\"arch\":{\"workarounds\":{\"2\":5}}}}}}",
		"/layers/el3/services/arch/workarounds/2");

	struct smcsim_profile *p;
	struct smcsim_error err = { { 0 } };
	assert_int_equal(smcsim_profile_load("no-such", &p, &err), -ENOENT);
	assert_non_null(strstr(err.text, "tfa-host"));
	assert_int_equal(smcsim_profile_load("tfa-host", &p, &err), 0);
	assert_int_equal(smcsim_profile_patch(p, "{\"cpus\": {\"count\": 2,}}", &err), -EINVAL);
	assert_non_null(strstr(err.text, "profile patch:1:"));
	assert_int_equal(smcsim_profile_patch(p, "{\"a\":1,\"a\":2}", &err), -EINVAL);
	assert_non_null(strstr(err.text, "duplicate"));
	/* A NUL would cut "host" short of what the patch says; its path is named. */
	assert_int_equal(smcsim_profile_patch(p, "{\"default_caller\":\"host\\u0000x\"}", &err),
			 -EINVAL);
	assert_string_equal(err.text, "profile patch: /default_caller: string contains a NUL "
				      "character (\\u0000)");
	smcsim_profile_destroy(p);
}

/* The per-range general queries (DEN0028 6.2): TF-A's Standard Service UID. */
static void standard_call_uid(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	struct smcsim_regs r = t_call(sim, 0x8400FF01);
	/* 108d905b-f863-47e8-ae2d-c0fb5641f6e2, each word little-endian. */
	t_assert_reg(r, 0, 0x5b908d10, "UID w0");
	t_assert_reg(r, 1, 0xe84763f8, "UID w1");
	t_assert_reg(r, 2, 0xfbc02dae, "UID w2");
	t_assert_reg(r, 3, 0xe2f64156, "UID w3");
	r = t_call(sim, 0x8400FF03);
	t_assert_reg(r, 0, 0, "revision major");
	t_assert_reg(r, 1, 1, "revision minor");
	/* A range no layer answers for is unknown. */
	r = t_call(sim, 0x8200FF01);
	t_assert_reg(r, 0, UINT64_MAX, "SiP range not modelled");
	smcsim_destroy(sim);
}

/* A caller built against a newer header passes a larger struct: it gets what this
 * library knows, told by `size`; one that did not set `size` gets -EINVAL, not a write. */
static void growable_structs_sized(void **state)
{
	struct {
		struct smcsim_fid_info info;
		uint64_t newer_member;
	} big;
	memset(&big, 0xa5, sizeof(big));
	big.info.size = sizeof(big);
	assert_int_equal(smcsim_fid_decode(0x84000000, &big.info), 0);
	assert_int_equal(big.info.size, sizeof(struct smcsim_fid_info));
	assert_string_equal(big.info.name, "PSCI_VERSION");
	assert_true(big.newer_member == UINT64_C(0xa5a5a5a5a5a5a5a5));

	struct smcsim_fid_info unset;
	memset(&unset, 0, sizeof(unset));
	assert_int_equal(smcsim_fid_decode(0x84000000, &unset), -EINVAL);
	assert_null(unset.name);
}

/* Every errno the library returns has its own description (smcsim_strerror), and no
 * input, INT_MIN included, is undefined behaviour. LIB_ERRNOS lists the errno names
 * found in the library's sources at build time (emu/tests/gen_errnos.py). */
static void strerror_covers_library_errnos(void **state)
{
	static const struct {
		const char *name;
		int value;
	} used[] = {
#define X(e) { #e, e },
		LIB_ERRNOS(X)
#undef X
	};
	for (size_t i = 0; i < sizeof(used) / sizeof(used[0]); i++)
		if (strcmp(smcsim_strerror(-used[i].value), "unknown error") == 0)
			fail_msg("smcsim_strerror(-%s) is \"unknown error\"", used[i].name);
	assert_string_equal(smcsim_strerror(0), "success");
	assert_string_equal(smcsim_strerror(INT_MIN), "unknown error");
	assert_string_equal(smcsim_strerror(-EPIPE), "unknown error");
}

static void fid_decode_and_names(void **state)
{
	struct smcsim_fid_info info = { .size = sizeof(info) };
	assert_int_equal(smcsim_fid_decode(0xC0000002, &info), 0);
	assert_string_equal(info.name, "SMCCC_ARCH_SOC_ID_64");
	assert_true(info.smc64);
	assert_true(info.fast);
	assert_int_equal(info.owner, 0);
	assert_int_equal(smcsim_fid_decode(0x8401FF77, &info), -ENOENT);
	assert_int_equal(info.owner, 4);
	assert_true(info.sve_hint);
	uint32_t fid;
	assert_int_equal(smcsim_fid_lookup("SMCCC_VERSION", &fid), 0);
	assert_int_equal(fid, 0x80000000);
	assert_int_equal(smcsim_fid_lookup("NOPE", &fid), -ENOENT);
}

/* Names are unique across services and every row's ID is unique (the tables are the
 * single source for dispatch and decoding). */
static void fid_tables_unique(void **state)
{
	const struct emu_registry *reg = &lib_registry;
	for (size_t i = 0; i < reg->n; i++) {
		const struct emu_service *s = reg->svcs[i];
		if (s->alias)
			continue;
		for (size_t k = 0; k < s->nfns; k++) {
			const struct emu_service *o;
			const struct emu_fn *byname = emu_fn_find_name(reg, s->fns[k].name, &o);
			const struct emu_fn *byid = emu_fn_find(reg, s->fns[k].fid, NULL);
			if (byname != &s->fns[k] || byid != &s->fns[k])
				fail_msg("%s (0x%08x) in %s is not unique", s->fns[k].name,
					 s->fns[k].fid, s->name);
			if (!s->fns[k].handler)
				fail_msg("%s has no handler", s->fns[k].name);
		}
	}
}

/*
 * The core services' rows state their results: a call writes x0..x<nres - 1> at most and
 * leaves every register above untouched (SMCCC 1.2+ machines, so x4..x17 would show it).
 */
static void core_rows_state_their_results(void **state)
{
	static const struct emu_service *const core[] = { &emu_svc_arch, &emu_svc_query,
							  &emu_svc_psci, &emu_svc_trng,
							  &emu_svc_kvm };
	static const char *const profiles[] = { "tfa-host", "kvm-guest", "qemu-tcg" };
	unsigned int checked = 0;
	for (size_t s = 0; s < EMU_ARRAY_SIZE(core); s++)
		for (size_t k = 0; k < core[s]->nfns; k++) {
			const struct emu_fn *fn = &core[s]->fns[k];
			if (fn->nres > SMCSIM_NREGS || fn->nargs >= SMCSIM_NREGS)
				fail_msg("%s: nargs %u / nres %u out of range", fn->name, fn->nargs,
					 fn->nres);
			for (size_t p = 0; p < EMU_ARRAY_SIZE(profiles); p++) {
				struct smcsim *sim = t_machine(profiles[p], NULL);
				struct smcsim_regs r;
				r.x[0] = fn->fid;
				for (int i = 1; i < SMCSIM_NREGS; i++)
					r.x[i] = UINT64_C(0x5eed000000000000) | (uint64_t)i;
				int ret = smcsim_call(sim, smcsim_caller_default(sim), 0,
						      SMCSIM_CONDUIT_DEFAULT, &r);
				smcsim_destroy(sim);
				/* Unimplemented here: the SMCCC NOT_SUPPORTED answer, not the row.
				 */
				if (ret != SMCSIM_EXIT_RETURN || r.x[0] == SMCCC_RET_NOT_SUPPORTED)
					continue;
				if (fn->nres == 0 && r.x[0] != fn->fid)
					fail_msg("%s on %s wrote x0", fn->name, profiles[p]);
				for (int i = fn->nres ? fn->nres : 1; i < SMCSIM_NREGS; i++)
					if (r.x[i] != (UINT64_C(0x5eed000000000000) | (uint64_t)i))
						fail_msg("%s on %s wrote x%d past nres %u",
							 fn->name, profiles[p], i, fn->nres);
				checked++;
			}
		}
	assert_true(checked > 20);
}

static int user_calls;

static int user_handler(void *opaque, struct smcsim *sim, int caller, unsigned int cpu,
			enum smcsim_conduit conduit, struct smcsim_regs *regs)
{
	user_calls++;
	regs->x[0] = 0x1234;
	return 0;
}

/* KVM_ARM_VM_SMCCC_FILTER rules (Linux arch/arm64/kvm/hypercalls.c, selftest smccc_filter.c). */
static void filters_kvm_rules(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	assert_int_equal(smcsim_filter_add(sim, "nope", 0x84000000, 1, SMCSIM_FILTER_DENY),
			 -ENOENT);
	assert_int_equal(smcsim_filter_add(sim, "el3", 0x84000000, 0, SMCSIM_FILTER_DENY), -EINVAL);
	assert_int_equal(smcsim_filter_add(sim, "el3", 0, 0, SMCSIM_FILTER_DENY), -EINVAL);
	assert_int_equal(smcsim_filter_add(sim, "el3", UINT32_MAX, UINT32_MAX, SMCSIM_FILTER_DENY),
			 -EINVAL);
	assert_int_equal(smcsim_filter_add(sim, "el3", 0x84000000, 1, (enum smcsim_filter_action)3),
			 -EINVAL);
	/* The Arm architecture ranges are reserved on first insert. */
	assert_int_equal(
		smcsim_filter_add(sim, "el3", SMCCC_ARCH_WORKAROUND_1_FID, 1, SMCSIM_FILTER_DENY),
		-EEXIST);
	assert_int_equal(smcsim_filter_add(sim, "el3", 0xC0000000, 1, SMCSIM_FILTER_DENY), -EEXIST);
	assert_int_equal(smcsim_filter_add(sim, "el3", 0x8400FF01, 1, SMCSIM_FILTER_DENY), 0);
	assert_int_equal(smcsim_filter_add(sim, "el3", 0x8400FF00, 2, SMCSIM_FILTER_DENY), -EEXIST);
	assert_int_equal(
		smcsim_filter_add(sim, "el3", 0xEF000000, 0x1000, SMCSIM_FILTER_FWD_TO_USER), 0);

	struct smcsim_regs r = t_call(sim, 0x8400FF01);
	t_assert_reg(r, 0, UINT64_MAX, "DENY returns NOT_SUPPORTED");

	/* FWD_TO_USER with no handler exits to the program with registers untouched. */
	struct smcsim_regs u = { { 0xEF000010, 5 } };
	assert_int_equal(smcsim_call(sim, 0, 0, SMCSIM_CONDUIT_DEFAULT, &u), SMCSIM_EXIT_USER);
	assert_int_equal(u.x[0], 0xEF000010);
	smcsim_set_user_handler(sim, user_handler, NULL);
	user_calls = 0;
	r = t_call(sim, 0xEF000FFF);
	t_assert_reg(r, 0, 0x1234, "FWD_TO_USER result from the program");
	assert_int_equal(user_calls, 1);
	r = t_call(sim, 0xEF001000);
	t_assert_reg(r, 0, UINT64_MAX, "one past the range");

	/* After a CPU has run, the filter is frozen. */
	assert_int_equal(smcsim_filter_add(sim, "el3", 0x86000000, 1, SMCSIM_FILTER_DENY), -EBUSY);
	smcsim_destroy(sim);
}

static void events(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	struct smcsim_error err = { { 0 } };
	assert_int_equal(smcsim_event(sim, "no_such_event", NULL, &err), -ENOENT);
	assert_non_null(strstr(err.text, "no_such_event"));
	assert_int_equal(smcsim_event(sim, "cpu_boot", "{\"cpu\": 1}", &err), -EINVAL);
	assert_non_null(strstr(err.text, "not waiting"));
	assert_int_equal(smcsim_event(sim, "cpu_boot", "{\"cpu\": 1, \"x\": 2}", &err), -EINVAL);
	assert_non_null(strstr(err.text, "/x: unknown key"));
	smcsim_destroy(sim);
}

static void record_roundtrip_text(void **state)
{
	struct smcsim *sim = t_machine("tfa-host", NULL);
	assert_int_equal(smcsim_record_start(sim), 0);
	(void)t_call(sim, SMCCC_VERSION_FID);
	uint8_t b[3] = { 0, 0xff, 0x10 };
	assert_int_equal(smcsim_mem_write(sim, 0x80010000, b, 3), 0);
	assert_int_equal(smcsim_record_steps(sim), 2);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_int_equal(smcsim_record_write(sim, f, "test"), 0);
	fclose(f);
	assert_non_null(strstr(buf, "\"note\": \"SMCCC_VERSION\""));
	assert_non_null(strstr(buf, "\"bytes\": \"00ff10\""));
	assert_non_null(strstr(buf, "\"x0\": \"0x10002\""));
	assert_null(strstr(buf, "profile_overrides"));
	free(buf);
	smcsim_destroy(sim);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(unknown_fid_all_ones),
		cmocka_unit_test(sve_hint_masked),
		cmocka_unit_test(fid_from_w0),
		cmocka_unit_test(smc32_sees_w_registers),
		cmocka_unit_test(smccc12_wide_results),
		cmocka_unit_test(smccc11_preserves_x4_up),
		cmocka_unit_test(api_errors),
		cmocka_unit_test(memory_bounds),
		cmocka_unit_test(granule_state_slots),
		cmocka_unit_test(memory_metadata_is_lazy),
		cmocka_unit_test(profile_errors_name_path),
		cmocka_unit_test(standard_call_uid),
		cmocka_unit_test(fid_decode_and_names),
		cmocka_unit_test(growable_structs_sized),
		cmocka_unit_test(strerror_covers_library_errnos),
		cmocka_unit_test(fid_tables_unique),
		cmocka_unit_test(core_rows_state_their_results),
		cmocka_unit_test(filters_kvm_rules),
		cmocka_unit_test(events),
		cmocka_unit_test(record_roundtrip_text),
	};
	return cmocka_run_group_tests_name("emu-machine", tests, NULL, NULL);
}
