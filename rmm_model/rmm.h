/* SPDX-License-Identifier: MIT */
/*
 * Private interface of the CCA Realm Management Monitor model (DEN0137).
 *
 * Granule state lives in the core's per-granule metadata (struct emu_granule): `rmm` holds
 * enum rmm_granule_state, `pas` the physical address space the GPT gives the granule,
 * `refcount` the references an RD or RTT holds, `owner` the RD that owns a non-RD
 * granule.
 */
#ifndef SMCSIM_RMM_MODEL_RMM_H
#define SMCSIM_RMM_MODEL_RMM_H

#include "emu/emu.h"
#include "rmm_model/spec.h"

/* DEN0137 1.0 B4.4 / TF-RMM granule_types.h: RMM granule states. */
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

/* DEN0137 1.0 B4.4.1 RmiStatusCode. x0 = (index << 8) | status. */
enum rmi_status {
	RMI_SUCCESS = 0,
	RMI_ERROR_INPUT = 1,
	RMI_ERROR_REALM = 2,
	RMI_ERROR_REC = 3,
	RMI_ERROR_RTT = 4,
	/* 1.1 (v1.x-aligned) and 2.0 additions (rmm.md 1.5); a spec's status_max bounds them. */
	RMI_ERROR_NOT_SUPPORTED = 5,
	RMI_ERROR_DEVICE = 6,
	RMI_ERROR_RTT_AUX = 7,
	RMI_ERROR_PSMMU_ST = 8,
	RMI_ERROR_DPT = 9,
	RMI_BUSY = 10,
	RMI_ERROR_GLOBAL = 11,
	RMI_ERROR_TRACKING = 12,
	RMI_INCOMPLETE = 13,
	RMI_BLOCKED = 14,
	RMI_ERROR_GPT = 15,
};

/* Parameter pages and RmiRecRun are little-endian 64-bit words at fixed offsets. */
static inline uint64_t rmm_rd64(const uint8_t *p, size_t off)
{
	uint64_t v = 0;
	for (int b = 0; b < 8; b++)
		v |= (uint64_t)p[off + (size_t)b] << (8 * b);
	return v;
}

static inline void rmm_wr64(uint8_t *p, size_t off, uint64_t v)
{
	for (int b = 0; b < 8; b++)
		p[off + (size_t)b] = (uint8_t)(v >> (8 * b));
}

static inline uint64_t rmi_ret(enum rmi_status status, unsigned int index)
{
	return ((uint64_t)(index & 0xff) << 8) | (uint64_t)status;
}

/* Realm states (DEN0137 1.0 A2.2.2). */
enum rmm_realm_state {
	RMM_REALM_NEW = 0,
	RMM_REALM_ACTIVE = 1,
	RMM_REALM_SYSTEM_OFF = 2,
	RMM_REALM_TERMINATED = 3, /* 2.0 REALM_TERMINATE (TF-RMM main REALM_ZOMBIE) */
};

/* RMI function IDs, DEN0137 1.0-rel0 (TF-RMM smc-rmi.h @rmm-spec-v1.0-rel0). */
#define RMI_FID(n)		      (0xC4000000u + (n))
#define RMI_DATA_CREATE_UNKNOWN_FID   RMI_FID(0x154)
#define RMI_DATA_DESTROY_FID	      RMI_FID(0x155)
#define RMI_RTT_INIT_RIPAS_FID	      RMI_FID(0x168)
#define RMI_VERSION_FID		      RMI_FID(0x150)
#define RMI_GRANULE_DELEGATE_FID      RMI_FID(0x151)
#define RMI_GRANULE_UNDELEGATE_FID    RMI_FID(0x152)
#define RMI_REALM_ACTIVATE_FID	      RMI_FID(0x157)
#define RMI_REALM_CREATE_FID	      RMI_FID(0x158)
#define RMI_REALM_DESTROY_FID	      RMI_FID(0x159)
#define RMI_REC_CREATE_FID	      RMI_FID(0x15A)
#define RMI_REC_DESTROY_FID	      RMI_FID(0x15B)
#define RMI_RTT_CREATE_FID	      RMI_FID(0x15D)
#define RMI_RTT_DESTROY_FID	      RMI_FID(0x15E)
#define RMI_RTT_READ_ENTRY_FID	      RMI_FID(0x161)
#define RMI_FEATURES_FID	      RMI_FID(0x165)
#define RMI_REC_AUX_COUNT_FID	      RMI_FID(0x167)
#define RMI_DATA_CREATE_FID	      RMI_FID(0x153)
#define RMI_REC_ENTER_FID	      RMI_FID(0x15C)
#define RMI_RTT_MAP_UNPROTECTED_FID   RMI_FID(0x15F)
#define RMI_RTT_UNMAP_UNPROTECTED_FID RMI_FID(0x162)
#define RMI_PSCI_COMPLETE_FID	      RMI_FID(0x164)
#define RMI_RTT_FOLD_FID	      RMI_FID(0x166)
#define RMI_RTT_SET_RIPAS_FID	      RMI_FID(0x169)

/* RSI function IDs (DEN0137 1.0 B5, unchanged in every later version). */
#define RSI_VERSION_FID		      RMI_FID(0x190)
#define RSI_FEATURES_FID	      RMI_FID(0x191)
#define RSI_MEASUREMENT_READ_FID      RMI_FID(0x192)
#define RSI_MEASUREMENT_EXTEND_FID    RMI_FID(0x193)
#define RSI_ATTEST_TOKEN_INIT_FID     RMI_FID(0x194)
#define RSI_ATTEST_TOKEN_CONTINUE_FID RMI_FID(0x195)
#define RSI_REALM_CONFIG_FID	      RMI_FID(0x196)
#define RSI_IPA_STATE_SET_FID	      RMI_FID(0x197)
#define RSI_IPA_STATE_GET_FID	      RMI_FID(0x198)
#define RSI_HOST_CALL_FID	      RMI_FID(0x199)

/* RsiCommandReturnCode (DEN0137 1.0 B5.4.1): plain values, no index packing. */
enum rsi_status {
	RSI_SUCCESS = 0,
	RSI_ERROR_INPUT = 1,
	RSI_ERROR_STATE = 2,
	RSI_INCOMPLETE = 3,
};

/* RIPAS values (DEN0137 1.0 A5.2.2). */
enum rmm_ripas {
	RMM_RIPAS_EMPTY = 0,
	RMM_RIPAS_RAM = 1,
	RMM_RIPAS_DESTROYED = 2,
};

/* RmiRecRun (DEN0137 1.0 B4.4.19/20): entry part at 0, exit part at 0x800. */
#define RMI_RUN_ENTRY_FLAGS	0x0
#define RMI_RUN_ENTRY_GPRS	0x200
#define RMI_RUN_ENTRY_GICV3_HCR 0x300
/* ICH_HCR_EL2 bits the host may set on entry: En 0, UIE 1, LRENPIE 2, NPIE 3, VGrp0EIE 4,
 * VGrp0DIE 5, VGrp1EIE 6, VGrp1DIE 7, TDIR 14. */
#define RMI_GICV3_HCR_HOST_BITS UINT64_C(0x40ff)
#define RMI_RUN_EXIT_REASON	0x800
#define RMI_RUN_EXIT_ESR	0x900
#define RMI_RUN_EXIT_FAR	0x908
#define RMI_RUN_EXIT_HPFAR	0x910
#define RMI_RUN_EXIT_GPRS	0xA00
#define RMI_RUN_EXIT_RIPAS_BASE 0xD00
#define RMI_RUN_EXIT_RIPAS_TOP	0xD08
#define RMI_RUN_EXIT_RIPAS_VAL	0xD10
#define RMI_RUN_EXIT_IMM	0xE00
#define RMI_RUN_GPRS		31
#define RMI_RUN_EXIT_PSCI_GPRS	4 /* PSCI exits carry x0..x3 of the realm's call */
/* Host calls exchange gprs[0..6] (TF-RMM rel0 RSI_HOST_CALL_NR_GPRS). */
#define RMI_RUN_HOST_CALL_GPRS 7

/* Entry flags. */
#define RMI_ENTRY_EMULATED_MMIO	 (1u << 0)
#define RMI_ENTRY_INJECT_SEA	 (1u << 1)
#define RMI_ENTRY_TRAP_WFI	 (1u << 2)
#define RMI_ENTRY_TRAP_WFE	 (1u << 3)
#define RMI_ENTRY_RIPAS_RESPONSE (1u << 4)

/* RmiRecExitReason. */
enum rmi_exit_reason {
	RMI_EXIT_SYNC = 0,
	RMI_EXIT_IRQ = 1,
	RMI_EXIT_FIQ = 2,
	RMI_EXIT_PSCI = 3,
	RMI_EXIT_RIPAS_CHANGE = 4,
	RMI_EXIT_HOST_CALL = 5,
	RMI_EXIT_SERROR = 6,
};

/* RmiRealmParams offsets (DEN0137 1.0 B4.4.16; all in one NS granule). */
#define RMI_REALM_PARAMS_FLAGS		 0x0
#define RMI_REALM_PARAMS_S2SZ		 0x8
#define RMI_REALM_PARAMS_SVE_VL		 0x10
#define RMI_REALM_PARAMS_NUM_BPS	 0x18
#define RMI_REALM_PARAMS_NUM_WPS	 0x20
#define RMI_REALM_PARAMS_PMU_NUM_CTRS	 0x28
#define RMI_REALM_PARAMS_HASH_ALGO	 0x30
#define RMI_REALM_PARAMS_RPV		 0x400
#define RMI_REALM_PARAMS_VMID		 0x800
#define RMI_REALM_PARAMS_RTT_BASE	 0x808
#define RMI_REALM_PARAMS_RTT_LEVEL_START 0x810
#define RMI_REALM_PARAMS_RTT_NUM_START	 0x818

/* RmiRecParams offsets (DEN0137 1.0 B4.4.18). */
#define RMI_REC_PARAMS_FLAGS   0x0
#define RMI_REC_PARAMS_MPIDR   0x100
#define RMI_REC_PARAMS_PC      0x200
#define RMI_REC_PARAMS_GPRS    0x300
#define RMI_REC_PARAMS_NUM_AUX 0x800
#define RMI_REC_PARAMS_AUX     0x808
#define RMI_REC_MAX_AUX	       16
#define RMI_REC_FLAG_RUNNABLE  (1u << 0)

#define RMI_REALM_FLAG_LPA2 (1u << 0)
#define RMI_REALM_FLAG_SVE  (1u << 1)
#define RMI_REALM_FLAG_PMU  (1u << 2)

/* RMI_FEATURES register 0, 1.0-rel0 layout (rmm.md 1.6). Other specs: rmm_feat(). */
#define RMI_FEAT0_S2SZ(r)	  ((r)&0xff)
#define RMI_FEAT0_LPA2(r)	  (((r) >> 8) & 1)
#define RMI_FEAT0_SVE_EN(r)	  (((r) >> 9) & 1)
#define RMI_FEAT0_SVE_VL(r)	  (((r) >> 10) & 0xf)
#define RMI_FEAT0_NUM_BPS(r)	  (((r) >> 14) & 0x3f)
#define RMI_FEAT0_NUM_WPS(r)	  (((r) >> 20) & 0x3f)
#define RMI_FEAT0_PMU_EN(r)	  (((r) >> 26) & 1)
#define RMI_FEAT0_PMU_NUM_CTRS(r) (((r) >> 27) & 0x1f)
#define RMI_FEAT0_SHA256(r)	  (((r) >> 32) & 1)
#define RMI_FEAT0_SHA512(r)	  (((r) >> 33) & 1)

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
	uint64_t mpidr;
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
	struct rmm_realm *realms;
	size_t nrealms, cap;
	struct rmm_rec *recs;
	size_t nrecs, rec_cap;
	int realm_program; /* enum rmm_program */
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
void rsi_handle(const struct rsi_env *env, const uint64_t *a, uint64_t *r, struct rsi_exit *ex);
extern const struct emu_service rmm_svc_rsi;

/* rmm_model/granule.c */
struct emu_granule *rmm_granule(struct rmm *r, uint64_t addr, enum rmm_granule_state want);
uint8_t *rmm_ns_page(struct rmm *r, uint64_t pa);
bool rmm_granule_range(struct rmm *r, uint64_t base, uint64_t n, enum rmm_granule_state want);
void rmm_granule_set(struct rmm *r, uint64_t addr, enum rmm_granule_state s, uint64_t owner);
void rmm_granule_release(struct rmm *r, uint64_t addr);

/* rmm_model/realm.c */
struct rmm_realm *rmm_realm_find(struct rmm *r, uint64_t rd);
struct rmm_realm *rmm_realm_of(struct rmm *r, uint64_t rd);
int rmm_realm_params_read(struct rmm *r, uint64_t params_ptr, struct rmm_realm_params *out);
bool rmm_realm_params_valid(const struct rmm *r, const struct rmm_realm_params *p);
bool rmm_vmid_free(const struct rmm *r, uint64_t vmid);
struct rmm_realm *rmm_realm_add(struct rmm *r, uint64_t rd, const struct rmm_realm_params *p);
void rmm_realm_remove(struct rmm *r, struct rmm_realm *realm);

/* rmm_model/rec.c */
void rmm_rec_create(struct emu_call *c);
void rmm_rec_destroy(struct emu_call *c);
struct rmm_rec *rmm_rec_find(struct rmm *r, uint64_t rec);
struct rmm_rec *rmm_rec_of(struct rmm *r, uint64_t rec);
void rmm_attest_reset(struct rmm_attest *a);

/* rmm_model/run.c */
void rmm_rec_enter(struct emu_call *c);
void rmm_psci_complete(struct emu_call *c);

/* rmm_model/rtt.c: the realm's view of its protected IPA space */
void *rmm_realm_ipa_ptr(struct rmm *r, const struct rmm_realm *realm, uint64_t ipa, size_t len);
/* RIPAS at @ipa and the end of the run of equal RIPAS before @end; false if not walkable */
bool rmm_realm_ripas_run(struct rmm *r, const struct rmm_realm *realm, uint64_t ipa, uint64_t end,
			 unsigned int *ripas, uint64_t *top);
void rmm_rtt_set_ripas(struct emu_call *c);
void rmm_rtt_fold(struct emu_call *c);
void rmm_rtt_map_unprotected(struct emu_call *c);
void rmm_rtt_unmap_unprotected(struct emu_call *c);
void rmm_data_create(struct emu_call *c);

/* rmm_model/rtt.c */
void rmm_rtt_create(struct emu_call *c);
void rmm_rtt_destroy(struct emu_call *c);
void rmm_rtt_read_entry(struct emu_call *c);
void rmm_rtt_init_ripas(struct emu_call *c);
void rmm_data_create_unknown(struct emu_call *c);
void rmm_data_destroy(struct emu_call *c);

extern const struct emu_service rmm_svc_rmi;

#endif
