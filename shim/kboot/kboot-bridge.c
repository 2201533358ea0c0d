/* SPDX-License-Identifier: MIT */
/*
 * The host half of the kc_host_* bridge (shim/kcompat/include/kc/host.h) shared by the
 * kboot programs (kboot-host.c: one boot per process; kboot-fuzz.c: many boots in one
 * process): calls through the shim kernel's interposer stack, the log, panic unwinding,
 * memory, mirrors of kernel objects in simulated memory, and the kernel world's data
 * snapshot that makes boots in one process independent.
 */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kboot-bridge.h"
#include "linux/mm.h"
#include "shim_priv.h"

/* Exported by the kernel world but not in kc/host.h's common set. */

struct smcsim_kernel *kboot_kern;
static jmp_buf panic_jmp;
static bool in_boot;

/* ---- bridge: calls ----------------------------------------------------------------------- */

struct mirror {
	uint8_t *host; /* page-aligned start in the kernel's address space */
	size_t len;    /* whole pages */
	uint8_t *sim;  /* the same bytes in simulated memory */
	uint8_t *snap; /* what was copied in before the call */
	uint64_t pa;
};
#define MAX_MIRRORS 64
static struct mirror mirrors[MAX_MIRRORS];
static size_t nmirrors;

/* Byte copies that bypass AddressSanitizer: a mirrored page holds redzones and other
 * objects around the one the kernel handed to firmware, and copying them unchanged is not
 * an access by the code under test. */
#if defined(__clang__) || defined(__GNUC__)
__attribute__((no_sanitize_address))
#endif
static void
raw_copy(volatile uint8_t *dst, const volatile uint8_t *src, size_t n)
{
	for (size_t i = 0; i < n; i++)
		dst[i] = src[i];
}

#if defined(__clang__) || defined(__GNUC__)
__attribute__((no_sanitize_address))
#endif
static void
copy_back_changed(volatile uint8_t *host, const uint8_t *sim, const uint8_t *snap, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (sim[i] != snap[i])
			host[i] = sim[i];
}

void kc_host_call(int conduit, unsigned long regs[KC_NREGS])
{
	struct smcsim_regs r;
	for (int i = 0; i < KC_NREGS; i++)
		r.x[i] = regs[i];
	for (size_t i = 0; i < nmirrors; i++) {
		raw_copy(mirrors[i].sim, mirrors[i].host, mirrors[i].len);
		memcpy(mirrors[i].snap, mirrors[i].sim, mirrors[i].len);
	}
	shim_issue(kboot_kern, conduit == KC_CONDUIT_HVC ? SMCCC_CONDUIT_HVC : SMCCC_CONDUIT_SMC,
		   &r);
	/* Only what firmware changed goes back: the host may have changed its own data in
	 * those pages during the call. */
	for (size_t i = 0; i < nmirrors; i++)
		copy_back_changed(mirrors[i].host, mirrors[i].sim, mirrors[i].snap, mirrors[i].len);
	for (int i = 0; i < KC_NREGS; i++)
		regs[i] = (unsigned long)r.x[i];
}

unsigned long kc_host_mirror(const void *p, unsigned long len)
{
	uintptr_t a = (uintptr_t)p;
	uintptr_t start = a & ~(uintptr_t)(PAGE_SIZE - 1);
	uintptr_t end = (a + len + PAGE_SIZE - 1) & ~(uintptr_t)(PAGE_SIZE - 1);
	for (size_t i = 0; i < nmirrors; i++)
		if (a >= (uintptr_t)mirrors[i].host &&
		    a + len <= (uintptr_t)mirrors[i].host + mirrors[i].len)
			return mirrors[i].pa + (a - (uintptr_t)mirrors[i].host);
	if (nmirrors == MAX_MIRRORS)
		return ~0UL;
	struct mirror *m = &mirrors[nmirrors];
	m->len = end - start;
	m->host = (uint8_t *)start;
	m->sim = alloc_pages_exact(m->len, GFP_KERNEL);
	m->snap = malloc(m->len);
	if (!m->sim || !m->snap) {
		free(m->snap);
		if (m->sim)
			free_pages_exact(m->sim, m->len);
		return ~0UL;
	}
	m->pa = virt_to_phys(m->sim);
	raw_copy(m->sim, m->host, m->len);
	nmirrors++;
	return (unsigned long)(m->pa + (a - start));
}

void kboot_mirrors_release(void)
{
	for (size_t i = 0; i < nmirrors; i++) {
		free_pages_exact(mirrors[i].sim, mirrors[i].len);
		free(mirrors[i].snap);
	}
	nmirrors = 0;
}

/* ---- bridge: log, panic, memory ------------------------------------------------------------ */

static const char *const level_names[] = { "emerg", "alert",  "crit", "err",
					   "warn",  "notice", "info", "debug" };

void kc_host_log(int level, const char *text)
{
	shim_log_append(kboot_kern, level_names[level < 0 || level > 7 ? 4 : level], text);
}

void kc_host_panic(const char *text)
{
	shim_log_append(kboot_kern, "emerg", text);
	kboot_kern->panicked = true;
	if (in_boot)
		longjmp(panic_jmp, 1);
	fprintf(stderr, "kboot: %s (outside the boot)\n", text);
	abort();
}

void *kc_host_alloc_pages(unsigned long size)
{
	return alloc_pages_exact(size, GFP_KERNEL);
}

void kc_host_free_pages(void *p, unsigned long size)
{
	free_pages_exact(p, size);
}

unsigned long kc_host_virt_to_phys(const volatile void *p)
{
	const uint8_t *a = (const uint8_t *)p;
	uint64_t base, size;
	for (size_t i = 0; smcsim_mem_region(kboot_kern->sim, i, &base, &size) == 0; i++) {
		const uint8_t *h = smcsim_mem_map(kboot_kern->sim, base, size);
		if (h && a >= h && a < h + size)
			return (unsigned long)(base + (uint64_t)(a - h));
	}
	return ~0UL;
}

void *kc_host_phys_to_virt(unsigned long pa)
{
	return smcsim_mem_map(kboot_kern->sim, pa, 1);
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
	uint64_t b, s;
	if (smcsim_mem_region(kboot_kern->sim, i, &b, &s))
		return -1;
	*base = (unsigned long)b;
	*size = (unsigned long)s;
	return 0;
}

unsigned int kc_host_random(void)
{
	static uint64_t s = 0x9e3779b97f4a7c15ULL;
	s ^= s << 13;
	s ^= s >> 7;
	s ^= s << 17;
	return (unsigned int)s;
}

/* ---- the run ---------------------------------------------------------------------------- */

/* panic() unwinds to here: setjmp in small frames of their own, so no caller variable
 * lives across the longjmp. */
void kboot_run_boot(const struct kc_boot_params *bp)
{
	in_boot = true;
	if (!setjmp(panic_jmp))
		kc_kernel_boot(bp);
	in_boot = false;
}

int kboot_run_tsm_report(const unsigned char *in, unsigned long len, unsigned char *out,
			 unsigned long cap, unsigned long *outlen, const char **name)
{
	/* Static: nothing the call sets lives in this frame across a longjmp. */
	static int r;
	r = -1;
	in_boot = true;
	if (!setjmp(panic_jmp))
		r = kc_kernel_tsm_report(in, len, out, cap, outlen, name);
	in_boot = false;
	return r;
}

void kboot_run_shutdown(void)
{
	in_boot = true;
	if (!setjmp(panic_jmp))
		kc_kernel_shutdown();
	in_boot = false;
}

/* ---- the kernel world's data ----------------------------------------------------------- */

static void *kdata_snap, *kbss_snap;
static unsigned long kdata_len, kbss_len;
static void *kdata_start, *kbss_start;

void kboot_kernel_snapshot(void)
{
	if (kdata_snap || kbss_snap)
		return;
	kc_kernel_sections(&kdata_start, &kdata_len, &kbss_start, &kbss_len);
	kdata_snap = malloc(kdata_len ? kdata_len : 1);
	kbss_snap = malloc(kbss_len ? kbss_len : 1);
	if (!kdata_snap || !kbss_snap) {
		fprintf(stderr, "kboot: out of memory for the kernel data snapshot\n");
		abort();
	}
	raw_copy(kdata_snap, kdata_start, kdata_len);
	raw_copy(kbss_snap, kbss_start, kbss_len);
}

void kboot_kernel_restore(void)
{
	if (!kdata_snap)
		return;
	raw_copy(kdata_start, kdata_snap, kdata_len);
	raw_copy(kbss_start, kbss_snap, kbss_len);
}
