/* SPDX-License-Identifier: MIT */
/* fuzz-ffa: random FF-A call sequences against the SPMC model (profile ffa-host). */
#include "tools/fuzz/fuzz_ffa_ops.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fz_run(data, size, false);
}
