// SPDX-License-Identifier: MIT
/*
 * IDA as an allocating XArray (linux/idr.h): an ID in use is an occupied index, so the
 * lowest free ID is the first gap, and ida_destroy() is xa_destroy(). The stored entry is
 * a value entry rather than NULL so ida_free() can tell a used ID from a free one.
 */
#include <linux/idr.h>
#include <linux/bug.h>
#include <linux/errno.h>

#define KC_IDA_IN_USE xa_mk_value(1)

int ida_alloc_range(struct ida *ida, unsigned int min, unsigned int max, gfp_t gfp)
{
	u32 id;
	int err;

	/* IDs are non-negative ints (lib/idr.c ida_alloc_range()). */
	if ((int)min < 0)
		return -ENOSPC;
	if ((int)max < 0)
		max = INT_MAX;
	err = xa_alloc(&ida->xa, &id, KC_IDA_IN_USE, XA_LIMIT(min, max), gfp);
	/* A full XArray range is -EBUSY; a full IDA range is -ENOSPC. */
	if (err == -EBUSY)
		return -ENOSPC;
	return err ? err : (int)id;
}

void ida_free(struct ida *ida, unsigned int id)
{
	/* The kernel BUG()s on a negative ID: a caller passing an error code as an ID. */
	BUG_ON((int)id < 0);
	if (!xa_erase(&ida->xa, id))
		WARN(1, "ida_free called for id=%d which is not allocated.\n", id);
}

void ida_destroy(struct ida *ida)
{
	xa_destroy(&ida->xa);
}
