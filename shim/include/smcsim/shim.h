/* SPDX-License-Identifier: MIT */
/*
 * libsmcsim-shim: run kernel-side SMCCC discovery and driver code in userspace against a
 * simulated machine.
 *
 * A struct smcsim_kernel is one simulated Linux kernel: it issues its SMC/HVC calls on one
 * smcsim machine, from one caller and CPU, and owns everything the kernel would keep in
 * globals (recorded SMCCC version and conduit, log buffer, registered buses, devices and
 * drivers, initcalls, the page allocator's carve-out). Kernel-named functions
 * (arm_smccc_smc(), pr_info(), device_register()...) act on the *current* kernel of the
 * calling thread, set with smcsim_kernel_enter(); function pointers handed to driver code
 * (the FF-A transport's invoke function) are minted per kernel, so several kernels and
 * machines can live in one process without globals.
 */
#ifndef SMCSIM_SHIM_H
#define SMCSIM_SHIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "smcsim/smcsim.h"

#ifdef __cplusplus
extern "C" {
#endif

struct smcsim_kernel;

/*
 * Older kernels' discovery, where it differs from the newest (the default). Each bit is one
 * behaviour; SMCSIM_LINUX_6_12 is every behaviour of Linux 6.12 (`smcsim-discover --linux
 * 6.12`). smcsim_discover_register() reads SMCSIM_LINUX_FFA_ROOTFS and
 * SMCSIM_LINUX_PLATFORM_DEVICES as SMCSIM_DISCOVER_FFA_LEGACY and SMCSIM_DISCOVER_MAINLINE.
 */
enum {
	/* <= 6.14 kvm_init_hyp_services: KVM detection only over HVC, the UID compared
	 * register by register at full width (no arm_smccc_hypervisor_has_uuid). */
	SMCSIM_LINUX_KVM_UID_HVC_ONLY = 1 << 0,
	/* before the SOC_ID name fix: name via the SMC32 SOC_ID (0x80000002, x1 = 2) */
	SMCSIM_LINUX_SOC_ID_NAME_SMC32 = 1 << 1,
	/* before SMCCC 1.6 SOC_ID name support: no name call at all */
	SMCSIM_LINUX_NO_SOC_ID_NAME = 1 << 2,
	/* before arm64 Realm guest support: no arm64_rsi_init, no "arm-cca-dev" */
	SMCSIM_LINUX_NO_RSI = 1 << 3,
	/* before KVM's DISCOVER_IMPL errata tables (kvm_arm_target_impl_cpu_init, 6.15) */
	SMCSIM_LINUX_NO_TARGET_IMPL = 1 << 4,
	/* the 6.12 FF-A driver: asks FFA_VERSION for v1.1, compares its NOT_SUPPORTED at full
	 * width, copies PARTITION_INFO_GET_REGS replies with one memcpy at buffer + prev_idx *
	 * size (the write past its buffer is reported, see smcsim_discover_findings()) and
	 * unmaps with x1 = 0 */
	SMCSIM_LINUX_FFA_6_12 = 1 << 5,
	/* FF-A core init at rootfs_initcall, no pKVM deferral (SMCSIM_DISCOVER_FFA_LEGACY) */
	SMCSIM_LINUX_FFA_ROOTFS = 1 << 6,
	/* no SMCCC bus: platform devices "smccc_trng" (and "arm-cca-dev" where there is RSI)
	 * (SMCSIM_DISCOVER_MAINLINE) */
	SMCSIM_LINUX_PLATFORM_DEVICES = 1 << 7,
	/* Linux 6.12 exactly */
	SMCSIM_LINUX_6_12 = SMCSIM_LINUX_KVM_UID_HVC_ONLY | SMCSIM_LINUX_NO_SOC_ID_NAME |
			    SMCSIM_LINUX_NO_RSI | SMCSIM_LINUX_NO_TARGET_IMPL |
			    SMCSIM_LINUX_FFA_6_12 | SMCSIM_LINUX_FFA_ROOTFS |
			    SMCSIM_LINUX_PLATFORM_DEVICES,
};

struct smcsim_kernel_opts {
	const char *caller; /* caller name; NULL = the machine's default caller */
	unsigned int cpu;   /* CPU that issues calls */
	/* The firmware node as device tree or ACPI would describe it. */
	enum smcsim_conduit psci_method; /* DEFAULT = the caller's first conduit */
	int psci_compat; /* 10 for "arm,psci-1.0" (default), 2 for "arm,psci-0.2", 1 for "arm,psci"
			  */
	bool no_psci;	 /* no PSCI node at all */
	/* Page allocator carve-out: [alloc_base, alloc_base + alloc_size) of simulated memory.
	 * Zero = the top quarter of the first memory region. */
	uint64_t alloc_base, alloc_size;
	/* Kernel configuration the discovery models read. */
	bool pkvm;	  /* is_protected_kvm_enabled() (kvm-arm.mode=protected) */
	bool has_rme;	  /* ID_AA64PFR0_EL1.RME != 0 (host RMI 2.0 init) */
	bool lpa2;	  /* host uses LPA2 (RMI 2.0 feature check) */
	int rmi_abi;	  /* host RMI init flavour: 0 = none, 10 = RMM 1.0 (KVM), 20 = RMM 2.0 */
	bool no_closures; /* mint function pointers from the fixed trampoline pool */
	unsigned int linux_era; /* SMCSIM_LINUX_*: behaviour of older kernels where it differs */
	/* How finalize_pkvm (device_initcall_sync, with .pkvm) hands the machine to the
	 * hypervisor. NULL delivers the "pkvm_finalize" model event; a test may supply its
	 * own (return 0 for success). */
	int (*pkvm_finalize)(void *opaque, struct smcsim_kernel *k);
	void *pkvm_finalize_opaque;
};

/* Create a kernel on @sim. Returns 0, -EINVAL (bad caller/CPU), -ENOMEM, -ENOSPC (no
 * memory region for the page allocator). @sim must outlive the kernel. */
int smcsim_kernel_create(struct smcsim *sim, const struct smcsim_kernel_opts *opts,
			 struct smcsim_kernel **out);
void smcsim_kernel_destroy(struct smcsim_kernel *k);
/* Shut the kernel down without freeing it: module exits, devices unbound and
 * unregistered newest first, drivers unregistered (their teardown calls still reach the
 * firmware, e.g. FFA_RXTX_UNMAP). Idempotent; smcsim_kernel_destroy() does it too. */
void smcsim_kernel_shutdown(struct smcsim_kernel *k);
struct smcsim *smcsim_kernel_machine(const struct smcsim_kernel *k);
const struct smcsim_kernel_opts *smcsim_kernel_options(const struct smcsim_kernel *k);

/* Make @k the calling thread's current kernel; returns the previous one (may be NULL). */
struct smcsim_kernel *smcsim_kernel_enter(struct smcsim_kernel *k);
/* The calling thread's current kernel, or NULL. */
struct smcsim_kernel *smcsim_kernel_current(void);

/* ---- log ----------------------------------------------------------------------------- */
/* Everything printed so far, one "<level>: <text>\n" line per message (level is emerg,
 * alert, crit, err, warn, notice, info, debug). Never NULL. */
const char *smcsim_kernel_log(const struct smcsim_kernel *k);
void smcsim_kernel_log_clear(struct smcsim_kernel *k);
/* True if some log line contains @needle. */
bool smcsim_kernel_log_has(const struct smcsim_kernel *k, const char *needle);
unsigned int smcsim_kernel_warnings(const struct smcsim_kernel *k);
bool smcsim_kernel_panicked(const struct smcsim_kernel *k);

/* ---- firmware interposers ------------------------------------------------------------ */
/*
 * Every call the kernel makes passes through a stack of interposers before reaching the
 * machine (fixture firmware, fault injection). An interposer sees the call's registers and
 * either answers itself or passes it on with smcsim_kernel_fw_next(k, depth + 1, ...).
 * Returns like smcsim_call(): an exit code >= 0 or a negative errno.
 */
typedef int (*smcsim_fw_fn)(void *opaque, struct smcsim_kernel *k, int depth,
			    enum smcsim_conduit conduit, struct smcsim_regs *regs);
/* Push on top (the last pushed sees calls first). Returns 0 or -ENOSPC (8 at most). */
int smcsim_kernel_push_firmware(struct smcsim_kernel *k, smcsim_fw_fn fn, void *opaque);
void smcsim_kernel_pop_firmware(struct smcsim_kernel *k);
int smcsim_kernel_fw_next(struct smcsim_kernel *k, int depth, enum smcsim_conduit conduit,
			  struct smcsim_regs *regs);
/* Number of SMC/HVC calls the kernel has issued (including answered by interposers). */
unsigned long smcsim_kernel_calls(const struct smcsim_kernel *k);

/* ---- memory -------------------------------------------------------------------------- */
/* Pages currently allocated from the carve-out (a leak check for tests). */
size_t smcsim_kernel_pages_in_use(const struct smcsim_kernel *k);

/* ---- initcalls ----------------------------------------------------------------------- */
/* Register @fn at @level (enum smcsim_initcall_level, linux/init.h); same-level calls run
 * in registration order. Returns 0, -EINVAL, -ENOMEM. */
int smcsim_kernel_add_initcall(struct smcsim_kernel *k, int level, const char *name,
			       int (*fn)(void));
/* Run every registered initcall level by level with @k current. The deferred-probe
 * machinery is enabled at late_initcall, as in the kernel. Returns 0, or -EFAULT if the
 * kernel panicked (the rest of boot is skipped). */
int smcsim_kernel_boot(struct smcsim_kernel *k);

/* ---- driver model introspection ------------------------------------------------------ */
struct device;
struct device_driver;
/* Iterate devices in registration order: pass NULL to start; NULL at the end. */
struct device *smcsim_kernel_next_device(const struct smcsim_kernel *k, const struct device *prev);
/* Find a device by bus name and device name. */
struct device *smcsim_kernel_find_device(const struct smcsim_kernel *k, const char *bus,
					 const char *name);
/* Number of devices ever bound more than once without an unbind (must stay 0). */
unsigned int smcsim_kernel_double_binds(const struct smcsim_kernel *k);

/* ---- function pointers bound to a kernel --------------------------------------------- */
/* How smcsim_kernel_mint_ffa_fn() got its function: a libffi closure, or a slot of the
 * fixed trampoline pool (SMCSIM_SHIM_POOL_SLOTS slots per process, used when libffi is
 * disabled, closures cannot be allocated, or opts.no_closures is set). */
enum smcsim_mint_kind { SMCSIM_MINT_CLOSURE = 1, SMCSIM_MINT_POOL = 2 };
#define SMCSIM_SHIM_POOL_SLOTS 16
/* A plain `void (*)(ffa_value_t, ffa_value_t *)` bound to @k (returned as void * so this
 * header does not need linux/arm_ffa.h): calls issue through @conduit (SMC or HVC) as an
 * SMCCC 1.2 call from @k, whichever kernel is current. Freed with the kernel. NULL with
 * -ENOMEM in *@err when neither closures nor pool slots are available. */
void *smcsim_kernel_mint_ffa_fn(struct smcsim_kernel *k, enum smcsim_conduit conduit, int *kind,
				int *err);
/* Whether this build has libffi closures. */
bool smcsim_shim_has_closures(void);

/* ---- fixtures as firmware ----------------------------------------------------------- */
/*
 * A fixture (smcsim-trace v1, traces/) served as the firmware: each call the kernel makes
 * is matched against the fixture's "call" steps and answered with that step's "expect"
 * registers (unlisted registers read 0; a {value, mask} answers value). A call matches a
 * step when all of x0..x17 equal the step's, compared under a register's {value, mask}
 * where it has one; unnamed registers compare as 0, except under the step's "match":
 * "named", where they are not compared (for kernels that leave them uninitialised).
 * "write" steps after a call are that call's memory effects, applied when it is answered;
 * "write" steps before the first call are applied at load. "check" steps are verified
 * when the next call arrives: they check what the code under test put in memory before
 * that call. Events, caller and cpu are ignored; a step's "conduit", if given, must match.
 */
enum {
	SMCSIM_FW_STRICT_ORDER = 0,    /* the next call must match the next call step */
	SMCSIM_FW_ANY_ORDER = 1 << 0,  /* any unconsumed call step may match */
	SMCSIM_FW_FALLTHROUGH = 1 << 1 /* unmatched calls go on to the model (else: a failure,
					* answered NOT_SUPPORTED) */
};
struct smcsim_fixture_fw;
/* Load @path and push it on @k's interposer stack. Returns 0, -ENOENT, -EINVAL (see @err:
 * "file: /steps/3/expect/x1: ..."), -ENOSPC, -ENOMEM. */
int smcsim_fixture_fw_load(struct smcsim_kernel *k, const char *path, unsigned int flags,
			   struct smcsim_fixture_fw **out, struct smcsim_error *err);
int smcsim_fixture_fw_parse(struct smcsim_kernel *k, const char *text, size_t len, const char *name,
			    unsigned int flags, struct smcsim_fixture_fw **out,
			    struct smcsim_error *err);
/* 0 if every call step was consumed and nothing failed; otherwise -EPROTO and the first
 * problem in @msg ("step 4 (PSCI_FEATURES) was never called", "call 7: unexpected
 * SMC 0x84000050 (TRNG_VERSION), expected step 5 (SMCCC_VERSION): x0 0x84000050 !=
 * expected 0x80000000, x3 0x5 != expected 0x0 under mask 0xffffffff" naming every register
 * that differs; in any order, "closest unused step N" is the step differing least). A
 * message of up to 2 KiB is complete. */
int smcsim_fixture_fw_finish(const struct smcsim_fixture_fw *fw, char *msg, size_t len);
/* Calls answered from the fixture, and unexpected calls seen. */
unsigned int smcsim_fixture_fw_served(const struct smcsim_fixture_fw *fw);
unsigned int smcsim_fixture_fw_unexpected(const struct smcsim_fixture_fw *fw);
/* Remove from the kernel's stack and free. NULL is a no-op. */
void smcsim_fixture_fw_destroy(struct smcsim_fixture_fw *fw);
/* Remove the interposer (@fn, @opaque) wherever it is in @k's stack. */
void smcsim_kernel_remove_firmware(struct smcsim_kernel *k, smcsim_fw_fn fn, void *opaque);

/* ---- fault injection ---------------------------------------------------------------- */
/*
 * An interposer that perturbs answers on their way back to the kernel, deterministically:
 * from @data (fuzzer input: one decision byte per call, plus operand bytes; no faults once
 * it is exhausted) or, with @data NULL, from @seed with probability 1/@rate per call.
 * Perturbations: NOT_SUPPORTED as 64-bit or 32-bit all-ones, other error codes, random
 * version words, flipped feature bits, garbage in x1..x3, upper-half garbage in x0, and
 * garbage or truncation in the kernel's FF-A RX buffer.
 */
struct smcsim_faults;
int smcsim_faults_create(struct smcsim_kernel *k, const uint8_t *data, size_t len, uint64_t seed,
			 unsigned int rate, struct smcsim_faults **out);
unsigned int smcsim_faults_applied(const struct smcsim_faults *f);
void smcsim_faults_destroy(struct smcsim_faults *f);

/* ---- recording at the kernel ---------------------------------------------------------- */
/* Record every call the kernel makes and the answer it got (after interposers below the
 * recorder), plus what the firmware wrote into the kernel's allocated pages during the call
 * (as "write" steps after it), as smcsim-trace v1 steps: the result replays on the models
 * (smcsim_trace_replay) and serves as strict fixture firmware. */
struct smcsim_kernel_rec;
int smcsim_kernel_record_start(struct smcsim_kernel *k, struct smcsim_kernel_rec **out);
int smcsim_kernel_record_write(const struct smcsim_kernel_rec *r, FILE *f, const char *description);
void smcsim_kernel_record_destroy(struct smcsim_kernel_rec *r);

/* ---- reference discovery (smcsim discover) ------------------------------------------- */
enum {
	SMCSIM_DISCOVER_FFA_LEGACY = 1 << 0, /* FF-A core init at rootfs_initcall, no pKVM
					      * deferral (before the v7.2 fix) */
	SMCSIM_DISCOVER_NO_FFA = 1 << 1,     /* no FF-A driver built in */
	SMCSIM_DISCOVER_MAINLINE = 1 << 2,   /* before the SMCCC bus: platform devices
					      * "smccc_trng" and "arm-cca-dev" */
};
/*
 * Register the reference models of Linux's discovery on @k as initcalls at their kernel
 * levels: PSCI + SMCCC (+TRNG, SOC_ID, KVM) and RSI at setup_arch, Spectre at early, the
 * SMCCC and FF-A buses and RMI 2.0 at subsys, KVM/RMI 1.0 then the SMCCC devices, drivers,
 * SOC_ID and FF-A at device (module_init), finalize_pkvm at device_sync. @k's
 * opts.linux_era adds to @flags (SMCSIM_LINUX_FFA_ROOTFS: FF-A at rootfs;
 * SMCSIM_LINUX_PLATFORM_DEVICES: platform devices; SMCSIM_LINUX_NO_RSI: no RSI init).
 */
int smcsim_discover_register(struct smcsim_kernel *k, unsigned int flags);
/* Print what Linux found: conduit, versions, devices, drivers bound, modaliases, log. */
int smcsim_discover_print(const struct smcsim_kernel *k, FILE *out);
/* Lines of the log starting "smcsim: linux-" (Linux would misbehave: UB, hang, overread,
 * a write past a buffer). */
unsigned int smcsim_discover_findings(const struct smcsim_kernel *k);

struct smcsim_discover_opts {
	struct smcsim_kernel_opts kernel;
	unsigned int flags; /* SMCSIM_DISCOVER_* */
	FILE *record;	    /* if set: the fixture of every call made, written here */
};
/*
 * `smcsim discover`: create a kernel on @sim, register the reference discovery, boot,
 * print to @out, tear down (devices unbound, FF-A buffers unmapped), and write the
 * recording. Returns 0, or a negative errno (kernel creation, recording).
 */
int smcsim_discover_run(struct smcsim *sim, const struct smcsim_discover_opts *o, FILE *out);

/* ---- reports as JSON ------------------------------------------------------------------ */
/* Write a discover/kboot text report as a JSON document {"format": @format, "version": 1,
 * key: "value"..., list-key: ["line", ...]}. Returns 0, -ENOMEM or -EIO. */
int smcsim_report_to_json(const char *text, const char *format, FILE *out);

#ifdef __cplusplus
}
#endif

#endif
