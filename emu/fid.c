/* SPDX-License-Identifier: MIT */
/*
 * Function-ID knowledge: the service tables of a registry are the single source for
 * names, decoding and dispatch. These lookups serve parsing and the decoder, not the call
 * path (which uses each machine's precomputed routes).
 */
#include <errno.h>
#include <string.h>

#include "emu/emu.h"

const struct emu_service *emu_service_find(const struct emu_registry *reg, const char *name)
{
	for (size_t i = 0; i < reg->n; i++)
		if (strcmp(reg->svcs[i]->name, name) == 0)
			return reg->svcs[i];
	return NULL;
}

const struct emu_fn *emu_fn_find(const struct emu_registry *reg, uint32_t fid,
				 const struct emu_service **svc)
{
	if (fid & SMCCC_FAST)
		fid &= ~SMCCC_SVE_HINT;
	for (size_t i = 0; i < reg->n; i++) {
		const struct emu_service *s = reg->svcs[i];
		if (s->alias)
			continue;
		for (size_t k = 0; k < s->nfns; k++)
			if (s->fns[k].fid == fid) {
				if (svc)
					*svc = s;
				return &s->fns[k];
			}
	}
	return NULL;
}

const struct emu_fn *emu_fn_find_name(const struct emu_registry *reg, const char *name,
				      const struct emu_service **svc)
{
	/* Names start with an upper-case letter; skip the scan for anything else. */
	if (!name || name[0] < 'A' || name[0] > 'Z')
		return NULL;
	for (size_t i = 0; i < reg->n; i++) {
		const struct emu_service *s = reg->svcs[i];
		if (s->alias)
			continue;
		for (size_t k = 0; k < s->nfns; k++)
			if (s->fns[k].name[0] == name[0] && strcmp(s->fns[k].name, name) == 0) {
				if (svc)
					*svc = s;
				return &s->fns[k];
			}
	}
	return NULL;
}

/* DEN0028 Table 6-2: Owning Entity Numbers. */
static const char *oen_name(unsigned int oen)
{
	static const char *const names[] = {
		[SMCCC_OEN_ARCH] = "Arm Architecture Calls",
		[SMCCC_OEN_CPU] = "CPU Service Calls",
		[SMCCC_OEN_SIP] = "SiP Service Calls",
		[SMCCC_OEN_OEM] = "OEM Service Calls",
		[SMCCC_OEN_STD] = "Standard Secure Service Calls",
		[SMCCC_OEN_STD_HYP] = "Standard Hypervisor Service Calls",
		[SMCCC_OEN_VENDOR_HYP] = "Vendor Specific Hypervisor Service Calls",
		[SMCCC_OEN_VENDOR_EL3] = "Vendor Specific EL3 Monitor Calls",
	};
	if (oen < EMU_ARRAY_SIZE(names) && names[oen])
		return names[oen];
	if (oen >= 48 && oen <= 49)
		return "Trusted Application Calls";
	if (oen >= 50)
		return "Trusted OS Calls";
	return "Reserved for future use";
}

int emu_fid_decode(const struct emu_registry *reg, uint32_t fid, struct smcsim_fid_info *info)
{
	if (!info)
		return -EINVAL;
	memset(info, 0, sizeof(*info));
	info->fid = fid;
	info->fast = !!(fid & SMCCC_FAST);
	info->smc64 = !!(fid & SMCCC_64);
	info->sve_hint = info->fast && (fid & SMCCC_SVE_HINT);
	info->owner = SMCCC_OEN(fid);
	info->owner_name = oen_name(info->owner);
	const struct emu_service *s;
	const struct emu_fn *fn = emu_fn_find(reg, fid, &s);
	if (!fn)
		return -ENOENT;
	info->service = s->name;
	info->name = fn->name;
	info->since = fn->since;
	return 0;
}
