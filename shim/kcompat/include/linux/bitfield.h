/* SPDX-License-Identifier: MIT */
/* Register fields by mask: FIELD_GET/PREP and the typed get/put helpers. */
#ifndef KC_LINUX_BITFIELD_H
#define KC_LINUX_BITFIELD_H
#include <kc/base.h>
#include <asm/byteorder.h> /* as the kernel's: users get le64_to_cpu() and friends */

#define __bf_shf(x)		    __builtin_ctzll(x)
#define FIELD_MAX(mask)		    ((__typeof__(mask))((mask) >> __bf_shf(mask)))
#define FIELD_FIT(mask, val)	    (!((((__typeof__(mask))(val)) << __bf_shf(mask)) & ~(mask)))
#define FIELD_PREP(mask, val)	    ((((__typeof__(mask))(val)) << __bf_shf(mask)) & (mask))
#define FIELD_GET(mask, reg)	    ((__typeof__(mask))(((reg) & (mask)) >> __bf_shf(mask)))
#define FIELD_PREP_CONST(mask, val) FIELD_PREP(mask, val)

#define __KC_FIELD_HELPERS(t)                                                                      \
	static inline t t##_get_bits(t v, t field)                                                 \
	{                                                                                          \
		return (t)((v & field) >> __bf_shf(field));                                        \
	}                                                                                          \
	static inline t t##_encode_bits(t v, t field)                                              \
	{                                                                                          \
		return (t)((v << __bf_shf(field)) & field);                                        \
	}                                                                                          \
	static inline void t##p_replace_bits(t *p, t v, t field)                                   \
	{                                                                                          \
		*p = (t)((*p & ~field) | t##_encode_bits(v, field));                               \
	}                                                                                          \
	static inline t t##_replace_bits(t old, t v, t field)                                      \
	{                                                                                          \
		return (t)((old & ~field) | t##_encode_bits(v, field));                            \
	}
__KC_FIELD_HELPERS(u8)
__KC_FIELD_HELPERS(u16)
__KC_FIELD_HELPERS(u32)
__KC_FIELD_HELPERS(u64)
#endif
