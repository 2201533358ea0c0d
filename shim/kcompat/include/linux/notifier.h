/* SPDX-License-Identifier: MIT */
#ifndef KC_LINUX_NOTIFIER_H
#define KC_LINUX_NOTIFIER_H
#include <kc/base.h>
struct notifier_block;
typedef int (*notifier_fn_t)(struct notifier_block *nb, unsigned long action, void *data);
struct notifier_block {
	notifier_fn_t notifier_call;
	struct notifier_block *next;
	int priority;
};
struct blocking_notifier_head {
	struct notifier_block *head;
};
struct atomic_notifier_head {
	struct notifier_block *head;
};
#define BLOCKING_NOTIFIER_HEAD(n) struct blocking_notifier_head n = { NULL }
#define ATOMIC_NOTIFIER_HEAD(n)	  struct atomic_notifier_head n = { NULL }
#define NOTIFY_DONE		  0x0000
#define NOTIFY_OK		  0x0001
#define NOTIFY_STOP_MASK	  0x8000
#define NOTIFY_BAD		  (NOTIFY_STOP_MASK | 0x0002)
#define NOTIFY_STOP		  (NOTIFY_OK | NOTIFY_STOP_MASK)
int kc_notifier_register(struct notifier_block **head, struct notifier_block *nb);
int kc_notifier_unregister(struct notifier_block **head, struct notifier_block *nb);
int kc_notifier_call(struct notifier_block **head, unsigned long action, void *data);
#define blocking_notifier_chain_register(h, nb)	  kc_notifier_register(&(h)->head, nb)
#define blocking_notifier_chain_unregister(h, nb) kc_notifier_unregister(&(h)->head, nb)
#define blocking_notifier_call_chain(h, a, d)	  kc_notifier_call(&(h)->head, a, d)
#define atomic_notifier_chain_register(h, nb)	  kc_notifier_register(&(h)->head, nb)
#define atomic_notifier_chain_unregister(h, nb)	  kc_notifier_unregister(&(h)->head, nb)
#define atomic_notifier_call_chain(h, a, d)	  kc_notifier_call(&(h)->head, a, d)
#endif
