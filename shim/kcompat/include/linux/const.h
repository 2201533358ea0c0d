/* SPDX-License-Identifier: MIT */
#ifndef KC_LINUX_CONST_H
#define KC_LINUX_CONST_H
#include <kc/base.h>
#endif
