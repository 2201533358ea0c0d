/* SPDX-License-Identifier: MIT */
/*
 * FFA_VERSION: negotiation and lock-in, per the selected policy (DEN0077 v1.2 13.2, and
 * how Hafnium and the TF-A EL3 SPMC depart from it).
 *
 * spec     DEN0077 v1.2 13.2.2 rules 1-4. Compatible request (same major, minor <= ours):
 *          our version, the caller speaks what it asked for. Lesser incompatible callee
 *          (caller asks a higher minor or a higher major): our version (rule 3). Greater
 *          incompatible callee (caller's major lower): NOT_SUPPORTED (rule 2 allows it).
 *          After lock-in: a lower minor than negotiated is NOT_SUPPORTED (ACS
 *          ffa_version_negotiation), anything else gets our version, negotiated unchanged.
 * hafnium  api_ffa_version: major must match and minor <= ours, else NOT_SUPPORTED
 *          (hftest fails_minor_version_too_high). After lock-in only the negotiated
 *          version is accepted; anything else is NOT_SUPPORTED.
 * tfa      TF-A EL3 SPMC (hftest ffa_secure_partition_el3_spmc): always answers with its
 *          own version except for bit 31 set; an incompatible request leaves the caller
 *          at the SPMC's version. After lock-in it returns the negotiated version.
 */
#include "ffa_model/ffa.h"

static uint32_t negotiate(struct ffa_spmc *s, struct ffa_ep *ep, uint32_t req)
{
	uint32_t ours = s->version;
	bool compatible = ffa_major(req) == ffa_major(ours) && ffa_minor(req) <= ffa_minor(ours);

	/* DEN0077 v1.2 13.2.1: bit 31 of the requested version MBZ. */
	if (req & FFA_VERSION_MBZ)
		return (uint32_t)FFA_NOT_SUPPORTED;

	if (ep->locked) {
		uint32_t neg = ffa_ep_version(s, ep);
		switch (s->policy) {
		case FFA_POLICY_HAFNIUM:
			return req == neg ? ours : (uint32_t)FFA_NOT_SUPPORTED;
		case FFA_POLICY_TFA:
			return neg;
		default:
			if (ffa_major(req) == ffa_major(neg) && ffa_minor(req) < ffa_minor(neg))
				return (uint32_t)FFA_NOT_SUPPORTED;
			return ours;
		}
	}

	switch (s->policy) {
	case FFA_POLICY_HAFNIUM:
		if (!compatible)
			return (uint32_t)FFA_NOT_SUPPORTED;
		ep->version = req;
		return ours;
	case FFA_POLICY_TFA:
		ep->version = compatible ? req : ours;
		return ours;
	default:
		if (compatible) {
			ep->version = req; /* rule 1 */
			return ours;
		}
		if (ffa_major(req) < ffa_major(ours))
			return (uint32_t)FFA_NOT_SUPPORTED; /* rule 2 */
		ep->version = ours;			    /* rule 3 */
		return ours;
	}
}

void ffa_h_version(struct emu_call *c)
{
	struct ffa_spmc *s = c->state;
	struct ffa_ep *ep = ffa_caller_ep(s, c, false);
	/* DEN0077 v1.2 13.2: the result is in w0 alone, not wrapped in FFA_ERROR/SUCCESS;
	 * w1..w7 are reserved and returned as zero (ACS ffa_version checks them). */
	emu_ret1(c, negotiate(s, ep, (uint32_t)c->a[1]));
	for (int i = 1; i < 8; i++)
		c->r[i] = 0;
	c->nres = 8;
}
