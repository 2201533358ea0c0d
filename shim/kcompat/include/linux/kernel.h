/* SPDX-License-Identifier: MIT */
/* Part of the basics: see kc/base.h. */
#ifndef KC_LINUX_KERNEL_H
#define KC_LINUX_KERNEL_H
#include <kc/base.h>
#include <linux/log2.h>
#include <linux/minmax.h>
#include <linux/container_of.h>
#endif
