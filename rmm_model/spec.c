/* SPDX-License-Identifier: MIT */
/*
 * The RMI spec profiles as data: versions and the VERSION rule (TF-RMM runtime/rmi/system.c
 * @rel0, runtime/rmi/version.c @v1.x-aligned and main), RMI_FEATURES layouts (smc-rmi.h at
 * each tag) and the status set (lib/common/include/status.h). Which commands each spec has is
 * the rows' .specs in rmi.c.
 */
#include "rmm_model/rmm.h"

/* The layouts are abi/rmi.h's lists, indexed by field. */
#define POS(f, r, s, w) [RMM_FEAT_##f] = { .reg = (r), .shift = (s), .width = (w) },

static const struct rmm_feat_pos layout_rel0[RMM_FEAT_COUNT] = { RMI_FEATURES_1_0_REL0(POS) };
static const struct rmm_feat_pos layout_eac5[RMM_FEAT_COUNT] = { RMI_FEATURES_1_0_EAC5(POS) };
/* The 1.1 additions are optional: a 1.1 RMM may leave them zero. */
static const struct rmm_feat_pos layout_1_1[RMM_FEAT_COUNT] = { RMI_FEATURES_1_1(POS) };
static const struct rmm_feat_pos layout_2_0[RMM_FEAT_COUNT] = { RMI_FEATURES_2_0(POS) };

static const uint32_t versions_1_0[] = { SMCCC_VER(1, 0) };
static const uint32_t versions_1_1[] = { SMCCC_VER(1, 0), SMCCC_VER(1, 1) };
/* TF-RMM main runtime/rmi/version.c supports {2.0} only (its RMM_V1_1 build option is
 * gone). */
static const uint32_t versions_2_0[] = { SMCCC_VER(2, 0) };

/* The register defaults are what the TF-RMM fake_host builds (plat/host) report: on 1.0
 * S2SZ 48, LPA2, BPS 1, WPS 1, PMU with 31 counters, SHA-256/512, MAX_RECS_ORDER 10; the
 * EAC5 value is the same machine in the EAC5 layout. */
#define FEAT_2_0_DEFAULT                                                                           \
	{                                                                                          \
		0x104130, 0x142A9, 0xA1, 0x3, 0xFFFE                                               \
	}

const struct rmm_spec rmm_specs[RMM_SPEC_COUNT] = {
	[RMM_SPEC_1_0_REL0] = { "1.0-rel0",
				0,
				RMM_VERSION_FIXED,
				versions_1_0,
				1,
				RMI_ERROR_RTT,
				1,
				layout_rel0,
				{ UINT64_C(0x283FC104130) } },
	[RMM_SPEC_1_0_EAC5] = { "1.0-eac5",
				0,
				RMM_VERSION_FIXED,
				versions_1_0,
				1,
				RMI_ERROR_RTT,
				1,
				layout_eac5,
				{ UINT64_C(0x3FC44130) } },
	[RMM_SPEC_1_1] = { "1.1",
			   0,
			   RMM_VERSION_ECHO,
			   versions_1_1,
			   2,
			   RMI_ERROR_RTT_AUX,
			   2,
			   layout_1_1,
			   { UINT64_C(0x283FC104130) } },
	[RMM_SPEC_2_0] = { "2.0", RMM_SPEC_GLOBAL_STATE | RMM_SPEC_VMID_ALLOC | RMM_SPEC_TERMINATE,
			   RMM_VERSION_ECHO, versions_2_0, 1, RMI_ERROR_GPT, 5, layout_2_0,
			   FEAT_2_0_DEFAULT },
	[RMM_SPEC_2_0_1_0] = { "2.0+1.0",
			       RMM_SPEC_GLOBAL_STATE | RMM_SPEC_VMID_ALLOC | RMM_SPEC_TERMINATE,
			       RMM_VERSION_ECHO, versions_2_0, 1, RMI_ERROR_GPT, 5, layout_2_0,
			       FEAT_2_0_DEFAULT },
};

const char *const rmm_spec_names[] = { "1.0-rel0", "1.0-eac5", "1.1", "2.0", "2.0+1.0", NULL };

uint32_t rmm_spec_highest(const struct rmm_spec *s)
{
	return s->versions[s->nversions - 1];
}

static uint64_t field_mask(unsigned int width)
{
	return width >= 64 ? UINT64_MAX : (UINT64_C(1) << width) - 1;
}

uint64_t rmm_feat_reg(const struct rmm *r, uint64_t index)
{
	/* DEN0137 1.0 B4.3.4 FEATURES / 2.0: registers the spec does not define read as zero. */
	if (index >= r->spec->nregs)
		return 0;
	return index == 0 ? r->feat0 : r->feat_ext[index - 1];
}

uint64_t rmm_feat(const struct rmm *r, enum rmm_feat_field f)
{
	const struct rmm_feat_pos *p = &r->spec->layout[f];
	if (!p->width)
		return 0;
	return (rmm_feat_reg(r, p->reg) >> p->shift) & field_mask(p->width);
}

uint64_t rmm_feat_defined(const struct rmm_spec *s, unsigned int reg)
{
	uint64_t m = 0;
	for (int f = 0; f < RMM_FEAT_COUNT; f++)
		if (s->layout[f].width && s->layout[f].reg == reg)
			m |= field_mask(s->layout[f].width) << s->layout[f].shift;
	return m;
}

void rmm_spec_version(const struct rmm *r, uint64_t req, struct emu_call *c)
{
	const struct rmm_spec *s = r->spec;
	uint32_t hi = rmm_spec_highest(s);
	bool ok = false;
	for (size_t i = 0; i < s->nversions; i++)
		ok |= req == s->versions[i];
	if (s->rule == RMM_VERSION_FIXED) {
		emu_ret3(c, rmi_ret(ok ? RMI_SUCCESS : RMI_ERROR_INPUT, 0), hi, hi);
		return;
	}
	/* TF-RMM main version.c: an unsupported request reports the highest as "lower"
	 * (its TODO says the spec wants the highest below the request). */
	emu_ret3(c, rmi_ret(ok ? RMI_SUCCESS : RMI_ERROR_INPUT, 0), ok ? req : hi, hi);
}

int rmm_spec_configure(struct rmm *r, json_t *cfg, const char *path, struct smcsim_error *err)
{
	static const char *const keys[RMM_FEAT_NREGS] = { "features0", "features1", "features2",
							  "features3", "features4" };
	const struct rmm_spec *s = r->spec;
	for (unsigned int i = 0; i < RMM_FEAT_NREGS; i++) {
		uint64_t v;
		int ret = emu_cfg_u64(cfg, keys[i], path, s->feat_default[i], &v, err);
		if (ret)
			return ret;
		if (i >= s->nregs && v)
			return emu_err(err,
				       "%s/%s: spec \"%s\" defines FEATURES registers 0..%u only",
				       path, keys[i], s->name, s->nregs - 1);
		/* Bits no field of the spec's layout defines are RES0 (DEN0137
		 * RmiFeatureRegister*). */
		if (v & ~rmm_feat_defined(s, i))
			return emu_err(err, "%s/%s: bits 0x%llx are reserved in the \"%s\" layout",
				       path, keys[i],
				       (unsigned long long)(v & ~rmm_feat_defined(s, i)), s->name);
		if (i == 0)
			r->feat0 = v;
		else
			r->feat_ext[i - 1] = v;
	}
	/* The model's granules are 4 KiB: a 2.0 RMM must offer exactly that RMI granule size. */
	if (s->layout[RMM_FEAT_GRAN_SZ_4K].width &&
	    (!rmm_feat(r, RMM_FEAT_GRAN_SZ_4K) || rmm_feat(r, RMM_FEAT_GRAN_SZ_16K) ||
	     rmm_feat(r, RMM_FEAT_GRAN_SZ_64K)))
		return emu_err(err, "%s/features1: only RMI_GRAN_SZ_4KB (bit 0) is modelled", path);
	int ret;
	if ((ret = emu_cfg_u32(cfg, "activate_granules", path, 0, &r->v2.activate_granules, err)) ||
	    (ret = emu_cfg_u32(cfg, "range_limit", path, 0, &r->v2.range_limit, err)))
		return ret;
	if (!(s->flags & RMM_SPEC_GLOBAL_STATE) && (r->v2.activate_granules || r->v2.range_limit))
		return emu_err(err, "%s: activate_granules and range_limit need a 2.0 spec", path);
	/* RMI_DONATE_REQ count is bits [15:2]. */
	if (r->v2.activate_granules > RMI_DONATE_COUNT_MAX)
		return emu_err(err, "%s/activate_granules: at most 16383", path);
	return 0;
}
