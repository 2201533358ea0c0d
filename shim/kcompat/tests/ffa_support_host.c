// SPDX-License-Identifier: MIT
/*
 * Host side of ffa_support_test.c: the few core-runtime functions the FF-A support code
 * calls (kmalloc family, printk, WARN, panic, kc_vsnprintf), as plain libc stand-ins so
 * the support code can be tested on its own, and main(). Built with the host's headers,
 * never linked into a kboot program.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int kc_test_warnings;
int kc_debug_enabled;
int kc_ffa_support_selftest(void);

void *kmalloc(size_t size, unsigned int gfp)
{
	(void)gfp;
	return malloc(size ? size : 1);
}

void *kzalloc(size_t size, unsigned int gfp)
{
	(void)gfp;
	return calloc(1, size ? size : 1);
}

void *kcalloc(size_t n, size_t size, unsigned int gfp)
{
	(void)gfp;
	return calloc(n ? n : 1, size ? size : 1);
}

void *krealloc(const void *p, size_t size, unsigned int gfp)
{
	(void)gfp;
	return realloc((void *)p, size ? size : 1);
}

void kfree(const void *p)
{
	free((void *)p);
}

int kc_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	return vsnprintf(buf, size, fmt, ap);
}

static void vlog(const char *fmt, va_list ap)
{
	/* Drop a KERN_<level> prefix (SOH + level character). */
	if (fmt[0] == '\001' && fmt[1])
		fmt += 2;
	vfprintf(stderr, fmt, ap);
}

int _printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog(fmt, ap);
	va_end(ap);
	return 0;
}

void kc_warn(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	kc_test_warnings++;
	fprintf(stderr, "WARNING: at %s:%d: ", file, line);
	va_start(ap, fmt);
	vlog(fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog(fmt, ap);
	va_end(ap);
	abort();
}

int main(void)
{
	int failures = kc_ffa_support_selftest();

	printf("ffa_support: %d failure(s), %d WARN(s)\n", failures, kc_test_warnings);
	return failures ? 1 : 0;
}
