/* SPDX-License-Identifier: MIT */
/*
 * Recording: every call, memory write made through the API and event becomes a step of a
 * version-1 fixture (smcsim-trace(5)). A call records all 18 registers after it, so the
 * fixture replays bit-identically.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "emu/machine.h"

struct emu_record {
	json_t *steps;
};

static json_t *hex(uint64_t v)
{
	char buf[24];
	snprintf(buf, sizeof(buf), "0x%" PRIx64, v);
	return json_string(buf);
}

static json_t *hexbytes(const void *buf, size_t len)
{
	static const char digits[] = "0123456789abcdef";
	char *s = malloc(len * 2 + 1);
	if (!s)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		s[2 * i] = digits[((const uint8_t *)buf)[i] >> 4];
		s[2 * i + 1] = digits[((const uint8_t *)buf)[i] & 15];
	}
	s[len * 2] = 0;
	json_t *j = json_string(s);
	free(s);
	return j;
}

static void append(struct smcsim *sim, json_t *step)
{
	if (!step)
		return;
	if (!sim->rec || json_array_append_new(sim->rec->steps, step))
		json_decref(step);
}

SMCSIM_EXPORT int smcsim_record_start(struct smcsim *sim)
{
	if (!sim)
		return -EINVAL;
	emu_record_free(sim);
	sim->rec = calloc(1, sizeof(*sim->rec));
	if (!sim->rec)
		return -ENOMEM;
	sim->rec->steps = json_array();
	if (!sim->rec->steps) {
		free(sim->rec);
		sim->rec = NULL;
		return -ENOMEM;
	}
	sim->recording = true;
	return 0;
}

SMCSIM_EXPORT void smcsim_record_stop(struct smcsim *sim)
{
	if (sim)
		sim->recording = false;
}

SMCSIM_EXPORT size_t smcsim_record_steps(const struct smcsim *sim)
{
	return sim && sim->rec ? json_array_size(sim->rec->steps) : 0;
}

void emu_record_free(struct smcsim *sim)
{
	if (sim->rec)
		json_decref(sim->rec->steps);
	free(sim->rec);
	sim->rec = NULL;
	sim->recording = false;
}

void emu_record_call(struct smcsim *sim, int caller, unsigned int cpu, enum smcsim_conduit conduit,
		     const struct smcsim_regs *in, const struct smcsim_regs *out, int exit_code)
{
	json_t *step = json_object(), *call = json_object(), *expect = json_object();
	if (!step || !call || !expect) {
		json_decref(step);
		json_decref(call);
		json_decref(expect);
		return;
	}
	for (int i = 0; i < SMCSIM_NREGS; i++) {
		char name[4];
		snprintf(name, sizeof(name), "x%d", i);
		if (i == 0 || in->x[i])
			json_object_set_new(call, name, hex(in->x[i]));
		json_object_set_new(expect, name, hex(out->x[i]));
	}
	if (exit_code != SMCSIM_EXIT_RETURN)
		json_object_set_new(expect, "exit", json_string(smcsim_exit_name(exit_code)));
	json_object_set_new(step, "call", call);
	json_object_set_new(step, "caller", json_string(sim->callers[caller].name));
	json_object_set_new(step, "cpu", json_integer(cpu));
	json_object_set_new(step, "conduit",
			    json_string(conduit == SMCSIM_CONDUIT_HVC ? "hvc" : "smc"));
	json_object_set_new(step, "expect", expect);
	const struct emu_fn *fn = emu_fn_find(sim->reg, (uint32_t)in->x[0], NULL);
	if (fn)
		json_object_set_new(step, "note", json_string(fn->name));
	append(sim, step);
}

void emu_record_mem(struct smcsim *sim, uint64_t pa, const void *buf, size_t len)
{
	json_t *w = json_object(), *step = json_object();
	if (!w || !step) {
		json_decref(w);
		json_decref(step);
		return;
	}
	json_object_set_new(w, "pa", hex(pa));
	json_object_set_new(w, "bytes", hexbytes(buf, len));
	json_object_set_new(step, "write", w);
	append(sim, step);
}

void emu_record_event(struct smcsim *sim, const char *name, json_t *args)
{
	json_t *step = json_deep_copy(args);
	if (!step)
		return;
	json_object_set_new(step, "event", json_string(name));
	append(sim, step);
}

/* A merge patch (RFC 7386) that turns @from into @to. */
static json_t *make_patch(json_t *from, json_t *to)
{
	json_t *patch = json_object();
	if (!patch)
		return NULL;
	const char *key;
	json_t *v;
	json_object_foreach(from, key, v)
	{
		if (!json_object_get(to, key))
			json_object_set_new(patch, key, json_null());
	}
	json_object_foreach(to, key, v)
	{
		json_t *f = json_object_get(from, key);
		if (f && json_equal(f, v))
			continue;
		if (f && json_is_object(f) && json_is_object(v))
			json_object_set_new(patch, key, make_patch(f, v));
		else
			json_object_set(patch, key, v);
	}
	return patch;
}

SMCSIM_EXPORT int smcsim_record_write(const struct smcsim *sim, FILE *f, const char *description)
{
	if (!sim || !f)
		return -EINVAL;
	if (!sim->rec || json_array_size(sim->rec->steps) == 0)
		return -ENODATA;

	/* Name a built-in profile the replay can load, and carry every difference from it
	 * as overrides, so a recording from a patched or file profile stays self-contained. */
	struct smcsim_profile *base = NULL;
	if (smcsim_profile_load(sim->profile_name, &base, NULL) != 0 &&
	    smcsim_profile_load(NULL, &base, NULL) != 0)
		return -ENOMEM;
	json_t *doc = json_object();
	json_t *patch = make_patch(emu_profile_json(base), sim->profile);
	if (!doc || !patch) {
		json_decref(doc);
		json_decref(patch);
		smcsim_profile_destroy(base);
		return -ENOMEM;
	}
	json_object_del(patch, "name");
	json_object_set_new(doc, "format", json_string("smcsim-trace"));
	json_object_set_new(doc, "version", json_integer(1));
	json_object_set_new(doc, "description",
			    json_string(description ? description : "recorded by libsmcsim"));
	json_object_set_new(doc, "profile", json_string(smcsim_profile_name(base)));
	if (json_object_size(patch))
		json_object_set(doc, "profile_overrides", patch);
	json_decref(patch);
	smcsim_profile_destroy(base);
	json_object_set(doc, "steps", sim->rec->steps);
	int ret = json_dumpf(doc, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER) ? -EIO : 0;
	if (!ret && fputc('\n', f) == EOF)
		ret = -EIO;
	json_decref(doc);
	return ret;
}
