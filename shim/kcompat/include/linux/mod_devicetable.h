/* SPDX-License-Identifier: MIT */
#ifndef KC_LINUX_MOD_DEVICETABLE_H
#define KC_LINUX_MOD_DEVICETABLE_H
#include <kc/base.h>
#include <linux/uuid.h>
struct of_device_id {
	char name[32];
	char type[32];
	char compatible[128];
	const void *data;
};
struct acpi_device_id {
	u8 id[16];
	kernel_ulong_t driver_data;
	u32 cls;
	u32 cls_msk;
};
#define PLATFORM_NAME_SIZE 24
struct platform_device_id {
	char name[PLATFORM_NAME_SIZE];
	kernel_ulong_t driver_data;
};
struct ffa_device_id {
	uuid_t uuid;
};
struct arm_smccc_device_id {
	u32 func_id;
};
#endif
