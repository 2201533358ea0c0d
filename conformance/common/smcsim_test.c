/* SPDX-License-Identifier: MIT */
#include <inttypes.h>
#include <string.h>

#include "conformance/common/smcsim_test.h"

struct smcsim *t_machine(const char *profile, const char *patch_json)
{
	struct smcsim_profile *p = NULL;
	struct smcsim_error err = { { 0 } };
	struct smcsim *sim = NULL;
	if (smcsim_profile_load(profile, &p, &err) != 0)
		fail_msg("profile %s: %s", profile ? profile : "(default)", err.text);
	if (patch_json && smcsim_profile_patch(p, patch_json, &err) != 0)
		fail_msg("patch: %s", err.text);
	if (smcsim_create(p, &sim, &err) != 0)
		fail_msg("create %s: %s", profile ? profile : "(default)", err.text);
	smcsim_profile_destroy(p);
	return sim;
}

struct smcsim_regs t_call_arr(struct smcsim *sim, const char *caller, unsigned int cpu,
			      uint64_t fid, int nargs, const uint64_t *args)
{
	struct smcsim_regs r;
	memset(&r, 0, sizeof(r));
	r.x[0] = fid;
	for (int i = 0; i < nargs && i < 17; i++)
		r.x[1 + i] = args[i];
	int c = caller ? smcsim_caller_find(sim, caller) : smcsim_caller_default(sim);
	if (c < 0)
		fail_msg("no caller %s", caller);
	int ret = smcsim_call(sim, c, cpu, SMCSIM_CONDUIT_DEFAULT, &r);
	if (ret != SMCSIM_EXIT_RETURN) {
		const char *n = smcsim_fid_name((uint32_t)fid);
		fail_msg("call %s (0x%08" PRIx32 ") on cpu %u: %s", n ? n : "?", (uint32_t)fid, cpu,
			 ret < 0 ? smcsim_strerror(ret) : smcsim_exit_name(ret));
	}
	return r;
}

void t_assert_reg_(const struct smcsim_regs *r, int reg, uint64_t want, const char *rule,
		   const char *file, int line)
{
	uint64_t got = r->x[reg];
	if (got == want)
		return;
	/* x0 after the call holds the result; the call's FID is gone, so decode the values. */
	const char *gn = smcsim_fid_name((uint32_t)got);
	const char *wn = smcsim_fid_name((uint32_t)want);
	print_error("%s:%d: [%s]\n  x%d = 0x%" PRIx64 " (%" PRId64 "%s%s), expected 0x%" PRIx64
		       " (%" PRId64 "%s%s)\n",
		       file, line, rule ? rule : "", reg, got, (int64_t)got, gn ? ", " : "",
		       gn ? gn : "", want, (int64_t)want, wn ? ", " : "", wn ? wn : "");
	_fail(file, line);
}

struct smcsim_regs t_call_on(struct smcsim *sim, const char *caller, unsigned int cpu,
			     uint64_t fid, int nargs, ...)
{
	uint64_t args[17] = { 0 };
	va_list ap;
	va_start(ap, nargs);
	for (int i = 0; i < nargs && i < 17; i++)
		args[i] = va_arg(ap, uint64_t);
	va_end(ap);
	return t_call_arr(sim, caller, cpu, fid, nargs, args);
}
