/* SPDX-License-Identifier: MIT */
#ifndef KC_ASM_SMP_PLAT_H
#define KC_ASM_SMP_PLAT_H
#include <kc/base.h>
#include <asm/cputype.h>
/* The logical CPU map: the profile's CPUs in order (cpu_logical_map(0) = the boot CPU). */
u64 cpu_logical_map(unsigned int cpu);
int get_logical_index(u64 mpidr);
#endif
