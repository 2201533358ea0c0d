// SPDX-License-Identifier: MIT
/*
 * Booting the kernel world: setup_arch()'s firmware steps, then the initcall levels in
 * order with the files' own initcalls in link order, deferred probing after
 * late_initcall; shutdown runs the module exits newest first and takes the driver model
 * down. Also the SMCCC call primitives (the arm64 assembly of arch/arm64/kernel/smccc-call.S
 * becomes a call into the kboot host).
 */
#include <linux/kernel.h>
#include "kc-internal.h"
#include <linux/init.h>
#include <linux/device.h>
#include <linux/arm-smccc.h>
#include <linux/slab.h>
#include <kc/host.h>
#include <linux/workqueue.h>
#include <linux/jump_label.h>

/* ---- SMCCC --------------------------------------------------------------------------- */

/* Defined by the tree's drivers/firmware/smccc/smccc.c; weak so a file set without it
 * still links (then no conduit is ever recorded). */
extern enum arm_smccc_conduit arm_smccc_1_1_get_conduit(void) __attribute__((weak));

static void trap(int conduit, unsigned long regs[KC_NREGS])
{
	kc_host_call(conduit, regs);
}

static int conduit_of(enum arm_smccc_conduit c)
{
	return c == SMCCC_CONDUIT_HVC ? KC_CONDUIT_HVC : KC_CONDUIT_SMC;
}

static void call_1_0(int conduit, unsigned long a0, unsigned long a1, unsigned long a2,
		     unsigned long a3, unsigned long a4, unsigned long a5, unsigned long a6,
		     unsigned long a7, struct arm_smccc_res *res, struct arm_smccc_quirk *quirk)
{
	unsigned long r[KC_NREGS] = { a0, a1, a2, a3, a4, a5, a6, a7 };
	trap(conduit, r);
	if (res) {
		res->a0 = r[0];
		res->a1 = r[1];
		res->a2 = r[2];
		res->a3 = r[3];
	}
	if (quirk && quirk->id == ARM_SMCCC_QUIRK_QCOM_A6)
		quirk->state.a6 = r[6];
}

void __arm_smccc_smc(unsigned long a0, unsigned long a1, unsigned long a2, unsigned long a3,
		     unsigned long a4, unsigned long a5, unsigned long a6, unsigned long a7,
		     struct arm_smccc_res *res, struct arm_smccc_quirk *quirk)
{
	call_1_0(KC_CONDUIT_SMC, a0, a1, a2, a3, a4, a5, a6, a7, res, quirk);
}

void __arm_smccc_hvc(unsigned long a0, unsigned long a1, unsigned long a2, unsigned long a3,
		     unsigned long a4, unsigned long a5, unsigned long a6, unsigned long a7,
		     struct arm_smccc_res *res, struct arm_smccc_quirk *quirk)
{
	call_1_0(KC_CONDUIT_HVC, a0, a1, a2, a3, a4, a5, a6, a7, res, quirk);
}

int kc_smccc_1_1(int invoke, enum arm_smccc_conduit conduit, unsigned long a0, unsigned long a1,
		 unsigned long a2, unsigned long a3, unsigned long a4, unsigned long a5,
		 unsigned long a6, unsigned long a7, struct arm_smccc_res *res)
{
	if (invoke) {
		conduit = arm_smccc_1_1_get_conduit ? arm_smccc_1_1_get_conduit()
						    : SMCCC_CONDUIT_NONE;
		if (conduit == SMCCC_CONDUIT_NONE) {
			/* The kernel's __fail_smccc_1_1(): no trap, NOT_SUPPORTED in a0. */
			if (res)
				res->a0 = (unsigned long)SMCCC_RET_NOT_SUPPORTED;
			return SMCCC_CONDUIT_NONE;
		}
	}
	/* SMCCC 1.1 wrappers pass the function ID as a 32-bit value (DEN0028 2.5: w0). */
	unsigned long r[KC_NREGS] = { (u32)a0, a1, a2, a3, a4, a5, a6, a7 };
	trap(conduit_of(conduit), r);
	if (res) {
		res->a0 = r[0];
		res->a1 = r[1];
		res->a2 = r[2];
		res->a3 = r[3];
	}
	return conduit;
}

static void call_1_2(int conduit, const struct arm_smccc_1_2_regs *args,
		     struct arm_smccc_1_2_regs *res)
{
	unsigned long r[KC_NREGS];
	memcpy(r, args, sizeof(r));
	trap(conduit, r);
	memcpy(res, r, sizeof(r));
}

void arm_smccc_1_2_smc(const struct arm_smccc_1_2_regs *args, struct arm_smccc_1_2_regs *res)
{
	call_1_2(KC_CONDUIT_SMC, args, res);
}

void arm_smccc_1_2_hvc(const struct arm_smccc_1_2_regs *args, struct arm_smccc_1_2_regs *res)
{
	call_1_2(KC_CONDUIT_HVC, args, res);
}

void arm_smccc_1_2_invoke(const struct arm_smccc_1_2_regs *args, struct arm_smccc_1_2_regs *res)
{
	enum arm_smccc_conduit c =
		arm_smccc_1_1_get_conduit ? arm_smccc_1_1_get_conduit() : SMCCC_CONDUIT_NONE;
	if (c == SMCCC_CONDUIT_NONE) {
		res->a0 = (unsigned long)SMCCC_RET_NOT_SUPPORTED;
		return;
	}
	call_1_2(conduit_of(c), args, res);
}

/* ---- arch hooks a tree may or may not have ------------------------------------------------ */

extern int psci_dt_init(void) __attribute__((weak));
extern void arm64_rsi_init(void) __attribute__((weak));
extern void pkvm_init_hyp_services(void) __attribute__((weak));
extern u32 arm_smccc_get_version(void) __attribute__((weak));
extern void kvm_arm_target_impl_cpu_init(void) __attribute__((weak));
/* arch/arm64/kernel/rsi.c's state, when the tree has it. */
extern unsigned long prot_ns_shared __attribute__((weak));
extern struct static_key_false rsi_present __attribute__((weak));

void kc_arch_init_hyp_services(void)
{
	if (pkvm_init_hyp_services)
		pkvm_init_hyp_services();
}

/* ---- initcalls ------------------------------------------------------------------------ */

#define KC_LEVELS(X)                                                                               \
	X(early)                                                                                   \
	X(0) X(1) X(1s) X(2) X(2s) X(3) X(3s) X(4) X(4s) X(5) X(5s) X(rootfs) X(6) X(6s) X(7) X(7s)
#define KC_DECLARE(l)                                                                              \
	extern const struct kc_initcall __start_kc_initcall##l[] __attribute__((weak));            \
	extern const struct kc_initcall __stop_kc_initcall##l[] __attribute__((weak));
KC_LEVELS(KC_DECLARE)
extern const struct kc_exitcall __start_kc_exitcall[] __attribute__((weak));
extern const struct kc_exitcall __stop_kc_exitcall[] __attribute__((weak));

#define KC_MAX_FAILED 32
static const char *failed_files[KC_MAX_FAILED];
static unsigned int nfailed;

static bool file_failed(const char *file)
{
	for (unsigned int i = 0; i < nfailed; i++)
		if (!strcmp(failed_files[i], file))
			return true;
	return false;
}

struct kc_level {
	const char *name;
	const struct kc_initcall *start, *stop;
};
#define KC_ROW(l) { #l, __start_kc_initcall##l, __stop_kc_initcall##l },
static const struct kc_level levels[] = { KC_LEVELS(KC_ROW) };

extern const struct bus_type platform_bus_type;

static void run_initcall(const struct kc_initcall *ic)
{
	int ret = ic->fn();
	/* Work queued by the initcall runs before the next one (src/workqueue.c). */
	kc_workqueue_run_pending();
	/* init/main.c do_one_initcall(): a failing initcall is only reported with
	 * initcall_debug; the boot goes on. */
	if (ret && kc_debug_enabled)
		pr_debug("initcall %s returned %d\n", ic->name, ret);
	if (ret && nfailed < KC_MAX_FAILED && !file_failed(ic->file))
		failed_files[nfailed++] = ic->file;
}

int kc_kernel_boot(const struct kc_boot_params *p)
{
	kc_debug_enabled = p->debug;
	kc_of_build(p->dt, p->ndt);
	bus_register(&platform_bus_type);

	/* arm64's setup_arch() (arch/arm64/kernel/setup.c): psci_dt_init(), which records the
	 * SMCCC conduit, then the Realm check (arch/arm64/kernel/rsi.c, 6.13+), which needs
	 * that conduit. Then smp_prepare_boot_cpu()'s setup_boot_cpu_capabilities(): KVM's
	 * target implementation CPUs (drivers/firmware/smccc/kvm_guest.c, 6.15+). All before
	 * the first initcall (do_pre_smp_initcalls() runs the early ones). */
	if (psci_dt_init)
		psci_dt_init();
	if (arm64_rsi_init)
		arm64_rsi_init();
	if (kvm_arm_target_impl_cpu_init)
		kvm_arm_target_impl_cpu_init();

	for (size_t i = 0; i < ARRAY_SIZE(levels); i++) {
		for (const struct kc_initcall *ic = levels[i].start; ic && ic < levels[i].stop;
		     ic++)
			run_initcall(ic);
		if (!strcmp(levels[i].name, "7"))
			kc_deferred_probe_run();
	}
	kc_slab_check();
	kc_printk_flush();
	return 0;
}

void kc_kernel_shutdown(void)
{
	kc_workqueue_run_pending();
	if (__start_kc_exitcall)
		for (const struct kc_exitcall *ec = __stop_kc_exitcall; ec > __start_kc_exitcall;) {
			ec--;
			if (!file_failed(ec->file))
				ec->fn();
		}
	nfailed = 0;
	kc_driver_core_shutdown();
	kc_power_hooks_reset();
	kc_slab_check();
	kc_arm64_reset();
	kc_tsm_reset();
	kc_printk_flush();
}

int kc_kernel_report(void (*emit)(void *opaque, const char *line), void *opaque)
{
	int n = 0;
	for (struct device *dev = kc_next_device(NULL); dev; dev = kc_next_device(dev)) {
		char line[512];
		int len = kc_snprintf(line, sizeof(line), "%s/%s", dev->bus ? dev->bus->name : "",
				      dev_name(dev));
		if (dev->bus && dev->bus->uevent) {
			struct kobj_uevent_env *env = kzalloc(sizeof(*env), GFP_KERNEL);
			if (env && !dev->bus->uevent(dev, env)) {
				for (int off = 0; off < env->buflen;
				     off += (int)strlen(env->buf + off) + 1)
					if (!strncmp(env->buf + off, "MODALIAS=", 9))
						len += kc_snprintf(
							line + len, sizeof(line) - (size_t)len,
							" modalias %s", env->buf + off + 9);
			}
			kfree(env);
		}
		if (dev->driver)
			kc_snprintf(line + len, sizeof(line) - (size_t)len, " bound %s",
				    dev->driver->name);
		emit(opaque, line);
		n++;
	}
	return n;
}

unsigned int kc_kernel_smccc_version(void)
{
	return arm_smccc_get_version ? arm_smccc_get_version() : 0;
}

int kc_kernel_smccc_conduit(void)
{
	return arm_smccc_1_1_get_conduit ? (int)arm_smccc_1_1_get_conduit() : 0;
}

int kc_kernel_realm(unsigned long *ns_shared)
{
	if (!&rsi_present)
		return -1;
	*ns_shared = &prot_ns_shared ? prot_ns_shared : 0;
	return static_key_enabled(&rsi_present);
}

unsigned long kc_kernel_reset(void)
{
	return kc_slab_release_all();
}

extern char __start_kc_kdata[] __attribute__((weak));
extern char __stop_kc_kdata[] __attribute__((weak));
extern char __start_kc_kbss[] __attribute__((weak));
extern char __stop_kc_kbss[] __attribute__((weak));

void kc_kernel_sections(void **data, unsigned long *data_len, void **bss, unsigned long *bss_len)
{
	*data = __start_kc_kdata;
	*data_len = __start_kc_kdata ? (unsigned long)(__stop_kc_kdata - __start_kc_kdata) : 0;
	*bss = __start_kc_kbss;
	*bss_len = __start_kc_kbss ? (unsigned long)(__stop_kc_kbss - __start_kc_kbss) : 0;
}
