/* SPDX-License-Identifier: MIT */
/*
 * The stage-2 table walker (rmm_model/s2tt.c) on its own: level sizes, concatenated roots,
 * walks that stop early, and the IPAs at the edges of a table and of the IPA space. The
 * tables live in an array standing in for RTT granules, so no machine is involved.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "rmm_model/s2tt.h"

#define BASE   UINT64_C(0x80000000)
#define TABLES 8
#define GRAN   UINT64_C(0x1000)

static uint64_t mem[TABLES][S2TT_ENTRIES];

static uint64_t *entry(void *ctx, uint64_t pa)
{
	(void)ctx;
	if (pa < BASE || pa - BASE >= sizeof(mem) || (pa & 7))
		return NULL;
	return &mem[0][0] + (pa - BASE) / 8;
}

static uint64_t tbl(unsigned int i)
{
	return BASE + i * GRAN;
}

static struct s2tt tree(int start_level, uint32_t nroots)
{
	memset(mem, 0, sizeof(mem));
	return (struct s2tt){ .root = BASE,
			      .start_level = start_level,
			      .nroots = nroots,
			      .entry = entry,
			      .ctx = NULL };
}

static void level_sizes(void **state)
{
	(void)state;
	assert_int_equal(s2tt_level_shift(3), 12);  /* 4 KiB pages */
	assert_int_equal(s2tt_level_shift(2), 21);  /* 2 MiB blocks */
	assert_int_equal(s2tt_level_shift(1), 30);  /* 1 GiB blocks */
	assert_int_equal(s2tt_level_shift(0), 39);  /* 512 GiB */
	assert_int_equal(s2tt_level_shift(-1), 48); /* LPA2 level -1 */
}

/* A fresh (all-zero) tree is UNASSIGNED everywhere: a walk stops at the root. */
static void fresh_tree_stops_at_root(void **state)
{
	(void)state;
	struct s2tt t = tree(0, 1);
	struct s2tt_walk w;
	uint64_t ipa = (UINT64_C(1) << 48) - GRAN; /* the last page of a 48-bit space */
	s2tt_walk(&t, ipa, 3, &w);
	assert_int_equal(w.level, 0);
	assert_ptr_equal(w.entry, &mem[0][511]);
	assert_int_equal(w.table, tbl(0));
	assert_int_equal(w.holder, tbl(0));
	assert_int_equal(S2TTE_STATE(*w.entry), RMI_UNASSIGNED);
}

/* Concatenated roots are one array: the entry past 512 is in the second root granule, which
 * is the granule whose refcount counts it; past the last root there is no entry. */
static void concatenated_roots(void **state)
{
	(void)state;
	struct s2tt t = tree(1, 2);
	struct s2tt_walk w;
	uint64_t ipa = (UINT64_C(512) + 3) << 30;
	s2tt_walk(&t, ipa, 3, &w);
	assert_int_equal(w.level, 1);
	assert_ptr_equal(w.entry, &mem[1][3]);
	assert_int_equal(w.table, tbl(0));
	assert_int_equal(w.holder, tbl(1));
	assert_null(s2tt_entry_at(&t, t.root, 1, UINT64_C(1024) << 30, true));
	assert_non_null(s2tt_entry_at(&t, t.root, 1, (UINT64_C(1024) << 30) - 1, true));
	/* Below the root the index wraps at 512, whatever the IPA's high bits. */
	assert_ptr_equal(s2tt_entry_at(&t, tbl(2), 2, (UINT64_C(512) + 7) << 21, false),
			 &mem[2][7]);
}

/* TABLE entries are followed down to the target level and no further. */
static void walk_follows_tables(void **state)
{
	(void)state;
	struct s2tt t = tree(1, 1);
	struct s2tt_walk w;
	uint64_t ipa = (UINT64_C(1) << 21) + 5 * GRAN;
	mem[0][0] = S2TTE(RMI_TABLE, 0, tbl(1));
	mem[1][1] = S2TTE(RMI_TABLE, 0, tbl(2));

	s2tt_walk(&t, ipa, 3, &w);
	assert_int_equal(w.level, 3);
	assert_ptr_equal(w.entry, &mem[2][5]);
	assert_int_equal(w.table, tbl(2));
	assert_int_equal(w.holder, tbl(2));

	s2tt_walk(&t, ipa, 2, &w);
	assert_int_equal(w.level, 2);
	assert_ptr_equal(w.entry, &mem[1][1]);

	/* Next to it, L2 entry 2 is UNASSIGNED: the walk stops at level 2. */
	s2tt_walk(&t, UINT64_C(2) << 21, 3, &w);
	assert_int_equal(w.level, 2);
	assert_ptr_equal(w.entry, &mem[1][2]);

	/* An ASSIGNED block stops a walk as well. */
	mem[1][3] = S2TTE(RMI_ASSIGNED, RMM_RIPAS_RAM, UINT64_C(0x40000000));
	s2tt_walk(&t, (UINT64_C(3) << 21) + GRAN, 3, &w);
	assert_int_equal(w.level, 2);
	assert_int_equal(S2TTE_ADDR(*w.entry), 0x40000000);
	assert_int_equal(S2TTE_RIPAS(*w.entry), RMM_RIPAS_RAM);
}

/* LPA2: the start level is -1 and each root entry maps 256 TiB. */
static void level_minus_one(void **state)
{
	(void)state;
	struct s2tt t = tree(-1, 1);
	struct s2tt_walk w;
	mem[0][15] = S2TTE(RMI_TABLE, 0, tbl(1));
	uint64_t ipa = (UINT64_C(15) << 48) | (UINT64_C(9) << 39);
	s2tt_walk(&t, ipa, 3, &w);
	assert_int_equal(w.level, 0);
	assert_ptr_equal(w.entry, &mem[1][9]);
}

/* The run of UNASSIGNED entries ends at the first live entry, at the end of the table, or
 * (for the root) at the end of the IPA space. */
static void unassigned_end(void **state)
{
	(void)state;
	struct s2tt t = tree(2, 1);
	struct s2tt_walk w;
	mem[0][0] = S2TTE(RMI_TABLE, 0, tbl(1));
	mem[1][7] = S2TTE(RMI_ASSIGNED, RMM_RIPAS_RAM, tbl(5));
	s2tt_walk(&t, 5 * GRAN, 3, &w);
	assert_int_equal(s2tt_unassigned_end(&t, &w, 5 * GRAN, UINT64_C(1) << 30), 7 * GRAN);
	/* From an unaligned IPA the run starts at its entry. */
	assert_int_equal(s2tt_unassigned_end(&t, &w, 5 * GRAN + 1, UINT64_C(1) << 30), 7 * GRAN);
	/* After the live entry: to the end of the L3 table (2 MiB). */
	s2tt_walk(&t, 8 * GRAN, 3, &w);
	assert_int_equal(s2tt_unassigned_end(&t, &w, 8 * GRAN, UINT64_C(1) << 30), UINT64_C(1)
											   << 21);
	/* At the root: up to the end of the IPA space the caller gives. */
	s2tt_walk(&t, UINT64_C(1) << 21, 3, &w);
	assert_int_equal(w.level, 2);
	assert_int_equal(s2tt_unassigned_end(&t, &w, UINT64_C(1) << 21, UINT64_C(1) << 30),
			 UINT64_C(1) << 30);
}

/* The encoding: state, NS, RIPAS and the host's NS attributes do not overlap. */
static void entry_encoding(void **state)
{
	(void)state;
	uint64_t e = S2TTE(RMI_UNASSIGNED, RMM_RIPAS_DESTROYED, 0);
	assert_int_equal(S2TTE_STATE(e), RMI_UNASSIGNED);
	assert_int_equal(S2TTE_RIPAS(e), RMM_RIPAS_DESTROYED);
	uint64_t ns = S2TTE(RMI_ASSIGNED, 0, UINT64_C(0xfffffffff000)) | S2TTE_NS |
		      (RMI_NS_DESC_ATTR << 2);
	assert_int_equal(S2TTE_STATE(ns), RMI_ASSIGNED);
	assert_int_equal(S2TTE_RIPAS(ns), 0); /* unprotected: no RIPAS */
	assert_int_equal(S2TTE_NS_ATTR(ns), RMI_NS_DESC_ATTR);
	assert_int_equal(S2TTE_ADDR(ns), UINT64_C(0xfffffffff000));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(level_sizes),	      cmocka_unit_test(fresh_tree_stops_at_root),
		cmocka_unit_test(concatenated_roots), cmocka_unit_test(walk_follows_tables),
		cmocka_unit_test(level_minus_one),    cmocka_unit_test(unassigned_end),
		cmocka_unit_test(entry_encoding),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
