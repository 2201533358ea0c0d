/* SPDX-License-Identifier: MIT */
/* Part of the basics: see kc/base.h. */
#ifndef KC_LINUX_BUILD_BUG_H
#define KC_LINUX_BUILD_BUG_H
#include <kc/base.h>
#endif
