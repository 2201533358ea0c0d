/* SPDX-License-Identifier: MIT */
/* WARN/BUG: a WARN is logged ("WARNING: at file:line") and counted by the host (a test
 * can fail on it); BUG() panics the boot. */
#ifndef KC_LINUX_BUG_H
#define KC_LINUX_BUG_H
#include <kc/base.h>

void kc_warn(const char *file, int line, const char *fmt, ...) __printf(3, 4);
__noreturn void panic(const char *fmt, ...) __printf(1, 2);

#define WARN(cond, fmt, ...)                                                                       \
	({                                                                                         \
		bool __kc_c = !!(cond);                                                            \
		if (unlikely(__kc_c))                                                              \
			kc_warn(__FILE__, __LINE__, fmt, ##__VA_ARGS__);                           \
		unlikely(__kc_c);                                                                  \
	})
#define WARN_ON(cond)                                                                              \
	({                                                                                         \
		bool __kc_c = !!(cond);                                                            \
		if (unlikely(__kc_c))                                                              \
			kc_warn(__FILE__, __LINE__, "%s", #cond);                                  \
		unlikely(__kc_c);                                                                  \
	})
#define WARN_ONCE(cond, fmt, ...)                                                                  \
	({                                                                                         \
		static bool __kc_warned;                                                           \
		bool __kc_c = !!(cond);                                                            \
		if (unlikely(__kc_c) && !__kc_warned) {                                            \
			__kc_warned = true;                                                        \
			kc_warn(__FILE__, __LINE__, fmt, ##__VA_ARGS__);                           \
		}                                                                                  \
		unlikely(__kc_c);                                                                  \
	})
#define WARN_ON_ONCE(cond) WARN_ONCE(cond, "%s", #cond)
#define BUG()		   panic("kernel BUG at %s:%d!", __FILE__, __LINE__)
#define BUG_ON(cond)                                                                               \
	do {                                                                                       \
		if (unlikely(cond))                                                                \
			BUG();                                                                     \
	} while (0)
#endif
