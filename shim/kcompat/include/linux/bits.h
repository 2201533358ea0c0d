/* SPDX-License-Identifier: MIT */
#ifndef KC_LINUX_BITS_H
#define KC_LINUX_BITS_H
#include <kc/base.h>
#endif
