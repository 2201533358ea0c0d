/* SPDX-License-Identifier: MIT */
/*
 * Realm Services Interface (Arm DEN0137 B5): function IDs, RsiCommandReturnCode, the structures
 * a realm passes by IPA (RsiRealmConfig, RsiHostCall), IPA_STATE_SET's flags and response, and
 * the CCA attestation token's CBOR tags and claim keys (DEN0137 A7.2) that
 * RSI_ATTEST_TOKEN_CONTINUE hands out. The 1.0 command set is unchanged in every later version.
 */
#ifndef SMCSIM_ABI_RSI_H
#define SMCSIM_ABI_RSI_H

#include <stdint.h>

/* ---- function IDs (DEN0137 1.0 B5.3; SMC64 Standard Secure Service 0x190..0x1AF) ---- */
#define RSI_FID(n)   (0xC4000000u + (n))
#define RSI_FNUM_MIN 0x190u
#define RSI_FNUM_MAX 0x1AFu

#define RSI_VERSION_FID		      RSI_FID(0x190)
#define RSI_FEATURES_FID	      RSI_FID(0x191)
#define RSI_MEASUREMENT_READ_FID      RSI_FID(0x192)
#define RSI_MEASUREMENT_EXTEND_FID    RSI_FID(0x193)
#define RSI_ATTEST_TOKEN_INIT_FID     RSI_FID(0x194)
#define RSI_ATTEST_TOKEN_CONTINUE_FID RSI_FID(0x195)
#define RSI_REALM_CONFIG_FID	      RSI_FID(0x196)
#define RSI_IPA_STATE_SET_FID	      RSI_FID(0x197)
#define RSI_IPA_STATE_GET_FID	      RSI_FID(0x198)
#define RSI_HOST_CALL_FID	      RSI_FID(0x199)

/* The 1.0 commands, in function-number order: a table indexed by function number from
 * RSI_VERSION covers exactly these. */
#define RSI_COMMANDS(X)                                                                            \
	X(RSI_VERSION)                                                                             \
	X(RSI_FEATURES)                                                                            \
	X(RSI_MEASUREMENT_READ)                                                                    \
	X(RSI_MEASUREMENT_EXTEND)                                                                  \
	X(RSI_ATTEST_TOKEN_INIT)                                                                   \
	X(RSI_ATTEST_TOKEN_CONTINUE)                                                               \
	X(RSI_REALM_CONFIG)                                                                        \
	X(RSI_IPA_STATE_SET)                                                                       \
	X(RSI_IPA_STATE_GET)                                                                       \
	X(RSI_HOST_CALL)

/* ---- RSI ABI versions, as RSI_VERSION reports them (DEN0137 RSI_VERSION: major << 16 | minor)
 * ---- */
#define RSI_ABI_1_0 0x10000u
#define RSI_ABI_1_1 0x10001u

/* ---- RsiCommandReturnCode (DEN0137 1.0 B5.4.1): plain values, no index packing ---- */
enum rsi_status {
	RSI_SUCCESS = 0,
	RSI_ERROR_INPUT = 1,
	RSI_ERROR_STATE = 2,
	RSI_INCOMPLETE = 3,
};

/* ---- RsiRealmConfig (DEN0137 1.0 B5.4.10): byte offsets in the realm's 4 KiB buffer ---- */
#define RSI_CONFIG_IPA_WIDTH 0x0   /* u64 */
#define RSI_CONFIG_HASH_ALGO 0x8   /* u8, RsiHashAlgorithm = RmiHashAlgorithm */
#define RSI_CONFIG_RPV	     0x200 /* 64 bytes */

/* ---- RsiHostCall (DEN0137 1.0 B5.4.8): imm (u16) at 0, gprs[31] at 8. TF-RMM rel0 requires
 * 256-byte alignment (sizeof(struct rsi_host_call)). ---- */
#define RSI_HOST_CALL_SIZE 0x100
#define RSI_HOST_CALL_IMM  0x0
#define RSI_HOST_CALL_GPRS 0x8

/* ---- RSI_IPA_STATE_SET (DEN0137 1.0 B5.3.6) ---- */
/* RsiRipasChangeFlags bit 0: a DESTROYED granule may change. */
#define RSI_CHANGE_DESTROYED (1u << 0)
/* RsiResponse, x2 of the completed call. */
#define RSI_ACCEPT 0u
#define RSI_REJECT 1u

/* ---- CCA attestation token (DEN0137 1.0 A7.2; TF-RMM lib/attestation
 * attestation_defs_priv.h, PSA/CCA token profiles) ---- */
#define CCA_TAG_TOKEN_1	    399 /* 1.0 collection: { 44234: bstr, 44241: bstr } */
#define CCA_TAG_TOKEN_2	    907 /* 2.0 collection: values wrapped as [263, bstr] */
#define CCA_TAG_COSE_SIGN1  18	/* RFC 8152 4.2 */
#define CCA_CT_EAT_CWT	    263 /* CoAP content format of the 2.0 [263, bstr] wrappers */
#define CCA_KEY_PLAT_TOKEN  44234
#define CCA_KEY_REALM_TOKEN 44241
#define CCA_COSE_HDR_ALG    1
#define CCA_COSE_ALG_ES384  (-35)
#define CCA_COSE_KEY_KTY    1
#define CCA_COSE_KEY_CRV    (-1)
#define CCA_COSE_KEY_X	    (-2)
#define CCA_COSE_KEY_Y	    (-3)
#define CCA_COSE_KTY_EC2    2
#define CCA_COSE_CRV_P384   2
#define CCA_EAT_PROFILE	    265
/* Realm token claims (DEN0137 1.0 A7.2.3.1). */
#define CCA_REALM_CHALLENGE	    10
#define CCA_REALM_INSTANCE_ID	    256 /* 2.0 */
#define CCA_REALM_RPV		    44235
#define CCA_REALM_HASH_ALGO	    44236
#define CCA_REALM_PUB_KEY	    44237
#define CCA_REALM_RIM		    44238
#define CCA_REALM_REM		    44239
#define CCA_REALM_PUB_KEY_HASH_ALGO 44240
#define CCA_REALM_MEC_POLICY	    44243 /* 2.0 */
/* Platform token claims (DEN0137 1.0 A7.2, the PSA platform profile). */
#define CCA_PLAT_CHALLENGE     10
#define CCA_PLAT_INSTANCE_ID   256
#define CCA_PLAT_IMPL_ID       2396
#define CCA_PLAT_LIFECYCLE     2395
#define CCA_PLAT_SW_COMPONENTS 2399
#define CCA_PLAT_VERIFY_SVC    2400
#define CCA_PLAT_CONFIG	       2401
#define CCA_PLAT_HASH_ALGO     2402
#define CCA_PROFILE_REALM_1    "tag:arm.com,2023:realm#1.0.0"
#define CCA_PROFILE_REALM_2    "tag:arm.com,2024:realm#2.0.0"
#define CCA_PROFILE_PLAT       "tag:arm.com,2023:cca_platform#1.0.0"

#endif /* SMCSIM_ABI_RSI_H */
