/* SPDX-License-Identifier: MIT */
#ifndef KC_LINUX_PM_H
#define KC_LINUX_PM_H
#include <kc/base.h>
struct device;
struct dev_pm_ops {
	int (*suspend)(struct device *dev);
	int (*resume)(struct device *dev);
};
#define SIMPLE_DEV_PM_OPS(name, s, r)	     const struct dev_pm_ops name = { s, r }
#define DEFINE_SIMPLE_DEV_PM_OPS(name, s, r) const struct dev_pm_ops name = { s, r }
#define pm_sleep_ptr(p)			     (p)
#define pm_ptr(p)			     (p)
/* Set by PSCI (SYSTEM_OFF) and read by the host's report. */
extern void (*pm_power_off)(void);
#endif
