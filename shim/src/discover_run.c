/* SPDX-License-Identifier: MIT */
/* `smcsim discover`: the reference discovery on one machine, and its report. */
#include <stdio.h>
#include <string.h>

#include "discover.h"
#include "shim_priv.h"

/* Which kernel an initcall belongs to: the flags it needs, the flags that drop it. */
enum {
	D_MAINLINE = SMCSIM_DISCOVER_MAINLINE,
	D_NO_FFA = SMCSIM_DISCOVER_NO_FFA,
	D_FFA_LEGACY = SMCSIM_DISCOVER_FFA_LEGACY,
	D_NO_RSI = 1u << 16, /* SMCSIM_LINUX_NO_RSI */
};

int smcsim_discover_register(struct smcsim_kernel *k, unsigned int flags)
{
	/* Kernel order: level by level, and within a level the link order
	 * (arch/arm64/kernel, arch/arm64/kvm, drivers/char, drivers/firmware/arm_ffa,
	 * drivers/firmware/smccc). */
	static const struct {
		int level;
		const char *name;
		int (*fn)(void);
		unsigned int need, skip_if;
	} calls[] = {
		{ INITCALL_SETUP_ARCH, "psci_dt_init", lx_psci_dt_init, 0, 0 },
		{ INITCALL_SETUP_ARCH, "arm64_rsi_init", lx_rsi_init, 0, D_NO_RSI },
		{ INITCALL_EARLY, "spectre", lx_spectre_init, 0, 0 },
		{ INITCALL_ARCH, "arm64_create_dummy_rsi_dev", lx_mainline_rsi_dev, D_MAINLINE,
		  D_NO_RSI },
		{ INITCALL_SUBSYS, "arm_smccc_bus_init", lx_smccc_bus_init, 0, D_MAINLINE },
		{ INITCALL_SUBSYS, "arm_ffa_bus_init", lx_ffa_bus_init, 0, D_NO_FFA },
		{ INITCALL_SUBSYS, "arm64_init_rmi", lx_rmi_init_2_0, 0, 0 },
		/* Linux 6.12 drivers/firmware/arm_ffa/driver.c: rootfs_initcall(ffa_init) */
		{ INITCALL_ROOTFS, "ffa_init", lx_ffa_init_legacy, D_FFA_LEGACY, D_NO_FFA },
		{ INITCALL_DEVICE, "kvm_arm_init", lx_rmi_init_1_0, 0, 0 },
		{ INITCALL_DEVICE, "smccc_trng_driver_init", lx_smccc_drivers_init, 0, D_MAINLINE },
		{ INITCALL_DEVICE, "smccc_trng_driver_init", lx_mainline_trng_driver, D_MAINLINE,
		  0 },
		{ INITCALL_DEVICE, "smccc_devices_init", lx_smccc_devices_init, 0, D_MAINLINE },
		{ INITCALL_DEVICE, "smccc_devices_init", lx_mainline_trng_dev, D_MAINLINE, 0 },
		{ INITCALL_DEVICE, "smccc_soc_init", lx_soc_id_init, 0, 0 },
		{ INITCALL_DEVICE, "ffa_init", lx_ffa_init, 0, D_NO_FFA | D_FFA_LEGACY },
		{ INITCALL_DEVICE_SYNC, "finalize_pkvm", lx_finalize_pkvm, 0, 0 },
	};
	/* The kernel's own flavour (smcsim_kernel_opts.linux_era) implies its flags. */
	unsigned int era = k->opts.linux_era;
	if (era & SMCSIM_LINUX_FFA_ROOTFS)
		flags |= D_FFA_LEGACY;
	if (era & SMCSIM_LINUX_PLATFORM_DEVICES)
		flags |= D_MAINLINE;
	if (era & SMCSIM_LINUX_NO_RSI)
		flags |= D_NO_RSI;
	for (size_t i = 0; i < sizeof(calls) / sizeof(calls[0]); i++) {
		if ((calls[i].skip_if & flags) || (calls[i].need & flags) != calls[i].need)
			continue;
		int r = smcsim_kernel_add_initcall(k, calls[i].level, calls[i].name, calls[i].fn);
		if (r)
			return r;
	}
	return 0;
}

static const char *conduit_name(enum arm_smccc_conduit c)
{
	return c == SMCCC_CONDUIT_SMC ? "smc" : c == SMCCC_CONDUIT_HVC ? "hvc" : "none";
}

static const char *mitigation(int m)
{
	return m == LX_MITIGATED ? "mitigated" : m == LX_UNAFFECTED ? "unaffected" : "vulnerable";
}

static void version(FILE *out, u32 v)
{
	fprintf(out, "v%u.%u", v >> 16, v & 0xffff);
}

int smcsim_discover_print(const struct smcsim_kernel *k, FILE *out)
{
	const struct linux_state *s = &k->lx;
	fprintf(out, "profile: %s\n", smcsim_profile_of(k->sim));
	fprintf(out, "caller: %s, cpu %u\n", smcsim_caller_name(k->sim, k->caller), k->opts.cpu);
	if (!s->psci_present) {
		fprintf(out, "psci: none\n");
	} else {
		fprintf(out, "psci: ");
		version(out, s->psci_version);
		fprintf(out, " (%s)", conduit_name(s->psci_conduit));
		if (s->psci_0_2_ops)
			fprintf(out,
				", migrate_info_type %d, cpu_suspend features 0x%x, system_suspend "
				"%s, system_reset2 %s",
				s->psci_migrate_type, s->psci_cpu_suspend_feature,
				s->psci_system_suspend ? "yes" : "no",
				s->psci_system_reset2 ? "yes" : "no");
		fprintf(out, "\n");
	}
	fprintf(out, "smccc: ");
	version(out, s->smccc_version);
	fprintf(out, " (%s)\n",
		conduit_name(s->smccc_version >= ARM_SMCCC_VERSION_1_1 ? s->smccc_conduit
								       : SMCCC_CONDUIT_NONE));
	fprintf(out, "trng: %s\n", s->trng_available ? "available" : "no");
	if (s->soc_id_version == -1)
		fprintf(out, "soc_id: no\n");
	else
		fprintf(out, "soc_id: version 0x%08x revision 0x%08x name \"%s\"%s\n",
			(u32)s->soc_id_version, (u32)s->soc_id_revision, s->soc_id_name,
			s->soc_device ? ", soc0" : "");
	if (s->kvm_detected)
		fprintf(out, "kvm: features 0x%08x 0x%08x 0x%08x 0x%08x%s", s->kvm_features[3],
			s->kvm_features[2], s->kvm_features[1], s->kvm_features[0],
			s->pkvm_guest ? ", pkvm guest" : "");
	if (s->kvm_detected && s->kvm_target_impl_cpus)
		fprintf(out, ", %u target implementation CPUs", s->kvm_target_impl_cpus);
	if (s->kvm_detected)
		fprintf(out, "\n");
	else
		fprintf(out, "kvm: no\n");
	fprintf(out, "spectre: v2 %s, v4 %s, bhb %s\n", mitigation(s->spectre_v2),
		mitigation(s->spectre_v4), mitigation(s->spectre_bhb));
	if (s->realm)
		fprintf(out, "realm: yes, rsi v%u.%u, ipa_bits %u\n",
			(s->rsi_version >> 16) & 0x7fff, s->rsi_version & 0xffff, s->ipa_bits);
	else
		fprintf(out, "realm: no\n");
	if (k->opts.rmi_abi == 0)
		fprintf(out, "rmi: not probed\n");
	else if (s->rmi_available)
		fprintf(out, "rmi: v%u.%u, feat_reg0 0x%016llx%s\n",
			(s->rmi_version >> 16) & 0x7fff, s->rmi_version & 0xffff,
			(unsigned long long)s->rmm_feat_reg0, s->rmi_da_dev ? ", arm-rmi-dev" : "");
	else
		fprintf(out, "rmi: no\n");
	if (s->ffa_probed)
		fprintf(out, "ffa: v%u.%u, vm_id 0x%04x, rxtx %zu bytes, partitions %d%s\n",
			FFA_MAJOR_VERSION(s->ffa_version), FFA_MINOR_VERSION(s->ffa_version),
			s->ffa_vm_id, s->ffa_rxtx_bufsz, s->ffa_partitions,
			s->ffa_mem_ops_native ? ", mem ops 64-bit" : "");
	else
		fprintf(out, "ffa: no\n");
	fprintf(out, "devices:\n");
	for (const struct device *d = k->devices; d; d = d->next) {
		char alias[96];
		fprintf(out, "  %s/%s", d->bus->name, d->name);
		if (device_modalias(d, alias, sizeof(alias)) > 0)
			fprintf(out, " modalias %s", alias);
		if (d->driver)
			fprintf(out, " bound %s", d->driver->name);
		else if (d->deferred)
			fprintf(out, " deferred");
		fprintf(out, "\n");
	}
	fprintf(out, "calls: %lu\n", k->ncalls);
	fprintf(out, "log:\n");
	const char *p = k->log;
	while (*p) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		fprintf(out, "  %.*s\n", (int)n, p);
		p += n + (e ? 1 : 0);
	}
	return ferror(out) ? -EIO : 0;
}

unsigned int smcsim_discover_findings(const struct smcsim_kernel *k)
{
	unsigned int n = 0;
	for (const char *p = k->log; (p = strstr(p, "smcsim: linux-")); p++)
		n++;
	return n;
}

int smcsim_discover_run(struct smcsim *sim, const struct smcsim_discover_opts *o, FILE *out)
{
	static const struct smcsim_discover_opts none;
	if (!o)
		o = &none;
	struct smcsim_kernel *k;
	int ret = smcsim_kernel_create(sim, &o->kernel, &k);
	if (ret)
		return ret;
	/* Recorded at the kernel, so the fixture also carries what the firmware wrote into
	 * the kernel's pages (FF-A RX buffers, the Realm config page): it replays on the
	 * models (smcsim_trace_replay) and serves as firmware alike. */
	struct smcsim_kernel_rec *rec = NULL;
	if (o->record && (ret = smcsim_kernel_record_start(k, &rec))) {
		smcsim_kernel_destroy(k);
		return ret;
	}
	ret = smcsim_discover_register(k, o->flags);
	if (!ret) {
		smcsim_kernel_boot(k);
		ret = smcsim_discover_print(k, out);
	}
	smcsim_kernel_shutdown(k); /* teardown calls (FFA_RXTX_UNMAP) are recorded too */
	if (rec) {
		char desc[160];
		snprintf(desc, sizeof(desc), "smcsim discover on %s", smcsim_profile_of(sim));
		int r = smcsim_kernel_record_write(rec, o->record, desc);
		if (!ret)
			ret = r;
		smcsim_kernel_record_destroy(rec);
	}
	smcsim_kernel_destroy(k);
	return ret;
}
