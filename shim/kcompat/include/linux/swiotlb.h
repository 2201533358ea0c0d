/* SPDX-License-Identifier: MIT */
/* No DMA in a kboot kernel: the bounce-buffer API is not provided. */
#ifndef KC_LINUX_SWIOTLB_H
#define KC_LINUX_SWIOTLB_H
#include <kc/base.h>
#endif
