/* SPDX-License-Identifier: MIT */
#ifndef KC_LINUX_OF_DEVICE_H
#define KC_LINUX_OF_DEVICE_H
#include <linux/of.h>
#include <linux/device.h>
const void *of_device_get_match_data(const struct device *dev);
#endif
