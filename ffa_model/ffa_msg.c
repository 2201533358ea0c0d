/* SPDX-License-Identifier: MIT */
/*
 * Messaging: FFA_MSG_SEND_DIRECT_REQ/RESP (32/64, DEN0077 v1.2 15.2-15.3),
 * FFA_MSG_SEND_DIRECT_REQ2/RESP2 (v1.2 15.4-15.5), FFA_RUN and FFA_MSG_WAIT (v1.2 14),
 * FFA_MSG_SEND2 (v1.1 indirect messaging).
 *
 * Partitions are scripted responders: a direct request runs the partition's profile
 * script from its start. "interrupt" and "yield" steps preempt it (FFA_INTERRUPT /
 * FFA_YIELD back to the sender, which resumes it with FFA_RUN, as Linux's
 * ffa_msg_send_direct_req loop does); "respond", or the end of the script, answers with
 * the matching response carrying the request's payload back (an echo service).
 */
#include <string.h>

#include "ffa_model/ffa.h"

static uint32_t resp_fid(uint32_t req)
{
	switch (req) {
	case FFA_MSG_SEND_DIRECT_REQ_FID:
		return FFA_MSG_SEND_DIRECT_RESP_FID;
	case FFA_MSG_SEND_DIRECT_REQ_64_FID:
		return FFA_MSG_SEND_DIRECT_RESP_64_FID;
	default:
		return FFA_MSG_SEND_DIRECT_RESP2_FID;
	}
}

/* DEN0028 2.6: an SMC32 exchange preserves x8..; a 64-bit FF-A v1.2 exchange returns
 * x0..x17 (SBZ beyond the payload), as Hafnium's whole struct ffa_value does. */
static unsigned int res_count(const struct ffa_ep *sp)
{
	return (sp->req_fid & SMCCC_64) ? SMCSIM_NREGS : 8;
}

/* Run the partition's script from where it stopped until it preempts or responds. */
static void run_partition(struct emu_call *c, struct ffa_ep *sp)
{
	while (sp->script_pos < sp->nscript && sp->script[sp->script_pos] != FFA_STEP_RESPOND) {
		uint8_t step = sp->script[sp->script_pos++];
		memset(c->r, 0, sizeof(c->r));
		c->nres = res_count(sp);
		/* Target info: partition ID in [31:16], vCPU in [15:0] (the model runs on
		 * execution context 0 of a UP partition, or the caller's CPU index). */
		uint32_t vcpu = sp->exec_ctx > 1 ? c->cpu_index % sp->exec_ctx : 0;
		c->r[1] = ffa_pack16(sp->id, vcpu);
		if (step == FFA_STEP_INTERRUPT) {
			c->r[0] = FFA_INTERRUPT_FID;
			c->r[2] = sp->intid;
		} else {
			c->r[0] = FFA_YIELD_FID;
		}
		return;
	}
	/* Respond. */
	memset(c->r, 0, sizeof(c->r));
	c->r[0] = resp_fid(sp->req_fid);
	c->r[1] = ffa_pack16(sp->id, sp->req_from);
	if (sp->req_fid == FFA_MSG_SEND_DIRECT_REQ2_FID) {
		for (unsigned int i = 0; i < FFA_DIRECT2_PAYLOAD_REGS; i++)
			c->r[FFA_DIRECT2_PAYLOAD_ARG + i] = sp->req_payload[i];
		c->nres = SMCSIM_NREGS;
	} else {
		for (unsigned int i = 0; i < FFA_DIRECT_PAYLOAD_REGS; i++)
			c->r[FFA_DIRECT_PAYLOAD_ARG + i] =
				sp->req_fid == FFA_MSG_SEND_DIRECT_REQ_FID
					? (uint32_t)sp->req_payload[i]
					: sp->req_payload[i];
		c->nres = res_count(sp);
	}
	sp->busy = false;
	sp->script_pos = 0;
}

void ffa_h_direct_req(struct emu_call *c)
{
	struct ffa_spmc *s = c->state;
	struct ffa_ep *ep = ffa_caller_ep(s, c, true);
	uint32_t v = ffa_ep_version(s, ep);
	bool req2 = c->fid == FFA_MSG_SEND_DIRECT_REQ2_FID;
	uint16_t src = ffa_hi16(c->a[1]), dst = ffa_lo16(c->a[1]);

	if (req2 && v < FFA_V1_2) {
		ffa_error(c, FFA_NOT_SUPPORTED);
		return;
	}
	/* DEN0077 v1.2 15.2.1: the sender ID must be the caller's; w1[63:32] MBZ for the
	 * 64-bit forms. */
	if (src != ep->id || (c->a[1] >> 32)) {
		ffa_error(c, FFA_INVALID_PARAMETERS);
		return;
	}
	/* w2: FFA_DIRECT_FRAMEWORK marks a framework message (SPMD only); partition
	 * messages have w2 == 0 (Hafnium api_ffa_dir_msg_is_arg2_zero). */
	if (!req2 && (uint32_t)c->a[2]) {
		ffa_error(c, FFA_INVALID_PARAMETERS);
		return;
	}
	struct ffa_ep *sp = ffa_ep_by_id(s, dst);
	if (!sp || !sp->partition || sp == ep) {
		ffa_error(c, FFA_INVALID_PARAMETERS);
		return;
	}
	/* A partition may send only if its properties say so. */
	if (ep->partition && !(ep->props & (req2 ? FFA_PROP_DIRECT2_SEND : FFA_PROP_DIRECT_SEND))) {
		ffa_error(c, FFA_DENIED);
		return;
	}
	/* ACS ffa_direct_message_error: target that does not support receipt -> DENIED. */
	if (!(sp->props & (req2 ? FFA_PROP_DIRECT2_RECV : FFA_PROP_DIRECT_RECV))) {
		ffa_error(c, FFA_DENIED);
		return;
	}
	if (req2) {
		/* DEN0077 v1.2 15.4: x2/x3 carry the target service's UUID; Nil = any. */
		uint8_t u[16];
		for (int b = 0; b < 8; b++) {
			u[b] = (uint8_t)(c->a[2] >> (8 * b));
			u[8 + b] = (uint8_t)(c->a[3] >> (8 * b));
		}
		static const uint8_t nil[16];
		bool ok = !memcmp(u, nil, 16);
		for (uint32_t i = 0; i < sp->nuuids && !ok; i++)
			ok = !memcmp(u, sp->uuids[i], 16);
		if (!ok) {
			ffa_error(c, FFA_INVALID_PARAMETERS);
			return;
		}
	}
	/* The partition is already handling a request (preempted): BUSY. */
	if (sp->busy) {
		ffa_error(c, FFA_BUSY);
		return;
	}
	sp->busy = true;
	sp->req_from = src;
	sp->req_fid = c->fid;
	sp->script_pos = 0;
	memset(sp->req_payload, 0, sizeof(sp->req_payload));
	unsigned int first = req2 ? FFA_DIRECT2_PAYLOAD_ARG : FFA_DIRECT_PAYLOAD_ARG;
	unsigned int n = req2 ? FFA_DIRECT2_PAYLOAD_REGS : FFA_DIRECT_PAYLOAD_REGS;
	for (unsigned int i = 0; i < n; i++)
		sp->req_payload[i] = c->a[first + i];
	run_partition(c, sp);
}

void ffa_h_direct_resp(struct emu_call *c)
{
	struct ffa_spmc *s = c->state;
	struct ffa_ep *ep = ffa_caller_ep(s, c, true);
	(void)ep;
	/* DEN0077 v1.2 15.3.2: a response needs an outstanding request to the caller; the
	 * model's partitions answer their own requests, and nothing sends requests to the
	 * normal world, so a caller never has one: DENIED. */
	ffa_error(c, FFA_DENIED);
}

void ffa_h_run(struct emu_call *c)
{
	struct ffa_spmc *s = c->state;
	struct ffa_ep *ep = ffa_caller_ep(s, c, true);
	uint16_t id = ffa_hi16(c->a[1]), vcpu = ffa_lo16(c->a[1]);
	struct ffa_ep *sp = ffa_ep_by_id(s, id);

	/* DEN0077 v1.2 14.3: the target must be a partition and one of its contexts. */
	if (!sp || !sp->partition || sp == ep || vcpu >= sp->exec_ctx) {
		ffa_error(c, FFA_INVALID_PARAMETERS);
		return;
	}
	/* Hafnium (v1.2): x8..x17 of FFA_RUN MBZ. */
	for (int i = 8; i < 18; i++)
		if (c->a[i]) {
			ffa_error(c, FFA_INVALID_PARAMETERS);
			return;
		}
	if (sp->busy) {
		/* Only whoever the partition was serving can resume it into its response. */
		if (sp->req_from != ep->id) {
			ffa_error(c, FFA_DENIED);
			return;
		}
		run_partition(c, sp);
		return;
	}
	/* Nothing pending: the partition runs, finds no work and waits again. */
	memset(c->r, 0, sizeof(c->r));
	c->r[0] = FFA_MSG_WAIT_FID;
	c->r[1] = ffa_pack16(sp->id, vcpu);
	c->nres = 8;
}

void ffa_h_msg_wait(struct emu_call *c)
{
	struct ffa_spmc *s = c->state;
	struct ffa_ep *ep = ffa_caller_ep(s, c, true);
	uint32_t flags = (uint32_t)c->a[2];
	/* MSG_WAIT is a partition's call: the NS-physical instance has nothing to wait on. */
	if (!ep->partition) {
		ffa_error(c, FFA_NOT_SUPPORTED);
		return;
	}
	/* v1.2: w2 bit 0 = retain RX ownership; other bits MBZ (earlier: all MBZ). */
	uint32_t allowed = ffa_ep_version(s, ep) >= FFA_V1_2 ? FFA_MSG_WAIT_RETAIN_RX : 0u;
	if (flags & ~allowed) {
		ffa_error(c, FFA_INVALID_PARAMETERS);
		return;
	}
	/* ACS ffa_msg_wait_rx_buff_rel: MSG_WAIT releases RX unless told to keep it. */
	if (!(flags & FFA_MSG_WAIT_RETAIN_RX))
		ep->rx_full = false;
	/* The next event for an idle scripted partition is being run again. */
	memset(c->r, 0, sizeof(c->r));
	c->r[0] = FFA_RUN_FID;
	c->r[1] = ffa_pack16(ep->id, 0);
	c->nres = 8;
}

void ffa_h_msg_send2(struct emu_call *c)
{
	struct ffa_spmc *s = c->state;
	struct ffa_ep *ep = ffa_caller_ep(s, c, true);
	uint32_t v = ffa_ep_version(s, ep);
	/* w1[31:16] names a VM only for a hypervisor sending on a VM's behalf; the model
	 * has no VMs behind the NS endpoint, so it MBZ. w2 flags: bit 1 delay SRI. */
	if ((uint32_t)c->a[1] || ((uint32_t)c->a[2] & ~FFA_MSG2_DELAY_SRI)) {
		ffa_error(c, FFA_INVALID_PARAMETERS);
		return;
	}
	if (!ep->mapped) {
		ffa_error(c, FFA_INVALID_PARAMETERS);
		return;
	}
	uint32_t hdr = v >= FFA_V1_2 ? FFA_MSG2_HDR_V1_2 : FFA_MSG2_HDR_V1_1;
	uint32_t cap = ep->pages * FFA_PAGE;
	const uint8_t *tx = ffa_mem(s, ep->tx, cap);
	if (!tx) {
		ffa_error(c, FFA_ABORTED);
		return;
	}
	uint32_t flags = abi_rd32(tx + FFA_MSG2_FLAGS), off = abi_rd32(tx + FFA_MSG2_OFFSET);
	uint32_t size = abi_rd32(tx + FFA_MSG2_SIZE), ids = abi_rd32(tx + FFA_MSG2_SEND_RECV);
	uint16_t recv = ffa_lo16(ids), send = ffa_hi16(ids);
	/* DEN0077 v1.1 indirect message header: flags MBZ, sender = caller, payload inside
	 * the buffer and after the header, one message per FF-A page. */
	if (flags || send != ep->id || off < hdr || size > FFA_PAGE || off > FFA_PAGE - size) {
		ffa_error(c, FFA_INVALID_PARAMETERS);
		return;
	}
	struct ffa_ep *r = ffa_ep_by_id(s, recv);
	if (!r || r == ep || (!r->partition && !ep->partition)) {
		ffa_error(c, FFA_INVALID_PARAMETERS);
		return;
	}
	if (r->partition && !(r->props & FFA_PROP_INDIRECT)) {
		ffa_error(c, FFA_DENIED);
		return;
	}
	int32_t st = ffa_rx_produce(s, r, tx, off + size);
	if (st) {
		ffa_error(c, st == FFA_NO_MEMORY ? FFA_INVALID_PARAMETERS : st);
		return;
	}
	ffa_success(c, 0, 0);
}
