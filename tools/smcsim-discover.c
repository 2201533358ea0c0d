/* SPDX-License-Identifier: MIT */
/*
 * smcsim-discover: run the reference models of Linux's SMCCC discovery and binding on a
 * simulated machine and print what Linux would find (the logic lives in libsmcsim-shim,
 * smcsim_discover_run(), so `smcsim discover` can call the same function).
 *
 * Exit status: 0 done, 1 the run failed, 2 bad usage or profile.
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smcsim/shim.h"

static void usage(FILE *f, const char *argv0)
{
	fprintf(f,
		"usage: %s [--profile P] [--caller C] [-o|--record FILE] [--format text|json]\n"
		"          [--rmi 1.0|2.0] [--rme]\n"
		"          [--pkvm] [--ffa-legacy] [--no-ffa] [--psci-compat 0.1|0.2|1.0] "
		"[--no-psci]\n"
		"          [--mainline] [--kvm-uid-hvc-only] [--soc-id-name-smc32] [--linux 6.12]\n"
		"Run Linux's firmware discovery (reference models) on a simulated machine.\n"
		"Default: the newest kernel with the queued series (SMCCC bus, FF-A platform\n"
		"driver with pKVM deferral). --linux 6.12: Linux 6.12 exactly (platform devices,\n"
		"FF-A v1.1 at rootfs_initcall, KVM UID over HVC only, no SOC_ID name, no RSI).\n"
		"The other flags each select one older behaviour.\n",
		argv0);
}

int main(int argc, char **argv)
{
	static const struct option long_opts[] = {
		{ "profile", required_argument, NULL, 'p' },
		{ "caller", required_argument, NULL, 'c' },
		{ "record", required_argument, NULL, 'r' },
		{ "output", required_argument, NULL, 'r' },
		{ "format", required_argument, NULL, 'f' },
		{ "rmi", required_argument, NULL, 'R' },
		{ "rme", no_argument, NULL, 'E' },
		{ "pkvm", no_argument, NULL, 'K' },
		{ "ffa-legacy", no_argument, NULL, 'L' },
		{ "no-ffa", no_argument, NULL, 'F' },
		{ "psci-compat", required_argument, NULL, 'C' },
		{ "no-psci", no_argument, NULL, 'N' },
		{ "mainline", no_argument, NULL, 'M' },
		{ "kvm-uid-hvc-only", no_argument, NULL, 'U' },
		{ "soc-id-name-smc32", no_argument, NULL, 'S' },
		{ "linux", required_argument, NULL, 'X' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 },
	};
	const char *profile = NULL, *record = NULL;
	bool json = false;
	struct smcsim_discover_opts o = { 0 };
	int c;
	while ((c = getopt_long(argc, argv, "p:c:r:o:h", long_opts, NULL)) != -1) {
		switch (c) {
		case 'o': /* -o FILE, as smcsim record writes its fixture */
			record = optarg;
			break;
		case 'f':
			if (!strcmp(optarg, "json"))
				json = true;
			else if (strcmp(optarg, "text")) {
				fprintf(stderr, "--format: expected text or json, got \"%s\"\n",
					optarg);
				return 2;
			}
			break;
		case 'p':
			profile = optarg;
			break;
		case 'c':
			o.kernel.caller = optarg;
			break;
		case 'r':
			record = optarg;
			break;
		case 'R':
			if (strcmp(optarg, "1.0") == 0)
				o.kernel.rmi_abi = 10;
			else if (strcmp(optarg, "2.0") == 0)
				o.kernel.rmi_abi = 20;
			else {
				fprintf(stderr, "--rmi: expected 1.0 or 2.0, got \"%s\"\n", optarg);
				return 2;
			}
			break;
		case 'E':
			o.kernel.has_rme = true;
			break;
		case 'K':
			o.kernel.pkvm = true;
			break;
		case 'L':
			o.flags |= SMCSIM_DISCOVER_FFA_LEGACY;
			break;
		case 'F':
			o.flags |= SMCSIM_DISCOVER_NO_FFA;
			break;
		case 'C':
			if (strcmp(optarg, "0.1") == 0)
				o.kernel.psci_compat = 1;
			else if (strcmp(optarg, "0.2") == 0)
				o.kernel.psci_compat = 2;
			else if (strcmp(optarg, "1.0") == 0)
				o.kernel.psci_compat = 10;
			else {
				fprintf(stderr,
					"--psci-compat: expected 0.1, 0.2 or 1.0, got \"%s\"\n",
					optarg);
				return 2;
			}
			break;
		case 'N':
			o.kernel.no_psci = true;
			break;
		case 'U':
			o.kernel.linux_era |= SMCSIM_LINUX_KVM_UID_HVC_ONLY;
			break;
		case 'S':
			o.kernel.linux_era |= SMCSIM_LINUX_SOC_ID_NAME_SMC32;
			break;
		case 'M':
			o.flags |= SMCSIM_DISCOVER_MAINLINE;
			break;
		case 'X':
			if (strcmp(optarg, "6.12") != 0) {
				fprintf(stderr, "--linux: expected 6.12, got \"%s\"\n", optarg);
				return 2;
			}
			o.kernel.linux_era |= SMCSIM_LINUX_6_12;
			break;
		case 'h':
			usage(stdout, argv[0]);
			return 0;
		default:
			usage(stderr, argv[0]);
			return 2;
		}
	}
	if (optind != argc) {
		usage(stderr, argv[0]);
		return 2;
	}
	/* The KVM CCA host series (RMI) is in no release; 6.12 has neither RMI nor RSI. */
	if ((o.kernel.linux_era & SMCSIM_LINUX_6_12) == SMCSIM_LINUX_6_12 && o.kernel.rmi_abi) {
		fprintf(stderr, "--rmi: Linux 6.12 has no RMI host support\n");
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
	FILE *rf = NULL;
	if (record && !(rf = fopen(record, "w"))) {
		fprintf(stderr, "%s: %s\n", record, strerror(errno));
		smcsim_destroy(sim);
		return 2;
	}
	o.record = rf;
	char *text = NULL;
	size_t tlen = 0;
	FILE *rep = json ? open_memstream(&text, &tlen) : stdout;
	if (!rep) {
		smcsim_destroy(sim);
		return 2;
	}
	r = smcsim_discover_run(sim, &o, rep);
	if (json) {
		fclose(rep);
		if (!r)
			r = smcsim_report_to_json(text, "smcsim-discover-report", stdout);
		free(text);
	}
	if (rf && fclose(rf) && !r)
		r = -EIO;
	smcsim_destroy(sim);
	if (r) {
		fprintf(stderr, "discover: %s\n", smcsim_strerror(r));
		return 1;
	}
	return 0;
}
