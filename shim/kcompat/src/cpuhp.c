// SPDX-License-Identifier: MIT
/*
 * CPU hotplug state callbacks with one CPU that is online for the whole boot
 * (linux/cpuhotplug.h). The kernel's kernel/cpu.c runs a state's startup on every CPU
 * already at or past that state when the state is set up, and its teardown on those CPUs
 * when it is removed; CPU 0 is past every state, so each runs once, on CPU 0, inside the
 * call.
 */
#include <linux/cpuhotplug.h>
#include <linux/cpumask.h>
#include <linux/bug.h>
#include <linux/errno.h>

struct kc_cpuhp_step {
	const char *name; /* non-NULL while the state is registered */
	int (*startup)(unsigned int cpu);
	int (*teardown)(unsigned int cpu);
	bool multi_instance;
};

static struct kc_cpuhp_step kc_cpuhp_steps[CPUHP_ONLINE + 1];

static bool cpuhp_state_valid(enum cpuhp_state state)
{
	return state > CPUHP_OFFLINE && state < CPUHP_ONLINE;
}

/* The first unregistered state of a dynamic range, or -ENOSPC. */
static int cpuhp_reserve_state(enum cpuhp_state state)
{
	enum cpuhp_state i, end;

	if (state == CPUHP_AP_ONLINE_DYN)
		end = CPUHP_AP_ONLINE_DYN_END;
	else
		end = CPUHP_BP_PREPARE_DYN_END;
	for (i = state; i <= end; i++)
		if (!kc_cpuhp_steps[i].name)
			return i;
	WARN(1, "No more dynamic states available for CPU hotplug\n");
	return -ENOSPC;
}

int __cpuhp_setup_state(enum cpuhp_state state, const char *name, bool invoke,
			int (*startup)(unsigned int cpu), int (*teardown)(unsigned int cpu),
			bool multi_instance)
{
	bool dynstate = state == CPUHP_AP_ONLINE_DYN || state == CPUHP_BP_PREPARE_DYN;
	struct kc_cpuhp_step *sp;
	unsigned int cpu;
	int ret = 0;

	if (!cpuhp_state_valid(state) || !name)
		return -EINVAL;
	if (dynstate) {
		ret = cpuhp_reserve_state(state);
		if (ret < 0)
			return ret;
		state = (enum cpuhp_state)ret;
		ret = 0;
	}
	sp = &kc_cpuhp_steps[state];
	if (sp->name)
		return -EBUSY;
	sp->name = name;
	sp->startup = startup;
	sp->teardown = teardown;
	sp->multi_instance = multi_instance;

	if (invoke && startup) {
		for_each_present_cpu(cpu)
		{
			ret = startup(cpu);
			if (ret) {
				/* Undo the CPUs done so far (none before CPU 0), then forget the
				 * state: the caller sees the startup's error. */
				sp->name = NULL;
				sp->startup = NULL;
				sp->teardown = NULL;
				sp->multi_instance = false;
				return ret;
			}
		}
	}
	return dynstate ? (int)state : 0;
}

void __cpuhp_remove_state(enum cpuhp_state state, bool invoke)
{
	struct kc_cpuhp_step *sp;
	unsigned int cpu;

	/* The kernel BUG()s on an out-of-range state; a WARN keeps the boot going. */
	if (WARN(!cpuhp_state_valid(state), "cpuhp_remove_state: invalid state %d\n", state))
		return;
	sp = &kc_cpuhp_steps[state];
	if (invoke && sp->teardown && !sp->multi_instance)
		for_each_present_cpu(cpu)
			sp->teardown(cpu); /* teardown errors are ignored on removal */
	sp->name = NULL;
	sp->startup = NULL;
	sp->teardown = NULL;
	sp->multi_instance = false;
}
