/* SPDX-License-Identifier: MIT */
#ifndef KC_LINUX_CPUMASK_H
#define KC_LINUX_CPUMASK_H
#include <kc/base.h>
#define nr_cpu_ids		   1U
#define num_possible_cpus()	   1U
#define num_online_cpus()	   1U
#define for_each_possible_cpu(cpu) for ((cpu) = 0; (cpu) < 1; (cpu)++)
#define for_each_online_cpu(cpu)   for ((cpu) = 0; (cpu) < 1; (cpu)++)
#define for_each_present_cpu(cpu)  for ((cpu) = 0; (cpu) < 1; (cpu)++)
#define cpu_online(cpu)		   ((cpu) == 0)
#define cpu_possible(cpu)	   ((cpu) == 0)
#endif
