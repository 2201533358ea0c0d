/* SPDX-License-Identifier: MIT */
/*
 * The machine: building it from a profile, routing calls through callers' layer
 * stacks, and the call hot path.
 */
#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "emu/machine.h"

/* ---- small helpers ------------------------------------------------------------------ */

static char *xstrdup(const char *s)
{
	return s ? strdup(s) : NULL;
}

struct emu_layer *emu_layer_find(struct smcsim *sim, const char *name)
{
	for (size_t i = 0; i < sim->nlayers; i++)
		if (strcmp(sim->layers[i].name, name) == 0)
			return &sim->layers[i];
	return NULL;
}

void *emu_layer_service(struct emu_layer *layer, const char *name)
{
	for (size_t i = 0; i < layer->ninst; i++)
		if (strcmp(layer->inst[i].svc->name, name) == 0)
			return layer->inst[i].state;
	return NULL;
}

struct emu_layer *emu_layer_below(struct smcsim *sim, int caller, int depth)
{
	if (caller < 0 || caller >= sim->ncallers)
		return NULL;
	const struct emu_caller *cl = &sim->callers[caller];
	return depth + 1 < cl->nstack ? cl->stack[depth + 1] : NULL;
}

unsigned int emu_cpu_count(const struct smcsim *sim)
{
	return sim->ncpus;
}

struct emu_cpu *emu_cpu(struct smcsim *sim, unsigned int index)
{
	return index < sim->ncpus ? &sim->cpus[index] : NULL;
}

/* PSCI target_cpu carries Aff3 in bits 39:32 and Aff2..Aff0 in bits 23:0 (DEN0022 5.1.4). */
#define MPIDR_AFF_MASK UINT64_C(0xff00ffffff)

int emu_cpu_by_mpidr(const struct smcsim *sim, uint64_t mpidr)
{
	if (mpidr & ~MPIDR_AFF_MASK)
		return -1;
	for (unsigned int i = 0; i < sim->ncpus; i++)
		if (sim->cpus[i].mpidr == mpidr)
			return (int)i;
	return -1;
}

void emu_machine_power(struct smcsim *sim, int exit_code)
{
	sim->power = exit_code;
}

/* ---- routes ------------------------------------------------------------------------- */

static struct emu_route *rt_slot(struct emu_rtable *t, uint32_t fid)
{
	struct emu_rt_l2 **l2 = &t->n[fid >> 24];
	if (!*l2 && !(*l2 = calloc(1, sizeof(**l2))))
		return NULL;
	struct emu_rt_l3 **l3 = &(*l2)->n[(fid >> 16) & 0xff];
	if (!*l3 && !(*l3 = calloc(1, sizeof(**l3))))
		return NULL;
	struct emu_rt_leaf **leaf = &(*l3)->n[(fid >> 8) & 0xff];
	if (!*leaf && !(*leaf = calloc(1, sizeof(**leaf))))
		return NULL;
	return &(*leaf)->r[fid & 0xff];
}

static void rt_free(struct emu_rtable *t)
{
	for (int i = 0; i < 256; i++) {
		struct emu_rt_l2 *l2 = t->n[i];
		if (!l2)
			continue;
		for (int j = 0; j < 256; j++) {
			struct emu_rt_l3 *l3 = l2->n[j];
			if (!l3)
				continue;
			for (int k = 0; k < 256; k++)
				free(l3->n[k]);
			free(l3);
		}
		free(l2);
	}
	memset(t, 0, sizeof(*t));
}

static const struct emu_filter *filter_find(const struct emu_layer *l, uint32_t fid)
{
	size_t lo = 0, hi = l->nfilters;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct emu_filter *f = &l->filters[mid];
		if (fid < f->base)
			hi = mid;
		else if ((uint64_t)fid >= (uint64_t)f->base + f->nr)
			lo = mid + 1;
		else
			return f;
	}
	return NULL;
}

/* Does an instance on @l implement @fn? Fills @out. */
static bool layer_implements(const struct emu_layer *l, const struct emu_fn *fn,
			     struct emu_route *out)
{
	for (size_t i = 0; i < l->ninst; i++) {
		const struct emu_instance *in = &l->inst[i];
		const struct emu_service *s = in->svc;
		if (s->alias) {
			/* A proxy has its own row for each ID it stands in front of. */
			const struct emu_fn *own = NULL;
			for (size_t k = 0; k < s->nfns && !own; k++)
				if (s->fns[k].fid == fn->fid)
					own = &s->fns[k];
			if (!own)
				continue;
			fn = own;
		} else if (fn < s->fns || fn >= s->fns + s->nfns) {
			continue;
		}
		uint32_t ver = s->version ? s->version(in->state) : 0;
		if (fn->since > ver)
			return false;
		bool yes = s->implements ? s->implements(in->state, fn)
					 : !(fn->flags & EMU_FN_OPTIONAL);
		if (!yes)
			return false;
		out->handler = s->handler_of ? s->handler_of(in->state, fn) : fn->handler;
		if (!out->handler)
			return false;
		out->fn = fn;
		out->state = in->state;
		return true;
	}
	return false;
}

/* Does a service on @l claim @fid, an ID no row routes (emu_service.claim)? Fills @out. */
static bool layer_claims(const struct emu_layer *l, uint32_t fid, struct emu_route *out)
{
	for (size_t i = 0; i < l->ninst; i++) {
		const struct emu_service *s = l->inst[i].svc;
		if (!s->claim ||
		    (fid - s->claim_base >= s->claim_nr && fid - s->claim_base2 >= s->claim_nr2))
			continue;
		out->fn = s->claim;
		out->handler = s->claim->handler;
		out->state = l->inst[i].state;
		return true;
	}
	return false;
}

/*
 * Where does @fn go when it arrives at position @depth of @cl? Walk down the stack: a
 * layer's filter decides first (KVM: the filter takes precedence over everything), then
 * the layer's own services, then forwarding if the layer forwards what it does not own.
 */
static void resolve(const struct emu_caller *cl, int depth, uint32_t fid, const struct emu_fn *fn,
		    struct emu_route *out)
{
	memset(out, 0, sizeof(*out));
	for (int i = depth; i < cl->nstack; i++) {
		struct emu_layer *l = cl->stack[i];
		const struct emu_filter *f = filter_find(l, fid);
		out->layer = l;
		out->depth = (uint8_t)i;
		if (f && f->action == SMCSIM_FILTER_DENY) {
			out->action = EMU_ROUTE_DENY;
			return;
		}
		if (f && f->action == SMCSIM_FILTER_FWD_TO_USER) {
			out->action = EMU_ROUTE_USER;
			return;
		}
		if (fn && layer_implements(l, fn, out)) {
			out->action = EMU_ROUTE_HANDLE;
			return;
		}
		/* Only on a miss (@fn NULL): a claim never enters the route tables, so
		 * emu_route_query() keeps reporting the ID absent. */
		if (!fn && layer_claims(l, fid, out)) {
			out->action = EMU_ROUTE_HANDLE;
			return;
		}
		if (f || !l->forward)
			break;
	}
	out->action = EMU_ROUTE_NONE;
}

void emu_routes_free(struct smcsim *sim)
{
	for (int c = 0; c < sim->ncallers; c++) {
		struct emu_caller *cl = &sim->callers[c];
		if (!cl->tables)
			continue;
		for (int d = 0; d < cl->nstack; d++)
			rt_free(&cl->tables[d]);
	}
}

int emu_routes_build(struct smcsim *sim)
{
	emu_routes_free(sim);
	for (int c = 0; c < sim->ncallers; c++) {
		struct emu_caller *cl = &sim->callers[c];
		for (int d = 0; d < cl->nstack; d++) {
			for (size_t s = 0; s < sim->reg->n; s++) {
				const struct emu_service *svc = sim->reg->svcs[s];
				if (svc->alias)
					continue;
				for (size_t k = 0; k < svc->nfns; k++) {
					const struct emu_fn *fn = &svc->fns[k];
					struct emu_route r;
					resolve(cl, d, fn->fid, fn, &r);
					if (r.action == EMU_ROUTE_NONE)
						continue;
					struct emu_route *slot = rt_slot(&cl->tables[d], fn->fid);
					if (!slot)
						return -ENOMEM;
					*slot = r;
				}
			}
		}
		/* DEN0028 2.6/2.7: SMCCC 1.2 widened results to x0..x17; before it only
		 * x0..x3 are results and x4.. are preserved. */
		const struct emu_route *v = emu_rt_lookup(&cl->tables[0], 0x80000000u);
		uint32_t ver = SMCCC_VER(1, 0);
		if (v && v->action == EMU_ROUTE_HANDLE && v->fn) {
			for (size_t i = 0; i < v->layer->ninst; i++)
				if (v->layer->inst[i].state == v->state &&
				    v->layer->inst[i].svc->version)
					ver = v->layer->inst[i].svc->version(v->state);
		}
		cl->max_res = ver >= SMCCC_VER(1, 2) ? SMCSIM_NREGS : 4;
	}
	return 0;
}

bool emu_route_query(struct smcsim *sim, int caller, int depth, uint32_t fid,
		     const struct emu_fn **fn, struct emu_instance *inst)
{
	if (caller < 0 || caller >= sim->ncallers)
		return false;
	struct emu_caller *cl = &sim->callers[caller];
	if (depth < 0 || depth >= cl->nstack)
		return false;
	if (fid & SMCCC_FAST)
		fid &= ~SMCCC_SVE_HINT;
	const struct emu_route *r = emu_rt_lookup(&cl->tables[depth], fid);
	if (!r || r->action != EMU_ROUTE_HANDLE)
		return false;
	if (fn)
		*fn = r->fn;
	if (inst) {
		inst->state = r->state;
		inst->svc = NULL;
		for (size_t i = 0; i < r->layer->ninst; i++)
			if (r->layer->inst[i].state == r->state)
				inst->svc = r->layer->inst[i].svc;
	}
	return true;
}

/* ---- the call path ------------------------------------------------------------------ */

/* An ID no table knows: only a filter range on the path can still claim it. */
static const struct emu_route *route_miss(const struct emu_caller *cl, int depth, uint32_t fid,
					  struct emu_route *tmp)
{
	resolve(cl, depth, fid, NULL, tmp);
	return tmp;
}

static void machine_reset_now(struct smcsim *sim);

int emu_dispatch(struct smcsim *sim, int caller, int depth, unsigned int cpu,
		 enum smcsim_conduit conduit, struct smcsim_regs *regs)
{
	struct emu_caller *cl = &sim->callers[caller];
	uint64_t *x = regs->x;
	uint32_t fid = (uint32_t)x[0];

	/* DEN0028 1.3 2.5: bit 16 of a fast call is the SVE live-state hint, not ID. */
	if (fid & SMCCC_FAST)
		fid &= ~SMCCC_SVE_HINT;

	const struct emu_route *rt =
		depth < cl->nstack ? emu_rt_lookup(&cl->tables[depth], fid) : NULL;
	struct emu_route tmp;
	if (EMU_UNLIKELY(!rt))
		rt = depth < cl->nstack ? route_miss(cl, depth, fid, &tmp) : NULL;

	if (EMU_UNLIKELY(!rt || rt->action != EMU_ROUTE_HANDLE)) {
		if (rt && rt->action == EMU_ROUTE_USER) {
			if (!sim->user_fn)
				return SMCSIM_EXIT_USER;
			int ret = sim->user_fn(sim->user_opaque, sim, caller, cpu, conduit, regs);
			return ret < 0 ? ret : SMCSIM_EXIT_RETURN;
		}
		/* DEN0028 2.5.3: an unknown function ID returns -1 in the full x0. */
		x[0] = SMCCC_RET_NOT_SUPPORTED;
		return SMCSIM_EXIT_RETURN;
	}

	struct emu_call c;
	uint64_t a32[SMCSIM_NREGS];
	c.sim = sim;
	c.layer = rt->layer;
	c.state = rt->state;
	c.fn = rt->fn;
	c.cpu = &sim->cpus[cpu];
	c.cpu_index = cpu;
	c.caller = caller;
	c.depth = rt->depth;
	c.conduit = conduit;
	c.fid = fid;
	c.x = x;
	c.nres = 0;
	c.exit = SMCSIM_EXIT_RETURN;
	if (fid & SMCCC_64) {
		c.a = x;
	} else {
		/* DEN0028 2.6: an SMC32 callee sees only the W view of its arguments. */
		for (int i = 0; i < SMCSIM_NREGS; i++)
			a32[i] = (uint32_t)x[i];
		c.a = a32;
	}
	rt->handler(&c);
	/* The row is the command's description: a handler writing more results than its row
	 * states is a table bug, caught by every debug test run. */
	assert(c.nres <= c.fn->nres);

	unsigned int n = c.nres < cl->max_res ? c.nres : cl->max_res;
	memcpy(x, c.r, n * sizeof(uint64_t));
	if (EMU_UNLIKELY(c.exit == SMCSIM_EXIT_SYSTEM_RESET))
		machine_reset_now(sim);
	return c.exit;
}

void emu_call_forward(struct emu_call *c)
{
	/* The layer below gets the registers as the caller issued them, all 64 bits: an SMC32
	 * call passed through keeps the upper halves of the registers it does not change
	 * (DEN0028 2.6: they are the caller's, the W view is only what a callee may read). */
	struct smcsim_regs regs;
	memcpy(regs.x, c->x, sizeof(regs.x));
	c->exit = emu_dispatch(c->sim, c->caller, c->depth + 1, c->cpu_index, c->conduit, &regs);
	memcpy(c->r, regs.x, sizeof(regs.x));
	c->nres = SMCSIM_NREGS;
}

int emu_call_below(struct smcsim *sim, int caller, int depth, unsigned int cpu,
		   struct smcsim_regs *regs)
{
	if (caller < 0 || caller >= sim->ncallers || cpu >= sim->ncpus)
		return -EINVAL;
	return emu_dispatch(sim, caller, depth + 1, cpu, sim->callers[caller].def_conduit, regs);
}

SMCSIM_EXPORT int smcsim_call(struct smcsim *sim, int caller, unsigned int cpu,
			      enum smcsim_conduit conduit, struct smcsim_regs *regs)
{
	if (EMU_UNLIKELY(!sim || !regs || (unsigned int)caller >= (unsigned int)sim->ncallers ||
			 cpu >= sim->ncpus))
		return -EINVAL;
	struct emu_caller *cl = &sim->callers[caller];
	if (conduit == SMCSIM_CONDUIT_DEFAULT)
		conduit = cl->def_conduit;
	else if (EMU_UNLIKELY((unsigned int)conduit > SMCSIM_CONDUIT_HVC))
		return -EINVAL;
	if (EMU_UNLIKELY(!(cl->conduits & (1u << conduit))))
		return -EOPNOTSUPP;
	if (EMU_UNLIKELY(sim->power))
		return -ESHUTDOWN;
	if (EMU_UNLIKELY(sim->cpus[cpu].state != SMCSIM_CPU_ON))
		return -EHOSTDOWN;
	if (EMU_UNLIKELY(!cl->ran)) {
		/* KVM: once a vCPU has run, the SMCCC filter is frozen (-EBUSY). */
		cl->ran = true;
		for (int i = 0; i < cl->nstack; i++)
			cl->stack[i]->frozen = true;
	}

	if (EMU_LIKELY(!sim->recording))
		return emu_dispatch(sim, caller, 0, cpu, conduit, regs);

	struct smcsim_regs in = *regs;
	int ret = emu_dispatch(sim, caller, 0, cpu, conduit, regs);
	if (ret >= 0)
		emu_record_call(sim, caller, cpu, conduit, &in, regs, ret);
	return ret;
}

/* ---- filters (KVM_ARM_VM_SMCCC_FILTER semantics) ------------------------------------ */

static int filter_insert(struct emu_layer *l, uint32_t base, uint32_t nr, uint8_t action)
{
	for (size_t i = 0; i < l->nfilters; i++) {
		const struct emu_filter *f = &l->filters[i];
		uint64_t a0 = base, a1 = (uint64_t)base + nr, b0 = f->base,
			 b1 = (uint64_t)f->base + f->nr;
		if (a0 < b1 && b0 < a1)
			return -EEXIST;
	}
	struct emu_filter *n = realloc(l->filters, (l->nfilters + 1) * sizeof(*n));
	if (!n)
		return -ENOMEM;
	l->filters = n;
	size_t pos = 0;
	while (pos < l->nfilters && l->filters[pos].base < base)
		pos++;
	memmove(&l->filters[pos + 1], &l->filters[pos], (l->nfilters - pos) * sizeof(*n));
	l->filters[pos] = (struct emu_filter){ .base = base, .nr = nr, .action = action };
	l->nfilters++;
	return 0;
}

static int filter_add(struct smcsim *sim, struct emu_layer *l, uint32_t base, uint32_t nr,
		      unsigned int action, bool check_frozen)
{
	/* Linux arch/arm64/kvm/hypercalls.c kvm_smccc_set_filter(): argument checks, then
	 * -EBUSY after the first run, then reserving the Arm ranges, then -EEXIST. */
	if (nr == 0 || (uint64_t)base + nr - 1 > UINT32_MAX || action > SMCSIM_FILTER_FWD_TO_USER)
		return -EINVAL;
	if (check_frozen && l->frozen)
		return -EBUSY;
	if (l->nfilters == 0) {
		int ret = filter_insert(l, 0x80000000u, 0x10000, SMCSIM_FILTER_HANDLE);
		if (!ret)
			ret = filter_insert(l, 0xC0000000u, 0x10000, SMCSIM_FILTER_HANDLE);
		if (ret)
			return ret;
	}
	int ret = filter_insert(l, base, nr, (uint8_t)action);
	if (ret)
		return ret;
	(void)sim;
	return 0;
}

SMCSIM_EXPORT int smcsim_filter_add(struct smcsim *sim, const char *layer, uint32_t base,
				    uint32_t nr, enum smcsim_filter_action action)
{
	if (!sim || !layer)
		return -EINVAL;
	struct emu_layer *l = emu_layer_find(sim, layer);
	if (!l)
		return -ENOENT;
	int ret = filter_add(sim, l, base, nr, (unsigned int)action, true);
	if (ret)
		return ret;
	return emu_routes_build(sim);
}

/* ---- building a machine from a profile ---------------------------------------------- */

static const char *const top_keys[] = { "name",	   "description",    "cpus",   "memory",
					"callers", "default_caller", "layers", NULL };

static int build_cpus(struct smcsim *sim, json_t *root, struct smcsim_error *err)
{
	json_t *cpus;
	int ret = emu_cfg_object(root, "cpus", "", &cpus, err);
	if (ret)
		return ret;
	if (!cpus)
		return emu_err(err, "/cpus: missing (the machine needs at least one CPU)");
	static const char *const keys[] = { "count", "per_cluster", "mpidr", NULL };
	if ((ret = emu_cfg_keys(cpus, "/cpus", keys, err)))
		return ret;
	json_t *list = json_object_get(cpus, "mpidr");
	uint32_t count = 0, per = 4;
	if ((ret = emu_cfg_u32(cpus, "count", "/cpus", 0, &count, err)) ||
	    (ret = emu_cfg_u32(cpus, "per_cluster", "/cpus", 4, &per, err)))
		return ret;
	if (list) {
		if (!json_is_array(list) || json_array_size(list) == 0)
			return emu_err(err,
				       "/cpus/mpidr: expected a non-empty array of MPIDR values");
		if (count && count != json_array_size(list))
			return emu_err(err,
				       "/cpus/count: %u disagrees with /cpus/mpidr (%zu entries)",
				       count, json_array_size(list));
		count = (uint32_t)json_array_size(list);
	}
	uint64_t max_cpus;
	const char *lwhy;
	if (emu_limit(EMU_LIMIT_CPUS, &max_cpus, &lwhy))
		return emu_err(err, "/cpus: %s", lwhy);
	if (count == 0 || count > max_cpus)
		return emu_err(err,
			       "/cpus/count: must be 1..%llu (raise with SMCSIM_LIMITS=cpus=N)",
			       (unsigned long long)max_cpus);
	if (per == 0 || per > 256)
		return emu_err(err, "/cpus/per_cluster: must be 1..256");
	sim->cpus = calloc(count, sizeof(*sim->cpus));
	if (!sim->cpus)
		return -ENOMEM;
	sim->ncpus = count;
	for (uint32_t i = 0; i < count; i++) {
		uint64_t m = ((uint64_t)(i / per) << 8) | (i % per);
		if (list) {
			const char *why;
			if (emu_parse_u64(json_array_get(list, i), &m, &why))
				return emu_err(err, "/cpus/mpidr/%u: %s", i, why);
			if (m & ~MPIDR_AFF_MASK)
				return emu_err(
					err, "/cpus/mpidr/%u: bits outside Aff3..Aff0 are set", i);
			for (uint32_t j = 0; j < i; j++)
				if (sim->cpus[j].mpidr == m)
					return emu_err(err,
						       "/cpus/mpidr/%u: duplicate MPIDR 0x%llx", i,
						       (unsigned long long)m);
		}
		sim->cpus[i].mpidr = m;
	}
	return 0;
}

static void cpus_reset(struct smcsim *sim)
{
	for (unsigned int i = 0; i < sim->ncpus; i++) {
		struct emu_cpu *c = &sim->cpus[i];
		memset(c->x, 0, sizeof(c->x));
		c->pc = 0;
		/* The boot CPU is on; secondaries wait for PSCI CPU_ON (DEN0022 6.2). */
		c->state = i == 0 ? SMCSIM_CPU_ON : SMCSIM_CPU_OFF;
	}
}

static int build_layers(struct smcsim *sim, json_t *root, struct smcsim_error *err)
{
	json_t *layers;
	int ret = emu_cfg_object(root, "layers", "", &layers, err);
	if (ret)
		return ret;
	if (!layers || json_object_size(layers) == 0)
		return emu_err(err,
			       "/layers: missing (the machine needs at least one firmware layer)");
	sim->layers = calloc(json_object_size(layers), sizeof(*sim->layers));
	if (!sim->layers)
		return -ENOMEM;
	const char *lname;
	json_t *lcfg;
	json_object_foreach(layers, lname, lcfg)
	{
		char path[256];
		snprintf(path, sizeof(path), "/layers/%s", lname);
		struct emu_layer *l = &sim->layers[sim->nlayers++];
		l->name = xstrdup(lname);
		if (!l->name)
			return -ENOMEM;
		if (!json_is_object(lcfg))
			return emu_err(err, "%s: expected an object", path);
		static const char *const keys[] = { "forward", "services", "filters", NULL };
		if ((ret = emu_cfg_keys(lcfg, path, keys, err)) ||
		    (ret = emu_cfg_bool(lcfg, "forward", path, false, &l->forward, err)))
			return ret;
		json_t *svcs;
		if ((ret = emu_cfg_object(lcfg, "services", path, &svcs, err)))
			return ret;
		if (svcs) {
			l->inst = calloc(json_object_size(svcs) + 1, sizeof(*l->inst));
			if (!l->inst)
				return -ENOMEM;
			const char *sname;
			json_t *scfg;
			json_object_foreach(svcs, sname, scfg)
			{
				char spath[300];
				snprintf(spath, sizeof(spath), "%s/services/%s", path, sname);
				const struct emu_service *s = emu_service_find(sim->reg, sname);
				if (!s)
					return emu_err(err, "%s: unknown service \"%s\"", spath,
						       sname);
				if (!json_is_object(scfg))
					return emu_err(err, "%s: expected an object", spath);
				struct emu_instance *in = &l->inst[l->ninst];
				in->svc = s;
				if ((ret = s->create(sim, l, scfg, spath, &in->state, err))) {
					/* A create that fails after allocating leaves its state
					 * for us to release (services set *state first). */
					if (in->state && s->destroy)
						s->destroy(in->state);
					in->state = NULL;
					return ret;
				}
				l->ninst++;
			}
		}
		json_t *filters = json_object_get(lcfg, "filters");
		if (filters) {
			if (!json_is_array(filters))
				return emu_err(err, "%s/filters: expected an array", path);
			size_t i;
			json_t *f;
			json_array_foreach(filters, i, f)
			{
				char fpath[300];
				snprintf(fpath, sizeof(fpath), "%s/filters/%zu", path, i);
				static const char *const fkeys[] = { "base", "nr", "action", NULL };
				static const char *const actions[] = { "handle", "deny",
								       "fwd_to_user", NULL };
				uint32_t base, nr;
				int action;
				if (!json_is_object(f))
					return emu_err(err, "%s: expected an object", fpath);
				if ((ret = emu_cfg_keys(f, fpath, fkeys, err)) ||
				    (ret = emu_cfg_fid(sim->reg, f, "base", fpath, 0, &base,
						       err)) ||
				    (ret = emu_cfg_u32(f, "nr", fpath, 0, &nr, err)) ||
				    (ret = emu_cfg_enum(f, "action", fpath, actions, 0, &action,
							err)))
					return ret;
				ret = filter_add(sim, l, base, nr, (unsigned int)action, false);
				if (ret == -EEXIST)
					return emu_err(err,
						       "%s: range overlaps another filter or the "
						       "reserved Arm architecture ranges",
						       fpath);
				if (ret)
					return emu_err(err, "%s: empty or wrapping range", fpath);
			}
		}
	}
	return 0;
}

static int build_callers(struct smcsim *sim, json_t *root, struct smcsim_error *err)
{
	json_t *callers;
	int ret = emu_cfg_object(root, "callers", "", &callers, err);
	if (ret)
		return ret;
	if (!callers || json_object_size(callers) == 0)
		return emu_err(err, "/callers: missing (the machine needs at least one caller)");
	sim->callers = calloc(json_object_size(callers), sizeof(*sim->callers));
	if (!sim->callers)
		return -ENOMEM;
	const char *cname;
	json_t *ccfg;
	json_object_foreach(callers, cname, ccfg)
	{
		char path[256];
		snprintf(path, sizeof(path), "/callers/%s", cname);
		struct emu_caller *cl = &sim->callers[sim->ncallers++];
		cl->name = xstrdup(cname);
		if (!cl->name)
			return -ENOMEM;
		if (!json_is_object(ccfg))
			return emu_err(err, "%s: expected an object", path);
		static const char *const keys[] = { "conduits", "layers", NULL };
		if ((ret = emu_cfg_keys(ccfg, path, keys, err)))
			return ret;
		json_t *conds = json_object_get(ccfg, "conduits");
		if (!json_is_array(conds) || json_array_size(conds) == 0)
			return emu_err(err,
				       "%s/conduits: expected a non-empty array of \"smc\"/\"hvc\"",
				       path);
		size_t i;
		json_t *v;
		json_array_foreach(conds, i, v)
		{
			const char *s = json_string_value(v);
			enum smcsim_conduit cd;
			if (s && strcmp(s, "smc") == 0)
				cd = SMCSIM_CONDUIT_SMC;
			else if (s && strcmp(s, "hvc") == 0)
				cd = SMCSIM_CONDUIT_HVC;
			else
				return emu_err(err, "%s/conduits/%zu: expected \"smc\" or \"hvc\"",
					       path, i);
			if (i == 0)
				cl->def_conduit = cd;
			cl->conduits |= 1u << cd;
		}
		json_t *stack = json_object_get(ccfg, "layers");
		if (!json_is_array(stack) || json_array_size(stack) == 0)
			return emu_err(err, "%s/layers: expected a non-empty array of layer names",
				       path);
		cl->nstack = (int)json_array_size(stack);
		cl->stack = calloc((size_t)cl->nstack, sizeof(*cl->stack));
		cl->tables = calloc((size_t)cl->nstack, sizeof(*cl->tables));
		if (!cl->stack || !cl->tables)
			return -ENOMEM;
		json_array_foreach(stack, i, v)
		{
			const char *s = json_string_value(v);
			struct emu_layer *l = s ? emu_layer_find(sim, s) : NULL;
			if (!l)
				return emu_err(err,
					       "%s/layers/%zu: no layer named %s%s%s in /layers",
					       path, i, s ? "\"" : "", s ? s : "(not a string)",
					       s ? "\"" : "");
			cl->stack[i] = l;
		}
	}
	const char *def;
	if ((ret = emu_cfg_str(root, "default_caller", "", sim->callers[0].name, &def, err)))
		return ret;
	sim->default_caller = smcsim_caller_find(sim, def);
	if (sim->default_caller < 0)
		return emu_err(err, "/default_caller: no caller named \"%s\" in /callers", def);
	return 0;
}

int emu_machine_create(const struct emu_registry *reg, const struct smcsim_profile *p,
		       struct smcsim **out, struct smcsim_error *err)
{
	if (!reg || !p || !out)
		return -EINVAL;
	*out = NULL;
	struct smcsim *sim = calloc(1, sizeof(*sim));
	if (!sim)
		return -ENOMEM;
	sim->reg = reg;
	int ret = -ENOMEM;
	sim->profile = json_deep_copy(emu_profile_json(p));
	sim->profile_name = xstrdup(smcsim_profile_name(p));
	if (!sim->profile || !sim->profile_name)
		goto fail;
	json_t *root = sim->profile;
	if ((ret = emu_cfg_keys(root, "", top_keys, err)) || (ret = build_cpus(sim, root, err)) ||
	    (ret = emu_mem_create(sim, json_object_get(root, "memory"), err)) ||
	    (ret = build_layers(sim, root, err)) || (ret = build_callers(sim, root, err)))
		goto fail;
	for (size_t i = 0; i < sim->nlayers; i++)
		for (size_t k = 0; k < sim->layers[i].ninst; k++) {
			struct emu_instance *in = &sim->layers[i].inst[k];
			if (in->svc->attach && (ret = in->svc->attach(in->state, sim, err)))
				goto fail;
		}
	if ((ret = emu_routes_build(sim)))
		goto fail;
	cpus_reset(sim);
	*out = sim;
	return 0;
fail:
	if (err && ret == -ENOMEM && !err->text[0])
		emu_err(err, "out of memory building the machine");
	smcsim_destroy(sim);
	return ret;
}

const struct emu_registry *emu_registry_of(const struct smcsim *sim)
{
	return sim->reg;
}

SMCSIM_EXPORT void smcsim_destroy(struct smcsim *sim)
{
	if (!sim)
		return;
	emu_routes_free(sim);
	for (size_t i = 0; i < sim->nlayers; i++) {
		struct emu_layer *l = &sim->layers[i];
		for (size_t k = 0; k < l->ninst; k++)
			if (l->inst[k].svc->destroy)
				l->inst[k].svc->destroy(l->inst[k].state);
		free(l->inst);
		free(l->filters);
		free(l->name);
	}
	free(sim->layers);
	for (int c = 0; c < sim->ncallers; c++) {
		free(sim->callers[c].name);
		free(sim->callers[c].stack);
		free(sim->callers[c].tables);
	}
	free(sim->callers);
	emu_mem_destroy(sim);
	emu_record_free(sim);
	free(sim->cpus);
	json_decref(sim->profile);
	free(sim->profile_name);
	free(sim);
}

static void machine_reset_now(struct smcsim *sim)
{
	cpus_reset(sim);
	emu_mem_reset(sim);
	for (size_t i = 0; i < sim->nlayers; i++)
		for (size_t k = 0; k < sim->layers[i].ninst; k++)
			if (sim->layers[i].inst[k].svc->reset)
				sim->layers[i].inst[k].svc->reset(sim->layers[i].inst[k].state);
	sim->power = 0;
}

SMCSIM_EXPORT void smcsim_reset(struct smcsim *sim)
{
	if (sim)
		machine_reset_now(sim);
}

SMCSIM_EXPORT const char *smcsim_profile_of(const struct smcsim *sim)
{
	return sim ? sim->profile_name : NULL;
}

/* ---- accessors ---------------------------------------------------------------------- */

SMCSIM_EXPORT int smcsim_caller_find(const struct smcsim *sim, const char *name)
{
	if (!sim || !name)
		return -EINVAL;
	for (int i = 0; i < sim->ncallers; i++)
		if (strcmp(sim->callers[i].name, name) == 0)
			return i;
	return -ENOENT;
}

SMCSIM_EXPORT const char *smcsim_caller_name(const struct smcsim *sim, int caller)
{
	if (!sim || caller < 0 || caller >= sim->ncallers)
		return NULL;
	return sim->callers[caller].name;
}

SMCSIM_EXPORT int smcsim_caller_default(const struct smcsim *sim)
{
	return sim ? sim->default_caller : -EINVAL;
}

SMCSIM_EXPORT int smcsim_caller_conduit(const struct smcsim *sim, int caller)
{
	if (!sim || caller < 0 || caller >= smcsim_caller_count(sim))
		return -EINVAL;
	return (int)sim->callers[caller].def_conduit;
}

SMCSIM_EXPORT int smcsim_caller_count(const struct smcsim *sim)
{
	return sim ? sim->ncallers : 0;
}

SMCSIM_EXPORT unsigned int smcsim_cpu_count(const struct smcsim *sim)
{
	return sim ? sim->ncpus : 0;
}

SMCSIM_EXPORT uint64_t smcsim_cpu_mpidr(const struct smcsim *sim, unsigned int cpu)
{
	return sim && cpu < sim->ncpus ? sim->cpus[cpu].mpidr : 0;
}

SMCSIM_EXPORT int smcsim_cpu_state(const struct smcsim *sim, unsigned int cpu)
{
	return sim && cpu < sim->ncpus ? sim->cpus[cpu].state : -EINVAL;
}

SMCSIM_EXPORT int smcsim_cpu_regs(const struct smcsim *sim, unsigned int cpu, uint64_t x[31],
				  uint64_t *pc)
{
	if (!sim || cpu >= sim->ncpus)
		return -EINVAL;
	if (x)
		memcpy(x, sim->cpus[cpu].x, sizeof(sim->cpus[cpu].x));
	if (pc)
		*pc = sim->cpus[cpu].pc;
	return 0;
}

SMCSIM_EXPORT int smcsim_cpu_boot(struct smcsim *sim, unsigned int cpu)
{
	if (!sim || cpu >= sim->ncpus)
		return -EINVAL;
	if (sim->cpus[cpu].state != SMCSIM_CPU_ON_PENDING)
		return -EALREADY;
	sim->cpus[cpu].state = SMCSIM_CPU_ON;
	return 0;
}

SMCSIM_EXPORT void smcsim_set_user_handler(struct smcsim *sim, smcsim_user_fn fn, void *opaque)
{
	if (!sim)
		return;
	sim->user_fn = fn;
	sim->user_opaque = opaque;
}

SMCSIM_EXPORT void smcsim_set_realm_handler(struct smcsim *sim, smcsim_realm_fn fn, void *opaque)
{
	if (!sim)
		return;
	sim->realm_fn = fn;
	sim->realm_opaque = opaque;
}

smcsim_realm_fn emu_realm_handler(struct smcsim *sim, void **opaque)
{
	*opaque = sim->realm_opaque;
	return sim->realm_fn;
}

/* ---- events ------------------------------------------------------------------------- */

/* Events the core itself understands. */
static int core_event(struct smcsim *sim, const char *name, json_t *args, struct smcsim_error *err)
{
	if (strcmp(name, "cpu_boot") == 0) {
		static const char *const keys[] = { "cpu", NULL };
		uint32_t cpu;
		int ret;
		if ((ret = emu_cfg_keys(args, "", keys, err)) ||
		    (ret = emu_cfg_u32(args, "cpu", "", UINT32_MAX, &cpu, err)))
			return ret;
		if (cpu >= sim->ncpus)
			return emu_err(err, "/cpu: no CPU %u on this machine", cpu);
		ret = smcsim_cpu_boot(sim, cpu);
		if (ret)
			return emu_err(err, "/cpu: CPU %u is not waiting to boot (not ON_PENDING)",
				       cpu);
		return 0;
	}
	return -ENOENT;
}

SMCSIM_EXPORT int smcsim_event(struct smcsim *sim, const char *name, const char *args_json,
			       struct smcsim_error *err)
{
	if (!sim || !name)
		return -EINVAL;
	json_t *args;
	if (args_json) {
		args = emu_json_loads(args_json, strlen(args_json), "event arguments", err);
		if (!args)
			return -EINVAL;
		if (!json_is_object(args)) {
			json_decref(args);
			return emu_err(err, "event arguments: expected a JSON object");
		}
	} else {
		args = json_object();
		if (!args)
			return -ENOMEM;
	}
	int ret = core_event(sim, name, args, err);
	for (size_t i = 0; ret == -ENOENT && i < sim->nlayers; i++)
		for (size_t k = 0; ret == -ENOENT && k < sim->layers[i].ninst; k++) {
			struct emu_instance *in = &sim->layers[i].inst[k];
			if (in->svc->event)
				ret = in->svc->event(in->state, sim, name, args, err);
		}
	if (ret == -ENOENT)
		emu_err(err, "unknown event \"%s\" (no model on this machine handles it)", name);
	else if (ret == 0 && sim->recording)
		emu_record_event(sim, name, args);
	json_decref(args);
	return ret;
}
