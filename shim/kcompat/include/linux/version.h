/* SPDX-License-Identifier: MIT */
/* LINUX_VERSION_CODE of the tree being built (see linux/kconfig.h). */
#ifndef KC_LINUX_VERSION_H
#define KC_LINUX_VERSION_H
#include <kc/base.h>
#define KERNEL_VERSION(a, b, c)	 KC_KERNEL_VERSION(a, b, c)
#define LINUX_VERSION_CODE	 KC_LINUX_VERSION_CODE
#define LINUX_VERSION_MAJOR	 (KC_LINUX_VERSION_CODE >> 16)
#define LINUX_VERSION_PATCHLEVEL ((KC_LINUX_VERSION_CODE >> 8) & 0xff)
#define LINUX_VERSION_SUBLEVEL	 (KC_LINUX_VERSION_CODE & 0xff)
#endif
