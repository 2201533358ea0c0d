/* SPDX-License-Identifier: MIT */
#ifndef KC_LINUX_UUID_H
#define KC_LINUX_UUID_H
#include <kc/base.h>
#define UUID_SIZE 16
/* 16 bytes in RFC 4122 order (big-endian fields), as the kernel's uuid_t. */
typedef struct {
	u8 b[UUID_SIZE];
} uuid_t;
typedef struct {
	u8 b[UUID_SIZE];
} guid_t;
#define UUID_INIT(a, b, c, d0, d1, d2, d3, d4, d5, d6, d7)                                         \
	((uuid_t){ { ((a) >> 24) & 0xff, ((a) >> 16) & 0xff, ((a) >> 8) & 0xff, (a)&0xff,          \
		     ((b) >> 8) & 0xff, (b)&0xff, ((c) >> 8) & 0xff, (c)&0xff, (d0), (d1), (d2),   \
		     (d3), (d4), (d5), (d6), (d7) } })
#define GUID_INIT(a, b, c, d0, d1, d2, d3, d4, d5, d6, d7)                                         \
	((guid_t){ { (a)&0xff, ((a) >> 8) & 0xff, ((a) >> 16) & 0xff, ((a) >> 24) & 0xff,          \
		     (b)&0xff, ((b) >> 8) & 0xff, (c)&0xff, ((c) >> 8) & 0xff, (d0), (d1), (d2),   \
		     (d3), (d4), (d5), (d6), (d7) } })
#define UUID_STRING_LEN 36
extern const uuid_t uuid_null;
static inline bool uuid_equal(const uuid_t *a, const uuid_t *b)
{
	return memcmp(a, b, sizeof(uuid_t)) == 0;
}
static inline void uuid_copy(uuid_t *dst, const uuid_t *src)
{
	memcpy(dst, src, sizeof(uuid_t));
}
static inline void import_uuid(uuid_t *dst, const u8 *src)
{
	memcpy(dst, src, sizeof(uuid_t));
}
static inline void export_uuid(u8 *dst, const uuid_t *src)
{
	memcpy(dst, src, sizeof(uuid_t));
}
static inline bool uuid_is_null(const uuid_t *u)
{
	return uuid_equal(u, &uuid_null);
}
int uuid_parse(const char *uuid, uuid_t *u);
bool uuid_is_valid(const char *uuid);
static inline bool guid_equal(const guid_t *a, const guid_t *b)
{
	return memcmp(a, b, sizeof(guid_t)) == 0;
}
#endif
