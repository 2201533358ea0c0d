/* SPDX-License-Identifier: MIT */
/*
 * The resource budget: what a profile or fixture may ask the library to build, checked
 * where the input is parsed so a hostile file ends with an error naming its JSON path, not
 * with gigabytes allocated. Programs that need more raise a limit with the environment
 * variable SMCSIM_LIMITS, read at each check (no global state):
 *
 *   SMCSIM_LIMITS="steps=5000000,memory=4T,regions=256,cpus=4096"
 *
 * Values take K/M/G/T suffixes (powers of 1024). Each limit also has a hard ceiling the
 * variable cannot pass (what the data structures can represent).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "emu/emu.h"

static const struct {
	const char *key;
	uint64_t def, ceiling;
} limits[] = {
	[EMU_LIMIT_REGIONS] = { "regions", 64, 4096 },
	[EMU_LIMIT_MEMORY] = { "memory", UINT64_C(1) << 40, UINT64_C(1) << 48 },
	[EMU_LIMIT_CPUS] = { "cpus", 1024, 65536 },
	[EMU_LIMIT_STEPS] = { "steps", 1000000, UINT64_C(1) << 32 },
};

static int parse_size(const char *s, size_t n, uint64_t *out)
{
	uint64_t v = 0;
	size_t i = 0;
	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
		if (v > (UINT64_MAX - 9) / 10)
			return -ERANGE;
		v = v * 10 + (uint64_t)(s[i] - '0');
	}
	if (i == 0)
		return -EINVAL;
	if (i < n) {
		static const char units[] = "KMGT";
		const char *u = strchr(units, s[i] & ~0x20);
		if (!u || !*u || i + 1 != n)
			return -EINVAL;
		for (long k = 0; k <= u - units; k++) {
			if (v > UINT64_MAX / 1024)
				return -ERANGE;
			v *= 1024;
		}
	}
	*out = v;
	return 0;
}

int emu_limit(enum emu_limit_kind kind, uint64_t *out, const char **why)
{
	*out = limits[kind].def;
	const char *env = getenv("SMCSIM_LIMITS");
	if (!env || !*env)
		return 0;
	size_t klen = strlen(limits[kind].key);
	for (const char *p = env; *p;) {
		size_t n = strcspn(p, ",");
		const char *eq = memchr(p, '=', n);
		if (!eq) {
			*why = "SMCSIM_LIMITS: expected key=value items separated by commas";
			return -EINVAL;
		}
		if ((size_t)(eq - p) == klen && !strncasecmp(p, limits[kind].key, klen)) {
			uint64_t v;
			if (parse_size(eq + 1, n - (size_t)(eq - p) - 1, &v) || v == 0) {
				*why = "SMCSIM_LIMITS: a value is a positive number with an "
				       "optional "
				       "K, M, G or T suffix";
				return -EINVAL;
			}
			if (v > limits[kind].ceiling) {
				*why = "SMCSIM_LIMITS: a value is above what smcsim can represent";
				return -EINVAL;
			}
			*out = v;
		}
		p += n + (p[n] == ',');
	}
	return 0;
}
