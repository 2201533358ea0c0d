/* SPDX-License-Identifier: MIT */
/* kmalloc and friends over the host's malloc, so ASan/valgrind see every overflow and
 * leak; every live allocation is also tracked so kc_kernel_shutdown() frees what the
 * kernel leaked and virt_to_phys() can mirror an object into simulated memory. */
#ifndef KC_LINUX_SLAB_H
#define KC_LINUX_SLAB_H
#include <kc/base.h>
#include <linux/gfp.h>
#include <linux/overflow.h>
#include <linux/cleanup.h>

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
#define kfree_rcu(p, f)	      kfree(p)

/* The typed allocators of newer kernels: kzalloc_obj(*p) or kzalloc_obj(struct foo), an
 * optional gfp_t last (GFP_KERNEL when left out); the result has the object's type. */
#define __kc_gfp_or_default(...) __kc_gfp_pick(0, ##__VA_ARGS__, GFP_KERNEL)
#define __kc_gfp_pick(z, g, ...) g
#define kmalloc_obj(P, ...)	 ((typeof(P) *)kmalloc(sizeof(P), __kc_gfp_or_default(__VA_ARGS__)))
#define kzalloc_obj(P, ...)	 ((typeof(P) *)kzalloc(sizeof(P), __kc_gfp_or_default(__VA_ARGS__)))
#define kmalloc_objs(P, n, ...)                                                                    \
	((typeof(P) *)kmalloc_array(n, sizeof(P), __kc_gfp_or_default(__VA_ARGS__)))
#define kzalloc_objs(P, n, ...)                                                                    \
	((typeof(P) *)kcalloc(n, sizeof(P), __kc_gfp_or_default(__VA_ARGS__)))
#define kmalloc_flex(P, fam, n, ...)                                                               \
	((typeof(P) *)kmalloc(size_add(sizeof(P), size_mul(sizeof(((typeof(P) *)0)->fam[0]), n)),  \
			      __kc_gfp_or_default(__VA_ARGS__)))
#define kzalloc_flex(P, fam, n, ...)                                                               \
	((typeof(P) *)kzalloc(size_add(sizeof(P), size_mul(sizeof(((typeof(P) *)0)->fam[0]), n)),  \
			      __kc_gfp_or_default(__VA_ARGS__)))

DEFINE_FREE(kfree, void *, if (_T) kfree(_T))
DEFINE_FREE(kvfree, void *, if (_T) kfree(_T))

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
