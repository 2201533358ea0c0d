/* SPDX-License-Identifier: MIT */
/*
 * libsmcsim-shim: calls route to the right machine and caller, SMCCC 1.0/1.1/1.2 register
 * rules, minted FF-A function pointers (closures and the trampoline pool), the log, and
 * pages over simulated DRAM.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include "linux/arm-smccc-bus.h"
#include "linux/arm-smccc.h"
#include "linux/arm_ffa.h"
#include "linux/device.h"
#include "linux/err.h"
#include "linux/gfp.h"
#include "linux/init.h"
#include "linux/io.h"
#include "linux/mm.h"
#include "linux/platform_device.h"
#include "linux/printk.h"
#include "linux/slab.h"
#include "smcsim/shim.h"

/* Every shim kernel header is included above, and this file does not include <errno.h>. */
#ifdef errno
#error "a shim kernel header brought in glibc's errno macro"
#endif

static struct smcsim_kernel *kernel_on(const char *profile, struct smcsim **sim,
				       const struct smcsim_kernel_opts *o)
{
	struct smcsim_error err;
	assert_int_equal(smcsim_create_named(profile, sim, &err), 0);
	struct smcsim_kernel *k;
	assert_int_equal(smcsim_kernel_create(*sim, o, &k), 0);
	smcsim_kernel_enter(k);
	return k;
}

static void done(struct smcsim_kernel *k, struct smcsim *sim)
{
	smcsim_kernel_enter(NULL);
	smcsim_kernel_destroy(k);
	smcsim_destroy(sim);
}

/* DEN0028 7.2: SMCCC_VERSION through arm_smccc_smc reaches the profile's EL3. */
static void smc_reaches_machine(void **state)
{
	struct smcsim *sim;
	struct smcsim_kernel *k = kernel_on("tfa-host", &sim, NULL);
	struct arm_smccc_res res;
	arm_smccc_smc(ARM_SMCCC_VERSION_FUNC_ID, 0, 0, 0, 0, 0, 0, 0, &res);
	assert_int_equal(res.a0, 0x10002);
	assert_int_equal(smcsim_kernel_calls(k), 1);
	done(k, sim);
}

/* include/linux/arm-smccc.h arm_smccc_1_1_invoke: with no recorded conduit it answers -1
 * untrapped. */
static void invoke_without_conduit_does_not_trap(void **state)
{
	struct smcsim *sim;
	struct smcsim_kernel *k = kernel_on("tfa-host", &sim, NULL);
	struct arm_smccc_res res = { 0 };
	assert_int_equal(arm_smccc_1_1_get_conduit(), SMCCC_CONDUIT_NONE);
	int c = arm_smccc_1_1_invoke(ARM_SMCCC_VERSION_FUNC_ID, &res);
	assert_int_equal(c, SMCCC_CONDUIT_NONE);
	assert_int_equal((long)res.a0, SMCCC_RET_NOT_SUPPORTED);
	assert_int_equal(smcsim_kernel_calls(k), 0);
	/* Version 1.0 recorded: still NONE (1.1 calls need SMCCC >= 1.1). */
	arm_smccc_version_init(ARM_SMCCC_VERSION_1_0, SMCCC_CONDUIT_SMC);
	assert_int_equal(arm_smccc_1_1_get_conduit(), SMCCC_CONDUIT_NONE);
	arm_smccc_version_init(ARM_SMCCC_VERSION_1_1, SMCCC_CONDUIT_SMC);
	c = arm_smccc_1_1_invoke(ARM_SMCCC_ARCH_FEATURES_FUNC_ID, ARM_SMCCC_VERSION_FUNC_ID, &res);
	assert_int_equal(c, SMCCC_CONDUIT_SMC);
	assert_int_equal(smcsim_kernel_calls(k), 1);
	done(k, sim);
}

/* The 1.1 wrappers pass a 32-bit function ID (include/linux/arm-smccc.h casts a0 to u32). */
static void invoke_truncates_fid(void **state)
{
	struct smcsim *sim;
	struct smcsim_kernel *k = kernel_on("tfa-host", &sim, NULL);
	arm_smccc_version_init(ARM_SMCCC_VERSION_1_1, SMCCC_CONDUIT_SMC);
	struct arm_smccc_res res;
	arm_smccc_1_1_invoke(0xFFFFFFFF00000000UL | ARM_SMCCC_VERSION_FUNC_ID, &res);
	assert_int_equal(res.a0, 0x10002);
	done(k, sim);
}

/* An HVC from a caller with no hypervisor is not a crash: NOT_SUPPORTED and a debug line. */
static void unusable_conduit_reports_not_supported(void **state)
{
	struct smcsim *sim;
	struct smcsim_kernel *k = kernel_on("tfa-host", &sim, NULL);
	struct arm_smccc_res res;
	arm_smccc_hvc(ARM_SMCCC_VERSION_FUNC_ID, 0, 0, 0, 0, 0, 0, 0, &res);
	assert_int_equal((long)res.a0, -1);
	assert_true(smcsim_kernel_log_has(k, "did not reach firmware"));
	done(k, sim);
}

static void one_2_call(void **state)
{
	struct smcsim *sim;
	struct smcsim_kernel *k = kernel_on("tfa-host", &sim, NULL);
	struct arm_smccc_1_2_regs a = { .a0 = ARM_SMCCC_ARCH_SOC_ID64, .a1 = 2 }, r;
	arm_smccc_1_2_smc(&a, &r);
	assert_int_equal(r.a0, 0);
	char name[137] = { 0 };
	memcpy(name, &r.a1, 136);
	assert_string_equal(name, "smcsim virtual SoC");
	done(k, sim);
}

static void call_through(void *fn, unsigned long fid, ffa_value_t *res)
{
	ffa_fn *f = (ffa_fn *)fn;
	ffa_value_t args = { .a0 = fid };
	f(args, res);
}

/* Two machines in one process: each minted pointer reaches its own machine. */
static void minted_fns_bind_their_machine(void **state, bool pool)
{
	struct smcsim *s1, *s2;
	struct smcsim_kernel_opts o = { .no_closures = pool };
	struct smcsim_kernel *k1 = kernel_on("tfa-host", &s1, &o);
	struct smcsim_kernel *k2 = kernel_on("kvm-guest", &s2, &o);
	int kind1 = 0, kind2 = 0, err;
	void *f1 = smcsim_kernel_mint_ffa_fn(k1, SMCSIM_CONDUIT_SMC, &kind1, &err);
	void *f2 = smcsim_kernel_mint_ffa_fn(k2, SMCSIM_CONDUIT_HVC, &kind2, &err);
	assert_non_null(f1);
	assert_non_null(f2);
	assert_ptr_not_equal(f1, f2);
	if (pool || !smcsim_shim_has_closures())
		assert_int_equal(kind1, SMCSIM_MINT_POOL);
	else
		assert_int_equal(kind1, SMCSIM_MINT_CLOSURE);
	smcsim_kernel_enter(NULL); /* the pointers need no current kernel */
	ffa_value_t r;
	call_through(f1, ARM_SMCCC_VERSION_FUNC_ID, &r);
	assert_int_equal(r.a0, 0x10002);
	call_through(f2, ARM_SMCCC_VERSION_FUNC_ID, &r);
	assert_int_equal(r.a0, 0x10001);
	assert_int_equal(smcsim_kernel_calls(k1), 1);
	assert_int_equal(smcsim_kernel_calls(k2), 1);
	/* The whole 144-byte window travels: x1..x17 reach the model and come back. */
	ffa_value_t big = { .a0 = ARM_SMCCC_ARCH_SOC_ID64, .a1 = 2, .a17 = 0x1717 };
	((ffa_fn *)f1)(big, &r);
	assert_int_equal(r.a0, 0);
	assert_memory_equal(&r.a1, "smcsim v", 8);
	done(k2, s2);
	done(k1, s1);
}

static void minted_closures(void **state)
{
	minted_fns_bind_their_machine(state, false);
}

static void minted_pool(void **state)
{
	minted_fns_bind_their_machine(state, true);
}

/* The pool's documented limit: SMCSIM_SHIM_POOL_SLOTS live pointers, then -ENOMEM; slots
 * come back when their kernel is destroyed. */
static void pool_limit(void **state)
{
	struct smcsim *sim;
	struct smcsim_kernel_opts o = { .no_closures = true };
	struct smcsim_kernel *k = kernel_on("tfa-host", &sim, &o);
	int err = 0, kind;
	for (int i = 0; i < SMCSIM_SHIM_POOL_SLOTS; i++)
		assert_non_null(smcsim_kernel_mint_ffa_fn(k, SMCSIM_CONDUIT_SMC, &kind, &err));
	assert_null(smcsim_kernel_mint_ffa_fn(k, SMCSIM_CONDUIT_SMC, &kind, &err));
	assert_int_equal(err, -ENOMEM);
	done(k, sim);
	k = kernel_on("tfa-host", &sim, &o);
	assert_non_null(smcsim_kernel_mint_ffa_fn(k, SMCSIM_CONDUIT_SMC, &kind, &err));
	done(k, sim);
}

/* DEN0077 / Linux FF-A transport: needs SMCCC >= 1.2 and a conduit. */
static void ffa_transport_needs_1_2(void **state)
{
	struct smcsim *sim;
	struct smcsim_kernel *k = kernel_on("tfa-host", &sim, NULL);
	ffa_fn *fn = NULL;
	assert_int_equal(ffa_transport_init(&fn), -EOPNOTSUPP);
	arm_smccc_version_init(ARM_SMCCC_VERSION_1_1, SMCCC_CONDUIT_SMC);
	assert_int_equal(ffa_transport_init(&fn), -EOPNOTSUPP);
	arm_smccc_version_init(ARM_SMCCC_VERSION_1_2, SMCCC_CONDUIT_SMC);
	assert_int_equal(ffa_transport_init(&fn), 0);
	ffa_value_t r;
	fn((ffa_value_t){ .a0 = ARM_SMCCC_VERSION_FUNC_ID }, &r);
	assert_int_equal(r.a0, 0x10002);
	done(k, sim);
}

#undef pr_fmt
#define pr_fmt(fmt) "test: " fmt
static void log_captures_printk(void **state)
{
	struct smcsim *sim;
	struct smcsim_kernel *k = kernel_on("tfa-host", &sim, NULL);
	pr_info("hello %d", 42);
	pr_err("bad %s", "thing");
	int line = __LINE__ + 1;
	WARN(1, "warned");
	char want[200];
	snprintf(want, sizeof(want),
		 "info: test: hello 42\nerr: test: bad thing\n"
		 "warn: WARNING: at test_shim.c:%d: warned\n",
		 line);
	assert_string_equal(smcsim_kernel_log(k), want);
	assert_int_equal(smcsim_kernel_warnings(k), 1);
	smcsim_kernel_log_clear(k);
	assert_string_equal(smcsim_kernel_log(k), "");
	done(k, sim);
}

/*
 * Linux names parameters errno (drivers/firmware/arm_ffa/driver.c ffa_to_linux_errno(),
 * drivers/firmware/psci/psci.c psci_to_linux_errno()). With glibc's errno macro in scope
 * this would declare a parameter named (*__errno_location()) and not compile.
 */
static int ffa_status_to_linux_errno(int errno)
{
	switch (errno) {
	case FFA_RET_SUCCESS:
		return 0;
	case FFA_RET_NOT_SUPPORTED:
		return -EOPNOTSUPP;
	case FFA_RET_NO_MEMORY:
		return -ENOMEM;
	case FFA_RET_BUSY:
		return -EBUSY;
	case FFA_RET_NOT_READY:
		return -EPROBE_DEFER;
	}
	return -EINVAL;
}

/* The shim's headers give the E* values without the errno macro: the uapi values libc
 * uses, and the kernel-internal ones (include/linux/errno.h) userspace lacks. */
static void errno_parameter_compiles(void **state)
{
	assert_int_equal(ffa_status_to_linux_errno(FFA_RET_SUCCESS), 0);
	assert_int_equal(ffa_status_to_linux_errno(FFA_RET_NOT_SUPPORTED), -95);
	assert_int_equal(ffa_status_to_linux_errno(FFA_RET_NO_MEMORY), -12);
	assert_int_equal(ffa_status_to_linux_errno(FFA_RET_BUSY), -16);
	assert_int_equal(ffa_status_to_linux_errno(FFA_RET_NOT_READY), -517);
	assert_int_equal(ffa_status_to_linux_errno(-42), -22);
	assert_int_equal(EPROBE_DEFER, 517);
	assert_int_equal(ENOTSUPP, 524);
	assert_int_equal(ERESTARTSYS, 512);
	assert_int_equal(ECANCELED, 125);
	assert_int_equal(ENODATA, 61);
	/* Without -DKBUILD_MODNAME the registration macros still have a module name. */
	assert_string_equal(KBUILD_MODNAME, "smcsim_shim");
	assert_null(THIS_MODULE);
}

/* Pages come from simulated DRAM: what the kernel writes, the machine reads. */
static void pages_are_simulated_dram(void **state)
{
	struct smcsim *sim;
	struct smcsim_kernel *k = kernel_on("tfa-host", &sim, NULL);
	uint8_t *p = alloc_pages_exact(2 * PAGE_SIZE, GFP_KERNEL);
	assert_non_null(p);
	phys_addr_t pa = virt_to_phys(p);
	assert_true(pa >= 0x80000000 && pa + 2 * PAGE_SIZE <= 0x90000000);
	assert_int_equal(pa & (PAGE_SIZE - 1), 0);
	assert_ptr_equal(phys_to_virt(pa + 5), p + 5);
	memcpy(p + PAGE_SIZE, "realm", 5);
	char buf[6] = { 0 };
	assert_int_equal(smcsim_mem_read(sim, pa + PAGE_SIZE, buf, 5), 0);
	assert_string_equal(buf, "realm");
	assert_int_equal(smcsim_kernel_pages_in_use(k), 2);
	uint8_t *q = alloc_pages_exact(100, GFP_KERNEL);
	assert_int_equal(virt_to_phys(q), pa + 2 * PAGE_SIZE);
	free_pages_exact(p, 2 * PAGE_SIZE);
	free_pages_exact(q, 100);
	assert_int_equal(smcsim_kernel_pages_in_use(k), 0);
	/* Heap memory has no PA: a warning, not a crash. */
	int x;
	assert_int_equal(virt_to_phys(&x), PHYS_ADDR_INVALID);
	assert_int_equal(smcsim_kernel_warnings(k), 1);
	assert_null(phys_to_virt(0x1000));
	done(k, sim);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(smc_reaches_machine),
		cmocka_unit_test(invoke_without_conduit_does_not_trap),
		cmocka_unit_test(invoke_truncates_fid),
		cmocka_unit_test(unusable_conduit_reports_not_supported),
		cmocka_unit_test(one_2_call),
		cmocka_unit_test(minted_closures),
		cmocka_unit_test(minted_pool),
		cmocka_unit_test(pool_limit),
		cmocka_unit_test(ffa_transport_needs_1_2),
		cmocka_unit_test(log_captures_printk),
		cmocka_unit_test(pages_are_simulated_dram),
		cmocka_unit_test(errno_parameter_compiles),
	};
	return cmocka_run_group_tests_name("shim", tests, NULL, NULL);
}
