/* SPDX-License-Identifier: MIT */
/* Function IDs and service descriptors of the standard services in emu/. */
#ifndef SMCSIM_EMU_SERVICES_H
#define SMCSIM_EMU_SERVICES_H

#include "emu/emu.h"

#include "abi/kvm.h"
#include "abi/psci.h"
#include "abi/smccc.h"
#include "abi/trng.h"

extern const struct emu_service emu_svc_arch;
extern const struct emu_service emu_svc_query;
extern const struct emu_service emu_svc_trng;
extern const struct emu_service emu_svc_kvm;
extern const struct emu_service emu_svc_psci;

/* The SMCCC version an "arch" instance declares. */
uint32_t emu_arch_smccc_version(const void *state);

#endif
