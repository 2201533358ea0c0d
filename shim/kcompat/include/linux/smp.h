/* SPDX-License-Identifier: MIT */
/* One CPU (the kboot caller's CPU) runs the kernel: CPU 0, MPIDR from the host. */
#ifndef KC_LINUX_SMP_H
#define KC_LINUX_SMP_H
#include <kc/base.h>
#include <linux/cpumask.h>
#include <linux/preempt.h>
#define smp_processor_id()     0
#define raw_smp_processor_id() 0
#define get_cpu()	       0
#define put_cpu()                                                                                  \
	do {                                                                                       \
	} while (0)
typedef void (*smp_call_func_t)(void *info);
int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait);
void on_each_cpu(smp_call_func_t func, void *info, int wait);
#endif
