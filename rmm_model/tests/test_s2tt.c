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

/* TF-RMM s2tt_skip_non_live_entries() @rel0: "top" is the IPA of the first live entry after
 * the walk's entry in its table granule, or of the entry past the granule's end; a live
 * entry gives back the IPA as passed, unaligned. */
static void skip_non_live(void **state)
{
	(void)state;
	struct s2tt t = tree(2, 1);
	struct s2tt_walk w;
	mem[0][0] = S2TTE(RMI_TABLE, 0, tbl(1));
	mem[1][7] = S2TTE(RMI_ASSIGNED, RMM_RIPAS_RAM, tbl(5));
	s2tt_walk(&t, 5 * GRAN, 3, &w);
	assert_int_equal(s2tt_skip_non_live(&t, &w, 5 * GRAN), 7 * GRAN);
	/* From an unaligned IPA the count starts at its entry, aligned down. */
	assert_int_equal(s2tt_skip_non_live(&t, &w, 5 * GRAN + 1), 7 * GRAN);
	/* A live entry: the IPA as passed, not aligned. */
	s2tt_walk(&t, 7 * GRAN + 0x10, 3, &w);
	assert_int_equal(s2tt_skip_non_live(&t, &w, 7 * GRAN + 0x10), 7 * GRAN + 0x10);
	/* An NS mapping is a live entry too. */
	mem[1][9] = S2TTE(RMI_ASSIGNED, 0, tbl(6)) | S2TTE_NS;
	s2tt_walk(&t, 8 * GRAN, 3, &w);
	assert_int_equal(s2tt_skip_non_live(&t, &w, 8 * GRAN), 9 * GRAN);
	/* After the last live entry: the end of the L3 table (2 MiB). */
	s2tt_walk(&t, 10 * GRAN, 3, &w);
	assert_int_equal(s2tt_skip_non_live(&t, &w, 10 * GRAN), UINT64_C(1) << 21);
	/* At the root: to the end of the root granule (512 x 2 MiB), whatever the IPA space. */
	s2tt_walk(&t, UINT64_C(1) << 21, 3, &w);
	assert_int_equal(w.level, 2);
	assert_int_equal(s2tt_skip_non_live(&t, &w, UINT64_C(1) << 21), UINT64_C(1) << 30);
}

/* Concatenated roots: the scan stops at the end of the root granule holding the entry. */
static void skip_non_live_concatenated(void **state)
{
	(void)state;
	struct s2tt t = tree(1, 2);
	struct s2tt_walk w;
	s2tt_walk(&t, UINT64_C(3) << 30, 3, &w);
	assert_int_equal(s2tt_skip_non_live(&t, &w, UINT64_C(3) << 30), UINT64_C(512) << 30);
	s2tt_walk(&t, UINT64_C(600) << 30, 3, &w);
	assert_int_equal(s2tt_skip_non_live(&t, &w, UINT64_C(600) << 30), UINT64_C(1024) << 30);
}

/* TF-RMM host_ns_s2tte_is_valid() @rel0: address aligned to the level and below 2^48 (2^52
 * with LPA2, whose OA[51:50] is at [9:8]), MemAttr [4:2] but not 0b100, S2AP [7:6]; nothing
 * else. */
static void ns_desc_valid(void **state)
{
	(void)state;
	uint64_t pa = UINT64_C(0x88000000);
	assert_true(s2tt_ns_desc_valid(pa, 3, false));
	assert_true(s2tt_ns_desc_valid(pa | 0xdc, 3, false));  /* MemAttr 0b111, S2AP RW */
	assert_true(s2tt_ns_desc_valid(pa | 0xcc, 3, false));  /* MemAttr 0b011, RW */
	assert_true(s2tt_ns_desc_valid(pa | 0x18, 3, false));  /* MemAttr 0b110 */
	assert_false(s2tt_ns_desc_valid(pa | 0x10, 3, false)); /* MemAttr 0b100 reserved */
	assert_false(s2tt_ns_desc_valid(pa | 1, 3, false));    /* descriptor type bits */
	assert_false(s2tt_ns_desc_valid(pa | 2, 3, false));
	assert_false(s2tt_ns_desc_valid(pa | 0x20, 3, false));	/* MemAttr[3] */
	assert_false(s2tt_ns_desc_valid(pa | 0x100, 3, false)); /* SH without LPA2 */
	assert_false(s2tt_ns_desc_valid(pa | 0x400, 3, false)); /* AF */
	assert_false(s2tt_ns_desc_valid(pa | 0x800, 3, false));
	assert_false(s2tt_ns_desc_valid(UINT64_C(1) << 48, 3, false));
	assert_false(s2tt_ns_desc_valid(pa | UINT64_C(1) << 52, 3, true));
	assert_false(s2tt_ns_desc_valid(pa | UINT64_C(1) << 63, 3, true));
	/* LPA2: OA[49:48] and OA[51:50] are address bits. */
	assert_true(s2tt_ns_desc_valid(UINT64_C(3) << 48 | 0x300, 3, true));
	/* Alignment to the level: 2 MiB at level 2, 1 GiB at level 1. */
	assert_false(s2tt_ns_desc_valid(pa | 0x1000, 2, false));
	assert_true(s2tt_ns_desc_valid(UINT64_C(0x80200000), 2, false));
	assert_false(s2tt_ns_desc_valid(UINT64_C(0x80200000), 1, false));
	assert_true(s2tt_ns_desc_valid(UINT64_C(0x80000000) | 0xc4, 1, false));
}

/* The encoding: state, NS, RIPAS and the host's NS attributes do not overlap. */
static void entry_encoding(void **state)
{
	(void)state;
	uint64_t e = S2TTE(RMI_UNASSIGNED, RMM_RIPAS_DESTROYED, 0);
	assert_int_equal(S2TTE_STATE(e), RMI_UNASSIGNED);
	assert_int_equal(S2TTE_RIPAS(e), RMM_RIPAS_DESTROYED);
	uint64_t ns = S2TTE(RMI_ASSIGNED, 0, UINT64_C(0xfffffffff000)) | S2TTE_NS |
		      S2TTE_NS_FROM_DESC(S2TTE_NS_DESC_BITS);
	assert_int_equal(S2TTE_STATE(ns), RMI_ASSIGNED);
	assert_int_equal(S2TTE_RIPAS(ns), 0); /* unprotected: no RIPAS */
	assert_int_equal(S2TTE_NS_ATTR(ns), S2TTE_NS_DESC_BITS);
	assert_int_equal(S2TTE_ADDR(ns), UINT64_C(0xfffffffff000));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(level_sizes),
		cmocka_unit_test(fresh_tree_stops_at_root),
		cmocka_unit_test(concatenated_roots),
		cmocka_unit_test(walk_follows_tables),
		cmocka_unit_test(level_minus_one),
		cmocka_unit_test(skip_non_live),
		cmocka_unit_test(skip_non_live_concatenated),
		cmocka_unit_test(ns_desc_valid),
		cmocka_unit_test(entry_encoding),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
