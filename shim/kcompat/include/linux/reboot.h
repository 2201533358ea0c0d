/* SPDX-License-Identifier: MIT */
/* Restart handlers and pm_power_off are recorded: the host's report says which firmware
 * call the kernel would use to reset or power off, and `kboot --shutdown` can call it. */
#ifndef KC_LINUX_REBOOT_H
#define KC_LINUX_REBOOT_H
#include <kc/base.h>
#include <linux/notifier.h>
enum reboot_mode {
	REBOOT_UNDEFINED = -1,
	REBOOT_COLD = 0,
	REBOOT_WARM,
	REBOOT_HARD,
	REBOOT_SOFT,
	REBOOT_GPIO
};
extern enum reboot_mode reboot_mode;
int register_restart_handler(struct notifier_block *nb);
int unregister_restart_handler(struct notifier_block *nb);
void do_kernel_restart(char *cmd);
extern void (*pm_power_off)(void);
#define SYS_RESTART 0x0001
#endif
