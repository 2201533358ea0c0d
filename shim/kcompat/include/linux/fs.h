/* SPDX-License-Identifier: MIT */
#ifndef KC_LINUX_FS_H
#define KC_LINUX_FS_H
#include <kc/base.h>
struct inode;
struct file {
	void *private_data;
};
struct seq_file;
struct poll_table_struct;
struct vm_area_struct;
struct file_operations {
	struct module *owner;
	loff_t (*llseek)(struct file *, loff_t, int);
	ssize_t (*read)(struct file *, char *, size_t, loff_t *);
	ssize_t (*write)(struct file *, const char *, size_t, loff_t *);
	long (*unlocked_ioctl)(struct file *, unsigned int, unsigned long);
	int (*mmap)(struct file *, struct vm_area_struct *);
	int (*open)(struct inode *, struct file *);
	int (*release)(struct inode *, struct file *);
};
#endif
