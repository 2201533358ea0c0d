// SPDX-License-Identifier: MIT
/*
 * printk: one record per call, level from a KERN_<level> prefix (default: warning, as
 * CONFIG_MESSAGE_LOGLEVEL_DEFAULT=4), KERN_CONT appended to the record before it. A record
 * is handed to the host when the next one starts or a newline ends it, so the host's log
 * reads like dmesg.
 */
#include <linux/kernel.h>
#include "kc-internal.h"
#include <kc/host.h>

int kc_debug_enabled;

static char cur[1024];
static size_t cur_len;
static int cur_level = -1;

static void flush_record(void)
{
	if (cur_level < 0)
		return;
	while (cur_len && cur[cur_len - 1] == '\n')
		cur_len--;
	cur[cur_len] = '\0';
	kc_host_log(cur_level, cur);
	cur_len = 0;
	cur_level = -1;
}

void kc_printk_flush(void)
{
	flush_record();
}

int vprintk(const char *fmt, va_list ap)
{
	char text[1024];
	int level = KC_LOGLEVEL_DEFAULT;
	bool cont = false;
	while (fmt[0] == KERN_SOH_ASCII && fmt[1]) {
		if (fmt[1] >= '0' && fmt[1] <= '7')
			level = fmt[1] - '0';
		else if (fmt[1] == 'c')
			cont = true;
		fmt += 2;
	}
	int n = kc_vsnprintf(text, sizeof(text), fmt, ap);
	size_t len = strnlen(text, sizeof(text) - 1);
	if (!cont || cur_level < 0) {
		flush_record();
		cur_level = level;
	}
	size_t room = sizeof(cur) - 1 - cur_len;
	memcpy(cur + cur_len, text, len < room ? len : room);
	cur_len += len < room ? len : room;
	if (len && text[len - 1] == '\n')
		flush_record();
	return n;
}

int _printk(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

static unsigned int warnings;

unsigned int kc_warnings(void)
{
	return warnings;
}

void kc_warn(const char *file, int line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	kc_vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	const char *base = strrchr(file, '/');
	warnings++;
	printk(KERN_WARNING "WARNING: at %s:%d: %s\n", base ? base + 1 : file, line, msg);
}

void panic(const char *fmt, ...)
{
	char msg[512], line[600];
	va_list ap;
	va_start(ap, fmt);
	kc_vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	flush_record();
	kc_snprintf(line, sizeof(line), "Kernel panic - not syncing: %s", msg);
	kc_host_panic(line);
}

void print_hex_dump(const char *level, const char *prefix, int type, int rowsize, int groupsize,
		    const void *buf, size_t len, bool ascii)
{
	const u8 *b = buf;
	(void)groupsize;
	(void)ascii;
	if (rowsize != 16 && rowsize != 32)
		rowsize = 16;
	for (size_t i = 0; i < len; i += (size_t)rowsize) {
		char row[200];
		int n = 0;
		for (size_t j = i; j < len && j < i + (size_t)rowsize; j++)
			n += kc_snprintf(row + n, sizeof(row) - (size_t)n, "%s%02x",
					 j == i ? "" : " ", b[j]);
		if (type == DUMP_PREFIX_OFFSET)
			printk("%s%s%08zx: %s\n", level, prefix, i, row);
		else
			printk("%s%s%s\n", level, prefix, row);
	}
}
