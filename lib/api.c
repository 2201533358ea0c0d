/* SPDX-License-Identifier: MIT */
/*
 * The public entry points that need the list of services: machine creation, function-ID
 * names and decoding, fixture parsing, value parsing. Each hands lib_registry to emu/.
 */
#include <errno.h>
#include <string.h>

#include "lib/registry.h"

/*
 * The thread contract of smcsim.h leans on jansson: machines on different threads create
 * JSON objects at once, whose hash seed jansson picks on first use, and shared JSON values
 * may have their reference counts touched from several threads. Both are thread-safe when
 * jansson is built with atomic builtins (2.11 and later say so in jansson.h).
 */
#if !defined(JANSSON_THREAD_SAFE_REFCOUNT) || !JANSSON_THREAD_SAFE_REFCOUNT
#error "jansson without atomic builtins: not thread-safe, but smcsim.h promises threads"
#endif

SMCSIM_EXPORT int smcsim_create(const struct smcsim_profile *p, struct smcsim **out,
				struct smcsim_error *err)
{
	return emu_machine_create(&lib_registry, p, out, err);
}

SMCSIM_EXPORT int smcsim_create_named(const char *name_or_path, struct smcsim **out,
				      struct smcsim_error *err)
{
	struct smcsim_profile *p;
	int ret = smcsim_profile_load(name_or_path, &p, err);
	if (ret)
		return ret;
	ret = smcsim_create(p, out, err);
	smcsim_profile_destroy(p);
	return ret;
}

/* Release 0.1's layout is the smallest a caller may pass (struct smcsim_fid_info.size). */
#define FID_INFO_SIZE_0_1 sizeof(struct smcsim_fid_info)

SMCSIM_EXPORT int smcsim_fid_decode(uint32_t fid, struct smcsim_fid_info *info)
{
	if (!info || info->size < FID_INFO_SIZE_0_1)
		return -EINVAL;
	/* Decode into this release's layout, then hand over what the caller's holds. */
	struct smcsim_fid_info full;
	int ret = emu_fid_decode(&lib_registry, fid, &full);
	full.size = (uint32_t)(info->size < sizeof(full) ? info->size : sizeof(full));
	memcpy(info, &full, full.size);
	return ret;
}

SMCSIM_EXPORT int smcsim_fid_lookup(const char *name, uint32_t *fid)
{
	const struct emu_fn *fn = emu_fn_find_name(&lib_registry, name, NULL);
	if (!fn)
		return -ENOENT;
	if (fid)
		*fid = fn->fid;
	return 0;
}

SMCSIM_EXPORT size_t smcsim_fid_suggest(const char *name, const char **names, size_t max)
{
	if (!name || !names)
		return 0;
	return emu_fn_suggest(&lib_registry, name, names, max);
}

SMCSIM_EXPORT int smcsim_fid_list(size_t i, uint32_t *fid, const char **name, const char **service)
{
	for (size_t s = 0; s < lib_registry.n; s++) {
		const struct emu_service *svc = lib_registry.svcs[s];
		if (svc->alias)
			continue;
		if (i < svc->nfns) {
			if (fid)
				*fid = svc->fns[i].fid;
			if (name)
				*name = svc->fns[i].name;
			if (service)
				*service = svc->name;
			return 0;
		}
		i -= svc->nfns;
	}
	return -ENOENT;
}

SMCSIM_EXPORT const char *smcsim_fid_name(uint32_t fid)
{
	const struct emu_fn *fn = emu_fn_find(&lib_registry, fid, NULL);
	return fn ? fn->name : NULL;
}

SMCSIM_EXPORT int smcsim_value_parse(const char *s, uint64_t *out)
{
	const char *why;
	uint64_t v;
	if (!s || !out)
		return -EINVAL;
	if (emu_value_parse(&lib_registry, s, &v, &why))
		return -EINVAL;
	*out = v;
	return 0;
}

SMCSIM_EXPORT int smcsim_trace_load(const char *path, struct smcsim_trace **out,
				    struct smcsim_error *err)
{
	return emu_trace_load(&lib_registry, path, out, err);
}

SMCSIM_EXPORT int smcsim_trace_parse(const char *text, size_t len, const char *name,
				     struct smcsim_trace **out, struct smcsim_error *err)
{
	return emu_trace_parse(&lib_registry, text, len, name, out, err);
}
