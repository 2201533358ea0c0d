/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <string.h>

#include "emu/emu.h"

SMCSIM_EXPORT const char *smcsim_strerror(int err)
{
	/* Our own wording for the errnos this library returns: what they mean here. The
	 * coverage test (emu/tests) fails when a source returns one not listed. Negating
	 * INT_MIN would overflow, so only errno-sized values are looked at. */
	if (err > 0 || err < -4095)
		return "unknown error";
	switch (-err) {
	case 0:
		return "success";
	case EINVAL:
		return "invalid argument or malformed input";
	case ENOENT:
		return "no such profile, caller, layer, event, function or file";
	case ENOMEM:
		return "out of memory";
	case EOPNOTSUPP:
		return "the caller cannot use that conduit";
	case EHOSTDOWN:
		return "the CPU is powered off and cannot issue calls";
	case ESHUTDOWN:
		return "the machine is powered off";
	case EFAULT:
		return "address outside simulated memory";
	case EEXIST:
		return "range overlaps an existing filter";
	case EBUSY:
		return "filters are frozen once a CPU has run";
	case EALREADY:
		return "the CPU is not waiting to boot";
	case ENODATA:
		return "nothing was recorded";
	case EIO:
		return "input/output error";
	case ENOSYS:
		return "not implemented by this build";
	case ENOSPC:
		return "no per-granule state slot left";
	case ERANGE:
		return "index past the end";
	case EBADMSG:
		return "malformed attestation token";
	case EKEYREJECTED:
		return "attestation token signature does not verify";
	default:
		return "unknown error";
	}
}

SMCSIM_EXPORT const char *smcsim_version(void)
{
	return SMCSIM_VERSION_STRING;
}

SMCSIM_EXPORT const char *smcsim_exit_name(int exit_code)
{
	static const char *const names[] = {
		[SMCSIM_EXIT_RETURN] = "return",
		[SMCSIM_EXIT_USER] = "user",
		[SMCSIM_EXIT_CPU_OFF] = "cpu_off",
		[SMCSIM_EXIT_RESUME] = "resume",
		[SMCSIM_EXIT_SYSTEM_OFF] = "system_off",
		[SMCSIM_EXIT_SYSTEM_RESET] = "system_reset",
	};
	if (exit_code < 0 || (size_t)exit_code >= EMU_ARRAY_SIZE(names))
		return NULL;
	return names[exit_code];
}
