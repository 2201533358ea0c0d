/* SPDX-License-Identifier: MIT */
/* Bit operations on unsigned long arrays. One CPU runs the kernel, so the atomic and
 * non-atomic forms are the same. */
#ifndef KC_LINUX_BITOPS_H
#define KC_LINUX_BITOPS_H
#include <kc/base.h>

static inline void set_bit(unsigned long nr, volatile unsigned long *addr)
{
	addr[BIT_WORD(nr)] |= BIT_MASK(nr);
}
static inline void clear_bit(unsigned long nr, volatile unsigned long *addr)
{
	addr[BIT_WORD(nr)] &= ~BIT_MASK(nr);
}
static inline void change_bit(unsigned long nr, volatile unsigned long *addr)
{
	addr[BIT_WORD(nr)] ^= BIT_MASK(nr);
}
static inline bool test_bit(unsigned long nr, const volatile unsigned long *addr)
{
	return (addr[BIT_WORD(nr)] >> (nr % BITS_PER_LONG)) & 1;
}
static inline bool test_and_set_bit(unsigned long nr, volatile unsigned long *addr)
{
	bool old = test_bit(nr, addr);
	set_bit(nr, addr);
	return old;
}
static inline bool test_and_clear_bit(unsigned long nr, volatile unsigned long *addr)
{
	bool old = test_bit(nr, addr);
	clear_bit(nr, addr);
	return old;
}
#define __set_bit	     set_bit
#define __clear_bit	     clear_bit
#define __change_bit	     change_bit
#define __test_and_set_bit   test_and_set_bit
#define __test_and_clear_bit test_and_clear_bit

static inline int fls(unsigned int x)
{
	return x ? 32 - __builtin_clz(x) : 0;
}
static inline int fls64(u64 x)
{
	return x ? 64 - __builtin_clzll(x) : 0;
}
static inline unsigned long __ffs(unsigned long x)
{
	return (unsigned long)__builtin_ctzl(x);
}
static inline unsigned long __fls(unsigned long x)
{
	return 63 - (unsigned long)__builtin_clzl(x);
}
static inline int kc_ffs(int x)
{
	return __builtin_ffs(x);
}
#define ffs    kc_ffs
#define ffz(x) __ffs(~(x))
static inline unsigned int hweight32(u32 w)
{
	return (unsigned int)__builtin_popcount(w);
}
static inline unsigned long hweight64(u64 w)
{
	return (unsigned long)__builtin_popcountll(w);
}
#define hweight8(w)	hweight32((u8)(w))
#define hweight16(w)	hweight32((u16)(w))
#define hweight_long(w) hweight64(w)

unsigned long _find_next_bit(const unsigned long *addr, unsigned long size, unsigned long offset,
			     bool invert);
#define find_next_bit(a, s, o)	    _find_next_bit(a, s, o, false)
#define find_next_zero_bit(a, s, o) _find_next_bit(a, s, o, true)
#define find_first_bit(a, s)	    _find_next_bit(a, s, 0, false)
#define find_first_zero_bit(a, s)   _find_next_bit(a, s, 0, true)
#define for_each_set_bit(bit, addr, size)                                                          \
	for ((bit) = find_first_bit((addr), (size)); (bit) < (size);                               \
	     (bit) = find_next_bit((addr), (size), (bit) + 1))
#define for_each_clear_bit(bit, addr, size)                                                        \
	for ((bit) = find_first_zero_bit((addr), (size)); (bit) < (size);                          \
	     (bit) = find_next_zero_bit((addr), (size), (bit) + 1))
#endif
