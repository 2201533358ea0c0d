/* SPDX-License-Identifier: MIT */
/* Part of the basics: see kc/base.h. */
#ifndef KC_LINUX_KSTRTOX_H
#define KC_LINUX_KSTRTOX_H
#include <kc/base.h>
#endif
