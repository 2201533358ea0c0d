/* SPDX-License-Identifier: MIT */
/*
 * The host half of a kboot program: a simulated machine (libsmcsim), a simulated kernel
 * context from libsmcsim-shim (caller, CPU, page allocator, log, and the interposer stack:
 * fixture firmware, fault injection, recording), and the kc_host_* bridge the kernel world
 * calls (shim/kcompat/include/kc/host.h). smcsim-kboot links this with a kernel tree's
 * files into one program per tree; each run of it is one isolated boot.
 *
 * Exit status: 0 booted (even if the kernel panicked: that is a result), 1 the run failed
 * (fixture not satisfied, recording failed), 2 bad usage, profile or fixture, 3 the kernel
 * crashed (a memory-safety bug in the kernel code; reported on stdout).
 */
#include <errno.h>
#include <getopt.h>
#include <setjmp.h>
#include <signal.h>
#include <unistd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kboot-bridge.h"
#include "linux/mm.h"
#include "shim_priv.h"
#include "smcsim/shim.h"

/* --tsm-report: the challenge, and the report asked for after the boot. */
static unsigned char tsm_challenge[64];
static size_t tsm_challenge_len;
static bool tsm_report;

/* What a configfs read of /sys/kernel/config/tsm/report/$r/outblob would return after
 * writing the challenge to inblob: one line with the provider, the size and the first
 * bytes of the blob (a Realm's is a CCA attestation token, CBOR tag 399). */
static void run_tsm_report(FILE *out)
{
	static unsigned char blob[32768];
	unsigned long len = 0;
	const char *name = NULL;
	int r = kboot_run_tsm_report(tsm_challenge, tsm_challenge_len, blob, sizeof(blob), &len,
				     &name);
	fprintf(out, "tsm-report: %s", name ? name : "(no provider)");
	if (r) {
		fprintf(out, " error %d\n", r);
		return;
	}
	fprintf(out, ", %lu bytes:", len);
	for (unsigned long i = 0; i < len && i < 16; i++)
		fprintf(out, " %02x", blob[i]);
	fprintf(out, "%s\n", len > 16 ? " ..." : "");
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

static void emit_line(void *opaque, const char *line)
{
	fprintf(opaque, "  %s\n", line);
}

/*
 * Without a sanitizer, a kernel bug that runs wild (a copy far past a buffer, as Linux
 * 6.12's __ffa_partition_info_get_regs() does when firmware's CURRENT_INDEX is trusted)
 * ends in SIGSEGV. Say so, with the kernel log so far, instead of dying silently; with
 * AddressSanitizer its own handler reports the access instead.
 */
extern void __asan_init(void) __attribute__((weak));

static void put(const char *s)
{
	size_t n = strlen(s);
	while (n) {
		ssize_t w = write(1, s, n);
		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

static void crash_handler(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	char msg[160];
	snprintf(msg, sizeof(msg), "BUG: kboot: the kernel crashed: signal %d (%s) at address %p\n",
		 sig,
		 sig == SIGSEGV	 ? "SIGSEGV"
		 : sig == SIGBUS ? "SIGBUS"
				 : "fault",
		 si ? si->si_addr : NULL);
	put(msg);
	if (kboot_kern) {
		put("log so far:\n");
		put(smcsim_kernel_log(kboot_kern));
	}
	_exit(3);
}

static void install_crash_handler(void)
{
	if (__asan_init)
		return;
	static char altstack[65536];
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) };
	sigaltstack(&ss, NULL);
	struct sigaction sa = { .sa_sigaction = crash_handler,
				.sa_flags = SA_SIGINFO | SA_ONSTACK };
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: smcsim kboot --kernel-src DIR [--profile P] [--caller C] [--record FILE]\n"
		"                    [--fixture FILE [--any-order] [--fallthrough]] [--faults "
		"SEED]\n"
		"                    [--psci-compat 0.1|0.2|1.0] [--no-psci] [--debug]\n"
		"                    [--tsm-report CHALLENGE-HEX] [--format text|json]\n"
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
		{ "format", required_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 },
	};
	const char *profile = NULL, *record = NULL, *fixture = NULL, *kver = "unknown", *ksrc = "";
	unsigned int fw_flags = 0;
	bool faults = false, debug = false, json = false;
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
		case 'F':
			if (!strcmp(optarg, "json"))
				json = true;
			else if (strcmp(optarg, "text")) {
				fprintf(stderr, "--format: expected text or json, got \"%s\"\n",
					optarg);
				return 2;
			}
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
	r = smcsim_kernel_create(sim, &ko, &kboot_kern);
	if (r) {
		fprintf(stderr, "kboot: cannot create the kernel context: %s\n",
			smcsim_strerror(r));
		smcsim_destroy(sim);
		return 2;
	}
	smcsim_kernel_enter(kboot_kern);
	const struct smcsim_kernel_opts *eff = smcsim_kernel_options(kboot_kern);

	struct smcsim_fixture_fw *fw = NULL;
	struct smcsim_faults *flt = NULL;
	struct smcsim_kernel_rec *rec = NULL;
	FILE *rf = NULL;
	int status = 0;
	/* The report goes to stdout as text, or is collected and printed as JSON at the end. */
	char *report = NULL;
	size_t report_len = 0;
	FILE *out = json ? open_memstream(&report, &report_len) : stdout;
	if (!out)
		out = stdout;
	if (fixture && smcsim_fixture_fw_load(kboot_kern, fixture, fw_flags, &fw, &err)) {
		fprintf(stderr, "%s: %s\n", fixture, err.text[0] ? err.text : "cannot load");
		status = 2;
		goto out;
	}
	if (faults && (r = smcsim_faults_create(kboot_kern, NULL, 0, seed, 4, &flt))) {
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
		if ((r = smcsim_kernel_record_start(kboot_kern, &rec))) {
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
		method = (enum smcsim_conduit)smcsim_caller_conduit(sim, kboot_kern->caller);
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

	install_crash_handler();
	kboot_run_boot(&bp);

	fprintf(out, "kernel: Linux %s%s%s\n", kver, ksrc[0] ? " " : "", ksrc);
	fprintf(out, "profile: %s\n", smcsim_profile_of(sim));
	unsigned int v = kc_kernel_smccc_version();
	int cd = kc_kernel_smccc_conduit();
	fprintf(out, "smccc: v%u.%u (%s)\n", v >> 16, v & 0xffff,
		cd == 1	  ? "smc"
		: cd == 2 ? "hvc"
			  : "none");
	unsigned long ns_shared = 0;
	int realm = kc_kernel_realm(&ns_shared);
	if (realm > 0)
		/* rsi.c keeps RSI_REALM_CONFIG's IPA width only as prot_ns_shared. */
		fprintf(out, "realm: yes, ipa_bits %d (prot_ns_shared 0x%lx)\n",
			ns_shared ? __builtin_ctzl(ns_shared) + 1 : 0, ns_shared);
	else if (!realm)
		fprintf(out, "realm: no\n");
	fprintf(out, "devices:\n");
	kc_kernel_report(emit_line, out);
	if (tsm_report && !smcsim_kernel_panicked(kboot_kern))
		run_tsm_report(out);
	if (!smcsim_kernel_panicked(kboot_kern)) {
		/* Teardown calls (FFA_RXTX_UNMAP...) reach the firmware and the recording. */
		kboot_run_shutdown();
	}
	fprintf(out, "calls: %lu\n", smcsim_kernel_calls(kboot_kern));
	if (smcsim_kernel_panicked(kboot_kern))
		fprintf(out, "panic: yes\n");
	fprintf(out, "log:\n");
	const char *log = smcsim_kernel_log(kboot_kern);
	while (*log) {
		const char *nl = strchr(log, '\n');
		size_t n = nl ? (size_t)(nl - log) : strlen(log);
		fprintf(out, "  %.*s\n", (int)n, log);
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
	if (out != stdout) {
		fclose(out);
		if (report && !status &&
		    smcsim_report_to_json(report, "smcsim-kboot-report", stdout))
			status = 1;
		free(report);
	}
	if (rec)
		smcsim_kernel_record_destroy(rec);
	if (rf && fclose(rf) && !status)
		status = 1;
	kc_kernel_reset();
	kboot_mirrors_release();
	smcsim_faults_destroy(flt);
	smcsim_fixture_fw_destroy(fw);
	smcsim_kernel_destroy(kboot_kern);
	smcsim_destroy(sim);
	return status;
}
