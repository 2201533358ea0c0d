/* SPDX-License-Identifier: MIT */
#ifndef KC_LINUX_SCHED_H
#define KC_LINUX_SCHED_H
#include <linux/spinlock.h>
#include <linux/preempt.h>
#define rcu_read_lock()                                                                            \
	do {                                                                                       \
	} while (0)
#define rcu_read_unlock()                                                                          \
	do {                                                                                       \
	} while (0)
#define synchronize_rcu()                                                                          \
	do {                                                                                       \
	} while (0)
#define rcu_dereference(p)	 (p)
#define rcu_assign_pointer(p, v) ((p) = (v))
#endif
