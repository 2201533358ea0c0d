/* SPDX-License-Identifier: MIT */
/*
 * What a result register says, by the service of the call that produced it: status codes
 * by their spec names (PSCI DEN0022 5.2.2, SMCCC DEN0028 7.1, TRNG DEN0098 2.1, FF-A
 * DEN0077 v1.2 Table 11.9, RMI DEN0137 B4.4.1 with the index byte, RSI B5.4.1), versions as
 * major.minor, FF-A's result function IDs by name. A number that only happens to equal a
 * function ID (an RD address of 0x80000000) is not called SMCCC_VERSION.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "abi/ffa.h"
#include "abi/psci.h"
#include "abi/rmi.h"
#include "abi/rsi.h"
#include "abi/smccc.h"
#include "abi/trng.h"
#include "lib/registry.h"

static const char *psci_status(int64_t v)
{
	static const char *const n[] = { "SUCCESS",	     "NOT_SUPPORTED", "INVALID_PARAMETERS",
					 "DENIED",	     "ALREADY_ON",    "ON_PENDING",
					 "INTERNAL_FAILURE", "NOT_PRESENT",   "DISABLED",
					 "INVALID_ADDRESS" };
	return v <= 0 && v >= -9 ? n[-v] : NULL;
}

static const char *smccc_status(int64_t v)
{
	static const char *const n[] = { "SUCCESS", "NOT_SUPPORTED", "NOT_REQUIRED",
					 "INVALID_PARAMETER" };
	return v <= 0 && v >= -3 ? n[-v] : NULL;
}

static const char *trng_status(int64_t v)
{
	static const char *const n[] = { "SUCCESS", "NOT_SUPPORTED", "INVALID_PARAMETER",
					 "NO_ENTROPY" };
	return v <= 0 && v >= -3 ? n[-v] : NULL;
}

static const char *ffa_error(int64_t v)
{
	static const char *const n[] = { "NOT_SUPPORTED", "INVALID_PARAMETERS",
					 "NO_MEMORY",	  "BUSY",
					 "INTERRUPTED",	  "DENIED",
					 "RETRY",	  "ABORTED",
					 "NO_DATA",	  "NOT_READY" };
	return v <= -1 && v >= -10 ? n[-v - 1] : NULL;
}

static const char *rmi_status(uint64_t v)
{
	static const char *const n[] = { "SUCCESS",	   "ERROR_INPUT",   "ERROR_REALM",
					 "ERROR_REC",	   "ERROR_RTT",	    "ERROR_NOT_SUPPORTED",
					 "ERROR_DEVICE",   "ERROR_RTT_AUX", "ERROR_PSMMU_ST",
					 "ERROR_DPT",	   "BUSY",	    "ERROR_GLOBAL",
					 "ERROR_TRACKING", "INCOMPLETE",    "BLOCKED",
					 "ERROR_GPT" };
	return (v & 0xff) < 16 ? n[v & 0xff] : NULL;
}

static const char *rsi_status(uint64_t v)
{
	static const char *const n[] = { "SUCCESS", "ERROR_INPUT", "ERROR_STATE", "INCOMPLETE" };
	return v < 4 ? n[v] : NULL;
}

static bool is_version_call(const char *name)
{
	size_t l = strlen(name);
	return l >= 7 && !strcmp(name + l - 7, "VERSION");
}

SMCSIM_EXPORT int smcsim_result_describe(uint32_t fid, const struct smcsim_regs *res,
					 unsigned int reg, uint64_t v, char *buf, size_t len)
{
	if (!buf || !len)
		return -EINVAL;
	buf[0] = '\0';
	const struct emu_service *svc = NULL;
	const struct emu_fn *fn = emu_fn_find(&lib_registry, fid, &svc);
	if (!fn || reg > 17)
		return -ENOENT;
	int64_t s = (int64_t)v, s32 = (int32_t)(uint32_t)v;
	const char *name = NULL;
	const char *sv = svc->name;
	if (!strcmp(sv, "rmi")) {
		/* x0 = status | index << 8; RMI_VERSION: x1, x2 the lower and higher versions */
		if (reg == 0 && v <= 0xffff && (name = rmi_status(v))) {
			if (v >> 8)
				snprintf(buf, len, "RMI_%s, index %" PRIu64, name, v >> 8);
			else
				snprintf(buf, len, "RMI_%s", name);
			return 0;
		}
		if ((reg == 1 || reg == 2) && is_version_call(fn->name) && v <= 0xffffffff) {
			snprintf(buf, len, "%u.%u", (unsigned)(v >> 16) & 0x7fff,
				 (unsigned)v & 0xffff);
			return 0;
		}
		return -ENOENT;
	}
	if (!strcmp(sv, "rsi")) {
		if (reg == 0 && (name = rsi_status(v))) {
			snprintf(buf, len, "RSI_%s", name);
			return 0;
		}
		if ((reg == 1 || reg == 2) && is_version_call(fn->name) && v <= 0xffffffff) {
			snprintf(buf, len, "%u.%u", (unsigned)(v >> 16) & 0x7fff,
				 (unsigned)v & 0xffff);
			return 0;
		}
		return -ENOENT;
	}
	if (!strcmp(sv, "ffa")) {
		/* Results come back as FFA_SUCCESS/FFA_ERROR/... function IDs in x0, the error
		 * code in w2; FFA_VERSION answers a version (bit 31 clear) in w0. */
		if (reg == 0 && is_version_call(fn->name) && !(v >> 31)) {
			snprintf(buf, len, "%u.%u", (unsigned)(v >> 16), (unsigned)v & 0xffff);
			return 0;
		}
		if (reg == 0 && v <= UINT32_MAX) {
			const char *r = smcsim_fid_name((uint32_t)v);
			if (r) {
				snprintf(buf, len, "%s", r);
				return 0;
			}
		}
		if (reg == 0 && (name = ffa_error(s32)) && is_version_call(fn->name)) {
			snprintf(buf, len, "%s", name);
			return 0;
		}
		/* w2 is an error code only beside FFA_ERROR; without the other registers, say
		 * so. */
		bool err = res && (uint32_t)res->x[0] == FFA_ERROR_FID;
		if (reg == 2 && (!res || err) && (name = ffa_error(s32))) {
			snprintf(buf, len, "%s%s", name, err ? "" : " (if FFA_ERROR)");
			return 0;
		}
		return -ENOENT;
	}
	if (reg != 0)
		return -ENOENT;
	bool version = is_version_call(fn->name) && s32 >= 0 && v <= UINT32_MAX;
	if (!strcmp(sv, "psci")) {
		if (version) {
			snprintf(buf, len, "%u.%u", (unsigned)(v >> 16), (unsigned)v & 0xffff);
			return 0;
		}
		/* DEN0022 5.1.5 AFFINITY_INFO and 5.1.8 MIGRATE_INFO_TYPE answer states, not
		 * statuses, when non-negative. */
		static const char *const aff[] = { "ON", "OFF", "ON_PENDING" };
		static const char *const mit[] = { "Trusted OS migrate capable",
						   "Trusted OS not migrate capable",
						   "no Trusted OS migration needed" };
		if (!strncmp(fn->name, "PSCI_AFFINITY_INFO", 18) && v <= 2)
			name = aff[v];
		else if (!strcmp(fn->name, "PSCI_MIGRATE_INFO_TYPE") && v <= 2)
			name = mit[v];
		else
			name = psci_status(s32 == s || v <= UINT32_MAX ? s32 : s);
	} else if (!strcmp(sv, "trng")) {
		if (version) {
			snprintf(buf, len, "%u.%u", (unsigned)(v >> 16), (unsigned)v & 0xffff);
			return 0;
		}
		name = trng_status(s32);
	} else if (!strcmp(sv, "smccc") || !strcmp(sv, "arch")) {
		if (version) {
			snprintf(buf, len, "%u.%u", (unsigned)(v >> 16), (unsigned)v & 0xffff);
			return 0;
		}
		name = smccc_status(s32);
	} else {
		name = s == -1 || s32 == -1 ? "NOT_SUPPORTED" : NULL;
	}
	if (!name)
		return -ENOENT;
	snprintf(buf, len, "%s", name);
	return 0;
}
