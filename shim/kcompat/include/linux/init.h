/* SPDX-License-Identifier: MIT */
/* Initcalls. Each level is a linker section (kc_initcall<level>) of function pointers, in
 * link order as in the kernel; kc_kernel_boot() runs them level by level. Built-in
 * semantics: module_init() is a device_initcall. */
#ifndef KC_LINUX_INIT_H
#define KC_LINUX_INIT_H
#include <kc/base.h>

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

struct kc_initcall {
	initcall_t fn;
	const char *name;
	const char *file; /* module_exit() runs only if this file's initcalls succeeded */
};
struct kc_exitcall {
	exitcall_t fn;
	const char *file;
};

/* Like the kernel's, the definition ends with its own ';' (a file may end in
 * "arch_initcall(fn)" with none). */
#define __kc_define_initcall(fn, sec)                                                              \
	static const struct kc_initcall __UNIQUE_ID(kc_ic) __used                                  \
		__attribute__((section("kc_initcall" #sec), aligned(8))) = { fn, #fn, __FILE__ };

#define early_initcall(fn)	   __kc_define_initcall(fn, early)
#define pure_initcall(fn)	   __kc_define_initcall(fn, 0)
#define core_initcall(fn)	   __kc_define_initcall(fn, 1)
#define core_initcall_sync(fn)	   __kc_define_initcall(fn, 1s)
#define postcore_initcall(fn)	   __kc_define_initcall(fn, 2)
#define postcore_initcall_sync(fn) __kc_define_initcall(fn, 2s)
#define arch_initcall(fn)	   __kc_define_initcall(fn, 3)
#define arch_initcall_sync(fn)	   __kc_define_initcall(fn, 3s)
#define subsys_initcall(fn)	   __kc_define_initcall(fn, 4)
#define subsys_initcall_sync(fn)   __kc_define_initcall(fn, 4s)
#define fs_initcall(fn)		   __kc_define_initcall(fn, 5)
#define fs_initcall_sync(fn)	   __kc_define_initcall(fn, 5s)
#define rootfs_initcall(fn)	   __kc_define_initcall(fn, rootfs)
#define device_initcall(fn)	   __kc_define_initcall(fn, 6)
#define device_initcall_sync(fn)   __kc_define_initcall(fn, 6s)
#define late_initcall(fn)	   __kc_define_initcall(fn, 7)
#define late_initcall_sync(fn)	   __kc_define_initcall(fn, 7s)
#define __initcall(fn)		   device_initcall(fn)

/* Exit calls run at shutdown, newest first, with module-unload semantics: a file's exit
 * runs only if its initcalls returned 0 (a module whose init fails is never loaded, so its
 * exit never runs; built in, exits never run at all, but kboot shuts down to record the
 * teardown calls a driver makes, e.g. FFA_RXTX_UNMAP). */
#define __exitcall(fn)                                                                             \
	static const struct kc_exitcall __UNIQUE_ID(kc_ec) __used                                  \
		__attribute__((section("kc_exitcall"), aligned(8))) = { fn, __FILE__ };

#define __setup(str, fn)
#define early_param(str, fn)
#define core_param(name, var, type, perm)
extern char *saved_command_line;
#endif
