/* SPDX-License-Identifier: MIT */
/*
 * The RSI calls as arm64 kernel code makes them, each one SMC (the Realm's conduit) with
 * the arguments and results DEN0137 B5.3 gives it. smcsim's own implementation.
 */
#ifndef KC_ASM_RSI_CMDS_H
#define KC_ASM_RSI_CMDS_H
#include <kc/base.h>
#include <linux/arm-smccc.h>
#include <linux/string.h>
#include <asm/memory.h>
#include <asm/rsi_smc.h>

#define RSI_GRANULE_SHIFT 12
#define RSI_GRANULE_SIZE  (_AC(1, UL) << RSI_GRANULE_SHIFT)

/* RsiRipas */
enum ripas {
	RSI_RIPAS_EMPTY = 0,
	RSI_RIPAS_RAM = 1,
	RSI_RIPAS_DESTROYED = 2,
	RSI_RIPAS_DEV = 3,
};

/* RSI_VERSION: the status; the lower and higher supported revisions through the
 * pointers, whatever the status. */
static inline unsigned long rsi_request_version(unsigned long req, unsigned long *out_lower,
						unsigned long *out_higher)
{
	struct arm_smccc_res res;

	arm_smccc_smc(SMC_RSI_ABI_VERSION, req, 0, 0, 0, 0, 0, 0, &res);
	if (out_lower)
		*out_lower = res.a1;
	if (out_higher)
		*out_higher = res.a2;
	return res.a0;
}

/* RSI_REALM_CONFIG into @cfg (a granule-aligned kernel object). */
static inline unsigned long rsi_get_realm_config(struct realm_config *cfg)
{
	struct arm_smccc_res res;

	arm_smccc_smc(SMC_RSI_REALM_CONFIG, virt_to_phys(cfg), 0, 0, 0, 0, 0, 0, &res);
	return res.a0;
}

/* RSI_IPA_STATE_GET: on success the RIPAS of [start, *top). */
static inline unsigned long rsi_ipa_state_get(phys_addr_t start, phys_addr_t end, enum ripas *state,
					      phys_addr_t *top)
{
	struct arm_smccc_res res;

	arm_smccc_smc(SMC_RSI_IPA_STATE_GET, start, end, 0, 0, 0, 0, 0, &res);
	if (res.a0 == RSI_SUCCESS) {
		if (top)
			*top = res.a1;
		if (state)
			*state = (enum ripas)res.a2;
	}
	return res.a0;
}

/* RSI_IPA_STATE_SET: *top is where the change stopped; a host that rejected the change
 * is -EPERM whatever the status, else the RSI status. */
static inline long rsi_set_addr_range_state(phys_addr_t start, phys_addr_t end, enum ripas state,
					    unsigned long flags, phys_addr_t *top)
{
	struct arm_smccc_res res;

	arm_smccc_smc(SMC_RSI_IPA_STATE_SET, start, end, state, flags, 0, 0, 0, &res);
	if (top)
		*top = res.a1;
	if (res.a2 != RSI_ACCEPT)
		return -EPERM;
	return (long)res.a0;
}

/* Attestation: a 32..64-byte challenge in x1..x8, zero-padded. */
#define RSI_ATTEST_CHALLENGE_MIN_SIZE 32
#define RSI_ATTEST_CHALLENGE_MAX_SIZE 64

/* RSI_ATTESTATION_TOKEN_INIT: the upper bound of the token's size, or -EINVAL (a bad
 * challenge size, or any RSI error). */
static inline long rsi_attestation_token_init(const u8 *challenge, unsigned long size)
{
	struct arm_smccc_1_2_regs regs = { 0 };

	if (!challenge || size < RSI_ATTEST_CHALLENGE_MIN_SIZE ||
	    size > RSI_ATTEST_CHALLENGE_MAX_SIZE)
		return -EINVAL;
	regs.a0 = SMC_RSI_ATTESTATION_TOKEN_INIT;
	memcpy(&regs.a1, challenge, size); /* x1..x8, in memory order */
	arm_smccc_1_2_smc(&regs, &regs);
	return regs.a0 == RSI_SUCCESS ? (long)regs.a1 : -EINVAL;
}

/* RSI_ATTESTATION_TOKEN_CONTINUE: up to @size bytes of the token into the granule at
 * @granule + @offset; *len is how many. */
static inline unsigned long rsi_attestation_token_continue(phys_addr_t granule,
							   unsigned long offset, unsigned long size,
							   unsigned long *len)
{
	struct arm_smccc_res res;

	arm_smccc_1_1_invoke(SMC_RSI_ATTESTATION_TOKEN_CONTINUE, granule, offset, size, 0, &res);
	if (len)
		*len = res.a1;
	return res.a0;
}
#endif
