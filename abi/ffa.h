/* SPDX-License-Identifier: MIT */
/*
 * Arm Firmware Framework for A-profile (FF-A, Arm DEN0077) v1.0, v1.1 and v1.2: function IDs,
 * the list of calls, status codes, the version word, FFA_FEATURES IDs and properties, and the
 * layouts of the structures FF-A passes in memory (partition information, memory transaction
 * descriptors, relinquish descriptor, indirect message header) as byte offsets read and
 * written through abi/bytes.h.
 *
 * Table numbers: "v1.0 Table n" is DEN0077A v1.0 EAC (chapter-less numbering), "v1.1" and
 * "v1.2" are the EAC0 releases. Hafnium's inc/vmapi/hf/ffa.h, TF-A's
 * include/services/ffa_svc.h and Linux's include/linux/arm_ffa.h state the same facts.
 */
#ifndef SMCSIM_ABI_FFA_H
#define SMCSIM_ABI_FFA_H

#include <stdint.h>

#include "abi/bytes.h"
#include "abi/smccc.h"

/* ---- function IDs (DEN0077 v1.2 Table 13.1; SMCCC OEN 4, numbers 0x60..) ----------------- */

#define FFA_FID(n)   (0x84000000u + (n)) /* SMC32 */
#define FFA_FID64(n) (0xC4000000u + (n)) /* SMC64 */

#define FFA_ERROR_FID			    FFA_FID(0x60)
#define FFA_SUCCESS_FID			    FFA_FID(0x61)
#define FFA_SUCCESS_64_FID		    FFA_FID64(0x61)
#define FFA_INTERRUPT_FID		    FFA_FID(0x62)
#define FFA_VERSION_FID			    FFA_FID(0x63)
#define FFA_FEATURES_FID		    FFA_FID(0x64)
#define FFA_RX_RELEASE_FID		    FFA_FID(0x65)
#define FFA_RXTX_MAP_FID		    FFA_FID(0x66)
#define FFA_RXTX_MAP_64_FID		    FFA_FID64(0x66)
#define FFA_RXTX_UNMAP_FID		    FFA_FID(0x67)
#define FFA_PARTITION_INFO_GET_FID	    FFA_FID(0x68)
#define FFA_ID_GET_FID			    FFA_FID(0x69)
#define FFA_MSG_POLL_FID		    FFA_FID(0x6A)
#define FFA_MSG_WAIT_FID		    FFA_FID(0x6B)
#define FFA_YIELD_FID			    FFA_FID(0x6C)
#define FFA_RUN_FID			    FFA_FID(0x6D)
#define FFA_MSG_SEND_FID		    FFA_FID(0x6E)
#define FFA_MSG_SEND_DIRECT_REQ_FID	    FFA_FID(0x6F)
#define FFA_MSG_SEND_DIRECT_REQ_64_FID	    FFA_FID64(0x6F)
#define FFA_MSG_SEND_DIRECT_RESP_FID	    FFA_FID(0x70)
#define FFA_MSG_SEND_DIRECT_RESP_64_FID	    FFA_FID64(0x70)
#define FFA_MEM_DONATE_FID		    FFA_FID(0x71)
#define FFA_MEM_DONATE_64_FID		    FFA_FID64(0x71)
#define FFA_MEM_LEND_FID		    FFA_FID(0x72)
#define FFA_MEM_LEND_64_FID		    FFA_FID64(0x72)
#define FFA_MEM_SHARE_FID		    FFA_FID(0x73)
#define FFA_MEM_SHARE_64_FID		    FFA_FID64(0x73)
#define FFA_MEM_RETRIEVE_REQ_FID	    FFA_FID(0x74)
#define FFA_MEM_RETRIEVE_REQ_64_FID	    FFA_FID64(0x74)
#define FFA_MEM_RETRIEVE_RESP_FID	    FFA_FID(0x75)
#define FFA_MEM_RELINQUISH_FID		    FFA_FID(0x76)
#define FFA_MEM_RECLAIM_FID		    FFA_FID(0x77)
#define FFA_MEM_OP_PAUSE_FID		    FFA_FID(0x78)
#define FFA_MEM_OP_RESUME_FID		    FFA_FID(0x79)
#define FFA_MEM_FRAG_RX_FID		    FFA_FID(0x7A)
#define FFA_MEM_FRAG_TX_FID		    FFA_FID(0x7B)
#define FFA_NOTIFICATION_BITMAP_CREATE_FID  FFA_FID(0x7D)
#define FFA_NOTIFICATION_BITMAP_DESTROY_FID FFA_FID(0x7E)
#define FFA_NOTIFICATION_BIND_FID	    FFA_FID(0x7F)
#define FFA_NOTIFICATION_UNBIND_FID	    FFA_FID(0x80)
#define FFA_NOTIFICATION_SET_FID	    FFA_FID(0x81)
#define FFA_NOTIFICATION_GET_FID	    FFA_FID(0x82)
#define FFA_NOTIFICATION_INFO_GET_FID	    FFA_FID(0x83)
#define FFA_NOTIFICATION_INFO_GET_64_FID    FFA_FID64(0x83)
#define FFA_RX_ACQUIRE_FID		    FFA_FID(0x84)
#define FFA_SPM_ID_GET_FID		    FFA_FID(0x85)
#define FFA_MSG_SEND2_FID		    FFA_FID(0x86)
#define FFA_CONSOLE_LOG_FID		    FFA_FID(0x8A)
#define FFA_CONSOLE_LOG_64_FID		    FFA_FID64(0x8A)
#define FFA_PARTITION_INFO_GET_REGS_FID	    FFA_FID64(0x8B)
#define FFA_MSG_SEND_DIRECT_REQ2_FID	    FFA_FID64(0x8D)
#define FFA_MSG_SEND_DIRECT_RESP2_FID	    FFA_FID64(0x8E)

/* ---- version word (DEN0077 v1.2 13.2.1): bit 31 MBZ, [30:16] major, [15:0] minor ---------- */

#define FFA_V(maj, min) SMCCC_VER(maj, min)
#define FFA_V1_0	FFA_V(1, 0)
#define FFA_V1_1	FFA_V(1, 1)
#define FFA_V1_2	FFA_V(1, 2)
#define FFA_VERSION_MBZ (UINT32_C(1) << 31)
#define ffa_major(v)	SMCCC_VER_MAJOR(v)
#define ffa_minor(v)	SMCCC_VER_MINOR(v)

/*
 * Every FF-A call smcsim knows, in decode order, with the FF-A version that introduced it
 * (DEN0077 v1.2 Table 13.1). PARTITION_INFO_GET_REGS and DIRECT_REQ2/RESP2 pass 64-bit
 * registers and exist in the SMC64 form only. Models build their function
 * tables by indexing with NAME_CALL and take `since` from NAME_SINCE, so a table can neither
 * miss a call nor disagree with another model on when it appeared.
 */
#define FFA_CALLS(X)                                                                               \
	X(FFA_ERROR, FFA_V1_0)                                                                     \
	X(FFA_SUCCESS, FFA_V1_0)                                                                   \
	X(FFA_SUCCESS_64, FFA_V1_0)                                                                \
	X(FFA_INTERRUPT, FFA_V1_0)                                                                 \
	X(FFA_VERSION, FFA_V1_0)                                                                   \
	X(FFA_FEATURES, FFA_V1_0)                                                                  \
	X(FFA_RX_RELEASE, FFA_V1_0)                                                                \
	X(FFA_RXTX_MAP, FFA_V1_0)                                                                  \
	X(FFA_RXTX_MAP_64, FFA_V1_0)                                                               \
	X(FFA_RXTX_UNMAP, FFA_V1_0)                                                                \
	X(FFA_PARTITION_INFO_GET, FFA_V1_0)                                                        \
	X(FFA_ID_GET, FFA_V1_0)                                                                    \
	X(FFA_MSG_POLL, FFA_V1_0)                                                                  \
	X(FFA_MSG_WAIT, FFA_V1_0)                                                                  \
	X(FFA_YIELD, FFA_V1_0)                                                                     \
	X(FFA_RUN, FFA_V1_0)                                                                       \
	X(FFA_MSG_SEND, FFA_V1_0)                                                                  \
	X(FFA_MSG_SEND_DIRECT_REQ, FFA_V1_0)                                                       \
	X(FFA_MSG_SEND_DIRECT_REQ_64, FFA_V1_0)                                                    \
	X(FFA_MSG_SEND_DIRECT_RESP, FFA_V1_0)                                                      \
	X(FFA_MSG_SEND_DIRECT_RESP_64, FFA_V1_0)                                                   \
	X(FFA_MEM_DONATE, FFA_V1_0)                                                                \
	X(FFA_MEM_DONATE_64, FFA_V1_0)                                                             \
	X(FFA_MEM_LEND, FFA_V1_0)                                                                  \
	X(FFA_MEM_LEND_64, FFA_V1_0)                                                               \
	X(FFA_MEM_SHARE, FFA_V1_0)                                                                 \
	X(FFA_MEM_SHARE_64, FFA_V1_0)                                                              \
	X(FFA_MEM_RETRIEVE_REQ, FFA_V1_0)                                                          \
	X(FFA_MEM_RETRIEVE_REQ_64, FFA_V1_0)                                                       \
	X(FFA_MEM_RETRIEVE_RESP, FFA_V1_0)                                                         \
	X(FFA_MEM_RELINQUISH, FFA_V1_0)                                                            \
	X(FFA_MEM_RECLAIM, FFA_V1_0)                                                               \
	X(FFA_MEM_OP_PAUSE, FFA_V1_0)                                                              \
	X(FFA_MEM_OP_RESUME, FFA_V1_0)                                                             \
	X(FFA_MEM_FRAG_RX, FFA_V1_0)                                                               \
	X(FFA_MEM_FRAG_TX, FFA_V1_0)                                                               \
	X(FFA_NOTIFICATION_BITMAP_CREATE, FFA_V1_1)                                                \
	X(FFA_NOTIFICATION_BITMAP_DESTROY, FFA_V1_1)                                               \
	X(FFA_NOTIFICATION_BIND, FFA_V1_1)                                                         \
	X(FFA_NOTIFICATION_UNBIND, FFA_V1_1)                                                       \
	X(FFA_NOTIFICATION_SET, FFA_V1_1)                                                          \
	X(FFA_NOTIFICATION_GET, FFA_V1_1)                                                          \
	X(FFA_NOTIFICATION_INFO_GET, FFA_V1_1)                                                     \
	X(FFA_NOTIFICATION_INFO_GET_64, FFA_V1_1)                                                  \
	X(FFA_RX_ACQUIRE, FFA_V1_1)                                                                \
	X(FFA_SPM_ID_GET, FFA_V1_1)                                                                \
	X(FFA_MSG_SEND2, FFA_V1_1)                                                                 \
	X(FFA_CONSOLE_LOG, FFA_V1_2)                                                               \
	X(FFA_CONSOLE_LOG_64, FFA_V1_2)                                                            \
	X(FFA_PARTITION_INFO_GET_REGS, FFA_V1_2)                                                   \
	X(FFA_MSG_SEND_DIRECT_REQ2, FFA_V1_2)                                                      \
	X(FFA_MSG_SEND_DIRECT_RESP2, FFA_V1_2)

/* FFA_VERSION_CALL, ...: a call's position in FFA_CALLS; FFA_NCALLS: how many there are. */
#define FFA_CALL_INDEX_(name, since) name##_CALL,
enum ffa_call { FFA_CALLS(FFA_CALL_INDEX_) FFA_NCALLS };
#undef FFA_CALL_INDEX_

/* FFA_VERSION_SINCE, ...: the version that introduced each call. */
#define FFA_CALL_SINCE_(name, since) name##_SINCE = (since),
enum ffa_call_since { FFA_CALLS(FFA_CALL_SINCE_) };
#undef FFA_CALL_SINCE_

/* The ID of call @i: with the indices above, lets a table check it has every row in place. */
static inline uint32_t ffa_call_fid(enum ffa_call i)
{
#define FFA_CALL_CASE_(name, since)                                                                \
	case name##_CALL:                                                                          \
		return name##_FID;
	switch (i) {
		FFA_CALLS(FFA_CALL_CASE_)
	default:
		return 0;
	}
#undef FFA_CALL_CASE_
}

/* ---- status codes (DEN0077 v1.2 error status codes; w2 of FFA_ERROR, an int32) ----------- */

enum ffa_status {
	FFA_OK = 0,
	FFA_NOT_SUPPORTED = -1,
	FFA_INVALID_PARAMETERS = -2,
	FFA_NO_MEMORY = -3,
	FFA_BUSY = -4,
	FFA_INTERRUPTED = -5,
	FFA_DENIED = -6,
	FFA_RETRY = -7,
	FFA_ABORTED = -8,
	FFA_NO_DATA = -9,
};

/* ---- endpoints and registers ---------------------------------------------------------------- */

/* RX/TX buffer sizes (FFA_RXTX_MAP w3) and constituents count 4 KiB pages, whatever the
 * translation granule. */
#define FFA_PAGE 4096u
/* DEN0077 v1.1 2.4: bit 15 of an endpoint ID set = secure world; 0 = the NS-physical instance. */
#define FFA_ID_SECURE_BIT 0x8000u
#define FFA_NS_ID	  0u
/* Hafnium HF_SPMC_VM_ID: the SPMC's own ID as FFA_SPM_ID_GET reports it by default. */
#define FFA_SPMC_ID_DEFAULT 0x8000u

/* "Target information" (FFA_RUN, FFA_INTERRUPT, FFA_MSG_WAIT...): [31:16] ID, [15:0] vCPU;
 * and the source/destination word of messages: [31:16] sender, [15:0] receiver. */
#define ffa_hi16(w)	   ((uint16_t)((uint32_t)(w) >> 16))
#define ffa_lo16(w)	   ((uint16_t)(w))
#define ffa_pack16(hi, lo) ((uint32_t)(uint16_t)(hi) << 16 | (uint16_t)(lo))

/* A 64-bit value passed as a low/high pair of 32-bit registers (handles, bitmaps). */
static inline uint64_t ffa_u64_of(uint64_t lo, uint64_t hi)
{
	return (uint32_t)lo | (uint64_t)(uint32_t)hi << 32;
}

/* FFA_RXTX_MAP w3 (DEN0077 v1.2 13.6): [5:0] page count per buffer, the rest MBZ. */
#define FFA_RXTX_MAP_PAGES_MASK 0x3fu

/* FFA_MSG_SEND_DIRECT_REQ/RESP w2 (v1.2 15.2): bit 31 = framework message, MBZ for partition
 * messages. FFA_MSG_SEND_DIRECT_REQ2 x2:x3 carry a UUID, x4..x17 the payload (v1.2 15.4). */
#define FFA_DIRECT_FRAMEWORK	 (UINT32_C(1) << 31)
#define FFA_DIRECT_PAYLOAD_ARG	 3u  /* first payload register of DIRECT_REQ/RESP */
#define FFA_DIRECT_PAYLOAD_REGS	 5u  /* x3..x7 */
#define FFA_DIRECT2_PAYLOAD_ARG	 4u  /* first payload register of DIRECT_REQ2/RESP2 */
#define FFA_DIRECT2_PAYLOAD_REGS 14u /* x4..x17 */

/* FFA_MSG_WAIT w2 (v1.2): bit 0 = keep RX ownership; MBZ before v1.2. */
#define FFA_MSG_WAIT_RETAIN_RX 1u

/* ---- FFA_FEATURES (DEN0077 v1.2 13.3) ------------------------------------------------------- */

/* w1 with bit 31 clear is a feature ID, bits[30:8] MBZ. */
#define FFA_FEAT_ID_MBZ 0x7fffff00u
#define FFA_FEAT_NPI	1u /* notification pending interrupt */
#define FFA_FEAT_SRI	2u /* schedule receiver interrupt */
#define FFA_FEAT_MEI	3u /* managed exit interrupt */

/* FFA_RXTX_MAP properties in w2: [1:0] minimum buffer size and alignment, [31:16] maximum
 * buffer size in pages (v1.2; 0 = no limit). */
#define FFA_FEAT_RXTX_MIN_4K	      0u
#define FFA_FEAT_RXTX_MIN_64K	      1u
#define FFA_FEAT_RXTX_MIN_16K	      2u
#define FFA_FEAT_RXTX_MIN_MASK	      3u
#define FFA_FEAT_RXTX_MAX_PAGES_SHIFT 16
/* FFA_MEM_DONATE/LEND/SHARE w2 bit 0 (and RETRIEVE_REQ): dynamically allocated buffers. */
#define FFA_FEAT_MEM_DYN_BUF (1u << 0)
/* FFA_MEM_RETRIEVE_REQ w2: bit 1 the NS bit is handled (v1.1; also an input the caller must
 * set), bit 2 hypervisor retrieval requests (v1.2); w3[7:0] outstanding retrievals. */
#define FFA_FEAT_RETRIEVE_NS_BIT (1u << 1)
#define FFA_FEAT_RETRIEVE_HYP	 (1u << 2)

/* ---- partition information (DEN0077 v1.2 13.9 FFA_PARTITION_INFO_GET, 13.10 _REGS) ---------- */

/* FFA_PARTITION_INFO_GET w5 (v1.1+): bit 0 = return the count only; bits[31:1] MBZ. */
#define FFA_PI_FLAG_COUNT_ONLY 1u

/* Partition information descriptor: u16 ID, u16 execution contexts, u32 properties; v1.1 adds
 * a 16-byte UUID (Hafnium struct ffa_partition_info). */
#define FFA_PI_ID	 0u
#define FFA_PI_EXEC_CTX	 2u
#define FFA_PI_PROPS	 4u
#define FFA_PI_UUID	 8u
#define FFA_PI_SIZE_V1_0 8u
#define FFA_PI_SIZE_V1_1 24u /* also v1.2 */

/* FFA_PARTITION_INFO_GET_REGS (v1.2 13.10): x3[15:0] start index, x3[31:16] UUID info tag in;
 * x2 = [15:0] last index, [31:16] current index, [47:32] tag, [63:48] descriptor size out;
 * three registers per descriptor from x3 (ID | ctx << 16 | props << 32, then the UUID). */
#define FFA_PI_REGS_FIRST      3u
#define FFA_PI_REGS_PER_DESC   3u
#define FFA_PI_REGS_PER_CALL   5u
#define FFA_PI_REGS_CUR_SHIFT  16
#define FFA_PI_REGS_SIZE_SHIFT 48

/* Partition properties (v1.2 Table 6.2). */
#define FFA_PROP_DIRECT_RECV  (1u << 0)
#define FFA_PROP_DIRECT_SEND  (1u << 1)
#define FFA_PROP_INDIRECT     (1u << 2)
#define FFA_PROP_NOTIF_RECV   (1u << 3)
#define FFA_PROP_AARCH64      (1u << 8)
#define FFA_PROP_DIRECT2_RECV (1u << 9)
#define FFA_PROP_DIRECT2_SEND (1u << 10)
/* The bits each version defines: [2:0] in v1.0, [8:0] in v1.1, [10:0] in v1.2. */
#define FFA_PROP_MASK_V1_0 0x7u
#define FFA_PROP_MASK_V1_1 0x1ffu
#define FFA_PROP_MASK_V1_2 0x7ffu

/* ---- memory transaction descriptor (v1.0 Table 45; v1.1 Table 10.20) ----------------------- */

/*
 * One layout for FFA_MEM_DONATE/LEND/SHARE, FFA_MEM_RETRIEVE_REQ and FFA_MEM_RETRIEVE_RESP.
 * v1.0: a 32-byte header and the EMAD array right after it. v1.1 widens the attributes to
 * u16, gives the EMAD size and array offset, and grows the header to 48 bytes.
 */
#define FFA_MTD_SENDER	    0u	/* u16 owner's endpoint ID */
#define FFA_MTD_ATTRS	    2u	/* u8 in v1.0 (byte 3 reserved, MBZ), u16 from v1.1 */
#define FFA_MTD_V1_0_RSVD8  3u	/* v1.0 u8 reserved */
#define FFA_MTD_FLAGS	    4u	/* u32 */
#define FFA_MTD_HANDLE	    8u	/* u64 */
#define FFA_MTD_TAG	    16u /* u64 */
#define FFA_MTD_EMAD_SIZE   24u /* u32 (v1.0: reserved, MBZ) */
#define FFA_MTD_EMAD_COUNT  28u /* u32 */
#define FFA_MTD_EMAD_OFFSET 32u /* u32 (v1.1+; 16-byte aligned) */
#define FFA_MTD_RSVD	    36u /* 12 bytes MBZ (v1.1+) */
#define FFA_MTD_HDR_V1_0    32u /* also where the v1.0 EMAD array starts */
#define FFA_MTD_HDR_V1_1    48u
#define FFA_MTD_EMAD_ALIGN  16u

static inline uint32_t ffa_mtd_hdr_size(uint32_t v)
{
	return v >= FFA_V1_1 ? FFA_MTD_HDR_V1_1 : FFA_MTD_HDR_V1_0;
}

/*
 * Endpoint memory access descriptor, EMAD (v1.0 Table 42 with the Table 41 permissions
 * descriptor at its head): u16 receiver, u8 permissions, u8 flags, u32 offset of the
 * composite descriptor from the start of the transaction descriptor (0 = none), u64
 * reserved. v1.2 inserts a 16-byte implementation-defined value at 8: 32 bytes.
 */
#define FFA_EMAD_RECEIVER  0u
#define FFA_EMAD_PERM	   2u
#define FFA_EMAD_FLAGS	   3u
#define FFA_EMAD_COMPOSITE 4u
#define FFA_EMAD_SIZE_V1_0 16u /* also v1.1 */
#define FFA_EMAD_SIZE_V1_2 32u

static inline uint32_t ffa_emad_size(uint32_t v)
{
	return v >= FFA_V1_2 ? FFA_EMAD_SIZE_V1_2 : FFA_EMAD_SIZE_V1_0;
}

/* Memory access permissions (v1.0 Table 41): [1:0] data, [3:2] instruction, [7:4] MBZ. */
#define ffa_perm_data(p)   ((uint32_t)(p)&3u)
#define ffa_perm_instr(p)  (((uint32_t)(p) >> 2) & 3u)
#define FFA_PERM_MBZ	   0xf0u
#define FFA_DATA_RO	   1u
#define FFA_DATA_RW	   2u
#define FFA_DATA_RESERVED  3u
#define FFA_INSTR_X	   2u
#define FFA_INSTR_RESERVED 3u

/* Memory region attributes descriptor (v1.0 u8, u16 from v1.1): [1:0] shareability, [3:2]
 * cacheability, [5:4] type, bit 6 NS (v1.1, responses only), [15:7] MBZ. */
#define ffa_attr_share(a)	((uint32_t)(a)&3u)
#define ffa_attr_type(a)	(((uint32_t)(a) >> 4) & 3u)
#define FFA_ATTR_MBZ		0xff80u
#define FFA_ATTR_SHARE_RESERVED 1u
#define FFA_ATTR_TYPE_UNSPEC	0u
#define FFA_ATTR_TYPE_RESERVED	3u

/* Transaction flags (DEN0077 v1.1, the flags tables of FFA_MEM_DONATE/LEND/SHARE and of
 * FFA_MEM_RETRIEVE_REQ/RESP): bit 0 zero memory, bit 1 time slicing, bit 2 zero after
 * relinquish, [4:3] transaction type (retrieve: 1 share, 2 lend, 3 donate), [9:5] address-range
 * hint. */
#define FFA_MEM_FLAG_CLEAR	      (1u << 0)
#define FFA_MEM_FLAG_TIME_SLICE	      (1u << 1)
#define FFA_MEM_FLAG_TYPE_SHIFT	      3
#define ffa_mem_flag_type(f)	      (((uint32_t)(f) >> FFA_MEM_FLAG_TYPE_SHIFT) & 3u)
#define FFA_MEM_SEND_FLAGS_MASK	      0x3u   /* DONATE/LEND/SHARE */
#define FFA_MEM_RETRIEVE_FLAGS_MASK   0x3ffu /* RETRIEVE_REQ */
#define FFA_MEM_RELINQUISH_FLAGS_MASK 0x3u

/* Composite memory region descriptor (v1.0 Table 39): u32 total pages, u32 constituent
 * count, u64 reserved, then the constituents. */
#define FFA_COMPOSITE_PAGES 0u
#define FFA_COMPOSITE_COUNT 4u
#define FFA_COMPOSITE_SIZE  16u

/* Constituent memory region descriptor (v1.0 Table 40): u64 base (4 KiB aligned), u32
 * pages, u32 reserved. */
#define FFA_CONSTITUENT_ADDR  0u
#define FFA_CONSTITUENT_PAGES 8u
#define FFA_CONSTITUENT_SIZE  16u

static inline uint8_t *ffa_constituent(uint8_t *composite, uint32_t i)
{
	return composite + FFA_COMPOSITE_SIZE + i * FFA_CONSTITUENT_SIZE;
}

/* Memory handle: bit 63 names the allocator, 1 = hypervisor; all ones is no handle (Hafnium
 * FFA_MEMORY_HANDLE_ALLOCATOR_BIT, FFA_MEMORY_HANDLE_INVALID). */
#define FFA_HANDLE_INVALID UINT64_MAX
#define FFA_HANDLE_HYP_BIT (UINT64_C(1) << 63)

/* Relinquish descriptor (v1.0 Table 150): u64 handle, u32 flags, u32 endpoint count, u16
 * endpoints[]. */
#define FFA_RELINQUISH_HANDLE	 0u
#define FFA_RELINQUISH_FLAGS	 8u
#define FFA_RELINQUISH_COUNT	 12u
#define FFA_RELINQUISH_ENDPOINTS 16u

/* ---- indirect messages (FFA_MSG_SEND2, DEN0077 v1.1 indirect message header) ---------------- */

/* Header: u32 flags (MBZ), u32 reserved, u32 payload offset, u32 sender << 16 | receiver, u32
 * payload size; v1.2 adds u32 reserved and a 16-byte UUID (40 bytes). w2 bit 1 of the call
 * delays the schedule receiver interrupt. */
#define FFA_MSG2_FLAGS	   0u
#define FFA_MSG2_OFFSET	   8u
#define FFA_MSG2_SEND_RECV 12u
#define FFA_MSG2_SIZE	   16u
#define FFA_MSG2_HDR_V1_1  20u
#define FFA_MSG2_HDR_V1_2  40u
#define FFA_MSG2_DELAY_SRI (1u << 1)

/* ---- notifications (DEN0077 v1.1, the FFA_NOTIFICATION_* ABIs) ---------------------------- */

/* FFA_NOTIFICATION_BIND w2 / FFA_NOTIFICATION_SET w2: bit 0 per-vCPU; SET also bit 1 delay
 * SRI and [31:16] the vCPU, [15:2] MBZ. */
#define FFA_NOTIF_FLAG_PER_VCPU	 (1u << 0)
#define FFA_NOTIF_FLAG_DELAY_SRI (1u << 1)
#define FFA_NOTIF_SET_MBZ	 0xfffcu

/* FFA_NOTIFICATION_GET w2: which bitmaps to return (and clear); [31:4] MBZ. Results: w2/w3
 * from SPs, w4/w5 from VMs, w6 SPM framework, w7 hypervisor framework. */
#define FFA_NOTIF_GET_FROM_SP  (1u << 0)
#define FFA_NOTIF_GET_FROM_VM  (1u << 1)
#define FFA_NOTIF_GET_FROM_SPM (1u << 2)
#define FFA_NOTIF_GET_FROM_HYP (1u << 3)
#define FFA_NOTIF_GET_MBZ      (~0xfu)

/* FFA_NOTIFICATION_INFO_GET (v1.1 17.7.1): x2 bit 0 more pending, [11:7] list count, 2-bit list
 * sizes from bit 12; 16-bit IDs packed from x3, 4 per register (SMC64, 20 at most) or 2
 * (SMC32, 10 at most). */
#define FFA_INFO_GET_MORE	    1u
#define FFA_INFO_GET_COUNT_SHIFT    7
#define FFA_INFO_GET_FIRST	    3u
#define FFA_INFO_GET_MAX_IDS_64	    20u
#define FFA_INFO_GET_MAX_IDS_32	    10u
#define FFA_INFO_GET_IDS_PER_REG_64 4u
#define FFA_INFO_GET_IDS_PER_REG_32 2u

#endif /* SMCSIM_ABI_FFA_H */
