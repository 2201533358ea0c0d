/* SPDX-License-Identifier: MIT */
/*
 * The simulated kernel: its calls into the machine, its log, its page allocator and its
 * initcalls. Kernel-named entry points act on the calling thread's current kernel.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abi/bytes.h"
#include "linux/init.h"
#include "linux/mm.h"
#include "linux/printk.h"
#include "shim_priv.h"

/* The one piece of per-thread state: which kernel kernel-named functions act on. It is
 * not library-global state: each thread chooses its kernel, and a kernel's state lives in
 * its struct smcsim_kernel. */
static _Thread_local struct smcsim_kernel *current_kernel;

struct smcsim_kernel *smcsim_kernel_enter(struct smcsim_kernel *k)
{
	struct smcsim_kernel *prev = current_kernel;
	current_kernel = k;
	return prev;
}

struct smcsim_kernel *smcsim_kernel_current(void)
{
	return current_kernel;
}

struct smcsim_kernel *shim_cur(const char *what)
{
	if (!current_kernel) {
		fprintf(stderr,
			"smcsim-shim: %s called with no current kernel "
			"(call smcsim_kernel_enter() first)\n",
			what);
		abort();
	}
	return current_kernel;
}

int smcsim_kernel_create(struct smcsim *sim, const struct smcsim_kernel_opts *opts,
			 struct smcsim_kernel **out)
{
	if (!sim || !out)
		return -EINVAL;
	*out = NULL;
	struct smcsim_kernel *k = calloc(1, sizeof(*k));
	if (!k)
		return -ENOMEM;
	if (opts)
		k->opts = *opts;
	k->sim = sim;
	k->caller = k->opts.caller ? smcsim_caller_find(sim, k->opts.caller)
				   : smcsim_caller_default(sim);
	if (k->caller < 0 || k->opts.cpu >= smcsim_cpu_count(sim)) {
		free(k);
		return -EINVAL;
	}
	if (!k->opts.psci_compat)
		k->opts.psci_compat = 10;
	uint64_t base = k->opts.alloc_base, size = k->opts.alloc_size;
	if (!size) {
		uint64_t rb, rs;
		if (smcsim_mem_region(sim, 0, &rb, &rs) != 0) {
			free(k);
			return -ENOSPC;
		}
		size = (rs / 4) & PAGE_MASK;
		base = rb + rs - size;
	}
	k->pool_host = smcsim_mem_map(sim, base, size);
	if (!k->pool_host || (base & ~PAGE_MASK) || size < PAGE_SIZE) {
		free(k);
		return -ENOSPC;
	}
	k->pool_base = base;
	k->pool_pages = size >> PAGE_SHIFT;
	k->pool_run = calloc(k->pool_pages, sizeof(*k->pool_run));
	k->log = calloc(1, 1);
	if (!k->pool_run || !k->log) {
		free(k->pool_run);
		free(k->log);
		free(k);
		return -ENOMEM;
	}
	k->log_cap = 1;
	k->lx.soc_id_version = k->lx.soc_id_revision = -1;
	k->lx.psci_migrate_type = -1;
	k->lx.psci_resident_cpu = -1;
	k->lx.smccc_version = ARM_SMCCC_VERSION_1_0;
	*out = k;
	return 0;
}

void smcsim_kernel_shutdown(struct smcsim_kernel *k)
{
	if (!k)
		return;
	struct smcsim_kernel *prev = smcsim_kernel_enter(k);
	if (k->shutdown)
		k->shutdown(k);
	k->shutdown = NULL;
	shim_driver_teardown(k);
	smcsim_kernel_enter(prev);
}

void smcsim_kernel_destroy(struct smcsim_kernel *k)
{
	if (!k)
		return;
	smcsim_kernel_shutdown(k);
	for (int i = 0; i < k->nowned; i++)
		free(k->owned[i]);
	if (smcsim_kernel_current() == k)
		smcsim_kernel_enter(NULL);
	shim_minted_free(k);
	free(k->initcalls);
	free(k->pool_run);
	free(k->log);
	free(k);
}

struct smcsim *smcsim_kernel_machine(const struct smcsim_kernel *k)
{
	return k->sim;
}

const struct smcsim_kernel_opts *smcsim_kernel_options(const struct smcsim_kernel *k)
{
	return &k->opts;
}

/* ---- log ------------------------------------------------------------------------------- */

void shim_log_append(struct smcsim_kernel *k, const char *level, const char *text)
{
	size_t tl = strlen(text), ll = strlen(level);
	while (tl && text[tl - 1] == '\n')
		tl--;
	size_t need = k->log_len + ll + 2 + tl + 2;
	if (need > k->log_cap) {
		size_t cap = k->log_cap * 2 > need ? k->log_cap * 2 : need + 256;
		char *n = realloc(k->log, cap);
		if (!n)
			return;
		k->log = n;
		k->log_cap = cap;
	}
	char *p = k->log + k->log_len;
	memcpy(p, level, ll);
	p[ll] = ':';
	p[ll + 1] = ' ';
	memcpy(p + ll + 2, text, tl);
	p[ll + 2 + tl] = '\n';
	p[ll + 3 + tl] = '\0';
	k->log_len += ll + 3 + tl;
}

static const char *const level_names[] = { "emerg", "alert",  "crit", "err",
					   "warn",  "notice", "info", "debug" };

void smcsim_printk(int level, const char *fmt, ...)
{
	struct smcsim_kernel *k = shim_cur("printk");
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	shim_log_append(k, level_names[level < 0 || level > 7 ? 7 : level], buf);
}

int smcsim_warn(const char *file, int line, const char *fmt, ...)
{
	struct smcsim_kernel *k = shim_cur("WARN");
	char buf[512], out[600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	const char *base = strrchr(file, '/');
	snprintf(out, sizeof(out), "WARNING: at %s:%d: %s", base ? base + 1 : file, line, buf);
	shim_log_append(k, "warn", out);
	k->warnings++;
	return 1;
}

void panic(const char *fmt, ...)
{
	struct smcsim_kernel *k = shim_cur("panic");
	char buf[512], out[600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	snprintf(out, sizeof(out), "Kernel panic - not syncing: %s", buf);
	shim_log_append(k, "emerg", out);
	k->panicked = true;
	if (k->panic_jmp)
		longjmp(*k->panic_jmp, 1);
	fprintf(stderr, "smcsim-shim: %s (outside smcsim_kernel_boot)\n", out);
	abort();
}

const char *smcsim_kernel_log(const struct smcsim_kernel *k)
{
	return k->log;
}

void smcsim_kernel_log_clear(struct smcsim_kernel *k)
{
	k->log_len = 0;
	k->log[0] = '\0';
}

bool smcsim_kernel_log_has(const struct smcsim_kernel *k, const char *needle)
{
	return strstr(k->log, needle) != NULL;
}

unsigned int smcsim_kernel_warnings(const struct smcsim_kernel *k)
{
	return k->warnings;
}

bool smcsim_kernel_panicked(const struct smcsim_kernel *k)
{
	return k->panicked;
}

/* ---- calls ----------------------------------------------------------------------------- */

int smcsim_kernel_push_firmware(struct smcsim_kernel *k, smcsim_fw_fn fn, void *opaque)
{
	if (!k || !fn)
		return -EINVAL;
	if (k->nhooks == SHIM_MAX_HOOKS)
		return -ENOSPC;
	/* hooks[0] sees calls first: shift the stack down. */
	memmove(&k->hooks[1], &k->hooks[0], k->nhooks * sizeof(k->hooks[0]));
	k->hooks[0].fn = fn;
	k->hooks[0].opaque = opaque;
	k->nhooks++;
	return 0;
}

void smcsim_kernel_pop_firmware(struct smcsim_kernel *k)
{
	if (!k || !k->nhooks)
		return;
	memmove(&k->hooks[0], &k->hooks[1], (k->nhooks - 1) * sizeof(k->hooks[0]));
	k->nhooks--;
}

int smcsim_kernel_fw_next(struct smcsim_kernel *k, int depth, enum smcsim_conduit conduit,
			  struct smcsim_regs *regs)
{
	if (depth < 0)
		return -EINVAL;
	if (depth < k->nhooks)
		return k->hooks[depth].fn(k->hooks[depth].opaque, k, depth, conduit, regs);
	return smcsim_call(k->sim, k->caller, k->opts.cpu, conduit, regs);
}

unsigned long smcsim_kernel_calls(const struct smcsim_kernel *k)
{
	return k->ncalls;
}

/*
 * One trap into firmware. A conduit the caller cannot use is an undefined instruction on
 * real hardware; the shim logs it and reports NOT_SUPPORTED rather than crashing the
 * test, so the driver's own error path runs.
 */
int shim_issue(struct smcsim_kernel *k, enum arm_smccc_conduit conduit, struct smcsim_regs *r)
{
	enum smcsim_conduit c =
		conduit == SMCCC_CONDUIT_HVC ? SMCSIM_CONDUIT_HVC : SMCSIM_CONDUIT_SMC;
	k->ncalls++;
	int ret = smcsim_kernel_fw_next(k, 0, c, r);
	if (ret < 0) {
		char msg[160];
		snprintf(msg, sizeof(msg), "smcsim: %s 0x%08llx did not reach firmware: %s",
			 c == SMCSIM_CONDUIT_HVC ? "HVC" : "SMC", (unsigned long long)r->x[0],
			 smcsim_strerror(ret));
		shim_log_append(k, "debug", msg);
		r->x[0] = (uint64_t)SMCCC_RET_NOT_SUPPORTED;
	}
	return ret;
}

static void call_1_0(enum arm_smccc_conduit conduit, unsigned long a0, unsigned long a1,
		     unsigned long a2, unsigned long a3, unsigned long a4, unsigned long a5,
		     unsigned long a6, unsigned long a7, struct arm_smccc_res *res,
		     struct arm_smccc_quirk *quirk)
{
	struct smcsim_kernel *k = shim_cur("arm_smccc_smc");
	struct smcsim_regs r = { { a0, a1, a2, a3, a4, a5, a6, a7 } };
	shim_issue(k, conduit, &r);
	if (res)
		*res = (struct arm_smccc_res){ r.x[0], r.x[1], r.x[2], r.x[3] };
	/* The Qualcomm quirk: firmware may clobber a6, which the wrapper hands back. */
	if (quirk && quirk->id == ARM_SMCCC_QUIRK_QCOM_A6)
		quirk->state.a6 = r.x[6];
}

void __arm_smccc_smc(unsigned long a0, unsigned long a1, unsigned long a2, unsigned long a3,
		     unsigned long a4, unsigned long a5, unsigned long a6, unsigned long a7,
		     struct arm_smccc_res *res, struct arm_smccc_quirk *quirk)
{
	call_1_0(SMCCC_CONDUIT_SMC, a0, a1, a2, a3, a4, a5, a6, a7, res, quirk);
}

void __arm_smccc_hvc(unsigned long a0, unsigned long a1, unsigned long a2, unsigned long a3,
		     unsigned long a4, unsigned long a5, unsigned long a6, unsigned long a7,
		     struct arm_smccc_res *res, struct arm_smccc_quirk *quirk)
{
	call_1_0(SMCCC_CONDUIT_HVC, a0, a1, a2, a3, a4, a5, a6, a7, res, quirk);
}

int smcsim_shim_smccc_1_1(int invoke, enum arm_smccc_conduit conduit, unsigned long a0,
			  unsigned long a1, unsigned long a2, unsigned long a3, unsigned long a4,
			  unsigned long a5, unsigned long a6, unsigned long a7,
			  struct arm_smccc_res *res)
{
	struct smcsim_kernel *k = shim_cur("arm_smccc_1_1_invoke");
	if (invoke) {
		conduit = arm_smccc_1_1_get_conduit();
		if (conduit == SMCCC_CONDUIT_NONE) {
			/* No trap: the kernel's invoke answers NOT_SUPPORTED itself. */
			if (res)
				res->a0 = (unsigned long)SMCCC_RET_NOT_SUPPORTED;
			return SMCCC_CONDUIT_NONE;
		}
	}
	/* The 1.1 wrappers pass the function ID as a 32-bit value. */
	struct smcsim_regs r = { { (u32)a0, a1, a2, a3, a4, a5, a6, a7 } };
	shim_issue(k, conduit, &r);
	if (res)
		*res = (struct arm_smccc_res){ r.x[0], r.x[1], r.x[2], r.x[3] };
	return conduit;
}

static void call_1_2(enum arm_smccc_conduit conduit, const struct arm_smccc_1_2_regs *args,
		     struct arm_smccc_1_2_regs *res)
{
	struct smcsim_kernel *k = shim_cur("arm_smccc_1_2_smc");
	struct smcsim_regs r;
	_Static_assert(sizeof(r) == sizeof(*args), "18 registers");
	memcpy(&r, args, sizeof(r));
	shim_issue(k, conduit, &r);
	memcpy(res, &r, sizeof(r));
}

void arm_smccc_1_2_smc(const struct arm_smccc_1_2_regs *args, struct arm_smccc_1_2_regs *res)
{
	call_1_2(SMCCC_CONDUIT_SMC, args, res);
}

void arm_smccc_1_2_hvc(const struct arm_smccc_1_2_regs *args, struct arm_smccc_1_2_regs *res)
{
	call_1_2(SMCCC_CONDUIT_HVC, args, res);
}

void arm_smccc_1_2_invoke(const struct arm_smccc_1_2_regs *args, struct arm_smccc_1_2_regs *res)
{
	enum arm_smccc_conduit c = arm_smccc_1_1_get_conduit();
	if (c == SMCCC_CONDUIT_NONE) {
		res->a0 = (unsigned long)SMCCC_RET_NOT_SUPPORTED;
		return;
	}
	call_1_2(c, args, res);
}

u32 arm_smccc_get_version(void)
{
	return shim_cur("arm_smccc_get_version")->lx.smccc_version;
}

void arm_smccc_version_init(u32 version, enum arm_smccc_conduit conduit)
{
	struct smcsim_kernel *k = shim_cur("arm_smccc_version_init");
	k->lx.smccc_version = version;
	k->lx.smccc_conduit = conduit;
}

enum arm_smccc_conduit arm_smccc_1_1_get_conduit(void)
{
	struct smcsim_kernel *k = shim_cur("arm_smccc_1_1_get_conduit");
	if (k->lx.smccc_version < ARM_SMCCC_VERSION_1_1)
		return SMCCC_CONDUIT_NONE;
	return k->lx.smccc_conduit;
}

s32 arm_smccc_get_soc_id_version(void)
{
	return shim_cur("arm_smccc_get_soc_id_version")->lx.soc_id_version;
}

s32 arm_smccc_get_soc_id_revision(void)
{
	return shim_cur("arm_smccc_get_soc_id_revision")->lx.soc_id_revision;
}

/* UUID from the low 32 bits of a0..a3, each little-endian (smccc_res_to_uuid). */
static void res_to_uuid(const struct arm_smccc_res *res, uuid_t *u)
{
	const unsigned long w[4] = { res->a0, res->a1, res->a2, res->a3 };
	for (int i = 0; i < 4; i++)
		abi_wr32(u->b + i * 4, (uint32_t)w[i]);
}

/* As newer kernels' arm_smccc_hypervisor_has_uuid (drivers/firmware/smccc/smccc.c):
 * a0 == NOT_SUPPORTED compared at full width, then the UID from the low 32 bits of each
 * register; no HVC-only check. */
bool arm_smccc_hypervisor_has_uuid(const uuid_t *uuid)
{
	struct arm_smccc_res res = { 0 };
	arm_smccc_1_1_invoke(ARM_SMCCC_VENDOR_HYP_CALL_UID_FUNC_ID, &res);
	if (res.a0 == (unsigned long)SMCCC_RET_NOT_SUPPORTED)
		return false;
	uuid_t got;
	res_to_uuid(&res, &got);
	return uuid_equal(&got, uuid);
}

/* ---- UUIDs ----------------------------------------------------------------------------- */

char *smcsim_uuid_str(const uuid_t *u, char buf[37])
{
	char *p = buf;
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*p++ = '-';
		p += sprintf(p, "%02x", u->b[i]);
	}
	return buf;
}

int uuid_parse(const char *s, uuid_t *u)
{
	int n = 0;
	for (const char *p = s; *p && n < 32; p++) {
		if (*p == '-' && (n == 8 || n == 12 || n == 16 || n == 20))
			continue;
		int v;
		if (*p >= '0' && *p <= '9')
			v = *p - '0';
		else if ((*p | 32) >= 'a' && (*p | 32) <= 'f')
			v = (*p | 32) - 'a' + 10;
		else
			return -EINVAL;
		if (n % 2 == 0)
			u->b[n / 2] = (u8)(v << 4);
		else
			u->b[n / 2] |= (u8)v;
		n++;
	}
	return n == 32 && strlen(s) == 36 ? 0 : -EINVAL;
}

/* ---- pages ----------------------------------------------------------------------------- */

void *alloc_pages_exact(size_t size, gfp_t gfp)
{
	struct smcsim_kernel *k = shim_cur("alloc_pages_exact");
	size_t n = PAGE_ALIGN(size) >> PAGE_SHIFT;
	if (!n || n > k->pool_pages)
		return NULL;
	/* First fit, deterministic: the same boot gets the same PAs, so fixtures recorded
	 * against a run replay against the next. */
	for (size_t i = 0; i + n <= k->pool_pages;) {
		size_t j = 0;
		while (j < n && !k->pool_run[i + j])
			j++;
		if (j == n) {
			k->pool_run[i] = (uint32_t)n;
			for (size_t m = 1; m < n; m++)
				k->pool_run[i + m] = UINT32_MAX; /* tail of a run */
			k->pool_used += n;
			void *p = k->pool_host + (i << PAGE_SHIFT);
			memset(p, 0, n << PAGE_SHIFT); /* the shim always zeroes */
			return p;
		}
		i += j + 1;
		while (i < k->pool_pages && k->pool_run[i] == UINT32_MAX)
			i++;
	}
	return NULL;
}

void free_pages_exact(void *virt, size_t size)
{
	struct smcsim_kernel *k = shim_cur("free_pages_exact");
	if (!virt)
		return;
	uint8_t *p = virt;
	size_t n = PAGE_ALIGN(size) >> PAGE_SHIFT;
	if (p < k->pool_host || p >= k->pool_host + (k->pool_pages << PAGE_SHIFT) ||
	    ((p - k->pool_host) & (PAGE_SIZE - 1))) {
		WARN(1, "free_pages_exact(%p): not from alloc_pages_exact", virt);
		return;
	}
	size_t i = (size_t)(p - k->pool_host) >> PAGE_SHIFT;
	if (k->pool_run[i] == 0 || k->pool_run[i] == UINT32_MAX || k->pool_run[i] != n) {
		WARN(1, "free_pages_exact(%p, %zu): size does not match the allocation", virt,
		     size);
		return;
	}
	for (size_t m = 0; m < n; m++)
		k->pool_run[i + m] = 0;
	k->pool_used -= n;
}

size_t smcsim_kernel_pages_in_use(const struct smcsim_kernel *k)
{
	return k->pool_used;
}

phys_addr_t virt_to_phys(const volatile void *addr)
{
	struct smcsim_kernel *k = shim_cur("virt_to_phys");
	const uint8_t *p = (const uint8_t *)addr;
	uint64_t base, size;
	for (size_t i = 0; smcsim_mem_region(k->sim, i, &base, &size) == 0; i++) {
		const uint8_t *h = smcsim_mem_map(k->sim, base, size);
		if (h && p >= h && p < h + size)
			return base + (uint64_t)(p - h);
	}
	WARN(1, "virt_to_phys(%p): not in simulated memory", (const void *)p);
	return PHYS_ADDR_INVALID;
}

void *phys_to_virt(phys_addr_t pa)
{
	struct smcsim_kernel *k = shim_cur("phys_to_virt");
	return smcsim_mem_map(k->sim, pa, 1);
}

void *kmalloc(size_t size, gfp_t gfp)
{
	return (gfp & __GFP_ZERO) ? calloc(1, size ? size : 1) : malloc(size ? size : 1);
}

void *kzalloc(size_t size, gfp_t gfp)
{
	return calloc(1, size ? size : 1);
}

void *kcalloc(size_t n, size_t size, gfp_t gfp)
{
	return calloc(n ? n : 1, size ? size : 1);
}

void kfree(const void *p)
{
	free((void *)p);
}

/* ---- initcalls ------------------------------------------------------------------------- */

int smcsim_kernel_add_initcall(struct smcsim_kernel *k, int level, const char *name,
			       int (*fn)(void))
{
	if (!k || !fn || level < 0 || level >= INITCALL_NR_LEVELS)
		return -EINVAL;
	struct shim_initcall *n = realloc(k->initcalls, (k->ninitcalls + 1) * sizeof(*n));
	if (!n)
		return -ENOMEM;
	k->initcalls = n;
	n[k->ninitcalls++] = (struct shim_initcall){ level, name ? name : "?", fn };
	return 0;
}

int smcsim_kernel_boot(struct smcsim_kernel *k)
{
	if (!k)
		return -EINVAL;
	struct smcsim_kernel *prev = smcsim_kernel_enter(k);
	jmp_buf jb;
	volatile int ret = 0;
	k->panic_jmp = &jb;
	if (setjmp(jb) == 0) {
		for (int level = 0; level < INITCALL_NR_LEVELS; level++) {
			if (level == INITCALL_LATE) {
				/* deferred_probe_initcall: from here a bind retries the deferred
				 * list, and everything deferred so far is retried now. */
				k->deferred_enabled = true;
				driver_deferred_probe_trigger();
			}
			for (size_t i = 0; i < k->ninitcalls; i++) {
				if (k->initcalls[i].level != level)
					continue;
				int r = k->initcalls[i].fn();
				if (r && r != -ENODEV) {
					char msg[160];
					snprintf(msg, sizeof(msg), "initcall %s returned %d",
						 k->initcalls[i].name, r);
					shim_log_append(k, "debug", msg);
				}
			}
		}
	} else {
		ret = -EFAULT;
	}
	k->panic_jmp = NULL;
	smcsim_kernel_enter(prev);
	return ret;
}

void smcsim_kernel_remove_firmware(struct smcsim_kernel *k, smcsim_fw_fn fn, void *opaque)
{
	for (int i = 0; k && i < k->nhooks; i++) {
		if (k->hooks[i].fn == fn && k->hooks[i].opaque == opaque) {
			memmove(&k->hooks[i], &k->hooks[i + 1],
				(k->nhooks - i - 1) * sizeof(k->hooks[0]));
			k->nhooks--;
			return;
		}
	}
}
