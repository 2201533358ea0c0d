/* SPDX-License-Identifier: MIT */
/* True Random Number Generator firmware interface (Arm DEN0098): function IDs, status codes. */
#ifndef SMCSIM_ABI_TRNG_H
#define SMCSIM_ABI_TRNG_H

/* DEN0098 2.2-2.6. */
#define TRNG_VERSION_FID  0x84000050u
#define TRNG_FEATURES_FID 0x84000051u
#define TRNG_GET_UUID_FID 0x84000052u
#define TRNG_RND32_FID	  0x84000053u
#define TRNG_RND64_FID	  0xC4000053u

/* Every TRNG function above, for tables that must list them all: X(name) per ID. */
#define TRNG_FUNCTIONS(X)                                                                          \
	X(TRNG_VERSION)                                                                            \
	X(TRNG_FEATURES)                                                                           \
	X(TRNG_GET_UUID)                                                                           \
	X(TRNG_RND32)                                                                              \
	X(TRNG_RND64)

/* DEN0098 2.1: TRNG has its own status codes. */
#define TRNG_RET_SUCCESS	   0
#define TRNG_RET_NOT_SUPPORTED	   (-1)
#define TRNG_RET_INVALID_PARAMETER (-2)
#define TRNG_RET_NO_ENTROPY	   (-3)

#endif /* SMCSIM_ABI_TRNG_H */
