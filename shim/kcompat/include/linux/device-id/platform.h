/* SPDX-License-Identifier: MIT */
/* struct platform_device_id, split out of mod_devicetable.h by newer kernels. */
#ifndef KC_LINUX_DEVICE_ID_PLATFORM_H
#define KC_LINUX_DEVICE_ID_PLATFORM_H
#include <linux/mod_devicetable.h>
#endif
