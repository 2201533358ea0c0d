/* SPDX-License-Identifier: MIT */
/*
 * Platform devices (Linux include/linux/platform_device.h): matched by id_table name or
 * driver name, modalias "platform:<name>". Named "name" with PLATFORM_DEVID_NONE,
 * "name.id" with an ID, "name.N.auto" with PLATFORM_DEVID_AUTO (N the lowest free).
 */
#ifndef SMCSIM_SHIM_LINUX_PLATFORM_DEVICE_H
#define SMCSIM_SHIM_LINUX_PLATFORM_DEVICE_H

#include "linux/device.h"

#define PLATFORM_DEVID_NONE (-1)
#define PLATFORM_DEVID_AUTO (-2)

struct resource; /* no resources in the shim: always NULL, 0 */

struct platform_device_id {
	char name[20];
	kernel_ulong_t driver_data;
};

struct platform_device {
	const char *name;
	int id;
	bool id_auto;
	struct device dev;
	const struct platform_device_id *id_entry;
};
#define to_platform_device(d)	     container_of(d, struct platform_device, dev)
#define platform_get_device_id(pdev) ((pdev)->id_entry)

struct platform_driver {
	int (*probe)(struct platform_device *pdev);
	void (*remove)(struct platform_device *pdev);
	struct device_driver driver; /* .name */
	const struct platform_device_id *id_table;
};
#define to_platform_driver(d) container_of(d, struct platform_driver, driver)

extern const struct bus_type platform_bus_type;

/* device_initialize() and platform_device_add() of a caller-owned device, whose
 * dev.release frees it; on error the caller drops it with platform_device_put(). */
int platform_device_register(struct platform_device *pdev);
/* platform_device_del() and platform_device_put(). NULL and error pointers are ignored. */
void platform_device_unregister(struct platform_device *pdev);
/* A device holding a copy of @name, freed by its release; NULL without memory. */
struct platform_device *platform_device_alloc(const char *name, int id);
/* Name the device from its name and id and add it to the platform bus. */
int platform_device_add(struct platform_device *pdev);
void platform_device_del(struct platform_device *pdev);
void platform_device_put(struct platform_device *pdev);
/* platform_device_alloc() and platform_device_add(): the device or an ERR_PTR(). */
struct platform_device *platform_device_register_simple(const char *name, int id,
							const struct resource *res,
							unsigned int num);

int __platform_driver_register(struct platform_driver *drv, struct module *owner);
#define platform_driver_register(drv) __platform_driver_register(drv, THIS_MODULE)
void platform_driver_unregister(struct platform_driver *drv);
#define module_platform_driver(__platform_driver)                                                  \
	module_driver(__platform_driver, platform_driver_register, platform_driver_unregister)

#endif
