/* SPDX-License-Identifier: MIT */
/*
 * TRNG firmware interface 1.0 (DEN0098).
 *
 * Entropy comes from a seeded SplitMix64 stream, so a run is reproducible and a machine
 * reset restarts the stream. Profile section "trng":
 *   version        "1.0" (DEN0098 defines only 1.0)
 *   uuid           the TRNG back end's UUID returned by TRNG_GET_UUID
 *   seed           seed of the deterministic generator (default 1)
 *   no_entropy     true: every RND call fails with NO_ENTROPY
 *   no_entropy_first  N: the first N RND calls fail with NO_ENTROPY (then entropy flows),
 *                  which models a source that is still warming up
 */
#include <errno.h>
#include <stdlib.h>

#include "emu/emu.h"
#include "emu/services.h"

struct trng {
	uint32_t version;
	uint8_t uuid[16];
	uint64_t seed;
	bool no_entropy;
	uint32_t no_entropy_first;
	/* run-time state */
	uint64_t rng;
	uint32_t failures_left;
};

static void h_version(struct emu_call *c)
{
	const struct trng *t = c->state;
	emu_ret1(c, t->version);
}

static void h_features(struct emu_call *c)
{
	uint32_t q = (uint32_t)c->a[1];
	const struct emu_fn *fn;
	struct emu_instance in;
	/* DEN0098 2.2: SUCCESS for a TRNG function that is implemented, NOT_SUPPORTED for
	 * anything else, including IDs of other services. */
	bool ours =
		emu_route_query(c->sim, c->caller, c->depth, q, &fn, &in) && in.state == c->state;
	emu_ret1(c, ours ? TRNG_RET_SUCCESS : emu_status(TRNG_RET_NOT_SUPPORTED));
}

static void h_get_uuid(struct emu_call *c)
{
	const struct trng *t = c->state;
	uint64_t w[4];
	emu_uuid_to_regs(t->uuid, w);
	emu_ret4(c, w[0], w[1], w[2], w[3]);
}

static bool entropy_fails(struct trng *t)
{
	if (t->no_entropy)
		return true;
	if (t->failures_left) {
		t->failures_left--;
		return true;
	}
	return false;
}

/*
 * DEN0098 2.4/2.5: N bits of entropy are returned right-aligned across the result
 * registers, the least significant word in the last register (w3 / x3); bits above N are
 * zero. @wbits is the register width (32 for RND32, 64 for RND64).
 */
static void fill(struct emu_call *c, struct trng *t, uint64_t nbits, unsigned int wbits)
{
	uint64_t out[3] = { 0, 0, 0 };
	uint64_t left = nbits;
	for (int reg = 2; reg >= 0 && left; reg--) {
		uint64_t v = emu_rand_next(&t->rng);
		unsigned int take = left >= wbits ? wbits : (unsigned int)left;
		if (take < 64)
			v &= (UINT64_C(1) << take) - 1;
		if (wbits == 32)
			v &= UINT32_MAX;
		out[reg] = v;
		left -= take;
	}
	emu_ret4(c, TRNG_RET_SUCCESS, out[0], out[1], out[2]);
}

static void h_rnd(struct emu_call *c)
{
	struct trng *t = c->state;
	bool is64 = c->fid == TRNG_RND64_FID;
	uint64_t nbits = c->a[1];
	uint64_t max = is64 ? 192 : 96;
	/* DEN0098 2.4: N = 0 or N above the maximum is INVALID_PARAMETER, checked before
	 * the entropy source is consulted. */
	if (nbits == 0 || nbits > max) {
		emu_ret1(c, emu_status(TRNG_RET_INVALID_PARAMETER));
		return;
	}
	if (entropy_fails(t)) {
		emu_ret1(c, emu_status(TRNG_RET_NO_ENTROPY));
		return;
	}
	fill(c, t, nbits, is64 ? 64 : 32);
}

static const struct emu_fn trng_fns[] = {
	/* DEN0098 2.2-2.6: GET_UUID returns w0..w3, RND32/RND64 status and x1..x3. */
	EMU_FN_ROW(TRNG_VERSION, .handler = h_version, .nres = 1),
	EMU_FN_ROW(TRNG_FEATURES, .handler = h_features, .nargs = 1, .nres = 1),
	EMU_FN_ROW(TRNG_GET_UUID, .handler = h_get_uuid, .nres = 4),
	EMU_FN_ROW(TRNG_RND32, .handler = h_rnd, .nargs = 1, .nres = 4),
	EMU_FN_ROW(TRNG_RND64, .handler = h_rnd, .nargs = 1, .nres = 4),
};
_Static_assert(EMU_ARRAY_SIZE(trng_fns) == EMU_FN_COUNT(TRNG_FUNCTIONS),
	       "trng_fns: one row for every TRNG function in abi/trng.h");

static void trng_reset(void *state)
{
	struct trng *t = state;
	t->rng = t->seed;
	t->failures_left = t->no_entropy_first;
}

static int trng_create(struct smcsim *sim, struct emu_layer *layer, json_t *cfg, const char *path,
		       void **state, struct smcsim_error *err)
{
	static const char *const keys[] = { "version",		"uuid", "seed", "no_entropy",
					    "no_entropy_first", NULL };
	/* An smcsim-specific identity; profiles name the back end they model. */
	static const uint8_t def_uuid[16] = { 0x5c, 0x3b, 0x6f, 0x80, 0x1e, 0x9a, 0x4f, 0x2d,
					      0x9b, 0x6a, 0x53, 0x4d, 0x43, 0x53, 0x49, 0x4d };
	struct trng *t = calloc(1, sizeof(*t));
	if (!t)
		return -ENOMEM;
	*state = t;
	int ret;
	if ((ret = emu_cfg_keys(cfg, path, keys, err)) ||
	    (ret = emu_cfg_version(cfg, "version", path, SMCCC_VER(1, 0), &t->version, err)) ||
	    (ret = emu_cfg_uuid(cfg, "uuid", path, def_uuid, t->uuid, err)) ||
	    (ret = emu_cfg_u64(cfg, "seed", path, 1, &t->seed, err)) ||
	    (ret = emu_cfg_bool(cfg, "no_entropy", path, false, &t->no_entropy, err)) ||
	    (ret = emu_cfg_u32(cfg, "no_entropy_first", path, 0, &t->no_entropy_first, err)))
		return ret;
	if (t->version != SMCCC_VER(1, 0))
		return emu_err(err, "%s/version: DEN0098 defines TRNG 1.0 only", path);
	trng_reset(t);
	return 0;
}

static void trng_destroy(void *state)
{
	free(state);
}

static uint32_t trng_version(const void *state)
{
	return ((const struct trng *)state)->version;
}

const struct emu_service emu_svc_trng = {
	.name = "trng",
	.title = "True Random Number Generator (DEN0098)",
	.fns = trng_fns,
	.nfns = EMU_ARRAY_SIZE(trng_fns),
	.create = trng_create,
	.destroy = trng_destroy,
	.reset = trng_reset,
	.version = trng_version,
};
