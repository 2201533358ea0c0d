/* SPDX-License-Identifier: MIT */
#ifndef KC_LINUX_SUSPEND_H
#define KC_LINUX_SUSPEND_H
#include <kc/base.h>
#include <linux/pm.h>
typedef int suspend_state_t;
#define PM_SUSPEND_ON	   0
#define PM_SUSPEND_TO_IDLE 1
#define PM_SUSPEND_STANDBY 2
#define PM_SUSPEND_MEM	   3
struct platform_suspend_ops {
	int (*valid)(suspend_state_t state);
	int (*begin)(suspend_state_t state);
	int (*prepare)(void);
	int (*prepare_late)(void);
	int (*enter)(suspend_state_t state);
	void (*wake)(void);
	void (*finish)(void);
	bool (*suspend_again)(void);
	void (*end)(void);
	void (*recover)(void);
};
void suspend_set_ops(const struct platform_suspend_ops *ops);
int suspend_valid_only_mem(suspend_state_t state);
#endif
