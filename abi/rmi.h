/* SPDX-License-Identifier: MIT */
/*
 * Realm Management Interface (Arm DEN0137, RMM specification): function IDs, RmiStatusCode,
 * RMI_FEATURES register 0, the parameter pages (RmiRealmParams, RmiRecParams, RmiRecRun),
 * RTT entry states and RIPAS, and the 2.0 additions (Stateful RMI Operations, RmmConfig).
 * Versions: 1.0 is DEN0137 1.0-rel0 (TF-RMM tag rmm-spec-v1.0-rel0, include/smc-rmi.h); 2.0
 * is DEN0137 2.0-bet2 (TF-RMM main include/smc-rmi.h, Linux include/linux/arm-smccc-rmi.h).
 */
#ifndef SMCSIM_ABI_RMI_H
#define SMCSIM_ABI_RMI_H

#include <stdint.h>

/* ---- function IDs (DEN0137 1.0 B4.3; SMC64 Standard Secure Service range, 0x150..0x24F) ---- */
#define RMI_FID(n)   (0xC4000000u + (n))
#define RMI_FNUM_MIN 0x150u
#define RMI_FNUM_MAX 0x24Fu

/* DEN0137 1.0 B4.3 command list. */
#define RMI_DATA_CREATE_FID	      RMI_FID(0x153)
#define RMI_DATA_CREATE_UNKNOWN_FID   RMI_FID(0x154)
#define RMI_DATA_DESTROY_FID	      RMI_FID(0x155)
#define RMI_RTT_INIT_RIPAS_FID	      RMI_FID(0x168)
#define RMI_VERSION_FID		      RMI_FID(0x150)
#define RMI_GRANULE_DELEGATE_FID      RMI_FID(0x151)
#define RMI_GRANULE_UNDELEGATE_FID    RMI_FID(0x152)
#define RMI_REALM_ACTIVATE_FID	      RMI_FID(0x157)
#define RMI_REALM_CREATE_FID	      RMI_FID(0x158)
#define RMI_REALM_DESTROY_FID	      RMI_FID(0x159)
#define RMI_REC_CREATE_FID	      RMI_FID(0x15A)
#define RMI_REC_DESTROY_FID	      RMI_FID(0x15B)
#define RMI_REC_ENTER_FID	      RMI_FID(0x15C)
#define RMI_RTT_CREATE_FID	      RMI_FID(0x15D)
#define RMI_RTT_DESTROY_FID	      RMI_FID(0x15E)
#define RMI_RTT_MAP_UNPROTECTED_FID   RMI_FID(0x15F)
#define RMI_RTT_READ_ENTRY_FID	      RMI_FID(0x161)
#define RMI_RTT_UNMAP_UNPROTECTED_FID RMI_FID(0x162)
#define RMI_PSCI_COMPLETE_FID	      RMI_FID(0x164)
#define RMI_FEATURES_FID	      RMI_FID(0x165)
#define RMI_RTT_FOLD_FID	      RMI_FID(0x166)
#define RMI_REC_AUX_COUNT_FID	      RMI_FID(0x167)
#define RMI_RTT_SET_RIPAS_FID	      RMI_FID(0x169)

/*
 * Added by 2.0 (DEN0137 2.0-bet2; TF-RMM main smc-rmi.h, Linux arm-smccc-rmi.h). 2.0 also
 * reuses 0x153 as RTT_DATA_MAP_INIT and 0x16E (1.1 PSMMU_MSI_CONFIG) as RMM_CONFIG_SET.
 */
#define RMI_RMM_CONFIG_SET_FID		 RMI_FID(0x16E)
#define RMI_GRANULE_TRACKING_GET_FID	 RMI_FID(0x1E1)
#define RMI_RMM_CONFIG_GET_FID		 RMI_FID(0x1EC)
#define RMI_GRANULE_RANGE_DELEGATE_FID	 RMI_FID(0x1F1)
#define RMI_GRANULE_RANGE_UNDELEGATE_FID RMI_FID(0x1F2)
#define RMI_REALM_TERMINATE_FID		 RMI_FID(0x201)
#define RMI_RMM_ACTIVATE_FID		 RMI_FID(0x202)
#define RMI_OP_CONTINUE_FID		 RMI_FID(0x203)
#define RMI_OP_MEM_DONATE_FID		 RMI_FID(0x208)
#define RMI_OP_CANCEL_FID		 RMI_FID(0x20A)

/*
 * Every command ID above, once: X(name) for each name##_FID. A service table that implements
 * the interface checks its row count against this list at compile time.
 */
#define RMI_COMMANDS(X)                                                                            \
	X(RMI_VERSION)                                                                             \
	X(RMI_GRANULE_DELEGATE)                                                                    \
	X(RMI_GRANULE_UNDELEGATE)                                                                  \
	X(RMI_DATA_CREATE)                                                                         \
	X(RMI_DATA_CREATE_UNKNOWN)                                                                 \
	X(RMI_DATA_DESTROY)                                                                        \
	X(RMI_REALM_ACTIVATE)                                                                      \
	X(RMI_REALM_CREATE)                                                                        \
	X(RMI_REALM_DESTROY)                                                                       \
	X(RMI_REC_CREATE)                                                                          \
	X(RMI_REC_DESTROY)                                                                         \
	X(RMI_REC_ENTER)                                                                           \
	X(RMI_RTT_CREATE)                                                                          \
	X(RMI_RTT_DESTROY)                                                                         \
	X(RMI_RTT_MAP_UNPROTECTED)                                                                 \
	X(RMI_RTT_READ_ENTRY)                                                                      \
	X(RMI_RTT_UNMAP_UNPROTECTED)                                                               \
	X(RMI_PSCI_COMPLETE)                                                                       \
	X(RMI_FEATURES)                                                                            \
	X(RMI_RTT_FOLD)                                                                            \
	X(RMI_REC_AUX_COUNT)                                                                       \
	X(RMI_RTT_INIT_RIPAS)                                                                      \
	X(RMI_RTT_SET_RIPAS)                                                                       \
	X(RMI_RMM_CONFIG_SET)                                                                      \
	X(RMI_GRANULE_TRACKING_GET)                                                                \
	X(RMI_RMM_CONFIG_GET)                                                                      \
	X(RMI_GRANULE_RANGE_DELEGATE)                                                              \
	X(RMI_GRANULE_RANGE_UNDELEGATE)                                                            \
	X(RMI_REALM_TERMINATE)                                                                     \
	X(RMI_RMM_ACTIVATE)                                                                        \
	X(RMI_OP_CONTINUE)                                                                         \
	X(RMI_OP_MEM_DONATE)                                                                       \
	X(RMI_OP_CANCEL)

/* ---- RmiStatusCode (DEN0137 1.0 B4.4.1; 2.0-bet2 for 5..15) ---- */
enum rmi_status {
	RMI_SUCCESS = 0,
	RMI_ERROR_INPUT = 1,
	RMI_ERROR_REALM = 2,
	RMI_ERROR_REC = 3,
	RMI_ERROR_RTT = 4, /* 1.0's last */
	/* Added after 1.0 (TF-RMM rmm-spec-v1.x-aligned and main lib/common/include/status.h;
	 * Linux arm-smccc-rmi.h). 1.1 ends at ERROR_RTT_AUX, 2.0-bet2 at ERROR_GPT. */
	RMI_ERROR_NOT_SUPPORTED = 5,
	RMI_ERROR_DEVICE = 6,
	RMI_ERROR_RTT_AUX = 7,
	RMI_ERROR_PSMMU_ST = 8,
	RMI_ERROR_DPT = 9,
	RMI_BUSY = 10,
	RMI_ERROR_GLOBAL = 11,
	RMI_ERROR_TRACKING = 12,
	RMI_INCOMPLETE = 13,
	RMI_BLOCKED = 14,
	RMI_ERROR_GPT = 15,
};

/* DEN0137 1.0 B4.4.1 RmiCommandReturnCode: x0 = (index << 8) | status, both 8 bits. */
static inline uint64_t rmi_ret(enum rmi_status status, unsigned int index)
{
	return ((uint64_t)(index & 0xff) << 8) | (uint64_t)status;
}

/* ---- RMI_FEATURES register 0, 1.0-rel0 layout (DEN0137 1.0 RmiFeatureRegister0;
 * TF-RMM rmm-spec-v1.0-rel0 smc-rmi.h RMI_FEATURE_REGISTER_0_*) ---- */
#define RMI_FEAT0_S2SZ(r)	  ((r)&0xff)
#define RMI_FEAT0_LPA2(r)	  (((r) >> 8) & 1)
#define RMI_FEAT0_SVE_EN(r)	  (((r) >> 9) & 1)
#define RMI_FEAT0_SVE_VL(r)	  (((r) >> 10) & 0xf)
#define RMI_FEAT0_NUM_BPS(r)	  (((r) >> 14) & 0x3f)
#define RMI_FEAT0_NUM_WPS(r)	  (((r) >> 20) & 0x3f)
#define RMI_FEAT0_PMU_EN(r)	  (((r) >> 26) & 1)
#define RMI_FEAT0_PMU_NUM_CTRS(r) (((r) >> 27) & 0x1f)
#define RMI_FEAT0_SHA256(r)	  (((r) >> 32) & 1)
#define RMI_FEAT0_SHA512(r)	  (((r) >> 33) & 1)

/* ---- RmiHashAlgorithm (DEN0137 1.0): RmiRealmParams.hash_algo ---- */
#define RMI_HASH_SHA_256 0u
#define RMI_HASH_SHA_512 1u

/* ---- RmiDataMeasureContent (DEN0137 1.0): RMI_DATA_CREATE flags ---- */
#define RMI_NO_MEASURE_CONTENT 0u
#define RMI_MEASURE_CONTENT    1u

/* ---- RmiRealmParams (DEN0137 1.0 B4.4.16): one 4 KiB NS granule, byte offsets ---- */
#define RMI_REALM_PARAMS_FLAGS		 0x0
#define RMI_REALM_PARAMS_S2SZ		 0x8
#define RMI_REALM_PARAMS_SVE_VL		 0x10
#define RMI_REALM_PARAMS_NUM_BPS	 0x18
#define RMI_REALM_PARAMS_NUM_WPS	 0x20
#define RMI_REALM_PARAMS_PMU_NUM_CTRS	 0x28
#define RMI_REALM_PARAMS_HASH_ALGO	 0x30
#define RMI_REALM_PARAMS_RPV		 0x400 /* 64 bytes */
#define RMI_REALM_PARAMS_VMID		 0x800 /* 16 bits; 2.0 has none (the RMM allocates) */
#define RMI_REALM_PARAMS_RTT_BASE	 0x808
#define RMI_REALM_PARAMS_RTT_LEVEL_START 0x810 /* signed */
#define RMI_REALM_PARAMS_RTT_NUM_START	 0x818

/* RmiRealmFlags (DEN0137 1.0, in RmiRealmParams.flags). */
#define RMI_REALM_FLAG_LPA2 (1u << 0)
#define RMI_REALM_FLAG_SVE  (1u << 1)
#define RMI_REALM_FLAG_PMU  (1u << 2)

/* ---- RmiRecParams (DEN0137 1.0 B4.4.18); 2.0 drops the aux list ---- */
#define RMI_REC_PARAMS_FLAGS   0x0
#define RMI_REC_PARAMS_MPIDR   0x100
#define RMI_REC_PARAMS_PC      0x200
#define RMI_REC_PARAMS_GPRS    0x300 /* gprs[8] */
#define RMI_REC_PARAMS_NUM_AUX 0x800
#define RMI_REC_PARAMS_AUX     0x808 /* aux[16] */
#define RMI_REC_MAX_AUX	       16
/* RmiRecCreateFlags (DEN0137 1.0, in RmiRecParams.flags). */
#define RMI_REC_FLAG_RUNNABLE (1u << 0)

/* ---- RmiRecRun (DEN0137 1.0 B4.4.19 RmiRecEnter at 0, B4.4.20 RmiRecExit at 0x800) ---- */
#define RMI_RUN_ENTRY_FLAGS	0x0
#define RMI_RUN_ENTRY_GPRS	0x200
#define RMI_RUN_ENTRY_GICV3_HCR 0x300
#define RMI_RUN_EXIT_REASON	0x800
#define RMI_RUN_EXIT_ESR	0x900
#define RMI_RUN_EXIT_FAR	0x908
#define RMI_RUN_EXIT_HPFAR	0x910
#define RMI_RUN_EXIT_GPRS	0xA00
#define RMI_RUN_EXIT_RIPAS_BASE 0xD00
#define RMI_RUN_EXIT_RIPAS_TOP	0xD08
#define RMI_RUN_EXIT_RIPAS_VAL	0xD10
#define RMI_RUN_EXIT_IMM	0xE00
#define RMI_RUN_GPRS		31
#define RMI_RUN_EXIT_PSCI_GPRS	4 /* PSCI exits carry x0..x3 of the realm's call */
/* Host calls exchange gprs[0..6] (TF-RMM rel0 RSI_HOST_CALL_NR_GPRS). */
#define RMI_RUN_HOST_CALL_GPRS 7
/* ICH_HCR_EL2 bits the host may set in RmiRecEnter.gicv3_hcr (TF-RMM gic_validate_state()):
 * En 0, UIE 1, LRENPIE 2, NPIE 3, VGrp0EIE 4, VGrp0DIE 5, VGrp1EIE 6, VGrp1DIE 7, TDIR 14. */
#define RMI_GICV3_HCR_HOST_BITS UINT64_C(0x40ff)

/* RmiRecEnterFlags (DEN0137 1.0 B4.4.19). RIPAS_RESPONSE set means REJECT. */
#define RMI_ENTRY_EMULATED_MMIO	 (1u << 0)
#define RMI_ENTRY_INJECT_SEA	 (1u << 1)
#define RMI_ENTRY_TRAP_WFI	 (1u << 2)
#define RMI_ENTRY_TRAP_WFE	 (1u << 3)
#define RMI_ENTRY_RIPAS_RESPONSE (1u << 4)

/* RmiRecExitReason (DEN0137 1.0, RmiRecExit.exit_reason). */
enum rmi_exit_reason {
	RMI_EXIT_SYNC = 0,
	RMI_EXIT_IRQ = 1,
	RMI_EXIT_FIQ = 2,
	RMI_EXIT_PSCI = 3,
	RMI_EXIT_RIPAS_CHANGE = 4,
	RMI_EXIT_HOST_CALL = 5,
	RMI_EXIT_SERROR = 6,
};

/* ---- RTT entries (DEN0137 1.0 A5: RmiRttEntryState; RIPAS A5.2.2) ---- */
enum rmi_rtt_entry_state {
	RMI_UNASSIGNED = 0,
	RMI_ASSIGNED = 1,
	RMI_TABLE = 2,
};

/* RmiRipas (DEN0137 1.0 A5.2.2; RsiRipas has EMPTY and RAM with the same values). */
enum rmm_ripas {
	RMM_RIPAS_EMPTY = 0,
	RMM_RIPAS_RAM = 1,
	RMM_RIPAS_DESTROYED = 2,
};

/* RTT levels (DEN0137 1.0 A5, 4 KiB granules): 0..3, and -1 with LPA2. */
#define RMI_RTT_MAX_LEVEL 3
/* Host descriptor bits RTT_MAP_UNPROTECTED accepts besides the output address (DEN0137 1.0
 * RTT_MAP_UNPROTECTED desc; TF-RMM host_ns_s2tte_is_valid() @rel0):
 * MemAttr [5:2], S2AP [7:6], SH [9:8]. */
#define RMI_NS_DESC_ATTR UINT64_C(0x3fc)

/* ---- 2.0: Stateful RMI Operations (DEN0137 2.0-bet2; Linux arm-smccc-rmi.h) ---- */
/* RMI_INCOMPLETE x0 bits [9:8] memory request, bit 10 can-cancel. */
#define RMI_OP_MEM_REQ_NONE   0u
#define RMI_OP_MEM_REQ_DONATE 1u
#define RMI_OP_CAN_CANCEL     (1u << 10)
/* Donate request x2: [1:0] block size (0 = 4 KiB), [15:2] count, 16 contiguous, 17 state. */
#define RMI_DONATE_REQ(count)  ((uint64_t)(count) << 2)
#define RMI_DONATE_COUNT_MAX   0x3fffu
#define RMI_DONATE_UNDELEGATED (UINT64_C(1) << 17)
/* OP_MEM_DONATE list entry (Linux RmiAddrRangeDesc): bit 63 = state (1 UNDELEGATED). */
#define RMI_ADDR_DESC_UNDELEGATED (UINT64_C(1) << 63)

/* RmmConfig page of RMM_CONFIG_SET/GET (Linux arm-smccc-rmi.h struct rmm_config). */
#define RMM_CONFIG_TRACKING_REGION_SIZE 0x0
#define RMM_CONFIG_RMI_GRANULE_SIZE	0x8
/* rmi_granule_size encoding: 0 4 KiB, 1 16 KiB, 2 64 KiB (Linux RMI_GRANULE_SIZE_*). */
#define RMI_GRANULE_SIZE_4KB 0u

/* GRANULE_TRACKING_GET results (Linux RMI_MEM_CATEGORY_*, RMI_TRACKING_*). */
#define RMI_MEM_CATEGORY_CONVENTIONAL 0u
#define RMI_MEM_CATEGORY_NONE	      3u
#define RMI_TRACKING_NONE	      1u
#define RMI_TRACKING_FINE	      2u
/* Linux RMM_GRANULE_TRACKING_SIZE: the region a tracking_region_size of 0 means with 4 KiB
 * granules; range commands never cross one (TF-RMM main granule_delegate_start()). */
#define RMI_TRACKING_REGION_DEFAULT (UINT64_C(1) << 30)

#endif /* SMCSIM_ABI_RMI_H */
