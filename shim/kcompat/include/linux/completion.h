/* SPDX-License-Identifier: MIT */
/*
 * Completions: a count of complete() calls that waiters consume. With one host thread
 * nothing can complete a waiter while it sleeps, except work still queued
 * (linux/workqueue.h): a wait runs every pending work item first, then either consumes
 * a completion or takes the path a kernel takes when the completer never comes. With a
 * timeout that is the timeout (time does not pass, so it expires at once); without one
 * the kernel would hang, which is reported with a WARN and the wait returns.
 * kcompat/src/workqueue.c.
 */
#ifndef KC_LINUX_COMPLETION_H
#define KC_LINUX_COMPLETION_H
#include <kc/base.h>

#define MAX_SCHEDULE_TIMEOUT LONG_MAX

struct completion {
	unsigned int done; /* UINT_MAX after complete_all(): every wait succeeds */
};

#define COMPLETION_INITIALIZER(work)                                                               \
	{                                                                                          \
		0                                                                                  \
	}
#define COMPLETION_INITIALIZER_ONSTACK(work) COMPLETION_INITIALIZER(work)
#define DECLARE_COMPLETION(work)	     struct completion work = COMPLETION_INITIALIZER(work)
#define DECLARE_COMPLETION_ONSTACK(work)     DECLARE_COMPLETION(work)

static inline void init_completion(struct completion *x)
{
	x->done = 0;
}
static inline void reinit_completion(struct completion *x)
{
	x->done = 0;
}

void complete(struct completion *x);
void complete_all(struct completion *x);
void wait_for_completion(struct completion *x);
void wait_for_completion_io(struct completion *x);
/* 0 on timeout, else the jiffies left (at least 1). */
unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout);
unsigned long wait_for_completion_io_timeout(struct completion *x, unsigned long timeout);
/* 0, or -ERESTARTSYS: no signal ever comes, so a wait that cannot finish WARNs and
 * returns as if interrupted rather than hang. */
int wait_for_completion_interruptible(struct completion *x);
int wait_for_completion_killable(struct completion *x);
long wait_for_completion_interruptible_timeout(struct completion *x, unsigned long timeout);
long wait_for_completion_killable_timeout(struct completion *x, unsigned long timeout);
bool try_wait_for_completion(struct completion *x);
bool completion_done(struct completion *x);
#endif
