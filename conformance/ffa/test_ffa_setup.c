/* SPDX-License-Identifier: MIT */
/*
 * FF-A setup and discovery against the SPMC model (profile ffa-host): FFA_VERSION,
 * FFA_FEATURES, FFA_ID_GET, FFA_SPM_ID_GET, FFA_RXTX_MAP/UNMAP, FFA_RX_RELEASE/ACQUIRE,
 * FFA_PARTITION_INFO_GET(_REGS). One group per call, one case per rule; rules cite
 * DEN0077 (as quoted by the FF-A ACS docs) or the ACS / Hafnium test of the same name.
 */
#include "conformance/ffa/ffa_test.h"

static struct smcsim *ffa_machine(const char *patch)
{
	return t_machine("ffa-host", patch);
}

/* ---- FFA_VERSION -------------------------------------------------------------------- */

/* DEN0077 v1.2 13.2.2 rule 1: compatible request -> the callee's version in w0. */
static void version_compatible(void **state)
{
	struct smcsim *sim = ffa_machine(NULL);
	struct smcsim_regs r = t_call(sim, FFA_VERSION_FID, FFA_V1_1);
	t_assert_reg(r, 0, FFA_V1_2, "13.2.2 rule 1");
	for (int i = 1; i < 8; i++)
		t_assert_reg(r, i, 0, "ACS ffa_version: w1..w7 reserved, zero");
	/* The caller now speaks 1.1: 24-byte descriptors, one per partition. */
	t_ffa_setup(sim, FFA_V1_1);
	r = t_call(sim, FFA_PARTITION_INFO_GET_FID, 0, 0, 0, 0, 0);
	t_assert_ffa_ok(r, "PARTITION_INFO_GET after 1.1 negotiation");
	t_assert_reg(r, 2, 2, "v1.1 caller: one descriptor per partition");
	t_assert_reg(r, 3, 24, "v1.1 descriptor size");
	smcsim_destroy(sim);
}

/* Rule 3: a lesser incompatible callee returns its own (highest) version. */
static void version_callee_lower(void **state)
{
	struct smcsim *sim = ffa_machine(NULL);
	struct smcsim_regs r = t_call(sim, FFA_VERSION_FID, FFA_V(1, 5));
	t_assert_reg(r, 0, FFA_V1_2, "13.2.2 rule 3 (minor)");
	r = t_call(sim, FFA_VERSION_FID, FFA_V(2, 0));
	t_assert_reg(r, 0, FFA_V1_2, "13.2.2 rule 3 (major)");
	smcsim_destroy(sim);
}

/* Rule 2: only a greater incompatible version -> NOT_SUPPORTED allowed; bit 31 MBZ. */
static void version_incompatible(void **state)
{
	struct smcsim *sim = ffa_machine(NULL);
	struct smcsim_regs r = t_call(sim, FFA_VERSION_FID, FFA_V(0, 9));
	t_assert_reg(r, 0, (uint32_t)FFA_NOT_SUPPORTED, "13.2.2 rule 2");
	r = t_call(sim, FFA_VERSION_FID, 0x80010002u);
	t_assert_reg(r, 0, (uint32_t)FFA_NOT_SUPPORTED, "13.2.1 bit 31 MBZ");
	smcsim_destroy(sim);
}

/* ACS ffa_version_negotiation: after the first other call, a lower minor is
 * NOT_SUPPORTED and the same version still answers. */
static void version_lock_in(void **state)
{
	struct smcsim *sim = ffa_machine(NULL);
	struct smcsim_regs r = t_call(sim, FFA_VERSION_FID, FFA_V1_2);
	t_assert_reg(r, 0, FFA_V1_2, "negotiate");
	r = t_call(sim, FFA_VERSION_FID, FFA_V1_1);
	t_assert_reg(r, 0, FFA_V1_2, "renegotiation allowed before lock-in");
	r = t_call(sim, FFA_ID_GET_FID);
	t_assert_ffa_ok(r, "ID_GET locks in");
	r = t_call(sim, FFA_VERSION_FID, FFA_V1_0);
	t_assert_reg(r, 0, (uint32_t)FFA_NOT_SUPPORTED, "13.2.2 lock-in: lower minor");
	r = t_call(sim, FFA_VERSION_FID, FFA_V1_1);
	t_assert_reg(r, 0, FFA_V1_2, "same version after lock-in");
	smcsim_destroy(sim);
	sim = ffa_machine(NULL);
	t_call(sim, FFA_VERSION_FID, FFA_V1_2);
	r = t_call(sim, FFA_INTERRUPT_FID);
	t_assert_ffa_error(r, FFA_NOT_SUPPORTED, "INTERRUPT from the normal world");
	r = t_call(sim, FFA_VERSION_FID, FFA_V1_1);
	t_assert_reg(r, 0, FFA_V1_2, "Hafnium: FFA_INTERRUPT does not end negotiation");
	r = t_call(sim, FFA_MSG_POLL_FID);
	t_assert_ffa_error(r, FFA_NOT_SUPPORTED, "unimplemented call");
	r = t_call(sim, FFA_VERSION_FID, FFA_V1_0);
	t_assert_reg(r, 0, (uint32_t)FFA_NOT_SUPPORTED, "an unimplemented call still locks in");
	/* The 1.1 negotiated before the lock stays: 1.2-only calls are not for it. */
	r = t_call(sim, FFA_FEATURES_FID, FFA_MSG_SEND_DIRECT_REQ2_FID);
	t_assert_ffa_error(r, FFA_NOT_SUPPORTED, "REQ2 for a 1.1 caller");
	smcsim_destroy(sim);
}

/* Hafnium api_ffa_version: minor too high -> NOT_SUPPORTED (hftest
 * fails_minor_version_too_high), and only the negotiated version after lock-in. */
static void version_hafnium_policy(void **state)
{
	struct smcsim *sim = ffa_machine("{\"layers\":{\"el3\":{\"services\":{\"ffa\":"
					 "{\"version\":\"1.1\",\"policy\":\"hafnium\"}}}}}");
	struct smcsim_regs r = t_call(sim, FFA_VERSION_FID, FFA_V1_2);
	t_assert_reg(r, 0, (uint32_t)FFA_NOT_SUPPORTED, "Hafnium: minor too high");
	r = t_call(sim, FFA_VERSION_FID, FFA_V(2, 0));
	t_assert_reg(r, 0, (uint32_t)FFA_NOT_SUPPORTED, "Hafnium: major mismatch");
	r = t_call(sim, FFA_VERSION_FID, FFA_V1_0);
	t_assert_reg(r, 0, FFA_V1_1, "Hafnium: compatible");
	t_call(sim, FFA_ID_GET_FID);
	r = t_call(sim, FFA_VERSION_FID, FFA_V1_1);
	t_assert_reg(r, 0, (uint32_t)FFA_NOT_SUPPORTED, "Hafnium: only the negotiated version");
	r = t_call(sim, FFA_VERSION_FID, FFA_V1_0);
	t_assert_reg(r, 0, FFA_V1_1, "Hafnium: negotiated version accepted");
	smcsim_destroy(sim);
}

/* TF-A EL3 SPMC (hftest keeps_negotiated_version_incompatible_low): always its own
 * version for an incompatible request, the negotiated one after lock-in. */
static void version_tfa_policy(void **state)
{
	struct smcsim *sim = ffa_machine("{\"layers\":{\"el3\":{\"services\":{\"ffa\":"
					 "{\"policy\":\"tfa\"}}}}}");
	struct smcsim_regs r = t_call(sim, FFA_VERSION_FID, 0);
	t_assert_reg(r, 0, FFA_V1_2, "TF-A: 0.0 gets the SPMC version");
	r = t_call(sim, FFA_VERSION_FID, 0xFFFFFFFFu);
	t_assert_reg(r, 0, (uint32_t)FFA_NOT_SUPPORTED, "TF-A: bit 31 set");
	r = t_call(sim, FFA_VERSION_FID, FFA_V1_1);
	t_assert_reg(r, 0, FFA_V1_2, "TF-A: compatible");
	t_call(sim, FFA_ID_GET_FID);
	r = t_call(sim, FFA_VERSION_FID, FFA_V1_2);
	t_assert_reg(r, 0, FFA_V1_1, "TF-A: negotiated version after lock-in");
	smcsim_destroy(sim);
}

/* A v1.0 caller gets 8-byte descriptors and no size in w3 (DEN0077 v1.0 8.x). */
static void version_v1_0_descriptors(void **state)
{
	struct smcsim *sim = ffa_machine(NULL);
	t_ffa_setup(sim, FFA_V1_0);
	struct smcsim_regs r = t_call(sim, FFA_PARTITION_INFO_GET_FID, 0, 0, 0, 0, 0);
	t_assert_ffa_ok(r, "v1.0 PARTITION_INFO_GET");
	t_assert_reg(r, 2, 2, "two partitions");
	t_assert_reg(r, 3, 0, "v1.0: w3 reserved");
	uint8_t d[16];
	assert_int_equal(smcsim_mem_read(sim, HOST_RX, d, sizeof(d)), 0);
	assert_int_equal(d[0] | d[1] << 8, SP1);
	assert_int_equal(d[8] | d[9] << 8, SP2); /* 8-byte stride */
	assert_int_equal(d[4], 0x0f & 0x7);	 /* properties masked to v1.0 bits */
	r = t_call(sim, FFA_PARTITION_INFO_GET_FID, 0, 0, 0, 0, 1);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "v1.0: no flags");
	smcsim_destroy(sim);
}

/* ---- FFA_FEATURES ------------------------------------------------------------------- */

/* ACS ffa_features: the mandatory interfaces are reported. */
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
		t_assert_ffa_ok(r, smcsim_fid_name(fids[i]));
		if (fids[i] != FFA_RXTX_MAP_64_FID)
			t_assert_reg(r, 2, 0, "properties 0");
	}
	smcsim_destroy(sim);
}

/* DEN0077 v1.2 13.3: RXTX_MAP w2[1:0] minimum size, [31:16] maximum pages (v1.2). */
static void features_rxtx_map_properties(void **state)
{
	struct smcsim *sim = ffa_machine(NULL);
	struct smcsim_regs r = t_call(sim, FFA_FEATURES_FID, FFA_RXTX_MAP_64_FID);
	t_assert_ffa_ok(r, "RXTX_MAP_64");
	t_assert_reg(r, 2, 16u << 16 | 0, "4K minimum, 16 pages maximum");
	smcsim_destroy(sim);
	sim = ffa_machine("{\"layers\":{\"el3\":{\"services\":{\"ffa\":{\"rxtx_min\":65536}}}}}");
	t_call(sim, FFA_VERSION_FID, FFA_V1_1);
	r = t_call(sim, FFA_FEATURES_FID, FFA_RXTX_MAP_FID);
	t_assert_reg(r, 2, 1, "64K minimum; v1.1 caller: [31:2] MBZ");
	smcsim_destroy(sim);
}

/* Unknown IDs, unimplemented legacy calls and IDs above the caller's version. */
static void features_not_supported(void **state)
{
	struct smcsim *sim = ffa_machine(NULL);
	struct smcsim_regs r = t_call(sim, FFA_FEATURES_FID, 0x840000FFu);
	t_assert_ffa_error(r, FFA_NOT_SUPPORTED, "unknown FID");
	r = t_call(sim, FFA_FEATURES_FID, FFA_MSG_POLL_FID);
	t_assert_ffa_error(r, FFA_NOT_SUPPORTED, "legacy MSG_POLL not implemented");
	r = t_call(sim, FFA_FEATURES_FID, FFA_MEM_OP_PAUSE_FID);
	t_assert_ffa_error(r, FFA_NOT_SUPPORTED, "MEM_OP_PAUSE not implemented");
	smcsim_destroy(sim);
	sim = ffa_machine("{\"layers\":{\"el3\":{\"services\":{\"ffa\":{\"version\":\"1.0\"}}}}}");
	r = t_call(sim, FFA_FEATURES_FID, FFA_SPM_ID_GET_FID);
	t_assert_ffa_error(r, FFA_NOT_SUPPORTED, "v1.1 call on a v1.0 SPMC");
	r = t_call(sim, FFA_SPM_ID_GET_FID);
	t_assert_ffa_error(r, FFA_NOT_SUPPORTED, "the call itself");
	smcsim_destroy(sim);
}

/* Feature IDs: bits[30:8] and input properties MBZ (Hafnium); SRI for the normal world;
 * NPI/MEI only for partitions (ACS ffa_features_intr). */
static void features_feature_ids(void **state)
{
	struct smcsim *sim = ffa_machine(NULL);
	struct smcsim_regs r = t_call(sim, FFA_FEATURES_FID, FFA_FEAT_SRI);
	t_assert_ffa_ok(r, "SRI");
	t_assert_reg(r, 2, 8, "SRI interrupt ID");
	r = t_call(sim, FFA_FEATURES_FID, FFA_FEAT_NPI);
	t_assert_ffa_error(r, FFA_NOT_SUPPORTED, "NPI from the normal world");
	r = t_call(sim, FFA_FEATURES_FID, 0x102);
	t_assert_ffa_error(r, FFA_NOT_SUPPORTED, "bits[30:8] MBZ");
	r = t_call(sim, FFA_FEATURES_FID, FFA_FEAT_SRI, 1);
	t_assert_ffa_error(r, FFA_NOT_SUPPORTED, "input properties MBZ");
	r = t_call_as(sim, "sp1", FFA_FEATURES_FID, FFA_FEAT_MEI);
	t_assert_ffa_ok(r, "MEI for a partition");
	t_assert_reg(r, 2, 4, "Hafnium HF_MANAGED_EXIT_INTID");
	r = t_call_as(sim, "sp1", FFA_FEATURES_FID, FFA_FEAT_NPI);
	t_assert_reg(r, 2, 5, "Hafnium HF_NOTIFICATION_PENDING_INTID");
	smcsim_destroy(sim);
}

/* RETRIEVE_REQ: v1.1+ callers must state NS-bit handling in w2 bit 1 (Hafnium). */
static void features_retrieve_ns_bit(void **state)
{
	struct smcsim *sim = ffa_machine(NULL);
	struct smcsim_regs r = t_call(sim, FFA_FEATURES_FID, FFA_MEM_RETRIEVE_REQ_64_FID);
	t_assert_ffa_error(r, FFA_NOT_SUPPORTED, "ACS ffa_features_nsbit: bit 1 clear");
	r = t_call(sim, FFA_FEATURES_FID, FFA_MEM_RETRIEVE_REQ_64_FID, 2);
	t_assert_ffa_ok(r, "with NS-bit handling");
	t_assert_reg(r, 2, 6, "NS bit + hypervisor retrieval (v1.2)");
	smcsim_destroy(sim);
}

/* ---- FFA_ID_GET / FFA_SPM_ID_GET ---------------------------------------------------- */

static void id_get(void **state)
{
	struct smcsim *sim = ffa_machine(NULL);
	struct smcsim_regs r = t_call(sim, FFA_ID_GET_FID);
	t_assert_ffa_ok(r, "ACS ffa_id_get");
	t_assert_reg(r, 2, 0, "NS-physical instance is ID 0");
	r = t_call_as(sim, "sp1", FFA_ID_GET_FID);
	t_assert_reg(r, 2, SP1, "partition ID from the profile");
	r = t_call(sim, FFA_SPM_ID_GET_FID);
	t_assert_ffa_ok(r, "ACS ffa_spm_id_get");
	t_assert_reg(r, 2, 0x8000, "SPMC ID");
	smcsim_destroy(sim);
}

/* ---- FFA_RXTX_MAP / UNMAP ----------------------------------------------------------- */

/* ACS ffa_rxtx_map_and_unmap: map once, DENIED twice, unmap, INVALID when not mapped. */
static void rxtx_map_unmap(void **state)
{
	struct smcsim *sim = ffa_machine(NULL);
	struct smcsim_regs r = t_call(sim, FFA_RXTX_MAP_64_FID, HOST_TX, HOST_RX, 1);
	t_assert_ffa_ok(r, "map");
	r = t_call(sim, FFA_RXTX_MAP_64_FID, HOST_TX + 0x2000, HOST_RX + 0x2000, 1);
	t_assert_ffa_error(r, FFA_DENIED, "13.6: second map DENIED");
	r = t_call(sim, FFA_RXTX_UNMAP_FID, SP1 << 16);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "13.7: ID of another endpoint");
	r = t_call(sim, FFA_RXTX_UNMAP_FID, 0);
	t_assert_ffa_ok(r, "unmap");
	r = t_call(sim, FFA_RXTX_UNMAP_FID, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "13.7: nothing mapped");
	r = t_call(sim, FFA_RXTX_MAP_FID, HOST_TX, HOST_RX, 1);
	t_assert_ffa_ok(r, "32-bit form maps too");
	smcsim_destroy(sim);
}

/* Hafnium api_ffa_rxtx_map / ACS: alignment, page count, overlap, memory the caller
 * cannot use -> INVALID_PARAMETERS. */
static void rxtx_map_invalid(void **state)
{
	struct smcsim *sim = ffa_machine(NULL);
	struct {
		uint64_t tx, rx, n;
		const char *rule;
	} bad[] = {
		{ HOST_TX + 8, HOST_RX, 1, "unaligned TX" },
		{ HOST_TX, HOST_RX + 0x800, 1, "unaligned RX" },
		{ HOST_TX, HOST_RX, 0, "zero pages" },
		{ HOST_TX, HOST_TX, 1, "RX overlaps TX" },
		{ HOST_TX, HOST_TX + 0x1000, 2, "overlapping 2-page buffers" },
		{ HOST_TX, HOST_RX + 0x20000, 17, "more than the advertised maximum" },
		{ HOST_TX, 0x40000000, 1, "RX outside memory" },
		{ 0x0e010000, HOST_RX, 1, "TX in secure memory" },
		{ HOST_TX, HOST_RX, 1 | 0x100, "w3 bits above the count MBZ" },
		{ 0x8ffff000, 0x80000000, 2, "TX runs past the end of memory" },
	};
	for (size_t i = 0; i < EMU_ARRAY_SIZE(bad); i++) {
		struct smcsim_regs r =
			t_call(sim, FFA_RXTX_MAP_64_FID, bad[i].tx, bad[i].rx, bad[i].n);
		t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, bad[i].rule);
	}
	/* A partition's mailbox pages cannot be mapped again by someone else. */
	struct smcsim_regs r =
		t_call_as(sim, "sp2", FFA_RXTX_MAP_64_FID, 0x0e000000, 0x0e004000, 1);
	t_assert_ffa_error(r, FFA_DENIED, "sp2 already has a mailbox");
	smcsim_destroy(sim);
	sim = ffa_machine("{\"layers\":{\"el3\":{\"services\":{\"ffa\":{\"rxtx_min\":16384}}}}}");
	r = t_call(sim, FFA_RXTX_MAP_64_FID, HOST_TX, HOST_TX + 0x4000, 1);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "size below the 16K minimum");
	r = t_call(sim, FFA_RXTX_MAP_64_FID, HOST_TX + 0x1000, HOST_TX + 0x8000, 4);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "alignment below 16K");
	r = t_call(sim, FFA_RXTX_MAP_64_FID, HOST_TX, HOST_TX + 0x4000, 4);
	t_assert_ffa_ok(r, "16K buffers");
	smcsim_destroy(sim);
}

/* ---- RX ownership ------------------------------------------------------------------- */

/* ACS ffa_rx_release: releasing a buffer the caller does not own is DENIED. */
static void rx_release_denied(void **state)
{
	struct smcsim *sim = ffa_machine(NULL);
	struct smcsim_regs r = t_call(sim, FFA_RX_RELEASE_FID);
	t_assert_ffa_error(r, FFA_DENIED, "nothing mapped");
	t_ffa_setup(sim, FFA_V1_2);
	r = t_call(sim, FFA_RX_RELEASE_FID);
	t_assert_ffa_error(r, FFA_DENIED, "13.5: caller does not own RX");
	r = t_call(sim, FFA_RX_RELEASE_FID, 5);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "w1: no VM 5 behind the caller");
	smcsim_destroy(sim);
}

/* ACS ffa_partition_info_get: a second call without a release is BUSY. */
static void rx_busy_until_release(void **state)
{
	struct smcsim *sim = ffa_machine(NULL);
	t_ffa_setup(sim, FFA_V1_2);
	struct smcsim_regs r = t_call(sim, FFA_PARTITION_INFO_GET_FID, 0, 0, 0, 0, 0);
	t_assert_ffa_ok(r, "first");
	r = t_call(sim, FFA_PARTITION_INFO_GET_FID, 0, 0, 0, 0, 0);
	t_assert_ffa_error(r, FFA_BUSY, "7.2.2: RX owned by the caller");
	r = t_call(sim, FFA_RX_RELEASE_FID);
	t_assert_ffa_ok(r, "release");
	r = t_call(sim, FFA_PARTITION_INFO_GET_FID, 0, 0, 0, 0, 0);
	t_assert_ffa_ok(r, "again after release");
	smcsim_destroy(sim);
}

/* FFA_RX_ACQUIRE: hypervisor only (Hafnium), needs a mailbox, DENIED when taken. */
static void rx_acquire(void **state)
{
	struct smcsim *sim = ffa_machine(NULL);
	struct smcsim_regs r = t_call(sim, FFA_RX_ACQUIRE_FID, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "no mailbox");
	t_ffa_setup(sim, FFA_V1_2);
	r = t_call(sim, FFA_RX_ACQUIRE_FID, 0);
	t_assert_ffa_ok(r, "acquire");
	r = t_call(sim, FFA_RX_ACQUIRE_FID, 0);
	t_assert_ffa_error(r, FFA_DENIED, "already acquired");
	r = t_call(sim, FFA_PARTITION_INFO_GET_FID, 0, 0, 0, 0, 0);
	t_assert_ffa_error(r, FFA_BUSY, "the SPMC cannot produce into an acquired RX");
	r = t_call(sim, FFA_RX_RELEASE_FID);
	t_assert_ffa_ok(r, "release gives it back");
	r = t_call_as(sim, "sp1", FFA_RX_ACQUIRE_FID, SP1);
	t_assert_ffa_error(r, FFA_NOT_SUPPORTED, "partitions cannot acquire");
	smcsim_destroy(sim);
}

/* ---- FFA_PARTITION_INFO_GET --------------------------------------------------------- */

/* Hafnium setup_and_discovery partition_info_count_flag: count only, RX untouched. */
static void partinfo_count_only(void **state)
{
	struct smcsim *sim = ffa_machine(NULL);
	t_ffa_setup(sim, FFA_V1_2);
	struct smcsim_regs r = t_call(sim, FFA_PARTITION_INFO_GET_FID, 0, 0, 0, 0, 1);
	t_assert_ffa_ok(r, "count only");
	t_assert_reg(r, 2, 2, "two partitions, one UUID each");
	t_assert_reg(r, 3, 0, "no size for count only");
	r = t_call(sim, FFA_RX_RELEASE_FID);
	t_assert_ffa_error(r, FFA_DENIED, "count-only does not hand over RX");
	smcsim_destroy(sim);
}

/* Nil UUID = all partitions, 24-byte descriptors in RX (DEN0077 v1.2 13.9). */
static void partinfo_nil_uuid(void **state)
{
	struct smcsim *sim = ffa_machine(MULTI_UUID_PATCH);
	t_ffa_setup(sim, FFA_V1_2);
	struct smcsim_regs r = t_call(sim, FFA_PARTITION_INFO_GET_FID, 0, 0, 0, 0, 0);
	t_assert_ffa_ok(r, "uuid_null");
	t_assert_reg(r, 2, 3, "v1.2: one descriptor per UUID (sp2 has two)");
	t_assert_reg(r, 3, 24, "v1.1+ descriptor size");
	uint8_t d[72];
	assert_int_equal(smcsim_mem_read(sim, HOST_RX, d, sizeof(d)), 0);
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

/* uuid_fixed / uuid_unknown / flags_mbz_fail / no RX buffer. */
static void partinfo_uuid_and_errors(void **state)
{
	struct smcsim *sim = ffa_machine(MULTI_UUID_PATCH);
	uint64_t w[4];
	t_uuid_words(SP2_UUID_B, w);
	struct smcsim_regs r = t_call(sim, FFA_PARTITION_INFO_GET_FID, w[0], w[1], w[2], w[3], 0);
	t_assert_ffa_error(r, FFA_BUSY, "no RX mapped");
	t_ffa_setup(sim, FFA_V1_2);
	r = t_call(sim, FFA_PARTITION_INFO_GET_FID, w[0], w[1], w[2], w[3], 0);
	t_assert_ffa_ok(r, "uuid_fixed");
	t_assert_reg(r, 2, 1, "one match");
	uint8_t d[2];
	smcsim_mem_read(sim, HOST_RX, d, 2);
	assert_int_equal(d[0] | d[1] << 8, SP2);
	t_call(sim, FFA_RX_RELEASE_FID);
	r = t_call(sim, FFA_PARTITION_INFO_GET_FID, 1, 2, 3, 4, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "uuid_unknown");
	r = t_call(sim, FFA_PARTITION_INFO_GET_FID, 0, 0, 0, 0, 2);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "flags_mbz_fail");
	smcsim_destroy(sim);
}

/* ---- FFA_PARTITION_INFO_GET_REGS (v1.2) --------------------------------------------- */

static void partinfo_regs(void **state)
{
	struct smcsim *sim = ffa_machine(MULTI_UUID_PATCH);
	t_call(sim, FFA_VERSION_FID, FFA_V1_2);
	struct smcsim_regs r = t_call(sim, FFA_PARTITION_INFO_GET_REGS_FID, 0, 0, 0);
	t_assert_reg(r, 0, FFA_SUCCESS_64_FID, "ACS ffa_partition_info_get_regs");
	t_assert_reg(r, 2, 2 | 2u << 16 | (uint64_t)24 << 48, "last 2, current 2, size 24");
	t_assert_reg(r, 3, SP1 | 4u << 16 | (uint64_t)0x30f << 32, "sp1 ID/ctx/props");
	t_assert_reg(r, 4, t_uuid_half(SP1_UUID, 0), "sp1 UUID low");
	t_assert_reg(r, 5, t_uuid_half(SP1_UUID, 1), "sp1 UUID high");
	t_assert_reg(r, 9, SP2 | 1u << 16 | (uint64_t)0x101 << 32, "sp2 second UUID entry");
	r = t_call(sim, FFA_PARTITION_INFO_GET_REGS_FID, 0, 0, 2);
	t_assert_reg(r, 2, 2 | 2u << 16 | (uint64_t)24 << 48, "start at index 2");
	t_assert_reg(r, 4, t_uuid_half(SP2_UUID_B, 0), "entry 2");
	r = t_call(sim, FFA_PARTITION_INFO_GET_REGS_FID, 0, 0, 3);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "start index past the end");
	r = t_call(sim, FFA_PARTITION_INFO_GET_REGS_FID, 0, 0, 1u << 16);
	t_assert_ffa_error(r, FFA_RETRY, "Hafnium: unknown tag -> RETRY");
	r = t_call(sim, FFA_PARTITION_INFO_GET_REGS_FID, t_uuid_half(SP2_UUID_A, 0),
		   t_uuid_half(SP2_UUID_A, 1), 0);
	t_assert_reg(r, 2, (uint64_t)24 << 48, "one match: last 0 current 0");
	smcsim_destroy(sim);
	sim = ffa_machine(NULL);
	t_call(sim, FFA_VERSION_FID, FFA_V1_1);
	r = t_call(sim, FFA_PARTITION_INFO_GET_REGS_FID, 0, 0, 0);
	t_assert_ffa_error(r, FFA_NOT_SUPPORTED, "v1.2 call, v1.1 caller");
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
	t_assert_ffa_ok(r, "mailbox gone after reset");
	r = t_call(sim, FFA_PARTITION_INFO_GET_FID, 0, 0, 0, 0, 1);
	t_assert_reg(r, 2, 2, "count after reset");
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
