/* SPDX-License-Identifier: MIT */
/* arm64 ioremap: linux/io.h, and the one hook that may adjust an ioremap's attributes
 * (arch/arm64/mm/ioremap.c). The layer's ioremap() maps simulated memory and never calls
 * it; registering is kept so a second registration fails as in the kernel. */
#ifndef KC_ASM_IO_H
#define KC_ASM_IO_H
#include <kc/base.h>
#include <linux/io.h>
#include <asm/pgtable.h>
typedef int (*ioremap_prot_hook_t)(phys_addr_t phys_addr, size_t size, pgprot_t *prot);
int arm64_ioremap_prot_hook_register(const ioremap_prot_hook_t hook);
#endif
