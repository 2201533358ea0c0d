/* SPDX-License-Identifier: MIT */
/*
 * Function-ID knowledge: the service tables of a registry are the single source for
 * names, decoding and dispatch. These lookups serve parsing and the decoder, not the call
 * path (which uses each machine's precomputed routes).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

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

static const struct emu_fn *find_exact(const struct emu_registry *reg, const char *name,
				       const struct emu_service **svc)
{
	for (size_t i = 0; i < reg->n; i++) {
		const struct emu_service *s = reg->svcs[i];
		if (s->alias)
			continue;
		for (size_t k = 0; k < s->nfns; k++)
			if (strcasecmp(s->fns[k].name, name) == 0) {
				if (svc)
					*svc = s;
				return &s->fns[k];
			}
	}
	return NULL;
}

static bool take_prefix(char *s, const char *prefix)
{
	size_t n = strlen(prefix);
	if (strncmp(s, prefix, n))
		return false;
	memmove(s, s + n, strlen(s + n) + 1);
	return true;
}

static bool take_suffix(char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	if (n <= m || strcmp(s + n - m, suffix))
		return false;
	s[n - m] = '\0';
	return true;
}

/*
 * The spellings people copy from other code, mapped to the spec names of the tables:
 * Linux's macros (ARM_SMCCC_VERSION_FUNC_ID, ARM_SMCCC_TRNG_RND64, PSCI_0_2_FN64_CPU_ON,
 * PSCI_1_0_FN_PSCI_FEATURES, FFA_FN64_RXTX_MAP, SMC_RMI_VERSION, SMC_RSI_ABI_VERSION...)
 * and TF-A's _SMC32/_SMC64 and _32 suffixes (FFA_RXTX_MAP_SMC64, FFA_SUCCESS_32).
 */
static bool linux_spelling(const char *name, char *out, size_t len)
{
	if (strlen(name) >= len || strlen(name) >= 90)
		return false; /* no function name is that long */
	for (size_t i = 0; name[i]; i++)
		out[i] = (char)(name[i] >= 'a' && name[i] <= 'z' ? name[i] - 32 : name[i]);
	out[strlen(name)] = '\0';
	bool changed = take_suffix(out, "_FUNC_ID");
	if (take_prefix(out, "ARM_SMCCC_VENDOR_HYP_"))
		changed = true;
	else if (take_prefix(out, "ARM_SMCCC_TRNG_")) {
		memmove(out + 5, out, strlen(out) + 1);
		memcpy(out, "TRNG_", 5);
		changed = true;
	} else if (take_prefix(out, "ARM_"))
		changed = true;
	if (take_prefix(out, "SMC_")) {
		/* Linux's asm/rmi_smc.h and rsi_smc.h: SMC_RMI_VERSION is RMI_VERSION, and RSI's
		 * version call is SMC_RSI_ABI_VERSION. */
		if (!strcmp(out, "RSI_ABI_VERSION"))
			strcpy(out, "RSI_VERSION");
		changed = true;
	}
	static const char *const psci[] = { "PSCI_0_2_FN", "PSCI_1_0_FN", "PSCI_1_1_FN",
					    "PSCI_1_3_FN" };
	for (size_t i = 0; i < EMU_ARRAY_SIZE(psci); i++) {
		char p64[24], p32[24];
		snprintf(p64, sizeof(p64), "%s64_", psci[i]);
		snprintf(p32, sizeof(p32), "%s_", psci[i]);
		bool is64 = take_prefix(out, p64);
		if (is64 || take_prefix(out, p32)) {
			char rest[96];
			snprintf(rest, sizeof(rest), "%s", out);
			snprintf(out, len, "%s%s%s", strncmp(rest, "PSCI_", 5) ? "PSCI_" : "", rest,
				 is64 ? "_64" : "");
			changed = true;
			break;
		}
	}
	if (take_prefix(out, "FFA_FN64_")) {
		char rest[96];
		snprintf(rest, sizeof(rest), "%s", out);
		snprintf(out, len, "FFA_%s_64", rest);
		changed = true;
	}
	if (take_suffix(out, "_SMC64") || take_suffix(out, "_AARCH64")) {
		if (strlen(out) + 4 < len)
			strcat(out, "_64");
		changed = true;
	} else if (take_suffix(out, "_SMC32") || take_suffix(out, "_AARCH32") ||
		   take_suffix(out, "_32")) {
		changed = true;
	}
	return changed;
}

const struct emu_fn *emu_fn_find_name(const struct emu_registry *reg, const char *name,
				      const struct emu_service **svc)
{
	/* Names start with a letter; skip the scan for numbers. Case does not matter
	 * (psci_version is PSCI_VERSION). */
	if (!name || !((name[0] >= 'A' && name[0] <= 'Z') || (name[0] >= 'a' && name[0] <= 'z')))
		return NULL;
	const struct emu_fn *fn = find_exact(reg, name, svc);
	char alias[128];
	if (!fn && linux_spelling(name, alias, sizeof(alias)))
		fn = find_exact(reg, alias, svc);
	return fn;
}

/* Levenshtein distance, case-insensitive, capped: names are short. */
static unsigned int distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 63 || lb > 63)
		return 99;
	unsigned int row[64];
	for (size_t j = 0; j <= lb; j++)
		row[j] = (unsigned int)j;
	for (size_t i = 1; i <= la; i++) {
		unsigned int prev = row[0];
		row[0] = (unsigned int)i;
		for (size_t j = 1; j <= lb; j++) {
			unsigned int cur = row[j];
			int ca = a[i - 1] >= 'a' && a[i - 1] <= 'z' ? a[i - 1] - 32 : a[i - 1];
			int cb = b[j - 1] >= 'a' && b[j - 1] <= 'z' ? b[j - 1] - 32 : b[j - 1];
			unsigned int sub = prev + (ca != cb);
			unsigned int best =
				row[j] + 1 < row[j - 1] + 1 ? row[j] + 1 : row[j - 1] + 1;
			row[j] = sub < best ? sub : best;
			prev = cur;
		}
	}
	return row[lb];
}

size_t emu_fn_suggest(const struct emu_registry *reg, const char *name, const char **out,
		      size_t max)
{
	/* The names at the smallest edit distance, if it is small (a typo: at most 2, or 3
	 * for names over 12 characters), and names the query is a prefix of (TRNG_RND:
	 * TRNG_RND32, TRNG_RND64), which count as distance 1. */
	size_t ql = strlen(name);
	unsigned int limit = ql > 12 ? 3 : 2, best = limit + 1;
	for (int pass = 0; pass < 2; pass++) {
		size_t n = 0;
		for (size_t i = 0; i < reg->n; i++) {
			const struct emu_service *s = reg->svcs[i];
			if (s->alias)
				continue;
			for (size_t k = 0; k < s->nfns; k++) {
				const char *c = s->fns[k].name;
				bool prefix = ql >= 4 && strncasecmp(c, name, ql) == 0 &&
					      strlen(c) - ql <= 3;
				unsigned int d = prefix ? 1 : distance(name, c);
				if (!pass && d < best)
					best = d;
				else if (pass && d == best && n < max)
					out[n++] = c;
			}
		}
		if (pass)
			return n;
		if (best > limit)
			return 0;
	}
	return 0;
} /* DEN0028 Table 6-2: Owning Entity Numbers. */
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
