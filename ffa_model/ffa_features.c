/* SPDX-License-Identifier: MIT */
/*
 * FFA_FEATURES (DEN0077 v1.2 13.3): function IDs (w1 bit 31 set) and feature IDs (bit 31
 * clear). Per-call properties: the RX/TX buffer limits of the profile, and the row's own
 * `features` bits (FFA_MEM_RETRIEVE_REQ) as far as the caller's version defines them.
 */
#include "ffa_model/ffa.h"

static void feature_id(struct emu_call *c, struct ffa_spmc *s, struct ffa_ep *ep, uint32_t q,
		       uint32_t in)
{
	/* Hafnium ffa_features: bits[30:8] of a feature ID and the input properties MBZ,
	 * else NOT_SUPPORTED. */
	if ((q & FFA_FEAT_ID_MBZ) || in) {
		ffa_error(c, FFA_NOT_SUPPORTED);
		return;
	}
	switch (q) {
	case FFA_FEAT_SRI:
		/* The schedule-receiver interrupt is for normal-world schedulers only. */
		if (s->notifications && !ep->partition && ffa_ep_version(s, ep) >= FFA_V1_1) {
			ffa_success(c, s->sri_intid, 0);
			return;
		}
		break;
	case FFA_FEAT_NPI:
	case FFA_FEAT_MEI:
		/* NPI and managed exit are virtual interrupts of the secure virtual instance:
		 * a partition may ask, the normal world may not (Hafnium). */
		if (ep->partition) {
			ffa_success(c, q == FFA_FEAT_NPI ? s->npi_intid : s->mei_intid, 0);
			return;
		}
		break;
	default:
		break;
	}
	ffa_error(c, FFA_NOT_SUPPORTED);
}

void ffa_h_features(struct emu_call *c)
{
	struct ffa_spmc *s = c->state;
	struct ffa_ep *ep = ffa_caller_ep(s, c, true);
	uint32_t q = (uint32_t)c->a[1];
	uint32_t in = (uint32_t)c->a[2];
	uint32_t v = ffa_ep_version(s, ep);

	if (!(q & SMCCC_FAST)) {
		feature_id(c, s, ep, q, in);
		return;
	}
	q &= ~SMCCC_SVE_HINT;
	/* A function the caller's negotiated version does not have is not supported for it. */
	if (!ffa_fid_supported(s, q, v)) {
		ffa_error(c, FFA_NOT_SUPPORTED);
		return;
	}
	const struct emu_fn *fn = ffa_fn_of(q);
	uint32_t w2 = 0, w3 = 0;
	switch (q) {
	case FFA_RXTX_MAP_FID:
	case FFA_RXTX_MAP_64_FID:
		/* w2[1:0] minimum size and alignment; v1.2 adds the maximum in w2[31:16]. */
		w2 = s->rxtx_min;
		if (v >= FFA_V1_2)
			w2 |= s->rxtx_max_pages << FFA_FEAT_RXTX_MAX_PAGES_SHIFT;
		break;
	case FFA_MEM_RETRIEVE_REQ_FID:
	case FFA_MEM_RETRIEVE_REQ_64_FID:
		/* v1.1+: the caller must declare in w2 bit 1 that it handles the NS bit
		 * (Hafnium: NOT_SUPPORTED otherwise). */
		if (v >= FFA_V1_1 && !(in & FFA_FEAT_RETRIEVE_NS_BIT)) {
			ffa_error(c, FFA_NOT_SUPPORTED);
			return;
		}
		/* NS-bit handling arrived in v1.1, hypervisor retrieval (pKVM's reclaim path
		 * relies on it) in v1.2; w3[7:0] is how many retrievals may be outstanding. */
		if (v >= FFA_V1_1)
			w2 |= (uint32_t)fn->features & FFA_FEAT_RETRIEVE_NS_BIT;
		if (v >= FFA_V1_2)
			w2 |= (uint32_t)fn->features & FFA_FEAT_RETRIEVE_HYP;
		w3 = FFA_MAX_TXNS - 1;
		break;
	default:
		/* MEM_SHARE/LEND/DONATE: FFA_FEAT_MEM_DYN_BUF clear, the model uses TX only. */
		w2 = (uint32_t)fn->features;
		break;
	}
	ffa_success(c, w2, w3);
}
