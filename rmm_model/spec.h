/* SPDX-License-Identifier: MIT */
/*
 * RMI spec profiles: there are several incompatible RMI ABIs in the wild (TF-RMM tags
 * rmm-spec-v1.0-eac5 and rmm-spec-v1.0-rel0, branch rmm-spec-v1.x-aligned, and main, which
 * follows DEN0137 2.0-bet2; the Linux host series of each era), and a profile's "spec" key
 * picks one. A spec decides the supported versions and the VERSION reply rule, the
 * RMI_FEATURES register layouts, which rows of the one rmi_fns[] table exist (the rows'
 * .specs), the status-code set, and whether the 2.0 global state (INIT -> ACTIVE) gates the
 * calls (the rows' .gate). Tables in spec.c; 2.0 rules sit in the per-object files as checks
 * on the spec's flags.
 */
#ifndef SMCSIM_RMM_MODEL_SPEC_H
#define SMCSIM_RMM_MODEL_SPEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

#include "smcsim/smcsim.h"

struct rmm;
struct emu_call;

enum rmm_spec_id {
	RMM_SPEC_1_0_REL0 = 0, /* TF-RMM rmm-spec-v1.0-rel0 (the default) */
	RMM_SPEC_1_0_EAC5 = 1, /* TF-RMM rmm-spec-v1.0-eac5: another reg0 layout */
	RMM_SPEC_1_1 = 2,      /* TF-RMM rmm-spec-v1.x-aligned with RMM_V1_1 */
	RMM_SPEC_2_0 = 3,      /* TF-RMM main (DEN0137 2.0-bet2) */
	RMM_SPEC_2_0_1_0 = 4,  /* 2.0 plus the leftover 1.0 calls current Linux hosts use */
	RMM_SPEC_COUNT
};

/* A row's .specs bits (struct emu_fn): the specs that have the command; 0 = every spec. */
#define RMM_SPEC_BIT(id) (1u << (id))
#define RMM_SPECS_1X                                                                               \
	(RMM_SPEC_BIT(RMM_SPEC_1_0_REL0) | RMM_SPEC_BIT(RMM_SPEC_1_0_EAC5) |                       \
	 RMM_SPEC_BIT(RMM_SPEC_1_1))
#define RMM_SPECS_2X (RMM_SPEC_BIT(RMM_SPEC_2_0) | RMM_SPEC_BIT(RMM_SPEC_2_0_1_0))

enum rmm_spec_flags {
	/* TF-RMM main runtime/core/handler.c: the RMM starts in INIT; RMM_CONFIG_SET and
	 * RMM_ACTIVATE move it to ACTIVE. */
	RMM_SPEC_GLOBAL_STATE = 1u << 0,
	/* DEN0137 2.0-bet2 RmiRealmParams has no vmid (TF-RMM main smc-rmi.h): the RMM
	 * allocates one. */
	RMM_SPEC_VMID_ALLOC = 1u << 1,
	/* 2.0: REALM_DESTROY needs a REALM_TERMINATE first (TF-RMM main realm tests). */
	RMM_SPEC_TERMINATE = 1u << 2,
};

enum rmm_version_rule {
	/* TF-RMM runtime/rmi/system.c @rel0: x1 = x2 = the one version, success iff equal. */
	RMM_VERSION_FIXED = 0,
	/* TF-RMM runtime/rmi/version.c @v1.x-aligned/main: success echoes the request in x1;
	 * unsupported gives ERROR_INPUT with x1 = highest; x2 = highest always. */
	RMM_VERSION_ECHO = 1,
};

/* Named RMI_FEATURES fields; where each lives is the spec's layout (spec.c, after TF-RMM
 * smc-rmi.h RMI_FEATURE_REGISTER_*_SHIFT/WIDTH at each tag). */
enum rmm_feat_field {
	RMM_FEAT_S2SZ,
	RMM_FEAT_LPA2,
	RMM_FEAT_SVE_EN,
	RMM_FEAT_SVE_VL,
	RMM_FEAT_NUM_BPS,
	RMM_FEAT_NUM_WPS,
	RMM_FEAT_PMU_EN,
	RMM_FEAT_PMU_NUM_CTRS,
	RMM_FEAT_HASH_SHA_256,
	RMM_FEAT_HASH_SHA_512,
	RMM_FEAT_HASH_SHA_384,
	RMM_FEAT_GICV3_NUM_LRS,
	RMM_FEAT_MAX_RECS_ORDER,
	RMM_FEAT_DA_EN,
	RMM_FEAT_RTT_PLANE,
	RMM_FEAT_MAX_NUM_AUX_PLANES,
	RMM_FEAT_RTT_S2AP_INDIRECT,
	RMM_FEAT_MAX_MECID,
	RMM_FEAT_GRAN_SZ_4K,
	RMM_FEAT_GRAN_SZ_16K,
	RMM_FEAT_GRAN_SZ_64K,
	RMM_FEAT_L0GPTSZ,
	RMM_FEAT_PPS,
	RMM_FEAT_DA_COH,
	RMM_FEAT_VSMMU,
	RMM_FEAT_ATS,
	RMM_FEAT_MAX_VDEVS_ORDER,
	RMM_FEAT_VDEV_KROU,
	RMM_FEAT_NON_TEE_STREAM,
	RMM_FEAT_MEC_COUNT,
	RMM_FEAT_COUNT
};

/* Where a field lives: register index, lowest bit, width. Width 0: not in this spec. */
struct rmm_feat_pos {
	uint8_t reg, shift, width;
};

#define RMM_FEAT_NREGS 5 /* 2.0 defines registers 0..4 */

struct rmm_spec {
	const char *name; /* the profile's "spec" value */
	uint32_t flags;	  /* enum rmm_spec_flags */
	enum rmm_version_rule rule;
	const uint32_t *versions; /* supported RMI ABI versions, ascending */
	size_t nversions;
	uint8_t status_max;		       /* highest RmiStatusCode defined (abi/rmi.h) */
	unsigned int nregs;		       /* FEATURES registers defined; others read 0 */
	const struct rmm_feat_pos *layout;     /* [RMM_FEAT_COUNT] */
	uint64_t feat_default[RMM_FEAT_NREGS]; /* the TF-RMM fake_host observations */
};

extern const struct rmm_spec rmm_specs[RMM_SPEC_COUNT];
/* The specs' names, NULL-terminated, in enum rmm_spec_id order (for emu_cfg_enum). */
extern const char *const rmm_spec_names[];

/* The highest version @s supports (x2 of every VERSION reply). */
uint32_t rmm_spec_highest(const struct rmm_spec *s);
/* Field @f decoded from the instance's FEATURES registers through its spec's layout. */
uint64_t rmm_feat(const struct rmm *r, enum rmm_feat_field f);
/* The bits of register @reg that some field of @s's layout defines (the rest are RES0). */
uint64_t rmm_feat_defined(const struct rmm_spec *s, unsigned int reg);
/* FEATURES register @index as this instance reports it. */
uint64_t rmm_feat_reg(const struct rmm *r, uint64_t index);
/* Read the spec-dependent profile keys (features0..4, activate_granules, range_limit) of
 * @cfg into @r, whose spec is set. 0 or -EINVAL with the path in @err. */
int rmm_spec_configure(struct rmm *r, json_t *cfg, const char *path, struct smcsim_error *err);
/* RMI_VERSION reply for @req under the instance's spec: x0..x2 into c->r. */
void rmm_spec_version(const struct rmm *r, uint64_t req, struct emu_call *c);

/* ---- 2.0: global state, SROs (rmi.c) ----------------------------------------------- */

/* A row's .gate (struct emu_fn): the global states the command runs in under a spec with
 * RMM_SPEC_GLOBAL_STATE (TF-RMM main runtime/core/handler.c); others answer ERROR_GLOBAL. */
enum rmm_gate {
	RMM_GATE_ACTIVE = 0, /* the default: ACTIVE only */
	RMM_GATE_INIT = 1,   /* INIT only */
	RMM_GATE_ANY = 2,    /* every state */
	/* ACTIVE, or INTERMEDIATE for the SRO of the model's activation ("activate_granules"):
	 * the OP_* commands (TF-RMM main gates them on ACTIVE). */
	RMM_GATE_SRO = 3,
};

/* RMM global state (TF-RMM main glob_data: INIT, INTERMEDIATE while activating, ACTIVE). */
enum rmm_global_state {
	RMM_GLOBAL_INIT = 0,
	RMM_GLOBAL_INTERMEDIATE = 1,
	RMM_GLOBAL_ACTIVE = 2,
};

/* The one SRO in flight (the model serialises them: one handle at a time). */
struct rmm_sro {
	bool live;
	uint32_t fid;	 /* the command that started it */
	uint64_t handle; /* what x1 carried to the host */
	uint32_t want;	 /* granules the command needs in all */
	uint32_t got;	 /* granules donated so far */
};

struct rmm_v2 {
	uint8_t state;					 /* enum rmm_global_state */
	uint64_t tracking_region_size, rmi_granule_size; /* RmiRmmConfig (always 0, 0) */
	uint32_t activate_granules; /* profile: granules RMM_ACTIVATE asks the host to donate */
	uint32_t range_limit;	    /* profile: granules per GRANULE_RANGE_* call; 0 = no cap */
	uint64_t next_handle;
	struct rmm_sro sro;
	uint64_t *owned; /* granules donated to the RMM (INTERNAL) */
	size_t nowned, owned_cap;
};

#endif
