// SPDX-License-Identifier: MIT
/*
 * The driver core for kboot (the semantics of Linux drivers/base/{core,dd,bus,driver,
 * platform,soc}.c, implemented here): devices and drivers per bus in registration order,
 * bus->match then bus->probe (or drv->probe), probe errors reported as dd.c reports them,
 * -EPROBE_DEFER retried after late_initcall, devres released on unbind, device release
 * through the refcount. No sysfs or uevents: a device's modalias comes from its bus's
 * uevent() for the report.
 */
#include <linux/kernel.h>
#include "kc-internal.h"
#include <linux/device.h>
#include <linux/platform_device.h>
#include <linux/sys_soc.h>
#include <linux/hw_random.h>
#include <linux/slab.h>
#include <linux/of.h>
#include <linux/suspend.h>
#include <linux/reboot.h>
#include <linux/smp.h>
#include <asm/smp_plat.h>
#include <asm/suspend.h>
#include <linux/notifier.h>

static LIST_HEAD(all_devices);
static LIST_HEAD(all_drivers);
#define KC_MAX_BUSES 16
static const struct bus_type *buses[KC_MAX_BUSES];
static struct notifier_block *bus_notifiers[KC_MAX_BUSES];
static unsigned int nbuses;
static bool deferred_enabled;
static unsigned int double_binds;

static bool bus_is_registered(const struct bus_type *bus)
{
	for (unsigned int i = 0; i < nbuses; i++)
		if (buses[i] == bus)
			return true;
	return false;
}

int bus_register(const struct bus_type *bus)
{
	if (bus_is_registered(bus))
		return -EEXIST;
	if (nbuses == KC_MAX_BUSES)
		return -ENOMEM;
	bus_notifiers[nbuses] = NULL;
	buses[nbuses++] = bus;
	return 0;
}

void bus_unregister(const struct bus_type *bus)
{
	for (unsigned int i = 0; i < nbuses; i++)
		if (buses[i] == bus) {
			nbuses--;
			buses[i] = buses[nbuses];
			bus_notifiers[i] = bus_notifiers[nbuses];
			return;
		}
}

static struct notifier_block **bus_chain(const struct bus_type *bus)
{
	for (unsigned int i = 0; i < nbuses; i++)
		if (buses[i] == bus)
			return &bus_notifiers[i];
	return NULL;
}

int bus_register_notifier(const struct bus_type *bus, struct notifier_block *nb)
{
	struct notifier_block **chain = bus_chain(bus);
	return chain ? kc_notifier_register(chain, nb) : -EINVAL;
}

int bus_unregister_notifier(const struct bus_type *bus, struct notifier_block *nb)
{
	struct notifier_block **chain = bus_chain(bus);
	return chain ? kc_notifier_unregister(chain, nb) : -EINVAL;
}

/* drivers/base/{core,dd}.c send these around adding, binding and removing a device; FF-A
 * v1.0 fills partition UUIDs in at BUS_NOTIFY_BIND_DRIVER (driver.c ffa_bus_notifier()). */
static void bus_notify(struct device *dev, unsigned long event)
{
	struct notifier_block **chain = dev->bus ? bus_chain(dev->bus) : NULL;
	if (chain && *chain)
		kc_notifier_call(chain, event, dev);
}

/* ---- devres -------------------------------------------------------------------------- */

struct kc_devres {
	struct list_head node;
	void (*action)(void *data);
	void *data;
	bool is_alloc;
};

static int devres_add(struct device *dev, void (*action)(void *), void *data, bool is_alloc)
{
	struct kc_devres *r = kzalloc(sizeof(*r), GFP_KERNEL);
	if (!r)
		return -ENOMEM;
	r->action = action;
	r->data = data;
	r->is_alloc = is_alloc;
	list_add_tail(&r->node, &dev->kc_devres);
	return 0;
}

static void devres_release_all(struct device *dev)
{
	if (!dev->kc_devres.next)
		return;
	while (!list_empty(&dev->kc_devres)) {
		struct kc_devres *r = list_last_entry(&dev->kc_devres, struct kc_devres, node);
		list_del(&r->node);
		if (r->is_alloc)
			kfree(r->data);
		else
			r->action(r->data);
		kfree(r);
	}
}

void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp)
{
	void *p = kmalloc(size, gfp);
	if (p && devres_add(dev, NULL, p, true)) {
		kfree(p);
		return NULL;
	}
	return p;
}

void *devm_kzalloc(struct device *dev, size_t size, gfp_t gfp)
{
	return devm_kmalloc(dev, size, gfp | __GFP_ZERO);
}

void *devm_kcalloc(struct device *dev, size_t n, size_t size, gfp_t gfp)
{
	size_t total;
	if (__builtin_mul_overflow(n, size, &total))
		return NULL;
	return devm_kzalloc(dev, total, gfp);
}

void devm_kfree(struct device *dev, const void *p)
{
	struct kc_devres *r;
	list_for_each_entry(r, &dev->kc_devres, node) if (r->is_alloc && r->data == p)
	{
		list_del(&r->node);
		kfree(r);
		kfree(p);
		return;
	}
	WARN(1, "devm_kfree(%px): not a managed allocation of %s", p, dev_name(dev));
}

char *devm_kstrdup(struct device *dev, const char *s, gfp_t gfp)
{
	size_t n = strlen(s) + 1;
	char *p = devm_kmalloc(dev, n, gfp);
	if (p)
		memcpy(p, s, n);
	return p;
}

char *devm_kasprintf(struct device *dev, gfp_t gfp, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = kvasprintf(gfp, fmt, ap);
	va_end(ap);
	if (s && devres_add(dev, NULL, s, true)) {
		kfree(s);
		return NULL;
	}
	return s;
}

int devm_add_action(struct device *dev, void (*action)(void *), void *data)
{
	return devres_add(dev, action, data, false);
}

int devm_add_action_or_reset(struct device *dev, void (*action)(void *), void *data)
{
	int r = devres_add(dev, action, data, false);
	if (r)
		action(data);
	return r;
}

/* ---- printing ------------------------------------------------------------------------ */

static const char *dev_driver_string(const struct device *dev)
{
	if (dev->driver)
		return dev->driver->name;
	if (dev->bus)
		return dev->bus->name;
	return "";
}

void _dev_printk(const char *level, const struct device *dev, const char *fmt, ...)
{
	char msg[768];
	va_list ap;
	va_start(ap, fmt);
	kc_vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (!dev) {
		printk("%s(NULL device *): %s", level, msg);
		return;
	}
	printk("%s%s %s: %s", level, dev_driver_string(dev), dev_name(dev), msg);
}

int dev_err_probe(const struct device *dev, int err, const char *fmt, ...)
{
	char msg[768];
	va_list ap;
	va_start(ap, fmt);
	kc_vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	/* drivers/base/core.c dev_err_probe(): deferral is debug-level, the rest an error. */
	if (err == -EPROBE_DEFER) {
		if (kc_debug_enabled)
			_dev_printk(KERN_DEBUG, dev, "error %pe: %s", ERR_PTR(err), msg);
	} else {
		_dev_printk(KERN_ERR, dev, "error %pe: %s", ERR_PTR(err), msg);
	}
	return err;
}

int add_uevent_var(struct kobj_uevent_env *env, const char *format, ...)
{
	va_list ap;
	va_start(ap, format);
	int room = (int)sizeof(env->buf) - env->buflen;
	int n = kc_vsnprintf(env->buf + env->buflen, (size_t)room, format, ap);
	va_end(ap);
	if (n >= room)
		return -ENOMEM;
	env->buflen += n + 1;
	env->envp_idx++;
	return 0;
}

/* ---- devices --------------------------------------------------------------------------- */

int dev_set_name(struct device *dev, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *name = kvasprintf(GFP_KERNEL, fmt, ap);
	va_end(ap);
	if (!name)
		return -ENOMEM;
	kfree(dev->kobj.name);
	dev->kobj.name = name;
	return 0;
}

void device_initialize(struct device *dev)
{
	kref_init(&dev->kobj.kref);
	INIT_LIST_HEAD(&dev->kc_devres);
	INIT_LIST_HEAD(&dev->kc_node);
	mutex_init(&dev->mutex);
}

struct device *get_device(struct device *dev)
{
	if (dev)
		kref_get(&dev->kobj.kref);
	return dev;
}

/* Set while kboot takes the driver model down after the boot (kc_driver_core_shutdown). */
static bool core_teardown;

static void device_release(struct kref *kref)
{
	struct device *dev = container_of(kref, struct device, kobj.kref);
	const char *name = dev->kobj.name;
	devres_release_all(dev);
	if (dev->release)
		dev->release(dev);
	else if (dev->type && dev->type->release)
		dev->type->release(dev);
	else if (!core_teardown)
		/* A static device the kernel registers and never unregisters (rsi.c's
		 * "arm-cca-dev") has no release(): only kboot's teardown releases it, which
		 * is not the kernel's doing, so that is not warned about. */
		WARN(1,
		     "Device '%s' does not have a release() function, it is broken and must be "
		     "fixed.",
		     name ? name : "");
	kfree(name);
}

void put_device(struct device *dev)
{
	if (dev)
		kref_put(&dev->kobj.kref, device_release);
}

static void driver_unbind(struct device *dev)
{
	struct device_driver *drv = dev->driver;
	if (!drv)
		return;
	bus_notify(dev, BUS_NOTIFY_UNBIND_DRIVER);
	if (dev->bus && dev->bus->remove)
		dev->bus->remove(dev);
	else if (drv->remove)
		drv->remove(dev);
	devres_release_all(dev);
	dev->driver = NULL;
	dev->driver_data = NULL;
	if (dev->kc_binds)
		dev->kc_binds--;
	bus_notify(dev, BUS_NOTIFY_UNBOUND_DRIVER);
}

/* dd.c really_probe()/call_driver_probe(): 0 bound, 1 no match, <0 error. */
static int try_bind(struct device *dev, struct device_driver *drv)
{
	if (dev->driver || drv->bus != dev->bus)
		return 1;
	int m = dev->bus->match ? dev->bus->match(dev, drv) : 1;
	if (m == -EPROBE_DEFER) {
		if (kc_debug_enabled)
			dev_dbg(dev, "Device match requests probe deferral\n");
		dev->kc_deferred = true;
		return -EPROBE_DEFER;
	}
	if (m <= 0)
		return 1;
	dev->driver = drv;
	if (dev->kc_binds++)
		double_binds++;
	bus_notify(dev, BUS_NOTIFY_BIND_DRIVER);
	int ret = dev->bus->probe ? dev->bus->probe(dev) : drv->probe ? drv->probe(dev) : 0;
	if (!ret) {
		dev->kc_deferred = false;
		bus_notify(dev, BUS_NOTIFY_BOUND_DRIVER);
		return 0;
	}
	devres_release_all(dev);
	dev->driver = NULL;
	dev->driver_data = NULL;
	dev->kc_binds--;
	bus_notify(dev, BUS_NOTIFY_DRIVER_NOT_BOUND);
	switch (ret) {
	case -EPROBE_DEFER:
		dev_dbg(dev, "Driver %s requests probe deferral\n", drv->name);
		dev->kc_deferred = true;
		break;
	case -ENODEV:
	case -ENXIO:
		dev_dbg(dev, "probe with driver %s rejects match %d\n", drv->name, ret);
		break;
	default:
		dev_err(dev, "probe with driver %s failed with error %d\n", drv->name, ret);
		break;
	}
	return ret;
}

int device_attach(struct device *dev)
{
	struct device_driver *drv;
	list_for_each_entry(drv, &all_drivers, kc_node)
	{
		int r = try_bind(dev, drv);
		if (r == 0)
			return 1;
		if (r == -EPROBE_DEFER)
			return 0;
	}
	return 0;
}

int device_add(struct device *dev)
{
	if (!dev->kc_devres.next)
		device_initialize(dev);
	if (dev->init_name) {
		int r = dev_set_name(dev, "%s", dev->init_name);
		if (r)
			return r;
		dev->init_name = NULL;
	}
	if (!dev->kobj.name && dev->bus && dev->bus->dev_name) {
		int r = dev_set_name(dev, "%s%u", dev->bus->dev_name, dev->id);
		if (r)
			return r;
	}
	if (!dev->kobj.name)
		return -EINVAL;
	if (dev->bus && !bus_is_registered(dev->bus)) {
		/* The kernel's bus_add_device() on an unregistered bus fails the same way. */
		return -EINVAL;
	}
	get_device(dev);
	list_add_tail(&dev->kc_node, &all_devices);
	dev->kc_added = true;
	bus_notify(dev, BUS_NOTIFY_ADD_DEVICE);
	if (dev->bus)
		device_attach(dev);
	return 0;
}

int device_register(struct device *dev)
{
	device_initialize(dev);
	return device_add(dev);
}

void device_del(struct device *dev)
{
	if (!dev->kc_added)
		return;
	bus_notify(dev, BUS_NOTIFY_DEL_DEVICE);
	driver_unbind(dev);
	list_del_init(&dev->kc_node);
	dev->kc_added = false;
	put_device(dev);
}

void device_unregister(struct device *dev)
{
	device_del(dev);
	put_device(dev);
}

void device_release_driver(struct device *dev)
{
	driver_unbind(dev);
}

int device_create_file(struct device *dev, const struct device_attribute *attr)
{
	(void)dev;
	(void)attr;
	return 0;
}

void device_remove_file(struct device *dev, const struct device_attribute *attr)
{
	(void)dev;
	(void)attr;
}

struct device *device_find_child(struct device *parent, void *data,
				 int (*match)(struct device *dev, void *data))
{
	struct device *dev;
	list_for_each_entry(dev, &all_devices,
			    kc_node) if (dev->parent == parent &&
					 match(dev, data)) return get_device(dev);
	return NULL;
}

int bus_for_each_dev(const struct bus_type *bus, struct device *start, void *data,
		     int (*fn)(struct device *dev, void *data))
{
	struct device *dev, *next;
	bool started = !start;
	list_for_each_entry_safe(dev, next, &all_devices, kc_node)
	{
		if (!started) {
			started = dev == start;
			continue;
		}
		if (dev->bus != bus)
			continue;
		int r = fn(dev, data);
		if (r)
			return r;
	}
	return 0;
}

int bus_for_each_drv(const struct bus_type *bus, struct device_driver *start, void *data,
		     int (*fn)(struct device_driver *drv, void *data))
{
	struct device_driver *drv;
	bool started = !start;
	list_for_each_entry(drv, &all_drivers, kc_node)
	{
		if (!started) {
			started = drv == start;
			continue;
		}
		if (drv->bus != bus)
			continue;
		int r = fn(drv, data);
		if (r)
			return r;
	}
	return 0;
}

struct device *bus_find_device(const struct bus_type *bus, struct device *start, const void *data,
			       int (*match)(struct device *dev, const void *data))
{
	struct device *dev;
	bool started = !start;
	list_for_each_entry(dev, &all_devices, kc_node)
	{
		if (!started) {
			started = dev == start;
			continue;
		}
		if (dev->bus == bus && match(dev, data))
			return get_device(dev);
	}
	return NULL;
}

static int match_any(struct device *dev, const void *data)
{
	(void)dev;
	(void)data;
	return 1;
}

struct device *bus_find_next_device(const struct bus_type *bus, struct device *cur)
{
	return bus_find_device(bus, cur, NULL, match_any);
}

static int match_name(struct device *dev, const void *name)
{
	return !strcmp(dev_name(dev), name);
}

struct device *bus_find_device_by_name(const struct bus_type *bus, struct device *start,
				       const char *name)
{
	return bus_find_device(bus, start, name, match_name);
}

/* ---- drivers ---------------------------------------------------------------------------- */

int driver_register(struct device_driver *drv)
{
	if (!drv->bus || !bus_is_registered(drv->bus)) {
		pr_err("Driver '%s' was unable to register with bus_type '%s' because the bus was "
		       "not initialized.\n",
		       drv->name, drv->bus ? drv->bus->name : "(null)");
		return -EINVAL;
	}
	if ((drv->bus->probe && drv->probe) || (drv->bus->shutdown && drv->shutdown))
		pr_warn("Driver '%s' needs updating - please use bus_type methods\n", drv->name);
	struct device_driver *other;
	list_for_each_entry(other, &all_drivers,
			    kc_node) if (other->bus == drv->bus && !strcmp(other->name, drv->name))
	{
		pr_err("Error: Driver '%s' is already registered, aborting...\n", drv->name);
		return -EBUSY;
	}
	list_add_tail(&drv->kc_node, &all_drivers);
	drv->kc_registered = true;
	struct device *dev, *next;
	list_for_each_entry_safe(dev, next, &all_devices,
				 kc_node) if (dev->bus == drv->bus && !dev->driver)
		try_bind(dev, drv);
	return 0;
}

void driver_unregister(struct device_driver *drv)
{
	if (!drv->kc_registered)
		return;
	struct device *dev;
	list_for_each_entry_reverse(dev, &all_devices, kc_node) if (dev->driver == drv)
		driver_unbind(dev);
	list_del_init(&drv->kc_node);
	drv->kc_registered = false;
}

/* Deferred probing (dd.c): after late_initcall, deferred devices are retried until a pass
 * binds nothing new. */
void kc_deferred_probe_run(void)
{
	deferred_enabled = true;
	for (int pass = 0; pass < 32; pass++) {
		bool progress = false;
		struct device *dev, *next;
		list_for_each_entry_safe(dev, next, &all_devices, kc_node)
		{
			if (!dev->kc_deferred || dev->driver)
				continue;
			dev->kc_deferred = false;
			if (device_attach(dev))
				progress = true;
		}
		if (!progress)
			break;
	}
}

unsigned int kc_double_binds(void)
{
	return double_binds;
}

/* Devices in registration order for the report. */
struct device *kc_next_device(struct device *prev)
{
	struct list_head *n = prev ? prev->kc_node.next : all_devices.next;
	return n == &all_devices ? NULL : list_entry(n, struct device, kc_node);
}

/* Shutdown: every device unregistered newest first (unbinding it), then every driver. */
void kc_driver_core_shutdown(void)
{
	core_teardown = true;
	while (!list_empty(&all_devices)) {
		struct device *dev = list_last_entry(&all_devices, struct device, kc_node);
		device_unregister(dev);
	}
	while (!list_empty(&all_drivers)) {
		struct device_driver *drv =
			list_last_entry(&all_drivers, struct device_driver, kc_node);
		driver_unregister(drv);
	}
	nbuses = 0;
	core_teardown = false;
}

/* ---- the platform bus (drivers/base/platform.c) ------------------------------------------ */

static const struct platform_device_id *platform_match_id(const struct platform_device_id *id,
							  struct platform_device *pdev)
{
	for (; id->name[0]; id++)
		if (!strcmp(pdev->name, id->name)) {
			pdev->id_entry = id;
			return id;
		}
	return NULL;
}

static int platform_match(struct device *dev, const struct device_driver *drv)
{
	struct platform_device *pdev = to_platform_device(dev);
	struct platform_driver *pdrv = to_platform_driver(drv);
	if (pdev->driver_override)
		return !strcmp(pdev->driver_override, drv->name);
	if (drv->of_match_table && dev->of_node && of_match_node(drv->of_match_table, dev->of_node))
		return 1;
	if (pdrv->id_table)
		return platform_match_id(pdrv->id_table, pdev) != NULL;
	return strcmp(pdev->name, drv->name) == 0;
}

static int platform_uevent(const struct device *dev, struct kobj_uevent_env *env)
{
	const struct platform_device *pdev = to_platform_device(dev);
	return add_uevent_var(env, "MODALIAS=%s%s", "platform:", pdev->name);
}

static int platform_probe(struct device *dev)
{
	struct platform_driver *drv = to_platform_driver(dev->driver);
	struct platform_device *pdev = to_platform_device(dev);
	int ret = drv->probe ? drv->probe(pdev) : 0;
	if (drv->prevent_deferred_probe && ret == -EPROBE_DEFER) {
		dev_warn(dev, "probe deferral not supported\n");
		ret = -ENXIO;
	}
	return ret;
}

static void platform_remove(struct device *dev)
{
	struct platform_driver *drv = to_platform_driver(dev->driver);
	struct platform_device *pdev = to_platform_device(dev);
	if (drv->remove)
		drv->remove(pdev);
	else if (drv->remove_new)
		drv->remove_new(pdev);
}

const struct bus_type platform_bus_type = {
	.name = "platform",
	.match = platform_match,
	.uevent = platform_uevent,
	.probe = platform_probe,
	.remove = platform_remove,
};

struct device platform_bus;

struct kc_platform_object {
	struct platform_device pdev;
	char name[];
};

static void platform_device_release(struct device *dev)
{
	struct kc_platform_object *pa = container_of(dev, struct kc_platform_object, pdev.dev);
	kfree(pa->pdev.dev.platform_data);
	kfree(pa->pdev.driver_override);
	kfree(pa);
}

struct platform_device *platform_device_alloc(const char *name, int id)
{
	size_t n = strlen(name) + 1;
	struct kc_platform_object *pa = kzalloc(sizeof(*pa) + n, GFP_KERNEL);
	if (!pa)
		return NULL;
	memcpy(pa->name, name, n);
	pa->pdev.name = pa->name;
	pa->pdev.id = id;
	device_initialize(&pa->pdev.dev);
	pa->pdev.dev.release = platform_device_release;
	return &pa->pdev;
}

int platform_device_add_data(struct platform_device *pdev, const void *data, size_t size)
{
	void *d = NULL;
	if (data) {
		d = kmemdup(data, size, GFP_KERNEL);
		if (!d)
			return -ENOMEM;
	}
	kfree(pdev->dev.platform_data);
	pdev->dev.platform_data = d;
	return 0;
}

static unsigned int platform_auto_id;

int platform_device_add(struct platform_device *pdev)
{
	if (!pdev->dev.parent)
		pdev->dev.parent = &platform_bus;
	pdev->dev.bus = &platform_bus_type;
	int r;
	switch (pdev->id) {
	default:
		r = dev_set_name(&pdev->dev, "%s.%d", pdev->name, pdev->id);
		break;
	case PLATFORM_DEVID_NONE:
		r = dev_set_name(&pdev->dev, "%s", pdev->name);
		break;
	case PLATFORM_DEVID_AUTO:
		pdev->id = (int)platform_auto_id++;
		pdev->id_auto = true;
		r = dev_set_name(&pdev->dev, "%s.%d.auto", pdev->name, pdev->id);
		break;
	}
	if (r)
		return r;
	return device_add(&pdev->dev);
}

void platform_device_del(struct platform_device *pdev)
{
	if (pdev)
		device_del(&pdev->dev);
}

void platform_device_put(struct platform_device *pdev)
{
	if (pdev)
		put_device(&pdev->dev);
}

int platform_device_register(struct platform_device *pdev)
{
	device_initialize(&pdev->dev);
	return platform_device_add(pdev);
}

void platform_device_unregister(struct platform_device *pdev)
{
	platform_device_del(pdev);
	platform_device_put(pdev);
}

struct platform_device *platform_device_register_full(const struct platform_device_info *info)
{
	struct platform_device *pdev = platform_device_alloc(info->name, info->id);
	if (!pdev)
		return ERR_PTR(-ENOMEM);
	pdev->dev.parent = info->parent;
	int r = platform_device_add_data(pdev, info->data, info->size_data);
	if (!r)
		r = platform_device_add(pdev);
	if (r) {
		platform_device_put(pdev);
		return ERR_PTR(r);
	}
	return pdev;
}

int __platform_driver_register(struct platform_driver *drv, struct module *owner)
{
	drv->driver.owner = owner;
	drv->driver.bus = &platform_bus_type;
	return driver_register(&drv->driver);
}

void platform_driver_unregister(struct platform_driver *drv)
{
	driver_unregister(&drv->driver);
}

int platform_get_irq_optional(struct platform_device *pdev, unsigned int n)
{
	(void)pdev;
	(void)n;
	return -ENXIO;
}

int platform_get_irq(struct platform_device *pdev, unsigned int n)
{
	int r = platform_get_irq_optional(pdev, n);
	dev_err(&pdev->dev, "IRQ index %u not found\n", n);
	return r;
}

/* ---- the soc bus (drivers/base/soc.c) ------------------------------------------------ */

struct soc_device {
	struct device dev;
	struct soc_device_attribute *attr;
	int soc_dev_num;
};

static const struct bus_type soc_bus_type = { .name = "soc" };
static unsigned long soc_ids; /* bitmap: numbers in use */

static void soc_release(struct device *dev)
{
	struct soc_device *soc = container_of(dev, struct soc_device, dev);
	soc_ids &= ~(1UL << soc->soc_dev_num);
	kfree(soc);
}

struct soc_device *soc_device_register(struct soc_device_attribute *attr)
{
	if (!bus_is_registered(&soc_bus_type))
		bus_register(&soc_bus_type);
	struct soc_device *soc = kzalloc(sizeof(*soc), GFP_KERNEL);
	if (!soc)
		return ERR_PTR(-ENOMEM);
	int id = 0;
	while (id < BITS_PER_LONG && (soc_ids & (1UL << id)))
		id++;
	if (id == BITS_PER_LONG) {
		kfree(soc);
		return ERR_PTR(-ENOSPC);
	}
	soc_ids |= 1UL << id;
	soc->soc_dev_num = id;
	soc->attr = attr;
	soc->dev.bus = &soc_bus_type;
	soc->dev.release = soc_release;
	device_initialize(&soc->dev);
	int r = dev_set_name(&soc->dev, "soc%d", id);
	if (!r)
		r = device_add(&soc->dev);
	if (r) {
		put_device(&soc->dev);
		return ERR_PTR(r);
	}
	return soc;
}

void soc_device_unregister(struct soc_device *soc)
{
	device_unregister(&soc->dev);
}

struct device *soc_device_to_device(struct soc_device *soc)
{
	return &soc->dev;
}

/* ---- the hw_random core (drivers/char/hw_random/core.c hwrng_register()) ---------------- */

static LIST_HEAD(rng_list);
static struct hwrng *current_rng;

int hwrng_register(struct hwrng *rng)
{
	if (!rng->name || (!rng->data_read && !rng->read))
		return -EINVAL;
	struct hwrng *tmp;
	list_for_each_entry(tmp, &rng_list, list) if (!strcmp(tmp->name, rng->name)) return -EEXIST;
	list_add_tail(&rng->list, &rng_list);
	rng->quality = min_t(u16, 1024, rng->quality ? rng->quality : 1024);
	/* 6.12 makes the best source current and calls its init; reading happens later in
	 * the hwrng kthread, not during registration. */
	if (!current_rng || rng->quality > current_rng->quality) {
		if (rng->init) {
			int r = rng->init(rng);
			if (r) {
				list_del_init(&rng->list);
				return r;
			}
		}
		current_rng = rng;
	}
	rng->kc_registered = true;
	return 0;
}

void hwrng_unregister(struct hwrng *rng)
{
	if (!rng->kc_registered)
		return;
	list_del_init(&rng->list);
	if (current_rng == rng) {
		current_rng = NULL;
		if (rng->cleanup)
			rng->cleanup(rng);
	}
	rng->kc_registered = false;
}

static void devm_hwrng_release(void *rng)
{
	hwrng_unregister(rng);
}

int devm_hwrng_register(struct device *dev, struct hwrng *rng)
{
	int r = hwrng_register(rng);
	if (r)
		return r;
	return devm_add_action_or_reset(dev, devm_hwrng_release, rng);
}

void devm_hwrng_unregister(struct device *dev, struct hwrng *rng)
{
	(void)dev;
	hwrng_unregister(rng);
}

long hwrng_msleep(struct hwrng *rng, unsigned int msecs)
{
	(void)rng;
	(void)msecs;
	return 0;
}

/* Read from the current hwrng as the kthread would (kboot --rng-read N). */
int kc_hwrng_read(void *buf, size_t len)
{
	if (!current_rng)
		return -ENODEV;
	if (current_rng->read)
		return current_rng->read(current_rng, buf, len, true);
	return -ENODEV;
}

const char *kc_hwrng_current(void)
{
	return current_rng ? current_rng->name : NULL;
}

/* ---- power management hooks ---------------------------------------------------------- */

void (*pm_power_off)(void);
enum reboot_mode reboot_mode;
static struct notifier_block *restart_chain;
static const struct platform_suspend_ops *suspend_ops;
unsigned int pm_suspend_global_flags;

int register_restart_handler(struct notifier_block *nb)
{
	return kc_notifier_register(&restart_chain, nb);
}

int unregister_restart_handler(struct notifier_block *nb)
{
	return kc_notifier_unregister(&restart_chain, nb);
}

void do_kernel_restart(char *cmd)
{
	kc_notifier_call(&restart_chain, reboot_mode, cmd);
}

bool kc_has_restart_handler(void)
{
	return restart_chain != NULL;
}

void suspend_set_ops(const struct platform_suspend_ops *ops)
{
	suspend_ops = ops;
}

bool kc_has_suspend_ops(void)
{
	return suspend_ops != NULL;
}

int suspend_valid_only_mem(suspend_state_t state)
{
	return state == PM_SUSPEND_MEM;
}

void kc_power_hooks_reset(void)
{
	pm_power_off = NULL;
	restart_chain = NULL;
	suspend_ops = NULL;
	pm_suspend_global_flags = 0;
}

/* ---- CPUs ------------------------------------------------------------------------------ */

static u64 boot_mpidr;

void kc_set_boot_mpidr(u64 mpidr)
{
	boot_mpidr = mpidr;
}

u64 read_cpuid_mpidr(void)
{
	return boot_mpidr;
}

u64 cpu_logical_map(unsigned int cpu)
{
	return cpu == 0 ? boot_mpidr : ~0ULL;
}

int get_logical_index(u64 mpidr)
{
	return (mpidr & MPIDR_HWID_BITMASK) == (boot_mpidr & MPIDR_HWID_BITMASK) ? 0 : -EINVAL;
}

int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait)
{
	(void)wait;
	if (cpu != 0)
		return -ENXIO;
	func(info);
	return 0;
}

void on_each_cpu(smp_call_func_t func, void *info, int wait)
{
	(void)wait;
	func(info);
}

/* The resume entry is never reached (no CPU actually suspends); its address is what a
 * kernel passes to PSCI CPU_SUSPEND/SYSTEM_SUSPEND. */
void cpu_resume(void)
{
	panic("cpu_resume reached: kboot CPUs never resume from suspend");
}

int cpu_suspend(unsigned long arg, int (*fn)(unsigned long))
{
	return fn(arg);
}
