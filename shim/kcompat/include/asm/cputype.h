/* SPDX-License-Identifier: MIT */
#ifndef KC_ASM_CPUTYPE_H
#define KC_ASM_CPUTYPE_H
#include <kc/base.h>
#define MPIDR_HWID_BITMASK	 UL(0xff00ffffff)
#define MPIDR_LEVEL_BITS	 8
#define MPIDR_LEVEL_MASK	 ((1 << MPIDR_LEVEL_BITS) - 1)
#define MPIDR_LEVEL_SHIFT(level) (((1 << (level)) >> 1) << 3)
#define MPIDR_AFFINITY_LEVEL(mpidr, level)                                                         \
	(((mpidr) >> MPIDR_LEVEL_SHIFT(level)) & MPIDR_LEVEL_MASK)
/* MPIDR_EL1 of the CPU the kernel runs on, from the profile. */
u64 read_cpuid_mpidr(void);
#endif
