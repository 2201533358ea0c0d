/* SPDX-License-Identifier: MIT */
/* Part of the basics: see kc/base.h. */
#ifndef KC_LINUX_INSTRUMENTED_H
#define KC_LINUX_INSTRUMENTED_H
#include <kc/base.h>
#endif
