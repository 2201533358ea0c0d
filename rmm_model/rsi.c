/* SPDX-License-Identifier: MIT */
/*
 * RSI (DEN0137 1.0 B5), the interface a realm uses to talk to its RMM. The command
 * handlers here work on a struct rsi_env, the realm as RSI sees it, so that one set of
 * handlers serves both:
 *   - a REC the host entered with RMI_REC_ENTER (run.c: cca-host), where a command that
 *     needs the host (IPA_STATE_SET, HOST_CALL) becomes a REC exit, and
 *   - the stand-alone realm of the `rsi` service (cca-realm, below), whose host is
 *     simulated by policy, so realm-side kernel code can be tested without a host.
 *
 * Argument checks follow DEN0137's failure conditions in TF-RMM rmm-spec-v1.0-rel0 order
 * (runtime/rsi/).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "rmm_model/attest.h"
#include "rmm_model/rmm.h"

/* TF-RMM: the largest token RSI_ATTEST_TOKEN_INIT promises (one granule). */
#define RSI_TOKEN_MAX_HINT 0x1000

/* What an RSI handler works on: the emu_call's state while rsi_handle() runs it. */
struct rsi_ctx {
	const struct rsi_env *env;
	struct rsi_exit *ex; /* what the command needs from the host, if anything */
};

/* The protected IPA space (DEN0137 A5.2.2): [0, 2^(s2sz-1)), the realm's PAR. */
static bool in_par(const struct rsi_env *env, uint64_t base, uint64_t top)
{
	uint64_t par = UINT64_C(1) << (env->s2sz - 1);
	return base < top && top <= par;
}

/* A buffer in realm memory, or NULL with the command's answer set: ERROR_INPUT unless its
 * RIPAS is RAM (TF-RMM rel0 realm_ipa_to_pa()); a RAM page the host has not mapped is a
 * stage-2 fault the host must resolve (the command is retried after the next REC_ENTER). */
static uint8_t *buffer(const struct rsi_env *env, uint64_t ipa, size_t len, uint64_t *r,
		       struct rsi_exit *ex)
{
	unsigned int ripas;
	uint64_t top, page = ipa & ~(EMU_GRANULE_SIZE - 1);
	if (!env->ripas_run(env->ctx, page, page + EMU_GRANULE_SIZE, &ripas, &top) ||
	    ripas != RMM_RIPAS_RAM) {
		r[0] = RSI_ERROR_INPUT;
		return NULL;
	}
	uint8_t *p = env->ipa_ptr(env->ctx, ipa, len);
	if (!p) {
		ex->kind = RSI_EXIT_FAULT;
		ex->ipa = ipa;
	}
	return p;
}

/*
 * DEN0137 B5.3.10 RSI_VERSION. TF-RMM rel0 (runtime/rsi/system.c) answers x1 = x2 = 1.0
 * and ERROR_INPUT for any other request, as RMI_VERSION does. TF-RMM main
 * (runtime/rsi/version.c) supports 1.0 and 1.1: success echoes the request in x1, an
 * unsupported request gets ERROR_INPUT with x1 = the highest; x2 = highest.
 */
static void rsi_version(struct emu_call *c)
{
	const struct rsi_ctx *x = c->state;
	const struct rsi_env *env = x->env;
	const uint64_t *a = c->a;
	uint64_t *r = c->r;
	if (!env->rsi_1_1) {
		r[0] = a[1] == RSI_ABI_1_0 ? RSI_SUCCESS : RSI_ERROR_INPUT;
		r[1] = RSI_ABI_1_0;
		r[2] = RSI_ABI_1_0;
		return;
	}
	bool ok = a[1] == RSI_ABI_1_0 || a[1] == RSI_ABI_1_1;
	r[0] = ok ? RSI_SUCCESS : RSI_ERROR_INPUT;
	r[1] = ok ? a[1] : RSI_ABI_1_1;
	r[2] = RSI_ABI_1_1;
}

/* B5.3.3 RSI_FEATURES: 1.0 defines no feature bits; 1.1's (DA, MRO, ATS in register 0)
 * describe features this model does not offer. Every register reads 0. */
static void rsi_features(struct emu_call *c)
{
	uint64_t *r = c->r;
	r[0] = RSI_SUCCESS;
	r[1] = 0;
}

/* B5.3.8 RSI_MEASUREMENT_READ(index): index > 4 → ERROR_INPUT; x1..x8 = the 64-byte
 * measurement, little-endian words, zero past the hash size. */
static void rsi_meas_read(struct emu_call *c)
{
	const struct rsi_ctx *x = c->state;
	const struct rsi_env *env = x->env;
	const uint64_t *a = c->a;
	uint64_t *r = c->r;
	if (a[1] > 4) {
		r[0] = RSI_ERROR_INPUT;
		return;
	}
	r[0] = RSI_SUCCESS;
	for (int i = 0; i < 8; i++)
		r[1 + i] = abi_rd64(env->meas[a[1]] + 8 * i);
}

/* B5.3.7 RSI_MEASUREMENT_EXTEND(index, size, value in x3..x10): index 0 (the RIM) or
 * > 4, or size > 64 → ERROR_INPUT. REM[index-1] = H(REM || value[0..size)). */
static void rsi_meas_extend(struct emu_call *c)
{
	const struct rsi_ctx *x = c->state;
	const struct rsi_env *env = x->env;
	const uint64_t *a = c->a;
	uint64_t *r = c->r;
	if (a[1] == 0 || a[1] > 4 || a[2] > 64) {
		r[0] = RSI_ERROR_INPUT;
		return;
	}
	uint8_t value[64];
	for (int i = 0; i < 8; i++)
		abi_wr64(value + 8 * i, a[3 + i]);
	rmm_meas_extend((enum rmm_hash)env->hash_algo, env->meas[a[1]], value, a[2]);
	r[0] = RSI_SUCCESS;
}

/* B5.3.2 RSI_ATTEST_TOKEN_INIT(challenge in x1..x8): starts a new token (dropping one in
 * progress) and returns an upper bound of its size. The token is built here, from the
 * measurements as they are now, so CONTINUE hands out one consistent token. */
static void rsi_token_init(struct emu_call *c)
{
	const struct rsi_ctx *x = c->state;
	const struct rsi_env *env = x->env;
	const uint64_t *a = c->a;
	uint64_t *r = c->r;
	struct rmm_attest *at = env->attest;
	rmm_attest_reset(at);
	struct rmm_token_claims cl = { .algo = (enum rmm_hash)env->hash_algo, .v2 = env->token_v2 };
	for (int i = 0; i < 8; i++)
		abi_wr64(cl.challenge + 8 * i, a[1 + i]);
	memcpy(cl.rpv, env->rpv, sizeof(cl.rpv));
	memcpy(cl.rim, env->meas[0], sizeof(cl.rim));
	for (int i = 0; i < 4; i++)
		memcpy(cl.rem[i], env->meas[1 + i], sizeof(cl.rem[i]));
	if (rmm_token_build(&cl, &at->token, &at->len)) {
		/* Out of memory in the simulator: the spec's nearest answer is "no token". */
		r[0] = RSI_ERROR_STATE;
		return;
	}
	memcpy(at->challenge, cl.challenge, sizeof(at->challenge));
	at->active = true;
	at->offset = 0;
	r[0] = RSI_SUCCESS;
	r[1] = at->len > RSI_TOKEN_MAX_HINT
		       ? (at->len + EMU_GRANULE_SIZE - 1) & ~(EMU_GRANULE_SIZE - 1)
		       : RSI_TOKEN_MAX_HINT;
}

/*
 * B5.3.1 RSI_ATTEST_TOKEN_CONTINUE(addr, offset, size) → x1 bytes copied: addr granule
 * aligned and in the PAR, offset + size within the granule → else ERROR_INPUT; no token
 * started → ERROR_STATE. Returns INCOMPLETE until the last byte is copied. size 0 is not
 * a failure condition (DEN0137 1.0; ACS cmd_attestation_token_continue tests only
 * addr_align, addr_bound, offset_bound, size_overflow and size_bound): TF-RMM rel0
 * attest_token_continue_write_state() answers it with INCOMPLETE and copies nothing.
 */
static void rsi_token_continue(struct emu_call *c)
{
	const struct rsi_ctx *x = c->state;
	const struct rsi_env *env = x->env;
	const uint64_t *a = c->a;
	uint64_t *r = c->r;
	struct rsi_exit *ex = x->ex;
	struct rmm_attest *at = env->attest;
	uint64_t addr = a[1], off = a[2], size = a[3];
	if ((addr & (EMU_GRANULE_SIZE - 1)) || !in_par(env, addr, addr + EMU_GRANULE_SIZE) ||
	    off >= EMU_GRANULE_SIZE || size > EMU_GRANULE_SIZE - off) {
		r[0] = RSI_ERROR_INPUT;
		return;
	}
	if (!at->active) {
		r[0] = RSI_ERROR_STATE;
		return;
	}
	/* The buffer's RIPAS is checked first (EMPTY → ERROR_INPUT), then size 0 returns. */
	uint8_t *p = buffer(env, addr + off, size ? size : 1, r, ex);
	if (!p)
		return;
	if (size == 0) {
		r[0] = RSI_INCOMPLETE;
		r[1] = 0;
		return;
	}
	size_t n = at->len - at->offset < size ? at->len - at->offset : (size_t)size;
	memcpy(p, at->token + at->offset, n);
	at->offset += n;
	r[1] = n;
	if (at->offset < at->len) {
		r[0] = RSI_INCOMPLETE;
		return;
	}
	rmm_attest_reset(at);
	r[0] = RSI_SUCCESS;
}

/* B5.3.9 RSI_REALM_CONFIG(addr): granule aligned and in the PAR → else ERROR_INPUT. */
static void rsi_realm_config(struct emu_call *c)
{
	const struct rsi_ctx *x = c->state;
	const struct rsi_env *env = x->env;
	const uint64_t *a = c->a;
	uint64_t *r = c->r;
	struct rsi_exit *ex = x->ex;
	uint64_t addr = a[1];
	if ((addr & (EMU_GRANULE_SIZE - 1)) || !in_par(env, addr, addr + EMU_GRANULE_SIZE)) {
		r[0] = RSI_ERROR_INPUT;
		return;
	}
	uint8_t *p = buffer(env, addr, EMU_GRANULE_SIZE, r, ex);
	if (!p)
		return;
	/* TF-RMM rel0 writes the three fields and leaves the rest of the page alone. */
	abi_wr64(p + RSI_CONFIG_IPA_WIDTH, env->s2sz);
	p[RSI_CONFIG_HASH_ALGO] = env->hash_algo;
	memcpy(p + RSI_CONFIG_RPV, env->rpv, 64);
	r[0] = RSI_SUCCESS;
}

/*
 * B5.3.6 RSI_IPA_STATE_SET(base, top, ripas, flags): ripas EMPTY or RAM, base and top
 * granule aligned, base < top, inside the PAR → else ERROR_INPUT. The change is the
 * host's to make: the REC exits with RIPAS_CHANGE and the answer (x1 = new base, x2 =
 * ACCEPT/REJECT) arrives at the next entry. Reserved bits of RsiRipasChangeFlags are no
 * failure condition: TF-RMM rel0 runtime/rsi/memory.c checks only ripas, alignment,
 * base < top and the PAR, and the ACS (cmd_ipa_state_set) tests nothing else; only bit 0
 * (RsiRipasChangeDestroyed) has a meaning.
 */
static void rsi_ipa_state_set(struct emu_call *c)
{
	const struct rsi_ctx *x = c->state;
	const struct rsi_env *env = x->env;
	const uint64_t *a = c->a;
	uint64_t *r = c->r;
	struct rsi_exit *ex = x->ex;
	uint64_t base = a[1], top = a[2], ripas = a[3], flags = a[4];
	if (ripas > RMM_RIPAS_RAM || ((base | top) & (EMU_GRANULE_SIZE - 1)) ||
	    !in_par(env, base, top)) {
		r[0] = RSI_ERROR_INPUT;
		return;
	}
	ex->kind = RSI_EXIT_RIPAS;
	ex->base = base;
	ex->top = top;
	ex->ripas = (uint8_t)ripas;
	ex->change_destroyed = flags & RSI_CHANGE_DESTROYED;
}

/* B5.3.5 RSI_IPA_STATE_GET(base, end) → x1 top of the run of equal RIPAS from base,
 * x2 that RIPAS: aligned, base < end, inside the PAR → else ERROR_INPUT. */
static void rsi_ipa_state_get(struct emu_call *c)
{
	const struct rsi_ctx *x = c->state;
	const struct rsi_env *env = x->env;
	const uint64_t *a = c->a;
	uint64_t *r = c->r;
	uint64_t base = a[1], end = a[2];
	unsigned int ripas;
	uint64_t top;
	if (((base | end) & (EMU_GRANULE_SIZE - 1)) || !in_par(env, base, end) ||
	    !env->ripas_run(env->ctx, base, end, &ripas, &top)) {
		r[0] = RSI_ERROR_INPUT;
		return;
	}
	r[0] = RSI_SUCCESS;
	r[1] = top;
	r[2] = ripas;
}

/* B5.3.4 RSI_HOST_CALL(addr): 256-byte aligned and in the PAR → else ERROR_INPUT. The
 * REC exits with HOST_CALL carrying imm and gprs[0..6]; the host's answer in the next
 * entry's gprs[0..6] is written back into the structure. */
static void rsi_host_call(struct emu_call *c)
{
	const struct rsi_ctx *x = c->state;
	const struct rsi_env *env = x->env;
	const uint64_t *a = c->a;
	uint64_t *r = c->r;
	struct rsi_exit *ex = x->ex;
	uint64_t addr = a[1];
	if ((addr & (RSI_HOST_CALL_SIZE - 1)) || !in_par(env, addr, addr + RSI_HOST_CALL_SIZE)) {
		r[0] = RSI_ERROR_INPUT;
		return;
	}
	uint8_t *p = buffer(env, addr, RSI_HOST_CALL_SIZE, r, ex);
	if (!p)
		return;
	ex->kind = RSI_EXIT_HOST_CALL;
	ex->ipa = addr;
}

/*
 * One row per RSI command, at its function number's offset from RSI_VERSION, so dispatch is an
 * index and a row cannot sit at another command's number. Every row reports x0..x8: RSI results use
 * at most x0..x8 (MEASUREMENT_READ), and the stand-alone realm returns registers a command does not
 * define as zero; a REC's realm gets x0..x3, or x0..x8 after MEASUREMENT_READ (run.c).
 */
#define RSI_ROW(id, ...) [id##_FID - RSI_VERSION_FID] = EMU_FN_ROW(id, .nres = 9, __VA_ARGS__)

static const struct emu_fn rsi_fns[] = {
	RSI_ROW(RSI_VERSION, .handler = rsi_version, .nargs = 1),
	RSI_ROW(RSI_FEATURES, .handler = rsi_features, .nargs = 1),
	RSI_ROW(RSI_MEASUREMENT_READ, .handler = rsi_meas_read, .nargs = 1),
	RSI_ROW(RSI_MEASUREMENT_EXTEND, .handler = rsi_meas_extend, .nargs = 10),
	RSI_ROW(RSI_ATTEST_TOKEN_INIT, .handler = rsi_token_init, .nargs = 8),
	RSI_ROW(RSI_ATTEST_TOKEN_CONTINUE, .handler = rsi_token_continue, .nargs = 3),
	RSI_ROW(RSI_REALM_CONFIG, .handler = rsi_realm_config, .nargs = 1),
	RSI_ROW(RSI_IPA_STATE_SET, .handler = rsi_ipa_state_set, .nargs = 4),
	RSI_ROW(RSI_IPA_STATE_GET, .handler = rsi_ipa_state_get, .nargs = 2),
	RSI_ROW(RSI_HOST_CALL, .handler = rsi_host_call, .nargs = 1),
};

/* Completeness, as TF-RMM runtime/core/handler.c asserts of its RMI table: the table spans
 * exactly the function numbers of the commands abi/rsi.h lists, from RSI_VERSION on. */
#define COUNT_ONE(id) +1
_Static_assert(EMU_ARRAY_SIZE(rsi_fns) == 0 RSI_COMMANDS(COUNT_ONE),
	       "rsi_fns[] must have one row per RSI command in abi/rsi.h");

bool rsi_is_rsi(uint32_t fid)
{
	return fid >= RSI_FID(RSI_FNUM_MIN) && fid <= RSI_FID(RSI_FNUM_MAX);
}

void rsi_handle(const struct rsi_env *env, const uint64_t *a, uint64_t *r, struct rsi_exit *ex)
{
	uint32_t fid = (uint32_t)a[0] & ~SMCCC_SVE_HINT;
	ex->kind = RSI_EXIT_NONE;
	if (fid < RSI_VERSION_FID || fid - RSI_VERSION_FID >= EMU_ARRAY_SIZE(rsi_fns)) {
		/* TF-RMM handle_realm_rsi(): an unknown RSI ID returns SMC_UNKNOWN. */
		r[0] = SMCCC_RET_NOT_SUPPORTED;
		return;
	}
	const struct emu_fn *fn = &rsi_fns[fid - RSI_VERSION_FID];
	struct rsi_ctx x = { .env = env, .ex = ex };
	struct emu_call c = { .state = &x, .fn = fn, .fid = fid, .a = a, .x = a };
	fn->handler(&c);
	memcpy(r, c.r, fn->nres * sizeof(*r));
}
/* ---- the stand-alone realm (cca-realm) ---------------------------------------------- */

/*
 * A realm booted by a simulated host: the machine's memory is the realm's protected IPA
 * space, identity-mapped (IPA = PA), with a RIPAS per granule. The host's side follows
 * the profile's policy:
 *   ripas_change  "accept" | "reject": the host's answer to IPA_STATE_SET
 *   ripas_chunk   granules the host changes per round (0: the whole range), so a guest
 *                 sees partial progress and must loop, as with a real host
 *   host_call     up to 7 values the host writes into gprs[0..6] of a HOST_CALL
 *   rmm           "1.0" | "2.0": the RMM behind RSI (RSI versions, token format)
 */
struct rsi_realm {
	struct smcsim *sim;
	struct rsi_env env;
	uint8_t rpv[64];
	uint8_t meas[5][64];
	struct rsi_ripas_map map; /* the RIPAS of every granule of memory */
	bool reject;
	uint32_t chunk;
	uint64_t host_call[RMI_RUN_HOST_CALL_GPRS];
	uint32_t nhost_call;
	uint64_t *ram_ranges; /* pairs, initial RAM */
	size_t nram;
	struct rmm_attest *attest; /* one per CPU: TF-RMM keeps token state per REC */
	unsigned int ncpus;
};

/* The memory region holding @ipa (true, *i its index), or false with *next the lowest
 * region base above @ipa (UINT64_MAX if none): the unbacked IPA space up to *next holds no
 * granule, so a range walk crosses it in one step. */
static bool map_region(const struct rsi_ripas_map *m, uint64_t ipa, size_t *i, uint64_t *next)
{
	*next = UINT64_MAX;
	for (size_t k = 0; k < m->nregions; k++) {
		if (ipa >= m->base[k] && ipa - m->base[k] < m->size[k]) {
			*i = k;
			return true;
		}
		if (m->base[k] > ipa && m->base[k] < *next)
			*next = m->base[k];
	}
	return false;
}

static uint8_t *map_slot(const struct rsi_ripas_map *m, size_t i, uint64_t ipa)
{
	return &m->ripas[m->first[i] + ((ipa - m->base[i]) >> EMU_GRANULE_SHIFT)];
}

/*
 * Outside memory the IPA space reads as EMPTY (nothing the host could assign there). The
 * run is walked a memory region at a time: inside a region granule by granule (each has
 * its own RIPAS), across a hole in one step, so the cost is bounded by the memory the
 * range covers, not by its size (a realm may ask about all of its 2^(ipa_bits-1) PAR).
 */
uint64_t rsi_ripas_map_run(const struct rsi_ripas_map *m, uint64_t ipa, uint64_t end,
			   unsigned int *ripas)
{
	size_t i;
	uint64_t next;
	unsigned int v = map_region(m, ipa, &i, &next) ? *map_slot(m, i, ipa) : RMM_RIPAS_EMPTY;
	uint64_t a = ipa;
	while (a < end) {
		if (!map_region(m, a, &i, &next)) {
			if (v != RMM_RIPAS_EMPTY)
				break;
			a = next < end ? next : end;
			continue;
		}
		uint64_t stop = m->base[i] + m->size[i] < end ? m->base[i] + m->size[i] : end;
		const uint8_t *p = map_slot(m, i, a);
		for (; a < stop && *p == v; a += EMU_GRANULE_SIZE)
			p++;
		if (a < stop)
			break;
	}
	*ripas = v;
	return a;
}

/*
 * The simulated host's RTT_SET_RIPAS over [base, limit): granules outside memory cannot
 * become RAM (there is nothing to map), DESTROYED ones change only when the realm allowed
 * it (@change_destroyed). Returns where it stopped. Holes that may stay EMPTY are crossed
 * in one step, as in rsi_ripas_map_run().
 */
uint64_t rsi_ripas_map_set(const struct rsi_ripas_map *m, uint64_t base, uint64_t limit,
			   unsigned int ripas, bool change_destroyed)
{
	uint64_t a = base;
	while (a < limit) {
		size_t i;
		uint64_t next;
		if (!map_region(m, a, &i, &next)) {
			if (ripas == RMM_RIPAS_RAM)
				break;
			a = next < limit ? next : limit;
			continue;
		}
		uint64_t stop = m->base[i] + m->size[i] < limit ? m->base[i] + m->size[i] : limit;
		uint8_t *p = map_slot(m, i, a);
		for (; a < stop; a += EMU_GRANULE_SIZE, p++) {
			if (*p == RMM_RIPAS_DESTROYED && !change_destroyed)
				return a;
			*p = (uint8_t)ripas;
		}
	}
	return a;
}

static void *solo_ipa_ptr(void *ctx, uint64_t ipa, size_t len)
{
	struct rsi_realm *s = ctx;
	return emu_mem_ptr(s->sim, ipa, len);
}

static bool solo_ripas_run(void *ctx, uint64_t ipa, uint64_t end, unsigned int *ripas,
			   uint64_t *top)
{
	struct rsi_realm *s = ctx;
	*top = rsi_ripas_map_run(&s->map, ipa, end, ripas);
	return true;
}

/* The simulated host's answer to a RIPAS change: ripas_chunk granules per round. */
static uint64_t solo_set_ripas(struct rsi_realm *s, const struct rsi_exit *ex)
{
	uint64_t limit = s->chunk ? ex->base + (uint64_t)s->chunk * EMU_GRANULE_SIZE : ex->top;
	if (limit > ex->top)
		limit = ex->top;
	return rsi_ripas_map_set(&s->map, ex->base, limit, ex->ripas, ex->change_destroyed);
}

static void solo_call(struct emu_call *c)
{
	struct rsi_realm *s = c->state;
	struct rsi_env env = s->env;
	env.attest = &s->attest[c->cpu_index];
	uint64_t r[SMCSIM_NREGS] = { 0 };
	struct rsi_exit ex;
	rsi_handle(&env, c->a, r, &ex);
	switch (ex.kind) {
	case RSI_EXIT_RIPAS:
		/* TF-RMM rel0 complete_set_ripas(): only a change to RAM that stopped short is
		 * reported as REJECT; a rejected change to EMPTY is an ACCEPT up to base. */
		if (s->reject) {
			r[0] = RSI_SUCCESS;
			r[1] = ex.base;
			r[2] = ex.ripas == RMM_RIPAS_RAM ? RSI_REJECT : RSI_ACCEPT;
		} else {
			r[0] = RSI_SUCCESS;
			r[1] = solo_set_ripas(s, &ex);
			r[2] = RSI_ACCEPT;
		}
		break;
	case RSI_EXIT_HOST_CALL: {
		uint8_t *p = emu_mem_ptr(s->sim, ex.ipa, RSI_HOST_CALL_SIZE);
		for (uint32_t i = 0; i < s->nhost_call; i++)
			abi_wr64(p + RSI_HOST_CALL_GPRS + 8 * i, s->host_call[i]);
		/* TF-RMM rel0 do_host_call(): the completion writes x0 alone. */
		c->r[0] = RSI_SUCCESS;
		c->nres = 1;
		return;
	}
	case RSI_EXIT_FAULT:
		/* Identity-mapped RAM never faults; a buffer running off the end of a
		 * memory region is simply not the realm's. */
		r[0] = RSI_ERROR_INPUT;
		break;
	case RSI_EXIT_NONE:
		break;
	}
	/* TF-RMM rel0 handle_realm_rsi(): x0..x3 are result words (x1..x3 read 0 unless
	 * returned) and x4 is the realm's, except a successful MEASUREMENT_READ's x0..x8. */
	memcpy(c->r, r, sizeof(r));
	c->nres = c->fid == RSI_MEASUREMENT_READ_FID && r[0] == RSI_SUCCESS ? c->fn->nres : 4;
}

uint8_t rsi_realm_ipa_bits(const void *rsi_state)
{
	const struct rsi_realm *s = rsi_state;
	return s->env.s2sz;
}

/* Every row runs through solo_call(), which plays the host's part. */
static emu_handler_fn solo_handler_of(const void *state, const struct emu_fn *fn)
{
	(void)state;
	(void)fn;
	return solo_call;
}

static void solo_reset(void *state)
{
	struct rsi_realm *s = state;
	struct rsi_ripas_map *m = &s->map;
	size_t total = m->nregions ? m->first[m->nregions - 1] +
					     (m->size[m->nregions - 1] >> EMU_GRANULE_SHIFT)
				   : 0;
	memset(m->ripas, RMM_RIPAS_EMPTY, total);
	/* Each "ram" range lies inside one memory region (solo_create checks it). */
	for (size_t i = 0; i < s->nram; i++)
		rsi_ripas_map_set(m, s->ram_ranges[2 * i], s->ram_ranges[2 * i + 1], RMM_RIPAS_RAM,
				  true);
	for (unsigned int i = 0; i < s->ncpus; i++)
		rmm_attest_reset(&s->attest[i]);
	/* The RIM is what the (simulated) host measured while building the realm: it
	 * survives a reset; the REMs start from zero at every boot (DEN0137 A7.1.2). */
	memset(s->meas[1], 0, sizeof(s->meas) - sizeof(s->meas[0]));
}

static int parse_hex(json_t *v, uint8_t *out, size_t max, const char *path,
		     struct smcsim_error *err)
{
	const char *s = json_string_value(v);
	size_t n = s ? strlen(s) : 0;
	if (!s || n % 2 || n / 2 > max)
		return emu_err(err, "%s: a hex string of at most %zu bytes", path, max);
	for (size_t i = 0; i < n / 2; i++) {
		unsigned int hi, lo;
		char a = s[2 * i], b = s[2 * i + 1];
		hi = (unsigned)(a >= 'a' ? a - 'a' + 10 : a >= 'A' ? a - 'A' + 10 : a - '0');
		lo = (unsigned)(b >= 'a' ? b - 'a' + 10 : b >= 'A' ? b - 'A' + 10 : b - '0');
		if (hi > 15 || lo > 15)
			return emu_err(err, "%s: not a hex digit at %zu", path, 2 * i);
		out[i] = (uint8_t)(hi << 4 | lo);
	}
	return 0;
}

static int solo_create(struct smcsim *sim, struct emu_layer *layer, json_t *cfg, const char *path,
		       void **state, struct smcsim_error *err)
{
	(void)layer;
	static const char *const keys[] = { "ipa_bits",	   "hash_algo", "rpv",
					    "rim",	   "ram",	"ripas_change",
					    "ripas_chunk", "host_call", "rmm",
					    NULL };
	static const char *const rmms[] = { "1.0", "2.0", NULL };
	static const char *const algos[] = { "sha-256", "sha-512", NULL };
	static const char *const policies[] = { "accept", "reject", NULL };
	struct rsi_realm *s = calloc(1, sizeof(*s));
	if (!s)
		return -ENOMEM;
	*state = s;
	s->sim = sim;
	s->ncpus = emu_cpu_count(sim);
	s->attest = calloc(s->ncpus, sizeof(*s->attest));
	if (!s->attest)
		return -ENOMEM;
	uint32_t ipa_bits;
	int algo, policy, rmm, ret;
	char sub[256];
	if ((ret = emu_cfg_keys(cfg, path, keys, err)) ||
	    (ret = emu_cfg_u32(cfg, "ipa_bits", path, 48, &ipa_bits, err)) ||
	    (ret = emu_cfg_enum(cfg, "hash_algo", path, algos, 0, &algo, err)) ||
	    (ret = emu_cfg_enum(cfg, "ripas_change", path, policies, 0, &policy, err)) ||
	    (ret = emu_cfg_u32(cfg, "ripas_chunk", path, 0, &s->chunk, err)) ||
	    (ret = emu_cfg_enum(cfg, "rmm", path, rmms, 0, &rmm, err)))
		return ret;
	if (ipa_bits < 32 || ipa_bits > 52)
		return emu_err(err, "%s/ipa_bits: 32..52", path);
	s->reject = policy == 1;
	json_t *v;
	if ((v = json_object_get(cfg, "rpv"))) {
		snprintf(sub, sizeof(sub), "%s/rpv", path);
		if ((ret = parse_hex(v, s->rpv, sizeof(s->rpv), sub, err)))
			return ret;
	}
	if ((v = json_object_get(cfg, "rim"))) {
		snprintf(sub, sizeof(sub), "%s/rim", path);
		if ((ret = parse_hex(v, s->meas[0], rmm_hash_size((enum rmm_hash)algo), sub, err)))
			return ret;
	}
	if ((v = json_object_get(cfg, "host_call"))) {
		if (!json_is_array(v) || json_array_size(v) > RMI_RUN_HOST_CALL_GPRS)
			return emu_err(err, "%s/host_call: an array of at most 7 register values",
				       path);
		for (size_t i = 0; i < json_array_size(v); i++) {
			const char *why;
			if (emu_parse_value(emu_registry_of(sim), json_array_get(v, i),
					    &s->host_call[i], &why))
				return emu_err(err, "%s/host_call/%zu: %s", path, i, why);
		}
		s->nhost_call = (uint32_t)json_array_size(v);
	}
	uint64_t base, size;
	struct rsi_ripas_map *m = &s->map;
	while (emu_mem_region(sim, m->nregions, &base, &size))
		m->nregions++;
	m->base = calloc(m->nregions + 1, sizeof(uint64_t));
	m->size = calloc(m->nregions + 1, sizeof(uint64_t));
	m->first = calloc(m->nregions + 1, sizeof(uint64_t));
	if (!m->base || !m->size || !m->first)
		return -ENOMEM;
	size_t total = 0;
	for (size_t i = 0; i < m->nregions; i++) {
		emu_mem_region(sim, i, &m->base[i], &m->size[i]);
		m->first[i] = total;
		total += m->size[i] >> EMU_GRANULE_SHIFT;
	}
	m->ripas = calloc(total + 1, 1);
	if (!m->ripas)
		return -ENOMEM;
	if ((v = json_object_get(cfg, "ram"))) {
		if (!json_is_array(v))
			return emu_err(err, "%s/ram: an array of [base, top] ranges", path);
		s->nram = json_array_size(v);
		s->ram_ranges = calloc(2 * s->nram + 1, sizeof(uint64_t));
		if (!s->ram_ranges)
			return -ENOMEM;
		for (size_t i = 0; i < s->nram; i++) {
			json_t *pair = json_array_get(v, i);
			const char *why = "a [base, top] pair";
			uint64_t *b = &s->ram_ranges[2 * i];
			if (!json_is_array(pair) || json_array_size(pair) != 2 ||
			    emu_parse_u64(json_array_get(pair, 0), &b[0], &why) ||
			    emu_parse_u64(json_array_get(pair, 1), &b[1], &why))
				return emu_err(err, "%s/ram/%zu: %s", path, i, why);
			if (b[0] >= b[1] || ((b[0] | b[1]) & (EMU_GRANULE_SIZE - 1)) ||
			    !emu_mem_valid(sim, b[0], b[1] - b[0]))
				return emu_err(err,
					       "%s/ram/%zu: granule-aligned base < top inside "
					       "one memory region",
					       path, i);
		}
	}
	s->env = (struct rsi_env){
		.s2sz = (uint8_t)ipa_bits,
		.hash_algo = (uint8_t)algo,
		.rpv = s->rpv,
		.meas = s->meas,
		.rsi_1_1 = rmm == 1,
		.token_v2 = rmm == 1,
		.ctx = s,
		.ipa_ptr = solo_ipa_ptr,
		.ripas_run = solo_ripas_run,
	};
	for (uint64_t i = 0; i < m->nregions; i++)
		if (m->base[i] + m->size[i] > (UINT64_C(1) << (ipa_bits - 1)))
			return emu_err(err,
				       "%s/ipa_bits: memory region %zu ends above the protected "
				       "IPA space (2^(ipa_bits-1))",
				       path, (size_t)i);
	solo_reset(s);
	return 0;
}

static void solo_destroy(void *state)
{
	struct rsi_realm *s = state;
	if (!s)
		return;
	for (unsigned int i = 0; s->attest && i < s->ncpus; i++)
		rmm_attest_reset(&s->attest[i]);
	free(s->attest);
	free(s->map.ripas);
	free(s->map.base);
	free(s->map.size);
	free(s->map.first);
	free(s->ram_ranges);
	free(s);
}

const struct emu_service rmm_svc_rsi = {
	.name = "rsi",
	.title = "Realm Services Interface (DEN0137), realm with a simulated host",
	.fns = rsi_fns,
	.nfns = EMU_ARRAY_SIZE(rsi_fns),
	.create = solo_create,
	.destroy = solo_destroy,
	.reset = solo_reset,
	.handler_of = solo_handler_of,
};
