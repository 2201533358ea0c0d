/* SPDX-License-Identifier: MIT */
/* Function IDs and service descriptors of the standard services in emu/. */
#ifndef SMCSIM_EMU_SERVICES_H
#define SMCSIM_EMU_SERVICES_H

#include "emu/emu.h"

/* ---- Arm Architecture Calls (DEN0028) ---- */
#define SMCCC_VERSION_FID	    0x80000000u
#define SMCCC_ARCH_FEATURES_FID	    0x80000001u
#define SMCCC_ARCH_SOC_ID_FID	    0x80000002u
#define SMCCC_ARCH_SOC_ID_64_FID    0xC0000002u
#define SMCCC_ARCH_WORKAROUND_1_FID 0x80008000u
#define SMCCC_ARCH_WORKAROUND_2_FID 0x80007FFFu
#define SMCCC_ARCH_WORKAROUND_3_FID 0x80003FFFu

/* ---- general service queries, per OEN (DEN0028 6.2) ---- */
#define SMCCC_QUERY_CALL_COUNT 0xFF00u
#define SMCCC_QUERY_CALL_UID   0xFF01u
#define SMCCC_QUERY_REVISION   0xFF03u

/* ---- PSCI (DEN0022) ---- */
#define PSCI_FID(n)			 (0x84000000u + (n))
#define PSCI_FID64(n)			 (0xC4000000u + (n))
#define PSCI_VERSION_FID		 PSCI_FID(0x0)
#define PSCI_CPU_SUSPEND_FID		 PSCI_FID(0x1)
#define PSCI_CPU_OFF_FID		 PSCI_FID(0x2)
#define PSCI_CPU_ON_FID			 PSCI_FID(0x3)
#define PSCI_AFFINITY_INFO_FID		 PSCI_FID(0x4)
#define PSCI_MIGRATE_FID		 PSCI_FID(0x5)
#define PSCI_MIGRATE_INFO_TYPE_FID	 PSCI_FID(0x6)
#define PSCI_MIGRATE_INFO_UP_CPU_FID	 PSCI_FID(0x7)
#define PSCI_SYSTEM_OFF_FID		 PSCI_FID(0x8)
#define PSCI_SYSTEM_RESET_FID		 PSCI_FID(0x9)
#define PSCI_FEATURES_FID		 PSCI_FID(0xA)
#define PSCI_CPU_FREEZE_FID		 PSCI_FID(0xB)
#define PSCI_CPU_DEFAULT_SUSPEND_FID	 PSCI_FID(0xC)
#define PSCI_NODE_HW_STATE_FID		 PSCI_FID(0xD)
#define PSCI_SYSTEM_SUSPEND_FID		 PSCI_FID(0xE)
#define PSCI_SET_SUSPEND_MODE_FID	 PSCI_FID(0xF)
#define PSCI_STAT_RESIDENCY_FID		 PSCI_FID(0x10)
#define PSCI_STAT_COUNT_FID		 PSCI_FID(0x11)
#define PSCI_SYSTEM_RESET2_FID		 PSCI_FID(0x12)
#define PSCI_MEM_PROTECT_FID		 PSCI_FID(0x13)
#define PSCI_MEM_PROTECT_CHECK_RANGE_FID PSCI_FID(0x14)
#define PSCI_SYSTEM_OFF2_FID		 PSCI_FID(0x15)

/* PSCI return codes (DEN0022 5.2.2). */
#define PSCI_RET_SUCCESS	  0
#define PSCI_RET_NOT_SUPPORTED	  (-1)
#define PSCI_RET_INVALID_PARAMS	  (-2)
#define PSCI_RET_DENIED		  (-3)
#define PSCI_RET_ALREADY_ON	  (-4)
#define PSCI_RET_ON_PENDING	  (-5)
#define PSCI_RET_INTERNAL_FAILURE (-6)
#define PSCI_RET_NOT_PRESENT	  (-7)
#define PSCI_RET_DISABLED	  (-8)
#define PSCI_RET_INVALID_ADDRESS  (-9)

/* ---- TRNG (DEN0098) ---- */
#define TRNG_VERSION_FID  0x84000050u
#define TRNG_FEATURES_FID 0x84000051u
#define TRNG_GET_UUID_FID 0x84000052u
#define TRNG_RND32_FID	  0x84000053u
#define TRNG_RND64_FID	  0xC4000053u

/* TRNG has its own error codes (DEN0098 2.1). */
#define TRNG_RET_SUCCESS	   0
#define TRNG_RET_NOT_SUPPORTED	   (-1)
#define TRNG_RET_INVALID_PARAMETER (-2)
#define TRNG_RET_NO_ENTROPY	   (-3)

/* ---- KVM vendor hypervisor service (Linux include/linux/arm-smccc.h) ---- */
#define KVM_FEATURES_FID	0x86000000u
#define KVM_PTP_FID		0x86000001u
#define VENDOR_HYP_CALL_UID_FID 0x8600FF01u

extern const struct emu_service emu_svc_arch;
extern const struct emu_service emu_svc_query;
extern const struct emu_service emu_svc_trng;
extern const struct emu_service emu_svc_kvm;
extern const struct emu_service emu_svc_psci;

/* The SMCCC version an "arch" instance declares. */
uint32_t emu_arch_smccc_version(const void *state);

#endif
