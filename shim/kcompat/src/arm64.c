// SPDX-License-Identifier: MIT
/*
 * arm64 architecture pieces kernel files call into (arch/arm64/kernel, arch/arm64/mm in
 * Linux): early memory (memblock), the errata target-implementation table, the ioremap
 * attribute hook and the memory-encryption operations a Realm registers. smcsim's own
 * implementation; state is per boot (kc_arm64_reset()).
 */
#include <linux/kernel.h>
#include "kc-internal.h"
#include <linux/memblock.h>
#include <linux/slab.h>
#include <asm/cputype.h>
#include <asm/io.h>
#include <asm/mem_encrypt.h>
#include <kc/host.h>

/* ---- memblock --------------------------------------------------------------------------- */

/* Zeroed kernel memory, aligned as asked (up to a page); NULL when it cannot be had. */
void *memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	if (!size)
		return NULL;
	if (align > PAGE_SIZE)
		return NULL;
	if (align > 16)
		return alloc_pages_exact((size_t)PAGE_ALIGN(size), GFP_KERNEL);
	return kzalloc((size_t)size, GFP_KERNEL);
}

void *memblock_alloc_or_panic(phys_addr_t size, phys_addr_t align)
{
	void *p = memblock_alloc(size, align);
	if (!p)
		panic("%s: Failed to allocate %llu bytes align=0x%llx\n", __func__,
		      (unsigned long long)size, (unsigned long long)align);
	return p;
}

void memblock_free(void *ptr, size_t size)
{
	if (!ptr)
		return;
	/* Page allocations live in simulated memory, kmalloc ones on the host heap. */
	if (kc_host_virt_to_phys(ptr) != ~0UL)
		free_pages_exact(ptr, PAGE_ALIGN(size));
	else
		kfree(ptr);
}

bool kc_memblock_range(u64 idx, phys_addr_t *start, phys_addr_t *end)
{
	unsigned long base, size;
	if (idx > ~0U || kc_host_mem_region((unsigned int)idx, &base, &size))
		return false;
	if (start)
		*start = base;
	if (end)
		*end = (phys_addr_t)base + size;
	return true;
}

phys_addr_t memblock_start_of_DRAM(void)
{
	phys_addr_t lo = ~0ULL, s, e;
	for (u64 i = 0; kc_memblock_range(i, &s, &e); i++)
		lo = s < lo ? s : lo;
	return lo == ~0ULL ? 0 : lo;
}

phys_addr_t memblock_end_of_DRAM(void)
{
	phys_addr_t hi = 0, s, e;
	for (u64 i = 0; kc_memblock_range(i, &s, &e); i++)
		hi = e > hi ? e : hi;
	return hi;
}

phys_addr_t memblock_phys_mem_size(void)
{
	phys_addr_t sum = 0, s, e;
	for (u64 i = 0; kc_memblock_range(i, &s, &e); i++)
		sum += e - s;
	return sum;
}

/* ---- errata: KVM's target implementation CPUs (cpu_errata.c) ---------------------------- */

static u64 target_impl_num;
static void *target_impl_cpus;

bool cpu_errata_set_target_impl(u64 num, void *impl_cpus)
{
	if (target_impl_num || !num || !impl_cpus)
		return false;
	target_impl_num = num;
	target_impl_cpus = impl_cpus;
	return true;
}

/* ---- ioremap attribute hook (mm/ioremap.c) ---------------------------------------------- */

static ioremap_prot_hook_t ioremap_hook;

int arm64_ioremap_prot_hook_register(const ioremap_prot_hook_t hook)
{
	if (WARN_ON(ioremap_hook))
		return -EBUSY;
	ioremap_hook = hook;
	return 0;
}

/* ---- memory encryption (mm/mem_encrypt.c, mm/pageattr.c) ---------------------------------- */

static const struct arm64_mem_crypt_ops *crypt_ops;

int arm64_mem_crypt_ops_register(const struct arm64_mem_crypt_ops *ops)
{
	if (WARN_ON(crypt_ops))
		return -EBUSY;
	crypt_ops = ops;
	return 0;
}

int set_memory_encrypted(unsigned long addr, int numpages)
{
	if (likely(!crypt_ops) || WARN_ON(!PAGE_ALIGNED(addr)))
		return 0;
	return crypt_ops->encrypt(addr, numpages);
}

int set_memory_decrypted(unsigned long addr, int numpages)
{
	if (likely(!crypt_ops) || WARN_ON(!PAGE_ALIGNED(addr)))
		return 0;
	return crypt_ops->decrypt(addr, numpages);
}

/* A Realm's conversion: the pages' RIPAS, over their physical range. No page tables to
 * update here (the layer maps nothing). */
static int realm_set_memory(unsigned long addr, int numpages, bool encrypt)
{
	if (numpages <= 0)
		return 0;
	phys_addr_t start = virt_to_phys((void *)addr);
	phys_addr_t end = start + (phys_addr_t)numpages * PAGE_SIZE;
	int ret = encrypt ? rsi_set_memory_range_protected(start, end)
			  : rsi_set_memory_range_shared(start, end);
	/* A failed conversion leaves the pages in an unknown state: the kernel warns. */
	return WARN_ON(ret) ? -EIO : 0;
}

static int realm_set_memory_encrypted(unsigned long addr, int numpages)
{
	return realm_set_memory(addr, numpages, true);
}

static int realm_set_memory_decrypted(unsigned long addr, int numpages)
{
	return realm_set_memory(addr, numpages, false);
}

static const struct arm64_mem_crypt_ops realm_crypt_ops = {
	.encrypt = realm_set_memory_encrypted,
	.decrypt = realm_set_memory_decrypted,
};

int realm_register_memory_enc_ops(void)
{
	return arm64_mem_crypt_ops_register(&realm_crypt_ops);
}

void kc_arm64_reset(void)
{
	target_impl_num = 0;
	target_impl_cpus = NULL;
	ioremap_hook = NULL;
	crypt_ops = NULL;
}
