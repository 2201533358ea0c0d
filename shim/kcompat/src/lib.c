// SPDX-License-Identifier: MIT
/* Kernel library routines kernel files call (lib/string.c, lib/kstrtox.c, lib/find_bit.c,
 * lib/uuid.c, kernel/notifier.c semantics), implemented for kboot. */
#include <linux/kernel.h>
#include "kc-internal.h"
#include <linux/slab.h>
#include <linux/uuid.h>
#include <linux/bitmap.h>
#include <linux/notifier.h>
#include <linux/string.h>

const uuid_t uuid_null;

ssize_t strscpy(char *dst, const char *src, size_t size)
{
	if (!size)
		return -E2BIG;
	size_t n = strnlen(src, size);
	if (n == size) {
		memcpy(dst, src, size - 1);
		dst[size - 1] = '\0';
		return -E2BIG;
	}
	memcpy(dst, src, n + 1);
	return (ssize_t)n;
}

size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t n = strlen(src);
	if (size) {
		size_t c = n >= size ? size - 1 : n;
		memcpy(dst, src, c);
		dst[c] = '\0';
	}
	return n;
}

char *kstrdup(const char *s, gfp_t gfp)
{
	if (!s)
		return NULL;
	size_t n = strlen(s) + 1;
	char *p = kmalloc(n, gfp);
	if (p)
		memcpy(p, s, n);
	return p;
}

const char *kstrdup_const(const char *s, gfp_t gfp)
{
	return kstrdup(s, gfp);
}

void kfree_const(const void *p)
{
	kfree(p);
}

char *kmemdup_nul(const char *s, size_t len, gfp_t gfp)
{
	char *p = kmalloc(len + 1, gfp);
	if (p) {
		memcpy(p, s, len);
		p[len] = '\0';
	}
	return p;
}

void *kmemdup(const void *s, size_t len, gfp_t gfp)
{
	void *p = kmalloc(len, gfp);
	if (p)
		memcpy(p, s, len);
	return p;
}

bool sysfs_streq(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	if (*a == *b)
		return true;
	if (*a == '\n' && !a[1] && !*b)
		return true;
	return *b == '\n' && !b[1] && !*a;
}

int match_string(const char *const *array, size_t n, const char *string)
{
	for (size_t i = 0; i < n; i++) {
		if (!array[i])
			break;
		if (!strcmp(array[i], string))
			return (int)i;
	}
	return -EINVAL;
}

char *skip_spaces(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	return (char *)s;
}

char *strim(char *s)
{
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n'))
		s[--n] = '\0';
	return skip_spaces(s);
}

static int parse_ull(const char *s, unsigned int base, unsigned long long *res)
{
	if (base == 0) {
		if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
			base = 16;
			s += 2;
		} else if (s[0] == '0') {
			base = 8;
		} else {
			base = 10;
		}
	} else if (base == 16 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		s += 2;
	}
	unsigned long long v = 0;
	int n = 0;
	for (; *s; s++, n++) {
		unsigned int d;
		if (*s >= '0' && *s <= '9')
			d = (unsigned int)(*s - '0');
		else if (*s >= 'a' && *s <= 'f')
			d = (unsigned int)(*s - 'a' + 10);
		else if (*s >= 'A' && *s <= 'F')
			d = (unsigned int)(*s - 'A' + 10);
		else if (*s == '\n' && !s[1] && n)
			break;
		else
			return -EINVAL;
		if (d >= base)
			return -EINVAL;
		if (__builtin_mul_overflow(v, base, &v) || __builtin_add_overflow(v, d, &v))
			return -ERANGE;
	}
	if (!n)
		return -EINVAL;
	*res = v;
	return 0;
}

int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long v;
	int r = parse_ull(*s == '+' ? s + 1 : s, base, &v);
	if (!r)
		*res = v;
	return r;
}

int kstrtouint(const char *s, unsigned int base, unsigned int *res)
{
	unsigned long long v;
	int r = parse_ull(*s == '+' ? s + 1 : s, base, &v);
	if (r)
		return r;
	if (v > UINT_MAX)
		return -ERANGE;
	*res = (unsigned int)v;
	return 0;
}

int kstrtoint(const char *s, unsigned int base, int *res)
{
	unsigned long long v;
	bool neg = *s == '-';
	int r = parse_ull(neg || *s == '+' ? s + 1 : s, base, &v);
	if (r)
		return r;
	if (v > (unsigned long long)INT_MAX + neg)
		return -ERANGE;
	*res = neg ? (int)(0 - v) : (int)v;
	return 0;
}

int kstrtobool(const char *s, bool *res)
{
	if (!s)
		return -EINVAL;
	switch (s[0]) {
	case 'y':
	case 'Y':
	case '1':
		*res = true;
		return 0;
	case 'n':
	case 'N':
	case '0':
		*res = false;
		return 0;
	case 'o':
	case 'O':
		if (s[1] == 'n' || s[1] == 'N') {
			*res = true;
			return 0;
		}
		if (s[1] == 'f' || s[1] == 'F') {
			*res = false;
			return 0;
		}
		break;
	}
	return -EINVAL;
}

unsigned long _find_next_bit(const unsigned long *addr, unsigned long size, unsigned long offset,
			     bool invert)
{
	for (unsigned long i = offset; i < size; i++)
		if (test_bit(i, addr) != invert)
			return i;
	return size;
}

unsigned long *bitmap_zalloc(unsigned int nbits, gfp_t flags)
{
	return kcalloc(BITS_TO_LONGS(nbits), sizeof(unsigned long), flags);
}

void bitmap_free(const unsigned long *bitmap)
{
	kfree(bitmap);
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

bool uuid_is_valid(const char *uuid)
{
	for (int i = 0; i < UUID_STRING_LEN; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (uuid[i] != '-')
				return false;
		} else if (hexval(uuid[i]) < 0) {
			return false;
		}
	}
	return true;
}

int uuid_parse(const char *uuid, uuid_t *u)
{
	static const u8 pos[16] = { 0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34 };
	if (!uuid_is_valid(uuid))
		return -EINVAL;
	for (int i = 0; i < 16; i++)
		u->b[i] = (u8)(hexval(uuid[pos[i]]) << 4 | hexval(uuid[pos[i] + 1]));
	return 0;
}

int kc_notifier_register(struct notifier_block **head, struct notifier_block *nb)
{
	while (*head && (*head)->priority >= nb->priority)
		head = &(*head)->next;
	nb->next = *head;
	*head = nb;
	return 0;
}

int kc_notifier_unregister(struct notifier_block **head, struct notifier_block *nb)
{
	for (; *head; head = &(*head)->next)
		if (*head == nb) {
			*head = nb->next;
			return 0;
		}
	return -ENOENT;
}

int kc_notifier_call(struct notifier_block **head, unsigned long action, void *data)
{
	int ret = NOTIFY_DONE;
	for (struct notifier_block *nb = *head; nb; nb = nb->next) {
		ret = nb->notifier_call(nb, action, data);
		if (ret & NOTIFY_STOP_MASK)
			break;
	}
	return ret;
}

unsigned long kc_jiffies(void)
{
	/* Time stands still in a boot; a fixed start like the kernel's INITIAL_JIFFIES. */
	return 0xfffb6c20UL;
}
