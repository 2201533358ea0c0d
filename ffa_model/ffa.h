/* SPDX-License-Identifier: MIT */
/*
 * Private header of the FF-A SPMC model (Arm DEN0077 FF-A v1.0/v1.1/v1.2): function IDs,
 * status codes, descriptor layouts, the SPMC's endpoints and memory transactions.
 * Shared with pkvm_model/, which proxies the same ABI. Not installed.
 *
 * Granule metadata owned by this model (struct emu_granule::ffa), bit flags:
 *   FFA_GR_RXTX    the page backs an endpoint's RX or TX buffer
 *   FFA_GR_SHARED  the page is in a SHARE transaction (owner keeps access)
 *   FFA_GR_LENT    the page is in a LEND transaction (owner loses access)
 *   FFA_GR_DONATED the page is in a DONATE transaction not yet retrieved
 * A page carries at most one of SHARED/LENT/DONATED: the SPMC refuses a second transaction
 * on a page already in one (DEN0077 v1.1 11.1: the owner must have exclusive access).
 */
#ifndef SMCSIM_FFA_MODEL_H
#define SMCSIM_FFA_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "emu/emu.h"

/* ---- function IDs (DEN0077 Table 13.x; reference note 1.2) -------------------------- */

#define FFA_FID(n)   (0x84000000u + (n))
#define FFA_FID64(n) (0xC4000000u + (n))

#define FFA_ERROR			FFA_FID(0x60)
#define FFA_SUCCESS			FFA_FID(0x61)
#define FFA_SUCCESS_64			FFA_FID64(0x61)
#define FFA_INTERRUPT			FFA_FID(0x62)
#define FFA_VERSION			FFA_FID(0x63)
#define FFA_FEATURES			FFA_FID(0x64)
#define FFA_RX_RELEASE			FFA_FID(0x65)
#define FFA_RXTX_MAP			FFA_FID(0x66)
#define FFA_RXTX_MAP_64			FFA_FID64(0x66)
#define FFA_RXTX_UNMAP			FFA_FID(0x67)
#define FFA_PARTITION_INFO_GET		FFA_FID(0x68)
#define FFA_ID_GET			FFA_FID(0x69)
#define FFA_MSG_POLL			FFA_FID(0x6A)
#define FFA_MSG_WAIT			FFA_FID(0x6B)
#define FFA_YIELD			FFA_FID(0x6C)
#define FFA_RUN				FFA_FID(0x6D)
#define FFA_MSG_SEND			FFA_FID(0x6E)
#define FFA_MSG_SEND_DIRECT_REQ		FFA_FID(0x6F)
#define FFA_MSG_SEND_DIRECT_REQ_64	FFA_FID64(0x6F)
#define FFA_MSG_SEND_DIRECT_RESP	FFA_FID(0x70)
#define FFA_MSG_SEND_DIRECT_RESP_64	FFA_FID64(0x70)
#define FFA_MEM_DONATE			FFA_FID(0x71)
#define FFA_MEM_DONATE_64		FFA_FID64(0x71)
#define FFA_MEM_LEND			FFA_FID(0x72)
#define FFA_MEM_LEND_64			FFA_FID64(0x72)
#define FFA_MEM_SHARE			FFA_FID(0x73)
#define FFA_MEM_SHARE_64		FFA_FID64(0x73)
#define FFA_MEM_RETRIEVE_REQ		FFA_FID(0x74)
#define FFA_MEM_RETRIEVE_REQ_64		FFA_FID64(0x74)
#define FFA_MEM_RETRIEVE_RESP		FFA_FID(0x75)
#define FFA_MEM_RELINQUISH		FFA_FID(0x76)
#define FFA_MEM_RECLAIM			FFA_FID(0x77)
#define FFA_MEM_OP_PAUSE		FFA_FID(0x78)
#define FFA_MEM_OP_RESUME		FFA_FID(0x79)
#define FFA_MEM_FRAG_RX			FFA_FID(0x7A)
#define FFA_MEM_FRAG_TX			FFA_FID(0x7B)
#define FFA_NOTIFICATION_BITMAP_CREATE	FFA_FID(0x7D)
#define FFA_NOTIFICATION_BITMAP_DESTROY FFA_FID(0x7E)
#define FFA_NOTIFICATION_BIND		FFA_FID(0x7F)
#define FFA_NOTIFICATION_UNBIND		FFA_FID(0x80)
#define FFA_NOTIFICATION_SET		FFA_FID(0x81)
#define FFA_NOTIFICATION_GET		FFA_FID(0x82)
#define FFA_NOTIFICATION_INFO_GET	FFA_FID(0x83)
#define FFA_NOTIFICATION_INFO_GET_64	FFA_FID64(0x83)
#define FFA_RX_ACQUIRE			FFA_FID(0x84)
#define FFA_SPM_ID_GET			FFA_FID(0x85)
#define FFA_MSG_SEND2			FFA_FID(0x86)
#define FFA_CONSOLE_LOG			FFA_FID(0x8A)
#define FFA_CONSOLE_LOG_64		FFA_FID64(0x8A)
#define FFA_PARTITION_INFO_GET_REGS	FFA_FID64(0x8B)
#define FFA_MSG_SEND_DIRECT_REQ2	FFA_FID64(0x8D)
#define FFA_MSG_SEND_DIRECT_RESP2	FFA_FID64(0x8E)

/* ---- status codes (DEN0077 Table 11.x; in w2 of FFA_ERROR) -------------------------- */

enum ffa_status {
	FFA_OK = 0,
	FFA_NOT_SUPPORTED = -1,
	FFA_INVALID_PARAMETERS = -2,
	FFA_NO_MEMORY = -3,
	FFA_BUSY = -4,
	FFA_INTERRUPTED = -5,
	FFA_DENIED = -6,
	FFA_RETRY = -7,
	FFA_ABORTED = -8,
	FFA_NO_DATA = -9,
};

#define FFA_V(maj, min) SMCCC_VER(maj, min)
#define FFA_V1_0	FFA_V(1, 0)
#define FFA_V1_1	FFA_V(1, 1)
#define FFA_V1_2	FFA_V(1, 2)

#define FFA_PAGE	    4096u /* DEN0077: FF-A buffers and constituents count 4 KiB pages */
#define FFA_SPMC_ID_DEFAULT 0x8000u
#define FFA_NS_ID	    0u /* the NS-physical endpoint (host, or pKVM on its behalf) */
#define FFA_HANDLE_INVALID  UINT64_MAX
#define FFA_HANDLE_HYP_BIT  (UINT64_C(1) << 63) /* allocator bit: 1 = hypervisor */

/* FFA_PARTITION_INFO_GET (reference note 1.5, 1.6) */
#define FFA_PI_FLAG_COUNT_ONLY 1u
#define FFA_PI_SIZE_V1_0       8u
#define FFA_PI_SIZE_V1_1       24u
#define FFA_PI_REGS_PER_CALL   5u /* v1.2: 3 registers per descriptor in x3..x17 */

/* Partition properties (DEN0077 v1.2 Table 6.2) */
#define FFA_PROP_DIRECT_RECV  (1u << 0)
#define FFA_PROP_DIRECT_SEND  (1u << 1)
#define FFA_PROP_INDIRECT     (1u << 2)
#define FFA_PROP_NOTIF_RECV   (1u << 3)
#define FFA_PROP_AARCH64      (1u << 8)
#define FFA_PROP_DIRECT2_RECV (1u << 9)
#define FFA_PROP_DIRECT2_SEND (1u << 10)

/* FFA_FEATURES feature IDs (bit 31 clear) */
#define FFA_FEAT_NPI 1u
#define FFA_FEAT_SRI 2u
#define FFA_FEAT_MEI 3u

/* ---- memory descriptors (reference note 1.8) ---------------------------------------- */

#define FFA_MEM_HDR_V1_0	    32u /* EMAD array offset in a v1.0 transaction descriptor */
#define FFA_MEM_HDR_V1_1	    48u /* v1.1+ header size */
#define FFA_EMAD_V1_0		    16u /* v1.0/v1.1 endpoint memory access descriptor */
#define FFA_EMAD_V1_2		    32u /* v1.2: adds 16-byte impdef */
#define FFA_COMPOSITE_SIZE	    16u /* composite header: u32 pages, u32 count, u64 reserved */
#define FFA_CONSTITUENT_SIZE	    16u
#define FFA_MEM_ATTR_MBZ	    0xFF80u
#define FFA_MEM_SEND_FLAGS_MASK	    0x3u
#define FFA_MEM_RETRIEVE_FLAGS_MASK 0x3FFu
#define FFA_MAX_CONSTITUENTS	    256u
#define FFA_MAX_RECEIVERS	    4u
#define FFA_MAX_TXNS		    32u

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
	uint32_t retrieve_count; /* outstanding retrievals (DEN0077 v1.1 11.4.2) */
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
	/* notifications (DEN0077 v1.1 10) */
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
};

/* ---- helpers shared across the model's files ---------------------------------------- */

static inline void ffa_error(struct emu_call *c, int32_t code)
{
	/* DEN0077: errors are FFA_ERROR with the status in w2 (zero-extended 32-bit). */
	emu_ret3(c, FFA_ERROR, 0, (uint32_t)code);
	for (int i = 3; i < 8; i++)
		c->r[i] = 0;
	c->nres = 8;
}

static inline void ffa_success(struct emu_call *c, uint64_t w2, uint64_t w3)
{
	c->r[0] = FFA_SUCCESS;
	c->r[1] = 0;
	c->r[2] = w2;
	c->r[3] = w3;
	for (int i = 4; i < 8; i++)
		c->r[i] = 0;
	c->nres = 8;
}

static inline uint32_t ffa_major(uint32_t v)
{
	return (v >> 16) & 0x7fff;
}
static inline uint32_t ffa_minor(uint32_t v)
{
	return v & 0xffff;
}

/* The endpoint issuing @c (SP callers bound in the profile, else the NS endpoint). Ends
 * version negotiation for it (DEN0077 v1.2 13.2.2). */
struct ffa_ep *ffa_caller_ep(struct ffa_spmc *s, const struct emu_call *c, bool lock);
struct ffa_ep *ffa_ep_by_id(struct ffa_spmc *s, uint16_t id);
/* Version the endpoint speaks: negotiated, else the SPMC's. */
uint32_t ffa_ep_version(const struct ffa_spmc *s, const struct ffa_ep *ep);
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

/* The SPMC's function table (also the pKVM proxy's rows). */
#define FFA_NFNS 52
extern const struct emu_fn ffa_fns[FFA_NFNS];
extern const size_t ffa_nfns;
extern const struct emu_service ffa_service;

/* For tests and fuzzers: the SPMC instance on a machine's layer @layer, or NULL. */
struct ffa_spmc *ffa_spmc_of(struct smcsim *sim, const char *layer);
/* Number of live memory transactions; check invariants, returns 0 or a negative line. */
int ffa_check_invariants(struct ffa_spmc *s);

#endif
