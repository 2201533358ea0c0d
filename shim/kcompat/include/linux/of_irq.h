/* SPDX-License-Identifier: MIT */
/*
 * Interrupts described in the device tree. The kboot device tree has no interrupt
 * controller and no phandles, so a node's interrupt parent is never found: parsing fails
 * with -EINVAL (drivers/of/irq.c of_irq_parse_one() when of_irq_find_parent() finds none),
 * irq_of_parse_and_map() gives 0 and of_irq_get() -EINVAL. kcompat/src/irq.c.
 */
#ifndef KC_LINUX_OF_IRQ_H
#define KC_LINUX_OF_IRQ_H
#include <linux/of.h>
#include <linux/irq.h>
#include <linux/irqdomain.h>
unsigned int irq_of_parse_and_map(struct device_node *node, int index);
int of_irq_get(struct device_node *dev, int index);
int of_irq_parse_one(struct device_node *device, int index, struct of_phandle_args *out_irq);
/* Map an interrupt specifier already parsed against its controller @irq_data->np: the
 * irq_create_fwspec_mapping() path, so 0 (no domain for the controller). */
unsigned int irq_create_of_mapping(struct of_phandle_args *irq_data);
#endif
