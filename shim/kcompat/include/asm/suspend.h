/* SPDX-License-Identifier: MIT */
#ifndef KC_ASM_SUSPEND_H
#define KC_ASM_SUSPEND_H
#include <kc/base.h>
/* The resume entry point firmware would jump to (its address is passed to PSCI). */
void cpu_resume(void);
int cpu_suspend(unsigned long arg, int (*fn)(unsigned long));
#endif
