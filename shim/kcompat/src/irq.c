// SPDX-License-Identifier: MIT
/*
 * The IRQ core without an interrupt controller.
 *
 * No irqchip driver runs in the simulation, so no IRQ domain is ever registered and no
 * Linux IRQ number ever gets a descriptor. Every call below behaves as the kernel's does
 * in exactly that situation (kernel/irq/irqdomain.c, kernel/irq/manage.c,
 * kernel/irq/devres.c, drivers/of/irq.c), so a driver takes the path a real kernel takes
 * on a machine whose firmware offers an interrupt no controller driver can deliver.
 *
 * For drivers/firmware/arm_ffa/driver.c that path is ffa_notifications_setup(): for each
 * of the schedule-receiver (SRI) and notification-pending (NPI) interrupts,
 * ffa_irq_map() asks FFA_FEATURES for the INTID, which fails with -EOPNOTSUPP when the
 * SPMC does not offer it; when it does, the driver looks for an "arm,gic-v3" node
 * (absent from the kboot device tree: -ENXIO) or, given one, maps the INTID through
 * irq_create_of_mapping(), which warns "irq: no irq domain found for ... !" and returns
 * 0, and the driver logs "Failed to create IRQ mapping!" (-ENODATA). With neither IRQ
 * mapped it logs "Notification setup failed <err>, not enabled" (err being the NPI
 * lookup's result, normally -95 as the NPI is not offered to the normal world) and
 * ffa_notifications_cleanup() destroys the notification bitmap it created: the FF-A
 * driver runs without notifications, as on a kernel without the SRI/NPI interrupt.
 * request_percpu_irq() and the rest are never reached then; if a driver gets there
 * anyway they fail as for an IRQ number without a descriptor.
 */
#include <linux/interrupt.h>
#include <linux/irqdomain.h>
#include <linux/of_irq.h>
#include <linux/device.h>
#include <linux/printk.h>
#include <linux/errno.h>

/* ---- kernel/irq/irqdomain.c ---------------------------------------------------------- */

unsigned int irq_create_fwspec_mapping(struct irq_fwspec *fwspec)
{
	const struct device_node *np = NULL;

	/* A specifier names its controller by fwnode, or (NULL) means the default domain;
	 * neither exists. The kernel prints the controller node's full name. */
	if (fwspec->fwnode && is_of_node(fwspec->fwnode))
		np = to_of_node(fwspec->fwnode);
	pr_warn("irq: no irq domain found for %s !\n", of_node_full_name(np));
	return 0;
}

unsigned int irq_create_of_mapping(struct of_phandle_args *irq_data)
{
	struct irq_fwspec fwspec = { 0 };
	int i;

	/* drivers/of/irq.c: the controller node becomes the fwnode, the cells the params. */
	fwspec.fwnode = irq_data->np ? &irq_data->np->fwnode : NULL;
	fwspec.param_count = irq_data->args_count;
	for (i = 0; i < irq_data->args_count && i < IRQ_DOMAIN_IRQ_SPEC_PARAMS; i++)
		fwspec.param[i] = irq_data->args[i];
	return irq_create_fwspec_mapping(&fwspec);
}

void irq_dispose_mapping(unsigned int virq)
{
	/* No irq_data for any number: nothing was mapped, nothing to undo. */
	(void)virq;
}

/* ---- drivers/of/irq.c ---------------------------------------------------------------- */

int of_irq_parse_one(struct device_node *device, int index, struct of_phandle_args *out_irq)
{
	(void)device;
	(void)index;
	(void)out_irq;
	/* The interrupt parent is found through "interrupt-parent" phandles up to the root;
	 * the kboot tree has none, and the kernel fails the parse with -EINVAL then. */
	return -EINVAL;
}

unsigned int irq_of_parse_and_map(struct device_node *dev, int index)
{
	struct of_phandle_args oirq;

	if (of_irq_parse_one(dev, index, &oirq))
		return 0;
	return irq_create_of_mapping(&oirq);
}

int of_irq_get(struct device_node *dev, int index)
{
	struct of_phandle_args oirq;
	int rc;

	rc = of_irq_parse_one(dev, index, &oirq);
	if (rc)
		return rc;
	/* A controller without a domain (yet) defers the caller's probe, before any mapping
	 * is attempted. */
	if (!irq_find_host(oirq.np))
		return -EPROBE_DEFER;
	return irq_create_of_mapping(&oirq);
}

/* ---- kernel/irq/manage.c: every IRQ number lacks a descriptor ------------------------ */

int request_threaded_irq(unsigned int irq, irq_handler_t handler, irq_handler_t thread_fn,
			 unsigned long flags, const char *name, void *dev)
{
	(void)handler;
	(void)thread_fn;
	(void)flags;
	(void)name;
	(void)dev;
	if (irq == IRQ_NOTCONNECTED)
		return -ENOTCONN;
	return -EINVAL;
}

int request_any_context_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
			    const char *name, void *dev_id)
{
	(void)handler;
	(void)flags;
	(void)name;
	(void)dev_id;
	if (irq == IRQ_NOTCONNECTED)
		return -ENOTCONN;
	return -EINVAL;
}

const void *free_irq(unsigned int irq, void *dev_id)
{
	(void)irq;
	(void)dev_id;
	return NULL;
}

int __request_percpu_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
			 const char *devname, void __percpu *percpu_dev_id)
{
	(void)irq;
	(void)handler;
	(void)flags;
	(void)devname;
	(void)percpu_dev_id;
	return -EINVAL;
}

void free_percpu_irq(unsigned int irq, void __percpu *percpu_dev_id)
{
	(void)irq;
	(void)percpu_dev_id;
}

void enable_percpu_irq(unsigned int irq, unsigned int type)
{
	(void)irq;
	(void)type;
}

void disable_percpu_irq(unsigned int irq)
{
	(void)irq;
}

bool irq_percpu_is_enabled(unsigned int irq)
{
	(void)irq;
	return false;
}

void enable_irq(unsigned int irq)
{
	(void)irq;
}

void disable_irq(unsigned int irq)
{
	(void)irq;
}

void disable_irq_nosync(unsigned int irq)
{
	(void)irq;
}

bool disable_hardirq(unsigned int irq)
{
	(void)irq;
	return false;
}

void synchronize_irq(unsigned int irq)
{
	(void)irq;
}

int irq_set_affinity(unsigned int irq, const struct cpumask *cpumask)
{
	(void)irq;
	(void)cpumask;
	return -EINVAL;
}

int irq_set_irq_type(unsigned int irq, unsigned int type)
{
	(void)irq;
	(void)type;
	return -EINVAL;
}

int irq_set_irq_wake(unsigned int irq, unsigned int on)
{
	(void)irq;
	(void)on;
	return -EINVAL;
}

/* ---- kernel/irq/devres.c ------------------------------------------------------------- */

int devm_request_threaded_irq(struct device *dev, unsigned int irq, irq_handler_t handler,
			      irq_handler_t thread_fn, unsigned long irqflags, const char *devname,
			      void *dev_id)
{
	(void)dev;
	/* The request fails before anything is recorded for unbind. */
	return request_threaded_irq(irq, handler, thread_fn, irqflags, devname, dev_id);
}

int devm_request_any_context_irq(struct device *dev, unsigned int irq, irq_handler_t handler,
				 unsigned long irqflags, const char *devname, void *dev_id)
{
	(void)dev;
	return request_any_context_irq(irq, handler, irqflags, devname, dev_id);
}

void devm_free_irq(struct device *dev, unsigned int irq, void *dev_id)
{
	(void)dev;
	(void)irq;
	(void)dev_id;
	/* The kernel WARNs when no managed IRQ matches, and none was ever requested. */
	WARN_ON(1);
}
