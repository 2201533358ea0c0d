/* SPDX-License-Identifier: MIT */
/*
 * IDA: allocation of small unique integer IDs, as drivers/firmware/arm_ffa/bus.c numbers
 * its devices "arm-ffa-<id>" from 1 (ffa_device_register() -> ida_alloc_min(.., 1, ..)).
 * Like the kernel's, an IDA is an allocating XArray; each ID in use is one entry, so the
 * lowest free ID in range is always the one handed out. kcompat/src/ida.c.
 *
 * The IDR (ID -> pointer maps) is not provided: use an allocating XArray.
 */
#ifndef KC_LINUX_IDR_H
#define KC_LINUX_IDR_H
#include <kc/base.h>
#include <linux/gfp.h>
#include <linux/xarray.h>

struct ida {
	struct xarray xa;
};

#define IDA_INIT_FLAGS (XA_FLAGS_LOCK_IRQ | XA_FLAGS_ALLOC)
#define IDA_INIT(name)                                                                             \
	{                                                                                          \
		.xa = XARRAY_INIT(name, IDA_INIT_FLAGS)                                            \
	}
#define DEFINE_IDA(name) struct ida name = IDA_INIT(name)

/* The lowest free ID in [@min, @max] (@max above INT_MAX means INT_MAX): the ID, or
 * -ENOSPC when the range is full or @min is above INT_MAX, -ENOMEM. */
int ida_alloc_range(struct ida *ida, unsigned int min, unsigned int max, gfp_t gfp);
/* Freeing an ID not in use WARNs, as the kernel does. */
void ida_free(struct ida *ida, unsigned int id);
void ida_destroy(struct ida *ida);

static inline int ida_alloc(struct ida *ida, gfp_t gfp)
{
	return ida_alloc_range(ida, 0, ~0U, gfp);
}
static inline int ida_alloc_min(struct ida *ida, unsigned int min, gfp_t gfp)
{
	return ida_alloc_range(ida, min, ~0U, gfp);
}
static inline int ida_alloc_max(struct ida *ida, unsigned int max, gfp_t gfp)
{
	return ida_alloc_range(ida, 0, max, gfp);
}
static inline void ida_init(struct ida *ida)
{
	xa_init_flags(&ida->xa, IDA_INIT_FLAGS);
}
static inline bool ida_is_empty(const struct ida *ida)
{
	return xa_empty(&ida->xa);
}
#define ida_simple_get(ida, start, end, gfp) ida_alloc_range(ida, start, (end)-1, gfp)
#define ida_simple_remove(ida, id)	     ida_free(ida, id)
#endif
