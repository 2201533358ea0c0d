/* SPDX-License-Identifier: MIT */
#ifndef KC_LINUX_SEQ_FILE_H
#define KC_LINUX_SEQ_FILE_H
#include <kc/base.h>
#include <linux/fs.h>
struct seq_file {
	char *buf;
	size_t size, count;
	void *private;
};
__printf(2, 3) void seq_printf(struct seq_file *m, const char *fmt, ...);
void seq_puts(struct seq_file *m, const char *s);
int single_open(struct file *file, int (*show)(struct seq_file *, void *), void *data);
int single_release(struct inode *inode, struct file *file);
ssize_t seq_read(struct file *file, char *buf, size_t size, loff_t *ppos);
loff_t seq_lseek(struct file *file, loff_t offset, int whence);
#define DEFINE_SHOW_ATTRIBUTE(__name)                                                              \
	static int __name##_open(struct inode *inode, struct file *file)                           \
	{                                                                                          \
		(void)inode;                                                                       \
		return single_open(file, __name##_show, NULL);                                     \
	}                                                                                          \
	static const struct file_operations __name##_fops = { .open = __name##_open }
#endif
