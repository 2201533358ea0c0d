/* SPDX-License-Identifier: MIT */
/*
 * Private interface of the emulator core, shared by every model (emu/ services,
 * rmm_model/, ffa_model/, pkvm_model/). Not installed.
 *
 * Shape of a machine:
 *   callers (host, guest, realm...) --conduit--> a stack of layers (pkvm -> el3, kvm...)
 *   each layer hosts service instances (arch, psci, trng, kvm, rmi, ffa...)
 *   each service has one const table of functions (struct emu_fn: ID, spec name,
 *   since-version, handler, arity, FEATURES answer)
 *   the services a machine can host come from a registry it is given (lib/ lists them)
 *
 * At creation the machine resolves, for every caller and every position in its stack,
 * which layer and service instance handles each known function ID, into a radix table
 * indexed by the ID: a call is then a handful of loads and one indirect call.
 */
#ifndef SMCSIM_EMU_H
#define SMCSIM_EMU_H

#include <stdbool.h>
#include <stdint.h>
#include <jansson.h>

#include "abi/smccc.h"
#include "smcsim/smcsim.h"

#define EMU_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define EMU_UNUSED	  __attribute__((unused))
#define EMU_LIKELY(x)	  __builtin_expect(!!(x), 1)
#define EMU_UNLIKELY(x)	  __builtin_expect(!!(x), 0)

/* Sign-extend a negative 32-bit status the way TF-A returns an int in x0. */
static inline uint64_t emu_status(int32_t s)
{
	return (uint64_t)(int64_t)s;
}

/* ---- calls ------------------------------------------------------------------------- */

struct smcsim;
struct emu_layer;
struct emu_fn;

/* The CPU view shared by every model. */
struct emu_cpu {
	uint64_t mpidr;
	uint8_t state; /* enum smcsim_cpu_state */
	uint64_t x[31];
	uint64_t pc;
};

/*
 * One call in flight. Handlers read arguments from a[1..17] (already truncated to
 * 32 bits for SMC32 calls), write results to r[0..], and set nres. Registers past nres
 * are preserved, as TF-A's SMC_RETn leaves them.
 */
struct emu_call {
	struct smcsim *sim;
	struct emu_layer *layer; /* layer that owns the handling instance */
	void *state;		 /* the handling service instance's state */
	const struct emu_fn *fn; /* the table row being executed */
	struct emu_cpu *cpu;
	unsigned int cpu_index;
	int caller;
	int depth; /* position of layer in the caller's stack */
	enum smcsim_conduit conduit;
	uint32_t fid;	   /* w0 with the SVE hint masked */
	const uint64_t *a; /* the arguments as the callee sees them (W view for SMC32) */
	const uint64_t *x; /* the caller's registers as issued, all 64 bits */
	uint64_t r[SMCSIM_NREGS];
	unsigned int nres;
	int exit; /* enum smcsim_exit */
};

typedef void (*emu_handler_fn)(struct emu_call *c);

static inline void emu_ret1(struct emu_call *c, uint64_t r0)
{
	c->r[0] = r0;
	c->nres = 1;
}

static inline void emu_ret2(struct emu_call *c, uint64_t r0, uint64_t r1)
{
	c->r[0] = r0;
	c->r[1] = r1;
	c->nres = 2;
}

static inline void emu_ret3(struct emu_call *c, uint64_t r0, uint64_t r1, uint64_t r2)
{
	c->r[0] = r0;
	c->r[1] = r1;
	c->r[2] = r2;
	c->nres = 3;
}

static inline void emu_ret4(struct emu_call *c, uint64_t r0, uint64_t r1, uint64_t r2, uint64_t r3)
{
	c->r[0] = r0;
	c->r[1] = r1;
	c->r[2] = r2;
	c->r[3] = r3;
	c->nres = 4;
}

/* ---- function tables ---------------------------------------------------------------- */

enum emu_fn_flags {
	/* Present only when the instance's implements() hook says so (optional calls). */
	EMU_FN_OPTIONAL = 1u << 0,
};

/*
 * One row of a service's function table: the only description of a command. Dispatch,
 * *_FEATURES answers, spec membership, state gating, decoding and names all read it.
 * Write rows with EMU_FN_ROW() so the name is the ID macro's own spelling.
 */
struct emu_fn {
	uint32_t fid;
	uint32_t since; /* service version that introduced it (major<<16|minor); 0 = always */
	uint32_t flags; /* enum emu_fn_flags */
	const char *name;
	emu_handler_fn handler;
	uint8_t nargs;	   /* argument registers read: x1..x<nargs> */
	uint8_t nres;	   /* result registers written at most: x0..x<nres - 1> */
	uint8_t gate;	   /* service-defined: the state a call needs (e.g. RMI 2.0 global state) */
	uint32_t specs;	   /* service-defined: spec-profile bits the row belongs to; 0 = all */
	uint64_t features; /* service-defined: what the service's *_FEATURES reports for it */
};

/*
 * A table row named after its ID macro: EMU_FN_ROW(PSCI_VERSION, .nres = 1, .handler = h)
 * sets .fid = PSCI_VERSION_FID and .name = "PSCI_VERSION", so a name cannot drift from its
 * ID. The ID macros live in abi/.
 */
#define EMU_FN_ROW(id, ...)                                                                        \
	{                                                                                          \
		.fid = id##_FID, .name = #id, __VA_ARGS__                                          \
	}

/*
 * The number of IDs in an abi/ list macro (PSCI_FUNCTIONS etc.), for a table's
 * completeness check:
 *   _Static_assert(EMU_ARRAY_SIZE(psci_fns) == EMU_FN_COUNT(PSCI_FUNCTIONS), "...");
 * With rows unique by ID (checked by the unit tests), equal counts mean every listed
 * function has its row.
 */
#define EMU_FN_COUNT_ONE(id) +1
#define EMU_FN_COUNT(list)   (0 list(EMU_FN_COUNT_ONE))

struct emu_service {
	const char *name;  /* key in a layer's "services" object, e.g. "psci" */
	const char *title; /* "PSCI (DEN0022)" */
	const struct emu_fn *fns;
	size_t nfns;
	/* A proxy: its rows repeat another service's IDs (and names), so they are skipped for
	 * names, decoding and route building; a layer hosting it takes every call whose ID
	 * has a row here, and runs that row. */
	bool alias;
	/*
	 * Build an instance from its profile section @cfg (a JSON object, never NULL) whose
	 * JSON path is @path. Unknown keys and bad values fail with -EINVAL and a message in
	 * @err that names the path.
	 */
	int (*create)(struct smcsim *sim, struct emu_layer *layer, json_t *cfg, const char *path,
		      void **state, struct smcsim_error *err);
	void (*destroy)(void *state);
	/* Back to the boot state (machine reset). */
	void (*reset)(void *state);
	/* Version of the service this instance implements, for the rows' `since`. NULL: 0. */
	uint32_t (*version)(const void *state);
	/* Whether the instance implements @fn beyond the `since` rule (profile options,
	 * EMU_FN_OPTIONAL rows). NULL: every row passing `since` that is not optional. */
	bool (*implements)(const void *state, const struct emu_fn *fn);
	/* Proxies: the handler to run for @fn instead of fn->handler. */
	emu_handler_fn (*handler_of)(const void *state, const struct emu_fn *fn);
	/* A named model event; -ENOENT if the event is not this service's. */
	int (*event)(void *state, struct smcsim *sim, const char *name, json_t *args,
		     struct smcsim_error *err);
	/* Once the whole machine is built (all layers exist), e.g. to find a peer. */
	int (*attach)(void *state, struct smcsim *sim, struct smcsim_error *err);
	/*
	 * An ID range the service answers in full, as firmware that owns a whole range does
	 * (an RMM answers every RMI ID, its own SMC_UNKNOWN included): a call to an ID in
	 * [claim_base, claim_base + claim_nr) that no row of any service routes, once it
	 * reaches a layer hosting the service, runs row @claim. Claimed IDs are not
	 * "implemented": *_FEATURES queries still report them absent. NULL: no claim.
	 */
	const struct emu_fn *claim;
	uint32_t claim_base, claim_nr;
	uint32_t claim_base2, claim_nr2; /* a second range, same row (SMC32 and SMC64 IDs) */
};

/*
 * The services a machine can be built from, in decode order. The core knows no model:
 * the library's top (lib/registry.c) lists every service and hands the list to machine
 * creation and to the lookups below.
 */
struct emu_registry {
	const struct emu_service *const *svcs;
	size_t n;
};

/*
 * The row with ID @fid (SVE hint masked) in any of @reg's tables, or NULL. A linear scan
 * over every row: these lookups serve parsing, naming and decoding, never the call path.
 */
const struct emu_fn *emu_fn_find(const struct emu_registry *reg, uint32_t fid,
				 const struct emu_service **svc);
const struct emu_fn *emu_fn_find_name(const struct emu_registry *reg, const char *name,
				      const struct emu_service **svc);
/* Up to @max names close to @name (typo, case, a missing suffix), closest first. */
size_t emu_fn_suggest(const struct emu_registry *reg, const char *name, const char **out,
		      size_t max);
const struct emu_service *emu_service_find(const struct emu_registry *reg, const char *name);
/* The registry @sim was built from. */
const struct emu_registry *emu_registry_of(const struct smcsim *sim);
/* smcsim_fid_decode() over @reg. */
int emu_fid_decode(const struct emu_registry *reg, uint32_t fid, struct smcsim_fid_info *info);
/* smcsim_create() with the services of @reg. */
int emu_machine_create(const struct emu_registry *reg, const struct smcsim_profile *p,
		       struct smcsim **out, struct smcsim_error *err);
/* smcsim_trace_load() / smcsim_trace_parse(), function-ID names looked up in @reg. */
int emu_trace_load(const struct emu_registry *reg, const char *path, struct smcsim_trace **out,
		   struct smcsim_error *err);
int emu_trace_parse(const struct emu_registry *reg, const char *text, size_t len, const char *name,
		    struct smcsim_trace **out, struct smcsim_error *err);

/* ---- layers, routes ----------------------------------------------------------------- */

enum emu_route_action {
	EMU_ROUTE_NONE = 0,   /* not implemented on this path: NOT_SUPPORTED */
	EMU_ROUTE_HANDLE = 1, /* run handler */
	EMU_ROUTE_DENY = 2,   /* KVM filter DENY: NOT_SUPPORTED */
	EMU_ROUTE_USER = 3,   /* KVM filter FWD_TO_USER */
};

struct emu_instance {
	const struct emu_service *svc;
	void *state;
};

struct emu_filter {
	uint32_t base;
	uint32_t nr;
	uint8_t action; /* enum smcsim_filter_action */
};

struct emu_layer {
	char *name;
	struct emu_instance *inst;
	size_t ninst;
	bool forward;		    /* calls it does not implement go to the next layer down */
	struct emu_filter *filters; /* sorted by base, non-overlapping */
	size_t nfilters;
	bool frozen; /* a call went through: filters can no longer change (KVM -EBUSY) */
};

/* Instance of service @name hosted on @layer, or NULL. */
void *emu_layer_service(struct emu_layer *layer, const char *name);
/* Layer by name, or NULL. */
struct emu_layer *emu_layer_find(struct smcsim *sim, const char *name);
/* The layer below @layer in caller @caller's stack (NULL at the bottom). */
struct emu_layer *emu_layer_below(struct smcsim *sim, int caller, int depth);

/*
 * Forward the current call to the next layer down the caller's stack, as if the
 * current layer did not own it (pKVM proxy passing a call to EL3). The results land
 * in c->r / c->nres / c->exit.
 */
void emu_call_forward(struct emu_call *c);
/*
 * Issue a call from inside a layer to the layer below it (a proxy talking to the SPMC on
 * its own behalf): @regs in, results out. Returns enum smcsim_exit.
 */
int emu_call_below(struct smcsim *sim, int caller, int depth, unsigned int cpu,
		   struct smcsim_regs *regs);

/*
 * What the function @fid would do if it arrived at depth @depth of caller @caller:
 * true and the row + instance if some layer implements it on that path. Used by
 * ARCH_FEATURES/PSCI_FEATURES-style queries.
 */
bool emu_route_query(struct smcsim *sim, int caller, int depth, uint32_t fid,
		     const struct emu_fn **fn, struct emu_instance *inst);

/* ---- machine accessors for models --------------------------------------------------- */

unsigned int emu_cpu_count(const struct smcsim *sim);
struct emu_cpu *emu_cpu(struct smcsim *sim, unsigned int index);
/* CPU index with this MPIDR affinity value (Aff3..Aff0), or -1. */
int emu_cpu_by_mpidr(const struct smcsim *sim, uint64_t mpidr);
/* The embedding program's realm code (smcsim_set_realm_handler), or NULL. */
smcsim_realm_fn emu_realm_handler(struct smcsim *sim, void **opaque);
/* Machine-wide power state set by SYSTEM_OFF/RESET. */
void emu_machine_power(struct smcsim *sim, int exit_code);

/* ---- physical memory ---------------------------------------------------------------- */

#define EMU_GRANULE_SHIFT 12
#define EMU_GRANULE_SIZE  (UINT64_C(1) << EMU_GRANULE_SHIFT)

enum emu_pas {
	EMU_PAS_NS = 0,
	EMU_PAS_SECURE = 1,
	EMU_PAS_REALM = 2,
	EMU_PAS_ROOT = 3,
};

/*
 * Per-4 KiB-granule metadata the core owns: the physical address space the granule check
 * (GPT, Arm DDI 0615 RME) gives the granule. Models read and write it (delegation moves a
 * granule between PASes); whatever else a model tracks per granule lives in a slot of its
 * own (emu_gstate_reserve below).
 */
struct emu_granule {
	uint8_t pas; /* enum emu_pas: the physical address space (GPT) */
};

/*
 * Per-granule state of the models. A model reserves a slot of @size bytes per granule
 * once, from its service's create() hook, under an @owner key of its own (its service
 * descriptor), and reaches a granule's state with emu_gstate(). The core zeroes every
 * slot at machine reset and frees it with the machine; it never reads what is in it. A
 * second reservation by the same owner with the same size returns the same slot.
 * Returns the slot (>= 0), -EINVAL, -ENOSPC past EMU_GSTATE_SLOTS, or -ENOMEM.
 */
#define EMU_GSTATE_SLOTS 4
#define EMU_GSTATE_MAX	 64 /* bytes per granule a slot may hold */
int emu_gstate_reserve(struct smcsim *sim, const void *owner, size_t size);
/* The slot @owner reserved, or -ENOENT. */
int emu_gstate_slot(const struct smcsim *sim, const void *owner);
/* State of @slot for the granule containing @pa, or NULL outside memory or a bad slot. */
void *emu_gstate(struct smcsim *sim, int slot, uint64_t pa);

/* Pointer to @len bytes at @pa if the whole range is inside one region, else NULL. */
void *emu_mem_ptr(struct smcsim *sim, uint64_t pa, uint64_t len);
/* Limits on what a profile may declare (emu/memory.c states the metadata budget). */
/* The resource budget (emu/limits.c): defaults, raised with $SMCSIM_LIMITS. */
enum emu_limit_kind { EMU_LIMIT_REGIONS, EMU_LIMIT_MEMORY, EMU_LIMIT_CPUS, EMU_LIMIT_STEPS };
/* The limit in force; 0, or -EINVAL with *@why when SMCSIM_LIMITS is malformed. */
int emu_limit(enum emu_limit_kind kind, uint64_t *out, const char **why);
/* Granules per metadata chunk: metadata is allocated 2 MiB of memory at a time. */
#define EMU_META_CHUNK 512

/* Metadata of the granule containing @pa, or NULL outside memory (or, never in practice,
 * when its 2 MiB metadata chunk cannot be allocated). */
struct emu_granule *emu_granule(struct smcsim *sim, uint64_t pa);
/* Whether [pa, pa+len) lies inside simulated memory (any region). */
bool emu_mem_valid(const struct smcsim *sim, uint64_t pa, uint64_t len);
/* Iterate regions: returns false past the end. */
bool emu_mem_region(const struct smcsim *sim, size_t i, uint64_t *base, uint64_t *size);

/* ---- profile configuration readers ---------------------------------------------------- */

/*
 * Strict readers for profile sections. @path is the JSON path of @obj. Each returns 0,
 * or -EINVAL with "PATH/key: what was wrong" in @err. A missing key leaves *out = def.
 * Numbers are read by emu_parse_u64(); only emu_cfg_fid() also takes function-ID names.
 */
int emu_cfg_keys(json_t *obj, const char *path, const char *const *allowed,
		 struct smcsim_error *err);
int emu_cfg_u64(json_t *obj, const char *key, const char *path, uint64_t def, uint64_t *out,
		struct smcsim_error *err);
int emu_cfg_u32(json_t *obj, const char *key, const char *path, uint32_t def, uint32_t *out,
		struct smcsim_error *err);
/* A 32-bit function ID: a number or a name from @reg's tables. */
int emu_cfg_fid(const struct emu_registry *reg, json_t *obj, const char *key, const char *path,
		uint32_t def, uint32_t *out, struct smcsim_error *err);
int emu_cfg_s64(json_t *obj, const char *key, const char *path, int64_t def, int64_t *out,
		struct smcsim_error *err);
int emu_cfg_bool(json_t *obj, const char *key, const char *path, bool def, bool *out,
		 struct smcsim_error *err);
/* Returns a pointer into @obj (valid while the profile lives), or @def. */
int emu_cfg_str(json_t *obj, const char *key, const char *path, const char *def, const char **out,
		struct smcsim_error *err);
/* A version "MAJOR.MINOR" (or an integer major<<16|minor); null or "absent" gives 0. */
int emu_cfg_version(json_t *obj, const char *key, const char *path, uint32_t def, uint32_t *out,
		    struct smcsim_error *err);
/* A UUID string "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" into 16 bytes in string order. */
int emu_cfg_uuid(json_t *obj, const char *key, const char *path, const uint8_t def[16],
		 uint8_t out[16], struct smcsim_error *err);
/* One of @choices (NULL-terminated); *out = index. */
int emu_cfg_enum(json_t *obj, const char *key, const char *path, const char *const *choices,
		 int def, int *out, struct smcsim_error *err);
/* An object member that must be an object (NULL when absent). */
int emu_cfg_object(json_t *obj, const char *key, const char *path, json_t **out,
		   struct smcsim_error *err);

/*
 * The one value parser, behind fixtures, profiles, smcsim_value_parse() and the tools:
 * "0x..." hex, decimal (a leading 0 is still decimal: never octal), an optional leading
 * '-' for two's complement, or, when @reg is not NULL, a function-ID name from @reg's
 * tables. Returns 0 or -EINVAL with a reason in *why.
 */
int emu_value_parse(const struct emu_registry *reg, const char *s, uint64_t *out, const char **why);
/* A JSON register value: a JSON integer (negative = two's complement) or a string as
 * emu_value_parse() reads it, names looked up in @reg. */
int emu_parse_value(const struct emu_registry *reg, json_t *v, uint64_t *out, const char **why);
/* emu_parse_value() without names: addresses, sizes and counts in profiles. */
int emu_parse_u64(json_t *v, uint64_t *out, const char **why);
int emu_parse_uuid(const char *s, uint8_t out[16]);
/* Pack a UUID into w0..w3 as SMCCC Call UID does (each word little-endian). */
void emu_uuid_to_regs(const uint8_t uuid[16], uint64_t out[4]);

/* Format an error into @err (no-op when @err is NULL). Returns -EINVAL for chaining. */
int emu_err(struct smcsim_error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ---- deterministic randomness ------------------------------------------------------- */

/* SplitMix64: small, fast, reproducible across platforms. */
static inline uint64_t emu_rand_next(uint64_t *state)
{
	uint64_t z = (*state += UINT64_C(0x9e3779b97f4a7c15));
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

#endif /* SMCSIM_EMU_H */
