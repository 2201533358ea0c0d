/* SPDX-License-Identifier: MIT */
/* The registry of every service the emulator models, in decode order. */
#include "emu/emu.h"
#include "emu/services.h"
#include "ffa_model/ffa.h"
#include "pkvm_model/pkvm.h"

const struct emu_service *const emu_services[] = {
	&emu_svc_arch, &emu_svc_query, &emu_svc_psci, &emu_svc_trng,
	&emu_svc_kvm,  &ffa_service,   &pkvm_service,
};

const size_t emu_nservices = EMU_ARRAY_SIZE(emu_services);
