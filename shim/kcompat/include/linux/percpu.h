/* SPDX-License-Identifier: MIT */
/*
 * Per-CPU variables with one CPU (linux/cpumask.h: nr_cpu_ids is 1): a per-CPU pointer
 * is the address of CPU 0's copy, so per_cpu_ptr(p, 0) and this_cpu_ptr(p) are p.
 * Asking for another CPU's copy is a caller bug the kernel would turn into a wild
 * pointer; here it WARNs and yields CPU 0's. Dynamic per-CPU memory is zeroed, as the
 * kernel's (kcompat/src/percpu.c).
 */
#ifndef KC_LINUX_PERCPU_H
#define KC_LINUX_PERCPU_H
#include <kc/base.h>
#include <linux/gfp.h>
#include <linux/cpumask.h>
#include <linux/smp.h>
#include <linux/spinlock.h>

/* NULL for a zero size or an alignment that is not a power of two up to PAGE_SIZE. */
void __percpu *__alloc_percpu(size_t size, size_t align);
void __percpu *__alloc_percpu_gfp(size_t size, size_t align, gfp_t gfp);
void free_percpu(void __percpu *pdata);

#define alloc_percpu_gfp(type, gfp)                                                                \
	((__typeof__(type) __percpu *)__alloc_percpu_gfp(sizeof(type), __alignof__(type), gfp))
#define alloc_percpu(type)                                                                         \
	((__typeof__(type) __percpu *)__alloc_percpu(sizeof(type), __alignof__(type)))

static inline void *__kc_per_cpu_ptr(const void *ptr, unsigned int cpu)
{
	WARN_ONCE(cpu >= nr_cpu_ids, "per_cpu_ptr: CPU %u of %u", cpu, nr_cpu_ids);
	return (void *)ptr;
}
#define per_cpu_ptr(ptr, cpu) ((__typeof__(ptr))__kc_per_cpu_ptr((ptr), (cpu)))
#define raw_cpu_ptr(ptr)      per_cpu_ptr(ptr, 0)
#define this_cpu_ptr(ptr)     raw_cpu_ptr(ptr)
#define get_cpu_ptr(ptr)                                                                           \
	({                                                                                         \
		preempt_disable();                                                                 \
		this_cpu_ptr(ptr);                                                                 \
	})
#define put_cpu_ptr(ptr)                                                                           \
	do {                                                                                       \
		(void)(ptr);                                                                       \
		preempt_enable();                                                                  \
	} while (0)

/* Static per-CPU variables: the variable is CPU 0's copy. */
#define DECLARE_PER_CPU(type, name)		extern __typeof__(type) name
#define DEFINE_PER_CPU(type, name)		__typeof__(type) name
#define DECLARE_PER_CPU_READ_MOSTLY(type, name) DECLARE_PER_CPU(type, name)
#define DEFINE_PER_CPU_READ_MOSTLY(type, name)	DEFINE_PER_CPU(type, name)
#define DEFINE_PER_CPU_ALIGNED(type, name)	DEFINE_PER_CPU(type, name)
#define DECLARE_PER_CPU_ALIGNED(type, name)	DECLARE_PER_CPU(type, name)
#define per_cpu(var, cpu)			(*per_cpu_ptr(&(var), (cpu)))
#define get_cpu_var(var)                                                                           \
	(*({                                                                                       \
		preempt_disable();                                                                 \
		this_cpu_ptr(&(var));                                                              \
	}))
#define put_cpu_var(var)                                                                           \
	do {                                                                                       \
		(void)&(var);                                                                      \
		preempt_enable();                                                                  \
	} while (0)

#define this_cpu_read(pcp)	      (*this_cpu_ptr(&(pcp)))
#define this_cpu_write(pcp, val)      ((void)(*this_cpu_ptr(&(pcp)) = (val)))
#define this_cpu_add(pcp, val)	      ((void)(*this_cpu_ptr(&(pcp)) += (val)))
#define this_cpu_sub(pcp, val)	      ((void)(*this_cpu_ptr(&(pcp)) -= (val)))
#define this_cpu_inc(pcp)	      this_cpu_add(pcp, 1)
#define this_cpu_dec(pcp)	      this_cpu_sub(pcp, 1)
#define this_cpu_add_return(pcp, val) (*this_cpu_ptr(&(pcp)) += (val))
#define this_cpu_inc_return(pcp)      this_cpu_add_return(pcp, 1)
#define this_cpu_xchg(pcp, nval)                                                                   \
	({                                                                                         \
		__typeof__(pcp) __kc_old = this_cpu_read(pcp);                                     \
		this_cpu_write(pcp, nval);                                                         \
		__kc_old;                                                                          \
	})
#define __this_cpu_read(pcp)	   this_cpu_read(pcp)
#define __this_cpu_write(pcp, val) this_cpu_write(pcp, val)
#define __this_cpu_add(pcp, val)   this_cpu_add(pcp, val)
#define __this_cpu_sub(pcp, val)   this_cpu_sub(pcp, val)
#define __this_cpu_inc(pcp)	   this_cpu_inc(pcp)
#define __this_cpu_dec(pcp)	   this_cpu_dec(pcp)
#define raw_cpu_read(pcp)	   this_cpu_read(pcp)
#define raw_cpu_write(pcp, val)	   this_cpu_write(pcp, val)
#endif
