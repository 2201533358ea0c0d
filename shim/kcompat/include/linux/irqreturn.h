/* SPDX-License-Identifier: MIT */
#ifndef KC_LINUX_IRQRETURN_H
#define KC_LINUX_IRQRETURN_H

/* What an interrupt handler tells the IRQ core. */
enum irqreturn {
	IRQ_NONE = (0 << 0),
	IRQ_HANDLED = (1 << 0),
	IRQ_WAKE_THREAD = (1 << 1),
};
typedef enum irqreturn irqreturn_t;
#define IRQ_RETVAL(x) ((x) ? IRQ_HANDLED : IRQ_NONE)
#endif
