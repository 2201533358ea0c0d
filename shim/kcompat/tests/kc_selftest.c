// SPDX-License-Identifier: MIT
/*
 * Self-test of the kernel-compat runtime, compiled as kernel code is (-nostdinc against
 * shim/kcompat/include) and linked with the runtime and a host stand-in
 * (kc_test_host.c): the kernel printf formats, string and number helpers, bit and field
 * helpers, IS_ENABLED, lists, the driver core's binding rules, and kmalloc's bounds.
 */
#include <linux/kernel.h>
#include <linux/bitfield.h>
#include <linux/bitmap.h>
#include <linux/device.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uuid.h>
#include <linux/err.h>

int kc_selftest(void);
int kc_ffa_support_selftest(void);
extern int kc_test_warnings;

static int failures;

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			failures++;                                                                \
			pr_err("FAIL %s:%d: %s\n", __func__, __LINE__, #cond);                     \
		}                                                                                  \
	} while (0)

#define CHECK_FMT(expect, fmt, ...)                                                                \
	do {                                                                                       \
		char __b[160];                                                                     \
		snprintf(__b, sizeof(__b), fmt, ##__VA_ARGS__);                                    \
		if (strcmp(__b, expect)) {                                                         \
			failures++;                                                                \
			pr_err("FAIL %s:%d: \"%s\" gave \"%s\", expected \"%s\"\n", __func__,      \
			       __LINE__, fmt, __b, expect);                                        \
		}                                                                                  \
	} while (0)

static void test_printf(void)
{
	/* lib/vsprintf.c semantics, as Documentation/core-api/printk-formats.rst lists */
	CHECK_FMT("-95", "%d", -95);
	CHECK_FMT("0x0000002a|42   |  -7", "0x%08x|%-5u|%4d", 42, 42u, -7);
	CHECK_FMT("18446744073709551615 ffffffffffffffff", "%llu %llx", ~0ULL, ~0ULL);
	CHECK_FMT("7 -1 65535", "%zu %ld %hu", (size_t)7, -1L, (unsigned short)65535);
	CHECK_FMT("0X1F 017 +3", "%#X %#o %+d", 31u, 15u, 3);
	const char *volatile none = NULL; /* the kernel prints "(null)" for it */
	CHECK_FMT("ab|(null)|x  ", "%.2s|%s|%-3c", "abc", none, 'x');
	CHECK_FMT("-EOPNOTSUPP -ENODEV -EPROBE_DEFER", "%pe %pe %pe", ERR_PTR(-EOPNOTSUPP),
		  ERR_PTR(-ENODEV), ERR_PTR(-EPROBE_DEFER));
	CHECK_FMT("-4000", "%pe", ERR_PTR(-4000));
	phys_addr_t pa = 0x80000000;
	CHECK_FMT("0x0000000080000000", "%pa", &pa);
	uuid_t u = UUID_INIT(0xb4b5671e, 0x4a90, 0x4fe1, 0xb8, 0x1f, 0xfb, 0x13, 0xda, 0xe1, 0xda,
			     0xcb);
	CHECK_FMT("b4b5671e-4a90-4fe1-b81f-fb13dae1dacb", "%pUb", &u);
	CHECK_FMT("B4B5671E-4A90-4FE1-B81F-FB13DAE1DACB", "%pUB", &u);
	CHECK_FMT("1e67b5b4-904a-e14f-b81f-fb13dae1dacb", "%pUl", &u);
	u8 bytes[4] = { 0xde, 0xad, 0xbe, 0xef };
	CHECK_FMT("de ad be ef", "%*ph", 4, bytes);
	CHECK_FMT("de:ad:be:ef", "%*phC", 4, bytes);
	CHECK_FMT("deadbeef", "%*phN", 4, bytes);
	CHECK_FMT("100%", "%d%%", 100);
	char small[4];
	CHECK(snprintf(small, sizeof(small), "%s", "abcdef") == 6);
	CHECK(!strcmp(small, "abc"));
	CHECK(scnprintf(small, sizeof(small), "%s", "abcdef") == 3);
	char *s = kasprintf(GFP_KERNEL, "arm-ffa-%d", 3);
	CHECK(s && !strcmp(s, "arm-ffa-3"));
	kfree(s);
}

static void test_strings(void)
{
	char b[4];
	CHECK(strscpy(b, "ab", sizeof(b)) == 2 && !strcmp(b, "ab"));
	CHECK(strscpy(b, "abcd", sizeof(b)) == -E2BIG && !strcmp(b, "abc"));
	unsigned long ul;
	unsigned int ui;
	int i;
	bool bo;
	CHECK(!kstrtoul("0x1f", 0, &ul) && ul == 31);
	CHECK(!kstrtoul("17\n", 10, &ul) && ul == 17);
	CHECK(kstrtoul("17x", 10, &ul) == -EINVAL);
	CHECK(kstrtouint("4294967296", 10, &ui) == -ERANGE);
	CHECK(!kstrtoint("-12", 10, &i) && i == -12);
	CHECK(!kstrtobool("on", &bo) && bo);
	CHECK(!kstrtobool("N", &bo) && !bo);
	CHECK(sysfs_streq("smc\n", "smc"));
	static const char *const m[] = { "smc", "hvc" };
	CHECK(match_string(m, 2, "hvc") == 1 && match_string(m, 2, "x") == -EINVAL);
	uuid_t u;
	CHECK(!uuid_parse("b4b5671e-4a90-4fe1-b81f-fb13dae1dacb", &u) && u.b[0] == 0xb4);
	CHECK(uuid_parse("b4b5671e-4a90-4fe1-b81f-fb13dae1dacX", &u) == -EINVAL);
	CHECK(uuid_is_null(&uuid_null));
}

static void test_bits(void)
{
	CHECK(GENMASK(15, 8) == 0xff00UL && GENMASK_ULL(63, 62) == 0xc000000000000000ULL);
	CHECK(FIELD_GET(GENMASK(30, 24), 0x7f000000u) == 0x7f);
	CHECK(FIELD_PREP(GENMASK(15, 8), 0xab) == 0xab00);
	CHECK(lower_32_bits(0x1234567890ULL) == 0x34567890u &&
	      upper_32_bits(0x1234567890ULL) == 0x12);
	DECLARE_BITMAP(bm, 128);
	u32 words[4] = { 0x3, 0, 0, 0x80000000u };
	bitmap_from_arr32(bm, words, 128);
	CHECK(test_bit(0, bm) && test_bit(1, bm) && !test_bit(2, bm) && test_bit(127, bm));
	CHECK(find_first_bit(bm, 128) == 0 && find_next_bit(bm, 128, 2) == 127);
	CHECK(IS_ENABLED(CONFIG_ARM64) && IS_ENABLED(CONFIG_OF) && !IS_ENABLED(CONFIG_ACPI));
	int big = 300;
	CHECK(min(3, 4) == 3 && max_t(u8, big, 2) == 44);
	CHECK(clamp(9, 1, 5) == 5);
}

/* The driver core: name match on the platform bus, probe errors as dd.c reports them,
 * -EPROBE_DEFER retried after late_initcall, devres released on unbind. */
static int probes, removes;
static void *devres_seen;

static int t_probe(struct platform_device *pdev)
{
	probes++;
	devres_seen = devm_kzalloc(&pdev->dev, 32, GFP_KERNEL);
	return pdev->id == 2 ? -EIO : 0;
}

static void t_remove(struct platform_device *pdev)
{
	(void)pdev;
	removes++;
}

static struct platform_driver t_driver = {
	.probe = t_probe,
	.remove = t_remove,
	.driver = { .name = "kc-test" },
};

extern void kc_driver_core_shutdown(void);
extern const struct bus_type platform_bus_type;

static void test_driver_core(void)
{
	bus_register(&platform_bus_type);
	struct platform_device *a = platform_device_register_simple("kc-test", -1, NULL, 0);
	CHECK(!IS_ERR(a) && !strcmp(dev_name(&a->dev), "kc-test"));
	CHECK(!platform_driver_register(&t_driver));
	CHECK(probes == 1 && a->dev.driver == &t_driver.driver && devres_seen);
	struct platform_device *b = platform_device_register_simple("kc-test", 2, NULL, 0);
	CHECK(!IS_ERR(b) && !strcmp(dev_name(&b->dev), "kc-test.2"));
	CHECK(probes == 2 && !b->dev.driver);
	/* a second driver of the same name on the bus is refused (drivers/base/driver.c) */
	static struct platform_driver dup = { .probe = t_probe, .driver = { .name = "kc-test" } };
	CHECK(platform_driver_register(&dup) == -EBUSY);
	platform_device_unregister(a);
	CHECK(removes == 1);
	kc_driver_core_shutdown();
	CHECK(removes == 1);
}

static void test_kmalloc(void)
{
	CHECK(!kmalloc(5UL << 20, GFP_KERNEL | __GFP_NOWARN));
	int before = kc_test_warnings;
	CHECK(!kmalloc(5UL << 20, GFP_KERNEL));
	CHECK(kc_test_warnings == before + 1);
	void *p = kmalloc(0, GFP_KERNEL);
	CHECK(p);
	kfree(p);
	u8 *z = kzalloc(16, GFP_KERNEL);
	CHECK(z && !z[0] && !z[15]);
	z = krealloc(z, 64, GFP_KERNEL | __GFP_ZERO);
	CHECK(z && ksize(z) == 64 && !z[63]);
	kfree(z);
}

int kc_selftest(void)
{
	test_printf();
	test_strings();
	test_bits();
	test_driver_core();
	test_kmalloc();
	int f = failures + kc_ffa_support_selftest();
	pr_info("kcompat selftest: %d failure(s)\n", f);
	return f;
}
