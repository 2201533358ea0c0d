/* SPDX-License-Identifier: MIT */
/*
 * KVM vendor hypervisor service (Linux include/linux/arm-smccc.h, arch/arm64/kvm/
 * hypercalls.c): KVM_FEATURES and KVM_PTP. The vendor-hyp Call UID is answered by the
 * "query" service's vendor_hyp range on the same layer.
 *
 * Profile section "kvm":
 *   features   the vendor_hyp bitmap (KVM_REG_ARM_VENDOR_HYP_BMAP): bit 0 KVM_FEATURES
 *              and CALL_UID, bit 1 PTP. Default 0x3, KVM's reset value.
 *   ptp        { "wall_ns", "counter", "counter_hz", "cntvoff", "step_ns" }: a simulated
 *              clock. Each PTP call first advances time by step_ns, so a sequence of
 *              calls is reproducible and strictly increasing.
 */
#include <errno.h>
#include <stdlib.h>

#include "emu/emu.h"
#include "emu/services.h"

struct kvm {
	uint32_t features;
	uint64_t wall0, counter0, hz, cntvoff, step_ns;
	uint64_t elapsed_ns;
};

static void h_features(struct emu_call *c)
{
	const struct kvm *k = c->state;
	/* hypercalls.c: the bitmap goes in a0; a1..a3 are zero. */
	emu_ret4(c, k->features, 0, 0, 0);
}

static void h_ptp(struct emu_call *c)
{
	struct kvm *k = c->state;
	uint64_t which = c->a[1];
	if (which != KVM_PTP_VIRT_COUNTER && which != KVM_PTP_PHYS_COUNTER) {
		/* kvm_ptp_get_time() leaves the NOT_SUPPORTED it started with. */
		emu_ret1(c, SMCCC_RET_NOT_SUPPORTED);
		return;
	}
	k->elapsed_ns += k->step_ns;
	uint64_t ns = k->wall0 + k->elapsed_ns;
	/* Counter ticks since boot: elapsed * hz / 1e9, split to avoid overflow. */
	uint64_t ticks = (k->elapsed_ns / 1000000000u) * k->hz +
			 (k->elapsed_ns % 1000000000u) * k->hz / 1000000000u;
	uint64_t cycles = k->counter0 + ticks;
	if (which == KVM_PTP_VIRT_COUNTER)
		cycles -= k->cntvoff;
	emu_ret4(c, ns >> 32, ns & UINT32_MAX, cycles >> 32, cycles & UINT32_MAX);
}

static const struct emu_fn kvm_fns[] = {
	/* Linux arch/arm64/kvm/hypercalls.c: both answer in a0..a3. */
	EMU_FN_ROW(KVM_FEATURES, .flags = EMU_FN_OPTIONAL, .handler = h_features, .nres = 4),
	EMU_FN_ROW(KVM_PTP, .flags = EMU_FN_OPTIONAL, .handler = h_ptp, .nargs = 1, .nres = 4),
};
_Static_assert(EMU_ARRAY_SIZE(kvm_fns) == EMU_FN_COUNT(KVM_FUNCTIONS),
	       "kvm_fns: one row for every KVM function in abi/kvm.h");

static bool kvm_implements(const void *state, const struct emu_fn *fn)
{
	const struct kvm *k = state;
	/* kvm_smccc_call_handler(): a call whose bitmap bit is clear is denied (-1). */
	if (fn->fid == KVM_FEATURES_FID)
		return k->features & (1u << KVM_FEAT_FEATURES);
	if (fn->fid == KVM_PTP_FID)
		return k->features & (1u << KVM_FEAT_PTP);
	return false;
}

static void kvm_reset(void *state)
{
	((struct kvm *)state)->elapsed_ns = 0;
}

static int kvm_create(struct smcsim *sim, struct emu_layer *layer, json_t *cfg, const char *path,
		      void **state, struct smcsim_error *err)
{
	static const char *const keys[] = { "features", "ptp", NULL };
	static const char *const pkeys[] = { "wall_ns", "counter", "counter_hz",
					     "cntvoff", "step_ns", NULL };
	struct kvm *k = calloc(1, sizeof(*k));
	if (!k)
		return -ENOMEM;
	*state = k;
	json_t *ptp;
	char p[300];
	snprintf(p, sizeof(p), "%s/ptp", path);
	int ret;
	if ((ret = emu_cfg_keys(cfg, path, keys, err)) ||
	    (ret = emu_cfg_u32(cfg, "features", path, 0x3, &k->features, err)) ||
	    (ret = emu_cfg_object(cfg, "ptp", path, &ptp, err)))
		return ret;
	json_t *empty = ptp ? NULL : json_object();
	json_t *pc = ptp ? ptp : empty;
	/* Defaults: 2026-01-01T00:00:00Z, a 1 GHz counter (FEAT_ECV-era), 1 us per call. */
	if ((ret = emu_cfg_keys(pc, p, pkeys, err)) ||
	    (ret = emu_cfg_u64(pc, "wall_ns", p, UINT64_C(1767225600000000000), &k->wall0, err)) ||
	    (ret = emu_cfg_u64(pc, "counter", p, 0, &k->counter0, err)) ||
	    (ret = emu_cfg_u64(pc, "counter_hz", p, 1000000000u, &k->hz, err)) ||
	    (ret = emu_cfg_u64(pc, "cntvoff", p, 0, &k->cntvoff, err)) ||
	    (ret = emu_cfg_u64(pc, "step_ns", p, 1000, &k->step_ns, err))) {
		json_decref(empty);
		return ret;
	}
	json_decref(empty);
	if (k->features > 0x3)
		return emu_err(err,
			       "%s/features: KVM's vendor_hyp bitmap has bits 0 (features) and 1 "
			       "(PTP) only",
			       path);
	if (k->hz == 0 || k->hz > UINT64_C(10000000000))
		return emu_err(err, "%s/counter_hz: must be 1 .. 10^10", p);
	return 0;
}

static void kvm_destroy(void *state)
{
	free(state);
}

const struct emu_service emu_svc_kvm = {
	.name = "kvm",
	.title = "KVM vendor hypervisor service (Linux arm-smccc.h)",
	.fns = kvm_fns,
	.nfns = EMU_ARRAY_SIZE(kvm_fns),
	.create = kvm_create,
	.destroy = kvm_destroy,
	.reset = kvm_reset,
	.implements = kvm_implements,
};
