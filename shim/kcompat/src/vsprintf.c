// SPDX-License-Identifier: MIT
/*
 * The kernel's printf: the C conversions with the kernel's extensions that firmware
 * drivers print with (lib/vsprintf.c documents them in Documentation/core-api/
 * printk-formats.rst): %pe (an error pointer as its symbolic name), %pa[p] (a
 * phys_addr_t/dma_addr_t by reference), %pU[bBlL] (UUID/GUID), %*ph[CDN] (hex dump),
 * %pK/%px/%p (plain pointers; kboot prints them unhashed so runs are comparable),
 * %pS/%ps (a symbol: printed as its address), %pOF[n] (a device-tree node's name).
 * Written for kboot in kernel context: no C library formatting underneath.
 */
#include <linux/kernel.h>
#include "kc-internal.h"
#include <linux/slab.h>
#include <linux/uuid.h>
#include <linux/of.h>

struct kc_out {
	char *buf;
	size_t size, len; /* len counts every character, written or not */
};

static void put(struct kc_out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void puts_n(struct kc_out *o, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		put(o, s[i]);
}

enum { F_LEFT = 1, F_PLUS = 2, F_SPACE = 4, F_ALT = 8, F_ZERO = 16 };

static void pad(struct kc_out *o, int n, char c)
{
	while (n-- > 0)
		put(o, c);
}

static void emit_str(struct kc_out *o, const char *s, int width, int prec, int flags)
{
	if (!s)
		s = "(null)";
	size_t n = prec >= 0 ? strnlen(s, (size_t)prec) : strlen(s);
	if (!(flags & F_LEFT))
		pad(o, width - (int)n, ' ');
	puts_n(o, s, n);
	if (flags & F_LEFT)
		pad(o, width - (int)n, ' ');
}

static void emit_num(struct kc_out *o, unsigned long long v, bool neg, unsigned base, bool upper,
		     int width, int prec, int flags)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[66];
	int n = 0;
	if (v == 0 && prec != 0)
		tmp[n++] = '0';
	while (v) {
		tmp[n++] = digits[v % base];
		v /= base;
	}
	char sign = neg ? '-' : (flags & F_PLUS) ? '+' : (flags & F_SPACE) ? ' ' : 0;
	const char *prefix = "";
	if ((flags & F_ALT) && base == 16)
		prefix = upper ? "0X" : "0x";
	else if ((flags & F_ALT) && base == 8 && (n == 0 || tmp[n - 1] != '0'))
		prefix = "0";
	int zeros = prec > n ? prec - n : 0;
	int total = n + zeros + (sign ? 1 : 0) + (int)strlen(prefix);
	if ((flags & F_ZERO) && !(flags & F_LEFT) && prec < 0 && width > total) {
		zeros += width - total;
		total = width;
	}
	if (!(flags & F_LEFT))
		pad(o, width - total, ' ');
	if (sign)
		put(o, sign);
	puts_n(o, prefix, strlen(prefix));
	pad(o, zeros, '0');
	while (n)
		put(o, tmp[--n]);
	if (flags & F_LEFT)
		pad(o, width - total, ' ');
}

/* Symbolic errno names, as %pe prints them (lib/errname.c's set for the codes that
 * firmware drivers return). */
static const char *errname(long err)
{
	static const struct {
		int e;
		const char *n;
	} names[] = {
		{ EPERM, "EPERM" },
		{ ENOENT, "ENOENT" },
		{ EIO, "EIO" },
		{ ENXIO, "ENXIO" },
		{ E2BIG, "E2BIG" },
		{ EAGAIN, "EAGAIN" },
		{ ENOMEM, "ENOMEM" },
		{ EACCES, "EACCES" },
		{ EFAULT, "EFAULT" },
		{ EBUSY, "EBUSY" },
		{ EEXIST, "EEXIST" },
		{ ENODEV, "ENODEV" },
		{ EINVAL, "EINVAL" },
		{ ENOSPC, "ENOSPC" },
		{ ERANGE, "ERANGE" },
		{ ENOSYS, "ENOSYS" },
		{ ENODATA, "ENODATA" },
		{ ETIME, "ETIME" },
		{ EPROTO, "EPROTO" },
		{ EOVERFLOW, "EOVERFLOW" },
		{ EOPNOTSUPP, "EOPNOTSUPP" },
		{ ETIMEDOUT, "ETIMEDOUT" },
		{ EALREADY, "EALREADY" },
		{ EINPROGRESS, "EINPROGRESS" },
		{ EREMOTEIO, "EREMOTEIO" },
		{ ECANCELED, "ECANCELED" },
		{ EPROBE_DEFER, "EPROBE_DEFER" },
		{ ENOTSUPP, "ENOTSUPP" },
		{ EBADMSG, "EBADMSG" },
		{ ENOMSG, "ENOMSG" },
		{ ENOTTY, "ENOTTY" },
		{ EDOM, "EDOM" },
		{ EILSEQ, "EILSEQ" },
		{ ESRCH, "ESRCH" },
		{ EINTR, "EINTR" },
		{ ENOTBLK, "ENOTBLK" },
		{ EMSGSIZE, "EMSGSIZE" },
		{ ENOBUFS, "ENOBUFS" },
		{ ENOLINK, "ENOLINK" },
	};
	long e = err < 0 ? -err : err;
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (names[i].e == e)
			return names[i].n;
	return NULL;
}

static void emit_uuid(struct kc_out *o, const u8 *b, char kind)
{
	/* b/B: bytes in order (uuid_t); l/L: the first three fields little-endian (guid_t). */
	static const int be[16] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 };
	static const int le[16] = { 3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15 };
	const int *idx = (kind == 'l' || kind == 'L') ? le : be;
	bool upper = kind == 'B' || kind == 'L';
	const char *d = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			put(o, '-');
		put(o, d[b[idx[i]] >> 4]);
		put(o, d[b[idx[i]] & 15]);
	}
}

/* %p with an extension letter; returns the characters of @fmt consumed after 'p'. */
static int emit_ptr(struct kc_out *o, const char *fmt, const void *p, int width, int flags)
{
	switch (fmt[0]) {
	case 'e': {
		long err = (long)p;
		const char *n = IS_ERR(p) ? errname(err) : NULL;
		if (n) {
			if (err < 0)
				put(o, '-');
			puts_n(o, n, strlen(n));
		} else if (IS_ERR(p)) {
			emit_num(o, (unsigned long long)-err, true, 10, false, 0, -1, 0);
		} else {
			emit_num(o, (unsigned long)p, false, 16, false, 16, -1, F_ZERO);
		}
		return 1;
	}
	case 'a': {
		int used = 1;
		unsigned long long v = p ? *(const u64 *)p : 0;
		if (fmt[1] == 'p' || fmt[1] == 'd')
			used = 2;
		put(o, '0');
		put(o, 'x');
		emit_num(o, v, false, 16, false, 16, -1, F_ZERO);
		return used;
	}
	case 'U': {
		char kind = (fmt[1] == 'b' || fmt[1] == 'B' || fmt[1] == 'l' || fmt[1] == 'L')
				    ? fmt[1]
				    : 'b';
		if (!p)
			emit_str(o, "(null)", width, -1, flags);
		else
			emit_uuid(o, p, kind);
		return kind == fmt[1] ? 2 : 1;
	}
	case 'h': {
		int used = 1;
		char sep = ' ';
		if (fmt[1] == 'C' || fmt[1] == 'D' || fmt[1] == 'N') {
			sep = fmt[1] == 'C' ? ':' : fmt[1] == 'D' ? '-' : 0;
			used = 2;
		}
		int n = width < 0 ? 1 : width > 64 ? 64 : width;
		const u8 *b = p;
		for (int i = 0; b && i < n; i++) {
			if (i && sep)
				put(o, sep);
			put(o, "0123456789abcdef"[b[i] >> 4]);
			put(o, "0123456789abcdef"[b[i] & 15]);
		}
		return used;
	}
	case 'O':
		if (fmt[1] == 'F') {
			const struct device_node *np = p;
			int used = 2;
			while (fmt[used] == 'n' || fmt[used] == 'f' || fmt[used] == 'p' ||
			       fmt[used] == 'P' || fmt[used] == 'c' || fmt[used] == 'C' ||
			       fmt[used] == 'F')
				used++;
			emit_str(o, np ? np->full_name : "(null)", 0, -1, 0);
			return used;
		}
		break;
	case 'S':
	case 's':
	case 'B':
	case 'K':
	case 'x':
	case 'X':
		put(o, '0');
		put(o, 'x');
		emit_num(o, (unsigned long)p, false, 16, false, 16, -1, F_ZERO);
		return fmt[0] == 'S' && fmt[1] == 'R' ? 2 : 1;
	default:
		break;
	}
	put(o, '0');
	put(o, 'x');
	emit_num(o, (unsigned long)p, false, 16, false, 16, -1, F_ZERO);
	return 0;
}

int kc_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct kc_out o = { buf, size, 0 };
	va_list args;
	va_copy(args, ap);
	while (*fmt) {
		if (*fmt != '%') {
			put(&o, *fmt++);
			continue;
		}
		fmt++;
		if (*fmt == '%') {
			put(&o, *fmt++);
			continue;
		}
		int flags = 0;
		for (;; fmt++) {
			if (*fmt == '-')
				flags |= F_LEFT;
			else if (*fmt == '+')
				flags |= F_PLUS;
			else if (*fmt == ' ')
				flags |= F_SPACE;
			else if (*fmt == '#')
				flags |= F_ALT;
			else if (*fmt == '0')
				flags |= F_ZERO;
			else
				break;
		}
		int width = -1, prec = -1;
		if (*fmt == '*') {
			width = va_arg(args, int);
			if (width < 0) {
				flags |= F_LEFT;
				width = -width;
			}
			fmt++;
		} else {
			while (*fmt >= '0' && *fmt <= '9')
				width = (width < 0 ? 0 : width * 10) + (*fmt++ - '0');
		}
		if (*fmt == '.') {
			fmt++;
			prec = 0;
			if (*fmt == '*') {
				prec = va_arg(args, int);
				fmt++;
			} else {
				while (*fmt >= '0' && *fmt <= '9')
					prec = prec * 10 + (*fmt++ - '0');
			}
		}
		int lng = 0; /* 0 int, 1 long, 2 long long, -1 short, -2 char, 3 size_t */
		for (;; fmt++) {
			if (*fmt == 'l')
				lng = lng == 1 ? 2 : 1;
			else if (*fmt == 'h')
				lng = lng == -1 ? -2 : -1;
			else if (*fmt == 'z' || *fmt == 'Z' || *fmt == 't' || *fmt == 'j')
				lng = 3;
			else if (*fmt == 'L' || *fmt == 'q')
				lng = 2;
			else
				break;
		}
		char c = *fmt ? *fmt++ : 0;
		unsigned long long u;
		long long s;
		switch (c) {
		case 'd':
		case 'i':
			s = lng == 2		   ? va_arg(args, long long)
			    : lng == 1 || lng == 3 ? va_arg(args, long)
			    : lng == -1		   ? (short)va_arg(args, int)
			    : lng == -2		   ? (signed char)va_arg(args, int)
						   : va_arg(args, int);
			emit_num(&o, s < 0 ? 0ULL - (unsigned long long)s : (unsigned long long)s,
				 s < 0, 10, false, width, prec, flags);
			break;
		case 'u':
		case 'x':
		case 'X':
		case 'o':
			u = lng == 2		   ? va_arg(args, unsigned long long)
			    : lng == 1 || lng == 3 ? va_arg(args, unsigned long)
			    : lng == -1		   ? (unsigned short)va_arg(args, unsigned int)
			    : lng == -2		   ? (unsigned char)va_arg(args, unsigned int)
						   : va_arg(args, unsigned int);
			emit_num(&o, u, false,
				 c == 'u'   ? 10
				 : c == 'o' ? 8
					    : 16,
				 c == 'X', width, prec, flags);
			break;
		case 'c': {
			char ch = (char)va_arg(args, int);
			if (!(flags & F_LEFT))
				pad(&o, width - 1, ' ');
			put(&o, ch);
			if (flags & F_LEFT)
				pad(&o, width - 1, ' ');
			break;
		}
		case 's':
			emit_str(&o, va_arg(args, const char *), width, prec, flags);
			break;
		case 'p': {
			const void *p = va_arg(args, const void *);
			fmt += emit_ptr(&o, fmt, p, width, flags);
			/* The kernel swallows any further alphanumerics of an unknown %p
			 * extension. */
			while ((*fmt >= 'a' && *fmt <= 'z') || (*fmt >= 'A' && *fmt <= 'Z') ||
			       (*fmt >= '0' && *fmt <= '9'))
				fmt++;
			break;
		}
		case 0:
			break;
		default:
			put(&o, '%');
			put(&o, c);
			break;
		}
	}
	va_end(args);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int kc_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = kc_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int kc_vsprintf(char *buf, const char *fmt, va_list ap)
{
	return kc_vsnprintf(buf, INT_MAX, fmt, ap);
}

int kc_sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = kc_vsnprintf(buf, INT_MAX, fmt, ap);
	va_end(ap);
	return n;
}

int kc_vscnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	int n = kc_vsnprintf(buf, size, fmt, ap);
	if (!size)
		return 0;
	return (size_t)n < size ? n : (int)size - 1;
}

int kc_scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = kc_vscnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

char *kvasprintf(gfp_t gfp, const char *fmt, va_list ap)
{
	va_list aq;
	va_copy(aq, ap);
	int n = kc_vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	char *p = kmalloc((size_t)n + 1, gfp);
	if (p)
		kc_vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

const char *kvasprintf_const(gfp_t gfp, const char *fmt, va_list ap)
{
	return kvasprintf(gfp, fmt, ap);
}

char *kasprintf(gfp_t gfp, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = kvasprintf(gfp, fmt, ap);
	va_end(ap);
	return p;
}

int sysfs_emit(char *buf, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = kc_vscnprintf(buf, PAGE_SIZE, fmt, ap);
	va_end(ap);
	return n;
}

int sysfs_emit_at(char *buf, int at, const char *fmt, ...)
{
	if (at < 0 || (size_t)at >= PAGE_SIZE)
		return 0;
	va_list ap;
	va_start(ap, fmt);
	int n = kc_vscnprintf(buf + at, PAGE_SIZE - (size_t)at, fmt, ap);
	va_end(ap);
	return n;
}
