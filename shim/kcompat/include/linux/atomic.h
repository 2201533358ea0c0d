/* SPDX-License-Identifier: MIT */
#ifndef KC_LINUX_ATOMIC_H
#define KC_LINUX_ATOMIC_H
#include <kc/base.h>
#define ATOMIC_INIT(i)                                                                             \
	{                                                                                          \
		(i)                                                                                \
	}
#define atomic_read(v)	       READ_ONCE((v)->counter)
#define atomic_set(v, i)       WRITE_ONCE((v)->counter, (i))
#define atomic_inc(v)	       ((void)__atomic_add_fetch(&(v)->counter, 1, __ATOMIC_SEQ_CST))
#define atomic_dec(v)	       ((void)__atomic_sub_fetch(&(v)->counter, 1, __ATOMIC_SEQ_CST))
#define atomic_inc_return(v)   __atomic_add_fetch(&(v)->counter, 1, __ATOMIC_SEQ_CST)
#define atomic_dec_return(v)   __atomic_sub_fetch(&(v)->counter, 1, __ATOMIC_SEQ_CST)
#define atomic_dec_and_test(v) (atomic_dec_return(v) == 0)
#define atomic_add(i, v)       ((void)__atomic_add_fetch(&(v)->counter, (i), __ATOMIC_SEQ_CST))
#define atomic_sub(i, v)       ((void)__atomic_sub_fetch(&(v)->counter, (i), __ATOMIC_SEQ_CST))
#define atomic64_read(v)       READ_ONCE((v)->counter)
#define atomic64_set(v, i)     WRITE_ONCE((v)->counter, (i))
#define atomic64_inc_return(v) __atomic_add_fetch(&(v)->counter, 1, __ATOMIC_SEQ_CST)
#define cmpxchg(p, o, n)                                                                           \
	({                                                                                         \
		__typeof__(*(p)) __o = (o);                                                        \
		__atomic_compare_exchange_n(p, &__o, n, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);    \
		__o;                                                                               \
	})
#define xchg(p, n) __atomic_exchange_n(p, n, __ATOMIC_SEQ_CST)
#endif
