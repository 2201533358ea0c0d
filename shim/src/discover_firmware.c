/* SPDX-License-Identifier: MIT */
/*
 * Reference models of Linux's boot-time firmware discovery: the calls it makes, the values
 * it accepts, the lines it logs, modelled from its behaviour and sources, never copied.
 * Where kernels differ, smcsim_kernel_opts.linux_era picks the older behaviour (Linux
 * 6.12: SMCSIM_LINUX_6_12), and the comment names the Linux function deciding it. Each
 * function is named after the Linux function it models:
 * drivers/firmware/psci/psci.c (psci_probe, psci_init_smccc, psci_dt_init),
 * drivers/firmware/smccc/smccc.c (arm_smccc_version_init and the TRNG and SOC_ID probes),
 * drivers/firmware/smccc/kvm_guest.c (kvm_init_hyp_services),
 * arch/arm64/kernel/proton-pack.c (Spectre firmware mitigations), arch/arm64/kernel/rsi.c
 * (arm64_rsi_init) and the KVM CCA host series (rmi_check_version, arm64_init_rmi).
 *
 * Linux's quirks are kept on purpose: which values count as "supported" and at which
 * width they are compared. Where Linux itself would do something undefined or hang, the
 * model logs a line starting "smcsim: linux-" (see smcsim_discover_findings()) and takes
 * the least surprising path, so the fuzzer can report it without crashing.
 */
#include <stdio.h>

#include "discover.h"
#include "linux/arm-smccc.h"
#include "linux/mm.h"
#include "linux/platform_device.h"
#include "shim_priv.h"

/* ---- PSCI (drivers/firmware/psci/psci.c) ---------------------------------------------- */
#undef pr_fmt
#define pr_fmt(fmt) "psci: " fmt

#define PSCI_0_2_FN_PSCI_VERSION	  0x84000000UL
#define PSCI_0_2_FN_MIGRATE_INFO_TYPE	  0x84000006UL
#define PSCI_0_2_FN64_MIGRATE_INFO_UP_CPU 0xC4000007UL
#define PSCI_1_0_FN_PSCI_FEATURES	  0x8400000AUL
#define PSCI_1_0_FN_SET_SUSPEND_MODE	  0x8400000FUL
#define PSCI_0_2_FN64_CPU_SUSPEND	  0xC4000001UL
#define PSCI_1_0_FN64_SYSTEM_SUSPEND	  0xC400000EUL
#define PSCI_1_1_FN64_SYSTEM_RESET2	  0xC4000012UL
#define PSCI_RET_NOT_SUPPORTED		  -1
#define PSCI_0_2_TOS_UP_MIGRATE		  0
#define PSCI_0_2_TOS_UP_NO_MIGRATE	  1
#define PSCI_0_2_TOS_MP			  2
#define MPIDR_HWID_BITMASK		  0xff00ffffffUL

static struct linux_state *lx(void)
{
	return &shim_cur("discover")->lx;
}

/* invoke_psci_fn: arm_smccc_smc/hvc on the PSCI conduit, a0 only. */
static unsigned long psci_fn(unsigned long fid, unsigned long a1, unsigned long a2,
			     unsigned long a3)
{
	struct arm_smccc_res res;
	if (lx()->psci_conduit == SMCCC_CONDUIT_HVC)
		arm_smccc_hvc(fid, a1, a2, a3, 0, 0, 0, 0, &res);
	else
		arm_smccc_smc(fid, a1, a2, a3, 0, 0, 0, 0, &res);
	return res.a0;
}

/* psci_features(): the result as an int, compared with PSCI_RET_NOT_SUPPORTED. */
static int psci_features(u32 fid)
{
	return (int)psci_fn(PSCI_1_0_FN_PSCI_FEATURES, fid, 0, 0);
}

/* After arm_smccc_version_init() (smccc.c) come the TRNG and SOC_ID probes. */
static bool smccc_probe_trng(void)
{
	struct arm_smccc_res res;
	arm_smccc_1_1_invoke(ARM_SMCCC_TRNG_VERSION, &res);
	/* smccc_probe_trng: a negative (s32) is "no TRNG"; else the full width against 1.0. */
	if ((s32)res.a0 < 0)
		return false;
	return res.a0 >= ARM_SMCCC_TRNG_MIN_VERSION;
}

/* The rest of arm_smccc_version_init() (smccc.c), after the version and conduit are set. */
static void smccc_version_probe(void)
{
	struct linux_state *s = lx();
	s->smccc_version = arm_smccc_get_version();
	s->smccc_conduit = arm_smccc_1_1_get_conduit();
	s->trng_available = smccc_probe_trng();
	if (s->smccc_version >= ARM_SMCCC_VERSION_1_2 && s->smccc_conduit != SMCCC_CONDUIT_NONE) {
		struct arm_smccc_res res;
		arm_smccc_1_1_invoke(ARM_SMCCC_ARCH_FEATURES_FUNC_ID, ARM_SMCCC_ARCH_SOC_ID, &res);
		if ((s32)res.a0 >= 0) {
			arm_smccc_1_1_invoke(ARM_SMCCC_ARCH_SOC_ID, 0, &res);
			s->soc_id_version = (s32)res.a0;
			arm_smccc_1_1_invoke(ARM_SMCCC_ARCH_SOC_ID, 1, &res);
			s->soc_id_revision = (s32)res.a0;
		}
	}
}

/* psci_init_smccc: PSCI_FEATURES(SMCCC_VERSION), then SMCCC_VERSION. */
static void psci_init_smccc(void)
{
	u32 ver = ARM_SMCCC_VERSION_1_0;
	int feature = psci_features(ARM_SMCCC_VERSION_FUNC_ID);
	if (feature != PSCI_RET_NOT_SUPPORTED) {
		/* The (u32) result against 1.1, so an a0 of -1 reads as v65535.65535. */
		u32 ret = (u32)psci_fn(ARM_SMCCC_VERSION_FUNC_ID, 0, 0, 0);
		if (ret >= ARM_SMCCC_VERSION_1_1) {
			/* Linux drivers/firmware/smccc/smccc.c arm_smccc_version_init(): the
			 * TRNG and SOC_ID probes run inside it, before the line below. */
			arm_smccc_version_init(ret, lx()->psci_conduit);
			smccc_version_probe();
			ver = ret;
		}
	}
	/* Linux prints the negotiated version even when it stays 1.0. */
	pr_info("SMC Calling Convention v%d.%d", ver >> 16, ver & 0xffff);
}

static void kvm_init_hyp_services(void);

/* psci_probe: version, migration type, SMCCC, PSCI_FEATURES, then KVM services. */
static int psci_probe(void)
{
	struct linux_state *s = lx();
	/* PSCI_VERSION as (u32)a0. Only 0.0/0.1 are refused; -1 decodes as v65535.65535
	 * and passes. */
	unsigned long raw = psci_fn(PSCI_0_2_FN_PSCI_VERSION, 0, 0, 0);
	u32 ver = (u32)raw;
	s->psci_version_raw = raw;
	unsigned int major = ver >> 16, minor = ver & 0xffff;
	/* Linux drivers/firmware/psci/psci.c psci_probe(): the version is printed first,
	 * then a 0.0/0.1 answer is refused. */
	pr_info("PSCIv%u.%u detected in firmware.", major, minor);
	if (major == 0 && minor < 2) {
		pr_err("Conflicting PSCI version detected.");
		return -EINVAL;
	}
	s->psci_version = ver;
	pr_info("Using standard PSCI v0.2 function IDs");
	s->psci_0_2_ops = true;
	/* psci_init_migrate: MIGRATE_INFO_TYPE, then MIGRATE_INFO_UP_CPU for a UP TOS. */
	int type = (int)psci_fn(PSCI_0_2_FN_MIGRATE_INFO_TYPE, 0, 0, 0);
	s->psci_migrate_type = type;
	if (type == PSCI_0_2_TOS_MP) {
		pr_info("Trusted OS migration not required");
	} else if (type == PSCI_RET_NOT_SUPPORTED) {
		pr_info("MIGRATE_INFO_TYPE not supported.");
	} else if (type != PSCI_0_2_TOS_UP_MIGRATE && type != PSCI_0_2_TOS_UP_NO_MIGRATE) {
		pr_err("MIGRATE_INFO_TYPE returned unknown type (%d)", type);
	} else {
		unsigned long cpuid = psci_fn(PSCI_0_2_FN64_MIGRATE_INFO_UP_CPU, 0, 0, 0);
		if (cpuid & ~MPIDR_HWID_BITMASK) {
			pr_warn("MIGRATE_INFO_UP_CPU reported invalid physical ID (0x%lx)", cpuid);
		} else {
			struct smcsim_kernel *k = shim_cur("psci");
			for (unsigned int c = 0; c < smcsim_cpu_count(k->sim); c++)
				if (smcsim_cpu_mpidr(k->sim, c) == cpuid)
					s->psci_resident_cpu = c;
			pr_info("Trusted OS resident on physical CPU 0x%lx", cpuid);
		}
	}
	/* SMCCC, PSCI_FEATURES and KVM discovery need PSCI 1.0. */
	if (major < 1)
		return 0;
	psci_init_smccc();
	/* PSCI_FEATURES of CPU_SUSPEND, SYSTEM_SUSPEND and SYSTEM_RESET2: anything but -1
	 * counts, other negatives are stored as flags. */
	int f = psci_features(PSCI_0_2_FN64_CPU_SUSPEND);
	if (f != PSCI_RET_NOT_SUPPORTED)
		s->psci_cpu_suspend_feature = (u32)f;
	if (psci_features(PSCI_1_0_FN64_SYSTEM_SUSPEND) != PSCI_RET_NOT_SUPPORTED)
		s->psci_system_suspend = true;
	if (psci_features(PSCI_1_1_FN64_SYSTEM_RESET2) != PSCI_RET_NOT_SUPPORTED)
		s->psci_system_reset2 = true;
	kvm_init_hyp_services();
	return 0;
}

/* psci_dt_init, run from setup_arch. */
int lx_psci_dt_init(void)
{
	struct smcsim_kernel *k = shim_cur("psci_dt_init");
	struct linux_state *s = &k->lx;
	if (k->opts.no_psci)
		return -ENODEV;
	enum smcsim_conduit m = k->opts.psci_method;
	if (m == SMCSIM_CONDUIT_DEFAULT)
		m = (enum smcsim_conduit)smcsim_caller_conduit(k->sim, k->caller);
	/* Linux drivers/firmware/psci/psci.c get_set_conduit_method(): every DT binding
	 * (0.1, 0.2, 1.0) reads "method" and logs this first. */
	pr_info("probing for conduit method from DT.");
	s->psci_conduit = m == SMCSIM_CONDUIT_HVC ? SMCCC_CONDUIT_HVC : SMCCC_CONDUIT_SMC;
	s->psci_present = true;
	if (k->opts.psci_compat == 1) {
		/* "arm,psci": function IDs from DT, nothing else probed. */
		pr_info("Using PSCI v0.1 Function IDs from DT");
		s->psci_version = 1; /* 0.1 */
		return 0;
	}
	int ret = psci_probe();
	if (ret)
		return ret;
	/* "arm,psci-1.0": OSI supported -> default to platform-coordinated mode. */
	if (k->opts.psci_compat == 10 && (s->psci_cpu_suspend_feature & 1)) {
		pr_info("OSI mode supported.");
		int r = (int)psci_fn(PSCI_1_0_FN_SET_SUSPEND_MODE, 0, 0, 0);
		if (r < 0)
			pr_info(FW_BUG "failed to set PC mode: %d", r);
		else
			s->psci_osi_pc_mode_set = true;
	}
	return 0;
}

/* ---- KVM guest services (drivers/firmware/smccc/kvm_guest.c) --------------------------- */
#undef pr_fmt
#define pr_fmt(fmt) "smccc: KVM: " fmt

#define KVM_DISCOVER_IMPL_VER  0xC6000040UL
#define KVM_DISCOVER_IMPL_CPUS 0xC6000041UL

/* kvm_arm_target_impl_cpu_init (arm64, Linux 6.15+): the errata target-implementation
 * table, which needs DISCOVER_IMPL_VER and _CPUS (functions 64 and 65: bits 0-1 of the
 * third word). Its checks and lines as Linux drivers/firmware/smccc/kvm_guest.c
 * kvm_arm_target_impl_cpu_init() has them: a failed VER call is silent, the version is
 * the low 32 bits of x1 in PSCI format. */
static void kvm_target_impl_cpu_init(void)
{
	struct linux_state *s = lx();
	if (shim_cur("kvm")->opts.linux_era & SMCSIM_LINUX_NO_TARGET_IMPL)
		return;
	if ((s->kvm_features[2] & 3) != 3)
		return;
	struct arm_smccc_res res;
	arm_smccc_1_1_invoke(KVM_DISCOVER_IMPL_VER, 0, &res);
	if (res.a0 != SMCCC_RET_SUCCESS)
		return;
	u32 ver = lower_32_bits(res.a1);
	if ((ver >> 16) != 1) {
		pr_warn("Unsupported target CPU implementation version v%d.%d", (int)(ver >> 16),
			(int)(ver & 0xffff));
		return;
	}
	if (!res.a2) {
		pr_warn("No target implementation CPUs specified");
		return;
	}
	unsigned long n = res.a2;
	for (unsigned long i = 0; i < n && i < 64; i++) {
		arm_smccc_1_1_invoke(KVM_DISCOVER_IMPL_CPUS, i, &res);
		if (res.a0 != SMCCC_RET_SUCCESS) {
			pr_warn("Discovering target implementation CPUs failed");
			return;
		}
	}
	s->kvm_target_impl_cpus = (unsigned int)(n < 64 ? n : 64);
	pr_info("Number of target implementation CPUs is %lld", (long long)n);
}

/* Linux 6.12 drivers/firmware/smccc/kvm_guest.c kvm_init_hyp_services(): HVC only, then
 * CALL_UID's x0..x3 each compared at full width with the KVM UID words. */
static bool kvm_uid_6_12(void)
{
	if (arm_smccc_1_1_get_conduit() != SMCCC_CONDUIT_HVC)
		return false;
	struct arm_smccc_res res;
	arm_smccc_1_1_invoke(ARM_SMCCC_VENDOR_HYP_CALL_UID_FUNC_ID, &res);
	return res.a0 == ARM_SMCCC_VENDOR_HYP_UID_KVM_REG_0 &&
	       res.a1 == ARM_SMCCC_VENDOR_HYP_UID_KVM_REG_1 &&
	       res.a2 == ARM_SMCCC_VENDOR_HYP_UID_KVM_REG_2 &&
	       res.a3 == ARM_SMCCC_VENDOR_HYP_UID_KVM_REG_3;
}

static void kvm_init_hyp_services(void)
{
	struct linux_state *s = lx();
	const uuid_t kvm_uid = ARM_SMCCC_VENDOR_HYP_UID_KVM;
	/* Newer kernels compare the UID (arm_smccc_hypervisor_has_uuid) with no conduit
	 * check; up to 6.14 kvm_init_hyp_services returned first unless the conduit was HVC. */
	if (shim_cur("kvm")->opts.linux_era & SMCSIM_LINUX_KVM_UID_HVC_ONLY) {
		if (!kvm_uid_6_12())
			return;
	} else if (!arm_smccc_hypervisor_has_uuid(&kvm_uid)) {
		return;
	}
	struct arm_smccc_res res;
	arm_smccc_1_1_invoke(ARM_SMCCC_VENDOR_HYP_KVM_FEATURES_FUNC_ID, &res);
	s->kvm_features[0] = lower_32_bits(res.a0);
	s->kvm_features[1] = lower_32_bits(res.a1);
	s->kvm_features[2] = lower_32_bits(res.a2);
	s->kvm_features[3] = lower_32_bits(res.a3);
	s->kvm_detected = true;
	/* Linux drivers/firmware/smccc/kvm_guest.c kvm_init_hyp_services() prints the
	 * registers themselves (%08lx of res.a3..a0), not the 32-bit words it keeps. */
	pr_info("hypervisor services detected (0x%08lx 0x%08lx 0x%08lx 0x%08lx)", res.a3, res.a2,
		res.a1, res.a0);
	/* pkvm_init_hyp_services (drivers/virt/coco/pkvm-guest/arm-pkvm-guest.c) needs
	 * MEMINFO, MEM_SHARE and MEM_UNSHARE. */
	u32 need = BIT(ARM_SMCCC_KVM_FUNC_HYP_MEMINFO) | BIT(ARM_SMCCC_KVM_FUNC_MEM_SHARE) |
		   BIT(ARM_SMCCC_KVM_FUNC_MEM_UNSHARE);
	if ((s->kvm_features[0] & need) == need) {
		arm_smccc_1_1_invoke(ARM_SMCCC_VENDOR_HYP_KVM_HYP_MEMINFO_FUNC_ID, 0, 0, 0, &res);
		/* Unsigned compare: every negative status is "larger than a page". */
		if (res.a0 <= PAGE_SIZE)
			s->pkvm_guest = true;
	}
	kvm_target_impl_cpu_init();
}

/* ---- Spectre firmware mitigations (arch/arm64/kernel/proton-pack.c) -------------------- */

static int wa_state(u32 wa)
{
	struct arm_smccc_res res;
	/* Conduit NONE: invoke answers -1 untrapped -> vulnerable. */
	arm_smccc_1_1_invoke(ARM_SMCCC_ARCH_FEATURES_FUNC_ID, wa, &res);
	switch ((int)res.a0) {
	case SMCCC_RET_SUCCESS:
		return LX_MITIGATED;
	case SMCCC_ARCH_WORKAROUND_RET_UNAFFECTED:
		return LX_UNAFFECTED;
	case SMCCC_RET_NOT_REQUIRED:
		/* NOT_REQUIRED means unaffected only for WORKAROUND_2. */
		return wa == ARM_SMCCC_ARCH_WORKAROUND_2 ? LX_UNAFFECTED : LX_VULNERABLE;
	default:
		return LX_VULNERABLE;
	}
}

int lx_spectre_init(void)
{
	struct linux_state *s = lx();
	s->spectre_v2 = wa_state(ARM_SMCCC_ARCH_WORKAROUND_1);
	s->spectre_v4 = wa_state(ARM_SMCCC_ARCH_WORKAROUND_2);
	/* BHB asks firmware only with a conduit. */
	s->spectre_bhb = arm_smccc_1_1_get_conduit() == SMCCC_CONDUIT_NONE
				 ? LX_VULNERABLE
				 : wa_state(ARM_SMCCC_ARCH_WORKAROUND_3);
	return 0;
}

/* ---- CCA Realm guest: RSI init (arch/arm64/kernel/rsi.c, arm64_rsi_init) -------------- */
#undef pr_fmt
#define pr_fmt(fmt) "RME: " fmt

#define SMC_RSI_ABI_VERSION	0xC4000190UL
#define SMC_RSI_REALM_CONFIG	0xC4000196UL
#define SMC_RSI_IPA_STATE_SET	0xC4000197UL
#define RSI_ABI_VERSION_1_0	0x10000UL
#define RSI_SUCCESS		0
#define RSI_RIPAS_RAM		1
#define RSI_NO_CHANGE_DESTROYED 0
#define RSI_ACCEPT		0
#define RSI_VER_MAJOR(v)	(((v) >> 16) & 0x7fff)
#define RSI_VER_MINOR(v)	((v)&0xffff)
/* Linux arch/arm64/include/asm/rsi_smc.h RSI_ABI_VERSION_GET_MAJOR(): the whole register
 * above bit 16, unmasked, is what rsi_version_matches() prints. */
#define RSI_ABI_VERSION_GET_MAJOR(v) ((v) >> 16)
/* Iterations without progress after which the model calls Linux's loop a hang. */
#define LX_LOOP_LIMIT 4096

static int rsi_set_range_protected(phys_addr_t start, phys_addr_t end)
{
	unsigned int stuck = 0;
	while (start != end) {
		struct arm_smccc_res res;
		arm_smccc_smc(SMC_RSI_IPA_STATE_SET, start, end, RSI_RIPAS_RAM,
			      RSI_NO_CHANGE_DESTROYED, 0, 0, 0, &res);
		phys_addr_t top = res.a1;
		if (res.a0 != RSI_SUCCESS || top < start || top > end)
			return -EINVAL;
		if (res.a2 != RSI_ACCEPT)
			return -EPERM;
		if (top == start && ++stuck >= LX_LOOP_LIMIT) {
			/* Linux checks top < start but not top == start: it would spin. */
			pr_err("smcsim: linux-hang: RSI_IPA_STATE_SET made no progress at 0x%llx",
			       (unsigned long long)start);
			return -ELOOP;
		}
		start = top;
	}
	return 0;
}

int lx_rsi_init(void)
{
	struct smcsim_kernel *k = shim_cur("arm64_rsi_init");
	struct linux_state *s = &k->lx;
	/* A Realm is only reached over SMC. */
	if (arm_smccc_1_1_get_conduit() != SMCCC_CONDUIT_SMC)
		return 0;
	/* RSI_ABI_VERSION by plain arm_smccc_smc, full-width compare with NOT_SUPPORTED. */
	struct arm_smccc_res res;
	arm_smccc_smc(SMC_RSI_ABI_VERSION, RSI_ABI_VERSION_1_0, 0, 0, 0, 0, 0, 0, &res);
	if (res.a0 == (unsigned long)SMCCC_RET_NOT_SUPPORTED)
		return 0;
	if (res.a0 != RSI_SUCCESS) {
		pr_err("RMM doesn't support RSI version 1.0. Supported range: %lu.%lu-%lu.%lu",
		       RSI_ABI_VERSION_GET_MAJOR(res.a1), RSI_VER_MINOR(res.a1),
		       RSI_ABI_VERSION_GET_MAJOR(res.a2), RSI_VER_MINOR(res.a2));
		return 0;
	}
	pr_info("Using RSI version %lu.%lu", RSI_ABI_VERSION_GET_MAJOR(res.a1),
		RSI_VER_MINOR(res.a1));
	s->rsi_version = (u32)res.a1;
	/* RSI_REALM_CONFIG into a page of its own. */
	u64 *config = alloc_pages_exact(PAGE_SIZE, GFP_KERNEL);
	if (!config)
		return -ENOMEM;
	arm_smccc_smc(SMC_RSI_REALM_CONFIG, virt_to_phys(config), 0, 0, 0, 0, 0, 0, &res);
	u64 ipa_bits = config[0];
	free_pages_exact(config, PAGE_SIZE);
	if (WARN_ON(res.a0 != RSI_SUCCESS))
		return 0;
	/* prot_ns_shared: BIT(ipa_bits - 1) is undefined in C for ipa_bits 0 or > 64. */
	if (ipa_bits == 0 || ipa_bits > 64) {
		pr_err("smcsim: linux-ub: REALM_CONFIG ipa_bits = %llu makes BIT(ipa_bits - 1) "
		       "undefined",
		       (unsigned long long)ipa_bits);
		s->prot_ns_shared = 0;
	} else {
		s->prot_ns_shared = 1ULL << (ipa_bits - 1);
	}
	s->ipa_bits = (unsigned int)(ipa_bits > 64 ? 0 : ipa_bits);
	/* Every memory range becomes RIPAS RAM, or the kernel panics. */
	uint64_t base, size;
	for (size_t i = 0; smcsim_mem_region(k->sim, i, &base, &size) == 0; i++) {
		int r = rsi_set_range_protected(base, base + size);
		if (r == -ELOOP)
			return 0;
		if (r)
			panic("Failed to set memory range to protected: 0x%llx-0x%llx",
			      (unsigned long long)base, (unsigned long long)(base + size - 1));
	}
	/* rsi_present: from here is_realm_world() is true. */
	s->realm = true;
	return 0;
}

/* ---- CCA host: RMI init (KVM CCA host series: arch/arm64/kvm/rme.c, later rmi.c) ------ */
#undef pr_fmt
#define pr_fmt(fmt) "kvm [1]: " fmt

#define SMC_RMI_VERSION		  0xC4000150UL
#define SMC_RMI_FEATURES	  0xC4000165UL
#define SMC_RMI_RMM_CONFIG_SET	  0xC400016EUL
#define SMC_RMI_RMM_ACTIVATE	  0xC4000202UL
#define RMI_SUCCESS		  0
#define RMI_FEATURE_REGISTER_0_DA BIT_ULL(42)
#define RMI_GRAN_SZ_4K		  BIT_ULL(0)

/* KVM's rmi_check_version / RMI 1.0 era (v6+), with the DA RFC's platform device. */
int lx_rmi_init_1_0(void)
{
	struct smcsim_kernel *k = shim_cur("kvm_init_rme");
	struct linux_state *s = &k->lx;
	if (k->opts.rmi_abi != 10)
		return 0;
	struct arm_smccc_res res;
	arm_smccc_1_1_invoke(SMC_RMI_VERSION, 0x10000, &res);
	if (res.a0 == (unsigned long)SMCCC_RET_NOT_SUPPORTED)
		return -ENXIO;
	if (res.a0 != RMI_SUCCESS) {
		pr_err("Unsupported RMI ABI (v%lu.%lu - v%lu.%lu) we want v1.0",
		       RSI_VER_MAJOR(res.a1), RSI_VER_MINOR(res.a1), RSI_VER_MAJOR(res.a2),
		       RSI_VER_MINOR(res.a2));
		return -ENXIO;
	}
	pr_info("RMI ABI version %lu.%lu", RSI_VER_MAJOR(res.a1), RSI_VER_MINOR(res.a1));
	s->rmi_version = (u32)res.a1;
	arm_smccc_1_1_invoke(SMC_RMI_FEATURES, 0, &res);
	if (WARN_ON(res.a0 != RMI_SUCCESS))
		return 0;
	s->rmm_feat_reg0 = res.a1;
	s->rmi_available = true;
	if (s->rmm_feat_reg0 & RMI_FEATURE_REGISTER_0_DA) {
		if (!IS_ERR(platform_device_register_simple("arm-rmi-dev", PLATFORM_DEVID_NONE,
							    NULL, 0))) {
			s->rmi_da_dev = true;
			pr_info("CCA host DA platform device initialized.");
		}
	}
	return 0;
}

#undef pr_fmt
#define pr_fmt(fmt) "RMI: " fmt

/* arm64_init_rmi (the RMM 2.0 host series): RMI_VERSION, the feature registers,
 * RMM_CONFIG_SET, RMM_ACTIVATE; the granule-tracking checks after it are not modelled. */
int lx_rmi_init_2_0(void)
{
	struct smcsim_kernel *k = shim_cur("arm64_init_rmi");
	struct linux_state *s = &k->lx;
	if (k->opts.rmi_abi != 20)
		return 0;
	if (!k->opts.has_rme)
		return -ENXIO;
	struct arm_smccc_res res;
	arm_smccc_1_1_invoke(SMC_RMI_VERSION, 0x20000, &res);
	if (res.a0 == (unsigned long)SMCCC_RET_NOT_SUPPORTED)
		return -ENXIO;
	if (res.a0 != RMI_SUCCESS) {
		pr_err("Unsupported RMI ABI (v%lu.%lu - v%lu.%lu) we want v2.0",
		       RSI_VER_MAJOR(res.a1), RSI_VER_MINOR(res.a1), RSI_VER_MAJOR(res.a2),
		       RSI_VER_MINOR(res.a2));
		return -ENXIO;
	}
	pr_info("RMI ABI version %lu.%lu", RSI_VER_MAJOR(res.a1), RSI_VER_MINOR(res.a1));
	s->rmi_version = (u32)res.a1;
	arm_smccc_1_1_invoke(SMC_RMI_FEATURES, 0, &res);
	if (WARN_ON(res.a0 != RMI_SUCCESS))
		return -EINVAL;
	s->rmm_feat_reg0 = res.a1;
	arm_smccc_1_1_invoke(SMC_RMI_FEATURES, 1, &res);
	if (WARN_ON(res.a0 != RMI_SUCCESS))
		return -EINVAL;
	s->rmm_feat_reg1 = res.a1;
	/* rmi_configure: the host's 4 KiB pages must be a granule size the RMM offers. */
	if (!(s->rmm_feat_reg1 & RMI_GRAN_SZ_4K)) {
		pr_err("RMM does not support the host page size");
		return -EINVAL;
	}
	u64 *cfg = alloc_pages_exact(PAGE_SIZE, GFP_KERNEL);
	if (!cfg)
		return -ENOMEM;
	cfg[0] = 0; /* tracking_region_size */
	cfg[1] = 0; /* rmi_granule_size: 4 KiB */
	arm_smccc_1_1_invoke(SMC_RMI_RMM_CONFIG_SET, virt_to_phys(cfg), &res);
	free_pages_exact(cfg, PAGE_SIZE);
	if (res.a0 != RMI_SUCCESS) {
		pr_err("RMM_CONFIG_SET failed: %ld", (long)res.a0);
		return -EINVAL;
	}
	arm_smccc_1_1_invoke(SMC_RMI_RMM_ACTIVATE, &res);
	if (res.a0 != RMI_SUCCESS) {
		pr_err("RMM activate failed");
		return -EINVAL;
	}
	s->rmi_available = true;
	return 0;
}
