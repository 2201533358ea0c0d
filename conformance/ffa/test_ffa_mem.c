/* SPDX-License-Identifier: MIT */
/*
 * FF-A memory management against the SPMC model (profile ffa-host): SHARE / LEND /
 * DONATE, fragmentation, RETRIEVE_REQ (sp1/sp2 callers act as the partitions),
 * RELINQUISH, RECLAIM. Rules: DEN0077 v1.1 chapters 10-11 as quoted by the FF-A ACS
 * memory_manage tests, named after them.
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
	t_assert_ffa_ok(r, "share");
	uint64_t h = t_handle(&r);
	assert_false(h & FFA_HANDLE_HYP_BIT); /* SPMC-allocated */
	assert_true(emu_granule(sim, MEM + 0x1000)->ffa & FFA_GR_SHARED);
	r = retrieve(sim, "sp1", SP1_TX, SP1, h, 2, 0);
	t_assert_reg(r, 0, FFA_MEM_RETRIEVE_RESP_FID, "ACS share_retrieve");
	t_assert_reg(r, 1, r.x[2], "one fragment");
	uint8_t d[128];
	smcsim_mem_read(sim, SP1_RX, d, sizeof(d));
	uint64_t got_h = 0, base = 0;
	for (int i = 0; i < 8; i++)
		got_h |= (uint64_t)d[8 + i] << (8 * i);
	assert_int_equal(got_h, h);
	assert_int_equal((d[4] >> 3) & 3, 3); /* flags: transaction type SHARE */
	uint32_t comp = d[48 + 4] | d[48 + 5] << 8;
	for (int i = 0; i < 8; i++)
		base |= (uint64_t)d[comp + 16 + i] << (8 * i);
	assert_int_equal(base, MEM);
	assert_int_equal(d[comp], 2); /* total pages */
	r = t_call(sim, FFA_MEM_RECLAIM_FID, (uint32_t)h, h >> 32, 0);
	t_assert_ffa_error(r, FFA_DENIED, "ACS share_state_machine: borrower holds it");
	r = relinquish(sim, "sp1", SP1_TX, SP1, h, 0);
	t_assert_ffa_ok(r, "relinquish");
	t_assert_ffa_ok(t_call_as(sim, "sp1", FFA_RX_RELEASE_FID), "SP releases RX");
	r = t_call(sim, FFA_MEM_RECLAIM_FID, (uint32_t)h, h >> 32, 0);
	t_assert_ffa_ok(r, "reclaim");
	assert_int_equal(emu_granule(sim, MEM)->ffa, 0);
	r = t_call(sim, FFA_MEM_RECLAIM_FID, (uint32_t)h, h >> 32, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "handle is gone");
	assert_int_equal(ffa_check_invariants(ffa_spmc_of(sim, "el3")), 0);
	smcsim_destroy(sim);
}

/* ACS share/lend/donate_input_error_checks[1-4]. */
static void send_input_errors(void **state)
{
	struct smcsim *sim = t_machine("ffa-host", NULL);
	struct t_mem m = t_share(FFA_V1_2, SP1, MEM, 1);
	struct smcsim_regs r = t_mem_send(sim, NULL, HOST_TX, FFA_MEM_SHARE_64_FID, &m);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "no TX buffer");
	t_ffa_setup(sim, FFA_V1_2);
	r = t_call(sim, FFA_MEM_SHARE_64_FID, 96, 96, HOST_TX, 1);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "dynamic buffer (x3/w4) not supported");
	r = t_call(sim, FFA_MEM_SHARE_64_FID, 96, 128, 0, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "fragment longer than total");
	r = t_call(sim, FFA_MEM_SHARE_64_FID, 0x20000, 96, 0, 0);
	t_assert_ffa_error(r, FFA_NO_MEMORY, "descriptor larger than the SPMC takes");
#define BAD(stmt, fid, want, rule)                                                                 \
	do {                                                                                       \
		struct t_mem x = t_share(FFA_V1_2, SP1, MEM, 1);                                   \
		stmt;                                                                              \
		r = t_mem_send(sim, NULL, HOST_TX, fid, &x);                                       \
		t_assert_ffa_error(r, want, rule);                                                 \
	} while (0)
	BAD(x.sender = 5, FFA_MEM_SHARE_64_FID, FFA_INVALID_PARAMETERS, "sender is not the caller");
	BAD(x.handle = 7, FFA_MEM_SHARE_64_FID, FFA_INVALID_PARAMETERS, "handle MBZ on send");
	BAD(x.flags = 1, FFA_MEM_SHARE_64_FID, FFA_INVALID_PARAMETERS, "zero flag on SHARE");
	BAD(x.flags = 4, FFA_MEM_LEND_64_FID, FFA_INVALID_PARAMETERS, "flags beyond [1:0]");
	BAD(x.attrs = 0x80, FFA_MEM_SHARE_64_FID, FFA_INVALID_PARAMETERS, "attributes [15:7] MBZ");
	BAD(x.attrs = 0x0f, FFA_MEM_SHARE_64_FID, FFA_INVALID_PARAMETERS,
	    "SHARE: type unspecified");
	BAD(x.attrs = 0x3f, FFA_MEM_SHARE_64_FID, FFA_INVALID_PARAMETERS, "memory type 3 reserved");
	BAD(x.nrecv = 0, FFA_MEM_SHARE_64_FID, FFA_INVALID_PARAMETERS, "no receiver");
	BAD(x.recv[0] = 0x8009, FFA_MEM_SHARE_64_FID, FFA_INVALID_PARAMETERS, "unknown receiver");
	BAD(x.recv[0] = 0, FFA_MEM_SHARE_64_FID, FFA_INVALID_PARAMETERS, "receiver is the sender");
	BAD((x.nrecv = 2, x.recv[1] = SP1, x.perm[1] = 2), FFA_MEM_SHARE_64_FID,
	    FFA_INVALID_PARAMETERS, "duplicate receiver");
	BAD((x.nrecv = 2, x.recv[1] = SP2, x.perm[1] = 2, x.attrs = 0), FFA_MEM_DONATE_64_FID,
	    FFA_INVALID_PARAMETERS, "DONATE has one receiver");
	BAD(x.perm[0] = 3, FFA_MEM_SHARE_64_FID, FFA_INVALID_PARAMETERS, "data access 3 reserved");
	BAD(x.perm[0] = 0xA, FFA_MEM_SHARE_64_FID, FFA_INVALID_PARAMETERS, "SHARE cannot grant X");
	BAD(x.total_adjust = 1, FFA_MEM_SHARE_64_FID, FFA_INVALID_PARAMETERS,
	    "total pages mismatch");
	BAD(x.base[0] = MEM + 0x10, FFA_MEM_SHARE_64_FID, FFA_INVALID_PARAMETERS, "unaligned");
	BAD(x.pages[0] = 0, FFA_MEM_SHARE_64_FID, FFA_INVALID_PARAMETERS, "empty constituent");
	BAD((x.nranges = 2, x.base[1] = MEM, x.pages[1] = 1), FFA_MEM_SHARE_64_FID,
	    FFA_INVALID_PARAMETERS, "overlapping constituents");
	BAD(x.base[0] = 0x40000000, FFA_MEM_SHARE_64_FID, FFA_INVALID_PARAMETERS, "outside memory");
	BAD(x.base[0] = HOST_RX, FFA_MEM_SHARE_64_FID, FFA_DENIED, "a mailbox page");
	BAD(x.base[0] = 0x0e010000, FFA_MEM_SHARE_64_FID, FFA_DENIED,
	    "secure memory from the host");
	/* ACS *_state_machine: a page already in a transaction is not the sender's alone. */
	struct t_mem ok = t_share(FFA_V1_2, SP1, MEM, 1);
	t_assert_ffa_ok(t_mem_send(sim, NULL, HOST_TX, FFA_MEM_SHARE_64_FID, &ok), "first share");
	BAD(x.attrs = 0, FFA_MEM_LEND_64_FID, FFA_DENIED, "page already shared");
	assert_int_equal(ffa_check_invariants(ffa_spmc_of(sim, "el3")), 0);
	smcsim_destroy(sim);
}

/* FRAG_TX: descriptor in two fragments (DEN0077 v1.1 11.3). */
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
	t_assert_reg(r, 0, FFA_MEM_FRAG_RX_FID, "more expected");
	t_assert_reg(r, 3, first, "bytes received");
	uint64_t h = (uint32_t)r.x[1] | (uint64_t)(uint32_t)r.x[2] << 32;
	r = t_call(sim, FFA_MEM_FRAG_TX_FID, (uint32_t)h + 1, h >> 32, 16);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "unknown handle");
	r = t_call(sim, FFA_MEM_FRAG_TX_FID, (uint32_t)h, h >> 32, 32);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "more than the total; aborts");
	r = t_call(sim, FFA_MEM_FRAG_TX_FID, (uint32_t)h, h >> 32, 16);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "the transaction was aborted");
	/* Again, properly. */
	smcsim_mem_write(sim, HOST_TX, buf, first);
	r = t_call(sim, FFA_MEM_SHARE_64_FID, len, first, 0, 0);
	h = (uint32_t)r.x[1] | (uint64_t)(uint32_t)r.x[2] << 32;
	smcsim_mem_write(sim, HOST_TX, buf + first, 16);
	r = t_call(sim, FFA_MEM_FRAG_TX_FID, (uint32_t)h, h >> 32, 16);
	t_assert_ffa_ok(r, "complete");
	assert_int_equal(t_handle(&r), h);
	assert_true(emu_granule(sim, MEM + 0xa000)->ffa & FFA_GR_SHARED);
	/* An incomplete transaction can be reclaimed (aborted) by its sender. */
	smcsim_mem_write(sim, HOST_TX, buf, first);
	struct t_mem m2 = m;
	m2.base[0] = MEM + 0x20000;
	m2.base[1] = MEM + 0x30000;
	len = t_mem_desc(&m2, buf);
	smcsim_mem_write(sim, HOST_TX, buf, first);
	r = t_call(sim, FFA_MEM_LEND_64_FID, len, first, 0, 0);
	t_assert_reg(r, 0, FFA_MEM_FRAG_RX_FID, "second transaction pending");
	r = t_call(sim, FFA_MEM_RECLAIM_FID, r.x[1], r.x[2], 0);
	t_assert_ffa_ok(r, "abort by reclaim");
	smcsim_destroy(sim);
}

/* ACS *_retrieve_input_checks, relinquish_state_machine, reclaim_input_error_checks. */
static void retrieve_checks(void **state)
{
	struct smcsim *sim = mem_machine(FFA_V1_2);
	struct t_mem m = t_share(FFA_V1_2, SP1, MEM, 1);
	m.perm[0] = 1; /* RO */
	m.tag = 0x77;
	struct smcsim_regs r = t_mem_send(sim, NULL, HOST_TX, FFA_MEM_SHARE_64_FID, &m);
	t_assert_ffa_ok(r, "share RO with a tag");
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
	RBAD(x.handle = h + 100, "sp1", SP1_TX, FFA_INVALID_PARAMETERS, "invalid_handle_tag");
	RBAD(x.tag = 1, "sp1", SP1_TX, FFA_INVALID_PARAMETERS, "wrong tag");
	RBAD(x.sender = SP2, "sp1", SP1_TX, FFA_INVALID_PARAMETERS, "wrong sender");
	RBAD(x.flags = 2u << 3, "sp1", SP1_TX, FFA_INVALID_PARAMETERS, "type LEND for a SHARE");
	RBAD(x.flags = 1u << 11, "sp1", SP1_TX, FFA_INVALID_PARAMETERS, "flags beyond 0x3FF");
	RBAD(x.recv[0] = SP2, "sp2", SP2_TX, FFA_INVALID_PARAMETERS, "not a receiver");
	RBAD(x.recv[0] = SP2, "sp1", SP1_TX, FFA_INVALID_PARAMETERS, "names someone else");
	RBAD(x.perm[0] = 2, "sp1", SP1_TX, FFA_DENIED, "ro_retrieve_rw");
	RBAD(x.attrs = 0x2e, "sp1", SP1_TX, FFA_INVALID_PARAMETERS, "attributes differ");
	r = relinquish(sim, "sp1", SP1_TX, SP1, h, 0);
	t_assert_ffa_error(r, FFA_DENIED, "relinquish_state_machine: nothing retrieved");
	struct t_mem ok = q;
	r = t_mem_send(sim, "sp1", SP1_TX, FFA_MEM_RETRIEVE_REQ_64_FID, &ok);
	t_assert_reg(r, 0, FFA_MEM_RETRIEVE_RESP_FID, "good request");
	r = t_mem_send(sim, "sp1", SP1_TX, FFA_MEM_RETRIEVE_REQ_64_FID, &ok);
	t_assert_ffa_error(r, FFA_BUSY, "RX still owned by the SP");
	t_call_as(sim, "sp1", FFA_RX_RELEASE_FID);
	r = t_mem_send(sim, "sp1", SP1_TX, FFA_MEM_RETRIEVE_REQ_64_FID, &ok);
	t_assert_reg(r, 0, FFA_MEM_RETRIEVE_RESP_FID, "multiple_retrievals");
	t_assert_ffa_ok(relinquish(sim, "sp1", SP1_TX, SP1, h, 0), "relinquish 1");
	r = t_call(sim, FFA_MEM_RECLAIM_FID, (uint32_t)h, h >> 32, 0);
	t_assert_ffa_error(r, FFA_DENIED, "one retrieval still outstanding");
	t_assert_ffa_ok(relinquish(sim, "sp1", SP1_TX, SP1, h, 0), "relinquish 2");
	r = relinquish(sim, "sp1", SP1_TX, SP1, h, 1);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "zero flag on a SHARE");
	r = t_call(sim, FFA_MEM_RECLAIM_FID, (uint32_t)h, h >> 32, 1);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "reclaim_zero_flag on SHARE");
	r = t_call(sim, FFA_MEM_RECLAIM_FID, (uint32_t)h, h >> 32, 4);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "reclaim flags MBZ");
	r = t_call_as(sim, "sp1", FFA_MEM_RECLAIM_FID, (uint32_t)h, h >> 32, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "reclaim_input_error_checks: not owner");
	t_assert_ffa_ok(t_call(sim, FFA_MEM_RECLAIM_FID, (uint32_t)h, h >> 32, 0), "reclaim");
	r = t_call_as(sim, "sp1", FFA_MEM_FRAG_RX_FID, (uint32_t)h, h >> 32, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "FRAG_RX with nothing pending");
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
	t_assert_ffa_ok(r, "lend");
	uint64_t h = t_handle(&r);
	assert_true(emu_granule(sim, MEM)->ffa & FFA_GR_LENT);
	r = retrieve(sim, "sp1", SP1_TX, SP1, h, 2, 2u << 3);
	t_assert_reg(r, 0, FFA_MEM_RETRIEVE_RESP_FID, "retrieve, type LEND");
	t_call_as(sim, "sp1", FFA_RX_RELEASE_FID);
	t_assert_ffa_ok(relinquish(sim, "sp1", SP1_TX, SP1, h, 0), "relinquish");
	t_assert_ffa_ok(t_call(sim, FFA_MEM_RECLAIM_FID, (uint32_t)h, h >> 32, 1),
			"reclaim + zero");
	uint8_t back[16];
	smcsim_mem_read(sim, MEM, back, sizeof(back));
	for (int i = 0; i < 16; i++)
		assert_int_equal(back[i], 0);
	/* DONATE */
	m.base[0] = MEM + 0x5000;
	r = t_mem_send(sim, NULL, HOST_TX, FFA_MEM_DONATE_64_FID, &m);
	t_assert_ffa_ok(r, "donate");
	h = t_handle(&r);
	r = retrieve(sim, "sp1", SP1_TX, SP1, h, 2, 0);
	t_assert_reg(r, 0, FFA_MEM_RETRIEVE_RESP_FID, "retrieve donation");
	r = t_call(sim, FFA_MEM_RECLAIM_FID, (uint32_t)h, h >> 32, 0);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "donated: the handle is gone");
	m = t_share(FFA_V1_2, SP1, MEM + 0x5000, 1);
	r = t_mem_send(sim, NULL, HOST_TX, FFA_MEM_SHARE_64_FID, &m);
	t_assert_ffa_error(r, FFA_DENIED, "no longer the host's page");
	smcsim_destroy(sim);
}

/* A v1.0 sender's layout (32-byte header) read back by a v1.2 retriever. */
static void v1_0_sender(void **state)
{
	struct smcsim *sim = mem_machine(FFA_V1_0);
	struct t_mem m = t_share(FFA_V1_0, SP1, MEM, 1);
	struct smcsim_regs r = t_mem_send(sim, NULL, HOST_TX, FFA_MEM_SHARE_FID, &m);
	t_assert_ffa_ok(r, "v1.0 share (32-bit)");
	uint64_t h = t_handle(&r);
	r = t_mem_send(sim, NULL, HOST_TX, FFA_MEM_SHARE_FID, &(struct t_mem){ .v = FFA_V1_2 });
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "v1.1 layout from a v1.0 caller");
	r = retrieve(sim, "sp1", SP1_TX, SP1, h, 2, 0);
	t_assert_reg(r, 0, FFA_MEM_RETRIEVE_RESP_FID, "retrieve");
	t_assert_reg(r, 1, 48 + 32 + 16 + 16, "response in the v1.2 layout");
	/* The sender (as hypervisor) retrieves its own transaction: v1.0 layout. */
	struct t_mem q;
	memset(&q, 0, sizeof(q));
	q.v = FFA_V1_0;
	q.handle = h;
	r = t_mem_send(sim, NULL, HOST_TX, FFA_MEM_RETRIEVE_REQ_FID, &q);
	t_assert_reg(r, 0, FFA_MEM_RETRIEVE_RESP_FID, "hypervisor retrieve request");
	t_assert_reg(r, 1, 32 + 16 + 16 + 16, "v1.0 layout for the v1.0 caller");
	smcsim_destroy(sim);
}

/* DEN0077 v1.1 11.3: a descriptor larger than a buffer travels in fragments both ways,
 * FRAG_TX from the sender, FRAG_RX by the retriever after releasing each fragment. */
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
	t_assert_reg(r, 0, FFA_MEM_FRAG_RX_FID, "first fragment");
	t_assert_reg(r, 3, 4096, "received so far");
	uint64_t h = (uint32_t)r.x[1] | (uint64_t)(uint32_t)r.x[2] << 32;
	smcsim_mem_write(sim, HOST_TX, d + 4096, len - 4096);
	r = t_call(sim, FFA_MEM_FRAG_TX_FID, (uint32_t)h, h >> 32, len - 4096);
	t_assert_ffa_ok(r, "complete");
	assert_true(emu_granule(sim, MEM + (N - 1) * 0x2000)->ffa & FFA_GR_SHARED);
	assert_int_equal(emu_granule(sim, MEM + 0x1000)->ffa, 0); /* the gaps stay free */
	r = retrieve(sim, "sp1", SP1_TX, SP1, h, 2, 0);
	t_assert_reg(r, 0, FFA_MEM_RETRIEVE_RESP_FID, "retrieve");
	t_assert_reg(r, 1, len, "total length");
	t_assert_reg(r, 2, 4096, "first fragment fills RX");
	r = t_call_as(sim, "sp1", FFA_MEM_FRAG_RX_FID, (uint32_t)h, h >> 32, 4096);
	t_assert_ffa_error(r, FFA_BUSY, "RX not released yet");
	t_call_as(sim, "sp1", FFA_RX_RELEASE_FID);
	r = t_call_as(sim, "sp1", FFA_MEM_FRAG_RX_FID, (uint32_t)h, h >> 32, 100);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "offset is not what was sent");
	r = t_call_as(sim, "sp1", FFA_MEM_FRAG_RX_FID, (uint32_t)h, h >> 32, 4096);
	t_assert_reg(r, 0, FFA_MEM_FRAG_TX_FID, "next fragment");
	t_assert_reg(r, 3, len - 4096, "the rest");
	uint8_t last[8];
	smcsim_mem_read(sim, SP1_RX + (len - 16) - 4096, last, 8);
	uint64_t base = 0;
	for (int i = 0; i < 8; i++)
		base |= (uint64_t)last[i] << (8 * i);
	assert_int_equal(base, MEM + (uint64_t)(N - 1) * 0x2000);
	t_call_as(sim, "sp1", FFA_RX_RELEASE_FID);
	r = t_call_as(sim, "sp1", FFA_MEM_FRAG_RX_FID, (uint32_t)h, h >> 32, len);
	t_assert_ffa_error(r, FFA_INVALID_PARAMETERS, "nothing left");
	t_assert_ffa_ok(relinquish(sim, "sp1", SP1_TX, SP1, h, 0), "relinquish");
	t_assert_ffa_ok(t_call(sim, FFA_MEM_RECLAIM_FID, (uint32_t)h, h >> 32, 0), "reclaim");
	assert_int_equal(ffa_check_invariants(ffa_spmc_of(sim, "el3")), 0);
	smcsim_destroy(sim);
}

int main(void)
{
	const struct CMUnitTest send[] = {
		cmocka_unit_test(share_round_trip),
		cmocka_unit_test(send_input_errors),
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
