/* SPDX-License-Identifier: MIT */
/* Kernel virtual vs simulated physical memory. Pages from the page allocator live in the
 * simulated machine's DRAM; any other kernel object (static data, kmalloc) gets a mirror
 * page in simulated memory on its first virt_to_phys(), kept in step around every SMC and
 * HVC, so firmware sees and writes the object itself. */
#ifndef KC_LINUX_MM_H
#define KC_LINUX_MM_H
#include <kc/base.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#define __phys_to_pfn(p)   ((unsigned long)((p) >> PAGE_SHIFT))
#define __pfn_to_phys(p)   ((phys_addr_t)(p) << PAGE_SHIFT)
#define PHYS_PFN(x)	   ((unsigned long)((x) >> PAGE_SHIFT))
#define virt_addr_valid(p) ((p) != NULL)
struct page;
struct page *virt_to_page(const void *addr);
void *page_address(const struct page *page);
phys_addr_t page_to_phys(const struct page *page);
struct page *alloc_pages(gfp_t gfp, unsigned int order);
void __free_pages(struct page *page, unsigned int order);
#define alloc_page(gfp) alloc_pages(gfp, 0)
#define __free_page(p)	__free_pages((p), 0)
unsigned long page_to_pfn(const struct page *page);
#endif
