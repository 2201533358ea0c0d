/* SPDX-License-Identifier: MIT */
/*
 * fuzz-discover: the reference Linux discovery (smcsim_discover_register) on perturbed
 * firmware, checking invariants.
 *
 * Input: byte 0 picks the base firmware (tfa-host, kvm-guest, qemu-tcg, ffa-host, pkvm-host, or
 * a fixture served in any order over tfa-host so deeper paths are reachable: a host boot, a
 * Realm boot, an SPMC with two partitions, an SPMC answering PARTITION_INFO_GET_REGS for
 * seven), byte 1 the kernel configuration (pKVM, legacy FF-A ordering, RMI flavour or Linux
 * 6.12 (bits 2-3 both set), PSCI binding), the rest drives the fault injector
 * (smcsim_faults_create): one decision byte per call.
 *
 * Hard invariants (abort: a bug in the shim, models or harness):
 *  - no driver bound twice; no device whose service failed its own version check
 *    (SMCCC-bus devices need SMCCC >= 1.1 with a conduit, soc0 needs SMCCC >= 1.2 and a
 *    valid SOC_ID, FF-A partition devices need a negotiated FF-A 1.0..1.2, arm-rsi bound
 *    only in a Realm); every FF-A buffer unmapped and every page freed at teardown.
 * Findings (Linux's own behaviour, reported, not aborted unless
 * SMCSIM_FUZZ_ABORT_ON_FINDING=1):
 *  - psci-unsupported-as-1x: PSCI_VERSION answered an error and Linux treated it as
 *    PSCI >= 1.0 (the known quirk: -1 reads as v65535.65535);
 *  - smccc-unsupported-as-1x: SMCCC_VERSION -1 accepted as a version >= 1.1;
 *  - ffa-version-0x: an FFA_VERSION x0 with bits above 30 set and a major of 0 passes the
 *    driver's full-width minimum check, and partitions bind at FF-A v0.x;
 *  - linux-ub / linux-hang / linux-overread / linux-overflow lines from the models (the
 *    last: Linux 6.12's PARTITION_INFO_GET_REGS copy writing past its partition buffer).
 * With SMCSIM_FUZZ_FINDINGS=DIR the first input of each kind is written there as a
 * fixture (what the kernel saw), replayable as strict fixture firmware.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_fixtures.h"
#include "shim_priv.h"

struct base {
	const char *profile;
	const char *fixture; /* served any-order with fall-through, or NULL */
};

static const struct base bases[] = {
	{ "tfa-host", NULL },	    { "tfa-host", fx_host_boot }, { "tfa-host", fx_realm_boot },
	{ "tfa-host", fx_ffa_two }, { "kvm-guest", NULL },	  { "qemu-tcg", NULL },
	{ "ffa-host", NULL },	    { "pkvm-host", NULL },	  { "tfa-host", fx_ffa_regs },
};

static void hard(const char *what, const struct smcsim_kernel *k)
{
	fprintf(stderr, "fuzz-discover: invariant violated: %s\n--- kernel log ---\n%s", what,
		smcsim_kernel_log(k));
	abort();
}

static unsigned int reported; /* bit per finding kind already written (harness state) */
static char config_text[160]; /* the current input's kernel configuration, for fixtures */

static void finding(unsigned int bit, const char *kind, const char *detail,
		    const struct smcsim_kernel_rec *rec)
{
	if (!(reported & bit)) {
		reported |= bit;
		fprintf(stderr, "fuzz-discover: FINDING %s: %s\n", kind, detail);
		const char *dir = getenv("SMCSIM_FUZZ_FINDINGS");
		if (dir && rec) {
			char path[512];
			snprintf(path, sizeof(path), "%s/finding-%s.json", dir, kind);
			FILE *f = fopen(path, "w");
			if (f) {
				char desc[512];
				snprintf(desc, sizeof(desc),
					 "fuzz-discover finding %s: %s (kernel: %s)", kind, detail,
					 config_text);
				smcsim_kernel_record_write(rec, f, desc);
				fclose(f);
				fprintf(stderr, "fuzz-discover: wrote %s\n", path);
			}
		}
	}
	const char *a = getenv("SMCSIM_FUZZ_ABORT_ON_FINDING");
	if (a && a[0] == '1')
		abort();
}

static void check(struct smcsim_kernel *k, const struct smcsim_kernel_rec *rec)
{
	const struct linux_state *s = &k->lx;
	if (smcsim_kernel_double_binds(k))
		hard("a driver bound twice", k);
	for (const struct device *d = smcsim_kernel_next_device(k, NULL); d;
	     d = smcsim_kernel_next_device(k, d)) {
		if (strcmp(d->bus->name, "arm_smccc") == 0 &&
		    (s->smccc_version < ARM_SMCCC_VERSION_1_1 ||
		     s->smccc_conduit == SMCCC_CONDUIT_NONE))
			hard("SMCCC-bus device without SMCCC >= 1.1 and a conduit", k);
		if (strcmp(d->bus->name, "soc") == 0 &&
		    (s->smccc_version < ARM_SMCCC_VERSION_1_2 || s->soc_id_version < 0 ||
		     s->soc_id_revision < 0))
			hard("soc0 without SMCCC 1.2 and a valid SOC_ID", k);
		if (strcmp(d->bus->name, "arm_ffa") == 0 &&
		    FFA_MAJOR_VERSION(s->ffa_version) == 0 &&
		    s->ffa_version_raw >= FFA_VERSION_1_0 &&
		    s->smccc_version >= ARM_SMCCC_VERSION_1_2) {
			/* ffa_version_check(): the minimum is compared with all of x0,
			 * FFA_MAJOR_VERSION() reads bits 30:16 and the version kept is the low
			 * 32 bits. */
			char det[160];
			snprintf(det, sizeof(det),
				 "FFA_VERSION returned 0x%llx, Linux negotiates FF-A v%u.%u",
				 (unsigned long long)s->ffa_version_raw,
				 FFA_MAJOR_VERSION(s->ffa_version),
				 FFA_MINOR_VERSION(s->ffa_version));
			finding(64, "ffa-version-0x", det, rec);
		} else if (strcmp(d->bus->name, "arm_ffa") == 0 &&
			   (s->smccc_version < ARM_SMCCC_VERSION_1_2 ||
			    s->ffa_version < FFA_VERSION_1_0 || s->ffa_version > FFA_VERSION_1_2)) {
			hard("FF-A partition device without a negotiated FF-A version", k);
		}
		if (strcmp(d->name, "arm-rsi") == 0 && d->driver && !s->realm)
			hard("arm-rsi bound outside a Realm", k);
	}
	/* DEN0022 5.1.1: an error is not a version. */
	if (s->psci_0_2_ops && (int32_t)s->psci_version_raw < 0 && (s->psci_version >> 16) >= 1) {
		char d[128];
		snprintf(d, sizeof(d), "PSCI_VERSION returned %d, Linux uses it as PSCI v%u.%u",
			 (int32_t)s->psci_version_raw, s->psci_version >> 16,
			 s->psci_version & 0xffff);
		finding(1, "psci-unsupported-as-1x", d, rec);
	}
	if (s->smccc_version == 0xffffffffu)
		finding(2, "smccc-unsupported-as-1x", "SMCCC_VERSION -1 accepted as v65535.65535",
			rec);
	static const char *const kinds[] = { "linux-ub", "linux-hang", "linux-overread",
					     "linux-overflow" };
	for (int i = 0; i < 4; i++) {
		char needle[40];
		snprintf(needle, sizeof(needle), "smcsim: %s", kinds[i]);
		const char *p = strstr(smcsim_kernel_log(k), needle);
		if (p) {
			char d[200];
			const char *e = strchr(p, '\n');
			snprintf(d, sizeof(d), "%.*s", (int)(e ? e - p : (long)strlen(p)), p);
			finding(4u << i, kinds[i], d, rec);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	const struct base *b = &bases[data[0] % (sizeof(bases) / sizeof(bases[0]))];
	uint8_t cfg = data[1];
	struct smcsim *sim;
	if (smcsim_create_named(b->profile, &sim, NULL))
		abort();
	unsigned int flavour = (cfg >> 2) & 3; /* 0 none, 1 RMI 1.0, 2 RMI 2.0, 3 Linux 6.12 */
	struct smcsim_kernel_opts o = {
		.pkvm = cfg & 1,
		.rmi_abi = flavour == 1	  ? 10
			   : flavour == 2 ? 20
					  : 0,
		.has_rme = cfg & 0x10,
		.psci_compat = (cfg & 0x60) == 0x60 ? 2 : 10,
		.no_closures = cfg & 0x80,
		.linux_era = flavour == 3 ? SMCSIM_LINUX_6_12 : 0,
	};
	snprintf(config_text, sizeof(config_text),
		 "pkvm=%d ffa_legacy=%d rmi_abi=%d has_rme=%d psci_compat=%d no_closures=%d "
		 "linux=%s",
		 o.pkvm, (cfg & 2) != 0 || flavour == 3, o.rmi_abi, o.has_rme, o.psci_compat,
		 o.no_closures, flavour == 3 ? "6.12" : "default");
	struct smcsim_kernel *k;
	if (smcsim_kernel_create(sim, &o, &k))
		abort();
	struct smcsim_fixture_fw *fw = NULL;
	if (b->fixture &&
	    smcsim_fixture_fw_parse(k, b->fixture, strlen(b->fixture), "fuzz-base",
				    SMCSIM_FW_ANY_ORDER | SMCSIM_FW_FALLTHROUGH, &fw, NULL))
		abort();
	struct smcsim_faults *faults;
	if (smcsim_faults_create(k, data + 2, size - 2, 0, 0, &faults))
		abort();
	struct smcsim_kernel_rec *rec = NULL;
	if (getenv("SMCSIM_FUZZ_FINDINGS") && smcsim_kernel_record_start(k, &rec))
		abort();
	if (smcsim_discover_register(k, (cfg & 2) ? SMCSIM_DISCOVER_FFA_LEGACY : 0))
		abort();
	smcsim_kernel_boot(k);
	check(k, rec);
	smcsim_kernel_shutdown(k);
	if (k->lx.ffa_rxtx_mapped)
		hard("FF-A RX/TX buffers still mapped after teardown", k);
	if (smcsim_kernel_pages_in_use(k))
		hard("pages leaked at teardown", k);
	if (smcsim_kernel_next_device(k, NULL))
		hard("devices left after teardown", k);
	smcsim_kernel_record_destroy(rec);
	smcsim_faults_destroy(faults);
	smcsim_fixture_fw_destroy(fw);
	smcsim_kernel_destroy(k);
	smcsim_destroy(sim);
	return 0;
}
