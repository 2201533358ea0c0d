/* SPDX-License-Identifier: MIT */
/* Platform devices: matched by id_table name or driver name; modalias "platform:<name>". */
#ifndef SMCSIM_SHIM_LINUX_PLATFORM_DEVICE_H
#define SMCSIM_SHIM_LINUX_PLATFORM_DEVICE_H

#include "linux/device.h"

#define PLATFORM_DEVID_NONE (-1)
#define PLATFORM_DEVID_AUTO (-2)

struct platform_device_id {
	char name[20];
	kernel_ulong_t driver_data;
};

struct platform_device {
	char base_name[48];
	int id;
	struct device dev;
	const struct platform_device_id *id_entry;
};
#define to_platform_device(d) container_of(d, struct platform_device, dev)

struct platform_driver {
	int (*probe)(struct platform_device *pdev);
	void (*remove)(struct platform_device *pdev);
	struct device_driver driver; /* .name */
	const struct platform_device_id *id_table;
};
#define to_platform_driver(d) container_of(d, struct platform_driver, driver)

extern const struct bus_type platform_bus_type;
/* "name" with id -1, "name.id" otherwise (as the kernel names platform devices). */
struct platform_device *platform_device_register_simple(const char *name, int id, const void *res,
							unsigned int nres);
void platform_device_unregister(struct platform_device *pdev);
int platform_driver_register(struct platform_driver *drv);
void platform_driver_unregister(struct platform_driver *drv);

#endif
