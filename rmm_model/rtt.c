/* SPDX-License-Identifier: MIT */
/*
 * The realm's stage-2 translation tables (DEN0137 1.0 A5, RTTs): RTT_CREATE, RTT_DESTROY,
 * RTT_READ_ENTRY. As in a real RMM, entries live in the RTT granules themselves (Realm
 * PAS memory the host cannot use): 512 little-endian words per 4 KiB table, in this
 * model's own encoding:
 *   bits [2:0]   RmiRttEntryState (UNASSIGNED 0, ASSIGNED 1, TABLE 2)
 *   bit  3       NS: an unprotected mapping (RTT_MAP_UNPROTECTED), no RIPAS
 *   bits [5:4]   RIPAS (EMPTY 0, RAM 1, DESTROYED 2) of a protected entry
 *   bits [11:4]  of an NS entry: the host's descriptor bits [9:2] (MemAttr, S2AP, SH)
 *   bits [51:12] output address (next-level table, data, or NS memory)
 * A delegated granule is zero, so a fresh table is all UNASSIGNED / EMPTY. A table
 * granule's refcount counts its live entries (TABLE or ASSIGNED), which is what
 * RTT_DESTROY and REALM_DESTROY check.
 */
#include <string.h>

#include "rmm_model/attest.h"
#include "rmm_model/rmm.h"

enum rtte_state {
	RTTE_UNASSIGNED = 0,
	RTTE_ASSIGNED = 1,
	RTTE_TABLE = 2,
};

#define RTTE_STATE(e)		 ((e)&7)
#define RTTE_NS			 (UINT64_C(1) << 3)
#define RTTE_RIPAS(e)		 ((e)&RTTE_NS ? 0u : (unsigned int)(((e) >> 4) & 3))
#define RTTE_NS_ATTR(e)		 ((((e) >> 4) & 0xff) << 2)
#define RTTE_ADDR(e)		 ((e)&UINT64_C(0x000ffffffffff000))
#define RTTE(state, ripas, addr) ((uint64_t)(state) | (uint64_t)(ripas) << 4 | (addr))

/* Bytes one entry at @level maps: L3 4 KiB, L2 2 MiB, L1 1 GiB, L0 512 GiB. */
static unsigned int level_shift(int level)
{
	return 12u + 9u * (unsigned int)(3 - level);
}

static uint64_t *entry_at(struct rmm *r, uint64_t table, int level, uint64_t ipa, bool root,
			  uint32_t nroots)
{
	uint64_t idx = ipa >> level_shift(level);
	/* Concatenated root tables are one array of 512 * nroots entries. */
	idx = root ? idx : (idx & 511);
	if (root && idx >= 512u * nroots)
		return NULL;
	return emu_mem_ptr(r->sim, table + idx * 8, 8);
}

struct walk {
	int level;	 /* level of the entry found */
	uint64_t table;	 /* table holding it (for the root: the first root table) */
	uint64_t holder; /* the granule the entry is in, whose refcount counts it */
	uint64_t *entry; /* the entry */
};

/* Walk from the root towards @target, stopping early at a non-TABLE entry. */
static void walk(struct rmm *r, const struct rmm_realm *realm, uint64_t ipa, int target,
		 struct walk *w)
{
	int level = realm->rtt_level_start;
	uint64_t table = realm->rtt_base;
	uint64_t *e = entry_at(r, table, level, ipa, true, realm->rtt_num_start);
	while (level < target && RTTE_STATE(*e) == RTTE_TABLE) {
		table = RTTE_ADDR(*e);
		level++;
		e = entry_at(r, table, level, ipa, false, 1);
	}
	w->level = level;
	w->table = table;
	w->entry = e;
	/* Concatenated roots: the entry's own granule, not the first root's. */
	w->holder =
		level == realm->rtt_level_start
			? table + ((((ipa >> level_shift(level)) * 8)) & ~(EMU_GRANULE_SIZE - 1))
			: table;
}

/*
 * TF-RMM validate_rtt_structure_cmds() @rel0: level in [start + @min_above, 3], ipa
 * aligned to the mapping size of @align_level and inside the realm's IPA space.
 */
static bool valid_ipa_level(const struct rmm_realm *realm, uint64_t ipa, uint64_t level,
			    int min_above, int align_level_delta)
{
	int64_t lv = (int64_t)level;
	if (lv < realm->rtt_level_start + min_above || lv > 3)
		return false;
	int al = (int)lv + align_level_delta;
	if (ipa & ((UINT64_C(1) << level_shift(al)) - 1))
		return false;
	return ipa < (UINT64_C(1) << realm->s2sz);
}

/*
 * The realm of an RTT structure command (RTT_DESTROY, RTT_FOLD, RTT_READ_ENTRY), or NULL
 * with ERROR_INPUT already returned: rd an RD, then the level/ipa rule of
 * valid_ipa_level() (TF-RMM validates both before walking).
 */
static struct rmm_realm *rtt_cmd_realm(struct emu_call *c, int min_above, int align_delta)
{
	struct rmm *r = c->state;
	struct rmm_realm *realm = rmm_realm_of(r, c->a[1]);
	if (!realm || !valid_ipa_level(realm, c->a[2], c->a[3], min_above, align_delta)) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return NULL;
	}
	return realm;
}

/* The IPA after the run of non-live entries at @w's level, starting at @ipa (the "top"
 * output of RTT_DESTROY, DEN0137 B4.3.16). */
static uint64_t top_after(struct rmm *r, const struct rmm_realm *realm, const struct walk *w,
			  uint64_t ipa)
{
	unsigned int sh = level_shift(w->level);
	uint64_t end = w->level == realm->rtt_level_start
			       ? UINT64_C(1) << realm->s2sz
			       : (ipa & ~((UINT64_C(1) << level_shift(w->level - 1)) - 1)) +
					 (UINT64_C(1) << level_shift(w->level - 1));
	uint64_t a = ipa & ~((UINT64_C(1) << sh) - 1);
	for (; a < end; a += UINT64_C(1) << sh) {
		uint64_t *e = entry_at(r, w->table, w->level, a, w->level == realm->rtt_level_start,
				       realm->rtt_num_start);
		if (!e || RTTE_STATE(*e) != RTTE_UNASSIGNED)
			break;
	}
	return a;
}

/* DEN0137 A5.2.2: the protected half of the IPA space, [0, 2^(s2sz-1)). */
static bool ipa_protected(const struct rmm_realm *realm, uint64_t ipa)
{
	return ipa < (UINT64_C(1) << (realm->s2sz - 1));
}

/*
 * DEN0137 1.0 B4.3.14 RTT_CREATE(rd, rtt, ipa, level), TF-RMM smc_rtt_create() order:
 * rtt DELEGATED and rd an RD → ERROR_INPUT; level/ipa validity → ERROR_INPUT; the walk
 * must reach level - 1 → else ERROR_RTT(walk level); that entry must not already be a
 * TABLE → ERROR_RTT(level - 1). The new table takes over what the parent entry mapped:
 * an UNASSIGNED entry's RIPAS, or an ASSIGNED block split into 512 entries (unfolding,
 * the inverse of RTT_FOLD).
 */
void rmm_rtt_create(struct emu_call *c)
{
	struct rmm *r = c->state;
	uint64_t rd = c->a[1], rtt = c->a[2], ipa = c->a[3], level = c->a[4];
	struct rmm_realm *realm = rmm_realm_of(r, rd);
	if (!realm || !rmm_granule(r, rtt, RMM_GRANULE_DELEGATED) ||
	    !valid_ipa_level(realm, ipa, level, 1, -1)) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	struct walk w;
	walk(r, realm, ipa, (int)level - 1, &w);
	if (w.level != (int)level - 1) {
		emu_ret1(c, rmi_ret(RMI_ERROR_RTT, (unsigned int)w.level));
		return;
	}
	uint64_t parent = *w.entry;
	if (RTTE_STATE(parent) == RTTE_TABLE) {
		emu_ret1(c, rmi_ret(RMI_ERROR_RTT, (unsigned int)level - 1));
		return;
	}
	uint64_t *child = emu_mem_ptr(r->sim, rtt, EMU_GRANULE_SIZE);
	uint64_t step = UINT64_C(1) << level_shift((int)level);
	bool assigned = RTTE_STATE(parent) == RTTE_ASSIGNED;
	for (uint64_t i = 0; i < 512; i++)
		child[i] = assigned ? parent + i * step
				    : RTTE(RTTE_UNASSIGNED, RTTE_RIPAS(parent), 0) |
					      (parent & RTTE_NS);
	*w.entry = RTTE(RTTE_TABLE, 0, rtt);
	rmm_granule_set(r, rtt, RMM_GRANULE_RTT, rd);
	/* The parent entry stays live if it was a block; the block's 512 pieces are the
	 * new table's live entries. */
	emu_granule(r->sim, rtt)->refcount = assigned ? 512 : 0;
	if (!assigned)
		emu_granule(r->sim, w.holder)->refcount++;
	emu_ret1(c, rmi_ret(RMI_SUCCESS, 0));
}

/*
 * DEN0137 1.0 B4.3.16 RTT_DESTROY(rd, ipa, level) → x1 rtt, x2 top (also on ERROR_RTT):
 * rd an RD and level/ipa validity → ERROR_INPUT; walk to level - 1 → else
 * ERROR_RTT(walk level); that entry must be a TABLE → else ERROR_RTT(level - 1); the
 * table must hold no live entry → else ERROR_RTT(level). The parent entry becomes
 * UNASSIGNED with RIPAS DESTROYED (rmm.md 1.8), the table granule DELEGATED.
 */
void rmm_rtt_destroy(struct emu_call *c)
{
	struct rmm *r = c->state;
	uint64_t ipa = c->a[2], level = c->a[3];
	struct rmm_realm *realm = rtt_cmd_realm(c, 1, -1);
	if (!realm)
		return;
	struct walk w;
	walk(r, realm, ipa, (int)level - 1, &w);
	if (w.level != (int)level - 1 || RTTE_STATE(*w.entry) != RTTE_TABLE) {
		unsigned int idx =
			w.level != (int)level - 1 ? (unsigned int)w.level : (unsigned int)level - 1;
		emu_ret3(c, rmi_ret(RMI_ERROR_RTT, idx), 0, top_after(r, realm, &w, ipa));
		return;
	}
	uint64_t rtt = RTTE_ADDR(*w.entry);
	if (emu_granule(r->sim, rtt)->refcount) {
		emu_ret3(c, rmi_ret(RMI_ERROR_RTT, (unsigned int)level), 0, ipa);
		return;
	}
	*w.entry = ipa_protected(realm, ipa) ? RTTE(RTTE_UNASSIGNED, RMM_RIPAS_DESTROYED, 0)
					     : RTTE(RTTE_UNASSIGNED, 0, 0) | RTTE_NS;
	emu_granule(r->sim, w.holder)->refcount--;
	rmm_granule_release(r, rtt);
	emu_ret3(c, rmi_ret(RMI_SUCCESS, 0), rtt, top_after(r, realm, &w, ipa));
}

/*
 * DEN0137 1.0 B4.3.19 RTT_READ_ENTRY(rd, ipa, level) → x1 walk level, x2 state, x3 desc
 * (the output address for ASSIGNED and TABLE, 0 for UNASSIGNED), x4 RIPAS. The level may
 * be the start level; the walk stops early at a non-TABLE entry.
 */
void rmm_rtt_read_entry(struct emu_call *c)
{
	struct rmm *r = c->state;
	uint64_t ipa = c->a[2], level = c->a[3];
	struct rmm_realm *realm = rtt_cmd_realm(c, 0, 0);
	if (!realm)
		return;
	struct walk w;
	walk(r, realm, ipa, (int)level, &w);
	uint64_t e = *w.entry;
	uint64_t desc = RTTE_STATE(e) == RTTE_UNASSIGNED ? 0 : RTTE_ADDR(e);
	/* An unprotected mapping reads back as the host wrote it: address and attributes. */
	if ((e & RTTE_NS) && RTTE_STATE(e) == RTTE_ASSIGNED)
		desc |= RTTE_NS_ATTR(e);
	c->r[0] = rmi_ret(RMI_SUCCESS, 0);
	c->r[1] = (uint64_t)(int64_t)w.level;
	c->r[2] = RTTE_STATE(e);
	c->r[3] = desc;
	c->r[4] = RTTE_RIPAS(e);
	c->nres = 5;
}

/*
 * DEN0137 1.0 B4.3.2 DATA_CREATE_UNKNOWN(rd, data, ipa): data DELEGATED and rd an RD →
 * ERROR_INPUT; ipa 4 KiB aligned and protected → ERROR_INPUT; the walk must reach
 * level 3 → ERROR_RTT(walk level); the entry must be UNASSIGNED → ERROR_RTT(3). The
 * granule is mapped with unknown (zero) contents; its RIPAS is unchanged.
 */
void rmm_data_create_unknown(struct emu_call *c)
{
	struct rmm *r = c->state;
	uint64_t rd = c->a[1], data = c->a[2], ipa = c->a[3];
	struct rmm_realm *realm = rmm_realm_of(r, rd);
	if (!realm || !rmm_granule(r, data, RMM_GRANULE_DELEGATED) ||
	    (ipa & (EMU_GRANULE_SIZE - 1)) || !ipa_protected(realm, ipa)) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	struct walk w;
	walk(r, realm, ipa, 3, &w);
	if (w.level != 3 || RTTE_STATE(*w.entry) != RTTE_UNASSIGNED) {
		emu_ret1(c, rmi_ret(RMI_ERROR_RTT, (unsigned int)w.level));
		return;
	}
	*w.entry = RTTE(RTTE_ASSIGNED, RTTE_RIPAS(*w.entry), data);
	emu_granule(r->sim, w.holder)->refcount++;
	rmm_granule_set(r, data, RMM_GRANULE_DATA, rd);
	emu_ret1(c, rmi_ret(RMI_SUCCESS, 0));
}

/*
 * DEN0137 1.0 B4.3.3 DATA_DESTROY(rd, ipa) → x1 data, x2 top (also on ERROR_RTT): rd an
 * RD, ipa aligned and protected → ERROR_INPUT; the walk must reach level 3 →
 * ERROR_RTT(walk level); the entry must be ASSIGNED → ERROR_RTT(3). The entry becomes
 * UNASSIGNED, RAM becomes DESTROYED (rmm.md 1.8), the granule DELEGATED and zeroed.
 */
void rmm_data_destroy(struct emu_call *c)
{
	struct rmm *r = c->state;
	uint64_t rd = c->a[1], ipa = c->a[2];
	struct rmm_realm *realm = rmm_realm_of(r, rd);
	if (!realm || (ipa & (EMU_GRANULE_SIZE - 1)) || !ipa_protected(realm, ipa)) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	struct walk w;
	walk(r, realm, ipa, 3, &w);
	if (w.level != 3 || RTTE_STATE(*w.entry) != RTTE_ASSIGNED) {
		emu_ret3(c, rmi_ret(RMI_ERROR_RTT, (unsigned int)w.level), 0,
			 top_after(r, realm, &w, ipa));
		return;
	}
	uint64_t data = RTTE_ADDR(*w.entry);
	unsigned int ripas =
		RTTE_RIPAS(*w.entry) == 1 /* RAM */ ? 2 /* DESTROYED */ : RTTE_RIPAS(*w.entry);
	*w.entry = RTTE(RTTE_UNASSIGNED, ripas, 0);
	emu_granule(r->sim, w.holder)->refcount--;
	rmm_granule_release(r, data);
	emu_ret3(c, rmi_ret(RMI_SUCCESS, 0), data, top_after(r, realm, &w, ipa));
}

/*
 * DEN0137 1.0 B4.3.17 RTT_INIT_RIPAS(rd, base, top) → x1 top of the updated range: rd an
 * RD, base < top, both 4 KiB aligned and protected → ERROR_INPUT; realm not NEW →
 * ERROR_REALM; the entry at base must be UNASSIGNED at the walk level → else
 * ERROR_RTT(walk level). Entries from base are set to RAM until top, the end of the
 * table, or an entry that cannot change (as TF-RMM @rel0 does, one table per call; a
 * block entry changes only if [base, top) covers it whole). The RIM is extended with an
 * RmmMeasurementDescriptorRipas for the range changed.
 */
void rmm_rtt_init_ripas(struct emu_call *c)
{
	struct rmm *r = c->state;
	uint64_t rd = c->a[1], base = c->a[2], top = c->a[3];
	struct rmm_realm *realm = rmm_realm_of(r, rd);
	if (!realm || base >= top || ((base | top) & (EMU_GRANULE_SIZE - 1)) ||
	    top > (UINT64_C(1) << (realm->s2sz - 1))) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	if (realm->state != RMM_REALM_NEW) {
		emu_ret1(c, rmi_ret(RMI_ERROR_REALM, 0));
		return;
	}
	struct walk w;
	walk(r, realm, base, 3, &w);
	uint64_t size = UINT64_C(1) << level_shift(w.level);
	if (RTTE_STATE(*w.entry) != RTTE_UNASSIGNED || (base & (size - 1)) || base + size > top) {
		emu_ret1(c, rmi_ret(RMI_ERROR_RTT, (unsigned int)w.level));
		return;
	}
	uint64_t table_end = (base | ((UINT64_C(1) << (level_shift(w.level) + 9)) - 1)) + 1;
	uint64_t a = base;
	uint64_t *e = w.entry;
	while (a < top && a + size <= top && a < table_end && RTTE_STATE(*e) == RTTE_UNASSIGNED) {
		*e = RTTE(RTTE_UNASSIGNED, 1 /* RAM */, 0);
		a += size;
		e++;
	}
	rmm_rim_ripas((enum rmm_hash)realm->hash_algo, realm->meas[0], base, a);
	emu_ret2(c, rmi_ret(RMI_SUCCESS, 0), a);
}

/* ---- the realm's view: what its RSI calls may touch ---------------------------------- */

/*
 * Host pointer to @len bytes of realm memory at protected @ipa, NULL unless the page is
 * mapped ASSIGNED with RIPAS RAM (a block mapping included) and the range stays in one
 * granule.
 */
void *rmm_realm_ipa_ptr(struct rmm *r, const struct rmm_realm *realm, uint64_t ipa, size_t len)
{
	if (!ipa_protected(realm, ipa) || (ipa & (EMU_GRANULE_SIZE - 1)) + len > EMU_GRANULE_SIZE)
		return NULL;
	struct walk w;
	walk(r, realm, ipa, 3, &w);
	uint64_t e = *w.entry;
	if (RTTE_STATE(e) != RTTE_ASSIGNED || RTTE_RIPAS(e) != RMM_RIPAS_RAM)
		return NULL;
	uint64_t off = ipa & ((UINT64_C(1) << level_shift(w.level)) - 1);
	return emu_mem_ptr(r->sim, RTTE_ADDR(e) + off, len);
}

bool rmm_realm_ripas_run(struct rmm *r, const struct rmm_realm *realm, uint64_t ipa, uint64_t end,
			 unsigned int *ripas, uint64_t *top)
{
	if (!ipa_protected(realm, ipa) || ipa >= end)
		return false;
	struct walk w;
	unsigned int first = 0;
	uint64_t a = ipa;
	while (a < end) {
		walk(r, realm, a, 3, &w);
		unsigned int v = RTTE_RIPAS(*w.entry);
		if (a == ipa)
			first = v;
		else if (v != first)
			break;
		uint64_t size = UINT64_C(1) << level_shift(w.level);
		a = (a & ~(size - 1)) + size;
	}
	*ripas = first;
	*top = a < end ? a : end;
	return true;
}

/* ---- RTT commands completing the 1.0 set --------------------------------------------- */

/*
 * DEN0137 1.0 B4.3.1 DATA_CREATE(rd, data, ipa, src, flags), TF-RMM smc_data_create()
 * @rel0 order: src an aligned NS granule, flags MEASURE/NO_MEASURE → ERROR_INPUT; data
 * DELEGATED and rd an RD → ERROR_INPUT; ipa aligned and protected → ERROR_INPUT; realm
 * NEW → else ERROR_REALM; walk to level 3 → ERROR_RTT(walk level); the entry
 * UNASSIGNED (rtte_state) with RIPAS RAM (rtte_ripas: EMPTY and DESTROYED are refused, as
 * the RMM ACS v1.0 command table expects) → ERROR_RTT(3): the host sets the initial
 * RIPAS with RTT_INIT_RIPAS first. The granule gets the source's contents and becomes
 * ASSIGNED RAM, and the RIM is extended with its RmmMeasurementDescriptorData.
 */
void rmm_data_create(struct emu_call *c)
{
	struct rmm *r = c->state;
	uint64_t rd = c->a[1], data = c->a[2], ipa = c->a[3], src = c->a[4], flags = c->a[5];
	const uint8_t *content = rmm_ns_page(r, src);
	if (!content || flags > RMI_MEASURE_CONTENT) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	struct rmm_realm *realm = rmm_realm_of(r, rd);
	if (!realm || !rmm_granule(r, data, RMM_GRANULE_DELEGATED) ||
	    (ipa & (EMU_GRANULE_SIZE - 1)) || !ipa_protected(realm, ipa)) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	if (realm->state != RMM_REALM_NEW) {
		emu_ret1(c, rmi_ret(RMI_ERROR_REALM, 0));
		return;
	}
	struct walk w;
	walk(r, realm, ipa, 3, &w);
	if (w.level != 3 || RTTE_STATE(*w.entry) != RTTE_UNASSIGNED ||
	    RTTE_RIPAS(*w.entry) != RMM_RIPAS_RAM) {
		emu_ret1(c, rmi_ret(RMI_ERROR_RTT, (unsigned int)w.level));
		return;
	}
	memcpy(emu_mem_ptr(r->sim, data, EMU_GRANULE_SIZE), content, EMU_GRANULE_SIZE);
	rmm_rim_data((enum rmm_hash)realm->hash_algo, realm->meas[0], ipa, flags,
		     flags == RMI_MEASURE_CONTENT ? content : NULL);
	*w.entry = RTTE(RTTE_ASSIGNED, RMM_RIPAS_RAM, data);
	emu_granule(r->sim, w.holder)->refcount++;
	rmm_granule_set(r, data, RMM_GRANULE_DATA, rd);
	emu_ret1(c, rmi_ret(RMI_SUCCESS, 0));
}

/*
 * DEN0137 1.0 B4.3.18 RTT_SET_RIPAS(rd, rec, base, top) → x1 top of the changed range:
 * rd an RD, rec a REC → ERROR_INPUT; rec of another realm → ERROR_REC; the REC must be
 * waiting for this change, base its progress so far and top within its request →
 * ERROR_INPUT; the entry at base must be a leaf that [base, top) covers whole →
 * ERROR_RTT(walk level). Entries of that table change until top, the end of the table,
 * or a DESTROYED entry the realm did not allow to change (then x1 = where it stopped;
 * if that is base, ERROR_RTT(walk level)).
 */
void rmm_rtt_set_ripas(struct emu_call *c)
{
	struct rmm *r = c->state;
	uint64_t rd = c->a[1], rec_pa = c->a[2], base = c->a[3], top = c->a[4];
	struct rmm_realm *realm = rmm_realm_of(r, rd);
	struct rmm_rec *rec = rmm_rec_of(r, rec_pa);
	if (!realm || !rec) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	/* rec_owner: TF-RMM smc_rtt_set_ripas() @rmm-spec-v1.0-rel0 and the RMM ACS
	 * (cmd_rtt_set_ripas "rec_owner") answer ERROR_REC, not ERROR_INPUT. */
	if (rec->rd != rd) {
		emu_ret1(c, rmi_ret(RMI_ERROR_REC, 0));
		return;
	}
	if (rec->pending != RMM_PENDING_RIPAS || base != rec->ripas_addr || top <= base ||
	    top > rec->ripas_top || (top & (EMU_GRANULE_SIZE - 1))) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	struct walk w;
	walk(r, realm, base, 3, &w);
	uint64_t size = UINT64_C(1) << level_shift(w.level);
	if ((base & (size - 1)) || base + size > top) {
		emu_ret1(c, rmi_ret(RMI_ERROR_RTT, (unsigned int)w.level));
		return;
	}
	uint64_t table_end = (base | ((size << 9) - 1)) + 1;
	uint64_t a = base;
	uint64_t *e = w.entry;
	while (a + size <= top && a < table_end && RTTE_STATE(*e) != RTTE_TABLE) {
		if (RTTE_RIPAS(*e) == RMM_RIPAS_DESTROYED && !rec->ripas_change_destroyed)
			break;
		*e = (*e & ~(UINT64_C(3) << 4)) | (uint64_t)rec->ripas_value << 4;
		a += size;
		e++;
	}
	/* TF-RMM rtt_set_ripas_range(): no entry changed (a DESTROYED entry the realm did
	 * not allow to change at base) is ERROR_RTT at the walk level, not SUCCESS. */
	if (a == base) {
		emu_ret1(c, rmi_ret(RMI_ERROR_RTT, (unsigned int)w.level));
		return;
	}
	rec->ripas_addr = a;
	emu_ret2(c, rmi_ret(RMI_SUCCESS, 0), a);
}

/*
 * DEN0137 1.0 B4.3.17 RTT_FOLD(rd, ipa, level) → x1 the folded RTT: rd an RD, level in
 * [start + 1, 3], ipa aligned to the parent entry's size → ERROR_INPUT; walk to level - 1
 * → ERROR_RTT(walk level); that entry a TABLE → ERROR_RTT(level - 1); the table must be
 * homogeneous → ERROR_RTT(level): all UNASSIGNED with one RIPAS (or all unprotected
 * UNASSIGNED), or all ASSIGNED with one RIPAS (one set of NS attributes) mapping a
 * contiguous, aligned block, which needs a block level (TF-RMM RTT_MIN_BLOCK_LEVEL 2;
 * a homogeneous ASSIGNED table at level 2 → ERROR_RTT(level - 1)).
 */
void rmm_rtt_fold(struct emu_call *c)
{
	struct rmm *r = c->state;
	uint64_t ipa = c->a[2], level = c->a[3];
	struct rmm_realm *realm = rtt_cmd_realm(c, 1, -1);
	if (!realm)
		return;
	struct walk w;
	walk(r, realm, ipa, (int)level - 1, &w);
	if (w.level != (int)level - 1) {
		emu_ret1(c, rmi_ret(RMI_ERROR_RTT, (unsigned int)w.level));
		return;
	}
	if (RTTE_STATE(*w.entry) != RTTE_TABLE) {
		emu_ret1(c, rmi_ret(RMI_ERROR_RTT, (unsigned int)level - 1));
		return;
	}
	uint64_t rtt = RTTE_ADDR(*w.entry);
	const uint64_t *t = emu_mem_ptr(r->sim, rtt, EMU_GRANULE_SIZE);
	uint64_t step = UINT64_C(1) << level_shift((int)level);
	uint64_t first = t[0];
	/* TF-RMM rtt_fold() @rmm-spec-v1.0-rel0: a table whose 512 entries are all live folds
	 * only into a block above RTT_MIN_BLOCK_LEVEL (2), else ERROR_RTT(level - 1), the
	 * walk level; this is checked before the entries are compared. */
	if (emu_granule(r->sim, rtt)->refcount == 512 && level - 1 < 2) {
		emu_ret1(c, rmi_ret(RMI_ERROR_RTT, (unsigned int)level - 1));
		return;
	}
	bool ok = RTTE_STATE(first) != RTTE_TABLE;
	if (RTTE_STATE(first) == RTTE_ASSIGNED)
		ok = !(RTTE_ADDR(first) & ((step << 9) - 1));
	for (uint64_t i = 1; i < 512 && ok; i++) {
		uint64_t want = RTTE_STATE(first) == RTTE_ASSIGNED ? first + i * step : first;
		ok = t[i] == want;
	}
	if (!ok) {
		emu_ret1(c, rmi_ret(RMI_ERROR_RTT, (unsigned int)level));
		return;
	}
	*w.entry = first;
	if (RTTE_STATE(first) == RTTE_UNASSIGNED)
		emu_granule(r->sim, w.holder)->refcount--;
	emu_granule(r->sim, rtt)->refcount = 0;
	rmm_granule_release(r, rtt);
	emu_ret2(c, rmi_ret(RMI_SUCCESS, 0), rtt);
}

/*
 * DEN0137 1.0 B4.3.15/B4.3.21 RTT_MAP/UNMAP_UNPROTECTED(rd, ipa, level[, desc]), TF-RMM
 * map_unmap_ns() order: rd an RD → ERROR_INPUT; level in [RTT_MIN_BLOCK_LEVEL, 3], ipa
 * aligned to it, inside the IPA space and unprotected → ERROR_INPUT; (map) desc with no
 * bits beyond attributes and a level-aligned address inside the PA range → ERROR_INPUT;
 * walk to level → ERROR_RTT(walk level); the entry must be unprotected UNASSIGNED (map)
 * or ASSIGNED (unmap) → ERROR_RTT(level). Unmap returns x1 = top, also on ERROR_RTT.
 */
static void map_unmap_ns(struct emu_call *c, bool map)
{
	struct rmm *r = c->state;
	uint64_t rd = c->a[1], ipa = c->a[2], level = c->a[3], desc = c->a[4];
	struct rmm_realm *realm = rmm_realm_of(r, rd);
	if (!realm || level < 2 || level > 3 || !valid_ipa_level(realm, ipa, level, 0, 0) ||
	    ipa_protected(realm, ipa)) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	uint64_t size = UINT64_C(1) << level_shift((int)level);
	uint64_t addr = desc & ~RMI_NS_DESC_ATTR & ~UINT64_C(3);
	if (map && ((desc & 3) || (addr & (size - 1)) ||
		    addr >> (RMI_FEAT0_S2SZ(r->feat0) == 52 ? 52 : 48))) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	struct walk w;
	walk(r, realm, ipa, (int)level, &w);
	if (w.level != (int)level) {
		if (map)
			emu_ret1(c, rmi_ret(RMI_ERROR_RTT, (unsigned int)w.level));
		else
			emu_ret2(c, rmi_ret(RMI_ERROR_RTT, (unsigned int)w.level),
				 top_after(r, realm, &w, ipa));
		return;
	}
	if (map) {
		if (RTTE_STATE(*w.entry) != RTTE_UNASSIGNED) {
			emu_ret1(c, rmi_ret(RMI_ERROR_RTT, (unsigned int)level));
			return;
		}
		*w.entry =
			RTTE(RTTE_ASSIGNED, 0, addr) | RTTE_NS | ((desc & RMI_NS_DESC_ATTR) << 2);
		emu_granule(r->sim, w.holder)->refcount++;
		emu_ret1(c, rmi_ret(RMI_SUCCESS, 0));
		return;
	}
	if (RTTE_STATE(*w.entry) != RTTE_ASSIGNED) {
		emu_ret2(c, rmi_ret(RMI_ERROR_RTT, (unsigned int)level),
			 top_after(r, realm, &w, ipa));
		return;
	}
	*w.entry = RTTE(RTTE_UNASSIGNED, 0, 0) | RTTE_NS;
	emu_granule(r->sim, w.holder)->refcount--;
	emu_ret2(c, rmi_ret(RMI_SUCCESS, 0), top_after(r, realm, &w, ipa));
}

void rmm_rtt_map_unprotected(struct emu_call *c)
{
	map_unmap_ns(c, true);
}

void rmm_rtt_unmap_unprotected(struct emu_call *c)
{
	map_unmap_ns(c, false);
}
