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
/* What the platform tells the suspend core about the transition in progress: firmware
 * suspends the platform / the wake-up comes through firmware (7.x psci.c sets both). */
#define PM_SUSPEND_FLAG_FW_SUSPEND  BIT(0)
#define PM_SUSPEND_FLAG_FW_RESUME   BIT(1)
#define PM_SUSPEND_FLAG_NO_PLATFORM BIT(2)
extern unsigned int pm_suspend_global_flags;
static inline void pm_set_suspend_via_firmware(void)
{
	pm_suspend_global_flags |= PM_SUSPEND_FLAG_FW_SUSPEND;
}
static inline void pm_set_resume_via_firmware(void)
{
	pm_suspend_global_flags |= PM_SUSPEND_FLAG_FW_RESUME;
}
static inline bool pm_suspend_via_firmware(void)
{
	return pm_suspend_global_flags & PM_SUSPEND_FLAG_FW_SUSPEND;
}
static inline bool pm_resume_via_firmware(void)
{
	return pm_suspend_global_flags & PM_SUSPEND_FLAG_FW_RESUME;
}
#endif
