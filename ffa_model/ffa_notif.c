/* SPDX-License-Identifier: MIT */
/*
 * Notifications (DEN0077 v1.1, the FFA_NOTIFICATION_* ABIs): bitmap create/destroy for VMs, bind,
 * unbind, set, get and info-get. Global notifications only are tracked per bit; a
 * per-vCPU bind is recorded and delivered like a global one on the named vCPU.
 *
 * Senders and receivers sit in different worlds: a VM (here the NS endpoint) binds
 * notifications from SPs and the other way round.
 */
#include <string.h>

#include "ffa_model/ffa.h"

/* BIND, UNBIND, SET: the notification bitmap in w3 (low) and w4 (high). */
static uint64_t bitmap_of(const struct emu_call *c)
{
	return ffa_u64_of(c->a[3], c->a[4]);
}

/* The receiver must be the caller and have a bitmap; the sender must exist in the
 * other world. Returns 0 or a status. */
static int32_t check_pair(struct ffa_spmc *s, struct ffa_ep *ep, uint16_t snd, uint16_t rcv,
			  struct ffa_ep **other)
{
	struct ffa_ep *o = ffa_ep_by_id(s, snd);
	if (rcv != ep->id || !o || o->partition == ep->partition)
		return FFA_INVALID_PARAMETERS;
	if (!ep->partition && !ep->bitmap)
		return FFA_DENIED; /* the VM's bitmap was not created (ACS, Hafnium) */
	*other = o;
	return FFA_OK;
}

void ffa_h_notif_bitmap_create(struct emu_call *c)
{
	struct ffa_spmc *s = c->state;
	struct ffa_ep *ep = ffa_caller_ep(s, c, true);
	uint32_t w1 = (uint32_t)c->a[1], vcpus = (uint32_t)c->a[2];
	/* Only the normal world's hypervisor or OS creates VM bitmaps at the SPMC. */
	if (ep->partition) {
		ffa_error(c, FFA_NOT_SUPPORTED);
		return;
	}
	/* ACS ffa_notification_bitmap_create: bits[31:16] MBZ, a known VM ID; the only VM
	 * behind the NS-physical instance in the model is ID 0. */
	if (ffa_hi16(w1) || ffa_lo16(w1) != ep->id || vcpus == 0) {
		ffa_error(c, FFA_INVALID_PARAMETERS);
		return;
	}
	if (ep->bitmap) {
		ffa_error(c, FFA_DENIED);
		return;
	}
	ep->bitmap = true;
	ep->bitmap_vcpus = vcpus;
	ffa_success(c, 0, 0);
}

void ffa_h_notif_bitmap_destroy(struct emu_call *c)
{
	struct ffa_spmc *s = c->state;
	struct ffa_ep *ep = ffa_caller_ep(s, c, true);
	uint32_t w1 = (uint32_t)c->a[1];
	if (ep->partition) {
		ffa_error(c, FFA_NOT_SUPPORTED);
		return;
	}
	if (ffa_hi16(w1) || ffa_lo16(w1) != ep->id) {
		ffa_error(c, FFA_INVALID_PARAMETERS);
		return;
	}
	/* Not created, or notifications still pending: DENIED. */
	if (!ep->bitmap || ep->pending_from_sp || ep->pending_from_vm) {
		ffa_error(c, FFA_DENIED);
		return;
	}
	ep->bitmap = false;
	memset(ep->bound, 0, sizeof(ep->bound));
	ffa_success(c, 0, 0);
}

void ffa_h_notif_bind(struct emu_call *c)
{
	struct ffa_spmc *s = c->state;
	struct ffa_ep *ep = ffa_caller_ep(s, c, true), *o;
	uint32_t w1 = (uint32_t)c->a[1], flags = (uint32_t)c->a[2];
	uint64_t bits = bitmap_of(c);
	int32_t st = check_pair(s, ep, ffa_hi16(w1), ffa_lo16(w1), &o);
	if (!st && ((flags & ~FFA_NOTIF_FLAG_PER_VCPU) || !bits))
		st = FFA_INVALID_PARAMETERS;
	/* A bit already bound to a different sender is DENIED. */
	for (int b = 0; !st && b < 64; b++)
		if ((bits >> b & 1) && ep->bound[b] && ep->bound[b] != (uint64_t)o->id + 1)
			st = FFA_DENIED;
	if (st) {
		ffa_error(c, st);
		return;
	}
	for (int b = 0; b < 64; b++)
		if (bits >> b & 1)
			ep->bound[b] = (uint64_t)o->id + 1;
	ffa_success(c, 0, 0);
}

void ffa_h_notif_unbind(struct emu_call *c)
{
	struct ffa_spmc *s = c->state;
	struct ffa_ep *ep = ffa_caller_ep(s, c, true), *o;
	uint32_t w1 = (uint32_t)c->a[1];
	uint64_t bits = bitmap_of(c);
	int32_t st = check_pair(s, ep, ffa_hi16(w1), ffa_lo16(w1), &o);
	if (!st && ((uint32_t)c->a[2] || !bits))
		st = FFA_INVALID_PARAMETERS; /* w2 MBZ */
	for (int b = 0; !st && b < 64; b++)
		if ((bits >> b & 1) && ep->bound[b] != (uint64_t)o->id + 1)
			st = FFA_DENIED;
	if (!st && ((ep->pending_from_sp | ep->pending_from_vm) & bits))
		st = FFA_DENIED; /* pending notifications cannot be unbound */
	if (st) {
		ffa_error(c, st);
		return;
	}
	for (int b = 0; b < 64; b++)
		if (bits >> b & 1)
			ep->bound[b] = 0;
	ffa_success(c, 0, 0);
}

void ffa_h_notif_set(struct emu_call *c)
{
	struct ffa_spmc *s = c->state;
	struct ffa_ep *ep = ffa_caller_ep(s, c, true);
	uint32_t w1 = (uint32_t)c->a[1], flags = (uint32_t)c->a[2];
	uint64_t bits = bitmap_of(c);
	uint16_t snd = ffa_hi16(w1), rcv = ffa_lo16(w1);
	struct ffa_ep *r = ffa_ep_by_id(s, rcv);
	/* w2: bit 0 per-vCPU, bit 1 delay SRI, [31:16] vCPU ID; bits[15:2] MBZ. */
	if (snd != ep->id || !r || r->partition == ep->partition || (flags & FFA_NOTIF_SET_MBZ) ||
	    !bits ||
	    ((flags & FFA_NOTIF_FLAG_PER_VCPU) && r->partition && ffa_hi16(flags) >= r->exec_ctx)) {
		ffa_error(c, FFA_INVALID_PARAMETERS);
		return;
	}
	if (!r->partition && !r->bitmap) {
		ffa_error(c, FFA_INVALID_PARAMETERS);
		return;
	}
	/* Every bit must be bound to this sender. */
	for (int b = 0; b < 64; b++)
		if ((bits >> b & 1) && r->bound[b] != (uint64_t)ep->id + 1) {
			ffa_error(c, FFA_DENIED);
			return;
		}
	if (ep->partition)
		r->pending_from_sp |= bits;
	else
		r->pending_from_vm |= bits;
	r->info_reported = false;
	ffa_success(c, 0, 0);
}

void ffa_h_notif_get(struct emu_call *c)
{
	struct ffa_spmc *s = c->state;
	struct ffa_ep *ep = ffa_caller_ep(s, c, true);
	uint32_t w1 = (uint32_t)c->a[1], flags = (uint32_t)c->a[2];
	uint32_t vcpu = ffa_hi16(w1);
	uint32_t nv = ep->partition ? ep->exec_ctx : ep->bitmap_vcpus;
	/* w1: [31:16] vCPU, [15:0] receiver = caller; w2 bits[31:4] MBZ. */
	if (ffa_lo16(w1) != ep->id || (flags & FFA_NOTIF_GET_MBZ)) {
		ffa_error(c, FFA_INVALID_PARAMETERS);
		return;
	}
	if (!ep->partition && !ep->bitmap) {
		ffa_error(c, FFA_DENIED);
		return;
	}
	if (vcpu >= nv) {
		ffa_error(c, FFA_INVALID_PARAMETERS);
		return;
	}
	uint64_t sp = 0, vm = 0;
	if (flags & FFA_NOTIF_GET_FROM_SP) {
		sp = ep->pending_from_sp;
		ep->pending_from_sp = 0;
	}
	if (flags & FFA_NOTIF_GET_FROM_VM) {
		vm = ep->pending_from_vm;
		ep->pending_from_vm = 0;
	}
	memset(c->r, 0, sizeof(c->r));
	c->r[0] = FFA_SUCCESS_FID;
	c->r[2] = (uint32_t)sp;
	c->r[3] = sp >> 32;
	c->r[4] = (uint32_t)vm;
	c->r[5] = vm >> 32;
	/* w6/w7: SPM and hypervisor framework notifications; none are generated. */
	c->nres = 8;
}

void ffa_h_notif_info_get(struct emu_call *c)
{
	struct ffa_spmc *s = c->state;
	struct ffa_ep *ep = ffa_caller_ep(s, c, true);
	bool w64 = c->fid & SMCCC_64;
	/* DEN0077 v1.1 FFA_NOTIFICATION_INFO_GET: the normal-world scheduler's call. */
	if (ep->partition) {
		ffa_error(c, FFA_NOT_SUPPORTED);
		return;
	}
	uint32_t max = w64 ? FFA_INFO_GET_MAX_IDS_64 : FFA_INFO_GET_MAX_IDS_32, n = 0;
	uint32_t per_reg = w64 ? FFA_INFO_GET_IDS_PER_REG_64 : FFA_INFO_GET_IDS_PER_REG_32;
	bool more = false;
	memset(c->r, 0, sizeof(c->r));
	for (uint32_t i = 0; i < s->nep; i++) {
		struct ffa_ep *e = &s->ep[i];
		if (!(e->pending_from_sp | e->pending_from_vm) || e->info_reported)
			continue;
		if (n == max) {
			more = true;
			break;
		}
		/* One list per endpoint, holding only its ID (global notifications). */
		uint32_t reg = FFA_INFO_GET_FIRST + n / per_reg, sh = 16 * (n % per_reg);
		c->r[reg] |= (uint64_t)e->id << sh;
		e->info_reported = true;
		n++;
	}
	if (!n) {
		ffa_error(c, FFA_NO_DATA);
		return;
	}
	c->r[0] = w64 ? FFA_SUCCESS_64_FID : FFA_SUCCESS_FID;
	/* x2: bit 0 more pending, [11:7] number of lists, list sizes (0 here) from bit 12. */
	c->r[2] = (more ? FFA_INFO_GET_MORE : 0u) | (uint64_t)n << FFA_INFO_GET_COUNT_SHIFT;
	c->nres = SMCSIM_NREGS;
}
