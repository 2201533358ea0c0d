/* SPDX-License-Identifier: MIT */
/*
 * arm64's virtualisation state as kernel files query it. A kboot kernel runs as the host
 * kernel at EL1 (or as a guest, by profile) and never enables protected KVM itself: kboot
 * has no `--pkvm` mode, as smcsim-discover's default flavour has none (its `--pkvm` flag
 * makes the FF-A core defer until finalize_pkvm). On the pkvm-host profile the pKVM model's
 * proxy only starts at the pkvm_finalize event, which kboot never sends, so host SMCs go
 * straight to EL3 exactly as with pKVM off.
 */
#ifndef KC_ASM_VIRT_H
#define KC_ASM_VIRT_H
#include <kc/base.h>
#define BOOT_CPU_MODE_EL1 (0xe11)
#define BOOT_CPU_MODE_EL2 (0xe12)
static inline bool is_hyp_mode_available(void)
{
	return false;
}
static inline bool is_kernel_in_hyp_mode(void)
{
	return false;
}
static inline bool is_protected_kvm_enabled(void)
{
	return false;
}
static inline bool is_pkvm_initialized(void)
{
	return false;
}
#endif
