/* SPDX-License-Identifier: MIT */
/* ACPI is configured out (CONFIG_ACPI unset): the calls firmware drivers guard with
 * acpi_disabled compile and report "no ACPI". */
#ifndef KC_LINUX_ACPI_H
#define KC_LINUX_ACPI_H
#include <kc/base.h>
#include <linux/device.h>
#define acpi_disabled	    1
#define ACPI_HANDLE(dev)    ((void *)0)
#define ACPI_COMPANION(dev) ((struct acpi_device *)0)
#define ACPI_PTR(p)	    NULL
struct acpi_device;
struct acpi_table_header;
static inline bool has_acpi_companion(struct device *dev)
{
	(void)dev;
	return false;
}
static inline bool acpi_psci_present(void)
{
	return false;
}
static inline bool acpi_psci_use_hvc(void)
{
	return false;
}
#endif
