/* SPDX-License-Identifier: MIT */
/*
 * Pages over the machine's simulated DRAM. alloc_pages_exact() hands out page-aligned
 * memory from a carve-out of the current shim kernel's DRAM (see struct
 * smcsim_kernel_opts), so virt_to_phys() of it is a PA the firmware models can read and
 * write. kmalloc() memory is host heap: virt_to_phys() of it returns PHYS_ADDR_INVALID
 * and warns, as the real thing would be a bug on a Realm or FF-A buffer.
 */
#ifndef SMCSIM_SHIM_LINUX_MM_H
#define SMCSIM_SHIM_LINUX_MM_H

#include "linux/smcsim-kernel.h"

#define PAGE_SHIFT	  12
#define PAGE_SIZE	  (1UL << PAGE_SHIFT)
#define PAGE_MASK	  (~(PAGE_SIZE - 1))
#define PAGE_ALIGN(x)	  (((x) + PAGE_SIZE - 1) & PAGE_MASK)
#define SZ_4K		  0x1000
#define SZ_16K		  0x4000
#define SZ_64K		  0x10000
#define PHYS_ADDR_INVALID (~(phys_addr_t)0)

typedef unsigned int gfp_t;
#define GFP_KERNEL 0u
#define __GFP_ZERO 1u
#define GFP_ATOMIC 0u

void *alloc_pages_exact(size_t size, gfp_t gfp);
void free_pages_exact(void *virt, size_t size);
phys_addr_t virt_to_phys(const volatile void *addr);
void *phys_to_virt(phys_addr_t pa);
#define __pa(x) virt_to_phys(x)
#define __va(x) phys_to_virt(x)

void *kmalloc(size_t size, gfp_t gfp);
void *kzalloc(size_t size, gfp_t gfp);
void *kcalloc(size_t n, size_t size, gfp_t gfp);
void kfree(const void *p);

#endif
