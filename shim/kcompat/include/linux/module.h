/* SPDX-License-Identifier: MIT */
#ifndef KC_LINUX_MODULE_H
#define KC_LINUX_MODULE_H
#include <kc/base.h>
#include <linux/init.h>
#include <linux/moduleparam.h>
#include <linux/export.h>

struct module {
	const char *name;
};
#ifndef KBUILD_MODNAME
#define KBUILD_MODNAME "kernel"
#endif
#define module_init(fn) device_initcall(fn)
#define module_exit(fn) __exitcall(fn)
#define MODULE_LICENSE(x)
#define MODULE_AUTHOR(x)
#define MODULE_DESCRIPTION(x)
#define MODULE_ALIAS(x)
#define MODULE_VERSION(x)
#define MODULE_SOFTDEP(x)
#define MODULE_IMPORT_NS(x)
#define MODULE_DEVICE_TABLE(type, name)
static inline bool try_module_get(struct module *m)
{
	(void)m;
	return true;
}
static inline void module_put(struct module *m)
{
	(void)m;
}
#define __module_get(m) ((void)(m))
#endif
