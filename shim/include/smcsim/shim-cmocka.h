/* SPDX-License-Identifier: MIT */
/*
 * cmocka helpers for driver tests on the shim: a fixture as the firmware in one line.
 *
 *	struct smcsim_fixture_fw *fw = SMCSIM_FIXTURE_FIRMWARE(k, "boot.json",
 *SMCSIM_FW_STRICT_ORDER);
 *	... run the code under test ...
 *	SMCSIM_FIXTURE_DONE(fw); // fails the test unless every call matched and was consumed
 *
 * Include after <cmocka.h>.
 */
#ifndef SMCSIM_SHIM_CMOCKA_H
#define SMCSIM_SHIM_CMOCKA_H

#include "smcsim/shim.h"

static inline struct smcsim_fixture_fw *smcsim_t_fixture_fw_(struct smcsim_kernel *k,
							     const char *path, unsigned int flags,
							     const char *file, int line)
{
	struct smcsim_fixture_fw *fw = NULL;
	struct smcsim_error err = { "" };
	int r = smcsim_fixture_fw_load(k, path, flags, &fw, &err);
	if (r) {
		print_error("fixture firmware %s: %s: %s\n", path, smcsim_strerror(r), err.text);
		_fail(file, line);
	}
	return fw;
}

static inline void smcsim_t_fixture_done_(struct smcsim_fixture_fw *fw, const char *file, int line)
{
	char msg[2048]; /* a mismatch names every register that differs */
	int r = smcsim_fixture_fw_finish(fw, msg, sizeof(msg));
	smcsim_fixture_fw_destroy(fw);
	if (r) {
		print_error("%s\n", msg);
		_fail(file, line);
	}
}

#define SMCSIM_FIXTURE_FIRMWARE(k, path, flags)                                                    \
	smcsim_t_fixture_fw_((k), (path), (flags), __FILE__, __LINE__)
#define SMCSIM_FIXTURE_DONE(fw) smcsim_t_fixture_done_((fw), __FILE__, __LINE__)

#endif
