/* SPDX-License-Identifier: MIT */
/*
 * IRQ domains: how a firmware interrupt specifier (a GIC INTID, a device-tree
 * "interrupts" cell) becomes a Linux IRQ number. The simulation has no interrupt
 * controller, so no domain is ever registered, and every mapping takes the kernel's
 * "no domain" path (kernel/irq/irqdomain.c irq_create_fwspec_mapping()): a warning
 * "irq: no irq domain found for <node> !" and IRQ number 0, which callers treat as
 * "no interrupt" (kcompat/src/irq.c).
 */
#ifndef KC_LINUX_IRQDOMAIN_H
#define KC_LINUX_IRQDOMAIN_H
#include <kc/base.h>
#include <linux/irq.h>
#include <linux/of.h>

typedef unsigned long irq_hw_number_t;

#define IRQ_DOMAIN_IRQ_SPEC_PARAMS 16

/* A controller (@fwnode) and its interrupt specifier cells. */
struct irq_fwspec {
	struct fwnode_handle *fwnode;
	int param_count;
	u32 param[IRQ_DOMAIN_IRQ_SPEC_PARAMS];
};

struct irq_domain;

/* The Linux IRQ number for @fwspec, or 0: never a mapping here (see above). */
unsigned int irq_create_fwspec_mapping(struct irq_fwspec *fwspec);
/* Undo a mapping; 0 and unmapped numbers are ignored. */
void irq_dispose_mapping(unsigned int virq);
static inline unsigned int irq_find_mapping(struct irq_domain *domain, irq_hw_number_t hwirq)
{
	(void)domain;
	(void)hwirq;
	return 0;
}
static inline struct irq_domain *irq_find_host(struct device_node *node)
{
	(void)node;
	return NULL;
}
#endif
