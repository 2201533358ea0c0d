/* SPDX-License-Identifier: MIT */
/*
 * The pKVM FF-A proxy (profile pkvm-host). Rules are pKVM's behaviour as read from Linux
 * arch/arm64/kvm/hyp/nvhe/ffa.c (6.18 FF-A 1.2 series and later hardening) and
 * arch/arm64/kvm/hyp/nvhe/mem_protect.c; each assertion names the function whose behaviour it
 * checks (kvm_host_ffa_handler(), do_ffa_version(), ...), or the DEN0077 rule the SPMC behind
 * the proxy answers with. Function names in brackets are pKVM's.
 */
#include "conformance/ffa/ffa_test.h"
#include "pkvm_model/pkvm.h"

static struct smcsim *pkvm_machine(const char *patch)
{
	return t_machine("pkvm-host", patch);
}

static void finalize(struct smcsim *sim)
{
	struct smcsim_error err = { { 0 } };
	if (smcsim_event(sim, "pkvm_finalize", NULL, &err))
		fail_msg("pkvm_finalize: %s", err.text);
}

/* A finalised, negotiated proxy with the host's mailbox mapped. */
static struct smcsim *pkvm_ready(void)
{
	struct smcsim *sim = pkvm_machine(NULL);
	finalize(sim);
	t_ffa_setup(sim, FFA_V1_2);
	return sim;
}

/* ---- finalisation and the init-ordering bug ----------------------------------------- */

/* Before pkvm_finalize host SMCs are not trapped: they reach the SPMC unchanged (Linux
 * arch/arm64/kvm/pkvm.c finalize_pkvm() comes first; the FF-A driver's ffa_init() ordering
 * problem, LKML "KVM: arm64: fix FF-A call failure when ff-a driver is built-in"). */
static void untrapped_before_finalize(void **state)
{
	struct smcsim *sim = pkvm_machine(NULL);
	struct pkvm *p = pkvm_of(sim, "pkvm");
	assert_non_null(p); /* setup: the profile has a proxy */
	struct smcsim_regs r = t_call(sim, FFA_ID_GET_FID);
	t_assert_ffa_ok(r, "Linux pkvm.c finalize_pkvm() not run: the SPMC answers, not the proxy");
	r = t_call(sim, FFA_MSG_SEND_DIRECT_REQ2_FID, SP1, 0, 0, 7);
	t_assert_reg(
		r, 0, FFA_MSG_SEND_DIRECT_RESP2_FID,
		"Linux nvhe/ffa.c ffa_call_supported(): deny list not applied before finalisation");
	/* Linux nvhe/ffa.c: hyp_ffa_post_init() not run, has_version_negotiated false. */
	assert_false(p->init_done);
	assert_false(p->negotiated);
	smcsim_destroy(sim);
}

/* The real bug: the FF-A driver's init runs before finalisation, so the proxy never
 * sees FFA_VERSION or the host's RX/TX; every later host FF-A call fails. */
static void init_before_finalize_cascade(void **state)
{
	struct smcsim *sim = pkvm_machine(NULL);
	t_ffa_setup(sim, FFA_V1_2); /* straight to EL3 */
	struct smcsim_regs r = t_call(sim, FFA_ID_GET_FID);
	t_assert_ffa_ok(r, "Linux pkvm.c finalize_pkvm() not run: still untrapped");
	finalize(sim);
	static const uint32_t calls[] = { FFA_ID_GET_FID,
					  FFA_FEATURES_FID,
					  FFA_PARTITION_INFO_GET_FID,
					  FFA_RX_RELEASE_FID,
					  FFA_MSG_SEND_DIRECT_REQ_FID,
					  FFA_MEM_SHARE_64_FID,
					  FFA_RXTX_UNMAP_FID };
	for (size_t i = 0; i < EMU_ARRAY_SIZE(calls); i++) {
		r = t_call(sim, calls[i], 0, 0, 0, 0, 0);
		char rule[128];
		snprintf(rule, sizeof(rule),
			 "Linux nvhe/ffa.c kvm_host_ffa_handler(): %s before negotiation",
			 smcsim_fid_name(calls[i]));
		t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, rule);
		t_assert_reg(r, 2, (uint64_t)(int64_t)FFA_INVALID_PARAMETERS,
			     "Linux nvhe/ffa.c ffa_to_smccc_error(): the status is sign-extended");
	}
	/* A late FFA_VERSION negotiates, but the SPMC already holds the host's buffers
	 * for ID 0: the proxy's own RXTX_MAP is DENIED there, and the host sees it. */
	r = t_call(sim, FFA_VERSION_FID, FFA_V1_2);
	t_assert_reg(r, 0, FFA_V1_2, "Linux nvhe/ffa.c do_ffa_version(): late negotiation");
	r = t_call(sim, FFA_RXTX_MAP_64_FID, HOST_TX + 0x4000, HOST_RX + 0x4000, 1);
	t_assert_ffa_error(
		r, FFA_DENIED,
		"Linux nvhe/ffa.c do_ffa_rxtx_map(): EL3's DENIED for the stale ID 0 mapping");
	smcsim_destroy(sim);
}

static void finalize_twice(void **state)
{
	struct smcsim *sim = pkvm_machine(NULL);
	finalize(sim);
	struct smcsim_error err = { { 0 } };
	/* setup: pkvm_finalize is a one-shot emulator event without arguments */
	assert_int_equal(smcsim_event(sim, "pkvm_finalize", NULL, &err), -EINVAL);
	assert_non_null(strstr(err.text, "already"));
	assert_int_equal(smcsim_event(sim, "pkvm_finalize", "{\"x\":1}", &err), -EINVAL);
	smcsim_destroy(sim);
}

/* ---- FFA_VERSION [do_ffa_version] --------------------------------------------------- */

/* Every FF-A call but FFA_VERSION before negotiation: INVALID_PARAMETERS
 * [kvm_host_ffa_handler]. */
static void invalid_before_version(void **state)
{
	struct smcsim *sim = pkvm_machine(NULL);
	finalize(sim);
	struct smcsim_regs r = t_call(sim, FFA_FEATURES_FID, FFA_RXTX_MAP_64_FID);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "Linux nvhe/ffa.c kvm_host_ffa_handler(): FEATURES before negotiation");
	r = t_call(sim, FFA_VERSION_FID, FFA_V1_2);
	t_assert_reg(r, 0, FFA_V1_2, "Linux nvhe/ffa.c do_ffa_version(): negotiated at 1.2");
	for (int i = 1; i < 18; i++)
		t_assert_reg(r, i, 0,
			     "DEN0077 FFA_VERSION: x1..x17 of the response MBZ (ffa_set_retval() "
			     "returns all)");
	r = t_call(sim, FFA_FEATURES_FID, FFA_RXTX_MAP_64_FID);
	t_assert_ffa_ok(
		r, "Linux nvhe/ffa.c kvm_host_ffa_handler(): FEATURES served after negotiation");
	smcsim_destroy(sim);
}

static void version_rules(void **state)
{
	struct smcsim *sim = pkvm_machine(NULL);
	finalize(sim);
	struct smcsim_regs r = t_call(sim, FFA_VERSION_FID, FFA_V(2, 0));
	t_assert_reg(r, 0, UINT64_MAX,
		     "Linux nvhe/ffa.c do_ffa_version(): major != 1 -> NOT_SUPPORTED in x0");
	r = t_call(sim, FFA_VERSION_FID, FFA_V(1, 4));
	t_assert_reg(
		r, 0, FFA_V1_2,
		"Linux nvhe/ffa.c do_ffa_version(): higher minor -> hyp version, no downgrade");
	r = t_call(sim, FFA_VERSION_FID, FFA_V1_1);
	t_assert_reg(r, 0, UINT64_MAX,
		     "Linux nvhe/ffa.c do_ffa_version(): lower minor after negotiation -> "
		     "NOT_SUPPORTED (\"Restrict FF-A host version renegotiation\")");
	r = t_call(sim, FFA_VERSION_FID, FFA_V1_2);
	t_assert_reg(r, 0, FFA_V1_2, "Linux nvhe/ffa.c do_ffa_version(): the same version again");
	smcsim_destroy(sim);
}

/* An SMC32 call the proxy passes down keeps the upper halves of the registers the SPMC
 * does not write: the W view is only what a 32-bit callee reads (SMCCC DEN0028 2.6), the
 * registers stay the caller's. */
static void smc32_forward_keeps_upper_halves(void **state)
{
	struct smcsim *sim = pkvm_machine(NULL);
	finalize(sim);
	(void)t_call(sim, FFA_VERSION_FID, FFA_V1_2);
	struct smcsim_regs r = t_call(sim, FFA_ID_GET_FID, 0, 0, 0, 0, 0, 0, 0,
				      UINT64_C(0xdeadbeef00000008), UINT64_C(0xdeadbeef00000009));
	t_assert_reg(r, 0, FFA_SUCCESS_FID, "FF-A v1.2 13.12 FFA_ID_GET through the proxy");
	t_assert_reg(r, 8, UINT64_C(0xdeadbeef00000008),
		     "SMCCC DEN0028 2.6: x8 of an SMC32 call is the caller's, all 64 bits");
	t_assert_reg(r, 9, UINT64_C(0xdeadbeef00000009),
		     "SMCCC DEN0028 2.6: x9 of an SMC32 call is the caller's, all 64 bits");
	smcsim_destroy(sim);
}

/* A first host request below the hyp version is asked of the TEE and downgrades
 * [do_ffa_version]. */
static void version_downgrade(void **state)
{
	struct smcsim *sim = pkvm_machine(NULL);
	finalize(sim);
	struct smcsim_regs r = t_call(sim, FFA_VERSION_FID, FFA_V1_1);
	t_assert_reg(
		r, 0, FFA_V1_1,
		"Linux nvhe/ffa.c do_ffa_version(): lower first request asked of EL3, downgraded");
	assert_int_equal(pkvm_of(sim, "pkvm")->hyp_version, FFA_V1_1); /* hyp_ffa_version */
	smcsim_destroy(sim);
	/* A strict (Hafnium-policy) v1.1 TEE refuses... nothing: 1.0 is compatible. With the
	 * proxy pinned at 1.0 the TEE's lock-in refuses a different version. */
	sim = pkvm_machine(
		"{\"layers\":{\"el3\":{\"services\":{\"ffa\":{\"policy\":\"hafnium\"}}}}}");
	finalize(sim);
	r = t_call(sim, FFA_ID_GET_FID);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "Linux nvhe/ffa.c kvm_host_ffa_handler(): not negotiated");
	r = t_call(sim, FFA_VERSION_FID, FFA_V1_2);
	t_assert_reg(r, 0, FFA_V1_2,
		     "Linux nvhe/ffa.c hyp_ffa_post_init(): its ID_GET locks the TEE at 1.2");
	smcsim_destroy(sim);
	sim = pkvm_machine(
		"{\"layers\":{\"el3\":{\"services\":{\"ffa\":{\"policy\":\"hafnium\"}}}}}");
	finalize(sim);
	struct smcsim_regs pre;
	memset(&pre, 0, sizeof(pre));
	/* The TEE locked at 1.2 by someone else (pKVM's own post-init of a previous boot). */
	struct ffa_spmc *s = ffa_spmc_of(sim, "el3");
	s->ep[0].locked = true;
	s->ep[0].version = FFA_V1_2;
	r = t_call(sim, FFA_VERSION_FID, FFA_V1_1);
	t_assert_reg(
		r, 0, UINT64_MAX,
		"Linux nvhe/ffa.c do_ffa_version(): EL3 refuses the downgrade -> NOT_SUPPORTED");
	assert_false(pkvm_of(sim, "pkvm")->negotiated); /* has_version_negotiated stays false */
	smcsim_destroy(sim);
}

/* Linux nvhe/ffa.c hyp_ffa_post_init(): FFA_FEATURES(RXTX_MAP) minimum above PAGE_SIZE fails
 * negotiation. */
static void post_init_min_buffer(void **state)
{
	struct smcsim *sim = pkvm_machine(
		"{\"layers\":{\"el3\":{\"services\":{\"ffa\":{\"rxtx_min\":65536}}}}}");
	finalize(sim);
	struct smcsim_regs r = t_call(sim, FFA_VERSION_FID, FFA_V1_2);
	t_assert_reg(r, 0, UINT64_MAX,
		     "Linux nvhe/ffa.c hyp_ffa_post_init(): 64K minimum on a 4K host");
	r = t_call(sim, FFA_ID_GET_FID);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "Linux nvhe/ffa.c kvm_host_ffa_handler(): never negotiated");
	smcsim_destroy(sim);
}

/* Linux nvhe/ffa.c hyp_ffa_init(): no FF-A at EL3 (SPMC answers NOT_SUPPORTED) -> the proxy stays
 * off and host calls pass through. */
static void no_ffa_at_el3(void **state)
{
	/* An SPMC that refuses the proxy's FFA_VERSION (Hafnium api_ffa_version() at 1.1 asked
	 * for 1.2): hyp_ffa_init() returns 0 with hyp_ffa_version 0, and the proxy still traps
	 * the FF-A range (kvm_host_ffa_handler() has no "present" check). */
	struct smcsim *sim = pkvm_machine(
		"{\"layers\":{\"pkvm\":{\"services\":{\"pkvm\":{\"version\":\"1.2\"}}},"
		"\"el3\":{\"services\":{\"ffa\":{\"version\":\"1.1\",\"policy\":\"hafnium\"}}}}}");
	finalize(sim);
	struct smcsim_regs r = t_call(sim, FFA_ID_GET_FID);
	assert_false(pkvm_of(sim, "pkvm")->available);
	t_assert_ffa_error(
		r, FFA_INVALID_PARAMETERS,
		"Linux nvhe/ffa.c kvm_host_ffa_handler(): trapped before FFA_VERSION even "
		"when hyp_ffa_init() found no usable FF-A");
	/* do_ffa_version(): minor 2 is not below hyp_ffa_version's 0, hyp_ffa_post_init()
	 * succeeds against the 1.1 SPMC, and the host is told hyp_ffa_version: 0. */
	r = t_call(sim, FFA_VERSION_FID, FFA_V1_2);
	t_assert_reg(r, 0, 0, "Linux nvhe/ffa.c do_ffa_version(): answers hyp_ffa_version");
	smcsim_destroy(sim);

	/* No SPMC at all: FFA_VERSION fails in hyp_ffa_post_init() (FFA_ID_GET unknown). */
	sim = pkvm_machine("{\"layers\":{\"el3\":{\"services\":{\"ffa\":null}}}}");
	finalize(sim);
	r = t_call(sim, FFA_ID_GET_FID);
	t_assert_ffa_error(
		r, FFA_INVALID_PARAMETERS,
		"Linux nvhe/ffa.c kvm_host_ffa_handler(): the range is trapped without FF-A");
	r = t_call(sim, FFA_VERSION_FID, FFA_V1_2);
	t_assert_x0(
		r, FFA_NOT_SUPPORTED,
		"Linux nvhe/ffa.c do_ffa_version(): hyp_ffa_post_init() fails -> NOT_SUPPORTED");
	smcsim_destroy(sim);
}

/* IDs of the FF-A range no table lists (is_ffa_call(): numbers 0x60..0xFF, SMC32 and
 * SMC64) are trapped too: INVALID_PARAMETERS before negotiation, passed to EL3 after. */
static void unlisted_ffa_ids(void **state)
{
	struct smcsim *sim = pkvm_machine(NULL);
	finalize(sim);
	struct smcsim_regs r = t_call(sim, 0x840000ffu);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "Linux nvhe/ffa.c kvm_host_ffa_handler(): !has_version_negotiated");
	r = t_call(sim, 0xc40000feu);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "Linux nvhe/ffa.c is_ffa_call(): SMC64 IDs of the range too");
	t_ffa_setup(sim, FFA_V1_2);
	r = t_call(sim, 0x840000ffu);
	t_assert_x0(r, -1, "Linux nvhe/ffa.c: ffa_call_supported() -> forwarded, EL3 answers");
	smcsim_destroy(sim);
}

/* The proxy copies a fragmented descriptor into ffa_desc_buf, hyp_ffa_proxy_pages() minus
 * the two mailboxes: 9 pages at 4 KiB. A longer total length is NO_MEMORY
 * (do_ffa_mem_xfer()), before anything reaches the SPMC. */
static void descriptor_buffer_size(void **state)
{
	struct smcsim *sim = pkvm_ready();
	struct smcsim_regs r = t_call(sim, FFA_MEM_SHARE_64_FID, 36864 + 1, 0x100);
	t_assert_ffa_error(r, FFA_NO_MEMORY,
			   "Linux nvhe/ffa.c do_ffa_mem_xfer(): len > ffa_desc_buf.len (36,864)");
	r = t_call(sim, FFA_MEM_SHARE_64_FID, 36864, 0x100);
	assert_false(r.x[0] == FFA_ERROR_FID && (int32_t)r.x[2] == FFA_NO_MEMORY);
	smcsim_destroy(sim);
}

/* FFA_MAJOR_VERSION() reads bits 30:16: a request with bit 31 set is a 1.x request. */
static void version_bit31_ignored(void **state)
{
	struct smcsim *sim = pkvm_machine(NULL);
	finalize(sim);
	struct smcsim_regs r = t_call(sim, FFA_VERSION_FID, FFA_V1_2 | UINT32_C(0x80000000));
	t_assert_reg(r, 0, FFA_V1_2,
		     "Linux nvhe/ffa.c do_ffa_version(): FFA_MAJOR_VERSION ignores bit 31");
	smcsim_destroy(sim);
}

/* do_ffa_features() compares the queried ID as given: with the SVE hint (bit 16) set a
 * refused call is not recognised and the query goes to the SPMC. */
static void features_hint_not_masked(void **state)
{
	struct smcsim *sim = pkvm_ready();
	struct smcsim_regs r = t_call(sim, FFA_FEATURES_FID, FFA_RXTX_MAP_FID);
	t_assert_ffa_error(r, FFA_NOT_SUPPORTED,
			   "Linux nvhe/ffa.c ffa_call_supported(): the 32-bit RXTX_MAP is refused");
	r = t_call(sim, FFA_FEATURES_FID, FFA_RXTX_MAP_FID | UINT32_C(0x10000));
	t_assert_ffa_ok(r, "Linux nvhe/ffa.c do_ffa_features(): the hinted ID is not recognised "
			   "as refused and the SPMC answers (it supports RXTX_MAP)");
	smcsim_destroy(sim);
}

/* ---- deny list and FFA_FEATURES [ffa_call_supported, do_ffa_features] --------------- */

static void deny_list(void **state)
{
	struct smcsim *sim = pkvm_ready();
	static const uint32_t denied[] = {
		FFA_MEM_RETRIEVE_REQ_64_FID,
		FFA_MEM_RELINQUISH_FID,
		FFA_MEM_DONATE_64_FID,
		FFA_MEM_FRAG_RX_FID,
		FFA_MSG_WAIT_FID,
		FFA_MSG_SEND_DIRECT_RESP_FID,
		FFA_RXTX_MAP_FID,
		FFA_NOTIFICATION_BITMAP_CREATE_FID,
		FFA_NOTIFICATION_INFO_GET_FID,
		FFA_MSG_SEND_DIRECT_REQ2_FID,
		FFA_PARTITION_INFO_GET_REGS_FID,
		FFA_CONSOLE_LOG_FID,
	};
	for (size_t i = 0; i < EMU_ARRAY_SIZE(denied); i++) {
		struct smcsim_regs r = t_call(sim, denied[i], 0, 0);
		char rule[128];
		snprintf(rule, sizeof(rule), "Linux nvhe/ffa.c ffa_call_supported(): %s denied",
			 smcsim_fid_name(denied[i]));
		t_assert_ffa_error(r, FFA_NOT_SUPPORTED, rule);
		r = t_call(sim, FFA_FEATURES_FID, denied[i]);
		t_assert_ffa_error(r, FFA_NOT_SUPPORTED,
				   "Linux nvhe/ffa.c do_ffa_features(): FEATURES of a denied call");
	}
	/* Known gap in ffa_call_supported(): the 64-bit NOTIFICATION_INFO_GET passes through. */
	struct smcsim_regs r = t_call(sim, FFA_NOTIFICATION_INFO_GET_64_FID);
	t_assert_ffa_error(
		r, FFA_NO_DATA,
		"Linux nvhe/ffa.c ffa_call_supported(): INFO_GET_64 not listed, the SPMC answers");
	smcsim_destroy(sim);
}

static void features_answered_by_pkvm(void **state)
{
	struct smcsim *sim = pkvm_ready();
	struct smcsim_regs r = t_call(sim, FFA_FEATURES_FID, FFA_MEM_SHARE_64_FID);
	t_assert_ffa_ok(r, "Linux nvhe/ffa.c do_ffa_features(): MEM_SHARE answered by pKVM");
	t_assert_reg(r, 2, 0, "Linux nvhe/ffa.c do_ffa_features(): w2 = 0, no dynamic buffers");
	r = t_call(sim, FFA_FEATURES_FID, FFA_FEAT_SRI);
	t_assert_ffa_ok(r, "Linux nvhe/ffa.c do_ffa_features(): feature IDs pass through");
	t_assert_reg(r, 2, 8, "DEN0077 v1.1 9.7: the SPMC's SRI interrupt ID");
	r = t_call(sim, FFA_FEATURES_FID, FFA_RXTX_MAP_64_FID);
	t_assert_reg(
		r, 2, 16u << 16,
		"Linux nvhe/ffa.c do_ffa_features(): RXTX_MAP properties passed through unchanged");
	smcsim_destroy(sim);
}

/* ---- RX/TX [do_ffa_rxtx_map, do_ffa_rxtx_unmap] ------------------------------------- */

static void rxtx_map(void **state)
{
	struct smcsim *sim = pkvm_machine(NULL);
	finalize(sim);
	t_call(sim, FFA_VERSION_FID, FFA_V1_2);
	struct smcsim_regs r = t_call(sim, FFA_RXTX_MAP_64_FID, HOST_TX, HOST_RX, 2);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "Linux nvhe/ffa.c do_ffa_rxtx_map(): npages != one host page");
	r = t_call(sim, FFA_RXTX_MAP_64_FID, HOST_TX + 0x800, HOST_RX, 1);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "Linux nvhe/ffa.c do_ffa_rxtx_map(): not PAGE_ALIGNED");
	r = t_call(sim, FFA_RXTX_MAP_64_FID, HOST_TX, HOST_RX, 1);
	t_assert_ffa_ok(r, "Linux nvhe/ffa.c do_ffa_rxtx_map(): host buffers mapped");
	struct pkvm *p = pkvm_of(sim, "pkvm");
	struct ffa_spmc *s = ffa_spmc_of(sim, "el3");
	/* Linux nvhe/ffa.c do_ffa_rxtx_map(): ffa_map_hyp_buffers() gives EL3 the hyp's own
	 * buffers; the host's pages are shared with EL2 (mem_protect.c __pkvm_host_share_hyp()). */
	assert_true(s->ep[0].mapped);
	assert_int_equal(s->ep[0].tx, p->hyp_tx); /* the SPMC sees the proxy's buffers */
	assert_int_equal(s->ep[0].rx, p->hyp_rx);
	assert_int_equal(*pkvm_gstate(sim, HOST_TX), PKVM_HOST_SHARED_HYP);
	assert_int_equal(*pkvm_gstate(sim, HOST_RX), PKVM_HOST_SHARED_HYP);
	r = t_call(sim, FFA_RXTX_MAP_64_FID, HOST_TX + 0x4000, HOST_RX + 0x4000, 1);
	t_assert_ffa_error(
		r, FFA_DENIED,
		"Linux nvhe/ffa.c do_ffa_rxtx_map(): host buffers already set -> DENIED");
	r = t_call(sim, FFA_RXTX_UNMAP_FID, 1u << 16);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "Linux nvhe/ffa.c do_ffa_rxtx_unmap(): id != HOST_FFA_ID");
	r = t_call(sim, FFA_RXTX_UNMAP_FID, 0);
	t_assert_ffa_ok(r, "Linux nvhe/ffa.c do_ffa_rxtx_unmap(): unmapped");
	/* Linux nvhe/ffa.c do_ffa_rxtx_unmap(): __pkvm_host_unshare_hyp(), ffa_unmap_hyp_buffers().
	 */
	assert_false(s->ep[0].mapped);
	assert_int_equal(*pkvm_gstate(sim, HOST_TX), PKVM_HOST_OWNED);
	r = t_call(sim, FFA_RXTX_UNMAP_FID, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "Linux nvhe/ffa.c do_ffa_rxtx_unmap(): not mapped");
	smcsim_destroy(sim);
}

/* Linux nvhe/ffa.c do_ffa_rxtx_map(): a page the host does not exclusively own cannot become a
 * mailbox; the EL3 mapping is rolled back with FFA_RXTX_UNMAP (err_unmap). */
static void rxtx_map_rollback(void **state)
{
	struct smcsim *sim = pkvm_machine(NULL);
	finalize(sim);
	t_call(sim, FFA_VERSION_FID, FFA_V1_2);
	struct pkvm *p = pkvm_of(sim, "pkvm");
	struct smcsim_regs r = t_call(sim, FFA_RXTX_MAP_64_FID, HOST_TX, p->hyp_rx, 1);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "Linux nvhe/ffa.c do_ffa_rxtx_map(): RX is hypervisor memory");
	/* Linux nvhe/ffa.c do_ffa_rxtx_map(): EL3 mapping and the TX share rolled back. */
	assert_false(ffa_spmc_of(sim, "el3")->ep[0].mapped);
	assert_int_equal(*pkvm_gstate(sim, HOST_TX), PKVM_HOST_OWNED);
	r = t_call(sim, FFA_RXTX_MAP_64_FID, HOST_TX, HOST_TX, 1);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "Linux nvhe/ffa.c do_ffa_rxtx_map(): TX == RX, the second share fails");
	r = t_call(sim, FFA_RXTX_MAP_64_FID, HOST_TX, HOST_RX, 1);
	t_assert_ffa_ok(r, "Linux nvhe/ffa.c do_ffa_rxtx_map(): a clean map after the rollback");
	smcsim_destroy(sim);
}

static void rxtx_16k_pages(void **state)
{
	struct smcsim *sim = pkvm_machine(
		"{\"layers\":{\"pkvm\":{\"services\":{\"pkvm\":{\"page_size\":16384}}}}}");
	finalize(sim);
	t_call(sim, FFA_VERSION_FID, FFA_V1_2);
	struct smcsim_regs r = t_call(sim, FFA_RXTX_MAP_64_FID, HOST_TX, HOST_TX + 0x4000, 1);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "Linux nvhe/ffa.c do_ffa_rxtx_map(): a 16K host needs 4 FF-A pages");
	r = t_call(sim, FFA_RXTX_MAP_64_FID, HOST_TX, HOST_TX + 0x4000, 4);
	t_assert_ffa_ok(r, "Linux nvhe/ffa.c do_ffa_rxtx_map(): 4 pages map on a 16K host");
	smcsim_destroy(sim);
}

/* ---- PARTITION_INFO_GET [do_ffa_part_get] ------------------------------------------- */

static void partinfo(void **state)
{
	struct smcsim *sim = pkvm_machine(NULL);
	finalize(sim);
	t_call(sim, FFA_VERSION_FID, FFA_V1_2);
	struct smcsim_regs r = t_call(sim, FFA_PARTITION_INFO_GET_FID, 0, 0, 0, 0, 0);
	t_assert_ffa_error(r, FFA_BUSY,
			   "Linux nvhe/ffa.c do_ffa_part_get(): host RX not mapped -> BUSY");
	t_call(sim, FFA_RXTX_MAP_64_FID, HOST_TX, HOST_RX, 1);
	r = t_call(sim, FFA_PARTITION_INFO_GET_FID, 0, 0, 0, 0, 1);
	t_assert_ffa_ok(r, "Linux nvhe/ffa.c do_ffa_part_get(): count only, nothing copied");
	t_assert_reg(r, 2, 2, "DEN0077 v1.1 FFA_PARTITION_INFO_GET: w2 = count");
	r = t_call(sim, FFA_PARTITION_INFO_GET_FID, 0, 0, 0, 0, 0);
	t_assert_ffa_ok(r, "Linux nvhe/ffa.c do_ffa_part_get(): descriptors copied");
	t_assert_reg(r, 3, 24, "DEN0077 v1.1 FFA_PARTITION_INFO_GET: w3 = 24-byte descriptor");
	uint8_t d[26];
	smcsim_mem_read(sim, HOST_RX, d, sizeof(d));
	/* Linux nvhe/ffa.c do_ffa_part_get(): copied hyp RX -> host RX */
	assert_int_equal(d[0] | d[1] << 8, SP1);
	assert_int_equal(d[24] | d[25] << 8, SP2);
	/* do_ffa_part_get() does not release the hyp RX: the host's RX_RELEASE passes through. */
	r = t_call(sim, FFA_PARTITION_INFO_GET_FID, 0, 0, 0, 0, 0);
	t_assert_ffa_error(r, FFA_BUSY, "DEN0077 v1.0 8.6: the SPMC sees RX still owned -> BUSY");
	r = t_call(sim, FFA_RX_RELEASE_FID);
	t_assert_ffa_ok(r, "Linux nvhe/ffa.c ffa_call_supported(): RX_RELEASE passes through");
	r = t_call(sim, FFA_PARTITION_INFO_GET_FID, 1, 2, 3, 4, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "Linux nvhe/ffa.c do_ffa_part_get(): the SPMC's error returned as is");
	smcsim_destroy(sim);
}

/* Passed-through calls come back with x0..x17 [ffa_set_retval]. */
static void passthrough(void **state)
{
	struct smcsim *sim = pkvm_ready();
	struct smcsim_regs r = t_call(sim, FFA_MSG_SEND_DIRECT_REQ_64_FID, SP1, 0, 1, 2, 3, 4, 5, 6,
				      7, 8, 9, 10, 11, 12, 13, 14);
	t_assert_reg(r, 0, FFA_MSG_SEND_DIRECT_RESP_64_FID,
		     "Linux nvhe/ffa.c kvm_host_ffa_handler(): DIRECT_REQ_64 forwarded");
	t_assert_reg(r, 3, 1, "DEN0077 v1.0 10.3: payload echoed");
	t_assert_reg(r, 8, 0,
		     "Linux hyp-main.c __kvm_hyp_host_forward_smc(): x8 from EL3 (zero), not the "
		     "caller's 6");
	r = t_call(sim, FFA_SPM_ID_GET_FID);
	t_assert_reg(r, 2, 0x8000, "Linux nvhe/ffa.c kvm_host_ffa_handler(): SPM_ID_GET forwarded");
	r = t_call(sim, 0x80000000u);
	t_assert_reg(
		r, 0, 0x10002,
		"Linux hyp-main.c handle_host_smc(): non-FF-A calls forwarded (SMCCC_VERSION)");
	smcsim_destroy(sim);
}

/* ---- MEM_SHARE / LEND [__do_ffa_mem_xfer], FRAG_TX, RECLAIM -------------------------- */

#define PMEM UINT64_C(0x80100000)

static struct smcsim_regs host_send(struct smcsim *sim, uint32_t fid, const struct t_mem *m)
{
	return t_mem_send(sim, NULL, HOST_TX, fid, m);
}

/* Shared pages move from host-owned to shared-owned in the host stage-2; reclaim
 * through the proxy moves them back. */
static void mem_share_reclaim(void **state)
{
	struct smcsim *sim = pkvm_ready();
	struct t_mem m = t_share(FFA_V1_2, SP1, PMEM, 2);
	struct smcsim_regs r = host_send(sim, FFA_MEM_SHARE_FID, &m);
	t_assert_ffa_ok(r,
			"Linux nvhe/ffa.c kvm_host_ffa_handler(): 32-bit SHARE reissued as FN64");
	uint64_t h = t_handle(&r);
	/* Linux mem_protect.c __pkvm_host_share_ffa(): PKVM_PAGE_OWNED -> PKVM_PAGE_SHARED_OWNED;
	 * DEN0077 v1.0 5.8.1 at the SPMC. */
	assert_int_equal(*pkvm_gstate(sim, PMEM), PKVM_HOST_SHARED_FFA);
	assert_int_equal(*pkvm_gstate(sim, PMEM + 0x1000), PKVM_HOST_SHARED_FFA);
	assert_true(*ffa_gstate(sim, PMEM) & FFA_GR_SHARED);
	r = t_call(sim, FFA_MEM_RECLAIM_FID, (uint32_t)h, h >> 32, 0);
	t_assert_ffa_ok(
		r, "Linux nvhe/ffa.c do_ffa_mem_reclaim(): reclaim via the hypervisor retrieve");
	/* Linux nvhe/ffa.c do_ffa_mem_reclaim(): ffa_host_unshare_ranges() after SUCCESS. */
	assert_int_equal(*pkvm_gstate(sim, PMEM), PKVM_HOST_OWNED);
	assert_int_equal(*ffa_gstate(sim, PMEM), 0);
	r = t_call(sim, FFA_MEM_RECLAIM_FID, (uint32_t)h, h >> 32, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "Linux nvhe/ffa.c do_ffa_mem_reclaim(): the SPMC's answer to the "
			   "retrieve, verbatim");
	m.attrs = 0;
	r = host_send(sim, FFA_MEM_LEND_64_FID, &m);
	t_assert_ffa_ok(
		r, "Linux nvhe/ffa.c __do_ffa_mem_xfer(): LEND only shares in the host stage-2");
	/* Linux mem_protect.c __pkvm_host_share_ffa(): shared-owned, the host keeps its mapping */
	assert_int_equal(*pkvm_gstate(sim, PMEM), PKVM_HOST_SHARED_FFA);
	smcsim_destroy(sim);
}

/* Linux nvhe/ffa.c __do_ffa_mem_xfer(): INVALID_PARAMETERS for the descriptor checks. */
static void mem_share_invalid(void **state)
{
	struct smcsim *sim = pkvm_ready();
	struct smcsim_regs r = t_call(sim, FFA_MEM_SHARE_64_FID, 112, 112, HOST_TX, 1);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "Linux nvhe/ffa.c __do_ffa_mem_xfer(): x3/w4 MBZ");
	r = t_call(sim, FFA_MEM_SHARE_64_FID, 112, 200, 0, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "Linux nvhe/ffa.c __do_ffa_mem_xfer(): fraglen > len");
	r = t_call(sim, FFA_MEM_SHARE_64_FID, 8192, 8192, 0, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "Linux nvhe/ffa.c __do_ffa_mem_xfer(): fraglen > one page");
	r = t_call(sim, FFA_MEM_SHARE_64_FID, 40, 40, 0, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "Linux nvhe/ffa.c __do_ffa_mem_xfer(): shorter than header + EMAD");
	r = t_call(sim, FFA_MEM_SHARE_64_FID, 0x20000, 112, 0, 0);
	t_assert_ffa_error(
		r, FFA_NO_MEMORY,
		"Linux nvhe/ffa.c __do_ffa_mem_xfer(): len beyond the descriptor buffer");
	struct t_mem m = t_share(FFA_V1_2, SP1, PMEM, 1);
	m.sender = SP1;
	r = host_send(sim, FFA_MEM_SHARE_64_FID, &m);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "Linux nvhe/ffa.c __do_ffa_mem_xfer(): sender_id != HOST_FFA_ID");
	m = t_share(FFA_V1_2, SP1, PMEM, 1);
	m.nrecv = 2;
	m.recv[1] = SP2;
	m.perm[1] = 2;
	r = host_send(sim, FFA_MEM_SHARE_64_FID, &m);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "Linux nvhe/ffa.c __do_ffa_mem_xfer(): ep_count != 1");
	/* Linux nvhe/ffa.c __do_ffa_mem_xfer(): nothing shared on a descriptor error. */
	assert_int_equal(*pkvm_gstate(sim, PMEM), PKVM_HOST_OWNED);
	r = host_send(sim, FFA_MEM_DONATE_64_FID, &m);
	t_assert_ffa_error(r, FFA_NOT_SUPPORTED,
			   "Linux nvhe/ffa.c ffa_call_supported(): DONATE is denied");
	smcsim_destroy(sim);
	sim = pkvm_machine(NULL);
	finalize(sim);
	t_call(sim, FFA_VERSION_FID, FFA_V1_2);
	m = t_share(FFA_V1_2, SP1, PMEM, 1);
	r = host_send(sim, FFA_MEM_SHARE_64_FID, &m);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "Linux nvhe/ffa.c __do_ffa_mem_xfer(): host TX not mapped");
	smcsim_destroy(sim);
}

/* __ffa_host_share_ranges() checks only that a constituent's size is whole host pages: a
 * zero-page constituent shares nothing and goes on to the SPMC, whose answer the host gets
 * (not the proxy's DENIED). */
static void mem_share_zero_pages(void **state)
{
	(void)state;
	struct smcsim *sim = pkvm_ready();
	struct t_mem m = t_share(FFA_V1_2, SP1, PMEM, 1);
	m.pages[0] = 0;
	struct smcsim_regs r = host_send(sim, FFA_MEM_SHARE_64_FID, &m);
	assert_false(r.x[0] == FFA_ERROR_FID && (int32_t)r.x[2] == FFA_DENIED);
	/* Linux nvhe/ffa.c: nothing changed hands in the host stage-2. */
	assert_int_equal(*pkvm_gstate(sim, PMEM), PKVM_HOST_OWNED);
	smcsim_destroy(sim);
}

/* A constituent of 2^32-1 pages (16 TiB) is more than the host owns: the share is refused
 * before any page changes state, whatever the range's size. */
static void mem_share_huge_constituent(void **state)
{
	(void)state;
	struct smcsim *sim = pkvm_ready();
	struct t_mem m = t_share(FFA_V1_2, SP1, PMEM, 1);
	m.pages[0] = UINT32_MAX;
	struct smcsim_regs r = host_send(sim, FFA_MEM_SHARE_64_FID, &m);
	t_assert_ffa_error(r, FFA_DENIED,
			   "Linux nvhe/ffa.c ffa_host_share_ranges(): 2^32-1 pages from DRAM are "
			   "not all the host's -> DENIED");
	m.base[0] = 0;
	r = host_send(sim, FFA_MEM_LEND_64_FID, &m);
	t_assert_ffa_error(r, FFA_DENIED,
			   "Linux nvhe/ffa.c ffa_host_share_ranges(): 2^32-1 pages from 0 -> "
			   "DENIED");
	/* Linux nvhe/ffa.c ffa_host_share_ranges(): nothing half-shared */
	assert_int_equal(*pkvm_gstate(sim, PMEM), PKVM_HOST_OWNED);
	smcsim_destroy(sim);
}

/* Linux nvhe/ffa.c ffa_host_share_ranges() / mem_protect.c __pkvm_host_share_ffa(): a page the
 * host does not own exclusively -> DENIED, earlier ranges rolled back; an SPMC refusal also
 * unshares. */
static void mem_share_ownership(void **state)
{
	struct smcsim *sim = pkvm_ready();
	struct pkvm *p = pkvm_of(sim, "pkvm");
	struct t_mem m = t_share(FFA_V1_2, SP1, PMEM, 1);
	m.nranges = 2;
	m.base[1] = p->hyp_tx;
	m.pages[1] = 1;
	struct smcsim_regs r = host_send(sim, FFA_MEM_SHARE_64_FID, &m);
	t_assert_ffa_error(r, FFA_DENIED,
			   "Linux nvhe/ffa.c ffa_host_share_ranges(): hypervisor page -> DENIED");
	/* Linux nvhe/ffa.c ffa_host_share_ranges(): the first range rolled back */
	assert_int_equal(*pkvm_gstate(sim, PMEM), PKVM_HOST_OWNED);
	m.base[1] = HOST_TX;
	r = host_send(sim, FFA_MEM_SHARE_64_FID, &m);
	t_assert_ffa_error(r, FFA_DENIED,
			   "Linux mem_protect.c __pkvm_host_share_ffa(): the host's mailbox is "
			   "shared with EL2");
	m = t_share(FFA_V1_2, SP1, PMEM, 1);
	t_assert_ffa_ok(host_send(sim, FFA_MEM_SHARE_64_FID, &m), "setup: first share");
	r = host_send(sim, FFA_MEM_SHARE_64_FID, &m);
	t_assert_ffa_error(r, FFA_DENIED,
			   "Linux mem_protect.c __pkvm_host_share_ffa(): already shared-owned");
	m = t_share(FFA_V1_2, 0x8009, PMEM + 0x4000, 1);
	r = host_send(sim, FFA_MEM_SHARE_64_FID, &m);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "Linux nvhe/ffa.c __do_ffa_mem_xfer(): the SPMC's refusal is returned");
	/* Linux nvhe/ffa.c __do_ffa_mem_xfer(): err_unshare */
	assert_int_equal(*pkvm_gstate(sim, PMEM + 0x4000), PKVM_HOST_OWNED);
	smcsim_destroy(sim);
	/* 16K host pages: a 4K constituent is not a whole host page. */
	sim = pkvm_machine(
		"{\"layers\":{\"pkvm\":{\"services\":{\"pkvm\":{\"page_size\":16384}}}}}");
	finalize(sim);
	t_call(sim, FFA_VERSION_FID, FFA_V1_2);
	t_call(sim, FFA_RXTX_MAP_64_FID, HOST_TX, HOST_TX + 0x4000, 4);
	m = t_share(FFA_V1_2, SP1, PMEM, 1);
	r = host_send(sim, FFA_MEM_SHARE_64_FID, &m);
	t_assert_ffa_error(
		r, FFA_DENIED,
		"Linux nvhe/ffa.c __ffa_host_share_ranges(): sz not PAGE_ALIGNED -> DENIED");
	m.pages[0] = 4;
	t_assert_ffa_ok(host_send(sim, FFA_MEM_SHARE_64_FID, &m),
			"Linux nvhe/ffa.c __ffa_host_share_ranges(): one whole 16K page shares");
	smcsim_destroy(sim);
}

/* Linux nvhe/ffa.c do_ffa_mem_frag_tx(): constituents only, shared per fragment; a bad fragment
 * aborts the transaction at the SPMC with MEM_RECLAIM. */
static void mem_share_fragments(void **state)
{
	struct smcsim *sim = pkvm_ready();
	struct t_mem m = t_share(FFA_V1_2, SP1, PMEM, 1);
	m.nranges = 2;
	m.base[1] = PMEM + 0x8000;
	m.pages[1] = 2;
	uint8_t buf[256];
	uint32_t len = t_mem_desc(&m, buf), first = len - 16;
	smcsim_mem_write(sim, HOST_TX, buf, first);
	struct smcsim_regs r = t_call(sim, FFA_MEM_SHARE_64_FID, len, first, 0, 0);
	t_assert_reg(r, 0, FFA_MEM_FRAG_RX_FID,
		     "Linux nvhe/ffa.c __do_ffa_mem_xfer(): first fragment -> FRAG_RX from EL3");
	uint64_t lo = r.x[1], hi = r.x[2];
	/* Linux nvhe/ffa.c __do_ffa_mem_xfer(): the first fragment's ranges are shared */
	assert_int_equal(*pkvm_gstate(sim, PMEM), PKVM_HOST_SHARED_FFA);
	r = t_call(sim, FFA_MEM_FRAG_TX_FID, lo, hi, 8);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "Linux nvhe/ffa.c do_ffa_mem_frag_tx(): fraglen not whole constituents");
	smcsim_mem_write(sim, HOST_TX, buf + first, 16);
	r = t_call(sim, FFA_MEM_FRAG_TX_FID, lo, hi, 16);
	t_assert_ffa_ok(r, "Linux nvhe/ffa.c do_ffa_mem_frag_tx(): last fragment -> SUCCESS");
	/* Linux nvhe/ffa.c do_ffa_mem_frag_tx(): this fragment's ranges are shared */
	assert_int_equal(*pkvm_gstate(sim, PMEM + 0x9000), PKVM_HOST_SHARED_FFA);
	uint64_t h = t_handle(&r);
	t_assert_ffa_ok(
		t_call(sim, FFA_MEM_RECLAIM_FID, (uint32_t)h, h >> 32, 0),
		"Linux nvhe/ffa.c do_ffa_mem_reclaim(): reclaim unshares every fragment's ranges");
	/* Linux nvhe/ffa.c do_ffa_mem_reclaim(): ffa_host_unshare_ranges() */
	assert_int_equal(*pkvm_gstate(sim, PMEM + 0x9000), PKVM_HOST_OWNED);
	assert_int_equal(*pkvm_gstate(sim, PMEM), PKVM_HOST_OWNED);
	/* A second fragment naming a page the host does not own: DENIED and aborted. */
	struct pkvm *p = pkvm_of(sim, "pkvm");
	m.base[1] = p->hyp_rx;
	m.pages[1] = 1;
	len = t_mem_desc(&m, buf);
	smcsim_mem_write(sim, HOST_TX, buf, first);
	r = t_call(sim, FFA_MEM_SHARE_64_FID, len, first, 0, 0);
	lo = r.x[1];
	hi = r.x[2];
	smcsim_mem_write(sim, HOST_TX, buf + first, 16);
	r = t_call(sim, FFA_MEM_FRAG_TX_FID, lo, hi, 16);
	t_assert_ffa_error(
		r, FFA_DENIED,
		"Linux nvhe/ffa.c do_ffa_mem_frag_tx(): fragment page not the host's -> DENIED");
	r = t_call(sim, FFA_MEM_FRAG_TX_FID, lo, hi, 16);
	t_assert_ffa_error(
		r, FFA_DENIED,
		"Linux nvhe/ffa.c do_ffa_mem_frag_tx(): the page is still not the host's");
	/* Linux nvhe/ffa.c do_ffa_mem_frag_tx(): earlier fragments stay stuck shared */
	assert_int_equal(*pkvm_gstate(sim, PMEM), PKVM_HOST_SHARED_FFA);
	struct ffa_spmc *s = ffa_spmc_of(sim, "el3");
	for (uint32_t i = 0; i < FFA_MAX_TXNS; i++)
		assert_false(s->txn[i].used); /* ffa_mem_reclaim() aborted it at the SPMC */
	smcsim_destroy(sim);
}

static void profile_errors(void **state)
{
	struct smcsim_profile *pr;
	struct smcsim_error err = { { 0 } };
	struct smcsim *sim = NULL;
	/* setup: the profile loader rejects page_size 8192 */
	assert_int_equal(smcsim_profile_load("pkvm-host", &pr, &err), 0);
	assert_int_equal(
		smcsim_profile_patch(
			pr,
			"{\"layers\":{\"pkvm\":{\"services\":{\"pkvm\":{\"page_size\":8192}}}}}",
			&err),
		0);
	assert_int_equal(smcsim_create(pr, &sim, &err), -EINVAL);
	assert_non_null(strstr(err.text, "page_size"));
	smcsim_profile_destroy(pr);
}

int main(void)
{
	const struct CMUnitTest fin[] = {
		cmocka_unit_test(untrapped_before_finalize),
		cmocka_unit_test(init_before_finalize_cascade),
		cmocka_unit_test(finalize_twice),
	};
	const struct CMUnitTest version[] = {
		cmocka_unit_test(invalid_before_version),
		cmocka_unit_test(version_rules),
		cmocka_unit_test(version_downgrade),
		cmocka_unit_test(post_init_min_buffer),
		cmocka_unit_test(no_ffa_at_el3),
		cmocka_unit_test(smc32_forward_keeps_upper_halves),
		cmocka_unit_test(unlisted_ffa_ids),
		cmocka_unit_test(version_bit31_ignored),
		cmocka_unit_test(features_hint_not_masked),
		cmocka_unit_test(descriptor_buffer_size),
	};
	const struct CMUnitTest features[] = {
		cmocka_unit_test(deny_list),
		cmocka_unit_test(features_answered_by_pkvm),
	};
	const struct CMUnitTest rxtx[] = {
		cmocka_unit_test(rxtx_map),
		cmocka_unit_test(rxtx_map_rollback),
		cmocka_unit_test(rxtx_16k_pages),
	};
	const struct CMUnitTest misc[] = {
		cmocka_unit_test(partinfo),
		cmocka_unit_test(passthrough),
		cmocka_unit_test(profile_errors),
	};
	const struct CMUnitTest mem[] = {
		cmocka_unit_test(mem_share_reclaim),   cmocka_unit_test(mem_share_invalid),
		cmocka_unit_test(mem_share_ownership), cmocka_unit_test(mem_share_huge_constituent),
		cmocka_unit_test(mem_share_fragments), cmocka_unit_test(mem_share_zero_pages),
	};
	int f = 0;
	f += cmocka_run_group_tests_name("pkvm finalisation", fin, NULL, NULL);
	f += cmocka_run_group_tests_name("pkvm FFA_VERSION", version, NULL, NULL);
	f += cmocka_run_group_tests_name("pkvm deny list, FFA_FEATURES", features, NULL, NULL);
	f += cmocka_run_group_tests_name("pkvm RX/TX", rxtx, NULL, NULL);
	f += cmocka_run_group_tests_name("pkvm PARTITION_INFO_GET, passthrough", misc, NULL, NULL);
	f += cmocka_run_group_tests_name("pkvm MEM_SHARE/LEND/FRAG_TX/RECLAIM", mem, NULL, NULL);
	return f ? 1 : 0;
}
