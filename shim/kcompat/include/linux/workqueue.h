/* SPDX-License-Identifier: MIT */
/*
 * Workqueues: deferred work in process context.
 *
 * The kernel runs on one host thread here, so there are no worker threads. Queued work
 * waits on one FIFO (every workqueue's items in queueing order, so an ordered workqueue
 * stays ordered) and runs, on the caller's stack, at defined points only:
 *
 *  - flush_work() runs that item if it is pending; flush_workqueue(), drain_workqueue()
 *    and destroy_workqueue() run that queue's items, including ones queued meanwhile;
 *  - wait_for_completion*() runs everything pending before deciding it would block;
 *  - kc_workqueue_run_pending() runs everything pending: the runtime calls it after each
 *    initcall returns and before the exit calls at shutdown, the points where a real
 *    kernel's kworkers would have had the CPU.
 *
 * queue_work() never runs the function itself, so a caller holding a lock the work also
 * takes does not deadlock here when it would not in the kernel, and work queued from
 * interrupt-like paths sees the state a kworker would. Delayed work is queued the same
 * way: time does not pass in a boot (linux/delay.h), so every delay has elapsed by the
 * next run point. kcompat/src/workqueue.c.
 */
#ifndef KC_LINUX_WORKQUEUE_H
#define KC_LINUX_WORKQUEUE_H
#include <kc/base.h>
#include <linux/list.h>

struct work_struct;
struct workqueue_struct;
typedef void (*work_func_t)(struct work_struct *work);

#define WORK_STRUCT_PENDING_BIT 0
#define WORK_STRUCT_PENDING	(1UL << WORK_STRUCT_PENDING_BIT)
#define WORK_CPU_UNBOUND	CONFIG_NR_CPUS

struct work_struct {
	unsigned long data;	/* WORK_STRUCT_PENDING while queued */
	struct list_head entry; /* on the pending FIFO while queued */
	work_func_t func;
	struct workqueue_struct *kc_wq; /* kcompat: the queue it is pending on */
};

struct delayed_work {
	struct work_struct work;
	struct workqueue_struct *wq;
	int cpu;
};

static inline struct delayed_work *to_delayed_work(struct work_struct *work)
{
	return container_of(work, struct delayed_work, work);
}

#define __WORK_INITIALIZER(n, f)                                                                   \
	{                                                                                          \
		.data = 0, .entry = { &(n).entry, &(n).entry }, .func = (f), .kc_wq = NULL         \
	}
#define __DELAYED_WORK_INITIALIZER(n, f, tflags)                                                   \
	{                                                                                          \
		.work = __WORK_INITIALIZER((n).work, (f)), .wq = NULL, .cpu = 0                    \
	}
#define DECLARE_WORK(n, f)	   struct work_struct n = __WORK_INITIALIZER(n, f)
#define DECLARE_DELAYED_WORK(n, f) struct delayed_work n = __DELAYED_WORK_INITIALIZER(n, f, 0)

static inline void __kc_init_work(struct work_struct *work, work_func_t func)
{
	work->data = 0;
	INIT_LIST_HEAD(&work->entry);
	work->func = func;
	work->kc_wq = NULL;
}
#define INIT_WORK(_work, _func)		__kc_init_work((_work), (_func))
#define INIT_WORK_ONSTACK(_work, _func) INIT_WORK(_work, _func)
#define INIT_DELAYED_WORK(_dwork, _func)                                                           \
	do {                                                                                       \
		INIT_WORK(&(_dwork)->work, (_func));                                               \
		(_dwork)->wq = NULL;                                                               \
		(_dwork)->cpu = 0;                                                                 \
	} while (0)
#define INIT_DEFERRABLE_WORK(_dwork, _func)	 INIT_DELAYED_WORK(_dwork, _func)
#define INIT_DELAYED_WORK_ONSTACK(_dwork, _func) INIT_DELAYED_WORK(_dwork, _func)
#define destroy_work_on_stack(work)		 ((void)(work))
#define destroy_delayed_work_on_stack(work)	 ((void)(work))

#define work_pending(work)	(((work)->data & WORK_STRUCT_PENDING) != 0)
#define delayed_work_pending(w) work_pending(&(w)->work)

/* Workqueue flags (kept, not acted on: there are no workers to bind or prioritise). */
enum wq_flags {
	WQ_BH = 1 << 0,
	WQ_UNBOUND = 1 << 1,
	WQ_FREEZABLE = 1 << 2,
	WQ_MEM_RECLAIM = 1 << 3,
	WQ_HIGHPRI = 1 << 4,
	WQ_CPU_INTENSIVE = 1 << 5,
	WQ_SYSFS = 1 << 6,
	WQ_POWER_EFFICIENT = 1 << 7,
	__WQ_DESTROYING = 1 << 15,
	__WQ_DRAINING = 1 << 16,
	__WQ_ORDERED = 1 << 17,
	__WQ_LEGACY = 1 << 18,
	WQ_MAX_ACTIVE = 512,
	WQ_UNBOUND_MAX_ACTIVE = WQ_MAX_ACTIVE,
	WQ_DFL_ACTIVE = WQ_MAX_ACTIVE / 2,
};

/* The queue's name is printf-formatted from @fmt; NULL when memory runs out. */
__printf(1, 4) struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags,
							int max_active, ...);
#define alloc_ordered_workqueue(fmt, flags, args...)                                               \
	alloc_workqueue(fmt, WQ_UNBOUND | __WQ_ORDERED | (flags), 1, ##args)
#define create_workqueue(name) alloc_workqueue("%s", __WQ_LEGACY | WQ_MEM_RECLAIM, 1, (name))
#define create_freezable_workqueue(name)                                                           \
	alloc_workqueue("%s", __WQ_LEGACY | WQ_FREEZABLE | WQ_UNBOUND | WQ_MEM_RECLAIM, 1, (name))
#define create_singlethread_workqueue(name)                                                        \
	alloc_ordered_workqueue("%s", __WQ_LEGACY | WQ_MEM_RECLAIM, name)
/* Runs what is still queued on @wq (drain_workqueue()), then frees it. */
void destroy_workqueue(struct workqueue_struct *wq);

extern struct workqueue_struct *system_wq;
extern struct workqueue_struct *system_highpri_wq;
extern struct workqueue_struct *system_long_wq;
extern struct workqueue_struct *system_unbound_wq;
extern struct workqueue_struct *system_freezable_wq;
extern struct workqueue_struct *system_power_efficient_wq;
extern struct workqueue_struct *system_freezable_power_efficient_wq;

/* false when @work was already pending (it stays queued once). @cpu is kept for the
 * kernel's signature: there is one CPU. */
bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work);
bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork,
			   unsigned long delay);
bool mod_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork,
			 unsigned long delay);

static inline bool queue_work(struct workqueue_struct *wq, struct work_struct *work)
{
	return queue_work_on(WORK_CPU_UNBOUND, wq, work);
}
static inline bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
				      unsigned long delay)
{
	return queue_delayed_work_on(WORK_CPU_UNBOUND, wq, dwork, delay);
}
static inline bool mod_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
				    unsigned long delay)
{
	return mod_delayed_work_on(WORK_CPU_UNBOUND, wq, dwork, delay);
}
static inline bool schedule_work_on(int cpu, struct work_struct *work)
{
	return queue_work_on(cpu, system_wq, work);
}
static inline bool schedule_work(struct work_struct *work)
{
	return queue_work(system_wq, work);
}
static inline bool schedule_delayed_work_on(int cpu, struct delayed_work *dwork,
					    unsigned long delay)
{
	return queue_delayed_work_on(cpu, system_wq, dwork, delay);
}
static inline bool schedule_delayed_work(struct delayed_work *dwork, unsigned long delay)
{
	return queue_delayed_work(system_wq, dwork, delay);
}

/* true when the item was pending and has now run (or, for cancel, was dequeued). */
bool flush_work(struct work_struct *work);
bool cancel_work(struct work_struct *work);
bool cancel_work_sync(struct work_struct *work);
bool flush_delayed_work(struct delayed_work *dwork);
bool cancel_delayed_work(struct delayed_work *dwork);
bool cancel_delayed_work_sync(struct delayed_work *dwork);

void __flush_workqueue(struct workqueue_struct *wq);
#define flush_workqueue(wq)    __flush_workqueue(wq)
#define flush_scheduled_work() __flush_workqueue(system_wq)
void drain_workqueue(struct workqueue_struct *wq);

/* kcompat: run every pending item, in queueing order, until none is left. */
void kc_workqueue_run_pending(void);
#endif
