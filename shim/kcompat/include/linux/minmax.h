/* SPDX-License-Identifier: MIT */
/* Part of the basics: see kc/base.h. */
#ifndef KC_LINUX_MINMAX_H
#define KC_LINUX_MINMAX_H
#include <kc/base.h>

/* The smaller of two values where 0 means "no limit" (ffa_init() sizes its RX/TX buffers
 * with it: a zero maximum from FFA_FEATURES is no maximum). */
#define min_not_zero(x, y)                                                                         \
	({                                                                                         \
		__typeof__(x) __kc_x = (x);                                                        \
		__typeof__(y) __kc_y = (y);                                                        \
		__kc_x == 0 ? __kc_y : (__kc_y == 0 ? __kc_x : min(__kc_x, __kc_y));               \
	})
#endif
