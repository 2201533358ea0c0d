/* SPDX-License-Identifier: MIT */
/*
 * KVM vendor hypervisor service (OEN 6), as Linux defines it in
 * include/linux/arm-smccc.h (ARM_SMCCC_VENDOR_HYP_KVM_*) and documents in
 * Documentation/virt/kvm/arm/hypercalls.rst.
 */
#ifndef SMCSIM_ABI_KVM_H
#define SMCSIM_ABI_KVM_H

#define KVM_FEATURES_FID 0x86000000u /* ARM_SMCCC_VENDOR_HYP_KVM_FEATURES_FUNC_ID */
#define KVM_PTP_FID	 0x86000001u /* ARM_SMCCC_VENDOR_HYP_KVM_PTP_FUNC_ID */
/* VENDOR_HYP_CALL_UID_FID, where KVM's UID is read, is abi/smccc.h's (every range's
 * general queries are stated there). */

/* Every KVM function above, for tables that must list them all: X(name) per ID. */
#define KVM_FUNCTIONS(X)                                                                           \
	X(KVM_FEATURES)                                                                            \
	X(KVM_PTP)

/* Bits of the KVM_FEATURES bitmap (ARM_SMCCC_KVM_FUNC_*). */
#define KVM_FEAT_FEATURES 0
#define KVM_FEAT_PTP	  1

/* KVM_PTP x1 (KVM_PTP_VIRT_COUNTER / KVM_PTP_PHYS_COUNTER in Linux). */
#define KVM_PTP_VIRT_COUNTER 0
#define KVM_PTP_PHYS_COUNTER 1

#endif /* SMCSIM_ABI_KVM_H */
