/* SPDX-License-Identifier: MIT */
/*
 * Profiles: JSON documents describing a whole machine. Built-ins are the JSON files in
 * traces/profiles/, compiled in at build time, so the same parser and the same checks
 * serve built-in and user profiles. A profile may name a "base" and patch it.
 */
#include <errno.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>

#include "emu/machine.h"
#include "emu/profiles.h"

struct smcsim_profile {
	char *name;
	json_t *root;
};

/* JSON_ALLOW_NUL: see emu_json_check_nul(), which reports a NUL with its JSON path. */
#define JSON_FLAGS (JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL)

static void json_error_to(struct smcsim_error *err, const char *name, const json_error_t *je)
{
	emu_err(err, "%s:%d:%d: %s", name, je->line, je->column, je->text);
}

/* Append @key to the JSON Pointer in @path[0..*len), escaped as RFC 6901 section 3 says:
 * "~" as "~0" and "/" as "~1". A pointer too long for @cap is cut short with "...". */
static void pointer_push(char *path, size_t cap, size_t *len, const char *key)
{
	size_t n = *len;
	if (n + 1 < cap)
		path[n++] = '/';
	for (; *key && n + 2 < cap; key++) {
		if (*key == '~' || *key == '/') {
			path[n++] = '~';
			path[n++] = *key == '~' ? '0' : '1';
		} else {
			path[n++] = *key;
		}
	}
	if (*key && cap > 4) {
		n = cap - 4;
		memcpy(path + n, "...", 3);
		n += 3;
	}
	path[n] = 0;
	*len = n;
}

static bool find_nul(json_t *v, char *path, size_t cap, size_t len)
{
	if (json_is_string(v))
		return strlen(json_string_value(v)) != json_string_length(v);
	const char *key;
	json_t *m;
	size_t i, sub;
	if (json_is_object(v)) {
		json_object_foreach(v, key, m)
		{
			sub = len;
			pointer_push(path, cap, &sub, key);
			if (find_nul(m, path, cap, sub))
				return true;
		}
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, m)
		{
			char idx[24];
			snprintf(idx, sizeof(idx), "%zu", i);
			sub = len;
			pointer_push(path, cap, &sub, idx);
			if (find_nul(m, path, cap, sub))
				return true;
		}
	}
	path[len] = 0;
	return false;
}

/*
 * JSON strings may hold U+0000 (RFC 8259 section 7), but nothing smcsim reads is
 * meaningful with one: every consumer takes the C string, which ends at the NUL, so a
 * hex "bytes" value, a function name or a caller would be silently cut short. Documents
 * are loaded with JSON_ALLOW_NUL so that this check, not the parser, reports the string,
 * by JSON Pointer (jansson's own error names neither the value nor its path). Object
 * keys need no check: jansson rejects a NUL in a key whatever the flags.
 */
int emu_json_check_nul(json_t *doc, const char *name, struct smcsim_error *err)
{
	char path[200] = "";
	if (!find_nul(doc, path, sizeof(path), 0))
		return 0;
	return emu_err(err, "%s: %s: string contains a NUL character (\\u0000)", name,
		       path[0] ? path : "/");
}

json_t *emu_json_loads(const char *text, size_t len, const char *name, struct smcsim_error *err)
{
	json_error_t je;
	json_t *j = json_loadb(text, len, JSON_FLAGS, &je);
	if (!j)
		json_error_to(err, name, &je);
	else if (emu_json_check_nul(j, name, err)) {
		json_decref(j);
		return NULL;
	}
	return j;
}

/* RFC 7386 JSON Merge Patch, in place. */
int emu_merge_patch(json_t *target, json_t *patch)
{
	const char *key;
	json_t *v;
	json_object_foreach(patch, key, v)
	{
		if (json_is_null(v)) {
			json_object_del(target, key);
			continue;
		}
		json_t *t = json_object_get(target, key);
		if (json_is_object(v) && json_is_object(t)) {
			int ret = emu_merge_patch(t, v);
			if (ret)
				return ret;
			continue;
		}
		if (json_is_object(v)) {
			/* A patch object merged into nothing: drop its nulls too (RFC 7386). */
			json_t *fresh = json_object();
			if (!fresh || emu_merge_patch(fresh, v) ||
			    json_object_set_new(target, key, fresh))
				return -ENOMEM;
			continue;
		}
		if (json_object_set(target, key, v))
			return -ENOMEM;
	}
	return 0;
}

static const struct emu_builtin_profile *builtin_find(const char *name)
{
	for (size_t i = 0; i < emu_nbuiltin_profiles; i++)
		if (strcmp(emu_builtin_profiles[i].name, name) == 0)
			return &emu_builtin_profiles[i];
	return NULL;
}

static bool looks_like_path(const char *s)
{
	size_t n = strlen(s);
	return strchr(s, '/') || (n > 5 && strcmp(s + n - 5, ".json") == 0);
}

static int load_json(const char *name_or_path, const char *dir, int depth, json_t **out,
		     struct smcsim_error *err);

static int resolve_base(json_t *root, const char *where, const char *dir, int depth, json_t **out,
			struct smcsim_error *err)
{
	json_t *b = json_object_get(root, "base");
	if (!b) {
		*out = json_incref(root);
		return 0;
	}
	if (!json_is_string(b))
		return emu_err(err, "%s: /base: expected a profile name or path", where);
	if (depth >= 8)
		return emu_err(err, "%s: /base: profiles nest more than 8 deep (a cycle?)", where);
	json_t *base;
	int ret = load_json(json_string_value(b), dir, depth + 1, &base, err);
	if (ret)
		return ret;
	json_t *child = json_deep_copy(root);
	if (!child) {
		json_decref(base);
		return -ENOMEM;
	}
	json_object_del(child, "base");
	json_object_del(base, "name");
	json_object_del(base, "description");
	ret = emu_merge_patch(base, child);
	json_decref(child);
	if (ret) {
		json_decref(base);
		return ret;
	}
	*out = base;
	return 0;
}

static int load_json(const char *name_or_path, const char *dir, int depth, json_t **out,
		     struct smcsim_error *err)
{
	json_t *root;
	char where[300];
	char *pathbuf = NULL;
	const char *subdir = NULL;
	if (looks_like_path(name_or_path)) {
		const char *path = name_or_path;
		if (dir && name_or_path[0] != '/') {
			size_t n = strlen(dir) + strlen(name_or_path) + 2;
			pathbuf = malloc(n);
			if (!pathbuf)
				return -ENOMEM;
			snprintf(pathbuf, n, "%s/%s", dir, name_or_path);
			path = pathbuf;
		}
		json_error_t je;
		root = json_load_file(path, JSON_FLAGS, &je);
		if (!root) {
			int ret = (je.line == -1 && je.position == 0) ? -ENOENT : -EINVAL;
			if (ret == -ENOENT)
				emu_err(err, "%s: cannot read profile file", path);
			else
				json_error_to(err, path, &je);
			free(pathbuf);
			return ret;
		}
		if (emu_json_check_nul(root, path, err)) {
			json_decref(root);
			free(pathbuf);
			return -EINVAL;
		}
		snprintf(where, sizeof(where), "%s", path);
		free(pathbuf);
		pathbuf = strdup(where);
		subdir = pathbuf ? dirname(pathbuf) : NULL;
	} else {
		const struct emu_builtin_profile *b = builtin_find(name_or_path);
		if (!b) {
			char list[256] = "";
			size_t used = 0;
			for (size_t i = 0; i < emu_nbuiltin_profiles; i++) {
				int w = snprintf(list + used, sizeof(list) - used, "%s%s",
						 i ? ", " : "", emu_builtin_profiles[i].name);
				if (w < 0 || (size_t)w >= sizeof(list) - used)
					break;
				used += (size_t)w;
			}
			emu_err(err, "no built-in profile named \"%s\" (built-in: %s)",
				name_or_path, list);
			return -ENOENT;
		}
		snprintf(where, sizeof(where), "built-in profile %s", b->name);
		root = emu_json_loads(b->json, strlen(b->json), where, err);
		if (!root)
			return -EINVAL;
	}
	int ret = 0;
	if (!json_is_object(root))
		ret = emu_err(err, "%s: a profile is a JSON object", where);
	else
		ret = resolve_base(root, where, subdir, depth, out, err);
	json_decref(root);
	free(pathbuf);
	return ret;
}

SMCSIM_EXPORT const char *smcsim_profile_builtin(size_t i)
{
	return i < emu_nbuiltin_profiles ? emu_builtin_profiles[i].name : NULL;
}

SMCSIM_EXPORT int smcsim_profile_load(const char *name_or_path, struct smcsim_profile **out,
				      struct smcsim_error *err)
{
	if (!out)
		return -EINVAL;
	*out = NULL;
	if (!name_or_path)
		name_or_path = emu_builtin_profiles[0].name;
	json_t *root;
	int ret = load_json(name_or_path, NULL, 0, &root, err);
	if (ret)
		return ret;
	struct smcsim_profile *p = calloc(1, sizeof(*p));
	if (!p) {
		json_decref(root);
		return -ENOMEM;
	}
	p->root = root;
	const char *name = json_string_value(json_object_get(root, "name"));
	if (!name) {
		/* An unnamed profile file is known by its file name. */
		char *tmp = strdup(name_or_path);
		char *b = tmp ? basename(tmp) : NULL;
		size_t n = b ? strlen(b) : 0;
		if (n > 5 && strcmp(b + n - 5, ".json") == 0)
			b[n - 5] = 0;
		p->name = b ? strdup(b) : NULL;
		free(tmp);
		if (p->name)
			json_object_set_new(root, "name", json_string(p->name));
	} else {
		p->name = strdup(name);
	}
	if (!p->name) {
		smcsim_profile_destroy(p);
		return -ENOMEM;
	}
	*out = p;
	return 0;
}

SMCSIM_EXPORT int smcsim_profile_patch(struct smcsim_profile *p, const char *json,
				       struct smcsim_error *err)
{
	if (!p || !json)
		return -EINVAL;
	json_t *patch = emu_json_loads(json, strlen(json), "profile patch", err);
	if (!patch)
		return -EINVAL;
	int ret;
	if (!json_is_object(patch))
		ret = emu_err(err, "profile patch: expected a JSON object");
	else if (json_object_get(patch, "name") || json_object_get(patch, "base"))
		ret = emu_err(err, "profile patch: /%s cannot be patched",
			      json_object_get(patch, "name") ? "name" : "base");
	else
		ret = emu_merge_patch(p->root, patch);
	json_decref(patch);
	return ret;
}

SMCSIM_EXPORT const char *smcsim_profile_name(const struct smcsim_profile *p)
{
	return p ? p->name : NULL;
}

json_t *emu_profile_json(const struct smcsim_profile *p)
{
	return p->root;
}

SMCSIM_EXPORT char *smcsim_profile_dump(const struct smcsim_profile *p)
{
	return p ? json_dumps(p->root, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
}

SMCSIM_EXPORT void smcsim_profile_destroy(struct smcsim_profile *p)
{
	if (!p)
		return;
	json_decref(p->root);
	free(p->name);
	free(p);
}
