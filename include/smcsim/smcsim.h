/* SPDX-License-Identifier: MIT */
/*
 * libsmcsim: a userspace SMCCC firmware emulator.
 *
 * A `struct smcsim` is one simulated machine: CPUs, physical memory, and the firmware
 * layers (EL3, a hypervisor, an RMM, an SPMC...) that answer SMC/HVC calls issued by
 * *callers* (host, guest, realm...). Everything hangs off the instance, so any number of
 * machines can live in one process.
 *
 * Conventions:
 *  - Functions return 0 or a positive value on success and a negative errno on failure
 *    (smcsim_strerror() describes it). Spec status codes travel only in registers.
 *  - Functions that parse input take an optional struct smcsim_error, filled on failure
 *    with a message that names the file and line:column, or the JSON path, at fault.
 *  - create/destroy pairs: destroy(NULL) is a no-op.
 *
 * Threads. The library keeps no writable global state (a test reads the built library's
 * data sections to keep it so); all state lives in the objects the caller holds:
 *  - Distinct machines, profiles and traces may be used at the same time from distinct
 *    threads, without locking.
 *  - One machine is single-threaded: the caller serialises every call that takes a given
 *    struct smcsim, the const accessors and smcsim_trace_replay_on() included, and
 *    accesses through smcsim_mem_map() pointers. A machine may move to another thread
 *    between calls. The callbacks a call makes (smcsim_user_fn,
 *    smcsim_realm_fn, smcsim_mismatch_fn) run on the thread that made it.
 *  - A loaded struct smcsim_profile or parsed struct smcsim_trace may be shared by any
 *    number of threads while none modifies or destroys it: smcsim_create(),
 *    smcsim_profile_name(), smcsim_profile_dump(), the smcsim_trace_* accessors,
 *    smcsim_trace_step(), smcsim_trace_replay() and smcsim_trace_replay_on() (each
 *    thread with its own machine) only read it. smcsim_profile_patch() and the destroy
 *    functions need it to themselves.
 *  - Functions that take none of these objects (smcsim_strerror(), smcsim_version(),
 *    smcsim_exit_name(), smcsim_profile_builtin(), smcsim_fid_*(), smcsim_value_parse(),
 *    and the load/parse/create_named functions that make new objects) may be called from
 *    any thread at any time. Strings returned are static or owned by the object queried.
 *  This relies on jansson being thread-safe (built with atomic builtins, as distributions
 *  build it; the library refuses to build otherwise).
 */
#ifndef SMCSIM_SMCSIM_H
#define SMCSIM_SMCSIM_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The version of this header, for compile-time checks. The library's own version at run
 * time is smcsim_version(). Exported symbols carry the version node of the release that
 * introduced them (SMCSIM_0.1, ...), so a program linked against a newer library than it
 * was built for keeps the symbols it used.
 */
#define SMCSIM_VERSION_MAJOR 0
#define SMCSIM_VERSION_MINOR 1
#define SMCSIM_VERSION_MICRO 0
/** One number per version, ordered as the versions are: 0.1.0 is 0x000100. */
#define SMCSIM_VERSION_ENCODE(major, minor, micro) (((major) << 16) | ((minor) << 8) | (micro))
#define SMCSIM_VERSION_NUMBER                                                                      \
	SMCSIM_VERSION_ENCODE(SMCSIM_VERSION_MAJOR, SMCSIM_VERSION_MINOR, SMCSIM_VERSION_MICRO)
/** True when this header is version @major.@minor.@micro or later. */
#define SMCSIM_CHECK_VERSION(major, minor, micro)                                                  \
	(SMCSIM_VERSION_NUMBER >= SMCSIM_VERSION_ENCODE(major, minor, micro))

#if defined(__GNUC__)
#define SMCSIM_EXPORT __attribute__((visibility("default")))
#else
#define SMCSIM_EXPORT
#endif

/** Number of registers in an SMCCC call window (x0..x17, SMCCC 1.2). */
#define SMCSIM_NREGS 18

/** The SMCCC register window of one call: x0 = function ID, x1..x17 arguments/results. */
struct smcsim_regs {
	uint64_t x[SMCSIM_NREGS];
};

/**
 * A diagnostic filled by parsing functions on failure. Its size is fixed for good: a
 * NUL-terminated sentence and nothing else, so callers may keep it on the stack; any
 * structured diagnostic added later comes through new functions, not new members.
 */
struct smcsim_error {
	char text[512];
};

/** The instruction a caller uses to reach firmware. */
enum smcsim_conduit {
	SMCSIM_CONDUIT_DEFAULT = 0, /**< the caller's default from the profile */
	SMCSIM_CONDUIT_SMC = 1,
	SMCSIM_CONDUIT_HVC = 2,
};

/**
 * How a call ended. A call either returns to its caller (results in the register
 * window) or leaves it by another way, as real firmware does.
 */
enum smcsim_exit {
	SMCSIM_EXIT_RETURN = 0,	      /**< returned: results in the registers */
	SMCSIM_EXIT_USER = 1,	      /**< forwarded to the embedding program (KVM FWD_TO_USER)
				       *   and no handler was installed: registers untouched */
	SMCSIM_EXIT_CPU_OFF = 2,      /**< the calling CPU powered off (PSCI CPU_OFF) */
	SMCSIM_EXIT_RESUME = 3,	      /**< the CPU went through a powerdown state and resumed at
				       *   its entry point: x0 = context ID (PSCI suspend) */
	SMCSIM_EXIT_SYSTEM_OFF = 4,   /**< the machine powered off */
	SMCSIM_EXIT_SYSTEM_RESET = 5, /**< the machine reset (state back to boot) */
};

struct smcsim;
struct smcsim_profile;
struct smcsim_trace;

/* ---- errors and version ------------------------------------------------------------- */

/** A static description of a negative errno returned by this library. */
SMCSIM_EXPORT const char *smcsim_strerror(int err);
/** The library version, "MAJOR.MINOR.PATCH". */
SMCSIM_EXPORT const char *smcsim_version(void);
/** Name of an exit code ("return", "cpu_off", ...), or NULL if out of range. */
SMCSIM_EXPORT const char *smcsim_exit_name(int exit_code);

/* ---- profiles ----------------------------------------------------------------------- */

/** Name of the i-th built-in profile, or NULL past the end. Index 0 is the default. */
SMCSIM_EXPORT const char *smcsim_profile_builtin(size_t i);

/**
 * Load a profile: a built-in name ("tfa-host"), or a path to a JSON profile file (any
 * argument containing '/' or ending in ".json"). NULL loads the default profile.
 * Returns 0, -ENOENT (no such profile), -EINVAL (malformed; see @err).
 */
SMCSIM_EXPORT int smcsim_profile_load(const char *name_or_path, struct smcsim_profile **out,
				      struct smcsim_error *err);

/**
 * Apply a JSON object to a profile as a merge patch (RFC 7386: objects merge, null
 * deletes, anything else replaces). The result is validated when a machine is created.
 */
SMCSIM_EXPORT int smcsim_profile_patch(struct smcsim_profile *p, const char *json,
				       struct smcsim_error *err);

/** The profile's name. */
SMCSIM_EXPORT const char *smcsim_profile_name(const struct smcsim_profile *p);

/** The profile, fully expanded, as pretty-printed JSON (caller frees with free()). */
SMCSIM_EXPORT char *smcsim_profile_dump(const struct smcsim_profile *p);

SMCSIM_EXPORT void smcsim_profile_destroy(struct smcsim_profile *p);

/* ---- machines ----------------------------------------------------------------------- */

/**
 * Build a machine from a profile (the profile may be destroyed afterwards).
 * Returns 0, -EINVAL for a profile that does not describe a valid machine (see @err),
 * -ENOMEM.
 */
SMCSIM_EXPORT int smcsim_create(const struct smcsim_profile *p, struct smcsim **out,
				struct smcsim_error *err);

/** smcsim_profile_load() + smcsim_create() in one step. */
SMCSIM_EXPORT int smcsim_create_named(const char *name_or_path, struct smcsim **out,
				      struct smcsim_error *err);

SMCSIM_EXPORT void smcsim_destroy(struct smcsim *sim);

/** Power the machine back to its boot state (memory cleared, CPU 0 on, models reset). */
SMCSIM_EXPORT void smcsim_reset(struct smcsim *sim);

/** Name of the profile the machine was built from. */
SMCSIM_EXPORT const char *smcsim_profile_of(const struct smcsim *sim);

/* ---- callers and calls -------------------------------------------------------------- */

/** Index of a caller by name ("host", "guest", "realm"...), or -ENOENT. */
SMCSIM_EXPORT int smcsim_caller_find(const struct smcsim *sim, const char *name);
/** Name of caller @caller, or NULL. */
SMCSIM_EXPORT const char *smcsim_caller_name(const struct smcsim *sim, int caller);
/** The caller used when none is named: the profile's default. */
SMCSIM_EXPORT int smcsim_caller_default(const struct smcsim *sim);
/**
 * The conduit caller @caller uses by default (the first in its profile's "conduits": what
 * its device tree "method" would say). Returns SMCSIM_CONDUIT_SMC/HVC, or -EINVAL.
 */
SMCSIM_EXPORT int smcsim_caller_conduit(const struct smcsim *sim, int caller);
/** Number of callers. */
SMCSIM_EXPORT int smcsim_caller_count(const struct smcsim *sim);

/**
 * Issue one call: x0 holds the function ID, x1..x17 the arguments. On return the
 * registers hold the results as the profile's SMCCC version defines (1.0/1.1: x0..x3 are
 * written and x4..x17 preserved; 1.2 and later: up to x0..x17).
 *
 * Returns an enum smcsim_exit value (>= 0), or -EINVAL (bad caller, CPU or conduit),
 * -EOPNOTSUPP (the caller cannot use that conduit), -EHOSTDOWN (the CPU is powered off
 * and cannot issue calls), -ESHUTDOWN (the machine is off).
 */
SMCSIM_EXPORT int smcsim_call(struct smcsim *sim, int caller, unsigned int cpu,
			      enum smcsim_conduit conduit, struct smcsim_regs *regs);

/* ---- CPUs --------------------------------------------------------------------------- */

enum smcsim_cpu_state {
	SMCSIM_CPU_ON = 0,
	SMCSIM_CPU_OFF = 1,
	SMCSIM_CPU_ON_PENDING = 2,
	SMCSIM_CPU_SUSPENDED = 3,
};

SMCSIM_EXPORT unsigned int smcsim_cpu_count(const struct smcsim *sim);
/** MPIDR of a CPU (affinity fields only), or 0 with an invalid index. */
SMCSIM_EXPORT uint64_t smcsim_cpu_mpidr(const struct smcsim *sim, unsigned int cpu);
/** PSCI power state of a CPU, or -EINVAL. */
SMCSIM_EXPORT int smcsim_cpu_state(const struct smcsim *sim, unsigned int cpu);
/**
 * A CPU's architectural register file x0..x30 (31 entries) and its pc. A CPU started
 * by PSCI CPU_ON holds pc = entry point and x0 = context ID. Returns 0 or -EINVAL.
 */
SMCSIM_EXPORT int smcsim_cpu_regs(const struct smcsim *sim, unsigned int cpu, uint64_t x[31],
				  uint64_t *pc);
/**
 * Complete a pending power-on: a CPU in ON_PENDING becomes ON (what the target CPU
 * running its first instruction means). Returns 0, -EINVAL, -EALREADY if not pending.
 */
SMCSIM_EXPORT int smcsim_cpu_boot(struct smcsim *sim, unsigned int cpu);

/* ---- physical memory ---------------------------------------------------------------- */

/** Copy @len bytes from simulated PA @pa. Returns 0 or -EFAULT (not all mapped). */
SMCSIM_EXPORT int smcsim_mem_read(const struct smcsim *sim, uint64_t pa, void *buf, size_t len);
/** Copy @len bytes to simulated PA @pa. Returns 0 or -EFAULT. */
SMCSIM_EXPORT int smcsim_mem_write(struct smcsim *sim, uint64_t pa, const void *buf, size_t len);

/**
 * A host pointer to simulated PA range [@pa, @pa + @len), or NULL unless the whole range
 * lies in one memory region. The pointer stays valid until smcsim_destroy(); accesses
 * through it are not recorded. This is how the kernel shim backs virt_to_phys() and
 * phys_to_virt() with the machine's DRAM.
 */
SMCSIM_EXPORT void *smcsim_mem_map(struct smcsim *sim, uint64_t pa, size_t len);
/** Base and size of memory region @i (profile order). Returns 0, or -ENOENT past the end. */
SMCSIM_EXPORT int smcsim_mem_region(const struct smcsim *sim, size_t i, uint64_t *base,
				    uint64_t *size);

/* ---- forwarding to the embedding program -------------------------------------------- */

/**
 * Handler for calls a layer forwards to the embedding program (KVM's FWD_TO_USER). It
 * sees the call's registers and writes the results; returning 0 completes the call,
 * a negative errno fails smcsim_call() with it.
 */
typedef int (*smcsim_user_fn)(void *opaque, struct smcsim *sim, int caller, unsigned int cpu,
			      enum smcsim_conduit conduit, struct smcsim_regs *regs);

SMCSIM_EXPORT void smcsim_set_user_handler(struct smcsim *sim, smcsim_user_fn fn, void *opaque);

/* ---- realm code (CCA) ------------------------------------------------------------- */

/** What realm code did when the RMM ran it (RMI_REC_ENTER on a cca-host machine). */
enum smcsim_realm_action {
	SMCSIM_REALM_SMC = 0, /**< it issued an SMC: x0..x17 in the registers hold the call */
	SMCSIM_REALM_IRQ = 1, /**< it was interrupted: the REC exits to the host (RMI_EXIT_IRQ) */
};

/**
 * Realm code for the RECs of a realm, supplied by the embedding program. The RMM calls it
 * when a REC runs: first with the REC's initial registers (RmiRecParams gprs, or x0 =
 * context ID after PSCI CPU_ON) and @pc its entry point, then with the results of each
 * SMC it issued. It returns an enum smcsim_realm_action, with the next call in @regs for
 * SMCSIM_REALM_SMC, or a negative errno, which fails the host's smcsim_call() with it.
 * @rd is the realm's RD, @rec_index the REC's index (its MPIDR order). A handler keeps
 * its own per-REC progress: a host exit (RIPAS change, host call, PSCI) ends the
 * REC_ENTER, and the next REC_ENTER calls the handler again with the answer.
 */
typedef int (*smcsim_realm_fn)(void *opaque, struct smcsim *sim, uint64_t rd,
			       unsigned int rec_index, uint64_t pc, struct smcsim_regs *regs);

/** Install realm code (NULL: the profile's built-in "realm_program"). */
SMCSIM_EXPORT void smcsim_set_realm_handler(struct smcsim *sim, smcsim_realm_fn fn, void *opaque);

/** KVM SMCCC filter actions (KVM_ARM_VM_SMCCC_FILTER). */
enum smcsim_filter_action {
	SMCSIM_FILTER_HANDLE = 0,
	SMCSIM_FILTER_DENY = 1,
	SMCSIM_FILTER_FWD_TO_USER = 2,
};

/**
 * Install a filter range [base, base + nr) on the layer named @layer (e.g. "kvm"), with
 * KVM's rules: -EINVAL for an empty or wrapping range or a bad action, -EEXIST for an
 * overlap (the first insert reserves the Arm architecture ranges), -EBUSY once a CPU has
 * made a call through that layer, -ENOENT for an unknown layer.
 */
SMCSIM_EXPORT int smcsim_filter_add(struct smcsim *sim, const char *layer, uint32_t base,
				    uint32_t nr, enum smcsim_filter_action action);

/* ---- model events ------------------------------------------------------------------- */

/**
 * Deliver a model event by name (e.g. "pkvm_finalize"), with optional arguments as a
 * JSON object text (NULL for none). Returns 0, -ENOENT for an event no model on this
 * machine knows, -EINVAL for bad arguments (see @err).
 */
SMCSIM_EXPORT int smcsim_event(struct smcsim *sim, const char *name, const char *args_json,
			       struct smcsim_error *err);

/* ---- function IDs ------------------------------------------------------------------- */

/**
 * What is known about one function ID. The caller sets `size` to sizeof(struct
 * smcsim_fid_info) before the call, so later releases can add
 * members at the end without breaking programs built against this header: the library
 * fills only what fits in `size` and sets `size` to what it filled.
 */
struct smcsim_fid_info {
	uint32_t size;		/**< in: sizeof as the caller knows it; out: bytes filled */
	uint32_t fid;		/**< as given, bit 16 (SVE hint) kept */
	int fast;		/**< 1 fast call, 0 yielding */
	int smc64;		/**< 1 SMC64/HVC64 convention, 0 SMC32 */
	int sve_hint;		/**< bit 16 set */
	unsigned int owner;	/**< OEN, bits 29:24 */
	const char *owner_name; /**< "Arm Architecture", "Standard Secure", ... */
	const char *service;	/**< "psci", "trng", ... or NULL if no modelled service owns it */
	const char *name;	/**< spec name ("PSCI_CPU_ON_64"), or NULL if unknown */
	uint32_t since;		/**< service version that introduced the call (major<<16|minor) */
};

/**
 * Decode @fid. Fills @info (see its `size`); returns 0 if the ID names a known call,
 * -ENOENT if not, -EINVAL for a NULL @info or a `size` below the 0.1 layout.
 */
SMCSIM_EXPORT int smcsim_fid_decode(uint32_t fid, struct smcsim_fid_info *info);
/**
 * Find a function ID by name. Case does not matter, and the spellings of other code are
 * understood: Linux's macros (ARM_SMCCC_VERSION_FUNC_ID, PSCI_0_2_FN64_CPU_ON,
 * FFA_FN64_RXTX_MAP, SMC_RMI_VERSION) and TF-A's _SMC32/_SMC64 suffixes. Returns 0 or
 * -ENOENT.
 */
SMCSIM_EXPORT int smcsim_fid_lookup(const char *name, uint32_t *fid);
/** Up to @max known names close to @name ("did you mean"), closest first; returns how many. */
SMCSIM_EXPORT size_t smcsim_fid_suggest(const char *name, const char **names, size_t max);
/**
 * The @i-th known function (0, 1, ...), grouped by service: its ID, spec name and service
 * ("psci", "ffa"...). Returns 0, or -ENOENT past the last.
 */
SMCSIM_EXPORT int smcsim_fid_list(size_t i, uint32_t *fid, const char **name, const char **service);
/** Name of a function ID, or NULL. */
SMCSIM_EXPORT const char *smcsim_fid_name(uint32_t fid);
/**
 * What result register x@reg = @value of a call to @fid says, by the call's service:
 * status names ("NOT_SUPPORTED", "RMI_ERROR_INPUT, index 2", "RSI_ERROR_STATE", FF-A's
 * "DENIED"), versions ("1.1"), FF-A result IDs ("FFA_SUCCESS_64"). @res, if not NULL, is
 * the whole result (FF-A's w2 is an error code only beside FFA_ERROR; without @res that is
 * said as "(if FFA_ERROR)"). Writes a NUL-terminated text to @buf; returns 0, or -ENOENT
 * when the value has no meaning to add (then @buf is empty), -EINVAL for a NULL or empty
 * @buf.
 */
SMCSIM_EXPORT int smcsim_result_describe(uint32_t fid, const struct smcsim_regs *res,
					 unsigned int reg, uint64_t value, char *buf, size_t len);
/**
 * Parse a register value the way fixtures write one: "0x..." hexadecimal, decimal (a
 * leading 0 is still decimal, never octal: "010" is 10), a leading '-' for 64-bit two's
 * complement ("-1" is all ones), or a function-ID name ("PSCI_VERSION"). Returns 0, or
 * -EINVAL for anything else (empty, trailing characters, more than 64 bits); *out is
 * left alone on error.
 */
SMCSIM_EXPORT int smcsim_value_parse(const char *s, uint64_t *out);

/* ---- traces: fixtures, replay and recording ----------------------------------------- */

/**
 * Parse a fixture file (smcsim-trace(5)). Nothing is run. Returns 0, -ENOENT, -EINVAL
 * (see @err: file:line:column for syntax, file: /json/path for meaning).
 */
SMCSIM_EXPORT int smcsim_trace_load(const char *path, struct smcsim_trace **out,
				    struct smcsim_error *err);
/** Parse a fixture held in memory; @name is used in messages. */
SMCSIM_EXPORT int smcsim_trace_parse(const char *text, size_t len, const char *name,
				     struct smcsim_trace **out, struct smcsim_error *err);
SMCSIM_EXPORT void smcsim_trace_destroy(struct smcsim_trace *t);
SMCSIM_EXPORT size_t smcsim_trace_steps(const struct smcsim_trace *t);
SMCSIM_EXPORT const char *smcsim_trace_description(const struct smcsim_trace *t);
SMCSIM_EXPORT const char *smcsim_trace_profile(const struct smcsim_trace *t);
/** The fixture's "profile_overrides" as compact JSON text (a merge patch), or NULL. */
SMCSIM_EXPORT const char *smcsim_trace_profile_overrides(const struct smcsim_trace *t);

/** Kind of a fixture step. */
enum smcsim_step_kind {
	SMCSIM_STEP_CALL = 0,
	SMCSIM_STEP_WRITE = 1,
	SMCSIM_STEP_CHECK = 2,
	SMCSIM_STEP_EVENT = 3,
};

/**
 * One parsed step, as smcsim_trace_step() exposes it to programs that serve or inspect
 * fixtures themselves (e.g. fixtures used as firmware). Pointers stay valid while the
 * trace lives. As with struct smcsim_fid_info, the caller sets `size` to
 * sizeof(struct smcsim_trace_step) first, so the struct can grow at its end.
 */
struct smcsim_trace_step {
	uint32_t size; /**< in: sizeof as the caller knows it; out: bytes filled */
	enum smcsim_step_kind kind;
	/* call */
	const char *caller; /**< NULL: the profile's default caller */
	unsigned int cpu;
	enum smcsim_conduit conduit;	    /**< SMCSIM_CONDUIT_DEFAULT when not given */
	struct smcsim_regs in;		    /**< x0..x17 as issued (unnamed registers 0) */
	uint32_t expect_regs;		    /**< bit n set: x<n> has an expectation */
	uint64_t expect[SMCSIM_NREGS];	    /**< expected values, already masked */
	uint64_t expect_mask[SMCSIM_NREGS]; /**< all ones unless the fixture gave a mask */
	int expect_exit;		    /**< enum smcsim_exit, or -1 when not checked */
	/* write / check */
	uint64_t pa;
	const uint8_t *bytes;
	size_t len;
	/* event */
	const char *event;
	const char *event_args; /**< JSON object text of the event's arguments */
	/*
	 * Members below were appended after release 0.1.0; a caller whose `size` ends before
	 * one does not get it.
	 */
	/**
	 * call: the bits of in.x[n] that matching a call against this step compares (as
	 * fixtures served as firmware do): all ones unless the fixture gave x<n> a mask, 0 for
	 * a register the step does not care about ("mask": 0, or left out under "match":
	 * "named"). in.x[n] never has bits outside in_mask[n]; replay sends in.x as it is.
	 */
	uint64_t in_mask[SMCSIM_NREGS];
};

/**
 * Step @i of a parsed trace into @out (see its `size`). Returns 0, -ERANGE past the last
 * step, -EINVAL for a NULL argument or a `size` below the 0.1 layout.
 */
SMCSIM_EXPORT int smcsim_trace_step(const struct smcsim_trace *t, size_t i,
				    struct smcsim_trace_step *out);

/**
 * One difference found by a replay, built by the library and lent to the callback.
 * Later releases may append members; `size` says how many bytes this library filled, so
 * a program reads a member only when `size` covers it.
 */
struct smcsim_mismatch {
	uint32_t size; /**< sizeof(struct smcsim_mismatch) as the library knows it */
	size_t step;   /**< index into "steps" */
	char what[32]; /**< "x1", "exit", "mem", "event" */
	uint64_t expected;
	uint64_t actual;
	uint64_t mask;
	uint64_t pa;	   /**< for "mem": address of the first differing byte */
	uint32_t fid;	   /**< the call's function ID, for decoding */
	char message[160]; /**< a readable sentence */
};

/** Callback for each mismatch; return nonzero to stop the replay. */
typedef int (*smcsim_mismatch_fn)(void *opaque, const struct smcsim_mismatch *m);

/**
 * Replay a trace on a fresh machine built from its profile (and overrides).
 * Returns the number of mismatches (>= 0), or a negative errno if the machine could not
 * be built or a step could not run (see @err). @on_mismatch may be NULL.
 */
SMCSIM_EXPORT int smcsim_trace_replay(const struct smcsim_trace *t, smcsim_mismatch_fn on_mismatch,
				      void *opaque, struct smcsim_error *err);

/** Replay on an existing machine (the trace's profile is not applied). */
SMCSIM_EXPORT int smcsim_trace_replay_on(const struct smcsim_trace *t, struct smcsim *sim,
					 smcsim_mismatch_fn on_mismatch, void *opaque,
					 struct smcsim_error *err);

/**
 * Start recording every call, memory write made through the API, and event on @sim as
 * fixture steps. Recording replaces any earlier recording. Returns 0 or -ENOMEM.
 */
SMCSIM_EXPORT int smcsim_record_start(struct smcsim *sim);
/** Stop recording; the recorded steps are kept until the next start. */
SMCSIM_EXPORT void smcsim_record_stop(struct smcsim *sim);
/** Number of steps recorded so far. */
SMCSIM_EXPORT size_t smcsim_record_steps(const struct smcsim *sim);
/**
 * Write what was recorded as a version-1 fixture to @f; the result replays
 * bit-identically on the same profile. Returns 0, -ENODATA if nothing was recorded, -EIO.
 */
SMCSIM_EXPORT int smcsim_record_write(const struct smcsim *sim, FILE *f, const char *description);

#ifdef __cplusplus
}
#endif

#endif /* SMCSIM_SMCSIM_H */
