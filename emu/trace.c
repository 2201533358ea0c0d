/* SPDX-License-Identifier: MIT */
/*
 * Trace fixtures (smcsim-trace(5), format version 1): parsing and replay.
 *
 * A fixture is validated completely before anything runs: syntax errors carry
 * file:line:column (from jansson), meaning errors the JSON path of the offending value.
 * Steps are compiled into a flat array so replaying 100k steps costs little beyond
 * parsing the JSON.
 */
#include <errno.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "abi/bytes.h"
#include "emu/machine.h"

#define TRACE_FORMAT  "smcsim-trace"
#define TRACE_VERSION 1

enum step_kind {
	STEP_CALL,
	STEP_WRITE,
	STEP_CHECK,
	STEP_EVENT,
};

/* One register and the bits of it that count: an expected result, or a call argument the
 * fixture masks or declares "don't care" (mask 0). */
struct expect {
	uint8_t reg;
	uint64_t value;
	uint64_t mask;
};

struct step {
	uint8_t kind;
	uint8_t conduit; /* enum smcsim_conduit */
	int8_t exit;	 /* expected exit, -1 = not checked */
	uint8_t nargm;	 /* call arguments with a mask other than all ones */
	int16_t caller;	 /* index into trace->callers, -1 = the machine's default */
	uint32_t cpu;
	uint32_t nexp;
	size_t exp;  /* first entry in trace->exps */
	size_t argm; /* first entry in trace->argms */
	struct smcsim_regs in;
	uint64_t pa;	/* write/check */
	size_t len;	/* write/check: bytes; event: unused */
	uint8_t *bytes; /* write/check data; event: NUL-terminated args JSON */
	char *event;
};

struct smcsim_trace {
	const struct emu_registry *reg; /* names in the text; the services replay builds on */
	char *name;
	char *description;
	char *profile;
	char *overrides; /* JSON text of profile_overrides, or NULL */
	struct step *steps;
	size_t nsteps;
	struct expect *exps;
	size_t nexps;
	struct expect *argms; /* masks of call arguments, only where not all ones */
	size_t nargms;
	char **callers;
	size_t ncallers;
};

/* ---- parsing ------------------------------------------------------------------------ */

struct parser {
	struct smcsim_trace *t;
	const char *name;
	struct smcsim_error *err;
	size_t cap_exps;
	size_t cap_argms;
	size_t cap_callers;
	uint32_t *caller_slots; /* open-addressed hash of caller names: index + 1, 0 = empty */
	size_t nslots;		/* a power of two, at least twice ncallers */
};

static int perr(struct parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int perr(struct parser *p, const char *fmt, ...)
{
	if (p->err) {
		char msg[400];
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(msg, sizeof(msg), fmt, ap);
		va_end(ap);
		snprintf(p->err->text, sizeof(p->err->text), "%s: %s", p->name, msg);
	}
	return -EINVAL;
}

static int check_keys(struct parser *p, json_t *obj, const char *path, const char *const *allowed)
{
	struct smcsim_error e;
	if (emu_cfg_keys(obj, path, allowed, &e))
		return perr(p, "%s", e.text);
	return 0;
}

static int value_u64(struct parser *p, json_t *v, const char *path, uint64_t *out)
{
	const char *why;
	if (emu_parse_value(p->t->reg, v, out, &why))
		return perr(p, "%s: %s", path, why);
	return 0;
}

/* Register name "x0".."x17" → index, or -1. */
static int reg_index(const char *key)
{
	if (key[0] != 'x' || key[1] < '0' || key[1] > '9')
		return -1;
	char *end;
	long n = strtol(key + 1, &end, 10);
	if (*end || n < 0 || n >= SMCSIM_NREGS || (key[1] == '0' && key[2]))
		return -1;
	return (int)n;
}

static int parse_hex_bytes(struct parser *p, json_t *v, const char *path, uint8_t **out,
			   size_t *len)
{
	const char *s = json_string_value(v);
	if (!s)
		return perr(p, "%s: expected a string of hex byte pairs", path);
	size_t n = strlen(s);
	if (n % 2)
		return perr(p, "%s: odd number of hex digits", path);
	if (n == 0)
		return perr(p, "%s: no bytes", path);
	uint8_t *b = malloc(n / 2);
	if (!b)
		return -ENOMEM;
	for (size_t i = 0; i < n; i += 2) {
		unsigned int byte;
		char pair[3] = { s[i], s[i + 1], 0 };
		char *end;
		byte = (unsigned int)strtoul(pair, &end, 16);
		if (*end || pair[0] == '+' || pair[0] == '-' || pair[0] == ' ') {
			free(b);
			return perr(p, "%s: \"%s\" at offset %zu is not a hex byte", path, pair, i);
		}
		b[i / 2] = (uint8_t)byte;
	}
	*out = b;
	*len = n / 2;
	return 0;
}

static int parse_mem(struct parser *p, struct step *st, json_t *m, const char *path)
{
	static const char *const keys[] = { "pa", "u64", "bytes", NULL };
	char sub[128];
	int ret = check_keys(p, m, path, keys);
	if (ret)
		return ret;
	json_t *pa = json_object_get(m, "pa"), *u64 = json_object_get(m, "u64"),
	       *bytes = json_object_get(m, "bytes");
	if (!pa)
		return perr(p, "%s/pa: missing", path);
	snprintf(sub, sizeof(sub), "%s/pa", path);
	if ((ret = value_u64(p, pa, sub, &st->pa)))
		return ret;
	if (!!u64 == !!bytes)
		return perr(p, "%s: give exactly one of \"u64\" and \"bytes\"", path);
	if (bytes) {
		snprintf(sub, sizeof(sub), "%s/bytes", path);
		return parse_hex_bytes(p, bytes, sub, &st->bytes, &st->len);
	}
	if (!json_is_array(u64) || json_array_size(u64) == 0)
		return perr(p, "%s/u64: expected a non-empty array of 64-bit values", path);
	st->len = json_array_size(u64) * 8;
	st->bytes = malloc(st->len);
	if (!st->bytes)
		return -ENOMEM;
	size_t i;
	json_t *v;
	json_array_foreach(u64, i, v)
	{
		uint64_t w;
		snprintf(sub, sizeof(sub), "%s/u64/%zu", path, i);
		if ((ret = value_u64(p, v, sub, &w)))
			return ret;
		abi_wr64(st->bytes + i * 8, w); /* little-endian, as the guest sees memory */
	}
	return 0;
}

static int push_expect(struct expect **arr, size_t *n, size_t *cap, struct expect e)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 64;
		struct expect *a = realloc(*arr, c * sizeof(*a));
		if (!a)
			return -ENOMEM;
		*arr = a;
		*cap = c;
	}
	(*arr)[(*n)++] = e;
	return 0;
}

static int add_expect(struct parser *p, int reg, uint64_t value, uint64_t mask)
{
	struct expect e = { (uint8_t)reg, value & mask, mask };
	return push_expect(&p->t->exps, &p->t->nexps, &p->cap_exps, e);
}

static int add_argmask(struct parser *p, struct step *st, int reg, uint64_t mask)
{
	struct smcsim_trace *t = p->t;
	if (!st->nargm)
		st->argm = t->nargms;
	st->nargm++;
	struct expect e = { (uint8_t)reg, st->in.x[reg], mask };
	return push_expect(&t->argms, &t->nargms, &p->cap_argms, e);
}

/*
 * A register as "expect" and "call" take it: a value, or { "value": V, "mask": M } with
 * the mask all ones when not given (smcsim-trace(5), VALUES).
 */
static int parse_masked(struct parser *p, json_t *v, const char *path, uint64_t *value,
			uint64_t *mask)
{
	*mask = UINT64_MAX;
	if (!json_is_object(v))
		return value_u64(p, v, path, value);
	static const char *const keys[] = { "value", "mask", NULL };
	char vp[192];
	int ret = check_keys(p, v, path, keys);
	if (ret)
		return ret;
	if (!json_object_get(v, "value"))
		return perr(p, "%s/value: missing", path);
	snprintf(vp, sizeof(vp), "%s/value", path);
	if ((ret = value_u64(p, json_object_get(v, "value"), vp, value)))
		return ret;
	if (json_object_get(v, "mask")) {
		snprintf(vp, sizeof(vp), "%s/mask", path);
		if ((ret = value_u64(p, json_object_get(v, "mask"), vp, mask)))
			return ret;
	}
	return 0;
}

/* A step stores its caller as an int16_t index, so a fixture names at most this many
 * distinct callers (smcsim-trace(5), LIMITS). */
#define TRACE_MAX_CALLERS INT16_MAX

static size_t caller_hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325u; /* FNV-1a, 64-bit */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3u;
	return (size_t)h;
}

/* The slot holding @name, or the empty slot where it would go. */
static uint32_t *caller_slot(struct parser *p, const char *name)
{
	size_t mask = p->nslots - 1;
	for (size_t i = caller_hash(name) & mask;; i = (i + 1) & mask) {
		uint32_t *slot = &p->caller_slots[i];
		if (!*slot || strcmp(p->t->callers[*slot - 1], name) == 0)
			return slot;
	}
}

static int callers_grow(struct parser *p)
{
	struct smcsim_trace *t = p->t;
	if (t->ncallers == p->cap_callers) {
		size_t cap = p->cap_callers ? p->cap_callers * 2 : 8;
		char **n = realloc(t->callers, cap * sizeof(*n));
		if (!n)
			return -ENOMEM;
		t->callers = n;
		p->cap_callers = cap;
	}
	if (2 * (t->ncallers + 1) <= p->nslots)
		return 0;
	size_t nslots = p->nslots ? p->nslots * 2 : 16;
	uint32_t *slots = calloc(nslots, sizeof(*slots));
	if (!slots)
		return -ENOMEM;
	free(p->caller_slots);
	p->caller_slots = slots;
	p->nslots = nslots;
	for (size_t i = 0; i < t->ncallers; i++)
		*caller_slot(p, t->callers[i]) = (uint32_t)i + 1;
	return 0;
}

/* The index of caller @name, added on first use; a hash keeps a fixture with many
 * distinct callers linear to parse. */
static int caller_ref(struct parser *p, const char *name, const char *path)
{
	struct smcsim_trace *t = p->t;
	if (p->nslots) {
		uint32_t *slot = caller_slot(p, name);
		if (*slot)
			return (int)*slot - 1;
	}
	if (t->ncallers >= TRACE_MAX_CALLERS)
		return perr(p, "%s: more than %d distinct caller names in one fixture", path,
			    TRACE_MAX_CALLERS);
	int ret = callers_grow(p);
	if (ret)
		return ret;
	if (!(t->callers[t->ncallers] = strdup(name)))
		return -ENOMEM;
	*caller_slot(p, name) = (uint32_t)t->ncallers + 1;
	return (int)t->ncallers++;
}

static int parse_expect(struct parser *p, struct step *st, json_t *exp, const char *path)
{
	if (!json_is_object(exp))
		return perr(p, "%s: expected an object of registers", path);
	st->exp = p->t->nexps;
	const char *key;
	json_t *v;
	json_object_foreach(exp, key, v)
	{
		char sub[128];
		snprintf(sub, sizeof(sub), "%.60s/%.60s", path, key);
		if (strcmp(key, "exit") == 0) {
			const char *s = json_string_value(v);
			int e = -1;
			for (int i = 0; s && smcsim_exit_name(i); i++)
				if (strcmp(smcsim_exit_name(i), s) == 0)
					e = i;
			if (e < 0)
				return perr(
					p,
					"%s: expected one of \"return\", \"user\", \"cpu_off\", "
					"\"resume\", \"system_off\", \"system_reset\"",
					sub);
			st->exit = (int8_t)e;
			continue;
		}
		int reg = reg_index(key);
		if (reg < 0)
			return perr(p, "%s: unknown key (expected x0..x17 or exit)", sub);
		uint64_t value, mask;
		int ret = parse_masked(p, v, sub, &value, &mask);
		if (ret)
			return ret;
		/* An expected value's bits outside its mask are dropped: version 1 always
		 * read them so, and files rely on it. */
		if ((ret = add_expect(p, reg, value, mask)))
			return ret;
		st->nexp++;
	}
	return 0;
}

static int parse_call(struct parser *p, struct step *st, json_t *s, const char *path)
{
	static const char *const keys[] = { "call",   "caller", "cpu",	"conduit",
					    "expect", "match",	"note", NULL };
	char sub[128];
	int ret = check_keys(p, s, path, keys);
	if (ret)
		return ret;
	st->kind = STEP_CALL;
	json_t *call = json_object_get(s, "call");
	snprintf(sub, sizeof(sub), "%s/call", path);
	if (!json_is_object(call))
		return perr(p, "%s: expected an object of registers x0..x17", sub);
	if (!json_object_get(call, "x0"))
		return perr(p, "%s/x0: missing (the function ID)", sub);
	const char *key;
	json_t *v;
	uint32_t named = 0;
	json_object_foreach(call, key, v)
	{
		char rp[160];
		int reg = reg_index(key);
		snprintf(rp, sizeof(rp), "%.80s/%.60s", sub, key);
		if (reg < 0)
			return perr(p, "%s: unknown key (expected x0..x17)", rp);
		uint64_t mask;
		if ((ret = parse_masked(p, v, rp, &st->in.x[reg], &mask)))
			return ret;
		named |= UINT32_C(1) << reg;
		if (mask == UINT64_MAX)
			continue;
		/* Replay sends the value and matching ignores the bits outside the mask: bits
		 * in both would mean one thing to each, so they are refused. */
		if (st->in.x[reg] & ~mask)
			return perr(p,
				    "%s/value: 0x%" PRIx64 " has bits outside the mask 0x%" PRIx64
				    " (a call's value must lie within its mask)",
				    rp, st->in.x[reg], mask);
		/* The function ID (w0, DEN0028) says which call a step is; a step that matched
		 * any function would answer calls it was never written for. */
		if (reg == 0 && (mask & UINT32_MAX) != UINT32_MAX)
			return perr(p,
				    "%s/mask: 0x%" PRIx64 " leaves out bits of the function ID "
				    "(x0's mask must include 0xffffffff)",
				    rp, mask);
		if ((ret = add_argmask(p, st, reg, mask)))
			return ret;
	}
	json_t *match = json_object_get(s, "match");
	if (match) {
		const char *m = json_string_value(match);
		if (!m || (strcmp(m, "all") && strcmp(m, "named")))
			return perr(p, "%s/match: expected \"all\" or \"named\"", path);
		/* "named": registers the step leaves out are not compared when matched (a
		 * kernel may leave them uninitialised); replay still sends them as 0. */
		for (int r = 1; strcmp(m, "named") == 0 && r < SMCSIM_NREGS; r++)
			if (!(named & (UINT32_C(1) << r)) && (ret = add_argmask(p, st, r, 0)))
				return ret;
	}
	json_t *caller = json_object_get(s, "caller");
	if (caller) {
		if (!json_is_string(caller))
			return perr(p, "%s/caller: expected a caller name", path);
		snprintf(sub, sizeof(sub), "%s/caller", path);
		int idx = caller_ref(p, json_string_value(caller), sub);
		if (idx < 0)
			return idx;
		st->caller = (int16_t)idx;
	}
	json_t *cpu = json_object_get(s, "cpu");
	if (cpu) {
		uint64_t c;
		snprintf(sub, sizeof(sub), "%s/cpu", path);
		if ((ret = value_u64(p, cpu, sub, &c)))
			return ret;
		if (c > UINT32_MAX)
			return perr(p, "%s: not a CPU index", sub);
		st->cpu = (uint32_t)c;
	}
	json_t *conduit = json_object_get(s, "conduit");
	if (conduit) {
		const char *c = json_string_value(conduit);
		if (c && strcmp(c, "smc") == 0)
			st->conduit = SMCSIM_CONDUIT_SMC;
		else if (c && strcmp(c, "hvc") == 0)
			st->conduit = SMCSIM_CONDUIT_HVC;
		else
			return perr(p, "%s/conduit: expected \"smc\" or \"hvc\"", path);
	}
	json_t *exp = json_object_get(s, "expect");
	if (exp) {
		snprintf(sub, sizeof(sub), "%s/expect", path);
		return parse_expect(p, st, exp, sub);
	}
	json_t *note = json_object_get(s, "note");
	if (note && !json_is_string(note))
		return perr(p, "%s/note: expected a string", path);
	return 0;
}

static int parse_step(struct parser *p, struct step *st, json_t *s, size_t idx)
{
	char path[64];
	snprintf(path, sizeof(path), "/steps/%zu", idx);
	st->caller = -1;
	st->exit = -1;
	if (!json_is_object(s))
		return perr(p, "%s: expected an object", path);
	json_t *note = json_object_get(s, "note");
	if (note && !json_is_string(note))
		return perr(p, "%s/note: expected a string", path);
	int kinds = !!json_object_get(s, "call") + !!json_object_get(s, "write") +
		    !!json_object_get(s, "check") + !!json_object_get(s, "event");
	if (kinds != 1)
		return perr(
			p,
			"%s: a step has exactly one of \"call\", \"write\", \"check\", \"event\"",
			path);
	if (json_object_get(s, "call"))
		return parse_call(p, st, s, path);
	if (json_object_get(s, "write") || json_object_get(s, "check")) {
		static const char *const wkeys[] = { "write", "note", NULL };
		static const char *const ckeys[] = { "check", "note", NULL };
		bool w = json_object_get(s, "write") != NULL;
		char sub[80];
		int ret = check_keys(p, s, path, w ? wkeys : ckeys);
		if (ret)
			return ret;
		st->kind = w ? STEP_WRITE : STEP_CHECK;
		snprintf(sub, sizeof(sub), "%s/%s", path, w ? "write" : "check");
		json_t *m = json_object_get(s, w ? "write" : "check");
		if (!json_is_object(m))
			return perr(p,
				    "%s: expected an object with \"pa\" and \"u64\" or \"bytes\"",
				    sub);
		return parse_mem(p, st, m, sub);
	}
	/* An event: every key but "event" and "note" is an argument for the model. */
	st->kind = STEP_EVENT;
	json_t *name = json_object_get(s, "event");
	if (!json_is_string(name) || !json_string_length(name))
		return perr(p, "%s/event: expected an event name", path);
	json_t *args = json_deep_copy(s);
	if (!args)
		return -ENOMEM;
	json_object_del(args, "event");
	json_object_del(args, "note");
	st->bytes = (uint8_t *)json_dumps(args, JSON_COMPACT);
	json_decref(args);
	st->event = strdup(json_string_value(name));
	if (!st->bytes || !st->event)
		return -ENOMEM;
	return 0;
}

static int parse_doc(struct parser *p, json_t *doc)
{
	/* "$schema" lets an editor bind smcsim-trace.schema.json; it is not read. */
	static const char *const keys[] = {
		"format", "version", "description", "profile", "profile_overrides",
		"steps",  "$schema", NULL
	};
	struct smcsim_trace *t = p->t;
	if (!json_is_object(doc))
		return perr(p, "/: a fixture is a JSON object");
	json_t *format = json_object_get(doc, "format");
	if (!format || !json_is_string(format) || strcmp(json_string_value(format), TRACE_FORMAT))
		return perr(p, "/format: expected \"" TRACE_FORMAT "\"");
	json_t *version = json_object_get(doc, "version");
	if (!json_is_integer(version))
		return perr(p, "/version: expected the integer %d", TRACE_VERSION);
	if (json_integer_value(version) != TRACE_VERSION)
		return perr(p,
			    "/version: %" JSON_INTEGER_FORMAT
			    " is not supported (this smcsim reads version %d)",
			    json_integer_value(version), TRACE_VERSION);
	int ret = check_keys(p, doc, "", keys);
	if (ret)
		return ret;
	json_t *desc = json_object_get(doc, "description");
	if (desc && !json_is_string(desc))
		return perr(p, "/description: expected a string");
	json_t *schema = json_object_get(doc, "$schema");
	if (schema && !json_is_string(schema))
		return perr(p, "/$schema: expected a string (a URI or path of the JSON Schema)");
	json_t *prof = json_object_get(doc, "profile");
	if (prof && !json_is_string(prof))
		return perr(p, "/profile: expected a profile name or path");
	json_t *ov = json_object_get(doc, "profile_overrides");
	if (ov && !json_is_object(ov))
		return perr(p, "/profile_overrides: expected an object (a merge patch)");
	json_t *steps = json_object_get(doc, "steps");
	if (!json_is_array(steps))
		return perr(p, "/steps: expected an array");
	t->description = strdup(desc ? json_string_value(desc) : "");
	t->profile = prof ? strdup(json_string_value(prof)) : NULL;
	t->overrides = ov ? json_dumps(ov, JSON_COMPACT) : NULL;
	if (!t->description || (prof && !t->profile) || (ov && !t->overrides))
		return -ENOMEM;
	uint64_t max_steps;
	const char *why;
	if (emu_limit(EMU_LIMIT_STEPS, &max_steps, &why))
		return perr(p, "/steps: %s", why);
	if (json_array_size(steps) > max_steps)
		return perr(p,
			    "/steps: %zu steps; at most %llu per fixture (raise with "
			    "SMCSIM_LIMITS=steps=N)",
			    json_array_size(steps), (unsigned long long)max_steps);
	t->steps = calloc(json_array_size(steps) + 1, sizeof(*t->steps));
	if (!t->steps)
		return -ENOMEM;
	size_t i;
	json_t *s;
	json_array_foreach(steps, i, s)
	{
		t->nsteps = i + 1; /* freed on error */
		if ((ret = parse_step(p, &t->steps[i], s, i)))
			return ret;
	}
	t->nsteps = json_array_size(steps);
	return 0;
}

static int trace_from_json(const struct emu_registry *reg, json_t *doc, const char *name,
			   struct smcsim_trace **out, struct smcsim_error *err)
{
	struct smcsim_trace *t = calloc(1, sizeof(*t));
	if (!t)
		return -ENOMEM;
	t->reg = reg;
	t->name = strdup(name);
	struct parser p = { .t = t, .name = name, .err = err };
	int ret = t->name ? emu_json_check_nul(doc, name, err) : -ENOMEM;
	if (!ret)
		ret = parse_doc(&p, doc);
	free(p.caller_slots);
	if (ret) {
		if (ret == -ENOMEM && err)
			snprintf(err->text, sizeof(err->text), "%s: out of memory", name);
		smcsim_trace_destroy(t);
		return ret;
	}
	*out = t;
	return 0;
}

/* JSON_ALLOW_NUL so that a "\u0000" in a string is reported by emu_json_check_nul() with
 * its JSON path, rather than by the parser with only a line and column. */
#define TRACE_JSON_FLAGS (JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL)

int emu_trace_load(const struct emu_registry *reg, const char *path, struct smcsim_trace **out,
		   struct smcsim_error *err)
{
	if (!reg || !path || !out)
		return -EINVAL;
	*out = NULL;
	FILE *f = fopen(path, "rb");
	if (!f) {
		int e = errno;
		char buf[128]; /* strerror_r: strerror may share one buffer between threads */
		emu_err(err, "%s: %s", path, strerror_r(e, buf, sizeof(buf)));
		return e == ENOENT ? -ENOENT : -EIO;
	}
	json_error_t je;
	json_t *doc = json_loadf(f, TRACE_JSON_FLAGS, &je);
	fclose(f);
	if (!doc) {
		emu_err(err, "%s:%d:%d: %s", path, je.line, je.column, je.text);
		return -EINVAL;
	}
	int ret = trace_from_json(reg, doc, path, out, err);
	json_decref(doc);
	return ret;
}

int emu_trace_parse(const struct emu_registry *reg, const char *text, size_t len, const char *name,
		    struct smcsim_trace **out, struct smcsim_error *err)
{
	if (!reg || !text || !out)
		return -EINVAL;
	*out = NULL;
	if (!name)
		name = "<trace>";
	json_error_t je;
	json_t *doc = json_loadb(text, len, TRACE_JSON_FLAGS, &je);
	if (!doc) {
		emu_err(err, "%s:%d:%d: %s", name, je.line, je.column, je.text);
		return -EINVAL;
	}
	int ret = trace_from_json(reg, doc, name, out, err);
	json_decref(doc);
	return ret;
}

SMCSIM_EXPORT void smcsim_trace_destroy(struct smcsim_trace *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->nsteps; i++) {
		if (t->steps[i].kind == STEP_EVENT)
			free(t->steps[i].bytes); /* from json_dumps: malloc'd */
		else
			free(t->steps[i].bytes);
		free(t->steps[i].event);
	}
	for (size_t i = 0; i < t->ncallers; i++)
		free(t->callers[i]);
	free(t->callers);
	free(t->steps);
	free(t->exps);
	free(t->argms);
	free(t->name);
	free(t->description);
	free(t->profile);
	free(t->overrides);
	free(t);
}

SMCSIM_EXPORT size_t smcsim_trace_steps(const struct smcsim_trace *t)
{
	return t ? t->nsteps : 0;
}

SMCSIM_EXPORT const char *smcsim_trace_description(const struct smcsim_trace *t)
{
	return t ? t->description : NULL;
}

SMCSIM_EXPORT const char *smcsim_trace_profile(const struct smcsim_trace *t)
{
	return t ? t->profile : NULL;
}

SMCSIM_EXPORT const char *smcsim_trace_profile_overrides(const struct smcsim_trace *t)
{
	return t ? t->overrides : NULL;
}

static void trace_step_fill(const struct smcsim_trace *t, const struct step *st,
			    struct smcsim_trace_step *out)
{
	static const enum smcsim_step_kind kinds[] = {
		[STEP_CALL] = SMCSIM_STEP_CALL,
		[STEP_WRITE] = SMCSIM_STEP_WRITE,
		[STEP_CHECK] = SMCSIM_STEP_CHECK,
		[STEP_EVENT] = SMCSIM_STEP_EVENT,
	};
	out->kind = kinds[st->kind];
	out->expect_exit = -1;
	switch (st->kind) {
	case STEP_CALL:
		out->caller = st->caller < 0 ? NULL : t->callers[st->caller];
		out->cpu = st->cpu;
		out->conduit = (enum smcsim_conduit)st->conduit;
		out->in = st->in;
		out->expect_exit = st->exit;
		for (int r = 0; r < SMCSIM_NREGS; r++)
			out->expect_mask[r] = UINT64_MAX;
		for (uint32_t k = 0; k < st->nexp; k++) {
			const struct expect *e = &t->exps[st->exp + k];
			out->expect_regs |= UINT32_C(1) << e->reg;
			out->expect[e->reg] = e->value;
			out->expect_mask[e->reg] = e->mask;
		}
		for (int r = 0; r < SMCSIM_NREGS; r++)
			out->in_mask[r] = UINT64_MAX;
		for (uint32_t k = 0; k < st->nargm; k++)
			out->in_mask[t->argms[st->argm + k].reg] = t->argms[st->argm + k].mask;
		break;
	case STEP_WRITE:
	case STEP_CHECK:
		out->pa = st->pa;
		out->bytes = st->bytes;
		out->len = st->len;
		break;
	case STEP_EVENT:
		out->event = st->event;
		out->event_args = (const char *)st->bytes;
		break;
	}
}

/* Release 0.1's layout, which ended before in_mask, is the smallest a caller may pass
 * (struct smcsim_trace_step.size); such a caller gets everything but the masks. */
#define TRACE_STEP_SIZE_0_1 offsetof(struct smcsim_trace_step, in_mask)

SMCSIM_EXPORT int smcsim_trace_step(const struct smcsim_trace *t, size_t i,
				    struct smcsim_trace_step *out)
{
	if (!t || !out || out->size < TRACE_STEP_SIZE_0_1)
		return -EINVAL;
	if (i >= t->nsteps)
		return -ERANGE;
	struct smcsim_trace_step full;
	memset(&full, 0, sizeof(full));
	trace_step_fill(t, &t->steps[i], &full);
	full.size = (uint32_t)(out->size < sizeof(full) ? out->size : sizeof(full));
	memcpy(out, &full, full.size);
	return 0;
}

/* ---- replay ------------------------------------------------------------------------- */

static int report(smcsim_mismatch_fn cb, void *opaque, struct smcsim_mismatch *m, int *count)
{
	(*count)++;
	m->size = sizeof(*m);
	return cb ? cb(opaque, m) : 0;
}

static void fid_label(const struct emu_registry *reg, uint32_t fid, char *buf, size_t len)
{
	const struct emu_fn *fn = emu_fn_find(reg, fid, NULL);
	if (fn)
		snprintf(buf, len, "%s", fn->name);
	else
		snprintf(buf, len, "0x%08" PRIx32, fid);
}

static int replay_call(const struct smcsim_trace *t, struct smcsim *sim, size_t i,
		       const int *callers, smcsim_mismatch_fn cb, void *opaque, int *count)
{
	const struct step *st = &t->steps[i];
	struct smcsim_regs r = st->in;
	int caller = st->caller < 0 ? sim->default_caller : callers[st->caller];
	int ret = smcsim_call(sim, caller, st->cpu, (enum smcsim_conduit)st->conduit, &r);
	uint32_t fid = (uint32_t)st->in.x[0];
	char label[48];
	if (ret < 0) {
		struct smcsim_mismatch m = { .step = i, .fid = fid };
		fid_label(sim->reg, fid, label, sizeof(label));
		snprintf(m.what, sizeof(m.what), "call");
		snprintf(m.message, sizeof(m.message), "step %zu (%s): the call failed: %s", i,
			 label, smcsim_strerror(ret));
		return report(cb, opaque, &m, count);
	}
	if (st->exit >= 0 && ret != st->exit) {
		struct smcsim_mismatch m = { .step = i,
					     .fid = fid,
					     .expected = (uint64_t)st->exit,
					     .actual = (uint64_t)ret,
					     .mask = UINT64_MAX };
		fid_label(sim->reg, fid, label, sizeof(label));
		snprintf(m.what, sizeof(m.what), "exit");
		snprintf(m.message, sizeof(m.message), "step %zu (%s): exit %s, expected %s", i,
			 label, smcsim_exit_name(ret), smcsim_exit_name(st->exit));
		if (report(cb, opaque, &m, count))
			return 1;
	}
	for (uint32_t k = 0; k < st->nexp; k++) {
		const struct expect *e = &t->exps[st->exp + k];
		uint64_t got = r.x[e->reg];
		if ((got & e->mask) == e->value)
			continue;
		struct smcsim_mismatch m = {
			.step = i, .fid = fid, .expected = e->value, .actual = got, .mask = e->mask
		};
		fid_label(sim->reg, fid, label, sizeof(label));
		snprintf(m.what, sizeof(m.what), "x%u", e->reg);
		if (e->mask == UINT64_MAX)
			snprintf(m.message, sizeof(m.message),
				 "step %zu (%s): x%u = 0x%" PRIx64 ", expected 0x%" PRIx64, i,
				 label, e->reg, got, e->value);
		else
			snprintf(m.message, sizeof(m.message),
				 "step %zu (%s): x%u = 0x%" PRIx64 ", expected 0x%" PRIx64
				 " under mask 0x%" PRIx64,
				 i, label, e->reg, got, e->value, e->mask);
		if (report(cb, opaque, &m, count))
			return 1;
	}
	return 0;
}

static int replay_mem(const struct smcsim_trace *t, struct smcsim *sim, size_t i,
		      smcsim_mismatch_fn cb, void *opaque, int *count, struct smcsim_error *err)
{
	const struct step *st = &t->steps[i];
	const char *what = st->kind == STEP_WRITE ? "write" : "check";
	if (!emu_mem_valid(sim, st->pa, st->len))
		return emu_err(err,
			       "%s: /steps/%zu/%s/pa: [0x%" PRIx64
			       ", +%zu) is outside simulated memory",
			       t->name, i, what, st->pa, st->len);
	if (st->kind == STEP_WRITE)
		return smcsim_mem_write(sim, st->pa, st->bytes, st->len);
	const uint8_t *mem = emu_mem_ptr(sim, st->pa, st->len);
	for (size_t k = 0; k < st->len; k++) {
		if (mem[k] == st->bytes[k])
			continue;
		struct smcsim_mismatch m = { .step = i,
					     .expected = st->bytes[k],
					     .actual = mem[k],
					     .mask = 0xff,
					     .pa = st->pa + k };
		snprintf(m.what, sizeof(m.what), "mem");
		snprintf(m.message, sizeof(m.message),
			 "step %zu (check): byte at PA 0x%" PRIx64 " = 0x%02x, expected 0x%02x", i,
			 st->pa + k, mem[k], st->bytes[k]);
		return report(cb, opaque, &m, count);
	}
	return 0;
}

SMCSIM_EXPORT int smcsim_trace_replay_on(const struct smcsim_trace *t, struct smcsim *sim,
					 smcsim_mismatch_fn on_mismatch, void *opaque,
					 struct smcsim_error *err)
{
	if (!t || !sim)
		return -EINVAL;
	int *callers = calloc(t->ncallers + 1, sizeof(*callers));
	if (!callers)
		return -ENOMEM;
	int ret = 0, count = 0;
	/* Resolve caller names against this machine once. */
	for (size_t i = 0; i < t->nsteps && !ret; i++) {
		const struct step *st = &t->steps[i];
		if (st->kind != STEP_CALL)
			continue;
		if (st->caller >= 0 && !callers[st->caller]) {
			int c = smcsim_caller_find(sim, t->callers[st->caller]);
			if (c < 0)
				ret = emu_err(
					err,
					"%s: /steps/%zu/caller: profile %s has no caller \"%s\"",
					t->name, i, sim->profile_name, t->callers[st->caller]);
			callers[st->caller] = c + 1;
		}
		if (!ret && st->cpu >= sim->ncpus)
			ret = emu_err(err, "%s: /steps/%zu/cpu: profile %s has %u CPUs", t->name, i,
				      sim->profile_name, sim->ncpus);
	}
	for (size_t i = 0; i < t->ncallers; i++)
		callers[i] -= 1;
	for (size_t i = 0; i < t->nsteps && !ret; i++) {
		const struct step *st = &t->steps[i];
		switch (st->kind) {
		case STEP_CALL:
			ret = replay_call(t, sim, i, callers, on_mismatch, opaque, &count);
			break;
		case STEP_WRITE:
		case STEP_CHECK:
			ret = replay_mem(t, sim, i, on_mismatch, opaque, &count, err);
			break;
		case STEP_EVENT: {
			struct smcsim_error e = { { 0 } };
			ret = smcsim_event(sim, st->event, (const char *)st->bytes, &e);
			if (ret)
				ret = emu_err(err, "%s: /steps/%zu/event: %s", t->name, i, e.text);
			break;
		}
		}
	}
	free(callers);
	if (ret > 0) /* the callback asked to stop */
		ret = 0;
	return ret < 0 ? ret : count;
}

SMCSIM_EXPORT int smcsim_trace_replay(const struct smcsim_trace *t, smcsim_mismatch_fn on_mismatch,
				      void *opaque, struct smcsim_error *err)
{
	if (!t)
		return -EINVAL;
	struct smcsim_profile *p;
	struct smcsim_error e = { { 0 } };
	int ret = smcsim_profile_load(t->profile, &p, &e);
	if (ret)
		return emu_err(err, "%s: /profile: %s", t->name, e.text), ret;
	if (t->overrides && (ret = smcsim_profile_patch(p, t->overrides, &e))) {
		smcsim_profile_destroy(p);
		return emu_err(err, "%s: /profile_overrides: %s", t->name, e.text), ret;
	}
	struct smcsim *sim;
	ret = emu_machine_create(t->reg, p, &sim, &e);
	smcsim_profile_destroy(p);
	if (ret) {
		/* Errors from create name profile paths ("/layers/..."), and overrides are where
		 * they came from, so the two join as one path; any other message is set off
		 * by ": " like the rest. */
		emu_err(err, "%s: %s%s%s", t->name, t->overrides ? "/profile_overrides" : "",
			t->overrides && e.text[0] != '/' ? ": " : "", e.text);
		return ret;
	}
	ret = smcsim_trace_replay_on(t, sim, on_mismatch, opaque, err);
	smcsim_destroy(sim);
	return ret;
}
