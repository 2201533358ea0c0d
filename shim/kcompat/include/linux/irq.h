/* SPDX-License-Identifier: MIT */
/*
 * Interrupt trigger types and Linux IRQ numbers. There is no interrupt controller in the
 * simulation, so no IRQ number ever has a descriptor: see linux/interrupt.h and
 * linux/irqdomain.h for what the calls then return.
 */
#ifndef KC_LINUX_IRQ_H
#define KC_LINUX_IRQ_H
#include <kc/base.h>
#include <linux/irqreturn.h>

enum {
	IRQ_TYPE_NONE = 0x00000000,
	IRQ_TYPE_EDGE_RISING = 0x00000001,
	IRQ_TYPE_EDGE_FALLING = 0x00000002,
	IRQ_TYPE_EDGE_BOTH = (IRQ_TYPE_EDGE_FALLING | IRQ_TYPE_EDGE_RISING),
	IRQ_TYPE_LEVEL_HIGH = 0x00000004,
	IRQ_TYPE_LEVEL_LOW = 0x00000008,
	IRQ_TYPE_LEVEL_MASK = (IRQ_TYPE_LEVEL_LOW | IRQ_TYPE_LEVEL_HIGH),
	IRQ_TYPE_SENSE_MASK = 0x0000000f,
	IRQ_TYPE_DEFAULT = IRQ_TYPE_SENSE_MASK,
	IRQ_TYPE_PROBE = 0x00000010,
};

/* An IRQ number that request_irq() refuses with -ENOTCONN (a known-unwired line). */
#define IRQ_NOTCONNECTED (1U << 31)

struct irq_data;
struct irq_desc;
struct irq_chip;

/* No descriptors: NULL for every IRQ number. */
static inline struct irq_data *irq_get_irq_data(unsigned int irq)
{
	(void)irq;
	return NULL;
}
static inline struct irq_desc *irq_to_desc(unsigned int irq)
{
	(void)irq;
	return NULL;
}
int irq_set_irq_type(unsigned int irq, unsigned int type);
int irq_set_irq_wake(unsigned int irq, unsigned int on);
static inline int enable_irq_wake(unsigned int irq)
{
	return irq_set_irq_wake(irq, 1);
}
static inline int disable_irq_wake(unsigned int irq)
{
	return irq_set_irq_wake(irq, 0);
}
#endif
