// SPDX-License-Identifier: MIT
/*
 * Workqueues and completions on one host thread (linux/workqueue.h and
 * linux/completion.h give the model): queued work waits on one FIFO and runs at the
 * defined points below, never inside queue_work().
 *
 * A work item is off the FIFO and no longer pending before its function runs, so the
 * function may queue itself again (the kernel allows that too); the runners then pick it
 * up in order. A runner that keeps finding work after KC_WQ_MAX_RUNS items stops with a
 * WARN, as a kernel drain_workqueue() complains about work that keeps requeueing.
 */
#include <linux/workqueue.h>
#include <linux/completion.h>
#include <linux/slab.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/printk.h>

#define KC_WQ_NAME_LEN 32
#define KC_WQ_MAX_RUNS 100000U

struct workqueue_struct {
	char name[KC_WQ_NAME_LEN];
	unsigned int flags; /* WQ_* as asked, plus __WQ_DRAINING/__WQ_DESTROYING */
	int max_active;
};

/* Every pending item of every queue, oldest first. */
static LIST_HEAD(kc_work_fifo);
/* The queue whose item is running, for the "queueing on a draining queue" rule. */
static struct workqueue_struct *kc_wq_running;

static struct workqueue_struct kc_system_wq = { "events", 0, 0 };
static struct workqueue_struct kc_system_highpri_wq = { "events_highpri", WQ_HIGHPRI, 0 };
static struct workqueue_struct kc_system_long_wq = { "events_long", 0, 0 };
static struct workqueue_struct kc_system_unbound_wq = { "events_unbound", WQ_UNBOUND, 0 };
static struct workqueue_struct kc_system_freezable_wq = { "events_freezable", WQ_FREEZABLE, 0 };
static struct workqueue_struct kc_system_power_efficient_wq = { "events_power_efficient",
								WQ_POWER_EFFICIENT, 0 };
static struct workqueue_struct kc_system_freezable_power_efficient_wq = {
	"events_freezable_pwr_efficient", WQ_FREEZABLE | WQ_POWER_EFFICIENT, 0
};

struct workqueue_struct *system_wq = &kc_system_wq;
struct workqueue_struct *system_highpri_wq = &kc_system_highpri_wq;
struct workqueue_struct *system_long_wq = &kc_system_long_wq;
struct workqueue_struct *system_unbound_wq = &kc_system_unbound_wq;
struct workqueue_struct *system_freezable_wq = &kc_system_freezable_wq;
struct workqueue_struct *system_power_efficient_wq = &kc_system_power_efficient_wq;
struct workqueue_struct *system_freezable_power_efficient_wq =
	&kc_system_freezable_power_efficient_wq;

/* ---- queues -------------------------------------------------------------------------- */

struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...)
{
	struct workqueue_struct *wq;
	va_list ap;

	wq = kzalloc(sizeof(*wq), GFP_KERNEL);
	if (!wq)
		return NULL;
	va_start(ap, max_active);
	vsnprintf(wq->name, sizeof(wq->name), fmt, ap);
	va_end(ap);
	wq->flags = flags & ~(__WQ_DRAINING | __WQ_DESTROYING);
	wq->max_active = max_active;
	return wq;
}

/* ---- queueing ------------------------------------------------------------------------ */

static bool work_enqueue(struct workqueue_struct *wq, struct work_struct *work)
{
	if (WARN_ON(!wq))
		return false;
	/* kernel/workqueue.c __queue_work(): a draining or dying queue only takes work its
	 * own running items chain on. */
	if ((wq->flags & (__WQ_DRAINING | __WQ_DESTROYING)) && kc_wq_running != wq) {
		WARN_ONCE(1, "workqueue: cannot queue work %p on wq %s\n", work, wq->name);
		return false;
	}
	/* Already pending: stays where it is, queued once. */
	if (work->data & WORK_STRUCT_PENDING)
		return false;
	work->data |= WORK_STRUCT_PENDING;
	work->kc_wq = wq;
	list_add_tail(&work->entry, &kc_work_fifo);
	return true;
}

bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work)
{
	(void)cpu;
	return work_enqueue(wq, work);
}

bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork,
			   unsigned long delay)
{
	(void)delay; /* elapsed by the next run point: time does not pass */
	dwork->wq = wq;
	dwork->cpu = cpu;
	return work_enqueue(wq, &dwork->work);
}

bool mod_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork,
			 unsigned long delay)
{
	bool pending = cancel_delayed_work(dwork);

	queue_delayed_work_on(cpu, wq, dwork, delay);
	/* true when it was pending and only its timer moved. */
	return pending;
}

/* ---- running ------------------------------------------------------------------------- */

static void work_dequeue(struct work_struct *work)
{
	list_del_init(&work->entry);
	work->data &= ~WORK_STRUCT_PENDING;
}

static void work_run(struct work_struct *work)
{
	struct workqueue_struct *wq = work->kc_wq;
	struct workqueue_struct *outer = kc_wq_running;

	work_dequeue(work);
	kc_wq_running = wq;
	work->func(work);
	kc_wq_running = outer;
}

/* Oldest pending item of @wq (any queue when NULL), or NULL. */
static struct work_struct *work_first(struct workqueue_struct *wq)
{
	struct work_struct *work;

	list_for_each_entry(work, &kc_work_fifo, entry) if (!wq || work->kc_wq == wq) return work;
	return NULL;
}

static void run_until_idle(struct workqueue_struct *wq, const char *who)
{
	struct work_struct *work;
	unsigned int runs = 0;

	while ((work = work_first(wq))) {
		if (runs++ == KC_WQ_MAX_RUNS) {
			WARN(1, "workqueue %s: %s() isn't complete after %u runs\n",
			     wq ? wq->name : "(all)", who, KC_WQ_MAX_RUNS);
			return;
		}
		work_run(work);
	}
}

void kc_workqueue_run_pending(void)
{
	run_until_idle(NULL, "kc_workqueue_run_pending");
}

bool flush_work(struct work_struct *work)
{
	if (WARN_ON(!work->func))
		return false;
	if (!(work->data & WORK_STRUCT_PENDING))
		return false;
	work_run(work);
	return true;
}

bool flush_delayed_work(struct delayed_work *dwork)
{
	return flush_work(&dwork->work);
}

bool cancel_work(struct work_struct *work)
{
	if (!(work->data & WORK_STRUCT_PENDING))
		return false;
	work_dequeue(work);
	return true;
}

/* Nothing runs concurrently, so once dequeued the item is neither pending nor running
 * (unless called from its own function, which deadlocks in the kernel). */
bool cancel_work_sync(struct work_struct *work)
{
	return cancel_work(work);
}

bool cancel_delayed_work(struct delayed_work *dwork)
{
	return cancel_work(&dwork->work);
}

bool cancel_delayed_work_sync(struct delayed_work *dwork)
{
	return cancel_work_sync(&dwork->work);
}

void __flush_workqueue(struct workqueue_struct *wq)
{
	if (WARN_ON(!wq))
		return;
	run_until_idle(wq, "flush_workqueue");
}

void drain_workqueue(struct workqueue_struct *wq)
{
	if (WARN_ON(!wq))
		return;
	wq->flags |= __WQ_DRAINING;
	run_until_idle(wq, "drain_workqueue");
	wq->flags &= ~__WQ_DRAINING;
}

void destroy_workqueue(struct workqueue_struct *wq)
{
	struct work_struct *work, *tmp;

	if (!wq)
		return;
	wq->flags |= __WQ_DESTROYING;
	drain_workqueue(wq);
	/* A drain cut short leaves items pointing at @wq: unlink them before it goes. */
	list_for_each_entry_safe(work, tmp, &kc_work_fifo, entry) if (work->kc_wq == wq)
		work_dequeue(work);
	/* The system queues are not the caller's to free. */
	if (wq == system_wq || wq == system_highpri_wq || wq == system_long_wq ||
	    wq == system_unbound_wq || wq == system_freezable_wq ||
	    wq == system_power_efficient_wq || wq == system_freezable_power_efficient_wq) {
		WARN(1, "destroy_workqueue: %s is a system workqueue\n", wq->name);
		wq->flags &= ~__WQ_DESTROYING;
		return;
	}
	kfree(wq);
}

/* ---- completions --------------------------------------------------------------------- */

void complete(struct completion *x)
{
	if (x->done != UINT_MAX)
		x->done++;
}

void complete_all(struct completion *x)
{
	x->done = UINT_MAX;
}

bool try_wait_for_completion(struct completion *x)
{
	if (!x->done)
		return false;
	if (x->done != UINT_MAX)
		x->done--;
	return true;
}

bool completion_done(struct completion *x)
{
	return x->done != 0;
}

/* Whether @x can be consumed once everything that could complete it has run. */
static bool completion_wait(struct completion *x)
{
	if (try_wait_for_completion(x))
		return true;
	kc_workqueue_run_pending();
	return try_wait_for_completion(x);
}

void wait_for_completion(struct completion *x)
{
	might_sleep();
	/* The kernel would sleep forever: report the hang and go on. */
	WARN(!completion_wait(x), "wait_for_completion: would sleep forever\n");
}

void wait_for_completion_io(struct completion *x)
{
	wait_for_completion(x);
}

unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout)
{
	might_sleep();
	if (!completion_wait(x))
		return 0;
	return timeout ? timeout : 1;
}

unsigned long wait_for_completion_io_timeout(struct completion *x, unsigned long timeout)
{
	return wait_for_completion_timeout(x, timeout);
}

int wait_for_completion_interruptible(struct completion *x)
{
	might_sleep();
	if (completion_wait(x))
		return 0;
	WARN(1, "wait_for_completion_interruptible: would sleep until a signal\n");
	return -ERESTARTSYS;
}

int wait_for_completion_killable(struct completion *x)
{
	might_sleep();
	if (completion_wait(x))
		return 0;
	WARN(1, "wait_for_completion_killable: would sleep until killed\n");
	return -ERESTARTSYS;
}

long wait_for_completion_interruptible_timeout(struct completion *x, unsigned long timeout)
{
	might_sleep();
	if (!completion_wait(x))
		return 0;
	return timeout ? (long)timeout : 1;
}

long wait_for_completion_killable_timeout(struct completion *x, unsigned long timeout)
{
	return wait_for_completion_interruptible_timeout(x, timeout);
}
