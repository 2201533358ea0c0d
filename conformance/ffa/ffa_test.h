/* SPDX-License-Identifier: MIT */
/* Helpers shared by the FF-A and pKVM conformance suites. */
#ifndef SMCSIM_FFA_TEST_H
#define SMCSIM_FFA_TEST_H

#include <errno.h>
#include <string.h>

#include "conformance/common/smcsim_test.h"
#include "ffa_model/ffa.h"

#define HOST_TX	   UINT64_C(0x80000000)
#define HOST_RX	   UINT64_C(0x80001000)
#define SP1	   0x8001u
#define SP2	   0x8002u
#define SP1_UUID   "b4b5671e-4a90-4fe1-b81f-fb13dae1dacb"
#define SP2_UUID_A "d1582309-f023-47b9-827c-4464f5578fc8"
#define SP2_UUID_B "79b55c73-1d8c-44b9-8593-61e1770ad8d2"

/* ffa-host with sp2 advertising a second UUID (v1.2: one descriptor per UUID). */
#define MULTI_UUID_PATCH                                                                           \
	"{\"layers\":{\"el3\":{\"services\":{\"ffa\":{\"partitions\":["                            \
	"{\"id\":\"0x8001\",\"uuids\":[\"" SP1_UUID "\"],\"exec_ctx\":4,"                          \
	"\"properties\":\"0x30f\",\"caller\":\"sp1\",\"rxtx\":{\"tx\":\"0x0e000000\","             \
	"\"rx\":\"0x0e001000\"}},"                                                                 \
	"{\"id\":\"0x8002\",\"uuids\":[\"" SP2_UUID_A "\",\"" SP2_UUID_B "\"],"                    \
	"\"exec_ctx\":1,\"properties\":\"0x101\",\"caller\":\"sp2\","                              \
	"\"script\":[\"interrupt\",\"yield\",\"respond\"],"                                        \
	"\"rxtx\":{\"tx\":\"0x0e002000\",\"rx\":\"0x0e003000\"}}]}}}}}"

/* FFA_ERROR with @code in w2, compared as s32 (SPMCs zero-extend, Linux nvhe/ffa.c
 * ffa_to_smccc_error() sign-extends). @rule names the DEN0077 rule or implementation checked. */
#define t_assert_ffa_error(r, code, rule)                                                          \
	do {                                                                                       \
		struct smcsim_regs t_r_ = (r);                                                     \
		t_assert_reg(t_r_, 0, FFA_ERROR_FID, rule);                                        \
		if ((int32_t)t_r_.x[2] != (int32_t)(code))                                         \
			t_assert_reg(t_r_, 2, (uint32_t)(int32_t)(code), rule);                    \
	} while (0)
#define t_assert_ffa_ok(r, rule)                                                                   \
	do {                                                                                       \
		struct smcsim_regs t_r_ = (r);                                                     \
		t_assert_reg(t_r_, 0, FFA_SUCCESS_FID, rule);                                      \
	} while (0)

static inline void t_uuid_words(const char *s, uint64_t w[4])
{
	uint8_t u[16];
	assert_int_equal(emu_parse_uuid(s, u), 0);
	emu_uuid_to_regs(u, w);
}

static inline uint64_t t_uuid_half(const char *s, int half)
{
	uint8_t u[16];
	assert_int_equal(emu_parse_uuid(s, u), 0);
	uint64_t x = 0;
	for (int b = 0; b < 8; b++)
		x |= (uint64_t)u[half * 8 + b] << (8 * b);
	return x;
}

/* VERSION(@v) then RXTX_MAP_64 of the host's one-page buffers. */
static inline void t_ffa_setup(struct smcsim *sim, uint32_t v)
{
	struct smcsim_regs r = t_call(sim, FFA_VERSION_FID, v);
	assert_true((int32_t)r.x[0] > 0); /* setup: FFA_VERSION negotiated */
	r = t_call(sim, FFA_RXTX_MAP_64_FID, HOST_TX, HOST_RX, 1);
	t_assert_ffa_ok(r, "setup: RXTX_MAP_64");
}

#endif

/* ---- memory transaction descriptors: DEN0077 v1.0 32-byte header, v1.1+ 48-byte header
 * (Hafnium struct ffa_memory_region, Linux include/linux/arm_ffa.h struct ffa_mem_region); EMADs
 * of 16 bytes, 32 from v1.2; composite descriptor and 16-byte constituents ---- */

struct t_mem {
	uint32_t v; /* layout version */
	uint16_t sender;
	uint16_t attrs;
	uint32_t flags;
	uint64_t handle;
	uint64_t tag;
	int nrecv;
	uint16_t recv[4];
	uint8_t perm[4];
	int nranges;
	uint64_t base[8];
	uint32_t pages[8];
	int32_t total_adjust; /* added to the composite's total page count */
};

static inline void t_wr(uint8_t *p, uint64_t v, int n)
{
	for (int i = 0; i < n; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

/* Serialise @m into @buf; returns the length. */
static inline uint32_t t_mem_desc(const struct t_mem *m, uint8_t *buf)
{
	uint32_t hdr = m->v >= FFA_V1_1 ? 48 : 32;
	uint32_t esz = m->v >= FFA_V1_2 ? 32 : 16;
	uint32_t comp = hdr + (uint32_t)m->nrecv * esz;
	uint32_t len = comp + 16 + (uint32_t)m->nranges * 16;
	memset(buf, 0, len);
	t_wr(buf, m->sender, 2);
	t_wr(buf + 2, m->attrs, m->v >= FFA_V1_1 ? 2 : 1);
	t_wr(buf + 4, m->flags, 4);
	t_wr(buf + 8, m->handle, 8);
	t_wr(buf + 16, m->tag, 8);
	if (m->v >= FFA_V1_1) {
		t_wr(buf + 24, esz, 4);
		t_wr(buf + 32, hdr, 4);
	}
	t_wr(buf + 28, (uint32_t)m->nrecv, 4);
	for (int i = 0; i < m->nrecv; i++) {
		uint8_t *e = buf + hdr + (uint32_t)i * esz;
		t_wr(e, m->recv[i], 2);
		e[2] = m->perm[i];
		t_wr(e + 4, m->nranges ? comp : 0, 4);
	}
	if (!m->nranges)
		return comp;
	uint32_t total = 0;
	for (int i = 0; i < m->nranges; i++) {
		t_wr(buf + comp + 16 + 16 * i, m->base[i], 8);
		t_wr(buf + comp + 16 + 16 * i + 8, m->pages[i], 4);
		total += m->pages[i];
	}
	t_wr(buf + comp, total + (uint32_t)m->total_adjust, 4);
	t_wr(buf + comp + 4, (uint32_t)m->nranges, 4);
	return len;
}

/* A host SHARE of @pages at @base to @recv, RW, normal write-back inner-shareable memory (0x2F, as
 * Linux drivers/firmware/arm_ffa/driver.c sends). */
static inline struct t_mem t_share(uint32_t v, uint16_t recv, uint64_t base, uint32_t pages)
{
	struct t_mem m;
	memset(&m, 0, sizeof(m));
	m.v = v;
	m.attrs = 0x2f;
	m.nrecv = 1;
	m.recv[0] = recv;
	m.perm[0] = 2;
	m.nranges = 1;
	m.base[0] = base;
	m.pages[0] = pages;
	return m;
}

/* Write @m to TX at @tx and issue @fid with it; returns the registers. */
static inline struct smcsim_regs t_mem_send(struct smcsim *sim, const char *caller, uint64_t tx,
					    uint32_t fid, const struct t_mem *m)
{
	uint8_t buf[2048];
	uint32_t len = t_mem_desc(m, buf);
	assert_int_equal(smcsim_mem_write(sim, tx, buf, len), 0);
	return t_call_on(sim, caller, 0, fid, 4, (uint64_t)len, (uint64_t)len, (uint64_t)0,
			 (uint64_t)0);
}

static inline uint64_t t_handle(const struct smcsim_regs *r)
{
	return (uint32_t)r->x[2] | (uint64_t)(uint32_t)r->x[3] << 32;
}
