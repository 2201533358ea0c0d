/* SPDX-License-Identifier: MIT */
/*
 * Kernel basics for driver code compiled in userspace against the smcsim shim: fixed-width
 * types, error pointers, UUIDs, likely/unlikely, BIT(). Only what the shimmed drivers use;
 * names follow the kernel so driver sources compile unchanged.
 *
 * Header names that exist in /usr/include/linux (types.h, errno.h, kernel.h, uuid.h,
 * module.h) are deliberately not shadowed, because glibc includes them itself.
 *
 * No shim kernel header includes <errno.h>: its `errno` macro would turn Linux's `int
 * errno` parameters (ffa_to_linux_errno(), psci_to_linux_errno()) into calls of
 * __errno_location(). The E* values come from the Linux uapi header that glibc's
 * <errno.h> itself includes, so they equal libc's; shim .c files that need the errno
 * variable include <errno.h> themselves.
 */
#ifndef SMCSIM_SHIM_LINUX_KERNEL_H
#define SMCSIM_SHIM_LINUX_KERNEL_H

#include <linux/errno.h> /* uapi (linux-libc-dev): E* without the errno macro */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;
typedef unsigned long kernel_ulong_t;
typedef uint64_t phys_addr_t;

/* Kernel-internal errno values (Linux include/linux/errno.h), never seen by userspace. */
#ifndef ERESTARTSYS
#define ERESTARTSYS	      512
#define ERESTARTNOINTR	      513
#define ERESTARTNOHAND	      514
#define ENOIOCTLCMD	      515
#define ERESTART_RESTARTBLOCK 516
#define EPROBE_DEFER	      517
#define EOPENSTALE	      518
#define ENOPARAM	      519
#define EBADHANDLE	      521
#define ENOTSYNC	      522
#define EBADCOOKIE	      523
#define ENOTSUPP	      524
#define ETOOSMALL	      525
#define ESERVERFAULT	      526
#define EBADTYPE	      527
#define EJUKEBOX	      528
#define EIOCBQUEUED	      529
#define ERECALLCONFLICT	      530
#define ENOGRACE	      531
#endif

/*
 * Modules: everything the shim runs is built in, so THIS_MODULE is NULL as in a built-in
 * object. Kbuild passes -DKBUILD_MODNAME='"name"'; code compiled without it gets a
 * placeholder name.
 */
struct module;
#define THIS_MODULE ((struct module *)0)
#ifndef KBUILD_MODNAME
#define KBUILD_MODNAME "smcsim_shim"
#endif

#define BIT(n)	      (1UL << (n))
#define BIT_ULL(n)    (1ULL << (n))
#define GENMASK(h, l) ((~0UL << (l)) & (~0UL >> (63 - (h))))
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define likely(x)     __builtin_expect(!!(x), 1)
#define unlikely(x)   __builtin_expect(!!(x), 0)
#define __init
#define __exit
#define __maybe_unused			__attribute__((unused))
#define lower_32_bits(n)		((u32)((n)&0xffffffff))
#define upper_32_bits(n)		((u32)(((n) >> 16) >> 16))
#define container_of(ptr, type, member) ((type *)((char *)(ptr)-offsetof(type, member)))

#define MAX_ERRNO	4095
#define IS_ERR_VALUE(x) ((unsigned long)(void *)(x) >= (unsigned long)-MAX_ERRNO)
static inline void *ERR_PTR(long error)
{
	return (void *)error;
}
static inline long PTR_ERR(const void *ptr)
{
	return (long)ptr;
}
static inline bool IS_ERR(const void *ptr)
{
	return IS_ERR_VALUE((unsigned long)ptr);
}
static inline bool IS_ERR_OR_NULL(const void *ptr)
{
	return !ptr || IS_ERR(ptr);
}

/* A UUID as 16 bytes in RFC 4122 (big-endian, printed) order. */
typedef struct {
	u8 b[16];
} uuid_t;

#define UUID_INIT(a, b, c, d0, d1, d2, d3, d4, d5, d6, d7)                                         \
	((uuid_t){ { ((a) >> 24) & 0xff, ((a) >> 16) & 0xff, ((a) >> 8) & 0xff, (a)&0xff,          \
		     ((b) >> 8) & 0xff, (b)&0xff, ((c) >> 8) & 0xff, (c)&0xff, (d0), (d1), (d2),   \
		     (d3), (d4), (d5), (d6), (d7) } })

static inline bool uuid_equal(const uuid_t *a, const uuid_t *b)
{
	return memcmp(a, b, sizeof(uuid_t)) == 0;
}
static inline bool uuid_is_null(const uuid_t *u)
{
	static const uuid_t null;
	return uuid_equal(u, &null);
}
static inline void uuid_copy(uuid_t *dst, const uuid_t *src)
{
	memcpy(dst, src, sizeof(*dst));
}
/* The 16 bytes of a UUID kept as a raw array (struct ffa_partition_info's u32 uuid[4]). */
static inline void import_uuid(uuid_t *dst, const u8 *src)
{
	memcpy(dst, src, sizeof(*dst));
}
static inline void export_uuid(u8 *dst, const uuid_t *src)
{
	memcpy(dst, src, sizeof(*src));
}
/* "%pUb": 8-4-4-4-12 lowercase hex of the bytes in order; @buf holds 37 bytes. */
char *smcsim_uuid_str(const uuid_t *u, char buf[37]);
/* Parse "xxxxxxxx-xxxx-..." into @u. Returns 0 or -EINVAL. */
int uuid_parse(const char *s, uuid_t *u);

#endif
