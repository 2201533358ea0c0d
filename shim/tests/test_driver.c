/* SPDX-License-Identifier: MIT */
/*
 * The shim's driver model: matching per bus, probe/remove, -EPROBE_DEFER with deferred
 * retry at late_initcall, initcall order, modalias strings, device lifetime (references and
 * release), registration with the kernel's signatures (owner, mod_name, module_*_driver).
 */
/* As Kbuild passes it: the driver registration macros record it as mod_name. */
#define KBUILD_MODNAME "test_shim_driver"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "linux/arm-smccc-bus.h"
#include "linux/arm_ffa.h"
#include "linux/init.h"
#include "linux/platform_device.h"
#include "smcsim/shim.h"

static struct smcsim *sim;
static struct smcsim_kernel *kern;

static int setup(void **state)
{
	if (smcsim_create_named("tfa-host", &sim, NULL))
		return -1;
	if (smcsim_kernel_create(sim, NULL, &kern))
		return -1;
	smcsim_kernel_enter(kern);
	return 0;
}

static int teardown(void **state)
{
	smcsim_kernel_enter(NULL);
	smcsim_kernel_destroy(kern);
	smcsim_destroy(sim);
	return 0;
}

static int probes, removes, defer_left;
static char order[64];

static int p_probe(struct platform_device *pdev)
{
	probes++;
	return 0;
}

static void p_remove(struct platform_device *pdev)
{
	removes++;
}

/* Platform bus: match by id_table, else by driver name; modalias "platform:<name>". */
static void platform_binding(void **state)
{
	probes = removes = 0;
	struct platform_driver byname = { .probe = p_probe,
					  .remove = p_remove,
					  .driver = { .name = "smccc_trng" } };
	static const struct platform_device_id ids[] = { { "arm-cca-dev" }, { "" } };
	struct platform_driver byid = { .probe = p_probe,
					.driver = { .name = "cca" },
					.id_table = ids };
	assert_int_equal(platform_driver_register(&byname), 0);
	assert_int_equal(platform_driver_register(&byid), 0);
	struct platform_device *a = platform_device_register_simple("smccc_trng", -1, NULL, 0);
	struct platform_device *b = platform_device_register_simple("arm-cca-dev", -1, NULL, 0);
	struct platform_device *c = platform_device_register_simple("other", 3, NULL, 0);
	assert_false(IS_ERR(a));
	assert_false(IS_ERR(c));
	assert_string_equal(dev_name(&c->dev), "other.3");
	assert_ptr_equal(a->dev.driver, &byname.driver);
	assert_ptr_equal(b->dev.driver, &byid.driver);
	assert_ptr_equal(b->id_entry, &ids[0]);
	assert_null(c->dev.driver);
	assert_int_equal(probes, 2);
	char buf[64];
	assert_int_equal(device_modalias(&b->dev, buf, sizeof(buf)), 20);
	assert_string_equal(buf, "platform:arm-cca-dev");
	/* Same name on the same bus is refused. */
	assert_true(IS_ERR(platform_device_register_simple("smccc_trng", -1, NULL, 0)));
	platform_driver_unregister(&byname);
	assert_int_equal(removes, 1);
	assert_null(a->dev.driver);
	platform_device_unregister(a);
	platform_device_unregister(b);
	platform_device_unregister(c);
	platform_driver_unregister(&byid);
	assert_int_equal(smcsim_kernel_double_binds(kern), 0);
}

static int s_probe(struct arm_smccc_device *sdev)
{
	probes++;
	return sdev->func_id == 0x84000050 ? 0 : -ENODEV;
}

/* SMCCC bus (drivers/firmware/smccc/bus.c): match on function ID, modalias f%08X uppercase,
 * registration needs probe and id_table, device name exactly as given. */
static void smccc_bus(void **state)
{
	probes = 0;
	assert_int_equal(bus_register(&arm_smccc_bus_type), 0);
	static const struct arm_smccc_device_id ids[] = { { 0x84000050 }, { 0xC4000190 }, { 0 } };
	struct arm_smccc_driver noprobe = { .name = "x", .id_table = ids };
	assert_int_equal(arm_smccc_register(&noprobe), -EINVAL);
	struct arm_smccc_driver notable = { .name = "x", .probe = s_probe };
	assert_int_equal(arm_smccc_register(&notable), -EINVAL);
	assert_true(IS_ERR(arm_smccc_device_register(NULL, 1)));
	struct arm_smccc_device *rsi = arm_smccc_device_register("arm-rsi", 0xC4000190);
	struct arm_smccc_device *lfa = arm_smccc_device_register("arm-lfa", 0xC40002E0);
	struct arm_smccc_driver drv = { .name = "d", .probe = s_probe, .id_table = ids };
	assert_int_equal(arm_smccc_register(&drv), 0);
	assert_string_equal(drv.driver.name, "d");
	assert_string_equal(drv.driver.mod_name, "test_shim_driver");
	assert_null(drv.driver.owner);
	/* RSI matched but its probe said -ENODEV: quiet, unbound. LFA never matched. */
	assert_int_equal(probes, 1);
	assert_null(rsi->dev.driver);
	assert_null(lfa->dev.driver);
	struct arm_smccc_device *trng = arm_smccc_device_register("arm-smccc-trng", 0x84000050);
	assert_ptr_equal(trng->dev.driver, &drv.driver);
	assert_string_equal(dev_name(&trng->dev), "arm-smccc-trng");
	char buf[32];
	device_modalias(&rsi->dev, buf, sizeof(buf));
	assert_string_equal(buf, "arm_smccc:fC4000190");
	device_modalias(&trng->dev, buf, sizeof(buf));
	assert_string_equal(buf, "arm_smccc:f84000050");
	assert_false(smcsim_kernel_log_has(kern, "failed with error"));
	arm_smccc_device_unregister(rsi);
	arm_smccc_device_unregister(lfa);
	arm_smccc_device_unregister(trng);
	arm_smccc_driver_unregister(&drv);
}

static int f_probe(struct ffa_device *fdev)
{
	probes++;
	return 0;
}

/* FF-A bus (drivers/firmware/arm_ffa/bus.c): UUID match; a Nil-UUID device matches but probe
 * refuses it; names arm-ffa-N from 1; modalias arm_ffa:%04x:uuid. */
static void ffa_bus(void **state)
{
	probes = 0;
	assert_int_equal(bus_register(&ffa_bus_type), 0);
	static struct ffa_device_id ids[2];
	uuid_parse("b4b5671e-4a90-4fe1-b81f-fb13dae1dacb", &ids[0].uuid);
	struct ffa_driver notable = { .name = "tpm", .probe = f_probe };
	assert_int_equal(ffa_register(&notable), -EINVAL);
	struct ffa_driver drv = { .name = "tpm", .probe = f_probe, .id_table = ids };
	assert_int_equal(ffa_register(&drv), 0);
	assert_string_equal(drv.driver.mod_name, "test_shim_driver");
	struct ffa_partition_info a = { .id = 0x8001 }, b = { .id = 0x8002 }, n = { .id = 0x8003 };
	export_uuid((u8 *)a.uuid, &ids[0].uuid);
	uuid_t u;
	uuid_parse("00000000-0000-0000-0000-0000000000aa", &u);
	export_uuid((u8 *)b.uuid, &u);
	static const struct ffa_ops ops;
	assert_null(ffa_device_register(NULL, &ops));
	struct ffa_device *da = ffa_device_register(&a, &ops), *db = ffa_device_register(&b, &ops),
			  *dn = ffa_device_register(&n, NULL);
	assert_string_equal(dev_name(&da->dev), "arm-ffa-1");
	assert_string_equal(dev_name(&dn->dev), "arm-ffa-3");
	assert_ptr_equal(da->ops, &ops);
	assert_int_equal(da->vm_id, 0x8001);
	assert_true(uuid_equal(&db->uuid, &u));
	assert_ptr_equal(da->dev.driver, &drv.driver);
	assert_null(db->dev.driver);
	assert_null(dn->dev.driver);
	assert_int_equal(probes, 1);
	char buf[64];
	device_modalias(&da->dev, buf, sizeof(buf));
	assert_string_equal(buf, "arm_ffa:8001:b4b5671e-4a90-4fe1-b81f-fb13dae1dacb");
	/* IDs go back to the IDA: the lowest free one is reused (ida_alloc_min(1)). */
	ffa_device_unregister(da);
	da = ffa_device_register(&a, &ops);
	assert_string_equal(dev_name(&da->dev), "arm-ffa-1");
	assert_ptr_equal(da->dev.driver, &drv.driver);
	assert_int_equal(probes, 2);
	ffa_device_unregister(da);
	ffa_device_unregister(db);
	ffa_device_unregister(dn);
	ffa_driver_unregister(&drv);
}

static int releases;

static void count_release(struct device *dev)
{
	releases++;
}

static const struct bus_type life_bus = { .name = "life" };

/* drivers/base/core.c: device_register() is device_initialize() and device_add(); the bus
 * and a child hold references, release() runs with the last put_device(), and after a
 * failed add the caller's put_device() releases the device. */
static void device_lifetime(void **state)
{
	releases = 0;
	assert_int_equal(bus_register(&life_bus), 0);
	struct device a = { .bus = &life_bus, .release = count_release };
	dev_set_name(&a, "a");
	assert_int_equal(device_register(&a), 0);
	assert_ptr_equal(smcsim_kernel_find_device(kern, "life", "a"), &a);
	assert_ptr_equal(get_device(&a), &a);
	assert_null(get_device(NULL));
	device_unregister(&a);
	assert_null(smcsim_kernel_find_device(kern, "life", "a"));
	assert_int_equal(releases, 0); /* still referenced */
	put_device(&a);
	assert_int_equal(releases, 1);

	/* init_name names the device at device_add(); a duplicate name fails with the
	 * caller's reference intact. */
	struct device b = { .bus = &life_bus, .release = count_release, .init_name = "b" };
	device_initialize(&b);
	assert_int_equal(device_add(&b), 0);
	assert_string_equal(dev_name(&b), "b");
	assert_null(b.init_name);
	struct device dup = { .bus = &life_bus, .release = count_release };
	dev_set_name(&dup, "b");
	assert_int_equal(device_register(&dup), -EEXIST);
	assert_int_equal(releases, 1);
	put_device(&dup);
	assert_int_equal(releases, 2);

	/* A child holds its parent: device_del() + put_device() of the parent releases it
	 * only when the child goes. */
	struct device child = { .bus = &life_bus, .release = count_release, .parent = &b };
	dev_set_name(&child, "child");
	assert_int_equal(device_register(&child), 0);
	device_del(&b);
	put_device(&b);
	assert_int_equal(releases, 2);
	device_unregister(&child);
	assert_int_equal(releases, 4);

	/* Adding a device never initialised is refused, with a warning. */
	struct device c = { .bus = &life_bus, .release = count_release };
	dev_set_name(&c, "c");
	unsigned int warnings = smcsim_kernel_warnings(kern);
	assert_int_equal(device_add(&c), -EINVAL);
	assert_int_equal(smcsim_kernel_warnings(kern), warnings + 1);

	/* No release(): the last reference warns, as device_release() does. */
	struct device d = { .bus = &life_bus };
	dev_set_name(&d, "d");
	assert_int_equal(device_register(&d), 0);
	device_unregister(&d);
	assert_true(smcsim_kernel_log_has(kern, "Device 'd' does not have a release() function"));
	assert_int_equal(smcsim_kernel_warnings(kern), warnings + 2);
	bus_unregister(&life_bus);
}

/* drivers/base/platform.c: platform_device_register() of a device the caller owns (its
 * release frees it), matching on pdev->name; PLATFORM_DEVID_AUTO takes the lowest free ID,
 * "name.N.auto", given back at platform_device_del(); an allocated device lives while
 * referenced. */
static void platform_device_lifetime(void **state)
{
	probes = removes = releases = 0;
	struct platform_driver drv = { .probe = p_probe,
				       .remove = p_remove,
				       .driver = { .name = "owned" } };
	assert_int_equal(platform_driver_register(&drv), 0);
	assert_null(drv.driver.owner);
	struct platform_device pd = { .name = "owned",
				      .id = 7,
				      .dev = { .release = count_release } };
	assert_int_equal(platform_device_register(&pd), 0);
	assert_string_equal(dev_name(&pd.dev), "owned.7");
	assert_ptr_equal(pd.dev.driver, &drv.driver);
	assert_int_equal(probes, 1);
	platform_device_unregister(&pd);
	assert_int_equal(removes, 1);
	assert_int_equal(releases, 1);

	struct platform_device *a0 =
		platform_device_register_simple("auto", PLATFORM_DEVID_AUTO, NULL, 0);
	struct platform_device *a1 =
		platform_device_register_simple("auto", PLATFORM_DEVID_AUTO, NULL, 0);
	assert_string_equal(dev_name(&a0->dev), "auto.0.auto");
	assert_string_equal(dev_name(&a1->dev), "auto.1.auto");
	assert_true(a1->id_auto);
	assert_int_equal(a1->id, 1);
	platform_device_unregister(a0);
	a0 = platform_device_register_simple("auto", PLATFORM_DEVID_AUTO, NULL, 0);
	assert_string_equal(dev_name(&a0->dev), "auto.0.auto");
	char buf[32];
	device_modalias(&a0->dev, buf, sizeof(buf));
	assert_string_equal(buf, "platform:auto");

	struct platform_device *x = platform_device_alloc("held", PLATFORM_DEVID_NONE);
	assert_non_null(x);
	assert_string_equal(x->name, "held");
	assert_int_equal(platform_device_add(x), 0);
	assert_non_null(smcsim_kernel_find_device(kern, "platform", "held"));
	get_device(&x->dev);
	platform_device_unregister(x);
	assert_null(smcsim_kernel_find_device(kern, "platform", "held"));
	assert_string_equal(dev_name(&x->dev), "held"); /* still ours */
	platform_device_put(x);

	platform_device_unregister(a0);
	platform_device_unregister(a1);
	platform_driver_unregister(&drv);
}

/* module_ffa_driver() (include/linux/arm_ffa.h): the module's init registers the driver
 * with ffa_register(), i.e. THIS_MODULE and KBUILD_MODNAME; its exit unregisters it. */
static struct ffa_device_id mod_ids[2];
static struct ffa_driver mod_ffa_driver = { .name = "mod_ffa",
					    .probe = f_probe,
					    .id_table = mod_ids };
module_ffa_driver(mod_ffa_driver);

static int ffa_bus_init(void)
{
	return bus_register(&ffa_bus_type);
}

static void module_ffa_driver_boot(void **state)
{
	probes = 0;
	uuid_parse("b4b5671e-4a90-4fe1-b81f-fb13dae1dacb", &mod_ids[0].uuid);
	smcsim_kernel_add_initcall(kern, INITCALL_SUBSYS, "ffa_bus", ffa_bus_init);
	smcsim_kernel_add_initcall(kern, INITCALL_MODULE, KBUILD_MODNAME, smcsim_module_init);
	assert_int_equal(smcsim_kernel_boot(kern), 0);
	assert_ptr_equal(mod_ffa_driver.driver.bus, &ffa_bus_type);
	assert_string_equal(mod_ffa_driver.driver.name, "mod_ffa");
	assert_string_equal(mod_ffa_driver.driver.mod_name, "test_shim_driver");
	assert_null(mod_ffa_driver.driver.owner);
	struct ffa_partition_info info = { .id = 0x8001 };
	export_uuid((u8 *)info.uuid, &mod_ids[0].uuid);
	struct ffa_device *fdev = ffa_device_register(&info, NULL);
	assert_non_null(fdev);
	assert_ptr_equal(fdev->dev.driver, &mod_ffa_driver.driver);
	assert_int_equal(probes, 1);
	smcsim_module_exit();
	assert_null(fdev->dev.driver);
	ffa_device_unregister(fdev);
}

static int d_probe(struct platform_device *pdev)
{
	if (defer_left > 0) {
		defer_left--;
		return -EPROBE_DEFER;
	}
	probes++;
	return 0;
}

static int ready_probe(struct platform_device *pdev)
{
	return 0;
}

static struct platform_driver defer_drv = { .probe = d_probe, .driver = { .name = "late" } };
static struct platform_driver other_drv = { .probe = ready_probe, .driver = { .name = "other" } };

static int ic_dev(void)
{
	strcat(order, "D");
	platform_device_register_simple("late", -1, NULL, 0);
	return platform_driver_register(&defer_drv);
}
static int ic_core(void)
{
	strcat(order, "C");
	return 0;
}
static int ic_subsys(void)
{
	strcat(order, "S");
	return 0;
}
static int ic_arch(void)
{
	strcat(order, "A");
	return 0;
}
static int ic_sync(void)
{
	strcat(order, "Y");
	/* A bind before late_initcall does not retry the deferred device yet. */
	platform_device_register_simple("other", -1, NULL, 0);
	return platform_driver_register(&other_drv);
}
static int ic_late(void)
{
	strcat(order, probes ? "L+" : "L-");
	return 0;
}
static int ic_early(void)
{
	strcat(order, "E");
	return 0;
}

/* Initcalls run by level whatever the registration order; a deferred probe is retried
 * when late_initcall enables deferred probing, before late initcalls run. */
static void initcalls_and_deferral(void **state)
{
	probes = 0;
	defer_left = 1;
	order[0] = '\0';
	smcsim_kernel_add_initcall(kern, INITCALL_LATE, "late", ic_late);
	smcsim_kernel_add_initcall(kern, INITCALL_DEVICE_SYNC, "sync", ic_sync);
	smcsim_kernel_add_initcall(kern, INITCALL_DEVICE, "dev", ic_dev);
	smcsim_kernel_add_initcall(kern, INITCALL_SUBSYS, "subsys", ic_subsys);
	smcsim_kernel_add_initcall(kern, INITCALL_ARCH, "arch", ic_arch);
	smcsim_kernel_add_initcall(kern, INITCALL_CORE, "core", ic_core);
	smcsim_kernel_add_initcall(kern, INITCALL_EARLY, "early", ic_early);
	assert_int_equal(smcsim_kernel_add_initcall(kern, INITCALL_NR_LEVELS, "x", ic_early),
			 -EINVAL);
	assert_int_equal(smcsim_kernel_boot(kern), 0);
	assert_string_equal(order, "ECASDYL+");
	assert_int_equal(probes, 1);
	struct device *d = smcsim_kernel_find_device(kern, "platform", "late");
	assert_non_null(d);
	assert_ptr_equal(d->driver, &defer_drv.driver);
	assert_false(d->deferred);
	assert_int_equal(smcsim_kernel_double_binds(kern), 0);
}

static int panicking(void)
{
	panic("Failed to set memory range to protected");
}

static int never(void)
{
	fail_msg("ran after a panic");
	return 0;
}

/* panic() ends the boot: later initcalls do not run, boot returns -EFAULT. */
static void panic_stops_boot(void **state)
{
	struct smcsim_kernel *k;
	assert_int_equal(smcsim_kernel_create(sim, NULL, &k), 0);
	smcsim_kernel_add_initcall(k, INITCALL_SETUP_ARCH, "rsi", panicking);
	smcsim_kernel_add_initcall(k, INITCALL_DEVICE, "never", never);
	assert_int_equal(smcsim_kernel_boot(k), -EFAULT);
	assert_true(smcsim_kernel_panicked(k));
	assert_true(smcsim_kernel_log_has(k, "Kernel panic - not syncing: Failed to set memory"));
	assert_ptr_equal(smcsim_kernel_current(), kern);
	smcsim_kernel_destroy(k);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(platform_binding, setup, teardown),
		cmocka_unit_test_setup_teardown(smccc_bus, setup, teardown),
		cmocka_unit_test_setup_teardown(ffa_bus, setup, teardown),
		cmocka_unit_test_setup_teardown(device_lifetime, setup, teardown),
		cmocka_unit_test_setup_teardown(platform_device_lifetime, setup, teardown),
		cmocka_unit_test_setup_teardown(module_ffa_driver_boot, setup, teardown),
		cmocka_unit_test_setup_teardown(initcalls_and_deferral, setup, teardown),
		cmocka_unit_test_setup_teardown(panic_stops_boot, setup, teardown),
	};
	return cmocka_run_group_tests_name("shim-driver", tests, NULL, NULL);
}
