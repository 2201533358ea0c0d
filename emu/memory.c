/* SPDX-License-Identifier: MIT */
/*
 * Simulated physical memory: regions from the profile, each backed by an anonymous
 * mapping (untouched pages cost nothing) and metadata per 4 KiB granule, allocated in
 * chunks on first touch (untouched chunks cost a NULL pointer).
 *
 * Budget, whatever a profile or fixture declares: at most 64 regions and 1 TiB of simulated
 * memory by default (emu/limits.c; address space only until written); chunk
 * tables of 8 bytes per 2 MiB per metadata kind; metadata of (1 + the models' slot sizes)
 * bytes per granule in the 2 MiB chunks a guest or the host actually touched.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "emu/machine.h"

static const char *const pas_names[] = { "ns", "secure", "realm", "root", NULL };

int emu_mem_create(struct smcsim *sim, json_t *memory, struct smcsim_error *err)
{
	if (!memory)
		return emu_err(err, "/memory: missing (the machine needs at least one region)");
	if (!json_is_array(memory) || json_array_size(memory) == 0)
		return emu_err(err, "/memory: expected a non-empty array of regions");
	size_t n = json_array_size(memory);
	uint64_t max_regions, max_total;
	const char *why;
	if (emu_limit(EMU_LIMIT_REGIONS, &max_regions, &why) ||
	    emu_limit(EMU_LIMIT_MEMORY, &max_total, &why))
		return emu_err(err, "/memory: %s", why);
	if (n > max_regions)
		return emu_err(err,
			       "/memory: %zu regions; at most %llu are supported (raise with "
			       "SMCSIM_LIMITS=regions=N)",
			       n, (unsigned long long)max_regions);
	uint64_t total = 0;
	sim->regions = calloc(n, sizeof(*sim->regions));
	if (!sim->regions)
		return -ENOMEM;
	size_t i;
	json_t *r;
	json_array_foreach(memory, i, r)
	{
		char path[64];
		snprintf(path, sizeof(path), "/memory/%zu", i);
		static const char *const keys[] = { "name", "base", "size", "pas", NULL };
		struct emu_region *reg = &sim->regions[sim->nregions];
		const char *name;
		int pas, ret;
		if ((ret = emu_cfg_keys(r, path, keys, err)) ||
		    (ret = emu_cfg_str(r, "name", path, "dram", &name, err)) ||
		    (ret = emu_cfg_u64(r, "base", path, UINT64_MAX, &reg->base, err)) ||
		    (ret = emu_cfg_u64(r, "size", path, 0, &reg->size, err)) ||
		    (ret = emu_cfg_enum(r, "pas", path, pas_names, EMU_PAS_NS, &pas, err)))
			return ret;
		if (reg->base == UINT64_MAX)
			return emu_err(err, "%s/base: missing", path);
		if ((reg->base | reg->size) & (EMU_GRANULE_SIZE - 1))
			return emu_err(err, "%s: base and size must be 4 KiB aligned", path);
		if (reg->size == 0 || reg->size > (UINT64_C(1) << 36))
			return emu_err(err, "%s/size: must be 4 KiB .. 64 GiB", path);
		if (reg->base + reg->size < reg->base ||
		    reg->base + reg->size > (UINT64_C(1) << 52))
			return emu_err(err,
				       "%s: region ends beyond the 52-bit physical address space",
				       path);
		total += reg->size;
		if (total > max_total)
			return emu_err(err,
				       "%s/size: the regions add up to more than %llu GiB of "
				       "simulated memory (raise with SMCSIM_LIMITS=memory=N)",
				       path, (unsigned long long)(max_total >> 30));
		for (size_t k = 0; k < sim->nregions; k++) {
			const struct emu_region *o = &sim->regions[k];
			if (reg->base < o->base + o->size && o->base < reg->base + reg->size)
				return emu_err(err, "%s: overlaps region %zu (\"%s\")", path, k,
					       o->name);
		}
		reg->name = strdup(name);
		if (!reg->name)
			return -ENOMEM;
		reg->pas = (uint8_t)pas;
		void *m = mmap(NULL, reg->size, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
		if (m == MAP_FAILED)
			return -ENOMEM;
		reg->bytes = m;
		reg->nchunks =
			((reg->size >> EMU_GRANULE_SHIFT) + EMU_META_CHUNK - 1) / EMU_META_CHUNK;
		reg->gran = calloc(reg->nchunks, sizeof(*reg->gran));
		sim->nregions++;
		if (!reg->gran)
			return -ENOMEM;
	}
	return 0;
}

/* Granule index of @pa in @r, and the chunk holding it. */
static inline size_t gindex(const struct emu_region *r, uint64_t pa)
{
	return (size_t)((pa - r->base) >> EMU_GRANULE_SHIFT);
}

static struct emu_granule *gran_chunk(struct emu_region *r, size_t chunk)
{
	struct emu_granule *c = r->gran[chunk];
	if (EMU_UNLIKELY(!c)) {
		c = malloc(EMU_META_CHUNK * sizeof(*c));
		if (!c)
			return NULL;
		for (size_t g = 0; g < EMU_META_CHUNK; g++)
			c[g].pas = r->pas;
		r->gran[chunk] = c;
	}
	return c;
}

static uint8_t *gstate_chunk(struct emu_region *r, int slot, size_t size, size_t chunk)
{
	uint8_t *c = r->gstate[slot][chunk];
	if (EMU_UNLIKELY(!c)) {
		c = calloc(EMU_META_CHUNK, size);
		if (!c)
			return NULL;
		r->gstate[slot][chunk] = c;
	}
	return c;
}

/* Drop every metadata chunk of @r: back to the boot PAS and zeroed model state. */
static void meta_drop(struct smcsim *sim, struct emu_region *r)
{
	for (size_t c = 0; c < r->nchunks; c++) {
		free(r->gran[c]);
		r->gran[c] = NULL;
		for (int s = 0; s < sim->ngslots; s++) {
			free(r->gstate[s][c]);
			r->gstate[s][c] = NULL;
		}
	}
}

int emu_gstate_reserve(struct smcsim *sim, const void *owner, size_t size)
{
	if (!owner || size == 0 || size > EMU_GSTATE_MAX)
		return -EINVAL;
	for (int s = 0; s < sim->ngslots; s++)
		if (sim->gslots[s].owner == owner)
			return sim->gslots[s].size == size ? s : -EINVAL;
	if (sim->ngslots == EMU_GSTATE_SLOTS)
		return -ENOSPC;
	int slot = sim->ngslots;
	for (size_t i = 0; i < sim->nregions; i++) {
		struct emu_region *r = &sim->regions[i];
		r->gstate[slot] = calloc(r->nchunks, sizeof(*r->gstate[slot]));
		if (!r->gstate[slot]) {
			while (i--) {
				free(sim->regions[i].gstate[slot]);
				sim->regions[i].gstate[slot] = NULL;
			}
			return -ENOMEM;
		}
	}
	sim->gslots[slot] = (struct emu_gslot){ .owner = owner, .size = size };
	sim->ngslots++;
	return slot;
}

int emu_gstate_slot(const struct smcsim *sim, const void *owner)
{
	for (int s = 0; s < sim->ngslots; s++)
		if (sim->gslots[s].owner == owner)
			return s;
	return -ENOENT;
}

void emu_mem_destroy(struct smcsim *sim)
{
	for (size_t i = 0; i < sim->nregions; i++) {
		struct emu_region *r = &sim->regions[i];
		if (r->bytes)
			munmap(r->bytes, r->size);
		if (r->gran)
			meta_drop(sim, r);
		for (int s = 0; s < sim->ngslots; s++)
			free(r->gstate[s]);
		free(r->gran);
		free(r->name);
	}
	free(sim->regions);
	sim->regions = NULL;
	sim->nregions = 0;
}

void emu_mem_reset(struct smcsim *sim)
{
	for (size_t i = 0; i < sim->nregions; i++) {
		struct emu_region *r = &sim->regions[i];
		/* Drops the pages: they read back as zero, as memory does at power-on here. */
		madvise(r->bytes, r->size, MADV_DONTNEED);
		meta_drop(sim, r);
	}
}

static struct emu_region *region_of(const struct smcsim *sim, uint64_t pa, uint64_t len)
{
	for (size_t i = 0; i < sim->nregions; i++) {
		struct emu_region *r = &sim->regions[i];
		if (pa >= r->base && pa - r->base < r->size && len <= r->size - (pa - r->base))
			return r;
	}
	return NULL;
}

void *emu_mem_ptr(struct smcsim *sim, uint64_t pa, uint64_t len)
{
	struct emu_region *r = region_of(sim, pa, len ? len : 1);
	return r ? r->bytes + (pa - r->base) : NULL;
}

bool emu_mem_valid(const struct smcsim *sim, uint64_t pa, uint64_t len)
{
	return region_of(sim, pa, len ? len : 1) != NULL;
}

struct emu_granule *emu_granule(struct smcsim *sim, uint64_t pa)
{
	struct emu_region *r = region_of(sim, pa, 1);
	if (!r)
		return NULL;
	size_t g = gindex(r, pa);
	struct emu_granule *c = gran_chunk(r, g / EMU_META_CHUNK);
	return c ? &c[g % EMU_META_CHUNK] : NULL;
}

void *emu_gstate(struct smcsim *sim, int slot, uint64_t pa)
{
	if (slot < 0 || slot >= sim->ngslots)
		return NULL;
	struct emu_region *r = region_of(sim, pa, 1);
	if (!r)
		return NULL;
	size_t g = gindex(r, pa), size = sim->gslots[slot].size;
	uint8_t *c = gstate_chunk(r, slot, size, g / EMU_META_CHUNK);
	return c ? c + (g % EMU_META_CHUNK) * size : NULL;
}

bool emu_mem_region(const struct smcsim *sim, size_t i, uint64_t *base, uint64_t *size)
{
	if (i >= sim->nregions)
		return false;
	if (base)
		*base = sim->regions[i].base;
	if (size)
		*size = sim->regions[i].size;
	return true;
}

SMCSIM_EXPORT int smcsim_mem_read(const struct smcsim *sim, uint64_t pa, void *buf, size_t len)
{
	if (!sim || (!buf && len))
		return -EINVAL;
	if (!len)
		return 0;
	struct emu_region *r = region_of(sim, pa, len);
	if (!r)
		return -EFAULT;
	memcpy(buf, r->bytes + (pa - r->base), len);
	return 0;
}

SMCSIM_EXPORT int smcsim_mem_write(struct smcsim *sim, uint64_t pa, const void *buf, size_t len)
{
	if (!sim || (!buf && len))
		return -EINVAL;
	if (!len)
		return 0;
	struct emu_region *r = region_of(sim, pa, len);
	if (!r)
		return -EFAULT;
	memcpy(r->bytes + (pa - r->base), buf, len);
	if (sim->recording)
		emu_record_mem(sim, pa, buf, len);
	return 0;
}

SMCSIM_EXPORT void *smcsim_mem_map(struct smcsim *sim, uint64_t pa, size_t len)
{
	if (!sim || !len)
		return NULL;
	return emu_mem_ptr(sim, pa, len);
}

SMCSIM_EXPORT int smcsim_mem_region(const struct smcsim *sim, size_t i, uint64_t *base,
				    uint64_t *size)
{
	if (!sim)
		return -EINVAL;
	return emu_mem_region(sim, i, base, size) ? 0 : -ENOENT;
}
