/* SPDX-License-Identifier: MIT */
/*
 * Requesting and controlling interrupts. The simulation has no interrupt controller, so
 * no Linux IRQ number has a descriptor and the calls behave as the kernel's do for an
 * IRQ number without one (kernel/irq/manage.c): requests fail with -EINVAL
 * (request_threaded_irq(), __request_percpu_irq()), frees, enables and disables return
 * without effect. No handler ever runs. kcompat/src/irq.c.
 *
 * Drivers normally never get this far: their IRQ number comes from a mapping
 * (linux/irqdomain.h), which is always 0 here, and 0 means "no interrupt".
 */
#ifndef KC_LINUX_INTERRUPT_H
#define KC_LINUX_INTERRUPT_H
#include <kc/base.h>
#include <linux/irq.h>
#include <linux/irqreturn.h>
#include <linux/irqdomain.h>
#include <linux/cpumask.h>
#include <linux/smp.h>
#include <linux/percpu.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

struct device;
struct cpumask;

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

/* Trigger bits a request may carry (the IRQ_TYPE_* values), and request flags. */
#define IRQF_TRIGGER_NONE    0x00000000
#define IRQF_TRIGGER_RISING  0x00000001
#define IRQF_TRIGGER_FALLING 0x00000002
#define IRQF_TRIGGER_HIGH    0x00000004
#define IRQF_TRIGGER_LOW     0x00000008
#define IRQF_TRIGGER_MASK                                                                          \
	(IRQF_TRIGGER_HIGH | IRQF_TRIGGER_LOW | IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING)
#define IRQF_TRIGGER_PROBE 0x00000010
#define IRQF_SHARED	   0x00000080
#define IRQF_PROBE_SHARED  0x00000100
#define __IRQF_TIMER	   0x00000200
#define IRQF_PERCPU	   0x00000400
#define IRQF_NOBALANCING   0x00000800
#define IRQF_IRQPOLL	   0x00001000
#define IRQF_ONESHOT	   0x00002000
#define IRQF_NO_SUSPEND	   0x00004000
#define IRQF_FORCE_RESUME  0x00008000
#define IRQF_NO_THREAD	   0x00010000
#define IRQF_EARLY_RESUME  0x00020000
#define IRQF_COND_SUSPEND  0x00040000
#define IRQF_NO_AUTOEN	   0x00080000
#define IRQF_NO_DEBUG	   0x00100000
#define IRQF_TIMER	   (__IRQF_TIMER | IRQF_NO_SUSPEND | IRQF_NO_THREAD)

int request_threaded_irq(unsigned int irq, irq_handler_t handler, irq_handler_t thread_fn,
			 unsigned long flags, const char *name, void *dev);
static inline int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
			      const char *name, void *dev)
{
	return request_threaded_irq(irq, handler, NULL, flags, name, dev);
}
int request_any_context_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
			    const char *name, void *dev_id);
/* Returns the name the IRQ was requested with: NULL, nothing was ever requested. */
const void *free_irq(unsigned int irq, void *dev_id);

int __request_percpu_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
			 const char *devname, void __percpu *percpu_dev_id);
static inline int request_percpu_irq(unsigned int irq, irq_handler_t handler, const char *devname,
				     void __percpu *percpu_dev_id)
{
	return __request_percpu_irq(irq, handler, 0, devname, percpu_dev_id);
}
void free_percpu_irq(unsigned int irq, void __percpu *percpu_dev_id);
void enable_percpu_irq(unsigned int irq, unsigned int type);
void disable_percpu_irq(unsigned int irq);
bool irq_percpu_is_enabled(unsigned int irq);

void enable_irq(unsigned int irq);
void disable_irq(unsigned int irq);
void disable_irq_nosync(unsigned int irq);
bool disable_hardirq(unsigned int irq);
void synchronize_irq(unsigned int irq);
int irq_set_affinity(unsigned int irq, const struct cpumask *cpumask);

/* Managed requests: the IRQ would be freed on unbind; here the request already failed. */
int devm_request_threaded_irq(struct device *dev, unsigned int irq, irq_handler_t handler,
			      irq_handler_t thread_fn, unsigned long irqflags, const char *devname,
			      void *dev_id);
static inline int devm_request_irq(struct device *dev, unsigned int irq, irq_handler_t handler,
				   unsigned long irqflags, const char *devname, void *dev_id)
{
	return devm_request_threaded_irq(dev, irq, handler, NULL, irqflags, devname, dev_id);
}
int devm_request_any_context_irq(struct device *dev, unsigned int irq, irq_handler_t handler,
				 unsigned long irqflags, const char *devname, void *dev_id);
/* WARNs: there is never a managed IRQ to free (kernel/irq/devres.c devm_free_irq()). */
void devm_free_irq(struct device *dev, unsigned int irq, void *dev_id);

/* Interrupt context: never, the kernel only runs in process context here. */
#ifndef in_interrupt
#define in_interrupt() 0
#define in_irq()       0
#define in_hardirq()   0
#define in_softirq()   0
#define in_task()      1
#endif
#endif
