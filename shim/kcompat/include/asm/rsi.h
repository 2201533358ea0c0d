/* SPDX-License-Identifier: MIT */
/*
 * arm64 Realm guest support as kernel files use it: whether the kernel runs in a Realm
 * (rsi_present, set by arch/arm64/kernel/rsi.c arm64_rsi_init()) and changing the RIPAS of
 * a physical range. smcsim's own implementation.
 */
#ifndef KC_ASM_RSI_H
#define KC_ASM_RSI_H
#include <kc/base.h>
#include <linux/errno.h>
#include <linux/jump_label.h>
#include <asm/rsi_cmds.h>

/* The platform device arm64_create_dummy_rsi_dev() registers in a Realm. */
#define RSI_PDEV_NAME "arm-cca-dev"

DECLARE_STATIC_KEY_FALSE(rsi_present);

void arm64_rsi_init(void);
bool arm64_rsi_is_protected(phys_addr_t base, size_t size);

static inline bool is_realm_world(void)
{
	return static_branch_unlikely(&rsi_present);
}

/* Calls without progress after which the layer stops a RIPAS change (see below). */
#define KC_RSI_STUCK_LIMIT 4096

/*
 * Set the RIPAS of [start, end) with as many RSI_IPA_STATE_SET calls as the RMM needs,
 * each continuing where the last stopped. Any error, rejection, or a top outside
 * [start, end] is -EINVAL. A top equal to start passes that check and the kernel would
 * call again forever; here the change stops after KC_RSI_STUCK_LIMIT such calls in a
 * row with an "smcsim: linux-hang" error line and -EINVAL.
 */
static inline int rsi_set_memory_range(phys_addr_t start, phys_addr_t end, enum ripas state,
				       unsigned long flags)
{
	unsigned int stuck = 0;

	while (start != end) {
		phys_addr_t top;
		long ret = rsi_set_addr_range_state(start, end, state, flags, &top);

		if (ret || top < start || top > end)
			return -EINVAL;
		if (top == start) {
			if (++stuck >= KC_RSI_STUCK_LIMIT) {
				pr_err("smcsim: linux-hang: RSI_IPA_STATE_SET made no progress at "
				       "%pa\n",
				       &start);
				return -EINVAL;
			}
			continue;
		}
		stuck = 0;
		start = top;
	}
	return 0;
}

/* To RAM, destroyed granules included (the caller does not rely on the contents). */
static inline int rsi_set_memory_range_protected(phys_addr_t start, phys_addr_t end)
{
	return rsi_set_memory_range(start, end, RSI_RIPAS_RAM, RSI_CHANGE_DESTROYED);
}

/* To RAM, leaving granules the host destroyed without the Realm's consent as they are
 * (the RMM refuses the change there). */
static inline int rsi_set_memory_range_protected_safe(phys_addr_t start, phys_addr_t end)
{
	return rsi_set_memory_range(start, end, RSI_RIPAS_RAM, RSI_NO_CHANGE_DESTROYED);
}

/* To EMPTY: shared with the host. */
static inline int rsi_set_memory_range_shared(phys_addr_t start, phys_addr_t end)
{
	return rsi_set_memory_range(start, end, RSI_RIPAS_EMPTY, RSI_CHANGE_DESTROYED);
}
#endif
