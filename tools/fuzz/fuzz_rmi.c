/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target: random RMI sequences on a cca-host machine, with the RMM's accounting
 * checked after every call (the invariants of fuzz_rmm_check.h), and:
 *   - every call returns a status (never a crash), and no access leaves memory.
 * RECs run the built-in "linux" realm program, so REC_ENTER, RTT_SET_RIPAS and
 * PSCI_COMPLETE meet real pending requests.
 * Input: a stream of 8-byte records: command, then small operand selectors that pick
 * granules from a window of 64 and IPAs from a few interesting values.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abi/bytes.h"
#include "emu/machine.h"
#include "rmm_model/rmm.h"

#define WIN_BASE     UINT64_C(0x80800000)
#define WIN_GRANULES 64
#define PARAMS	     UINT64_C(0x80100000)
#define REC_PARAMS   UINT64_C(0x80110000)
#define RUN_PAGE     UINT64_C(0x80120000)

#include "fuzz_rmm_check.h"

static uint64_t gpa(uint8_t sel)
{
	/* Mostly window granules, sometimes something invalid. */
	switch (sel >> 6) {
	case 3:
		return (sel & 1) ? UINT64_C(0x90000000) : WIN_BASE + 8;
	default:
		return WIN_BASE + (uint64_t)(sel % WIN_GRANULES) * EMU_GRANULE_SIZE;
	}
}

static uint64_t ipa(uint8_t sel)
{
	static const uint64_t v[] = {
		0,     0x1000, 0x2000, 0x200000, 0x40000000, UINT64_C(1) << 39, UINT64_C(1) << 47,
		0x1800
	};
	return v[sel & 7];
}

static void put64(struct smcsim *sim, uint64_t pa, uint64_t v)
{
	uint8_t b[8];
	abi_wr64(b, v);
	smcsim_mem_write(sim, pa, b, sizeof(b));
}

static void write_realm_params(struct smcsim *sim, const uint8_t *b)
{
	uint8_t zero[4096] = { 0 };
	smcsim_mem_write(sim, PARAMS, zero, sizeof(zero));
	put64(sim, PARAMS + RMI_REALM_PARAMS_S2SZ, (b[0] & 1) ? 40 : 48);
	put64(sim, PARAMS + RMI_REALM_PARAMS_NUM_BPS, 1);
	put64(sim, PARAMS + RMI_REALM_PARAMS_NUM_WPS, 1);
	uint16_t vmid = b[1] & 3;
	smcsim_mem_write(sim, PARAMS + RMI_REALM_PARAMS_VMID, &vmid, 2);
	put64(sim, PARAMS + RMI_REALM_PARAMS_RTT_BASE, gpa(b[2]));
	put64(sim, PARAMS + RMI_REALM_PARAMS_RTT_LEVEL_START, (b[0] & 1) ? 1 : 0);
	put64(sim, PARAMS + RMI_REALM_PARAMS_RTT_NUM_START, (b[0] & 1) ? 2 : 1);
}

static void write_rec_params(struct smcsim *sim, const uint8_t *b)
{
	uint8_t zero[4096] = { 0 };
	smcsim_mem_write(sim, REC_PARAMS, zero, sizeof(zero));
	put64(sim, REC_PARAMS + RMI_REC_PARAMS_FLAGS, b[0] >> 7);
	put64(sim, REC_PARAMS + RMI_REC_PARAMS_MPIDR, b[0] & 3);
	/* The linux program's RAM range and config buffer. */
	put64(sim, REC_PARAMS + RMI_REC_PARAMS_GPRS, ipa(b[2]));
	put64(sim, REC_PARAMS + RMI_REC_PARAMS_GPRS + 8,
	      ipa(b[2]) + (uint64_t)(b[3] & 15) * 0x1000);
	put64(sim, REC_PARAMS + RMI_REC_PARAMS_GPRS + 16, ipa(b[3] >> 4));
	put64(sim, REC_PARAMS + RMI_REC_PARAMS_NUM_AUX, 16);
	for (int i = 0; i < 16; i++)
		put64(sim, REC_PARAMS + RMI_REC_PARAMS_AUX + 8 * (uint64_t)i,
		      gpa((uint8_t)(b[1] + i)));
}

static struct smcsim *machine(void)
{
	struct smcsim *sim;
	struct smcsim_profile *p;
	struct smcsim_error err;
	if (smcsim_profile_load("cca-host", &p, &err) ||
	    smcsim_profile_patch(
		    p,
		    "{\"layers\":{\"el3\":{\"services\":{\"rmi\":{\"realm_program\":\"linux\"}}}}}",
		    &err) ||
	    smcsim_create(p, &sim, &err)) {
		fprintf(stderr, "%s\n", err.text);
		abort();
	}
	smcsim_profile_destroy(p);
	return sim;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct smcsim *sim = machine();
	struct rmm *r = emu_layer_service(emu_layer_find(sim, "el3"), "rmi");
	for (size_t off = 0; off + 8 <= size && off < 8 * 400; off += 8) {
		const uint8_t *b = data + off;
		struct smcsim_regs regs = { { 0 } };
		static const uint32_t cmds[] = {
			RMI_GRANULE_DELEGATE_FID,
			RMI_GRANULE_UNDELEGATE_FID,
			RMI_REALM_CREATE_FID,
			RMI_REALM_ACTIVATE_FID,
			RMI_REALM_DESTROY_FID,
			RMI_REC_CREATE_FID,
			RMI_REC_DESTROY_FID,
			RMI_RTT_CREATE_FID,
			RMI_RTT_DESTROY_FID,
			RMI_RTT_READ_ENTRY_FID,
			RMI_DATA_CREATE_UNKNOWN_FID,
			RMI_DATA_DESTROY_FID,
			RMI_RTT_INIT_RIPAS_FID,
			RMI_REC_AUX_COUNT_FID,
			RMI_VERSION_FID,
			RMI_FEATURES_FID,
			RMI_DATA_CREATE_FID,
			RMI_REC_ENTER_FID,
			RMI_RTT_SET_RIPAS_FID,
			RMI_PSCI_COMPLETE_FID,
			RMI_RTT_FOLD_FID,
			RMI_RTT_MAP_UNPROTECTED_FID,
			RMI_RTT_UNMAP_UNPROTECTED_FID,
		};
		uint32_t fid = cmds[b[0] % (sizeof(cmds) / sizeof(cmds[0]))];
		regs.x[0] = fid;
		if (fid == RMI_REALM_CREATE_FID)
			write_realm_params(sim, b + 4);
		if (fid == RMI_REC_CREATE_FID)
			write_rec_params(sim, b + 4);
		uint64_t rd = gpa(b[1]);
		switch (fid) {
		case RMI_REALM_CREATE_FID:
			regs.x[1] = rd, regs.x[2] = PARAMS;
			break;
		case RMI_REC_CREATE_FID:
			regs.x[1] = rd, regs.x[2] = gpa(b[2]), regs.x[3] = REC_PARAMS;
			break;
		case RMI_RTT_CREATE_FID:
			regs.x[1] = rd, regs.x[2] = gpa(b[2]), regs.x[3] = ipa(b[3]),
			regs.x[4] = b[4] & 3;
			break;
		case RMI_DATA_CREATE_UNKNOWN_FID:
			regs.x[1] = rd, regs.x[2] = gpa(b[2]), regs.x[3] = ipa(b[3]);
			break;
		case RMI_DATA_CREATE_FID:
			regs.x[1] = rd, regs.x[2] = gpa(b[2]), regs.x[3] = ipa(b[3]),
			regs.x[4] = (b[5] & 1) ? gpa(b[4]) : PARAMS, regs.x[5] = b[6] & 3;
			break;
		case RMI_REC_ENTER_FID:
			/* The run page: an NS page, its entry flags from the input. */
			put64(sim, RUN_PAGE, b[4] & 0x1f);
			regs.x[1] = gpa(b[2]), regs.x[2] = (b[5] & 1) ? gpa(b[3]) : RUN_PAGE;
			break;
		case RMI_RTT_SET_RIPAS_FID:
			regs.x[1] = rd, regs.x[2] = gpa(b[2]), regs.x[3] = ipa(b[3]),
			regs.x[4] = ipa(b[3]) + (uint64_t)(b[4] & 15) * 0x1000;
			break;
		case RMI_PSCI_COMPLETE_FID:
			regs.x[1] = gpa(b[2]), regs.x[2] = gpa(b[3]),
			regs.x[3] = (b[4] & 1) ? -3 : 0;
			break;
		case RMI_RTT_MAP_UNPROTECTED_FID:
		case RMI_RTT_UNMAP_UNPROTECTED_FID:
			regs.x[1] = rd,
			regs.x[2] = ipa(b[3]) | ((b[5] & 1) ? UINT64_C(1) << 47 : 0),
			regs.x[3] = b[4] & 3, regs.x[4] = PARAMS | ((uint64_t)b[6] << 2);
			break;
		case RMI_RTT_FOLD_FID:
		case RMI_RTT_DESTROY_FID:
		case RMI_RTT_READ_ENTRY_FID:
			regs.x[1] = rd, regs.x[2] = ipa(b[3]), regs.x[3] = b[4] & 3;
			break;
		case RMI_DATA_DESTROY_FID:
			regs.x[1] = rd, regs.x[2] = ipa(b[3]);
			break;
		case RMI_RTT_INIT_RIPAS_FID:
			regs.x[1] = rd, regs.x[2] = ipa(b[3]),
			regs.x[3] = ipa(b[3]) + (uint64_t)(b[4] & 7) * 0x1000;
			break;
		default:
			regs.x[1] = fid == RMI_VERSION_FID ? 0x10000 : rd;
		}
		if (smcsim_call(sim, 0, 0, SMCSIM_CONDUIT_DEFAULT, &regs) != SMCSIM_EXIT_RETURN)
			fail("an RMI call did not return", regs.x[0]);
		check(sim, r);
	}
	smcsim_destroy(sim);
	return 0;
}
