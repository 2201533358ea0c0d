/* SPDX-License-Identifier: MIT */
/*
 * PSCI, the Power State Coordination Interface (Arm DEN0022, versions 0.2 to 1.3), for
 * the machine's N CPUs.
 *
 * The CPUs' power states live in the core's struct emu_cpu (state, pc, x0), the single
 * source that smcsim_call() (an OFF CPU cannot call), smcsim_cpu_boot() and the
 * "cpu_boot" event also use. This instance keeps what is PSCI's own: the suspend mode,
 * the Trusted OS residency, the statistics and the MEM_PROTECT flag.
 *
 * A machine has no wall clock and no interrupts: a powerdown suspend wakes up at once
 * (the call exits with SMCSIM_EXIT_RESUME: the CPU restarted at its entry point with
 * x0 = context ID), a standby suspend returns SUCCESS, and each suspend adds
 * "stat_residency_us" microseconds of residency to the statistics.
 *
 * Profile section "psci" (every key optional):
 *   version              "0.2", "1.0", "1.1", "1.2" or "1.3" (default "1.1")
 *   migrate_info_type    "up_migrate" (0), "up_no_migrate" (1), "mp" (2: no Trusted OS or
 *                        an MP one) or "absent" (MIGRATE_INFO_TYPE not implemented)
 *   resident_cpu         CPU index a UP Trusted OS lives on at boot (types 0 and 1)
 *   migrate              MIGRATE and MIGRATE_INFO_UP_CPU implemented (default: the type
 *                        is 0 or 1; KVM and QEMU answer NOT_SUPPORTED)
 *   cpu_suspend          { "osi": OS-initiated mode and SET_SUSPEND_MODE,
 *                          "extended_state_id": the PSCI 1.0 extended power_state format,
 *                          "max_power_level": deepest level a power_state may name (0..3),
 *                          "validate": reserved power_state bits give INVALID_PARAMS
 *                                      (KVM does not look at the argument),
 *                          "powerdown": "resume" or "standby" (KVM and QEMU run every
 *                                       state as WFI, DEN0022D 5.1.2 allows it) }
 *   affinity_info_levels "cpu_only" (TF-A: lowest_affinity_level > 0 is INVALID_PARAMS),
 *                        "any" (KVM: a level-N group is ON if any of its CPUs is), or
 *                        "always_on" (QEMU: every level above 0 reports ON)
 *   entry_point_check    entry points outside Non-secure memory give INVALID_ADDRESS
 *                        (TF-A validate_ns_entrypoint; KVM and QEMU do not check)
 *   cpu_on_pending       a started CPU stays ON_PENDING until the "cpu_boot" event
 *   system_suspend, system_reset2, mem_protect, node_hw_state, stat, cpu_freeze,
 *   cpu_default_suspend  which optional calls exist (bool)
 *   system_reset2_vendor vendor reset types (bit 31) accepted (KVM) or INVALID_PARAMS
 *   system_off2_types    SYSTEM_OFF2 types bitmap as PSCI_FEATURES reports it (bit 0
 *                        HIBERNATE_OFF); 0 means SYSTEM_OFF2 is absent
 *   node_hw_state_max_level  highest power_level NODE_HW_STATE answers (FVP: 1)
 *   stat_residency_us    simulated residency of one suspend
 *   system_event_x0      "none" or "internal_failure": KVM leaves x0 = INTERNAL_FAILURE
 *                        behind SYSTEM_OFF/RESET(2)/OFF2 exits, which a resumed vCPU sees
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "emu/emu.h"
#include "emu/services.h"

/* DEN0022D 5.1.2: power_state, original format (PSCI 0.2). */
#define PS_ORIG_ID_MASK	    UINT32_C(0x0000ffff)
#define PS_ORIG_TYPE	    (UINT32_C(1) << 16)
#define PS_ORIG_LEVEL_SHIFT 24
#define PS_ORIG_LEVEL_MASK  (UINT32_C(3) << PS_ORIG_LEVEL_SHIFT)
/* DEN0022D 5.1.2: power_state, extended StateID format (PSCI 1.0). */
#define PS_EXT_ID_MASK UINT32_C(0x0fffffff)
#define PS_EXT_TYPE    (UINT32_C(1) << 30)

/* DEN0022D 5.1.14: PSCI_FEATURES(CPU_SUSPEND) flags. */
#define FEAT_OSI	  (UINT32_C(1) << 0)
#define FEAT_EXT_STATE_ID (UINT32_C(1) << 1)

/* What PSCI_FEATURES reports for an implemented call (a row's .features). */
enum psci_feat_answer {
	PSCI_FEAT_SUCCESS = 0,	     /* 5.1.14: SUCCESS, no flags */
	PSCI_FEAT_SUSPEND_FLAGS = 1, /* 5.1.14: CPU_SUSPEND's OSI / extended StateID flags */
	PSCI_FEAT_OFF2_TYPES = 2,    /* DEN0022F: the supported SYSTEM_OFF2 types bitmap */
};

/* DEN0022D 5.1.5: AFFINITY_INFO results. */
#define AFF_ON	       0
#define AFF_OFF	       1
#define AFF_ON_PENDING 2

/* DEN0022D 5.1.17: NODE_HW_STATE results. */
#define HW_ON  0
#define HW_OFF 1

/* DEN0022D 5.1.11: SYSTEM_RESET2 reset_type. */
#define RESET2_VENDOR (UINT32_C(1) << 31)
#define RESET2_WARM   UINT32_C(0)

/* DEN0022D 5.1.21 (1.3): SYSTEM_OFF2 type. */
#define OFF2_HIBERNATE UINT32_C(1)

#define MPIDR_AFF_MASK UINT64_C(0xff00ffffff)
#define STAT_SLOTS     16 /* distinct power_state values tracked per CPU */

enum mig_type { MIG_UP_MIGRATE = 0, MIG_UP_NO_MIGRATE = 1, MIG_MP = 2, MIG_ABSENT = 3 };
enum aff_levels { AFF_CPU_ONLY, AFF_ANY, AFF_ALWAYS_ON };
enum suspend_mode { MODE_PC = 0, MODE_OSI = 1 };

struct psci_stat {
	uint32_t power_state; /* normalised: reserved bits cleared */
	bool used;
	uint64_t count;
	uint64_t residency_us;
};

struct psci_cfg {
	uint32_t version;
	int mig_type;
	uint32_t resident_cpu;
	bool migrate;
	bool osi, ext_state_id, validate_ps, powerdown_standby;
	uint32_t max_level;
	int aff_levels;
	bool entry_check, on_pending;
	bool system_suspend, system_reset2, reset2_vendor, mem_protect, node_hw_state, stat;
	bool cpu_freeze, cpu_default_suspend;
	uint32_t off2_types;
	uint32_t hw_max_level;
	uint32_t residency_us;
	bool event_internal_failure;
};

struct psci {
	struct psci_cfg cfg;
	unsigned int ncpus;
	/* Runtime state, back to boot values in reset(). */
	int mode;		   /* enum suspend_mode: PC at boot (DEN0022D 5.1.19) */
	unsigned int resident_cpu; /* where a UP Trusted OS lives now */
	struct psci_stat *stats;   /* ncpus * STAT_SLOTS */
	/* DEN0022D 5.1.20: the MEM_PROTECT setting is meant to survive resets (it protects
	 * memory across them), so reset() keeps it. */
	bool mem_protect_on;
};

/* ---- helpers ------------------------------------------------------------------------ */

static void ret_status(struct emu_call *c, int32_t s)
{
	emu_ret1(c, emu_status(s));
}

/* Bits of an MPIDR that name the level-@level group it belongs to (DEN0022D 5.1.4). */
static uint64_t aff_group_mask(unsigned int level)
{
	static const uint64_t masks[] = { MPIDR_AFF_MASK, UINT64_C(0xff00ffff00),
					  UINT64_C(0xff00ff0000), UINT64_C(0xff00000000) };
	return masks[level];
}

/* The power-state view PSCI reports for a CPU. */
static bool cpu_is_off(const struct emu_cpu *cpu)
{
	return cpu->state == SMCSIM_CPU_OFF;
}

/*
 * DEN0022D 5.1.2, 5.1.4, 5.1.18: an entry point must be a valid address for the caller's
 * Security state: here, inside simulated memory that is Non-secure.
 */
static bool entry_ok(const struct psci *p, struct smcsim *sim, uint64_t entry)
{
	if (!p->cfg.entry_check)
		return true;
	struct emu_granule *g = emu_granule(sim, entry);
	return g && g->pas == EMU_PAS_NS && emu_mem_valid(sim, entry, 4);
}

struct ps_decoded {
	bool powerdown;
	unsigned int level;
	uint32_t key; /* the state with reserved bits cleared, for statistics */
};

/*
 * DEN0022D 5.1.2: decode and check a power_state. Returns false for
 * INVALID_PARAMS: reserved bits set, or a power level deeper than the platform has.
 */
static bool ps_decode(const struct psci *p, uint32_t ps, struct ps_decoded *d)
{
	if (p->cfg.ext_state_id) {
		uint32_t id = ps & PS_EXT_ID_MASK;
		if (p->cfg.validate_ps && (ps & ~(PS_EXT_ID_MASK | PS_EXT_TYPE)))
			return false;
		d->powerdown = ps & PS_EXT_TYPE;
		/* DEN0022D 6.5 recommended StateID encoding: bits [4L+3:4L] hold the
		 * state of level L (0..3); the deepest non-zero nibble is the level the
		 * state reaches. Higher StateID bits are the platform's. */
		d->level = 0;
		for (unsigned int l = 0; l < 4; l++)
			if ((id >> (4 * l)) & 0xf)
				d->level = l;
		if (p->cfg.validate_ps && d->level > p->cfg.max_level)
			return false;
		if (d->level > p->cfg.max_level)
			d->level = p->cfg.max_level;
		d->key = ps & (PS_EXT_ID_MASK | PS_EXT_TYPE);
	} else {
		if (p->cfg.validate_ps &&
		    (ps & ~(PS_ORIG_ID_MASK | PS_ORIG_TYPE | PS_ORIG_LEVEL_MASK)))
			return false;
		d->powerdown = ps & PS_ORIG_TYPE;
		d->level = (ps & PS_ORIG_LEVEL_MASK) >> PS_ORIG_LEVEL_SHIFT;
		if (p->cfg.validate_ps && d->level > p->cfg.max_level)
			return false;
		if (d->level > p->cfg.max_level)
			d->level = p->cfg.max_level;
		d->key = ps & (PS_ORIG_ID_MASK | PS_ORIG_TYPE | PS_ORIG_LEVEL_MASK);
	}
	return true;
}

static struct psci_stat *stat_slot(struct psci *p, unsigned int cpu, uint32_t key, bool create)
{
	struct psci_stat *s = &p->stats[(size_t)cpu * STAT_SLOTS];
	for (unsigned int i = 0; i < STAT_SLOTS; i++) {
		if (s[i].used && s[i].power_state == key)
			return &s[i];
		if (!s[i].used && create) {
			s[i] = (struct psci_stat){ .power_state = key, .used = true };
			return &s[i];
		}
	}
	return NULL;
}

static void stat_account(struct psci *p, unsigned int cpu, uint32_t key)
{
	struct psci_stat *s = stat_slot(p, cpu, key, true);
	if (s) {
		s->count++;
		s->residency_us += p->cfg.residency_us;
	}
}

/* The CPU went through a powerdown state and woke up at once at @entry. */
static void resume_at(struct emu_call *c, uint64_t entry, uint64_t context_id)
{
	memset(c->cpu->x, 0, sizeof(c->cpu->x));
	c->cpu->pc = entry;
	c->cpu->x[0] = context_id;
	c->cpu->state = SMCSIM_CPU_ON;
	emu_ret1(c, context_id);
	c->exit = SMCSIM_EXIT_RESUME;
}

/* Whether a UP Trusted OS is resident on the calling CPU (DEN0022D 5.1.3, 5.1.7). */
static bool tos_resident_here(const struct psci *p, const struct emu_call *c)
{
	return (p->cfg.mig_type == MIG_UP_MIGRATE || p->cfg.mig_type == MIG_UP_NO_MIGRATE) &&
	       p->resident_cpu == c->cpu_index;
}

/* KVM reports SYSTEM_OFF/RESET to userspace with x0 = INTERNAL_FAILURE already set, so
 * a vCPU that userspace resumes sees the call fail; firmware never returns. */
static void system_event(struct emu_call *c, int exit_code)
{
	const struct psci *p = c->state;
	if (p->cfg.event_internal_failure)
		ret_status(c, PSCI_RET_INTERNAL_FAILURE);
	else
		c->nres = 0;
	if (exit_code == SMCSIM_EXIT_SYSTEM_OFF)
		emu_machine_power(c->sim, SMCSIM_EXIT_SYSTEM_OFF);
	c->exit = exit_code;
}

/* ---- handlers ----------------------------------------------------------------------- */

static void h_version(struct emu_call *c)
{
	const struct psci *p = c->state;
	emu_ret1(c, p->cfg.version);
}

/* DEN0022D 5.1.2 CPU_SUSPEND(power_state, entry_point_address, context_id). */
static void h_cpu_suspend(struct emu_call *c)
{
	struct psci *p = c->state;
	uint32_t ps = (uint32_t)c->a[1];
	uint64_t entry = c->a[2], ctx = c->a[3];
	struct ps_decoded d;

	/* 5.1.2: a malformed or unsupported power_state is INVALID_PARAMETERS. */
	if (!ps_decode(p, ps, &d)) {
		ret_status(c, PSCI_RET_INVALID_PARAMS);
		return;
	}
	/* DEN0022D 5.1.2, OS-initiated mode: a state that powers down a
	 * level-N node is only valid from the last running core of that node; otherwise DENIED. */
	if (p->mode == MODE_OSI && d.level > 0) {
		uint64_t m = aff_group_mask(d.level), me = c->cpu->mpidr & m;
		for (unsigned int i = 0; i < p->ncpus; i++) {
			struct emu_cpu *o = emu_cpu(c->sim, i);
			if (i != c->cpu_index && (o->mpidr & m) == me && !cpu_is_off(o)) {
				ret_status(c, PSCI_RET_DENIED);
				return;
			}
		}
	}
	bool powerdown = d.powerdown && !p->cfg.powerdown_standby;
	/* 5.1.2: the entry point matters only for a powerdown state. */
	if (powerdown && !entry_ok(p, c->sim, entry)) {
		ret_status(c, PSCI_RET_INVALID_ADDRESS);
		return;
	}
	stat_account(p, c->cpu_index, d.key);
	if (powerdown)
		resume_at(c, entry, ctx);
	else
		ret_status(c, PSCI_RET_SUCCESS);
}

/*
 * Take the calling core down (CPU_OFF, CPU_FREEZE): the call does not return. DEN0022D
 * 5.1.3: DENIED when a UP Trusted OS that has not migrated lives on this core.
 */
static void power_off_self(struct emu_call *c)
{
	const struct psci *p = c->state;
	if (tos_resident_here(p, c)) {
		ret_status(c, PSCI_RET_DENIED);
		return;
	}
	c->cpu->state = SMCSIM_CPU_OFF;
	c->nres = 0;
	c->exit = SMCSIM_EXIT_CPU_OFF;
}

/* DEN0022D 5.1.3 CPU_OFF: does not return on success. */
static void h_cpu_off(struct emu_call *c)
{
	power_off_self(c);
}

/* DEN0022D 5.1.4 CPU_ON(target_cpu, entry_point_address, context_id). */
static void h_cpu_on(struct emu_call *c)
{
	const struct psci *p = c->state;
	uint64_t entry = c->a[2], ctx = c->a[3];
	/* TF-A psci_cpu_on() order: target, then entry point, then the target's state. */
	int t = emu_cpu_by_mpidr(c->sim, c->a[1]);
	if (t < 0) {
		ret_status(c, PSCI_RET_INVALID_PARAMS);
		return;
	}
	if (!entry_ok(p, c->sim, entry)) {
		ret_status(c, PSCI_RET_INVALID_ADDRESS);
		return;
	}
	struct emu_cpu *tc = emu_cpu(c->sim, (unsigned int)t);
	if (tc->state == SMCSIM_CPU_ON_PENDING) {
		ret_status(c, PSCI_RET_ON_PENDING);
		return;
	}
	if (tc->state != SMCSIM_CPU_OFF) {
		ret_status(c, PSCI_RET_ALREADY_ON);
		return;
	}
	/* 5.1.4: the core starts at entry_point_address with x0 = context_id. */
	memset(tc->x, 0, sizeof(tc->x));
	tc->x[0] = ctx;
	tc->pc = entry;
	tc->state = p->cfg.on_pending ? SMCSIM_CPU_ON_PENDING : SMCSIM_CPU_ON;
	ret_status(c, PSCI_RET_SUCCESS);
}

static int aff_state(const struct emu_cpu *cpu)
{
	if (cpu->state == SMCSIM_CPU_OFF)
		return AFF_OFF;
	if (cpu->state == SMCSIM_CPU_ON_PENDING)
		return AFF_ON_PENDING;
	return AFF_ON; /* a suspended core is ON for AFFINITY_INFO (DEN0022D 5.1.5) */
}

/* DEN0022D 5.1.5 AFFINITY_INFO(target_affinity, lowest_affinity_level). */
static void h_affinity_info(struct emu_call *c)
{
	const struct psci *p = c->state;
	uint64_t target = c->a[1];
	uint64_t level = c->a[2];

	switch (p->cfg.aff_levels) {
	case AFF_ALWAYS_ON:
		/* QEMU target/arm/psci.c: every level above 0 reports ON, unchecked. */
		if (level != 0) {
			emu_ret1(c, AFF_ON);
			return;
		}
		break;
	case AFF_ANY: {
		/* KVM psci.c: affinity bits outside MPIDR or a level above 3 are
		 * INVALID_PARAMS; a group is ON if any of its cores is on (here also
		 * ON_PENDING if one is starting), else OFF, even when no core matches. */
		if (level > 3 || (target & ~MPIDR_AFF_MASK)) {
			ret_status(c, PSCI_RET_INVALID_PARAMS);
			return;
		}
		uint64_t m = aff_group_mask((unsigned int)level);
		int best = AFF_OFF;
		for (unsigned int i = 0; i < p->ncpus; i++) {
			const struct emu_cpu *o = emu_cpu(c->sim, i);
			if ((o->mpidr & m) != (target & m))
				continue;
			int s = aff_state(o);
			if (s == AFF_ON)
				best = AFF_ON;
			else if (s == AFF_ON_PENDING && best == AFF_OFF)
				best = AFF_ON_PENDING;
		}
		emu_ret1(c, (uint64_t)best);
		return;
	}
	default:
		/* 5.1.5: levels above 0 are optional from PSCI 1.0; TF-A takes the level
		 * as a 32-bit value and rejects anything but 0 before looking at the
		 * target. */
		if ((uint32_t)level != 0) {
			ret_status(c, PSCI_RET_INVALID_PARAMS);
			return;
		}
		break;
	}
	/* 5.1.5: a target_affinity that names no core is INVALID_PARAMETERS. */
	int t = emu_cpu_by_mpidr(c->sim, target);
	if (t < 0) {
		ret_status(c, PSCI_RET_INVALID_PARAMS);
		return;
	}
	emu_ret1(c, (uint64_t)aff_state(emu_cpu(c->sim, (unsigned int)t)));
}

/* DEN0022D 5.1.6 MIGRATE(target_cpu); checks in TF-A psci_migrate() order. */
static void h_migrate(struct emu_call *c)
{
	struct psci *p = c->state;
	if (p->cfg.mig_type != MIG_UP_MIGRATE) {
		/* 5.1.6: a UP Trusted OS that cannot migrate: DENIED; none or MP: NOT_SUPPORTED. */
		ret_status(c, p->cfg.mig_type == MIG_UP_NO_MIGRATE ? PSCI_RET_DENIED
								   : PSCI_RET_NOT_SUPPORTED);
		return;
	}
	/* 5.1.6: only the core the Trusted OS is resident on may ask it to move. */
	if (p->resident_cpu != c->cpu_index) {
		ret_status(c, PSCI_RET_NOT_PRESENT);
		return;
	}
	int t = emu_cpu_by_mpidr(c->sim, c->a[1]);
	if (t < 0) {
		ret_status(c, PSCI_RET_INVALID_PARAMS);
		return;
	}
	p->resident_cpu = (unsigned int)t;
	ret_status(c, PSCI_RET_SUCCESS);
}

/* DEN0022D 5.1.7 MIGRATE_INFO_TYPE. */
static void h_migrate_info_type(struct emu_call *c)
{
	const struct psci *p = c->state;
	emu_ret1(c, (uint64_t)p->cfg.mig_type);
}

/* DEN0022D 5.1.8 MIGRATE_INFO_UP_CPU: the MPIDR of the resident core, defined only for
 * types 0 and 1 (TF-A answers INVALID_PARAMS otherwise). */
static void h_migrate_info_up_cpu(struct emu_call *c)
{
	const struct psci *p = c->state;
	if (p->cfg.mig_type != MIG_UP_MIGRATE && p->cfg.mig_type != MIG_UP_NO_MIGRATE) {
		ret_status(c, PSCI_RET_INVALID_PARAMS);
		return;
	}
	emu_ret1(c, emu_cpu(c->sim, p->resident_cpu)->mpidr);
}

/* DEN0022D 5.1.9 SYSTEM_OFF, 5.13 SYSTEM_RESET: no return from firmware. */
static void h_system_off(struct emu_call *c)
{
	system_event(c, SMCSIM_EXIT_SYSTEM_OFF);
}

static void h_system_reset(struct emu_call *c)
{
	system_event(c, SMCSIM_EXIT_SYSTEM_RESET);
}

static bool psci_implements(const void *state, const struct emu_fn *fn);

static const struct emu_fn *psci_row(uint32_t fid);

/* DEN0022D 5.1.14 PSCI_FEATURES(psci_func_id). */
static void h_features(struct emu_call *c)
{
	const struct psci *p = c->state;
	uint32_t q = (uint32_t)c->a[1];
	/* 5.1.14: SMCCC_VERSION is reported when the caller can reach it (DEN0028 7.1);
	 * QEMU's PSCI has no SMCCC_VERSION, so it answers NOT_SUPPORTED. */
	if (q == SMCCC_VERSION_FID) {
		bool routed = emu_route_query(c->sim, c->caller, c->depth, q, NULL, NULL);
		ret_status(c, routed ? PSCI_RET_SUCCESS : PSCI_RET_NOT_SUPPORTED);
		return;
	}
	const struct emu_fn *fn = psci_row(q);
	if (!fn || fn->since > p->cfg.version || !psci_implements(p, fn)) {
		ret_status(c, PSCI_RET_NOT_SUPPORTED);
		return;
	}
	switch (fn->features) {
	case PSCI_FEAT_SUSPEND_FLAGS:
		/* 5.1.14: bit 0 OS-initiated mode supported, bit 1 extended StateID. */
		emu_ret1(c, (p->cfg.osi ? FEAT_OSI : 0) |
				    (p->cfg.ext_state_id ? FEAT_EXT_STATE_ID : 0));
		break;
	case PSCI_FEAT_OFF2_TYPES:
		emu_ret1(c, p->cfg.off2_types);
		break;
	default:
		ret_status(c, PSCI_RET_SUCCESS);
	}
}

/* DEN0022D 5.1.15 CPU_FREEZE: the core stops until a CPU_ON; it does not return. */
static void h_cpu_freeze(struct emu_call *c)
{
	/* Like CPU_OFF, a core hosting a UP Trusted OS cannot go away. */
	power_off_self(c);
}

/* DEN0022D 5.1.16 CPU_DEFAULT_SUSPEND(entry_point_address, context_id): the implementation
 * picks the state; this model picks a core powerdown. */
static void h_cpu_default_suspend(struct emu_call *c)
{
	struct psci *p = c->state;
	uint64_t entry = c->a[1], ctx = c->a[2];
	if (p->cfg.powerdown_standby) {
		ret_status(c, PSCI_RET_SUCCESS);
		return;
	}
	if (!entry_ok(p, c->sim, entry)) {
		ret_status(c, PSCI_RET_INVALID_ADDRESS);
		return;
	}
	resume_at(c, entry, ctx);
}

/* DEN0022D 5.1.17 NODE_HW_STATE(target_cpu, power_level). */
static void h_node_hw_state(struct emu_call *c)
{
	const struct psci *p = c->state;
	uint32_t level = (uint32_t)c->a[2];
	int t = emu_cpu_by_mpidr(c->sim, c->a[1]);
	/* TF-A psci_node_hw_state(): target first, then the level. */
	if (t < 0 || level > p->cfg.hw_max_level) {
		ret_status(c, PSCI_RET_INVALID_PARAMS);
		return;
	}
	uint64_t m = aff_group_mask(level > 3 ? 3 : level);
	uint64_t me = emu_cpu(c->sim, (unsigned int)t)->mpidr & m;
	int st = HW_OFF;
	for (unsigned int i = 0; i < p->ncpus; i++) {
		const struct emu_cpu *o = emu_cpu(c->sim, i);
		if ((o->mpidr & m) == me && !cpu_is_off(o))
			st = HW_ON;
	}
	emu_ret1(c, (uint64_t)st);
}

/* DEN0022D 5.1.18 SYSTEM_SUSPEND(entry_point_address, context_id). */
static void h_system_suspend(struct emu_call *c)
{
	struct psci *p = c->state;
	uint64_t entry = c->a[1], ctx = c->a[2];
	/* 5.1.18: every other core must be off (TF-A psci_is_last_on_cpu: DENIED). */
	for (unsigned int i = 0; i < p->ncpus; i++)
		if (i != c->cpu_index && !cpu_is_off(emu_cpu(c->sim, i))) {
			ret_status(c, PSCI_RET_DENIED);
			return;
		}
	if (!entry_ok(p, c->sim, entry)) {
		ret_status(c, PSCI_RET_INVALID_ADDRESS);
		return;
	}
	resume_at(c, entry, ctx);
}

/* DEN0022D 5.1.19 SET_SUSPEND_MODE(mode): 0 platform-coordinated, 1 OS-initiated. */
static void h_set_suspend_mode(struct emu_call *c)
{
	struct psci *p = c->state;
	uint32_t mode = (uint32_t)c->a[1];
	if (mode > MODE_OSI) {
		ret_status(c, PSCI_RET_INVALID_PARAMS);
		return;
	}
	if ((int)mode == p->mode) {
		ret_status(c, PSCI_RET_SUCCESS);
		return;
	}
	/* 5.1.19 as TF-A psci_set_suspend_mode() enforces it: entering PC mode needs the
	 * caller to be the only running core, entering OSI mode needs every core running. */
	for (unsigned int i = 0; i < p->ncpus; i++) {
		const struct emu_cpu *o = emu_cpu(c->sim, i);
		bool bad = mode == MODE_PC ? (i != c->cpu_index && !cpu_is_off(o))
					   : o->state != SMCSIM_CPU_ON;
		if (bad) {
			ret_status(c, PSCI_RET_DENIED);
			return;
		}
	}
	p->mode = (int)mode;
	ret_status(c, PSCI_RET_SUCCESS);
}

/* DEN0022D 5.1.20/5.1.21 STAT_RESIDENCY / STAT_COUNT(target_cpu, power_state): 0 for an
 * invalid target or power_state. */
static const struct psci_stat *stat_lookup(struct emu_call *c)
{
	struct psci *p = c->state;
	struct ps_decoded d;
	int t = emu_cpu_by_mpidr(c->sim, c->a[1]);
	if (t < 0 || !ps_decode(p, (uint32_t)c->a[2], &d))
		return NULL;
	return stat_slot(p, (unsigned int)t, d.key, false);
}

static void h_stat_residency(struct emu_call *c)
{
	const struct psci_stat *s = stat_lookup(c);
	emu_ret1(c, s ? s->residency_us : 0);
}

static void h_stat_count(struct emu_call *c)
{
	const struct psci_stat *s = stat_lookup(c);
	emu_ret1(c, s ? s->count : 0);
}

/* DEN0022D 5.1.11 SYSTEM_RESET2(reset_type, cookie). */
static void h_system_reset2(struct emu_call *c)
{
	const struct psci *p = c->state;
	uint32_t type = (uint32_t)c->a[1];
	/* 5.1.11: architectural types other than SYSTEM_WARM_RESET are reserved; vendor
	 * types are the implementation's. Both give INVALID_PARAMETERS when unsupported. */
	bool ok = (type & RESET2_VENDOR) ? p->cfg.reset2_vendor : type == RESET2_WARM;
	if (!ok) {
		ret_status(c, PSCI_RET_INVALID_PARAMS);
		return;
	}
	system_event(c, SMCSIM_EXIT_SYSTEM_RESET);
}

/* DEN0022D 5.1.12 MEM_PROTECT(enable): returns the previous setting. */
static void h_mem_protect(struct emu_call *c)
{
	struct psci *p = c->state;
	bool was = p->mem_protect_on;
	p->mem_protect_on = c->a[1] != 0;
	emu_ret1(c, was ? 1 : 0);
}

/* DEN0022D 5.1.13 MEM_PROTECT_CHECK_RANGE(base, length): SUCCESS if the range lies in
 * memory MEM_PROTECT covers (here: all simulated Non-secure memory), else DENIED. */
static void h_mem_protect_check_range(struct emu_call *c)
{
	uint64_t base = c->a[1], len = c->a[2];
	bool ok = len != 0 && base + (len - 1) >= base && emu_mem_valid(c->sim, base, len);
	for (uint64_t pa = base & ~(EMU_GRANULE_SIZE - 1); ok && pa < base + len;
	     pa += EMU_GRANULE_SIZE) {
		struct emu_granule *g = emu_granule(c->sim, pa);
		ok = g && g->pas == EMU_PAS_NS;
		if (pa + EMU_GRANULE_SIZE < pa)
			break;
	}
	ret_status(c, ok ? PSCI_RET_SUCCESS : PSCI_RET_DENIED);
}

/* DEN0022F (PSCI 1.3) SYSTEM_OFF2(type, cookie). */
static void h_system_off2(struct emu_call *c)
{
	const struct psci *p = c->state;
	uint32_t type = (uint32_t)c->a[1];
	/* F.b: type 0 is accepted as HIBERNATE_OFF; any other type must be one bit the
	 * PSCI_FEATURES bitmap advertises. Then the cookie must be zero. */
	bool ok = type == 0 ? (p->cfg.off2_types & OFF2_HIBERNATE) != 0
			    : !(type & (type - 1)) && (type & p->cfg.off2_types);
	if (!ok || c->a[2] != 0) {
		ret_status(c, PSCI_RET_INVALID_PARAMS);
		return;
	}
	system_event(c, SMCSIM_EXIT_SYSTEM_OFF);
}

/* DEN0022D function table (function IDs) with the version that introduced each call. */
#define V02 SMCCC_VER(0, 2)
#define V10 SMCCC_VER(1, 0)
#define V11 SMCCC_VER(1, 1)
#define V13 SMCCC_VER(1, 3)
#define OPT EMU_FN_OPTIONAL

/*
 * DEN0022D 5.1 (and DEN0022F for SYSTEM_OFF2): the arguments each call reads; every call
 * answers in x0 alone (a status, a version, a count or a state). .features says what
 * PSCI_FEATURES reports for the call (enum psci_feat_answer).
 */
static const struct emu_fn psci_fns[] = {
	EMU_FN_ROW(PSCI_VERSION, .since = V02, .handler = h_version, .nres = 1),
	EMU_FN_ROW(PSCI_CPU_SUSPEND, .since = V02, .handler = h_cpu_suspend, .nargs = 3, .nres = 1,
		   .features = PSCI_FEAT_SUSPEND_FLAGS),
	EMU_FN_ROW(PSCI_CPU_SUSPEND_64, .since = V02, .handler = h_cpu_suspend, .nargs = 3,
		   .nres = 1, .features = PSCI_FEAT_SUSPEND_FLAGS),
	EMU_FN_ROW(PSCI_CPU_OFF, .since = V02, .handler = h_cpu_off, .nres = 1),
	EMU_FN_ROW(PSCI_CPU_ON, .since = V02, .handler = h_cpu_on, .nargs = 3, .nres = 1),
	EMU_FN_ROW(PSCI_CPU_ON_64, .since = V02, .handler = h_cpu_on, .nargs = 3, .nres = 1),
	EMU_FN_ROW(PSCI_AFFINITY_INFO, .since = V02, .handler = h_affinity_info, .nargs = 2,
		   .nres = 1),
	EMU_FN_ROW(PSCI_AFFINITY_INFO_64, .since = V02, .handler = h_affinity_info, .nargs = 2,
		   .nres = 1),
	EMU_FN_ROW(PSCI_MIGRATE, .since = V02, .flags = OPT, .handler = h_migrate, .nargs = 1,
		   .nres = 1),
	EMU_FN_ROW(PSCI_MIGRATE_64, .since = V02, .flags = OPT, .handler = h_migrate, .nargs = 1,
		   .nres = 1),
	EMU_FN_ROW(PSCI_MIGRATE_INFO_TYPE, .since = V02, .flags = OPT,
		   .handler = h_migrate_info_type, .nres = 1),
	EMU_FN_ROW(PSCI_MIGRATE_INFO_UP_CPU, .since = V02, .flags = OPT,
		   .handler = h_migrate_info_up_cpu, .nres = 1),
	EMU_FN_ROW(PSCI_MIGRATE_INFO_UP_CPU_64, .since = V02, .flags = OPT,
		   .handler = h_migrate_info_up_cpu, .nres = 1),
	EMU_FN_ROW(PSCI_SYSTEM_OFF, .since = V02, .handler = h_system_off, .nres = 1),
	EMU_FN_ROW(PSCI_SYSTEM_RESET, .since = V02, .handler = h_system_reset, .nres = 1),
	EMU_FN_ROW(PSCI_FEATURES, .since = V10, .handler = h_features, .nargs = 1, .nres = 1),
	EMU_FN_ROW(PSCI_CPU_FREEZE, .since = V10, .flags = OPT, .handler = h_cpu_freeze, .nres = 1),
	EMU_FN_ROW(PSCI_CPU_DEFAULT_SUSPEND, .since = V10, .flags = OPT,
		   .handler = h_cpu_default_suspend, .nargs = 2, .nres = 1),
	EMU_FN_ROW(PSCI_CPU_DEFAULT_SUSPEND_64, .since = V10, .flags = OPT,
		   .handler = h_cpu_default_suspend, .nargs = 2, .nres = 1),
	EMU_FN_ROW(PSCI_NODE_HW_STATE, .since = V10, .flags = OPT, .handler = h_node_hw_state,
		   .nargs = 2, .nres = 1),
	EMU_FN_ROW(PSCI_NODE_HW_STATE_64, .since = V10, .flags = OPT, .handler = h_node_hw_state,
		   .nargs = 2, .nres = 1),
	EMU_FN_ROW(PSCI_SYSTEM_SUSPEND, .since = V10, .flags = OPT, .handler = h_system_suspend,
		   .nargs = 2, .nres = 1),
	EMU_FN_ROW(PSCI_SYSTEM_SUSPEND_64, .since = V10, .flags = OPT, .handler = h_system_suspend,
		   .nargs = 2, .nres = 1),
	EMU_FN_ROW(PSCI_SET_SUSPEND_MODE, .since = V10, .flags = OPT, .handler = h_set_suspend_mode,
		   .nargs = 1, .nres = 1),
	EMU_FN_ROW(PSCI_STAT_RESIDENCY, .since = V10, .flags = OPT, .handler = h_stat_residency,
		   .nargs = 2, .nres = 1),
	EMU_FN_ROW(PSCI_STAT_RESIDENCY_64, .since = V10, .flags = OPT, .handler = h_stat_residency,
		   .nargs = 2, .nres = 1),
	EMU_FN_ROW(PSCI_STAT_COUNT, .since = V10, .flags = OPT, .handler = h_stat_count, .nargs = 2,
		   .nres = 1),
	EMU_FN_ROW(PSCI_STAT_COUNT_64, .since = V10, .flags = OPT, .handler = h_stat_count,
		   .nargs = 2, .nres = 1),
	EMU_FN_ROW(PSCI_SYSTEM_RESET2, .since = V11, .flags = OPT, .handler = h_system_reset2,
		   .nargs = 2, .nres = 1),
	EMU_FN_ROW(PSCI_SYSTEM_RESET2_64, .since = V11, .flags = OPT, .handler = h_system_reset2,
		   .nargs = 2, .nres = 1),
	EMU_FN_ROW(PSCI_MEM_PROTECT, .since = V11, .flags = OPT, .handler = h_mem_protect,
		   .nargs = 1, .nres = 1),
	EMU_FN_ROW(PSCI_MEM_PROTECT_CHECK_RANGE, .since = V11, .flags = OPT,
		   .handler = h_mem_protect_check_range, .nargs = 2, .nres = 1),
	EMU_FN_ROW(PSCI_MEM_PROTECT_CHECK_RANGE_64, .since = V11, .flags = OPT,
		   .handler = h_mem_protect_check_range, .nargs = 2, .nres = 1),
	EMU_FN_ROW(PSCI_SYSTEM_OFF2, .since = V13, .flags = OPT, .handler = h_system_off2,
		   .nargs = 2, .nres = 1, .features = PSCI_FEAT_OFF2_TYPES),
	EMU_FN_ROW(PSCI_SYSTEM_OFF2_64, .since = V13, .flags = OPT, .handler = h_system_off2,
		   .nargs = 2, .nres = 1, .features = PSCI_FEAT_OFF2_TYPES),
};
_Static_assert(EMU_ARRAY_SIZE(psci_fns) == EMU_FN_COUNT(PSCI_FUNCTIONS),
	       "psci_fns: one row for every PSCI function in abi/psci.h");

static const struct emu_fn *psci_row(uint32_t fid)
{
	for (size_t i = 0; i < EMU_ARRAY_SIZE(psci_fns); i++)
		if (psci_fns[i].fid == fid)
			return &psci_fns[i];
	return NULL;
}

static uint32_t psci_version(const void *state)
{
	return ((const struct psci *)state)->cfg.version;
}

static bool psci_implements(const void *state, const struct emu_fn *fn)
{
	const struct psci_cfg *cfg = &((const struct psci *)state)->cfg;
	switch (fn->fid & ~SMCCC_64) {
	case PSCI_MIGRATE_FID:
	case PSCI_MIGRATE_INFO_UP_CPU_FID:
		return cfg->migrate && cfg->mig_type != MIG_ABSENT;
	case PSCI_MIGRATE_INFO_TYPE_FID:
		return cfg->mig_type != MIG_ABSENT;
	case PSCI_CPU_FREEZE_FID:
		return cfg->cpu_freeze;
	case PSCI_CPU_DEFAULT_SUSPEND_FID:
		return cfg->cpu_default_suspend;
	case PSCI_NODE_HW_STATE_FID:
		return cfg->node_hw_state;
	case PSCI_SYSTEM_SUSPEND_FID:
		return cfg->system_suspend;
	case PSCI_SET_SUSPEND_MODE_FID:
		/* DEN0022D 5.1.19: mandatory when OS-initiated mode is supported. */
		return cfg->osi;
	case PSCI_STAT_RESIDENCY_FID:
	case PSCI_STAT_COUNT_FID:
		return cfg->stat;
	case PSCI_SYSTEM_RESET2_FID:
		return cfg->system_reset2;
	case PSCI_MEM_PROTECT_FID:
	case PSCI_MEM_PROTECT_CHECK_RANGE_FID:
		return cfg->mem_protect;
	case PSCI_SYSTEM_OFF2_FID:
		return cfg->off2_types != 0;
	default:
		return !(fn->flags & EMU_FN_OPTIONAL);
	}
}

/* ---- lifecycle ---------------------------------------------------------------------- */

static void psci_reset(void *state)
{
	struct psci *p = state;
	p->mode = MODE_PC;
	p->resident_cpu = p->cfg.resident_cpu;
	memset(p->stats, 0, (size_t)p->ncpus * STAT_SLOTS * sizeof(*p->stats));
}

static int parse_cpu_suspend(struct psci_cfg *cfg, json_t *o, const char *path,
			     struct smcsim_error *err)
{
	static const char *const keys[] = { "osi",	"extended_state_id", "max_power_level",
					    "validate", "powerdown",	     NULL };
	static const char *const pd[] = { "resume", "standby", NULL };
	char p[300];
	int ret, powerdown;
	snprintf(p, sizeof(p), "%s/cpu_suspend", path);
	if ((ret = emu_cfg_keys(o, p, keys, err)) ||
	    (ret = emu_cfg_bool(o, "osi", p, false, &cfg->osi, err)) ||
	    (ret = emu_cfg_bool(o, "extended_state_id", p, false, &cfg->ext_state_id, err)) ||
	    (ret = emu_cfg_u32(o, "max_power_level", p, 2, &cfg->max_level, err)) ||
	    (ret = emu_cfg_bool(o, "validate", p, true, &cfg->validate_ps, err)) ||
	    (ret = emu_cfg_enum(o, "powerdown", p, pd, 0, &powerdown, err)))
		return ret;
	/* DEN0022D 5.1.2: PowerLevel is two bits wide (levels 0..3). */
	if (cfg->max_level > 3)
		return emu_err(err, "%s/max_power_level: must be 0..3", p);
	cfg->powerdown_standby = powerdown == 1;
	return 0;
}

static int psci_create(struct smcsim *sim, struct emu_layer *layer, json_t *cfgj, const char *path,
		       void **state, struct smcsim_error *err)
{
	static const char *const keys[] = { "version",
					    "migrate_info_type",
					    "resident_cpu",
					    "migrate",
					    "cpu_suspend",
					    "affinity_info_levels",
					    "entry_point_check",
					    "cpu_on_pending",
					    "system_suspend",
					    "system_reset2",
					    "system_reset2_vendor",
					    "system_off2_types",
					    "mem_protect",
					    "node_hw_state",
					    "node_hw_state_max_level",
					    "stat",
					    "stat_residency_us",
					    "cpu_freeze",
					    "cpu_default_suspend",
					    "system_event_x0",
					    NULL };
	static const char *const mig[] = { "up_migrate", "up_no_migrate", "mp", "absent", NULL };
	static const char *const aff[] = { "cpu_only", "any", "always_on", NULL };
	static const char *const ev[] = { "none", "internal_failure", NULL };
	struct psci *p = calloc(1, sizeof(*p));
	if (!p)
		return -ENOMEM;
	*state = p;
	p->ncpus = emu_cpu_count(sim);
	struct psci_cfg *cfg = &p->cfg;
	json_t *cs;
	int ret, evx;
	if ((ret = emu_cfg_keys(cfgj, path, keys, err)) ||
	    (ret = emu_cfg_version(cfgj, "version", path, SMCCC_VER(1, 1), &cfg->version, err)) ||
	    (ret = emu_cfg_enum(cfgj, "migrate_info_type", path, mig, MIG_MP, &cfg->mig_type,
				err)) ||
	    (ret = emu_cfg_u32(cfgj, "resident_cpu", path, 0, &cfg->resident_cpu, err)) ||
	    (ret = emu_cfg_bool(cfgj, "migrate", path,
				cfg->mig_type == MIG_UP_MIGRATE ||
					cfg->mig_type == MIG_UP_NO_MIGRATE,
				&cfg->migrate, err)) ||
	    (ret = emu_cfg_object(cfgj, "cpu_suspend", path, &cs, err)) ||
	    (ret = emu_cfg_enum(cfgj, "affinity_info_levels", path, aff, AFF_CPU_ONLY,
				&cfg->aff_levels, err)) ||
	    (ret = emu_cfg_bool(cfgj, "entry_point_check", path, true, &cfg->entry_check, err)) ||
	    (ret = emu_cfg_bool(cfgj, "cpu_on_pending", path, false, &cfg->on_pending, err)) ||
	    (ret = emu_cfg_bool(cfgj, "system_suspend", path, false, &cfg->system_suspend, err)) ||
	    (ret = emu_cfg_bool(cfgj, "system_reset2", path, false, &cfg->system_reset2, err)) ||
	    (ret = emu_cfg_bool(cfgj, "system_reset2_vendor", path, false, &cfg->reset2_vendor,
				err)) ||
	    (ret = emu_cfg_u32(cfgj, "system_off2_types", path, 0, &cfg->off2_types, err)) ||
	    (ret = emu_cfg_bool(cfgj, "mem_protect", path, false, &cfg->mem_protect, err)) ||
	    (ret = emu_cfg_bool(cfgj, "node_hw_state", path, false, &cfg->node_hw_state, err)) ||
	    (ret = emu_cfg_bool(cfgj, "stat", path, false, &cfg->stat, err)) ||
	    (ret = emu_cfg_u32(cfgj, "stat_residency_us", path, 1000, &cfg->residency_us, err)) ||
	    (ret = emu_cfg_bool(cfgj, "cpu_freeze", path, false, &cfg->cpu_freeze, err)) ||
	    (ret = emu_cfg_bool(cfgj, "cpu_default_suspend", path, false, &cfg->cpu_default_suspend,
				err)) ||
	    (ret = emu_cfg_enum(cfgj, "system_event_x0", path, ev, 0, &evx, err)))
		return ret;
	cfg->max_level = 2;
	cfg->validate_ps = true;
	if (cs && (ret = parse_cpu_suspend(cfg, cs, path, err)))
		return ret;
	if ((ret = emu_cfg_u32(cfgj, "node_hw_state_max_level", path, cfg->max_level,
			       &cfg->hw_max_level, err)))
		return ret;
	cfg->event_internal_failure = evx == 1;
	static const uint32_t known[] = { SMCCC_VER(0, 2), SMCCC_VER(1, 0), SMCCC_VER(1, 1),
					  SMCCC_VER(1, 2), SMCCC_VER(1, 3) };
	bool vok = false;
	for (size_t i = 0; i < EMU_ARRAY_SIZE(known); i++)
		vok |= cfg->version == known[i];
	if (!vok)
		return emu_err(err,
			       "%s/version: this emulator models PSCI 0.2, 1.0, 1.1, 1.2 and 1.3",
			       path);
	if (cfg->resident_cpu >= p->ncpus)
		return emu_err(err, "%s/resident_cpu: no CPU %u on this machine (%u CPUs)", path,
			       cfg->resident_cpu, p->ncpus);
	if (cfg->hw_max_level > 3)
		return emu_err(err, "%s/node_hw_state_max_level: must be 0..3", path);
	/* DEN0022F SYSTEM_OFF2 (1.3): HIBERNATE_OFF (bit 0) is the only type defined. */
	if (cfg->off2_types & ~OFF2_HIBERNATE)
		return emu_err(err, "%s/system_off2_types: only bit 0 (HIBERNATE_OFF) is defined",
			       path);
	p->stats = calloc((size_t)p->ncpus * STAT_SLOTS, sizeof(*p->stats));
	if (!p->stats)
		return -ENOMEM;
	psci_reset(p);
	(void)layer;
	return 0;
}

static void psci_destroy(void *state)
{
	struct psci *p = state;
	if (p)
		free(p->stats);
	free(p);
}

const struct emu_service emu_svc_psci = {
	.name = "psci",
	.title = "Power State Coordination Interface (PSCI DEN0022)",
	.fns = psci_fns,
	.nfns = EMU_ARRAY_SIZE(psci_fns),
	.create = psci_create,
	.destroy = psci_destroy,
	.reset = psci_reset,
	.version = psci_version,
	.implements = psci_implements,
};
