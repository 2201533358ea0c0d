/* SPDX-License-Identifier: MIT */
/*
 * pr_*() for shimmed drivers: messages go to the log of the current shim kernel
 * (smcsim_kernel_log()), one line per message, "<level>: <text>", so a test can assert on
 * what Linux would have printed. Define pr_fmt before including, as in the kernel.
 */
#ifndef SMCSIM_SHIM_LINUX_PRINTK_H
#define SMCSIM_SHIM_LINUX_PRINTK_H

#include "linux/smcsim-kernel.h"

#define LOGLEVEL_EMERG	 0
#define LOGLEVEL_ALERT	 1
#define LOGLEVEL_CRIT	 2
#define LOGLEVEL_ERR	 3
#define LOGLEVEL_WARNING 4
#define LOGLEVEL_NOTICE	 5
#define LOGLEVEL_INFO	 6
#define LOGLEVEL_DEBUG	 7

#define FW_BUG	"[Firmware Bug]: "
#define FW_WARN "[Firmware Warn]: "
#define FW_INFO "[Firmware Info]: "

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

void smcsim_printk(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* WARN(): logs "WARNING: <text>" (and counts it) and yields the condition. */
int smcsim_warn(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* panic(): logs "Kernel panic - not syncing: <text>" and unwinds to the boot that
 * started the current initcall (smcsim_kernel_boot() returns -EFAULT). */
__attribute__((noreturn, format(printf, 1, 2))) void panic(const char *fmt, ...);

#define pr_emerg(fmt, ...)  smcsim_printk(LOGLEVEL_EMERG, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...)  smcsim_printk(LOGLEVEL_ALERT, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...)   smcsim_printk(LOGLEVEL_CRIT, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)    smcsim_printk(LOGLEVEL_ERR, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)   smcsim_printk(LOGLEVEL_WARNING, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...) smcsim_printk(LOGLEVEL_NOTICE, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)   smcsim_printk(LOGLEVEL_INFO, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...)  smcsim_printk(LOGLEVEL_DEBUG, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info_once	    pr_info
#define pr_warn_once	    pr_warn

#define WARN(cond, fmt, ...)                                                                       \
	({                                                                                         \
		int __c = !!(cond);                                                                \
		if (__c)                                                                           \
			smcsim_warn(__FILE__, __LINE__, fmt, ##__VA_ARGS__);                       \
		__c;                                                                               \
	})
#define WARN_ON(cond) WARN(cond, "%s", #cond)
#define WARN_ON_ONCE  WARN_ON

#endif
