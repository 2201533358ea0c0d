/* SPDX-License-Identifier: MIT */
/*
 * The host half of a kboot program: a simulated machine (libsmcsim), a simulated kernel
 * context from libsmcsim-shim (caller, CPU, page allocator, log, and the interposer stack:
 * fixture firmware, fault injection, recording), and the kc_host_* bridge the kernel world
 * calls (shim/kcompat/include/kc/host.h). smcsim-kboot links this with a kernel tree's
 * files into one program per tree; each run of it is one isolated boot.
 *
 * Exit status: 0 booted (even if the kernel panicked: that is a result), 1 the run failed
 * (fixture not satisfied, recording failed), 2 bad usage, profile or fixture.
 */
#include <errno.h>
#include <getopt.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kc/host.h"
#include "linux/mm.h"
#include "shim_priv.h"
#include "smcsim/shim.h"

/* Exported by the kernel world but not in kc/host.h's common set. */
int kc_kernel_boot(const struct kc_boot_params *p);

/* --tsm-report: the challenge, and the report asked for after the boot. */
static unsigned char tsm_challenge[64];
static size_t tsm_challenge_len;
static bool tsm_report;

static struct smcsim_kernel *kern;
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
	shim_issue(kern, conduit == KC_CONDUIT_HVC ? SMCCC_CONDUIT_HVC : SMCCC_CONDUIT_SMC, &r);
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

static void mirrors_release(void)
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
	shim_log_append(kern, level_names[level < 0 || level > 7 ? 4 : level], text);
}

void kc_host_panic(const char *text)
{
	shim_log_append(kern, "emerg", text);
	kern->panicked = true;
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
	for (size_t i = 0; smcsim_mem_region(kern->sim, i, &base, &size) == 0; i++) {
		const uint8_t *h = smcsim_mem_map(kern->sim, base, size);
		if (h && a >= h && a < h + size)
			return (unsigned long)(base + (uint64_t)(a - h));
	}
	return ~0UL;
}

void *kc_host_phys_to_virt(unsigned long pa)
{
	return smcsim_mem_map(kern->sim, pa, 1);
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
	if (smcsim_mem_region(kern->sim, i, &b, &s))
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

static void emit_line(void *opaque, const char *line)
{
	fprintf(opaque, "  %s\n", line);
}

/* panic() unwinds to here: setjmp in small frames of their own, so no caller variable
 * lives across the longjmp. */
static void run_boot(const struct kc_boot_params *bp)
{
	in_boot = true;
	if (!setjmp(panic_jmp))
		kc_kernel_boot(bp);
	in_boot = false;
}

/* What a configfs read of /sys/kernel/config/tsm/report/$r/outblob would return after
 * writing the challenge to inblob: one line with the provider, the size and the first
 * bytes of the blob (a Realm's is a CCA attestation token, CBOR tag 399). */
static void run_tsm_report(void)
{
	/* Static: nothing the call sets lives in this frame across a longjmp. */
	static unsigned char out[32768];
	static unsigned long len;
	static const char *name;
	static int r;
	r = -1;
	in_boot = true;
	if (!setjmp(panic_jmp))
		r = kc_kernel_tsm_report(tsm_challenge, tsm_challenge_len, out, sizeof(out), &len,
					 &name);
	in_boot = false;
	printf("tsm-report: %s", name ? name : "(no provider)");
	if (r) {
		printf(" error %d\n", r);
		return;
	}
	printf(", %lu bytes:", len);
	for (unsigned long i = 0; i < len && i < 16; i++)
		printf(" %02x", out[i]);
	printf("%s\n", len > 16 ? " ..." : "");
}

static int hex_nibble(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* "00112233..." (32 to 64 bytes) into tsm_challenge. */
static bool parse_challenge(const char *hex)
{
	size_t n = strlen(hex);
	if (n % 2 || n / 2 < 32 || n / 2 > sizeof(tsm_challenge))
		return false;
	for (size_t i = 0; i < n / 2; i++) {
		int hi = hex_nibble(hex[2 * i]), lo = hex_nibble(hex[2 * i + 1]);
		if (hi < 0 || lo < 0)
			return false;
		tsm_challenge[i] = (unsigned char)(hi << 4 | lo);
	}
	tsm_challenge_len = n / 2;
	return true;
}

static void run_shutdown(void)
{
	in_boot = true;
	if (!setjmp(panic_jmp))
		kc_kernel_shutdown();
	in_boot = false;
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: smcsim kboot --kernel-src DIR [--profile P] [--caller C] [--record FILE]\n"
		"                    [--fixture FILE [--any-order] [--fallthrough]] [--faults "
		"SEED]\n"
		"                    [--psci-compat 0.1|0.2|1.0] [--no-psci] [--debug]\n"
		"                    [--tsm-report CHALLENGE-HEX]\n"
		"Boot a kernel tree's firmware-discovery files on a simulated machine.\n");
}

int main(int argc, char **argv)
{
	static const struct option long_opts[] = {
		{ "profile", required_argument, NULL, 'p' },
		{ "caller", required_argument, NULL, 'c' },
		{ "record", required_argument, NULL, 'r' },
		{ "fixture", required_argument, NULL, 'x' },
		{ "any-order", no_argument, NULL, 'A' },
		{ "fallthrough", no_argument, NULL, 'T' },
		{ "faults", required_argument, NULL, 'f' },
		{ "psci-compat", required_argument, NULL, 'C' },
		{ "no-psci", no_argument, NULL, 'N' },
		{ "debug", no_argument, NULL, 'd' },
		{ "kernel-version", required_argument, NULL, 'V' },
		{ "kernel-src", required_argument, NULL, 'k' },
		{ "tsm-report", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 },
	};
	const char *profile = NULL, *record = NULL, *fixture = NULL, *kver = "unknown", *ksrc = "";
	unsigned int fw_flags = 0;
	bool faults = false, debug = false;
	unsigned long long seed = 0;
	struct smcsim_kernel_opts ko = { 0 };
	int c;
	while ((c = getopt_long(argc, argv, "p:c:r:h", long_opts, NULL)) != -1) {
		switch (c) {
		case 'p':
			profile = optarg;
			break;
		case 'c':
			ko.caller = optarg;
			break;
		case 'r':
			record = optarg;
			break;
		case 'x':
			fixture = optarg;
			break;
		case 'A':
			fw_flags |= SMCSIM_FW_ANY_ORDER;
			break;
		case 'T':
			fw_flags |= SMCSIM_FW_FALLTHROUGH;
			break;
		case 'f': {
			char *end;
			errno = 0;
			seed = strtoull(optarg, &end, 0);
			if (errno || !*optarg || *end) {
				fprintf(stderr, "--faults: expected a seed (number), got \"%s\"\n",
					optarg);
				return 2;
			}
			faults = true;
			break;
		}
		case 'C':
			if (!strcmp(optarg, "0.1"))
				ko.psci_compat = 1;
			else if (!strcmp(optarg, "0.2"))
				ko.psci_compat = 2;
			else if (!strcmp(optarg, "1.0"))
				ko.psci_compat = 10;
			else {
				fprintf(stderr,
					"--psci-compat: expected 0.1, 0.2 or 1.0, got \"%s\"\n",
					optarg);
				return 2;
			}
			break;
		case 'N':
			ko.no_psci = true;
			break;
		case 'd':
			debug = true;
			break;
		case 'V':
			kver = optarg;
			break;
		case 'k':
			ksrc = optarg;
			break;
		case 't':
			if (!parse_challenge(optarg)) {
				fprintf(stderr,
					"--tsm-report: expected 32 to 64 bytes in hex, got "
					"\"%s\"\n",
					optarg);
				return 2;
			}
			tsm_report = true;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind != argc) {
		usage(stderr);
		return 2;
	}
	struct smcsim *sim;
	struct smcsim_error err = { "" };
	int r = smcsim_create_named(profile, &sim, &err);
	if (r) {
		fprintf(stderr, "%s: %s%s%s\n", profile ? profile : "(default profile)",
			smcsim_strerror(r), err.text[0] ? ": " : "", err.text);
		return 2;
	}
	r = smcsim_kernel_create(sim, &ko, &kern);
	if (r) {
		fprintf(stderr, "kboot: cannot create the kernel context: %s\n",
			smcsim_strerror(r));
		smcsim_destroy(sim);
		return 2;
	}
	smcsim_kernel_enter(kern);
	const struct smcsim_kernel_opts *eff = smcsim_kernel_options(kern);

	struct smcsim_fixture_fw *fw = NULL;
	struct smcsim_faults *flt = NULL;
	struct smcsim_kernel_rec *rec = NULL;
	FILE *rf = NULL;
	int status = 0;
	if (fixture && smcsim_fixture_fw_load(kern, fixture, fw_flags, &fw, &err)) {
		fprintf(stderr, "%s: %s\n", fixture, err.text[0] ? err.text : "cannot load");
		status = 2;
		goto out;
	}
	if (faults && (r = smcsim_faults_create(kern, NULL, 0, seed, 4, &flt))) {
		fprintf(stderr, "kboot: fault injection: %s\n", smcsim_strerror(r));
		status = 2;
		goto out;
	}
	if (record) {
		if (!(rf = fopen(record, "w"))) {
			fprintf(stderr, "%s: %s\n", record, strerror(errno));
			status = 2;
			goto out;
		}
		if ((r = smcsim_kernel_record_start(kern, &rec))) {
			fprintf(stderr, "kboot: recording: %s\n", smcsim_strerror(r));
			status = 2;
			goto out;
		}
	}

	/* The firmware node as the device tree would carry it (Documentation/devicetree/
	 * bindings/arm/psci.yaml): compatible by PSCI generation, the conduit as "method",
	 * and for "arm,psci" (0.1) the function IDs, which 0.1 firmware defines itself; the
	 * 0.2 IDs are what such firmware commonly uses. */
	static const struct kc_dt_prop psci01_props[] = {
		{ "method", NULL, 0 },		 { "cpu_suspend", NULL, 0xc4000001 },
		{ "cpu_off", NULL, 0x84000002 }, { "cpu_on", NULL, 0xc4000003 },
		{ "migrate", NULL, 0xc4000005 },
	};
	struct kc_dt_prop props[5];
	memcpy(props, psci01_props, sizeof(props));
	enum smcsim_conduit method = eff->psci_method;
	if (method == SMCSIM_CONDUIT_DEFAULT)
		method = (enum smcsim_conduit)smcsim_caller_conduit(sim, kern->caller);
	props[0].str = method == SMCSIM_CONDUIT_HVC ? "hvc" : "smc";
	struct kc_dt_node psci = {
		.name = "psci",
		.compatible = eff->psci_compat == 1   ? "arm,psci"
			      : eff->psci_compat == 2 ? "arm,psci-0.2"
						      : "arm,psci-1.0",
		.available = 1,
		.props = props,
		.nprops = eff->psci_compat == 1 ? 5 : 1,
	};
	struct kc_boot_params bp = { .dt = &psci, .ndt = ko.no_psci ? 0 : 1, .debug = debug };

	run_boot(&bp);

	printf("kernel: Linux %s%s%s\n", kver, ksrc[0] ? " " : "", ksrc);
	printf("profile: %s\n", smcsim_profile_of(sim));
	unsigned int v = kc_kernel_smccc_version();
	int cd = kc_kernel_smccc_conduit();
	printf("smccc: v%u.%u (%s)\n", v >> 16, v & 0xffff,
	       cd == 1	 ? "smc"
	       : cd == 2 ? "hvc"
			 : "none");
	unsigned long ns_shared = 0;
	int realm = kc_kernel_realm(&ns_shared);
	if (realm > 0)
		/* rsi.c keeps RSI_REALM_CONFIG's IPA width only as prot_ns_shared. */
		printf("realm: yes, ipa_bits %d (prot_ns_shared 0x%lx)\n",
		       ns_shared ? __builtin_ctzl(ns_shared) + 1 : 0, ns_shared);
	else if (!realm)
		printf("realm: no\n");
	printf("devices:\n");
	kc_kernel_report(emit_line, stdout);
	if (tsm_report && !smcsim_kernel_panicked(kern))
		run_tsm_report();
	if (!smcsim_kernel_panicked(kern)) {
		/* Teardown calls (FFA_RXTX_UNMAP...) reach the firmware and the recording. */
		run_shutdown();
	}
	printf("calls: %lu\n", smcsim_kernel_calls(kern));
	if (smcsim_kernel_panicked(kern))
		printf("panic: yes\n");
	printf("log:\n");
	const char *log = smcsim_kernel_log(kern);
	while (*log) {
		const char *nl = strchr(log, '\n');
		size_t n = nl ? (size_t)(nl - log) : strlen(log);
		printf("  %.*s\n", (int)n, log);
		log += n + (nl ? 1 : 0);
	}
	if (fw) {
		char msg[512];
		if (smcsim_fixture_fw_finish(fw, msg, sizeof(msg))) {
			fprintf(stderr, "%s: %s\n", fixture, msg);
			status = 1;
		}
	}
	if (rec) {
		char desc[200];
		snprintf(desc, sizeof(desc), "smcsim kboot of Linux %s on %s", kver,
			 smcsim_profile_of(sim));
		if (smcsim_kernel_record_write(rec, rf, desc)) {
			fprintf(stderr, "%s: cannot write the recording\n", record);
			status = 1;
		}
	}
out:
	if (rec)
		smcsim_kernel_record_destroy(rec);
	if (rf && fclose(rf) && !status)
		status = 1;
	kc_kernel_reset();
	mirrors_release();
	smcsim_faults_destroy(flt);
	smcsim_fixture_fw_destroy(fw);
	smcsim_kernel_destroy(kern);
	smcsim_destroy(sim);
	return status;
}
