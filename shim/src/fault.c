/* SPDX-License-Identifier: MIT */
/*
 * Fault injection between the kernel and the firmware models, and a kernel-side recorder
 * whose output is a fixture of exactly what the kernel saw (faults included) — so a fuzz
 * finding becomes a strict fixture-firmware regression test.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "linux/mm.h"
#include "shim_priv.h"

struct smcsim_faults {
	struct smcsim_kernel *k;
	const uint8_t *data;
	size_t len, pos;
	uint64_t rng;
	unsigned int rate;
	unsigned int applied;
};

static uint64_t splitmix(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Next decision byte; -1 when the input is exhausted (no more faults). */
static int next_byte(struct smcsim_faults *f)
{
	if (f->data) {
		if (f->pos >= f->len)
			return -1;
		return f->data[f->pos++];
	}
	return (int)(splitmix(&f->rng) & 0xff);
}

static uint64_t next_u64(struct smcsim_faults *f, int nbytes)
{
	uint64_t v = 0;
	for (int i = 0; i < nbytes; i++) {
		int b = next_byte(f);
		if (b < 0)
			break;
		v |= (uint64_t)b << (8 * i);
	}
	return v;
}

static int fault_call(void *opaque, struct smcsim_kernel *k, int depth, enum smcsim_conduit conduit,
		      struct smcsim_regs *regs)
{
	struct smcsim_faults *f = opaque;
	uint32_t fid = (uint32_t)regs->x[0];
	int ret = smcsim_kernel_fw_next(k, depth + 1, conduit, regs);
	if (ret != SMCSIM_EXIT_RETURN)
		return ret;
	int d = next_byte(f);
	if (d < 0)
		return ret;
	if (!f->data && f->rate > 1 && (splitmix(&f->rng) % f->rate) != 0)
		return ret;
	/* Half of the decision space leaves the answer alone, so inputs can pick which calls
	 * to perturb. */
	if (d < 128)
		return ret;
	f->applied++;
	static const int64_t errors[] = { -1, -2, -3, -4, -5, -6, -7, -8, -9, 1, 2, 3 };
	switch (d & 15) {
	case 0: /* NOT_SUPPORTED, 64-bit */
		regs->x[0] = UINT64_MAX;
		break;
	case 1: /* NOT_SUPPORTED as only the low 32 bits (DEN0028 allows either width) */
		regs->x[0] = 0xffffffffULL;
		break;
	case 2: /* another error code, 64-bit */
		regs->x[0] =
			(uint64_t)errors[next_u64(f, 1) % (sizeof(errors) / sizeof(errors[0]))];
		break;
	case 3: /* the same error, 32-bit */
		regs->x[0] =
			(uint32_t)errors[next_u64(f, 1) % (sizeof(errors) / sizeof(errors[0]))];
		break;
	case 4: /* a version word: major/minor from the input */
		regs->x[0] = next_u64(f, 4);
		break;
	case 5: /* a version near the interesting boundaries */
		regs->x[0] = (next_u64(f, 1) & 3) << 16 | (next_u64(f, 1) & 3);
		break;
	case 6: /* flip one bit of x0 (feature bits, versions) */
		regs->x[0] ^= 1ULL << (next_u64(f, 1) & 63);
		break;
	case 7: /* flip one bit of x1 or x2 (feature registers, partition counts) */
		regs->x[1 + (next_u64(f, 1) & 1)] ^= 1ULL << (next_u64(f, 1) & 63);
		break;
	case 8:
	case 9: /* garbage in x1..x3 */
		regs->x[1 + (next_u64(f, 1) % 3)] = next_u64(f, 8);
		break;
	case 10: /* garbage in the upper half of x0 */
		regs->x[0] |= next_u64(f, 4) << 32;
		break;
	case 11: /* success in x0 */
		if ((fid & 0xbfffff00u) == 0x84000000u && (fid & 0xffu) >= 0x60) {
			/* An FF-A call succeeds with FFA_SUCCESS (DEN0077 v1.2 11.2), in the
			 * width of the call, and an arbitrary payload in w2: firmware that claims
			 * success with counts and indices the kernel must not trust blindly
			 * (PARTITION_INFO_GET_REGS's x2 carries both). */
			regs->x[0] = (fid & 0x40000000u) ? 0xC4000061u
							 : 0x84000061u; /* FFA_SUCCESS_64/32 */
			regs->x[2] = next_u64(f, 8);
		} else {
			regs->x[0] = 0;
		}
		break;
	case 12:
	case 13: { /* garbage in the FF-A RX buffer (descriptors) */
		struct linux_state *s = &k->lx;
		if (s->ffa_rx && s->ffa_rxtx_bufsz) {
			size_t off = next_u64(f, 2) % s->ffa_rxtx_bufsz;
			size_t n = 1 + next_u64(f, 1) % 32;
			for (size_t i = 0; i < n && off + i < s->ffa_rxtx_bufsz; i++)
				((uint8_t *)s->ffa_rx)[off + i] = (uint8_t)next_u64(f, 1);
		} else {
			regs->x[2] = next_u64(f, 4);
		}
		break;
	}
	case 14: { /* truncated descriptors: zero the tail of the RX buffer */
		struct linux_state *s = &k->lx;
		if (s->ffa_rx && s->ffa_rxtx_bufsz) {
			size_t off = next_u64(f, 1) % 48;
			memset((uint8_t *)s->ffa_rx + off, 0, s->ffa_rxtx_bufsz - off);
		} else {
			regs->x[3] = next_u64(f, 2);
		}
		break;
	}
	default: /* x0 all garbage */
		regs->x[0] = next_u64(f, 8);
		break;
	}
	return ret;
}

int smcsim_faults_create(struct smcsim_kernel *k, const uint8_t *data, size_t len, uint64_t seed,
			 unsigned int rate, struct smcsim_faults **out)
{
	if (!k || !out)
		return -EINVAL;
	struct smcsim_faults *f = calloc(1, sizeof(*f));
	if (!f)
		return -ENOMEM;
	f->k = k;
	f->data = data;
	f->len = len;
	f->rng = seed;
	f->rate = rate;
	int r = smcsim_kernel_push_firmware(k, fault_call, f);
	if (r) {
		free(f);
		return r;
	}
	*out = f;
	return 0;
}

unsigned int smcsim_faults_applied(const struct smcsim_faults *f)
{
	return f->applied;
}

void smcsim_faults_destroy(struct smcsim_faults *f)
{
	if (!f)
		return;
	smcsim_kernel_remove_firmware(f->k, fault_call, f);
	free(f);
}

/* ---- kernel-side recorder ------------------------------------------------------------ */

struct smcsim_kernel_rec {
	struct smcsim_kernel *k;
	json_t *steps;
};

static json_t *hexv(uint64_t v)
{
	char b[24];
	snprintf(b, sizeof(b), "0x%llx", (unsigned long long)v);
	return json_string(b);
}

static int rec_call(void *opaque, struct smcsim_kernel *k, int depth, enum smcsim_conduit conduit,
		    struct smcsim_regs *regs)
{
	struct smcsim_kernel_rec *r = opaque;
	struct smcsim_regs in = *regs;
	/* Snapshot the kernel's allocated pages: whatever the firmware changes in them (RX
	 * buffers, Realm config pages) becomes "write" steps after the call, so the fixture
	 * carries the call's memory effects. */
	size_t nused = 0;
	for (size_t p = 0; p < k->pool_pages; p++)
		nused += k->pool_run[p] != 0;
	uint8_t *before = malloc(nused ? nused << PAGE_SHIFT : 1);
	size_t *pages = malloc((nused ? nused : 1) * sizeof(*pages));
	if (before && pages) {
		size_t n = 0;
		for (size_t p = 0; p < k->pool_pages && n < nused; p++)
			if (k->pool_run[p]) {
				pages[n] = p;
				memcpy(before + (n << PAGE_SHIFT), k->pool_host + (p << PAGE_SHIFT),
				       PAGE_SIZE);
				n++;
			}
	} else {
		nused = 0;
	}
	int ret = smcsim_kernel_fw_next(k, depth + 1, conduit, regs);
	json_t *step = json_object(), *call = json_object(), *expect = json_object();
	if (!step || !call || !expect) {
		json_decref(step);
		json_decref(call);
		json_decref(expect);
		free(before);
		free(pages);
		return ret;
	}
	for (int i = 0; i < SMCSIM_NREGS; i++) {
		char name[4];
		snprintf(name, sizeof(name), "x%d", i);
		if (i == 0 || in.x[i])
			json_object_set_new(call, name, hexv(in.x[i]));
		if (regs->x[i] || i < 4)
			json_object_set_new(expect, name, hexv(regs->x[i]));
	}
	json_object_set_new(step, "call", call);
	json_object_set_new(step, "conduit",
			    json_string(conduit == SMCSIM_CONDUIT_HVC ? "hvc" : "smc"));
	json_object_set_new(step, "expect", expect);
	const char *note = smcsim_fid_name((uint32_t)in.x[0]);
	if (note)
		json_object_set_new(step, "note", json_string(note));
	json_array_append_new(r->steps, step);
	for (size_t n = 0; n < nused; n++) {
		size_t p = pages[n];
		if (!k->pool_run[p])
			continue; /* freed by an interposer below: nothing to describe */
		const uint8_t *a = before + (n << PAGE_SHIFT),
			      *b = k->pool_host + (p << PAGE_SHIFT);
		for (size_t i = 0; i < PAGE_SIZE;) {
			if (a[i] == b[i]) {
				i++;
				continue;
			}
			size_t j = i;
			while (j < PAGE_SIZE && a[j] != b[j])
				j++;
			char *hex = malloc(2 * (j - i) + 1);
			json_t *w = json_object(), *ws = json_object();
			if (hex && w && ws) {
				for (size_t m = i; m < j; m++)
					sprintf(hex + 2 * (m - i), "%02x", b[m]);
				json_object_set_new(w, "pa",
						    hexv(k->pool_base + (p << PAGE_SHIFT) + i));
				json_object_set_new(w, "bytes", json_string(hex));
				json_object_set_new(ws, "write", w);
				json_array_append_new(r->steps, ws);
			} else {
				json_decref(w);
				json_decref(ws);
			}
			free(hex);
			i = j;
		}
	}
	free(pages);
	free(before);
	return ret;
}

int smcsim_kernel_record_start(struct smcsim_kernel *k, struct smcsim_kernel_rec **out)
{
	struct smcsim_kernel_rec *r = calloc(1, sizeof(*r));
	if (!r || !(r->steps = json_array())) {
		free(r);
		return -ENOMEM;
	}
	r->k = k;
	int ret = smcsim_kernel_push_firmware(k, rec_call, r);
	if (ret) {
		json_decref(r->steps);
		free(r);
		return ret;
	}
	*out = r;
	return 0;
}

int smcsim_kernel_record_write(const struct smcsim_kernel_rec *r, FILE *f, const char *description)
{
	json_t *doc = json_object();
	if (!doc)
		return -ENOMEM;
	json_object_set_new(doc, "format", json_string("smcsim-trace"));
	json_object_set_new(doc, "version", json_integer(1));
	json_object_set_new(doc, "description",
			    json_string(description ? description : "recorded at the kernel"));
	json_object_set_new(doc, "profile", json_string(smcsim_profile_of(r->k->sim)));
	json_object_set(doc, "steps", r->steps);
	int ret = json_dumpf(doc, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER) ? -EIO : 0;
	fputc('\n', f);
	json_decref(doc);
	return ret;
}

void smcsim_kernel_record_destroy(struct smcsim_kernel_rec *r)
{
	if (!r)
		return;
	smcsim_kernel_remove_firmware(r->k, rec_call, r);
	json_decref(r->steps);
	free(r);
}
