/* SPDX-License-Identifier: MIT */
/*
 * Strict readers for profile sections and register values. Every failure names the JSON
 * path, so a user can find the bad value without reading our code.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abi/bytes.h"
#include "emu/emu.h"

int emu_err(struct smcsim_error *err, const char *fmt, ...)
{
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err->text, sizeof(err->text), fmt, ap);
		va_end(ap);
	}
	return -EINVAL;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decimal or "0x" hex digits of @p, no sign; the magnitude may use all 64 bits. */
static int parse_magnitude(const char *p, uint64_t *out, const char **why)
{
	uint64_t v = 0;
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		p += 2;
		if (!*p) {
			*why = "\"0x\" with no digits";
			return -EINVAL;
		}
		for (; *p; p++) {
			int h = hexval((unsigned char)*p);
			if (h < 0) {
				*why = "not a hexadecimal number";
				return -EINVAL;
			}
			if (v >> 60) {
				*why = "value does not fit in 64 bits";
				return -EINVAL;
			}
			v = (v << 4) | (uint64_t)h;
		}
		*out = v;
		return 0;
	}
	/* A leading 0 is decimal: fixtures always read "010" as ten, and the tools must
	 * agree with them (strtoull's base 0 would take it as octal). */
	for (; *p; p++) {
		if (*p < '0' || *p > '9') {
			*why = "not a decimal number";
			return -EINVAL;
		}
		uint64_t d = (uint64_t)(*p - '0');
		if (v > (UINT64_MAX - d) / 10) {
			*why = "value does not fit in 64 bits";
			return -EINVAL;
		}
		v = v * 10 + d;
	}
	*out = v;
	return 0;
}

int emu_value_parse(const struct emu_registry *reg, const char *s, uint64_t *out, const char **why)
{
	if (!s || !*s) {
		*why = "empty value";
		return -EINVAL;
	}
	bool neg = s[0] == '-';
	const char *p = s + neg;
	if (*p >= '0' && *p <= '9') {
		uint64_t v;
		if (parse_magnitude(p, &v, why))
			return -EINVAL;
		/* Negative values are 64-bit two's complement: -1 is all ones. */
		if (neg && v > (UINT64_C(1) << 63)) {
			*why = "value does not fit in 64 bits";
			return -EINVAL;
		}
		*out = neg ? (uint64_t)0 - v : v;
		return 0;
	}
	const struct emu_fn *fn = !neg && reg ? emu_fn_find_name(reg, s, NULL) : NULL;
	if (fn) {
		*out = fn->fid;
		return 0;
	}
	*why = reg ? "not a number or a known function-ID name" : "not a number";
	return -EINVAL;
}

int emu_parse_value(const struct emu_registry *reg, json_t *v, uint64_t *out, const char **why)
{
	if (json_is_integer(v)) {
		/* Negative integers mean 64-bit two's complement: -1 is all ones. */
		*out = (uint64_t)json_integer_value(v);
		return 0;
	}
	if (json_is_string(v))
		return emu_value_parse(reg, json_string_value(v), out, why);
	*why = reg ? "expected a hex string, a decimal string, an integer or a function-ID name"
		   : "expected a hex string, a decimal string or an integer";
	return -EINVAL;
}

int emu_parse_u64(json_t *v, uint64_t *out, const char **why)
{
	return emu_parse_value(NULL, v, out, why);
}

int emu_parse_uuid(const char *s, uint8_t out[16])
{
	/* 8-4-4-4-12 hex digits; bytes in the order the string spells them (RFC 4122). */
	static const int dash[] = { 8, 13, 18, 23 };
	if (!s || strlen(s) != 36)
		return -EINVAL;
	int n = 0;
	for (int i = 0; i < 36; i++) {
		bool is_dash = false;
		for (size_t k = 0; k < EMU_ARRAY_SIZE(dash); k++)
			is_dash |= dash[k] == i;
		if (is_dash) {
			if (s[i] != '-')
				return -EINVAL;
			continue;
		}
		int hi = hexval((unsigned char)s[i]), lo = hexval((unsigned char)s[i + 1]);
		if (hi < 0 || lo < 0)
			return -EINVAL;
		out[n++] = (uint8_t)(hi << 4 | lo);
		i++;
	}
	return 0;
}

void emu_uuid_to_regs(const uint8_t uuid[16], uint64_t out[4])
{
	/* DEN0028 Call UID: w0 holds bytes 0..3 with byte 0 least significant, and so on,
	 * e.g. the KVM UID 28b46fb6-... gives w0 = 0xb66fb428. */
	for (int w = 0; w < 4; w++)
		out[w] = abi_rd32(uuid + 4 * w);
}

int emu_cfg_keys(json_t *obj, const char *path, const char *const *allowed,
		 struct smcsim_error *err)
{
	if (!json_is_object(obj))
		return emu_err(err, "%s: expected an object", path[0] ? path : "/");
	const char *key;
	json_t *v;
	json_object_foreach(obj, key, v)
	{
		bool ok = false;
		for (const char *const *a = allowed; *a && !ok; a++)
			ok = strcmp(*a, key) == 0;
		if (!ok && !allowed[0])
			/* An empty list is an object that takes no keys (e.g. an event's
			 * arguments): "expected one of: " with nothing after it says nothing. */
			return emu_err(err, "%s/%s: unknown key (no keys are allowed here)", path,
				       key);
		if (!ok) {
			char list[256] = "";
			size_t used = 0;
			for (const char *const *a = allowed; *a; a++) {
				int w = snprintf(list + used, sizeof(list) - used, "%s%s",
						 a == allowed ? "" : ", ", *a);
				if (w < 0 || (size_t)w >= sizeof(list) - used)
					break;
				used += (size_t)w;
			}
			return emu_err(err, "%s/%s: unknown key (expected one of: %s)", path, key,
				       list);
		}
	}
	return 0;
}

int emu_cfg_u64(json_t *obj, const char *key, const char *path, uint64_t def, uint64_t *out,
		struct smcsim_error *err)
{
	json_t *v = json_object_get(obj, key);
	*out = def;
	if (!v)
		return 0;
	const char *why;
	if (emu_parse_u64(v, out, &why))
		return emu_err(err, "%s/%s: %s", path, key, why);
	return 0;
}

int emu_cfg_fid(const struct emu_registry *reg, json_t *obj, const char *key, const char *path,
		uint32_t def, uint32_t *out, struct smcsim_error *err)
{
	json_t *v = json_object_get(obj, key);
	*out = def;
	if (!v)
		return 0;
	const char *why;
	uint64_t fid;
	if (emu_parse_value(reg, v, &fid, &why))
		return emu_err(err, "%s/%s: %s", path, key, why);
	if (fid > UINT32_MAX)
		return emu_err(err, "%s/%s: not a 32-bit function ID", path, key);
	*out = (uint32_t)fid;
	return 0;
}

int emu_cfg_u32(json_t *obj, const char *key, const char *path, uint32_t def, uint32_t *out,
		struct smcsim_error *err)
{
	uint64_t v;
	int ret = emu_cfg_u64(obj, key, path, def, &v, err);
	if (ret)
		return ret;
	if (v > UINT32_MAX)
		return emu_err(err, "%s/%s: value does not fit in 32 bits", path, key);
	*out = (uint32_t)v;
	return 0;
}

int emu_cfg_s64(json_t *obj, const char *key, const char *path, int64_t def, int64_t *out,
		struct smcsim_error *err)
{
	uint64_t v;
	int ret = emu_cfg_u64(obj, key, path, (uint64_t)def, &v, err);
	*out = (int64_t)v;
	return ret;
}

int emu_cfg_bool(json_t *obj, const char *key, const char *path, bool def, bool *out,
		 struct smcsim_error *err)
{
	json_t *v = json_object_get(obj, key);
	*out = def;
	if (!v)
		return 0;
	if (!json_is_boolean(v))
		return emu_err(err, "%s/%s: expected true or false", path, key);
	*out = json_is_true(v);
	return 0;
}

int emu_cfg_str(json_t *obj, const char *key, const char *path, const char *def, const char **out,
		struct smcsim_error *err)
{
	json_t *v = json_object_get(obj, key);
	*out = def;
	if (!v)
		return 0;
	if (!json_is_string(v))
		return emu_err(err, "%s/%s: expected a string", path, key);
	*out = json_string_value(v);
	return 0;
}

int emu_cfg_version(json_t *obj, const char *key, const char *path, uint32_t def, uint32_t *out,
		    struct smcsim_error *err)
{
	json_t *v = json_object_get(obj, key);
	*out = def;
	if (!v)
		return 0;
	if (json_is_null(v)) {
		*out = 0;
		return 0;
	}
	if (json_is_integer(v)) {
		json_int_t i = json_integer_value(v);
		if (i < 0 || i > 0x7fffffff)
			return emu_err(err, "%s/%s: a version word is 31 bits (major<<16|minor)",
				       path, key);
		*out = (uint32_t)i;
		return 0;
	}
	const char *s = json_string_value(v);
	if (!s)
		return emu_err(err, "%s/%s: expected \"MAJOR.MINOR\", \"absent\" or null", path,
			       key);
	if (strcmp(s, "absent") == 0) {
		*out = 0;
		return 0;
	}
	unsigned int maj, min;
	char tail;
	if (sscanf(s, "%u.%u%c", &maj, &min, &tail) != 2 || maj > 0x7fff || min > 0xffff)
		return emu_err(err, "%s/%s: \"%s\" is not a version \"MAJOR.MINOR\"", path, key, s);
	*out = SMCCC_VER(maj, min);
	return 0;
}

int emu_cfg_uuid(json_t *obj, const char *key, const char *path, const uint8_t def[16],
		 uint8_t out[16], struct smcsim_error *err)
{
	json_t *v = json_object_get(obj, key);
	if (!v) {
		memcpy(out, def, 16);
		return 0;
	}
	if (emu_parse_uuid(json_string_value(v), out))
		return emu_err(err,
			       "%s/%s: expected a UUID \"xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx\"",
			       path, key);
	return 0;
}

int emu_cfg_enum(json_t *obj, const char *key, const char *path, const char *const *choices,
		 int def, int *out, struct smcsim_error *err)
{
	json_t *v = json_object_get(obj, key);
	*out = def;
	if (!v)
		return 0;
	const char *s = json_string_value(v);
	for (int i = 0; s && choices[i]; i++)
		if (strcmp(s, choices[i]) == 0) {
			*out = i;
			return 0;
		}
	char list[256] = "";
	size_t used = 0;
	for (int i = 0; choices[i]; i++) {
		int w = snprintf(list + used, sizeof(list) - used, "%s\"%s\"", i ? ", " : "",
				 choices[i]);
		if (w < 0 || (size_t)w >= sizeof(list) - used)
			break;
		used += (size_t)w;
	}
	return emu_err(err, "%s/%s: expected one of %s", path, key, list);
}

int emu_cfg_object(json_t *obj, const char *key, const char *path, json_t **out,
		   struct smcsim_error *err)
{
	json_t *v = json_object_get(obj, key);
	*out = NULL;
	if (!v)
		return 0;
	if (!json_is_object(v))
		return emu_err(err, "%s/%s: expected an object", path, key);
	*out = v;
	return 0;
}
