/* SPDX-License-Identifier: MIT */
/* Helpers shared by the FF-A and pKVM conformance suites. */
#ifndef SMCSIM_FFA_TEST_H
#define SMCSIM_FFA_TEST_H

#include <errno.h>
#include <string.h>

#include "conformance/common/smcsim_test.h"
#include "ffa_model/ffa.h"

#define HOST_TX UINT64_C(0x80000000)
#define HOST_RX UINT64_C(0x80001000)
#define SP1 0x8001u
#define SP2 0x8002u
#define SP1_UUID "b4b5671e-4a90-4fe1-b81f-fb13dae1dacb"
#define SP2_UUID_A "d1582309-f023-47b9-827c-4464f5578fc8"
#define SP2_UUID_B "79b55c73-1d8c-44b9-8593-61e1770ad8d2"

/* FFA_ERROR with @code in w2, compared as s32 (SPMCs zero-extend, pKVM sign-extends). */
#define t_assert_ffa_error(r, code, rule)                                                   \
	do {                                                                                \
		t_assert_reg(r, 0, FFA_ERROR, rule);                                        \
		if ((int32_t)(r).x[2] != (int32_t)(code))                                   \
			t_assert_reg(r, 2, (uint32_t)(int32_t)(code), rule);                \
	} while (0)
#define t_assert_ffa_ok(r, rule) t_assert_reg(r, 0, FFA_SUCCESS, rule)

static inline void t_uuid_words(const char *s, uint64_t w[4])
{
	uint8_t u[16];
	assert_int_equal(emu_parse_uuid(s, u), 0);
	emu_uuid_to_regs(u, w);
}

static inline uint64_t t_uuid_half(const char *s, int half)
{
	uint8_t u[16];
	assert_int_equal(emu_parse_uuid(s, u), 0);
	uint64_t x = 0;
	for (int b = 0; b < 8; b++)
		x |= (uint64_t)u[half * 8 + b] << (8 * b);
	return x;
}

/* VERSION(@v) then RXTX_MAP_64 of the host's one-page buffers. */
static inline void t_ffa_setup(struct smcsim *sim, uint32_t v)
{
	struct smcsim_regs r = t_call(sim, FFA_VERSION, v);
	assert_true((int32_t)r.x[0] > 0);
	r = t_call(sim, FFA_RXTX_MAP_64, HOST_TX, HOST_RX, 1);
	t_assert_ffa_ok(r, "setup: RXTX_MAP_64");
}

#endif
