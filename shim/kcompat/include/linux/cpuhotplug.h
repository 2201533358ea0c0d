/* SPDX-License-Identifier: MIT */
/*
 * CPU hotplug states: one CPU is online, so setting up a state runs its startup callback
 * on CPU 0 once, as the kernel does for every online CPU, and removing it runs the
 * teardown there. The *_DYN states hand out a free state number, which
 * cpuhp_setup_state() returns (drivers/firmware/arm_ffa/driver.c ffa_init_pcpu_irq()
 * keeps it in cpuhp_state). A failing startup leaves the state unregistered and its
 * error is returned. kcompat/src/cpuhp.c.
 */
#ifndef KC_LINUX_CPUHOTPLUG_H
#define KC_LINUX_CPUHOTPLUG_H
#include <kc/base.h>
enum cpuhp_state {
	CPUHP_INVALID = -1,
	CPUHP_OFFLINE = 0,
	CPUHP_BP_PREPARE_DYN = 100,
	CPUHP_BP_PREPARE_DYN_END = 120,
	CPUHP_AP_ONLINE_DYN = 200,
	CPUHP_AP_ONLINE_DYN_END = 230,
	CPUHP_ONLINE = 250,
};
/* The state (> 0) for a *_DYN request, else 0; -EINVAL for a state out of range or no
 * name, -EBUSY when the state is taken, -ENOSPC when no dynamic state is free, or the
 * startup callback's error. */
int __cpuhp_setup_state(enum cpuhp_state state, const char *name, bool invoke,
			int (*startup)(unsigned int cpu), int (*teardown)(unsigned int cpu),
			bool multi_instance);
#define cpuhp_setup_state(state, name, startup, teardown)                                          \
	__cpuhp_setup_state(state, name, true, startup, teardown, false)
#define cpuhp_setup_state_nocalls(state, name, startup, teardown)                                  \
	__cpuhp_setup_state(state, name, false, startup, teardown, false)
void __cpuhp_remove_state(enum cpuhp_state state, bool invoke);
#define cpuhp_remove_state(state)	  __cpuhp_remove_state(state, true)
#define cpuhp_remove_state_nocalls(state) __cpuhp_remove_state(state, false)
#endif
