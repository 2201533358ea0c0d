/* SPDX-License-Identifier: MIT */
/*
 * The kernel's FF-A interface (Arm DEN0077, "Firmware Framework for Arm A-profile") as
 * drivers/firmware/arm_ffa/{driver,bus}.c and FF-A client drivers use it: function IDs,
 * status codes, version encoding, the arm_ffa bus (struct ffa_device, struct ffa_driver),
 * the partition and memory-transaction descriptors in the layout firmware reads from the
 * TX buffer, and the struct ffa_ops tables a partition driver calls through.
 *
 * Names, members and values follow the kernel (they are the API and the wire format);
 * this file is smcsim's own. The bus itself (ffa_bus_type, ffa_device_register()...) is
 * the kernel tree's own drivers/firmware/arm_ffa/bus.c, compiled unmodified.
 */
#ifndef KC_LINUX_ARM_FFA_H
#define KC_LINUX_ARM_FFA_H

#include <kc/base.h>
#include <linux/bitfield.h>
#include <linux/container_of.h>
#include <linux/device.h>
#include <linux/mod_devicetable.h> /* struct ffa_device_id */
#include <linux/module.h>
#include <linux/types.h>
#include <linux/uuid.h>
#include <linux/arm-smccc.h>

/* ---- function IDs: DEN0077 v1.2 Table 13.1 (fast calls, SMCCC owner 4) ---------------- */
#define FFA_SMC(cc, fn)                                                                            \
	ARM_SMCCC_CALL_VAL(ARM_SMCCC_FAST_CALL, (cc), ARM_SMCCC_OWNER_STANDARD, (fn))
#define FFA_SMC_32(fn) FFA_SMC(ARM_SMCCC_SMC_32, (fn))
#define FFA_SMC_64(fn) FFA_SMC(ARM_SMCCC_SMC_64, (fn))

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
#define FFA_MSG_POLL			FFA_SMC_32(0x6A)
#define FFA_MSG_WAIT			FFA_SMC_32(0x6B)
#define FFA_YIELD			FFA_SMC_32(0x6C)
#define FFA_RUN				FFA_SMC_32(0x6D)
#define FFA_MSG_SEND			FFA_SMC_32(0x6E)
#define FFA_MSG_SEND_DIRECT_REQ		FFA_SMC_32(0x6F)
#define FFA_FN64_MSG_SEND_DIRECT_REQ	FFA_SMC_64(0x6F)
#define FFA_MSG_SEND_DIRECT_RESP	FFA_SMC_32(0x70)
#define FFA_FN64_MSG_SEND_DIRECT_RESP	FFA_SMC_64(0x70)
#define FFA_MEM_DONATE			FFA_SMC_32(0x71)
#define FFA_FN64_MEM_DONATE		FFA_SMC_64(0x71)
#define FFA_MEM_LEND			FFA_SMC_32(0x72)
#define FFA_FN64_MEM_LEND		FFA_SMC_64(0x72)
#define FFA_MEM_SHARE			FFA_SMC_32(0x73)
#define FFA_FN64_MEM_SHARE		FFA_SMC_64(0x73)
#define FFA_MEM_RETRIEVE_REQ		FFA_SMC_32(0x74)
#define FFA_FN64_MEM_RETRIEVE_REQ	FFA_SMC_64(0x74)
#define FFA_MEM_RETRIEVE_RESP		FFA_SMC_32(0x75)
#define FFA_MEM_RELINQUISH		FFA_SMC_32(0x76)
#define FFA_MEM_RECLAIM			FFA_SMC_32(0x77)
#define FFA_MEM_OP_PAUSE		FFA_SMC_32(0x78)
#define FFA_MEM_OP_RESUME		FFA_SMC_32(0x79)
#define FFA_MEM_FRAG_RX			FFA_SMC_32(0x7A)
#define FFA_MEM_FRAG_TX			FFA_SMC_32(0x7B)
#define FFA_NORMAL_WORLD_RESUME		FFA_SMC_32(0x7C)
#define FFA_NOTIFICATION_BITMAP_CREATE	FFA_SMC_32(0x7D)
#define FFA_NOTIFICATION_BITMAP_DESTROY FFA_SMC_32(0x7E)
#define FFA_NOTIFICATION_BIND		FFA_SMC_32(0x7F)
#define FFA_NOTIFICATION_UNBIND		FFA_SMC_32(0x80)
#define FFA_NOTIFICATION_SET		FFA_SMC_32(0x81)
#define FFA_NOTIFICATION_GET		FFA_SMC_32(0x82)
#define FFA_NOTIFICATION_INFO_GET	FFA_SMC_32(0x83)
#define FFA_FN64_NOTIFICATION_INFO_GET	FFA_SMC_64(0x83)
#define FFA_RX_ACQUIRE			FFA_SMC_32(0x84)
#define FFA_SPM_ID_GET			FFA_SMC_32(0x85)
#define FFA_MSG_SEND2			FFA_SMC_32(0x86)
#define FFA_SECONDARY_EP_REGISTER	FFA_SMC_32(0x87)
#define FFA_FN64_SECONDARY_EP_REGISTER	FFA_SMC_64(0x87)
#define FFA_MEM_PERM_GET		FFA_SMC_32(0x88)
#define FFA_FN64_MEM_PERM_GET		FFA_SMC_64(0x88)
#define FFA_MEM_PERM_SET		FFA_SMC_32(0x89)
#define FFA_FN64_MEM_PERM_SET		FFA_SMC_64(0x89)
#define FFA_CONSOLE_LOG			FFA_SMC_32(0x8A)
#define FFA_PARTITION_INFO_GET_REGS	FFA_SMC_64(0x8B)
#define FFA_EL3_INTR_HANDLE		FFA_SMC_32(0x8C)
#define FFA_MSG_SEND_DIRECT_REQ2	FFA_SMC_64(0x8D)
#define FFA_MSG_SEND_DIRECT_RESP2	FFA_SMC_64(0x8E)

/* The width a 64-bit kernel uses for calls that carry addresses or handles. */
#ifdef CONFIG_64BIT
#define FFA_FN_NATIVE(name) FFA_FN64_##name
#else
#define FFA_FN_NATIVE(name) FFA_##name
#endif

/* ---- status codes: DEN0077 v1.2 error status codes, in w2 of FFA_ERROR --------------- */
#define FFA_RET_SUCCESS		   (0)
#define FFA_RET_NOT_SUPPORTED	   (-1)
#define FFA_RET_INVALID_PARAMETERS (-2)
#define FFA_RET_NO_MEMORY	   (-3)
#define FFA_RET_BUSY		   (-4)
#define FFA_RET_INTERRUPTED	   (-5)
#define FFA_RET_DENIED		   (-6)
#define FFA_RET_RETRY		   (-7)
#define FFA_RET_ABORTED		   (-8)
#define FFA_RET_NO_DATA		   (-9)

/* ---- version: DEN0077 v1.2 13.2.1, bit 31 MBZ, major in 30:16, minor in 15:0 --------- */
#define FFA_MAJOR_VERSION_MASK GENMASK(30, 16)
#define FFA_MINOR_VERSION_MASK GENMASK(15, 0)
#define FFA_MAJOR_VERSION(x)   ((u16)(FIELD_GET(FFA_MAJOR_VERSION_MASK, (x))))
#define FFA_MINOR_VERSION(x)   ((u16)(FIELD_GET(FFA_MINOR_VERSION_MASK, (x))))
#define FFA_PACK_VERSION_INFO(major, minor)                                                        \
	(FIELD_PREP(FFA_MAJOR_VERSION_MASK, (major)) | FIELD_PREP(FFA_MINOR_VERSION_MASK, (minor)))
#define FFA_VERSION_1_0 FFA_PACK_VERSION_INFO(1, 0)
#define FFA_VERSION_1_1 FFA_PACK_VERSION_INFO(1, 1)
#define FFA_VERSION_1_2 FFA_PACK_VERSION_INFO(1, 2)

/* FF-A counts buffers and memory regions in 4 KiB units whatever the kernel's page size. */
#define FFA_PAGE_SIZE SZ_4K

/* FFA_FEATURES(FFA_RXTX_MAP) w2[1:0]: minimum buffer size and alignment. */
#define FFA_FEAT_RXTX_MIN_SZ_MASK GENMASK(1, 0)
#define FFA_FEAT_RXTX_MIN_SZ_4K	  0
#define FFA_FEAT_RXTX_MIN_SZ_64K  1
#define FFA_FEAT_RXTX_MIN_SZ_16K  2

/* ---- the arm_ffa bus ---------------------------------------------------------------- */
struct ffa_ops;
struct scatterlist;

struct ffa_device {
	u32 id; /* bus index from an IDA: the device is named "arm-ffa-<id>" */
	u32 properties;
	int vm_id; /* FF-A partition ID */
	bool mode_32bit;
	uuid_t uuid;
	struct device dev;
	const struct ffa_ops *ops;
};
#define to_ffa_dev(d) container_of(d, struct ffa_device, dev)

struct ffa_driver {
	const char *name;
	int (*probe)(struct ffa_device *sdev);
	void (*remove)(struct ffa_device *sdev);
	const struct ffa_device_id *id_table;
	struct device_driver driver;
};
#define to_ffa_driver(d) container_of_const(d, struct ffa_driver, driver)

static inline void ffa_dev_set_drvdata(struct ffa_device *fdev, void *data)
{
	dev_set_drvdata(&fdev->dev, data);
}

static inline void *ffa_dev_get_drvdata(struct ffa_device *fdev)
{
	return dev_get_drvdata(&fdev->dev);
}

struct ffa_partition_info;

/*
 * API versions (KC_LINUX_AT_LEAST, linux/kconfig.h):
 *  - 6.15, the FF-A v1.2 driver: partition UUIDs as uuid_t, the v1.2 indirect message
 *    header (with the target UUID), sync_send_receive2() taking the UUID from the device;
 *  - 7.2, the core as a platform driver: partition devices get the platform device
 *    "arm-ffa" as parent.
 * Only 6.12, 7.2 and 7.3 trees have been built; the boundaries are the releases the
 * changes were merged for.
 */
#define KC_FFA_V1_2_API	    KC_LINUX_AT_LEAST(6, 15)
#define KC_FFA_PLATFORM_API KC_LINUX_AT_LEAST(7, 2)
#if KC_FFA_PLATFORM_API
#define KC_FFA_REGISTER_PARENT , struct device *parent
#else
#define KC_FFA_REGISTER_PARENT
#endif

#if IS_REACHABLE(CONFIG_ARM_FFA_TRANSPORT)
/* drivers/firmware/arm_ffa/bus.c */
struct ffa_device *ffa_device_register(const struct ffa_partition_info *part_info,
				       const struct ffa_ops *ops KC_FFA_REGISTER_PARENT);
void ffa_device_unregister(struct ffa_device *ffa_dev);
int ffa_driver_register(struct ffa_driver *driver, struct module *owner, const char *mod_name);
void ffa_driver_unregister(struct ffa_driver *driver);
void ffa_devices_unregister(void);
bool ffa_device_is_valid(struct ffa_device *ffa_dev);
#else
/* Without the transport a client driver builds and finds nothing to bind to. */
static inline struct ffa_device *
ffa_device_register(const struct ffa_partition_info *part_info,
		    const struct ffa_ops *ops KC_FFA_REGISTER_PARENT)
{
	(void)part_info;
	(void)ops;
	return NULL;
}
static inline void ffa_device_unregister(struct ffa_device *dev)
{
	(void)dev;
}
static inline void ffa_devices_unregister(void)
{
}
static inline int ffa_driver_register(struct ffa_driver *driver, struct module *owner,
				      const char *mod_name)
{
	(void)driver;
	(void)owner;
	(void)mod_name;
	return -EINVAL;
}
static inline void ffa_driver_unregister(struct ffa_driver *driver)
{
	(void)driver;
}
static inline bool ffa_device_is_valid(struct ffa_device *ffa_dev)
{
	(void)ffa_dev;
	return false;
}
#endif

#define ffa_register(driver)		ffa_driver_register(driver, THIS_MODULE, KBUILD_MODNAME)
#define ffa_unregister(driver)		ffa_driver_unregister(driver)
#define module_ffa_driver(__ffa_driver) module_driver(__ffa_driver, ffa_register, ffa_unregister)

extern const struct bus_type ffa_bus_type;

/* ---- partition information descriptor (FFA_PARTITION_INFO_GET, DEN0077 v1.2 13.9) --- */
/* v1.0 descriptors stop after the properties word. */
#define FFA_1_0_PARTITON_INFO_SZ (8)

/* ffa_partition_info.properties (DEN0077 v1.2 Table 6.2). */
#define FFA_PARTITION_DIRECT_RECV	BIT(0)
#define FFA_PARTITION_DIRECT_SEND	BIT(1)
#define FFA_PARTITION_INDIRECT_MSG	BIT(2)
#define FFA_PARTITION_NOTIFICATION_RECV BIT(3)
#define FFA_PARTITION_AARCH64_EXEC	BIT(8)
#define FFA_PARTITION_DIRECT_REQ2_RECV	BIT(9)
#define FFA_PARTITION_DIRECT_REQ2_SEND	BIT(10)

struct ffa_partition_info {
	u16 id;
	u16 exec_ctxt; /* execution contexts (vCPUs), or a proxy's ID */
	u32 properties;
#if KC_FFA_V1_2_API
	uuid_t uuid; /* v1.1+ */
#else
	u32 uuid[4]; /* v1.1+ */
#endif
};

static inline bool ffa_partition_check_property(struct ffa_device *dev, u32 property)
{
	return dev->properties & property;
}
#define ffa_partition_supports_notify_recv(dev)                                                    \
	ffa_partition_check_property(dev, FFA_PARTITION_NOTIFICATION_RECV)
#define ffa_partition_supports_indirect_msg(dev)                                                   \
	ffa_partition_check_property(dev, FFA_PARTITION_INDIRECT_MSG)
#define ffa_partition_supports_direct_recv(dev)                                                    \
	ffa_partition_check_property(dev, FFA_PARTITION_DIRECT_RECV)
#define ffa_partition_supports_direct_req2_recv(dev)                                               \
	(ffa_partition_check_property(dev, FFA_PARTITION_DIRECT_REQ2_RECV) && !(dev)->mode_32bit)

/* ---- messages ------------------------------------------------------------------------ */
/* FFA_MSG_SEND_DIRECT_{REQ,RESP}: the payload is x3..x7. */
struct ffa_send_direct_data {
	unsigned long data0;
	unsigned long data1;
	unsigned long data2;
	unsigned long data3;
	unsigned long data4;
};

/* FFA_MSG_SEND2: the header at the start of the TX buffer (DEN0077 indirect message
 * header: 20 bytes in v1.1, v1.2 adds the target UUID at offset 24). */
struct ffa_indirect_msg_hdr {
	u32 flags;
	u32 res0;
	u32 offset; /* of the payload, from the start of the header */
	u32 send_recv_id;
	u32 size;
#if KC_FFA_V1_2_API
	u32 res1;
	uuid_t uuid;
#endif
};

/* FFA_MSG_SEND_DIRECT_{REQ,RESP}2: the payload is x4..x17. */
struct ffa_send_direct_data2 {
	unsigned long data[14];
};

/* ---- memory transaction descriptors (DEN0077 v1.1 memory management chapter) -------- */
/* Constituent memory region descriptor: 16 bytes. */
struct ffa_mem_region_addr_range {
	u64 address; /* 4 KiB aligned */
	u32 pg_cnt;  /* in 4 KiB pages */
	u32 reserved;
};

/* Composite memory region descriptor: 16 bytes, then the constituents. */
struct ffa_composite_mem_region {
	u32 total_pg_cnt; /* sum of the constituents' pg_cnt */
	u32 addr_range_cnt;
	u64 reserved;
	struct ffa_mem_region_addr_range constituents[];
};

/* ffa_mem_region_attributes.attrs: the receiver's access permissions. */
#define FFA_MEM_EXEC	BIT(3)
#define FFA_MEM_NO_EXEC BIT(2)
#define FFA_MEM_RW	BIT(1)
#define FFA_MEM_RO	BIT(0)
/* ffa_mem_region_attributes.flag (retrieve requests with several borrowers). */
#define FFA_MEM_RETRIEVE_SELF_BORROWER BIT(0)

/* Endpoint memory access descriptor: 16 bytes up to v1.1; v1.2 adds the 16-byte
 * implementation-defined value before the reserved word (32 bytes). */
struct ffa_mem_region_attributes {
	u16 receiver;
	u8 attrs;
	u8 flag;
	u32 composite_off; /* from the start of the transaction descriptor */
	u8 impdef_val[16]; /* v1.2+ */
	u64 reserved;
};

/* ffa_mem_region.attributes: memory type, cacheability, shareability. */
#define FFA_MEM_NORMAL		BIT(5)
#define FFA_MEM_DEVICE		BIT(4)
#define FFA_MEM_WRITE_BACK	(3 << 2)
#define FFA_MEM_NON_CACHEABLE	(1 << 2)
#define FFA_DEV_nGnRnE		(0 << 2)
#define FFA_DEV_nGnRE		(1 << 2)
#define FFA_DEV_nGRE		(2 << 2)
#define FFA_DEV_GRE		(3 << 2)
#define FFA_MEM_NON_SHAREABLE	(0)
#define FFA_MEM_OUTER_SHAREABLE (2)
#define FFA_MEM_INNER_SHAREABLE (3)

/* ffa_mem_region.flags (share/lend/donate, and retrieve requests). */
#define FFA_MEM_CLEAR			 BIT(0)
#define FFA_TIME_SLICE_ENABLE		 BIT(1)
#define FFA_MEM_RETRIEVE_TYPE_IN_RESP	 (0 << 3)
#define FFA_MEM_RETRIEVE_TYPE_SHARE	 (1 << 3)
#define FFA_MEM_RETRIEVE_TYPE_LEND	 (2 << 3)
#define FFA_MEM_RETRIEVE_TYPE_DONATE	 (3 << 3)
#define FFA_MEM_RETRIEVE_ADDR_ALIGN_HINT BIT(9)
#define FFA_MEM_RETRIEVE_ADDR_ALIGN(x)	 ((x) << 5)

/* The 64-bit memory handle travels as two 32-bit halves, low word first. */
#define HANDLE_LOW_MASK	  GENMASK_ULL(31, 0)
#define HANDLE_HIGH_MASK  GENMASK_ULL(63, 32)
#define HANDLE_LOW(x)	  ((u32)(FIELD_GET(HANDLE_LOW_MASK, (x))))
#define HANDLE_HIGH(x)	  ((u32)(FIELD_GET(HANDLE_HIGH_MASK, (x))))
#define PACK_HANDLE(l, h) (FIELD_PREP(HANDLE_LOW_MASK, (l)) | FIELD_PREP(HANDLE_HIGH_MASK, (h)))

/* Memory transaction descriptor (DEN0077 v1.1 Table 10.20): 48 bytes from v1.1; in v1.0
 * (Table 45) the endpoint descriptors start at offset 32, where ep_mem_offset now is. */
struct ffa_mem_region {
	u16 sender_id;
	u16 attributes; /* upper byte MBZ before v1.1 */
	u32 flags;
	u64 handle;
	u64 tag;
	u32 ep_mem_size; /* size of one endpoint descriptor; MBZ before v1.1 */
	u32 ep_count;
	u32 ep_mem_offset; /* v1.1+: offset of the first endpoint descriptor, 16-aligned */
	u32 reserved[3];
};

#define CONSTITUENTS_OFFSET(x) (offsetof(struct ffa_composite_mem_region, constituents[x]))

#define FFA_EMAD_HAS_IMPDEF_FIELD(version)	  ((version) >= FFA_VERSION_1_2)
#define FFA_MEM_REGION_HAS_EP_MEM_OFFSET(version) ((version) > FFA_VERSION_1_0)
/* Size of the transaction descriptor's header at @version: v1.0 has no ep_mem_offset. */
#define FFA_MEM_REGION_SZ(version)                                                                 \
	(FFA_MEM_REGION_HAS_EP_MEM_OFFSET(version)                                                 \
		 ? sizeof(struct ffa_mem_region)                                                   \
		 : offsetof(struct ffa_mem_region, ep_mem_offset))

/* Size of one endpoint memory access descriptor at a negotiated version. */
static inline u32 ffa_emad_size_get(u32 ffa_version)
{
	u32 sz = sizeof(struct ffa_mem_region_attributes);

	if (!FFA_EMAD_HAS_IMPDEF_FIELD(ffa_version))
		sz -= sizeof_field(struct ffa_mem_region_attributes, impdef_val);
	return sz;
}

/* Offset of endpoint descriptor @count in transaction descriptor @buf: after the fixed
 * 32 bytes in v1.0, from ep_mem_offset later. */
static inline u32 ffa_mem_desc_offset(struct ffa_mem_region *buf, int count, u32 ffa_version)
{
	u32 base = FFA_MEM_REGION_HAS_EP_MEM_OFFSET(ffa_version)
			   ? buf->ep_mem_offset
			   : (u32)offsetof(struct ffa_mem_region, ep_mem_offset);

	return base + count * ffa_emad_size_get(ffa_version);
}

/* What a client passes to memory_share/memory_lend; g_handle comes back. */
struct ffa_mem_ops_args {
	bool use_txbuf;
	u32 nattrs;
	u32 flags;
	u64 tag;
	u64 g_handle;
	struct scatterlist *sg;
	struct ffa_mem_region_attributes *attrs;
};

/* ---- the operations a partition driver calls (dev->ops) ------------------------------ */
struct ffa_info_ops {
	u32 (*api_version_get)(void);
	int (*partition_info_get)(const char *uuid_str, struct ffa_partition_info *buffer);
};

struct ffa_msg_ops {
	void (*mode_32bit_set)(struct ffa_device *dev);
	int (*sync_send_receive)(struct ffa_device *dev, struct ffa_send_direct_data *data);
	int (*indirect_send)(struct ffa_device *dev, void *buf, size_t sz);
#if KC_FFA_V1_2_API
	/* to the partition UUID of @dev */
	int (*sync_send_receive2)(struct ffa_device *dev, struct ffa_send_direct_data2 *data);
#else
	int (*sync_send_receive2)(struct ffa_device *dev, const uuid_t *uuid,
				  struct ffa_send_direct_data2 *data);
#endif
};

struct ffa_mem_ops {
	int (*memory_reclaim)(u64 g_handle, u32 flags);
	int (*memory_share)(struct ffa_mem_ops_args *args);
	int (*memory_lend)(struct ffa_mem_ops_args *args);
};

struct ffa_cpu_ops {
	int (*run)(struct ffa_device *dev, u16 vcpu);
};

typedef void (*ffa_sched_recv_cb)(u16 vcpu, bool is_per_vcpu, void *cb_data);
typedef void (*ffa_notifier_cb)(int notify_id, void *cb_data);
/* Framework notifications (6.15+): the message from the RX buffer comes with the call. */
typedef void (*ffa_fwk_notifier_cb)(int notify_id, void *cb_data, void *buf);

struct ffa_notifier_ops {
	int (*sched_recv_cb_register)(struct ffa_device *dev, ffa_sched_recv_cb cb, void *cb_data);
	int (*sched_recv_cb_unregister)(struct ffa_device *dev);
	int (*notify_request)(struct ffa_device *dev, bool per_vcpu, ffa_notifier_cb cb,
			      void *cb_data, int notify_id);
	int (*notify_relinquish)(struct ffa_device *dev, int notify_id);
	/* 6.15+; present for every version, NULL where the tree's driver.c predates them */
	int (*fwk_notify_request)(struct ffa_device *dev, ffa_fwk_notifier_cb cb, void *cb_data,
				  int notify_id);
	int (*fwk_notify_relinquish)(struct ffa_device *dev, int notify_id);
	int (*notify_send)(struct ffa_device *dev, int notify_id, bool per_vcpu, u16 vcpu);
};

struct ffa_ops {
	const struct ffa_info_ops *info_ops;
	const struct ffa_msg_ops *msg_ops;
	const struct ffa_mem_ops *mem_ops;
	const struct ffa_cpu_ops *cpu_ops;
	const struct ffa_notifier_ops *notifier_ops;
};

/* The descriptors are the wire format firmware parses out of the TX buffer. */
_Static_assert(sizeof(struct ffa_partition_info) == 24, "FF-A v1.1 partition descriptor");
_Static_assert(sizeof(struct ffa_indirect_msg_hdr) == (KC_FFA_V1_2_API ? 40 : 20),
	       "indirect message header");
_Static_assert(sizeof(struct ffa_mem_region_addr_range) == 16, "constituent descriptor");
_Static_assert(sizeof(struct ffa_composite_mem_region) == 16, "composite descriptor");
_Static_assert(sizeof(struct ffa_mem_region_attributes) == 32, "v1.2 endpoint descriptor");
_Static_assert(sizeof(struct ffa_mem_region) == 48, "v1.1 transaction descriptor");
_Static_assert(offsetof(struct ffa_mem_region, ep_mem_offset) == 32, "v1.0 endpoint array");

#endif
