/* SPDX-License-Identifier: MIT */
#ifndef KC_LINUX_STDARG_H
#define KC_LINUX_STDARG_H
#include <kc/base.h>
#endif
