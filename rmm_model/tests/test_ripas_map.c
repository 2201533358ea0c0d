/* SPDX-License-Identifier: MIT */
/*
 * The stand-alone realm's RIPAS store (rmm_model/rsi.c, struct rsi_ripas_map) on its own:
 * rsi_ripas_map_run() answers RSI_IPA_STATE_GET (DEN0137 1.0 B5.3.5: x1 = the top of the
 * run of equal RIPAS from base) and rsi_ripas_map_set() is the simulated host's
 * RTT_SET_RIPAS behind RSI_IPA_STATE_SET (B5.3.6). Both cross unbacked IPA space a hole at
 * a time; here they are compared, on random layouts and on edge inputs, with the
 * granule-by-granule loops they replaced, which define the expected answers.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "rmm_model/rmm.h"

#define GRAN	 EMU_GRANULE_SIZE
#define MAXREG	 4
#define MAXGRAN	 64 /* granules per region */
#define PAR_BITS 47

struct layout {
	struct rsi_ripas_map m;
	uint64_t base[MAXREG], size[MAXREG], first[MAXREG];
	uint8_t ripas[MAXREG * MAXGRAN];
};

static uint64_t rng = 0x9e3779b97f4a7c15u;

static uint64_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static void expect(uint64_t got, uint64_t want, const char *rule)
{
	if (got != want)
		fail_msg("%s: got %#llx, want %#llx", rule, (unsigned long long)got,
			 (unsigned long long)want);
}

/* The reference: the granule-by-granule lookup the old loops used. */
static uint8_t *ref_slot(struct layout *l, uint64_t ipa)
{
	for (size_t i = 0; i < l->m.nregions; i++)
		if (ipa >= l->base[i] && ipa - l->base[i] < l->size[i])
			return &l->ripas[l->first[i] + ((ipa - l->base[i]) / GRAN)];
	return NULL;
}

static uint64_t ref_run(struct layout *l, uint64_t ipa, uint64_t end, unsigned int *ripas)
{
	uint8_t *p = ref_slot(l, ipa);
	unsigned int v = p ? *p : RMM_RIPAS_EMPTY;
	uint64_t a = ipa;
	while (a < end) {
		uint8_t *q = ref_slot(l, a);
		if ((q ? *q : RMM_RIPAS_EMPTY) != v)
			break;
		a += GRAN;
	}
	*ripas = v;
	return a;
}

static uint64_t ref_set(struct layout *l, uint64_t base, uint64_t limit, unsigned int ripas,
			bool change_destroyed)
{
	uint64_t a = base;
	for (; a < limit; a += GRAN) {
		uint8_t *p = ref_slot(l, a);
		if (!p && ripas == RMM_RIPAS_RAM)
			break;
		if (p && *p == RMM_RIPAS_DESTROYED && !change_destroyed)
			break;
		if (p)
			*p = (uint8_t)ripas;
	}
	return a;
}

/* Up to MAXREG non-overlapping regions, in random order, in a small IPA window, with
 * random RIPAS (long runs likely). */
static void random_layout(struct layout *l)
{
	memset(l, 0, sizeof(*l));
	size_t n = (size_t)(rnd() % (MAXREG + 1));
	uint64_t slots[MAXREG * 2];
	for (size_t i = 0; i < MAXREG * 2; i++)
		slots[i] = i;
	for (size_t i = MAXREG * 2 - 1; i > 0; i--) {
		size_t j = (size_t)(rnd() % (i + 1));
		uint64_t t = slots[i];
		slots[i] = slots[j];
		slots[j] = t;
	}
	size_t total = 0;
	for (size_t i = 0; i < n; i++) {
		/* Slot k is [k * MAXGRAN, (k + 1) * MAXGRAN) granules: no overlap. */
		uint64_t len = 1 + rnd() % MAXGRAN;
		uint64_t off = rnd() % (MAXGRAN - len + 1);
		l->base[i] = (slots[i] * MAXGRAN + off) * GRAN;
		l->size[i] = len * GRAN;
		l->first[i] = total;
		total += len;
	}
	uint8_t v = (uint8_t)(rnd() % 3);
	for (size_t i = 0; i < total; i++) {
		if (rnd() % 5 == 0)
			v = (uint8_t)(rnd() % 3);
		l->ripas[i] = v;
	}
	l->m = (struct rsi_ripas_map){ .nregions = n,
				       .base = l->base,
				       .size = l->size,
				       .first = l->first,
				       .ripas = l->ripas };
}

static uint64_t random_ipa(void)
{
	switch (rnd() % 8) {
	case 0:
		return 0;
	case 1:
		return UINT64_C(1) << PAR_BITS;
	case 2:
		return (UINT64_C(1) << PAR_BITS) - GRAN;
	default:
		return (rnd() % (MAXREG * 2 * MAXGRAN + 4)) * GRAN;
	}
}

static void run_matches_reference(void **state)
{
	(void)state;
	static struct layout l;
	for (int iter = 0; iter < 20000; iter++) {
		random_layout(&l);
		uint64_t a = random_ipa(), b = random_ipa();
		if (a == b)
			b += GRAN;
		uint64_t base = a < b ? a : b, end = a < b ? b : a;
		unsigned int want_ripas = 99, got_ripas = 98;
		/* The reference is granule by granule: keep its ranges small. */
		if (end - base > (uint64_t)(MAXREG * 2 * MAXGRAN + 4) * GRAN)
			end = base + (uint64_t)(MAXREG * 2 * MAXGRAN + 4) * GRAN;
		uint64_t want = ref_run(&l, base, end, &want_ripas);
		uint64_t got = rsi_ripas_map_run(&l.m, base, end, &got_ripas);
		if (got != want || got_ripas != want_ripas)
			fail_msg("DEN0137 RSI_IPA_STATE_GET: run [%#llx, %#llx) over %zu regions: "
				 "top %#llx ripas %u, the per-granule walk gives %#llx ripas %u",
				 (unsigned long long)base, (unsigned long long)end, l.m.nregions,
				 (unsigned long long)got, got_ripas, (unsigned long long)want,
				 want_ripas);
	}
}

static void set_matches_reference(void **state)
{
	(void)state;
	static struct layout l, ref;
	for (int iter = 0; iter < 20000; iter++) {
		random_layout(&l);
		ref = l;
		ref.m.base = ref.base;
		ref.m.size = ref.size;
		ref.m.first = ref.first;
		ref.m.ripas = ref.ripas;
		uint64_t a = random_ipa(), b = random_ipa();
		if (a == b)
			b += GRAN;
		uint64_t base = a < b ? a : b, limit = a < b ? b : a;
		if (limit - base > (uint64_t)(MAXREG * 2 * MAXGRAN + 4) * GRAN)
			limit = base + (uint64_t)(MAXREG * 2 * MAXGRAN + 4) * GRAN;
		unsigned int ripas = (unsigned int)(rnd() % 2); /* EMPTY or RAM */
		bool cd = rnd() % 2;
		uint64_t want = ref_set(&ref, base, limit, ripas, cd);
		uint64_t got = rsi_ripas_map_set(&l.m, base, limit, ripas, cd);
		if (got != want || memcmp(l.ripas, ref.ripas, sizeof(l.ripas)))
			fail_msg("DEN0137 RSI_IPA_STATE_SET: host change [%#llx, %#llx) to %u "
				 "(change_destroyed %d): stops at %#llx%s, the per-granule walk "
				 "at %#llx",
				 (unsigned long long)base, (unsigned long long)limit, ripas, cd,
				 (unsigned long long)got,
				 memcmp(l.ripas, ref.ripas, sizeof(l.ripas)) ? " with other RIPAS"
									     : "",
				 (unsigned long long)want);
	}
}

/* The whole PAR in one call: the answers the per-granule walk would give, reached without
 * visiting 2^35 granules. One region [2 GiB, 2 GiB + 256 MiB), all RAM (cca-realm). */
static void whole_par(void **state)
{
	(void)state;
	static struct layout l;
	memset(&l, 0, sizeof(l));
	static uint8_t big[0x10000];
	uint64_t dram = UINT64_C(0x80000000), size = UINT64_C(0x10000000);
	uint64_t par = UINT64_C(1) << PAR_BITS;
	memset(big, RMM_RIPAS_RAM, sizeof(big));
	l.base[0] = dram;
	l.size[0] = size;
	struct rsi_ripas_map m = {
		.nregions = 1, .base = l.base, .size = l.size, .first = l.first, .ripas = big
	};
	unsigned int v;
	expect(rsi_ripas_map_run(&m, dram + size, par, &v), par,
	       "DEN0137 RSI_IPA_STATE_GET: from DRAM top to the PAR top is one run");
	expect(v, RMM_RIPAS_EMPTY, "DEN0137 RSI_IPA_STATE_GET: EMPTY above DRAM");
	expect(rsi_ripas_map_run(&m, 0, par, &v), dram,
	       "DEN0137 RSI_IPA_STATE_GET: the run from 0 ends where DRAM starts");
	expect(v, RMM_RIPAS_EMPTY, "DEN0137 RSI_IPA_STATE_GET: EMPTY below DRAM");
	expect(rsi_ripas_map_run(&m, dram, par, &v), dram + size,
	       "DEN0137 RSI_IPA_STATE_GET: the RAM run ends at DRAM top");
	expect(v, RMM_RIPAS_RAM, "DEN0137 RSI_IPA_STATE_GET: DRAM is RAM");
	expect(rsi_ripas_map_set(&m, 0, par, RMM_RIPAS_RAM, false), 0,
	       "DEN0137 RSI_IPA_STATE_SET: RAM cannot go where nothing is mapped: no progress");
	expect(rsi_ripas_map_set(&m, 0, par, RMM_RIPAS_EMPTY, false), par,
	       "DEN0137 RSI_IPA_STATE_SET: EMPTY over the whole PAR completes");
	expect(rsi_ripas_map_run(&m, 0, par, &v), par,
	       "DEN0137 RSI_IPA_STATE_SET: afterwards the whole PAR is one run");
	expect(v, RMM_RIPAS_EMPTY, "DEN0137 RSI_IPA_STATE_SET: ... of EMPTY");
	big[5] = RMM_RIPAS_DESTROYED;
	expect(rsi_ripas_map_set(&m, 0, par, RMM_RIPAS_EMPTY, false), dram + 5 * GRAN,
	       "DEN0137 RSI_IPA_STATE_SET: a DESTROYED granule stops the change without "
	       "RsiRipasChangeDestroyed");
	expect(rsi_ripas_map_set(&m, 0, par, RMM_RIPAS_EMPTY, true), par,
	       "DEN0137 RSI_IPA_STATE_SET: RsiRipasChangeDestroyed lets it change");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(run_matches_reference),
		cmocka_unit_test(set_matches_reference),
		cmocka_unit_test(whole_par),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
