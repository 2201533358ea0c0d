/* SPDX-License-Identifier: MIT */
/* Power State Coordination Interface (Arm DEN0022): function IDs and return codes. */
#ifndef SMCSIM_ABI_PSCI_H
#define SMCSIM_ABI_PSCI_H

#include <stdint.h>

/* DEN0022 5.1: SMC32 IDs at 0x84000000 + n, SMC64 forms at 0xC4000000 + n. */
#define PSCI_FID(n)   (0x84000000u + (n))
#define PSCI_FID64(n) (0xC4000000u + (n))

#define PSCI_VERSION_FID		 PSCI_FID(0x0)
#define PSCI_CPU_SUSPEND_FID		 PSCI_FID(0x1)
#define PSCI_CPU_OFF_FID		 PSCI_FID(0x2)
#define PSCI_CPU_ON_FID			 PSCI_FID(0x3)
#define PSCI_AFFINITY_INFO_FID		 PSCI_FID(0x4)
#define PSCI_MIGRATE_FID		 PSCI_FID(0x5)
#define PSCI_MIGRATE_INFO_TYPE_FID	 PSCI_FID(0x6)
#define PSCI_MIGRATE_INFO_UP_CPU_FID	 PSCI_FID(0x7)
#define PSCI_SYSTEM_OFF_FID		 PSCI_FID(0x8)
#define PSCI_SYSTEM_RESET_FID		 PSCI_FID(0x9)
#define PSCI_FEATURES_FID		 PSCI_FID(0xA)
#define PSCI_CPU_FREEZE_FID		 PSCI_FID(0xB)
#define PSCI_CPU_DEFAULT_SUSPEND_FID	 PSCI_FID(0xC)
#define PSCI_NODE_HW_STATE_FID		 PSCI_FID(0xD)
#define PSCI_SYSTEM_SUSPEND_FID		 PSCI_FID(0xE)
#define PSCI_SET_SUSPEND_MODE_FID	 PSCI_FID(0xF)
#define PSCI_STAT_RESIDENCY_FID		 PSCI_FID(0x10)
#define PSCI_STAT_COUNT_FID		 PSCI_FID(0x11)
#define PSCI_SYSTEM_RESET2_FID		 PSCI_FID(0x12)
#define PSCI_MEM_PROTECT_FID		 PSCI_FID(0x13)
#define PSCI_MEM_PROTECT_CHECK_RANGE_FID PSCI_FID(0x14)
#define PSCI_SYSTEM_OFF2_FID		 PSCI_FID(0x15)

/* The SMC64 forms of the calls that take addresses or MPIDRs (DEN0022 5.1). */
#define PSCI_CPU_SUSPEND_64_FID		    PSCI_FID64(0x1)
#define PSCI_CPU_ON_64_FID		    PSCI_FID64(0x3)
#define PSCI_AFFINITY_INFO_64_FID	    PSCI_FID64(0x4)
#define PSCI_MIGRATE_64_FID		    PSCI_FID64(0x5)
#define PSCI_MIGRATE_INFO_UP_CPU_64_FID	    PSCI_FID64(0x7)
#define PSCI_CPU_DEFAULT_SUSPEND_64_FID	    PSCI_FID64(0xC)
#define PSCI_NODE_HW_STATE_64_FID	    PSCI_FID64(0xD)
#define PSCI_SYSTEM_SUSPEND_64_FID	    PSCI_FID64(0xE)
#define PSCI_STAT_RESIDENCY_64_FID	    PSCI_FID64(0x10)
#define PSCI_STAT_COUNT_64_FID		    PSCI_FID64(0x11)
#define PSCI_SYSTEM_RESET2_64_FID	    PSCI_FID64(0x12)
#define PSCI_MEM_PROTECT_CHECK_RANGE_64_FID PSCI_FID64(0x14)
#define PSCI_SYSTEM_OFF2_64_FID		    PSCI_FID64(0x15)

/* Every PSCI function above, SMC32 and SMC64, for tables that must list them all. */
#define PSCI_FUNCTIONS(X)                                                                          \
	X(PSCI_VERSION)                                                                            \
	X(PSCI_CPU_SUSPEND)                                                                        \
	X(PSCI_CPU_SUSPEND_64)                                                                     \
	X(PSCI_CPU_OFF)                                                                            \
	X(PSCI_CPU_ON)                                                                             \
	X(PSCI_CPU_ON_64)                                                                          \
	X(PSCI_AFFINITY_INFO)                                                                      \
	X(PSCI_AFFINITY_INFO_64)                                                                   \
	X(PSCI_MIGRATE)                                                                            \
	X(PSCI_MIGRATE_64)                                                                         \
	X(PSCI_MIGRATE_INFO_TYPE)                                                                  \
	X(PSCI_MIGRATE_INFO_UP_CPU)                                                                \
	X(PSCI_MIGRATE_INFO_UP_CPU_64)                                                             \
	X(PSCI_SYSTEM_OFF)                                                                         \
	X(PSCI_SYSTEM_RESET)                                                                       \
	X(PSCI_FEATURES)                                                                           \
	X(PSCI_CPU_FREEZE)                                                                         \
	X(PSCI_CPU_DEFAULT_SUSPEND)                                                                \
	X(PSCI_CPU_DEFAULT_SUSPEND_64)                                                             \
	X(PSCI_NODE_HW_STATE)                                                                      \
	X(PSCI_NODE_HW_STATE_64)                                                                   \
	X(PSCI_SYSTEM_SUSPEND)                                                                     \
	X(PSCI_SYSTEM_SUSPEND_64)                                                                  \
	X(PSCI_SET_SUSPEND_MODE)                                                                   \
	X(PSCI_STAT_RESIDENCY)                                                                     \
	X(PSCI_STAT_RESIDENCY_64)                                                                  \
	X(PSCI_STAT_COUNT)                                                                         \
	X(PSCI_STAT_COUNT_64)                                                                      \
	X(PSCI_SYSTEM_RESET2)                                                                      \
	X(PSCI_SYSTEM_RESET2_64)                                                                   \
	X(PSCI_MEM_PROTECT)                                                                        \
	X(PSCI_MEM_PROTECT_CHECK_RANGE)                                                            \
	X(PSCI_MEM_PROTECT_CHECK_RANGE_64)                                                         \
	X(PSCI_SYSTEM_OFF2)                                                                        \
	X(PSCI_SYSTEM_OFF2_64)

/* DEN0022 5.2.2 return codes (int32, sign-extended into x0). */
#define PSCI_RET_SUCCESS	  0
#define PSCI_RET_NOT_SUPPORTED	  (-1)
#define PSCI_RET_INVALID_PARAMS	  (-2)
#define PSCI_RET_DENIED		  (-3)
#define PSCI_RET_ALREADY_ON	  (-4)
#define PSCI_RET_ON_PENDING	  (-5)
#define PSCI_RET_INTERNAL_FAILURE (-6)
#define PSCI_RET_NOT_PRESENT	  (-7)
#define PSCI_RET_DISABLED	  (-8)
#define PSCI_RET_INVALID_ADDRESS  (-9)

#endif /* SMCSIM_ABI_PSCI_H */
