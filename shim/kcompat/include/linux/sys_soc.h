/* SPDX-License-Identifier: MIT */
/* SoC devices: soc_device_register() adds "soc<N>" on the soc bus (numbered from 0). */
#ifndef KC_LINUX_SYS_SOC_H
#define KC_LINUX_SYS_SOC_H
#include <kc/base.h>
#include <linux/device.h>
struct soc_device_attribute {
	const char *machine;
	const char *family;
	const char *revision;
	const char *serial_number;
	const char *soc_id;
	const void *data;
	const struct attribute_group *custom_attr_group;
};
struct soc_device;
struct soc_device *soc_device_register(struct soc_device_attribute *soc_plat_dev_attr);
void soc_device_unregister(struct soc_device *soc_dev);
struct device *soc_device_to_device(struct soc_device *soc);
const struct soc_device_attribute *soc_device_match(const struct soc_device_attribute *matches);
#endif
