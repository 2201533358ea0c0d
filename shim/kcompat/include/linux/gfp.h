/* SPDX-License-Identifier: MIT */
#ifndef KC_LINUX_GFP_H
#define KC_LINUX_GFP_H
#include <kc/base.h>
#define __GFP_ZERO	   0x100u
#define __GFP_NOWARN	   0x200u
#define __GFP_NORETRY	   0x400u
#define __GFP_NOFAIL	   0x800u
#define GFP_KERNEL	   0x1u
#define GFP_ATOMIC	   0x2u
#define GFP_NOWAIT	   0x4u
#define GFP_DMA		   0x8u
#define GFP_DMA32	   0x10u
#define GFP_USER	   0x20u
#define GFP_NOIO	   0x40u
#define GFP_NOFS	   0x80u
#define GFP_KERNEL_ACCOUNT GFP_KERNEL
struct page;
/* Pages come from the simulated machine's memory, so firmware can reach them. */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
unsigned long get_zeroed_page(gfp_t gfp);
#define __get_free_page(gfp) __get_free_pages((gfp), 0)
void free_pages(unsigned long addr, unsigned int order);
#define free_page(addr) free_pages((addr), 0)
void *alloc_pages_exact(size_t size, gfp_t gfp);
void free_pages_exact(void *virt, size_t size);
static inline int get_order(unsigned long size)
{
	int order = 0;
	size = (size - 1) >> PAGE_SHIFT;
	while (size) {
		order++;
		size >>= 1;
	}
	return order;
}
#endif
