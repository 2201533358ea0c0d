/* SPDX-License-Identifier: MIT */
/*
 * Initcall levels, run in the kernel's order by smcsim_kernel_boot(). SETUP_ARCH is the
 * shim's name for work done from setup_arch() before any initcall (PSCI probe, RSI init).
 * Registration is per shim kernel: smcsim_kernel_add_initcall().
 */
#ifndef SMCSIM_SHIM_LINUX_INIT_H
#define SMCSIM_SHIM_LINUX_INIT_H

#include "linux/smcsim-kernel.h" /* __init, __exit */

enum smcsim_initcall_level {
	INITCALL_SETUP_ARCH,
	INITCALL_EARLY,
	INITCALL_PURE,
	INITCALL_CORE,
	INITCALL_POSTCORE,
	INITCALL_ARCH,
	INITCALL_SUBSYS,
	INITCALL_FS,
	INITCALL_ROOTFS,
	INITCALL_DEVICE,
	INITCALL_DEVICE_SYNC,
	INITCALL_LATE,
	INITCALL_LATE_SYNC,
	INITCALL_NR_LEVELS
};
#define INITCALL_MODULE INITCALL_DEVICE /* module_init() of a built-in driver */

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

/*
 * module_init()/module_exit() (Linux include/linux/module.h) of a built-in driver. The
 * shim has no initcall sections: they keep the functions as smcsim_module_init and
 * smcsim_module_exit of the translation unit (one module per file, as in the kernel), for
 * the test that boots it to register, e.g.
 *	smcsim_kernel_add_initcall(k, INITCALL_MODULE, KBUILD_MODNAME, smcsim_module_init);
 */
#define module_init(fn) static const initcall_t __attribute__((unused)) smcsim_module_init = (fn)
#define module_exit(fn) static const exitcall_t __attribute__((unused)) smcsim_module_exit = (fn)

#endif
