/* SPDX-License-Identifier: MIT */
#ifndef KC_LINUX_SYSFS_H
#define KC_LINUX_SYSFS_H
#include <kc/base.h>
struct attribute {
	const char *name;
	umode_t mode;
};
struct bin_attribute;
struct kobject;
struct attribute_group {
	const char *name;
	umode_t (*is_visible)(struct kobject *kobj, struct attribute *attr, int n);
	struct attribute **attrs;
	struct bin_attribute **bin_attrs;
};
#define __ATTRIBUTE_GROUPS(_name)                                                                  \
	static const struct attribute_group *_name##_groups[] = { &_name##_group, NULL }
#define ATTRIBUTE_GROUPS(_name)                                                                    \
	static const struct attribute_group _name##_group = { .attrs = _name##_attrs };            \
	__ATTRIBUTE_GROUPS(_name)
__printf(2, 3) int sysfs_emit(char *buf, const char *fmt, ...);
__printf(3, 4) int sysfs_emit_at(char *buf, int at, const char *fmt, ...);
#endif
