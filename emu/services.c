/* SPDX-License-Identifier: MIT */
/* The registry of every service the emulator models, in decode order. */
#include "emu/emu.h"
#include "emu/services.h"
#include "ffa_model/ffa.h"
#include "pkvm_model/pkvm.h"
#include "rmm_model/rmm.h"

const struct emu_service *const emu_services[] = {
	&emu_svc_arch,	/* SMCCC Arm Architecture Calls */
	&emu_svc_query, /* per-range Call Count / UID / Revision */
	&emu_svc_psci,	/* PSCI */
	&emu_svc_trng,	/* TRNG */
	&emu_svc_kvm,	/* KVM vendor hypervisor service */
	&ffa_service,	/* FF-A SPMC */
	&pkvm_service,	/* pKVM FF-A proxy (alias of the FF-A table) */
	&rmm_svc_rmi,	/* CCA RMI */
	&rmm_svc_rsi,	/* CCA RSI, realm with a simulated host (cca-realm) */
};

const size_t emu_nservices = EMU_ARRAY_SIZE(emu_services);
