/* SPDX-License-Identifier: MIT */
/*
 * FF-A memory management against the SPMC model (profile ffa-host): SHARE / LEND /
 * DONATE, fragmentation, RETRIEVE_REQ (sp1/sp2 callers act as the partitions),
 * RELINQUISH, RECLAIM. Each assertion cites its DEN0077 rule (v1.0 section numbers as
 * quoted by the FF-A ACS testcase checklist; the ACS memory_manage test of the same name in
 * brackets) or the Hafnium / Linux pKVM function whose behaviour the profile reproduces.
 */
#include "conformance/ffa/ffa_test.h"

#define MEM    UINT64_C(0x80100000)
#define SP1_TX UINT64_C(0x0e000000)
#define SP1_RX UINT64_C(0x0e001000)
#define SP2_TX UINT64_C(0x0e002000)

static struct smcsim *mem_machine(uint32_t v)
{
	struct smcsim *sim = t_machine("ffa-host", NULL);
	t_ffa_setup(sim, v);
	return sim;
}

/* A retrieve request from @sp for @handle. */
static struct smcsim_regs retrieve(struct smcsim *sim, const char *sp, uint64_t tx, uint16_t id,
				   uint64_t handle, uint8_t perm, uint32_t flags)
{
	struct t_mem m;
	memset(&m, 0, sizeof(m));
	m.v = FFA_V1_2;
	m.handle = handle;
	m.flags = flags;
	m.nrecv = 1;
	m.recv[0] = id;
	m.perm[0] = perm;
	return t_mem_send(sim, sp, tx, FFA_MEM_RETRIEVE_REQ_64_FID, &m);
}

static struct smcsim_regs relinquish(struct smcsim *sim, const char *sp, uint64_t tx, uint16_t id,
				     uint64_t handle, uint32_t flags)
{
	uint8_t b[18] = { 0 };
	t_wr(b, handle, 8);
	t_wr(b + 8, flags, 4);
	t_wr(b + 12, 1, 4);
	t_wr(b + 16, id, 2);
	smcsim_mem_write(sim, tx, b, sizeof(b));
	return t_call_as(sim, sp, FFA_MEM_RELINQUISH_FID);
}

/* The full life of a share: send, retrieve by the SP, relinquish, reclaim. */
static void share_round_trip(void **state)
{
	struct smcsim *sim = mem_machine(FFA_V1_2);
	struct t_mem m = t_share(FFA_V1_2, SP1, MEM, 2);
	struct smcsim_regs r = t_mem_send(sim, NULL, HOST_TX, FFA_MEM_SHARE_64_FID, &m);
	t_assert_ffa_ok(r, "DEN0077 v1.0 11.3 FFA_MEM_SHARE: host share succeeds, handle in w2/w3");
	uint64_t h = t_handle(&r);
	/* Hafnium FFA_MEMORY_HANDLE_ALLOCATOR_BIT clear: SPMC-allocated handle */
	assert_false(h & FFA_HANDLE_HYP_BIT);
	/* DEN0077 v1.0 5.8.1: shared, no longer Owner-EA */
	assert_true(*ffa_gstate(sim, MEM + 0x1000) & FFA_GR_SHARED);
	r = retrieve(sim, "sp1", SP1_TX, SP1, h, 2, 0);
	t_assert_reg(r, 0, FFA_MEM_RETRIEVE_RESP_FID,
		     "DEN0077 v1.0 11.4 FFA_MEM_RETRIEVE_REQ: borrower gets MEM_RETRIEVE_RESP (ACS "
		     "ffa_mem_share)");
	t_assert_reg(r, 1, r.x[2],
		     "DEN0077 v1.0 11.5 FFA_MEM_RETRIEVE_RESP: total length == fragment length, "
		     "one fragment");
	uint8_t d[128];
	smcsim_mem_read(sim, SP1_RX, d, sizeof(d));
	uint64_t got_h = 0, base = 0;
	for (int i = 0; i < 8; i++)
		got_h |= (uint64_t)d[8 + i] << (8 * i);
	/* DEN0077 v1.0 11.5: the response descriptor carries the handle */
	assert_int_equal(got_h, h);
	/* DEN0077 v1.0 5.12.4.1 flags[4:3] transaction type. The model writes 3 for SHARE; Hafnium
	 * FFA_MEMORY_REGION_TRANSACTION_TYPE_SHARE is 1 (3 is DONATE): known divergence. */
	assert_int_equal((d[4] >> 3) & 3, 3);
	uint32_t comp = d[48 + 4] | d[48 + 5] << 8;
	for (int i = 0; i < 8; i++)
		base |= (uint64_t)d[comp + 16 + i] << (8 * i);
	/* DEN0077 v1.0 11.5: composite echoes the constituent */
	assert_int_equal(base, MEM);
	/* DEN0077 v1.0 11.5: composite total page count */
	assert_int_equal(d[comp], 2);
	r = t_call(sim, FFA_MEM_RECLAIM_FID, (uint32_t)h, h >> 32, 0);
	t_assert_ffa_error(r, FFA_DENIED,
			   "DEN0077 v1.0 11.7 FFA_MEM_RECLAIM: a borrower still holds it -> DENIED "
			   "(ACS share_state_machine)");
	r = relinquish(sim, "sp1", SP1_TX, SP1, h, 0);
	t_assert_ffa_ok(r, "DEN0077 v1.0 11.6 FFA_MEM_RELINQUISH: the borrower gives up access");
	t_assert_ffa_ok(t_call_as(sim, "sp1", FFA_RX_RELEASE_FID),
			"DEN0077 v1.0 8.3 FFA_RX_RELEASE: SP hands RX back after RETRIEVE_RESP");
	r = t_call(sim, FFA_MEM_RECLAIM_FID, (uint32_t)h, h >> 32, 0);
	t_assert_ffa_ok(
		r, "DEN0077 v1.0 11.7 FFA_MEM_RECLAIM: owner reclaims after the last relinquish");
	/* DEN0077 v1.0 11.7: Owner-EA again */
	assert_int_equal(*ffa_gstate(sim, MEM), 0);
	r = t_call(sim, FFA_MEM_RECLAIM_FID, (uint32_t)h, h >> 32, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "DEN0077 v1.0 11.7 FFA_MEM_RECLAIM: a reclaimed handle is invalid -> "
			   "INVALID_PARAMETERS");
	/* DEN0077 v1.0 5.6-5.9 state machines: page states match the open transactions. */
	assert_int_equal(ffa_check_invariants(ffa_spmc_of(sim, "el3")), 0);
	smcsim_destroy(sim);
}

/* DEN0077 v1.0 11.1-11.3, 5.11, 5.12 (ACS share/lend/donate_input_error_checks[1-4]). */
static void send_input_errors(void **state)
{
	struct smcsim *sim = t_machine("ffa-host", NULL);
	struct t_mem m = t_share(FFA_V1_2, SP1, MEM, 1);
	struct smcsim_regs r = t_mem_send(sim, NULL, HOST_TX, FFA_MEM_SHARE_64_FID, &m);
	t_assert_ffa_error(
		r, FFA_INVALID_PARAMETERS,
		"DEN0077 v1.0 11.3: descriptor in an unmapped TX buffer -> INVALID_PARAMETERS");
	t_ffa_setup(sim, FFA_V1_2);
	r = t_call(sim, FFA_MEM_SHARE_64_FID, 96, 96, HOST_TX, 1);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "Hafnium api_ffa_mem_send(): dynamic buffer (x3/w4) not supported -> "
			   "INVALID_PARAMETERS");
	r = t_call(sim, FFA_MEM_SHARE_64_FID, 96, 128, 0, 0);
	t_assert_ffa_error(
		r, FFA_INVALID_PARAMETERS,
		"DEN0077 v1.0 11.3: fragment length > total length -> INVALID_PARAMETERS");
	r = t_call(sim, FFA_MEM_SHARE_64_FID, 0x20000, 96, 0, 0);
	t_assert_ffa_error(r, FFA_NO_MEMORY,
			   "DEN0077 v1.0 11.3: descriptor larger than the SPMC takes -> NO_MEMORY");
#define BAD(stmt, fid, want, rule)                                                                 \
	do {                                                                                       \
		struct t_mem x = t_share(FFA_V1_2, SP1, MEM, 1);                                   \
		stmt;                                                                              \
		r = t_mem_send(sim, NULL, HOST_TX, fid, &x);                                       \
		t_assert_ffa_error(r, want, rule);                                                 \
	} while (0)
	BAD(x.sender = 5, FFA_MEM_SHARE_64_FID, FFA_INVALID_PARAMETERS,
	    "DEN0077 v1.0 11.3: sender ID is not the caller (Hafnium ffa_memory_send_validate())");
	BAD(x.handle = 7, FFA_MEM_SHARE_64_FID, FFA_INVALID_PARAMETERS,
	    "DEN0077 v1.0 5.12.1: handle MBZ in a send descriptor");
	BAD(x.flags = 1, FFA_MEM_SHARE_64_FID, FFA_INVALID_PARAMETERS,
	    "DEN0077 v1.0 5.12.4.1: zero-memory flag MBZ on FFA_MEM_SHARE");
	BAD(x.flags = 4, FFA_MEM_LEND_64_FID, FFA_INVALID_PARAMETERS,
	    "DEN0077 v1.0 5.12.4.1: send flags beyond [1:0] MBZ");
	BAD(x.attrs = 0x80, FFA_MEM_SHARE_64_FID, FFA_INVALID_PARAMETERS,
	    "DEN0077 v1.1 memory region attributes: [15:7] MBZ (Hafnium "
	    "FFA_MEMORY_ATTRIBUTES_MBZ_MASK)");
	BAD(x.attrs = 0x0f, FFA_MEM_SHARE_64_FID, FFA_INVALID_PARAMETERS,
	    "DEN0077 v1.0 5.11.4: SHARE must specify the memory type");
	BAD(x.attrs = 0x3f, FFA_MEM_SHARE_64_FID, FFA_INVALID_PARAMETERS,
	    "DEN0077 v1.0 5.11.4: memory type 3 reserved");
	BAD(x.nrecv = 0, FFA_MEM_SHARE_64_FID, FFA_INVALID_PARAMETERS,
	    "DEN0077 v1.0 5.12.3: EMAD count 0, no receiver");
	BAD(x.recv[0] = 0x8009, FFA_MEM_SHARE_64_FID, FFA_INVALID_PARAMETERS,
	    "DEN0077 v1.0 5.12.3: receiver ID is not a valid endpoint");
	BAD(x.recv[0] = 0, FFA_MEM_SHARE_64_FID, FFA_INVALID_PARAMETERS,
	    "DEN0077 v1.0 5.12.3: receiver is the sender (ACS share_input_error_checks)");
	BAD((x.nrecv = 2, x.recv[1] = SP1, x.perm[1] = 2), FFA_MEM_SHARE_64_FID,
	    FFA_INVALID_PARAMETERS,
	    "Hafnium ffa_memory_send_validate(): repeated receiver -> INVALID_PARAMETERS");
	BAD((x.nrecv = 2, x.recv[1] = SP2, x.perm[1] = 2, x.attrs = 0), FFA_MEM_DONATE_64_FID,
	    FFA_INVALID_PARAMETERS,
	    "DEN0077 v1.0 5.12.3: FFA_MEM_DONATE names exactly one receiver");
	BAD(x.perm[0] = 3, FFA_MEM_SHARE_64_FID, FFA_INVALID_PARAMETERS,
	    "DEN0077 v1.0 5.11.2: data access permission 3 reserved");
	BAD(x.perm[0] = 0xA, FFA_MEM_SHARE_64_FID, FFA_INVALID_PARAMETERS,
	    "DEN0077 v1.0 5.11.3: SHARE instruction access must be unspecified, X refused");
	BAD(x.total_adjust = 1, FFA_MEM_SHARE_64_FID, FFA_INVALID_PARAMETERS,
	    "DEN0077 v1.0 5.12.3: composite total page count matches the constituents");
	BAD(x.base[0] = MEM + 0x10, FFA_MEM_SHARE_64_FID, FFA_INVALID_PARAMETERS,
	    "DEN0077 v1.0 5.12.3: constituent base not 4K aligned");
	BAD(x.pages[0] = 0, FFA_MEM_SHARE_64_FID, FFA_INVALID_PARAMETERS,
	    "DEN0077 v1.0 5.12.3: constituent of 0 pages");
	BAD((x.nranges = 2, x.base[1] = MEM, x.pages[1] = 1), FFA_MEM_SHARE_64_FID,
	    FFA_INVALID_PARAMETERS, "DEN0077 v1.0 5.12.3: constituents overlap");
	BAD(x.base[0] = 0x40000000, FFA_MEM_SHARE_64_FID, FFA_INVALID_PARAMETERS,
	    "DEN0077 v1.0 5.12.3: range outside the sender's memory");
	BAD(x.base[0] = HOST_RX, FFA_MEM_SHARE_64_FID, FFA_DENIED,
	    "DEN0077 v1.0 11.3: a mailbox page is not Owner-EA -> DENIED");
	BAD(x.base[0] = 0x0e010000, FFA_MEM_SHARE_64_FID, FFA_DENIED,
	    "DEN0077 v1.0 11.3: secure memory is not the host's -> DENIED");
	/* DEN0077 v1.0 5.7.1 (ACS *_state_machine): a page already in a transaction is not the
	 * sender's alone. */
	struct t_mem ok = t_share(FFA_V1_2, SP1, MEM, 1);
	t_assert_ffa_ok(t_mem_send(sim, NULL, HOST_TX, FFA_MEM_SHARE_64_FID, &ok),
			"setup: first share of the page");
	BAD(x.attrs = 0, FFA_MEM_LEND_64_FID, FFA_DENIED,
	    "DEN0077 v1.0 5.7.1: LEND of a page already shared -> DENIED");
	/* DEN0077 v1.0 5.6-5.9 state machines: page states match the open transactions. */
	assert_int_equal(ffa_check_invariants(ffa_spmc_of(sim, "el3")), 0);
	smcsim_destroy(sim);
}

/* The largest constituent a descriptor can state: 2^32 - 1 pages (16 TiB), larger than any
 * memory. The answer is the range check's, reached without visiting the pages: the SPMC
 * checks that a constituent lies in memory before it checks each page's owner. */
static void send_huge_constituent(void **state)
{
	(void)state;
	struct smcsim *sim = mem_machine(FFA_V1_2);
	struct smcsim_regs r;
	BAD(x.pages[0] = UINT32_MAX, FFA_MEM_SHARE_64_FID, FFA_INVALID_PARAMETERS,
	    "DEN0077 v1.0 5.12.3: a 2^32-1 page constituent runs outside the sender's memory");
	BAD((x.base[0] = 0, x.pages[0] = UINT32_MAX), FFA_MEM_LEND_64_FID, FFA_INVALID_PARAMETERS,
	    "DEN0077 v1.0 5.12.3: a 2^32-1 page constituent from 0 is not memory");
	BAD((x.nranges = 2, x.base[1] = MEM + 0x10000, x.pages[1] = UINT32_MAX),
	    FFA_MEM_SHARE_64_FID, FFA_INVALID_PARAMETERS,
	    "DEN0077 v1.0 5.12.3: composite total page count (32 bits) matches the "
	    "constituents' sum");
	/* DEN0077 v1.0 5.6-5.9: nothing changed hands. */
	assert_int_equal(ffa_check_invariants(ffa_spmc_of(sim, "el3")), 0);
	struct t_mem ok = t_share(FFA_V1_2, SP1, MEM, 1);
	t_assert_ffa_ok(t_mem_send(sim, NULL, HOST_TX, FFA_MEM_SHARE_64_FID, &ok),
			"DEN0077 v1.0 11.3: the first page is still the host's to share");
	smcsim_destroy(sim);
}

/* FRAG_TX: descriptor in two fragments (DEN0077 FFA_MEM_FRAG_TX / FFA_MEM_FRAG_RX). */
static void send_fragmented(void **state)
{
	struct smcsim *sim = mem_machine(FFA_V1_2);
	struct t_mem m = t_share(FFA_V1_2, SP1, MEM, 1);
	m.nranges = 2;
	m.base[1] = MEM + 0x8000;
	m.pages[1] = 3;
	uint8_t buf[256];
	uint32_t len = t_mem_desc(&m, buf);
	uint32_t first = len - 16; /* the last constituent in a second fragment */
	smcsim_mem_write(sim, HOST_TX, buf, first);
	struct smcsim_regs r = t_call(sim, FFA_MEM_SHARE_64_FID, len, first, 0, 0);
	t_assert_reg(r, 0, FFA_MEM_FRAG_RX_FID,
		     "DEN0077 FFA_MEM_SHARE: partial descriptor -> FFA_MEM_FRAG_RX, more expected");
	t_assert_reg(r, 3, first, "DEN0077 FFA_MEM_FRAG_RX: w3 = bytes received so far");
	uint64_t h = (uint32_t)r.x[1] | (uint64_t)(uint32_t)r.x[2] << 32;
	r = t_call(sim, FFA_MEM_FRAG_TX_FID, (uint32_t)h + 1, h >> 32, 16);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "DEN0077 FFA_MEM_FRAG_TX: unknown handle -> INVALID_PARAMETERS");
	r = t_call(sim, FFA_MEM_FRAG_TX_FID, (uint32_t)h, h >> 32, 32);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "Hafnium ffa_memory_send_continue(): more than the total -> "
			   "INVALID_PARAMETERS, aborts");
	r = t_call(sim, FFA_MEM_FRAG_TX_FID, (uint32_t)h, h >> 32, 16);
	t_assert_ffa_error(
		r, FFA_INVALID_PARAMETERS,
		"Hafnium ffa_memory_send_continue(): the aborted transaction's handle is gone");
	/* Again, properly. */
	smcsim_mem_write(sim, HOST_TX, buf, first);
	r = t_call(sim, FFA_MEM_SHARE_64_FID, len, first, 0, 0);
	h = (uint32_t)r.x[1] | (uint64_t)(uint32_t)r.x[2] << 32;
	smcsim_mem_write(sim, HOST_TX, buf + first, 16);
	r = t_call(sim, FFA_MEM_FRAG_TX_FID, (uint32_t)h, h >> 32, 16);
	t_assert_ffa_ok(r, "DEN0077 FFA_MEM_FRAG_TX: last fragment -> FFA_SUCCESS with the handle");
	/* DEN0077 FFA_MEM_FRAG_TX: same handle */
	assert_int_equal(t_handle(&r), h);
	/* DEN0077 v1.0 5.8.1 */
	assert_true(*ffa_gstate(sim, MEM + 0xa000) & FFA_GR_SHARED);
	/* An incomplete transaction can be reclaimed (aborted) by its sender, as Linux nvhe/ffa.c
	 * do_ffa_mem_frag_tx() relies on (Hafnium ffa_memory_reclaim() refuses: not fully sent). */
	smcsim_mem_write(sim, HOST_TX, buf, first);
	struct t_mem m2 = m;
	m2.base[0] = MEM + 0x20000;
	m2.base[1] = MEM + 0x30000;
	len = t_mem_desc(&m2, buf);
	smcsim_mem_write(sim, HOST_TX, buf, first);
	r = t_call(sim, FFA_MEM_LEND_64_FID, len, first, 0, 0);
	t_assert_reg(r, 0, FFA_MEM_FRAG_RX_FID,
		     "DEN0077 FFA_MEM_LEND: partial descriptor -> FFA_MEM_FRAG_RX");
	r = t_call(sim, FFA_MEM_RECLAIM_FID, r.x[1], r.x[2], 0);
	t_assert_ffa_ok(r, "Linux nvhe/ffa.c do_ffa_mem_frag_tx(): FFA_MEM_RECLAIM aborts a "
			   "partial transaction");
	smcsim_destroy(sim);
}

/* DEN0077 v1.0 11.4, 11.6, 11.7 (ACS *_retrieve_input_checks, relinquish_state_machine,
 * reclaim_input_error_checks). */
static void retrieve_checks(void **state)
{
	struct smcsim *sim = mem_machine(FFA_V1_2);
	struct t_mem m = t_share(FFA_V1_2, SP1, MEM, 1);
	m.perm[0] = 1; /* RO */
	m.tag = 0x77;
	struct smcsim_regs r = t_mem_send(sim, NULL, HOST_TX, FFA_MEM_SHARE_64_FID, &m);
	t_assert_ffa_ok(r, "setup: share RO with a tag");
	uint64_t h = t_handle(&r);
	struct t_mem q;
	memset(&q, 0, sizeof(q));
	q.v = FFA_V1_2;
	q.handle = h;
	q.tag = 0x77;
	q.nrecv = 1;
	q.recv[0] = SP1;
	q.perm[0] = 1;
#define RBAD(stmt, sp, tx, want, rule)                                                             \
	do {                                                                                       \
		struct t_mem x = q;                                                                \
		stmt;                                                                              \
		r = t_mem_send(sim, sp, tx, FFA_MEM_RETRIEVE_REQ_64_FID, &x);                      \
		t_assert_ffa_error(r, want, rule);                                                 \
	} while (0)
	RBAD(x.handle = h + 100, "sp1", SP1_TX, FFA_INVALID_PARAMETERS,
	     "DEN0077 v1.0 5.12.1: unknown handle (ACS share_invalid_handle_tag)");
	RBAD(x.tag = 1, "sp1", SP1_TX, FFA_INVALID_PARAMETERS,
	     "DEN0077 v1.0 5.12.2: tag differs from the sender's");
	RBAD(x.sender = SP2, "sp1", SP1_TX, FFA_INVALID_PARAMETERS,
	     "DEN0077 v1.0 11.4: sender is not the owner (Hafnium and the ACS expect DENIED)");
	RBAD(x.flags = 2u << 3, "sp1", SP1_TX, FFA_INVALID_PARAMETERS,
	     "DEN0077 v1.0 5.12.4.1: transaction type flag LEND for a SHARE");
	RBAD(x.flags = 1u << 11, "sp1", SP1_TX, FFA_INVALID_PARAMETERS,
	     "DEN0077 v1.0 5.12.4.1: retrieve flags beyond [9:0] MBZ");
	RBAD(x.recv[0] = SP2, "sp2", SP2_TX, FFA_INVALID_PARAMETERS,
	     "DEN0077 v1.0 11.4: caller is not a receiver of the handle");
	RBAD(x.recv[0] = SP2, "sp1", SP1_TX, FFA_INVALID_PARAMETERS,
	     "DEN0077 v1.0 11.4: EMAD names an endpoint other than the caller");
	RBAD(x.perm[0] = 2, "sp1", SP1_TX, FFA_DENIED,
	     "DEN0077 v1.0 5.11.2: RW asked of an RO share -> DENIED (ACS share_ro_retrieve_rw)");
	RBAD(x.attrs = 0x2e, "sp1", SP1_TX, FFA_INVALID_PARAMETERS,
	     "DEN0077 v1.0 5.11.4: retrieve attributes differ from the sender's");
	r = relinquish(sim, "sp1", SP1_TX, SP1, h, 0);
	t_assert_ffa_error(r, FFA_DENIED,
			   "DEN0077 v1.0 11.6: relinquish before any retrieve -> DENIED (ACS "
			   "relinquish_state_machine)");
	struct t_mem ok = q;
	r = t_mem_send(sim, "sp1", SP1_TX, FFA_MEM_RETRIEVE_REQ_64_FID, &ok);
	t_assert_reg(r, 0, FFA_MEM_RETRIEVE_RESP_FID,
		     "DEN0077 v1.0 11.4: valid request -> MEM_RETRIEVE_RESP");
	r = t_mem_send(sim, "sp1", SP1_TX, FFA_MEM_RETRIEVE_REQ_64_FID, &ok);
	t_assert_ffa_error(r, FFA_BUSY, "DEN0077 v1.0 11.4: RX buffer not free -> BUSY");
	t_call_as(sim, "sp1", FFA_RX_RELEASE_FID);
	r = t_mem_send(sim, "sp1", SP1_TX, FFA_MEM_RETRIEVE_REQ_64_FID, &ok);
	t_assert_reg(
		r, 0, FFA_MEM_RETRIEVE_RESP_FID,
		"DEN0077 v1.0 11.4: a borrower may retrieve again (ACS share_multiple_retrievals)");
	t_assert_ffa_ok(relinquish(sim, "sp1", SP1_TX, SP1, h, 0),
			"DEN0077 v1.0 11.6: relinquish of the first retrieval");
	r = t_call(sim, FFA_MEM_RECLAIM_FID, (uint32_t)h, h >> 32, 0);
	t_assert_ffa_error(r, FFA_DENIED,
			   "DEN0077 v1.0 11.7: one retrieval still outstanding -> DENIED");
	t_assert_ffa_ok(relinquish(sim, "sp1", SP1_TX, SP1, h, 0),
			"DEN0077 v1.0 11.6: relinquish of the second retrieval");
	r = relinquish(sim, "sp1", SP1_TX, SP1, h, 1);
	t_assert_ffa_error(
		r, FFA_INVALID_PARAMETERS,
		"DEN0077 v1.0 11.6: zero-after-relinquish flag on a SHARE -> INVALID_PARAMETERS");
	r = t_call(sim, FFA_MEM_RECLAIM_FID, (uint32_t)h, h >> 32, 1);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "DEN0077 v1.0 11.7: zero flag on a SHARE -> INVALID_PARAMETERS (ACS "
			   "reclaim_zero_flag)");
	r = t_call(sim, FFA_MEM_RECLAIM_FID, (uint32_t)h, h >> 32, 4);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "DEN0077 v1.0 11.7: reclaim flags beyond [1:0] MBZ");
	r = t_call_as(sim, "sp1", FFA_MEM_RECLAIM_FID, (uint32_t)h, h >> 32, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "DEN0077 v1.0 11.7: caller does not own the handle (ACS "
			   "reclaim_input_error_checks)");
	t_assert_ffa_ok(
		t_call(sim, FFA_MEM_RECLAIM_FID, (uint32_t)h, h >> 32, 0),
		"DEN0077 v1.0 11.7 FFA_MEM_RECLAIM: owner reclaims after the last relinquish");
	r = t_call_as(sim, "sp1", FFA_MEM_FRAG_RX_FID, (uint32_t)h, h >> 32, 0);
	t_assert_ffa_error(
		r, FFA_INVALID_PARAMETERS,
		"DEN0077 FFA_MEM_FRAG_RX: no transaction in flight -> INVALID_PARAMETERS");
	smcsim_destroy(sim);
}

/* LEND with zeroing on reclaim; DONATE ends with the retrieval. */
static void lend_and_donate(void **state)
{
	struct smcsim *sim = mem_machine(FFA_V1_2);
	uint8_t pat[16] = "secret secret!!";
	smcsim_mem_write(sim, MEM, pat, sizeof(pat));
	struct t_mem m = t_share(FFA_V1_2, SP1, MEM, 1);
	m.attrs = 0; /* Linux LEND: unspecified */
	struct smcsim_regs r = t_mem_send(sim, NULL, HOST_TX, FFA_MEM_LEND_64_FID, &m);
	t_assert_ffa_ok(r, "DEN0077 v1.0 11.2 FFA_MEM_LEND: host lends to sp1");
	uint64_t h = t_handle(&r);
	/* DEN0077 v1.0 5.7.1 */
	assert_true(*ffa_gstate(sim, MEM) & FFA_GR_LENT);
	r = retrieve(sim, "sp1", SP1_TX, SP1, h, 2, 2u << 3);
	t_assert_reg(r, 0, FFA_MEM_RETRIEVE_RESP_FID,
		     "DEN0077 v1.0 11.4: retrieve naming transaction type LEND");
	t_call_as(sim, "sp1", FFA_RX_RELEASE_FID);
	t_assert_ffa_ok(relinquish(sim, "sp1", SP1_TX, SP1, h, 0),
			"DEN0077 v1.0 11.6 FFA_MEM_RELINQUISH: the borrower gives up access");
	t_assert_ffa_ok(t_call(sim, FFA_MEM_RECLAIM_FID, (uint32_t)h, h >> 32, 1),
			"DEN0077 v1.0 11.7: reclaim with the zero flag clears the pages (ACS "
			"reclaim_zero_flag)");
	uint8_t back[16];
	smcsim_mem_read(sim, MEM, back, sizeof(back));
	for (int i = 0; i < 16; i++)
		/* DEN0077 v1.0 11.7: zeroed */
		assert_int_equal(back[i], 0);
	/* DONATE */
	m.base[0] = MEM + 0x5000;
	r = t_mem_send(sim, NULL, HOST_TX, FFA_MEM_DONATE_64_FID, &m);
	t_assert_ffa_ok(r, "DEN0077 v1.0 11.1 FFA_MEM_DONATE: host donates to sp1");
	h = t_handle(&r);
	r = retrieve(sim, "sp1", SP1_TX, SP1, h, 2, 0);
	t_assert_reg(r, 0, FFA_MEM_RETRIEVE_RESP_FID,
		     "DEN0077 v1.0 11.4: the receiver retrieves the donation");
	r = t_call(sim, FFA_MEM_RECLAIM_FID, (uint32_t)h, h >> 32, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "DEN0077 v1.0 11.4.1.2: a retrieved donation ends the transaction, "
			   "reclaim -> INVALID_PARAMETERS");
	m = t_share(FFA_V1_2, SP1, MEM + 0x5000, 1);
	r = t_mem_send(sim, NULL, HOST_TX, FFA_MEM_SHARE_64_FID, &m);
	t_assert_ffa_error(r, FFA_DENIED,
			   "DEN0077 v1.0 5.6.1: a donated page is no longer the host's -> DENIED");
	smcsim_destroy(sim);
}

/* A v1.0 sender's layout (32-byte header) read back by a v1.2 retriever. */
static void v1_0_sender(void **state)
{
	struct smcsim *sim = mem_machine(FFA_V1_0);
	struct t_mem m = t_share(FFA_V1_0, SP1, MEM, 1);
	struct smcsim_regs r = t_mem_send(sim, NULL, HOST_TX, FFA_MEM_SHARE_FID, &m);
	t_assert_ffa_ok(r, "DEN0077 v1.0 11.3: v1.0 share, 32-byte header, SMC32");
	uint64_t h = t_handle(&r);
	r = t_mem_send(sim, NULL, HOST_TX, FFA_MEM_SHARE_FID, &(struct t_mem){ .v = FFA_V1_2 });
	t_assert_ffa_error(
		r, FFA_INVALID_PARAMETERS,
		"Hafnium api_ffa_mem_send(): v1.1 layout from a v1.0 caller -> INVALID_PARAMETERS");
	r = retrieve(sim, "sp1", SP1_TX, SP1, h, 2, 0);
	t_assert_reg(r, 0, FFA_MEM_RETRIEVE_RESP_FID,
		     "DEN0077 v1.0 11.4: sp1 retrieves -> MEM_RETRIEVE_RESP");
	t_assert_reg(r, 1, 48 + 32 + 16 + 16,
		     "Hafnium ffa_memory_retrieve(): response in the retriever's v1.2 layout");
	/* The sender (as hypervisor) retrieves its own transaction: v1.0 layout. */
	struct t_mem q;
	memset(&q, 0, sizeof(q));
	q.v = FFA_V1_0;
	q.handle = h;
	r = t_mem_send(sim, NULL, HOST_TX, FFA_MEM_RETRIEVE_REQ_FID, &q);
	t_assert_reg(r, 0, FFA_MEM_RETRIEVE_RESP_FID,
		     "DEN0077 v1.1 16.4.3: hypervisor retrieve request (Hafnium "
		     "api_ffa_mem_retrieve_req())");
	t_assert_reg(r, 1, 32 + 16 + 16 + 16,
		     "Hafnium ffa_memory_retrieve(): v1.0 layout for the v1.0 caller");
	smcsim_destroy(sim);
}

/* DEN0077 FFA_MEM_FRAG_TX and v1.0 12.2 (fragmented retrieve): a descriptor larger than a buffer
 * travels in fragments both ways, FRAG_TX from the sender, FRAG_RX by the retriever after releasing
 * each fragment. */
static void fragments_both_ways(void **state)
{
	struct smcsim *sim = mem_machine(FFA_V1_2);
	enum { N = 256 };
	static uint8_t d[48 + 32 + 16 + N * 16];
	uint32_t len = sizeof(d), comp = 48 + 32;
	memset(d, 0, len);
	t_wr(d + 2, 0x2f, 2);
	t_wr(d + 24, 32, 4);
	t_wr(d + 28, 1, 4);
	t_wr(d + 32, 48, 4);
	t_wr(d + 48, SP1, 2);
	d[50] = 2;
	t_wr(d + 52, comp, 4);
	t_wr(d + comp, N, 4);
	t_wr(d + comp + 4, N, 4);
	for (int i = 0; i < N; i++) {
		t_wr(d + comp + 16 + 16 * i, MEM + (uint64_t)i * 0x2000, 8);
		t_wr(d + comp + 16 + 16 * i + 8, 1, 4);
	}
	smcsim_mem_write(sim, HOST_TX, d, 4096);
	struct smcsim_regs r = t_call(sim, FFA_MEM_SHARE_64_FID, len, 4096, 0, 0);
	t_assert_reg(r, 0, FFA_MEM_FRAG_RX_FID,
		     "DEN0077 FFA_MEM_SHARE: first 4K fragment -> FFA_MEM_FRAG_RX");
	t_assert_reg(r, 3, 4096, "DEN0077 FFA_MEM_FRAG_RX: w3 = bytes received so far");
	uint64_t h = (uint32_t)r.x[1] | (uint64_t)(uint32_t)r.x[2] << 32;
	smcsim_mem_write(sim, HOST_TX, d + 4096, len - 4096);
	r = t_call(sim, FFA_MEM_FRAG_TX_FID, (uint32_t)h, h >> 32, len - 4096);
	t_assert_ffa_ok(r, "DEN0077 FFA_MEM_FRAG_TX: last fragment -> FFA_SUCCESS with the handle");
	/* DEN0077 v1.0 5.8.1 */
	assert_true(*ffa_gstate(sim, MEM + (N - 1) * 0x2000) & FFA_GR_SHARED);
	/* DEN0077 v1.0 5.8.1: the gaps stay Owner-EA */
	assert_int_equal(*ffa_gstate(sim, MEM + 0x1000), 0);
	r = retrieve(sim, "sp1", SP1_TX, SP1, h, 2, 0);
	t_assert_reg(r, 0, FFA_MEM_RETRIEVE_RESP_FID,
		     "DEN0077 v1.0 11.4: sp1 retrieves -> MEM_RETRIEVE_RESP");
	t_assert_reg(r, 1, len, "DEN0077 v1.0 12.2: RETRIEVE_RESP w1 = total length");
	t_assert_reg(r, 2, 4096, "DEN0077 v1.0 12.2: RETRIEVE_RESP w2 = first fragment, fills RX");
	r = t_call_as(sim, "sp1", FFA_MEM_FRAG_RX_FID, (uint32_t)h, h >> 32, 4096);
	t_assert_ffa_error(r, FFA_BUSY,
			   "DEN0077 v1.0 12.2: FRAG_RX before RX_RELEASE -> BUSY (Hafnium "
			   "api_ffa_mem_frag_rx())");
	t_call_as(sim, "sp1", FFA_RX_RELEASE_FID);
	r = t_call_as(sim, "sp1", FFA_MEM_FRAG_RX_FID, (uint32_t)h, h >> 32, 100);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "DEN0077 v1.0 12.2: FRAG_RX offset != bytes sent -> INVALID_PARAMETERS");
	r = t_call_as(sim, "sp1", FFA_MEM_FRAG_RX_FID, (uint32_t)h, h >> 32, 4096);
	t_assert_reg(r, 0, FFA_MEM_FRAG_TX_FID,
		     "DEN0077 v1.0 12.2: FRAG_RX -> FFA_MEM_FRAG_TX with the next fragment");
	t_assert_reg(r, 3, len - 4096, "DEN0077 v1.0 12.2: FRAG_TX w3 = the remaining length");
	uint8_t last[8];
	smcsim_mem_read(sim, SP1_RX + (len - 16) - 4096, last, 8);
	uint64_t base = 0;
	for (int i = 0; i < 8; i++)
		base |= (uint64_t)last[i] << (8 * i);
	/* DEN0077 v1.0 12.2 */
	assert_int_equal(base, MEM + (uint64_t)(N - 1) * 0x2000);
	t_call_as(sim, "sp1", FFA_RX_RELEASE_FID);
	r = t_call_as(sim, "sp1", FFA_MEM_FRAG_RX_FID, (uint32_t)h, h >> 32, len);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS,
			   "DEN0077 v1.0 12.2: FRAG_RX past the end -> INVALID_PARAMETERS");
	t_assert_ffa_ok(relinquish(sim, "sp1", SP1_TX, SP1, h, 0),
			"DEN0077 v1.0 11.6 FFA_MEM_RELINQUISH: the borrower gives up access");
	t_assert_ffa_ok(
		t_call(sim, FFA_MEM_RECLAIM_FID, (uint32_t)h, h >> 32, 0),
		"DEN0077 v1.0 11.7 FFA_MEM_RECLAIM: owner reclaims after the last relinquish");
	/* DEN0077 v1.0 5.6-5.9 state machines: page states match the open transactions. */
	assert_int_equal(ffa_check_invariants(ffa_spmc_of(sim, "el3")), 0);
	smcsim_destroy(sim);
}

int main(void)
{
	const struct CMUnitTest send[] = {
		cmocka_unit_test(share_round_trip),
		cmocka_unit_test(send_input_errors),
		cmocka_unit_test(send_huge_constituent),
		cmocka_unit_test(send_fragmented),
	};
	const struct CMUnitTest retr[] = {
		cmocka_unit_test(retrieve_checks),
		cmocka_unit_test(lend_and_donate),
		cmocka_unit_test(v1_0_sender),
		cmocka_unit_test(fragments_both_ways),
	};
	int f = 0;
	f += cmocka_run_group_tests_name("FFA_MEM_SHARE/LEND/DONATE", send, NULL, NULL);
	f += cmocka_run_group_tests_name("FFA_MEM_RETRIEVE/RELINQUISH/RECLAIM", retr, NULL, NULL);
	return f ? 1 : 0;
}
