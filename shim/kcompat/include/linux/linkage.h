/* SPDX-License-Identifier: MIT */
/* Part of the basics: see kc/base.h. */
#ifndef KC_LINUX_LINKAGE_H
#define KC_LINUX_LINKAGE_H
#include <kc/base.h>
#endif
