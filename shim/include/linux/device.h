/* SPDX-License-Identifier: MIT */
/*
 * A minimal driver model with the kernel's names: buses, devices, drivers, id-table
 * matching through the bus, probe/remove, -EPROBE_DEFER with deferred-probe retry, and
 * modalias strings. State (which devices and drivers are registered) lives in the current
 * shim kernel, so a struct bus_type is a constant descriptor as in the kernel.
 *
 * Binding follows the driver core's rules: registering a device tries each driver of its
 * bus in registration order; registering a driver tries each unbound device. A probe
 * returning -ENODEV or -ENXIO is a quiet miss, -EPROBE_DEFER parks the device on the
 * deferred list (retried after any successful bind once late_initcall has enabled
 * deferred probing), any other error is logged as "probe of X failed with error E".
 *
 * Lifetime follows the driver core too: device_initialize() takes the first reference,
 * device_add() puts the device on its bus (and tries to bind it), device_register() is
 * both; device_del() unbinds and takes it off the bus, device_unregister() is device_del()
 * and put_device(). The device's release() runs when the last reference goes, so after a
 * failed device_add() or device_register() the caller drops its reference with
 * put_device(), never frees the device itself.
 */
#ifndef SMCSIM_SHIM_LINUX_DEVICE_H
#define SMCSIM_SHIM_LINUX_DEVICE_H

#include "linux/init.h"
#include "linux/printk.h"
#include "linux/smcsim-kernel.h"

struct device;
struct device_driver;

struct bus_type {
	const char *name;
	int (*match)(struct device *dev, const struct device_driver *drv);
	int (*probe)(struct device *dev);
	void (*remove)(struct device *dev);
	/* Write the device's modalias (no newline); return its length or a negative errno.
	 * The shim's stand-in for the uevent's MODALIAS= variable. */
	int (*modalias)(const struct device *dev, char *buf, size_t len);
};

struct device {
	char name[64]; /* the kobject's name: dev_set_name(), dev_name() */
	struct device *parent;
	const char *init_name; /* device_add() names the device from it when set */
	const struct bus_type *bus;
	struct device_driver *driver;
	void *driver_data;
	void (*release)(struct device *dev);
	/* shim bookkeeping */
	struct smcsim_kernel *kernel;
	struct device *next;
	unsigned int refcount; /* the kobject's kref: device_initialize() sets 1 */
	bool initialized;
	bool registered; /* between device_add() and device_del() */
	bool deferred;
	unsigned int binds; /* successful probes, for the "no driver bound twice" check */
};

struct device_driver {
	const char *name;
	const struct bus_type *bus;
	struct module *owner;
	const char *mod_name; /* used for built-in modules */
	int (*probe)(struct device *dev);
	int (*remove)(struct device *dev);
	/* shim bookkeeping */
	struct smcsim_kernel *kernel;
	struct device_driver *next;
};

int dev_set_name(struct device *dev, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static inline const char *dev_name(const struct device *dev)
{
	return dev->name;
}
static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}
static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}

int bus_register(const struct bus_type *bus);
void bus_unregister(const struct bus_type *bus);
/* The first reference; the device is not on any bus yet. */
void device_initialize(struct device *dev);
/* device_add(): 0, -EINVAL (no name or bus, or not initialised), -ENODEV (bus not
 * registered), -EEXIST (a device of that name is already on the bus). On error the
 * caller still holds its reference. */
int device_add(struct device *dev);
/* device_initialize() and device_add(). */
int device_register(struct device *dev);
void device_del(struct device *dev);
/* device_del() and put_device(). */
void device_unregister(struct device *dev);
/* A reference more; NULL-safe. */
struct device *get_device(struct device *dev);
/* A reference less; the last one calls dev->release (warning if there is none). */
void put_device(struct device *dev);
int driver_register(struct device_driver *drv);
void driver_unregister(struct device_driver *drv);
/* Modalias of @dev into @buf; returns its length or a negative errno. */
int device_modalias(const struct device *dev, char *buf, size_t len);
/* Retry every deferred device now (what driver_deferred_probe_trigger() does). */
void driver_deferred_probe_trigger(void);

/* A driver whose module init registers it and whose module exit unregisters it. */
#define module_driver(__driver, __register, __unregister, ...)                                     \
	static int __init __driver##_init(void)                                                    \
	{                                                                                          \
		return __register(&(__driver), ##__VA_ARGS__);                                     \
	}                                                                                          \
	module_init(__driver##_init);                                                              \
	static void __exit __driver##_exit(void)                                                   \
	{                                                                                          \
		__unregister(&(__driver), ##__VA_ARGS__);                                          \
	}                                                                                          \
	module_exit(__driver##_exit)

#define dev_err(dev, fmt, ...)	pr_err("%s: " fmt, dev_name(dev), ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...) pr_warn("%s: " fmt, dev_name(dev), ##__VA_ARGS__)
#define dev_info(dev, fmt, ...) pr_info("%s: " fmt, dev_name(dev), ##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...)	pr_debug("%s: " fmt, dev_name(dev), ##__VA_ARGS__)

#endif
