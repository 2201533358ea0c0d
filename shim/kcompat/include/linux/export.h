/* SPDX-License-Identifier: MIT */
/* Part of the basics: see kc/base.h. */
#ifndef KC_LINUX_EXPORT_H
#define KC_LINUX_EXPORT_H
#include <kc/base.h>
#endif
