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
 */
#ifndef SMCSIM_SHIM_LINUX_DEVICE_H
#define SMCSIM_SHIM_LINUX_DEVICE_H

#include "linux/printk.h"
#include "linux/smcsim-kernel.h"

struct device;
struct device_driver;

struct bus_type {
	const char *name;
	int (*match)(struct device *dev, const struct device_driver *drv);
	int (*probe)(struct device *dev);
	void (*remove)(struct device *dev);
	/* Write the device's modalias (no newline); return its length or a negative errno. */
	int (*modalias)(const struct device *dev, char *buf, size_t len);
};

struct device {
	char name[64];
	const struct bus_type *bus;
	struct device_driver *driver;
	struct device *parent;
	void *driver_data;
	void (*release)(struct device *dev);
	/* shim bookkeeping */
	struct smcsim_kernel *kernel;
	struct device *next;
	bool registered;
	bool deferred;
	unsigned int binds; /* successful probes, for the "no driver bound twice" check */
};

struct device_driver {
	const char *name;
	const struct bus_type *bus;
	int (*probe)(struct device *dev);
	void (*remove)(struct device *dev);
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
/* device_register(): 0, -EINVAL (no name or bus), -ENODEV (bus not registered), -EEXIST
 * (a device of that name is already on the bus). */
int device_register(struct device *dev);
void device_unregister(struct device *dev);
int driver_register(struct device_driver *drv);
void driver_unregister(struct device_driver *drv);
/* Modalias of @dev into @buf; returns its length or a negative errno. */
int device_modalias(const struct device *dev, char *buf, size_t len);
/* Retry every deferred device now (what driver_deferred_probe_trigger() does). */
void driver_deferred_probe_trigger(void);

#define dev_err(dev, fmt, ...)	pr_err("%s: " fmt, dev_name(dev), ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...) pr_warn("%s: " fmt, dev_name(dev), ##__VA_ARGS__)
#define dev_info(dev, fmt, ...) pr_info("%s: " fmt, dev_name(dev), ##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...)	pr_debug("%s: " fmt, dev_name(dev), ##__VA_ARGS__)

#endif
