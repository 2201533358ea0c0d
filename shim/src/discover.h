/* SPDX-License-Identifier: MIT */
/* The reference discovery models' entry points (initcalls), see discover_*.c. */
#ifndef SMCSIM_SHIM_DISCOVER_H
#define SMCSIM_SHIM_DISCOVER_H

enum { LX_VULNERABLE = 0, LX_MITIGATED = 1, LX_UNAFFECTED = 2 };

int lx_psci_dt_init(void);
int lx_spectre_init(void);
int lx_rsi_init(void);
int lx_rmi_init_1_0(void);
int lx_rmi_init_2_0(void);
int lx_smccc_bus_init(void);
int lx_smccc_devices_init(void);
int lx_smccc_drivers_init(void);
int lx_soc_id_init(void);
int lx_ffa_bus_init(void);
int lx_ffa_init(void);	      /* v7.2: platform driver + "arm-ffa" device, pKVM deferral */
int lx_ffa_init_legacy(void); /* before v7.2: direct init (rootfs_initcall) */
int lx_finalize_pkvm(void);
int lx_mainline_rsi_dev(void);
int lx_mainline_trng_driver(void);
int lx_mainline_trng_dev(void);

#endif
