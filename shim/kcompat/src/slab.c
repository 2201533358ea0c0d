// SPDX-License-Identifier: MIT
/*
 * Kernel memory for kboot.
 *
 * kmalloc() is the host's malloc, so AddressSanitizer and valgrind see each object with
 * its exact size: an overflow in kernel code is reported where it happens, as KASAN
 * would. Each live object is also recorded (outside the object, so its redzones stay
 * intact) for ksize()/krealloc(), for virt_to_phys() of a kmalloc'd buffer, and so the
 * host can report what the kernel leaked.
 *
 * Pages (alloc_pages_exact, __get_free_pages) come from the simulated machine's memory,
 * where firmware reads and writes them directly.
 */
#include <linux/kernel.h>
#include "kc-internal.h"
#include <linux/slab.h>
#include <linux/mm.h>
#include <kc/host.h>

struct kc_alloc {
	const void *p;
	size_t size;
	struct kc_alloc *next;
};

#define KC_ALLOC_BUCKETS 1024
static struct kc_alloc *buckets[KC_ALLOC_BUCKETS];
static size_t live_objects;

/*
 * Without AddressSanitizer, each object gets a redzone of KC_REDZONE bytes of a known
 * pattern after it, checked when it is freed and after boot and shutdown: a kernel write
 * past the end of a kmalloc'd object is then reported deterministically in any build (the
 * way KASAN reports it in a kernel), not left to corrupt the host's heap silently. With
 * ASan, objects are exact and ASan reports the write itself.
 */
#if defined(__SANITIZE_ADDRESS__)
#define KC_REDZONE 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KC_REDZONE 0
#endif
#endif
#ifndef KC_REDZONE
#define KC_REDZONE 64
#endif
#define KC_REDZONE_BYTE 0xcc

static unsigned int overflows;

static void redzone_fill(const struct kc_alloc *a)
{
	memset((char *)a->p + a->size, KC_REDZONE_BYTE, KC_REDZONE);
}

static bool redzone_check(const struct kc_alloc *a)
{
	const unsigned char *z = (const unsigned char *)a->p + a->size;
	size_t bad = 0, last = 0;
	for (size_t i = 0; i < KC_REDZONE; i++)
		if (z[i] != KC_REDZONE_BYTE) {
			bad++;
			last = i;
		}
	if (!bad)
		return true;
	overflows++;
	printk(KERN_ERR "BUG: kboot: slab-out-of-bounds: write past the end of a %zu-byte kmalloc "
			"object (%zu of the %d redzone bytes after it changed, the last at +%zu)\n",
	       a->size, bad, KC_REDZONE, last);
	kc_warn(__FILE__, __LINE__, "kernel heap overflow past a %zu-byte object", a->size);
	redzone_fill(a); /* report each overflow once */
	return false;
}

/* Check every live object's redzone; returns the number of overflows seen so far. */
unsigned int kc_slab_check(void)
{
	for (unsigned int i = 0; i < KC_ALLOC_BUCKETS; i++)
		for (struct kc_alloc *a = buckets[i]; a; a = a->next)
			redzone_check(a);
	return overflows;
}

static unsigned int bucket(const void *p)
{
	unsigned long v = (unsigned long)p;
	return (unsigned int)((v >> 4) ^ (v >> 14)) % KC_ALLOC_BUCKETS;
}

static void track(const void *p, size_t size)
{
	struct kc_alloc *a = kc_host_malloc(sizeof(*a));
	if (!a)
		panic("kboot: out of host memory tracking an allocation");
	a->p = p;
	a->size = size;
	redzone_fill(a);
	a->next = buckets[bucket(p)];
	buckets[bucket(p)] = a;
	live_objects++;
}

static struct kc_alloc **find(const void *p)
{
	struct kc_alloc **pp = &buckets[bucket(p)];
	while (*pp && (*pp)->p != p)
		pp = &(*pp)->next;
	return pp;
}

/* The live object containing @p, or NULL. Linear: only virt_to_phys() of a non-page
 * address asks, a handful of times per boot. */
const void *kc_slab_object(const void *p, size_t *size)
{
	for (unsigned int i = 0; i < KC_ALLOC_BUCKETS; i++)
		for (struct kc_alloc *a = buckets[i]; a; a = a->next)
			if ((const char *)p >= (const char *)a->p &&
			    (const char *)p < (const char *)a->p + (a->size ? a->size : 1)) {
				*size = a->size;
				return a->p;
			}
	return NULL;
}

size_t kc_slab_live(void)
{
	return live_objects;
}

/* Free every object still live (kc_kernel_shutdown: the next isolated boot starts with an
 * empty heap). Returns how many there were. */
size_t kc_slab_release_all(void)
{
	size_t n = live_objects;
	kc_slab_check();
	for (unsigned int i = 0; i < KC_ALLOC_BUCKETS; i++) {
		struct kc_alloc *a = buckets[i];
		while (a) {
			struct kc_alloc *next = a->next;
			kc_host_free((void *)a->p);
			kc_host_free(a);
			a = next;
		}
		buckets[i] = NULL;
	}
	live_objects = 0;
	return n;
}

/* The largest kmalloc on arm64 with 4 KiB pages: an order-10 page block
 * (KMALLOC_MAX_SIZE = 1 << (MAX_PAGE_ORDER + PAGE_SHIFT)). Beyond it the page allocator
 * warns once and fails (mm/page_alloc.c __alloc_pages()), so a firmware-supplied count
 * can make Linux fail an allocation but never allocate gigabytes. */
#define KC_KMALLOC_MAX_SIZE (1UL << (10 + PAGE_SHIFT))

void *kmalloc(size_t size, gfp_t gfp)
{
	if (size > KC_KMALLOC_MAX_SIZE) {
		if (!(gfp & __GFP_NOWARN))
			WARN_ONCE(1, "page allocation failure: kmalloc(%zu) above KMALLOC_MAX_SIZE",
				  size);
		return NULL;
	}
	/* kmalloc(0) returns ZERO_SIZE_PTR in the kernel; a 1-byte-less malloc(0) object keeps
	 * any access to it an error under the sanitizers. */
	void *p = kc_host_malloc((size ? size : 1) + KC_REDZONE);
	if (!p)
		return NULL;
	if (gfp & __GFP_ZERO)
		memset(p, 0, size);
	track(p, size);
	return p;
}

void *kzalloc(size_t size, gfp_t gfp)
{
	return kmalloc(size, gfp | __GFP_ZERO);
}

void *kmalloc_array(size_t n, size_t size, gfp_t gfp)
{
	size_t total;
	if (__builtin_mul_overflow(n, size, &total))
		return NULL;
	return kmalloc(total, gfp);
}

void *kcalloc(size_t n, size_t size, gfp_t gfp)
{
	return kmalloc_array(n, size, gfp | __GFP_ZERO);
}

void kfree(const void *p)
{
	if (!p)
		return;
	struct kc_alloc **pp = find(p);
	if (!*pp) {
		WARN(1, "kfree(%px): not a kmalloc'd object", p);
		return;
	}
	struct kc_alloc *a = *pp;
	redzone_check(a);
	*pp = a->next;
	kc_host_free(a);
	live_objects--;
	kc_host_free((void *)p);
}

void kfree_sensitive(const void *p)
{
	kfree(p);
}

size_t ksize(const void *p)
{
	struct kc_alloc **pp = find(p);
	return *pp ? (*pp)->size : 0;
}

void *krealloc(const void *p, size_t size, gfp_t gfp)
{
	if (!p)
		return kmalloc(size, gfp);
	if (!size) {
		kfree(p);
		return NULL;
	}
	size_t old = ksize(p);
	void *n = kmalloc(size, gfp);
	if (!n)
		return NULL;
	memcpy(n, p, old < size ? old : size);
	if ((gfp & __GFP_ZERO) && size > old)
		memset((char *)n + old, 0, size - old);
	kfree(p);
	return n;
}

void *krealloc_array(void *p, size_t n, size_t size, gfp_t gfp)
{
	size_t total;
	if (__builtin_mul_overflow(n, size, &total))
		return NULL;
	return krealloc(p, total, gfp);
}

struct kmem_cache {
	const char *name;
	unsigned int size;
	void (*ctor)(void *);
};

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     unsigned long flags, void (*ctor)(void *))
{
	(void)align;
	(void)flags;
	struct kmem_cache *c = kzalloc(sizeof(*c), GFP_KERNEL);
	if (c) {
		c->name = name;
		c->size = size;
		c->ctor = ctor;
	}
	return c;
}

void kmem_cache_destroy(struct kmem_cache *c)
{
	kfree(c);
}

void *kmem_cache_alloc(struct kmem_cache *c, gfp_t gfp)
{
	void *p = kmalloc(c->size, gfp);
	if (p && c->ctor)
		c->ctor(p);
	return p;
}

void *kmem_cache_zalloc(struct kmem_cache *c, gfp_t gfp)
{
	return kmem_cache_alloc(c, gfp | __GFP_ZERO);
}

void kmem_cache_free(struct kmem_cache *c, void *p)
{
	(void)c;
	kfree(p);
}

/* ---- pages ---------------------------------------------------------------------------- */

void *alloc_pages_exact(size_t size, gfp_t gfp)
{
	(void)gfp;
	return kc_host_alloc_pages(size);
}

void free_pages_exact(void *virt, size_t size)
{
	if (virt)
		kc_host_free_pages(virt, size);
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	return (unsigned long)alloc_pages_exact(PAGE_SIZE << order, gfp);
}

unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp, 0);
}

void free_pages(unsigned long addr, unsigned int order)
{
	free_pages_exact((void *)addr, PAGE_SIZE << order);
}

/* struct page is the page's kernel address: page_address() is the identity, which is all
 * firmware drivers need of it. */
struct page *virt_to_page(const void *addr)
{
	return (struct page *)((unsigned long)addr & PAGE_MASK);
}

void *page_address(const struct page *page)
{
	return (void *)page;
}

struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	return (struct page *)__get_free_pages(gfp, order);
}

void __free_pages(struct page *page, unsigned int order)
{
	free_pages((unsigned long)page, order);
}

phys_addr_t page_to_phys(const struct page *page)
{
	return virt_to_phys(page);
}

unsigned long page_to_pfn(const struct page *page)
{
	return (unsigned long)(virt_to_phys(page) >> PAGE_SHIFT);
}

/* ---- addresses ------------------------------------------------------------------------ */

phys_addr_t virt_to_phys(const volatile void *addr)
{
	unsigned long pa = kc_host_virt_to_phys(addr);
	if (pa != ~0UL)
		return pa;
	/* Not simulated memory: a kmalloc'd object or kernel static data. Mirror it into
	 * simulated memory (whole object when we know it, else to the end of its page) so
	 * firmware reads and writes reach it. */
	size_t size = 0;
	const void *obj = kc_slab_object((const void *)addr, &size);
	const char *start = obj ? (const char *)addr : (const char *)addr;
	size_t len = obj ? size - (size_t)((const char *)addr - (const char *)obj)
			 : PAGE_SIZE - ((unsigned long)addr & ~PAGE_MASK);
	pa = kc_host_mirror(start, len ? len : 1);
	if (pa == ~0UL) {
		WARN(1, "virt_to_phys(%px): cannot be mirrored into simulated memory",
		     (const void *)addr);
		return ~0ULL;
	}
	return pa;
}

void *phys_to_virt(phys_addr_t pa)
{
	return kc_host_phys_to_virt(pa);
}

void *memremap(resource_size_t offset, size_t size, unsigned long flags)
{
	(void)size;
	(void)flags;
	return kc_host_phys_to_virt(offset);
}

void memunmap(void *addr)
{
	(void)addr;
}

void __iomem *ioremap(phys_addr_t pa, size_t size)
{
	(void)size;
	return kc_host_phys_to_virt(pa);
}

void iounmap(volatile void __iomem *addr)
{
	(void)addr;
}
