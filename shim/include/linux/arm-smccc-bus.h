/* SPDX-License-Identifier: MIT */
/*
 * The SMCCC bus "arm_smccc" as queued for arm64 (for-next/smccc-bus,
 * drivers/firmware/smccc/bus.c): a device is a
 * (name, function ID) pair, drivers match by function ID, modalias "arm_smccc:f%08X".
 */
#ifndef SMCSIM_SHIM_LINUX_ARM_SMCCC_BUS_H
#define SMCSIM_SHIM_LINUX_ARM_SMCCC_BUS_H

#include "linux/arm-smccc.h"
#include "linux/device.h"

#define ARM_SMCCC_MODULE_PREFIX "arm_smccc:"

struct arm_smccc_device_id {
	u32 func_id; /* a table ends with func_id 0 */
};

struct arm_smccc_device {
	struct device dev;
	u32 func_id;
};
#define to_arm_smccc_device(d) container_of(d, struct arm_smccc_device, dev)

struct arm_smccc_driver {
	struct device_driver driver;
	const char *name;
	int (*probe)(struct arm_smccc_device *sdev);
	void (*remove)(struct arm_smccc_device *sdev);
	const struct arm_smccc_device_id *id_table;
};
#define to_arm_smccc_driver(d) container_of(d, struct arm_smccc_driver, driver)

extern const struct bus_type arm_smccc_bus_type;
/* NULL name -> ERR_PTR(-EINVAL); the device is named exactly @name. Freed by its release
 * when the last reference goes. */
struct arm_smccc_device *arm_smccc_device_register(const char *name, u32 func_id);
void arm_smccc_device_unregister(struct arm_smccc_device *sdev);
/* -EINVAL without probe or id_table; sets driver.{bus,name,owner,mod_name}. */
int arm_smccc_driver_register(struct arm_smccc_driver *driver, struct module *owner,
			      const char *mod_name);
void arm_smccc_driver_unregister(struct arm_smccc_driver *driver);

#define arm_smccc_register(driver)   arm_smccc_driver_register(driver, THIS_MODULE, KBUILD_MODNAME)
#define arm_smccc_unregister(driver) arm_smccc_driver_unregister(driver)
#define module_arm_smccc_driver(__arm_smccc_driver)                                                \
	module_driver(__arm_smccc_driver, arm_smccc_register, arm_smccc_unregister)

#endif
