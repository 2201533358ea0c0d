/* SPDX-License-Identifier: MIT */
/* Between the kboot host programs and their shared bridge (kboot-bridge.c). */
#ifndef KBOOT_BRIDGE_H
#define KBOOT_BRIDGE_H

#include "../kcompat/include/kc/host.h"
#include "smcsim/shim.h"

int kc_kernel_boot(const struct kc_boot_params *p);

/* The shim kernel the kernel world's calls, log and pages go to. */
extern struct smcsim_kernel *kboot_kern;
/* Boot / shut down with panic() unwinding back here (the kernel then counts as
 * panicked: smcsim_kernel_panicked()). */
void kboot_run_boot(const struct kc_boot_params *bp);
void kboot_run_shutdown(void);
/* kc_kernel_tsm_report() with panic() unwinding back here (returns -1 then). */
int kboot_run_tsm_report(const unsigned char *in, unsigned long len, unsigned char *out,
			 unsigned long cap, unsigned long *outlen, const char **name);
/* Free the mirror pages of this boot (before the shim kernel is destroyed). */
void kboot_mirrors_release(void);
/* Save the kernel world's .data/.bss before the first boot; restore them before each
 * further boot in the same process (with kc_kernel_reset() freeing its heap first). */
void kboot_kernel_snapshot(void);
void kboot_kernel_restore(void);

#endif
