/* SPDX-License-Identifier: MIT */
/* The registry of every service the emulator models, in decode order. */
#include "emu/services.h"
#include "lib/registry.h"

/* The models' descriptors: only these names are taken from each model. */
extern const struct emu_service ffa_service;	   /* ffa_model/ */
extern const struct emu_service pkvm_service;	   /* pkvm_model/ */
extern const struct emu_service rmm_svc_rmi;	   /* rmm_model/ */
extern const struct emu_service rmm_svc_rsi;	   /* rmm_model/ */
extern const struct emu_service rmm_svc_realm_smc; /* rmm_model/ */

static const struct emu_service *const services[] = {
	&emu_svc_arch,	    /* SMCCC Arm Architecture Calls */
	&emu_svc_query,	    /* per-range Call Count / UID / Revision */
	&emu_svc_psci,	    /* PSCI */
	&emu_svc_trng,	    /* TRNG */
	&emu_svc_kvm,	    /* KVM vendor hypervisor service */
	&ffa_service,	    /* FF-A SPMC */
	&pkvm_service,	    /* pKVM FF-A proxy (an alias: its rows repeat FF-A IDs) */
	&rmm_svc_rmi,	    /* CCA RMI */
	&rmm_svc_rsi,	    /* CCA RSI, realm with a simulated host (cca-realm) */
	&rmm_svc_realm_smc, /* the RMM's answers to that realm's PSCI/SMCCC calls (an alias) */
};

const struct emu_registry lib_registry = { services, EMU_ARRAY_SIZE(services) };
