/* SPDX-License-Identifier: MIT */
#ifndef KC_LINUX_BITMAP_H
#define KC_LINUX_BITMAP_H
#include <kc/base.h>
#include <linux/bitops.h>

#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]
static inline void bitmap_zero(unsigned long *dst, unsigned int nbits)
{
	memset(dst, 0, BITS_TO_LONGS(nbits) * sizeof(unsigned long));
}
static inline void bitmap_fill(unsigned long *dst, unsigned int nbits)
{
	memset(dst, 0xff, BITS_TO_LONGS(nbits) * sizeof(unsigned long));
	if (nbits % BITS_PER_LONG)
		dst[nbits / BITS_PER_LONG] &= (1UL << (nbits % BITS_PER_LONG)) - 1;
}
static inline bool bitmap_empty(const unsigned long *src, unsigned int nbits)
{
	return find_first_bit(src, nbits) >= nbits;
}
static inline unsigned int bitmap_weight(const unsigned long *src, unsigned int nbits)
{
	unsigned int w = 0;
	for (unsigned int i = 0; i < nbits; i++)
		w += test_bit(i, src);
	return w;
}
/* u32 words in order, lowest first (arm64 is little-endian). */
static inline void bitmap_from_arr32(unsigned long *bitmap, const u32 *buf, unsigned int nbits)
{
	bitmap_zero(bitmap, nbits);
	for (unsigned int i = 0; i < nbits; i++)
		if ((buf[i / 32] >> (i % 32)) & 1)
			set_bit(i, bitmap);
}
static inline void bitmap_to_arr32(u32 *buf, const unsigned long *bitmap, unsigned int nbits)
{
	memset(buf, 0, BITS_TO_U32(nbits) * 4);
	for (unsigned int i = 0; i < nbits; i++)
		if (test_bit(i, bitmap))
			buf[i / 32] |= 1U << (i % 32);
}
unsigned long *bitmap_zalloc(unsigned int nbits, gfp_t flags);
void bitmap_free(const unsigned long *bitmap);
#endif
