/* SPDX-License-Identifier: MIT */
/*
 * Little-endian loads and stores for in-memory ABI structures: RMI parameter pages and
 * RmiRecRun (DEN0137 B4.4: little-endian 64-bit words), FF-A descriptors (DEN0077 5.11 and
 * 10.11: little-endian fields at fixed offsets), CBOR-free byte strings in fixtures. Every
 * part of smcsim reads and writes guest memory through these, so the byte order is stated
 * once. Unaligned access is fine: the compiler folds the byte loops into single loads.
 */
#ifndef SMCSIM_ABI_BYTES_H
#define SMCSIM_ABI_BYTES_H

#include <stdint.h>

static inline uint16_t abi_rd16(const void *p)
{
	const uint8_t *b = p;
	return (uint16_t)(b[0] | (uint16_t)b[1] << 8);
}

static inline uint32_t abi_rd32(const void *p)
{
	const uint8_t *b = p;
	return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

static inline uint64_t abi_rd64(const void *p)
{
	const uint8_t *b = p;
	return (uint64_t)abi_rd32(b) | (uint64_t)abi_rd32(b + 4) << 32;
}

/* The low @n bytes (1..8) of a little-endian field, for fields narrower than a word. */
static inline uint64_t abi_rdn(const void *p, unsigned int n)
{
	const uint8_t *b = p;
	uint64_t v = 0;
	for (unsigned int i = 0; i < n && i < 8; i++)
		v |= (uint64_t)b[i] << (8 * i);
	return v;
}

static inline void abi_wrn(void *p, uint64_t v, unsigned int n)
{
	uint8_t *b = p;
	for (unsigned int i = 0; i < n && i < 8; i++)
		b[i] = (uint8_t)(v >> (8 * i));
}

static inline void abi_wr16(void *p, uint16_t v)
{
	abi_wrn(p, v, 2);
}

static inline void abi_wr32(void *p, uint32_t v)
{
	abi_wrn(p, v, 4);
}

static inline void abi_wr64(void *p, uint64_t v)
{
	abi_wrn(p, v, 8);
}

#endif /* SMCSIM_ABI_BYTES_H */
