/* SPDX-License-Identifier: MIT */
#ifndef KC_ASM_HYPERVISOR_H
#define KC_ASM_HYPERVISOR_H
#include <kc/base.h>
void kvm_init_hyp_services(void);
bool kvm_arm_hyp_service_available(u32 func_id);
/* arm64 hands over to the pKVM guest services when the tree has them (newer kernels'
 * arch/arm64/kernel/... pkvm_init_hyp_services()); otherwise nothing to do. */
void kc_arch_init_hyp_services(void);
#define kvm_arch_init_hyp_services() kc_arch_init_hyp_services()
#endif
