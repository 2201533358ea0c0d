/* SPDX-License-Identifier: MIT */
/* A device tree read-only view built from the kboot profile (the /psci node and its
 * method; kc_boot_params.dt), with the OF calls firmware drivers make. */
#ifndef KC_LINUX_OF_H
#define KC_LINUX_OF_H
#include <kc/base.h>
#include <linux/mod_devicetable.h>
#include <linux/kref.h>

struct property {
	char *name;
	int length;
	void *value;
	struct property *next;
};
struct fwnode_handle {
	const void *ops;
};
struct device_node {
	const char *name;
	const char *full_name;
	struct fwnode_handle fwnode;
	struct property *properties;
	struct device_node *parent, *child, *sibling;
	unsigned long _flags;
	void *kc_src; /* the kc_dt_node it was built from */
};
struct of_phandle_args {
	struct device_node *np;
	int args_count;
	u32 args[16];
};
extern struct device_node *of_root;
struct device_node *of_find_matching_node_and_match(struct device_node *from,
						    const struct of_device_id *matches,
						    const struct of_device_id **match);
#define of_find_matching_node(from, matches) of_find_matching_node_and_match(from, matches, NULL)
struct device_node *of_find_compatible_node(struct device_node *from, const char *type,
					    const char *compat);
struct device_node *of_find_node_by_name(struct device_node *from, const char *name);
struct device_node *of_find_node_by_path(const char *path);
struct device_node *of_get_child_by_name(const struct device_node *node, const char *name);
struct device_node *of_node_get(struct device_node *node);
void of_node_put(struct device_node *node);
bool of_device_is_available(const struct device_node *device);
int of_device_is_compatible(const struct device_node *device, const char *compat);
const struct of_device_id *of_match_node(const struct of_device_id *matches,
					 const struct device_node *node);
struct property *of_find_property(const struct device_node *np, const char *name, int *lenp);
const void *of_get_property(const struct device_node *node, const char *name, int *lenp);
int of_property_read_string(const struct device_node *np, const char *propname,
			    const char **out_string);
int of_property_read_u32_index(const struct device_node *np, const char *propname, u32 index,
			       u32 *out_value);
static inline int of_property_read_u32(const struct device_node *np, const char *propname,
				       u32 *out_value)
{
	return of_property_read_u32_index(np, propname, 0, out_value);
}
bool of_property_read_bool(const struct device_node *np, const char *propname);
#define of_property_present(np, name) of_property_read_bool(np, name)
static inline const char *of_node_full_name(const struct device_node *np)
{
	return np ? np->full_name : "<no-node>";
}
#define for_each_matching_node_and_match(dn, matches, match)                                       \
	for (dn = of_find_matching_node_and_match(NULL, matches, match); dn;                       \
	     dn = of_find_matching_node_and_match(dn, matches, match))
#define of_match_ptr(p) (p)
#define to_of_node(fw)	container_of((fw), struct device_node, fwnode)
static inline bool is_of_node(const struct fwnode_handle *fw)
{
	return fw != NULL;
}
#endif
