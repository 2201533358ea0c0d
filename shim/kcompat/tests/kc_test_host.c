/* SPDX-License-Identifier: MIT */
/* The host half of the kcompat self-test: the kc_host_* bridge with no machine behind it
 * (every call answers NOT_SUPPORTED), the log on stdout, WARNs counted. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../include/kc/host.h"

int kc_test_warnings;
int kc_selftest(void);

void kc_host_call(int conduit, unsigned long regs[KC_NREGS])
{
	(void)conduit;
	regs[0] = ~0UL;
}

void kc_host_log(int level, const char *text)
{
	printf("<%d> %s\n", level, text);
	if (strstr(text, "WARNING: at "))
		kc_test_warnings++;
}

void kc_host_panic(const char *text)
{
	printf("%s\n", text);
	abort();
}

void *kc_host_alloc_pages(unsigned long size)
{
	void *p = aligned_alloc(4096, (size + 4095) & ~4095UL);
	if (p)
		memset(p, 0, (size + 4095) & ~4095UL);
	return p;
}

void kc_host_free_pages(void *p, unsigned long size)
{
	(void)size;
	free(p);
}

unsigned long kc_host_virt_to_phys(const volatile void *p)
{
	(void)p;
	return ~0UL;
}

void *kc_host_phys_to_virt(unsigned long pa)
{
	(void)pa;
	return NULL;
}

unsigned long kc_host_mirror(const void *p, unsigned long len)
{
	(void)p;
	(void)len;
	return ~0UL;
}

void *kc_host_malloc(unsigned long size)
{
	return malloc(size);
}

void kc_host_free(void *p)
{
	free(p);
}

int kc_host_mem_region(unsigned int i, unsigned long *base, unsigned long *size)
{
	(void)i;
	(void)base;
	(void)size;
	return -1;
}

unsigned int kc_host_random(void)
{
	return 4; /* chosen by fair dice roll: the tests want determinism */
}

int main(void)
{
	int f = kc_selftest();
	kc_kernel_reset();
	return f ? 1 : 0;
}
