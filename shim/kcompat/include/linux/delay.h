/* SPDX-License-Identifier: MIT */
/* Time does not pass in a boot: delays return at once (a firmware "busy, retry" loop
 * therefore runs its iterations back to back, which is what fuzzing wants). */
#ifndef KC_LINUX_DELAY_H
#define KC_LINUX_DELAY_H
#include <kc/base.h>
#define udelay(n)	   ((void)(n))
#define ndelay(n)	   ((void)(n))
#define mdelay(n)	   ((void)(n))
#define msleep(n)	   ((void)(n))
#define usleep_range(a, b) ((void)(a), (void)(b))
#define fsleep(n)	   ((void)(n))
static inline unsigned long msleep_interruptible(unsigned int ms)
{
	(void)ms;
	return 0;
}
#endif
