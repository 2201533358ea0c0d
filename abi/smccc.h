/* SPDX-License-Identifier: MIT */
/*
 * SMC Calling Convention (Arm DEN0028): function-ID encoding, Owning Entity Numbers, return
 * codes, the Arm Architecture Calls and the per-range general service queries.
 */
#ifndef SMCSIM_ABI_SMCCC_H
#define SMCSIM_ABI_SMCCC_H

#include <stdint.h>

/* ---- function-ID encoding (DEN0028 2.5, Table 2-1) ---- */
#define SMCCC_FAST	    (UINT32_C(1) << 31)
#define SMCCC_64	    (UINT32_C(1) << 30)
#define SMCCC_SVE_HINT	    (UINT32_C(1) << 16) /* DEN0028 1.3+ 2.5.1: a hint, not part of the ID */
#define SMCCC_OEN(fid)	    (((fid) >> 24) & 0x3f)
#define SMCCC_FNUM(fid)	    ((fid)&0xffff)
#define SMCCC_VER(maj, min) ((uint32_t)(((uint32_t)(maj) << 16) | (uint32_t)(min)))
#define SMCCC_VER_MAJOR(v)  (((v) >> 16) & 0x7fff)
#define SMCCC_VER_MINOR(v)  ((v)&0xffff)

/* DEN0028 Table 6-2: Owning Entity Numbers. */
enum smccc_oen {
	SMCCC_OEN_ARCH = 0,
	SMCCC_OEN_CPU = 1,
	SMCCC_OEN_SIP = 2,
	SMCCC_OEN_OEM = 3,
	SMCCC_OEN_STD = 4,
	SMCCC_OEN_STD_HYP = 5,
	SMCCC_OEN_VENDOR_HYP = 6,
	SMCCC_OEN_VENDOR_EL3 = 7,
	SMCCC_OEN_TAPP_FIRST = 48,
	SMCCC_OEN_TOS_FIRST = 50,
};

/* DEN0028 Table 7-1 return codes, as full 64-bit register values. */
#define SMCCC_RET_SUCCESS	    UINT64_C(0)
#define SMCCC_RET_NOT_SUPPORTED	    UINT64_MAX
#define SMCCC_RET_NOT_REQUIRED	    ((uint64_t)-2)
#define SMCCC_RET_INVALID_PARAMETER ((uint64_t)-3)

/* ---- Arm Architecture Calls (DEN0028 7) ---- */
#define SMCCC_VERSION_FID	    0x80000000u
#define SMCCC_ARCH_FEATURES_FID	    0x80000001u
#define SMCCC_ARCH_SOC_ID_FID	    0x80000002u
#define SMCCC_ARCH_SOC_ID_64_FID    0xC0000002u
#define SMCCC_ARCH_WORKAROUND_1_FID 0x80008000u
#define SMCCC_ARCH_WORKAROUND_2_FID 0x80007FFFu
#define SMCCC_ARCH_WORKAROUND_3_FID 0x80003FFFu

/* Every Arm Architecture Call above, for tables that must list them all: X(name) per ID. */
#define SMCCC_ARCH_FUNCTIONS(X)                                                                    \
	X(SMCCC_VERSION)                                                                           \
	X(SMCCC_ARCH_FEATURES)                                                                     \
	X(SMCCC_ARCH_SOC_ID)                                                                       \
	X(SMCCC_ARCH_SOC_ID_64)                                                                    \
	X(SMCCC_ARCH_WORKAROUND_1)                                                                 \
	X(SMCCC_ARCH_WORKAROUND_2)                                                                 \
	X(SMCCC_ARCH_WORKAROUND_3)

/* ---- general service queries, per OEN (DEN0028 6.2): function numbers in every range ---- */
#define SMCCC_QUERY_CALL_COUNT 0xFF00u
#define SMCCC_QUERY_CALL_UID   0xFF01u
#define SMCCC_QUERY_REVISION   0xFF03u
/* The SMC32 fast-call query @fn of the range owned by @oen. */
#define SMCCC_QUERY_FID(oen, fn) (SMCCC_FAST | (uint32_t)(oen) << 24 | (fn))
/* Trusted OS queries live at the top of the Trusted OS range: OEN 63 (0xBF00FF0x). */
#define SMCCC_OEN_TOS_QUERY 63

/* The queries of each range smcsim answers, named as TF-A and Linux name the ranges. */
#define SIP_SVC_CALL_COUNT_FID	   SMCCC_QUERY_FID(SMCCC_OEN_SIP, SMCCC_QUERY_CALL_COUNT)
#define SIP_SVC_CALL_UID_FID	   SMCCC_QUERY_FID(SMCCC_OEN_SIP, SMCCC_QUERY_CALL_UID)
#define SIP_SVC_REVISION_FID	   SMCCC_QUERY_FID(SMCCC_OEN_SIP, SMCCC_QUERY_REVISION)
#define OEM_SVC_CALL_COUNT_FID	   SMCCC_QUERY_FID(SMCCC_OEN_OEM, SMCCC_QUERY_CALL_COUNT)
#define OEM_SVC_CALL_UID_FID	   SMCCC_QUERY_FID(SMCCC_OEN_OEM, SMCCC_QUERY_CALL_UID)
#define OEM_SVC_REVISION_FID	   SMCCC_QUERY_FID(SMCCC_OEN_OEM, SMCCC_QUERY_REVISION)
#define STD_SVC_CALL_COUNT_FID	   SMCCC_QUERY_FID(SMCCC_OEN_STD, SMCCC_QUERY_CALL_COUNT)
#define STD_SVC_CALL_UID_FID	   SMCCC_QUERY_FID(SMCCC_OEN_STD, SMCCC_QUERY_CALL_UID)
#define STD_SVC_REVISION_FID	   SMCCC_QUERY_FID(SMCCC_OEN_STD, SMCCC_QUERY_REVISION)
#define STD_HYP_SVC_CALL_COUNT_FID SMCCC_QUERY_FID(SMCCC_OEN_STD_HYP, SMCCC_QUERY_CALL_COUNT)
#define STD_HYP_SVC_CALL_UID_FID   SMCCC_QUERY_FID(SMCCC_OEN_STD_HYP, SMCCC_QUERY_CALL_UID)
#define STD_HYP_SVC_REVISION_FID   SMCCC_QUERY_FID(SMCCC_OEN_STD_HYP, SMCCC_QUERY_REVISION)
#define VENDOR_HYP_CALL_COUNT_FID  SMCCC_QUERY_FID(SMCCC_OEN_VENDOR_HYP, SMCCC_QUERY_CALL_COUNT)
/* Linux: ARM_SMCCC_VENDOR_HYP_CALL_UID_FUNC_ID (the KVM UID, include/linux/arm-smccc.h). */
#define VENDOR_HYP_CALL_UID_FID	  SMCCC_QUERY_FID(SMCCC_OEN_VENDOR_HYP, SMCCC_QUERY_CALL_UID)
#define VENDOR_HYP_REVISION_FID	  SMCCC_QUERY_FID(SMCCC_OEN_VENDOR_HYP, SMCCC_QUERY_REVISION)
#define VENDOR_EL3_CALL_COUNT_FID SMCCC_QUERY_FID(SMCCC_OEN_VENDOR_EL3, SMCCC_QUERY_CALL_COUNT)
#define VENDOR_EL3_CALL_UID_FID	  SMCCC_QUERY_FID(SMCCC_OEN_VENDOR_EL3, SMCCC_QUERY_CALL_UID)
#define VENDOR_EL3_REVISION_FID	  SMCCC_QUERY_FID(SMCCC_OEN_VENDOR_EL3, SMCCC_QUERY_REVISION)
#define TRUSTED_OS_CALL_COUNT_FID SMCCC_QUERY_FID(SMCCC_OEN_TOS_QUERY, SMCCC_QUERY_CALL_COUNT)
#define TRUSTED_OS_CALL_UID_FID	  SMCCC_QUERY_FID(SMCCC_OEN_TOS_QUERY, SMCCC_QUERY_CALL_UID)
#define TRUSTED_OS_REVISION_FID	  SMCCC_QUERY_FID(SMCCC_OEN_TOS_QUERY, SMCCC_QUERY_REVISION)

/* The ranges with queries above: X(prefix) per range, prefix##_CALL_COUNT etc. */
#define SMCCC_QUERY_RANGES(X)                                                                      \
	X(SIP_SVC)                                                                                 \
	X(OEM_SVC)                                                                                 \
	X(STD_SVC)                                                                                 \
	X(STD_HYP_SVC)                                                                             \
	X(VENDOR_HYP)                                                                              \
	X(VENDOR_EL3)                                                                              \
	X(TRUSTED_OS)

#endif /* SMCSIM_ABI_SMCCC_H */
