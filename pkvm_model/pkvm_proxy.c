/* SPDX-License-Identifier: MIT */
/*
 * The pKVM FF-A proxy (Linux arch/arm64/kvm/hyp/nvhe/ffa.c, kvm_host_ffa_handler()):
 * version negotiation, the calls it refuses (ffa_call_supported()), FFA_FEATURES, the
 * host's RX/TX mailbox and PARTITION_INFO_GET. Memory sharing is in pkvm_mem.c.
 *
 * Profile section "pkvm" (on a forwarding layer between the host and EL3):
 *   version     FF-A version the proxy asks the SPMC for at init ("1.2")
 *   page_size   host PAGE_SIZE: 4096, 16384 or 65536
 *   finalized   start with host SMCs already trapped (default false: the proxy starts
 *               before finalisation and only the pkvm_finalize event turns trapping on)
 *   mbox        { "tx", "rx" } physical addresses of the proxy's own mailbox pages
 *               (default: the last two host pages of the first NS memory region)
 *
 * The service has a row for every FF-A call (abi/ffa.h FFA_CALLS) and is an .alias: its
 * IDs are the SPMC's, so names and decoding stay the SPMC's. Every row runs through one
 * trap (pkvm_entry) that passes calls through untrapped before finalisation and gates them
 * on negotiation, then the row's handler answers, refuses or forwards.
 */
#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "pkvm_model/pkvm.h"

/* ---- plumbing ------------------------------------------------------------------------ */

void pkvm_ret_error(struct emu_call *c, int32_t code)
{
	/* ffa_to_smccc_error(): {FFA_ERROR, 0, code}, the int sign-extended into a2, and
	 * ffa_set_retval() writes x0..x17 (zero here where pKVM leaves them unset). */
	memset(c->r, 0, sizeof(c->r));
	c->r[0] = FFA_ERROR_FID;
	c->r[2] = emu_status(code);
	c->nres = SMCSIM_NREGS;
}

static void ret_success(struct emu_call *c, uint64_t a2)
{
	memset(c->r, 0, sizeof(c->r));
	c->r[0] = FFA_SUCCESS_FID;
	c->r[2] = a2;
	c->nres = SMCSIM_NREGS;
}

void pkvm_ret_regs(struct emu_call *c, const struct smcsim_regs *r)
{
	memcpy(c->r, r->x, sizeof(r->x));
	c->nres = SMCSIM_NREGS;
}

/* hyp_smccc_1_2_smc(): a call from EL2 to EL3 on the proxy's own behalf. */
int pkvm_smc(struct pkvm *p, const struct emu_call *c, struct smcsim_regs *r)
{
	unsigned int cpu = c ? c->cpu_index : 0;
	int ret = emu_call_below(p->sim, p->caller, p->depth, cpu, r);
	return ret < 0 ? ret : 0;
}

static struct smcsim_regs regs_of(uint64_t x0, uint64_t x1, uint64_t x2, uint64_t x3)
{
	struct smcsim_regs r;
	memset(&r, 0, sizeof(r));
	r.x[0] = x0;
	r.x[1] = x1;
	r.x[2] = x2;
	r.x[3] = x3;
	return r;
}

uint8_t *pkvm_page(struct pkvm *p, uint64_t pa)
{
	return emu_gstate(p->sim, p->gslot, pa);
}

uint8_t *pkvm_gstate(struct smcsim *sim, uint64_t pa)
{
	return emu_gstate(sim, emu_gstate_slot(sim, &pkvm_service), pa);
}

bool pkvm_pages_transition(struct pkvm *p, uint64_t pa, uint64_t len, uint8_t from, uint8_t to)
{
	if (!len || pa + len < pa || !emu_mem_valid(p->sim, pa, len))
		return false;
	uint64_t first = pa & ~(EMU_GRANULE_SIZE - 1);
	for (uint64_t a = first; a < pa + len; a += EMU_GRANULE_SIZE) {
		const struct emu_granule *g = emu_granule(p->sim, a);
		if (!g || g->pas != EMU_PAS_NS || *pkvm_page(p, a) != from)
			return false;
	}
	for (uint64_t a = first; a < pa + len; a += EMU_GRANULE_SIZE)
		*pkvm_page(p, a) = to;
	return true;
}

/* ---- init (hyp_ffa_init, hyp_ffa_post_init) ------------------------------------------ */

static void hyp_ffa_init(struct pkvm *p, const struct emu_call *c)
{
	p->init_done = true;
	struct smcsim_regs r = regs_of(FFA_VERSION_FID, p->max_version, 0, 0);
	if (pkvm_smc(p, c, &r))
		return;
	/* NOT_SUPPORTED: no FF-A at EL3. hyp_ffa_init() returns 0 and the proxy still traps
	 * the FF-A range with hyp_ffa_version 0 (kvm_host_ffa_handler() has no "present"
	 * check): calls before FFA_VERSION get INVALID_PARAMETERS, FFA_VERSION fails in
	 * hyp_ffa_post_init(). Another major: -EOPNOTSUPP, and pKVM does not start at all. */
	if ((int32_t)r.x[0] == FFA_NOT_SUPPORTED)
		return;
	if (ffa_major((uint32_t)r.x[0]) != 1) {
		p->init_failed = true;
		return;
	}
	uint32_t fw = (uint32_t)r.x[0];
	p->hyp_version = ffa_minor(fw) < ffa_minor(p->max_version) ? fw : p->max_version;
	p->available = true;
}

static int hyp_ffa_post_init(struct pkvm *p, const struct emu_call *c)
{
	/* The proxy shares ID 0 with the host: FFA_ID_GET must say 0. */
	struct smcsim_regs r = regs_of(FFA_ID_GET_FID, 0, 0, 0);
	if (pkvm_smc(p, c, &r) || r.x[0] != FFA_SUCCESS_FID || (uint16_t)r.x[2] != FFA_NS_ID)
		return -EOPNOTSUPP;
	r = regs_of(FFA_FEATURES_FID, FFA_RXTX_MAP_64_FID, 0, 0);
	if (pkvm_smc(p, c, &r) || r.x[0] != FFA_SUCCESS_FID)
		return -EOPNOTSUPP;
	static const uint32_t min_sz[] = {
		[FFA_FEAT_RXTX_MIN_4K] = 4096,
		[FFA_FEAT_RXTX_MIN_64K] = 65536,
		[FFA_FEAT_RXTX_MIN_16K] = 16384,
		[FFA_FEAT_RXTX_MIN_MASK] = 0, /* reserved */
	};
	uint32_t min = min_sz[r.x[2] & FFA_FEAT_RXTX_MIN_MASK];
	if (!min || min > p->page_size)
		return -EOPNOTSUPP;
	return 0;
}

/* ---- handlers ------------------------------------------------------------------------ */

static void do_version(struct emu_call *c)
{
	struct pkvm *p = c->state;
	uint32_t req = (uint32_t)c->a[1];
	memset(c->r, 0, sizeof(c->r));
	c->nres = SMCSIM_NREGS;
	/* FFA_MAJOR_VERSION() reads bits 30:16: bit 31 (MBZ in the spec) is not checked. */
	if (ffa_major(req) != 1) {
		c->r[0] = emu_status(FFA_NOT_SUPPORTED);
		return;
	}
	if (p->negotiated) {
		/* "Restrict FF-A host version renegotiation": no downgrade after the fact. */
		c->r[0] = ffa_minor(req) < ffa_minor(p->hyp_version) ? emu_status(FFA_NOT_SUPPORTED)
								     : p->hyp_version;
		return;
	}
	if (ffa_minor(req) < ffa_minor(p->hyp_version)) {
		/* A downgrade is asked of the TEE first. */
		struct smcsim_regs r = regs_of(FFA_VERSION_FID, req, 0, 0);
		if (pkvm_smc(p, c, &r) || (int32_t)r.x[0] == FFA_NOT_SUPPORTED) {
			c->r[0] = emu_status(FFA_NOT_SUPPORTED);
			return;
		}
		p->hyp_version = req;
	}
	if (hyp_ffa_post_init(p, c)) {
		c->r[0] = emu_status(FFA_NOT_SUPPORTED);
		return;
	}
	p->negotiated = true;
	c->r[0] = p->hyp_version;
}

/* The proxy's row for @fid, or NULL. */
static const struct emu_fn *row_of(uint32_t fid);

static void do_features(struct emu_call *c)
{
	uint32_t id = (uint32_t)c->a[1];
	/* do_ffa_features() compares the ID as given: with the SVE hint bit set it matches
	 * no refused call and goes to the SPMC. */
	const struct emu_fn *q = (id & SMCCC_FAST) ? row_of(id) : NULL;
	if (q && q->features == PKVM_FEAT_DENIED) {
		pkvm_ret_error(c, FFA_NOT_SUPPORTED);
		return;
	}
	/* do_ffa_features() matches the ID as given, SVE hint included. */
	if (q && q->fid == id && q->features == PKVM_FEAT_NO_DYN_BUF) {
		ret_success(c, 0);
		return;
	}
	/* Everything else, feature IDs included, is the SPMC's answer. */
	emu_call_forward(c);
}

static void do_rxtx_map(struct emu_call *c)
{
	struct pkvm *p = c->state;
	uint64_t tx = c->a[1], rx = c->a[2];
	uint32_t npages = (uint32_t)c->a[3];
	/* Exactly one host page per buffer (KVM_FFA_MBOX_NR_PAGES), page-aligned. */
	if (npages != p->page_size / FFA_PAGE || tx % p->page_size || rx % p->page_size) {
		pkvm_ret_error(c, FFA_INVALID_PARAMETERS);
		return;
	}
	if (p->host_mapped) {
		pkvm_ret_error(c, FFA_DENIED);
		return;
	}
	/* The SPMC gets the proxy's own buffers, never the host's. */
	struct smcsim_regs r = regs_of(FFA_RXTX_MAP_64_FID, p->hyp_tx, p->hyp_rx, npages);
	if (pkvm_smc(p, c, &r) || r.x[0] != FFA_SUCCESS_FID) {
		pkvm_ret_error(c, (int32_t)r.x[2]);
		return;
	}
	/* __pkvm_host_share_hyp + hyp_pin_shared_mem of both pages; on failure unwind,
	 * including the mapping at EL3, and report INVALID_PARAMETERS. */
	if (!pkvm_pages_transition(p, tx, p->page_size, PKVM_HOST_OWNED, PKVM_HOST_SHARED_HYP)) {
		goto err_unmap;
	}
	if (tx == rx ||
	    !pkvm_pages_transition(p, rx, p->page_size, PKVM_HOST_OWNED, PKVM_HOST_SHARED_HYP)) {
		pkvm_pages_transition(p, tx, p->page_size, PKVM_HOST_SHARED_HYP, PKVM_HOST_OWNED);
		goto err_unmap;
	}
	p->host_tx = tx;
	p->host_rx = rx;
	p->host_mapped = true;
	ret_success(c, 0);
	return;
err_unmap:
	r = regs_of(FFA_RXTX_UNMAP_FID, FFA_NS_ID, 0, 0);
	pkvm_smc(p, c, &r);
	pkvm_ret_error(c, FFA_INVALID_PARAMETERS);
}

static void do_rxtx_unmap(struct emu_call *c)
{
	struct pkvm *p = c->state;
	if ((uint32_t)c->a[1] != FFA_NS_ID || !p->host_mapped) {
		pkvm_ret_error(c, FFA_INVALID_PARAMETERS);
		return;
	}
	pkvm_pages_transition(p, p->host_tx, p->page_size, PKVM_HOST_SHARED_HYP, PKVM_HOST_OWNED);
	pkvm_pages_transition(p, p->host_rx, p->page_size, PKVM_HOST_SHARED_HYP, PKVM_HOST_OWNED);
	p->host_mapped = false;
	p->host_tx = p->host_rx = 0;
	struct smcsim_regs r = regs_of(FFA_RXTX_UNMAP_FID, FFA_NS_ID, 0, 0);
	pkvm_smc(p, c, &r); /* ffa_unmap_hyp_buffers(): its result is not reported */
	ret_success(c, 0);
}

static void do_part_get(struct emu_call *c)
{
	struct pkvm *p = c->state;
	uint32_t flags = (uint32_t)c->a[5];
	if (!p->host_mapped) {
		pkvm_ret_error(c, FFA_BUSY);
		return;
	}
	struct smcsim_regs r;
	memset(&r, 0, sizeof(r));
	r.x[0] = FFA_PARTITION_INFO_GET_FID;
	for (int i = 1; i <= 5; i++)
		r.x[i] = (uint32_t)c->a[i];
	if (pkvm_smc(p, c, &r)) {
		pkvm_ret_error(c, FFA_ABORTED);
		return;
	}
	pkvm_ret_regs(c, &r);
	uint32_t count = (uint32_t)r.x[2];
	if (r.x[0] != FFA_SUCCESS_FID || !count)
		return;
	uint32_t fsz;
	if (p->hyp_version > FFA_V1_0) {
		if (flags & FFA_PI_FLAG_COUNT_ONLY)
			return;
		fsz = (uint32_t)r.x[3];
	} else {
		fsz = FFA_PI_SIZE_V1_0;
	}
	uint64_t copy = (uint64_t)fsz * count;
	if (copy > p->page_size) {
		pkvm_ret_error(c, FFA_ABORTED);
		return;
	}
	void *src = emu_mem_ptr(p->sim, p->hyp_rx, copy),
	     *dst = emu_mem_ptr(p->sim, p->host_rx, copy);
	if (!src || !dst) {
		pkvm_ret_error(c, FFA_ABORTED);
		return;
	}
	memcpy(dst, src, copy);
}

/* ffa_call_supported() == false: the host gets NOT_SUPPORTED. */
static void do_denied(struct emu_call *c)
{
	pkvm_ret_error(c, FFA_NOT_SUPPORTED);
}

/* Passed through unmodified, x0..x17 back to the host. */
static void do_forward(struct emu_call *c)
{
	emu_call_forward(c);
}

/* The trap every FF-A function ID arriving at the pKVM layer goes through first. */
static void pkvm_entry(struct emu_call *c)
{
	struct pkvm *p = c->state;
	/* Before finalisation host SMCs are not trapped (HCR_EL2.TSC clear): straight to
	 * EL3, and the proxy learns nothing (Linux arch/arm64/kvm/arm.c: the host is
	 * deprivileged only at finalize_pkvm()). */
	if (!p->finalized) {
		emu_call_forward(c);
		return;
	}
	if (!p->init_done)
		hyp_ffa_init(p, c);
	/* hyp_ffa_init() failed: pKVM did not start, host SMCs are not trapped. */
	if (p->init_failed) {
		emu_call_forward(c);
		return;
	}
	/* Every FF-A call but FFA_VERSION before the host negotiated: INVALID_PARAMETERS. */
	if (c->fid != FFA_VERSION_FID && !p->negotiated) {
		pkvm_ret_error(c, FFA_INVALID_PARAMETERS);
		return;
	}
	c->fn->handler(c);
}

/* ---- table --------------------------------------------------------------------------- */

/*
 * One row per FF-A call, at its place in FFA_CALLS. The proxy reads and forwards x1..x17 and
 * always returns x0..x17 (ffa_set_retval() after hyp_smccc_1_2_smc()).
 */
#define PKVM_ROW(id, ...)                                                                          \
	[id##_CALL] = EMU_FN_ROW(id, .since = id##_SINCE, .nargs = SMCSIM_NREGS - 1,               \
				 .nres = SMCSIM_NREGS, __VA_ARGS__)
#define PASS   .handler = do_forward
#define DENIED .handler = do_denied, .features = PKVM_FEAT_DENIED

static const struct emu_fn pkvm_fns[FFA_NCALLS] = {
	PKVM_ROW(FFA_ERROR, PASS),
	PKVM_ROW(FFA_SUCCESS, PASS),
	PKVM_ROW(FFA_SUCCESS_64, PASS),
	PKVM_ROW(FFA_INTERRUPT, PASS),
	PKVM_ROW(FFA_VERSION, .handler = do_version),
	PKVM_ROW(FFA_FEATURES, .handler = do_features),
	PKVM_ROW(FFA_RX_RELEASE, PASS),
	PKVM_ROW(FFA_RXTX_MAP, DENIED),
	PKVM_ROW(FFA_RXTX_MAP_64, .handler = do_rxtx_map),
	PKVM_ROW(FFA_RXTX_UNMAP, .handler = do_rxtx_unmap),
	PKVM_ROW(FFA_PARTITION_INFO_GET, .handler = do_part_get),
	PKVM_ROW(FFA_ID_GET, PASS),
	PKVM_ROW(FFA_MSG_POLL, DENIED),
	PKVM_ROW(FFA_MSG_WAIT, DENIED),
	PKVM_ROW(FFA_YIELD, PASS),
	PKVM_ROW(FFA_RUN, PASS),
	PKVM_ROW(FFA_MSG_SEND, DENIED),
	PKVM_ROW(FFA_MSG_SEND_DIRECT_REQ, PASS),
	PKVM_ROW(FFA_MSG_SEND_DIRECT_REQ_64, PASS),
	PKVM_ROW(FFA_MSG_SEND_DIRECT_RESP, DENIED),
	PKVM_ROW(FFA_MSG_SEND_DIRECT_RESP_64, PASS),
	PKVM_ROW(FFA_MEM_DONATE, DENIED),
	PKVM_ROW(FFA_MEM_DONATE_64, DENIED),
	PKVM_ROW(FFA_MEM_LEND, .handler = pkvm_mem_share, .features = PKVM_FEAT_NO_DYN_BUF),
	PKVM_ROW(FFA_MEM_LEND_64, .handler = pkvm_mem_share, .features = PKVM_FEAT_NO_DYN_BUF),
	PKVM_ROW(FFA_MEM_SHARE, .handler = pkvm_mem_share, .features = PKVM_FEAT_NO_DYN_BUF),
	PKVM_ROW(FFA_MEM_SHARE_64, .handler = pkvm_mem_share, .features = PKVM_FEAT_NO_DYN_BUF),
	PKVM_ROW(FFA_MEM_RETRIEVE_REQ, DENIED),
	PKVM_ROW(FFA_MEM_RETRIEVE_REQ_64, DENIED),
	PKVM_ROW(FFA_MEM_RETRIEVE_RESP, DENIED),
	PKVM_ROW(FFA_MEM_RELINQUISH, DENIED),
	PKVM_ROW(FFA_MEM_RECLAIM, .handler = pkvm_mem_reclaim),
	PKVM_ROW(FFA_MEM_OP_PAUSE, DENIED),
	PKVM_ROW(FFA_MEM_OP_RESUME, DENIED),
	PKVM_ROW(FFA_MEM_FRAG_RX, DENIED),
	PKVM_ROW(FFA_MEM_FRAG_TX, .handler = pkvm_mem_frag_tx),
	PKVM_ROW(FFA_NOTIFICATION_BITMAP_CREATE, DENIED),
	PKVM_ROW(FFA_NOTIFICATION_BITMAP_DESTROY, DENIED),
	PKVM_ROW(FFA_NOTIFICATION_BIND, DENIED),
	PKVM_ROW(FFA_NOTIFICATION_UNBIND, DENIED),
	PKVM_ROW(FFA_NOTIFICATION_SET, DENIED),
	PKVM_ROW(FFA_NOTIFICATION_GET, DENIED),
	PKVM_ROW(FFA_NOTIFICATION_INFO_GET, DENIED),
	PKVM_ROW(FFA_NOTIFICATION_INFO_GET_64, PASS),
	PKVM_ROW(FFA_RX_ACQUIRE, PASS),
	PKVM_ROW(FFA_SPM_ID_GET, PASS),
	PKVM_ROW(FFA_MSG_SEND2, PASS),
	PKVM_ROW(FFA_CONSOLE_LOG, DENIED),
	PKVM_ROW(FFA_CONSOLE_LOG_64, PASS),
	PKVM_ROW(FFA_PARTITION_INFO_GET_REGS, DENIED),
	PKVM_ROW(FFA_MSG_SEND_DIRECT_REQ2, DENIED),
	PKVM_ROW(FFA_MSG_SEND_DIRECT_RESP2, DENIED),
};

static const struct emu_fn *row_of(uint32_t fid)
{
	for (size_t i = 0; i < FFA_NCALLS; i++)
		if (pkvm_fns[i].fid == fid)
			return &pkvm_fns[i];
	return NULL;
}

/* Every FF-A row is trapped by the proxy (it decides per call), whatever its version. */
static uint32_t pkvm_table_version(const void *state)
{
	return FFA_V1_2;
}

/* An ID of the FF-A range no FF-A table has (is_ffa_call(): fast, standard owner, numbers
 * 0x60..0xFF): trapped like the rest, INVALID_PARAMETERS before negotiation, then passed
 * to EL3 (kvm_host_ffa_handler()'s default: ffa_call_supported() is true for it). */
static void do_unlisted(struct emu_call *c);
static const struct emu_fn pkvm_unlisted = {
	.fid = 0,
	.name = "FFA_RESERVED",
	.handler = do_unlisted,
	.nargs = SMCSIM_NREGS - 1,
	.nres = SMCSIM_NREGS,
};

/* Every row goes through the trap, which runs the row's own handler if the call gets that far. */
static emu_handler_fn pkvm_handler_of(const void *state, const struct emu_fn *fn)
{
	return pkvm_entry;
}

static void do_unlisted(struct emu_call *c)
{
	struct pkvm *p = c->state;
	if (!p->finalized) {
		emu_call_forward(c);
		return;
	}
	if (!p->init_done)
		hyp_ffa_init(p, c);
	if (p->init_failed || p->negotiated) {
		emu_call_forward(c);
		return;
	}
	pkvm_ret_error(c, FFA_INVALID_PARAMETERS);
}

/* ---- lifecycle ----------------------------------------------------------------------- */

static void mark_mbox(struct pkvm *p)
{
	for (uint64_t a = p->hyp_tx; a < p->hyp_tx + p->page_size; a += EMU_GRANULE_SIZE)
		*pkvm_page(p, a) = PKVM_HYP_OWNED;
	for (uint64_t a = p->hyp_rx; a < p->hyp_rx + p->page_size; a += EMU_GRANULE_SIZE)
		*pkvm_page(p, a) = PKVM_HYP_OWNED;
}

static void pkvm_reset(void *state)
{
	struct pkvm *p = state;
	p->finalized = p->finalized_at_boot;
	p->init_done = false;
	p->available = false;
	p->init_failed = false;
	p->hyp_version = 0;
	p->negotiated = false;
	p->host_mapped = false;
	p->host_tx = p->host_rx = 0;
	mark_mbox(p);
}

static int pkvm_create(struct smcsim *sim, struct emu_layer *layer, json_t *cfg, const char *path,
		       void **state, struct smcsim_error *err)
{
	static const char *const keys[] = { "version", "page_size", "finalized", "mbox", NULL };
	/* Every FF-A call has its row in place (a missing designated row would be zeros). */
	for (size_t i = 0; i < FFA_NCALLS; i++)
		assert(pkvm_fns[i].fid == ffa_call_fid((enum ffa_call)i));
	struct pkvm *p = calloc(1, sizeof(*p));
	if (!p)
		return -ENOMEM;
	*state = p;
	p->sim = sim;
	p->layer = layer;
	p->caller = -1;
	/* Host page ownership lives beside the machine's memory, keyed by this descriptor so
	 * tests and fuzz drivers find it (pkvm_gstate). */
	p->gslot = emu_gstate_reserve(sim, &pkvm_service, 1);
	if (p->gslot < 0) {
		char buf[128]; /* strerror_r: strerror may share one buffer between threads */
		emu_err(err, "%s: per-granule state: %s", path,
			strerror_r(-p->gslot, buf, sizeof(buf)));
		return p->gslot;
	}
	json_t *mbox;
	int ret;
	if ((ret = emu_cfg_keys(cfg, path, keys, err)) ||
	    (ret = emu_cfg_version(cfg, "version", path, FFA_V1_2, &p->max_version, err)) ||
	    (ret = emu_cfg_u32(cfg, "page_size", path, 4096, &p->page_size, err)) ||
	    (ret = emu_cfg_bool(cfg, "finalized", path, false, &p->finalized_at_boot, err)) ||
	    (ret = emu_cfg_object(cfg, "mbox", path, &mbox, err)))
		return ret;
	if (ffa_major(p->max_version) != 1 || ffa_minor(p->max_version) > 2)
		return emu_err(err, "%s/version: pKVM speaks FF-A 1.0 to 1.2", path);
	if (p->page_size != 4096 && p->page_size != 16384 && p->page_size != 65536)
		return emu_err(err, "%s/page_size: 4096, 16384 or 65536", path);
	if (mbox) {
		char mp[330];
		snprintf(mp, sizeof(mp), "%s/mbox", path);
		static const char *const mkeys[] = { "tx", "rx", NULL };
		if ((ret = emu_cfg_keys(mbox, mp, mkeys, err)) ||
		    (ret = emu_cfg_u64(mbox, "tx", mp, 0, &p->hyp_tx, err)) ||
		    (ret = emu_cfg_u64(mbox, "rx", mp, 0, &p->hyp_rx, err)))
			return ret;
	} else {
		uint64_t base, size;
		for (size_t i = 0; emu_mem_region(sim, i, &base, &size); i++) {
			struct emu_granule *g = emu_granule(sim, base);
			if (g && g->pas == EMU_PAS_NS && size >= 4 * (uint64_t)p->page_size) {
				p->hyp_tx = base + size - 2 * (uint64_t)p->page_size;
				p->hyp_rx = base + size - (uint64_t)p->page_size;
				break;
			}
		}
	}
	if (!p->hyp_tx || p->hyp_tx == p->hyp_rx || (p->hyp_tx | p->hyp_rx) % p->page_size ||
	    !emu_mem_valid(sim, p->hyp_tx, p->page_size) ||
	    !emu_mem_valid(sim, p->hyp_rx, p->page_size))
		return emu_err(err, "%s/mbox: two distinct page-aligned host pages in NS memory",
			       path);
	/* hyp_ffa_proxy_pages(): the two mailbox pages, then room for the largest descriptor
	 * (struct ffa_mem_region, one ffa_mem_region_attributes, the composite header and
	 * SG_MAX_SEGMENTS = 2048 constituents): 32,848 bytes, 9 pages (36,864 bytes) at 4 KiB,
	 * 3 at 16 KiB, 1 at 64 KiB. */
	const uint32_t desc_max = 48 + 16 + 16 + 2048 * 16;
	p->desc_len = (desc_max + p->page_size - 1) / p->page_size * p->page_size;
	assert(p->desc_len <= PKVM_MAX_DESC);
	pkvm_reset(p);
	return 0;
}

static int pkvm_attach(void *state, struct smcsim *sim, struct smcsim_error *err)
{
	struct pkvm *p = state;
	/* Find the caller (the host) whose stack runs through this layer. */
	for (int c = 0; c < smcsim_caller_count(sim) && p->caller < 0; c++)
		for (int d = 0; d < 16; d++) {
			struct emu_layer *l = emu_layer_below(sim, c, d - 1);
			if (!l)
				break;
			if (l == p->layer) {
				p->caller = c;
				p->depth = d;
				break;
			}
		}
	if (p->caller < 0)
		return emu_err(err, "pkvm: no caller's layer stack includes the pkvm layer");
	if (!emu_layer_below(sim, p->caller, p->depth))
		return emu_err(err, "pkvm: the pkvm layer needs a layer below it (EL3)");
	return 0;
}

static int pkvm_event(void *state, struct smcsim *sim, const char *name, json_t *args,
		      struct smcsim_error *err)
{
	struct pkvm *p = state;
	if (strcmp(name, "pkvm_finalize") != 0)
		return -ENOENT;
	static const char *const keys[] = { NULL };
	int ret = emu_cfg_keys(args, "", keys, err);
	if (ret)
		return ret;
	if (p->finalized)
		return emu_err(err, "pkvm_finalize: pKVM is already finalised");
	/* kvm_arm_init: __pkvm_init runs hyp_ffa_init, then finalize_pkvm deprivileges the
	 * host; from here its SMCs trap to EL2. */
	p->finalized = true;
	hyp_ffa_init(p, NULL);
	return 0;
}

static void pkvm_destroy(void *state)
{
	free(state);
}

const struct emu_service pkvm_service = {
	.name = "pkvm",
	.title = "pKVM FF-A proxy (Linux nvhe/ffa.c)",
	.fns = pkvm_fns,
	.nfns = FFA_NCALLS,
	.alias = true,
	.create = pkvm_create,
	.destroy = pkvm_destroy,
	.reset = pkvm_reset,
	.version = pkvm_table_version,
	.handler_of = pkvm_handler_of,
	.event = pkvm_event,
	.attach = pkvm_attach,
	/* the FF-A range of is_ffa_call(), SMC32 and SMC64 */
	.claim = &pkvm_unlisted,
	.claim_base = 0x84000060u,
	.claim_nr = 0xa0,
	.claim_base2 = 0xc4000060u,
	.claim_nr2 = 0xa0,
};

struct pkvm *pkvm_of(struct smcsim *sim, const char *layer)
{
	struct emu_layer *l = emu_layer_find(sim, layer);
	return l ? emu_layer_service(l, "pkvm") : NULL;
}
