/* SPDX-License-Identifier: MIT */
/*
 * Private header of the FF-A SPMC model (Arm DEN0077 FF-A v1.0/v1.1/v1.2): the SPMC's
 * endpoints, memory transactions and handlers. The ABI itself (IDs, status codes, descriptor
 * layouts) is abi/ffa.h. Not installed.
 *
 * Per-granule state of this model: one byte in a slot of the core's (emu_gstate) that the
 * service reserves under &ffa_service (ffa_page below), bit flags:
 *   FFA_GR_RXTX    the page backs an endpoint's RX or TX buffer
 *   FFA_GR_SHARED  the page is in a SHARE transaction (owner keeps access)
 *   FFA_GR_LENT    the page is in a LEND transaction (owner loses access)
 *   FFA_GR_DONATED the page is in a DONATE transaction not yet retrieved
 * A page carries at most one of SHARED/LENT/DONATED: the SPMC refuses a second transaction
 * on a page already in one (DEN0077 v1.1 memory management: a lender, donor or sharer
 * must have exclusive access to the memory).
 */
#ifndef SMCSIM_FFA_MODEL_H
#define SMCSIM_FFA_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "abi/ffa.h"
#include "emu/emu.h"

/* Limits of this model (not of the ABI). */
#define FFA_MAX_CONSTITUENTS 256u
#define FFA_MAX_RECEIVERS    4u
#define FFA_MAX_TXNS	     32u

/* What a row of ffa_fns needs beyond its version (struct emu_fn::gate). */
enum ffa_gate {
	FFA_GATE_NONE = 0,
	FFA_GATE_NOTIFICATIONS = 1, /* the profile enables notifications */
};

enum ffa_granule_flags {
	FFA_GR_RXTX = 1u << 0,
	FFA_GR_SHARED = 1u << 1,
	FFA_GR_LENT = 1u << 2,
	FFA_GR_DONATED = 1u << 3,
};
#define FFA_GR_TXN (FFA_GR_SHARED | FFA_GR_LENT | FFA_GR_DONATED)

enum ffa_mem_kind { FFA_MEM_KIND_DONATE = 1, FFA_MEM_KIND_LEND = 2, FFA_MEM_KIND_SHARE = 3 };

struct ffa_range {
	uint64_t base;
	uint32_t pages;
};

struct ffa_receiver {
	uint16_t id;
	uint8_t perm;
	bool retrieved;
	uint32_t retrieve_count; /* outstanding retrievals (FFA_FEATURES w3 bounds them) */
};

/* One memory transaction, from the send through the last fragment until reclaim. */
struct ffa_txn {
	bool used;
	bool complete; /* every fragment received */
	uint8_t kind;  /* enum ffa_mem_kind */
	uint16_t sender;
	uint16_t attrs;
	uint32_t flags;
	uint64_t handle;
	uint64_t tag;
	uint32_t total_len;    /* of the descriptor */
	uint32_t received_len; /* bytes received so far */
	uint8_t *desc;	       /* the whole descriptor as sent, total_len bytes */
	uint32_t desc_version; /* layout version inferred from the descriptor */
	uint32_t nrecv;
	struct ffa_receiver recv[FFA_MAX_RECEIVERS];
	uint32_t nranges;
	struct ffa_range ranges[FFA_MAX_CONSTITUENTS];
	/* Retrieve response being delivered in fragments (FRAG_RX), per receiver. */
	uint8_t *resp;
	uint32_t resp_len;
	uint32_t resp_sent;
	uint16_t resp_to;
};

/* Scripted responder steps for a partition's direct requests. */
enum ffa_script_step { FFA_STEP_RESPOND = 0, FFA_STEP_INTERRUPT = 1, FFA_STEP_YIELD = 2 };
#define FFA_MAX_SCRIPT 8

struct ffa_ep {
	uint16_t id;
	bool partition;	  /* an SP described by the profile */
	int caller;	  /* smcsim caller acting as this endpoint, -1 if none */
	uint32_t version; /* negotiated FF-A version of this endpoint (0: none yet) */
	bool locked;	  /* negotiation over (first other FF-A call) */
	/* RX/TX mailbox */
	bool mapped;
	uint64_t tx, rx;
	uint32_t pages;
	bool rx_full;	  /* the consumer (this endpoint) owns RX */
	bool rx_acquired; /* hypervisor took RX with FFA_RX_ACQUIRE */
	/* partition description (profile) */
	uint32_t nuuids;
	uint8_t uuids[4][16];
	uint16_t exec_ctx;
	uint32_t props;
	/* direct-messaging responder */
	uint32_t nscript;
	uint8_t script[FFA_MAX_SCRIPT];
	uint32_t script_pos;
	bool busy;	   /* a direct request is in progress (preempted) */
	uint16_t req_from; /* who sent the pending request */
	uint32_t req_fid;  /* DIRECT_REQ / _64 / REQ2 */
	uint64_t req_payload[14];
	uint32_t intid; /* interrupt ID reported with FFA_INTERRUPT */
	/* notifications (DEN0077 v1.1, FFA_NOTIFICATION_* ABIs) */
	bool bitmap;
	uint32_t bitmap_vcpus;
	uint64_t bound[64]; /* per notification bit: sender ID + 1 (0 = unbound) */
	uint64_t pending;   /* global pending bitmap */
	uint64_t pending_from_sp, pending_from_vm;
	bool info_reported;
};

enum ffa_policy { FFA_POLICY_SPEC = 0, FFA_POLICY_HAFNIUM = 1, FFA_POLICY_TFA = 2 };

struct ffa_spmc {
	struct smcsim *sim;
	uint32_t version; /* the SPMC's own FF-A version (profile) */
	int policy;	  /* enum ffa_policy */
	uint16_t spmc_id;
	uint32_t rxtx_min; /* FFA_FEATURES(RXTX_MAP) w2[1:0] code: 0 4K, 1 64K, 2 16K */
	uint32_t rxtx_max_pages;
	uint32_t sri_intid;
	uint32_t npi_intid; /* Hafnium HF_NOTIFICATION_PENDING_INTID */
	uint32_t mei_intid; /* Hafnium HF_MANAGED_EXIT_INTID */
	bool notifications;
	uint32_t nep;
	struct ffa_ep *ep;	/* ep[0] is the NS endpoint */
	struct ffa_ep *ep_boot; /* the same at boot (profile), for reset */
	json_t *cfg;		/* the profile section (held for partition caller names) */
	json_t *cfg_parts;
	uint64_t next_handle;
	struct ffa_txn txn[FFA_MAX_TXNS];
	int gslot; /* the per-granule slot of enum ffa_granule_flags */
};

/* ---- helpers shared across the model's files ---------------------------------------- */

static inline void ffa_error(struct emu_call *c, int32_t code)
{
	/* DEN0077: errors are FFA_ERROR with the status in w2 (zero-extended 32-bit). */
	emu_ret3(c, FFA_ERROR_FID, 0, (uint32_t)code);
	for (int i = 3; i < 8; i++)
		c->r[i] = 0;
	c->nres = 8;
}

static inline void ffa_success(struct emu_call *c, uint64_t w2, uint64_t w3)
{
	c->r[0] = FFA_SUCCESS_FID;
	c->r[1] = 0;
	c->r[2] = w2;
	c->r[3] = w3;
	for (int i = 4; i < 8; i++)
		c->r[i] = 0;
	c->nres = 8;
}

/* The endpoint issuing @c (SP callers bound in the profile, else the NS endpoint). Ends
 * version negotiation for it (DEN0077 v1.2 13.2.2). */
struct ffa_ep *ffa_caller_ep(struct ffa_spmc *s, const struct emu_call *c, bool lock);
struct ffa_ep *ffa_ep_by_id(struct ffa_spmc *s, uint16_t id);
/* Version the endpoint speaks: negotiated, else the SPMC's. */
uint32_t ffa_ep_version(const struct ffa_spmc *s, const struct ffa_ep *ep);
/* The row of ffa_fns with ID @fid, or NULL. */
const struct emu_fn *ffa_fn_of(uint32_t fid);
/* Whether the SPMC implements @fid for a caller at version @v. */
bool ffa_fid_supported(const struct ffa_spmc *s, uint32_t fid, uint32_t v);
/* Bounds-checked pointer into simulated memory. */
void *ffa_mem(struct ffa_spmc *s, uint64_t pa, uint64_t len);
/* Write @len bytes into @ep's RX as the producer; BUSY/status on failure. */
int32_t ffa_rx_produce(struct ffa_spmc *s, struct ffa_ep *ep, const void *buf, uint32_t len);
void ffa_mem_reset(struct ffa_spmc *s);
void ffa_spmc_reset(struct ffa_spmc *s);

/* handlers, one file per concern */
void ffa_h_version(struct emu_call *c);
void ffa_h_features(struct emu_call *c);
void ffa_h_id_get(struct emu_call *c);
void ffa_h_spm_id_get(struct emu_call *c);
void ffa_h_rxtx_map(struct emu_call *c);
void ffa_h_rxtx_unmap(struct emu_call *c);
void ffa_h_rx_release(struct emu_call *c);
void ffa_h_rx_acquire(struct emu_call *c);
void ffa_h_partition_info_get(struct emu_call *c);
void ffa_h_partition_info_get_regs(struct emu_call *c);
void ffa_h_direct_req(struct emu_call *c);
void ffa_h_direct_resp(struct emu_call *c);
void ffa_h_run(struct emu_call *c);
void ffa_h_msg_wait(struct emu_call *c);
void ffa_h_msg_send2(struct emu_call *c);
void ffa_h_mem_send(struct emu_call *c);
void ffa_h_mem_frag_tx(struct emu_call *c);
void ffa_h_mem_frag_rx(struct emu_call *c);
void ffa_h_mem_retrieve_req(struct emu_call *c);
void ffa_h_mem_relinquish(struct emu_call *c);
void ffa_h_mem_reclaim(struct emu_call *c);
void ffa_h_notif_bitmap_create(struct emu_call *c);
void ffa_h_notif_bitmap_destroy(struct emu_call *c);
void ffa_h_notif_bind(struct emu_call *c);
void ffa_h_notif_unbind(struct emu_call *c);
void ffa_h_notif_set(struct emu_call *c);
void ffa_h_notif_get(struct emu_call *c);
void ffa_h_notif_info_get(struct emu_call *c);
void ffa_h_not_supported(struct emu_call *c);
void ffa_h_response_only(struct emu_call *c);

/* The SPMC's function table: one row per FF-A call, indexed by enum ffa_call. */
extern const struct emu_fn ffa_fns[FFA_NCALLS];
extern const struct emu_service ffa_service;

/* The sharing flags (enum ffa_granule_flags) of the granule containing @pa, NULL outside
 * memory. */
uint8_t *ffa_page(struct ffa_spmc *s, uint64_t pa);
/* The same for code that holds only the machine (tests, fuzz drivers): NULL outside memory or
 * on a machine without the SPMC service. */
uint8_t *ffa_gstate(struct smcsim *sim, uint64_t pa);

/* For tests and fuzzers: the SPMC instance on a machine's layer @layer, or NULL. */
struct ffa_spmc *ffa_spmc_of(struct smcsim *sim, const char *layer);
/* Number of live memory transactions; check invariants, returns 0 or a negative line. */
int ffa_check_invariants(struct ffa_spmc *s);

#endif
