/* SPDX-License-Identifier: MIT */
#ifndef KC_LINUX_OF_IRQ_H
#define KC_LINUX_OF_IRQ_H
#include <linux/of.h>
#include <linux/irqdomain.h>
unsigned int irq_of_parse_and_map(struct device_node *node, int index);
int of_irq_get(struct device_node *dev, int index);
#endif
