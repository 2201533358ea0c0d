/* SPDX-License-Identifier: MIT */
/*
 * The RTT and DATA commands of DEN0137 1.0 (B4.3: RTT_CREATE, RTT_DESTROY, RTT_READ_ENTRY,
 * RTT_INIT_RIPAS, RTT_SET_RIPAS, RTT_FOLD, RTT_MAP/UNMAP_UNPROTECTED, DATA_CREATE,
 * DATA_CREATE_UNKNOWN, DATA_DESTROY), as TF-RMM runtime/rmi/rtt.c does them over lib/s2tt
 * (here s2tt.c, which holds the entry encoding), and the realm's view of its protected IPA
 * space that RSI uses. A table granule's refcount is its live count: its TABLE entries and
 * its ASSIGNED protected entries, as TF-RMM @rel0 keeps the RTT granule's refcount. NS
 * mappings never count (TF-RMM map_unmap_ns() holds no reference for NS memory; DEN0137 1.0
 * A5.5.8: an RTT may be non-live while one of its entries is live). The count is what
 * RTT_DESTROY, RTT_FOLD and REALM_DESTROY check.
 */
#include <string.h>

#include "rmm_model/attest.h"
#include "rmm_model/rmm.h"
#include "rmm_model/s2tt.h"

static uint64_t *rtt_entry(void *ctx, uint64_t pa)
{
	return emu_mem_ptr(ctx, pa, 8);
}

static struct s2tt realm_s2tt(struct rmm *r, const struct rmm_realm *realm)
{
	return (struct s2tt){ .root = realm->rtt_base,
			      .start_level = realm->rtt_level_start,
			      .nroots = realm->rtt_num_start,
			      .entry = rtt_entry,
			      .ctx = r->sim };
}

static void walk(struct rmm *r, const struct rmm_realm *realm, uint64_t ipa, int target,
		 struct s2tt_walk *w)
{
	struct s2tt t = realm_s2tt(r, realm);
	s2tt_walk(&t, ipa, target, w);
}

/*
 * The "top" output of RTT_DESTROY, DATA_DESTROY and RTT_UNMAP_UNPROTECTED (DEN0137 1.0 B3.76
 * RttSkipNonLiveEntries; B4.3.3, B4.3.16, B4.3.22), as TF-RMM s2tt_skip_non_live_entries()
 * @rel0 computes it: @ipa as passed if its entry is live (the outcome tables: "block mapping
 * at lower level: top == ipa"), else the first live entry after it in the table granule, up
 * to the granule's end even past 2^s2sz (s2tt_skip_non_live()).
 */
static uint64_t top_after(struct rmm *r, const struct rmm_realm *realm, const struct s2tt_walk *w,
			  uint64_t ipa)
{
	struct s2tt t = realm_s2tt(r, realm);
	return s2tt_skip_non_live(&t, w, ipa);
}

static bool realm_lpa2(const struct rmm_realm *realm)
{
	return realm->flags & RMI_REALM_FLAG_LPA2;
}

/* TF-RMM @rel0 (smc_rtt_create(), data_create()): a realm without LPA2 cannot use a granule at
 * or above 2^48 as an RTT or DATA (DEN0137 1.0 B4.3.1/B4.3.15 *_bound). */
static bool pa_fits(const struct rmm_realm *realm, uint64_t pa)
{
	return realm_lpa2(realm) || pa < (UINT64_C(1) << 48);
}

/* The live-count granule of the entry a walk found (its table, or its root granule). */
static struct rmm_gran *holder(struct rmm *r, const struct s2tt_walk *w)
{
	return rmm_gran(r, w->holder);
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
	if (ipa & ((UINT64_C(1) << s2tt_level_shift(al)) - 1))
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

/* DEN0137 A5.2.2: the protected half of the IPA space, [0, 2^(s2sz-1)). */
static bool ipa_protected(const struct rmm_realm *realm, uint64_t ipa)
{
	return ipa < (UINT64_C(1) << (realm->s2sz - 1));
}

/*
 * DEN0137 1.0 B4.3.15 RTT_CREATE(rd, rtt, ipa, level), TF-RMM smc_rtt_create() @rel0 order:
 * rtt DELEGATED and rd an RD → ERROR_INPUT; level/ipa validity → ERROR_INPUT; rtt at or above
 * 2^48 without LPA2 → ERROR_INPUT; the walk must reach level - 1 → else ERROR_RTT(walk
 * level); that entry must not already be a TABLE → ERROR_RTT(level - 1). The new table takes
 * over what the parent entry mapped (unfolding, the inverse of RTT_FOLD):
 *   UNASSIGNED (any RIPAS) or UNASSIGNED_NS: 512 copies; new count 0, parent count + 1;
 *   ASSIGNED block (any RIPAS): 512 contiguous pieces; new count 512, parent unchanged;
 *   ASSIGNED_NS block: 512 contiguous pieces with its attributes; new count 0 (NS mappings
 *   hold no reference), parent count + 1.
 */
void rmm_rtt_create(struct emu_call *c)
{
	struct rmm *r = c->state;
	uint64_t rd = c->a[1], rtt = c->a[2], ipa = c->a[3], level = c->a[4];
	struct rmm_realm *realm = rmm_realm_of(r, rd);
	if (!realm || !rmm_granule(r, rtt, RMM_GRANULE_DELEGATED) ||
	    !valid_ipa_level(realm, ipa, level, 1, -1) || !pa_fits(realm, rtt)) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	struct s2tt_walk w;
	walk(r, realm, ipa, (int)level - 1, &w);
	if (w.level != (int)level - 1) {
		emu_ret1(c, rmi_ret(RMI_ERROR_RTT, (unsigned int)w.level));
		return;
	}
	uint64_t parent = *w.entry;
	if (S2TTE_STATE(parent) == RMI_TABLE) {
		emu_ret1(c, rmi_ret(RMI_ERROR_RTT, (unsigned int)level - 1));
		return;
	}
	uint64_t *child = emu_mem_ptr(r->sim, rtt, EMU_GRANULE_SIZE);
	uint64_t step = UINT64_C(1) << s2tt_level_shift((int)level);
	bool assigned = S2TTE_STATE(parent) == RMI_ASSIGNED;
	for (uint64_t i = 0; i < S2TT_ENTRIES; i++)
		child[i] = assigned ? parent + i * step : parent;
	*w.entry = S2TTE(RMI_TABLE, 0, rtt);
	rmm_granule_set(r, rtt, RMM_GRANULE_RTT, rd);
	/* A protected block's 512 pieces are the new table's live entries and the parent
	 * entry stays live; anything else leaves the new table non-live and makes the
	 * parent entry a live TABLE. */
	bool protected_block = assigned && !(parent & S2TTE_NS);
	rmm_gran(r, rtt)->refcount = protected_block ? S2TT_ENTRIES : 0;
	if (!protected_block)
		holder(r, &w)->refcount++;
	emu_ret1(c, rmi_ret(RMI_SUCCESS, 0));
}

/*
 * DEN0137 1.0 B4.3.16 RTT_DESTROY(rd, ipa, level) → x1 rtt, x2 top, TF-RMM smc_rtt_destroy()
 * @rel0: rd an RD and level/ipa validity → ERROR_INPUT (x2 = 0); walk to level - 1 → else
 * ERROR_RTT(walk level); that entry must be a TABLE → else ERROR_RTT(level - 1); both with x2
 * = top. The table's live count must be 0 → else ERROR_RTT(level) with x2 = ipa as passed and
 * no scan (so a table holding only NS mappings is destroyed with them). The parent entry
 * becomes UNASSIGNED with RIPAS DESTROYED inside the PAR, UNASSIGNED_NS outside it; the
 * table granule DELEGATED.
 */
void rmm_rtt_destroy(struct emu_call *c)
{
	struct rmm *r = c->state;
	uint64_t ipa = c->a[2], level = c->a[3];
	struct rmm_realm *realm = rtt_cmd_realm(c, 1, -1);
	if (!realm)
		return;
	struct s2tt_walk w;
	walk(r, realm, ipa, (int)level - 1, &w);
	if (w.level != (int)level - 1 || S2TTE_STATE(*w.entry) != RMI_TABLE) {
		unsigned int idx =
			w.level != (int)level - 1 ? (unsigned int)w.level : (unsigned int)level - 1;
		emu_ret3(c, rmi_ret(RMI_ERROR_RTT, idx), 0, top_after(r, realm, &w, ipa));
		return;
	}
	uint64_t rtt = S2TTE_ADDR(*w.entry);
	if (rmm_gran(r, rtt)->refcount) {
		emu_ret3(c, rmi_ret(RMI_ERROR_RTT, (unsigned int)level), 0, ipa);
		return;
	}
	*w.entry = ipa_protected(realm, ipa) ? S2TTE(RMI_UNASSIGNED, RMM_RIPAS_DESTROYED, 0)
					     : S2TTE(RMI_UNASSIGNED, 0, 0);
	holder(r, &w)->refcount--;
	rmm_granule_release(r, rtt);
	emu_ret3(c, rmi_ret(RMI_SUCCESS, 0), rtt, top_after(r, realm, &w, ipa));
}

/*
 * DEN0137 1.0 B4.3.20 RTT_READ_ENTRY(rd, ipa, level) → x1 walk level, x2 state, x3 desc
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
	struct s2tt_walk w;
	walk(r, realm, ipa, (int)level, &w);
	uint64_t e = *w.entry;
	uint64_t desc = S2TTE_STATE(e) == RMI_UNASSIGNED ? 0 : S2TTE_ADDR(e);
	/* ASSIGNED with RIPAS DESTROYED: the PA (B4.3.20 state_prot), or 0 as TF-RMM rel0
	 * smc_rtt_read_entry() answers (the profile's "destroyed_desc": "zero"). */
	if (r->destroyed_desc_zero && S2TTE_STATE(e) == RMI_ASSIGNED &&
	    S2TTE_RIPAS(e) == RMM_RIPAS_DESTROYED)
		desc = 0;
	/* An unprotected mapping reads back as the host wrote it: address and attributes. */
	if ((e & S2TTE_NS) && S2TTE_STATE(e) == RMI_ASSIGNED)
		desc |= S2TTE_NS_ATTR(e);
	c->r[0] = rmi_ret(RMI_SUCCESS, 0);
	c->r[1] = (uint64_t)(int64_t)w.level;
	c->r[2] = S2TTE_STATE(e);
	c->r[3] = desc;
	c->r[4] = S2TTE_RIPAS(e);
	c->nres = 5;
}

/*
 * The common part of DATA_CREATE and DATA_CREATE_UNKNOWN after their own checks (TF-RMM
 * data_create() @rel0): ipa inside the PAR and 4 KiB aligned (ipa_align, ipa_bound) →
 * ERROR_INPUT; data at or above 2^48 in a realm without LPA2 → ERROR_INPUT; the walk must
 * reach level 3 → ERROR_RTT(walk level); the entry must be UNASSIGNED, whatever its RIPAS
 * (rtte_state; DEN0137 1.0 B4.3.1 has no RIPAS failure condition) → ERROR_RTT(3). The entry
 * found, or NULL with the answer returned.
 */
static uint64_t *data_entry(struct emu_call *c, const struct rmm_realm *realm, uint64_t data,
			    uint64_t ipa, struct s2tt_walk *w)
{
	struct rmm *r = c->state;
	if ((ipa & (EMU_GRANULE_SIZE - 1)) || !ipa_protected(realm, ipa) || !pa_fits(realm, data)) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return NULL;
	}
	walk(r, realm, ipa, 3, w);
	if (w->level != 3 || S2TTE_STATE(*w->entry) != RMI_UNASSIGNED) {
		emu_ret1(c, rmi_ret(RMI_ERROR_RTT, (unsigned int)w->level));
		return NULL;
	}
	return w->entry;
}

/*
 * DEN0137 1.0 B4.3.2 DATA_CREATE_UNKNOWN(rd, data, ipa): data DELEGATED and rd an RD →
 * ERROR_INPUT, then data_entry(). No realm-state condition. The granule is mapped with
 * unknown (zero) contents; the entry becomes ASSIGNED and keeps its RIPAS (TF-RMM
 * s2tte_create_assigned_unchanged()).
 */
void rmm_data_create_unknown(struct emu_call *c)
{
	struct rmm *r = c->state;
	uint64_t rd = c->a[1], data = c->a[2], ipa = c->a[3];
	struct rmm_realm *realm = rmm_realm_of(r, rd);
	if (!realm || !rmm_granule(r, data, RMM_GRANULE_DELEGATED)) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	struct s2tt_walk w;
	uint64_t *e = data_entry(c, realm, data, ipa, &w);
	if (!e)
		return;
	*e = S2TTE(RMI_ASSIGNED, S2TTE_RIPAS(*e), data);
	holder(r, &w)->refcount++;
	rmm_granule_set(r, data, RMM_GRANULE_DATA, rd);
	emu_ret1(c, rmi_ret(RMI_SUCCESS, 0));
}

/*
 * DEN0137 1.0 B4.3.3 DATA_DESTROY(rd, ipa) → x1 data, x2 top (also on ERROR_RTT): rd an
 * RD, ipa aligned and protected → ERROR_INPUT; the walk must reach level 3 →
 * ERROR_RTT(walk level); the entry must be ASSIGNED → ERROR_RTT(3). The entry becomes
 * UNASSIGNED, RAM becomes DESTROYED (TF-RMM smc_data_destroy()), the granule DELEGATED
 * and zeroed.
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
	struct s2tt_walk w;
	walk(r, realm, ipa, 3, &w);
	if (w.level != 3 || S2TTE_STATE(*w.entry) != RMI_ASSIGNED) {
		emu_ret3(c, rmi_ret(RMI_ERROR_RTT, (unsigned int)w.level), 0,
			 top_after(r, realm, &w, ipa));
		return;
	}
	uint64_t data = S2TTE_ADDR(*w.entry);
	unsigned int ripas = S2TTE_RIPAS(*w.entry) == RMM_RIPAS_RAM ? RMM_RIPAS_DESTROYED
								    : S2TTE_RIPAS(*w.entry);
	*w.entry = S2TTE(RMI_UNASSIGNED, ripas, 0);
	holder(r, &w)->refcount--;
	rmm_granule_release(r, data);
	emu_ret3(c, rmi_ret(RMI_SUCCESS, 0), data, top_after(r, realm, &w, ipa));
}

/*
 * DEN0137 1.0 B4.3.18 RTT_INIT_RIPAS(rd, base, top) → x1 top of the updated range, in TF-RMM
 * smc_rtt_init_ripas() @rel0 order: top <= base → ERROR_INPUT (before rd); rd an RD → ERROR_INPUT;
 * base and top 4 KiB aligned and below 2^s2sz, base and top - 4 KiB inside the PAR →
 * ERROR_INPUT; realm not NEW → ERROR_REALM; base not aligned to the walk level L →
 * ERROR_RTT(L). Then, from base's entry to the end of its table granule while the entry fits
 * below top: UNASSIGNED EMPTY becomes RAM, UNASSIGNED RAM stays, anything else (ASSIGNED,
 * UNASSIGNED DESTROYED, TABLE) stops the walk, and every entry visited extends the RIM with
 * its own RmmMeasurementDescriptorRipas [entry, entry end). No entry visited →
 * ERROR_RTT(L). The spec's text stops only at a TABLE (RttSkipEntriesWithRipas with
 * stop_at_destroyed FALSE); rel0 is stricter and is followed.
 */
void rmm_rtt_init_ripas(struct emu_call *c)
{
	struct rmm *r = c->state;
	uint64_t rd = c->a[1], base = c->a[2], top = c->a[3];
	if (top <= base) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	struct rmm_realm *realm = rmm_realm_of(r, rd);
	if (!realm || ((base | top) & (EMU_GRANULE_SIZE - 1)) ||
	    top - EMU_GRANULE_SIZE >= (UINT64_C(1) << (realm->s2sz - 1))) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	if (realm->state != RMM_REALM_NEW) {
		emu_ret1(c, rmi_ret(RMI_ERROR_REALM, 0));
		return;
	}
	struct s2tt t = realm_s2tt(r, realm);
	struct s2tt_walk w;
	s2tt_walk(&t, base, 3, &w);
	uint64_t size = UINT64_C(1) << s2tt_level_shift(w.level);
	if (base & (size - 1)) {
		emu_ret1(c, rmi_ret(RMI_ERROR_RTT, (unsigned int)w.level));
		return;
	}
	uint64_t a = base;
	for (unsigned int i = s2tt_index(&w, base); i < S2TT_ENTRIES && a + size <= top; i++) {
		uint64_t *e = t.entry(t.ctx, w.holder + (uint64_t)i * 8);
		if (*e == S2TTE(RMI_UNASSIGNED, RMM_RIPAS_EMPTY, 0))
			*e = S2TTE(RMI_UNASSIGNED, RMM_RIPAS_RAM, 0);
		else if (*e != S2TTE(RMI_UNASSIGNED, RMM_RIPAS_RAM, 0))
			break;
		rmm_rim_ripas((enum rmm_hash)realm->hash_algo, realm->meas[0], a, a + size);
		a += size;
	}
	if (a == base) {
		emu_ret1(c, rmi_ret(RMI_ERROR_RTT, (unsigned int)w.level));
		return;
	}
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
	struct s2tt_walk w;
	walk(r, realm, ipa, 3, &w);
	uint64_t e = *w.entry;
	if (S2TTE_STATE(e) != RMI_ASSIGNED || S2TTE_RIPAS(e) != RMM_RIPAS_RAM)
		return NULL;
	uint64_t off = ipa & ((UINT64_C(1) << s2tt_level_shift(w.level)) - 1);
	return emu_mem_ptr(r->sim, S2TTE_ADDR(e) + off, len);
}

bool rmm_realm_ripas_run(struct rmm *r, const struct rmm_realm *realm, uint64_t ipa, uint64_t end,
			 unsigned int *ripas, uint64_t *top)
{
	if (!ipa_protected(realm, ipa) || ipa >= end)
		return false;
	struct s2tt_walk w;
	unsigned int first = 0;
	uint64_t a = ipa;
	while (a < end) {
		walk(r, realm, a, 3, &w);
		unsigned int v = S2TTE_RIPAS(*w.entry);
		if (a == ipa)
			first = v;
		else if (v != first)
			break;
		uint64_t size = UINT64_C(1) << s2tt_level_shift(w.level);
		a = (a & ~(size - 1)) + size;
	}
	*ripas = first;
	*top = a < end ? a : end;
	return true;
}

/* ---- RTT commands completing the 1.0 set --------------------------------------------- */

/*
 * DEN0137 1.0 B4.3.1 DATA_CREATE(rd, data, ipa, src, flags), TF-RMM smc_data_create() and
 * data_create() @rel0 order: flags MEASURE/NO_MEASURE and src an aligned NS granule →
 * ERROR_INPUT; data DELEGATED and rd an RD → ERROR_INPUT; realm not NEW → ERROR_REALM, before
 * any ipa check (validate_data_create(): the spec leaves realm_state and ipa_* unordered);
 * then data_entry(). The granule gets the source's contents, the entry becomes ASSIGNED RAM
 * whatever its RIPAS was, and the RIM is extended with its RmmMeasurementDescriptorData.
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
	if (!realm || !rmm_granule(r, data, RMM_GRANULE_DELEGATED)) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	if (realm->state != RMM_REALM_NEW) {
		emu_ret1(c, rmi_ret(RMI_ERROR_REALM, 0));
		return;
	}
	struct s2tt_walk w;
	uint64_t *e = data_entry(c, realm, data, ipa, &w);
	if (!e)
		return;
	memcpy(emu_mem_ptr(r->sim, data, EMU_GRANULE_SIZE), content, EMU_GRANULE_SIZE);
	rmm_rim_data((enum rmm_hash)realm->hash_algo, realm->meas[0], ipa, flags,
		     flags == RMI_MEASURE_CONTENT ? content : NULL);
	*e = S2TTE(RMI_ASSIGNED, RMM_RIPAS_RAM, data);
	holder(r, &w)->refcount++;
	rmm_granule_set(r, data, RMM_GRANULE_DATA, rd);
	emu_ret1(c, rmi_ret(RMI_SUCCESS, 0));
}

/*
 * DEN0137 1.0 B4.3.21 RTT_SET_RIPAS(rd, rec, base, top) → x1 top of the changed range:
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
	struct s2tt_walk w;
	walk(r, realm, base, 3, &w);
	uint64_t size = UINT64_C(1) << s2tt_level_shift(w.level);
	if ((base & (size - 1)) || base + size > top) {
		emu_ret1(c, rmi_ret(RMI_ERROR_RTT, (unsigned int)w.level));
		return;
	}
	uint64_t table_end = (base | ((size << 9) - 1)) + 1;
	uint64_t a = base;
	uint64_t *e = w.entry;
	while (a + size <= top && a < table_end && S2TTE_STATE(*e) != RMI_TABLE) {
		if (S2TTE_RIPAS(*e) == RMM_RIPAS_DESTROYED && !rec->ripas_change_destroyed)
			break;
		*e = (*e & ~S2TTE_RIPAS_MASK) | (uint64_t)rec->ripas_value << S2TTE_RIPAS_SHIFT;
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

/* Whether the 512 entries of @t map one contiguous block at @level - 1: ASSIGNED entries of
 * one kind (same RIPAS, or NS with the same attributes), the first output address aligned
 * to the parent's size (TF-RMM table_maps_block() @rel0). */
static bool maps_block(const uint64_t *t, uint64_t level)
{
	uint64_t step = UINT64_C(1) << s2tt_level_shift((int)level);
	if (S2TTE_STATE(t[0]) != RMI_ASSIGNED || (S2TTE_ADDR(t[0]) & ((step << 9) - 1)))
		return false;
	for (uint64_t i = 1; i < S2TT_ENTRIES; i++)
		if (t[i] != t[0] + i * step)
			return false;
	return true;
}

/* All 512 entries UNASSIGNED with one RIPAS, or all UNASSIGNED_NS. */
static bool unassigned_block(const uint64_t *t)
{
	if (S2TTE_STATE(t[0]) != RMI_UNASSIGNED)
		return false;
	for (uint64_t i = 1; i < S2TT_ENTRIES; i++)
		if (t[i] != t[0])
			return false;
	return true;
}

/*
 * DEN0137 1.0 B4.3.17 RTT_FOLD(rd, ipa, level) → x1 the folded RTT, TF-RMM smc_rtt_fold() @rel0:
 * rd an RD, level in [start + 1, 3], ipa aligned to the parent entry's size → ERROR_INPUT;
 * walk to level - 1 → ERROR_RTT(walk level); that entry a TABLE → ERROR_RTT(level - 1). Then
 * by the table's live count:
 *   0: all UNASSIGNED with one RIPAS, or all UNASSIGNED_NS → the parent becomes that;
 *      all ASSIGNED_NS mapping one aligned contiguous block with the same attributes → an
 *      ASSIGNED_NS block, or ERROR_RTT(level - 1) if that block would be at level 0 or
 *      above; anything else → ERROR_RTT(level). On success the parent's count drops by 1.
 *   512: a block at level 0 or above → ERROR_RTT(level - 1), checked before the entries;
 *      512 ASSIGNED entries with one RIPAS mapping one aligned contiguous block → the
 *      parent becomes that ASSIGNED block, its count unchanged; else ERROR_RTT(level).
 *   anything else → ERROR_RTT(level).
 * S2TT_MIN_BLOCK_LEVEL is 1 (DEN0137 1.0 A5.5.6: ASSIGNED and ASSIGNED_NS folds need a child
 * at level 2 or 3). The folded table is zeroed and becomes DELEGATED.
 */
void rmm_rtt_fold(struct emu_call *c)
{
	struct rmm *r = c->state;
	uint64_t ipa = c->a[2], level = c->a[3];
	struct rmm_realm *realm = rtt_cmd_realm(c, 1, -1);
	if (!realm)
		return;
	struct s2tt_walk w;
	walk(r, realm, ipa, (int)level - 1, &w);
	if (w.level != (int)level - 1) {
		emu_ret1(c, rmi_ret(RMI_ERROR_RTT, (unsigned int)w.level));
		return;
	}
	if (S2TTE_STATE(*w.entry) != RMI_TABLE) {
		emu_ret1(c, rmi_ret(RMI_ERROR_RTT, (unsigned int)level - 1));
		return;
	}
	uint64_t rtt = S2TTE_ADDR(*w.entry);
	const uint64_t *t = emu_mem_ptr(r->sim, rtt, EMU_GRANULE_SIZE);
	uint32_t live = rmm_gran(r, rtt)->refcount;
	/* A block at level - 1 below S2TT_MIN_BLOCK_LEVEL: ERROR_RTT(level - 1), the walk level. */
	bool too_high = (int)level - 1 < S2TT_MIN_BLOCK_LEVEL;
	bool ok = false;
	if (live == 0) {
		ok = unassigned_block(t) || ((t[0] & S2TTE_NS) && maps_block(t, level));
		if (ok && S2TTE_STATE(t[0]) == RMI_ASSIGNED && too_high) {
			emu_ret1(c, rmi_ret(RMI_ERROR_RTT, (unsigned int)level - 1));
			return;
		}
	} else if (live == S2TT_ENTRIES) {
		if (too_high) {
			emu_ret1(c, rmi_ret(RMI_ERROR_RTT, (unsigned int)level - 1));
			return;
		}
		ok = !(t[0] & S2TTE_NS) && maps_block(t, level);
	}
	if (!ok) {
		emu_ret1(c, rmi_ret(RMI_ERROR_RTT, (unsigned int)level));
		return;
	}
	*w.entry = t[0];
	if (live == 0)
		holder(r, &w)->refcount--;
	rmm_gran(r, rtt)->refcount = 0;
	rmm_granule_release(r, rtt);
	emu_ret2(c, rmi_ret(RMI_SUCCESS, 0), rtt);
}

/*
 * DEN0137 1.0 B4.3.19/B4.3.22 RTT_MAP/UNMAP_UNPROTECTED(rd, ipa, level[, desc]), TF-RMM
 * smc_rtt_map_unprotected() / smc_rtt_unmap_unprotected() and map_unmap_ns() @rel0 order:
 * level outside [S2TT_MIN_BLOCK_LEVEL (1), 3] → ERROR_INPUT, before rd; rd an RD →
 * ERROR_INPUT; (map) desc not valid at the level (s2tt_ns_desc_valid()) → ERROR_INPUT; ipa
 * below 2^s2sz and aligned to the level, and outside the PAR → ERROR_INPUT. A level above
 * the realm's start level is ERROR_INPUT too (level_bound; rel0 asserts there). Map: walk to
 * the level → ERROR_RTT(walk level); the entry must be UNASSIGNED_NS → ERROR_RTT(level); it
 * becomes ASSIGNED_NS with the descriptor. Unmap: the walk stopping short or an entry that
 * is not ASSIGNED_NS → ERROR_RTT(walk level); it becomes UNASSIGNED_NS; x1 = top on success
 * and on ERROR_RTT. No live count changes either way (map_unmap_ns() holds no reference).
 */
static void map_unmap_ns(struct emu_call *c, bool map)
{
	struct rmm *r = c->state;
	uint64_t rd = c->a[1], ipa = c->a[2], level = c->a[3], desc = c->a[4];
	if (level < S2TT_MIN_BLOCK_LEVEL || level > RMI_RTT_MAX_LEVEL) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	struct rmm_realm *realm = rmm_realm_of(r, rd);
	if (!realm || (map && !s2tt_ns_desc_valid(desc, (int)level, realm_lpa2(realm))) ||
	    !valid_ipa_level(realm, ipa, level, 0, 0) || ipa_protected(realm, ipa)) {
		emu_ret1(c, rmi_ret(RMI_ERROR_INPUT, 0));
		return;
	}
	struct s2tt_walk w;
	walk(r, realm, ipa, (int)level, &w);
	bool reached = w.level == (int)level;
	if (map) {
		if (!reached || S2TTE_STATE(*w.entry) != RMI_UNASSIGNED) {
			emu_ret1(c, rmi_ret(RMI_ERROR_RTT,
					    reached ? (unsigned int)level : (unsigned int)w.level));
			return;
		}
		*w.entry = S2TTE(RMI_ASSIGNED, 0, S2TTE_ADDR(desc)) | S2TTE_NS |
			   S2TTE_NS_FROM_DESC(desc);
		emu_ret1(c, rmi_ret(RMI_SUCCESS, 0));
		return;
	}
	if (!reached || S2TTE_STATE(*w.entry) != RMI_ASSIGNED) {
		emu_ret2(c, rmi_ret(RMI_ERROR_RTT, (unsigned int)w.level),
			 top_after(r, realm, &w, ipa));
		return;
	}
	*w.entry = S2TTE(RMI_UNASSIGNED, 0, 0);
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
