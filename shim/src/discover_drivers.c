/* SPDX-License-Identifier: MIT */
/*
 * Reference models of Linux's binding: the SMCCC bus with its generic probe table and the
 * TRNG and CCA-guest drivers (the arm64 for-next/smccc-bus series:
 * drivers/firmware/smccc/bus.c, drivers/char/hw_random/arm_smccc_trng.c,
 * drivers/virt/coco/arm-cca-guest/), the SOC_ID soc device
 * (drivers/firmware/smccc/soc_id.c), and the FF-A core driver's init and partition binding
 * (drivers/firmware/arm_ffa/driver.c and bus.c), including its ordering against pKVM's FF-A
 * proxy (arch/arm64/kvm/hyp/nvhe/ffa.c).
 */
#include <stdio.h>

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
static struct arm_smccc_driver smccc_trng_driver = {
	.name = "smccc_trng",
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
static struct arm_smccc_driver cca_guest_driver = {
	.name = "arm-cca-guest",
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
	int r = arm_smccc_driver_register(t);
	return r ? r : arm_smccc_driver_register(c);
}

/* ---- SOC_ID (drivers/firmware/smccc/soc_id.c) ----------------------------------------- */
#undef pr_fmt
#define pr_fmt(fmt) "SMCCC: SOC_ID: " fmt

static const struct bus_type soc_bus_type = { .name = "soc" };

static void soc_release(struct device *dev)
{
	kfree(dev);
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
	/* SMCCC 1.6 name: SOC_ID64(2) through 1.2 invoke, 136 bytes from x1..x17. */
	/* The name FID moved from SMC32 to SMC64 in a later kernel fix; firmware answering
	 * only the old one loses its name on newer kernels. */
	bool old_fid = shim_cur("soc_id")->opts.linux_era & SMCSIM_LINUX_SOC_ID_NAME_SMC32;
	struct arm_smccc_1_2_regs args = { .a0 = old_fid ? ARM_SMCCC_ARCH_SOC_ID
							 : ARM_SMCCC_ARCH_SOC_ID64,
					   .a1 = 2 },
				  res;
	arm_smccc_1_2_invoke(&args, &res);
	if ((u32)res.a0 == 0) {
		memcpy(s->soc_id_name, &res.a1, 136);
		s->soc_id_name[136] = '\0';
	}
	bus_register(&soc_bus_type);
	struct device *dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return -ENOMEM;
	dev->bus = &soc_bus_type;
	dev->release = soc_release;
	dev_set_name(dev, "soc0");
	if (device_register(dev)) {
		kfree(dev);
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

#define FFA_DRIVER_VERSION			 FFA_VERSION_1_2
#define FFA_MIN_VERSION				 FFA_VERSION_1_0
#define FFA_FEAT_NOTIFICATION_PENDING_INT	 1
#define FFA_FEAT_SCHEDULE_RECEIVER_INT		 2
#define FFA_PARTITION_INFO_GET_RETURN_COUNT_ONLY 1
#define FFA_PART_DESC_MIN			 24
#define FFA_MAX_PARTS				 32

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

static int ffa_features(u32 id)
{
	ffa_value_t r = ffa_call(FFA_FEATURES, id, 0, 0, 0, 0);
	return ffa_ok(&r) ? 0 : (int)r.a2;
}

/* ffa_version_check (4.3 step 1; rules 2.2). */
static int ffa_version_check(u32 *version)
{
	ffa_value_t r = ffa_call(FFA_VERSION, FFA_DRIVER_VERSION, 0, 0, 0, 0);
	if ((int)r.a0 == FFA_RET_NOT_SUPPORTED) {
		pr_info("FFA_VERSION returned not supported");
		return -EOPNOTSUPP;
	}
	u32 fw = (u32)r.a0;
	if (FFA_MAJOR_VERSION(fw) > FFA_MAJOR_VERSION(FFA_DRIVER_VERSION)) {
		pr_err("Incompatible v%d.%d! Latest supported v%d.%d", FFA_MAJOR_VERSION(fw),
		       FFA_MINOR_VERSION(fw), 1, 2);
		return -EINVAL;
	}
	if (fw < FFA_MIN_VERSION) {
		pr_err("Incompatible v%d.%d! Earliest supported v%d.%d", FFA_MAJOR_VERSION(fw),
		       FFA_MINOR_VERSION(fw), 1, 0);
		return -EINVAL;
	}
	pr_info("Driver version %d.%d", 1, 2);
	pr_info("Firmware version %d.%d found", FFA_MAJOR_VERSION(fw), FFA_MINOR_VERSION(fw));
	*version = fw < FFA_DRIVER_VERSION ? fw : FFA_DRIVER_VERSION;
	if (fw > FFA_DRIVER_VERSION)
		pr_info("Firmware version higher than driver version, downgrading");
	return 0;
}

static void ffa_unmap_and_free(struct linux_state *s)
{
	if (s->ffa_rxtx_mapped) {
		ffa_call(FFA_RXTX_UNMAP, 0, 0, 0, 0, 0);
		s->ffa_rxtx_mapped = false;
	}
	free_pages_exact(s->ffa_rx, s->ffa_rxtx_bufsz);
	free_pages_exact(s->ffa_tx, s->ffa_rxtx_bufsz);
	s->ffa_rx = s->ffa_tx = NULL;
}

/* Read one descriptor: id, exec contexts, properties, UUID (1.1+). */
static void ffa_read_desc(const u8 *p, u32 version, struct ffa_partition_info *info)
{
	memset(info, 0, sizeof(*info));
	/* DEN0077 Table 6.1 (1.0) / 6.2 (1.1+): little-endian fields at fixed offsets. */
	info->id = abi_rd16(p);
	info->exec_ctxt = abi_rd16(p + 2);
	info->properties = abi_rd32(p + 4);
	if (version > FFA_VERSION_1_0)
		memcpy(&info->uuid, p + 8, 16);
}

/* FFA_PARTITION_INFO_GET in RX-buffer mode. Returns the count or a negative errno. */
static int ffa_partition_probe_rx(struct linux_state *s, struct ffa_partition_info *parts)
{
	u32 flags = s->ffa_version > FFA_VERSION_1_0 ? FFA_PARTITION_INFO_GET_RETURN_COUNT_ONLY : 0;
	ffa_value_t r = ffa_call(FFA_PARTITION_INFO_GET, 0, 0, 0, 0, flags);
	if (!ffa_ok(&r))
		return -EINVAL;
	if (s->ffa_version == FFA_VERSION_1_0)
		ffa_call(FFA_RX_RELEASE, 0, 0, 0, 0, 0);
	int count = (int)r.a2;
	if (count <= 0)
		return count;
	r = ffa_call(FFA_PARTITION_INFO_GET, 0, 0, 0, 0, 0);
	if (!ffa_ok(&r))
		return -EINVAL;
	size_t stride = s->ffa_version > FFA_VERSION_1_0 ? (u32)r.a3 : 8;
	size_t desc = s->ffa_version > FFA_VERSION_1_0 ? FFA_PART_DESC_MIN : 8;
	int n = count;
	if ((size_t)(n - 1) * stride + desc > s->ffa_rxtx_bufsz) {
		/* Linux trusts count and stride (before "Bound PARTITION_INFO_GET copies"):
		 * reading past the RX buffer is the finding. */
		pr_err("smcsim: linux-overread: PARTITION_INFO_GET count %d stride %zu reads past "
		       "the %zu-byte RX buffer",
		       count, stride, s->ffa_rxtx_bufsz);
		ffa_call(FFA_RX_RELEASE, 0, 0, 0, 0, 0);
		return -EINVAL;
	}
	if (n > FFA_MAX_PARTS) {
		pr_warn("smcsim: model limit: %d partitions, registering the first %d", n,
			FFA_MAX_PARTS);
		n = FFA_MAX_PARTS;
	}
	for (int i = 0; i < n; i++)
		ffa_read_desc((const u8 *)s->ffa_rx + i * stride, s->ffa_version, &parts[i]);
	ffa_call(FFA_RX_RELEASE, 0, 0, 0, 0, 0);
	return n;
}

/* Register mode (pre-v7.2 parsing: three registers per entry from x3). */
static int ffa_partition_probe_regs(struct linux_state *s, struct ffa_partition_info *parts)
{
	int n = 0;
	u16 start = 0, tag = 0;
	for (int iter = 0; iter < FFA_MAX_PARTS; iter++) {
		ffa_value_t r = ffa_call(FFA_PARTITION_INFO_GET_REGS, 0, 0,
					 (unsigned long)start | ((unsigned long)tag << 16), 0, 0);
		if (!ffa_ok(&r))
			return -EINVAL;
		u16 last = r.a2 & 0xffff, cur = (r.a2 >> 16) & 0xffff;
		tag = (r.a2 >> 32) & 0xffff;
		unsigned long *regs = &r.a3;
		int in_call = cur >= start ? cur - start + 1 : 0;
		if (in_call > 5)
			in_call = 5; /* x3..x17 hold five three-register entries */
		for (int i = 0; i < in_call && n < FFA_MAX_PARTS; i++, n++) {
			unsigned long w = regs[i * 3];
			parts[n].id = w & 0xffff;
			parts[n].exec_ctxt = (w >> 16) & 0xffff;
			parts[n].properties = (u32)(w >> 32);
			memcpy(&parts[n].uuid, &regs[i * 3 + 1], 16);
		}
		if (cur >= last)
			return n;
		start = cur + 1;
	}
	return n;
}

static int ffa_setup_partitions(struct smcsim_kernel *k)
{
	struct linux_state *s = &k->lx;
	struct ffa_partition_info parts[FFA_MAX_PARTS];
	int count;
	if (s->ffa_version >= FFA_VERSION_1_2 && ffa_features(FFA_PARTITION_INFO_GET_REGS) == 0)
		count = ffa_partition_probe_regs(s, parts);
	else
		count = ffa_partition_probe_rx(s, parts);
	if (count <= 0) {
		pr_info("%s: No partitions found, error %d", __func__, count);
		return -EINVAL;
	}
	bool host_seen = false;
	for (int i = 0; i < count; i++) {
		if (parts[i].id == s->ffa_vm_id)
			host_seen = true;
		struct ffa_device *fdev = ffa_device_register(&parts[i]);
		if (!fdev) {
			pr_err("%s: failed to register partition ID 0x%x", __func__, parts[i].id);
			continue;
		}
		if (s->ffa_version > FFA_VERSION_1_0 &&
		    !(parts[i].properties & FFA_PARTITION_AARCH64_EXEC))
			fdev->mode_32bit = true;
		if (s->ffa_ndevs < (int)ARRAY_SIZE(s->ffa_devs))
			s->ffa_devs[s->ffa_ndevs++] = fdev;
	}
	s->ffa_partitions = count;
	if (!host_seen) {
		/* ffa_setup_host_partition: a device for the host itself, Nil UUID. */
		struct ffa_partition_info host = { .id = s->ffa_vm_id };
		struct ffa_device *fdev = ffa_device_register(&host);
		if (fdev && s->ffa_ndevs < (int)ARRAY_SIZE(s->ffa_devs))
			s->ffa_devs[s->ffa_ndevs++] = fdev;
	}
	return 0;
}

/* The driver's init proper (ffa_init). */
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
	/* Step 3: minimum buffer size from FFA_FEATURES(RXTX_MAP) w2[1:0]. */
	size_t bufsz = SZ_4K;
	r = ffa_call(FFA_FEATURES, FFA_FN64_RXTX_MAP, 0, 0, 0, 0);
	if (ffa_ok(&r)) {
		switch (r.a2 & 0x3) {
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
		return -ENOMEM;
	}
	s->ffa_rxtx_mapped = true;
	/* Step 6 */
	if (ffa_features(FFA_FN64_MEM_LEND) == 0 || ffa_features(FFA_FN64_MEM_SHARE) == 0)
		s->ffa_mem_ops_native = true;
	/* Step 7: without an interrupt controller no SRI/NPI IRQ maps, so notifications are
	 * cleaned up again (BITMAP_DESTROY when the bitmap was created). */
	if (ffa_features(FFA_NOTIFICATION_BITMAP_CREATE) == 0) {
		r = ffa_call(FFA_NOTIFICATION_BITMAP_CREATE, s->ffa_vm_id, smcsim_cpu_count(k->sim),
			     0, 0, 0);
		if (!ffa_ok(&r)) {
			pr_err("Notification bitmap create error %d", (int)r.a2);
		} else {
			ffa_features(FFA_FEAT_SCHEDULE_RECEIVER_INT);
			ffa_features(FFA_FEAT_NOTIFICATION_PENDING_INT);
			ffa_call(FFA_NOTIFICATION_BITMAP_DESTROY, s->ffa_vm_id, 0, 0, 0, 0);
		}
	}
	/* Step 8-9 */
	ret = ffa_setup_partitions(k);
	if (ret) {
		ffa_unmap_and_free(s);
		return ret;
	}
	s->ffa_probed = true;
	return 0;
}

static void ffa_core_exit(struct smcsim_kernel *k)
{
	struct linux_state *s = &k->lx;
	for (int i = s->ffa_ndevs - 1; i >= 0; i--)
		if (s->ffa_devs[i])
			ffa_device_unregister(s->ffa_devs[i]);
	s->ffa_ndevs = 0;
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

/* ---- before the SMCCC bus (mainline; 2.7, 3.2) ----------------------------------------- */

/* arch_initcall: a Realm gets the platform device systemd looks for. */
int lx_mainline_rsi_dev(void)
{
	if (!lx()->realm)
		return 0;
	struct platform_device *p =
		platform_device_register_simple("arm-cca-dev", PLATFORM_DEVID_NONE, NULL, 0);
	return IS_ERR(p) ? (int)PTR_ERR(p) : 0;
}

static int trng_platform_probe(struct platform_device *pdev)
{
	return 0; /* hwrng_register() */
}

static const struct platform_driver trng_platform_driver = {
	.probe = trng_platform_probe,
	.driver = { .name = "smccc_trng" },
};

/* device_initcall smccc_devices_init: "smccc_trng" when the boot probe found TRNG >= 1.0,
 * bound by the hw_random driver (MODULE_ALIAS platform:smccc_trng). */
int lx_mainline_trng(void)
{
	struct smcsim_kernel *k = shim_cur("smccc_devices_init");
	struct platform_driver *drv = kzalloc(sizeof(*drv), GFP_KERNEL);
	if (!drv || k->nowned >= (int)ARRAY_SIZE(k->owned)) {
		kfree(drv);
		return -ENOMEM;
	}
	*drv = trng_platform_driver;
	k->owned[k->nowned++] = drv;
	int r = platform_driver_register(drv);
	if (r || !k->lx.trng_available)
		return r;
	struct platform_device *p =
		platform_device_register_simple("smccc_trng", PLATFORM_DEVID_NONE, NULL, 0);
	return IS_ERR(p) ? (int)PTR_ERR(p) : 0;
}
