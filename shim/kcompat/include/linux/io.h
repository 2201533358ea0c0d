/* SPDX-License-Identifier: MIT */
#ifndef KC_LINUX_IO_H
#define KC_LINUX_IO_H
#include <kc/base.h>
#include <linux/mm.h>
/* Memory-mapped I/O onto simulated memory (no device models): memremap/ioremap of RAM. */
void *memremap(resource_size_t offset, size_t size, unsigned long flags);
void memunmap(void *addr);
#define MEMREMAP_WB 1
#define MEMREMAP_WT 2
#define MEMREMAP_WC 4
void __iomem *ioremap(phys_addr_t pa, size_t size);
void iounmap(volatile void __iomem *addr);
#define readl(a)     (*(const volatile u32 *)(a))
#define writel(v, a) (*(volatile u32 *)(a) = (v))
#define readq(a)     (*(const volatile u64 *)(a))
#define writeq(v, a) (*(volatile u64 *)(a) = (v))
#endif
