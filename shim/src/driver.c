/* SPDX-License-Identifier: MIT */
/*
 * The driver model: buses, devices, drivers, binding and deferred probing, with the state
 * kept in the current shim kernel. Buses: platform, arm_smccc (by function ID), arm_ffa
 * (by UUID). Devices are reference counted as in drivers/base/core.c: the bus's device
 * list holds a reference while the device is added, and release() runs with the last one.
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

/* An IDA over @ida: the lowest free ID >= @min, or -ENOSPC. */
static int shim_ida_alloc(uint64_t ida[SHIM_IDA_IDS / 64], int min)
{
	for (int id = min; id < SHIM_IDA_IDS; id++) {
		if (!(ida[id / 64] & (1ULL << (id % 64)))) {
			ida[id / 64] |= 1ULL << (id % 64);
			return id;
		}
	}
	return -ENOSPC;
}

static void shim_ida_free(uint64_t ida[SHIM_IDA_IDS / 64], int id)
{
	if (id >= 0 && id < SHIM_IDA_IDS)
		ida[id / 64] &= ~(1ULL << (id % 64));
}

struct device *get_device(struct device *dev)
{
	if (dev)
		dev->refcount++;
	return dev;
}

void put_device(struct device *dev)
{
	if (!dev)
		return;
	struct smcsim_kernel *k = smcsim_kernel_current();
	if (!dev->initialized || !dev->refcount) {
		/* kobject_put() of an object never initialised (or already released). */
		if (k)
			WARN(1, "device '%s': put_device() of an uninitialized device", dev->name);
		return;
	}
	if (--dev->refcount)
		return;
	dev->initialized = false;
	if (dev->release) {
		dev->release(dev);
		return;
	}
	/* drivers/base/core.c device_release(): a device must say how it is freed. */
	if (k)
		WARN(1,
		     "Device '%s' does not have a release() function, it is broken and must be "
		     "fixed.",
		     dev->name);
}

void device_initialize(struct device *dev)
{
	dev->refcount = 1;
	dev->initialized = true;
	dev->registered = false;
	dev->kernel = NULL;
	dev->next = NULL;
	dev->driver = NULL;
	dev->deferred = false;
	dev->binds = 0;
}

int device_add(struct device *dev)
{
	struct smcsim_kernel *k = shim_cur("device_add");
	if (!dev)
		return -EINVAL;
	if (!dev->initialized) {
		/* kobject_add() refuses an object that was never initialised. */
		WARN(1, "device '%s': tried to add an uninitialized device", dev->name);
		return -EINVAL;
	}
	if (dev->init_name) {
		int ret = dev_set_name(dev, "%s", dev->init_name);
		dev->init_name = NULL;
		if (ret)
			return ret;
	}
	if (dev->registered || !dev->bus || !dev->name[0])
		return -EINVAL;
	if (!bus_known(k, dev->bus))
		return -ENODEV;
	for (struct device *d = k->devices; d; d = d->next)
		if (d->bus == dev->bus && strcmp(d->name, dev->name) == 0)
			return -EEXIST;
	get_device(dev->parent);
	get_device(dev); /* the bus's device list holds one */
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

int device_register(struct device *dev)
{
	if (!dev)
		return -EINVAL;
	device_initialize(dev);
	return device_add(dev);
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

static void ffa_device_deleted(struct smcsim_kernel *k, struct device *dev);

void device_del(struct device *dev)
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
	dev->deferred = false;
	dev->next = NULL;
	ffa_device_deleted(k, dev);
	put_device(dev->parent);
	put_device(dev); /* the bus's device list's reference */
}

void device_unregister(struct device *dev)
{
	if (!dev || !dev->registered)
		return;
	device_del(dev);
	put_device(dev);
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
		if (strcmp(pdev->name, id->name) == 0)
			return id;
	return NULL;
}

static int platform_match(struct device *dev, const struct device_driver *drv)
{
	struct platform_device *pdev = to_platform_device(dev);
	const struct platform_driver *pdrv = to_platform_driver(drv);
	if (pdrv->id_table)
		return platform_match_id(pdrv->id_table, pdev) != NULL;
	return strcmp(pdev->name, drv->name) == 0;
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
	return snprintf(buf, len, "platform:%s", pdev->name);
}

const struct bus_type platform_bus_type = {
	.name = "platform",
	.match = platform_match,
	.probe = platform_probe,
	.remove = platform_remove,
	.modalias = platform_modalias,
};

static void ensure_bus(struct smcsim_kernel *k, const struct bus_type *bus)
{
	/* The platform bus exists from the start of the kernel (driver_init()). */
	if (!bus_known(k, bus))
		bus_register(bus);
}

/* drivers/base/platform.c: an allocated device and its name in one object. */
struct platform_object {
	struct platform_device pdev;
	char name[];
};

static void platform_device_release(struct device *dev)
{
	free(container_of(dev, struct platform_object, pdev.dev));
}

struct platform_device *platform_device_alloc(const char *name, int id)
{
	if (!name)
		return NULL;
	size_t len = strlen(name);
	struct platform_object *pa = calloc(1, sizeof(*pa) + len + 1);
	if (!pa)
		return NULL;
	memcpy(pa->name, name, len + 1);
	pa->pdev.name = pa->name;
	pa->pdev.id = id;
	device_initialize(&pa->pdev.dev);
	pa->pdev.dev.release = platform_device_release;
	return &pa->pdev;
}

int platform_device_add(struct platform_device *pdev)
{
	struct smcsim_kernel *k = shim_cur("platform_device_add");
	if (IS_ERR_OR_NULL(pdev) || !pdev->name)
		return -EINVAL;
	ensure_bus(k, &platform_bus_type);
	pdev->dev.bus = &platform_bus_type;
	int ret;
	switch (pdev->id) {
	case PLATFORM_DEVID_NONE:
		ret = dev_set_name(&pdev->dev, "%s", pdev->name);
		break;
	case PLATFORM_DEVID_AUTO: {
		int id = shim_ida_alloc(k->platform_ida, 0);
		if (id < 0)
			return id;
		pdev->id = id;
		pdev->id_auto = true;
		ret = dev_set_name(&pdev->dev, "%s.%d.auto", pdev->name, id);
		break;
	}
	default:
		ret = dev_set_name(&pdev->dev, "%s.%d", pdev->name, pdev->id);
		break;
	}
	if (!ret)
		ret = device_add(&pdev->dev);
	if (ret && pdev->id_auto) {
		shim_ida_free(k->platform_ida, pdev->id);
		pdev->id = PLATFORM_DEVID_AUTO;
	}
	return ret;
}

void platform_device_del(struct platform_device *pdev)
{
	if (IS_ERR_OR_NULL(pdev) || !pdev->dev.registered)
		return;
	struct smcsim_kernel *k = pdev->dev.kernel;
	device_del(&pdev->dev);
	if (pdev->id_auto) {
		shim_ida_free(k->platform_ida, pdev->id);
		pdev->id = PLATFORM_DEVID_AUTO;
	}
}

void platform_device_put(struct platform_device *pdev)
{
	if (!IS_ERR_OR_NULL(pdev))
		put_device(&pdev->dev);
}

int platform_device_register(struct platform_device *pdev)
{
	if (IS_ERR_OR_NULL(pdev))
		return -EINVAL;
	device_initialize(&pdev->dev);
	return platform_device_add(pdev);
}

void platform_device_unregister(struct platform_device *pdev)
{
	if (IS_ERR_OR_NULL(pdev) || !pdev->dev.registered)
		return;
	platform_device_del(pdev);
	platform_device_put(pdev);
}

struct platform_device *platform_device_register_simple(const char *name, int id,
							const struct resource *res,
							unsigned int num)
{
	/* The shim has no resources: @res and @num are ignored. */
	struct platform_device *pdev = platform_device_alloc(name, id);
	if (!pdev)
		return ERR_PTR(-ENOMEM);
	int ret = platform_device_add(pdev);
	if (ret) {
		platform_device_put(pdev);
		return ERR_PTR(ret);
	}
	return pdev;
}

int __platform_driver_register(struct platform_driver *drv, struct module *owner)
{
	struct smcsim_kernel *k = shim_cur("platform_driver_register");
	ensure_bus(k, &platform_bus_type);
	drv->driver.owner = owner;
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
	device_initialize(&sdev->dev);
	int ret = dev_set_name(&sdev->dev, "%s", name);
	if (!ret)
		ret = device_add(&sdev->dev);
	if (ret) {
		put_device(&sdev->dev);
		return ERR_PTR(ret);
	}
	return sdev;
}

void arm_smccc_device_unregister(struct arm_smccc_device *sdev)
{
	if (!IS_ERR_OR_NULL(sdev))
		device_unregister(&sdev->dev);
}

int arm_smccc_driver_register(struct arm_smccc_driver *driver, struct module *owner,
			      const char *mod_name)
{
	if (!driver->probe || !driver->id_table)
		return -EINVAL;
	driver->driver.bus = &arm_smccc_bus_type;
	driver->driver.name = driver->name;
	driver->driver.owner = owner;
	driver->driver.mod_name = mod_name;
	return driver_register(&driver->driver);
}

void arm_smccc_driver_unregister(struct arm_smccc_driver *driver)
{
	driver_unregister(&driver->driver);
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

const struct bus_type ffa_bus_type = {
	.name = "arm_ffa",
	.match = ffa_match,
	.probe = ffa_probe,
	.remove = ffa_remove,
	.modalias = ffa_modalias,
};

static void ffa_release(struct device *dev)
{
	free(to_ffa_dev(dev));
}

/*
 * A partition device leaving the bus: the FF-A model keeps its devices in a table where
 * Linux walks the bus (ffa_devices_unregister()), so the device leaves the table, and its
 * ID goes back to the IDA here rather than in release() so that no release needs the
 * kernel (a device may outlive it by a reference).
 */
static void ffa_device_deleted(struct smcsim_kernel *k, struct device *dev)
{
	if (dev->bus != &ffa_bus_type)
		return;
	struct ffa_device *fdev = to_ffa_dev(dev);
	struct linux_state *s = &k->lx;
	for (int i = 0; i < s->ffa_ndevs; i++)
		if (s->ffa_devs[i] == fdev)
			s->ffa_devs[i] = NULL;
	shim_ida_free(k->ffa_ida, (int)fdev->id);
}

struct ffa_device *ffa_device_register(const struct ffa_partition_info *part_info,
				       const struct ffa_ops *ops)
{
	if (!part_info)
		return NULL;
	struct smcsim_kernel *k = shim_cur("ffa_device_register");
	/* Device names come from an IDA starting at 1: "arm-ffa-1", "arm-ffa-2"... */
	int id = shim_ida_alloc(k->ffa_ida, 1);
	if (id < 0)
		return NULL;
	struct ffa_device *fdev = calloc(1, sizeof(*fdev));
	if (!fdev) {
		shim_ida_free(k->ffa_ida, id);
		return NULL;
	}
	fdev->dev.bus = &ffa_bus_type;
	fdev->dev.release = ffa_release;
	dev_set_name(&fdev->dev, "arm-ffa-%d", id);
	fdev->id = (u32)id;
	fdev->vm_id = part_info->id;
	fdev->properties = part_info->properties;
	fdev->ops = ops;
	import_uuid(&fdev->uuid, (const u8 *)part_info->uuid);
	if (device_register(&fdev->dev)) {
		shim_ida_free(k->ffa_ida, id);
		put_device(&fdev->dev);
		return NULL;
	}
	return fdev;
}

void ffa_device_unregister(struct ffa_device *ffa_dev)
{
	if (ffa_dev)
		device_unregister(&ffa_dev->dev);
}

int ffa_driver_register(struct ffa_driver *driver, struct module *owner, const char *mod_name)
{
	if (!driver->probe || !driver->id_table)
		return -EINVAL;
	driver->driver.bus = &ffa_bus_type;
	driver->driver.name = driver->name;
	driver->driver.owner = owner;
	driver->driver.mod_name = mod_name;
	return driver_register(&driver->driver);
}

void ffa_driver_unregister(struct ffa_driver *driver)
{
	driver_unregister(&driver->driver);
}
