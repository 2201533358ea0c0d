/* SPDX-License-Identifier: MIT */
/*
 * The driver core: buses, devices and drivers with the kernel's structures and calls
 * (device_initialize/add/register, put_device and release, driver_register with
 * bus->match then bus->probe or drv->probe, -EPROBE_DEFER retried after late_initcall,
 * devres freed on unbind). No sysfs: attribute groups are kept, uevent is called to learn
 * a device's MODALIAS for the report.
 */
#ifndef KC_LINUX_DEVICE_H
#define KC_LINUX_DEVICE_H
#include <kc/base.h>
#include <linux/list.h>
#include <linux/kref.h>
#include <linux/mutex.h>
#include <linux/mod_devicetable.h>
#include <linux/sysfs.h>
#include <linux/gfp.h>
#include <linux/pm.h>
#include <linux/notifier.h>
#include <linux/idr.h> /* as the kernel's, through kobject/kernfs: bus code numbers devices */

struct device;
struct device_driver;
struct device_node;
struct fwnode_handle;
struct module;

struct kobject {
	const char *name;
	struct kref kref;
};
struct kobj_uevent_env {
	char buf[2048];
	int buflen;
	int envp_idx;
};
__printf(2, 3) int add_uevent_var(struct kobj_uevent_env *env, const char *format, ...);

struct device_attribute {
	struct attribute attr;
	ssize_t (*show)(struct device *dev, struct device_attribute *attr, char *buf);
	ssize_t (*store)(struct device *dev, struct device_attribute *attr, const char *buf,
			 size_t count);
};
#define DEVICE_ATTR(_name, _mode, _show, _store)                                                   \
	struct device_attribute dev_attr_##_name = { { #_name, _mode }, _show, _store }
#define DEVICE_ATTR_RO(_name)	    DEVICE_ATTR(_name, 0444, _name##_show, NULL)
#define DEVICE_ATTR_RW(_name)	    DEVICE_ATTR(_name, 0644, _name##_show, _name##_store)
#define DEVICE_ATTR_WO(_name)	    DEVICE_ATTR(_name, 0200, NULL, _name##_store)
#define DEVICE_ATTR_ADMIN_RO(_name) DEVICE_ATTR(_name, 0400, _name##_show, NULL)

struct device_type {
	const char *name;
	const struct attribute_group **groups;
	int (*uevent)(const struct device *dev, struct kobj_uevent_env *env);
	void (*release)(struct device *dev);
};

struct bus_type {
	const char *name;
	const char *dev_name;
	const struct attribute_group **bus_groups;
	const struct attribute_group **dev_groups;
	const struct attribute_group **drv_groups;
	int (*match)(struct device *dev, const struct device_driver *drv);
	int (*uevent)(const struct device *dev, struct kobj_uevent_env *env);
	int (*probe)(struct device *dev);
	void (*sync_state)(struct device *dev);
	void (*remove)(struct device *dev);
	void (*shutdown)(struct device *dev);
	int (*online)(struct device *dev);
	int (*offline)(struct device *dev);
	const struct dev_pm_ops *pm;
	bool need_parent_lock;
};

enum probe_type { PROBE_DEFAULT_STRATEGY, PROBE_PREFER_ASYNCHRONOUS, PROBE_FORCE_SYNCHRONOUS };

struct device_driver {
	const char *name;
	const struct bus_type *bus;
	struct module *owner;
	const char *mod_name;
	bool suppress_bind_attrs;
	enum probe_type probe_type;
	const struct of_device_id *of_match_table;
	const struct acpi_device_id *acpi_match_table;
	int (*probe)(struct device *dev);
	void (*sync_state)(struct device *dev);
	int (*remove)(struct device *dev);
	void (*shutdown)(struct device *dev);
	const struct attribute_group **groups;
	const struct attribute_group **dev_groups;
	const struct dev_pm_ops *pm;
	void (*coredump)(struct device *dev);
	struct list_head kc_node; /* kcompat: registered drivers */
	bool kc_registered;
};

struct device_dma_parameters {
	unsigned int max_segment_size;
};

struct device {
	struct kobject kobj;
	struct device *parent;
	const char *init_name;
	const struct device_type *type;
	const struct bus_type *bus;
	struct device_driver *driver;
	void *platform_data;
	void *driver_data;
	struct mutex mutex;
	struct device_node *of_node;
	struct fwnode_handle *fwnode;
	u64 *dma_mask;
	u64 coherent_dma_mask;
	struct device_dma_parameters *dma_parms;
	u32 id;
	const struct attribute_group **groups;
	void (*release)(struct device *dev);
	bool offline_disabled : 1;
	bool offline : 1;
	/* kcompat */
	struct list_head kc_node;   /* all devices, registration order */
	struct list_head kc_devres; /* devm_* allocations, freed on unbind */
	bool kc_added, kc_deferred;
	unsigned int kc_binds;
};

static inline const char *dev_name(const struct device *dev)
{
	return dev->init_name ? dev->init_name : dev->kobj.name;
}
__printf(2, 3) int dev_set_name(struct device *dev, const char *name, ...);
static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}
static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}
static inline struct device_node *dev_of_node(struct device *dev)
{
	return dev->of_node;
}
void device_initialize(struct device *dev);
int device_add(struct device *dev);
int device_register(struct device *dev);
void device_del(struct device *dev);
void device_unregister(struct device *dev);
struct device *get_device(struct device *dev);
void put_device(struct device *dev);
int device_attach(struct device *dev);
void device_release_driver(struct device *dev);
int bus_register(const struct bus_type *bus);
void bus_unregister(const struct bus_type *bus);
int bus_for_each_dev(const struct bus_type *bus, struct device *start, void *data,
		     int (*fn)(struct device *dev, void *data));
int bus_for_each_drv(const struct bus_type *bus, struct device_driver *start, void *data,
		     int (*fn)(struct device_driver *drv, void *data));
struct device *bus_find_device(const struct bus_type *bus, struct device *start, const void *data,
			       int (*match)(struct device *dev, const void *data));
struct device *bus_find_next_device(const struct bus_type *bus, struct device *cur);
struct device *bus_find_device_by_name(const struct bus_type *bus, struct device *start,
				       const char *name);
/* Bus notifier events, sent to the chain registered with bus_register_notifier() (the
 * kernel's drivers/base/bus.c and dd.c). BIND_DRIVER goes out with dev->driver already
 * set and before the driver's probe: drivers/firmware/arm_ffa/driver.c ffa_bus_notifier()
 * fills in an FF-A v1.0 partition's UUID then, before ffa_device_probe() refuses a Nil
 * one. DRIVER_NOT_BOUND follows a failed probe, BOUND_DRIVER a successful one. */
#define BUS_NOTIFY_ADD_DEVICE	    0x00000001 /* device added */
#define BUS_NOTIFY_DEL_DEVICE	    0x00000002 /* device about to be removed */
#define BUS_NOTIFY_REMOVED_DEVICE   0x00000003 /* device removed */
#define BUS_NOTIFY_BIND_DRIVER	    0x00000004 /* driver about to be bound */
#define BUS_NOTIFY_BOUND_DRIVER	    0x00000005 /* driver bound to device */
#define BUS_NOTIFY_UNBIND_DRIVER    0x00000006 /* driver about to be unbound */
#define BUS_NOTIFY_UNBOUND_DRIVER   0x00000007 /* driver unbound from device */
#define BUS_NOTIFY_DRIVER_NOT_BOUND 0x00000008 /* driver failed to bind */
int bus_register_notifier(const struct bus_type *bus, struct notifier_block *nb);
int bus_unregister_notifier(const struct bus_type *bus, struct notifier_block *nb);
int driver_register(struct device_driver *drv);
void driver_unregister(struct device_driver *drv);
int device_create_file(struct device *dev, const struct device_attribute *attr);
void device_remove_file(struct device *dev, const struct device_attribute *attr);
static inline bool device_is_registered(struct device *dev)
{
	return dev->kc_added;
}
#define device_lock(dev)   mutex_lock(&(dev)->mutex)
#define device_unlock(dev) mutex_unlock(&(dev)->mutex)
static inline int dev_to_node(struct device *dev)
{
	(void)dev;
	return -1;
}
struct device *device_find_child(struct device *parent, void *data,
				 int (*match)(struct device *dev, void *data));

/* devres */
void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp);
void *devm_kzalloc(struct device *dev, size_t size, gfp_t gfp);
void *devm_kcalloc(struct device *dev, size_t n, size_t size, gfp_t gfp);
void devm_kfree(struct device *dev, const void *p);
char *devm_kstrdup(struct device *dev, const char *s, gfp_t gfp);
__printf(3, 4) char *devm_kasprintf(struct device *dev, gfp_t gfp, const char *fmt, ...);
int devm_add_action(struct device *dev, void (*action)(void *), void *data);
int devm_add_action_or_reset(struct device *dev, void (*action)(void *), void *data);

/* dev_* printing: "<driver> <device>: message", as dev_printk does. */
__printf(3, 4) void _dev_printk(const char *level, const struct device *dev, const char *fmt, ...);
#define dev_emerg(dev, fmt, ...)	 _dev_printk(KERN_EMERG, dev, fmt, ##__VA_ARGS__)
#define dev_crit(dev, fmt, ...)		 _dev_printk(KERN_CRIT, dev, fmt, ##__VA_ARGS__)
#define dev_alert(dev, fmt, ...)	 _dev_printk(KERN_ALERT, dev, fmt, ##__VA_ARGS__)
#define dev_err(dev, fmt, ...)		 _dev_printk(KERN_ERR, dev, fmt, ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...)		 _dev_printk(KERN_WARNING, dev, fmt, ##__VA_ARGS__)
#define dev_notice(dev, fmt, ...)	 _dev_printk(KERN_NOTICE, dev, fmt, ##__VA_ARGS__)
#define dev_info(dev, fmt, ...)		 _dev_printk(KERN_INFO, dev, fmt, ##__VA_ARGS__)
#define dev_printk(level, dev, fmt, ...) _dev_printk(level, dev, fmt, ##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...)                                                                     \
	do {                                                                                       \
		if (kc_debug_enabled)                                                              \
			_dev_printk(KERN_DEBUG, dev, fmt, ##__VA_ARGS__);                          \
	} while (0)
#define dev_vdbg	     dev_dbg
#define dev_err_once	     dev_err
#define dev_warn_once	     dev_warn
#define dev_info_once	     dev_info
#define dev_err_ratelimited  dev_err
#define dev_warn_ratelimited dev_warn
__printf(3, 4) int dev_err_probe(const struct device *dev, int err, const char *fmt, ...);
#define dev_WARN(dev, fmt, ...)		   WARN(1, "%s: " fmt, dev_name(dev), ##__VA_ARGS__)
#define dev_WARN_ONCE(dev, cond, fmt, ...) WARN_ONCE(cond, "%s: " fmt, dev_name(dev), ##__VA_ARGS__)

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
	module_exit(__driver##_exit);
#include <linux/module.h>
#endif
