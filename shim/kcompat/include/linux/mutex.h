/* SPDX-License-Identifier: MIT */
/* Locks. The kernel runs on one host thread, so a lock only has to be correct about being
 * held: taking a held mutex is a deadlock in the kernel, and a WARN here. */
#ifndef KC_LINUX_MUTEX_H
#define KC_LINUX_MUTEX_H
#include <kc/base.h>
#include <linux/cleanup.h>
struct mutex {
	int locked;
};
struct lock_class_key {
	int unused;
};
#define __MUTEX_INITIALIZER(n)                                                                     \
	{                                                                                          \
		0                                                                                  \
	}
#define DEFINE_MUTEX(n)	 struct mutex n = __MUTEX_INITIALIZER(n)
#define mutex_init(m)	 ((m)->locked = 0)
#define mutex_destroy(m) ((void)(m))
static inline void mutex_lock(struct mutex *m)
{
	WARN(m->locked, "mutex_lock: deadlock (mutex already held)");
	m->locked = 1;
}
static inline int mutex_trylock(struct mutex *m)
{
	if (m->locked)
		return 0;
	m->locked = 1;
	return 1;
}
static inline void mutex_unlock(struct mutex *m)
{
	WARN(!m->locked, "mutex_unlock: not held");
	m->locked = 0;
}
static inline bool mutex_is_locked(struct mutex *m)
{
	return m->locked;
}
#define mutex_lock_interruptible(m) (mutex_lock(m), 0)
#define lockdep_assert_held(m)	    WARN_ON(!(m)->locked)
DEFINE_GUARD(mutex, struct mutex *, mutex_lock(_T), mutex_unlock(_T))
#endif
