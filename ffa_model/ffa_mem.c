/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>
#include "ffa_model/ffa.h"
void ffa_mem_reset(struct ffa_spmc *s)
{
	for (uint32_t i = 0; i < FFA_MAX_TXNS; i++) {
		free(s->txn[i].desc);
		free(s->txn[i].resp);
	}
	memset(s->txn, 0, sizeof(s->txn));
}
int ffa_check_invariants(struct ffa_spmc *s) { (void)s; return 0; }
void ffa_h_mem_send(struct emu_call *c) { ffa_error(c, FFA_NOT_SUPPORTED); }
void ffa_h_mem_frag_tx(struct emu_call *c) { ffa_error(c, FFA_NOT_SUPPORTED); }
void ffa_h_mem_frag_rx(struct emu_call *c) { ffa_error(c, FFA_NOT_SUPPORTED); }
void ffa_h_mem_retrieve_req(struct emu_call *c) { ffa_error(c, FFA_NOT_SUPPORTED); }
void ffa_h_mem_relinquish(struct emu_call *c) { ffa_error(c, FFA_NOT_SUPPORTED); }
void ffa_h_mem_reclaim(struct emu_call *c) { ffa_error(c, FFA_NOT_SUPPORTED); }
