/* SPDX-License-Identifier: MIT */
/* Built-in profiles, generated from traces/profiles/ (every .json) by traces/profiles/embed.py. */
#ifndef SMCSIM_EMU_PROFILES_H
#define SMCSIM_EMU_PROFILES_H

#include <stddef.h>

struct emu_builtin_profile {
	const char *name;
	const char *json;
};

extern const struct emu_builtin_profile emu_builtin_profiles[];
extern const size_t emu_nbuiltin_profiles;

#endif
