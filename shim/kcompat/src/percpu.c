// SPDX-License-Identifier: MIT
/*
 * Dynamic per-CPU memory with one CPU: one zeroed copy, aligned as asked (mm/percpu.c
 * aligns to any power of two up to PAGE_SIZE). kmalloc guarantees less, so each block is
 * over-allocated and the start of the kmalloc block is kept just below the aligned copy
 * for free_percpu().
 */
#include <linux/percpu.h>
#include <linux/slab.h>
#include <linux/log2.h>
#include <linux/bug.h>

void __percpu *__alloc_percpu_gfp(size_t size, size_t align, gfp_t gfp)
{
	unsigned long base, copy;
	void *raw;

	/* mm/percpu.c pcpu_alloc(): such a request is a caller bug, WARNed and refused. */
	if (WARN(!size || !align || align > PAGE_SIZE || !is_power_of_2(align),
		 "illegal size (%zu) or align (%zu) for percpu allocation\n", size, align))
		return NULL;
	if (align < sizeof(void *))
		align = sizeof(void *);
	raw = kzalloc(size + align + sizeof(void *), gfp);
	if (!raw)
		return NULL;
	base = (unsigned long)raw + sizeof(void *);
	copy = ALIGN(base, align);
	((void **)copy)[-1] = raw;
	return (void __percpu *)copy;
}

void __percpu *__alloc_percpu(size_t size, size_t align)
{
	return __alloc_percpu_gfp(size, align, GFP_KERNEL);
}

void free_percpu(void __percpu *pdata)
{
	if (!pdata)
		return;
	kfree(((void **)pdata)[-1]);
}
