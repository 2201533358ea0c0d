/* SPDX-License-Identifier: MIT */
#ifndef KC_ASM_CPUIDLE_H
#define KC_ASM_CPUIDLE_H
#include <kc/base.h>
struct arm_cpuidle_irq_context {
	int unused;
};
#define arm_cpuidle_save_irq_context(c)	   ((void)(c))
#define arm_cpuidle_restore_irq_context(c) ((void)(c))
#endif
