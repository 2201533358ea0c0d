// SPDX-License-Identifier: MIT
/*
 * Kernel-world tests of the runtime the FF-A driver needs (kcompat/src/{xarray,ida,irq,
 * workqueue,percpu,cpuhp}.c and the header-only hashtable, scatterlist, log2 helpers):
 * one function per API, one check per rule, each rule the kernel behaviour
 * drivers/firmware/arm_ffa/{driver,bus}.c depends on or the header documents.
 *
 * Built like a kernel file (-nostdinc against kcompat/include); the host side
 * (ffa_support_host.c) supplies kmalloc/printk/WARN and runs kc_ffa_support_selftest().
 */
#include <linux/kernel.h>
#include <linux/xarray.h>
#include <linux/idr.h>
#include <linux/hashtable.h>
#include <linux/workqueue.h>
#include <linux/completion.h>
#include <linux/percpu.h>
#include <linux/cpuhotplug.h>
#include <linux/interrupt.h>
#include <linux/of_irq.h>
#include <linux/scatterlist.h>
#include <linux/arm_ffa.h>
#include <linux/printk.h>

int kc_ffa_support_selftest(void);
/* Host side: WARNs seen so far. */
extern int kc_test_warnings;

static int failures;

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			failures++;                                                                \
			pr_err("FAIL %s:%d: %s\n", __func__, __LINE__, #cond);                     \
		}                                                                                  \
	} while (0)

/* Exactly @n WARNs happen in @stmt. */
#define CHECK_WARNS(n, stmt)                                                                       \
	do {                                                                                       \
		int __before = kc_test_warnings;                                                   \
		stmt;                                                                              \
		CHECK(kc_test_warnings - __before == (n));                                         \
	} while (0)

static int v[8];

static void test_xarray_basic(void)
{
	struct xarray xa;
	unsigned long idx, seen[4];
	void *e;
	int n = 0;

	xa_init(&xa);
	CHECK(xa_empty(&xa));
	CHECK(xa_store(&xa, 100, &v[2], GFP_KERNEL) == NULL);
	CHECK(xa_store(&xa, 5, &v[1], GFP_KERNEL) == NULL);
	CHECK(xa_store(&xa, 1, &v[0], GFP_KERNEL) == NULL);
	CHECK(!xa_empty(&xa));
	CHECK(xa_load(&xa, 5) == &v[1]);
	CHECK(xa_load(&xa, 6) == NULL);
	/* Replacing returns the old entry. */
	CHECK(xa_store(&xa, 5, &v[3], GFP_KERNEL) == &v[1]);
	/* xa_insert refuses an occupied index (ffa_xa_add_partition_info()). */
	CHECK(xa_insert(&xa, 5, &v[4], GFP_KERNEL) == -EBUSY);
	CHECK(xa_insert(&xa, 7, &v[4], GFP_KERNEL) == 0);
	/* Iteration is in index order. */
	xa_for_each(&xa, idx, e)
	{
		if (n < 4)
			seen[n] = idx;
		n++;
	}
	CHECK(n == 4 && seen[0] == 1 && seen[1] == 5 && seen[2] == 7 && seen[3] == 100);
	/* Erasing the current entry while iterating (ffa_partitions_cleanup()). */
	n = 0;
	xa_for_each(&xa, idx, e)
	{
		CHECK(xa_erase(&xa, idx) == e);
		n++;
	}
	CHECK(n == 4);
	CHECK(xa_empty(&xa));
	/* Storing NULL erases. */
	xa_store(&xa, 3, &v[0], GFP_KERNEL);
	CHECK(xa_store(&xa, 3, NULL, GFP_KERNEL) == &v[0]);
	CHECK(xa_empty(&xa));
	/* Value entries round-trip; internal entries are refused with a WARN. */
	xa_store(&xa, 9, xa_mk_value(42), GFP_KERNEL);
	CHECK(xa_is_value(xa_load(&xa, 9)) && xa_to_value(xa_load(&xa, 9)) == 42);
	CHECK_WARNS(1, e = xa_store(&xa, 10, xa_mk_internal(3), GFP_KERNEL));
	CHECK(xa_is_err(e) && xa_err(e) == -EINVAL);
	CHECK(!xa_is_err(&v[0]) && xa_err(&v[0]) == 0);
	CHECK(xa_err(XA_ERROR(-ENOMEM)) == -ENOMEM);
	/* Many entries: growth keeps order. */
	for (idx = 0; idx < 200; idx++)
		xa_store(&xa, 1000 - idx, xa_mk_value(idx), GFP_KERNEL);
	CHECK(xa_to_value(xa_load(&xa, 801)) == 199);
	idx = 0;
	CHECK(xa_find(&xa, &idx, ULONG_MAX, XA_PRESENT) && idx == 9);
	CHECK(xa_find_after(&xa, &idx, ULONG_MAX, XA_PRESENT) && idx == 801);
	xa_destroy(&xa);
	CHECK(xa_empty(&xa) && xa_load(&xa, 801) == NULL);
}

static void test_xarray_alloc(void)
{
	DEFINE_XARRAY_ALLOC1(xa);
	struct xarray plain;
	unsigned long idx;
	u32 id, next = 0;
	void *e;
	int n = 0;

	/* ALLOC1 never hands out 0; the lowest free index comes first. */
	CHECK(xa_alloc(&xa, &id, &v[0], xa_limit_32b, GFP_KERNEL) == 0 && id == 1);
	CHECK(xa_alloc(&xa, &id, &v[1], xa_limit_32b, GFP_KERNEL) == 0 && id == 2);
	CHECK(xa_alloc(&xa, &id, &v[2], xa_limit_32b, GFP_KERNEL) == 0 && id == 3);
	xa_erase(&xa, 2);
	CHECK(xa_alloc(&xa, &id, &v[3], xa_limit_32b, GFP_KERNEL) == 0 && id == 2);
	/* A NULL entry reserves: loads as NULL, skipped by iteration, busy for insert. */
	CHECK(xa_alloc(&xa, &id, NULL, xa_limit_32b, GFP_KERNEL) == 0 && id == 4);
	CHECK(xa_load(&xa, 4) == NULL);
	CHECK(xa_insert(&xa, 4, &v[4], GFP_KERNEL) == -EBUSY);
	xa_for_each(&xa, idx, e) n++;
	CHECK(n == 3);
	xa_release(&xa, 4);
	CHECK(xa_insert(&xa, 4, &v[4], GFP_KERNEL) == 0);
	/* Storing NULL in an allocating array keeps the index allocated. */
	CHECK(xa_store(&xa, 4, NULL, GFP_KERNEL) == &v[4]);
	CHECK(xa_alloc(&xa, &id, &v[5], xa_limit_32b, GFP_KERNEL) == 0 && id == 5);
	/* A full range is -EBUSY. */
	CHECK(xa_alloc(&xa, &id, &v[0], XA_LIMIT(10, 11), GFP_KERNEL) == 0 && id == 10);
	CHECK(xa_alloc(&xa, &id, &v[0], XA_LIMIT(10, 11), GFP_KERNEL) == 0 && id == 11);
	CHECK(xa_alloc(&xa, &id, &v[0], XA_LIMIT(10, 11), GFP_KERNEL) == -EBUSY);
	xa_destroy(&xa);

	/* Cyclic: from *next up, then wrapping to the bottom (returns 1). */
	xa_init_flags(&xa, XA_FLAGS_ALLOC);
	CHECK(xa_alloc_cyclic(&xa, &id, &v[0], XA_LIMIT(0, 3), &next, GFP_KERNEL) == 0 && id == 0);
	CHECK(xa_alloc_cyclic(&xa, &id, &v[0], XA_LIMIT(0, 3), &next, GFP_KERNEL) == 0 && id == 1);
	xa_erase(&xa, 0);
	CHECK(xa_alloc_cyclic(&xa, &id, &v[0], XA_LIMIT(0, 3), &next, GFP_KERNEL) == 0 && id == 2);
	CHECK(xa_alloc_cyclic(&xa, &id, &v[0], XA_LIMIT(0, 3), &next, GFP_KERNEL) == 0 && id == 3);
	CHECK(xa_alloc_cyclic(&xa, &id, &v[0], XA_LIMIT(0, 3), &next, GFP_KERNEL) == 1 && id == 0);
	CHECK(xa_alloc_cyclic(&xa, &id, &v[0], XA_LIMIT(0, 3), &next, GFP_KERNEL) == -EBUSY);
	xa_destroy(&xa);

	/* Only allocating arrays allocate. */
	xa_init(&plain);
	CHECK_WARNS(1, CHECK(xa_alloc(&plain, &id, &v[0], xa_limit_32b, GFP_KERNEL) == -EINVAL));
}

static void test_xarray_marks(void)
{
	DEFINE_XARRAY(xa);
	unsigned long idx;
	void *e;
	int n = 0;

	xa_store(&xa, 1, &v[0], GFP_KERNEL);
	xa_store(&xa, 2, &v[1], GFP_KERNEL);
	xa_store(&xa, 3, &v[2], GFP_KERNEL);
	CHECK(!xa_marked(&xa, XA_MARK_1));
	xa_set_mark(&xa, 2, XA_MARK_1);
	xa_set_mark(&xa, 5, XA_MARK_1); /* absent: no effect */
	CHECK(xa_marked(&xa, XA_MARK_1));
	CHECK(xa_get_mark(&xa, 2, XA_MARK_1) && !xa_get_mark(&xa, 1, XA_MARK_1));
	CHECK(!xa_get_mark(&xa, 5, XA_MARK_1));
	xa_for_each_marked(&xa, idx, e, XA_MARK_1)
	{
		CHECK(idx == 2 && e == &v[1]);
		n++;
	}
	CHECK(n == 1);
	/* Erasing the marked entry clears the array-wide mark. */
	xa_erase(&xa, 2);
	CHECK(!xa_marked(&xa, XA_MARK_1));
	xa_destroy(&xa);
}

static void test_ida(void)
{
	DEFINE_IDA(ida);

	/* ffa_device_register(): ida_alloc_min(.., 1, ..) numbers devices from 1. */
	CHECK(ida_alloc_min(&ida, 1, GFP_KERNEL) == 1);
	CHECK(ida_alloc_min(&ida, 1, GFP_KERNEL) == 2);
	CHECK(ida_alloc_min(&ida, 1, GFP_KERNEL) == 3);
	ida_free(&ida, 2);
	CHECK(ida_alloc_min(&ida, 1, GFP_KERNEL) == 2);
	CHECK(ida_alloc(&ida, GFP_KERNEL) == 0);
	CHECK(ida_alloc_range(&ida, 7, 7, GFP_KERNEL) == 7);
	CHECK(ida_alloc_range(&ida, 7, 7, GFP_KERNEL) == -ENOSPC);
	CHECK(ida_alloc_max(&ida, 1, GFP_KERNEL) == -ENOSPC);
	CHECK(ida_alloc_range(&ida, 0x80000000U, ~0U, GFP_KERNEL) == -ENOSPC);
	ida_free(&ida, 7);
	CHECK_WARNS(1, ida_free(&ida, 7));
	CHECK(!ida_is_empty(&ida));
	ida_destroy(&ida);
	CHECK(ida_is_empty(&ida));
	CHECK(ida_alloc_min(&ida, 1, GFP_KERNEL) == 1);
	ida_destroy(&ida);
}

struct hnode {
	int key;
	struct hlist_node hnode;
};

static void test_hashtable(void)
{
	DECLARE_HASHTABLE(ht, ilog2(64));
	struct hnode a = { .key = 1 }, b = { .key = 65 }, c = { .key = 1 }, *obj;
	struct hlist_node *tmp;
	int bkt, n = 0;

	CHECK(HASH_SIZE(ht) == 64 && HASH_BITS(ht) == 6);
	hash_init(ht);
	CHECK(hash_empty(ht));
	hash_add(ht, &a.hnode, a.key);
	hash_add(ht, &b.hnode, b.key);
	hash_add(ht, &c.hnode, c.key);
	/* Every object of the key's bucket; callers compare keys (notifier_hash_node_get()). */
	hash_for_each_possible(ht, obj, hnode, 1) if (obj->key == 1) n++;
	CHECK(n == 2);
	n = 0;
	hash_for_each(ht, bkt, obj, hnode) n++;
	CHECK(n == 3);
	/* break leaves obj at the object found. */
	hash_for_each(ht, bkt, obj, hnode) if (obj->key == 65) break;
	CHECK(obj == &b);
	hash_del(&a.hnode);
	CHECK(!hash_hashed(&a.hnode));
	hash_for_each_safe(ht, bkt, tmp, obj, hnode) hash_del(&obj->hnode);
	CHECK(hash_empty(ht));
	/* The kernel's bucket choice for small keys. */
	CHECK(hash_min(1, 6) == hash_32(1, 6) && hash_32(1, 6) == (0x61C88647u >> 26));
}

static int work_runs[4];
static struct work_struct works[4];
static int requeue_left;
static struct workqueue_struct *requeue_wq;
static struct completion done;
static int order[8], norder;

static void work_fn(struct work_struct *w)
{
	int i = w - works;

	work_runs[i]++;
	if (norder < 8)
		order[norder++] = i;
	if (i == 1 && requeue_left-- > 0)
		queue_work(requeue_wq, w);
	if (i == 2)
		complete(&done);
}

static void test_workqueue(void)
{
	struct workqueue_struct *wq;
	int i;

	for (i = 0; i < 4; i++)
		INIT_WORK(&works[i], work_fn);
	/* queue_work() only queues; pending work is queued once. */
	CHECK(queue_work(system_wq, &works[0]));
	CHECK(!queue_work(system_wq, &works[0]));
	CHECK(work_pending(&works[0]) && work_runs[0] == 0);
	kc_workqueue_run_pending();
	CHECK(work_runs[0] == 1 && !work_pending(&works[0]));
	/* A function may requeue its own item; runners go on until idle. */
	requeue_left = 2;
	requeue_wq = system_wq;
	schedule_work(&works[1]);
	kc_workqueue_run_pending();
	CHECK(work_runs[1] == 3);
	/* FIFO across queues; flush_work() runs just that item. */
	wq = create_workqueue("kc_test");
	CHECK(wq != NULL);
	norder = 0;
	queue_work(wq, &works[3]);
	queue_work(system_wq, &works[0]);
	queue_work_on(smp_processor_id(), wq, &works[1]);
	CHECK(flush_work(&works[1]) && work_runs[1] == 4);
	CHECK(!flush_work(&works[1]));
	CHECK(work_runs[3] == 0 && work_runs[0] == 1);
	/* cancel dequeues without running. */
	CHECK(cancel_work_sync(&works[0]) && !work_pending(&works[0]));
	CHECK(!cancel_work_sync(&works[0]));
	/* destroy_workqueue() drains the queue first, including work its own items chain. */
	requeue_left = 1;
	requeue_wq = wq;
	queue_work(wq, &works[1]);
	destroy_workqueue(wq);
	CHECK(work_runs[3] == 1 && work_runs[1] == 6);
	CHECK(norder == 4 && order[0] == 1 && order[1] == 3 && order[2] == 1 && order[3] == 1);
	kc_workqueue_run_pending();
	CHECK(list_empty(&works[0].entry) && work_runs[0] == 1);
}

static void test_completion(void)
{
	init_completion(&done);
	CHECK(!completion_done(&done));
	/* Nothing will complete it: a timed wait times out at once. */
	CHECK(wait_for_completion_timeout(&done, 10) == 0);
	/* Pending work that completes it runs before the wait decides. */
	schedule_work(&works[2]);
	CHECK(wait_for_completion_timeout(&done, 10) == 10);
	CHECK(!try_wait_for_completion(&done));
	complete(&done);
	complete(&done);
	CHECK(try_wait_for_completion(&done) && try_wait_for_completion(&done));
	CHECK(!try_wait_for_completion(&done));
	complete_all(&done);
	wait_for_completion(&done);
	wait_for_completion(&done);
	CHECK(completion_done(&done));
	/* An untimed wait nobody completes would hang the kernel: WARN, return. */
	reinit_completion(&done);
	CHECK_WARNS(1, wait_for_completion(&done));
}

struct pcpu_obj {
	int a;
	long b;
} __aligned(64);

static void test_percpu(void)
{
	struct pcpu_obj __percpu *p = alloc_percpu(struct pcpu_obj);
	int cpu, n = 0;

	CHECK(p != NULL && IS_ALIGNED((unsigned long)p, 64));
	for_each_present_cpu(cpu)
	{
		CHECK(per_cpu_ptr(p, cpu)->a == 0 && per_cpu_ptr(p, cpu)->b == 0);
		per_cpu_ptr(p, cpu)->a = 7;
		n++;
	}
	CHECK(n == 1 && this_cpu_ptr(p)->a == 7);
	CHECK_WARNS(1, (void)per_cpu_ptr(p, 1));
	free_percpu(p);
	free_percpu(NULL);
	CHECK_WARNS(1, CHECK(__alloc_percpu(0, 8) == NULL));
}

static int hp_up, hp_down, hp_fail;

static int hp_startup(unsigned int cpu)
{
	CHECK(cpu == 0);
	hp_up++;
	return hp_fail;
}

static int hp_teardown(unsigned int cpu)
{
	CHECK(cpu == 0);
	hp_down++;
	return 0;
}

static void test_cpuhp(void)
{
	int s1, s2, s3;

	/* A dynamic state is returned; its startup ran on the one CPU (ffa_init_pcpu_irq()). */
	s1 = cpuhp_setup_state(CPUHP_AP_ONLINE_DYN, "kc/test:1", hp_startup, hp_teardown);
	CHECK(s1 >= CPUHP_AP_ONLINE_DYN && s1 <= CPUHP_AP_ONLINE_DYN_END && hp_up == 1);
	s2 = cpuhp_setup_state_nocalls(CPUHP_AP_ONLINE_DYN, "kc/test:2", hp_startup, hp_teardown);
	CHECK(s2 == s1 + 1 && hp_up == 1);
	cpuhp_remove_state(s1);
	CHECK(hp_down == 1);
	cpuhp_remove_state_nocalls(s2);
	CHECK(hp_down == 1);
	/* A failing startup is returned and leaves the state free. */
	hp_fail = -EIO;
	CHECK(cpuhp_setup_state(CPUHP_AP_ONLINE_DYN, "kc/test:3", hp_startup, NULL) == -EIO);
	hp_fail = 0;
	s3 = cpuhp_setup_state(CPUHP_AP_ONLINE_DYN, "kc/test:3", hp_startup, NULL);
	CHECK(s3 == s1);
	cpuhp_remove_state(s3);
	CHECK(cpuhp_setup_state(CPUHP_AP_ONLINE_DYN, NULL, hp_startup, NULL) == -EINVAL);
	CHECK(cpuhp_setup_state(CPUHP_ONLINE, "kc/test:4", hp_startup, NULL) == -EINVAL);
}

static irqreturn_t irq_handler(int irq, void *dev_id)
{
	(void)irq;
	(void)dev_id;
	return IRQ_HANDLED;
}

static void test_irq(void)
{
	struct of_phandle_args oirq = { .np = NULL, .args_count = 1, .args = { 8 } };
	int __percpu *pcpu = alloc_percpu(int);

	/* No domain: the mapping is 0 (ffa_irq_map() then fails with -ENODATA). */
	CHECK(irq_create_of_mapping(&oirq) == 0);
	CHECK(irq_of_parse_and_map(NULL, 0) == 0);
	CHECK(of_irq_get(NULL, 0) == -EINVAL);
	/* No descriptors: requests fail as in kernel/irq/manage.c. */
	CHECK(request_percpu_irq(1, irq_handler, "kc-test", pcpu) == -EINVAL);
	CHECK(request_irq(1, irq_handler, 0, "kc-test", NULL) == -EINVAL);
	CHECK(request_irq(IRQ_NOTCONNECTED, irq_handler, 0, "kc-test", NULL) == -ENOTCONN);
	CHECK(free_irq(1, NULL) == NULL);
	enable_percpu_irq(1, IRQ_TYPE_NONE);
	disable_percpu_irq(1);
	free_percpu_irq(1, pcpu);
	irq_dispose_mapping(0);
	free_percpu(pcpu);
}

static void test_scatterlist(void)
{
	/* Fake page pointers: only their bits are used here. */
	struct page *pg = (struct page *)0x1000;
	struct scatterlist a[3], b[2], *sg;
	int i, n = 0;

	sg_init_table(a, 3);
	sg_init_table(b, 2);
	sg_set_page(&a[0], pg, 4096, 0);
	sg_set_page(&a[1], pg, 8192, 16);
	sg_chain(a, 3, b);
	sg_set_page(&b[0], pg, 4096, 0);
	sg_set_page(&b[1], pg, 4096, 0);
	/* ffa_setup_and_transmit() counts with sg_nents() and walks with sg_next(). */
	CHECK(sg_nents(a) == 4);
	for (sg = a; sg; sg = sg_next(sg))
		n += sg->length / FFA_PAGE_SIZE;
	CHECK(n == 5);
	CHECK(sg_page(&a[1]) == pg && a[1].offset == 16 && sg_is_last(&b[1]));
	CHECK(sg_nents_for_len(a, 4097) == 2 && sg_nents_for_len(a, 1UL << 20) == -EINVAL);
	n = 0;
	for_each_sg(a, sg, 4, i) n++;
	CHECK(n == 4 && sg == NULL);
}

static void test_helpers(void)
{
	const struct device_driver *cdrv = NULL;
	struct device_driver *drv = NULL;
	volatile int zero = 0; /* not a compile-time constant */

	CHECK(ilog2(64) == 6 && ilog2(1) == 0 && ilog2(zero) == -1);
	CHECK(roundup_pow_of_two(5) == 8 && is_power_of_2(64) && !is_power_of_2(0));
	CHECK(min_not_zero(0, 5) == 5 && min_not_zero(4, 5) == 4 && min_not_zero(4, 0) == 4);
	CHECK(le64_to_cpu(cpu_to_le64(0x1122334455667788ULL)) == 0x1122334455667788ULL);
	CHECK(be32_to_cpu(0x11223344) == 0x44332211);
	/* to_ffa_driver() keeps constness (struct bus_type.match gets a const driver). */
	CHECK(__builtin_types_compatible_p(__typeof__(to_ffa_driver(cdrv)),
					   const struct ffa_driver *));
	CHECK(__builtin_types_compatible_p(__typeof__(to_ffa_driver(drv)), struct ffa_driver *));
	CHECK(FFA_VERSION == 0x84000063 && FFA_FN64_RXTX_MAP == 0xC4000066);
	CHECK(FFA_MAJOR_VERSION(FFA_VERSION_1_2) == 1 && FFA_MINOR_VERSION(FFA_VERSION_1_2) == 2);
	CHECK(ffa_emad_size_get(FFA_VERSION_1_1) == 16 && ffa_emad_size_get(FFA_VERSION_1_2) == 32);
}

int kc_ffa_support_selftest(void)
{
	test_xarray_basic();
	test_xarray_alloc();
	test_xarray_marks();
	test_ida();
	test_hashtable();
	test_workqueue();
	test_completion();
	test_percpu();
	test_cpuhp();
	test_irq();
	test_scatterlist();
	test_helpers();
	return failures;
}
