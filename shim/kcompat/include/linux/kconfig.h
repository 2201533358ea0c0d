/* SPDX-License-Identifier: MIT */
/*
 * The kernel configuration a kboot program is built for: an arm64 kernel with device
 * tree and no ACPI, every firmware driver smcsim runs built in (=y, not modules), so
 * module_init() is a device_initcall as in a built-in kernel.
 */
#ifndef KC_KCONFIG_H
#define KC_KCONFIG_H

#define __KERNEL__			1
#define CONFIG_ARM64			1
#define CONFIG_64BIT			1
#define CONFIG_OF			1
#define CONFIG_SMP			1
#define CONFIG_NR_CPUS			256
#define CONFIG_SUSPEND			1
#define CONFIG_HAVE_ARM_SMCCC		1
#define CONFIG_HAVE_ARM_SMCCC_DISCOVERY 1
#define CONFIG_ARM_PSCI_FW		1
#define CONFIG_ARM_SMCCC_SOC_ID		1
#define CONFIG_HW_RANDOM		1
#define CONFIG_HW_RANDOM_ARM_SMCCC_TRNG 1
#define CONFIG_ARM_FFA_TRANSPORT	1
#define CONFIG_ARM_FFA_SMCCC		1
#define CONFIG_PRINTK			1
#define CONFIG_ARM64_PAGE_SHIFT		12
#define CONFIG_ARM64_4K_PAGES		1
#define CONFIG_KVM			1

/*
 * The kernel version the files are built from: `smcsim kboot` passes
 * -DKC_LINUX_VERSION_CODE=KERNEL_VERSION(VERSION, PATCHLEVEL, SUBLEVEL) computed from the
 * tree's Makefile. Where the kernel API a file sees changed between releases (a struct
 * member, a callback's parameters), the headers follow the tree's version with
 * KC_LINUX_AT_LEAST(). The runtime (src/) is built once for every tree and never depends
 * on it; without the define (the layer's own tests) the API is 6.12's.
 */
#define KC_KERNEL_VERSION(a, b, c) (((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))
#ifndef KC_LINUX_VERSION_CODE
#define KC_LINUX_VERSION_CODE KC_KERNEL_VERSION(6, 12, 0)
#endif
#define KC_LINUX_AT_LEAST(a, b) (KC_LINUX_VERSION_CODE >= KC_KERNEL_VERSION(a, b, 0))

/* IS_ENABLED(CONFIG_X): 1 when CONFIG_X is defined to 1, else 0 (the kernel's trick of
 * pasting the value onto a placeholder that expands to a comma). */
#define __KC_ARG_PLACEHOLDER_1		    0,
#define __kc_take_second(ignored, val, ...) val
#define __kc_is_defined(x)		    ___kc_is_defined(x)
#define ___kc_is_defined(val)		    ____kc_is_defined(__KC_ARG_PLACEHOLDER_##val)
#define ____kc_is_defined(arg1_or_junk)	    __kc_take_second(arg1_or_junk 1, 0, 0)
#define IS_ENABLED(option)		    __kc_is_defined(option)
#define IS_BUILTIN(option)		    __kc_is_defined(option)
#define IS_MODULE(option)		    0
#define IS_REACHABLE(option)		    __kc_is_defined(option)

#endif
