/* SPDX-License-Identifier: MIT */
/*
 * Static keys without code patching: a key is a flag, a static branch a test of it. The
 * semantics kernel code relies on hold (enabled counts, likely/unlikely only hints).
 */
#ifndef KC_LINUX_JUMP_LABEL_H
#define KC_LINUX_JUMP_LABEL_H
#include <kc/base.h>

struct static_key {
	int enabled;
};
struct static_key_true {
	struct static_key key;
};
struct static_key_false {
	struct static_key key;
};
#define STATIC_KEY_INIT_TRUE                                                                       \
	{                                                                                          \
		.enabled = 1                                                                       \
	}
#define STATIC_KEY_INIT_FALSE                                                                      \
	{                                                                                          \
		.enabled = 0                                                                       \
	}
#define STATIC_KEY_TRUE_INIT                                                                       \
	(struct static_key_true)                                                                   \
	{                                                                                          \
		.key = STATIC_KEY_INIT_TRUE                                                        \
	}
#define STATIC_KEY_FALSE_INIT                                                                      \
	(struct static_key_false)                                                                  \
	{                                                                                          \
		.key = STATIC_KEY_INIT_FALSE                                                       \
	}

#define DEFINE_STATIC_KEY_TRUE(name) struct static_key_true name = { .key = STATIC_KEY_INIT_TRUE }
#define DEFINE_STATIC_KEY_FALSE(name)                                                              \
	struct static_key_false name = { .key = STATIC_KEY_INIT_FALSE }
#define DEFINE_STATIC_KEY_TRUE_RO(name)	 DEFINE_STATIC_KEY_TRUE(name)
#define DEFINE_STATIC_KEY_FALSE_RO(name) DEFINE_STATIC_KEY_FALSE(name)
#define DECLARE_STATIC_KEY_TRUE(name)	 extern struct static_key_true name
#define DECLARE_STATIC_KEY_FALSE(name)	 extern struct static_key_false name

#define static_key_enabled(k)		 ((k)->key.enabled > 0)
#define static_branch_likely(k)		 __builtin_expect(static_key_enabled(k), 1)
#define static_branch_unlikely(k)	 __builtin_expect(static_key_enabled(k), 0)
#define static_branch_enable(k)		 ((void)((k)->key.enabled = 1))
#define static_branch_disable(k)	 ((void)((k)->key.enabled = 0))
#define static_branch_inc(k)		 ((void)((k)->key.enabled++))
#define static_branch_dec(k)		 ((void)((k)->key.enabled--))
#define static_key_enable(k)		 ((void)((k)->enabled = 1))
#define static_key_disable(k)		 ((void)((k)->enabled = 0))
#define static_branch_enable_cpuslocked	 static_branch_enable
#define static_branch_disable_cpuslocked static_branch_disable
#endif
