/* SPDX-License-Identifier: MIT */
/*
 * Minting plain C function pointers bound to one shim kernel. Driver code holds a
 * `void (*)(ffa_value_t, ffa_value_t *)` and knows nothing of instances; a libffi closure
 * carries the kernel as its user data, so any number of kernels get distinct pointers.
 *
 * Fallback: where closures cannot be allocated (no libffi, W^X policies, or forced by the
 * kernel's options), a fixed pool of SMCSIM_SHIM_POOL_SLOTS compiled trampolines, each
 * reading its kernel from a slot table. That table is the shim's only process-wide
 * state; slots are claimed and released under a mutex, and running out is -ENOMEM.
 */
#include <pthread.h>
#include <stdlib.h>

#include "shim_priv.h"

#ifdef SMCSIM_SHIM_HAVE_FFI
#include <ffi.h>
#endif

static void minted_call(struct shim_minted *m, const ffa_value_t *args, ffa_value_t *res)
{
	struct smcsim_kernel *prev = smcsim_kernel_enter(m->k);
	struct smcsim_regs r;
	memcpy(&r, args, sizeof(r));
	shim_issue(m->k, m->conduit == SMCSIM_CONDUIT_HVC ? SMCCC_CONDUIT_HVC : SMCCC_CONDUIT_SMC,
		   &r);
	memcpy(res, &r, sizeof(r));
	smcsim_kernel_enter(prev);
}

/* ---- the trampoline pool --------------------------------------------------------------- */

static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static struct shim_minted *pool_slots[SMCSIM_SHIM_POOL_SLOTS];

#define TRAMP(n)                                                                                   \
	static void tramp_##n(ffa_value_t args, ffa_value_t *res)                                  \
	{                                                                                          \
		pthread_mutex_lock(&pool_lock);                                                    \
		struct shim_minted *m = pool_slots[n];                                             \
		pthread_mutex_unlock(&pool_lock);                                                  \
		minted_call(m, &args, res);                                                        \
	}
/* clang-format off */
TRAMP(0)
TRAMP(1)
TRAMP(2)
TRAMP(3)
TRAMP(4)
TRAMP(5)
TRAMP(6)
TRAMP(7)
TRAMP(8)
TRAMP(9)
TRAMP(10)
TRAMP(11)
TRAMP(12)
TRAMP(13)
TRAMP(14)
TRAMP(15)
/* clang-format on */

static ffa_fn *const tramps[SMCSIM_SHIM_POOL_SLOTS] = {
	tramp_0, tramp_1, tramp_2,  tramp_3,  tramp_4,	tramp_5,  tramp_6,  tramp_7,
	tramp_8, tramp_9, tramp_10, tramp_11, tramp_12, tramp_13, tramp_14, tramp_15,
};

static int pool_claim(struct shim_minted *m)
{
	pthread_mutex_lock(&pool_lock);
	for (int i = 0; i < SMCSIM_SHIM_POOL_SLOTS; i++) {
		if (!pool_slots[i]) {
			pool_slots[i] = m;
			pthread_mutex_unlock(&pool_lock);
			return i;
		}
	}
	pthread_mutex_unlock(&pool_lock);
	return -ENOMEM;
}

/* ---- libffi closures ------------------------------------------------------------------- */

#ifdef SMCSIM_SHIM_HAVE_FFI
/* ffa_value_t as libffi sees it: 18 unsigned longs, passed by value (in memory on both
 * x86-64 and AArch64, as it is larger than 16 bytes). */
static ffi_type *ffa_value_elems[SMCSIM_NREGS + 1];
static ffi_type ffa_value_type;
static ffi_type *ffa_fn_args[2];
static ffi_cif ffa_fn_cif;
static int cif_status = -1;
static pthread_once_t cif_once = PTHREAD_ONCE_INIT;

static void cif_init(void)
{
	for (int i = 0; i < SMCSIM_NREGS; i++)
		ffa_value_elems[i] = &ffi_type_ulong;
	ffa_value_elems[SMCSIM_NREGS] = NULL;
	ffa_value_type.size = 0;
	ffa_value_type.alignment = 0;
	ffa_value_type.type = FFI_TYPE_STRUCT;
	ffa_value_type.elements = ffa_value_elems;
	ffa_fn_args[0] = &ffa_value_type;
	ffa_fn_args[1] = &ffi_type_pointer;
	cif_status =
		ffi_prep_cif(&ffa_fn_cif, FFI_DEFAULT_ABI, 2, &ffi_type_void, ffa_fn_args) == FFI_OK
			? 0
			: -EINVAL;
}

static void closure_entry(ffi_cif *cif, void *ret, void **args, void *user)
{
	const ffa_value_t *a = args[0];
	ffa_value_t *res = *(ffa_value_t **)args[1];
	minted_call(user, a, res);
}

static void *closure_mint(struct shim_minted *m)
{
	pthread_once(&cif_once, cif_init);
	if (cif_status)
		return NULL;
	void *code = NULL;
	ffi_closure *c = ffi_closure_alloc(sizeof(ffi_closure), &code);
	if (!c)
		return NULL;
	if (ffi_prep_closure_loc(c, &ffa_fn_cif, closure_entry, m, code) != FFI_OK) {
		ffi_closure_free(c);
		return NULL;
	}
	m->closure = c;
	return code;
}
#endif

bool smcsim_shim_has_closures(void)
{
#ifdef SMCSIM_SHIM_HAVE_FFI
	return true;
#else
	return false;
#endif
}

void *smcsim_kernel_mint_ffa_fn(struct smcsim_kernel *k, enum smcsim_conduit conduit, int *kind,
				int *err)
{
	if (err)
		*err = 0;
	if (!k || (conduit != SMCSIM_CONDUIT_SMC && conduit != SMCSIM_CONDUIT_HVC)) {
		if (err)
			*err = -EINVAL;
		return NULL;
	}
	struct shim_minted *m = calloc(1, sizeof(*m));
	if (!m) {
		if (err)
			*err = -ENOMEM;
		return NULL;
	}
	m->k = k;
	m->conduit = conduit;
	m->pool_slot = -1;
	void *fn = NULL;
#ifdef SMCSIM_SHIM_HAVE_FFI
	if (!k->opts.no_closures)
		fn = closure_mint(m);
	if (fn && kind)
		*kind = SMCSIM_MINT_CLOSURE;
#endif
	if (!fn) {
		int slot = pool_claim(m);
		if (slot < 0) {
			free(m);
			if (err)
				*err = -ENOMEM;
			return NULL;
		}
		m->pool_slot = slot;
		fn = (void *)tramps[slot];
		if (kind)
			*kind = SMCSIM_MINT_POOL;
	}
	m->next = k->minted;
	k->minted = m;
	return fn;
}

void shim_minted_free(struct smcsim_kernel *k)
{
	while (k->minted) {
		struct shim_minted *m = k->minted;
		k->minted = m->next;
#ifdef SMCSIM_SHIM_HAVE_FFI
		if (m->closure)
			ffi_closure_free(m->closure);
#endif
		if (m->pool_slot >= 0) {
			pthread_mutex_lock(&pool_lock);
			pool_slots[m->pool_slot] = NULL;
			pthread_mutex_unlock(&pool_lock);
		}
		free(m);
	}
}

/* DEN0077 / Linux arm_ffa smccc.c rule: the transport needs SMCCC 1.2 and a conduit. */
int ffa_transport_init(ffa_fn **invoke_ffa_fn)
{
	struct smcsim_kernel *k = shim_cur("ffa_transport_init");
	enum arm_smccc_conduit c = arm_smccc_1_1_get_conduit();
	if (arm_smccc_get_version() < ARM_SMCCC_VERSION_1_2 || c == SMCCC_CONDUIT_NONE)
		return -EOPNOTSUPP;
	int err;
	void *fn = smcsim_kernel_mint_ffa_fn(
		k, c == SMCCC_CONDUIT_HVC ? SMCSIM_CONDUIT_HVC : SMCSIM_CONDUIT_SMC, NULL, &err);
	if (!fn)
		return err;
	*invoke_ffa_fn = (ffa_fn *)fn;
	return 0;
}
