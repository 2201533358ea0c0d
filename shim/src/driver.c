/* SPDX-License-Identifier: MIT */
/*
 * The driver model: buses, devices, drivers, binding and deferred probing, with the state
 * kept in the current shim kernel. Buses: platform, arm_smccc (by function ID), arm_ffa
 * (by UUID).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "linux/arm-smccc-bus.h"
#include "linux/arm_ffa.h"
#include "linux/mm.h"
#include "linux/platform_device.h"
#include "shim_priv.h"

int dev_set_name(struct device *dev, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(dev->name, sizeof(dev->name), fmt, ap);
	va_end(ap);
	return n < 0 || (size_t)n >= sizeof(dev->name) ? -ENAMETOOLONG : 0;
}

static bool bus_known(struct smcsim_kernel *k, const struct bus_type *bus)
{
	for (int i = 0; i < k->nbuses; i++)
		if (k->buses[i] == bus)
			return true;
	return false;
}

int bus_register(const struct bus_type *bus)
{
	struct smcsim_kernel *k = shim_cur("bus_register");
	if (!bus || !bus->name)
		return -EINVAL;
	if (bus_known(k, bus))
		return -EEXIST;
	if (k->nbuses == SHIM_MAX_BUSES)
		return -ENOSPC;
	k->buses[k->nbuses++] = bus;
	return 0;
}

void bus_unregister(const struct bus_type *bus)
{
	struct smcsim_kernel *k = shim_cur("bus_unregister");
	for (int i = 0; i < k->nbuses; i++) {
		if (k->buses[i] == bus) {
			k->buses[i] = k->buses[--k->nbuses];
			return;
		}
	}
}

int device_modalias(const struct device *dev, char *buf, size_t len)
{
	if (!dev->bus || !dev->bus->modalias)
		return -ENODEV;
	return dev->bus->modalias(dev, buf, len);
}

/* really_probe(): 1 bound, 0 not bound (miss or error), -EPROBE_DEFER deferred. */
static int really_probe(struct smcsim_kernel *k, struct device *dev, struct device_driver *drv)
{
	if (dev->driver) {
		/* A second bind without an unbind is the bug the double-bind check counts. */
		k->double_binds++;
		return 0;
	}
	dev->driver = drv;
	int ret = dev->bus->probe ? dev->bus->probe(dev) : (drv->probe ? drv->probe(dev) : 0);
	if (ret == 0) {
		dev->binds++;
		if (dev->binds > 1)
			k->double_binds++;
		dev->deferred = false;
		return 1;
	}
	dev->driver = NULL;
	if (ret == -EPROBE_DEFER) {
		dev->deferred = true;
		pr_debug("%s: Driver %s requests probe deferral", dev->name, drv->name);
		return -EPROBE_DEFER;
	}
	/* The driver core is quiet about -ENODEV/-ENXIO: "not my device". */
	if (ret != -ENODEV && ret != -ENXIO)
		pr_warn("%s: probe of %s failed with error %d", drv->name, dev->name, ret);
	return 0;
}

static void trigger_deferred(struct smcsim_kernel *k);

/* Try every driver of the bus; stop at the first bind or deferral. */
static void device_attach(struct smcsim_kernel *k, struct device *dev)
{
	for (struct device_driver *drv = k->drivers; drv; drv = drv->next) {
		if (drv->bus != dev->bus || (dev->bus->match && !dev->bus->match(dev, drv)))
			continue;
		int r = really_probe(k, dev, drv);
		if (r == 1) {
			trigger_deferred(k);
			return;
		}
		if (r == -EPROBE_DEFER)
			return;
	}
}

static void trigger_deferred(struct smcsim_kernel *k)
{
	if (!k->deferred_enabled || k->in_trigger)
		return;
	/* Retry until a pass binds nothing more (the kernel's work item loops the same way
	 * whenever a probe succeeds). */
	k->in_trigger = 1;
	bool progress = true;
	while (progress) {
		progress = false;
		for (struct device *d = k->devices; d; d = d->next) {
			if (!d->deferred || d->driver)
				continue;
			d->deferred = false;
			for (struct device_driver *drv = k->drivers; drv; drv = drv->next) {
				if (drv->bus != d->bus || (d->bus->match && !d->bus->match(d, drv)))
					continue;
				int r = really_probe(k, d, drv);
				if (r == 1)
					progress = true;
				if (r != 0)
					break;
			}
		}
	}
	k->in_trigger = 0;
}

void driver_deferred_probe_trigger(void)
{
	struct smcsim_kernel *k = shim_cur("driver_deferred_probe_trigger");
	bool was = k->deferred_enabled;
	k->deferred_enabled = true;
	trigger_deferred(k);
	k->deferred_enabled = was;
}

int device_register(struct device *dev)
{
	struct smcsim_kernel *k = shim_cur("device_register");
	if (!dev || !dev->bus || !dev->name[0])
		return -EINVAL;
	if (!bus_known(k, dev->bus))
		return -ENODEV;
	for (struct device *d = k->devices; d; d = d->next)
		if (d->bus == dev->bus && strcmp(d->name, dev->name) == 0)
			return -EEXIST;
	dev->kernel = k;
	dev->next = NULL;
	dev->registered = true;
	dev->driver = NULL;
	dev->deferred = false;
	struct device **tail = &k->devices;
	while (*tail)
		tail = &(*tail)->next;
	*tail = dev;
	device_attach(k, dev);
	return 0;
}

static void device_release_driver(struct device *dev)
{
	if (!dev->driver)
		return;
	struct device_driver *drv = dev->driver;
	if (dev->bus->remove)
		dev->bus->remove(dev);
	else if (drv->remove)
		drv->remove(dev);
	dev->driver = NULL;
	dev->binds = 0;
}

void device_unregister(struct device *dev)
{
	if (!dev || !dev->registered)
		return;
	struct smcsim_kernel *k = dev->kernel;
	device_release_driver(dev);
	for (struct device **pp = &k->devices; *pp; pp = &(*pp)->next) {
		if (*pp == dev) {
			*pp = dev->next;
			break;
		}
	}
	dev->registered = false;
	if (dev->release)
		dev->release(dev);
}

int driver_register(struct device_driver *drv)
{
	struct smcsim_kernel *k = shim_cur("driver_register");
	if (!drv || !drv->bus || !drv->name)
		return -EINVAL;
	if (!bus_known(k, drv->bus))
		return -ENODEV;
	for (struct device_driver *d = k->drivers; d; d = d->next)
		if (d == drv || (d->bus == drv->bus && strcmp(d->name, drv->name) == 0))
			return -EBUSY;
	drv->kernel = k;
	drv->next = NULL;
	struct device_driver **tail = &k->drivers;
	while (*tail)
		tail = &(*tail)->next;
	*tail = drv;
	/* driver_attach(): every unbound device on the bus. */
	for (struct device *d = k->devices; d; d = d->next) {
		if (d->bus != drv->bus || d->driver || (d->bus->match && !d->bus->match(d, drv)))
			continue;
		if (really_probe(k, d, drv) == 1)
			trigger_deferred(k);
	}
	return 0;
}

void driver_unregister(struct device_driver *drv)
{
	if (!drv || !drv->kernel)
		return;
	struct smcsim_kernel *k = drv->kernel;
	for (struct device *d = k->devices; d; d = d->next)
		if (d->driver == drv)
			device_release_driver(d);
	for (struct device_driver **pp = &k->drivers; *pp; pp = &(*pp)->next) {
		if (*pp == drv) {
			*pp = drv->next;
			break;
		}
	}
	drv->kernel = NULL;
}

struct device *smcsim_kernel_next_device(const struct smcsim_kernel *k, const struct device *prev)
{
	return prev ? prev->next : k->devices;
}

struct device *smcsim_kernel_find_device(const struct smcsim_kernel *k, const char *bus,
					 const char *name)
{
	for (struct device *d = k->devices; d; d = d->next)
		if (strcmp(d->bus->name, bus) == 0 && strcmp(d->name, name) == 0)
			return d;
	return NULL;
}

unsigned int smcsim_kernel_double_binds(const struct smcsim_kernel *k)
{
	return k->double_binds;
}

void shim_driver_teardown(struct smcsim_kernel *k)
{
	/* Devices first (newest first, as a shutdown would), then drivers. */
	while (k->devices) {
		struct device *last = k->devices;
		while (last->next)
			last = last->next;
		device_unregister(last);
	}
	while (k->drivers)
		driver_unregister(k->drivers);
	k->nbuses = 0;
}

/* ---- platform bus ---------------------------------------------------------------------- */

static const struct platform_device_id *platform_match_id(const struct platform_device_id *id,
							  const struct platform_device *pdev)
{
	for (; id && id->name[0]; id++)
		if (strcmp(pdev->base_name, id->name) == 0)
			return id;
	return NULL;
}

static int platform_match(struct device *dev, const struct device_driver *drv)
{
	struct platform_device *pdev = to_platform_device(dev);
	const struct platform_driver *pdrv = to_platform_driver(drv);
	if (pdrv->id_table)
		return platform_match_id(pdrv->id_table, pdev) != NULL;
	return strcmp(pdev->base_name, drv->name) == 0;
}

static int platform_probe(struct device *dev)
{
	struct platform_device *pdev = to_platform_device(dev);
	struct platform_driver *pdrv = to_platform_driver(dev->driver);
	pdev->id_entry = platform_match_id(pdrv->id_table, pdev);
	return pdrv->probe ? pdrv->probe(pdev) : 0;
}

static void platform_remove(struct device *dev)
{
	struct platform_driver *pdrv = to_platform_driver(dev->driver);
	if (pdrv->remove)
		pdrv->remove(to_platform_device(dev));
}

static int platform_modalias(const struct device *dev, char *buf, size_t len)
{
	const struct platform_device *pdev = to_platform_device(dev);
	return snprintf(buf, len, "platform:%s", pdev->base_name);
}

const struct bus_type platform_bus_type = {
	.name = "platform",
	.match = platform_match,
	.probe = platform_probe,
	.remove = platform_remove,
	.modalias = platform_modalias,
};

static void platform_release(struct device *dev)
{
	free(to_platform_device(dev));
}

static void ensure_bus(struct smcsim_kernel *k, const struct bus_type *bus)
{
	/* The platform bus exists from the start of the kernel (driver_init()). */
	if (!bus_known(k, bus))
		bus_register(bus);
}

struct platform_device *platform_device_register_simple(const char *name, int id, const void *res,
							unsigned int nres)
{
	struct smcsim_kernel *k = shim_cur("platform_device_register_simple");
	ensure_bus(k, &platform_bus_type);
	struct platform_device *pdev = calloc(1, sizeof(*pdev));
	if (!pdev)
		return ERR_PTR(-ENOMEM);
	snprintf(pdev->base_name, sizeof(pdev->base_name), "%s", name);
	pdev->id = id;
	if (id == PLATFORM_DEVID_NONE)
		dev_set_name(&pdev->dev, "%s", name);
	else
		dev_set_name(&pdev->dev, "%s.%d", name, id);
	pdev->dev.bus = &platform_bus_type;
	pdev->dev.release = platform_release;
	int ret = device_register(&pdev->dev);
	if (ret) {
		free(pdev);
		return ERR_PTR(ret);
	}
	return pdev;
}

void platform_device_unregister(struct platform_device *pdev)
{
	if (!IS_ERR_OR_NULL(pdev))
		device_unregister(&pdev->dev);
}

int platform_driver_register(struct platform_driver *drv)
{
	struct smcsim_kernel *k = shim_cur("platform_driver_register");
	ensure_bus(k, &platform_bus_type);
	drv->driver.bus = &platform_bus_type;
	return driver_register(&drv->driver);
}

void platform_driver_unregister(struct platform_driver *drv)
{
	driver_unregister(&drv->driver);
}

/* ---- SMCCC bus (drivers/firmware/smccc/bus.c, arm64 for-next/smccc-bus) --------------- */

static int smccc_match(struct device *dev, const struct device_driver *drv)
{
	const struct arm_smccc_device *sdev = to_arm_smccc_device(dev);
	const struct arm_smccc_driver *sdrv = to_arm_smccc_driver(drv);
	for (const struct arm_smccc_device_id *id = sdrv->id_table; id && id->func_id; id++)
		if (id->func_id == sdev->func_id)
			return 1;
	return 0;
}

static int smccc_probe(struct device *dev)
{
	struct arm_smccc_driver *sdrv = to_arm_smccc_driver(dev->driver);
	return sdrv->probe(to_arm_smccc_device(dev));
}

static void smccc_remove(struct device *dev)
{
	struct arm_smccc_driver *sdrv = to_arm_smccc_driver(dev->driver);
	if (sdrv->remove)
		sdrv->remove(to_arm_smccc_device(dev));
}

static int smccc_modalias(const struct device *dev, char *buf, size_t len)
{
	/* Uppercase hex, 8 digits: "arm_smccc:fC4000190". */
	return snprintf(buf, len, ARM_SMCCC_MODULE_PREFIX "f%08X",
			to_arm_smccc_device(dev)->func_id);
}

const struct bus_type arm_smccc_bus_type = {
	.name = "arm_smccc",
	.match = smccc_match,
	.probe = smccc_probe,
	.remove = smccc_remove,
	.modalias = smccc_modalias,
};

static void smccc_release(struct device *dev)
{
	free(to_arm_smccc_device(dev));
}

struct arm_smccc_device *arm_smccc_device_register(const char *name, u32 func_id)
{
	if (!name)
		return ERR_PTR(-EINVAL);
	struct arm_smccc_device *sdev = calloc(1, sizeof(*sdev));
	if (!sdev)
		return ERR_PTR(-ENOMEM);
	sdev->func_id = func_id;
	sdev->dev.bus = &arm_smccc_bus_type;
	sdev->dev.release = smccc_release;
	int ret = dev_set_name(&sdev->dev, "%s", name);
	if (!ret)
		ret = device_register(&sdev->dev);
	if (ret) {
		free(sdev);
		return ERR_PTR(ret);
	}
	return sdev;
}

void arm_smccc_device_unregister(struct arm_smccc_device *sdev)
{
	if (!IS_ERR_OR_NULL(sdev))
		device_unregister(&sdev->dev);
}

int arm_smccc_driver_register(struct arm_smccc_driver *drv)
{
	if (!drv->probe || !drv->id_table)
		return -EINVAL;
	drv->driver.name = drv->name;
	drv->driver.bus = &arm_smccc_bus_type;
	return driver_register(&drv->driver);
}

void arm_smccc_driver_unregister(struct arm_smccc_driver *drv)
{
	driver_unregister(&drv->driver);
}

/* ---- FF-A bus (drivers/firmware/arm_ffa/bus.c) ---------------------------------------- */

static int ffa_match(struct device *dev, const struct device_driver *drv)
{
	const struct ffa_device *fdev = to_ffa_dev(dev);
	const struct ffa_driver *fdrv = to_ffa_driver(drv);
	for (const struct ffa_device_id *id = fdrv->id_table; id && !uuid_is_null(&id->uuid);
	     id++) {
		/* A device whose UUID is still Nil (FF-A v1.0) matches any entry. */
		if (uuid_is_null(&fdev->uuid) || uuid_equal(&fdev->uuid, &id->uuid))
			return 1;
	}
	return 0;
}

static int ffa_probe(struct device *dev)
{
	struct ffa_device *fdev = to_ffa_dev(dev);
	if (uuid_is_null(&fdev->uuid))
		return -ENODEV;
	return to_ffa_driver(dev->driver)->probe(fdev);
}

static void ffa_remove(struct device *dev)
{
	struct ffa_driver *fdrv = to_ffa_driver(dev->driver);
	if (fdrv->remove)
		fdrv->remove(to_ffa_dev(dev));
}

static int ffa_modalias(const struct device *dev, char *buf, size_t len)
{
	const struct ffa_device *fdev = to_ffa_dev(dev);
	char u[37];
	return snprintf(buf, len, "arm_ffa:%04x:%s", fdev->vm_id, smcsim_uuid_str(&fdev->uuid, u));
}

struct bus_type ffa_bus_type = {
	.name = "arm_ffa",
	.match = ffa_match,
	.probe = ffa_probe,
	.remove = ffa_remove,
	.modalias = ffa_modalias,
};

static void ffa_release(struct device *dev)
{
	/* The FF-A core keeps pointers to its partition devices: forget this one. */
	struct linux_state *s = &dev->kernel->lx;
	for (int i = 0; i < s->ffa_ndevs; i++)
		if (s->ffa_devs[i] == to_ffa_dev(dev))
			s->ffa_devs[i] = NULL;
	free(to_ffa_dev(dev));
}

struct ffa_device *ffa_device_register(const struct ffa_partition_info *part_info)
{
	struct smcsim_kernel *k = shim_cur("ffa_device_register");
	struct ffa_device *fdev = calloc(1, sizeof(*fdev));
	if (!fdev)
		return NULL;
	/* Device names come from an IDA starting at 1: "arm-ffa-1", "arm-ffa-2"... */
	fdev->id = (u32)++k->ffa_ida;
	fdev->vm_id = part_info->id;
	fdev->properties = part_info->properties;
	uuid_copy(&fdev->uuid, &part_info->uuid);
	fdev->dev.bus = &ffa_bus_type;
	fdev->dev.release = ffa_release;
	dev_set_name(&fdev->dev, "arm-ffa-%u", fdev->id);
	if (device_register(&fdev->dev)) {
		free(fdev);
		return NULL;
	}
	return fdev;
}

void ffa_device_unregister(struct ffa_device *ffa_dev)
{
	if (ffa_dev)
		device_unregister(&ffa_dev->dev);
}

int ffa_driver_register(struct ffa_driver *driver)
{
	if (!driver->probe)
		return -EINVAL;
	driver->driver.name = driver->name;
	driver->driver.bus = &ffa_bus_type;
	return driver_register(&driver->driver);
}

void ffa_driver_unregister(struct ffa_driver *driver)
{
	driver_unregister(&driver->driver);
}
