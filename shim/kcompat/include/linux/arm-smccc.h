/* SPDX-License-Identifier: MIT */
/*
 * The kernel's SMCCC interface for kernel files built by kboot: calls go through the kboot
 * host (kc_host_call()) to the simulated machine, with fixtures and fault injection in
 * between. Names and values follow SMCCC DEN0028 and the kernel's header; the
 * implementation is smcsim's own. The SMCCC state (arm_smccc_version_init() and the
 * getters) is the kernel tree's own drivers/firmware/smccc/smccc.c, not defined here.
 */
#ifndef KC_LINUX_ARM_SMCCC_H
#define KC_LINUX_ARM_SMCCC_H

#include <kc/base.h>
#include <linux/init.h>
#include <linux/uuid.h>

/* DEN0028 2.5: function ID layout. */
#define ARM_SMCCC_STD_CALL	  0UL
#define ARM_SMCCC_FAST_CALL	  1UL
#define ARM_SMCCC_TYPE_SHIFT	  31
#define ARM_SMCCC_SMC_32	  0
#define ARM_SMCCC_SMC_64	  1
#define ARM_SMCCC_CALL_CONV_SHIFT 30
#define ARM_SMCCC_OWNER_MASK	  0x3F
#define ARM_SMCCC_OWNER_SHIFT	  24
#define ARM_SMCCC_FUNC_MASK	  0xFFFF
#define ARM_SMCCC_1_3_SVE_HINT	  0x10000
#define ARM_SMCCC_CALL_HINTS	  ARM_SMCCC_1_3_SVE_HINT

#define ARM_SMCCC_IS_FAST_CALL(smc_val) ((smc_val) & (ARM_SMCCC_FAST_CALL << ARM_SMCCC_TYPE_SHIFT))
#define ARM_SMCCC_IS_64(smc_val)	((smc_val) & (ARM_SMCCC_SMC_64 << ARM_SMCCC_CALL_CONV_SHIFT))
#define ARM_SMCCC_FUNC_NUM(smc_val)	((smc_val)&ARM_SMCCC_FUNC_MASK)
#define ARM_SMCCC_OWNER_NUM(smc_val)	(((smc_val) >> ARM_SMCCC_OWNER_SHIFT) & ARM_SMCCC_OWNER_MASK)

#define ARM_SMCCC_CALL_VAL(type, calling_convention, owner_id, func_num)                           \
	(((type) << ARM_SMCCC_TYPE_SHIFT) | ((calling_convention) << ARM_SMCCC_CALL_CONV_SHIFT) |  \
	 (((owner_id)&ARM_SMCCC_OWNER_MASK) << ARM_SMCCC_OWNER_SHIFT) |                            \
	 ((func_num)&ARM_SMCCC_FUNC_MASK))

#define ARM_SMCCC_OWNER_ARCH		0
#define ARM_SMCCC_OWNER_CPU		1
#define ARM_SMCCC_OWNER_SIP		2
#define ARM_SMCCC_OWNER_OEM		3
#define ARM_SMCCC_OWNER_STANDARD	4
#define ARM_SMCCC_OWNER_STANDARD_HYP	5
#define ARM_SMCCC_OWNER_VENDOR_HYP	6
#define ARM_SMCCC_OWNER_TRUSTED_APP	48
#define ARM_SMCCC_OWNER_TRUSTED_APP_END 49
#define ARM_SMCCC_OWNER_TRUSTED_OS	50
#define ARM_SMCCC_OWNER_TRUSTED_OS_END	63

#define ARM_SMCCC_FUNC_QUERY_CALL_UID 0xff01

#define ARM_SMCCC_QUIRK_NONE	0
#define ARM_SMCCC_QUIRK_QCOM_A6 1

#define ARM_SMCCC_VERSION_1_0 0x10000
#define ARM_SMCCC_VERSION_1_1 0x10001
#define ARM_SMCCC_VERSION_1_2 0x10002
#define ARM_SMCCC_VERSION_1_3 0x10003

/* DEN0028 7: Arm Architecture calls. */
#define ARM_SMCCC_VERSION_FUNC_ID ARM_SMCCC_CALL_VAL(ARM_SMCCC_FAST_CALL, ARM_SMCCC_SMC_32, 0, 0)
#define ARM_SMCCC_ARCH_FEATURES_FUNC_ID                                                            \
	ARM_SMCCC_CALL_VAL(ARM_SMCCC_FAST_CALL, ARM_SMCCC_SMC_32, 0, 1)
#define ARM_SMCCC_ARCH_SOC_ID	ARM_SMCCC_CALL_VAL(ARM_SMCCC_FAST_CALL, ARM_SMCCC_SMC_32, 0, 2)
#define ARM_SMCCC_ARCH_SOC_ID64 ARM_SMCCC_CALL_VAL(ARM_SMCCC_FAST_CALL, ARM_SMCCC_SMC_64, 0, 2)
#define ARM_SMCCC_ARCH_WORKAROUND_1                                                                \
	ARM_SMCCC_CALL_VAL(ARM_SMCCC_FAST_CALL, ARM_SMCCC_SMC_32, 0, 0x8000)
#define ARM_SMCCC_ARCH_WORKAROUND_2                                                                \
	ARM_SMCCC_CALL_VAL(ARM_SMCCC_FAST_CALL, ARM_SMCCC_SMC_32, 0, 0x7fff)
#define ARM_SMCCC_ARCH_WORKAROUND_3                                                                \
	ARM_SMCCC_CALL_VAL(ARM_SMCCC_FAST_CALL, ARM_SMCCC_SMC_32, 0, 0x3fff)
#define SMCCC_ARCH_WORKAROUND_RET_UNAFFECTED 1

/* Vendor-specific hypervisor services (KVM). */
#define ARM_SMCCC_VENDOR_HYP_CALL_UID_FUNC_ID                                                      \
	ARM_SMCCC_CALL_VAL(ARM_SMCCC_FAST_CALL, ARM_SMCCC_SMC_32, ARM_SMCCC_OWNER_VENDOR_HYP,      \
			   ARM_SMCCC_FUNC_QUERY_CALL_UID)
#define ARM_SMCCC_KVM_FUNC_FEATURES	      0
#define ARM_SMCCC_KVM_FUNC_PTP		      1
#define ARM_SMCCC_KVM_FUNC_HYP_MEMINFO	      2
#define ARM_SMCCC_KVM_FUNC_MEM_SHARE	      3
#define ARM_SMCCC_KVM_FUNC_MEM_UNSHARE	      4
#define ARM_SMCCC_KVM_FUNC_MMIO_GUARD	      7
#define ARM_SMCCC_KVM_FUNC_DISCOVER_IMPL_VER  64
#define ARM_SMCCC_KVM_FUNC_DISCOVER_IMPL_CPUS 65
#define ARM_SMCCC_KVM_FUNC_FEATURES_2	      127
#define ARM_SMCCC_KVM_NUM_FUNCS		      128
#define ARM_SMCCC_VENDOR_HYP_KVM_FEATURES_FUNC_ID                                                  \
	ARM_SMCCC_CALL_VAL(ARM_SMCCC_FAST_CALL, ARM_SMCCC_SMC_32, ARM_SMCCC_OWNER_VENDOR_HYP,      \
			   ARM_SMCCC_KVM_FUNC_FEATURES)
#define ARM_SMCCC_VENDOR_HYP_KVM_PTP_FUNC_ID                                                       \
	ARM_SMCCC_CALL_VAL(ARM_SMCCC_FAST_CALL, ARM_SMCCC_SMC_32, ARM_SMCCC_OWNER_VENDOR_HYP,      \
			   ARM_SMCCC_KVM_FUNC_PTP)
#define ARM_SMCCC_VENDOR_HYP_KVM_HYP_MEMINFO_FUNC_ID                                               \
	ARM_SMCCC_CALL_VAL(ARM_SMCCC_FAST_CALL, ARM_SMCCC_SMC_64, ARM_SMCCC_OWNER_VENDOR_HYP,      \
			   ARM_SMCCC_KVM_FUNC_HYP_MEMINFO)
#define ARM_SMCCC_VENDOR_HYP_UID_KVM_REG_0 0xb66fb428U
#define ARM_SMCCC_VENDOR_HYP_UID_KVM_REG_1 0xe911c52eU
#define ARM_SMCCC_VENDOR_HYP_UID_KVM_REG_2 0x564bcaa9U
#define ARM_SMCCC_VENDOR_HYP_UID_KVM_REG_3 0x743a004dU
#define ARM_SMCCC_VENDOR_HYP_KVM_MEM_SHARE_FUNC_ID                                                 \
	ARM_SMCCC_CALL_VAL(ARM_SMCCC_FAST_CALL, ARM_SMCCC_SMC_64, ARM_SMCCC_OWNER_VENDOR_HYP,      \
			   ARM_SMCCC_KVM_FUNC_MEM_SHARE)
#define ARM_SMCCC_VENDOR_HYP_KVM_MEM_UNSHARE_FUNC_ID                                               \
	ARM_SMCCC_CALL_VAL(ARM_SMCCC_FAST_CALL, ARM_SMCCC_SMC_64, ARM_SMCCC_OWNER_VENDOR_HYP,      \
			   ARM_SMCCC_KVM_FUNC_MEM_UNSHARE)
#define ARM_SMCCC_VENDOR_HYP_KVM_MMIO_GUARD_FUNC_ID                                                \
	ARM_SMCCC_CALL_VAL(ARM_SMCCC_FAST_CALL, ARM_SMCCC_SMC_64, ARM_SMCCC_OWNER_VENDOR_HYP,      \
			   ARM_SMCCC_KVM_FUNC_MMIO_GUARD)
#define ARM_SMCCC_VENDOR_HYP_KVM_DISCOVER_IMPL_VER_FUNC_ID                                         \
	ARM_SMCCC_CALL_VAL(ARM_SMCCC_FAST_CALL, ARM_SMCCC_SMC_64, ARM_SMCCC_OWNER_VENDOR_HYP,      \
			   ARM_SMCCC_KVM_FUNC_DISCOVER_IMPL_VER)
#define ARM_SMCCC_VENDOR_HYP_KVM_DISCOVER_IMPL_CPUS_FUNC_ID                                        \
	ARM_SMCCC_CALL_VAL(ARM_SMCCC_FAST_CALL, ARM_SMCCC_SMC_64, ARM_SMCCC_OWNER_VENDOR_HYP,      \
			   ARM_SMCCC_KVM_FUNC_DISCOVER_IMPL_CPUS)
#define ARM_SMCCC_HV_PV_TIME_FEATURES                                                              \
	ARM_SMCCC_CALL_VAL(ARM_SMCCC_FAST_CALL, ARM_SMCCC_SMC_64, ARM_SMCCC_OWNER_STANDARD_HYP,    \
			   0x20)
#define ARM_SMCCC_HV_PV_TIME_ST                                                                    \
	ARM_SMCCC_CALL_VAL(ARM_SMCCC_FAST_CALL, ARM_SMCCC_SMC_64, ARM_SMCCC_OWNER_STANDARD_HYP,    \
			   0x21)
#define KVM_PTP_VIRT_COUNTER 0
#define KVM_PTP_PHYS_COUNTER 1
/* KVM's vendor hypervisor UID, 28b46fb6-2ec5-11e9-a9ca-4b564d003a74. */
#define ARM_SMCCC_VENDOR_HYP_UID_KVM                                                               \
	UUID_INIT(0x28b46fb6, 0x2ec5, 0x11e9, 0xa9, 0xca, 0x4b, 0x56, 0x4d, 0x00, 0x3a, 0x74)

/* DEN0098: TRNG. */
#define ARM_SMCCC_TRNG_VERSION                                                                     \
	ARM_SMCCC_CALL_VAL(ARM_SMCCC_FAST_CALL, ARM_SMCCC_SMC_32, ARM_SMCCC_OWNER_STANDARD, 0x50)
#define ARM_SMCCC_TRNG_FEATURES                                                                    \
	ARM_SMCCC_CALL_VAL(ARM_SMCCC_FAST_CALL, ARM_SMCCC_SMC_32, ARM_SMCCC_OWNER_STANDARD, 0x51)
#define ARM_SMCCC_TRNG_GET_UUID                                                                    \
	ARM_SMCCC_CALL_VAL(ARM_SMCCC_FAST_CALL, ARM_SMCCC_SMC_32, ARM_SMCCC_OWNER_STANDARD, 0x52)
#define ARM_SMCCC_TRNG_RND32                                                                       \
	ARM_SMCCC_CALL_VAL(ARM_SMCCC_FAST_CALL, ARM_SMCCC_SMC_32, ARM_SMCCC_OWNER_STANDARD, 0x53)
#define ARM_SMCCC_TRNG_RND64                                                                       \
	ARM_SMCCC_CALL_VAL(ARM_SMCCC_FAST_CALL, ARM_SMCCC_SMC_64, ARM_SMCCC_OWNER_STANDARD, 0x53)
#define ARM_SMCCC_TRNG_MIN_VERSION 0x10000UL

/* DEN0028 5: return codes. */
#define SMCCC_RET_SUCCESS	    0
#define SMCCC_RET_NOT_SUPPORTED	    -1
#define SMCCC_RET_NOT_REQUIRED	    -2
#define SMCCC_RET_INVALID_PARAMETER -3

enum arm_smccc_conduit {
	SMCCC_CONDUIT_NONE,
	SMCCC_CONDUIT_SMC,
	SMCCC_CONDUIT_HVC,
};

/* Results of an SMCCC 1.0/1.1 call: x0..x3. */
struct arm_smccc_res {
	unsigned long a0;
	unsigned long a1;
	unsigned long a2;
	unsigned long a3;
};

/* The SMCCC 1.2 register window x0..x17. */
struct arm_smccc_1_2_regs {
	unsigned long a0, a1, a2, a3, a4, a5, a6, a7, a8;
	unsigned long a9, a10, a11, a12, a13, a14, a15, a16, a17;
};

struct arm_smccc_quirk {
	int id;
	union {
		unsigned long a6;
	} state;
};

/* Defined by the tree's drivers/firmware/smccc/smccc.c. */
u32 arm_smccc_get_version(void);
void arm_smccc_version_init(u32 version, enum arm_smccc_conduit conduit);
enum arm_smccc_conduit arm_smccc_1_1_get_conduit(void);
s32 arm_smccc_get_soc_id_version(void);
s32 arm_smccc_get_soc_id_revision(void);
bool arm_smccc_hypervisor_has_uuid(const uuid_t *uuid);

/* A UID from the four result registers of a *_CALL_UID call (DEN0028 7.2: byte i of the
 * UUID is byte i % 4 of register w[i / 4], least significant first), and back. */
static inline uuid_t smccc_res_to_uuid(u32 r0, u32 r1, u32 r2, u32 r3)
{
	const u32 w[4] = { r0, r1, r2, r3 };
	uuid_t u;

	for (int i = 0; i < UUID_SIZE; i++)
		u.b[i] = (u8)(w[i / 4] >> (8 * (i % 4)));
	return u;
}

static inline u32 smccc_uuid_to_reg(const uuid_t *uuid, int reg)
{
	u32 v = 0;

	for (int i = 3; i >= 0; i--)
		v = (v << 8) | uuid->b[4 * reg + i];
	return v;
}

void __arm_smccc_smc(unsigned long a0, unsigned long a1, unsigned long a2, unsigned long a3,
		     unsigned long a4, unsigned long a5, unsigned long a6, unsigned long a7,
		     struct arm_smccc_res *res, struct arm_smccc_quirk *quirk);
void __arm_smccc_hvc(unsigned long a0, unsigned long a1, unsigned long a2, unsigned long a3,
		     unsigned long a4, unsigned long a5, unsigned long a6, unsigned long a7,
		     struct arm_smccc_res *res, struct arm_smccc_quirk *quirk);
#define arm_smccc_smc(...)	 __arm_smccc_smc(__VA_ARGS__, NULL)
#define arm_smccc_hvc(...)	 __arm_smccc_hvc(__VA_ARGS__, NULL)
#define arm_smccc_smc_quirk(...) __arm_smccc_smc(__VA_ARGS__)
#define arm_smccc_hvc_quirk(...) __arm_smccc_hvc(__VA_ARGS__)

void arm_smccc_1_2_smc(const struct arm_smccc_1_2_regs *args, struct arm_smccc_1_2_regs *res);
void arm_smccc_1_2_hvc(const struct arm_smccc_1_2_regs *args, struct arm_smccc_1_2_regs *res);
/* Through the recorded conduit; with NONE, res->a0 = NOT_SUPPORTED and nothing traps. */
void arm_smccc_1_2_invoke(const struct arm_smccc_1_2_regs *args, struct arm_smccc_1_2_regs *res);

/*
 * The SMCCC 1.1 calls: 0 to 7 arguments after the function ID, then res (may be NULL).
 * The function ID is truncated to 32 bits, as the kernel's wrappers do. @conduit NONE
 * means "the recorded conduit" (invoke): it returns the conduit used, and with none
 * recorded sets res->a0 = NOT_SUPPORTED without trapping.
 */
int kc_smccc_1_1(int invoke, enum arm_smccc_conduit conduit, unsigned long a0, unsigned long a1,
		 unsigned long a2, unsigned long a3, unsigned long a4, unsigned long a5,
		 unsigned long a6, unsigned long a7, struct arm_smccc_res *res);

#define __KC_NARGS(...)						__KC_NARGS_(__VA_ARGS__, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#define __KC_NARGS_(_1, _2, _3, _4, _5, _6, _7, _8, _9, N, ...) N
#define __KC_CAT(a, b)						__KC_CAT_(a, b)
#define __KC_CAT_(a, b)						a##b
#define __kc_smccc_2(i, c, f, r)				kc_smccc_1_1(i, c, f, 0, 0, 0, 0, 0, 0, 0, r)
#define __kc_smccc_3(i, c, f, a, r)				kc_smccc_1_1(i, c, f, (unsigned long)(a), 0, 0, 0, 0, 0, 0, r)
#define __kc_smccc_4(i, c, f, a, b, r)                                                             \
	kc_smccc_1_1(i, c, f, (unsigned long)(a), (unsigned long)(b), 0, 0, 0, 0, 0, r)
#define __kc_smccc_5(i, c, f, a, b, d, r)                                                          \
	kc_smccc_1_1(i, c, f, (unsigned long)(a), (unsigned long)(b), (unsigned long)(d), 0, 0, 0, \
		     0, r)
#define __kc_smccc_6(i, c, f, a, b, d, e, r)                                                       \
	kc_smccc_1_1(i, c, f, (unsigned long)(a), (unsigned long)(b), (unsigned long)(d),          \
		     (unsigned long)(e), 0, 0, 0, r)
#define __kc_smccc_7(i, c, f, a, b, d, e, g, r)                                                    \
	kc_smccc_1_1(i, c, f, (unsigned long)(a), (unsigned long)(b), (unsigned long)(d),          \
		     (unsigned long)(e), (unsigned long)(g), 0, 0, r)
#define __kc_smccc_8(i, c, f, a, b, d, e, g, h, r)                                                 \
	kc_smccc_1_1(i, c, f, (unsigned long)(a), (unsigned long)(b), (unsigned long)(d),          \
		     (unsigned long)(e), (unsigned long)(g), (unsigned long)(h), 0, r)
#define __kc_smccc_9(i, c, f, a, b, d, e, g, h, j, r)                                              \
	kc_smccc_1_1(i, c, f, (unsigned long)(a), (unsigned long)(b), (unsigned long)(d),          \
		     (unsigned long)(e), (unsigned long)(g), (unsigned long)(h),                   \
		     (unsigned long)(j), r)
#define __kc_smccc(i, c, ...) __KC_CAT(__kc_smccc_, __KC_NARGS(__VA_ARGS__))(i, c, __VA_ARGS__)

#define arm_smccc_1_1_smc(...)	  ((void)__kc_smccc(0, SMCCC_CONDUIT_SMC, __VA_ARGS__))
#define arm_smccc_1_1_hvc(...)	  ((void)__kc_smccc(0, SMCCC_CONDUIT_HVC, __VA_ARGS__))
#define arm_smccc_1_1_invoke(...) __kc_smccc(1, SMCCC_CONDUIT_NONE, __VA_ARGS__)

#endif
