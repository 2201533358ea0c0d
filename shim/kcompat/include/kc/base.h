/* SPDX-License-Identifier: MIT */
/*
 * smcsim kernel-compat layer: the basics every kernel file gets (types, compiler
 * attributes, bit helpers, error pointers, min/max, strings, printk, allocation).
 *
 * This is smcsim's own implementation of the Linux kernel API for userspace, in the
 * manner of FreeBSD's LinuxKPI: names, signatures and struct members follow Linux where
 * Linux code uses them; nothing here is taken from Linux. Kernel files are compiled with
 * -nostdinc against this tree, so no glibc header (and no glibc errno macro) is ever
 * seen by kernel code.
 */
#ifndef KC_BASE_H
#define KC_BASE_H

#include <linux/kconfig.h>

/* Variadic arguments from the compiler's builtins, as the kernel's linux/stdarg.h: kernel
 * files see no header outside this tree, not even the compiler's. */
typedef __builtin_va_list va_list;
#define va_start(v, l) __builtin_va_start(v, l)
#define va_end(v)      __builtin_va_end(v)
#define va_arg(v, T)   __builtin_va_arg(v, T)
#define va_copy(d, s)  __builtin_va_copy(d, s)

/* ---- types (arm64: LP64, like the x86-64 host) -------------------------------------- */
typedef unsigned char u8, __u8;
typedef unsigned short u16, __u16, __le16, __be16;
typedef unsigned int u32, __u32, __le32, __be32;
typedef unsigned long long u64, __u64, __le64, __be64;
typedef signed char s8, __s8;
typedef short s16, __s16;
typedef int s32, __s32;
typedef long long s64, __s64;
typedef _Bool bool;
enum { false = 0, true = 1 };
typedef __SIZE_TYPE__ size_t;
typedef long ssize_t;
typedef __PTRDIFF_TYPE__ ptrdiff_t;
typedef unsigned long uintptr_t;
typedef long intptr_t;
typedef u64 phys_addr_t;
typedef u64 dma_addr_t;
typedef u64 resource_size_t;
typedef unsigned int gfp_t;
typedef unsigned long kernel_ulong_t;
typedef long long loff_t;
typedef unsigned short umode_t;
typedef unsigned int fmode_t;
typedef int pid_t;
typedef u32 uint32_t;
typedef u64 uint64_t;
typedef u16 uint16_t;
typedef u8 uint8_t;
typedef s32 int32_t;
typedef s64 int64_t;
typedef struct {
	int counter;
} atomic_t;
typedef struct {
	long long counter;
} atomic64_t;
typedef struct {
	int refs;
} refcount_t;

#define NULL	       ((void *)0)
#define offsetof(t, m) __builtin_offsetof(t, m)

/* ---- compiler ------------------------------------------------------------------------ */
#define __init
#define __exit
#define __initdata
#define __initconst
#define __exitdata
#define __ro_after_init
#define __read_mostly
#define __cacheline_aligned
#define ____cacheline_aligned
#define __ref
#define __refdata
#define __user
#define __iomem
#define __force
#define __rcu
#define __percpu
#define __bitwise
#define __must_check	__attribute__((warn_unused_result))
#define __maybe_unused	__attribute__((unused))
#define __always_unused __attribute__((unused))
#define __used		__attribute__((used))
#define __always_inline inline __attribute__((always_inline))
#define noinline	__attribute__((noinline))
#define __noreturn	__attribute__((noreturn))
#define __packed	__attribute__((packed))
#define __aligned(x)	__attribute__((aligned(x)))
#define __section(s)	__attribute__((section(s)))
#define __weak		__attribute__((weak))
#define __printf(a, b)	__attribute__((format(printf, a, b)))
#define __cold		__attribute__((cold))
#define __pure		__attribute__((pure))
#define __counted_by(m)
#define __nonstring
#define __fallthrough __attribute__((fallthrough))
#define fallthrough   __attribute__((fallthrough))
#define __visible
#define notrace
#define noinstr
#define asmlinkage
#define __compiletime_error(m)
#define likely(x)	       __builtin_expect(!!(x), 1)
#define unlikely(x)	       __builtin_expect(!!(x), 0)
#define barrier()	       __asm__ __volatile__("" ::: "memory")
#define READ_ONCE(x)	       (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v)       (*(volatile __typeof__(x) *)&(x) = (v))
#define smp_mb()	       __sync_synchronize()
#define smp_rmb()	       __sync_synchronize()
#define smp_wmb()	       __sync_synchronize()
#define mb()		       __sync_synchronize()
#define rmb()		       __sync_synchronize()
#define wmb()		       __sync_synchronize()
#define dsb(x)		       __sync_synchronize()
#define isb()		       __sync_synchronize()
#define cpu_relax()	       barrier()
#define __same_type(a, b)      __builtin_types_compatible_p(__typeof__(a), __typeof__(b))
#define __must_be_array(a)     0
#define BUILD_BUG_ON(c)	       _Static_assert(!(c), "BUILD_BUG_ON(" #c ")")
#define BUILD_BUG_ON_MSG(c, m) _Static_assert(!(c), m)
#define BUILD_BUG_ON_ZERO(e)   ((int)(sizeof(struct { int : (-!!(e)); })))
#define static_assert(e, ...) _Static_assert(e, #e)
#define __stringify_1(x)		#x
#define __stringify(x)			__stringify_1(x)
#define ___PASTE(a, b)			a##b
#define __PASTE(a, b)			___PASTE(a, b)
#define __UNIQUE_ID(p)			__PASTE(__PASTE(__UNIQUE_ID_, p), __COUNTER__)
#define ARRAY_SIZE(a)			(sizeof(a) / sizeof((a)[0]))
#define container_of(ptr, type, member) ((type *)((char *)(ptr)-offsetof(type, member)))
#define sizeof_field(t, m)		sizeof(((t *)0)->m)
#define typeof_member(t, m)		__typeof__(((t *)0)->m)
#define EXPORT_SYMBOL(s)
#define EXPORT_SYMBOL_GPL(s)
#define EXPORT_SYMBOL_NS_GPL(s, ns)
#define EXPORT_SYMBOL_NS(s, ns)
#define IS_ALIGNED(x, a)   (((x) & ((__typeof__(x))(a)-1)) == 0)
#define ALIGN(x, a)	   (((x) + ((__typeof__(x))(a)-1)) & ~((__typeof__(x))(a)-1))
#define ALIGN_DOWN(x, a)   ((x) & ~((__typeof__(x))(a)-1))
#define PTR_ALIGN(p, a)	   ((__typeof__(p))ALIGN((unsigned long)(p), (a)))
#define DIV_ROUND_UP(n, d) (((n) + (d)-1) / (d))
#define round_up(x, y)	   ((((x)-1) | ((__typeof__(x))((y)-1))) + 1)
#define round_down(x, y)   ((x) & ~((__typeof__(x))((y)-1)))
#define roundup(x, y)	   ((((x) + ((y)-1)) / (y)) * (y))
#define swap(a, b)                                                                                 \
	do {                                                                                       \
		__typeof__(a) __t = (a);                                                           \
		(a) = (b);                                                                         \
		(b) = __t;                                                                         \
	} while (0)

/* ---- limits -------------------------------------------------------------------------- */
#define U8_MAX		   ((u8)~0U)
#define U16_MAX		   ((u16)~0U)
#define U32_MAX		   ((u32)~0U)
#define U64_MAX		   ((u64)~0ULL)
#define S32_MAX		   ((s32)(U32_MAX >> 1))
#define S32_MIN		   ((s32)(-S32_MAX - 1))
#define INT_MAX		   ((int)(~0U >> 1))
#define INT_MIN		   (-INT_MAX - 1)
#define UINT_MAX	   (~0U)
#define LONG_MAX	   ((long)(~0UL >> 1))
#define ULONG_MAX	   (~0UL)
#define SIZE_MAX	   (~(size_t)0)
#define BITS_PER_LONG	   64
#define BITS_PER_LONG_LONG 64
#define BITS_PER_BYTE	   8

/* ---- bits ---------------------------------------------------------------------------- */
#define _UL(x)		  (x##UL)
#define _ULL(x)		  (x##ULL)
#define UL(x)		  (x##UL)
#define ULL(x)		  (x##ULL)
#define _AC(x, y)	  (x##y)
#define _AT(t, x)	  ((t)(x))
#define BIT(n)		  (1UL << (n))
#define BIT_ULL(n)	  (1ULL << (n))
#define BIT_MASK(n)	  (1UL << ((n) % BITS_PER_LONG))
#define BIT_WORD(n)	  ((n) / BITS_PER_LONG)
#define BITS_TO_LONGS(n)  DIV_ROUND_UP(n, BITS_PER_LONG)
#define BITS_TO_U32(n)	  DIV_ROUND_UP(n, 32)
#define GENMASK(h, l)	  (((~0UL) << (l)) & (~0UL >> (BITS_PER_LONG - 1 - (h))))
#define GENMASK_ULL(h, l) (((~0ULL) << (l)) & (~0ULL >> (63 - (h))))
#define lower_32_bits(n)  ((u32)((n)&0xffffffff))
#define upper_32_bits(n)  ((u32)(((n) >> 16) >> 16))
#define lower_16_bits(n)  ((u16)((n)&0xffff))
#define upper_16_bits(n)  ((u16)((n) >> 16))

/* ---- min/max ------------------------------------------------------------------------- */
/* Each use gets its own temporaries (__COUNTER__), so nested uses (clamp()) do not shadow. */
#define __kc_minmax(a, b, op, u) ___kc_minmax(a, b, op, u)
#define ___kc_minmax(a, b, op, u)                                                                  \
	({                                                                                         \
		__typeof__(a) __kca##u = (a);                                                      \
		__typeof__(b) __kcb##u = (b);                                                      \
		__kca##u op __kcb##u ? __kca##u : __kcb##u;                                        \
	})
#define __kc_minmax_t(t, a, b, op, u) ___kc_minmax_t(t, a, b, op, u)
#define ___kc_minmax_t(t, a, b, op, u)                                                             \
	({                                                                                         \
		t __kca##u = (a);                                                                  \
		t __kcb##u = (b);                                                                  \
		__kca##u op __kcb##u ? __kca##u : __kcb##u;                                        \
	})
#define min(a, b)	      __kc_minmax(a, b, <, __COUNTER__)
#define max(a, b)	      __kc_minmax(a, b, >, __COUNTER__)
#define min3(a, b, c)	      min(min(a, b), c)
#define max3(a, b, c)	      max(max(a, b), c)
#define min_t(t, a, b)	      __kc_minmax_t(t, a, b, <, __COUNTER__)
#define max_t(t, a, b)	      __kc_minmax_t(t, a, b, >, __COUNTER__)
#define umin(a, b)	      min_t(unsigned long long, a, b)
#define umax(a, b)	      max_t(unsigned long long, a, b)
#define clamp(v, lo, hi)      min(max(v, lo), hi)
#define clamp_t(t, v, lo, hi) min_t(t, max_t(t, v, lo), hi)
#define clamp_val(v, lo, hi)  clamp_t(__typeof__(v), v, lo, hi)
#define __kc_abs(x, u)	      ___kc_abs(x, u)
#define ___kc_abs(x, u)                                                                            \
	({                                                                                         \
		__typeof__(x) __kcx##u = (x);                                                      \
		__kcx##u < 0 ? -__kcx##u : __kcx##u;                                               \
	})
#define abs(x) __kc_abs(x, __COUNTER__)

/* ---- errors -------------------------------------------------------------------------- */
#include <linux/errno.h>
#define MAX_ERRNO	4095
#define IS_ERR_VALUE(x) unlikely((unsigned long)(void *)(x) >= (unsigned long)-MAX_ERRNO)
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
static inline void *ERR_CAST(const void *ptr)
{
	return (void *)ptr;
}
static inline int PTR_ERR_OR_ZERO(const void *ptr)
{
	return IS_ERR(ptr) ? (int)PTR_ERR(ptr) : 0;
}

/* ---- strings (the C library's, under their own names: same semantics as the kernel's) */
void *memcpy(void *d, const void *s, size_t n);
void *memmove(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t n);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *h, const char *n);
/* Kernel-only semantics: our own implementations (kcompat/src/lib.c). */
ssize_t strscpy(char *dst, const char *src, size_t size);
#define strscpy_pad(d, s, n) strscpy(d, s, n)
size_t strlcpy(char *dst, const char *src, size_t size);
char *kstrdup(const char *s, gfp_t gfp);
const char *kstrdup_const(const char *s, gfp_t gfp);
void kfree_const(const void *p);
char *kmemdup_nul(const char *s, size_t len, gfp_t gfp);
void *kmemdup(const void *s, size_t len, gfp_t gfp);
bool sysfs_streq(const char *a, const char *b);
int match_string(const char *const *array, size_t n, const char *string);
char *skip_spaces(const char *s);
char *strim(char *s);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);
int kstrtoint(const char *s, unsigned int base, int *res);
int kstrtobool(const char *s, bool *res);

/* printf-family with kernel formats (%pe, %pa, %pU, %*ph...): kcompat/src/vsprintf.c.
 * The C library's functions of the same names keep their own meaning in the host. */
#define vsnprintf  kc_vsnprintf
#define snprintf   kc_snprintf
#define sprintf	   kc_sprintf
#define vsprintf   kc_vsprintf
#define scnprintf  kc_scnprintf
#define vscnprintf kc_vscnprintf
int kc_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
__printf(3, 4) int kc_snprintf(char *buf, size_t size, const char *fmt, ...);
__printf(2, 3) int kc_sprintf(char *buf, const char *fmt, ...);
int kc_vsprintf(char *buf, const char *fmt, va_list ap);
__printf(3, 4) int kc_scnprintf(char *buf, size_t size, const char *fmt, ...);
int kc_vscnprintf(char *buf, size_t size, const char *fmt, va_list ap);
__printf(2, 3) char *kasprintf(gfp_t gfp, const char *fmt, ...);
char *kvasprintf(gfp_t gfp, const char *fmt, va_list ap);
const char *kvasprintf_const(gfp_t gfp, const char *fmt, va_list ap);

/* ---- misc ---------------------------------------------------------------------------- */
#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))
#define PAGE_ALIGN(x)	ALIGN(x, PAGE_SIZE)
#define PAGE_ALIGNED(x) IS_ALIGNED((unsigned long)(x), PAGE_SIZE)
#define SZ_1K		0x400
#define SZ_4K		0x1000
#define SZ_8K		0x2000
#define SZ_16K		0x4000
#define SZ_32K		0x8000
#define SZ_64K		0x10000
#define SZ_1M		0x100000
#define SZ_2M		0x200000
#define SZ_1G		0x40000000
#define HZ		100
#define jiffies		(kc_jiffies())
unsigned long kc_jiffies(void);
#define might_sleep()                                                                              \
	do {                                                                                       \
	} while (0)
#define cond_resched()                                                                             \
	do {                                                                                       \
	} while (0)
#define THIS_MODULE ((struct module *)0)

/* Kernel virtual to simulated physical (linux/mm.h has the rest); arm64 code gets these
 * from asm/memory.h through almost any header. */
phys_addr_t virt_to_phys(const volatile void *addr);
void *phys_to_virt(phys_addr_t pa);
#define __pa(x)		       virt_to_phys((const void *)(x))
#define __va(x)		       phys_to_virt((phys_addr_t)(x))
#define __pa_symbol(x)	       virt_to_phys((const void *)(x))
#define __pa_symbol_nodebug(x) virt_to_phys((const void *)(x))

#include <linux/printk.h>
#include <linux/bug.h>

#endif
