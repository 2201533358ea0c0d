/* SPDX-License-Identifier: MIT */
/*
 * FF-A setup and discovery against the SPMC model (profile ffa-host): FFA_VERSION,
 * FFA_FEATURES, FFA_ID_GET, FFA_SPM_ID_GET, FFA_RXTX_MAP/UNMAP, FFA_RX_RELEASE/ACQUIRE,
 * FFA_PARTITION_INFO_GET(_REGS). One group per call, one case per rule. Each assertion cites
 * DEN0077 (v1.0 section numbers as quoted by the FF-A ACS testcase checklist, v1.1/v1.2 ones
 * from the ACS scenario docs; the ACS or Hafnium hftest of the same name in brackets) or the
 * Hafnium / TF-A function whose behaviour a profile policy reproduces.
 */
#include "conformance/ffa/ffa_test.h"

static struct smcsim *ffa_machine(const char *patch)
{
	return t_machine("ffa-host", patch);
}

/* ---- FFA_VERSION -------------------------------------------------------------------- */

/* DEN0077 v1.0 8.1.2 rule 1: compatible request -> the callee's version in w0. */
static void version_compatible(void **state)
{
	struct smcsim *sim = ffa_machine(NULL);
	struct smcsim_regs r = t_call(sim, FFA_VERSION_FID, FFA_V1_1);
	t_assert_reg(r, 0, FFA_V1_2,
		     "DEN0077 v1.0 8.1.2 rule 1: compatible request -> callee's version");
	for (int i = 1; i < 8; i++)
		t_assert_reg(r, i, 0,
			     "DEN0077 v1.0 8.1.2: w1..w7 reserved, zero (ACS ffa_version)");
	/* The caller now speaks 1.1: 24-byte descriptors, one per partition. */
	t_ffa_setup(sim, FFA_V1_1);
	r = t_call(sim, FFA_PARTITION_INFO_GET_FID, 0, 0, 0, 0, 0);
	t_assert_ffa_ok(r, "DEN0077 v1.0 8.6: PARTITION_INFO_GET after 1.1 negotiation");
	t_assert_reg(
		r, 2, 2,
		"Hafnium api_ffa_partition_info_get(): v1.1 caller, one descriptor per partition");
	t_assert_reg(r, 3, 24, "DEN0077 v1.1 FFA_PARTITION_INFO_GET: w3 = 24-byte descriptor size");
	smcsim_destroy(sim);
}

/* DEN0077 v1.0 8.1.2 rule 3: a lesser incompatible callee returns its own (highest) version. */
static void version_callee_lower(void **state)
{
	struct smcsim *sim = ffa_machine(NULL);
	struct smcsim_regs r = t_call(sim, FFA_VERSION_FID, FFA_V(1, 5));
	t_assert_reg(r, 0, FFA_V1_2,
		     "DEN0077 v1.0 8.1.2 rule 3: lesser callee returns its version (minor)");
	r = t_call(sim, FFA_VERSION_FID, FFA_V(2, 0));
	t_assert_reg(r, 0, FFA_V1_2,
		     "DEN0077 v1.0 8.1.2 rule 3: lesser callee returns its version (major)");
	smcsim_destroy(sim);
}

/* DEN0077 v1.0 8.1.2 rule 2: only a greater incompatible version -> NOT_SUPPORTED allowed; bit 31
 * MBZ. */
static void version_incompatible(void **state)
{
	struct smcsim *sim = ffa_machine(NULL);
	struct smcsim_regs r = t_call(sim, FFA_VERSION_FID, FFA_V(0, 9));
	t_assert_reg(r, 0, (uint32_t)FFA_NOT_SUPPORTED,
		     "DEN0077 v1.0 8.1.2 rule 2: only a greater version -> NOT_SUPPORTED");
	r = t_call(sim, FFA_VERSION_FID, 0x80010002u);
	t_assert_reg(r, 0, (uint32_t)FFA_NOT_SUPPORTED, "DEN0077 v1.1 13.2.1: version bit 31 MBZ");
	smcsim_destroy(sim);
}

/* DEN0077 v1.2 13.2.2 (ACS ffa_version_negotiation): after the first other call, a lower minor is
 * NOT_SUPPORTED and the same version still answers. */
static void version_lock_in(void **state)
{
	struct smcsim *sim = ffa_machine(NULL);
	struct smcsim_regs r = t_call(sim, FFA_VERSION_FID, FFA_V1_2);
	t_assert_reg(r, 0, FFA_V1_2, "DEN0077 v1.0 8.1.2 rule 1: negotiate 1.2");
	r = t_call(sim, FFA_VERSION_FID, FFA_V1_1);
	t_assert_reg(r, 0, FFA_V1_2, "DEN0077 v1.2 13.2.2: renegotiation allowed before lock-in");
	r = t_call(sim, FFA_ID_GET_FID);
	t_assert_ffa_ok(r, "DEN0077 v1.2 13.2.2: the first other ABI (ID_GET) ends negotiation");
	r = t_call(sim, FFA_VERSION_FID, FFA_V1_0);
	t_assert_reg(r, 0, (uint32_t)FFA_NOT_SUPPORTED,
		     "DEN0077 v1.2 13.2.2 lock-in: lower minor -> NOT_SUPPORTED");
	r = t_call(sim, FFA_VERSION_FID, FFA_V1_1);
	t_assert_reg(r, 0, FFA_V1_2,
		     "DEN0077 v1.2 13.2.2: the negotiated version still answers after lock-in");
	smcsim_destroy(sim);
	sim = ffa_machine(NULL);
	t_call(sim, FFA_VERSION_FID, FFA_V1_2);
	r = t_call(sim, FFA_INTERRUPT_FID);
	t_assert_ffa_error(r, FFA_NOT_SUPPORTED,
			   "DEN0077 FFA_INTERRUPT: not a normal-world call -> NOT_SUPPORTED");
	r = t_call(sim, FFA_VERSION_FID, FFA_V1_1);
	t_assert_reg(r, 0, FFA_V1_2,
		     "Hafnium hvc_smc_handler(): FFA_INTERRUPT does not end negotiation");
	r = t_call(sim, FFA_MSG_POLL_FID);
	t_assert_ffa_error(r, FFA_NOT_SUPPORTED,
			   "DEN0077 v1.0 FFA_MSG_POLL: not implemented here -> NOT_SUPPORTED");
	r = t_call(sim, FFA_VERSION_FID, FFA_V1_0);
	t_assert_reg(r, 0, (uint32_t)FFA_NOT_SUPPORTED,
		     "DEN0077 v1.2 13.2.2: an unimplemented call still ends negotiation");
	/* The 1.1 negotiated before the lock stays: 1.2-only calls are not for it. */
	r = t_call(sim, FFA_FEATURES_FID, FFA_MSG_SEND_DIRECT_REQ2_FID);
	t_assert_ffa_error(
		r, FFA_NOT_SUPPORTED,
		"DEN0077 v1.2 FFA_MSG_SEND_DIRECT_REQ2: not for a 1.1 caller -> NOT_SUPPORTED");
	smcsim_destroy(sim);
}

/* Hafnium api_ffa_version: minor too high -> NOT_SUPPORTED (hftest
 * fails_minor_version_too_high), and only the negotiated version after lock-in. */
static void version_hafnium_policy(void **state)
{
	struct smcsim *sim = ffa_machine("{\"layers\":{\"el3\":{\"services\":{\"ffa\":"
					 "{\"version\":\"1.1\",\"policy\":\"hafnium\"}}}}}");
	struct smcsim_regs r = t_call(sim, FFA_VERSION_FID, FFA_V1_2);
	t_assert_reg(r, 0, (uint32_t)FFA_NOT_SUPPORTED,
		     "Hafnium api_ffa_version(): minor too high -> NOT_SUPPORTED");
	r = t_call(sim, FFA_VERSION_FID, FFA_V(2, 0));
	t_assert_reg(r, 0, (uint32_t)FFA_NOT_SUPPORTED,
		     "Hafnium api_ffa_version(): major mismatch -> NOT_SUPPORTED");
	r = t_call(sim, FFA_VERSION_FID, FFA_V1_0);
	t_assert_reg(r, 0, FFA_V1_1, "Hafnium api_ffa_version(): compatible -> own version");
	t_call(sim, FFA_ID_GET_FID);
	r = t_call(sim, FFA_VERSION_FID, FFA_V1_1);
	t_assert_reg(r, 0, (uint32_t)FFA_NOT_SUPPORTED,
		     "Hafnium api_ffa_version(): after lock-in only the negotiated version");
	r = t_call(sim, FFA_VERSION_FID, FFA_V1_0);
	t_assert_reg(r, 0, FFA_V1_1,
		     "Hafnium api_ffa_version(): the negotiated version is accepted");
	smcsim_destroy(sim);
}

/* TF-A EL3 SPMC (hftest keeps_negotiated_version_incompatible_low): always its own
 * version for an incompatible request, the negotiated one after lock-in. */
static void version_tfa_policy(void **state)
{
	struct smcsim *sim = ffa_machine("{\"layers\":{\"el3\":{\"services\":{\"ffa\":"
					 "{\"policy\":\"tfa\"}}}}}");
	struct smcsim_regs r = t_call(sim, FFA_VERSION_FID, 0);
	t_assert_reg(r, 0, FFA_V1_2,
		     "TF-A spmc_main.c ffa_version_handler(): 0.0 gets the SPMC version");
	r = t_call(sim, FFA_VERSION_FID, 0xFFFFFFFFu);
	t_assert_reg(r, 0, (uint32_t)FFA_NOT_SUPPORTED,
		     "TF-A spmc_main.c ffa_version_handler(): bit 31 set -> NOT_SUPPORTED");
	r = t_call(sim, FFA_VERSION_FID, FFA_V1_1);
	t_assert_reg(r, 0, FFA_V1_2,
		     "TF-A spmc_main.c ffa_version_handler(): compatible -> own version");
	t_call(sim, FFA_ID_GET_FID);
	r = t_call(sim, FFA_VERSION_FID, FFA_V1_2);
	t_assert_reg(r, 0, FFA_V1_1,
		     "TF-A spmc_main.c ffa_version_handler(): negotiated version after lock-in");
	smcsim_destroy(sim);
}

/* A v1.0 caller gets 8-byte descriptors and no size in w3 (DEN0077 v1.0 8.6). */
static void version_v1_0_descriptors(void **state)
{
	struct smcsim *sim = ffa_machine(NULL);
	t_ffa_setup(sim, FFA_V1_0);
	struct smcsim_regs r = t_call(sim, FFA_PARTITION_INFO_GET_FID, 0, 0, 0, 0, 0);
	t_assert_ffa_ok(r, "DEN0077 v1.0 8.6: PARTITION_INFO_GET from a v1.0 caller");
	t_assert_reg(r, 2, 2, "DEN0077 v1.0 8.6: w2 = partition count");
	t_assert_reg(r, 3, 0, "DEN0077 v1.0 8.6: w3 reserved");
	uint8_t d[16];
	assert_int_equal(smcsim_mem_read(sim, HOST_RX, d, sizeof(d)), 0);
	/* DEN0077 v1.0 8.6: 8-byte descriptors (ID, contexts, properties bits[2:0]; Hafnium masks
	 * the rest with ~0x7). */
	assert_int_equal(d[0] | d[1] << 8, SP1);
	assert_int_equal(d[8] | d[9] << 8, SP2); /* 8-byte stride */
	assert_int_equal(d[4], 0x0f & 0x7);	 /* properties masked to v1.0 bits */
	r = t_call(sim, FFA_PARTITION_INFO_GET_FID, 0, 0, 0, 0, 1);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "DEN0077 v1.0 8.6: w5 flags MBZ in v1.0");
	smcsim_destroy(sim);
}

/* ---- FFA_FEATURES ------------------------------------------------------------------- */

/* DEN0077 v1.0 8.2 (ACS ffa_features): the mandatory interfaces are reported. */
static void features_mandatory(void **state)
{
	struct smcsim *sim = ffa_machine(NULL);
	static const uint32_t fids[] = { FFA_ERROR_FID,
					 FFA_SUCCESS_FID,
					 FFA_INTERRUPT_FID,
					 FFA_VERSION_FID,
					 FFA_FEATURES_FID,
					 FFA_RX_RELEASE_FID,
					 FFA_RXTX_MAP_64_FID,
					 FFA_RXTX_UNMAP_FID,
					 FFA_PARTITION_INFO_GET_FID,
					 FFA_ID_GET_FID,
					 FFA_SPM_ID_GET_FID,
					 FFA_MEM_SHARE_64_FID,
					 FFA_PARTITION_INFO_GET_REGS_FID,
					 FFA_MSG_SEND_DIRECT_REQ2_FID };
	for (size_t i = 0; i < EMU_ARRAY_SIZE(fids); i++) {
		struct smcsim_regs r = t_call(sim, FFA_FEATURES_FID, fids[i]);
		char rule[96];
		snprintf(rule, sizeof(rule), "DEN0077 v1.0 8.2: %s is reported (ACS ffa_features)",
			 smcsim_fid_name(fids[i]));
		t_assert_ffa_ok(r, rule);
		if (fids[i] != FFA_RXTX_MAP_64_FID)
			t_assert_reg(
				r, 2, 0,
				"DEN0077 v1.0 8.2: properties 0 when there is nothing to report");
	}
	smcsim_destroy(sim);
}

/* DEN0077 v1.2 13.3: RXTX_MAP w2[1:0] minimum size, [31:16] maximum pages (v1.2). */
static void features_rxtx_map_properties(void **state)
{
	struct smcsim *sim = ffa_machine(NULL);
	struct smcsim_regs r = t_call(sim, FFA_FEATURES_FID, FFA_RXTX_MAP_64_FID);
	t_assert_ffa_ok(r, "DEN0077 v1.2 13.3: FEATURES(RXTX_MAP_64) succeeds");
	t_assert_reg(r, 2, 16u << 16 | 0, "DEN0077 v1.2 13.3: w2 = 4K minimum, 16 pages maximum");
	smcsim_destroy(sim);
	sim = ffa_machine("{\"layers\":{\"el3\":{\"services\":{\"ffa\":{\"rxtx_min\":65536}}}}}");
	t_call(sim, FFA_VERSION_FID, FFA_V1_1);
	r = t_call(sim, FFA_FEATURES_FID, FFA_RXTX_MAP_FID);
	t_assert_reg(r, 2, 1, "DEN0077 v1.1 13.3: 64K minimum; v1.1 caller: [31:2] MBZ");
	smcsim_destroy(sim);
}

/* DEN0077 v1.0 8.2: unknown IDs, unimplemented legacy calls and IDs above the caller's version. */
static void features_not_supported(void **state)
{
	struct smcsim *sim = ffa_machine(NULL);
	struct smcsim_regs r = t_call(sim, FFA_FEATURES_FID, 0x840000FFu);
	t_assert_ffa_error(r, FFA_NOT_SUPPORTED, "DEN0077 v1.0 8.2: unknown FID -> NOT_SUPPORTED");
	r = t_call(sim, FFA_FEATURES_FID, FFA_MSG_POLL_FID);
	t_assert_ffa_error(r, FFA_NOT_SUPPORTED,
			   "DEN0077 v1.0 8.2: legacy MSG_POLL not implemented -> NOT_SUPPORTED");
	r = t_call(sim, FFA_FEATURES_FID, FFA_MEM_OP_PAUSE_FID);
	t_assert_ffa_error(r, FFA_NOT_SUPPORTED,
			   "DEN0077 v1.0 8.2: MEM_OP_PAUSE not implemented -> NOT_SUPPORTED");
	smcsim_destroy(sim);
	sim = ffa_machine("{\"layers\":{\"el3\":{\"services\":{\"ffa\":{\"version\":\"1.0\"}}}}}");
	r = t_call(sim, FFA_FEATURES_FID, FFA_SPM_ID_GET_FID);
	t_assert_ffa_error(r, FFA_NOT_SUPPORTED,
			   "DEN0077 v1.0 8.2: v1.1 call queried at a v1.0 SPMC -> NOT_SUPPORTED");
	r = t_call(sim, FFA_SPM_ID_GET_FID);
	t_assert_ffa_error(
		r, FFA_NOT_SUPPORTED,
		"DEN0077 v1.1 13.9 FFA_SPM_ID_GET: absent at a v1.0 SPMC -> NOT_SUPPORTED");
	smcsim_destroy(sim);
}

/* DEN0077 v1.1 9.7 feature IDs: bits[30:8] and input properties MBZ (Hafnium
 * api_ffa_features()); SRI for the normal world; NPI/MEI only for partitions (ACS
 * ffa_features_intr). */
static void features_feature_ids(void **state)
{
	struct smcsim *sim = ffa_machine(NULL);
	struct smcsim_regs r = t_call(sim, FFA_FEATURES_FID, FFA_FEAT_SRI);
	t_assert_ffa_ok(r, "DEN0077 v1.1 9.7: FEATURES(SRI) from the normal world");
	t_assert_reg(r, 2, 8, "DEN0077 v1.1 9.7: w2 = SRI interrupt ID");
	r = t_call(sim, FFA_FEATURES_FID, FFA_FEAT_NPI);
	t_assert_ffa_error(r, FFA_NOT_SUPPORTED,
			   "Hafnium api_ffa_features(): NPI only for partitions -> NOT_SUPPORTED");
	r = t_call(sim, FFA_FEATURES_FID, 0x102);
	t_assert_ffa_error(r, FFA_NOT_SUPPORTED,
			   "Hafnium api_ffa_features(): feature ID bits[30:8] MBZ");
	r = t_call(sim, FFA_FEATURES_FID, FFA_FEAT_SRI, 1);
	t_assert_ffa_error(r, FFA_NOT_SUPPORTED,
			   "Hafnium api_ffa_features(): feature-ID input properties MBZ");
	r = t_call_as(sim, "sp1", FFA_FEATURES_FID, FFA_FEAT_MEI);
	t_assert_ffa_ok(r, "DEN0077 v1.1 9.7: FEATURES(MEI) for a partition");
	t_assert_reg(r, 2, 4, "Hafnium HF_MANAGED_EXIT_INTID: w2 = 4");
	r = t_call_as(sim, "sp1", FFA_FEATURES_FID, FFA_FEAT_NPI);
	t_assert_reg(r, 2, 5, "Hafnium HF_NOTIFICATION_PENDING_INTID: w2 = 5");
	smcsim_destroy(sim);
}

/* RETRIEVE_REQ: v1.1+ callers must state NS-bit handling in w2 bit 1 (Hafnium
 * api_ffa_features(), ACS ffa_features_nsbit). */
static void features_retrieve_ns_bit(void **state)
{
	struct smcsim *sim = ffa_machine(NULL);
	struct smcsim_regs r = t_call(sim, FFA_FEATURES_FID, FFA_MEM_RETRIEVE_REQ_64_FID);
	t_assert_ffa_error(r, FFA_NOT_SUPPORTED,
			   "Hafnium api_ffa_features(): NS-bit input clear -> NOT_SUPPORTED (ACS "
			   "ffa_features_nsbit)");
	r = t_call(sim, FFA_FEATURES_FID, FFA_MEM_RETRIEVE_REQ_64_FID, 2);
	t_assert_ffa_ok(r, "DEN0077 v1.1 13.3: FEATURES(RETRIEVE_REQ) with NS-bit handling");
	t_assert_reg(r, 2, 6, "DEN0077 v1.2 13.3: w2 = NS bit + hypervisor retrieval");
	smcsim_destroy(sim);
}

/* ---- FFA_ID_GET / FFA_SPM_ID_GET ---------------------------------------------------- */

static void id_get(void **state)
{
	struct smcsim *sim = ffa_machine(NULL);
	struct smcsim_regs r = t_call(sim, FFA_ID_GET_FID);
	t_assert_ffa_ok(r, "DEN0077 v1.0 8.7: ID_GET succeeds (ACS ffa_id_get)");
	t_assert_reg(r, 2, 0, "DEN0077 v1.0 8.7: ID 0 at the NS physical instance");
	r = t_call_as(sim, "sp1", FFA_ID_GET_FID);
	t_assert_reg(r, 2, SP1, "DEN0077 v1.0 8.7: a partition gets its own ID");
	r = t_call(sim, FFA_SPM_ID_GET_FID);
	t_assert_ffa_ok(r, "DEN0077 v1.1 13.9: SPM_ID_GET succeeds (ACS ffa_spm_id_get)");
	t_assert_reg(r, 2, 0x8000, "Hafnium HF_SPMC_VM_ID: SPMC ID 0x8000");
	smcsim_destroy(sim);
}

/* ---- FFA_RXTX_MAP / UNMAP ----------------------------------------------------------- */

/* DEN0077 v1.0 8.4, 8.5 (ACS ffa_rxtx_map_and_unmap): map once, DENIED twice, unmap, INVALID when
 * not mapped. */
static void rxtx_map_unmap(void **state)
{
	struct smcsim *sim = ffa_machine(NULL);
	struct smcsim_regs r = t_call(sim, FFA_RXTX_MAP_64_FID, HOST_TX, HOST_RX, 1);
	t_assert_ffa_ok(r, "DEN0077 v1.0 8.4: RXTX_MAP_64 succeeds");
	r = t_call(sim, FFA_RXTX_MAP_64_FID, HOST_TX + 0x2000, HOST_RX + 0x2000, 1);
	t_assert_ffa_error(r, FFA_DENIED, "DEN0077 v1.0 8.4 (v1.2 13.6): second map DENIED");
	r = t_call(sim, FFA_RXTX_UNMAP_FID, SP1 << 16);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "DEN0077 v1.0 8.5 (v1.2 13.7): ID of another endpoint");
	r = t_call(sim, FFA_RXTX_UNMAP_FID, 0);
	t_assert_ffa_ok(r, "DEN0077 v1.0 8.5: RXTX_UNMAP succeeds");
	r = t_call(sim, FFA_RXTX_UNMAP_FID, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "DEN0077 v1.0 8.5 (v1.2 13.7): nothing mapped");
	r = t_call(sim, FFA_RXTX_MAP_FID, HOST_TX, HOST_RX, 1);
	t_assert_ffa_ok(r, "DEN0077 v1.0 8.4: the SMC32 form maps too");
	smcsim_destroy(sim);
}

/* Hafnium api_ffa_rxtx_map() / DEN0077 v1.0 8.4: alignment, page count, overlap, memory the caller
 * cannot use -> INVALID_PARAMETERS. */
static void rxtx_map_invalid(void **state)
{
	struct smcsim *sim = ffa_machine(NULL);
	struct {
		uint64_t tx, rx, n;
		const char *rule;
	} bad[] = {
		{ HOST_TX + 8, HOST_RX, 1, "DEN0077 v1.0 8.4: unaligned TX" },
		{ HOST_TX, HOST_RX + 0x800, 1, "DEN0077 v1.0 8.4: unaligned RX" },
		{ HOST_TX, HOST_RX, 0, "DEN0077 v1.0 8.4: zero pages" },
		{ HOST_TX, HOST_TX, 1, "Hafnium api_ffa_rxtx_map(): RX overlaps TX" },
		{ HOST_TX, HOST_TX + 0x1000, 2,
		  "Hafnium api_ffa_rxtx_map(): overlapping 2-page buffers" },
		{ HOST_TX, HOST_RX + 0x20000, 17,
		  "DEN0077 v1.2 13.3: more than the advertised maximum" },
		{ HOST_TX, 0x40000000, 1, "Hafnium api_ffa_rxtx_map(): RX outside memory" },
		{ 0x0e010000, HOST_RX, 1, "Hafnium api_ffa_rxtx_map(): TX in secure memory" },
		{ HOST_TX, HOST_RX, 1 | 0x100, "DEN0077 v1.0 8.4: w3 bits above the count MBZ" },
		{ 0x8ffff000, 0x80000000, 2,
		  "Hafnium api_ffa_rxtx_map(): TX runs past the end of memory" },
	};
	for (size_t i = 0; i < EMU_ARRAY_SIZE(bad); i++) {
		struct smcsim_regs r =
			t_call(sim, FFA_RXTX_MAP_64_FID, bad[i].tx, bad[i].rx, bad[i].n);
		t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, bad[i].rule);
	}
	/* DEN0077 v1.0 8.4 (ACS rxtx_exclusive_access): a partition's mailbox pages cannot be
	 * mapped again by someone else. */
	struct smcsim_regs r =
		t_call_as(sim, "sp2", FFA_RXTX_MAP_64_FID, 0x0e000000, 0x0e004000, 1);
	t_assert_ffa_error(r, FFA_DENIED, "DEN0077 v1.0 8.4: sp2 already has a mailbox -> DENIED");
	smcsim_destroy(sim);
	sim = ffa_machine("{\"layers\":{\"el3\":{\"services\":{\"ffa\":{\"rxtx_min\":16384}}}}}");
	r = t_call(sim, FFA_RXTX_MAP_64_FID, HOST_TX, HOST_TX + 0x4000, 1);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "DEN0077 v1.0 8.4: size below the advertised 16K minimum");
	r = t_call(sim, FFA_RXTX_MAP_64_FID, HOST_TX + 0x1000, HOST_TX + 0x8000, 4);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "DEN0077 v1.0 8.4: alignment below the advertised 16K");
	r = t_call(sim, FFA_RXTX_MAP_64_FID, HOST_TX, HOST_TX + 0x4000, 4);
	t_assert_ffa_ok(r, "DEN0077 v1.0 8.4: 16K buffers map");
	smcsim_destroy(sim);
}

/* ---- RX ownership ------------------------------------------------------------------- */

/* DEN0077 v1.0 8.3 (ACS ffa_rx_release): releasing a buffer the caller does not own is DENIED. */
static void rx_release_denied(void **state)
{
	struct smcsim *sim = ffa_machine(NULL);
	struct smcsim_regs r = t_call(sim, FFA_RX_RELEASE_FID);
	t_assert_ffa_error(r, FFA_DENIED, "DEN0077 v1.0 8.3: nothing mapped -> DENIED");
	t_ffa_setup(sim, FFA_V1_2);
	r = t_call(sim, FFA_RX_RELEASE_FID);
	t_assert_ffa_error(r, FFA_DENIED, "DEN0077 v1.0 8.3 (v1.2 13.5): caller does not own RX");
	r = t_call(sim, FFA_RX_RELEASE_FID, 5);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "Hafnium api_ffa_rx_release(): w1 names no VM behind the caller");
	smcsim_destroy(sim);
}

/* DEN0077 v1.0 8.6 (ACS ffa_partition_info_get): a second call without a release is BUSY. */
static void rx_busy_until_release(void **state)
{
	struct smcsim *sim = ffa_machine(NULL);
	t_ffa_setup(sim, FFA_V1_2);
	struct smcsim_regs r = t_call(sim, FFA_PARTITION_INFO_GET_FID, 0, 0, 0, 0, 0);
	t_assert_ffa_ok(r, "DEN0077 v1.0 8.6: first call fills RX");
	r = t_call(sim, FFA_PARTITION_INFO_GET_FID, 0, 0, 0, 0, 0);
	t_assert_ffa_error(r, FFA_BUSY,
			   "DEN0077 v1.0 8.6 (v1.2 7.2.2): RX owned by the caller -> BUSY");
	r = t_call(sim, FFA_RX_RELEASE_FID);
	t_assert_ffa_ok(r, "DEN0077 v1.0 8.3: RX_RELEASE hands RX back");
	r = t_call(sim, FFA_PARTITION_INFO_GET_FID, 0, 0, 0, 0, 0);
	t_assert_ffa_ok(r, "DEN0077 v1.0 8.6: succeeds again after the release");
	smcsim_destroy(sim);
}

/* DEN0077 v1.1 FFA_RX_ACQUIRE: hypervisor only (Hafnium api_ffa_rx_acquire()), needs a mailbox,
 * DENIED when taken. */
static void rx_acquire(void **state)
{
	struct smcsim *sim = ffa_machine(NULL);
	struct smcsim_regs r = t_call(sim, FFA_RX_ACQUIRE_FID, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "Hafnium api_ffa_rx_acquire(): no mailbox -> INVALID_PARAMETERS");
	t_ffa_setup(sim, FFA_V1_2);
	r = t_call(sim, FFA_RX_ACQUIRE_FID, 0);
	t_assert_ffa_ok(r, "DEN0077 v1.1 FFA_RX_ACQUIRE: the hypervisor acquires a free RX");
	r = t_call(sim, FFA_RX_ACQUIRE_FID, 0);
	t_assert_ffa_error(r, FFA_DENIED,
			   "Hafnium api_ffa_rx_acquire(): already acquired -> DENIED");
	r = t_call(sim, FFA_PARTITION_INFO_GET_FID, 0, 0, 0, 0, 0);
	t_assert_ffa_error(r, FFA_BUSY,
			   "DEN0077 v1.0 8.6: the SPMC cannot produce into an acquired RX -> BUSY");
	r = t_call(sim, FFA_RX_RELEASE_FID);
	t_assert_ffa_ok(r, "DEN0077 v1.0 8.3: RX_RELEASE gives it back");
	r = t_call_as(sim, "sp1", FFA_RX_ACQUIRE_FID, SP1);
	t_assert_ffa_error(
		r, FFA_NOT_SUPPORTED,
		"Hafnium api_ffa_rx_acquire(): partitions cannot acquire -> NOT_SUPPORTED");
	smcsim_destroy(sim);
}

/* ---- FFA_PARTITION_INFO_GET --------------------------------------------------------- */

/* DEN0077 v1.1 FFA_PARTITION_INFO_GET count flag (Hafnium hftest partition_info_count_flag):
 * count only, RX untouched. */
static void partinfo_count_only(void **state)
{
	struct smcsim *sim = ffa_machine(NULL);
	t_ffa_setup(sim, FFA_V1_2);
	struct smcsim_regs r = t_call(sim, FFA_PARTITION_INFO_GET_FID, 0, 0, 0, 0, 1);
	t_assert_ffa_ok(r, "DEN0077 v1.1 FFA_PARTITION_INFO_GET: w5 bit 0 = count only");
	t_assert_reg(r, 2, 2, "DEN0077 v1.1 FFA_PARTITION_INFO_GET: w2 = 2, one UUID each");
	t_assert_reg(r, 3, 0, "Hafnium api_ffa_partition_info_get(): w3 = 0 for count only");
	r = t_call(sim, FFA_RX_RELEASE_FID);
	t_assert_ffa_error(r, FFA_DENIED,
			   "DEN0077 v1.0 8.3: count-only leaves RX alone; release -> DENIED");
	smcsim_destroy(sim);
}

/* Nil UUID = all partitions, 24-byte descriptors in RX (DEN0077 v1.0 8.6 rule 1; v1.1+ layout). */
static void partinfo_nil_uuid(void **state)
{
	struct smcsim *sim = ffa_machine(MULTI_UUID_PATCH);
	t_ffa_setup(sim, FFA_V1_2);
	struct smcsim_regs r = t_call(sim, FFA_PARTITION_INFO_GET_FID, 0, 0, 0, 0, 0);
	t_assert_ffa_ok(r, "DEN0077 v1.0 8.6: Nil UUID = all partitions (hftest uuid_null)");
	t_assert_reg(r, 2, 3,
		     "DEN0077 v1.2 FFA_PARTITION_INFO_GET: one descriptor per UUID (sp2 has two)");
	t_assert_reg(r, 3, 24, "DEN0077 v1.1 FFA_PARTITION_INFO_GET: w3 = 24-byte descriptor");
	uint8_t d[72];
	assert_int_equal(smcsim_mem_read(sim, HOST_RX, d, sizeof(d)), 0);
	/* DEN0077 v1.1 partition information descriptor: ID, contexts, properties, UUID @8. */
	assert_int_equal(d[0] | d[1] << 8, SP1);
	assert_int_equal(d[2] | d[3] << 8, 4); /* execution contexts */
	assert_int_equal(d[4] | d[5] << 8, 0x30f);
	uint8_t u[16];
	emu_parse_uuid(SP1_UUID, u);
	assert_memory_equal(d + 8, u, 16);
	assert_int_equal(d[24] | d[25] << 8, SP2);
	assert_int_equal(d[48] | d[49] << 8, SP2);
	emu_parse_uuid(SP2_UUID_B, u);
	assert_memory_equal(d + 56, u, 16);
	smcsim_destroy(sim);
}

/* DEN0077 v1.0 8.6 (hftest uuid_fixed / uuid_unknown / flags_mbz_fail) and no RX buffer. */
static void partinfo_uuid_and_errors(void **state)
{
	struct smcsim *sim = ffa_machine(MULTI_UUID_PATCH);
	uint64_t w[4];
	t_uuid_words(SP2_UUID_B, w);
	struct smcsim_regs r = t_call(sim, FFA_PARTITION_INFO_GET_FID, w[0], w[1], w[2], w[3], 0);
	t_assert_ffa_error(
		r, FFA_BUSY,
		"DEN0077 v1.0 8.6: no RX mapped -> BUSY (as Linux nvhe/ffa.c do_ffa_part_get())");
	t_ffa_setup(sim, FFA_V1_2);
	r = t_call(sim, FFA_PARTITION_INFO_GET_FID, w[0], w[1], w[2], w[3], 0);
	t_assert_ffa_ok(r, "DEN0077 v1.0 8.6: a specific UUID (hftest uuid_fixed)");
	t_assert_reg(r, 2, 1, "DEN0077 v1.0 8.6: w2 = 1 match");
	uint8_t d[2];
	smcsim_mem_read(sim, HOST_RX, d, 2);
	assert_int_equal(d[0] | d[1] << 8, SP2); /* DEN0077 v1.0 8.6: the match */
	t_call(sim, FFA_RX_RELEASE_FID);
	r = t_call(sim, FFA_PARTITION_INFO_GET_FID, 1, 2, 3, 4, 0);
	t_assert_ffa_error(
		r, FFA_INVALID_PARAMETERS,
		"DEN0077 v1.0 8.6: unknown UUID -> INVALID_PARAMETERS (hftest uuid_unknown)");
	r = t_call(sim, FFA_PARTITION_INFO_GET_FID, 0, 0, 0, 0, 2);
	t_assert_ffa_error(
		r, FFA_INVALID_PARAMETERS,
		"DEN0077 v1.1 FFA_PARTITION_INFO_GET: flags[31:1] MBZ (hftest flags_mbz_fail)");
	smcsim_destroy(sim);
}

/* ---- FFA_PARTITION_INFO_GET_REGS (v1.2) --------------------------------------------- */

/* DEN0077 v1.2 13.9.1 (ACS ffa_partition_info_get_regs). */
static void partinfo_regs(void **state)
{
	struct smcsim *sim = ffa_machine(MULTI_UUID_PATCH);
	t_call(sim, FFA_VERSION_FID, FFA_V1_2);
	struct smcsim_regs r = t_call(sim, FFA_PARTITION_INFO_GET_REGS_FID, 0, 0, 0);
	t_assert_reg(r, 0, FFA_SUCCESS_64_FID,
		     "DEN0077 v1.2 13.9.1: SUCCESS_64 (ACS ffa_partition_info_get_regs)");
	t_assert_reg(r, 2, 2 | 2u << 16 | (uint64_t)24 << 48,
		     "DEN0077 v1.2 13.9.1: x2 = last 2, current 2, size 24");
	t_assert_reg(r, 3, SP1 | 4u << 16 | (uint64_t)0x30f << 32,
		     "DEN0077 v1.2 13.9.1: x3 = sp1 ID/ctx/props");
	t_assert_reg(r, 4, t_uuid_half(SP1_UUID, 0), "DEN0077 v1.2 13.9.1: x4 = sp1 UUID low");
	t_assert_reg(r, 5, t_uuid_half(SP1_UUID, 1), "DEN0077 v1.2 13.9.1: x5 = sp1 UUID high");
	t_assert_reg(r, 9, SP2 | 1u << 16 | (uint64_t)0x101 << 32,
		     "DEN0077 v1.2 13.9.1: x9 = sp2 second UUID entry");
	r = t_call(sim, FFA_PARTITION_INFO_GET_REGS_FID, 0, 0, 2);
	t_assert_reg(r, 2, 2 | 2u << 16 | (uint64_t)24 << 48,
		     "DEN0077 v1.2 13.9.1: x3 start index 2");
	t_assert_reg(r, 4, t_uuid_half(SP2_UUID_B, 0), "DEN0077 v1.2 13.9.1: entry 2 comes first");
	r = t_call(sim, FFA_PARTITION_INFO_GET_REGS_FID, 0, 0, 3);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "Hafnium api_ffa_partition_info_get_regs(): start index past the end");
	r = t_call(sim, FFA_PARTITION_INFO_GET_REGS_FID, 0, 0, 1u << 16);
	t_assert_ffa_error(r, FFA_RETRY,
			   "Hafnium api_ffa_partition_info_get_regs(): unknown tag -> RETRY");
	r = t_call(sim, FFA_PARTITION_INFO_GET_REGS_FID, t_uuid_half(SP2_UUID_A, 0),
		   t_uuid_half(SP2_UUID_A, 1), 0);
	t_assert_reg(r, 2, (uint64_t)24 << 48, "DEN0077 v1.2 13.9.1: one match, last 0 current 0");
	smcsim_destroy(sim);
	sim = ffa_machine(NULL);
	t_call(sim, FFA_VERSION_FID, FFA_V1_1);
	r = t_call(sim, FFA_PARTITION_INFO_GET_REGS_FID, 0, 0, 0);
	t_assert_ffa_error(
		r, FFA_NOT_SUPPORTED,
		"DEN0077 v1.2 FFA_PARTITION_INFO_GET_REGS: from a v1.1 caller -> NOT_SUPPORTED");
	smcsim_destroy(sim);
}

/* ---- profile errors ----------------------------------------------------------------- */

static void profile_errors(void **state)
{
	static const struct {
		const char *patch, *want;
	} bad[] = {
		{ "{\"version\":\"1.3\"}", "/ffa/version" },
		{ "{\"policy\":\"linux\"}", "/ffa/policy" },
		{ "{\"rxtx_min\":8192}", "/ffa/rxtx_min" },
		{ "{\"bogus\":1}", "bogus" },
		{ "{\"partitions\":[{\"id\":\"0x8001\",\"uuids\":[]}]}", "partitions/0/uuids" },
		{ "{\"partitions\":[{\"id\":\"0x1\",\"uuids\":[\"" SP1_UUID "\"]}]}",
		  "partitions/0/id" },
		{ "{\"partitions\":[{\"id\":\"0x8001\",\"uuids\":[\"" SP1_UUID
		  "\"],\"caller\":\"nobody\"}]}",
		  "nobody" },
	};
	for (size_t i = 0; i < EMU_ARRAY_SIZE(bad); i++) {
		struct smcsim_profile *p;
		struct smcsim_error err = { { 0 } };
		struct smcsim *sim = NULL;
		char patch[512];
		snprintf(patch, sizeof(patch), "{\"layers\":{\"el3\":{\"services\":{\"ffa\":%s}}}}",
			 bad[i].patch);
		assert_int_equal(smcsim_profile_load("ffa-host", &p, &err), 0);
		int ret = smcsim_profile_patch(p, patch, &err);
		if (!ret)
			ret = smcsim_create(p, &sim, &err);
		smcsim_profile_destroy(p);
		/* setup: the profile loader rejects the patch, naming the field */
		assert_null(sim);
		assert_int_equal(ret, -EINVAL);
		if (!strstr(err.text, bad[i].want))
			fail_msg("error \"%s\" lacks \"%s\"", err.text, bad[i].want);
	}
}

/* smcsim_reset returns the SPMC to its boot state. */
static void reset_clears_state(void **state)
{
	struct smcsim *sim = ffa_machine(NULL);
	t_ffa_setup(sim, FFA_V1_1);
	smcsim_reset(sim);
	struct smcsim_regs r = t_call(sim, FFA_RXTX_MAP_64_FID, HOST_TX, HOST_RX, 1);
	t_assert_ffa_ok(r, "setup: smcsim_reset drops the mailbox, RXTX_MAP succeeds again");
	r = t_call(sim, FFA_PARTITION_INFO_GET_FID, 0, 0, 0, 0, 1);
	t_assert_reg(r, 2, 2, "setup: partitions still counted after reset");
	smcsim_destroy(sim);
}

int main(void)
{
	const struct CMUnitTest version[] = {
		cmocka_unit_test(version_compatible),	    cmocka_unit_test(version_callee_lower),
		cmocka_unit_test(version_incompatible),	    cmocka_unit_test(version_lock_in),
		cmocka_unit_test(version_hafnium_policy),   cmocka_unit_test(version_tfa_policy),
		cmocka_unit_test(version_v1_0_descriptors),
	};
	const struct CMUnitTest features[] = {
		cmocka_unit_test(features_mandatory),
		cmocka_unit_test(features_rxtx_map_properties),
		cmocka_unit_test(features_not_supported),
		cmocka_unit_test(features_feature_ids),
		cmocka_unit_test(features_retrieve_ns_bit),
	};
	const struct CMUnitTest ids[] = { cmocka_unit_test(id_get) };
	const struct CMUnitTest rxtx[] = {
		cmocka_unit_test(rxtx_map_unmap),    cmocka_unit_test(rxtx_map_invalid),
		cmocka_unit_test(rx_release_denied), cmocka_unit_test(rx_busy_until_release),
		cmocka_unit_test(rx_acquire),
	};
	const struct CMUnitTest partinfo[] = {
		cmocka_unit_test(partinfo_count_only),
		cmocka_unit_test(partinfo_nil_uuid),
		cmocka_unit_test(partinfo_uuid_and_errors),
		cmocka_unit_test(partinfo_regs),
	};
	const struct CMUnitTest misc[] = { cmocka_unit_test(profile_errors),
					   cmocka_unit_test(reset_clears_state) };
	int f = 0;
	f += cmocka_run_group_tests_name("FFA_VERSION", version, NULL, NULL);
	f += cmocka_run_group_tests_name("FFA_FEATURES", features, NULL, NULL);
	f += cmocka_run_group_tests_name("FFA_ID_GET", ids, NULL, NULL);
	f += cmocka_run_group_tests_name("FFA_RXTX", rxtx, NULL, NULL);
	f += cmocka_run_group_tests_name("FFA_PARTITION_INFO_GET", partinfo, NULL, NULL);
	f += cmocka_run_group_tests_name("ffa profile", misc, NULL, NULL);
	return f ? 1 : 0;
}
