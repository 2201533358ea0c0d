/* SPDX-License-Identifier: MIT */
/*
 * kboot-fuzz: a fuzz target that boots a kernel tree's real firmware-discovery files
 * (built by `smcsim-kboot --fuzz`) once per input, in process, with the input's bytes
 * deciding how the firmware's answers are perturbed (smcsim_faults_create()).
 *
 * Input: byte 0 picks the profile; the rest are fault-injection decisions (one byte per
 * call, then operands; no faults once exhausted). Each boot starts from the kernel world's
 * saved initial data with an empty kernel heap and a fresh machine, so an input behaves as
 * in its own process: a crash found here reproduces with `smcsim kboot --fixture`.
 *
 * With SMCSIM_FUZZ_FINDINGS=DIR, a boot that a sanitizer stops (Linux's memory-safety bug,
 * e.g. 6.12's __ffa_partition_info_get_regs() heap overflow) first writes what the kernel
 * saw, calls and firmware writes, as a fixture DIR/kboot-<profile>-<hash>.json.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kboot-bridge.h"
#include "shim_priv.h"

static const char *const profiles[] = { "ffa-host",  "pkvm-host", "tfa-host", "kvm-guest",
					"cca-realm", "cca-host",  "qemu-tcg" };

static struct smcsim_kernel_rec *cur_rec;
static const char *cur_profile;
static uint64_t cur_hash;

/* The sanitizer is about to end the process: keep the boot as a fixture. */
static void write_finding(void)
{
	const char *dir = getenv("SMCSIM_FUZZ_FINDINGS");
	if (!dir || !cur_rec)
		return;
	char path[4096];
	snprintf(path, sizeof(path), "%s/kboot-%s-%016llx.json", dir, cur_profile,
		 (unsigned long long)cur_hash);
	FILE *f = fopen(path, "w");
	if (!f)
		return;
	char desc[200];
	snprintf(desc, sizeof(desc),
		 "kboot-fuzz finding on %s: the answers a real kernel boot got before a sanitizer "
		 "stopped it; reproduce with smcsim kboot --profile %s --fixture FILE",
		 cur_profile, cur_profile);
	smcsim_kernel_record_write(cur_rec, f, desc);
	fclose(f);
	fprintf(stderr, "kboot-fuzz: finding written to %s\n", path);
}

/* The sanitizer runtimes' hook (sanitizer/common_interface_defs.h); weak, so a build
 * without sanitizers links and simply writes no finding. */
extern void __sanitizer_set_death_callback(void (*callback)(void)) __attribute__((weak));

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	kboot_kernel_snapshot();
	if (__sanitizer_set_death_callback)
		__sanitizer_set_death_callback(write_finding);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool initialised;
	if (!initialised) {
		/* fuzz_main.c (builds without libFuzzer) does not call the initializer. */
		LLVMFuzzerInitialize(NULL, NULL);
		initialised = true;
	}
	if (!size)
		return 0;
	cur_profile = profiles[data[0] % (sizeof(profiles) / sizeof(profiles[0]))];
	cur_hash = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < size; i++)
		cur_hash = (cur_hash ^ data[i]) * 0x100000001b3ULL;

	/* One machine per profile for the whole run, powered back to its boot state for each
	 * input (smcsim_reset()): building a machine costs far more than a boot. */
	static struct smcsim *machines[sizeof(profiles) / sizeof(profiles[0])];
	size_t pi = data[0] % (sizeof(profiles) / sizeof(profiles[0]));
	if (!machines[pi] && smcsim_create_named(cur_profile, &machines[pi], NULL))
		abort(); /* a built-in profile always builds */
	struct smcsim *sim = machines[pi];
	smcsim_reset(sim);
	struct smcsim_kernel_opts ko = { 0 };
	if (smcsim_kernel_create(sim, &ko, &kboot_kern))
		abort();
	smcsim_kernel_enter(kboot_kern);
	struct smcsim_faults *flt = NULL;
	if (smcsim_faults_create(kboot_kern, data + 1, size - 1, 0, 0, &flt))
		abort();
	if (getenv("SMCSIM_FUZZ_FINDINGS") && smcsim_kernel_record_start(kboot_kern, &cur_rec))
		cur_rec = NULL;

	enum smcsim_conduit method =
		(enum smcsim_conduit)smcsim_caller_conduit(sim, kboot_kern->caller);
	struct kc_dt_prop props[1] = { { "method", method == SMCSIM_CONDUIT_HVC ? "hvc" : "smc",
					 0 } };
	struct kc_dt_node psci = { .name = "psci",
				   .compatible = "arm,psci-1.0",
				   .available = 1,
				   .props = props,
				   .nprops = 1 };
	struct kc_boot_params bp = { .dt = &psci, .ndt = 1, .debug = 0 };
	kboot_run_boot(&bp);
	if (!smcsim_kernel_panicked(kboot_kern))
		kboot_run_shutdown();

	smcsim_kernel_record_destroy(cur_rec);
	cur_rec = NULL;
	kc_kernel_reset();
	kboot_mirrors_release();
	smcsim_faults_destroy(flt);
	smcsim_kernel_enter(NULL);
	smcsim_kernel_destroy(kboot_kern);
	kboot_kern = NULL;
	kboot_kernel_restore();
	return 0;
}
