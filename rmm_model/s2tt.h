/* SPDX-License-Identifier: MIT */
/*
 * The realm's stage-2 translation tables as a pure walker (the role of TF-RMM lib/s2tt): level
 * sizes, entry lookup in concatenated roots, the walk towards a level, and this model's entry
 * encoding. No RMI rule lives here; the commands that change tables are rtt.c's.
 *
 * As in a real RMM, entries live in the RTT granules themselves (Realm PAS memory the host
 * cannot use): 512 little-endian words per 4 KiB table, in this model's own encoding:
 *   bits [2:0]   RmiRttEntryState (UNASSIGNED 0, ASSIGNED 1, TABLE 2)
 *   bit  3       NS: an unprotected mapping (RTT_MAP_UNPROTECTED), no RIPAS
 *   bits [5:4]   RIPAS (EMPTY 0, RAM 1, DESTROYED 2) of a protected entry
 *   bits [11:4]  of an NS entry: the host's descriptor bits [9:2] (MemAttr, S2AP, and with
 *                LPA2 OA[51:50])
 *   bits [51:12] output address (next-level table, data, or NS memory)
 * A delegated granule is zero, so a fresh table is all UNASSIGNED / EMPTY. Outside the
 * protected range an UNASSIGNED entry is UNASSIGNED_NS (no RIPAS): it is stored as zero too,
 * so that an unprotected table reads the same whichever command left it unassigned.
 */
#ifndef SMCSIM_RMM_MODEL_S2TT_H
#define SMCSIM_RMM_MODEL_S2TT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "abi/rmi.h"

#define S2TT_ENTRIES 512 /* per 4 KiB table */

#define S2TTE_STATE(e)	  ((unsigned int)((e)&7))
#define S2TTE_NS	  (UINT64_C(1) << 3)
#define S2TTE_RIPAS_SHIFT 4
#define S2TTE_RIPAS_MASK  (UINT64_C(3) << S2TTE_RIPAS_SHIFT)
#define S2TTE_RIPAS(e)	  ((e)&S2TTE_NS ? 0u : (unsigned int)(((e) >> 4) & 3))
/* The descriptor bits [9:2] an NS entry keeps at [11:4]. */
#define S2TTE_NS_DESC_BITS	  UINT64_C(0x3fc)
#define S2TTE_NS_ATTR(e)	  ((((e) >> 4) & 0xff) << 2)
#define S2TTE_NS_FROM_DESC(d)	  (((d)&S2TTE_NS_DESC_BITS) << 2)
#define S2TTE_ADDR(e)		  ((e)&UINT64_C(0x000ffffffffff000))
#define S2TTE(state, ripas, addr) ((uint64_t)(state) | (uint64_t)(ripas) << 4 | (addr))

/* The lowest level of a block entry (TF-RMM S2TT_MIN_BLOCK_LEVEL @rel0): 1 GiB blocks. */
#define S2TT_MIN_BLOCK_LEVEL 1

/* One realm's tables as the walker sees them. */
struct s2tt {
	uint64_t root;	 /* PA of the first root table */
	int start_level; /* -1..3 */
	uint32_t nroots; /* concatenated root tables (DEN0137 1.0 A5: at most 16) */
	/* Host pointer to the 8-byte entry at @pa, or NULL. */
	uint64_t *(*entry)(void *ctx, uint64_t pa);
	void *ctx;
};

/* Where a walk stopped. */
struct s2tt_walk {
	int level;	 /* level of the entry found */
	uint64_t table;	 /* table holding it (for the root: the first root table) */
	uint64_t holder; /* the granule the entry is in, whose refcount counts it */
	uint64_t *entry; /* the entry */
};

/* log2 of the bytes one entry at @level maps: L3 12 (4 KiB), L2 21, L1 30, L0 39, L-1 48. */
unsigned int s2tt_level_shift(int level);

/* The entry for @ipa in the table at @table of @level; @root: the (concatenated) root, whose
 * index is not taken modulo 512. NULL past the last root table. */
uint64_t *s2tt_entry_at(const struct s2tt *t, uint64_t table, int level, uint64_t ipa, bool root);

/* Walk from the root towards level @target, stopping early at a non-TABLE entry. */
void s2tt_walk(const struct s2tt *t, uint64_t ipa, int target, struct s2tt_walk *w);

/* The index of @ipa's entry in @w's holder granule (0..511). */
unsigned int s2tt_index(const struct s2tt_walk *w, uint64_t ipa);

/* A live entry: one with an output address (ASSIGNED with any RIPAS, ASSIGNED_NS, TABLE). */
static inline bool s2tte_is_live(uint64_t e)
{
	return S2TTE_STATE(e) != RMI_UNASSIGNED;
}

/*
 * The "top" of a walk that stopped at @w for @ipa (TF-RMM s2tt_skip_non_live_entries() @rel0):
 * @ipa itself, unaligned, if its entry is live; otherwise the IPA of the first live entry
 * after it in the same table granule (@w's holder: at the start level, the root granule that
 * holds the entry), or of the entry past the granule's last one, counted from @ipa aligned
 * down to the level.
 */
uint64_t s2tt_skip_non_live(const struct s2tt *t, const struct s2tt_walk *w, uint64_t ipa);

/*
 * Whether @desc is an RTT_MAP_UNPROTECTED descriptor the host may pass at @level (TF-RMM
 * host_ns_s2tte_is_valid() @rel0): no bit outside the level-aligned output address (bits
 * [47:12 + 9 * (3 - level)], with @lpa2 also OA[49:48] and OA[51:50]) and RMI_NS_DESC_ATTR,
 * and MemAttr not the reserved 0b100.
 */
bool s2tt_ns_desc_valid(uint64_t desc, int level, bool lpa2);

#endif
