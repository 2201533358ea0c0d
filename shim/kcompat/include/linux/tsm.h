/* SPDX-License-Identifier: MIT */
/*
 * The Trusted Security Module report interface a confidential guest's attestation driver
 * registers with (arm-cca-guest, sev-guest, tdx-guest). In Linux the framework is
 * drivers/virt/coco/guest/report.c on configfs (/sys/kernel/config/tsm/report); the layer
 * keeps only the registration (one provider at a time) and lets the kboot host ask the
 * provider for a report the way a configfs read of outblob does (kc_tsm_report()).
 */
#ifndef KC_LINUX_TSM_H
#define KC_LINUX_TSM_H
#include <kc/base.h>
#include <linux/uuid.h>
#include <linux/device.h>
#include <linux/slab.h>
#include <linux/sizes.h>

#define TSM_REPORT_INBLOB_MAX	 64
#define TSM_REPORT_OUTBLOB_MAX	 SZ_32K
#define TSM_REPORT_PRIVLEVEL_MAX 3

struct tsm_report_desc {
	unsigned int privlevel;
	size_t inblob_len;
	u8 inblob[TSM_REPORT_INBLOB_MAX];
	char *service_provider;
	guid_t service_guid;
	unsigned int service_manifest_version;
};

struct tsm_report {
	struct tsm_report_desc desc;
	size_t outblob_len;
	u8 *outblob;
	size_t auxblob_len;
	u8 *auxblob;
	size_t manifestblob_len;
	u8 *manifestblob;
};

struct tsm_report_ops {
	const char *name;
	unsigned int privlevel_floor;
	int (*report_new)(struct tsm_report *report, void *data);
	bool (*report_attr_visible)(int n);
	bool (*report_bin_attr_visible)(int n);
};

/* -EBUSY when another provider is registered. */
int tsm_report_register(const struct tsm_report_ops *ops, void *priv);
/* -EBUSY when @ops is not the registered provider. */
int tsm_report_unregister(const struct tsm_report_ops *ops);
#endif
