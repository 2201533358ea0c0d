/* SPDX-License-Identifier: MIT */
/* Memory encryption (Realm: RIPAS RAM vs EMPTY) as arm64 exposes it: the architecture
 * registers its operations; set_memory_{en,de}crypted() go through them. */
#ifndef KC_ASM_MEM_ENCRYPT_H
#define KC_ASM_MEM_ENCRYPT_H
#include <kc/base.h>
#include <asm/hypervisor.h>
#include <asm/rsi.h>
#include <asm/pgtable.h>
struct device;
struct arm64_mem_crypt_ops {
	int (*encrypt)(unsigned long addr, int numpages);
	int (*decrypt)(unsigned long addr, int numpages);
};
int arm64_mem_crypt_ops_register(const struct arm64_mem_crypt_ops *ops);
int set_memory_encrypted(unsigned long addr, int numpages);
int set_memory_decrypted(unsigned long addr, int numpages);
/* The Realm's operations: the pages' RIPAS to RAM (encrypt) or EMPTY (decrypt). */
int realm_register_memory_enc_ops(void);
static inline bool force_dma_unencrypted(struct device *dev)
{
	(void)dev;
	return is_realm_world() || is_protected_kvm_guest();
}
#define dma_addr_unencrypted(x) ((x) | PROT_NS_SHARED)
#define dma_addr_canonical(x)	((x) & ~PROT_NS_SHARED)
#endif
