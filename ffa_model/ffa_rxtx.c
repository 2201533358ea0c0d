/* SPDX-License-Identifier: MIT */
/*
 * RX/TX mailboxes (DEN0077 v1.2 7.2, 13.5-13.7): FFA_RXTX_MAP, FFA_RXTX_UNMAP,
 * FFA_RX_RELEASE, FFA_RX_ACQUIRE, and RX ownership for every producer in the model.
 *
 * RX ownership: the SPMC (producer) may write RX only while it owns it (rx_full clear).
 * Writing hands ownership to the endpoint (rx_full set) until FFA_RX_RELEASE.
 */
#include <string.h>

#include "ffa_model/ffa.h"

int32_t ffa_rx_produce(struct ffa_spmc *s, struct ffa_ep *ep, const void *buf, uint32_t len)
{
	/* DEN0077 v1.2 7.2.2.4: the producer may not write a buffer the consumer owns. */
	if (!ep->mapped || ep->rx_full || ep->rx_acquired)
		return FFA_BUSY;
	if (len > ep->pages * FFA_PAGE)
		return FFA_NO_MEMORY;
	void *rx = ffa_mem(s, ep->rx, len);
	if (!rx)
		return FFA_ABORTED;
	memcpy(rx, buf, len);
	ep->rx_full = true;
	return FFA_OK;
}

/* The minimum buffer size of the profile, in FF-A pages. */
static uint32_t min_pages(const struct ffa_spmc *s)
{
	static const uint32_t pages[] = {
		[FFA_FEAT_RXTX_MIN_4K] = 1,
		[FFA_FEAT_RXTX_MIN_64K] = 16,
		[FFA_FEAT_RXTX_MIN_16K] = 4,
	};
	return pages[s->rxtx_min];
}

/* Every page of [pa, pa + pages*4K) in NS memory (for the NS endpoint), not already a
 * mailbox and not in a memory transaction. */
static bool pages_free(struct ffa_spmc *s, const struct ffa_ep *ep, uint64_t pa, uint32_t pages)
{
	for (uint32_t i = 0; i < pages; i++) {
		uint64_t a = pa + (uint64_t)i * FFA_PAGE;
		const uint8_t *f = ffa_page(s, a);
		if (!f || *f)
			return false;
		if (!ep->partition && emu_granule(s->sim, a)->pas != EMU_PAS_NS)
			return false;
	}
	return true;
}

static void set_rxtx(struct ffa_spmc *s, uint64_t pa, uint32_t pages, bool on)
{
	for (uint32_t i = 0; i < pages; i++) {
		uint8_t *f = ffa_page(s, pa + (uint64_t)i * FFA_PAGE);
		if (f)
			*f = on ? (uint8_t)(*f | FFA_GR_RXTX) : (uint8_t)(*f & ~FFA_GR_RXTX);
	}
}

void ffa_h_rxtx_map(struct emu_call *c)
{
	struct ffa_spmc *s = c->state;
	struct ffa_ep *ep = ffa_caller_ep(s, c, true);
	uint64_t tx = c->a[1], rx = c->a[2];
	/* TF-A masks w3 with 0x1F and Hafnium takes the low bits; DEN0077 v1.2 13.6:
	 * w3[5:0] page count, the rest MBZ. */
	uint32_t w3 = (uint32_t)c->a[3];
	uint32_t pages = w3 & FFA_RXTX_MAP_PAGES_MASK;
	uint64_t gran = (uint64_t)min_pages(s) * FFA_PAGE;

	/* DEN0077 v1.2 13.6.2: mapping a second pair is DENIED. */
	if (ep->mapped) {
		ffa_error(c, FFA_DENIED);
		return;
	}
	/* The forwarded form (x1 = x2 = w3 = 0 with a descriptor in the hypervisor's TX)
	 * is not modelled: no hypervisor on this path maps on behalf of VMs. */
	if (w3 & ~FFA_RXTX_MAP_PAGES_MASK || pages == 0 || (pages * FFA_PAGE) % gran || tx % gran ||
	    rx % gran || (s->rxtx_max_pages && pages > s->rxtx_max_pages)) {
		ffa_error(c, FFA_INVALID_PARAMETERS);
		return;
	}
	uint64_t len = (uint64_t)pages * FFA_PAGE;
	/* Overlapping buffers, memory outside the caller's, pages already in use. */
	if ((tx < rx + len && rx < tx + len) || !ffa_mem(s, tx, len) || !ffa_mem(s, rx, len) ||
	    !pages_free(s, ep, tx, pages) || !pages_free(s, ep, rx, pages)) {
		ffa_error(c, FFA_INVALID_PARAMETERS);
		return;
	}
	ep->tx = tx;
	ep->rx = rx;
	ep->pages = pages;
	ep->mapped = true;
	ep->rx_full = false;
	ep->rx_acquired = false;
	set_rxtx(s, tx, pages, true);
	set_rxtx(s, rx, pages, true);
	ffa_success(c, 0, 0);
}

void ffa_h_rxtx_unmap(struct emu_call *c)
{
	struct ffa_spmc *s = c->state;
	struct ffa_ep *ep = ffa_caller_ep(s, c, true);
	/* DEN0077 v1.2 13.7: w1[31:16] is a VM ID only at the NS-physical instance on behalf
	 * of a VM; the model has no VMs behind the caller, so it must be the caller's own. */
	uint32_t id = ffa_hi16(c->a[1]);
	if ((id && id != ep->id) || !ep->mapped) {
		ffa_error(c, FFA_INVALID_PARAMETERS);
		return;
	}
	set_rxtx(s, ep->tx, ep->pages, false);
	set_rxtx(s, ep->rx, ep->pages, false);
	ep->mapped = false;
	ep->rx_full = false;
	ep->rx_acquired = false;
	ep->tx = ep->rx = 0;
	ep->pages = 0;
	ffa_success(c, 0, 0);
}

void ffa_h_rx_release(struct emu_call *c)
{
	struct ffa_spmc *s = c->state;
	struct ffa_ep *ep = ffa_caller_ep(s, c, true);
	uint16_t vm = ffa_lo16(c->a[1]);
	/* w1[15:0] names a VM only at the NS-physical instance; the model has no VMs behind
	 * the host, so it must be 0 (Hafnium: INVALID_PARAMETERS at a virtual instance). */
	if (vm != 0 && vm != ep->id) {
		ffa_error(c, FFA_INVALID_PARAMETERS);
		return;
	}
	/* DEN0077 v1.2 13.5: releasing a buffer the caller does not own is DENIED
	 * (ACS ffa_rx_release). */
	if (!ep->mapped || !ep->rx_full) {
		ffa_error(c, FFA_DENIED);
		return;
	}
	ep->rx_full = false;
	ep->rx_acquired = false;
	ffa_success(c, 0, 0);
}

void ffa_h_rx_acquire(struct emu_call *c)
{
	struct ffa_spmc *s = c->state;
	struct ffa_ep *ep = ffa_caller_ep(s, c, true);
	/* DEN0077 v1.1 FFA_RX_ACQUIRE: only the hypervisor (NS-physical instance) acquires a VM's
	 * RX (Hafnium: NOT_SUPPORTED for anyone else). */
	if (ep->partition) {
		ffa_error(c, FFA_NOT_SUPPORTED);
		return;
	}
	uint16_t vm = (uint16_t)c->a[1];
	if (vm != ep->id || !ep->mapped) {
		ffa_error(c, FFA_INVALID_PARAMETERS);
		return;
	}
	if (ep->rx_full || ep->rx_acquired) {
		ffa_error(c, FFA_DENIED);
		return;
	}
	ep->rx_acquired = true;
	ep->rx_full = true;
	ffa_success(c, 0, 0);
}
