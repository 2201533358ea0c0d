/* SPDX-License-Identifier: MIT */
/*
 * General Service Queries (DEN0028 6.2): in every service range, function 0xFF00 is
 * Call Count (deprecated), 0xFF01 Call UID (UUID in w0..w3) and 0xFF03 Revision
 * (major in w0, minor in w1). Whoever owns a range on a layer answers them; the
 * profile section "query" says which ranges this layer owns and with what identity:
 *
 *   "query": { "standard": { "uid": "...", "revision": "0.1", "count": N } ... }
 *
 * Ranges: sip, oem, standard, std_hyp, vendor_hyp, vendor_el3, trusted_os. "count"
 * defaults to the number of functions of that range this layer implements.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "emu/emu.h"
#include "emu/services.h"

struct range_def {
	const char *key;
	unsigned int oen;
};

/* In the order of SMCCC_QUERY_RANGES (abi/smccc.h): profile key, OEN. */
#define QUERY_RANGE_DEFS(X)                                                                        \
	X("sip", SMCCC_OEN_SIP)                                                                    \
	X("oem", SMCCC_OEN_OEM)                                                                    \
	X("standard", SMCCC_OEN_STD)                                                               \
	X("std_hyp", SMCCC_OEN_STD_HYP)                                                            \
	X("vendor_hyp", SMCCC_OEN_VENDOR_HYP)                                                      \
	X("vendor_el3", SMCCC_OEN_VENDOR_EL3)                                                      \
	X("trusted_os", SMCCC_OEN_TOS_QUERY)

#define RANGE_DEF(key, oen) { key, oen },
static const struct range_def ranges[] = { QUERY_RANGE_DEFS(RANGE_DEF) };

/*
 * The same keys as a NULL-terminated list for emu_cfg_keys(), built at compile time: the
 * library keeps no writable static state, so machines can be created from any thread.
 */
#define RANGE_KEY(key, oen) key,
static const char *const range_keys[] = { QUERY_RANGE_DEFS(RANGE_KEY) NULL };
#define NRANGES EMU_ARRAY_SIZE(ranges)
_Static_assert(EMU_ARRAY_SIZE(range_keys) == NRANGES + 1, "range_keys: every range, then NULL");

struct range_cfg {
	bool present;
	uint8_t uid[16];
	uint32_t revision;
	bool count_set;
	uint32_t count;
};

struct query {
	struct emu_layer *layer;
	struct range_cfg r[NRANGES];
};

static int range_index(uint32_t fid)
{
	for (size_t i = 0; i < NRANGES; i++)
		if (SMCCC_OEN(fid) == ranges[i].oen)
			return (int)i;
	return -1;
}

static uint32_t auto_count(const struct query *q, unsigned int oen)
{
	uint32_t n = 0;
	for (size_t i = 0; i < q->layer->ninst; i++) {
		const struct emu_instance *in = &q->layer->inst[i];
		const struct emu_service *s = in->svc;
		uint32_t ver = s->version ? s->version(in->state) : 0;
		for (size_t k = 0; k < s->nfns; k++) {
			const struct emu_fn *fn = &s->fns[k];
			if (SMCCC_OEN(fn->fid) != oen || SMCCC_FNUM(fn->fid) >= 0xFF00 ||
			    fn->since > ver)
				continue;
			if (s->implements ? s->implements(in->state, fn)
					  : !(fn->flags & EMU_FN_OPTIONAL))
				n++;
		}
	}
	return n;
}

static void h_count(struct emu_call *c)
{
	const struct query *q = c->state;
	const struct range_cfg *r = &q->r[range_index(c->fid)];
	emu_ret1(c, r->count_set ? r->count : auto_count(q, SMCCC_OEN(c->fid)));
}

static void h_uid(struct emu_call *c)
{
	const struct query *q = c->state;
	uint64_t w[4];
	emu_uuid_to_regs(q->r[range_index(c->fid)].uid, w);
	emu_ret4(c, w[0], w[1], w[2], w[3]);
}

static void h_revision(struct emu_call *c)
{
	const struct query *q = c->state;
	uint32_t rev = q->r[range_index(c->fid)].revision;
	emu_ret2(c, SMCCC_VER_MAJOR(rev), SMCCC_VER_MINOR(rev));
}

/* DEN0028 6.2: Call Count answers w0, Call UID w0..w3, Revision w0 and w1. */
#define QUERY_ROWS(prefix)                                                                         \
	EMU_FN_ROW(prefix##_CALL_COUNT, .flags = EMU_FN_OPTIONAL, .handler = h_count, .nres = 1),  \
		EMU_FN_ROW(prefix##_CALL_UID, .flags = EMU_FN_OPTIONAL, .handler = h_uid,          \
			   .nres = 4),                                                             \
		EMU_FN_ROW(prefix##_REVISION, .flags = EMU_FN_OPTIONAL, .handler = h_revision,     \
			   .nres = 2),

static const struct emu_fn query_fns[] = { SMCCC_QUERY_RANGES(QUERY_ROWS) };
_Static_assert(EMU_ARRAY_SIZE(query_fns) == 3 * EMU_FN_COUNT(SMCCC_QUERY_RANGES),
	       "query_fns: the three queries of every range in abi/smccc.h");

static bool query_implements(const void *state, const struct emu_fn *fn)
{
	const struct query *q = state;
	int i = range_index(fn->fid);
	return i >= 0 && q->r[i].present;
}

static int query_create(struct smcsim *sim, struct emu_layer *layer, json_t *cfg, const char *path,
			void **state, struct smcsim_error *err)
{
	struct query *q = calloc(1, sizeof(*q));
	if (!q)
		return -ENOMEM;
	*state = q;
	q->layer = layer;
	int ret = emu_cfg_keys(cfg, path, range_keys, err);
	for (size_t i = 0; !ret && i < NRANGES; i++) {
		json_t *r;
		char p[300];
		snprintf(p, sizeof(p), "%s/%s", path, ranges[i].key);
		if ((ret = emu_cfg_object(cfg, ranges[i].key, path, &r, err)) || !r)
			continue;
		static const char *const rkeys[] = { "uid", "revision", "count", NULL };
		static const uint8_t zero[16];
		struct range_cfg *rc = &q->r[i];
		rc->present = true;
		rc->count_set = json_object_get(r, "count") != NULL;
		if ((ret = emu_cfg_keys(r, p, rkeys, err)) ||
		    (ret = emu_cfg_uuid(r, "uid", p, zero, rc->uid, err)) ||
		    (ret = emu_cfg_version(r, "revision", p, 0, &rc->revision, err)) ||
		    (ret = emu_cfg_u32(r, "count", p, 0, &rc->count, err)))
			break;
		if (!json_object_get(r, "uid"))
			ret = emu_err(err,
				      "%s/uid: missing (a range that answers Call UID needs one)",
				      p);
	}
	return ret;
}

static void query_destroy(void *state)
{
	free(state);
}

const struct emu_service emu_svc_query = {
	.name = "query",
	.title = "General Service Queries (SMCCC DEN0028 6.2)",
	.fns = query_fns,
	.nfns = EMU_ARRAY_SIZE(query_fns),
	.create = query_create,
	.destroy = query_destroy,
	.implements = query_implements,
};
