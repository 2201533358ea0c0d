/* SPDX-License-Identifier: MIT */
/*
 * Fixtures as firmware: a recorded or hand-written smcsim-trace v1 fixture answers the
 * calls of the code under test. This is how a trace from real hardware becomes a
 * regression test for kernel logic. Parsing follows the fixture format (traces/,
 * issue 2): values are hex or decimal strings, JSON integers (negative = two's
 * complement), function-ID names, or {value, mask}; unknown keys are errors with the
 * JSON path.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "shim_priv.h"

enum step_kind { STEP_CALL, STEP_WRITE, STEP_CHECK };

struct fw_step {
	enum step_kind kind;
	size_t index; /* in "steps", for messages */
	/* call */
	uint64_t in[SMCSIM_NREGS], out[SMCSIM_NREGS];
	int conduit; /* SMCSIM_CONDUIT_DEFAULT = any */
	bool used;
	/* write/check */
	uint64_t pa;
	uint8_t *bytes;
	size_t len;
};

struct smcsim_fixture_fw {
	struct smcsim_kernel *k;
	char *name;
	unsigned int flags;
	struct fw_step *steps;
	size_t nsteps;
	size_t next; /* strict order: index of the next step to consider */
	unsigned int served, unexpected, ncalls;
	char first_error[400];
};

static int perr(struct smcsim_error *err, const char *fmt, ...)
{
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err->text, sizeof(err->text), fmt, ap);
		va_end(ap);
	}
	return -EINVAL;
}

/* A register value (format v1). */
static int parse_value(json_t *v, uint64_t *out, const char *name, const char *path,
		       struct smcsim_error *err)
{
	if (json_is_integer(v)) {
		*out = (uint64_t)json_integer_value(v);
		return 0;
	}
	if (json_is_string(v)) {
		const char *s = json_string_value(v);
		char *end;
		errno = 0;
		unsigned long long x;
		if (s[0] == '-') {
			long long sx = strtoll(s, &end, 0);
			x = (unsigned long long)sx;
		} else {
			x = strtoull(s, &end, 0);
		}
		if (*s && !*end && errno == 0) {
			*out = x;
			return 0;
		}
		uint32_t fid;
		if (smcsim_fid_lookup(s, &fid) == 0) {
			*out = fid;
			return 0;
		}
		return perr(err, "%s: %s: \"%s\" is not a number or function name", name, path, s);
	}
	return perr(err, "%s: %s: expected a number, string or {value, mask}", name, path);
}

static int parse_regs(json_t *obj, uint64_t regs[SMCSIM_NREGS], bool allow_mask, bool allow_exit,
		      const char *name, const char *path, struct smcsim_error *err)
{
	if (!json_is_object(obj))
		return perr(err, "%s: %s: expected an object of registers", name, path);
	const char *key;
	json_t *v;
	json_object_foreach(obj, key, v)
	{
		char p[160];
		snprintf(p, sizeof(p), "%s/%s", path, key);
		if (allow_exit && strcmp(key, "exit") == 0)
			continue;
		int r = -1;
		if (key[0] == 'x' && key[1]) {
			char *end;
			long n = strtol(key + 1, &end, 10);
			if (!*end && n >= 0 && n < SMCSIM_NREGS)
				r = (int)n;
		}
		if (r < 0)
			return perr(err, "%s: %s: unknown register", name, p);
		if (allow_mask && json_is_object(v)) {
			json_t *val = json_object_get(v, "value");
			if (!val || json_object_size(v) > 2 ||
			    (json_object_size(v) == 2 && !json_object_get(v, "mask")))
				return perr(err, "%s: %s: expected {\"value\": V, \"mask\": M}",
					    name, p);
			snprintf(p + strlen(p), sizeof(p) - strlen(p), "/value");
			if (parse_value(val, &regs[r], name, p, err))
				return -EINVAL;
			continue;
		}
		if (parse_value(v, &regs[r], name, p, err))
			return -EINVAL;
	}
	return 0;
}

static int parse_hexbytes(const char *s, uint8_t **out, size_t *len)
{
	size_t n = strlen(s);
	if (n % 2)
		return -EINVAL;
	uint8_t *b = malloc(n / 2 ? n / 2 : 1);
	if (!b)
		return -ENOMEM;
	for (size_t i = 0; i < n / 2; i++) {
		unsigned int x;
		if (sscanf(s + 2 * i, "%2x", &x) != 1) {
			free(b);
			return -EINVAL;
		}
		b[i] = (uint8_t)x;
	}
	*out = b;
	*len = n / 2;
	return 0;
}

static int parse_mem(json_t *m, struct fw_step *st, bool is_write, const char *name,
		     const char *path, struct smcsim_error *err)
{
	if (!json_is_object(m))
		return perr(err, "%s: %s: expected an object", name, path);
	const char *key;
	json_t *v;
	json_object_foreach(m, key, v)
	{
		if (strcmp(key, "pa") && strcmp(key, "bytes") &&
		    !(is_write && strcmp(key, "u64") == 0))
			return perr(err, "%s: %s/%s: unknown key", name, path, key);
	}
	char p[240];
	snprintf(p, sizeof(p), "%s/pa", path);
	json_t *pa = json_object_get(m, "pa");
	if (!pa)
		return perr(err, "%s: %s: missing", name, p);
	if (parse_value(pa, &st->pa, name, p, err))
		return -EINVAL;
	json_t *bytes = json_object_get(m, "bytes"), *words = json_object_get(m, "u64");
	if (!!bytes == !!words)
		return perr(err, "%s: %s: needs exactly one of \"bytes\" and \"u64\"", name, path);
	if (bytes) {
		if (!json_is_string(bytes) ||
		    parse_hexbytes(json_string_value(bytes), &st->bytes, &st->len))
			return perr(err, "%s: %s/bytes: expected a string of hex byte pairs", name,
				    path);
		return 0;
	}
	if (!json_is_array(words))
		return perr(err, "%s: %s/u64: expected an array", name, path);
	st->len = json_array_size(words) * 8;
	st->bytes = calloc(1, st->len ? st->len : 1);
	if (!st->bytes)
		return -ENOMEM;
	size_t i;
	json_t *w;
	json_array_foreach(words, i, w)
	{
		uint64_t x;
		snprintf(p, sizeof(p), "%s/u64/%zu", path, i);
		if (parse_value(w, &x, name, p, err))
			return -EINVAL;
		for (int b = 0; b < 8; b++)
			st->bytes[i * 8 + b] = (uint8_t)(x >> (8 * b));
	}
	return 0;
}

static void fw_free(struct smcsim_fixture_fw *fw)
{
	if (!fw)
		return;
	for (size_t i = 0; i < fw->nsteps; i++)
		free(fw->steps[i].bytes);
	free(fw->steps);
	free(fw->name);
	free(fw);
}

static int fw_build(struct smcsim_fixture_fw *fw, json_t *doc, struct smcsim_error *err)
{
	const char *name = fw->name;
	if (!json_is_object(doc))
		return perr(err, "%s: /: expected an object", name);
	static const char *const top[] = {
	    "format", "version", "description", "profile", "profile_overrides", "steps", NULL};
	const char *key;
	json_t *v;
	json_object_foreach(doc, key, v)
	{
		bool ok = false;
		for (int i = 0; top[i]; i++)
			ok |= strcmp(key, top[i]) == 0;
		if (!ok)
			return perr(err, "%s: /%s: unknown key", name, key);
	}
	json_t *fmt = json_object_get(doc, "format"), *ver = json_object_get(doc, "version");
	if (!json_is_string(fmt) || strcmp(json_string_value(fmt), "smcsim-trace"))
		return perr(err, "%s: /format: expected \"smcsim-trace\"", name);
	if (!json_is_integer(ver) || json_integer_value(ver) != 1)
		return perr(err, "%s: /version: expected 1", name);
	json_t *steps = json_object_get(doc, "steps");
	if (!json_is_array(steps))
		return perr(err, "%s: /steps: expected an array", name);
	fw->steps = calloc(json_array_size(steps) + 1, sizeof(*fw->steps));
	if (!fw->steps)
		return -ENOMEM;
	size_t i;
	json_t *s;
	json_array_foreach(steps, i, s)
	{
		char path[64];
		snprintf(path, sizeof(path), "/steps/%zu", i);
		if (!json_is_object(s))
			return perr(err, "%s: %s: expected an object", name, path);
		struct fw_step *st = &fw->steps[fw->nsteps];
		st->index = i;
		if (json_object_get(s, "event"))
			continue; /* events are the test's to deliver */
		json_t *call = json_object_get(s, "call"), *w = json_object_get(s, "write"),
		       *c = json_object_get(s, "check");
		if ((call != NULL) + (w != NULL) + (c != NULL) != 1)
			return perr(err,
				    "%s: %s: expected exactly one of call, write, check, event",
				    name, path);
		json_object_foreach(s, key, v)
		{
			static const char *const keys[] = {"call",   "write", "check",
							   "caller", "cpu",   "conduit",
							   "expect", "note",  NULL};
			bool ok = false;
			for (int k = 0; keys[k]; k++)
				ok |= strcmp(key, keys[k]) == 0;
			if (!ok)
				return perr(err, "%s: %s/%s: unknown key", name, path, key);
		}
		char p[160];
		if (call) {
			st->kind = STEP_CALL;
			snprintf(p, sizeof(p), "%s/call", path);
			if (parse_regs(call, st->in, false, false, name, p, err))
				return -EINVAL;
			json_t *e = json_object_get(s, "expect");
			snprintf(p, sizeof(p), "%s/expect", path);
			if (e && parse_regs(e, st->out, true, true, name, p, err))
				return -EINVAL;
			json_t *cd = json_object_get(s, "conduit");
			if (cd) {
				const char *cs = json_is_string(cd) ? json_string_value(cd) : "";
				if (strcmp(cs, "smc") == 0)
					st->conduit = SMCSIM_CONDUIT_SMC;
				else if (strcmp(cs, "hvc") == 0)
					st->conduit = SMCSIM_CONDUIT_HVC;
				else
					return perr(err,
						    "%s: %s/conduit: expected \"smc\" or \"hvc\"",
						    name, path);
			}
		} else {
			st->kind = w ? STEP_WRITE : STEP_CHECK;
			snprintf(p, sizeof(p), "%s/%s", path, w ? "write" : "check");
			int r = parse_mem(w ? w : c, st, w != NULL, name, p, err);
			if (r)
				return r;
		}
		fw->nsteps++;
	}
	return 0;
}

static void fw_fail(struct smcsim_fixture_fw *fw, const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (!fw->first_error[0])
		snprintf(fw->first_error, sizeof(fw->first_error), "%s: %s", fw->name, buf);
	char line[300];
	snprintf(line, sizeof(line), "smcsim: fixture %s: %s", fw->name, buf);
	shim_log_append(fw->k, "err", line);
}

static const char *fid_name(uint64_t fid)
{
	const char *n = smcsim_fid_name((uint32_t)fid);
	return n ? n : "unknown";
}

static bool call_matches(const struct fw_step *st, enum smcsim_conduit conduit,
			 const struct smcsim_regs *r)
{
	if (st->kind != STEP_CALL || st->used)
		return false;
	if (st->conduit != SMCSIM_CONDUIT_DEFAULT && st->conduit != (int)conduit)
		return false;
	return memcmp(st->in, r->x, sizeof(st->in)) == 0;
}

/* Verify the check steps between @from and @to (exclusive). */
static void run_checks(struct smcsim_fixture_fw *fw, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		struct fw_step *st = &fw->steps[i];
		if (st->kind != STEP_CHECK || st->used)
			continue;
		st->used = true;
		const uint8_t *h = smcsim_mem_map(fw->k->sim, st->pa, st->len);
		if (!h) {
			fw_fail(fw, "step %zu: check at 0x%llx: not simulated memory", st->index,
				(unsigned long long)st->pa);
			continue;
		}
		for (size_t b = 0; b < st->len; b++) {
			if (h[b] != st->bytes[b]) {
				fw_fail(fw, "step %zu: memory at 0x%llx is 0x%02x, expected 0x%02x",
					st->index, (unsigned long long)(st->pa + b), h[b],
					st->bytes[b]);
				break;
			}
		}
	}
}

/* Apply the write steps directly after call step @i. */
static void apply_writes(struct smcsim_fixture_fw *fw, size_t i)
{
	for (size_t j = i + 1; j < fw->nsteps && fw->steps[j].kind != STEP_CALL; j++) {
		struct fw_step *st = &fw->steps[j];
		if (st->kind != STEP_WRITE)
			continue;
		uint8_t *h = smcsim_mem_map(fw->k->sim, st->pa, st->len);
		if (!h)
			fw_fail(fw, "step %zu: write at 0x%llx: not simulated memory", st->index,
				(unsigned long long)st->pa);
		else
			memcpy(h, st->bytes, st->len);
		st->used = true;
	}
}

static int fw_call(void *opaque, struct smcsim_kernel *k, int depth, enum smcsim_conduit conduit,
		   struct smcsim_regs *regs)
{
	struct smcsim_fixture_fw *fw = opaque;
	fw->ncalls++;
	size_t hit = fw->nsteps;
	if (fw->flags & SMCSIM_FW_ANY_ORDER) {
		for (size_t i = 0; i < fw->nsteps; i++)
			if (call_matches(&fw->steps[i], conduit, regs)) {
				hit = i;
				break;
			}
	} else {
		size_t i = fw->next;
		while (i < fw->nsteps && fw->steps[i].kind != STEP_CALL)
			i++;
		if (i < fw->nsteps && call_matches(&fw->steps[i], conduit, regs))
			hit = i;
	}
	if (hit == fw->nsteps) {
		fw->unexpected++;
		if (fw->flags & SMCSIM_FW_FALLTHROUGH)
			return smcsim_kernel_fw_next(k, depth + 1, conduit, regs);
		size_t i = fw->next;
		while (i < fw->nsteps && (fw->steps[i].kind != STEP_CALL || fw->steps[i].used))
			i++;
		if (i < fw->nsteps)
			fw_fail(fw,
				"call %u: unexpected %s 0x%08llx (%s) x1=0x%llx, expected step %zu "
				"(%s)",
				fw->ncalls, conduit == SMCSIM_CONDUIT_HVC ? "HVC" : "SMC",
				(unsigned long long)regs->x[0], fid_name(regs->x[0]),
				(unsigned long long)regs->x[1], fw->steps[i].index,
				fid_name(fw->steps[i].in[0]));
		else
			fw_fail(
			    fw,
			    "call %u: unexpected %s 0x%08llx (%s) after the fixture's last call",
			    fw->ncalls, conduit == SMCSIM_CONDUIT_HVC ? "HVC" : "SMC",
			    (unsigned long long)regs->x[0], fid_name(regs->x[0]));
		regs->x[0] = (uint64_t)SMCCC_RET_NOT_SUPPORTED;
		return SMCSIM_EXIT_RETURN;
	}
	run_checks(fw, fw->next, hit);
	struct fw_step *st = &fw->steps[hit];
	st->used = true;
	memcpy(regs->x, st->out, sizeof(st->out));
	apply_writes(fw, hit);
	if (!(fw->flags & SMCSIM_FW_ANY_ORDER))
		fw->next = hit + 1;
	fw->served++;
	return SMCSIM_EXIT_RETURN;
}

int smcsim_fixture_fw_parse(struct smcsim_kernel *k, const char *text, size_t len, const char *name,
			    unsigned int flags, struct smcsim_fixture_fw **out,
			    struct smcsim_error *err)
{
	if (!k || !text || !out)
		return -EINVAL;
	*out = NULL;
	struct smcsim_fixture_fw *fw = calloc(1, sizeof(*fw));
	if (!fw || !(fw->name = strdup(name ? name : "<fixture>"))) {
		free(fw);
		return -ENOMEM;
	}
	fw->k = k;
	fw->flags = flags;
	/* The library's fixture parser is the authority on the format: validate with it
	 * first (its errors name file:line:column or the JSON path), then build the
	 * firmware's own view of the steps. */
	struct smcsim_trace *t = NULL;
	int vr = smcsim_trace_parse(text, len, fw->name, &t, err);
	smcsim_trace_destroy(t);
	if (vr) {
		fw_free(fw);
		return vr;
	}
	json_error_t je;
	json_t *doc = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
	if (!doc) {
		perr(err, "%s:%d:%d: %s", fw->name, je.line, je.column, je.text);
		fw_free(fw);
		return -EINVAL;
	}
	int r = fw_build(fw, doc, err);
	json_decref(doc);
	if (!r) {
		/* Writes before the first call are the memory the firmware booted with. */
		size_t i = 0;
		for (; i < fw->nsteps && fw->steps[i].kind != STEP_CALL; i++)
			;
		if (i > 0) {
			for (size_t j = 0; j < i; j++) {
				struct fw_step *st = &fw->steps[j];
				if (st->kind != STEP_WRITE)
					continue;
				uint8_t *h = smcsim_mem_map(k->sim, st->pa, st->len);
				if (!h) {
					r = perr(
					    err,
					    "%s: /steps/%zu/write: 0x%llx is not simulated memory",
					    fw->name, st->index, (unsigned long long)st->pa);
					break;
				}
				memcpy(h, st->bytes, st->len);
				st->used = true;
			}
		}
	}
	if (!r)
		r = smcsim_kernel_push_firmware(k, fw_call, fw);
	if (r) {
		fw_free(fw);
		return r;
	}
	*out = fw;
	return 0;
}

int smcsim_fixture_fw_load(struct smcsim_kernel *k, const char *path, unsigned int flags,
			   struct smcsim_fixture_fw **out, struct smcsim_error *err)
{
	FILE *f = path ? fopen(path, "rb") : NULL;
	if (!f) {
		if (err)
			snprintf(err->text, sizeof(err->text), "%s: %s", path ? path : "(null)",
				 strerror(errno));
		return path ? -ENOENT : -EINVAL;
	}
	char *buf = NULL;
	size_t len = 0, cap = 0;
	for (;;) {
		if (len == cap) {
			cap = cap ? cap * 2 : 65536;
			char *n = realloc(buf, cap);
			if (!n) {
				free(buf);
				fclose(f);
				return -ENOMEM;
			}
			buf = n;
		}
		size_t got = fread(buf + len, 1, cap - len, f);
		len += got;
		if (!got)
			break;
	}
	fclose(f);
	int r = smcsim_fixture_fw_parse(k, buf, len, path, flags, out, err);
	free(buf);
	return r;
}

int smcsim_fixture_fw_finish(const struct smcsim_fixture_fw *fw, char *msg, size_t len)
{
	if (fw->first_error[0]) {
		snprintf(msg, len, "%s", fw->first_error);
		return -EPROTO;
	}
	for (size_t i = 0; i < fw->nsteps; i++) {
		const struct fw_step *st = &fw->steps[i];
		if (st->kind == STEP_CALL && !st->used) {
			snprintf(msg, len, "%s: step %zu (%s) was never called", fw->name,
				 st->index, fid_name(st->in[0]));
			return -EPROTO;
		}
	}
	if (len)
		msg[0] = '\0';
	return 0;
}

unsigned int smcsim_fixture_fw_served(const struct smcsim_fixture_fw *fw)
{
	return fw->served;
}

unsigned int smcsim_fixture_fw_unexpected(const struct smcsim_fixture_fw *fw)
{
	return fw->unexpected;
}

void smcsim_fixture_fw_destroy(struct smcsim_fixture_fw *fw)
{
	if (!fw)
		return;
	smcsim_kernel_remove_firmware(fw->k, fw_call, fw);
	fw_free(fw);
}
