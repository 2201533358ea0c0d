/* SPDX-License-Identifier: MIT */
/* Confidential-computing platform attributes. cc_platform_has() is the architecture's
 * (arch/arm64/kernel/rsi.c up to 7.2); the layer declares it and defines no fallback. */
#ifndef KC_LINUX_CC_PLATFORM_H
#define KC_LINUX_CC_PLATFORM_H
#include <kc/base.h>
enum cc_attr {
	CC_ATTR_MEM_ENCRYPT,
	CC_ATTR_HOST_MEM_ENCRYPT,
	CC_ATTR_GUEST_MEM_ENCRYPT,
	CC_ATTR_GUEST_STATE_ENCRYPT,
	CC_ATTR_GUEST_UNROLL_STRING_IO,
	CC_ATTR_GUEST_SEV_SNP,
	CC_ATTR_HOST_SEV_SNP,
	CC_ATTR_HOTPLUG_DISABLED,
};
bool cc_platform_has(enum cc_attr attr);
#endif
