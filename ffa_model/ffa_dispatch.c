/* SPDX-License-Identifier: MIT */
/*
 * FF-A SPMC model: the function table, the profile section, endpoints and reset.
 *
 * Profile section "ffa" (hosted on the EL3/SPMC layer):
 *   version        "1.0" | "1.1" | "1.2"      the SPMC's FF-A version
 *   policy         "spec" | "hafnium" | "tfa" FFA_VERSION negotiation (ffa_version.c)
 *   spmc_id        SPMC endpoint ID (FFA_SPM_ID_GET), default 0x8000
 *   rxtx_min       4096 | 16384 | 65536       minimum RX/TX size and alignment
 *   rxtx_max_pages maximum pages per buffer (v1.2 FFA_FEATURES w2[31:16]; 0 = no limit)
 *   sri_intid      schedule-receiver interrupt ID (FFA_FEATURES feature 2)
 *   npi_intid, mei_intid  notification-pending and managed-exit virtual interrupt IDs
 *                  reported to partitions (features 1, 3; Hafnium: 5 and 4)
 *   notifications  whether the notification ABI is implemented (v1.1+)
 *   partitions     [ { id, uuids: [..], exec_ctx, properties, caller, intid,
 *                      rxtx: { tx, rx, pages }, script: ["interrupt","yield","respond"] } ]
 *                  caller: an smcsim caller that issues calls as this partition.
 */
#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ffa_model/ffa.h"

/* ---- table --------------------------------------------------------------------------- */

/*
 * A row of the SPMC's table, at the call's place in FFA_CALLS (abi/ffa.h) and with the
 * version that introduced it. nargs: the argument registers the handler reads; nres: the
 * result registers it writes at most (x0..x7, or x0..x17 where FF-A v1.2 returns 64-bit
 * payloads, DEN0077 v1.2 11.2).
 */
#define FFA_ROW(id, ...) [id##_CALL] = EMU_FN_ROW(id, .since = id##_SINCE, __VA_ARGS__)

#define RESP_ONLY .handler = ffa_h_response_only, .nargs = 0, .nres = 8
#define NOT_IMPL  .handler = ffa_h_not_supported, .nargs = 0, .nres = 8
#define NOTIF	  .gate = FFA_GATE_NOTIFICATIONS
/* FFA_FEATURES(FFA_MEM_RETRIEVE_REQ) w2 bits the SPMC can report; ffa_features.c keeps those
 * the caller's version defines. */
#define RETRIEVE_PROPS .features = FFA_FEAT_RETRIEVE_NS_BIT | FFA_FEAT_RETRIEVE_HYP

/* Calls the model does not implement (legacy v1.0 messaging, MEM_OP_PAUSE/RESUME, console)
 * keep their rows for decoding and answer NOT_SUPPORTED, as Hafnium and TF-A do. */
const struct emu_fn ffa_fns[FFA_NCALLS] = {
	FFA_ROW(FFA_ERROR, RESP_ONLY),
	FFA_ROW(FFA_SUCCESS, RESP_ONLY),
	FFA_ROW(FFA_SUCCESS_64, RESP_ONLY),
	FFA_ROW(FFA_INTERRUPT, RESP_ONLY),
	FFA_ROW(FFA_VERSION, .handler = ffa_h_version, .nargs = 1, .nres = 8),
	FFA_ROW(FFA_FEATURES, .handler = ffa_h_features, .nargs = 2, .nres = 8),
	FFA_ROW(FFA_RX_RELEASE, .handler = ffa_h_rx_release, .nargs = 1, .nres = 8),
	FFA_ROW(FFA_RXTX_MAP, .handler = ffa_h_rxtx_map, .nargs = 3, .nres = 8),
	FFA_ROW(FFA_RXTX_MAP_64, .handler = ffa_h_rxtx_map, .nargs = 3, .nres = 8),
	FFA_ROW(FFA_RXTX_UNMAP, .handler = ffa_h_rxtx_unmap, .nargs = 1, .nres = 8),
	FFA_ROW(FFA_PARTITION_INFO_GET, .handler = ffa_h_partition_info_get, .nargs = 5, .nres = 8),
	FFA_ROW(FFA_ID_GET, .handler = ffa_h_id_get, .nargs = 0, .nres = 8),
	FFA_ROW(FFA_MSG_POLL, NOT_IMPL),
	FFA_ROW(FFA_MSG_WAIT, .handler = ffa_h_msg_wait, .nargs = 2, .nres = 8),
	FFA_ROW(FFA_YIELD, RESP_ONLY),
	/* x8..x17 MBZ (read); resuming a partition serving a 64-bit request returns x0..x17. */
	FFA_ROW(FFA_RUN, .handler = ffa_h_run, .nargs = 17, .nres = SMCSIM_NREGS),
	FFA_ROW(FFA_MSG_SEND, NOT_IMPL),
	FFA_ROW(FFA_MSG_SEND_DIRECT_REQ, .handler = ffa_h_direct_req, .nargs = 7, .nres = 8),
	FFA_ROW(FFA_MSG_SEND_DIRECT_REQ_64, .handler = ffa_h_direct_req, .nargs = 7,
		.nres = SMCSIM_NREGS),
	FFA_ROW(FFA_MSG_SEND_DIRECT_RESP, .handler = ffa_h_direct_resp, .nargs = 0, .nres = 8),
	FFA_ROW(FFA_MSG_SEND_DIRECT_RESP_64, .handler = ffa_h_direct_resp, .nargs = 0, .nres = 8),
	FFA_ROW(FFA_MEM_DONATE, .handler = ffa_h_mem_send, .nargs = 4, .nres = 8),
	FFA_ROW(FFA_MEM_DONATE_64, .handler = ffa_h_mem_send, .nargs = 4, .nres = 8),
	FFA_ROW(FFA_MEM_LEND, .handler = ffa_h_mem_send, .nargs = 4, .nres = 8),
	FFA_ROW(FFA_MEM_LEND_64, .handler = ffa_h_mem_send, .nargs = 4, .nres = 8),
	FFA_ROW(FFA_MEM_SHARE, .handler = ffa_h_mem_send, .nargs = 4, .nres = 8),
	FFA_ROW(FFA_MEM_SHARE_64, .handler = ffa_h_mem_send, .nargs = 4, .nres = 8),
	FFA_ROW(FFA_MEM_RETRIEVE_REQ, .handler = ffa_h_mem_retrieve_req, .nargs = 4, .nres = 8,
		RETRIEVE_PROPS),
	FFA_ROW(FFA_MEM_RETRIEVE_REQ_64, .handler = ffa_h_mem_retrieve_req, .nargs = 4, .nres = 8,
		RETRIEVE_PROPS),
	FFA_ROW(FFA_MEM_RETRIEVE_RESP, RESP_ONLY),
	FFA_ROW(FFA_MEM_RELINQUISH, .handler = ffa_h_mem_relinquish, .nargs = 0, .nres = 8),
	FFA_ROW(FFA_MEM_RECLAIM, .handler = ffa_h_mem_reclaim, .nargs = 3, .nres = 8),
	FFA_ROW(FFA_MEM_OP_PAUSE, NOT_IMPL),
	FFA_ROW(FFA_MEM_OP_RESUME, NOT_IMPL),
	FFA_ROW(FFA_MEM_FRAG_RX, .handler = ffa_h_mem_frag_rx, .nargs = 4, .nres = 8),
	FFA_ROW(FFA_MEM_FRAG_TX, .handler = ffa_h_mem_frag_tx, .nargs = 4, .nres = 8),
	FFA_ROW(FFA_NOTIFICATION_BITMAP_CREATE, .handler = ffa_h_notif_bitmap_create, .nargs = 2,
		.nres = 8, NOTIF),
	FFA_ROW(FFA_NOTIFICATION_BITMAP_DESTROY, .handler = ffa_h_notif_bitmap_destroy, .nargs = 1,
		.nres = 8, NOTIF),
	FFA_ROW(FFA_NOTIFICATION_BIND, .handler = ffa_h_notif_bind, .nargs = 4, .nres = 8, NOTIF),
	FFA_ROW(FFA_NOTIFICATION_UNBIND, .handler = ffa_h_notif_unbind, .nargs = 4, .nres = 8,
		NOTIF),
	FFA_ROW(FFA_NOTIFICATION_SET, .handler = ffa_h_notif_set, .nargs = 4, .nres = 8, NOTIF),
	FFA_ROW(FFA_NOTIFICATION_GET, .handler = ffa_h_notif_get, .nargs = 2, .nres = 8, NOTIF),
	/* Both forms answer x0..x17 (the SMC32 form packs its IDs in w3..w7, the rest zero). */
	FFA_ROW(FFA_NOTIFICATION_INFO_GET, .handler = ffa_h_notif_info_get, .nargs = 0,
		.nres = SMCSIM_NREGS, NOTIF),
	FFA_ROW(FFA_NOTIFICATION_INFO_GET_64, .handler = ffa_h_notif_info_get, .nargs = 0,
		.nres = SMCSIM_NREGS, NOTIF),
	FFA_ROW(FFA_RX_ACQUIRE, .handler = ffa_h_rx_acquire, .nargs = 1, .nres = 8),
	FFA_ROW(FFA_SPM_ID_GET, .handler = ffa_h_spm_id_get, .nargs = 0, .nres = 8),
	FFA_ROW(FFA_MSG_SEND2, .handler = ffa_h_msg_send2, .nargs = 2, .nres = 8),
	FFA_ROW(FFA_CONSOLE_LOG, NOT_IMPL),
	FFA_ROW(FFA_CONSOLE_LOG_64, NOT_IMPL),
	FFA_ROW(FFA_PARTITION_INFO_GET_REGS, .handler = ffa_h_partition_info_get_regs, .nargs = 3,
		.nres = SMCSIM_NREGS),
	FFA_ROW(FFA_MSG_SEND_DIRECT_REQ2, .handler = ffa_h_direct_req, .nargs = 17,
		.nres = SMCSIM_NREGS),
	FFA_ROW(FFA_MSG_SEND_DIRECT_RESP2, .handler = ffa_h_direct_resp, .nargs = 0, .nres = 8),
};

void ffa_h_not_supported(struct emu_call *c)
{
	/* Still an FF-A call: it ends version negotiation (DEN0077 v1.2 13.2.2). */
	ffa_caller_ep(c->state, c, true);
	ffa_error(c, FFA_NOT_SUPPORTED);
}

/* FFA_ERROR/SUCCESS/INTERRUPT/YIELD/RETRIEVE_RESP are results an endpoint returns to an
 * invoker; a caller with nothing outstanding cannot invoke them (Hafnium: NOT_SUPPORTED
 * for the normal world). FFA_FEATURES still reports them (ACS ffa_features: mandatory). */
void ffa_h_response_only(struct emu_call *c)
{
	/* Hafnium's hvc_smc_handler exempts FFA_INTERRUPT from ending negotiation. */
	ffa_caller_ep(c->state, c, c->fid != FFA_INTERRUPT_FID);
	ffa_error(c, FFA_NOT_SUPPORTED);
}

const struct emu_fn *ffa_fn_of(uint32_t fid)
{
	for (size_t i = 0; i < FFA_NCALLS; i++)
		if (ffa_fns[i].fid == fid)
			return &ffa_fns[i];
	return NULL;
}

/* Whether the instance runs @fn's own handler: rows above the SPMC's version and gated rows
 * it does not enable answer NOT_SUPPORTED instead. */
static bool row_enabled(const struct ffa_spmc *s, const struct emu_fn *fn)
{
	if (fn->since > s->version)
		return false;
	return fn->gate != FFA_GATE_NOTIFICATIONS || s->notifications;
}

bool ffa_fid_supported(const struct ffa_spmc *s, uint32_t fid, uint32_t v)
{
	const struct emu_fn *fn = ffa_fn_of(fid);
	if (!fn || fn->handler == ffa_h_not_supported)
		return false;
	return fn->since <= v && row_enabled(s, fn);
}

/* ---- endpoints ----------------------------------------------------------------------- */

struct ffa_ep *ffa_ep_by_id(struct ffa_spmc *s, uint16_t id)
{
	for (uint32_t i = 0; i < s->nep; i++)
		if (s->ep[i].id == id)
			return &s->ep[i];
	return NULL;
}

struct ffa_ep *ffa_caller_ep(struct ffa_spmc *s, const struct emu_call *c, bool lock)
{
	struct ffa_ep *ep = &s->ep[0];
	for (uint32_t i = 1; i < s->nep; i++)
		if (s->ep[i].caller >= 0 && s->ep[i].caller == c->caller)
			ep = &s->ep[i];
	/* DEN0077 v1.2 13.2.2: negotiation ends at the first FF-A call other than
	 * FFA_VERSION; Hafnium also exempts FFA_INTERRUPT (handler.c hvc_smc_handler). */
	if (lock && !ep->locked) {
		ep->locked = true;
		if (!ep->version)
			ep->version = s->version;
	}
	return ep;
}

uint32_t ffa_ep_version(const struct ffa_spmc *s, const struct ffa_ep *ep)
{
	return ep->version ? ep->version : s->version;
}

void *ffa_mem(struct ffa_spmc *s, uint64_t pa, uint64_t len)
{
	if (pa + len < pa)
		return NULL;
	return emu_mem_ptr(s->sim, pa, len);
}

void ffa_h_id_get(struct emu_call *c)
{
	struct ffa_spmc *s = c->state;
	struct ffa_ep *ep = ffa_caller_ep(s, c, true);
	/* DEN0077 v1.2 13.8: w2[15:0] = caller's ID; the NS-physical instance is ID 0. */
	ffa_success(c, ep->id, 0);
}

void ffa_h_spm_id_get(struct emu_call *c)
{
	struct ffa_spmc *s = c->state;
	ffa_caller_ep(s, c, true);
	ffa_success(c, s->spmc_id, 0);
}

/* ---- profile section ----------------------------------------------------------------- */

static int parse_partition(struct ffa_spmc *s, struct ffa_ep *ep, json_t *p, const char *path,
			   struct smcsim_error *err)
{
	static const char *const keys[] = { "id",   "uuids",  "exec_ctx", "properties", "caller",
					    "rxtx", "script", "intid",	  NULL };
	uint32_t id, ctx, props, intid;
	int ret;
	if (!json_is_object(p))
		return emu_err(err, "%s: expected an object", path);
	if ((ret = emu_cfg_keys(p, path, keys, err)) ||
	    (ret = emu_cfg_u32(p, "id", path, 0, &id, err)) ||
	    (ret = emu_cfg_u32(p, "exec_ctx", path, 1, &ctx, err)) ||
	    (ret = emu_cfg_u32(p, "properties", path,
			       FFA_PROP_DIRECT_RECV | FFA_PROP_DIRECT_SEND | FFA_PROP_AARCH64,
			       &props, err)) ||
	    (ret = emu_cfg_u32(p, "intid", path, 5, &intid, err)))
		return ret;
	/* DEN0077 v1.1 2.4: bit 15 set = secure endpoint; 0 is the NS-physical instance. */
	if (id == 0 || id > 0xffff || !(id & FFA_ID_SECURE_BIT) || id == s->spmc_id)
		return emu_err(err,
			       "%s/id: a secure partition ID is 0x8001..0xffff, not the SPMC's",
			       path);
	for (struct ffa_ep *o = s->ep_boot + 1; o < ep; o++)
		if (o->id == id)
			return emu_err(err, "%s/id: duplicate partition ID 0x%x", path, id);
	if (ctx == 0 || ctx > 0xffff)
		return emu_err(err, "%s/exec_ctx: 1..65535 execution contexts", path);
	if (props & ~FFA_PROP_MASK_V1_2)
		return emu_err(err, "%s/properties: bits above 10 are MBZ (DEN0077 v1.2 Table 6.2)",
			       path);
	ep->id = (uint16_t)id;
	ep->partition = true;
	ep->exec_ctx = (uint16_t)ctx;
	ep->props = props;
	ep->intid = intid;
	ep->caller = -1;
	json_t *uuids = json_object_get(p, "uuids");
	if (!json_is_array(uuids) || json_array_size(uuids) == 0 || json_array_size(uuids) > 4)
		return emu_err(err, "%s/uuids: expected 1..4 UUID strings", path);
	size_t i;
	json_t *u;
	json_array_foreach(uuids, i, u)
	{
		const char *str = json_string_value(u);
		if (!str || emu_parse_uuid(str, ep->uuids[i]))
			return emu_err(err, "%s/uuids/%zu: not a UUID", path, i);
		static const uint8_t nil[16];
		if (!memcmp(ep->uuids[i], nil, 16))
			return emu_err(err, "%s/uuids/%zu: the Nil UUID means \"all partitions\"",
				       path, i);
	}
	ep->nuuids = (uint32_t)json_array_size(uuids);
	json_t *script = json_object_get(p, "script");
	if (script) {
		if (!json_is_array(script) || json_array_size(script) > FFA_MAX_SCRIPT)
			return emu_err(err, "%s/script: expected up to %d steps", path,
				       FFA_MAX_SCRIPT);
		json_array_foreach(script, i, u)
		{
			const char *str = json_string_value(u);
			if (str && !strcmp(str, "interrupt"))
				ep->script[i] = FFA_STEP_INTERRUPT;
			else if (str && !strcmp(str, "yield"))
				ep->script[i] = FFA_STEP_YIELD;
			else if (str && !strcmp(str, "respond"))
				ep->script[i] = FFA_STEP_RESPOND;
			else
				return emu_err(
					err,
					"%s/script/%zu: \"interrupt\", \"yield\" or \"respond\"",
					path, i);
		}
		ep->nscript = (uint32_t)json_array_size(script);
	}
	json_t *rxtx;
	if ((ret = emu_cfg_object(p, "rxtx", path, &rxtx, err)))
		return ret;
	if (rxtx) {
		char rp[330];
		snprintf(rp, sizeof(rp), "%s/rxtx", path);
		static const char *const rkeys[] = { "tx", "rx", "pages", NULL };
		if ((ret = emu_cfg_keys(rxtx, rp, rkeys, err)) ||
		    (ret = emu_cfg_u64(rxtx, "tx", rp, 0, &ep->tx, err)) ||
		    (ret = emu_cfg_u64(rxtx, "rx", rp, 0, &ep->rx, err)) ||
		    (ret = emu_cfg_u32(rxtx, "pages", rp, 1, &ep->pages, err)))
			return ret;
		if (ep->pages == 0 || ep->pages > 64 || (ep->tx | ep->rx) % FFA_PAGE ||
		    !emu_mem_valid(s->sim, ep->tx, (uint64_t)ep->pages * FFA_PAGE) ||
		    !emu_mem_valid(s->sim, ep->rx, (uint64_t)ep->pages * FFA_PAGE))
			return emu_err(err,
				       "%s: buffers must be page-aligned, 1..64 pages, in memory",
				       rp);
		ep->mapped = true;
	}
	return 0;
}

static int ffa_create(struct smcsim *sim, struct emu_layer *layer, json_t *cfg, const char *path,
		      void **state, struct smcsim_error *err)
{
	static const char *const keys[] = {
		"version",	  "policy",	"spmc_id",   "rxtx_min",
		"rxtx_max_pages", "sri_intid",	"npi_intid", "mei_intid",
		"notifications",  "partitions", NULL
	};
	static const char *const policies[] = { "spec", "hafnium", "tfa", NULL };
	/* Every FF-A call has its row in place (a missing designated row would be zeros). */
	for (size_t i = 0; i < FFA_NCALLS; i++)
		assert(ffa_fns[i].fid == ffa_call_fid((enum ffa_call)i));
	struct ffa_spmc *s = calloc(1, sizeof(*s));
	if (!s)
		return -ENOMEM;
	*state = s;
	s->sim = sim;
	/* The sharing flags live beside the machine's memory, keyed by this descriptor so tests
	 * and fuzz drivers find them (ffa_gstate); every SPMC instance shares the one slot. */
	s->gslot = emu_gstate_reserve(sim, &ffa_service, 1);
	if (s->gslot < 0) {
		char buf[128]; /* strerror_r: strerror may share one buffer between threads */
		emu_err(err, "%s: per-granule state: %s", path,
			strerror_r(-s->gslot, buf, sizeof(buf)));
		return s->gslot;
	}
	uint32_t spmc_id, rxtx_min;
	int ret;
	if ((ret = emu_cfg_keys(cfg, path, keys, err)) ||
	    (ret = emu_cfg_version(cfg, "version", path, FFA_V1_2, &s->version, err)) ||
	    (ret = emu_cfg_enum(cfg, "policy", path, policies, FFA_POLICY_SPEC, &s->policy, err)) ||
	    (ret = emu_cfg_u32(cfg, "spmc_id", path, FFA_SPMC_ID_DEFAULT, &spmc_id, err)) ||
	    (ret = emu_cfg_u32(cfg, "rxtx_min", path, 4096, &rxtx_min, err)) ||
	    (ret = emu_cfg_u32(cfg, "rxtx_max_pages", path, 0, &s->rxtx_max_pages, err)) ||
	    (ret = emu_cfg_u32(cfg, "sri_intid", path, 8, &s->sri_intid, err)) ||
	    (ret = emu_cfg_u32(cfg, "npi_intid", path, 5, &s->npi_intid, err)) ||
	    (ret = emu_cfg_u32(cfg, "mei_intid", path, 4, &s->mei_intid, err)))
		return ret;
	if (s->version != FFA_V1_0 && s->version != FFA_V1_1 && s->version != FFA_V1_2)
		return emu_err(err, "%s/version: this model implements FF-A 1.0, 1.1 and 1.2",
			       path);
	if (!(spmc_id & FFA_ID_SECURE_BIT) || spmc_id > 0xffff)
		return emu_err(err, "%s/spmc_id: a secure endpoint ID has bit 15 set", path);
	s->spmc_id = (uint16_t)spmc_id;
	switch (rxtx_min) {
	case 4096:
		s->rxtx_min = FFA_FEAT_RXTX_MIN_4K;
		break;
	case 65536:
		s->rxtx_min = FFA_FEAT_RXTX_MIN_64K;
		break;
	case 16384:
		s->rxtx_min = FFA_FEAT_RXTX_MIN_16K;
		break;
	default:
		return emu_err(err, "%s/rxtx_min: 4096, 16384 or 65536 (FFA_FEATURES w2[1:0])",
			       path);
	}
	if (s->rxtx_max_pages > 0xffff)
		return emu_err(err, "%s/rxtx_max_pages: a 16-bit page count", path);
	/* Notifications arrived in DEN0077 v1.1 (FFA_NOTIFICATION_*_SINCE). */
	if ((ret = emu_cfg_bool(cfg, "notifications", path, s->version >= FFA_V1_1,
				&s->notifications, err)))
		return ret;
	if (s->notifications && s->version < FFA_V1_1)
		return emu_err(err, "%s/notifications: notifications need FF-A 1.1", path);
	json_t *parts = json_object_get(cfg, "partitions");
	if (parts && (!json_is_array(parts) || json_array_size(parts) > 16))
		return emu_err(err, "%s/partitions: expected an array of up to 16 partitions",
			       path);
	s->nep = 1 + (uint32_t)(parts ? json_array_size(parts) : 0);
	s->ep = calloc(s->nep, sizeof(*s->ep));
	s->ep_boot = calloc(s->nep, sizeof(*s->ep_boot));
	if (!s->ep || !s->ep_boot)
		return -ENOMEM;
	s->ep_boot[0].id = FFA_NS_ID;
	s->ep_boot[0].caller = -1;
	for (uint32_t i = 1; i < s->nep; i++) {
		char pp[300];
		snprintf(pp, sizeof(pp), "%s/partitions/%u", path, i - 1);
		if ((ret = parse_partition(s, &s->ep_boot[i], json_array_get(parts, i - 1), pp,
					   err)))
			return ret;
		json_t *cn = json_object_get(json_array_get(parts, i - 1), "caller");
		if (cn && !json_is_string(cn))
			return emu_err(err, "%s/caller: expected a caller name", pp);
	}
	/* Keep the caller names until attach, when callers exist. */
	s->ep[0].caller = -1;
	json_incref(cfg);
	s->cfg_parts = parts;
	s->cfg = cfg;
	ffa_spmc_reset(s);
	return 0;
}

static int ffa_attach(void *state, struct smcsim *sim, struct smcsim_error *err)
{
	struct ffa_spmc *s = state;
	for (uint32_t i = 1; i < s->nep; i++) {
		json_t *cn = json_object_get(json_array_get(s->cfg_parts, i - 1), "caller");
		if (!cn)
			continue;
		int c = smcsim_caller_find(sim, json_string_value(cn));
		if (c < 0)
			return emu_err(err, "ffa partitions/%u/caller: no caller \"%s\"", i - 1,
				       json_string_value(cn));
		s->ep_boot[i].caller = c;
		s->ep[i].caller = c;
	}
	return 0;
}

uint8_t *ffa_page(struct ffa_spmc *s, uint64_t pa)
{
	return emu_gstate(s->sim, s->gslot, pa);
}

uint8_t *ffa_gstate(struct smcsim *sim, uint64_t pa)
{
	return emu_gstate(sim, emu_gstate_slot(sim, &ffa_service), pa);
}

static void mark_rxtx(struct ffa_spmc *s, const struct ffa_ep *ep)
{
	for (uint32_t p = 0; p < ep->pages; p++) {
		uint8_t *f = ffa_page(s, ep->tx + (uint64_t)p * FFA_PAGE);
		if (f)
			*f |= FFA_GR_RXTX;
		f = ffa_page(s, ep->rx + (uint64_t)p * FFA_PAGE);
		if (f)
			*f |= FFA_GR_RXTX;
	}
}

void ffa_spmc_reset(struct ffa_spmc *s)
{
	ffa_mem_reset(s);
	memcpy(s->ep, s->ep_boot, s->nep * sizeof(*s->ep));
	/* Partition mailboxes come from their manifests: mapped at boot. */
	for (uint32_t i = 1; i < s->nep; i++)
		if (s->ep[i].mapped)
			mark_rxtx(s, &s->ep[i]);
	s->next_handle = 1;
}

static void ffa_reset(void *state)
{
	ffa_spmc_reset(state);
}

static void ffa_destroy(void *state)
{
	struct ffa_spmc *s = state;
	if (!s)
		return;
	ffa_mem_reset(s);
	free(s->ep);
	free(s->ep_boot);
	json_decref(s->cfg);
	free(s);
}

/* Every row stays routed to the SPMC: rows it does not enable answer FFA_ERROR(NOT_SUPPORTED)
 * the way an SPMC does for a function ID in the FF-A range it does not implement. */
static emu_handler_fn ffa_handler_of(const void *state, const struct emu_fn *fn)
{
	return row_enabled(state, fn) ? fn->handler : ffa_h_not_supported;
}

/* Every row stays routed to the SPMC whatever its version (handler_of answers for rows
 * above it), so the core's `since` gate sees the newest version the table describes. */
static uint32_t ffa_table_version(const void *state)
{
	return FFA_V1_2;
}

const struct emu_service ffa_service = {
	.name = "ffa",
	.title = "FF-A SPMC (DEN0077)",
	.fns = ffa_fns,
	.nfns = FFA_NCALLS,
	.create = ffa_create,
	.destroy = ffa_destroy,
	.reset = ffa_reset,
	.version = ffa_table_version,
	.handler_of = ffa_handler_of,
	.attach = ffa_attach,
};

struct ffa_spmc *ffa_spmc_of(struct smcsim *sim, const char *layer)
{
	struct emu_layer *l = emu_layer_find(sim, layer);
	return l ? emu_layer_service(l, "ffa") : NULL;
}
