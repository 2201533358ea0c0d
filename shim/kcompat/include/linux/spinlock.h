/* SPDX-License-Identifier: MIT */
#ifndef KC_LINUX_SPINLOCK_H
#define KC_LINUX_SPINLOCK_H
#include <kc/base.h>
#include <linux/cleanup.h>
typedef struct {
	int locked;
} spinlock_t;
typedef struct {
	int locked;
} raw_spinlock_t;
typedef struct {
	int readers, writer;
} rwlock_t;
#define __SPIN_LOCK_UNLOCKED(n)                                                                    \
	{                                                                                          \
		0                                                                                  \
	}
#define DEFINE_SPINLOCK(n)		 spinlock_t n = __SPIN_LOCK_UNLOCKED(n)
#define DEFINE_RAW_SPINLOCK(n)		 raw_spinlock_t n = { 0 }
#define DEFINE_RWLOCK(n)		 rwlock_t n = { 0, 0 }
#define spin_lock_init(l)		 ((l)->locked = 0)
#define raw_spin_lock_init(l)		 ((l)->locked = 0)
#define rwlock_init(l)			 ((l)->readers = (l)->writer = 0)
#define __kc_lock(l)			 (WARN((l)->locked, "spinlock recursion"), (l)->locked = 1)
#define __kc_unlock(l)			 (WARN(!(l)->locked, "spin_unlock: not held"), (l)->locked = 0)
#define spin_lock(l)			 __kc_lock(l)
#define spin_unlock(l)			 __kc_unlock(l)
#define spin_lock_bh(l)			 __kc_lock(l)
#define spin_unlock_bh(l)		 __kc_unlock(l)
#define spin_lock_irq(l)		 __kc_lock(l)
#define spin_unlock_irq(l)		 __kc_unlock(l)
#define spin_lock_irqsave(l, f)		 ((f) = 0, __kc_lock(l))
#define spin_unlock_irqrestore(l, f)	 ((void)(f), __kc_unlock(l))
#define raw_spin_lock(l)		 __kc_lock(l)
#define raw_spin_unlock(l)		 __kc_unlock(l)
#define raw_spin_lock_irqsave(l, f)	 ((f) = 0, __kc_lock(l))
#define raw_spin_unlock_irqrestore(l, f) ((void)(f), __kc_unlock(l))
#define read_lock(l)			 ((l)->readers++)
#define read_unlock(l)			 ((l)->readers--)
#define write_lock(l)			 (WARN((l)->writer, "rwlock recursion"), (l)->writer = 1)
#define write_unlock(l)			 ((l)->writer = 0)
#define read_lock_irqsave(l, f)		 ((f) = 0, read_lock(l))
#define read_unlock_irqrestore(l, f)	 ((void)(f), read_unlock(l))
#define write_lock_irqsave(l, f)	 ((f) = 0, write_lock(l))
#define write_unlock_irqrestore(l, f)	 ((void)(f), write_unlock(l))
/* Lock guards (linux/cleanup.h). */
DEFINE_LOCK_GUARD_1(spinlock, spinlock_t, spin_lock(_T->lock), spin_unlock(_T->lock))
DEFINE_LOCK_GUARD_1(spinlock_irq, spinlock_t, spin_lock_irq(_T->lock), spin_unlock_irq(_T->lock))
DEFINE_LOCK_GUARD_1(spinlock_irqsave, spinlock_t, spin_lock_irqsave(_T->lock, _T->flags),
		    spin_unlock_irqrestore(_T->lock, _T->flags))
DEFINE_LOCK_GUARD_1(raw_spinlock, raw_spinlock_t, raw_spin_lock(_T->lock),
		    raw_spin_unlock(_T->lock))
DEFINE_LOCK_GUARD_1(raw_spinlock_irqsave, raw_spinlock_t,
		    raw_spin_lock_irqsave(_T->lock, _T->flags),
		    raw_spin_unlock_irqrestore(_T->lock, _T->flags))
DEFINE_LOCK_GUARD_1(read_lock, rwlock_t, read_lock(_T->lock), read_unlock(_T->lock))
DEFINE_LOCK_GUARD_1(write_lock, rwlock_t, write_lock(_T->lock), write_unlock(_T->lock))
#define assert_spin_locked(l) WARN_ON(!(l)->locked)
#define local_irq_save(f)     ((f) = 0)
#define local_irq_restore(f)  ((void)(f))
#define local_irq_disable()                                                                        \
	do {                                                                                       \
	} while (0)
#define local_irq_enable()                                                                         \
	do {                                                                                       \
	} while (0)
#define preempt_disable()                                                                          \
	do {                                                                                       \
	} while (0)
#define preempt_enable()                                                                           \
	do {                                                                                       \
	} while (0)
#endif
