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

/* KVM's "target implementation" CPUs (drivers/firmware/smccc/kvm_guest.c, 6.15+): the
 * MIDR/REVIDR/AIDR values a guest may migrate to, kept for errata checks. */
struct target_impl_cpu {
	u64 midr;
	u64 revidr;
	u64 aidr;
};
/* Takes @impl_cpus (@num entries) unless a table is already set, @num is 0 or @impl_cpus
 * is NULL; true when taken. */
bool cpu_errata_set_target_impl(u64 num, void *impl_cpus);
#endif
