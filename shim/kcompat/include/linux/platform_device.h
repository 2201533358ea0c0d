/* SPDX-License-Identifier: MIT */
/* The platform bus: devices by name ("platform:<name>"), drivers matched by
 * of_match_table, id_table, then name, as platform_match() orders them. */
#ifndef KC_LINUX_PLATFORM_DEVICE_H
#define KC_LINUX_PLATFORM_DEVICE_H
#include <kc/base.h>
#include <linux/device.h>
#include <linux/mod_devicetable.h>

struct resource;
struct platform_device {
	const char *name;
	int id;
	bool id_auto;
	struct device dev;
	u64 platform_dma_mask;
	u32 num_resources;
	struct resource *resource;
	const struct platform_device_id *id_entry;
	const char *driver_override;
};
#define PLATFORM_DEVID_NONE   (-1)
#define PLATFORM_DEVID_AUTO   (-2)
#define to_platform_device(x) container_of((x), struct platform_device, dev)

struct platform_driver {
	int (*probe)(struct platform_device *);
	void (*remove)(struct platform_device *);
	void (*remove_new)(struct platform_device *);
	void (*shutdown)(struct platform_device *);
	struct device_driver driver;
	const struct platform_device_id *id_table;
	bool prevent_deferred_probe;
	bool driver_managed_dma;
};
#define to_platform_driver(drv) (container_of((drv), struct platform_driver, driver))

extern const struct bus_type platform_bus_type;
extern struct device platform_bus;
struct platform_device_info {
	struct device *parent;
	struct fwnode_handle *fwnode;
	bool of_node_reused;
	const char *name;
	int id;
	const struct resource *res;
	unsigned int num_res;
	const void *data;
	size_t size_data;
	u64 dma_mask;
	const struct property_entry *properties;
};
struct platform_device *platform_device_register_full(const struct platform_device_info *pdevinfo);
static inline struct platform_device *
platform_device_register_resndata(struct device *parent, const char *name, int id,
				  const struct resource *res, unsigned int num, const void *data,
				  size_t size)
{
	struct platform_device_info pdevinfo = {
		.parent = parent,
		.name = name,
		.id = id,
		.res = res,
		.num_res = num,
		.data = data,
		.size_data = size,
		.dma_mask = 0,
	};
	return platform_device_register_full(&pdevinfo);
}
static inline struct platform_device *platform_device_register_simple(const char *name, int id,
								      const struct resource *res,
								      unsigned int num)
{
	return platform_device_register_resndata(NULL, name, id, res, num, NULL, 0);
}
static inline struct platform_device *platform_device_register_data(struct device *parent,
								    const char *name, int id,
								    const void *data, size_t size)
{
	return platform_device_register_resndata(parent, name, id, NULL, 0, data, size);
}
struct platform_device *platform_device_alloc(const char *name, int id);
int platform_device_add(struct platform_device *pdev);
void platform_device_del(struct platform_device *pdev);
void platform_device_put(struct platform_device *pdev);
int platform_device_register(struct platform_device *pdev);
void platform_device_unregister(struct platform_device *pdev);
int platform_device_add_data(struct platform_device *pdev, const void *data, size_t size);
int __platform_driver_register(struct platform_driver *drv, struct module *owner);
#define platform_driver_register(drv) __platform_driver_register(drv, THIS_MODULE)
void platform_driver_unregister(struct platform_driver *drv);
static inline void *platform_get_drvdata(const struct platform_device *pdev)
{
	return dev_get_drvdata(&pdev->dev);
}
static inline void platform_set_drvdata(struct platform_device *pdev, void *data)
{
	dev_set_drvdata(&pdev->dev, data);
}
static inline void *dev_get_platdata(const struct device *dev)
{
	return dev->platform_data;
}
int platform_get_irq(struct platform_device *pdev, unsigned int n);
int platform_get_irq_optional(struct platform_device *pdev, unsigned int n);
#define module_platform_driver(__platform_driver)                                                  \
	module_driver(__platform_driver, platform_driver_register, platform_driver_unregister)
#define builtin_platform_driver(__platform_driver)                                                 \
	static int __init __platform_driver##_init(void)                                           \
	{                                                                                          \
		return platform_driver_register(&(__platform_driver));                             \
	}                                                                                          \
	device_initcall(__platform_driver##_init)
#endif
