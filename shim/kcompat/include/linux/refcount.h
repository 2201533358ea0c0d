/* SPDX-License-Identifier: MIT */
#ifndef KC_LINUX_REFCOUNT_H
#define KC_LINUX_REFCOUNT_H
#include <kc/base.h>
#define REFCOUNT_INIT(n)                                                                           \
	{                                                                                          \
		.refs = (n)                                                                        \
	}
static inline void refcount_set(refcount_t *r, int n)
{
	r->refs = n;
}
static inline unsigned int refcount_read(const refcount_t *r)
{
	return (unsigned int)r->refs;
}
static inline void refcount_inc(refcount_t *r)
{
	WARN_ON(r->refs <= 0);
	r->refs++;
}
static inline bool refcount_dec_and_test(refcount_t *r)
{
	WARN_ON(r->refs <= 0);
	return --r->refs == 0;
}
static inline void refcount_dec(refcount_t *r)
{
	WARN_ON(r->refs <= 1);
	r->refs--;
}
#endif
