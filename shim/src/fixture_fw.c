/* SPDX-License-Identifier: MIT */
/*
 * Fixtures as firmware: a recorded or hand-written smcsim-trace v1 fixture answers the
 * calls of the code under test. This is how a trace from real hardware becomes a
 * regression test for kernel logic. The library parses the fixture (smcsim_trace_parse(),
 * format in smcsim-trace(5)): values are hex or decimal strings as smcsim_value_parse()
 * reads them, JSON integers (negative = two's complement), function-ID names, or
 * {value, mask}; unknown keys are errors with the JSON path.
 *
 * A call matches a step when every argument register agrees under the step's mask
 * (struct smcsim_trace_step.in_mask): a real kernel may leave registers it does not use
 * uninitialised, and a fixture says so with a mask of 0 or "match": "named". A call that
 * matches nothing is reported with every register that differs from the step it came
 * closest to, so one message says all that is wrong.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shim_priv.h"

enum step_kind { STEP_CALL, STEP_WRITE, STEP_CHECK };

struct fw_step {
	enum step_kind kind;
	size_t index; /* in "steps", for messages */
	/* call */
	uint64_t in[SMCSIM_NREGS], out[SMCSIM_NREGS];
	uint64_t mask[SMCSIM_NREGS]; /* bits of in[] compared; in[] has none outside */
	int conduit;		     /* SMCSIM_CONDUIT_DEFAULT = any */
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
	char first_error[2200];
};

static int perr(struct smcsim_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

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

/*
 * The firmware's view of a fixture, built from the library's parsed trace (the library is
 * the one authority on the format): events are the test's to deliver, so only calls,
 * writes and checks are kept. A call answers with its expected registers (registers it
 * does not name read as 0, as in a recording every register is named), and is matched on
 * its argument registers under their masks.
 */
static int fw_build(struct smcsim_fixture_fw *fw, const struct smcsim_trace *t)
{
	size_t n = smcsim_trace_steps(t);
	fw->steps = calloc(n + 1, sizeof(*fw->steps));
	if (!fw->steps)
		return -ENOMEM;
	for (size_t i = 0; i < n; i++) {
		struct smcsim_trace_step ts = { .size = sizeof(ts) };
		if (smcsim_trace_step(t, i, &ts))
			return -EINVAL;
		if (ts.kind == SMCSIM_STEP_EVENT)
			continue;
		struct fw_step *st = &fw->steps[fw->nsteps++];
		st->index = i;
		if (ts.kind == SMCSIM_STEP_CALL) {
			st->kind = STEP_CALL;
			memcpy(st->in, ts.in.x, sizeof(st->in));
			memcpy(st->mask, ts.in_mask, sizeof(st->mask));
			memcpy(st->out, ts.expect, sizeof(st->out));
			st->conduit = ts.conduit;
			continue;
		}
		st->kind = ts.kind == SMCSIM_STEP_WRITE ? STEP_WRITE : STEP_CHECK;
		st->pa = ts.pa;
		st->len = ts.len;
		st->bytes = malloc(ts.len);
		if (!st->bytes)
			return -ENOMEM;
		memcpy(st->bytes, ts.bytes, ts.len);
	}
	return 0;
}

static void fw_fail(struct smcsim_fixture_fw *fw, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void fw_fail(struct smcsim_fixture_fw *fw, const char *fmt, ...)
{
	char buf[2048]; /* room for all 18 registers differing under masks */
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (!fw->first_error[0])
		snprintf(fw->first_error, sizeof(fw->first_error), "%s: %s", fw->name, buf);
	char line[2200];
	snprintf(line, sizeof(line), "smcsim: fixture %s: %s", fw->name, buf);
	shim_log_append(fw->k, "err", line);
}

static const char *fid_name(uint64_t fid)
{
	const char *n = smcsim_fid_name((uint32_t)fid);
	return n ? n : "unknown";
}

static const char *conduit_name(int conduit)
{
	return conduit == SMCSIM_CONDUIT_HVC ? "HVC" : "SMC";
}

static bool conduit_differs(const struct fw_step *st, enum smcsim_conduit conduit)
{
	return st->conduit != SMCSIM_CONDUIT_DEFAULT && st->conduit != (int)conduit;
}

/* Bit n set: x<n> of @r differs from call step @st under the step's mask for it. */
static uint32_t call_diff(const struct fw_step *st, const struct smcsim_regs *r)
{
	uint32_t diff = 0;
	for (int n = 0; n < SMCSIM_NREGS; n++)
		if ((r->x[n] ^ st->in[n]) & st->mask[n])
			diff |= UINT32_C(1) << n;
	return diff;
}

static bool call_matches(const struct fw_step *st, enum smcsim_conduit conduit,
			 const struct smcsim_regs *r)
{
	if (st->kind != STEP_CALL || st->used)
		return false;
	return !conduit_differs(st, conduit) && !call_diff(st, r);
}

/*
 * Report a call no step matched: in strict order against the next call step, in any
 * order against the unused call step it differs from in the fewest registers (the
 * earliest on a tie). Every differing register is named, with its mask when not all ones.
 */
static void report_unmatched(struct smcsim_fixture_fw *fw, enum smcsim_conduit conduit,
			     const struct smcsim_regs *regs)
{
	bool any_order = fw->flags & SMCSIM_FW_ANY_ORDER;
	size_t best = fw->nsteps;
	int best_n = SMCSIM_NREGS + 2;
	for (size_t i = fw->next; i < fw->nsteps; i++) {
		const struct fw_step *st = &fw->steps[i];
		if (st->kind != STEP_CALL || st->used)
			continue;
		int n = __builtin_popcount(call_diff(st, regs)) + conduit_differs(st, conduit);
		if (n < best_n) {
			best = i;
			best_n = n;
		}
		if (!any_order)
			break;
	}
	if (best == fw->nsteps) {
		fw_fail(fw, "call %u: unexpected %s 0x%08llx (%s) after the fixture's last call",
			fw->ncalls, conduit_name(conduit), (unsigned long long)regs->x[0],
			fid_name(regs->x[0]));
		return;
	}
	const struct fw_step *st = &fw->steps[best];
	char diffs[1800] = "";
	size_t used = 0;
	const char *sep = "";
	if (conduit_differs(st, conduit)) {
		used = (size_t)snprintf(diffs, sizeof(diffs), "conduit %s != expected %s",
					conduit_name(conduit), conduit_name(st->conduit));
		sep = ", ";
	}
	uint32_t diff = call_diff(st, regs);
	for (int n = 0; n < SMCSIM_NREGS && used < sizeof(diffs); n++) {
		if (!(diff & (UINT32_C(1) << n)))
			continue;
		char m[40] = "";
		if (st->mask[n] != UINT64_MAX)
			snprintf(m, sizeof(m), " under mask 0x%llx",
				 (unsigned long long)st->mask[n]);
		int w = snprintf(diffs + used, sizeof(diffs) - used,
				 "%sx%d 0x%llx != expected 0x%llx%s", sep, n,
				 (unsigned long long)regs->x[n], (unsigned long long)st->in[n], m);
		if (w < 0)
			break;
		used += (size_t)w;
		sep = ", ";
	}
	fw_fail(fw, "call %u: unexpected %s 0x%08llx (%s), %s step %zu (%s): %s", fw->ncalls,
		conduit_name(conduit), (unsigned long long)regs->x[0], fid_name(regs->x[0]),
		any_order ? "closest unused" : "expected", st->index, fid_name(st->in[0]), diffs);
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
		report_unmatched(fw, conduit, regs);
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
	/* The library's parser is the authority on the format: its errors name
	 * file:line:column or the JSON path, and its steps are what we serve. */
	struct smcsim_trace *t = NULL;
	int r = smcsim_trace_parse(text, len, fw->name, &t, err);
	if (!r)
		r = fw_build(fw, t);
	smcsim_trace_destroy(t);
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
					r = perr(err,
						 "%s: /steps/%zu/write: 0x%llx is not simulated "
						 "memory",
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
