/* SPDX-License-Identifier: MIT */
/* One CPU, no preemption: disabling it or migration only has to nest correctly. */
#ifndef KC_LINUX_PREEMPT_H
#define KC_LINUX_PREEMPT_H
#include <kc/base.h>
#define migrate_disable()                                                                          \
	do {                                                                                       \
	} while (0)
#define migrate_enable()                                                                           \
	do {                                                                                       \
	} while (0)
#endif
