/* SPDX-License-Identifier: MIT */
/* printk and the pr_* family. Records go to the kboot host's log (smcsim_kernel_log()),
 * one per line, with KERN_CONT continuing the previous record as the kernel does.
 * pr_debug is compiled in and enabled per boot (kc_boot_params.debug), like dynamic
 * debug with everything off by default. */
#ifndef KC_LINUX_PRINTK_H
#define KC_LINUX_PRINTK_H
#include <kc/base.h>

#define KERN_SOH	 "\001"
#define KERN_SOH_ASCII	 '\001'
#define KERN_EMERG	 KERN_SOH "0"
#define KERN_ALERT	 KERN_SOH "1"
#define KERN_CRIT	 KERN_SOH "2"
#define KERN_ERR	 KERN_SOH "3"
#define KERN_WARNING	 KERN_SOH "4"
#define KERN_NOTICE	 KERN_SOH "5"
#define KERN_INFO	 KERN_SOH "6"
#define KERN_DEBUG	 KERN_SOH "7"
#define KERN_DEFAULT	 ""
#define KERN_CONT	 KERN_SOH "c"
#define LOGLEVEL_EMERG	 0
#define LOGLEVEL_ERR	 3
#define LOGLEVEL_WARNING 4
#define LOGLEVEL_INFO	 6
#define LOGLEVEL_DEBUG	 7

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

__printf(1, 2) int _printk(const char *fmt, ...);
int vprintk(const char *fmt, va_list ap);
#define printk(fmt, ...) _printk(fmt, ##__VA_ARGS__)
extern int kc_debug_enabled;

#define pr_emerg(fmt, ...)  printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...)  printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...)   printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)    printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)   printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warning	    pr_warn
#define pr_notice(fmt, ...) printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)   printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...)   printk(KERN_CONT fmt, ##__VA_ARGS__)
#define pr_devel(fmt, ...)  no_printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...)                                                                         \
	do {                                                                                       \
		if (kc_debug_enabled)                                                              \
			printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__);                             \
	} while (0)
#define no_printk(fmt, ...)                                                                        \
	({                                                                                         \
		if (0)                                                                             \
			printk(fmt, ##__VA_ARGS__);                                                \
		0;                                                                                 \
	})

/* *_once: a per-call-site flag, so the message prints once per boot. The flag lives in
 * kernel data, which every isolated boot starts afresh. */
#define printk_once(fmt, ...)                                                                      \
	({                                                                                         \
		static bool __kc_printed;                                                          \
		bool __kc_first = !__kc_printed;                                                   \
		if (__kc_first) {                                                                  \
			__kc_printed = true;                                                       \
			printk(fmt, ##__VA_ARGS__);                                                \
		}                                                                                  \
		__kc_first;                                                                        \
	})
#define pr_emerg_once(fmt, ...)	 printk_once(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err_once(fmt, ...)	 printk_once(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn_once(fmt, ...)	 printk_once(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice_once(fmt, ...) printk_once(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info_once(fmt, ...)	 printk_once(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug_once(fmt, ...)                                                                    \
	do {                                                                                       \
		if (kc_debug_enabled)                                                              \
			printk_once(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__);                        \
	} while (0)
/* Rate limiting never triggers in a boot this short; these print every time. */
#define pr_err_ratelimited  pr_err
#define pr_warn_ratelimited pr_warn
#define pr_info_ratelimited pr_info
#define printk_ratelimit()  1

#define FW_BUG	"[Firmware Bug]: "
#define FW_WARN "[Firmware Warn]: "
#define FW_INFO "[Firmware Info]: "

void print_hex_dump(const char *level, const char *prefix, int type, int rowsize, int groupsize,
		    const void *buf, size_t len, bool ascii);
enum { DUMP_PREFIX_NONE, DUMP_PREFIX_ADDRESS, DUMP_PREFIX_OFFSET };
#endif
