/* SPDX-License-Identifier: MIT */
/*
 * The RMM's accounting invariants, shared by the fuzz targets that drive a cca-host
 * machine (fuzz-rmi, fuzz-rsi). The includer defines WIN_BASE and WIN_GRANULES: the
 * window of granules its realms are built from, which check() audits after every call:
 *   - a granule's PAS follows its RMM state (NS <-> Non-secure, everything else Realm);
 *   - every RD granule is a realm's RD and every realm's RD and root RTTs are in place;
 *   - every REC/REC_AUX granule belongs to exactly one REC of a live realm, and an RD's
 *     refcount equals its REC count;
 *   - a table granule's refcount equals its live count (TABLE and protected ASSIGNED
 *     entries; NS mappings hold no reference, as in TF-RMM), and every TABLE/ASSIGNED
 *     protected entry points at an RTT/DATA granule of the same realm, referenced from
 *     exactly one entry (no granule in two objects).
 * A violation abort()s, which every fuzzing engine reports as a crash.
 */
#ifndef SMCSIM_FUZZ_RMM_CHECK_H
#define SMCSIM_FUZZ_RMM_CHECK_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "emu/machine.h"
#include "rmm_model/rmm.h"

static void fail(const char *what, uint64_t pa)
{
	fprintf(stderr, "fuzz: RMM invariant broken: %s (granule 0x%llx)\n", what,
		(unsigned long long)pa);
	abort();
}

/* Count, for each window granule, how many objects reference it. */
static void check(struct smcsim *sim, struct rmm *r)
{
	uint8_t refs[WIN_GRANULES] = { 0 };
	uint32_t live[WIN_GRANULES] = { 0 };
#define IN_WIN(pa) ((pa) >= WIN_BASE && (pa) < WIN_BASE + WIN_GRANULES * EMU_GRANULE_SIZE)
#define WIDX(pa)   (((pa)-WIN_BASE) >> EMU_GRANULE_SHIFT)
	for (size_t i = 0; i < r->nrealms; i++) {
		const struct rmm_realm *rl = &r->realms[i];
		const struct rmm_gran *g = rmm_gran(r, rl->rd);
		if (!g || g->state != RMM_GRANULE_RD)
			fail("realm without an RD granule", rl->rd);
		if (IN_WIN(rl->rd))
			refs[WIDX(rl->rd)]++;
		size_t nrec = 0;
		for (size_t k = 0; k < r->nrecs; k++)
			nrec += r->recs[k].rd == rl->rd;
		if (g->refcount != nrec)
			fail("RD refcount differs from its REC count", rl->rd);
		for (uint32_t k = 0; k < rl->rtt_num_start; k++) {
			uint64_t t = rl->rtt_base + k * EMU_GRANULE_SIZE;
			const struct rmm_gran *tg = rmm_gran(r, t);
			if (!tg || tg->state != RMM_GRANULE_RTT || tg->owner != rl->rd)
				fail("root RTT not an RTT of its realm", t);
		}
	}
	for (size_t k = 0; k < r->nrecs; k++) {
		const struct rmm_rec *rc = &r->recs[k];
		if (!rmm_realm_find(r, rc->rd))
			fail("REC of no realm", rc->rec);
		if (rmm_gran(r, rc->rec)->state != RMM_GRANULE_REC)
			fail("REC granule not REC", rc->rec);
		if (IN_WIN(rc->rec))
			refs[WIDX(rc->rec)]++;
		for (uint32_t a = 0; a < rc->num_aux; a++) {
			if (rmm_gran(r, rc->aux[a])->state != RMM_GRANULE_REC_AUX)
				fail("aux granule not REC_AUX", rc->aux[a]);
			if (IN_WIN(rc->aux[a]))
				refs[WIDX(rc->aux[a])]++;
		}
	}
	for (unsigned int i = 0; i < WIN_GRANULES; i++) {
		uint64_t pa = WIN_BASE + (uint64_t)i * EMU_GRANULE_SIZE;
		const struct rmm_gran *g = rmm_gran(r, pa);
		if ((g->state == RMM_GRANULE_NS) != (emu_granule(sim, pa)->pas == EMU_PAS_NS))
			fail("PAS does not follow the RMM state", pa);
		if (g->state != RMM_GRANULE_RTT)
			continue;
		/* Count live entries and reference their targets. */
		const uint64_t *e = emu_mem_ptr(sim, pa, EMU_GRANULE_SIZE);
		uint32_t n = 0;
		for (int k = 0; k < 512; k++) {
			unsigned int st = e[k] & 7;
			/* Unprotected mappings point at host memory, not at realm objects, and
			 * are not counted. */
			if (st == 0 || (e[k] & 8))
				continue;
			n++;
			uint64_t to = e[k] & UINT64_C(0x000ffffffffff000);
			const struct rmm_gran *tg = rmm_gran(r, to);
			if (!tg || tg->owner != g->owner ||
			    tg->state != (st == 2 ? RMM_GRANULE_RTT : RMM_GRANULE_DATA))
				fail("entry points at a granule of the wrong kind or realm", pa);
			if (IN_WIN(to))
				refs[WIDX(to)]++;
		}
		live[i] = n;
	}
	for (unsigned int i = 0; i < WIN_GRANULES; i++) {
		uint64_t pa = WIN_BASE + (uint64_t)i * EMU_GRANULE_SIZE;
		const struct rmm_gran *g = rmm_gran(r, pa);
		if (refs[i] > 1)
			fail("granule in two objects", pa);
		bool object = g->state != RMM_GRANULE_NS && g->state != RMM_GRANULE_DELEGATED;
		bool is_root = false;
		for (size_t k = 0; k < r->nrealms; k++)
			is_root |= pa >= r->realms[k].rtt_base &&
				   pa < r->realms[k].rtt_base +
						   r->realms[k].rtt_num_start * EMU_GRANULE_SIZE;
		if (object && !refs[i] && !is_root)
			fail("object granule nobody references", pa);
		if (g->state == RMM_GRANULE_RTT && g->refcount != live[i])
			fail("RTT refcount differs from its live entries", pa);
	}
}

#endif
