/* SPDX-License-Identifier: MIT */
/*
 * The library's top, beside the public API: the one place that knows every service,
 * emu/'s standard ones and the models'. emu/ receives this list by parameter and names no
 * model itself.
 */
#ifndef SMCSIM_LIB_REGISTRY_H
#define SMCSIM_LIB_REGISTRY_H

#include "emu/emu.h"

/* Every service libsmcsim can build a machine from, in decode order. */
extern const struct emu_registry lib_registry;

#endif
