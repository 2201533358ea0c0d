/* SPDX-License-Identifier: MIT */
/*
 * Fixed-size hash tables of hlist buckets (2^bits of them), keyed by an integer, as
 * drivers/firmware/arm_ffa/driver.c keeps its notifier callbacks (notifier_hash,
 * notifier_hash_node_get()). The _rcu forms are the plain ones: one CPU, no readers to
 * race with.
 */
#ifndef KC_LINUX_HASHTABLE_H
#define KC_LINUX_HASHTABLE_H
#include <kc/base.h>
#include <linux/list.h>
#include <linux/kernel.h>
#include <linux/hash.h>
#include <linux/log2.h>

#define DEFINE_HASHTABLE(name, bits)                                                               \
	struct hlist_head name[1 << (bits)] = { [0 ...((1 << (bits)) - 1)] = HLIST_HEAD_INIT }
#define DEFINE_READ_MOSTLY_HASHTABLE(name, bits) DEFINE_HASHTABLE(name, bits)
#define DECLARE_HASHTABLE(name, bits)		 struct hlist_head name[1 << (bits)]

#define HASH_SIZE(name) (ARRAY_SIZE(name))
#define HASH_BITS(name) ilog2(HASH_SIZE(name))

/* Keys of up to 32 bits hash as u32, wider ones as u64, so a table keyed by int and one
 * keyed by u64 spread the same values the kernel's way. */
#define hash_min(val, bits) (sizeof(val) <= 4 ? hash_32(val, bits) : hash_long(val, bits))

static inline void __hash_init(struct hlist_head *ht, unsigned int sz)
{
	unsigned int i;

	for (i = 0; i < sz; i++)
		INIT_HLIST_HEAD(&ht[i]);
}
#define hash_init(hashtable) __hash_init(hashtable, HASH_SIZE(hashtable))

#define hash_add(hashtable, node, key)                                                             \
	hlist_add_head(node, &hashtable[hash_min(key, HASH_BITS(hashtable))])
#define hash_add_rcu(hashtable, node, key) hash_add(hashtable, node, key)

static inline bool hash_hashed(struct hlist_node *node)
{
	return !hlist_unhashed(node);
}

static inline bool __hash_empty(struct hlist_head *ht, unsigned int sz)
{
	unsigned int i;

	for (i = 0; i < sz; i++)
		if (!hlist_empty(&ht[i]))
			return false;
	return true;
}
#define hash_empty(hashtable) __hash_empty(hashtable, HASH_SIZE(hashtable))

/* Removal leaves the node unhashed (hash_hashed() false), so deleting twice is harmless. */
static inline void hash_del(struct hlist_node *node)
{
	hlist_del_init(node);
}
#define hash_del_rcu(node) hash_del(node)

/* Every object, bucket by bucket. A break in the body leaves @obj set, which ends the
 * bucket loop as well. */
/* clang-format off */
#define hash_for_each(name, bkt, obj, member)                                                      \
	for ((bkt) = 0, obj = NULL; obj == NULL && (bkt) < (int)HASH_SIZE(name); (bkt)++)          \
		hlist_for_each_entry(obj, &name[bkt], member)
#define hash_for_each_rcu(name, bkt, obj, member) hash_for_each(name, bkt, obj, member)

/* Safe against removal of @obj: @tmp holds the next node. */
#define hash_for_each_safe(name, bkt, tmp, obj, member)                                            \
	for ((bkt) = 0, obj = NULL; obj == NULL && (bkt) < (int)HASH_SIZE(name); (bkt)++)          \
		hlist_for_each_entry_safe(obj, tmp, &name[bkt], member)
/* clang-format on */

/* Every object whose key hashes to @key's bucket: the caller still compares keys. */
#define hash_for_each_possible(name, obj, member, key)                                             \
	hlist_for_each_entry(obj, &name[hash_min(key, HASH_BITS(name))], member)
#define hash_for_each_possible_rcu(name, obj, member, key, ...)                                    \
	hash_for_each_possible(name, obj, member, key)
#define hash_for_each_possible_rcu_notrace(name, obj, member, key)                                 \
	hash_for_each_possible(name, obj, member, key)
#define hash_for_each_possible_safe(name, obj, tmp, member, key)                                   \
	hlist_for_each_entry_safe(obj, tmp, &name[hash_min(key, HASH_BITS(name))], member)
#endif
