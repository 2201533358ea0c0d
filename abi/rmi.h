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

/*
 * ---- RMI_FEATURES register fields (DEN0137 RmiFeatureRegister0..4) ----
 * X(field, register, lowest bit, width), one list per ABI generation, each from TF-RMM
 * smc-rmi.h RMI_FEATURE_REGISTER_*_SHIFT/WIDTH at that tag.
 */
/* 1.0-rel0 (tag rmm-spec-v1.0-rel0; the Linux 1.0-era KVM host series). */
#define RMI_FEATURES_1_0_REL0(X)                                                                   \
	X(S2SZ, 0, 0, 8)                                                                           \
	X(LPA2, 0, 8, 1)                                                                           \
	X(SVE_EN, 0, 9, 1)                                                                         \
	X(SVE_VL, 0, 10, 4)                                                                        \
	X(NUM_BPS, 0, 14, 6)                                                                       \
	X(NUM_WPS, 0, 20, 6)                                                                       \
	X(PMU_EN, 0, 26, 1)                                                                        \
	X(PMU_NUM_CTRS, 0, 27, 5)                                                                  \
	X(HASH_SHA_256, 0, 32, 1)                                                                  \
	X(HASH_SHA_512, 0, 33, 1)                                                                  \
	X(GICV3_NUM_LRS, 0, 34, 4)                                                                 \
	X(MAX_RECS_ORDER, 0, 38, 4)

/* 1.0-EAC5 (tag rmm-spec-v1.0-eac5; Linux jpbrucker rmi_smc.h): 4-bit BPS/WPS, so everything from
 * NUM_WPS up sits lower; no GICv3 LRs or RECS order. */
#define RMI_FEATURES_1_0_EAC5(X)                                                                   \
	X(S2SZ, 0, 0, 8)                                                                           \
	X(LPA2, 0, 8, 1)                                                                           \
	X(SVE_EN, 0, 9, 1)                                                                         \
	X(SVE_VL, 0, 10, 4)                                                                        \
	X(NUM_BPS, 0, 14, 4)                                                                       \
	X(NUM_WPS, 0, 18, 4)                                                                       \
	X(PMU_EN, 0, 22, 1)                                                                        \
	X(PMU_NUM_CTRS, 0, 23, 5)                                                                  \
	X(HASH_SHA_256, 0, 28, 1)                                                                  \
	X(HASH_SHA_512, 0, 29, 1)

/* 1.1 (branch rmm-spec-v1.x-aligned, "aligning with 1.1-alp9"): rel0 plus DA/planes bits in
 * register 0 and MAX_MECID as register 1. */
#define RMI_FEATURES_1_1(X)                                                                        \
	RMI_FEATURES_1_0_REL0(X)                                                                   \
	X(DA_EN, 0, 42, 1)                                                                         \
	X(RTT_PLANE, 0, 43, 2)                                                                     \
	X(MAX_NUM_AUX_PLANES, 0, 45, 4)                                                            \
	X(RTT_S2AP_INDIRECT, 0, 49, 1)                                                             \
	X(MAX_MECID, 1, 0, 64)

/* 2.0-bet2 (main; Linux arm-smccc-rmi.h): hash, RECS order and granule sizes move to register
 * 1, device assignment to register 2, planes to register 3, MEC count to register 4. */
#define RMI_FEATURES_2_0(X)                                                                        \
	X(S2SZ, 0, 0, 8)                                                                           \
	X(LPA2, 0, 8, 1)                                                                           \
	X(SVE_EN, 0, 9, 1)                                                                         \
	X(SVE_VL, 0, 10, 4)                                                                        \
	X(NUM_BPS, 0, 14, 6)                                                                       \
	X(NUM_WPS, 0, 20, 6)                                                                       \
	X(PMU_EN, 0, 26, 1)                                                                        \
	X(PMU_NUM_CTRS, 0, 27, 5)                                                                  \
	X(GRAN_SZ_4K, 1, 0, 1)                                                                     \
	X(GRAN_SZ_16K, 1, 1, 1)                                                                    \
	X(GRAN_SZ_64K, 1, 2, 1)                                                                    \
	X(HASH_SHA_256, 1, 3, 1)                                                                   \
	X(HASH_SHA_384, 1, 4, 1)                                                                   \
	X(HASH_SHA_512, 1, 5, 1)                                                                   \
	X(MAX_RECS_ORDER, 1, 6, 4)                                                                 \
	X(L0GPTSZ, 1, 10, 4)                                                                       \
	X(PPS, 1, 14, 3)                                                                           \
	X(DA_EN, 2, 0, 1)                                                                          \
	X(DA_COH, 2, 1, 1)                                                                         \
	X(VSMMU, 2, 2, 1)                                                                          \
	X(ATS, 2, 3, 1)                                                                            \
	X(MAX_VDEVS_ORDER, 2, 4, 4)                                                                \
	X(VDEV_KROU, 2, 8, 1)                                                                      \
	X(NON_TEE_STREAM, 2, 9, 1)                                                                 \
	X(MAX_NUM_AUX_PLANES, 3, 0, 4)                                                             \
	X(RTT_PLANE, 3, 4, 2)                                                                      \
	X(RTT_S2AP_INDIRECT, 3, 6, 1)                                                              \
	X(MEC_COUNT, 4, 0, 64)

/* ---- RmiHashAlgorithm (DEN0137 1.0): RmiRealmParams.hash_algo ---- */
#define RMI_HASH_SHA_256 0u
#define RMI_HASH_SHA_512 1u

/* ---- RmiDataMeasureContent (DEN0137 1.0): RMI_DATA_CREATE flags ---- */
#define RMI_NO_MEASURE_CONTENT 0u
#define RMI_MEASURE_CONTENT    1u

/*
 * ---- RmmMeasurementDescriptorData/Rec/Ripas (DEN0137 1.0 A7.1.1): what the RIM is extended
 * with; layout as TF-RMM lib/measurement measurement_descs.h @rel0 ----
 * Every descriptor is 0x100 bytes, little-endian, zero where unused: desc_type u8 at 0, len
 * u64 (= 0x100) at 8, the current RIM (hash-size bytes, rest zero) at 0x10, then the
 * type-specific part. The new RIM is the hash of the 0x100 bytes.
 */
#define RMM_MEAS_DESC_SIZE	 0x100
#define RMM_MEAS_DESC_TYPE	 0x00
#define RMM_MEAS_DESC_LEN	 0x08
#define RMM_MEAS_DESC_RIM	 0x10
#define RMM_MEAS_DESC_TYPE_DATA	 0x0
#define RMM_MEAS_DESC_TYPE_REC	 0x1
#define RMM_MEAS_DESC_TYPE_RIPAS 0x2
#define RMM_MEAS_DESC_DATA_IPA	 0x50 /* u64 */
#define RMM_MEAS_DESC_DATA_FLAGS 0x58 /* u64, RmiDataMeasureContent */
#define RMM_MEAS_DESC_DATA_HASH	 0x60 /* [64] hash of the granule, or zero */
#define RMM_MEAS_DESC_REC_HASH	 0x50 /* [64] hash of the measured RmiRecParams fields */
#define RMM_MEAS_DESC_RIPAS_BASE 0x50 /* u64 */
#define RMM_MEAS_DESC_RIPAS_TOP	 0x58 /* u64 */

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
/*
 * The host-controlled fields of an RTT_MAP_UNPROTECTED descriptor besides the output address
 * (DEN0137 1.0 A5.5.11, B3.56 RttDescriptorIsValidForUnprotected; TF-RMM S2TTE_NS_ATTR_MASK
 * @rel0): MemAttr[2:0] at [4:2] and S2AP at [7:6]. MemAttr[3] (bit 5) is RES0 under
 * FEAT_S2FWB and shareability is the RMM's, so neither is the host's. MemAttr 0b100 is
 * reserved under FEAT_S2FWB. With LPA2 the descriptor also carries OA[51:50] at [9:8] and
 * OA[49:48] at [49:48].
 */
#define RMI_NS_DESC_MEMATTR	     UINT64_C(0x1c)
#define RMI_NS_DESC_MEMATTR_RESERVED UINT64_C(0x10)
#define RMI_NS_DESC_S2AP	     UINT64_C(0xc0)
#define RMI_NS_DESC_ATTR	     (RMI_NS_DESC_MEMATTR | RMI_NS_DESC_S2AP)
#define RMI_NS_DESC_LPA2_OA	     UINT64_C(0x0003000000000300)

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
/* DEN0137 2.0 RmiMemCategory: CONVENTIONAL 0, DEV_NCOH 1, DEV_COH 2 (TF-RMM main). */
#define RMI_MEM_CATEGORY_CONVENTIONAL 0u
#define RMI_TRACKING_NONE	      1u
#define RMI_TRACKING_FINE	      2u
/* Linux RMM_GRANULE_TRACKING_SIZE: the region a tracking_region_size of 0 means with 4 KiB
 * granules; range commands never cross one (TF-RMM main granule_delegate_start()). */
#define RMI_TRACKING_REGION_DEFAULT (UINT64_C(1) << 30)

#endif /* SMCSIM_ABI_RMI_H */
