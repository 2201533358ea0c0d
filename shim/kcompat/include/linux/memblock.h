/* SPDX-License-Identifier: MIT */
/*
 * Early memory as arm64 setup code sees it. memblock.memory is the simulated machine's
 * memory regions in profile order (kc_host_mem_region()), one range each, which is what
 * for_each_mem_range() walks (arch/arm64/kernel/rsi.c converts each to RIPAS RAM).
 * memblock_alloc() is zeroed kernel memory (freed like any other at the end of a boot);
 * memory from it reaches firmware through virt_to_phys() like static data does.
 */
#ifndef KC_LINUX_MEMBLOCK_H
#define KC_LINUX_MEMBLOCK_H
#include <kc/base.h>
#include <linux/mm.h>

#define NUMA_NO_NODE (-1)

void *memblock_alloc(phys_addr_t size, phys_addr_t align);
void *memblock_alloc_or_panic(phys_addr_t size, phys_addr_t align);
void memblock_free(void *ptr, size_t size);
#define memblock_alloc_raw	     memblock_alloc
#define memblock_alloc_node(s, a, n) memblock_alloc(s, a)

/* Range *@idx of memblock.memory as [*@start, *@end); false past the last. */
bool kc_memblock_range(u64 idx, phys_addr_t *start, phys_addr_t *end);
#define for_each_mem_range(i, p_start, p_end)                                                      \
	for ((i) = 0; kc_memblock_range((i), (p_start), (p_end)); (i)++)
phys_addr_t memblock_start_of_DRAM(void);
phys_addr_t memblock_end_of_DRAM(void);
phys_addr_t memblock_phys_mem_size(void);
#endif
