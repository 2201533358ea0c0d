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

uint64_t s2tt_unassigned_end(const struct s2tt *t, const struct s2tt_walk *w, uint64_t ipa,
			     uint64_t ipa_end)
{
	unsigned int sh = s2tt_level_shift(w->level);
	bool root = w->level == t->start_level;
	uint64_t parent = UINT64_C(1) << s2tt_level_shift(w->level - 1);
	uint64_t end = root ? ipa_end : (ipa & ~(parent - 1)) + parent;
	uint64_t a = ipa & ~((UINT64_C(1) << sh) - 1);
	for (; a < end; a += UINT64_C(1) << sh) {
		uint64_t *e = s2tt_entry_at(t, w->table, w->level, a, root);
		if (!e || S2TTE_STATE(*e) != RMI_UNASSIGNED)
			break;
	}
	return a;
}
