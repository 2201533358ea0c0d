// SPDX-License-Identifier: MIT
/*
 * The device tree kboot boots with: the nodes the host describes from the profile
 * (kc_boot_params.dt: the /psci node with compatible, method and, for "arm,psci", the
 * 0.1 function IDs), read through the OF calls firmware drivers make
 * (drivers/of/base.c semantics: matches in table order, of_node_put on NULL allowed).
 */
#include <linux/kernel.h>
#include "kc-internal.h"
#include <linux/of.h>
#include <linux/slab.h>
#include <kc/host.h>

#define KC_DT_MAX 8
static struct device_node nodes[KC_DT_MAX];
static struct property props[KC_DT_MAX][12];
static u32 prop_u32[KC_DT_MAX][12]; /* big-endian cells, as a flattened tree stores them */
static char full_names[KC_DT_MAX][64];
static unsigned int nnodes;
struct device_node *of_root;

static u32 to_be32(u32 v)
{
	return __builtin_bswap32(v);
}

void kc_of_build(const struct kc_dt_node *dt, unsigned int n)
{
	memset(nodes, 0, sizeof(nodes));
	nnodes = 0;
	for (unsigned int i = 0; i < n && i < KC_DT_MAX; i++) {
		struct device_node *np = &nodes[i];
		unsigned int np_props = 0;
		kc_snprintf(full_names[i], sizeof(full_names[i]), "/%s", dt[i].name);
		np->name = dt[i].name;
		np->full_name = full_names[i];
		/* compatible and status first, then the described properties */
		struct property *p = &props[i][np_props++];
		p->name = (char *)"compatible";
		p->value = (void *)dt[i].compatible;
		p->length = (int)strlen(dt[i].compatible) + 1;
		p = &props[i][np_props++];
		p->name = (char *)"status";
		p->value = (void *)(dt[i].available ? "okay" : "disabled");
		p->length = (int)strlen(p->value) + 1;
		for (unsigned int j = 0; j < dt[i].nprops && np_props < 12; j++) {
			p = &props[i][np_props];
			p->name = (char *)dt[i].props[j].name;
			if (dt[i].props[j].str) {
				p->value = (void *)dt[i].props[j].str;
				p->length = (int)strlen(dt[i].props[j].str) + 1;
			} else {
				prop_u32[i][np_props] = to_be32(dt[i].props[j].u32);
				p->value = &prop_u32[i][np_props];
				p->length = 4;
			}
			np_props++;
		}
		for (unsigned int j = 0; j + 1 < np_props; j++)
			props[i][j].next = &props[i][j + 1];
		np->properties = &props[i][0];
		np->kc_src = (void *)&dt[i];
		nnodes++;
	}
	of_root = nnodes ? &nodes[0] : NULL;
}

struct property *of_find_property(const struct device_node *np, const char *name, int *lenp)
{
	if (!np)
		return NULL;
	for (struct property *p = np->properties; p; p = p->next)
		if (!strcmp(p->name, name)) {
			if (lenp)
				*lenp = p->length;
			return p;
		}
	return NULL;
}

const void *of_get_property(const struct device_node *np, const char *name, int *lenp)
{
	struct property *p = of_find_property(np, name, lenp);
	return p ? p->value : NULL;
}

int of_device_is_compatible(const struct device_node *np, const char *compat)
{
	int len;
	const char *c = of_get_property(np, "compatible", &len);
	/* a compatible property is a list of NUL-separated strings */
	for (int off = 0; c && off < len; off += (int)strlen(c + off) + 1)
		if (!strcmp(c + off, compat))
			return 1;
	return 0;
}

bool of_device_is_available(const struct device_node *np)
{
	if (!np)
		return false;
	const char *s = of_get_property(np, "status", NULL);
	return !s || !strcmp(s, "okay") || !strcmp(s, "ok");
}

const struct of_device_id *of_match_node(const struct of_device_id *matches,
					 const struct device_node *node)
{
	if (!matches || !node)
		return NULL;
	for (; matches->name[0] || matches->type[0] || matches->compatible[0]; matches++) {
		if (matches->compatible[0] && !of_device_is_compatible(node, matches->compatible))
			continue;
		if (matches->name[0] && strcmp(matches->name, node->name))
			continue;
		return matches;
	}
	return NULL;
}

static struct device_node *next_node(struct device_node *from)
{
	if (!from)
		return nnodes ? &nodes[0] : NULL;
	unsigned int i = (unsigned int)(from - nodes) + 1;
	return i < nnodes ? &nodes[i] : NULL;
}

struct device_node *of_find_matching_node_and_match(struct device_node *from,
						    const struct of_device_id *matches,
						    const struct of_device_id **match)
{
	if (match)
		*match = NULL;
	for (struct device_node *np = next_node(from); np; np = next_node(np)) {
		const struct of_device_id *m = of_match_node(matches, np);
		if (m) {
			if (match)
				*match = m;
			return np;
		}
	}
	return NULL;
}

struct device_node *of_find_compatible_node(struct device_node *from, const char *type,
					    const char *compat)
{
	(void)type;
	for (struct device_node *np = next_node(from); np; np = next_node(np))
		if (of_device_is_compatible(np, compat))
			return np;
	return NULL;
}

struct device_node *of_find_node_by_name(struct device_node *from, const char *name)
{
	for (struct device_node *np = next_node(from); np; np = next_node(np))
		if (!strcmp(np->name, name))
			return np;
	return NULL;
}

struct device_node *of_find_node_by_path(const char *path)
{
	for (unsigned int i = 0; i < nnodes; i++)
		if (!strcmp(nodes[i].full_name, path))
			return &nodes[i];
	return NULL;
}

struct device_node *of_get_child_by_name(const struct device_node *node, const char *name)
{
	(void)node;
	(void)name;
	return NULL;
}

struct device_node *of_node_get(struct device_node *node)
{
	return node;
}

void of_node_put(struct device_node *node)
{
	(void)node;
}

int of_property_read_string(const struct device_node *np, const char *propname,
			    const char **out_string)
{
	int len;
	struct property *p = of_find_property(np, propname, &len);
	if (!p)
		return -EINVAL;
	if (!p->value)
		return -ENODATA;
	if (strnlen(p->value, (size_t)len) >= (size_t)len)
		return -EILSEQ;
	*out_string = p->value;
	return 0;
}

int of_property_read_u32_index(const struct device_node *np, const char *propname, u32 index,
			       u32 *out_value)
{
	int len;
	struct property *p = of_find_property(np, propname, &len);
	if (!p)
		return -EINVAL;
	if (!p->value)
		return -ENODATA;
	if ((u32)len < (index + 1) * 4)
		return -EOVERFLOW;
	*out_value = __builtin_bswap32(((const u32 *)p->value)[index]);
	return 0;
}

bool of_property_read_bool(const struct device_node *np, const char *propname)
{
	return of_find_property(np, propname, NULL) != NULL;
}
