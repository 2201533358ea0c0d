/* SPDX-License-Identifier: MIT */
/* fuzz-pkvm: random host FF-A call sequences through the pKVM proxy (profile pkvm-host,
 * finalised) with partitions acting directly at the SPMC. */
#include "tools/fuzz/fuzz_ffa_ops.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fz_run(data, size, true);
}
