/* SPDX-License-Identifier: MIT */
/* Part of the basics: see kc/base.h. */
#ifndef KC_LINUX_CONTAINER_OF_H
#define KC_LINUX_CONTAINER_OF_H
#include <kc/base.h>

/* container_of() that keeps a const pointer const: bus callbacks get a
 * const struct device_driver * (struct bus_type.match) and to_ffa_driver() must hand back
 * a const struct ffa_driver * there, a mutable one elsewhere. */
/* clang-format off */
#define container_of_const(ptr, type, member)                                                      \
	_Generic(ptr,                                                                              \
		const __typeof__(*(ptr)) *: ((const type *)container_of(ptr, type, member)),       \
		default: ((type *)container_of(ptr, type, member)))
/* clang-format on */
#endif
