/* SPDX-License-Identifier: MIT */
/*
 * The parts of the kernel's FF-A interface (include/linux/arm_ffa.h and the driver's
 * common.h) that the shim's FF-A driver model and transport need. FID values from
 * DEN0077 (FF-A) 13.
 */
#ifndef SMCSIM_SHIM_LINUX_ARM_FFA_H
#define SMCSIM_SHIM_LINUX_ARM_FFA_H

#include "linux/arm-smccc.h"
#include "linux/device.h"

/* FF-A calls pass and return the whole SMCCC 1.2 window x0..x17 (144 bytes). */
typedef struct arm_smccc_1_2_regs ffa_value_t;
/* The transport's invoke function: a plain function of one argument window, by value. */
typedef void(ffa_fn)(ffa_value_t, ffa_value_t *);

/*
 * Set *invoke_ffa_fn to a function bound to the current shim kernel, issuing through its
 * SMCCC conduit: -EOPNOTSUPP if the recorded SMCCC version is below 1.2 or the conduit is
 * NONE (the kernel's FF-A transport rule), -ENOMEM if no function can be minted.
 */
int ffa_transport_init(ffa_fn **invoke_ffa_fn);

#define FFA_SMC_32(func_num)                                                                       \
	ARM_SMCCC_CALL_VAL(ARM_SMCCC_FAST_CALL, ARM_SMCCC_SMC_32, ARM_SMCCC_OWNER_STANDARD,        \
			   (func_num))
#define FFA_SMC_64(func_num)                                                                       \
	ARM_SMCCC_CALL_VAL(ARM_SMCCC_FAST_CALL, ARM_SMCCC_SMC_64, ARM_SMCCC_OWNER_STANDARD,        \
			   (func_num))
#define FFA_ERROR			FFA_SMC_32(0x60)
#define FFA_SUCCESS			FFA_SMC_32(0x61)
#define FFA_FN64_SUCCESS		FFA_SMC_64(0x61)
#define FFA_INTERRUPT			FFA_SMC_32(0x62)
#define FFA_VERSION			FFA_SMC_32(0x63)
#define FFA_FEATURES			FFA_SMC_32(0x64)
#define FFA_RX_RELEASE			FFA_SMC_32(0x65)
#define FFA_RXTX_MAP			FFA_SMC_32(0x66)
#define FFA_FN64_RXTX_MAP		FFA_SMC_64(0x66)
#define FFA_RXTX_UNMAP			FFA_SMC_32(0x67)
#define FFA_PARTITION_INFO_GET		FFA_SMC_32(0x68)
#define FFA_ID_GET			FFA_SMC_32(0x69)
#define FFA_FN64_MEM_SHARE		FFA_SMC_64(0x73)
#define FFA_FN64_MEM_LEND		FFA_SMC_64(0x72)
#define FFA_NOTIFICATION_BITMAP_CREATE	FFA_SMC_32(0x7D)
#define FFA_NOTIFICATION_BITMAP_DESTROY FFA_SMC_32(0x7E)
#define FFA_PARTITION_INFO_GET_REGS	FFA_SMC_64(0x8B)
#define FFA_MSG_SEND_DIRECT_REQ2	FFA_SMC_64(0x8D)
#define FFA_MSG_SEND_DIRECT_RESP2	FFA_SMC_64(0x8E)

#define FFA_RET_SUCCESS		   0
#define FFA_RET_NOT_SUPPORTED	   -1
#define FFA_RET_INVALID_PARAMETERS -2
#define FFA_RET_NO_MEMORY	   -3
#define FFA_RET_BUSY		   -4
#define FFA_RET_INTERRUPTED	   -5
#define FFA_RET_DENIED		   -6
#define FFA_RET_RETRY		   -7
#define FFA_RET_ABORTED		   -8
#define FFA_RET_NO_DATA		   -9
#define FFA_RET_NOT_READY	   -10

#define FFA_MAJOR_VERSION(x)		    ((u16)(((x) >> 16) & 0x7fff))
#define FFA_MINOR_VERSION(x)		    ((u16)((x)&0xffff))
#define FFA_PACK_VERSION_INFO(major, minor) ((((major)&0x7fff) << 16) | ((minor)&0xffff))
#define FFA_VERSION_1_0			    FFA_PACK_VERSION_INFO(1, 0)
#define FFA_VERSION_1_1			    FFA_PACK_VERSION_INFO(1, 1)
#define FFA_VERSION_1_2			    FFA_PACK_VERSION_INFO(1, 2)

/* DEN0077 13.8 (1.1+): partition properties. */
#define FFA_PARTITION_DIRECT_RECV  BIT(0)
#define FFA_PARTITION_DIRECT_SEND  BIT(1)
#define FFA_PARTITION_INDIRECT_MSG BIT(2)
#define FFA_PARTITION_AARCH64_EXEC BIT(8)

struct ffa_partition_info {
	u16 id;
	u16 exec_ctxt;
	u32 properties;
	u32 uuid[4]; /* 1.1+: the UUID's 16 bytes as firmware wrote them (import_uuid()) */
};

/* The operations the FF-A core hands every partition device (Linux's ffa_drv_ops). The
 * shim's FF-A model implements none: its devices carry an ffa_ops whose tables are NULL. */
struct ffa_info_ops;
struct ffa_msg_ops;
struct ffa_mem_ops;
struct ffa_cpu_ops;
struct ffa_notifier_ops;
struct ffa_ops {
	const struct ffa_info_ops *info_ops;
	const struct ffa_msg_ops *msg_ops;
	const struct ffa_mem_ops *mem_ops;
	const struct ffa_cpu_ops *cpu_ops;
	const struct ffa_notifier_ops *notifier_ops;
};

struct ffa_device {
	u32 id; /* IDA index: the device is "arm-ffa-<id>" */
	u32 properties;
	int vm_id;
	bool mode_32bit;
	uuid_t uuid;
	struct device dev;
	const struct ffa_ops *ops;
};
#define to_ffa_dev(d) container_of(d, struct ffa_device, dev)

struct ffa_device_id {
	uuid_t uuid;
};

struct ffa_driver {
	const char *name;
	int (*probe)(struct ffa_device *sdev);
	void (*remove)(struct ffa_device *sdev);
	const struct ffa_device_id *id_table;
	struct device_driver driver;
};
#define to_ffa_driver(d) container_of(d, struct ffa_driver, driver)

static inline void ffa_dev_set_drvdata(struct ffa_device *fdev, void *data)
{
	dev_set_drvdata(&fdev->dev, data);
}
static inline void *ffa_dev_get_drvdata(struct ffa_device *fdev)
{
	return dev_get_drvdata(&fdev->dev);
}

extern const struct bus_type ffa_bus_type;
/* A device "arm-ffa-<id>" (the lowest free ID from 1) for the partition, or NULL. */
struct ffa_device *ffa_device_register(const struct ffa_partition_info *part_info,
				       const struct ffa_ops *ops);
void ffa_device_unregister(struct ffa_device *ffa_dev);
/* -EINVAL without probe or id_table; sets driver.{bus,name,owner,mod_name}. */
int ffa_driver_register(struct ffa_driver *driver, struct module *owner, const char *mod_name);
void ffa_driver_unregister(struct ffa_driver *driver);

#define ffa_register(driver)		ffa_driver_register(driver, THIS_MODULE, KBUILD_MODNAME)
#define ffa_unregister(driver)		ffa_driver_unregister(driver)
#define module_ffa_driver(__ffa_driver) module_driver(__ffa_driver, ffa_register, ffa_unregister)

#endif
