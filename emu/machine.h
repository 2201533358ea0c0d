/* SPDX-License-Identifier: MIT */
/* Internals of struct smcsim, private to emu/ (models use emu.h accessors). */
#ifndef SMCSIM_EMU_MACHINE_H
#define SMCSIM_EMU_MACHINE_H

#include "emu/emu.h"

/* A resolved destination for one function ID seen from one stack position. */
struct emu_route {
	emu_handler_fn handler;
	const struct emu_fn *fn;
	void *state;
	struct emu_layer *layer;
	uint8_t action; /* enum emu_route_action */
	uint8_t depth;	/* stack position of layer */
};

/* A 4-level radix over the 32-bit function ID, 8 bits a level; leaves hold routes. */
struct emu_rt_leaf {
	struct emu_route r[256];
};
struct emu_rt_l3 {
	struct emu_rt_leaf *n[256];
};
struct emu_rt_l2 {
	struct emu_rt_l3 *n[256];
};
struct emu_rtable {
	struct emu_rt_l2 *n[256];
};

static inline const struct emu_route *emu_rt_lookup(const struct emu_rtable *t, uint32_t fid)
{
	const struct emu_rt_l2 *l2 = t->n[fid >> 24];
	if (!l2)
		return NULL;
	const struct emu_rt_l3 *l3 = l2->n[(fid >> 16) & 0xff];
	if (!l3)
		return NULL;
	const struct emu_rt_leaf *leaf = l3->n[(fid >> 8) & 0xff];
	if (!leaf)
		return NULL;
	const struct emu_route *r = &leaf->r[fid & 0xff];
	return r->action ? r : NULL;
}

struct emu_caller {
	char *name;
	unsigned int conduits; /* bit per enum smcsim_conduit */
	enum smcsim_conduit def_conduit;
	int nstack;
	struct emu_layer **stack;
	struct emu_rtable *tables; /* one per stack position */
	unsigned int max_res;	   /* 4 below SMCCC 1.2, 18 from 1.2 (DEN0028 2.6/2.7) */
	bool ran;
};

struct emu_region {
	char *name;
	uint64_t base;
	uint64_t size;
	uint8_t pas; /* boot PAS of every granule */
	uint8_t *bytes;
	/*
	 * Per-granule metadata, allocated a chunk (EMU_META_CHUNK granules) at a time when a
	 * granule of it is first looked up: a NULL chunk is untouched, every granule in it at
	 * the region's boot PAS with zeroed model state. So metadata costs what the guest
	 * touched, not what the profile declared.
	 */
	size_t nchunks;
	struct emu_granule **gran;
	uint8_t **gstate[EMU_GSTATE_SLOTS]; /* per slot, chunks of EMU_META_CHUNK entries */
};

/* A reservation of per-granule state (emu_gstate_reserve). */
struct emu_gslot {
	const void *owner;
	size_t size;
};

struct emu_record;

struct smcsim {
	const struct emu_registry *reg; /* the services this machine can host */
	char *profile_name;
	json_t *profile; /* the expanded profile the machine was built from */

	unsigned int ncpus;
	struct emu_cpu *cpus;

	size_t nregions;
	struct emu_region *regions;
	struct emu_gslot gslots[EMU_GSTATE_SLOTS];
	int ngslots;

	size_t nlayers;
	struct emu_layer *layers;

	int ncallers;
	int default_caller;
	struct emu_caller *callers;

	int power; /* 0 running, else the enum smcsim_exit that stopped it */

	smcsim_user_fn user_fn;
	void *user_opaque;
	smcsim_realm_fn realm_fn;
	void *realm_opaque;

	struct emu_record *rec;
	bool recording;
};

/* emu/machine.c */
int emu_routes_build(struct smcsim *sim);
void emu_routes_free(struct smcsim *sim);
int emu_dispatch(struct smcsim *sim, int caller, int depth, unsigned int cpu,
		 enum smcsim_conduit conduit, struct smcsim_regs *regs);

/* emu/memory.c */
int emu_mem_create(struct smcsim *sim, json_t *memory, struct smcsim_error *err);
void emu_mem_destroy(struct smcsim *sim);
void emu_mem_reset(struct smcsim *sim);

/* emu/profile.c */
json_t *emu_profile_json(const struct smcsim_profile *p);
int emu_merge_patch(json_t *target, json_t *patch);
json_t *emu_json_loads(const char *text, size_t len, const char *name, struct smcsim_error *err);
int emu_json_check_nul(json_t *doc, const char *name, struct smcsim_error *err);

/* emu/record.c */
void emu_record_call(struct smcsim *sim, int caller, unsigned int cpu, enum smcsim_conduit conduit,
		     const struct smcsim_regs *in, const struct smcsim_regs *out, int exit_code);
void emu_record_mem(struct smcsim *sim, uint64_t pa, const void *buf, size_t len);
void emu_record_event(struct smcsim *sim, const char *name, json_t *args);
void emu_record_free(struct smcsim *sim);

#endif /* SMCSIM_EMU_MACHINE_H */
