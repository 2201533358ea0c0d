/* SPDX-License-Identifier: MIT */
/*
 * RSI 1.0 (DEN0137 1.0 chapter B5) as a realm sees it on the `cca-realm` profile: the
 * realm caller issues each command directly and the host is simulated by the profile's
 * policy. Rules are cited from DEN0137 1.0 and checked against TF-RMM rmm-spec-v1.0-rel0
 * (runtime/rsi/) and the RMM ACS (ARM-software/cca-rmm-acs test/command/cmd_*).
 *
 * cca-realm: DRAM [0x80000000, 0x90000000) all RAM at boot, IPA = PA, ipa_bits 48 (so the
 * protected IPA space, the PAR, is [0, 2^47)), SHA-256, rpv "smcsim realm".
 */
#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>

#include "abi/bytes.h"
#include "abi/psci.h"
#include "conformance/common/smcsim_test.h"
#include "conformance/rmm/token_verify.h"
#include "rmm_model/attest.h"

#define SMC_UNKNOWN (-1)

#define GRANULE	  0x1000u
#define DRAM_BASE UINT64_C(0x80000000)
#define DRAM_TOP  UINT64_C(0x90000000)
#define PAR_TOP	  (UINT64_C(1) << 47) /* 2^(ipa_bits - 1) */
#define BUF	  UINT64_C(0x80200000)

/* The profile's "rpv" ("smcsim realm"), zero-padded to 64 bytes as RsiRealmConfig and
 * the token carry it. */
static const uint8_t profile_rpv[64] = "smcsim realm";

static const char rim_hex[] = "00112233445566778899aabbccddeeff0f1e2d3c4b5a69788796a5b4c3d2e1f0";

static int fresh(void **state)
{
	*state = t_machine("cca-realm", NULL);
	return 0;
}

static int destroy(void **state)
{
	smcsim_destroy(*state);
	return 0;
}

/* Results x1..x8 as the 64-byte little-endian value MEASUREMENT_READ returns. */
static void regs_to_bytes(const struct smcsim_regs *r, uint8_t out[64])
{
	for (int i = 0; i < 8; i++)
		abi_wr64(out + 8 * i, r->x[1 + i]);
}

static void unhex(const char *h, uint8_t *out, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned int b;
		assert_int_equal(sscanf(h + 2 * i, "%2x", &b), 1); /* setup: test harness */
		out[i] = (uint8_t)b;
	}
}

static void read_meas(struct smcsim *sim, uint64_t index, uint8_t out[64])
{
	struct smcsim_regs r = t_call(sim, RSI_MEASUREMENT_READ_FID, index);
	t_assert_x0(r, RSI_SUCCESS, "DEN0137 RSI_MEASUREMENT_READ: SUCCESS for index 0..4");
	regs_to_bytes(&r, out);
}

static struct smcsim_regs extend(struct smcsim *sim, uint64_t index, uint64_t size,
				 const uint8_t value[64])
{
	uint64_t a[10] = { index, size };
	for (int i = 0; i < 8; i++)
		a[2 + i] = abi_rd64(value + 8 * i);
	return t_call_arr(sim, NULL, 0, RSI_MEASUREMENT_EXTEND_FID, 10, a);
}

/* x0 of a call made in place. */
#define t_assert_x0_of(call, want, rule)                                                           \
	do {                                                                                       \
		struct smcsim_regs r_ = (call);                                                    \
		t_assert_x0(r_, want, rule);                                                       \
	} while (0)

static void ripas_is(struct smcsim *sim, uint64_t base, uint64_t end, uint64_t top, uint64_t ripas,
		     const char *rule)
{
	struct smcsim_regs r = t_call(sim, RSI_IPA_STATE_GET_FID, base, end);
	t_assert_x0(r, RSI_SUCCESS, rule);
	t_assert_reg(r, 1, top, rule);
	t_assert_reg(r, 2, ripas, rule);
}

/* ---- RSI_VERSION / RSI_FEATURES ------------------------------------------------------ */

/* B5.3.10; TF-RMM rel0 runtime/rsi/system.c: 1.0 is supported, x1 = x2 = 1.0. */
static void version_1_0(void **state)
{
	struct smcsim_regs r = t_call(*state, RSI_VERSION_FID, RSI_ABI_1_0);
	t_assert_x0(r, RSI_SUCCESS, "DEN0137 RSI_VERSION: 1.0 supported");
	t_assert_reg(r, 1, RSI_ABI_1_0, "DEN0137 RSI_VERSION: lower = 1.0");
	t_assert_reg(r, 2, RSI_ABI_1_0, "DEN0137 RSI_VERSION: higher = 1.0");
}

/* TF-RMM rel0: any other request is ERROR_INPUT, with x1 = x2 = 1.0 still reported. */
static void version_other(void **state)
{
	static const uint64_t req[] = { 0x10001, 0x20000, 0, 0x7fffffff, 0xffff };
	for (size_t i = 0; i < sizeof(req) / sizeof(req[0]); i++) {
		struct smcsim_regs r = t_call(*state, RSI_VERSION_FID, req[i]);
		t_assert_x0(r, RSI_ERROR_INPUT,
			    "TF-RMM rel0 handle_rsi_version(): other request ERROR_INPUT");
		t_assert_reg(r, 1, RSI_ABI_1_0, "TF-RMM rel0 handle_rsi_version(): lower = 1.0");
		t_assert_reg(r, 2, RSI_ABI_1_0, "TF-RMM rel0 handle_rsi_version(): higher = 1.0");
	}
}

/* B5.3.2 RSI_FEATURES: RSI 1.0 defines no feature register bits: x1 = 0 for any index. */
static void features_zero(void **state)
{
	static const uint64_t idx[] = { 0, 1, 2, 0xff, UINT64_MAX };
	for (size_t i = 0; i < sizeof(idx) / sizeof(idx[0]); i++) {
		struct smcsim_regs r = t_call(*state, RSI_FEATURES_FID, idx[i]);
		t_assert_x0(r, RSI_SUCCESS, "DEN0137 RSI_FEATURES: SUCCESS for any index");
		t_assert_reg(r, 1, 0, "DEN0137 RSI_FEATURES: 1.0: no feature bits");
	}
}

/* TF-RMM rel0 handle_realm_rsi(): an RSI function ID without a handler is SMC_UNKNOWN. */
static void unknown_rsi_fid(void **state)
{
	struct smcsim_regs r = t_call(*state, 0xC400019Au); /* RSI_VSMMU_GET_INFO, 1.1 */
	t_assert_x0(r, SMC_UNKNOWN,
		    "TF-RMM rel0 handle_realm_rsi(): RSI 1.1 FID on a 1.0 RMM: SMC_UNKNOWN");
}

/* ---- RSI_REALM_CONFIG ------------------------------------------------------------------ */

/* B5.3.9 failure conditions (ACS cmd_realm_config): addr_align, addr_bound (PAR). */
static void config_failures(void **state)
{
	static const uint64_t bad[] = { DRAM_BASE + 1, DRAM_BASE + 0x800, PAR_TOP,
					PAR_TOP + DRAM_BASE, UINT64_MAX & ~(uint64_t)0xfff };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct smcsim_regs r = t_call(*state, RSI_REALM_CONFIG_FID, bad[i]);
		t_assert_x0(
			r, RSI_ERROR_INPUT,
			"DEN0137 RSI_REALM_CONFIG addr_align / addr_bound (ACS cmd_realm_config)");
	}
}

/* B5.4.10 RsiRealmConfig: ipa_width u64 @0, hash_algo u8 @8, rpv[64] @0x200. */
static void config_layout(void **state)
{
	uint8_t page[GRANULE];
	memset(page, 0xa5, sizeof(page));
	assert_int_equal(smcsim_mem_write(*state, BUF, page, sizeof(page)),
			 0); /* setup: host memory access */
	struct smcsim_regs r = t_call(*state, RSI_REALM_CONFIG_FID, BUF);
	t_assert_x0(r, RSI_SUCCESS, "DEN0137 RSI_REALM_CONFIG: SUCCESS into a RAM granule");
	assert_int_equal(smcsim_mem_read(*state, BUF, page, sizeof(page)),
			 0); /* setup: host memory access */
	assert_int_equal(
		abi_rd64(page + 0),
		48); /* DEN0137 RSI_REALM_CONFIG RsiRealmConfig.ipa_width = profile ipa_bits */
	assert_int_equal(page[8],
			 RMM_HASH_SHA256); /* DEN0137 RSI_REALM_CONFIG RsiRealmConfig.hash_algo =
					      RSI_HASH_SHA_256 */
	assert_memory_equal(page + 0x200, profile_rpv,
			    64); /* DEN0137 RSI_REALM_CONFIG RsiRealmConfig.rpv */
}

/* The same fields follow the profile: ipa_bits 40 and SHA-512. */
static void config_profile_values(void **state)
{
	(void)state;
	struct smcsim *sim =
		t_machine("cca-realm", "{\"layers\":{\"rmm\":{\"services\":{\"rsi\":"
				       "{\"ipa_bits\":40,\"hash_algo\":\"sha-512\"}}}}}");
	uint8_t page[GRANULE];
	struct smcsim_regs r = t_call(sim, RSI_REALM_CONFIG_FID, BUF);
	t_assert_x0(r, RSI_SUCCESS, "DEN0137 RSI_REALM_CONFIG: SUCCESS");
	assert_int_equal(smcsim_mem_read(sim, BUF, page, sizeof(page)),
			 0); /* setup: host memory access */
	assert_int_equal(abi_rd64(page),
			 40); /* DEN0137 RSI_REALM_CONFIG RsiRealmConfig.ipa_width = 40 */
	assert_int_equal(page[8],
			 RMM_HASH_SHA512); /* DEN0137 RSI_REALM_CONFIG RsiRealmConfig.hash_algo =
					      RSI_HASH_SHA_512 */
	/* The PAR shrank with it: 2^39 is now outside. */
	r = t_call(sim, RSI_REALM_CONFIG_FID, UINT64_C(1) << 39);
	t_assert_x0(r, RSI_ERROR_INPUT, "DEN0137 RSI_REALM_CONFIG addr_bound with ipa_bits 40");
	smcsim_destroy(sim);
}

/* TF-RMM rel0 config.c: realm_ipa_to_pa() fails with RIPAS EMPTY → ERROR_INPUT. */
static void config_empty_buffer(void **state)
{
	struct smcsim_regs r =
		t_call(*state, RSI_IPA_STATE_SET_FID, BUF, BUF + GRANULE, RMM_RIPAS_EMPTY, 0);
	t_assert_x0(r, RSI_SUCCESS, "setup: RSI_IPA_STATE_SET(EMPTY)");
	r = t_call(*state, RSI_REALM_CONFIG_FID, BUF);
	t_assert_x0(r, RSI_ERROR_INPUT,
		    "TF-RMM rel0 handle_rsi_realm_config(): REALM_CONFIG into an EMPTY granule");
	/* In the PAR but outside memory: EMPTY too. */
	r = t_call(*state, RSI_REALM_CONFIG_FID, (uint64_t)0x1000);
	t_assert_x0(r, RSI_ERROR_INPUT,
		    "TF-RMM rel0 handle_rsi_realm_config(): REALM_CONFIG outside DRAM");
}

/* ---- RSI_IPA_STATE_GET ----------------------------------------------------------------- */

/* B5.3.6 failure conditions in ACS order (cmd_ipa_state_get): base_align, end_align,
 * size_valid (base < end), rgn_bound (end within the PAR). */
static void get_failures(void **state)
{
	static const uint64_t bad[][2] = {
		{ DRAM_BASE + 1, DRAM_TOP },	  { DRAM_BASE, DRAM_TOP - 1 },
		{ DRAM_BASE, DRAM_BASE },	  { DRAM_TOP, DRAM_BASE },
		{ DRAM_BASE, PAR_TOP + GRANULE }, { PAR_TOP, PAR_TOP + GRANULE },
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct smcsim_regs r = t_call(*state, RSI_IPA_STATE_GET_FID, bad[i][0], bad[i][1]);
		t_assert_x0(r, RSI_ERROR_INPUT,
			    "DEN0137 RSI_IPA_STATE_GET base_align / end_align / size_valid / "
			    "rgn_bound (ACS cmd_ipa_state_get)");
	}
	/* The last granule of the PAR is still inside it. */
	ripas_is(*state, PAR_TOP - GRANULE, PAR_TOP, PAR_TOP, RMM_RIPAS_EMPTY,
		 "DEN0137 RSI_IPA_STATE_GET rgn_bound: end == PAR top is inside");
}

/* x1 = top of the run of equal RIPAS from base, never beyond end (TF-RMM rel0 memory.c:
 * top > end ? end : top). */
static void get_runs(void **state)
{
	ripas_is(*state, DRAM_BASE, DRAM_TOP, DRAM_TOP, RMM_RIPAS_RAM,
		 "DEN0137 RSI_IPA_STATE_GET: boot: all of DRAM RAM");
	ripas_is(*state, DRAM_BASE, DRAM_BASE + GRANULE, DRAM_BASE + GRANULE, RMM_RIPAS_RAM,
		 "TF-RMM rel0 memory.c: top <= end");

	struct smcsim_regs r =
		t_call(*state, RSI_IPA_STATE_SET_FID, BUF, BUF + 0x100000, RMM_RIPAS_EMPTY, 0);
	t_assert_x0(r, RSI_SUCCESS, "setup: RSI_IPA_STATE_SET(EMPTY)");
	ripas_is(*state, DRAM_BASE, DRAM_TOP, BUF, RMM_RIPAS_RAM,
		 "DEN0137 RSI_IPA_STATE_GET: run of RAM up to the EMPTY range");
	ripas_is(*state, BUF, DRAM_TOP, BUF + 0x100000, RMM_RIPAS_EMPTY,
		 "DEN0137 RSI_IPA_STATE_GET: run of EMPTY");
	ripas_is(*state, BUF + 0x100000, DRAM_TOP, DRAM_TOP, RMM_RIPAS_RAM,
		 "DEN0137 RSI_IPA_STATE_GET: RAM again to the end");
}

/* IPAs the host never backed read EMPTY; a run stops where memory ends. */
static void get_outside_memory(void **state)
{
	ripas_is(*state, 0, DRAM_BASE, DRAM_BASE, RMM_RIPAS_EMPTY,
		 "DEN0137 RSI_IPA_STATE_GET: below DRAM");
	ripas_is(*state, DRAM_TOP, DRAM_TOP + 0x100000, DRAM_TOP + 0x100000, RMM_RIPAS_EMPTY,
		 "DEN0137 RSI_IPA_STATE_GET: above DRAM");
	ripas_is(*state, DRAM_TOP - GRANULE, DRAM_TOP + GRANULE, DRAM_TOP, RMM_RIPAS_RAM,
		 "DEN0137 RSI_IPA_STATE_GET: RAM run ends at DRAM top");
}

/* The largest legal ranges: up to the PAR top (end == 2^(ipa_bits-1) is inside, B5.3.5
 * rgn_bound). The answer is the run as for any range; the model reaches it across the
 * 2^35 unbacked granules a hole at a time (benchmarked with `smcsim call`, not timed here). */
static void get_whole_par(void **state)
{
	ripas_is(*state, DRAM_TOP, PAR_TOP, PAR_TOP, RMM_RIPAS_EMPTY,
		 "DEN0137 RSI_IPA_STATE_GET: from DRAM top to the PAR top, one EMPTY run");
	ripas_is(*state, 0, PAR_TOP, DRAM_BASE, RMM_RIPAS_EMPTY,
		 "DEN0137 RSI_IPA_STATE_GET: from 0 over the whole PAR, EMPTY up to DRAM");
	ripas_is(*state, DRAM_BASE, PAR_TOP, DRAM_TOP, RMM_RIPAS_RAM,
		 "DEN0137 RSI_IPA_STATE_GET: from DRAM base over the PAR, RAM up to DRAM top");
}

/* ---- RSI_IPA_STATE_SET ----------------------------------------------------------------- */

/* B5.3.7 failure conditions (TF-RMM rel0 memory.c order; ACS cmd_ipa_state_set). */
static void set_failures(void **state)
{
	static const uint64_t bad[][3] = {
		{ BUF, BUF + GRANULE, 2 }, /* ripas_valid: DESTROYED not requestable */
		{ BUF, BUF + GRANULE, 3 }, /* ripas_valid */
		{ BUF + 8, BUF + GRANULE, RMM_RIPAS_EMPTY },	 /* base_align */
		{ BUF, BUF + GRANULE + 8, RMM_RIPAS_EMPTY },	 /* top_align */
		{ BUF, BUF, RMM_RIPAS_EMPTY },			 /* size_valid: top <= base */
		{ BUF + GRANULE, BUF, RMM_RIPAS_EMPTY },	 /* size_valid */
		{ BUF, PAR_TOP + GRANULE, RMM_RIPAS_EMPTY },	 /* rgn_bound */
		{ PAR_TOP, PAR_TOP + GRANULE, RMM_RIPAS_EMPTY }, /* rgn_bound: unprotected half */
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct smcsim_regs r =
			t_call(*state, RSI_IPA_STATE_SET_FID, bad[i][0], bad[i][1], bad[i][2], 0);
		t_assert_x0(r, RSI_ERROR_INPUT,
			    "DEN0137 RSI_IPA_STATE_SET ripas_valid / base_align / top_align / "
			    "size_valid / rgn_bound (ACS cmd_ipa_state_set)");
	}
	ripas_is(*state, DRAM_BASE, DRAM_TOP, DRAM_TOP, RMM_RIPAS_RAM,
		 "DEN0137 RSI_IPA_STATE_SET: failures change nothing");
}

/* TF-RMM rel0 memory.c has no check on RsiRipasChangeFlags' reserved bits (nor has the
 * ACS): they are ignored. */
static void set_flags_reserved(void **state)
{
	struct smcsim_regs r = t_call(*state, RSI_IPA_STATE_SET_FID, BUF, BUF + GRANULE,
				      RMM_RIPAS_EMPTY, UINT64_C(0x2));
	t_assert_x0(r, RSI_SUCCESS,
		    "TF-RMM rel0 handle_rsi_ipa_state_set(): reserved flag bits ignored");
	t_assert_reg(r, 1, BUF + GRANULE, "TF-RMM rel0 handle_rsi_ipa_state_set(): x1 = top, done");
	r = t_call(*state, RSI_IPA_STATE_SET_FID, BUF, BUF + GRANULE, RMM_RIPAS_RAM,
		   RSI_CHANGE_DESTROYED);
	t_assert_x0(r, RSI_SUCCESS,
		    "DEN0137 RSI_IPA_STATE_SET: CHANGE_DESTROYED on a range without DESTROYED "
		    "granules");
	t_assert_reg(r, 2, RSI_ACCEPT, "DEN0137 RSI_IPA_STATE_SET: x2 = RSI_ACCEPT");
	/* DESTROYED is only reachable by a host destroying RAM (RMI_DATA_DESTROY); the
	 * stand-alone realm's simulated host never does, so NO_CHANGE_DESTROYED vs
	 * CHANGE_DESTROYED cannot be told apart here (covered on cca-host). */
}

/*
 * The Linux loop (arch/arm64/include/asm/rsi.h rsi_set_memory_range()): repeat from the
 * returned x1 until it reaches top. With "ripas_chunk": 16 the host changes 16 granules
 * per round, so [BUF, BUF + 1 MiB) takes 16 rounds; every answer is SUCCESS + ACCEPT.
 */
static void set_accept_chunked(void **state)
{
	(void)state;
	struct smcsim *sim =
		t_machine("cca-realm",
			  "{\"layers\":{\"rmm\":{\"services\":{\"rsi\":{\"ripas_chunk\":16}}}}}");
	uint64_t base = BUF, top = BUF + 0x100000;
	int rounds = 0;
	while (base != top) {
		struct smcsim_regs r =
			t_call(sim, RSI_IPA_STATE_SET_FID, base, top, RMM_RIPAS_EMPTY, 0);
		t_assert_x0(r, RSI_SUCCESS,
			    "DEN0137 RSI_IPA_STATE_SET: SUCCESS each round (Linux "
			    "rsi_set_memory_range())");
		t_assert_reg(r, 1, base + 16 * GRANULE,
			     "DEN0137 RSI_IPA_STATE_SET: x1 = new base, 16 granules per round "
			     "(profile ripas_chunk)");
		t_assert_reg(r, 2, RSI_ACCEPT, "DEN0137 RSI_IPA_STATE_SET: x2 = RSI_ACCEPT");
		base = r.x[1];
		assert_true(++rounds <=
			    16); /* DEN0137 RSI_IPA_STATE_SET: x1 progresses each round */
	}
	assert_int_equal(rounds, 16); /* DEN0137 RSI_IPA_STATE_SET: 16 rounds of 16 granules */
	ripas_is(sim, BUF, DRAM_TOP, top, RMM_RIPAS_EMPTY,
		 "DEN0137 RSI_IPA_STATE_SET: range now EMPTY");
	ripas_is(sim, DRAM_BASE, DRAM_TOP, BUF, RMM_RIPAS_RAM,
		 "DEN0137 RSI_IPA_STATE_SET: below untouched");
	smcsim_destroy(sim);
}

/* The built-in policy: 64 MiB per round, so all of DRAM takes 4 (linux-realm-discovery). */
static void set_default_chunk(void **state)
{
	uint64_t base = DRAM_BASE;
	for (int i = 1; i <= 4; i++) {
		struct smcsim_regs r =
			t_call(*state, RSI_IPA_STATE_SET_FID, base, DRAM_TOP, RMM_RIPAS_EMPTY, 0);
		t_assert_x0(r, RSI_SUCCESS, "DEN0137 RSI_IPA_STATE_SET: SUCCESS each round");
		t_assert_reg(r, 1, DRAM_BASE + (uint64_t)i * 0x4000000,
			     "DEN0137 RSI_IPA_STATE_SET: x1 = new base, 64 MiB per round (built-in "
			     "policy)");
		base = r.x[1];
	}
	ripas_is(*state, DRAM_BASE, DRAM_TOP, DRAM_TOP, RMM_RIPAS_EMPTY,
		 "DEN0137 RSI_IPA_STATE_SET: all EMPTY");
}

/* "ripas_chunk": 0: the host changes the whole range in one round. */
static void set_chunk_whole(void **state)
{
	(void)state;
	struct smcsim *sim = t_machine(
		"cca-realm", "{\"layers\":{\"rmm\":{\"services\":{\"rsi\":{\"ripas_chunk\":0}}}}}");
	struct smcsim_regs r =
		t_call(sim, RSI_IPA_STATE_SET_FID, DRAM_BASE, DRAM_TOP, RMM_RIPAS_EMPTY, 0);
	t_assert_x0(r, RSI_SUCCESS, "DEN0137 RSI_IPA_STATE_SET: SUCCESS in one round");
	t_assert_reg(r, 1, DRAM_TOP, "DEN0137 RSI_IPA_STATE_SET: x1 = top, whole range");
	t_assert_reg(r, 2, RSI_ACCEPT, "DEN0137 RSI_IPA_STATE_SET: x2 = RSI_ACCEPT");
	smcsim_destroy(sim);
}

/* "ripas_chunk": 0 over the whole protected space: EMPTY goes through in one round (the
 * holes are EMPTY already, DRAM changes); RAM stops at once at IPA 0, where the host has
 * nothing to map (x1 = base: no progress, still SUCCESS + ACCEPT). */
static void set_chunk_whole_par(void **state)
{
	(void)state;
	struct smcsim *sim = t_machine(
		"cca-realm", "{\"layers\":{\"rmm\":{\"services\":{\"rsi\":{\"ripas_chunk\":0}}}}}");
	struct smcsim_regs r = t_call(sim, RSI_IPA_STATE_SET_FID, 0, PAR_TOP, RMM_RIPAS_RAM, 0);
	t_assert_x0(r, RSI_SUCCESS, "DEN0137 RSI_IPA_STATE_SET: RAM over the PAR: SUCCESS");
	t_assert_reg(r, 1, 0,
		     "DEN0137 RSI_IPA_STATE_SET: RAM over the PAR: x1 = base, IPA 0 has no memory "
		     "to map");
	t_assert_reg(r, 2, RSI_ACCEPT, "DEN0137 RSI_IPA_STATE_SET: x2 = RSI_ACCEPT");
	r = t_call(sim, RSI_IPA_STATE_SET_FID, 0, PAR_TOP, RMM_RIPAS_EMPTY, 0);
	t_assert_x0(r, RSI_SUCCESS, "DEN0137 RSI_IPA_STATE_SET: EMPTY over the PAR: SUCCESS");
	t_assert_reg(r, 1, PAR_TOP,
		     "DEN0137 RSI_IPA_STATE_SET: EMPTY over the PAR: x1 = top, in one round");
	t_assert_reg(r, 2, RSI_ACCEPT, "DEN0137 RSI_IPA_STATE_SET: x2 = RSI_ACCEPT");
	ripas_is(sim, 0, PAR_TOP, PAR_TOP, RMM_RIPAS_EMPTY,
		 "DEN0137 RSI_IPA_STATE_SET: the whole PAR EMPTY, DRAM included");
	r = t_call(sim, RSI_IPA_STATE_SET_FID, DRAM_BASE, PAR_TOP, RMM_RIPAS_RAM, 0);
	t_assert_reg(r, 1, DRAM_TOP,
		     "DEN0137 RSI_IPA_STATE_SET: RAM from DRAM base over the PAR: progress up "
		     "to DRAM top");
	ripas_is(sim, DRAM_BASE, PAR_TOP, DRAM_TOP, RMM_RIPAS_RAM,
		 "DEN0137 RSI_IPA_STATE_SET: DRAM RAM again");
	smcsim_destroy(sim);
}

/* B5.3.7 with a host that rejects: SUCCESS, x1 = base (no progress), RIPAS unchanged. x2 is
 * REJECT only for a change to RAM; a rejected change to EMPTY is reported as ACCEPT up to x1
 * (TF-RMM rel0 complete_set_ripas()). */
static void set_reject(void **state)
{
	(void)state;
	struct smcsim *sim = t_machine(
		"cca-realm",
		"{\"layers\":{\"rmm\":{\"services\":{\"rsi\":{\"ripas_change\":\"reject\"}}}}}");
	struct smcsim_regs r =
		t_call(sim, RSI_IPA_STATE_SET_FID, BUF, BUF + 0x10000, RMM_RIPAS_EMPTY, 0);
	t_assert_x0(r, RSI_SUCCESS, "DEN0137 RSI_IPA_STATE_SET: the command itself succeeds");
	t_assert_reg(r, 1, BUF, "DEN0137 RSI_IPA_STATE_SET: x1 = base: nothing changed");
	t_assert_reg(r, 2, RSI_ACCEPT,
		     "TF-RMM rel0 complete_set_ripas(): a rejected change to EMPTY reports "
		     "RSI_ACCEPT");
	ripas_is(sim, DRAM_BASE, DRAM_TOP, DRAM_TOP, RMM_RIPAS_RAM,
		 "DEN0137 RSI_IPA_STATE_SET: still RAM");
	/* A change to RAM (over RAM: the host rejects it before it looks). */
	r = t_call(sim, RSI_IPA_STATE_SET_FID, BUF, BUF + 0x10000, RMM_RIPAS_RAM, 0);
	t_assert_reg(r, 1, BUF, "DEN0137 RSI_IPA_STATE_SET: x1 = base: nothing changed");
	t_assert_reg(r, 2, RSI_REJECT,
		     "TF-RMM rel0 complete_set_ripas(): a change to RAM stopped short: "
		     "RSI_REJECT");
	smcsim_destroy(sim);
}

/* RAM needs memory behind it: progress stops where DRAM ends; EMPTY does not. */
static void set_ram_outside_memory(void **state)
{
	struct smcsim_regs r = t_call(*state, RSI_IPA_STATE_SET_FID, DRAM_TOP - 0x100000,
				      DRAM_TOP + 0x100000, RMM_RIPAS_RAM, 0);
	t_assert_x0(r, RSI_SUCCESS, "DEN0137 RSI_IPA_STATE_SET: RAM across the end of DRAM");
	t_assert_reg(r, 1, DRAM_TOP, "DEN0137 RSI_IPA_STATE_SET: stops at DRAM top");
	t_assert_reg(r, 2, RSI_ACCEPT,
		     "DEN0137 RSI_IPA_STATE_SET: x2 = RSI_ACCEPT as far as it went");
	r = t_call(*state, RSI_IPA_STATE_SET_FID, DRAM_TOP, DRAM_TOP + 0x100000, RMM_RIPAS_RAM, 0);
	t_assert_x0(r, RSI_SUCCESS, "DEN0137 RSI_IPA_STATE_SET: RAM entirely outside DRAM");
	t_assert_reg(r, 1, DRAM_TOP, "DEN0137 RSI_IPA_STATE_SET: no progress");
	r = t_call(*state, RSI_IPA_STATE_SET_FID, DRAM_TOP, DRAM_TOP + 0x100000, RMM_RIPAS_EMPTY,
		   0);
	t_assert_reg(r, 1, DRAM_TOP + 0x100000,
		     "DEN0137 RSI_IPA_STATE_SET: EMPTY outside DRAM: nothing to do");
}

/* The "ram" policy sets the boot RIPAS (a host's RTT_INIT_RIPAS). */
static void set_ram_policy(void **state)
{
	(void)state;
	struct smcsim *sim =
		t_machine("cca-realm", "{\"layers\":{\"rmm\":{\"services\":{\"rsi\":{\"ram\":"
				       "[[\"0x80000000\",\"0x80100000\"]]}}}}}");
	ripas_is(sim, DRAM_BASE, DRAM_TOP, DRAM_BASE + 0x100000, RMM_RIPAS_RAM,
		 "DEN0137 RSI_IPA_STATE_GET: initial RAM");
	ripas_is(sim, DRAM_BASE + 0x100000, DRAM_TOP, DRAM_TOP, RMM_RIPAS_EMPTY,
		 "DEN0137 RSI_IPA_STATE_GET: rest EMPTY");
	struct smcsim_regs r = t_call(sim, RSI_REALM_CONFIG_FID, BUF);
	t_assert_x0(r, RSI_ERROR_INPUT,
		    "DEN0137 RSI_REALM_CONFIG: buffer on RIPAS EMPTY: ERROR_INPUT");
	smcsim_destroy(sim);
}

/* ---- RSI_MEASUREMENT_READ / EXTEND ------------------------------------------------------ */

/* B5.3.5: index > 4 → ERROR_INPUT (TF-RMM rel0: idx >= MEASUREMENT_SLOT_NR). */
static void read_failures(void **state)
{
	static const uint64_t bad[] = { 5, 6, 0x100, UINT64_MAX };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct smcsim_regs r = t_call(*state, RSI_MEASUREMENT_READ_FID, bad[i]);
		t_assert_x0(r, RSI_ERROR_INPUT,
			    "DEN0137 RSI_MEASUREMENT_READ index_bound: index > 4");
	}
}

/* REMs start at zero (A7.1.2); the RIM is what the host measured: the profile's "rim". */
static void read_initial(void **state)
{
	(void)state;
	struct smcsim *sim = t_machine(
		"cca-realm", "{\"layers\":{\"rmm\":{\"services\":{\"rsi\":{\"rim\":\"00112233445566"
			     "778899aabbccddeeff0f1e2d3c4b5a69788796a5b4c3d2e1f0\"}}}}}");
	uint8_t got[64], want[64] = { 0 };
	for (uint64_t i = 1; i <= 4; i++) {
		read_meas(sim, i, got);
		assert_memory_equal(got, want,
				    64); /* DEN0137 A7.1.2 measurements: REMs start at zero */
	}
	unhex(rim_hex, want, 32);
	read_meas(sim, 0, got);
	assert_memory_equal(got, want, 64); /* DEN0137 A7.1.2 measurements: RIM as the host measured
					       it; SHA-256 bytes 32..63 read zero */
	smcsim_destroy(sim);
}

/* B5.3.4 failure conditions (TF-RMM rel0 realm_attest.c): index 0 (the RIM) or > 4,
 * size > 64 → ERROR_INPUT, and nothing is extended. */
static void extend_failures(void **state)
{
	uint8_t v[64], got[64], zero[64] = { 0 };
	memset(v, 0x42, sizeof(v));
	static const uint64_t bad[][2] = {
		{ 0, 32 }, { 5, 32 }, { UINT64_MAX, 1 }, { 1, 65 }, { 4, UINT64_MAX }
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct smcsim_regs r = extend(*state, bad[i][0], bad[i][1], v);
		t_assert_x0(r, RSI_ERROR_INPUT,
			    "DEN0137 RSI_MEASUREMENT_EXTEND index_bound / size_bound");
	}
	for (uint64_t i = 0; i <= 4; i++) {
		read_meas(*state, i, got);
		assert_memory_equal(
			got, zero,
			64); /* DEN0137 RSI_MEASUREMENT_EXTEND: failure extends nothing */
	}
}

/* The extend rule computed independently of the model, with nettle directly. */
static void nettle_extend(enum rmm_hash algo, uint8_t meas[64], const uint8_t *v, size_t size)
{
	uint8_t out[64] = { 0 };
	if (algo == RMM_HASH_SHA256) {
		struct sha256_ctx c;
		sha256_init(&c);
		sha256_update(&c, 32, meas);
		sha256_update(&c, size, v);
		sha256_digest(&c, SHA256_DIGEST_SIZE, out);
	} else {
		struct sha512_ctx c;
		sha512_init(&c);
		sha512_update(&c, 64, meas);
		sha512_update(&c, size, v);
		sha512_digest(&c, SHA512_DIGEST_SIZE, out);
	}
	memcpy(meas, out, 64);
}

/*
 * B5.3.4 / A7.1.2: REM[i] = H(REM[i][0..hash size) || value[0..size)), little-endian
 * value from x3..x10 (TF-RMM rel0 measurement_extend() over &rec->regs[3]); checked
 * against rmm_hash over the concatenation and against nettle directly, for SHA-256 and
 * SHA-512, sizes 64, 17, 1 and 0. The other REMs and the RIM do not move.
 */
static void extend_rule_algo(enum rmm_hash algo)
{
	struct smcsim *sim =
		t_machine("cca-realm", algo == RMM_HASH_SHA512
					       ? "{\"layers\":{\"rmm\":{\"services\":{\"rsi\":"
						 "{\"hash_algo\":\"sha-512\"}}}}}"
					       : NULL);
	size_t hs = rmm_hash_size(algo);
	uint8_t v[64], want[64] = { 0 }, indep[64] = { 0 }, got[64], zero[64] = { 0 };
	uint8_t cat[128];
	for (size_t i = 0; i < sizeof(v); i++)
		v[i] = (uint8_t)(0x10 + 7 * i);
	static const size_t sizes[] = { 64, 17, 1, 0 };
	for (size_t k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
		size_t size = sizes[k];
		memcpy(cat, want, hs);
		memcpy(cat + hs, v, size);
		rmm_hash(algo, cat, hs + size, want);
		nettle_extend(algo, indep, v, size);
		assert_memory_equal(want, indep,
				    64); /* DEN0137 RSI_MEASUREMENT_EXTEND: REM = H(REM || value) */

		struct smcsim_regs r = extend(sim, 2, size, v);
		t_assert_x0(r, RSI_SUCCESS, "DEN0137 RSI_MEASUREMENT_EXTEND: SUCCESS");
		read_meas(sim, 2, got);
		assert_memory_equal(got, indep, 64); /* DEN0137 RSI_MEASUREMENT_EXTEND:
							MEASUREMENT_READ returns the new REM */
	}
	for (uint64_t i = 0; i <= 4; i++) {
		if (i == 2)
			continue;
		read_meas(sim, i, got);
		assert_memory_equal(got, zero,
				    64); /* DEN0137 RSI_MEASUREMENT_EXTEND: other REMs untouched */
	}
	smcsim_destroy(sim);
}

static void extend_sha256(void **state)
{
	(void)state;
	extend_rule_algo(RMM_HASH_SHA256);
}

static void extend_sha512(void **state)
{
	(void)state;
	extend_rule_algo(RMM_HASH_SHA512);
}

/* A7.1.2: REMs are zero at every realm boot; the RIM (measured at build) survives. */
static void reset_zeroes_rems(void **state)
{
	(void)state;
	struct smcsim *sim = t_machine(
		"cca-realm", "{\"layers\":{\"rmm\":{\"services\":{\"rsi\":{\"rim\":\"00112233445566"
			     "778899aabbccddeeff0f1e2d3c4b5a69788796a5b4c3d2e1f0\"}}}}}");
	uint8_t v[64] = { 1, 2, 3 }, got[64], zero[64] = { 0 }, rim[64] = { 0 };
	unhex(rim_hex, rim, 32);
	t_assert_x0_of(extend(sim, 3, 3, v), RSI_SUCCESS, "setup: RSI_MEASUREMENT_EXTEND REM 3");
	read_meas(sim, 3, got);
	assert_memory_not_equal(
		got, zero, 64); /* DEN0137 RSI_MEASUREMENT_EXTEND: REM 3 changed before the reset */
	smcsim_reset(sim);
	read_meas(sim, 3, got);
	assert_memory_equal(got, zero, 64); /* DEN0137 A7.1.2 REMs zero at realm boot */
	read_meas(sim, 0, got);
	assert_memory_equal(got, rim, 64); /* DEN0137 A7.1.2: the RIM survives a realm reboot */
	smcsim_destroy(sim);
}

/* ---- RSI_ATTEST_TOKEN_INIT / CONTINUE --------------------------------------------------- */

static void challenge_args(uint64_t a[8], uint8_t seed)
{
	for (int i = 0; i < 8; i++)
		a[i] = 0x0101010101010101ull * (uint64_t)(uint8_t)(seed + i);
}

static void challenge_bytes(uint8_t out[64], uint8_t seed)
{
	uint64_t a[8];
	challenge_args(a, seed);
	for (int i = 0; i < 8; i++)
		abi_wr64(out + 8 * i, a[i]);
}

static uint64_t token_init(struct smcsim *sim, unsigned int cpu, uint8_t seed)
{
	uint64_t a[8];
	challenge_args(a, seed);
	struct smcsim_regs r = t_call_arr(sim, NULL, cpu, RSI_ATTEST_TOKEN_INIT_FID, 8, a);
	t_assert_x0(r, RSI_SUCCESS, "DEN0137 RSI_ATTESTATION_TOKEN_INIT: SUCCESS");
	return r.x[1];
}

/*
 * Copy the token in @piece-byte CONTINUE calls into the granule at @buf (the offset wraps
 * at the granule end, as the ACS and Linux loops do), reassembling it in a malloc'd
 * buffer. Every call but the last answers INCOMPLETE with x1 = bytes copied.
 */
static uint8_t *token_copy(struct smcsim *sim, unsigned int cpu, uint64_t buf, uint64_t piece,
			   size_t *len)
{
	size_t cap = 0x4000, n = 0;
	uint8_t *tok = malloc(cap);
	uint64_t off = 0;
	assert_non_null(tok); /* setup: test harness allocation */
	for (int calls = 0;; calls++) {
		assert_true(
			calls <
			0x400); /* DEN0137 RSI_ATTESTATION_TOKEN_CONTINUE: the token completes */
		struct smcsim_regs r =
			t_call_cpu(sim, cpu, RSI_ATTEST_TOKEN_CONTINUE_FID, buf, off, piece);
		if (r.x[0] != RSI_SUCCESS)
			t_assert_x0(
				r, RSI_INCOMPLETE,
				"DEN0137 RSI_ATTESTATION_TOKEN_CONTINUE: INCOMPLETE until done");
		assert_true(r.x[1] <=
			    piece); /* DEN0137 RSI_ATTESTATION_TOKEN_CONTINUE: x1 <= size */
		assert_true(n + r.x[1] <= cap); /* DEN0137 RSI_ATTESTATION_TOKEN_INIT: total within
						   the bound INIT gave */
		assert_int_equal(smcsim_mem_read(sim, buf + off, tok + n, r.x[1]),
				 0); /* setup: host memory access */
		n += r.x[1];
		off = (off + r.x[1]) % GRANULE;
		if (r.x[0] == RSI_SUCCESS)
			break;
		assert_int_equal(r.x[1], piece); /* DEN0137 RSI_ATTESTATION_TOKEN_CONTINUE: only the
						    last piece may be short */
	}
	*len = n;
	return tok;
}

/* No token in progress: ERROR_STATE (TF-RMM rel0: attest_realm_token_sign() returns
 * ATTEST_TOKEN_ERR_INVALID_STATE); the same once a token has been handed out. */
static void continue_no_token(void **state)
{
	struct smcsim_regs r = t_call(*state, RSI_ATTEST_TOKEN_CONTINUE_FID, BUF, 0, 0x100);
	t_assert_x0(r, RSI_ERROR_STATE,
		    "TF-RMM rel0 handle_rsi_attest_token_continue(): before INIT: ERROR_STATE");
	token_init(*state, 0, 1);
	size_t len;
	free(token_copy(*state, 0, BUF, GRANULE, &len));
	r = t_call(*state, RSI_ATTEST_TOKEN_CONTINUE_FID, BUF, 0, 0x100);
	t_assert_x0(r, RSI_ERROR_STATE,
		    "TF-RMM rel0 handle_rsi_attest_token_continue(): after the token completed: "
		    "ERROR_STATE");
}

/* B5.3.2 failure conditions, ACS cmd_attestation_token_continue order: addr_align,
 * addr_bound, offset_bound, size_overflow, size_bound; input checks come before the
 * state check (TF-RMM rel0 handle_rsi_attest_token_continue()). */
static void continue_failures(void **state)
{
	static const uint64_t bad[][3] = {
		{ BUF + 1, 0, GRANULE },       /* addr_align */
		{ PAR_TOP, 0, GRANULE },       /* addr_bound */
		{ BUF, GRANULE + 1, GRANULE }, /* offset_bound */
		{ BUF, GRANULE, 1 },	       /* offset_bound: offset == granule size */
		{ BUF, 0, UINT64_MAX },	       /* size_overflow */
		{ BUF, 0x10, UINT64_MAX - 8 }, /* size_overflow: offset + size wraps */
		{ BUF, 0, GRANULE + 1 },       /* size_bound */
		{ BUF, 0xf00, 0x101 },	       /* size_bound */
	};
	for (int started = 0; started <= 1; started++) {
		if (started)
			token_init(*state, 0, 2);
		for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
			struct smcsim_regs r = t_call(*state, RSI_ATTEST_TOKEN_CONTINUE_FID,
						      bad[i][0], bad[i][1], bad[i][2]);
			t_assert_x0(r, RSI_ERROR_INPUT,
				    "DEN0137 RSI_ATTESTATION_TOKEN_CONTINUE addr_align / "
				    "addr_bound / offset_bound / size_overflow / size_bound (ACS "
				    "cmd_attestation_token_continue)");
		}
	}
	/* None of them consumed any of the token. */
	size_t len;
	uint8_t *tok = token_copy(*state, 0, BUF, 0x100, &len);
	assert_int_equal(rmm_token_verify(tok, len, NULL),
			 0); /* DEN0137 RSI_ATTESTATION_TOKEN_CONTINUE: failures consume nothing */
	free(tok);
}

/* size 0 is not a failure: TF-RMM rel0 returns INCOMPLETE having copied nothing. */
static void continue_size_zero(void **state)
{
	token_init(*state, 0, 3);
	struct smcsim_regs r = t_call(*state, RSI_ATTEST_TOKEN_CONTINUE_FID, BUF, 0x80, 0);
	t_assert_x0(r, RSI_INCOMPLETE,
		    "TF-RMM rel0 handle_rsi_attest_token_continue(): size 0 INCOMPLETE");
	t_assert_reg(r, 1, 0, "TF-RMM rel0 handle_rsi_attest_token_continue(): nothing copied");
	size_t len;
	uint8_t *tok = token_copy(*state, 0, BUF, 0x100, &len);
	assert_int_equal(
		rmm_token_verify(tok, len, NULL),
		0); /* TF-RMM rel0 handle_rsi_attest_token_continue(): size 0 consumes nothing */
	free(tok);
}

/* TF-RMM rel0 attest_token_continue_write_state(): a buffer whose RIPAS is EMPTY →
 * ERROR_INPUT. */
static void continue_empty_buffer(void **state)
{
	token_init(*state, 0, 4);
	struct smcsim_regs r =
		t_call(*state, RSI_IPA_STATE_SET_FID, BUF, BUF + GRANULE, RMM_RIPAS_EMPTY, 0);
	t_assert_x0(r, RSI_SUCCESS, "setup: RSI_IPA_STATE_SET(EMPTY)");
	r = t_call(*state, RSI_ATTEST_TOKEN_CONTINUE_FID, BUF, 0, 0x100);
	t_assert_x0(r, RSI_ERROR_INPUT,
		    "TF-RMM rel0 attest_token_continue_write_state(): CONTINUE into EMPTY");
	r = t_call(*state, RSI_ATTEST_TOKEN_CONTINUE_FID, (uint64_t)0x1000, 0, 0x100);
	t_assert_x0(r, RSI_ERROR_INPUT,
		    "TF-RMM rel0 attest_token_continue_write_state(): CONTINUE outside DRAM");
}

/* The claims (DEN0137 A7.2.3.1): the challenge of INIT, the RPV, the
 * RIM, the REMs as they were at INIT, the realm hash algorithm; INIT's x1 bounds it. */
static void token_claims_algo(enum rmm_hash algo)
{
	char patch[512];
	snprintf(patch, sizeof(patch),
		 "{\"layers\":{\"rmm\":{\"services\":{\"rsi\":{\"hash_algo\":\"%s\",\"rim\":"
		 "\"%s%s\"}}}}}",
		 algo == RMM_HASH_SHA512 ? "sha-512" : "sha-256", rim_hex,
		 algo == RMM_HASH_SHA512 ? rim_hex : "");
	struct smcsim *sim = t_machine("cca-realm", patch);
	size_t hs = rmm_hash_size(algo);
	uint8_t v[64], rem1[64] = { 0 }, rim[64] = { 0 }, ch[64], zero[64] = { 0 };
	memset(v, 0x3c, sizeof(v));
	unhex(rim_hex, rim, 32);
	if (hs == 64)
		memcpy(rim + 32, rim, 32);
	t_assert_x0_of(extend(sim, 1, 40, v), RSI_SUCCESS, "setup: RSI_MEASUREMENT_EXTEND REM 1");
	nettle_extend(algo, rem1, v, 40);

	uint64_t bound = token_init(sim, 0, 0x70);
	/* Measurements are captured at INIT (TF-RMM rel0 builds the realm claims there). */
	t_assert_x0_of(extend(sim, 1, 1, v), RSI_SUCCESS,
		       "setup: RSI_MEASUREMENT_EXTEND after INIT");
	size_t len;
	uint8_t *tok = token_copy(sim, 0, BUF, 0x100, &len);
	assert_true(len <= bound); /* DEN0137 RSI_ATTESTATION_TOKEN_INIT: x1 is an upper bound */

	struct rmm_token_claims cl;
	memset(&cl, 0, sizeof(cl));
	assert_int_equal(rmm_token_verify(tok, len, &cl), 0); /* DEN0137 A7.2 CCA token: verifies */
	challenge_bytes(ch, 0x70);
	assert_memory_equal(cl.challenge, ch,
			    64); /* DEN0137 A7.2.3.1 realm token claims: challenge of INIT */
	assert_memory_equal(cl.rpv, profile_rpv,
			    64); /* DEN0137 A7.2.3.1 realm token claims: personalization value */
	assert_int_equal(cl.algo, algo); /* DEN0137 A7.2.3.1 realm token claims: hash algorithm */
	assert_memory_equal(cl.rim, rim, 64); /* DEN0137 A7.2.3.1 realm token claims: RIM */
	assert_memory_equal(cl.rem[0], rem1,
			    64); /* DEN0137 A7.2.3.1 realm token claims: REM 1 as at INIT */
	for (int i = 1; i < 4; i++)
		assert_memory_equal(cl.rem[i], zero,
				    64); /* DEN0137 A7.2.3.1 realm token claims: other REMs */
	assert_false(cl.v2);		 /* DEN0137 1.0 A7.2 CCA token: 1.0 format */
	free(tok);
	smcsim_destroy(sim);
}

static void token_claims_sha256(void **state)
{
	(void)state;
	token_claims_algo(RMM_HASH_SHA256);
}

static void token_claims_sha512(void **state)
{
	(void)state;
	token_claims_algo(RMM_HASH_SHA512);
}

/* Same claims → identical bytes (deterministic ECDSA); another challenge → other bytes;
 * the piece size does not matter. */
static void token_deterministic(void **state)
{
	size_t l1, l2, l3;
	token_init(*state, 0, 9);
	uint8_t *a = token_copy(*state, 0, BUF, 0x100, &l1);
	token_init(*state, 0, 9);
	uint8_t *b = token_copy(*state, 0, BUF + GRANULE, 0x1000, &l2);
	token_init(*state, 0, 10);
	uint8_t *c = token_copy(*state, 0, BUF, 0x200, &l3);
	assert_int_equal(l1, l2); /* DEN0137 A7.2 realm token signature: same claims, same length */
	assert_memory_equal(
		a, b, l1); /* DEN0137 A7.2 realm token signature: deterministic ECDSA (RFC 6979) */
	assert_false(l1 == l3 && memcmp(a, c, l1) == 0); /* DEN0137 A7.2.3.1 realm token claims:
							    another challenge, other bytes */
	free(a);
	free(b);
	free(c);
}

/* TF-RMM rel0 handle_rsi_attest_token_init(): "Calling RSI_ATTESTATION_TOKEN_INIT any
 * time aborts any ongoing operation": the next CONTINUE starts the new token at byte 0. */
static void token_init_restarts(void **state)
{
	token_init(*state, 0, 20);
	for (int i = 0; i < 3; i++) {
		struct smcsim_regs r = t_call(*state, RSI_ATTEST_TOKEN_CONTINUE_FID, BUF,
					      (uint64_t)i * 0x100, 0x100);
		t_assert_x0(r, RSI_INCOMPLETE, "setup: RSI_ATTESTATION_TOKEN_CONTINUE partway");
	}
	token_init(*state, 0, 21);
	size_t len;
	uint8_t *tok = token_copy(*state, 0, BUF, 0x100, &len);
	struct rmm_token_claims cl;
	uint8_t ch[64];
	assert_int_equal(
		rmm_token_verify(tok, len, &cl),
		0); /* TF-RMM rel0 handle_rsi_attest_token_init(): INIT restarts the token */
	challenge_bytes(ch, 21);
	assert_memory_equal(
		cl.challenge, ch,
		64); /* TF-RMM rel0 handle_rsi_attest_token_init(): INIT restarts the token */
	free(tok);
}

/* Tokens are per REC (TF-RMM rel0 keeps them in rec->aux_data.attest_data): CPU 1's INIT
 * does not disturb CPU 0's token in progress. CPU 1 is off at boot; the realm powers it
 * on with PSCI CPU_ON (the RMM passes it to the host's psci service on the layer below). */
static void token_per_cpu(void **state)
{
	struct smcsim *sim = *state;
	assert_int_equal(smcsim_cpu_state(sim, 1), SMCSIM_CPU_OFF); /* setup: CPU 1 starts off */
	struct smcsim_regs r =
		t_call(sim, PSCI_CPU_ON_64_FID, smcsim_cpu_mpidr(sim, 1), DRAM_BASE, (uint64_t)0);
	t_assert_x0(r, 0, "setup: PSCI CPU_ON(1)");
	/* cca-realm completes CPU_ON at once (no "cpu_on_pending"). */
	assert_int_equal(smcsim_cpu_state(sim, 1), SMCSIM_CPU_ON); /* setup: CPU 1 on */

	r = t_call_cpu(sim, 1, RSI_ATTEST_TOKEN_CONTINUE_FID, BUF + GRANULE, 0, 0x100);
	t_assert_x0(r, RSI_ERROR_STATE,
		    "TF-RMM rel0 rec->aux_data.attest_data: CPU 1 has no token yet");

	token_init(sim, 0, 30);
	r = t_call(sim, RSI_ATTEST_TOKEN_CONTINUE_FID, BUF, 0, 0x100);
	t_assert_x0(r, RSI_INCOMPLETE, "TF-RMM rel0 rec->aux_data.attest_data: CPU 0 partway");
	token_init(sim, 1, 31);

	size_t l0, l1;
	uint8_t first[0x100];
	assert_int_equal(smcsim_mem_read(sim, BUF, first, sizeof(first)),
			 0); /* setup: host memory access */
	uint8_t *rest = token_copy(sim, 0, BUF + 2 * GRANULE, 0x100, &l0);
	uint8_t *t0 = malloc(l0 + 0x100);
	assert_non_null(t0); /* setup: test harness allocation */
	memcpy(t0, first, 0x100);
	memcpy(t0 + 0x100, rest, l0);
	uint8_t *t1 = token_copy(sim, 1, BUF + GRANULE, 0x100, &l1);

	struct rmm_token_claims c0, c1;
	uint8_t ch[64];
	assert_int_equal(rmm_token_verify(t0, l0 + 0x100, &c0),
			 0); /* TF-RMM rel0 rec->aux_data.attest_data: one token per REC */
	challenge_bytes(ch, 30);
	assert_memory_equal(c0.challenge, ch,
			    64); /* TF-RMM rel0 rec->aux_data.attest_data: one token per REC */
	assert_int_equal(rmm_token_verify(t1, l1, &c1),
			 0); /* TF-RMM rel0 rec->aux_data.attest_data: one token per REC */
	challenge_bytes(ch, 31);
	assert_memory_equal(c1.challenge, ch,
			    64); /* TF-RMM rel0 rec->aux_data.attest_data: one token per REC */
	free(rest);
	free(t0);
	free(t1);
}

/* ---- RSI_HOST_CALL ------------------------------------------------------------------- */

/* B5.3.3 failure conditions (ACS cmd_host_call): addr_align (256 bytes: TF-RMM rel0
 * sizeof(struct rsi_host_call)), addr_bound; and an EMPTY buffer (TF-RMM rel0
 * host_call.c: walk fails with RIPAS EMPTY → ERROR_INPUT). */
static void host_call_failures(void **state)
{
	static const uint64_t bad[] = { BUF + 8, BUF + 0x80, PAR_TOP, 0x1000 };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct smcsim_regs r = t_call(*state, RSI_HOST_CALL_FID, bad[i]);
		t_assert_x0(r, RSI_ERROR_INPUT,
			    "DEN0137 RSI_HOST_CALL addr_align / addr_bound (ACS cmd_host_call)");
	}
}

/* The host's answer lands in gprs[0..6] of RsiHostCall (imm @0, gprs[31] @8); the rest of
 * the structure is untouched. 256-byte alignment suffices. */
static void host_call_success(void **state)
{
	(void)state;
	struct smcsim *sim = t_machine("cca-realm", "{\"layers\":{\"rmm\":{\"services\":{\"rsi\":"
						    "{\"host_call\":[1,2,3,4,5,6,\"0xfeed\"]}}}}}");
	uint64_t hc = BUF + 0x300;
	uint8_t s[0x100];
	for (size_t i = 0; i < sizeof(s); i++)
		s[i] = (uint8_t)(0xc0 ^ i);
	s[0] = 0x34;
	s[1] = 0x12;
	assert_int_equal(smcsim_mem_write(sim, hc, s, sizeof(s)),
			 0); /* setup: host memory access */
	struct smcsim_regs r = t_call(sim, RSI_HOST_CALL_FID, hc);
	t_assert_x0(r, RSI_SUCCESS, "DEN0137 RSI_HOST_CALL: SUCCESS");
	uint8_t got[0x100];
	assert_int_equal(smcsim_mem_read(sim, hc, got, sizeof(got)),
			 0);		/* setup: host memory access */
	assert_memory_equal(got, s, 8); /* DEN0137 RSI_HOST_CALL RsiHostCall: imm and padding */
	static const uint64_t want[7] = { 1, 2, 3, 4, 5, 6, 0xfeed };
	for (int i = 0; i < 7; i++)
		assert_int_equal(
			abi_rd64(got + 8 + 8 * i),
			want[i]); /* DEN0137 RSI_HOST_CALL RsiHostCall: gprs[0..6] = host answer */
	assert_memory_equal(
		got + 8 + 7 * 8, s + 8 + 7 * 8,
		sizeof(s) - 8 -
			7 * 8); /* DEN0137 RSI_HOST_CALL RsiHostCall: gprs[7..30] untouched */
	smcsim_destroy(sim);
}

/* The built-in profile answers x0 = 0: gprs[0] = 0, gprs[1..] untouched. */
static void host_call_default(void **state)
{
	uint8_t s[0x100];
	memset(s, 0x77, sizeof(s));
	assert_int_equal(smcsim_mem_write(*state, BUF, s, sizeof(s)),
			 0); /* setup: host memory access */
	t_assert_x0_of(t_call(*state, RSI_HOST_CALL_FID, BUF), RSI_SUCCESS,
		       "DEN0137 RSI_HOST_CALL: SUCCESS, built-in answer");
	uint8_t got[0x100];
	assert_int_equal(smcsim_mem_read(*state, BUF, got, sizeof(got)),
			 0); /* setup: host memory access */
	assert_int_equal(abi_rd64(got + 8),
			 0); /* DEN0137 RSI_HOST_CALL RsiHostCall: gprs[0] = host x0 */
	assert_memory_equal(
		got + 16, s + 16,
		sizeof(s) - 16); /* DEN0137 RSI_HOST_CALL RsiHostCall: gprs[1..] untouched */
}

/* ---- PSCI and SMCCC as the RMM reports them to a realm -------------------------------- */

/* TF-RMM rel0 handles PSCI for realms as PSCI 1.1 and reports SMCCC 1.2. */
static void psci_smccc_versions(void **state)
{
	t_assert_x0_of(t_call(*state, PSCI_VERSION_FID), 0x10001,
		       "TF-RMM rel0 psci_version(): PSCI 1.1");
	t_assert_x0_of(t_call(*state, SMCCC_VERSION_FID), 0x10002,
		       "TF-RMM rel0 handle_realm_rsi(): SMCCC_VERSION 1.2");
}

/*
 * TF-RMM rel0 handle_realm_rsi(): every realm call the RMM answers starts from zeroed result
 * words x0..x3 with x4 seeded from the realm's x4, so x1..x3 read 0 unless returned and x4 and
 * up come back as passed: for RSI, PSCI answered by the RMM, SMCCC_VERSION and the SMC_UNKNOWN
 * default, SMCCC_ARCH_FEATURES included.
 */
#define RP(n) (UINT64_C(0x7ea1000000000000) | (n)) /* what the realm passed in xn */

static struct smcsim_regs call_poisoned(struct smcsim *sim, uint64_t fid, uint64_t a1, uint64_t a2)
{
	return t_call(sim, fid, a1, a2, RP(3), RP(4), RP(5));
}

static void assert_result(struct smcsim_regs r, uint64_t x0, const char *rule)
{
	t_assert_x0(r, x0, rule);
	t_assert_reg(r, 1, 0, "TF-RMM rel0 handle_realm_rsi(): x1 = 0 unless returned");
	t_assert_reg(r, 2, 0, "TF-RMM rel0 handle_realm_rsi(): x2 = 0 unless returned");
	t_assert_reg(r, 3, 0, "TF-RMM rel0 handle_realm_rsi(): x3 = 0 unless returned");
	t_assert_reg(r, 4, RP(4), "TF-RMM rel0 handle_realm_rsi(): x4 is the realm's");
	t_assert_reg(r, 5, RP(5), "SMCCC: x5 is the realm's");
}

static void result_registers(void **state)
{
	struct smcsim *sim = *state;
	struct smcsim_regs r = call_poisoned(sim, RSI_VERSION_FID, RSI_ABI_1_0, RP(2));
	t_assert_reg(r, 2, RSI_ABI_1_0, "DEN0137 RSI_VERSION: x2 higher");
	t_assert_reg(r, 3, 0, "TF-RMM rel0 handle_realm_rsi(): x3 = 0");
	t_assert_reg(r, 4, RP(4), "TF-RMM rel0 handle_realm_rsi(): RSI keeps x4");
	assert_result(call_poisoned(sim, RSI_MEASUREMENT_READ_FID, 5, RP(2)), RSI_ERROR_INPUT,
		      "DEN0137 RSI_MEASUREMENT_READ: index > 4");
	assert_result(call_poisoned(sim, RSI_HOST_CALL_FID, BUF + 8, RP(2)), RSI_ERROR_INPUT,
		      "DEN0137 RSI_HOST_CALL: unaligned structure");
	/* HOST_CALL's completion writes x0 alone (TF-RMM rel0 do_host_call()). */
	r = call_poisoned(sim, RSI_HOST_CALL_FID, BUF, RP(2));
	t_assert_x0(r, RSI_SUCCESS, "DEN0137 RSI_HOST_CALL: SUCCESS");
	t_assert_reg(r, 1, BUF, "TF-RMM rel0 do_host_call(): x1 as passed (the structure)");
	t_assert_reg(r, 2, RP(2), "TF-RMM rel0 do_host_call(): x2 as passed");
	t_assert_reg(r, 4, RP(4), "TF-RMM rel0 do_host_call(): x4 as passed");
	assert_result(call_poisoned(sim, PSCI_VERSION_FID, RP(1), RP(2)), 0x10001,
		      "TF-RMM rel0 psci_version(): PSCI 1.1");
	assert_result(call_poisoned(sim, SMCCC_VERSION_FID, RP(1), RP(2)), 0x10002,
		      "TF-RMM rel0 handle_realm_rsi(): SMCCC_VERSION 1.2");
	assert_result(call_poisoned(sim, SMCCC_ARCH_FEATURES_FID, SMCCC_VERSION_FID, RP(2)),
		      SMC_UNKNOWN,
		      "TF-RMM rel0 handle_realm_rsi(): SMCCC_ARCH_FEATURES is not handled");
	assert_result(call_poisoned(sim, 0xC2000042u, RP(1), RP(2)), SMC_UNKNOWN,
		      "TF-RMM rel0 handle_realm_rsi(): an unknown ID: SMC_UNKNOWN");
	assert_result(call_poisoned(sim, PSCI_FID(0x13), RP(1), RP(2)), PSCI_RET_NOT_SUPPORTED,
		      "TF-RMM rel0 handle_psci(): MEM_PROTECT is not offered");
}

/* TF-RMM rel0 runtime/rsi/psci.c as a realm sees it. */
static void psci_as_the_rmm(void **state)
{
	struct smcsim *sim = *state;
	assert_result(call_poisoned(sim, PSCI_FEATURES_FID, PSCI_VERSION_FID, RP(2)),
		      PSCI_RET_NOT_SUPPORTED,
		      "TF-RMM rel0 psci_features(): PSCI_VERSION is not listed");
	assert_result(call_poisoned(sim, PSCI_FEATURES_FID, SMCCC_VERSION_FID, RP(2)), 0,
		      "TF-RMM rel0 psci_features(): SMCCC_VERSION is listed");
	assert_result(call_poisoned(sim, PSCI_FEATURES_FID, PSCI_CPU_ON_64_FID, RP(2)), 0,
		      "TF-RMM rel0 psci_features(): CPU_ON_64 is listed");
	assert_result(call_poisoned(sim, PSCI_FEATURES_FID, PSCI_SYSTEM_SUSPEND_64_FID, RP(2)),
		      PSCI_RET_NOT_SUPPORTED,
		      "TF-RMM rel0 psci_features(): SYSTEM_SUSPEND is not offered");
	uint64_t cpu1 = smcsim_cpu_mpidr(sim, 1);
	assert_result(call_poisoned(sim, PSCI_CPU_ON_64_FID, 99, PAR_TOP), PSCI_RET_INVALID_ADDRESS,
		      "TF-RMM rel0 psci_cpu_on(): entry point outside the PAR, before the target");
	assert_result(call_poisoned(sim, PSCI_CPU_ON_64_FID, 99, DRAM_BASE),
		      PSCI_RET_INVALID_PARAMS,
		      "TF-RMM rel0 psci_cpu_on(): no REC with that index: INVALID_PARAMS");
	assert_result(call_poisoned(sim, PSCI_CPU_ON_64_FID, smcsim_cpu_mpidr(sim, 0), DRAM_BASE),
		      PSCI_RET_ALREADY_ON, "TF-RMM rel0 psci_cpu_on(): the caller: ALREADY_ON");
	assert_result(call_poisoned(sim, PSCI_AFFINITY_INFO_64_FID, cpu1, 0), 1,
		      "TF-RMM rel0 psci_affinity_info(): another REC, completed by the host: OFF");
	assert_result(call_poisoned(sim, PSCI_AFFINITY_INFO_64_FID, cpu1, 1),
		      PSCI_RET_INVALID_PARAMS,
		      "TF-RMM rel0 psci_affinity_info(): lowest level 0 only");
	/* An entry point anywhere in the PAR is accepted (addr_in_rec_par()), memory or not. */
	assert_result(call_poisoned(sim, PSCI_CPU_ON_64_FID, cpu1, PAR_TOP - GRANULE), 0,
		      "TF-RMM rel0 psci_cpu_on(): entry point inside the PAR: the host starts it");
	assert_int_equal(smcsim_cpu_state(sim, 1),
			 SMCSIM_CPU_ON); /* DEN0137 A6.2: CPU_ON completed by the host */
	assert_result(call_poisoned(sim, PSCI_AFFINITY_INFO_64_FID, cpu1, 0), 0,
		      "TF-RMM rel0 complete_psci_affinity_info(): ON");
}

#define T(f) cmocka_unit_test_setup_teardown(f, fresh, destroy)

int main(void)
{
	const struct CMUnitTest version[] = {
		T(version_1_0),		T(version_other),    T(features_zero),	 T(unknown_rsi_fid),
		T(psci_smccc_versions), T(result_registers), T(psci_as_the_rmm),
	};
	const struct CMUnitTest config[] = {
		T(config_failures),
		T(config_layout),
		T(config_profile_values),
		T(config_empty_buffer),
	};
	const struct CMUnitTest get[] = {
		T(get_failures),
		T(get_runs),
		T(get_outside_memory),
		T(get_whole_par),
	};
	const struct CMUnitTest set[] = {
		T(set_failures),      T(set_flags_reserved),	 T(set_accept_chunked),
		T(set_default_chunk), T(set_chunk_whole),	 T(set_chunk_whole_par),
		T(set_reject),	      T(set_ram_outside_memory), T(set_ram_policy),
	};
	const struct CMUnitTest meas[] = {
		T(read_failures), T(read_initial),  T(extend_failures),
		T(extend_sha256), T(extend_sha512), T(reset_zeroes_rems),
	};
	const struct CMUnitTest attest[] = {
		T(continue_no_token),	  T(continue_failures),	  T(continue_size_zero),
		T(continue_empty_buffer), T(token_claims_sha256), T(token_claims_sha512),
		T(token_deterministic),	  T(token_init_restarts), T(token_per_cpu),
	};
	const struct CMUnitTest host_call[] = {
		T(host_call_failures),
		T(host_call_success),
		T(host_call_default),
	};
	int fails = 0;
	fails += cmocka_run_group_tests_name("RSI_VERSION, RSI_FEATURES, PSCI/SMCCC", version, NULL,
					     NULL);
	fails += cmocka_run_group_tests_name("RSI_REALM_CONFIG (B5.3.9)", config, NULL, NULL);
	fails += cmocka_run_group_tests_name("RSI_IPA_STATE_GET (B5.3.6)", get, NULL, NULL);
	fails += cmocka_run_group_tests_name("RSI_IPA_STATE_SET (B5.3.7)", set, NULL, NULL);
	fails += cmocka_run_group_tests_name("RSI_MEASUREMENT_READ/EXTEND (B5.3.4-5)", meas, NULL,
					     NULL);
	fails += cmocka_run_group_tests_name("RSI_ATTEST_TOKEN_INIT/CONTINUE (B5.3.1-2)", attest,
					     NULL, NULL);
	fails += cmocka_run_group_tests_name("RSI_HOST_CALL (B5.3.3)", host_call, NULL, NULL);
	return fails ? 1 : 0;
}
