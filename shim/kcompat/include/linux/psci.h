/* SPDX-License-Identifier: MIT */
/* The PSCI driver's interface (drivers/firmware/psci/psci.c provides it). */
#ifndef KC_LINUX_PSCI_H
#define KC_LINUX_PSCI_H
#include <kc/base.h>
#include <linux/arm-smccc.h>
#include <linux/init.h>
#include <linux/types.h>
#define PSCI_POWER_STATE_TYPE_STANDBY	 0
#define PSCI_POWER_STATE_TYPE_POWER_DOWN 1
bool psci_tos_resident_on(int cpu);
int psci_cpu_suspend_enter(u32 state);
bool psci_power_state_is_valid(u32 state);
int psci_set_osi_mode(bool enable);
bool psci_has_osi_support(void);
struct psci_operations {
	u32 (*get_version)(void);
	int (*cpu_suspend)(u32 state, unsigned long entry_point);
	int (*cpu_off)(u32 state);
	int (*cpu_on)(unsigned long cpuid, unsigned long entry_point);
	int (*migrate)(unsigned long cpuid);
	int (*affinity_info)(unsigned long target_affinity, unsigned long lowest_affinity_level);
	int (*migrate_info_type)(void);
};
extern struct psci_operations psci_ops;
struct psci_0_1_function_ids {
	u32 cpu_suspend;
	u32 cpu_on;
	u32 cpu_off;
	u32 migrate;
};
struct psci_0_1_function_ids get_psci_0_1_function_ids(void);
int psci_dt_init(void);
static inline int psci_acpi_init(void)
{
	return 0;
}
#include <linux/acpi.h>
#endif
