/* SPDX-License-Identifier: MIT */
/*
 * Integer base-2 logarithms and powers of two. ilog2() of a constant is itself a constant
 * (DECLARE_HASHTABLE(name, ilog2(64)) sizes a struct member in
 * drivers/firmware/arm_ffa/driver.c struct ffa_drv_info); at run time ilog2(0) is -1, as
 * the kernel's fls()-based helpers give.
 */
#ifndef KC_LINUX_LOG2_H
#define KC_LINUX_LOG2_H
#include <kc/base.h>

static inline int __kc_ilog2_u64(u64 n)
{
	return n ? 63 - __builtin_clzll(n) : -1;
}

#define ilog2(n)                                                                                   \
	(__builtin_constant_p(n) ? ((n) < 2 ? 0 : 63 - __builtin_clzll(n))                         \
				 : __kc_ilog2_u64((u64)(n)))

static inline __attribute__((const)) bool is_power_of_2(unsigned long n)
{
	return n != 0 && (n & (n - 1)) == 0;
}

/* Undefined for 0 and for results that do not fit, as in the kernel. */
#define roundup_pow_of_two(n)	((n) < 2 ? 1UL : 1UL << (ilog2((n)-1) + 1))
#define rounddown_pow_of_two(n) (1UL << ilog2(n))
#define order_base_2(n)		((n) < 2 ? 0 : ilog2((n)-1) + 1)
#define bits_per(n)		((n) < 2 ? 1 : ilog2(n) + 1)
#endif
