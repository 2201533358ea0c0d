/* SPDX-License-Identifier: MIT */
/*
 * Arm Architecture Calls (SMCCC DEN0028, OEN 0): SMCCC_VERSION, SMCCC_ARCH_FEATURES,
 * SMCCC_ARCH_SOC_ID and the Spectre workaround calls.
 *
 * Profile section "arch":
 *   smccc_version  "1.0".."1.6" or "absent" (1.0 has no SMCCC_VERSION call)
 *   soc_id         { "version", "revision", "name" }  (absent: SOC_ID not implemented)
 *   workarounds    { "1": answer, "2": answer, "3": answer } as ARCH_FEATURES returns them:
 *                  0 mitigation required and implemented, 1 this PE is unaffected,
 *                  -2 (WORKAROUND_2 only) not required, -1 not implemented
 *   features_extra [IDs] other function IDs ARCH_FEATURES reports as 0 when routed
 *                  (KVM answers ARCH_FEATURES(PV_TIME_FEATURES))
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "abi/bytes.h"
#include "emu/emu.h"
#include "emu/services.h"

#define SOC_ID_NAME_LEN 136 /* DEN0028 1.6 7.4: x1..x17, 8 bytes each */

struct arch {
	uint32_t version;
	bool soc_id;
	int32_t soc_version;
	int32_t soc_revision;
	bool soc_name_present;
	char soc_name[SOC_ID_NAME_LEN];
	int64_t wa[4]; /* index 1..3 */
	uint32_t *extra;
	size_t nextra;
};

enum {
	SOC_ID_TYPE_VERSION = 0,
	SOC_ID_TYPE_REVISION = 1,
	SOC_ID_TYPE_NAME = 2,
};

static void h_version(struct emu_call *c)
{
	const struct arch *a = c->state;
	emu_ret1(c, a->version);
}

/* The workaround calls have no results: TF-A returns without writing x0. */
static void h_workaround(struct emu_call *c)
{
	c->nres = 0;
}

static void h_features(struct emu_call *c)
{
	const struct arch *a = c->state;
	uint32_t q = (uint32_t)c->a[1];
	if (q & SMCCC_FAST)
		q &= ~SMCCC_SVE_HINT;
	bool arch_range = SMCCC_OEN(q) == SMCCC_OEN_ARCH && (q & SMCCC_FAST);
	bool extra = false;
	for (size_t i = 0; i < a->nextra && !extra; i++)
		extra = a->extra[i] == q;
	const struct emu_fn *fn = NULL;
	/* DEN0028 7.2: ARCH_FEATURES reports Arm Architecture Service functions only;
	 * anything else, or a function not implemented on this path, is NOT_SUPPORTED. */
	if ((!arch_range && !extra) ||
	    !emu_route_query(c->sim, c->caller, c->depth, q, &fn, NULL)) {
		emu_ret1(c, SMCCC_RET_NOT_SUPPORTED);
		return;
	}
	/* A workaround row names its answer: this instance's "workarounds" setting
	 * (DEN0028 7.5-7.7: 0 needed, 1 not needed, -1 not supported, WA2 also -2). */
	if (fn->handler == h_workaround && fn->features < EMU_ARRAY_SIZE(a->wa))
		emu_ret1(c, (uint64_t)(int64_t)a->wa[fn->features]);
	else
		emu_ret1(c, SMCCC_RET_SUCCESS);
}

static void h_soc_id(struct emu_call *c)
{
	const struct arch *a = c->state;
	uint32_t type = (uint32_t)c->a[1];
	bool smc64 = c->fid & SMCCC_64;
	/* DEN0028 1.6 7.4: the name is returned only through the SMC64 ID, version and
	 * revision only through the SMC32 ID. */
	if (!smc64 && type == SOC_ID_TYPE_VERSION) {
		emu_ret1(c, (uint64_t)(int64_t)a->soc_version);
	} else if (!smc64 && type == SOC_ID_TYPE_REVISION) {
		emu_ret1(c, (uint64_t)(int64_t)a->soc_revision);
	} else if (smc64 && type == SOC_ID_TYPE_NAME && a->soc_name_present) {
		c->r[0] = SMCCC_RET_SUCCESS;
		for (int i = 0; i < 17; i++)
			c->r[1 + i] = abi_rd64(a->soc_name + i * 8);
		c->nres = SMCSIM_NREGS;
	} else {
		emu_ret1(c, SMCCC_RET_INVALID_PARAMETER);
	}
}

/*
 * DEN0028 7: arguments and results of each call. .features of a workaround row is the
 * index of its answer in struct arch's wa[] (what ARCH_FEATURES reports for it).
 */
static const struct emu_fn arch_fns[] = {
	EMU_FN_ROW(SMCCC_VERSION, .since = SMCCC_VER(1, 1), .handler = h_version, .nres = 1),
	EMU_FN_ROW(SMCCC_ARCH_FEATURES, .since = SMCCC_VER(1, 1), .handler = h_features, .nargs = 1,
		   .nres = 1),
	EMU_FN_ROW(SMCCC_ARCH_SOC_ID, .since = SMCCC_VER(1, 2), .flags = EMU_FN_OPTIONAL,
		   .handler = h_soc_id, .nargs = 1, .nres = 1),
	/* The name query is DEN0028 1.6; firmware reporting 1.2 (TF-A) implements it too.
	 * The name comes back in x1..x17 (DEN0028 1.6 7.4). */
	EMU_FN_ROW(SMCCC_ARCH_SOC_ID_64, .since = SMCCC_VER(1, 2), .flags = EMU_FN_OPTIONAL,
		   .handler = h_soc_id, .nargs = 1, .nres = SMCSIM_NREGS),
	/* The workarounds return nothing (TF-A returns without writing x0); WORKAROUND_2
	 * takes the enable flag in w1 (DEN0028 7.6). */
	EMU_FN_ROW(SMCCC_ARCH_WORKAROUND_1, .since = SMCCC_VER(1, 1), .flags = EMU_FN_OPTIONAL,
		   .handler = h_workaround, .features = 1),
	EMU_FN_ROW(SMCCC_ARCH_WORKAROUND_2, .since = SMCCC_VER(1, 1), .flags = EMU_FN_OPTIONAL,
		   .handler = h_workaround, .nargs = 1, .features = 2),
	EMU_FN_ROW(SMCCC_ARCH_WORKAROUND_3, .since = SMCCC_VER(1, 1), .flags = EMU_FN_OPTIONAL,
		   .handler = h_workaround, .features = 3),
};
_Static_assert(EMU_ARRAY_SIZE(arch_fns) == EMU_FN_COUNT(SMCCC_ARCH_FUNCTIONS),
	       "arch_fns: one row for every Arm Architecture Call in abi/smccc.h");

static uint32_t arch_version(const void *state)
{
	return ((const struct arch *)state)->version;
}

static bool arch_implements(const void *state, const struct emu_fn *fn)
{
	const struct arch *a = state;
	switch (fn->fid) {
	case SMCCC_ARCH_SOC_ID_FID:
		return a->soc_id;
	case SMCCC_ARCH_SOC_ID_64_FID:
		return a->soc_id && a->soc_name_present;
	default:
		if (fn->handler == h_workaround)
			return a->wa[fn->features] != -1;
		return !(fn->flags & EMU_FN_OPTIONAL);
	}
}

static int parse_soc_id(struct arch *a, json_t *soc, const char *path, struct smcsim_error *err)
{
	static const char *const keys[] = { "version", "revision", "name", NULL };
	char p[300];
	snprintf(p, sizeof(p), "%s/soc_id", path);
	uint32_t ver, rev;
	const char *name;
	int ret;
	if ((ret = emu_cfg_keys(soc, p, keys, err)) ||
	    (ret = emu_cfg_u32(soc, "version", p, 0, &ver, err)) ||
	    (ret = emu_cfg_u32(soc, "revision", p, 0, &rev, err)) ||
	    (ret = emu_cfg_str(soc, "name", p, NULL, &name, err)))
		return ret;
	/* DEN0028 7.4: version and revision are non-negative 31-bit values. */
	if (ver >> 31)
		return emu_err(err, "%s/version: bit 31 must be zero", p);
	if (rev >> 31)
		return emu_err(err, "%s/revision: bit 31 must be zero", p);
	a->soc_id = true;
	a->soc_version = (int32_t)ver;
	a->soc_revision = (int32_t)rev;
	if (name) {
		if (strlen(name) >= SOC_ID_NAME_LEN)
			return emu_err(err, "%s/name: at most %d bytes (NUL-terminated in x1..x17)",
				       p, SOC_ID_NAME_LEN - 1);
		a->soc_name_present = true;
		strncpy(a->soc_name, name, SOC_ID_NAME_LEN - 1);
	}
	return 0;
}

static int parse_workarounds(struct arch *a, json_t *wa, const char *path, struct smcsim_error *err)
{
	static const char *const keys[] = { "1", "2", "3", NULL };
	char p[300];
	snprintf(p, sizeof(p), "%s/workarounds", path);
	int ret = emu_cfg_keys(wa, p, keys, err);
	for (int i = 1; !ret && i <= 3; i++) {
		char key[2] = { (char)('0' + i), 0 };
		int64_t v;
		if ((ret = emu_cfg_s64(wa, key, p, -1, &v, err)))
			break;
		/* DEN0028 7.5-7.7: 0, 1 or -1; WORKAROUND_2 adds -2 (NOT_REQUIRED). */
		if (v != 0 && v != 1 && v != -1 && !(i == 2 && v == -2))
			return emu_err(err, "%s/%s: ARCH_FEATURES answer must be 0, 1, -1%s", p,
				       key, i == 2 ? " or -2" : "");
		a->wa[i] = v;
	}
	return ret;
}

static int arch_create(struct smcsim *sim, struct emu_layer *layer, json_t *cfg, const char *path,
		       void **state, struct smcsim_error *err)
{
	static const char *const keys[] = { "smccc_version", "soc_id", "workarounds",
					    "features_extra", NULL };
	struct arch *a = calloc(1, sizeof(*a));
	if (!a)
		return -ENOMEM;
	*state = a;
	a->wa[1] = a->wa[2] = a->wa[3] = -1;
	json_t *soc, *wa;
	int ret;
	if ((ret = emu_cfg_keys(cfg, path, keys, err)) ||
	    (ret = emu_cfg_version(cfg, "smccc_version", path, SMCCC_VER(1, 2), &a->version,
				   err)) ||
	    (ret = emu_cfg_object(cfg, "soc_id", path, &soc, err)) ||
	    (ret = emu_cfg_object(cfg, "workarounds", path, &wa, err)))
		return ret;
	if (a->version && (a->version < SMCCC_VER(1, 0) || a->version > SMCCC_VER(1, 6)))
		return emu_err(err, "%s/smccc_version: this emulator models SMCCC 1.0 to 1.6",
			       path);
	if (soc && (ret = parse_soc_id(a, soc, path, err)))
		return ret;
	if (wa && (ret = parse_workarounds(a, wa, path, err)))
		return ret;
	json_t *extra = json_object_get(cfg, "features_extra");
	if (extra) {
		if (!json_is_array(extra))
			return emu_err(err, "%s/features_extra: expected an array of function IDs",
				       path);
		a->extra = calloc(json_array_size(extra) + 1, sizeof(*a->extra));
		if (!a->extra)
			return -ENOMEM;
		size_t i;
		json_t *v;
		json_array_foreach(extra, i, v)
		{
			uint64_t fid;
			const char *why;
			if (emu_parse_value(emu_registry_of(sim), v, &fid, &why) ||
			    fid > UINT32_MAX)
				return emu_err(err, "%s/features_extra/%zu: %s", path, i,
					       fid > UINT32_MAX ? "not a 32-bit function ID" : why);
			a->extra[a->nextra++] = (uint32_t)fid;
		}
	}
	return 0;
}

static void arch_destroy(void *state)
{
	struct arch *a = state;
	if (a)
		free(a->extra);
	free(a);
}

const struct emu_service emu_svc_arch = {
	.name = "arch",
	.title = "Arm Architecture Calls (SMCCC DEN0028)",
	.fns = arch_fns,
	.nfns = EMU_ARRAY_SIZE(arch_fns),
	.create = arch_create,
	.destroy = arch_destroy,
	.version = arch_version,
	.implements = arch_implements,
};

uint32_t emu_arch_smccc_version(const void *state)
{
	return arch_version(state);
}
