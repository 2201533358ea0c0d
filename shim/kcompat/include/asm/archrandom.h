/* SPDX-License-Identifier: MIT */
#ifndef KC_ASM_ARCHRANDOM_H
#define KC_ASM_ARCHRANDOM_H
#include <kc/base.h>
#include <linux/arm-smccc.h>
/* arm64's boot-time TRNG probe (arch/arm64/include/asm/archrandom.h smccc_probe_trng()):
 * TRNG_VERSION through the recorded conduit; present when it answers a version of at
 * least 1.0 (DEN0098 2.1), a negative answer being an error code. */
static inline bool __init smccc_probe_trng(void)
{
	struct arm_smccc_res res;
	arm_smccc_1_1_invoke(ARM_SMCCC_TRNG_VERSION, &res);
	if ((s32)res.a0 < 0)
		return false;
	return res.a0 >= ARM_SMCCC_TRNG_MIN_VERSION;
}
#endif
