/* SPDX-License-Identifier: MIT */
#ifndef KC_ASM_HYPERVISOR_H
#define KC_ASM_HYPERVISOR_H
#include <kc/base.h>
#include <asm/cputype.h>
void kvm_init_hyp_services(void);
bool kvm_arm_hyp_service_available(u32 func_id);
/* drivers/firmware/smccc/kvm_guest.c (6.15+); the layer calls it where arm64's
 * setup_boot_cpu_capabilities() does, when the tree has it. */
void kvm_arm_target_impl_cpu_init(void);
/* arm64 hands over to the pKVM guest services when the tree has them (newer kernels'
 * drivers/virt/coco/pkvm-guest/arm-pkvm-guest.c pkvm_init_hyp_services()); otherwise
 * nothing to do. */
void kc_arch_init_hyp_services(void);
#define kvm_arch_init_hyp_services() kc_arch_init_hyp_services()
/* Not a protected guest unless arm-pkvm-guest.c says so, which kboot does not build. */
static inline bool is_protected_kvm_guest(void)
{
	return false;
}
#endif
