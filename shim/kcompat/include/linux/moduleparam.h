/* SPDX-License-Identifier: MIT */
#ifndef KC_LINUX_MODULEPARAM_H
#define KC_LINUX_MODULEPARAM_H
#include <kc/base.h>
#define module_param(name, type, perm)
#define module_param_named(name, value, type, perm)
#define MODULE_PARM_DESC(name, desc)
#endif
