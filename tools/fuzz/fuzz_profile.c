/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target: profiles. The input picks a built-in profile (byte 0) and carries up to
 * four JSON merge patches (RFC 7396), separated by NUL bytes, applied in order with
 * smcsim_profile_patch(); the patched profile is dumped and, when it describes a valid
 * machine, smcsim_create() builds it and every caller issues a handful of discovery calls
 * (SMCCC_VERSION, SMCCC_ARCH_FEATURES, PSCI_VERSION, PSCI_FEATURES, TRNG_VERSION,
 * FFA_VERSION, RMI/RSI_VERSION, KVM_FEATURES) before and after smcsim_reset(). So the
 * profile parser, the merge patch, profile validation and every service's configuration
 * code all see fuzzed input.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <smcsim/smcsim.h>

#include "abi/ffa.h"
#include "abi/kvm.h"
#include "abi/psci.h"
#include "abi/rmi.h"
#include "abi/rsi.h"
#include "abi/smccc.h"
#include "abi/trng.h"

/* Bounds the JSON work per input; real profiles are a few KiB. */
#define MAX_INPUT (16 * 1024)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const uint64_t calls[][2] = {
	{ SMCCC_VERSION_FID, 0 },
	{ SMCCC_ARCH_FEATURES_FID, SMCCC_ARCH_WORKAROUND_1_FID },
	{ SMCCC_ARCH_FEATURES_FID, SMCCC_ARCH_SOC_ID_FID },
	{ PSCI_VERSION_FID, 0 },
	{ PSCI_FEATURES_FID, PSCI_CPU_SUSPEND_FID },
	{ PSCI_FEATURES_FID, PSCI_SYSTEM_RESET2_64_FID },
	{ TRNG_VERSION_FID, 0 },
	{ FFA_VERSION_FID, 0x10002 },
	{ RMI_VERSION_FID, 0x10000 },
	{ RSI_VERSION_FID, 0x10000 },
	{ KVM_FEATURES_FID, 0 },
};

static void discover(struct smcsim *sim)
{
	int ncallers = smcsim_caller_count(sim);
	for (int c = 0; c < ncallers && c < 4; c++)
		for (size_t i = 0; i < sizeof(calls) / sizeof(calls[0]); i++) {
			struct smcsim_regs r = { { calls[i][0], calls[i][1] } };
			/* A status or an exit, never a crash; a failed call leaves a valid machine.
			 */
			smcsim_call(sim, c, 0, SMCSIM_CONDUIT_DEFAULT, &r);
		}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > MAX_INPUT)
		return 0;
	size_t nbuiltin = 0;
	while (smcsim_profile_builtin(nbuiltin))
		nbuiltin++;
	struct smcsim_profile *p;
	struct smcsim_error err;
	if (smcsim_profile_load(smcsim_profile_builtin(data[0] % nbuiltin), &p, &err) != 0)
		abort(); /* the built-in profiles always load */

	/* The public API takes C strings: NUL bytes separate the patches. */
	char *text = malloc(size);
	if (!text)
		abort();
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	const char *s = text;
	bool ok = true;
	for (int k = 0; k < 4 && s < text + size - 1 && ok; k++) {
		ok = smcsim_profile_patch(p, s, &err) == 0;
		s += strlen(s) + 1;
	}
	free(text);
	free(smcsim_profile_dump(p));

	/* A failed patch must leave a profile that still loads or is refused cleanly. */
	struct smcsim *sim;
	if (smcsim_create(p, &sim, &err) == 0) {
		discover(sim);
		smcsim_reset(sim);
		discover(sim);
		smcsim_destroy(sim);
	}
	smcsim_profile_destroy(p);
	return 0;
}
