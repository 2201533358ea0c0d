/* SPDX-License-Identifier: MIT */
/* No debugfs (CONFIG_DEBUG_FS unset): creation calls return an error pointer. */
#ifndef KC_LINUX_DEBUGFS_H
#define KC_LINUX_DEBUGFS_H
#include <kc/base.h>
#include <linux/fs.h>
#include <linux/seq_file.h>
struct dentry;
static inline struct dentry *debugfs_create_dir(const char *name, struct dentry *parent)
{
	(void)name;
	(void)parent;
	return ERR_PTR(-ENODEV);
}
static inline struct dentry *debugfs_create_file(const char *name, umode_t mode,
						 struct dentry *parent, void *data,
						 const struct file_operations *fops)
{
	(void)name, (void)mode, (void)parent, (void)data, (void)fops;
	return ERR_PTR(-ENODEV);
}
static inline void debugfs_remove_recursive(struct dentry *d)
{
	(void)d;
}
#define debugfs_remove debugfs_remove_recursive
#endif
