/* SPDX-License-Identifier: MIT */
/* kmalloc and friends over the host's malloc, so ASan/valgrind see every overflow and
 * leak; every live allocation is also tracked so kc_kernel_shutdown() frees what the
 * kernel leaked and virt_to_phys() can mirror an object into simulated memory. */
#ifndef KC_LINUX_SLAB_H
#define KC_LINUX_SLAB_H
#include <kc/base.h>
#include <linux/gfp.h>
#include <linux/overflow.h>

void *kmalloc(size_t size, gfp_t gfp);
void *kzalloc(size_t size, gfp_t gfp);
void *kcalloc(size_t n, size_t size, gfp_t gfp);
void *kmalloc_array(size_t n, size_t size, gfp_t gfp);
void *krealloc(const void *p, size_t size, gfp_t gfp);
void *krealloc_array(void *p, size_t n, size_t size, gfp_t gfp);
void kfree(const void *p);
void kfree_sensitive(const void *p);
size_t ksize(const void *p);
#define kvmalloc	      kmalloc
#define kvzalloc	      kzalloc
#define kvcalloc	      kcalloc
#define kvmalloc_array	      kmalloc_array
#define kvfree		      kfree
#define vmalloc(s)	      kmalloc(s, GFP_KERNEL)
#define vzalloc(s)	      kzalloc(s, GFP_KERNEL)
#define vfree		      kfree
#define kmalloc_node(s, g, n) kmalloc(s, g)
#define kzalloc_node(s, g, n) kzalloc(s, g)
#define kzalloc_obj(p, g)     kzalloc(sizeof(p), g)
#define kfree_rcu(p, f)	      kfree(p)

struct kmem_cache;
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     unsigned long flags, void (*ctor)(void *));
void kmem_cache_destroy(struct kmem_cache *c);
void *kmem_cache_alloc(struct kmem_cache *c, gfp_t gfp);
void *kmem_cache_zalloc(struct kmem_cache *c, gfp_t gfp);
void kmem_cache_free(struct kmem_cache *c, void *p);
#define SLAB_HWCACHE_ALIGN 0x2000UL
#define SLAB_PANIC	   0x40000UL
#define KMEM_CACHE(s, f)   kmem_cache_create(#s, sizeof(struct s), __alignof__(struct s), f, NULL)
#endif
