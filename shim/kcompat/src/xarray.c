// SPDX-License-Identifier: MIT
/*
 * XArray over a sorted slot table (linux/xarray.h says why not a radix tree).
 *
 * xa->xa_head is NULL or a struct kc_xa_table whose slots are sorted by index, one per
 * occupied index, holding the entry exactly as stored (XA_ZERO_ENTRY for a reserved
 * slot) and its marks. The table is freed when its last slot goes, so xa_empty() is
 * exact. Functions follow the kernel's lib/xarray.c contracts: what each returns for a
 * reserved slot, an error, or an entry the XArray may not hold.
 */
#include <linux/xarray.h>
#include <linux/slab.h>
#include <linux/bug.h>
#include <linux/errno.h>

struct kc_xa_slot {
	unsigned long index;
	void *entry;
	unsigned int marks; /* bit n = XA_MARK_n */
};

struct kc_xa_table {
	unsigned int nr;
	unsigned int cap;
	struct kc_xa_slot slot[];
};

#define KC_XA_MIN_CAP 8U

static struct kc_xa_table *xa_table(const struct xarray *xa)
{
	return xa->xa_head;
}

/* Position of the first slot with index >= @index (nr when none). */
static unsigned int xa_lower_bound(const struct kc_xa_table *t, unsigned long index)
{
	unsigned int lo = 0, hi = t ? t->nr : 0;

	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (t->slot[mid].index < index)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static struct kc_xa_slot *xa_slot(const struct xarray *xa, unsigned long index)
{
	struct kc_xa_table *t = xa_table(xa);
	unsigned int pos = xa_lower_bound(t, index);

	if (!t || pos == t->nr || t->slot[pos].index != index)
		return NULL;
	return &t->slot[pos];
}

/* The array-wide mark bits in xa_flags say whether any entry carries the mark
 * (xa_marked()). An allocating array's free mark is its own bookkeeping and stays set. */
static void xa_update_marks(struct xarray *xa)
{
	struct kc_xa_table *t = xa_table(xa);
	xa_mark_t mark;

	for (mark = XA_MARK_0; mark <= XA_MARK_MAX; mark++) {
		bool any = false;
		unsigned int i;

		if (mark == XA_FREE_MARK && xa_track_free(xa))
			continue;
		for (i = 0; t && i < t->nr && !any; i++)
			any = t->slot[i].marks & (1U << mark);
		if (any)
			xa->xa_flags |= XA_FLAGS_MARK(mark);
		else
			xa->xa_flags &= ~XA_FLAGS_MARK(mark);
	}
}

/* Put @entry (not NULL) at @index, replacing what is there (marks stay, as a store over
 * an occupied slot keeps them in the kernel). Returns the old entry, or an error entry. */
static void *xa_put(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	struct kc_xa_table *t = xa_table(xa);
	unsigned int pos = xa_lower_bound(t, index);
	void *old;

	if (t && pos < t->nr && t->slot[pos].index == index) {
		old = t->slot[pos].entry;
		t->slot[pos].entry = entry;
		return old;
	}
	if (!t || t->nr == t->cap) {
		unsigned int cap = t ? t->cap * 2 : KC_XA_MIN_CAP;
		struct kc_xa_table *n;

		n = krealloc(t, sizeof(*n) + (size_t)cap * sizeof(n->slot[0]), gfp);
		if (!n)
			return XA_ERROR(-ENOMEM);
		if (!t)
			n->nr = 0;
		n->cap = cap;
		t = n;
		xa->xa_head = t;
	}
	memmove(&t->slot[pos + 1], &t->slot[pos], (t->nr - pos) * sizeof(t->slot[0]));
	t->slot[pos].index = index;
	t->slot[pos].entry = entry;
	t->slot[pos].marks = 0;
	t->nr++;
	return NULL;
}

/* Empty @index; returns what was there, as stored (NULL when nothing). */
static void *xa_remove(struct xarray *xa, unsigned long index)
{
	struct kc_xa_table *t = xa_table(xa);
	unsigned int pos = xa_lower_bound(t, index);
	bool marked;
	void *old;

	if (!t || pos == t->nr || t->slot[pos].index != index)
		return NULL;
	old = t->slot[pos].entry;
	marked = t->slot[pos].marks != 0;
	t->nr--;
	memmove(&t->slot[pos], &t->slot[pos + 1], (t->nr - pos) * sizeof(t->slot[0]));
	if (!t->nr) {
		kfree(t);
		xa->xa_head = NULL;
	}
	if (marked)
		xa_update_marks(xa);
	return old;
}

static void *xa_zero_to_null(void *entry)
{
	return xa_is_zero(entry) ? NULL : entry;
}

void *xa_load(struct xarray *xa, unsigned long index)
{
	struct kc_xa_slot *s = xa_slot(xa, index);

	/* A reserved slot reads as empty (lib/xarray.c xa_load()). */
	return s ? xa_zero_to_null(s->entry) : NULL;
}

void *__xa_erase(struct xarray *xa, unsigned long index)
{
	return xa_zero_to_null(xa_remove(xa, index));
}

void *xa_erase(struct xarray *xa, unsigned long index)
{
	void *entry;

	xa_lock(xa);
	entry = __xa_erase(xa, index);
	xa_unlock(xa);
	return entry;
}

void *__xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	void *curr;

	/* The XArray's own internal entries cannot be stored by users. */
	if (WARN_ON_ONCE(xa_is_advanced(entry)))
		return XA_ERROR(-EINVAL);
	/* In an allocating array a stored NULL keeps the index allocated. */
	if (xa_track_free(xa) && !entry)
		entry = XA_ZERO_ENTRY;
	if (!entry)
		return __xa_erase(xa, index);
	curr = xa_put(xa, index, entry, gfp);
	return xa_is_err(curr) ? curr : xa_zero_to_null(curr);
}

void *xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	void *curr;

	xa_lock(xa);
	curr = __xa_store(xa, index, entry, gfp);
	xa_unlock(xa);
	return curr;
}

void *__xa_cmpxchg(struct xarray *xa, unsigned long index, void *old, void *entry, gfp_t gfp)
{
	struct kc_xa_slot *s;
	void *curr;

	if (WARN_ON_ONCE(xa_is_advanced(entry)))
		return XA_ERROR(-EINVAL);
	/* Compared raw, so xa_release() can match a reserved slot with XA_ZERO_ENTRY; unlike
	 * xa_store(), exchanging for NULL frees the index even in an allocating array. */
	s = xa_slot(xa, index);
	curr = s ? s->entry : NULL;
	if (curr == old) {
		if (entry) {
			void *r = xa_put(xa, index, entry, gfp);

			if (xa_is_err(r))
				return r;
		} else {
			xa_remove(xa, index);
		}
	}
	return xa_zero_to_null(curr);
}

int __xa_insert(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	void *r;

	if (WARN_ON_ONCE(xa_is_advanced(entry)))
		return -EINVAL;
	/* Inserting NULL reserves the index (xa_insert() documents this). */
	if (!entry)
		entry = XA_ZERO_ENTRY;
	if (xa_slot(xa, index))
		return -EBUSY;
	r = xa_put(xa, index, entry, gfp);
	return xa_err(r);
}

int __xa_alloc(struct xarray *xa, u32 *id, void *entry, struct xa_limit limit, gfp_t gfp)
{
	struct kc_xa_table *t = xa_table(xa);
	unsigned long index = limit.min;
	unsigned int pos;
	void *r;

	if (WARN_ON_ONCE(xa_is_advanced(entry)))
		return -EINVAL;
	/* Only arrays made with XA_FLAGS_ALLOC/ALLOC1 track free indices. */
	if (WARN_ON_ONCE(!xa_track_free(xa)))
		return -EINVAL;
	if (!entry)
		entry = XA_ZERO_ENTRY;
	/* XA_FLAGS_ALLOC1: index 0 is never handed out. */
	if (xa_zero_busy(xa) && index == 0)
		index = 1;
	/* Walk the occupied indices from @index up: the first gap is the lowest free one. */
	for (pos = xa_lower_bound(t, index); t && pos < t->nr; pos++) {
		if (t->slot[pos].index != index)
			break;
		index++;
	}
	if (index > limit.max || limit.min > limit.max)
		return -EBUSY;
	r = xa_put(xa, index, entry, gfp);
	if (xa_is_err(r))
		return xa_err(r);
	*id = (u32)index;
	return 0;
}

int __xa_alloc_cyclic(struct xarray *xa, u32 *id, void *entry, struct xa_limit limit, u32 *next,
		      gfp_t gfp)
{
	u32 min = limit.min;
	int ret;

	limit.min = max(min, *next);
	ret = __xa_alloc(xa, id, entry, limit, gfp);
	/* The previous allocation took the last index: this one wrapped. */
	if ((xa->xa_flags & XA_FLAGS_ALLOC_WRAPPED) && ret == 0) {
		xa->xa_flags &= ~XA_FLAGS_ALLOC_WRAPPED;
		ret = 1;
	}
	if (ret < 0 && limit.min > min) {
		limit.min = min;
		ret = __xa_alloc(xa, id, entry, limit, gfp);
		if (ret == 0)
			ret = 1;
	}
	if (ret >= 0) {
		*next = *id + 1;
		if (*next == 0)
			xa->xa_flags |= XA_FLAGS_ALLOC_WRAPPED;
	}
	return ret;
}

bool xa_get_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	struct kc_xa_slot *s = xa_slot(xa, index);

	return s && mark <= XA_MARK_MAX && (s->marks & (1U << mark));
}

void __xa_set_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	struct kc_xa_slot *s = xa_slot(xa, index);

	if (WARN_ON_ONCE(mark > XA_MARK_MAX))
		return;
	/* Only present entries carry marks. */
	if (!s)
		return;
	s->marks |= 1U << mark;
	xa_update_marks(xa);
}

void __xa_clear_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	struct kc_xa_slot *s = xa_slot(xa, index);

	if (WARN_ON_ONCE(mark > XA_MARK_MAX))
		return;
	if (!s)
		return;
	s->marks &= ~(1U << mark);
	xa_update_marks(xa);
}

void xa_set_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	xa_lock(xa);
	__xa_set_mark(xa, index, mark);
	xa_unlock(xa);
}

void xa_clear_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	xa_lock(xa);
	__xa_clear_mark(xa, index, mark);
	xa_unlock(xa);
}

/* First visible slot at position >= @pos with index <= @max matching @filter: reserved
 * slots are skipped, as the kernel's iteration skips them. */
static void *xa_scan(struct xarray *xa, unsigned int pos, unsigned long *indexp, unsigned long max,
		     xa_mark_t filter)
{
	struct kc_xa_table *t = xa_table(xa);

	for (; t && pos < t->nr && t->slot[pos].index <= max; pos++) {
		struct kc_xa_slot *s = &t->slot[pos];

		if (xa_is_zero(s->entry))
			continue;
		if (filter != XA_PRESENT && !(filter <= XA_MARK_MAX && (s->marks & (1U << filter))))
			continue;
		*indexp = s->index;
		return s->entry;
	}
	return NULL;
}

void *xa_find(struct xarray *xa, unsigned long *indexp, unsigned long max, xa_mark_t filter)
{
	return xa_scan(xa, xa_lower_bound(xa_table(xa), *indexp), indexp, max, filter);
}

void *xa_find_after(struct xarray *xa, unsigned long *indexp, unsigned long max, xa_mark_t filter)
{
	/* Nothing follows the last index; the kernel stops rather than wrap to 0. */
	if (*indexp == ULONG_MAX)
		return NULL;
	return xa_scan(xa, xa_lower_bound(xa_table(xa), *indexp + 1), indexp, max, filter);
}

void xa_destroy(struct xarray *xa)
{
	xa_lock(xa);
	kfree(xa->xa_head);
	xa->xa_head = NULL;
	xa_update_marks(xa);
	xa_unlock(xa);
}
