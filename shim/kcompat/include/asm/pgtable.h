/* SPDX-License-Identifier: MIT */
/*
 * The page-table attributes arm64 Realm code touches. A kboot kernel maps nothing: a
 * pgprot_t is a value kernel code computes and hands to hooks. The configuration has 4 KiB
 * pages and 48-bit physical addresses, so a PA is its PTE output-address field unchanged.
 */
#ifndef KC_ASM_PGTABLE_H
#define KC_ASM_PGTABLE_H
#include <kc/base.h>
#include <asm/rsi.h>
typedef u64 pteval_t;
typedef u64 pgprotval_t;
typedef struct {
	pgprotval_t pgprot;
} pgprot_t;
#define __pgprot(x)   ((pgprot_t){ (x) })
#define pgprot_val(x) ((x).pgprot)
static inline pteval_t __phys_to_pte_val(phys_addr_t phys)
{
	return phys;
}
/* The Realm's "shared with the host" attribute: the top IPA bit, once RSI is up. */
extern unsigned long prot_ns_shared;
#define PROT_NS_SHARED			  (is_realm_world() ? prot_ns_shared : 0)
#define __pgprot_modify(prot, mask, bits) __pgprot((pgprot_val(prot) & ~(mask)) | (bits))
#define pgprot_encrypted(prot)		  __pgprot_modify(prot, PROT_NS_SHARED, 0)
#define pgprot_decrypted(prot)		  __pgprot_modify(prot, PROT_NS_SHARED, PROT_NS_SHARED)
#endif
