/* SPDX-License-Identifier: MIT */
/*
 * The only interface between the two worlds of a kboot program:
 *
 *  - the kernel world: a kernel tree's own files (drivers/firmware/psci/psci.c, ...) and
 *    smcsim's kernel-compat runtime (shim/kcompat/src), compiled with -nostdinc against
 *    shim/kcompat/include, so kernel code never sees a glibc header (no errno macro,
 *    no libc snprintf under a kernel name);
 *  - the host world: libc, libsmcsim and libsmcsim-shim (fixtures, fault injection,
 *    recording, the simulated machine).
 *
 * This header uses only C's own types so both worlds can include it. The kernel world
 * is linked into one relocatable object whose only global definitions are the kc_kernel_*
 * functions below; everything else (psci_ops, arm_smccc_version_init...) is made local,
 * so a kernel tree's symbols never meet the shim's reference models of them.
 */
#ifndef KC_HOST_H
#define KC_HOST_H

#define KC_NREGS 18

/* Conduits, numbered like enum arm_smccc_conduit. */
#define KC_CONDUIT_NONE 0
#define KC_CONDUIT_SMC	1
#define KC_CONDUIT_HVC	2

/* Log levels as printk's KERN_EMERG..KERN_DEBUG. */
#define KC_LOGLEVEL_DEFAULT 4

struct kc_dt_prop {
	const char *name;
	const char *str;  /* string property, or NULL */
	unsigned int u32; /* u32 property when str is NULL */
};

/* One device-tree node the firmware description provides (the psci node). */
struct kc_dt_node {
	const char *name;	/* "psci" */
	const char *compatible; /* "arm,psci-1.0" */
	int available;		/* status = "okay" */
	const struct kc_dt_prop *props;
	unsigned int nprops;
};

struct kc_boot_params {
	const struct kc_dt_node *dt;
	unsigned int ndt;
	int debug; /* pr_debug/dev_dbg enabled */
};

/* ---- provided by the host world ------------------------------------------------------ */
/* An SMC or HVC from the kernel: x0..x17 in, x0..x17 out. */
void kc_host_call(int conduit, unsigned long regs[KC_NREGS]);
/* One complete printk record at @level (0..7). */
void kc_host_log(int level, const char *text);
/* panic(): never returns (the host unwinds the boot). */
__attribute__((noreturn)) void kc_host_panic(const char *text);
/* Pages in simulated memory (page aligned, zeroed), or NULL. */
void *kc_host_alloc_pages(unsigned long size);
void kc_host_free_pages(void *p, unsigned long size);
/* Physical address of kernel memory, or ~0UL when it is in no simulated memory. */
unsigned long kc_host_virt_to_phys(const volatile void *p);
void *kc_host_phys_to_virt(unsigned long pa);
/* Mirror kernel memory that is not simulated memory (kmalloc'd objects, static data) into
 * simulated memory, page for page: the host copies it in before every call and copies back
 * the bytes firmware changed after it. Returns the physical address of @p, or ~0UL. */
unsigned long kc_host_mirror(const void *p, unsigned long len);
/* Heap for kmalloc and friends: malloc/free, so a sanitizer sees every overflow. */
void *kc_host_malloc(unsigned long size);
void kc_host_free(void *p);
/* Base and size of the simulated machine's memory region @i (profile order): 0, or
 * nonzero past the last (memblock.memory). */
int kc_host_mem_region(unsigned int i, unsigned long *base, unsigned long *size);
/* A pseudo-random u32 from the host's seeded generator (get_random_u32()). */
unsigned int kc_host_random(void);

/* ---- provided by the kernel world ---------------------------------------------------- */
/* Run setup_arch()'s firmware steps and every initcall level. Returns 0. */
int kc_kernel_boot(const struct kc_boot_params *p);
/* Module exits, devices unregistered newest first, drivers unregistered. */
void kc_kernel_shutdown(void);
/* The report: one line per device "bus/name modalias M bound DRIVER" written through
 * @emit; returns the number of devices. */
int kc_kernel_report(void (*emit)(void *opaque, const char *line), void *opaque);
/* Free everything the kernel world still holds (its heap), so the next boot in the same
 * process, or the process's exit, starts clean. Returns the objects freed. */
unsigned long kc_kernel_reset(void);
/* The kernel world's writable data and zero-initialised data (linked into the sections
 * kc_kdata and kc_kbss), so a host can save them before the first boot and restore them
 * for the next: boots in one process then start from the same state as boots in fresh
 * processes. */
void kc_kernel_sections(void **data, unsigned long *data_len, void **bss, unsigned long *bss_len);
/* Ask the registered TSM report provider (linux/tsm.h) for a report on @inblob, as a
 * configfs outblob read does: 0 with the blob in @out (up to @cap bytes; *@outlen is its
 * full size), or a negative errno (-ENODEV: no provider). *@name is the provider's name. */
int kc_kernel_tsm_report(const unsigned char *inblob, unsigned long len, unsigned char *out,
			 unsigned long cap, unsigned long *outlen, const char **name);
/* arch/arm64/kernel/rsi.c's verdict: 1 in a Realm (rsi_present) with *@ns_shared its
 * prot_ns_shared (BIT(ipa_bits - 1) from RSI_REALM_CONFIG), 0 not a Realm, -1 when the
 * tree has no rsi.c. */
int kc_kernel_realm(unsigned long *ns_shared);
/* SMCCC state recorded by the tree's own drivers/firmware/smccc/smccc.c. */
unsigned int kc_kernel_smccc_version(void);
int kc_kernel_smccc_conduit(void);

#endif
