/* SPDX-License-Identifier: MIT */
/* Internals of libsmcsim-shim: the simulated kernel's state. */
#ifndef SMCSIM_SHIM_PRIV_H
#define SMCSIM_SHIM_PRIV_H

#include <setjmp.h>

#include "linux/arm-smccc.h"
#include "linux/arm_ffa.h"
#include "linux/device.h"
#include "linux/init.h"
#include "smcsim/shim.h"

#define SHIM_MAX_HOOKS 8
#define SHIM_MAX_BUSES 8
/* IDs an IDA (Linux lib/idr.c) hands out per kernel: FF-A devices, platform AUTO IDs. */
#define SHIM_IDA_IDS 256

struct shim_initcall {
	int level;
	const char *name;
	int (*fn)(void);
};

struct shim_minted {
	struct shim_minted *next;
	void *closure; /* ffi_closure *, or NULL for a pool slot */
	int pool_slot;
	struct smcsim_kernel *k;
	enum smcsim_conduit conduit;
};

/*
 * What Linux keeps in globals after discovery; the reference models in discover_*.c
 * read and write it, smcsim_discover_run() prints it.
 */
struct linux_state {
	/* PSCI (drivers/firmware/psci/psci.c) */
	bool psci_present;
	enum arm_smccc_conduit psci_conduit;
	u32 psci_version;
	u64 psci_version_raw; /* a0 of PSCI_VERSION as firmware returned it */
	bool psci_0_2_ops;
	int psci_migrate_type; /* MIGRATE_INFO_TYPE result, -1 if not reached */
	long psci_resident_cpu;
	u32 psci_cpu_suspend_feature;
	bool psci_system_suspend;
	bool psci_system_reset2;
	bool psci_osi_pc_mode_set;
	/* SMCCC (smccc.c) */
	u32 smccc_version;
	enum arm_smccc_conduit smccc_conduit;
	bool trng_available;
	s32 soc_id_version, soc_id_revision;
	char soc_id_name[137];
	bool soc_device;
	/* KVM guest services (kvm_guest.c) */
	bool kvm_detected;
	u32 kvm_features[4];
	bool pkvm_guest;
	unsigned int kvm_target_impl_cpus;
	/* Spectre (proton-pack.c) */
	int spectre_v2, spectre_v4, spectre_bhb; /* enum mitigation_state */
	/* CCA guest (rsi.c) */
	bool realm;
	u32 rsi_version;
	unsigned int ipa_bits;
	u64 prot_ns_shared;
	/* CCA host */
	bool rmi_available;
	u32 rmi_version;
	u64 rmm_feat_reg0, rmm_feat_reg1;
	bool rmi_da_dev;
	/* FF-A (arm_ffa/driver.c) */
	bool ffa_probed;
	u32 ffa_version;
	u64 ffa_version_raw; /* x0 of FFA_VERSION as firmware returned it */
	u16 ffa_vm_id;
	size_t ffa_rxtx_bufsz;
	void *ffa_rx, *ffa_tx;
	bool ffa_rxtx_mapped;
	bool ffa_mem_ops_native;
	bool ffa_direct_req2; /* msg_direct_req2_supp */
	int ffa_partitions;
	struct ffa_device *ffa_devs[33]; /* at most 32 partitions and the host */
	int ffa_ndevs;
	void *ffa_fn; /* ffa_fn * */
	/* pKVM host: has the hypervisor finished its FF-A proxy init? */
	bool pkvm_initialized;
};

struct smcsim_kernel {
	struct smcsim *sim;
	int caller;
	struct smcsim_kernel_opts opts;

	char *log;
	size_t log_len, log_cap;
	unsigned int warnings;
	bool panicked;
	jmp_buf *panic_jmp;

	struct {
		smcsim_fw_fn fn;
		void *opaque;
	} hooks[SHIM_MAX_HOOKS];
	int nhooks;
	unsigned long ncalls;

	/* page allocator: one byte per page, 0 free, else 1 (first page stores run length) */
	uint64_t pool_base, pool_pages;
	uint8_t *pool_host;
	uint32_t *pool_run; /* run length at a run's first page, 0 elsewhere */
	size_t pool_used;

	const struct bus_type *buses[SHIM_MAX_BUSES];
	int nbuses;
	struct device *devices;
	struct device_driver *drivers;
	bool deferred_enabled;
	unsigned int double_binds;
	int in_trigger;
	uint64_t ffa_ida[SHIM_IDA_IDS / 64];	  /* "arm-ffa-<id>", from 1 */
	uint64_t platform_ida[SHIM_IDA_IDS / 64]; /* PLATFORM_DEVID_AUTO, from 0 */

	struct shim_initcall *initcalls;
	size_t ninitcalls;

	struct shim_minted *minted;
	void *owned[16]; /* per-kernel copies of driver descriptors, freed at destroy */
	int nowned;
	void (*shutdown)(struct smcsim_kernel *k); /* module_exit of a deviceless driver */

	struct linux_state lx;
};

/* kernel.c */
struct smcsim_kernel *shim_cur(const char *what);
int shim_issue(struct smcsim_kernel *k, enum arm_smccc_conduit conduit, struct smcsim_regs *r);
void shim_log_append(struct smcsim_kernel *k, const char *level, const char *text);
/* closure.c */
void shim_minted_free(struct smcsim_kernel *k);
/* driver.c */
void shim_driver_teardown(struct smcsim_kernel *k);
/* discover_*.c */
void shim_register_reference_initcalls(struct smcsim_kernel *k);

#endif
