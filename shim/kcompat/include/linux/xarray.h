/* SPDX-License-Identifier: MIT */
/*
 * XArray: a map from unsigned long indices to pointers, with the kernel's entry encoding
 * (value entries, internal entries, errors as internal entries), marks, reserved (zero)
 * entries, and ID allocation for arrays created with XA_FLAGS_ALLOC.
 *
 * The kernel keeps a radix tree; here xa_head points at a sorted array of (index, entry,
 * marks) slots (kcompat/src/xarray.c), allocated with kmalloc and freed when the last
 * entry goes, so xa_empty() is "xa_head == NULL" as in the kernel. Lookups are binary
 * searches, stores shift the array: fine for the tens of entries firmware drivers keep
 * (drivers/firmware/arm_ffa/driver.c partition_info, keyed by partition ID).
 *
 * Iteration (xa_for_each) restarts from the last index seen on every step, so erasing the
 * current entry inside the loop is safe, as ffa_partitions_cleanup() relies on.
 * Multi-index entries (xa_store_range, xas_* advanced API) are not provided.
 */
#ifndef KC_LINUX_XARRAY_H
#define KC_LINUX_XARRAY_H
#include <kc/base.h>
#include <linux/gfp.h>
#include <linux/spinlock.h>

/* ---- entries ------------------------------------------------------------------------- */
/* Pointers are 4-byte aligned, so the two low bits tag what else an entry can be:
 * x1 an integer value, 10 internal to the XArray (errors, the zero entry). */
static inline void *xa_mk_value(unsigned long v)
{
	WARN_ON((long)v < 0);
	return (void *)((v << 1) | 1);
}
static inline unsigned long xa_to_value(const void *entry)
{
	return (unsigned long)entry >> 1;
}
static inline bool xa_is_value(const void *entry)
{
	return (unsigned long)entry & 1;
}

static inline void *xa_tag_pointer(void *p, unsigned long tag)
{
	return (void *)((unsigned long)p | tag);
}
static inline void *xa_untag_pointer(void *entry)
{
	return (void *)((unsigned long)entry & ~3UL);
}
static inline unsigned int xa_pointer_tag(void *entry)
{
	return (unsigned long)entry & 3UL;
}

static inline void *xa_mk_internal(unsigned long v)
{
	return (void *)((v << 2) | 2);
}
static inline unsigned long xa_to_internal(const void *entry)
{
	return (unsigned long)entry >> 2;
}
static inline bool xa_is_internal(const void *entry)
{
	return ((unsigned long)entry & 3) == 2;
}

/* A reserved slot: occupied for xa_insert()/xa_alloc(), NULL to xa_load(), skipped by
 * xa_for_each(). Storing NULL into an allocating array leaves one of these. */
#define XA_ZERO_ENTRY xa_mk_internal(257)
static inline bool xa_is_zero(const void *entry)
{
	return entry == XA_ZERO_ENTRY;
}

/* Errors come back from xa_store()/xa_cmpxchg() as internal entries of -errno: the top
 * 4095 internal values, above every other entry when compared unsigned. */
struct xa_node;
#define XA_ERROR(errno) ((struct xa_node *)(((unsigned long)(errno) << 2) | 2UL))
static inline bool xa_is_err(const void *entry)
{
	return xa_is_internal(entry) &&
	       (unsigned long)entry >= (unsigned long)xa_mk_internal(-MAX_ERRNO);
}
static inline int xa_err(void *entry)
{
	return xa_is_err(entry) ? (int)((long)entry >> 2) : 0;
}
/* Internal entries up to this one are the XArray's own and may not be stored. */
#define XA_RETRY_ENTRY xa_mk_internal(256)
static inline bool xa_is_advanced(const void *entry)
{
	return xa_is_internal(entry) && (unsigned long)entry <= (unsigned long)XA_RETRY_ENTRY;
}

/* ---- the array ----------------------------------------------------------------------- */
typedef unsigned int xa_mark_t;
#define XA_MARK_0    ((xa_mark_t)0U)
#define XA_MARK_1    ((xa_mark_t)1U)
#define XA_MARK_2    ((xa_mark_t)2U)
#define XA_PRESENT   ((xa_mark_t)8U)
#define XA_MARK_MAX  XA_MARK_2
#define XA_FREE_MARK XA_MARK_0 /* allocating arrays keep their free-slot tracking here */

enum xa_lock_type {
	XA_LOCK_IRQ = 1,
	XA_LOCK_BH = 2,
};

#define XA_FLAGS_LOCK_IRQ      ((gfp_t)XA_LOCK_IRQ)
#define XA_FLAGS_LOCK_BH       ((gfp_t)XA_LOCK_BH)
#define XA_FLAGS_TRACK_FREE    ((gfp_t)4U)
#define XA_FLAGS_ZERO_BUSY     ((gfp_t)8U)
#define XA_FLAGS_ALLOC_WRAPPED ((gfp_t)16U)
#define XA_FLAGS_ACCOUNT       ((gfp_t)32U)
#define XA_FLAGS_MARK(mark)    ((gfp_t)((1U << 26) << (unsigned int)(mark)))
#define XA_FLAGS_ALLOC	       (XA_FLAGS_TRACK_FREE | XA_FLAGS_MARK(XA_FREE_MARK))
#define XA_FLAGS_ALLOC1	       (XA_FLAGS_TRACK_FREE | XA_FLAGS_ZERO_BUSY)

struct xarray {
	spinlock_t xa_lock;
	gfp_t xa_flags;
	void *xa_head; /* kcompat: the slot table, NULL when the array is empty */
};

#define XARRAY_INIT(name, flags)                                                                   \
	{                                                                                          \
		.xa_lock = __SPIN_LOCK_UNLOCKED(name.xa_lock), .xa_flags = flags, .xa_head = NULL, \
	}
#define DEFINE_XARRAY_FLAGS(name, flags) struct xarray name = XARRAY_INIT(name, flags)
#define DEFINE_XARRAY(name)		 DEFINE_XARRAY_FLAGS(name, 0)
#define DEFINE_XARRAY_ALLOC(name)	 DEFINE_XARRAY_FLAGS(name, XA_FLAGS_ALLOC)
#define DEFINE_XARRAY_ALLOC1(name)	 DEFINE_XARRAY_FLAGS(name, XA_FLAGS_ALLOC1)

static inline void xa_init_flags(struct xarray *xa, gfp_t flags)
{
	spin_lock_init(&xa->xa_lock);
	xa->xa_flags = flags;
	xa->xa_head = NULL;
}
static inline void xa_init(struct xarray *xa)
{
	xa_init_flags(xa, 0);
}
static inline bool xa_empty(const struct xarray *xa)
{
	return xa->xa_head == NULL;
}
static inline bool xa_marked(const struct xarray *xa, xa_mark_t mark)
{
	return xa->xa_flags & XA_FLAGS_MARK(mark);
}
static inline bool xa_track_free(const struct xarray *xa)
{
	return xa->xa_flags & XA_FLAGS_TRACK_FREE;
}
static inline bool xa_zero_busy(const struct xarray *xa)
{
	return xa->xa_flags & XA_FLAGS_ZERO_BUSY;
}

/* ID ranges for xa_alloc(), both ends inclusive. */
struct xa_limit {
	u32 max;
	u32 min;
};
#define XA_LIMIT(_min, _max) ((struct xa_limit){ .min = (_min), .max = (_max) })
#define xa_limit_32b	     XA_LIMIT(0, UINT_MAX)
#define xa_limit_31b	     XA_LIMIT(0, INT_MAX)
#define xa_limit_16b	     XA_LIMIT(0, U16_MAX)

/* ---- locking: xa_lock is a spinlock (one CPU: held or not, WARN on recursion) --------- */
#define xa_lock(xa)		     spin_lock(&(xa)->xa_lock)
#define xa_unlock(xa)		     spin_unlock(&(xa)->xa_lock)
#define xa_lock_bh(xa)		     spin_lock_bh(&(xa)->xa_lock)
#define xa_unlock_bh(xa)	     spin_unlock_bh(&(xa)->xa_lock)
#define xa_lock_irq(xa)		     spin_lock_irq(&(xa)->xa_lock)
#define xa_unlock_irq(xa)	     spin_unlock_irq(&(xa)->xa_lock)
#define xa_lock_irqsave(xa, flags)   spin_lock_irqsave(&(xa)->xa_lock, flags)
#define xa_unlock_irqrestore(xa, fl) spin_unlock_irqrestore(&(xa)->xa_lock, fl)

/* ---- normal API: takes xa_lock itself (xa_load and iteration need no lock) ----------- */
void *xa_load(struct xarray *xa, unsigned long index);
void *xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp);
void *xa_erase(struct xarray *xa, unsigned long index);
bool xa_get_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);
void xa_set_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);
void xa_clear_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);
void *xa_find(struct xarray *xa, unsigned long *indexp, unsigned long max, xa_mark_t filter);
void *xa_find_after(struct xarray *xa, unsigned long *indexp, unsigned long max, xa_mark_t filter);
/* Frees the XArray's own memory, not the entries'. */
void xa_destroy(struct xarray *xa);

/* ---- the same with xa_lock already held by the caller -------------------------------- */
void *__xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp);
void *__xa_erase(struct xarray *xa, unsigned long index);
void *__xa_cmpxchg(struct xarray *xa, unsigned long index, void *old, void *entry, gfp_t gfp);
int __xa_insert(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp);
int __xa_alloc(struct xarray *xa, u32 *id, void *entry, struct xa_limit limit, gfp_t gfp);
int __xa_alloc_cyclic(struct xarray *xa, u32 *id, void *entry, struct xa_limit limit, u32 *next,
		      gfp_t gfp);
void __xa_set_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);
void __xa_clear_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);

#define xa_store_bh(xa, i, e, g)  xa_store(xa, i, e, g)
#define xa_store_irq(xa, i, e, g) xa_store(xa, i, e, g)
#define xa_erase_bh(xa, i)	  xa_erase(xa, i)
#define xa_erase_irq(xa, i)	  xa_erase(xa, i)

static inline void *xa_cmpxchg(struct xarray *xa, unsigned long index, void *old, void *entry,
			       gfp_t gfp)
{
	void *curr;

	xa_lock(xa);
	curr = __xa_cmpxchg(xa, index, old, entry, gfp);
	xa_unlock(xa);
	return curr;
}

/* 0, or -EBUSY when @index is occupied (a reserved slot counts), -ENOMEM, -EINVAL. */
static inline int xa_insert(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	int err;

	xa_lock(xa);
	err = __xa_insert(xa, index, entry, gfp);
	xa_unlock(xa);
	return err;
}
#define xa_insert_bh(xa, i, e, g)  xa_insert(xa, i, e, g)
#define xa_insert_irq(xa, i, e, g) xa_insert(xa, i, e, g)

/* The lowest free index in @limit: 0 with *@id set, -EBUSY when none is free. */
static inline int xa_alloc(struct xarray *xa, u32 *id, void *entry, struct xa_limit limit,
			   gfp_t gfp)
{
	int err;

	xa_lock(xa);
	err = __xa_alloc(xa, id, entry, limit, gfp);
	xa_unlock(xa);
	return err;
}
#define xa_alloc_bh(xa, id, e, l, g)  xa_alloc(xa, id, e, l, g)
#define xa_alloc_irq(xa, id, e, l, g) xa_alloc(xa, id, e, l, g)

/* From *@next upwards, wrapping to @limit.min: 0, or 1 when the search wrapped. */
static inline int xa_alloc_cyclic(struct xarray *xa, u32 *id, void *entry, struct xa_limit limit,
				  u32 *next, gfp_t gfp)
{
	int err;

	xa_lock(xa);
	err = __xa_alloc_cyclic(xa, id, entry, limit, next, gfp);
	xa_unlock(xa);
	return err;
}

static inline int xa_reserve(struct xarray *xa, unsigned long index, gfp_t gfp)
{
	return xa_err(xa_cmpxchg(xa, index, NULL, XA_ZERO_ENTRY, gfp));
}
static inline void xa_release(struct xarray *xa, unsigned long index)
{
	xa_cmpxchg(xa, index, XA_ZERO_ENTRY, NULL, 0);
}

/* ---- iteration ----------------------------------------------------------------------- */
#define xa_for_each_range(xa, index, entry, start, last)                                           \
	for (index = start, entry = xa_find(xa, &index, last, XA_PRESENT); entry;                  \
	     entry = xa_find_after(xa, &index, last, XA_PRESENT))
#define xa_for_each_start(xa, index, entry, start)                                                 \
	xa_for_each_range(xa, index, entry, start, ULONG_MAX)
#define xa_for_each(xa, index, entry) xa_for_each_start(xa, index, entry, 0)
#define xa_for_each_marked(xa, index, entry, filter)                                               \
	for (index = 0, entry = xa_find(xa, &index, ULONG_MAX, filter); entry;                     \
	     entry = xa_find_after(xa, &index, ULONG_MAX, filter))
#endif
