/* SPDX-License-Identifier: MIT */
/* The stage-2 table walker (s2tt.h): no RMI rule here, only table geometry. */
#include "rmm_model/s2tt.h"

unsigned int s2tt_level_shift(int level)
{
	return 12u + 9u * (unsigned int)(RMI_RTT_MAX_LEVEL - level);
}

uint64_t *s2tt_entry_at(const struct s2tt *t, uint64_t table, int level, uint64_t ipa, bool root)
{
	uint64_t idx = ipa >> s2tt_level_shift(level);
	/* Concatenated root tables are one array of 512 * nroots entries. */
	idx = root ? idx : (idx & (S2TT_ENTRIES - 1));
	if (root && idx >= (uint64_t)S2TT_ENTRIES * t->nroots)
		return NULL;
	return t->entry(t->ctx, table + idx * 8);
}

void s2tt_walk(const struct s2tt *t, uint64_t ipa, int target, struct s2tt_walk *w)
{
	int level = t->start_level;
	uint64_t table = t->root;
	uint64_t *e = s2tt_entry_at(t, table, level, ipa, true);
	while (level < target && S2TTE_STATE(*e) == RMI_TABLE) {
		table = S2TTE_ADDR(*e);
		level++;
		e = s2tt_entry_at(t, table, level, ipa, false);
	}
	w->level = level;
	w->table = table;
	w->entry = e;
	/* Concatenated roots: the entry's own granule, not the first root's. */
	w->holder = level == t->start_level
			    ? table + (((ipa >> s2tt_level_shift(level)) * 8) & ~UINT64_C(0xfff))
			    : table;
}

unsigned int s2tt_index(const struct s2tt_walk *w, uint64_t ipa)
{
	return (unsigned int)((ipa >> s2tt_level_shift(w->level)) & (S2TT_ENTRIES - 1));
}

uint64_t s2tt_skip_non_live(const struct s2tt *t, const struct s2tt_walk *w, uint64_t ipa)
{
	unsigned int i = s2tt_index(w, ipa), j = i + 1;
	if (s2tte_is_live(*w->entry))
		return ipa;
	/* The scan runs to the granule's last entry even where it maps past the IPA space
	 * (a root granule of a small s2sz): those entries are zero, so not live. */
	for (; j < S2TT_ENTRIES; j++) {
		const uint64_t *e = t->entry(t->ctx, w->holder + (uint64_t)j * 8);
		if (e && s2tte_is_live(*e))
			break;
	}
	uint64_t size = UINT64_C(1) << s2tt_level_shift(w->level);
	return (ipa & ~(size - 1)) + (uint64_t)(j - i) * size;
}

bool s2tt_ns_desc_valid(uint64_t desc, int level, bool lpa2)
{
	uint64_t oa = (UINT64_C(1) << 48) - (UINT64_C(1) << s2tt_level_shift(level));
	uint64_t mask = oa | RMI_NS_DESC_ATTR | (lpa2 ? RMI_NS_DESC_LPA2_OA : 0);
	return !(desc & ~mask) && (desc & RMI_NS_DESC_MEMATTR) != RMI_NS_DESC_MEMATTR_RESERVED;
}
