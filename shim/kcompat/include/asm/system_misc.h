/* SPDX-License-Identifier: MIT */
#ifndef KC_ASM_SYSTEM_MISC_H
#define KC_ASM_SYSTEM_MISC_H
#include <kc/base.h>
#include <linux/reboot.h>
#endif
