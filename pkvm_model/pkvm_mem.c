/* SPDX-License-Identifier: MIT */
#include "pkvm_model/pkvm.h"
void pkvm_mem_share(struct emu_call *c, struct pkvm *p) { emu_call_forward(c); }
void pkvm_mem_frag_tx(struct emu_call *c, struct pkvm *p) { emu_call_forward(c); }
void pkvm_mem_reclaim(struct emu_call *c, struct pkvm *p) { emu_call_forward(c); }
