/* SPDX-License-Identifier: MIT */
#ifndef KC_LINUX_CPUIDLE_H
#define KC_LINUX_CPUIDLE_H
#include <kc/base.h>
struct cpuidle_driver;
struct cpuidle_device;
static inline void ct_cpuidle_enter(void)
{
}
static inline void ct_cpuidle_exit(void)
{
}
#endif
