/* SPDX-License-Identifier: MIT */
/*
 * Scope-based cleanup as newer kernel code writes it: __free(name) variables, CLASS(),
 * guard(lock)(&l) and scoped_guard(lock, &l) { ... }. Built on the compiler's cleanup
 * attribute, as the kernel's are: leaving the scope by any path (return, break, goto)
 * runs the destructor. Lock guards for the locks of this layer are defined next to the
 * locks (linux/mutex.h, linux/spinlock.h); __free(kfree) and friends in linux/slab.h.
 * Conditional guards (trylock forms) are not provided.
 */
#ifndef KC_LINUX_CLEANUP_H
#define KC_LINUX_CLEANUP_H
#include <kc/base.h>

#define __cleanup(fn) __attribute__((cleanup(fn)))

/* DEFINE_FREE(name, type, free-expression of _T); `type p __free(name) = ...;` */
#define DEFINE_FREE(_name, _type, _free)                                                           \
	static inline void __free_##_name(void *p)                                                 \
	{                                                                                          \
		_type _T = *(_type *)p;                                                            \
		_free;                                                                             \
	}
#define __free(_name) __cleanup(__free_##_name)

/* Take the pointer out of a __free() variable: it is no longer freed at scope exit. */
#define no_free_ptr(p)                                                                             \
	({                                                                                         \
		__auto_type __kc_ptr = (p);                                                        \
		(p) = NULL;                                                                        \
		__kc_ptr;                                                                          \
	})
#define return_ptr(p)	       return no_free_ptr(p)
#define retain_and_null_ptr(p) ((void)no_free_ptr(p))

/* A class: a type with a constructor and a destructor run at scope exit. */
#define DEFINE_CLASS(_name, _type, _exit, _init, _init_args...)                                    \
	typedef _type class_##_name##_t;                                                           \
	static inline void class_##_name##_destructor(_type *p)                                    \
	{                                                                                          \
		_type _T = *p;                                                                     \
		_exit;                                                                             \
	}                                                                                          \
	static inline _type class_##_name##_constructor(_init_args)                                \
	{                                                                                          \
		_type t = _init;                                                                   \
		return t;                                                                          \
	}
#define CLASS(_name, var)                                                                          \
	class_##_name##_t var __attribute__((unused)) __cleanup(class_##_name##_destructor) =      \
		class_##_name##_constructor

/* A guard over a lock taken through a pointer of @_type (mutex). */
#define DEFINE_GUARD(_name, _type, _lock, _unlock)                                                 \
	DEFINE_CLASS(                                                                              \
		_name, _type, if (_T) { _unlock; }, ({                                             \
			_lock;                                                                     \
			_T;                                                                        \
		}),                                                                                \
		_type _T)

/* A guard that keeps the lock pointer in ->lock (spinlocks, rwlocks): _lock and _unlock
 * see `_T->lock`. The _irqsave form also keeps ->flags. */
#define DEFINE_LOCK_GUARD_1(_name, _type, _lock, _unlock)                                          \
	typedef struct {                                                                           \
		_type *lock;                                                                       \
		unsigned long flags;                                                               \
	} class_##_name##_t;                                                                       \
	static inline void class_##_name##_destructor(class_##_name##_t *_T)                       \
	{                                                                                          \
		if (_T->lock) {                                                                    \
			_unlock;                                                                   \
		}                                                                                  \
	}                                                                                          \
	static inline class_##_name##_t class_##_name##_constructor(_type *l)                      \
	{                                                                                          \
		class_##_name##_t _t = { .lock = l }, *_T = &_t;                                   \
		_lock;                                                                             \
		return _t;                                                                         \
	}

/* guard(mutex)(&m); holds the lock to the end of the enclosing scope. */
#define guard(_name) CLASS(_name, __UNIQUE_ID(guard))

/* scoped_guard(mutex, &m) { ... }: holds the lock for the statement that follows. */
#define scoped_guard(_name, args...)                                                               \
	for (CLASS(_name, __kc_scope)(args), *__kc_done = NULL; !__kc_done; __kc_done = (void *)1)

#endif
