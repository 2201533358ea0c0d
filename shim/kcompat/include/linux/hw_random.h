/* SPDX-License-Identifier: MIT */
/* The hw_random core as far as registration goes: registering calls ->init and then reads
 * early randomness as drivers/char/hw_random/core.c does (32 bytes, wait = 0), so the
 * firmware sees the calls a booting kernel makes. */
#ifndef KC_LINUX_HW_RANDOM_H
#define KC_LINUX_HW_RANDOM_H
#include <kc/base.h>
#include <linux/list.h>
#include <linux/kref.h>
struct device;
struct hwrng {
	const char *name;
	int (*init)(struct hwrng *rng);
	void (*cleanup)(struct hwrng *rng);
	int (*data_present)(struct hwrng *rng, int wait);
	int (*data_read)(struct hwrng *rng, u32 *data);
	int (*read)(struct hwrng *rng, void *data, size_t max, bool wait);
	unsigned long priv;
	unsigned short quality;
	struct list_head list;
	struct kref ref;
	bool kc_registered;
};
int hwrng_register(struct hwrng *rng);
void hwrng_unregister(struct hwrng *rng);
int devm_hwrng_register(struct device *dev, struct hwrng *rng);
void devm_hwrng_unregister(struct device *dev, struct hwrng *rng);
long hwrng_msleep(struct hwrng *rng, unsigned int msecs);
#endif
