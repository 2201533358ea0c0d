/* SPDX-License-Identifier: MIT */
/*
 * The Realm Services Interface (Arm DEN0137 "Realm Management Monitor specification",
 * chapter B5): function IDs, status codes and the RsiRealmConfig granule, under the names
 * arm64 kernel code uses. Values from the specification; this file is smcsim's own.
 */
#ifndef KC_ASM_RSI_SMC_H
#define KC_ASM_RSI_SMC_H
#include <kc/base.h>
#include <linux/arm-smccc.h>

/* RSI calls are SMC64 fast calls in the Standard Secure Service range. */
#define SMC_RSI_FID(n)                                                                             \
	ARM_SMCCC_CALL_VAL(ARM_SMCCC_FAST_CALL, ARM_SMCCC_SMC_64, ARM_SMCCC_OWNER_STANDARD, (n))

/* The interface version the kernel asks for, and RsiInterfaceVersion's fields. The major
 * revision is everything above bit 16, unmasked, as the kernel prints it. */
#define RSI_ABI_VERSION_MAJOR		    UL(1)
#define RSI_ABI_VERSION_MINOR		    UL(0)
#define RSI_ABI_VERSION			    ((RSI_ABI_VERSION_MAJOR << 16) | RSI_ABI_VERSION_MINOR)
#define RSI_ABI_VERSION_GET_MAJOR(_version) ((_version) >> 16)
#define RSI_ABI_VERSION_GET_MINOR(_version) ((_version)&0xFFFF)

/* RsiCommandReturnCode */
#define RSI_SUCCESS	  UL(0)
#define RSI_ERROR_INPUT	  UL(1)
#define RSI_ERROR_STATE	  UL(2)
#define RSI_INCOMPLETE	  UL(3)
#define RSI_ERROR_UNKNOWN UL(4)

#define SMC_RSI_ABI_VERSION		   SMC_RSI_FID(0x190) /* (req) -> status, lower, higher */
#define SMC_RSI_FEATURES		   SMC_RSI_FID(0x191) /* (index) -> status, value */
#define SMC_RSI_MEASUREMENT_READ	   SMC_RSI_FID(0x192) /* (index) -> status, x1..x8 */
#define SMC_RSI_MEASUREMENT_EXTEND	   SMC_RSI_FID(0x193) /* (index, size, x3..x10) */
#define SMC_RSI_ATTESTATION_TOKEN_INIT	   SMC_RSI_FID(0x194) /* (challenge x1..x8) -> max */
#define SMC_RSI_ATTESTATION_TOKEN_CONTINUE SMC_RSI_FID(0x195) /* (ipa, off, size) -> len */
#define SMC_RSI_REALM_CONFIG		   SMC_RSI_FID(0x196) /* (ipa of the config granule) */
#define SMC_RSI_IPA_STATE_SET		   SMC_RSI_FID(0x197) /* (base, top, ripas, flags) */
#define SMC_RSI_IPA_STATE_GET		   SMC_RSI_FID(0x198) /* (base, top) -> top, ripas */
#define SMC_RSI_HOST_CALL		   SMC_RSI_FID(0x199) /* (ipa of the host call) */

/* RSI_IPA_STATE_SET flags (RsiRipasChangeDestroyed) and response (RsiResponse). */
#define RSI_NO_CHANGE_DESTROYED UL(0)
#define RSI_CHANGE_DESTROYED	UL(1)
#define RSI_ACCEPT		UL(0)
#define RSI_REJECT		UL(1)

/* RsiRealmConfig: one 4 KiB granule the RMM fills in (DEN0137 B5.4.x): the IPA width at
 * 0x0, the hash algorithm at 0x8, the Realm Personalization Value at 0x200. */
struct realm_config {
	unsigned long ipa_bits;	 /* IPA width in bits */
	unsigned long hash_algo; /* RsiHashAlgorithm */
	u8 reserved0[0x200 - 2 * sizeof(unsigned long)];
	u8 rpv[64];
	u8 reserved1[0xe00 - 64];
} __attribute__((aligned(0x1000)));
_Static_assert(sizeof(struct realm_config) == 0x1000, "RsiRealmConfig is one granule");
_Static_assert(offsetof(struct realm_config, rpv) == 0x200, "RPV at 0x200");
#endif
