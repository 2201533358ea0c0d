/* SPDX-License-Identifier: MIT */
/*
 * Private header of the pKVM FF-A proxy model (Linux arch/arm64/kvm/hyp/nvhe/ffa.c,
 * FF-A 1.2 series, Linux 6.18+). It knows the SPMC below it only through FF-A calls and
 * abi/ffa.h. Not installed.
 *
 * Per-granule state of this model: one byte (enum pkvm_page_state) in a slot of the core's
 * (emu_gstate) that the service reserves under &pkvm_service, the host stage-2 ownership
 * state of the page as Linux arch/arm64/kvm/hyp/nvhe/mem_protect.c tracks it.
 */
#ifndef SMCSIM_PKVM_MODEL_H
#define SMCSIM_PKVM_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "abi/ffa.h"
#include "emu/emu.h"

enum pkvm_page_state {
	PKVM_HOST_OWNED = 0,	  /* PKVM_PAGE_OWNED in the host stage-2 (boot state) */
	PKVM_HOST_SHARED_FFA = 1, /* PKVM_PAGE_SHARED_OWNED: shared with the TEE via FF-A */
	PKVM_HOST_SHARED_HYP = 2, /* PKVM_PAGE_SHARED_OWNED: shared with and pinned by EL2 */
	PKVM_HYP_OWNED = 3,	  /* hypervisor memory, not mapped for the host */
};

#define PKVM_MAX_DESC (16u * FFA_PAGE) /* descriptor buffer (hyp_ffa_proxy_pages) */

struct pkvm {
	struct smcsim *sim;
	struct emu_layer *layer;
	int caller;	      /* the host caller whose stack holds this layer */
	int depth;	      /* this layer's position in it */
	uint32_t max_version; /* FF-A version pKVM asks for at init (1.2 in 6.18+) */
	uint32_t page_size;   /* host PAGE_SIZE */
	bool finalized_at_boot;
	/* runtime */
	bool finalized;	      /* host SMCs trapped (pkvm_finalize) */
	bool init_done;	      /* hyp_ffa_init ran */
	bool available;	      /* the SPMC answered FFA_VERSION with a 1.x version */
	bool init_failed;     /* hyp_ffa_init() -EOPNOTSUPP: pKVM itself does not start */
	uint32_t hyp_version; /* hyp_ffa_version */
	bool negotiated;      /* has_version_negotiated */
	bool host_mapped;
	uint64_t host_tx, host_rx;
	uint64_t hyp_tx, hyp_rx; /* the proxy's own mailbox, mapped at the SPMC */
	int gslot;		 /* the per-granule slot of enum pkvm_page_state */
	uint32_t desc_len;	 /* ffa_desc_buf.len: the proxy's descriptor buffer */
	uint8_t desc[PKVM_MAX_DESC];
};

/*
 * What the proxy answers to FFA_FEATURES for a call (struct emu_fn::features of its rows):
 * the SPMC's answer, NOT_SUPPORTED for the calls ffa_call_supported() refuses, or its own
 * FFA_SUCCESS with w2 = 0 where it hides a capability.
 */
enum pkvm_feat {
	PKVM_FEAT_SPMC = 0,
	PKVM_FEAT_DENIED = 1,
	PKVM_FEAT_NO_DYN_BUF = 2, /* FFA_FEAT_MEM_DYN_BUF clear: no dynamically allocated buffers */
};

/* Row handlers, run once the proxy's trap has let the call through (pkvm_proxy.c). */
void pkvm_mem_share(struct emu_call *c);
void pkvm_mem_frag_tx(struct emu_call *c);
void pkvm_mem_reclaim(struct emu_call *c);

/* Helpers shared by the proxy's files. */
void pkvm_ret_error(struct emu_call *c, int32_t code);
int pkvm_smc(struct pkvm *p, const struct emu_call *c, struct smcsim_regs *r);
void pkvm_ret_regs(struct emu_call *c, const struct smcsim_regs *r);
/* The host stage-2 state of the granule containing @pa, NULL outside memory. */
uint8_t *pkvm_page(struct pkvm *p, uint64_t pa);
/* The same for code that holds only the machine (tests, fuzz drivers): NULL outside memory or
 * on a machine without the pKVM service. */
uint8_t *pkvm_gstate(struct smcsim *sim, uint64_t pa);
/* Move the host pages of [pa, pa+len) from state @from to @to; all or nothing. */
bool pkvm_pages_transition(struct pkvm *p, uint64_t pa, uint64_t len, uint8_t from, uint8_t to);

extern const struct emu_service pkvm_service;
struct pkvm *pkvm_of(struct smcsim *sim, const char *layer);

#endif
