/* SPDX-License-Identifier: MIT */
/*
 * Reference models of Linux's binding: the SMCCC bus with its generic probe table and the
 * TRNG and CCA-guest drivers (the arm64 for-next/smccc-bus series:
 * drivers/firmware/smccc/bus.c, drivers/char/hw_random/arm_smccc_trng.c,
 * drivers/virt/coco/arm-cca-guest/), the SOC_ID soc device
 * (drivers/firmware/smccc/soc_id.c), and the FF-A core driver's init and partition binding
 * (drivers/firmware/arm_ffa/driver.c and bus.c), including its ordering against pKVM's FF-A
 * proxy (arch/arm64/kvm/hyp/nvhe/ffa.c). Linux 6.12's platform devices and its v1.1 FF-A
 * driver at rootfs_initcall are selected by smcsim_kernel_opts.linux_era.
 */
#include <stdio.h>
#include <string.h>

#include "abi/bytes.h"
#include "discover.h"
#include "linux/arm-smccc-bus.h"
#include "linux/arm_ffa.h"
#include "linux/mm.h"
#include "linux/platform_device.h"
#include "shim_priv.h"

static struct linux_state *lx(void)
{
	return &shim_cur("discover")->lx;
}

/* ---- SMCCC bus (drivers/firmware/smccc/bus.c, arm64 for-next/smccc-bus) --------------- */
#undef pr_fmt
#define pr_fmt(fmt) "smccc: " fmt

int lx_smccc_bus_init(void)
{
	return bus_register(&arm_smccc_bus_type);
}

struct smccc_device_info {
	u32 func_id;
	bool requires_smc;
	const char *name;
};

/* The queued series' generic probe table. */
static const struct smccc_device_info smccc_devices[] = {
	{ 0x84000050, false, "arm-smccc-trng" }, /* TRNG_VERSION */
	{ 0xC4000190, true, "arm-rsi" },	 /* RSI_ABI_VERSION */
};

int lx_smccc_devices_init(void)
{
	enum arm_smccc_conduit conduit = arm_smccc_1_1_get_conduit();
	for (size_t i = 0; i < ARRAY_SIZE(smccc_devices); i++) {
		const struct smccc_device_info *d = &smccc_devices[i];
		if (conduit == SMCCC_CONDUIT_NONE)
			continue;
		if (d->requires_smc && conduit != SMCCC_CONDUIT_SMC)
			continue;
		/* All other arguments zero: RSI_ABI_VERSION is asked for version 0.0. */
		struct arm_smccc_res res;
		arm_smccc_1_1_invoke(d->func_id, &res);
		/* (int) truncation: only the low 32 bits decide "not implemented". */
		if ((int)res.a0 == SMCCC_RET_NOT_SUPPORTED)
			continue;
		struct arm_smccc_device *sdev = arm_smccc_device_register(d->name, d->func_id);
		if (IS_ERR(sdev))
			pr_err("failed to register %s: %ld", d->name, PTR_ERR(sdev));
	}
	return 0;
}

/* drivers/char/hw_random/arm_smccc_trng.c: re-validates the version in probe. */
static int smccc_trng_probe(struct arm_smccc_device *sdev)
{
	struct arm_smccc_res res;
	arm_smccc_1_1_invoke(ARM_SMCCC_TRNG_VERSION, &res);
	if ((s32)res.a0 < 0 || res.a0 < ARM_SMCCC_TRNG_MIN_VERSION)
		return -ENODEV;
	return 0;
}

static const struct arm_smccc_device_id smccc_trng_ids[] = { { 0x84000050 }, { 0 } };
/* The series names its SMCCC drivers KBUILD_MODNAME: the module arm_smccc_trng (the
 * platform driver it replaces was "smccc_trng"). */
static struct arm_smccc_driver smccc_trng_driver = {
	.name = "arm_smccc_trng",
	.probe = smccc_trng_probe,
	.id_table = smccc_trng_ids,
};

/* drivers/virt/coco/arm-cca-guest: the TSM report provider binds only in a Realm. */
static int cca_guest_probe(struct arm_smccc_device *sdev)
{
	if (!lx()->realm)
		return -ENODEV;
	return 0; /* tsm_report_register() */
}

static const struct arm_smccc_device_id cca_guest_ids[] = { { 0xC4000190 }, { 0 } };
/* KBUILD_MODNAME of the module arm-cca-guest: kbuild turns '-' into '_'. */
static struct arm_smccc_driver cca_guest_driver = {
	.name = "arm_cca_guest",
	.probe = cca_guest_probe,
	.id_table = cca_guest_ids,
};

int lx_smccc_drivers_init(void)
{
	/* Driver structs are shared descriptors; the binding state is per kernel. Each
	 * kernel registers its own copies so kernels never share list links. */
	struct smcsim_kernel *k = shim_cur("smccc drivers");
	struct arm_smccc_driver *t = kzalloc(sizeof(*t), GFP_KERNEL);
	struct arm_smccc_driver *c = kzalloc(sizeof(*c), GFP_KERNEL);
	if (!t || !c || k->nowned + 2 > (int)ARRAY_SIZE(k->owned)) {
		kfree(t);
		kfree(c);
		return -ENOMEM;
	}
	*t = smccc_trng_driver;
	*c = cca_guest_driver;
	k->owned[k->nowned++] = t;
	k->owned[k->nowned++] = c;
	/* Each is its own module, KBUILD_MODNAME its driver name. */
	int r = arm_smccc_driver_register(t, THIS_MODULE, t->name);
	return r ? r : arm_smccc_driver_register(c, THIS_MODULE, c->name);
}

/* ---- SOC_ID (drivers/firmware/smccc/soc_id.c) ----------------------------------------- */
#undef pr_fmt
#define pr_fmt(fmt) "SMCCC: SOC_ID: " fmt

static const struct bus_type soc_bus_type = { .name = "soc" };

static void soc_release(struct device *dev)
{
	kfree(dev);
}

/*
 * Linux drivers/firmware/smccc/soc_id.c smccc_soc_name_init() (SMCCC 1.6, not in 6.12):
 * SOC_ID64(2) through a 1.2 invoke, the name the 136 bytes of x1..x17. A name with no NUL
 * in them is dropped with a firmware-bug warning. The name FID moved from SMC32 to SMC64
 * in a later kernel fix; firmware answering only the old one loses its name on newer
 * kernels.
 */
static void soc_name_init(struct linux_state *s, bool old_fid)
{
	struct arm_smccc_1_2_regs args = { .a0 = old_fid ? ARM_SMCCC_ARCH_SOC_ID
							 : ARM_SMCCC_ARCH_SOC_ID64,
					   .a1 = 2 },
				  res;
	arm_smccc_1_2_invoke(&args, &res);
	if ((u32)res.a0 != 0)
		return;
	const unsigned long x[17] = { res.a1,  res.a2,	res.a3,	 res.a4,  res.a5,  res.a6,
				      res.a7,  res.a8,	res.a9,	 res.a10, res.a11, res.a12,
				      res.a13, res.a14, res.a15, res.a16, res.a17 };
	char name[136];
	for (int i = 0; i < 17; i++)
		for (int b = 0; b < 8; b++)
			name[i * 8 + b] = (char)(x[i] >> (8 * b));
	size_t len = strnlen(name, sizeof(name));
	if (len == sizeof(name)) {
		pr_warn(FW_BUG "Ignoring improperly formatted name");
		return;
	}
	memcpy(s->soc_id_name, name, len + 1);
}

int lx_soc_id_init(void)
{
	struct linux_state *s = lx();
	if (arm_smccc_get_version() < ARM_SMCCC_VERSION_1_2)
		return 0;
	s32 ver = arm_smccc_get_soc_id_version(), rev = arm_smccc_get_soc_id_revision();
	if (ver == SMCCC_RET_NOT_SUPPORTED) {
		pr_info("ARCH_SOC_ID not implemented, skipping ....");
		return 0;
	}
	if (ver < 0) {
		pr_err("Invalid SoC Version: %x", ver);
		return -EINVAL;
	}
	if (rev < 0) {
		pr_err("Invalid SoC Revision: %x", rev);
		return -EINVAL;
	}
	unsigned int era = shim_cur("soc_id")->opts.linux_era;
	if (!(era & SMCSIM_LINUX_NO_SOC_ID_NAME))
		soc_name_init(s, era & SMCSIM_LINUX_SOC_ID_NAME_SMC32);
	bus_register(&soc_bus_type);
	struct device *dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return -ENOMEM;
	dev->bus = &soc_bus_type;
	dev->release = soc_release;
	dev_set_name(dev, "soc0");
	if (device_register(dev)) {
		put_device(dev);
		return -EINVAL;
	}
	s->soc_device = true;
	/* JEP-106: bank in bits 30:24, ID code 22:16 (parity bit 23 dropped). */
	pr_info("ID = jep106:%02x%02x:%04x Revision = 0x%08x", (ver >> 24) & 0x7f,
		(ver >> 16) & 0x7f, ver & 0xffff, rev);
	return 0;
}

/* ---- FF-A (drivers/firmware/arm_ffa/driver.c) ----------------------------------------- */
#undef pr_fmt
#define pr_fmt(fmt) "ARM FF-A: " fmt

#define FFA_MIN_VERSION				 FFA_VERSION_1_0
#define FFA_FEAT_NOTIFICATION_PENDING_INT	 1
#define FFA_FEAT_SCHEDULE_RECEIVER_INT		 2
#define FFA_PARTITION_INFO_GET_RETURN_COUNT_ONLY 1
#define FFA_MAX_PARTS				 32
/* Linux's struct ffa_partition_info (include/linux/arm_ffa.h): id, exec_ctxt, properties,
 * uuid, 24 bytes; the partition buffer is an array of them. */
#define LX_PART_INFO_SZ 24
/* What PARTITION_INFO_GET_REGS replies hold from x3: x3..x17, 120 bytes. */
#define LX_REGS_BYTES (15 * 8)
/* kcalloc() of more than KMALLOC_MAX_SIZE (4 MiB with 4 KiB pages) fails. */
#define LX_KMALLOC_MAX (4UL << 20)
/* Iterations without progress after which the model calls Linux's loop a hang. */
#define LX_FFA_LOOP_LIMIT 4096

static bool ffa_6_12(void)
{
	return shim_cur("ffa")->opts.linux_era & SMCSIM_LINUX_FFA_6_12;
}

/* FFA_DRIVER_VERSION: v1.1 in Linux 6.12 drivers/firmware/arm_ffa/driver.c, v1.2 since. */
static u32 ffa_driver_version(void)
{
	return ffa_6_12() ? FFA_VERSION_1_1 : FFA_VERSION_1_2;
}

int lx_ffa_bus_init(void)
{
	return bus_register(&ffa_bus_type);
}

static ffa_value_t ffa_call(unsigned long a0, unsigned long a1, unsigned long a2, unsigned long a3,
			    unsigned long a4, unsigned long a5)
{
	ffa_fn *fn = (ffa_fn *)lx()->ffa_fn;
	ffa_value_t res;
	fn((ffa_value_t){ .a0 = a0, .a1 = a1, .a2 = a2, .a3 = a3, .a4 = a4, .a5 = a5 }, &res);
	return res;
}

static bool ffa_ok(const ffa_value_t *r)
{
	return r->a0 != FFA_ERROR;
}

/* Linux drivers/firmware/arm_ffa/driver.c ffa_to_linux_errno(): every error the driver
 * returns or prints is the FF-A status (the low 32 bits of w2) through this table. */
static int ffa_to_linux_errno(int status)
{
	static const int map[] = {
		[-FFA_RET_SUCCESS] = 0,
		[-FFA_RET_NOT_SUPPORTED] = -EOPNOTSUPP,
		[-FFA_RET_INVALID_PARAMETERS] = -EINVAL,
		[-FFA_RET_NO_MEMORY] = -ENOMEM,
		[-FFA_RET_BUSY] = -EBUSY,
		[-FFA_RET_INTERRUPTED] = -EINTR,
		[-FFA_RET_DENIED] = -EACCES,
		[-FFA_RET_RETRY] = -EAGAIN,
		[-FFA_RET_ABORTED] = -ECANCELED,
		[-FFA_RET_NO_DATA] = -ENODATA,
		[-FFA_RET_NOT_READY] = -EAGAIN,
	};
	if (status <= 0 && -(long)status < (long)ARRAY_SIZE(map))
		return map[-status];
	return -EINVAL;
}

static int ffa_errno(const ffa_value_t *r)
{
	return ffa_to_linux_errno((int)r->a2);
}

/* Linux ffa_features(): 0, or the status as an errno. */
static int ffa_features(u32 id, u32 *prop1)
{
	ffa_value_t r = ffa_call(FFA_FEATURES, id, 0, 0, 0, 0);
	if (!ffa_ok(&r))
		return ffa_errno(&r);
	if (prop1)
		*prop1 = (u32)r.a2;
	return 0;
}

/* Linux ffa_version_check() and ffa_compatible_version_find(). */
static int ffa_version_check(u32 *version)
{
	const u32 drv = ffa_driver_version();
	ffa_value_t r = ffa_call(FFA_VERSION, drv, 0, 0, 0, 0);
	lx()->ffa_version_raw = r.a0;
	/* NOT_SUPPORTED: 6.12 compares x0 at full width, later kernels its low 32 bits. */
	bool unsupported = ffa_6_12() ? r.a0 == (unsigned long)FFA_RET_NOT_SUPPORTED
				      : (s32)r.a0 == FFA_RET_NOT_SUPPORTED;
	if (unsupported) {
		pr_info("FFA_VERSION returned not supported");
		return -EOPNOTSUPP;
	}
	/* The major version from bits 30:16 of x0, the minimum compared at full width. */
	unsigned long fw = r.a0;
	if (FFA_MAJOR_VERSION(fw) > FFA_MAJOR_VERSION(drv)) {
		pr_err("Incompatible v%d.%d! Latest supported v%d.%d", FFA_MAJOR_VERSION(fw),
		       FFA_MINOR_VERSION(fw), FFA_MAJOR_VERSION(drv), FFA_MINOR_VERSION(drv));
		return -EINVAL;
	}
	if (fw < FFA_MIN_VERSION) {
		pr_err("Incompatible v%d.%d! Earliest supported v%d.%d", FFA_MAJOR_VERSION(fw),
		       FFA_MINOR_VERSION(fw), 1, 0);
		return -EINVAL;
	}
	pr_info("Driver version %d.%d", FFA_MAJOR_VERSION(drv), FFA_MINOR_VERSION(drv));
	pr_info("Firmware version %d.%d found", FFA_MAJOR_VERSION(fw), FFA_MINOR_VERSION(fw));
	/* ffa_compatible_version_find() takes the low 32 bits. */
	u32 v = (u32)fw;
	u16 major = FFA_MAJOR_VERSION(v), minor = FFA_MINOR_VERSION(v);
	if (major < FFA_MAJOR_VERSION(drv) ||
	    (major == FFA_MAJOR_VERSION(drv) && minor <= FFA_MINOR_VERSION(drv))) {
		*version = v;
		return 0;
	}
	pr_info("Firmware version higher than driver version, downgrading");
	*version = drv;
	return 0;
}

/* Linux ffa_rxtx_unmap(): x1 = 0 in 6.12, the VM ID in bits 31:16 since. */
static void ffa_rxtx_unmap(struct linux_state *s)
{
	ffa_call(FFA_RXTX_UNMAP, ffa_6_12() ? 0 : (unsigned long)s->ffa_vm_id << 16, 0, 0, 0, 0);
}

static void ffa_unmap_and_free(struct linux_state *s)
{
	if (s->ffa_rxtx_mapped) {
		ffa_rxtx_unmap(s);
		s->ffa_rxtx_mapped = false;
	}
	free_pages_exact(s->ffa_rx, s->ffa_rxtx_bufsz);
	free_pages_exact(s->ffa_tx, s->ffa_rxtx_bufsz);
	s->ffa_rx = s->ffa_tx = NULL;
}

/* One entry of Linux's partition buffer: little-endian fields at their struct offsets. */
static void ffa_read_desc(const u8 *p, struct ffa_partition_info *info)
{
	memset(info, 0, sizeof(*info));
	info->id = abi_rd16(p);
	info->exec_ctxt = abi_rd16(p + 2);
	info->properties = abi_rd32(p + 4);
	memcpy(info->uuid, p + 8, 16);
}

/*
 * Linux drivers/firmware/arm_ffa/driver.c __ffa_partition_info_get(): FFA_PARTITION_INFO_GET
 * for the Nil UUID. With no buffer it asks for the count (COUNT_ONLY from v1.1, no
 * RX_RELEASE then); with one it copies min(size, 24) bytes of each descriptor, at the
 * stride firmware gives in w3 (8 at v1.0), only if the second count fits the buffer, and
 * returns that second count. @buf holds @num entries.
 */
static int ffa_partition_info_get_rx(struct linux_state *s, u8 *buf, int num)
{
	bool count_only = !buf || !num;
	u32 flags = s->ffa_version > FFA_VERSION_1_0 && count_only
			    ? FFA_PARTITION_INFO_GET_RETURN_COUNT_ONLY
			    : 0;
	ffa_value_t r = ffa_call(FFA_PARTITION_INFO_GET, 0, 0, 0, 0, flags);
	if (!ffa_ok(&r))
		return ffa_errno(&r);
	int count = (int)r.a2;
	int sz = s->ffa_version > FFA_VERSION_1_0 ? (int)r.a3 : 8;
	/* `sz > sizeof(*buffer)` compares as size_t: a negative size copies 24 bytes. */
	int buf_sz = (size_t)sz > LX_PART_INFO_SZ ? LX_PART_INFO_SZ : sz;
	if (buf && count <= num && count > 0) {
		long long first = 0, last = (long long)(count - 1) * sz;
		long long lo = first < last ? first : last, hi = first < last ? last : first;
		if (lo < 0 || hi + buf_sz > (long long)s->ffa_rxtx_bufsz) {
			/* Linux trusts count and stride: reading past the RX buffer is the
			 * finding. */
			pr_err("smcsim: linux-overread: PARTITION_INFO_GET count %d stride %d "
			       "reads "
			       "past the %zu-byte RX buffer",
			       count, sz, s->ffa_rxtx_bufsz);
			ffa_call(FFA_RX_RELEASE, 0, 0, 0, 0, 0);
			return -EINVAL;
		}
		for (int i = 0; i < count; i++)
			memcpy(buf + (size_t)i * LX_PART_INFO_SZ,
			       (const u8 *)s->ffa_rx + (long long)i * sz, (size_t)buf_sz);
	}
	if (!(flags & FFA_PARTITION_INFO_GET_RETURN_COUNT_ONLY))
		ffa_call(FFA_RX_RELEASE, 0, 0, 0, 0, 0);
	return count;
}

struct regs_reply {
	u16 count_field, cur, tag, sz;
	u8 bytes[LX_REGS_BYTES]; /* x3..x17 as they lie in memory */
};

static int ffa_regs_call(u16 start, u16 tag, struct regs_reply *rr)
{
	ffa_value_t r = ffa_call(FFA_PARTITION_INFO_GET_REGS, 0, 0,
				 (unsigned long)start | (unsigned long)tag << 16, 0, 0);
	if (!ffa_ok(&r))
		return ffa_errno(&r);
	/* w2: LAST_INDEX 15:0, CURRENT_INDEX 31:16, UUID_INFO_TAG 47:32, size 63:48. */
	rr->count_field = (u16)((u16)(r.a2 & 0xffff) + 1); /* u16: a last index of 0xffff
							    * counts 0 */
	rr->cur = (u16)(r.a2 >> 16);
	rr->tag = (u16)(r.a2 >> 32);
	rr->sz = (u16)(r.a2 >> 48);
	const unsigned long x[15] = { r.a3,  r.a4,  r.a5,  r.a6,  r.a7,	 r.a8,	r.a9, r.a10,
				      r.a11, r.a12, r.a13, r.a14, r.a15, r.a16, r.a17 };
	for (int i = 0; i < 15; i++)
		for (int b = 0; b < 8; b++)
			rr->bytes[i * 8 + b] = (u8)(x[i] >> (8 * b));
	return 0;
}

/* Linux's loop asks again from 0 after a reply whose CURRENT_INDEX is 0 and from
 * CURRENT_INDEX + 1 otherwise; a reply that does not move it forward is asked again
 * forever if firmware keeps giving it. */
static bool ffa_regs_stuck(u16 start, u16 cur, unsigned int *stuck)
{
	u16 next = cur ? (u16)(cur + 1) : 0;
	if (next > start) {
		*stuck = 0;
		return false;
	}
	if (++*stuck < LX_FFA_LOOP_LIMIT)
		return false;
	pr_err("smcsim: linux-hang: PARTITION_INFO_GET_REGS makes no progress at index %u", start);
	return true;
}

/*
 * Linux 6.12 drivers/firmware/arm_ffa/driver.c __ffa_partition_info_get_regs(): the count
 * from the first reply (LAST_INDEX + 1 in a u16); with a buffer, each reply's entries are
 * one memcpy of (CURRENT_INDEX - start + 1) * size bytes from x3, size = min(w2[63:48],
 * 24), to `buffer + prev_idx * size`: struct-pointer arithmetic, so byte prev_idx * size *
 * 24, where prev_idx is the previous reply's CURRENT_INDEX. Nothing bounds that by the
 * @num entries allocated from the count call: the write past them (any reply after a first
 * one that ended above index 0, a CURRENT_INDEX at or past @num, a second count larger than
 * the first, or CURRENT_INDEX below start, a negative length) is the finding; the model
 * stops there and copies nothing out of bounds.
 */
static int ffa_partition_info_get_regs_6_12(u8 *buf, int num)
{
	u16 count = 0, prev = 0, tag = 0, start, cur;
	unsigned int stuck = 0;
	const long long cap = (long long)num * LX_PART_INFO_SZ;
	do {
		start = prev ? (u16)(prev + 1) : 0;
		struct regs_reply rr;
		int ret = ffa_regs_call(start, tag, &rr);
		if (ret)
			return ret;
		if (!count)
			count = rr.count_field;
		if (!buf || !num)
			return count;
		cur = rr.cur;
		tag = rr.tag;
		int sz = rr.sz > LX_PART_INFO_SZ ? LX_PART_INFO_SZ : rr.sz;
		long long len = (long long)((int)cur - (int)start + 1) * sz;
		long long at = (long long)prev * sz * LX_PART_INFO_SZ;
		if (len < 0 || at + len > cap) {
			pr_err("smcsim: linux-overflow: Linux 6.12 would write past its partition "
			       "buffer: PARTITION_INFO_GET_REGS entries %u..%u of size %d go to "
			       "bytes %lld..%lld of the %lld allocated for %d partitions",
			       start, cur, sz, at, at + len, cap, num);
			return -EINVAL;
		}
		if (len > LX_REGS_BYTES) {
			pr_err("smcsim: linux-overread: Linux 6.12 would read past the "
			       "PARTITION_INFO_GET_REGS reply: %lld bytes from x3 (entries %u..%u "
			       "of size %d)",
			       len, start, cur, sz);
			return -EINVAL;
		}
		memcpy(buf + at, rr.bytes, (size_t)len);
		prev = cur;
		if (cur < count - 1 && ffa_regs_stuck(start, cur, &stuck))
			return -ELOOP;
	} while (cur < count - 1);
	return count;
}

/*
 * The same call as later kernels make it (drivers/firmware/arm_ffa/driver.c
 * __ffa_partition_info_get_regs() since 6.13: three registers per entry from x3, the
 * buffer advancing entry by entry) with the bounds of "firmware: arm_ffa: Bound
 * PARTITION_INFO_GET_REGS copies": at most five entries a reply, at most @num in all.
 */
static int ffa_partition_info_get_regs(u8 *buf, int num)
{
	u16 count = 0, prev = 0, tag = 0, start, cur;
	unsigned int stuck = 0;
	int filled = 0;
	do {
		start = prev ? (u16)(prev + 1) : 0;
		struct regs_reply rr;
		int ret = ffa_regs_call(start, tag, &rr);
		if (ret)
			return ret;
		if (!count)
			count = rr.count_field;
		if (!buf || !num)
			return count;
		cur = rr.cur;
		tag = rr.tag;
		for (int i = 0; i < (int)cur - (int)start + 1 && i < 5 && filled < num; i++)
			memcpy(buf + (size_t)filled++ * LX_PART_INFO_SZ, rr.bytes + i * 24, 24);
		prev = cur;
		if (cur < count - 1 && ffa_regs_stuck(start, cur, &stuck))
			return -ELOOP;
	} while (cur < count - 1);
	return count < num ? count : num;
}

/*
 * Linux drivers/firmware/arm_ffa/driver.c ffa_partition_probe(): register mode whenever
 * FFA_FEATURES(PARTITION_INFO_GET_REGS) succeeds, at every negotiated version; two passes
 * either way, a count call then a fill call into kcalloc(count) entries. Returns the
 * second pass's count with the entries in *@out (the caller frees), or <= 0.
 */
static int ffa_partition_probe(struct linux_state *s, u8 **out)
{
	bool regs = ffa_features(FFA_PARTITION_INFO_GET_REGS, NULL) == 0;
	bool v612 = ffa_6_12();
	int count = regs ? (v612 ? ffa_partition_info_get_regs_6_12(NULL, 0)
				 : ffa_partition_info_get_regs(NULL, 0))
			 : ffa_partition_info_get_rx(s, NULL, 0);
	if (count <= 0)
		return count;
	if ((unsigned long)count > LX_KMALLOC_MAX / LX_PART_INFO_SZ)
		return -ENOMEM;
	u8 *buf = kcalloc((size_t)count, LX_PART_INFO_SZ, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	int num = count;
	count = regs ? (v612 ? ffa_partition_info_get_regs_6_12(buf, num)
			     : ffa_partition_info_get_regs(buf, num))
		     : ffa_partition_info_get_rx(s, buf, num);
	if (count > num) {
		/* ffa_setup_partitions() walks the second count over the first one's
		 * buffer. */
		pr_err("smcsim: linux-overread: PARTITION_INFO_GET count %d on the second call, "
		       "Linux allocated %d entries",
		       count, num);
		count = -EINVAL;
	}
	if (count <= 0)
		kfree(buf);
	else
		*out = buf;
	return count;
}

/* The driver's ffa_drv_ops; the model implements none of the operations. */
static const struct ffa_ops ffa_drv_ops;

static void ffa_register_dev(struct linux_state *s, const struct ffa_partition_info *info,
			     struct ffa_device **fdev)
{
	*fdev = ffa_device_register(info, &ffa_drv_ops);
	if (*fdev && s->ffa_ndevs < (int)ARRAY_SIZE(s->ffa_devs))
		s->ffa_devs[s->ffa_ndevs++] = *fdev;
}

static void ffa_unregister_devs(struct linux_state *s)
{
	for (int i = s->ffa_ndevs - 1; i >= 0; i--)
		if (s->ffa_devs[i])
			ffa_device_unregister(s->ffa_devs[i]);
	s->ffa_ndevs = 0;
}

/* Linux drivers/firmware/arm_ffa/driver.c ffa_setup_partitions() and
 * ffa_setup_host_partition(). */
static int ffa_setup_partitions(struct smcsim_kernel *k)
{
	struct linux_state *s = &k->lx;
	u8 *buf = NULL;
	int count = ffa_partition_probe(s, &buf);
	if (count <= 0) {
		pr_info("%s: No partitions found, error %d", "ffa_setup_partitions", count);
		return -EINVAL;
	}
	int n = count;
	if (n > FFA_MAX_PARTS) {
		pr_warn("smcsim: model limit: %d partitions, registering the first %d", n,
			FFA_MAX_PARTS);
		n = FFA_MAX_PARTS;
	}
	bool host_seen = false;
	for (int i = 0; i < n; i++) {
		struct ffa_partition_info info;
		ffa_read_desc(buf + (size_t)i * LX_PART_INFO_SZ, &info);
		struct ffa_device *fdev;
		ffa_register_dev(s, &info, &fdev);
		if (!fdev) {
			pr_err("%s: failed to register partition ID 0x%x", "ffa_setup_partitions",
			       info.id);
			continue;
		}
		if (info.id == s->ffa_vm_id)
			host_seen = true;
		if (s->ffa_version > FFA_VERSION_1_0 &&
		    !(info.properties & FFA_PARTITION_AARCH64_EXEC))
			fdev->mode_32bit = true;
	}
	kfree(buf);
	s->ffa_partitions = count;
	if (host_seen)
		return 0;
	/* A device for the host itself, Nil UUID; failing it undoes every partition. */
	struct ffa_partition_info host = { .id = s->ffa_vm_id };
	struct ffa_device *fdev;
	ffa_register_dev(s, &host, &fdev);
	if (!fdev) {
		pr_err("%s: failed to register host partition ID 0x%x", "ffa_setup_host_partition",
		       s->ffa_vm_id);
		ffa_unregister_devs(s);
		return -EINVAL;
	}
	return 0;
}

/*
 * Linux drivers/firmware/arm_ffa/driver.c ffa_irq_map(): FFA_FEATURES of the interrupt;
 * an error other than NOT_SUPPORTED is logged. With an interrupt ID the driver looks for a
 * GICv3 node, and the shim has no device tree: -ENXIO.
 */
static int ffa_irq_map(u32 id)
{
	const char *what = "Unknown ID";
	if (id == FFA_FEAT_NOTIFICATION_PENDING_INT)
		what = "Notification Pending Interrupt";
	else if (id == FFA_FEAT_SCHEDULE_RECEIVER_INT)
		what = "Schedule Receiver Interrupt";
	int ret = ffa_features(id, NULL);
	if (ret < 0) {
		if (ret != -EOPNOTSUPP)
			pr_err("Failed to retrieve FF-A %s %u", what, id);
		return ret;
	}
	return -ENXIO;
}

/*
 * Linux drivers/firmware/arm_ffa/driver.c ffa_notifications_setup(): the bitmap when
 * FFA_FEATURES offers it (a failed create ends setup there), then the SRI and NPI
 * interrupts whether or not there is a bitmap. With neither mapped, the last errno is
 * logged and ffa_notifications_cleanup() destroys the bitmap.
 */
static void ffa_notifications_setup(struct smcsim_kernel *k)
{
	struct linux_state *s = &k->lx;
	bool bitmap = false;
	if (ffa_features(FFA_NOTIFICATION_BITMAP_CREATE, NULL) == 0) {
		ffa_value_t r = ffa_call(FFA_NOTIFICATION_BITMAP_CREATE, s->ffa_vm_id,
					 (u16)smcsim_cpu_count(k->sim), 0, 0, 0);
		if (!ffa_ok(&r)) {
			pr_err("Notification bitmap create error %d", ffa_errno(&r));
			return;
		}
		bitmap = true;
	}
	ffa_irq_map(FFA_FEAT_SCHEDULE_RECEIVER_INT);
	int ret = ffa_irq_map(FFA_FEAT_NOTIFICATION_PENDING_INT);
	/* Neither maps without an interrupt controller. */
	pr_info("Notification setup failed %d, not enabled", ret);
	if (bitmap)
		ffa_call(FFA_NOTIFICATION_BITMAP_DESTROY, s->ffa_vm_id, 0, 0, 0, 0);
}

/* The driver's init proper: Linux drivers/firmware/arm_ffa/driver.c ffa_init(). */
static int ffa_core_init(struct smcsim_kernel *k, bool quiet_miss)
{
	struct linux_state *s = &k->lx;
	ffa_fn *fn;
	int ret = ffa_transport_init(&fn);
	if (ret)
		return quiet_miss ? -ENODEV : ret;
	s->ffa_fn = (void *)fn;
	u32 version;
	ret = ffa_version_check(&version);
	if (ret)
		return quiet_miss ? -ENODEV : ret;
	s->ffa_version = version;
	ffa_value_t r = ffa_call(FFA_ID_GET, 0, 0, 0, 0, 0);
	if (!ffa_ok(&r)) {
		pr_err("failed to obtain VM id for self");
		return -ENODEV;
	}
	s->ffa_vm_id = r.a2 & 0xffff;
	/* The minimum buffer size from FFA_FEATURES(RXTX_MAP) w2[1:0]. 6.12's maximum
	 * (w2[31:16] pages, raised to the minimum when below it) never lowers it with 4 KiB
	 * pages, so its RXTX_MAP retry at the minimum never happens. */
	size_t bufsz = SZ_4K;
	u32 prop;
	if (ffa_features(FFA_FN64_RXTX_MAP, &prop) == 0) {
		switch (prop & 0x3) {
		case 1:
			bufsz = SZ_64K;
			break;
		case 2:
			bufsz = SZ_16K;
			break;
		default:
			break;
		}
	}
	s->ffa_rxtx_bufsz = bufsz;
	s->ffa_rx = alloc_pages_exact(bufsz, GFP_KERNEL);
	s->ffa_tx = alloc_pages_exact(bufsz, GFP_KERNEL);
	if (!s->ffa_rx || !s->ffa_tx) {
		ffa_unmap_and_free(s);
		return -ENOMEM;
	}
	r = ffa_call(FFA_FN64_RXTX_MAP, virt_to_phys(s->ffa_tx), virt_to_phys(s->ffa_rx),
		     PAGE_ALIGN(bufsz) / SZ_4K, 0, 0);
	if (!ffa_ok(&r)) {
		pr_err("failed to register FFA RxTx buffers");
		ffa_unmap_and_free(s);
		return ffa_errno(&r);
	}
	s->ffa_rxtx_mapped = true;
	/* Linux ffa_drvinfo_flags_init(): 64-bit memory ops if MEM_LEND or MEM_SHARE, direct
	 * messaging v2 if REQ2 or RESP2, each second call only when the first fails. */
	if (ffa_features(FFA_FN64_MEM_LEND, NULL) == 0 ||
	    ffa_features(FFA_FN64_MEM_SHARE, NULL) == 0)
		s->ffa_mem_ops_native = true;
	if (ffa_features(FFA_MSG_SEND_DIRECT_REQ2, NULL) == 0 ||
	    ffa_features(FFA_MSG_SEND_DIRECT_RESP2, NULL) == 0)
		s->ffa_direct_req2 = true;
	ffa_notifications_setup(k);
	ret = ffa_setup_partitions(k);
	if (ret) {
		pr_err("failed to setup partitions");
		ffa_unmap_and_free(s);
		return ret;
	}
	s->ffa_probed = true;
	return 0;
}

/* Linux ffa_exit(): partition devices, then RXTX_UNMAP (notifications are already off). */
static void ffa_core_exit(struct smcsim_kernel *k)
{
	struct linux_state *s = &k->lx;
	ffa_unregister_devs(s);
	ffa_unmap_and_free(s);
	s->ffa_probed = false;
}

/* v7.2: the core is a platform driver; under pKVM it defers until pKVM is initialised. */
static int ffa_plat_probe(struct platform_device *pdev)
{
	struct smcsim_kernel *k = shim_cur("arm-ffa probe");
	if (k->opts.pkvm && !k->lx.pkvm_initialized)
		return -EPROBE_DEFER;
	return ffa_core_init(k, true);
}

static void ffa_plat_remove(struct platform_device *pdev)
{
	ffa_core_exit(shim_cur("arm-ffa remove"));
}

static const struct platform_driver ffa_platform_driver = {
	.probe = ffa_plat_probe,
	.remove = ffa_plat_remove,
	.driver = { .name = "arm-ffa" },
};

int lx_ffa_init(void)
{
	struct smcsim_kernel *k = shim_cur("ffa_init");
	struct platform_driver *drv = kzalloc(sizeof(*drv), GFP_KERNEL);
	if (!drv || k->nowned >= (int)ARRAY_SIZE(k->owned)) {
		kfree(drv);
		return -ENOMEM;
	}
	*drv = ffa_platform_driver;
	k->owned[k->nowned++] = drv;
	int r = platform_driver_register(drv);
	if (r)
		return r;
	struct platform_device *pdev =
		platform_device_register_simple("arm-ffa", PLATFORM_DEVID_NONE, NULL, 0);
	return IS_ERR(pdev) ? (int)PTR_ERR(pdev) : 0;
}

int lx_ffa_init_legacy(void)
{
	struct smcsim_kernel *k = shim_cur("ffa_init");
	/* No device to unbind: ffa_exit runs from the kernel's shutdown. */
	k->shutdown = ffa_core_exit;
	return ffa_core_init(k, false);
}

/* finalize_pkvm (device_initcall_sync): the hypervisor takes over; the pKVM model's
 * proxy starts trapping host SMCs. */
int lx_finalize_pkvm(void)
{
	struct smcsim_kernel *k = shim_cur("finalize_pkvm");
	if (!k->opts.pkvm)
		return 0;
	struct smcsim_error err = { "" };
	int r = k->opts.pkvm_finalize ? k->opts.pkvm_finalize(k->opts.pkvm_finalize_opaque, k)
				      : smcsim_event(k->sim, "pkvm_finalize", NULL, &err);
	if (r) {
		pr_err("pKVM: finalize failed: %s",
		       r == -ENOENT ? "no pKVM model on this machine" : err.text);
		return r;
	}
	k->lx.pkvm_initialized = true;
	return 0;
}

/* ---- before the SMCCC bus (mainline and 6.12; 2.7, 3.2) --------------------------------- */
#undef pr_fmt
#define pr_fmt(fmt) fmt

/* arch/arm64/kernel/rsi.c arm64_create_dummy_rsi_dev() (arch_initcall): a Realm gets the
 * platform device systemd looks for; a failure is logged, the initcall returns 0. */
int lx_mainline_rsi_dev(void)
{
	if (!lx()->realm)
		return 0;
	struct platform_device *p =
		platform_device_register_simple("arm-cca-dev", PLATFORM_DEVID_NONE, NULL, 0);
	if (IS_ERR(p))
		pr_err("failed to register rsi platform device");
	return 0;
}

#undef pr_fmt
#define pr_fmt(fmt) "smccc: " fmt

static int trng_platform_probe(struct platform_device *pdev)
{
	return 0; /* devm_hwrng_register() */
}

/* drivers/char/hw_random/arm_smccc_trng.c: the platform driver's name is "smccc_trng"
 * (.driver.name; the module is arm_smccc_trng, MODULE_ALIAS platform:smccc_trng). */
static const struct platform_driver trng_platform_driver = {
	.probe = trng_platform_probe,
	.driver = { .name = "smccc_trng" },
};

/* module_platform_driver(smccc_trng_driver): drivers/char links before drivers/firmware,
 * so the driver is there when the device below appears. */
int lx_mainline_trng_driver(void)
{
	struct smcsim_kernel *k = shim_cur("smccc_trng_driver_init");
	struct platform_driver *drv = kzalloc(sizeof(*drv), GFP_KERNEL);
	if (!drv || k->nowned >= (int)ARRAY_SIZE(k->owned)) {
		kfree(drv);
		return -ENOMEM;
	}
	*drv = trng_platform_driver;
	k->owned[k->nowned++] = drv;
	return platform_driver_register(drv);
}

/* drivers/firmware/smccc/smccc.c smccc_devices_init() (device_initcall): "smccc_trng" when
 * the boot probe found TRNG >= 1.0. */
int lx_mainline_trng_dev(void)
{
	if (!lx()->trng_available)
		return 0;
	struct platform_device *p =
		platform_device_register_simple("smccc_trng", PLATFORM_DEVID_NONE, NULL, 0);
	if (IS_ERR(p))
		pr_err("smccc_trng: could not register device: %ld", PTR_ERR(p));
	return 0;
}
