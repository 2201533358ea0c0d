/* SPDX-License-Identifier: MIT */
/* Between the kcompat runtime's own files (kernel world). */
#ifndef KC_INTERNAL_H
#define KC_INTERNAL_H
#include <kc/base.h>
#include <kc/host.h>
struct device;
struct kc_dt_node;
void kc_printk_flush(void);
unsigned int kc_warnings(void);
const void *kc_slab_object(const void *p, size_t *size);
size_t kc_slab_live(void);
size_t kc_slab_release_all(void);
unsigned int kc_slab_check(void);
void kc_of_build(const struct kc_dt_node *dt, unsigned int n);
void kc_deferred_probe_run(void);
void kc_driver_core_shutdown(void);
void kc_power_hooks_reset(void);
struct device *kc_next_device(struct device *prev);
unsigned int kc_double_binds(void);
int kc_hwrng_read(void *buf, size_t len);
const char *kc_hwrng_current(void);
bool kc_has_restart_handler(void);
bool kc_has_suspend_ops(void);
void kc_set_boot_mpidr(u64 mpidr);
void kc_arm64_reset(void);
void kc_tsm_reset(void);

#endif
