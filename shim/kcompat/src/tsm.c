// SPDX-License-Identifier: MIT
/*
 * The TSM report registration (linux/tsm.h): one provider at a time, as Linux's
 * drivers/virt/coco/guest/report.c allows; no configfs. kc_kernel_tsm_report() is the
 * host's way to do what reading /sys/kernel/config/tsm/report/$name/outblob after writing
 * inblob does: one report_new() call with the challenge, the blob handed back and freed.
 */
#include <linux/kernel.h>
#include "kc-internal.h"
#include <linux/slab.h>
#include <linux/tsm.h>
#include <linux/workqueue.h>
#include <kc/host.h>

static const struct tsm_report_ops *provider;
static void *provider_data;

int tsm_report_register(const struct tsm_report_ops *ops, void *priv)
{
	if (provider)
		return -EBUSY;
	provider = ops;
	provider_data = priv;
	return 0;
}

int tsm_report_unregister(const struct tsm_report_ops *ops)
{
	if (ops != provider)
		return -EBUSY;
	provider = NULL;
	provider_data = NULL;
	return 0;
}

int kc_kernel_tsm_report(const unsigned char *inblob, unsigned long len, unsigned char *out,
			 unsigned long cap, unsigned long *outlen, const char **name)
{
	*outlen = 0;
	*name = provider ? provider->name : NULL;
	if (!provider)
		return -ENODEV;
	if (len > TSM_REPORT_INBLOB_MAX)
		return -EINVAL;
	struct tsm_report *r = kzalloc(sizeof(*r), GFP_KERNEL);
	if (!r)
		return -ENOMEM;
	memcpy(r->desc.inblob, inblob, len);
	r->desc.inblob_len = len;
	r->desc.privlevel = provider->privlevel_floor;
	int ret = provider->report_new(r, provider_data);
	kc_workqueue_run_pending();
	if (!ret && r->outblob_len > TSM_REPORT_OUTBLOB_MAX)
		ret = -EFBIG;
	if (!ret) {
		*outlen = r->outblob_len;
		memcpy(out, r->outblob, r->outblob_len < cap ? r->outblob_len : cap);
	}
	kfree(r->outblob);
	kfree(r->auxblob);
	kfree(r->manifestblob);
	kfree(r);
	kc_printk_flush();
	return ret;
}

void kc_tsm_reset(void)
{
	provider = NULL;
	provider_data = NULL;
}
