/* SPDX-License-Identifier: MIT */
/*
 * Private interface of the CCA Realm Management Monitor model (DEN0137).
 *
 * Granule state lives in a per-granule slot of the core (emu_gstate) that the RMI service
 * reserves (struct rmm_gran); the physical address space the GPT gives a granule stays the
 * core's (struct emu_granule::pas), which delegation changes.
 */
#ifndef SMCSIM_RMM_MODEL_RMM_H
#define SMCSIM_RMM_MODEL_RMM_H

#include "abi/bytes.h"
#include "abi/rmi.h"
#include "abi/rsi.h"
#include "emu/emu.h"
#include "rmm_model/spec.h"

/* RMM granule states (DEN0137 1.0 A2.2; values as TF-RMM lib/granule/include/granule_types.h). */
enum rmm_granule_state {
	RMM_GRANULE_NS = 0, /* spec: UNDELEGATED */
	RMM_GRANULE_DELEGATED = 1,
	RMM_GRANULE_RD = 2,
	RMM_GRANULE_REC = 3,
	RMM_GRANULE_REC_AUX = 4,
	RMM_GRANULE_DATA = 5,
	RMM_GRANULE_RTT = 6,
	RMM_GRANULE_INTERNAL = 12, /* TF-RMM main: donated to the RMM itself (2.0 SROs) */
};

/*
 * What the RMM tracks per granule: TF-RMM's struct granule (lib/granule/include/
 * granule_types.h) keeps the state and a reference count; the owning RD is the model's own,
 * where TF-RMM reaches it through the object.
 */
struct rmm_gran {
	uint8_t state; /* enum rmm_granule_state */
	/* References held on an RD (its RECs) or on an RTT (its live entries). */
	uint32_t refcount;
	uint64_t owner; /* the RD that owns a non-RD granule (an RD: itself) */
};

/* Realm states (DEN0137 1.0 A2.2.2). */
enum rmm_realm_state {
	RMM_REALM_NEW = 0,
	RMM_REALM_ACTIVE = 1,
	RMM_REALM_SYSTEM_OFF = 2,
	RMM_REALM_TERMINATED = 3, /* 2.0 REALM_TERMINATE (TF-RMM main REALM_ZOMBIE) */
};

/* RmiRealmParams as the host wrote it: raw 64-bit fields, validated before use. */
struct rmm_realm_params {
	uint64_t flags, s2sz, sve_vl, num_bps, num_wps, pmu_num_ctrs, hash_algo;
	uint64_t vmid, rtt_base, rtt_num_start;
	int64_t rtt_level_start;
	uint8_t rpv[64];
};

struct rmm_realm {
	uint64_t rd;
	uint8_t state; /* enum rmm_realm_state */
	uint8_t hash_algo;
	uint8_t s2sz;
	int8_t rtt_level_start;
	uint16_t vmid;
	uint32_t rtt_num_start;
	uint64_t rtt_base;
	uint64_t flags;
	uint8_t rpv[64];
	uint64_t rec_count;  /* RECs ever created: the next REC's index (TF-RMM rd->rec_count) */
	uint8_t meas[5][64]; /* RIM, then REM[0..3] (DEN0137 A7.1), hash-size bytes used */
};

/* What a REC waits for from the host before its realm code can go on (run.c). */
enum rmm_rec_pending {
	RMM_PENDING_NONE = 0,
	RMM_PENDING_RIPAS,     /* RSI_IPA_STATE_SET: host answers with RTT_SET_RIPAS + entry flag */
	RMM_PENDING_HOST_CALL, /* RSI_HOST_CALL: host answers in entry gprs[0..6] */
	RMM_PENDING_PSCI,      /* PSCI CPU_ON / AFFINITY_INFO: host answers with PSCI_COMPLETE */
	RMM_PENDING_PSCI_DONE, /* PSCI_COMPLETE ran: the result goes back at the next entry */
	RMM_PENDING_RESULT,    /* an exit with nothing to complete: results ready in regs */
};

/* An attestation token being handed out (RSI_ATTEST_TOKEN_INIT/CONTINUE), per REC as in
 * TF-RMM. */
struct rmm_attest {
	bool active;
	uint8_t challenge[64];
	uint8_t *token;
	size_t len, offset;
};

struct rmm_rec {
	uint64_t rec;
	uint64_t rd;
	uint64_t mpidr; /* params.mpidr (RmiRecMpidr) */
	uint64_t idx;	/* the REC's index in its realm, from mpidr */
	uint64_t pc;
	uint64_t gprs[8];
	bool runnable;
	uint32_t num_aux;
	uint64_t aux[RMI_REC_MAX_AUX];
	/* realm-side execution (run.c) */
	bool started;				    /* realm code has been entered once */
	bool running;				    /* inside REC_ENTER (DEN0137 RUNNING) */
	uint8_t pending;			    /* enum rmm_rec_pending */
	uint64_t regs[18];			    /* the realm's x0..x17 to resume with */
	uint64_t ripas_base, ripas_top, ripas_addr; /* IPA_STATE_SET request, progress */
	uint8_t ripas_value;
	bool ripas_change_destroyed;
	uint64_t host_call_ipa;
	uint32_t psci_fid;    /* pending PSCI request */
	uint64_t psci_target; /* its target MPIDR */
	struct rmm_attest attest;
	bool regs_replay;   /* re-issue regs as a call (after a stage-2 fault exit) */
	uint32_t prog_step; /* built-in realm program progress */
	uint64_t prog_arg[4];
};

/* Built-in realm code when the embedding program installs none (run.c). */
enum rmm_program {
	RMM_PROGRAM_IRQ = 0,
	RMM_PROGRAM_LINUX = 1,
};

struct rmm {
	struct smcsim *sim;
	uint32_t version;	     /* RMI ABI version implemented */
	const struct rmm_spec *spec; /* the profile's "spec" (spec.h) */
	uint64_t feat0;
	uint64_t feat_ext[RMM_FEAT_NREGS - 1]; /* FEATURES registers 1.. (1.1: 1; 2.0: 1..4) */
	struct rmm_v2 v2;
	uint32_t rec_aux_count;
	uint32_t vmid_bits;
	bool feat_hpmn0; /* profile: the platform has FEAT_HPMN0 (a PMU with 0 counters) */
	/* Profile choices where DEN0137 and TF-RMM rel0 differ (default: the spec's). */
	bool rtt_align;		  /* REALM_CREATE checks rtt_align (B4.3.9) */
	bool destroyed_desc_zero; /* READ_ENTRY of ASSIGNED DESTROYED gives x3 = 0 (rel0) */
	struct rmm_realm *realms;
	size_t nrealms, cap;
	struct rmm_rec *recs;
	size_t nrecs, rec_cap;
	int realm_program; /* enum rmm_program */
	int gslot;	   /* the per-granule slot of struct rmm_gran (emu_gstate_reserve) */
};

/* The realm as RSI sees it (rsi.c): one set of handlers serves a REC entered by the host
 * (run.c) and the stand-alone realm of the cca-realm profile. */
struct rsi_env {
	uint8_t s2sz;
	uint8_t hash_algo; /* enum rmm_hash */
	const uint8_t *rpv;
	uint8_t (*meas)[64];
	struct rmm_attest *attest; /* the calling REC's */
	/* RSI 1.0 and 1.1 with the echoing VERSION rule (TF-RMM v1.x-aligned and main);
	 * otherwise 1.0 only with the rel0 rule. */
	bool rsi_1_1;
	/* The RMM 2.0 token (tag 907, TF-RMM main); otherwise the 1.0 token (tag 399). */
	bool token_v2;
	void *ctx;
	/* Host pointer to realm memory at @ipa, NULL if the host has not mapped it. */
	void *(*ipa_ptr)(void *ctx, uint64_t ipa, size_t len);
	/* RIPAS at @ipa and the end of its run before @end (false: not walkable). */
	bool (*ripas_run)(void *ctx, uint64_t ipa, uint64_t end, unsigned int *ripas,
			  uint64_t *top);
};

/* What an RSI command needs from the host before it can complete. */
enum rsi_exit_kind {
	RSI_EXIT_NONE = 0,  /* done: results in r[] */
	RSI_EXIT_RIPAS,	    /* IPA_STATE_SET: base, top, ripas, change_destroyed */
	RSI_EXIT_HOST_CALL, /* HOST_CALL: ipa of the RsiHostCall */
	RSI_EXIT_FAULT,	    /* a RAM buffer at ipa is not mapped: stage-2 fault, retry */
};

struct rsi_exit {
	enum rsi_exit_kind kind;
	uint64_t base, top, ipa;
	uint8_t ripas;
	bool change_destroyed;
};

/* rmm_model/rsi.c */
bool rsi_is_rsi(uint32_t fid);
/* The IPA width of a stand-alone realm (the `rsi` service's state). */
uint8_t rsi_realm_ipa_bits(const void *rsi_state);
void rsi_handle(const struct rsi_env *env, const uint64_t *a, uint64_t *r, struct rsi_exit *ex);
extern const struct emu_service rmm_svc_rsi;

/* The stand-alone realm's RIPAS store: one byte per granule of each memory region (which
 * are granule aligned and do not overlap), region i's first at ripas[first[i]]. */
struct rsi_ripas_map {
	size_t nregions;
	uint64_t *base, *size, *first;
	uint8_t *ripas;
};
/* The RIPAS at granule-aligned @ipa (EMPTY outside memory) and the end, at most @end, of
 * the run of granules that share it. */
uint64_t rsi_ripas_map_run(const struct rsi_ripas_map *m, uint64_t ipa, uint64_t end,
			   unsigned int *ripas);
/* Set [base, limit) to @ripas until a granule that cannot change; returns where it stopped. */
uint64_t rsi_ripas_map_set(const struct rsi_ripas_map *m, uint64_t base, uint64_t limit,
			   unsigned int ripas, bool change_destroyed);

/* rmm_model/granule.c: granule states, and the commands that change only them */
/* The RMM's state of the granule containing @pa, NULL outside memory. */
struct rmm_gran *rmm_gran(struct rmm *r, uint64_t pa);
/* The same for code that holds only the machine (tests, fuzz drivers): NULL outside memory or
 * on a machine without the RMI service. */
struct rmm_gran *rmm_gstate(struct smcsim *sim, uint64_t pa);
struct rmm_gran *rmm_granule(struct rmm *r, uint64_t addr, enum rmm_granule_state want);
uint8_t *rmm_ns_page(struct rmm *r, uint64_t pa);
bool rmm_granule_range(struct rmm *r, uint64_t base, uint64_t n, enum rmm_granule_state want);
void rmm_granule_set(struct rmm *r, uint64_t addr, enum rmm_granule_state s, uint64_t owner);
void rmm_granule_release(struct rmm *r, uint64_t addr);
void rmm_granule_delegate(struct emu_call *c);
void rmm_granule_undelegate(struct emu_call *c);
void rmm_granule_range_delegate(struct emu_call *c);
void rmm_granule_range_undelegate(struct emu_call *c);
void rmm_granule_tracking_get(struct emu_call *c);

/* rmm_model/realm.c: realm descriptors and their commands */
struct rmm_realm *rmm_realm_find(struct rmm *r, uint64_t rd);
struct rmm_realm *rmm_realm_of(struct rmm *r, uint64_t rd);
int rmm_realm_params_read(struct rmm *r, uint64_t params_ptr, struct rmm_realm_params *out);
bool rmm_realm_params_valid(const struct rmm *r, const struct rmm_realm_params *p);
bool rmm_vmid_free(const struct rmm *r, uint64_t vmid);
struct rmm_realm *rmm_realm_add(struct rmm *r, uint64_t rd, const struct rmm_realm_params *p);
void rmm_realm_remove(struct rmm *r, struct rmm_realm *realm);
void rmm_realm_create(struct emu_call *c);
void rmm_realm_activate(struct emu_call *c);
void rmm_realm_destroy(struct emu_call *c);
void rmm_realm_terminate(struct emu_call *c);
void rmm_rec_aux_count(struct emu_call *c);

/* rmm_model/rec.c: RECs and their commands */
/* The REC index an RmiRecMpidr names (REC_CREATE); false if it is not a valid one. */
bool rmm_rec_index(uint64_t rec_mpidr, uint64_t *idx);
/* The REC index a realm's MPIDR_EL1 value names (PSCI targets; TF-RMM mpidr_to_rec_idx()). */
uint64_t rmm_mpidr_rec_index(uint64_t mpidr);
void rmm_rec_create(struct emu_call *c);
void rmm_rec_destroy(struct emu_call *c);
void rmm_rec_enter(struct emu_call *c);
void rmm_psci_complete(struct emu_call *c);
struct rmm_rec *rmm_rec_find(struct rmm *r, uint64_t rec);
struct rmm_rec *rmm_rec_of(struct rmm *r, uint64_t rec);
void rmm_attest_reset(struct rmm_attest *a);

/* rmm_model/run.c: the realm side of REC_ENTER */
/* Answer what @rec waited for from the host's entry data in @run. */
void rmm_rec_resume(struct rmm *r, struct rmm_realm *realm, struct rmm_rec *rec,
		    const uint8_t *run);
/* Run the realm's code until it needs the host; the exit goes into @run, x0 into @c. */
void rmm_rec_run(struct emu_call *c, struct rmm *r, struct rmm_rec *rec, uint8_t *run);

/* rmm_model/rtt.c: the RTT and DATA commands, and the realm's view of its IPA space */
void *rmm_realm_ipa_ptr(struct rmm *r, const struct rmm_realm *realm, uint64_t ipa, size_t len);
/* RIPAS at @ipa and the end of the run of equal RIPAS before @end; false if not walkable */
bool rmm_realm_ripas_run(struct rmm *r, const struct rmm_realm *realm, uint64_t ipa, uint64_t end,
			 unsigned int *ripas, uint64_t *top);
void rmm_rtt_create(struct emu_call *c);
void rmm_rtt_destroy(struct emu_call *c);
void rmm_rtt_read_entry(struct emu_call *c);
void rmm_rtt_init_ripas(struct emu_call *c);
void rmm_rtt_set_ripas(struct emu_call *c);
void rmm_rtt_fold(struct emu_call *c);
void rmm_rtt_map_unprotected(struct emu_call *c);
void rmm_rtt_unmap_unprotected(struct emu_call *c);
void rmm_data_create(struct emu_call *c);
void rmm_data_create_unknown(struct emu_call *c);
void rmm_data_destroy(struct emu_call *c);

/* rmm_model/rmi.c */
extern const struct emu_service rmm_svc_rmi;

/* rmm_model/realm_smc.c: a stand-alone realm's PSCI and SMCCC calls */
extern const struct emu_service rmm_svc_realm_smc;

#endif
