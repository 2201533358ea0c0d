/* SPDX-License-Identifier: MIT */
/*
 * smcsim-kboot: build a kernel tree's firmware-discovery files against smcsim's
 * kernel-compat layer (shim/kcompat) and boot them on a simulated machine.
 *
 *  1. Find the files of the set below that the tree has, and the tree's version.
 *  2. Compile each with -nostdinc against shim/kcompat/include, with its KBUILD_MODNAME and
 *     -DKC_LINUX_VERSION_CODE from the tree's Makefile (the headers follow the kernel API
 *     of that release where it changed; see shim/kcompat/include/linux/kconfig.h).
 *  3. Link them with the kcompat runtime into one relocatable object and make every symbol
 *     local but the kc_kernel_* entry points, so the tree's definitions (psci_ops,
 *     arm_smccc_version_init...) never meet the same names in libsmcsim-shim's models.
 *  4. Refuse to go on if that object needs a symbol the compat layer does not provide.
 *  5. Link it with the kboot host (kboot-host.c) into a program, cached per tree and file
 *     contents, and run it: one process per boot, so every boot starts from the kernel's
 *     initial data.
 *
 * Exit status: as the boot program's; 2 for bad usage or a tree that does not build.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kboot-config.h"

/* The file set, in the kernel's link order (arch/ before drivers/; drivers/Makefile: char/,
 * firmware/, then virt/; drivers/firmware/Makefile: arm_ffa/, psci/, smccc/), which is also
 * initcall order within a level. Module names follow the Makefiles (ffa-core.o is bus.o;
 * ffa-module.o is driver.o + smccc.o; a built-in object's is its own name). Optional files
 * are built when the tree has them: rsi.c and arm-cca-guest.c are 6.13+. */
static const struct kfile {
	const char *path;
	const char *modname;
	bool required;
} kfiles[] = {
	{ "arch/arm64/kernel/rsi.c", "rsi", false },
	{ "drivers/char/hw_random/arm_smccc_trng.c", "arm_smccc_trng", false },
	{ "drivers/firmware/arm_ffa/bus.c", "ffa_core", false },
	{ "drivers/firmware/arm_ffa/driver.c", "ffa_module", false },
	{ "drivers/firmware/arm_ffa/smccc.c", "ffa_module", false },
	{ "drivers/firmware/psci/psci.c", "psci", true },
	{ "drivers/firmware/smccc/smccc.c", "smccc", true },
	{ "drivers/firmware/smccc/kvm_guest.c", "kvm_guest", false },
	{ "drivers/firmware/smccc/soc_id.c", "soc_id", false },
	{ "drivers/virt/coco/arm-cca-guest/arm-cca-guest.c", "arm_cca_guest", false },
};
#define NFILES (sizeof(kfiles) / sizeof(kfiles[0]))

static const char *const exports[] = {
	"kc_kernel_boot",	   "kc_kernel_shutdown",      "kc_kernel_report",
	"kc_kernel_smccc_version", "kc_kernel_smccc_conduit", "kc_kernel_reset",
	"kc_kernel_sections",	   "kc_kernel_tsm_report",    "kc_kernel_realm",
};

/* What the kernel world may leave undefined: the C library's string functions (same
 * semantics as the kernel's), the host bridge, and compiler/sanitizer runtimes. */
static bool allowed_undefined(const char *s)
{
	static const char *const libc[] = { "memcpy",		"memmove", "memset",  "memcmp",
					    "memchr",		"strlen",  "strnlen", "strcmp",
					    "strncmp",		"strchr",  "strrchr", "strstr",
					    "__stack_chk_fail", "abort",   "bcmp" };
	for (size_t i = 0; i < sizeof(libc) / sizeof(libc[0]); i++)
		if (!strcmp(s, libc[i]))
			return true;
	static const char *const prefixes[] = { "kc_host_",    "__asan",	 "__ubsan",
						"__sanitizer", "__sancov",	 "__tsan",
						"__msan",      "_GLOBAL_OFFSET", "__start_kc_",
						"__stop_kc_",  "__lsan" };
	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (!strncmp(s, prefixes[i], strlen(prefixes[i])))
			return true;
	return false;
}

static bool verbose;

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

/* snprintf for paths: a path that does not fit is an error, never a truncated name. */
__attribute__((format(printf, 3, 4))) static void fmt_path(char *out, size_t len, const char *fmt,
							   ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(out, len, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= len)
		die("path too long: %s...", out);
}

static void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("smcsim kboot: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(2);
}

/* Run argv (NULL-terminated); stdout to @out_path if given. Returns the exit status. */
static int run(char *const argv[], const char *out_path, const char *err_path)
{
	if (verbose) {
		for (size_t i = 0; argv[i]; i++)
			fprintf(stderr, "%s%s", i ? " " : "+ ", argv[i]);
		fputc('\n', stderr);
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		die("fork: %s", strerror(errno));
	if (!pid) {
		if (out_path) {
			int fd = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
			if (fd < 0 || dup2(fd, 1) < 0)
				_exit(127);
		}
		if (err_path) {
			int fd = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
			if (fd < 0 || dup2(fd, 2) < 0)
				_exit(127);
		}
		execvp(argv[0], argv);
		fprintf(stderr, "smcsim kboot: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			die("waitpid: %s", strerror(errno));
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* Split a space-separated configured list into @argv at @n. The words live in a static
 * pool (the tool execs or exits soon after), so nothing is left to free. */
static size_t add_words(char **argv, size_t n, size_t cap, const char *list)
{
	static char pool[65536];
	static size_t used;
	size_t len = strlen(list) + 1;
	if (used + len > sizeof(pool))
		die("configured command line too long");
	char *copy = memcpy(pool + used, list, len), *save = NULL;
	used += len;
	for (char *w = strtok_r(copy, " ", &save); w && n + 1 < cap; w = strtok_r(NULL, " ", &save))
		argv[n++] = w;
	return n;
}

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 0x100000001b3ULL;
	return h;
}

static uint64_t hash_file(uint64_t h, const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return fnv(h, path, strlen(path));
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), f)))
		h = fnv(h, buf, n);
	fclose(f);
	return h;
}

/* "6.12.118" from the tree's Makefile, and its LINUX_VERSION_CODE in @code (0 when the
 * Makefile gives no version). */
static void tree_version(const char *tree, char *out, size_t len, unsigned long *code)
{
	char path[PATH_MAX];
	fmt_path(path, sizeof(path), "%s/Makefile", tree);
	FILE *f = fopen(path, "r");
	char ver[4][64] = { "", "", "", "" };
	static const char *const keys[] = { "VERSION", "PATCHLEVEL", "SUBLEVEL", "EXTRAVERSION" };
	char line[512];
	while (f && fgets(line, sizeof(line), f)) {
		for (int i = 0; i < 4; i++) {
			size_t kl = strlen(keys[i]);
			if (strncmp(line, keys[i], kl) || (line[kl] != ' ' && line[kl] != '='))
				continue;
			char *eq = strchr(line, '=');
			if (!eq)
				continue;
			char *v = eq + 1;
			while (*v == ' ' || *v == '\t')
				v++;
			v[strcspn(v, " \t\r\n")] = '\0';
			snprintf(ver[i], sizeof(ver[i]), "%s", v);
		}
	}
	if (f)
		fclose(f);
	*code = 0;
	if (!ver[0][0]) {
		snprintf(out, len, "unknown");
		return;
	}
	snprintf(out, len, "%s.%s.%s%s", ver[0], ver[1], ver[2][0] ? ver[2] : "0", ver[3]);
	/* KERNEL_VERSION(a, b, c): the sublevel saturates at 255, as the kernel's does. */
	unsigned long a = strtoul(ver[0], NULL, 10), b = strtoul(ver[1], NULL, 10),
		      c = strtoul(ver[2], NULL, 10);
	*code = (a << 16) + (b << 8) + (c > 255 ? 255 : c);
}

static void mkdirs(const char *path)
{
	char tmp[PATH_MAX];
	snprintf(tmp, sizeof(tmp), "%s", path);
	for (char *p = tmp + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(tmp, 0755);
			*p = '/';
		}
	if (mkdir(tmp, 0755) && errno != EEXIST)
		die("%s: %s", path, strerror(errno));
}

static void cache_root(char *out, size_t len)
{
	const char *c = getenv("SMCSIM_KBOOT_CACHE");
	if (c && *c) {
		snprintf(out, len, "%s", c);
		return;
	}
	const char *x = getenv("XDG_CACHE_HOME");
	if (x && *x) {
		snprintf(out, len, "%s/smcsim/kboot", x);
		return;
	}
	const char *home = getenv("HOME");
	snprintf(out, len, "%s/.cache/smcsim/kboot", home && *home ? home : "/tmp");
}

/* Print the compiler's diagnostics for a failed file, pointing out a missing header. */
static void explain_failure(const char *file, const char *log)
{
	FILE *f = fopen(log, "r");
	char line[1024];
	int shown = 0;
	fprintf(stderr, "smcsim kboot: %s does not compile against the kernel-compat layer:\n",
		file);
	while (f && fgets(line, sizeof(line), f) && shown < 20) {
		if (strstr(line, "error") || strstr(line, "fatal")) {
			fputs("  ", stderr);
			fputs(line, stderr);
			shown++;
		}
	}
	if (f)
		fclose(f);
	fprintf(stderr, "  (full log: %s)\n", log);
}

int main(int argc, char **argv)
{
	const char *tree = NULL;
	bool rebuild = false, build_only = false, fuzz = false;
	char *pass[256];
	size_t npass = 0;
	pass[npass++] = NULL; /* program path, set below */
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--kernel-src") && i + 1 < argc)
			tree = argv[++i];
		else if (!strncmp(argv[i], "--kernel-src=", 13))
			tree = argv[i] + 13;
		else if (!strcmp(argv[i], "--rebuild"))
			rebuild = true;
		else if (!strcmp(argv[i], "--build-only"))
			build_only = true;
		else if (!strcmp(argv[i], "--fuzz"))
			fuzz = true;
		else if (!strcmp(argv[i], "--verbose"))
			verbose = true;
		else if (npass + 8 < sizeof(pass) / sizeof(pass[0]))
			pass[npass++] = argv[i];
	}
	if (!tree || !*tree) {
		const char *env = getenv("SMCSIM_KERNEL_SRC");
		tree = env && *env ? env : NULL;
	}
	if (!tree)
		die("--kernel-src DIR is required (a kernel source tree, e.g. from Debian's "
		    "linux-source-6.12 package; or set SMCSIM_KERNEL_SRC)");
	char treeabs[PATH_MAX];
	if (!realpath(tree, treeabs))
		die("%s: %s", tree, strerror(errno));
	char ver[128];
	unsigned long vcode;
	tree_version(treeabs, ver, sizeof(ver), &vcode);
	/* The headers follow the tree's API where it changed between releases; a tree without
	 * a version in its Makefile gets the layer's default, 6.12's API. */
	char vdef[64] = "-DKC_LINUX_VERSION_CODE_UNKNOWN";
	if (vcode)
		snprintf(vdef, sizeof(vdef), "-DKC_LINUX_VERSION_CODE=%lu", vcode);
	else
		fprintf(stderr,
			"smcsim kboot: %s: no VERSION in the Makefile, assuming the "
			"Linux 6.12 kernel API\n",
			treeabs);

	/* Which files the tree has; the cache key covers their contents, the compat layer
	 * build and the tool's configuration. */
	bool have[NFILES];
	uint64_t h = 0xcbf29ce484222325ULL;
	h = fnv(h, treeabs, strlen(treeabs));
	h = fnv(h, vdef, strlen(vdef));
	h = fnv(h, KBOOT_STAMP, strlen(KBOOT_STAMP));
	h = hash_file(h, KBOOT_RUNTIME_LIB);
	h = hash_file(h, KBOOT_HOST_LIB);
	h = hash_file(h, KBOOT_FUZZ_LIB);
	/* The program links the shim and the library statically or by path: any change to
	 * them is a new program. */
	h = hash_file(h, KBOOT_SHIM_LIB);
	h = hash_file(h, KBOOT_SMCSIM_LIB);
	for (size_t i = 0; i < NFILES; i++) {
		char p[PATH_MAX];
		fmt_path(p, sizeof(p), "%s/%s", treeabs, kfiles[i].path);
		have[i] = access(p, R_OK) == 0;
		if (!have[i] && kfiles[i].required)
			die("%s: not a kernel tree with %s", treeabs, kfiles[i].path);
		if (have[i])
			h = hash_file(fnv(h, kfiles[i].path, strlen(kfiles[i].path)), p);
	}
	/* The headers of the compat layer: a change there rebuilds. */
	h = hash_file(h, KBOOT_HEADER_STAMP);

	char root[PATH_MAX], dir[PATH_MAX], prog[PATH_MAX];
	cache_root(root, sizeof(root));
	fmt_path(dir, sizeof(dir), "%s/%016llx", root, (unsigned long long)h);
	fmt_path(prog, sizeof(prog), "%s/%s", dir, fuzz ? "kboot-fuzz" : "kboot-run");
	if (rebuild || access(prog, X_OK)) {
		mkdirs(dir);
		static char objs[NFILES][PATH_MAX];
		size_t nobjs = 0;
		for (size_t i = 0; i < NFILES; i++) {
			if (!have[i])
				continue;
			char src[PATH_MAX], obj[PATH_MAX], log[PATH_MAX], mod[128], base[128];
			fmt_path(src, sizeof(src), "%s/%s", treeabs, kfiles[i].path);
			fmt_path(obj, sizeof(obj), "%s/%zu.o", dir, i);
			fmt_path(log, sizeof(log), "%s/%zu.log", dir, i);
			const char *b = strrchr(kfiles[i].path, '/') + 1;
			snprintf(mod, sizeof(mod), "-DKBUILD_MODNAME=\"%s\"", kfiles[i].modname);
			snprintf(base, sizeof(base), "-DKBUILD_BASENAME=\"%.*s\"",
				 (int)(strlen(b) - 2), b);
			char *av[128];
			size_t n = add_words(av, 0, 100, KBOOT_CC);
			n = add_words(av, n, 100, KBOOT_KCFLAGS);
			av[n++] = vdef;
			av[n++] = mod;
			av[n++] = base;
			av[n++] = "-c";
			av[n++] = src;
			av[n++] = "-o";
			av[n++] = obj;
			av[n] = NULL;
			if (run(av, NULL, log)) {
				explain_failure(kfiles[i].path, log);
				return 2;
			}
			memcpy(objs[nobjs++], obj, sizeof(obj));
		}
		/* One relocatable object for the whole kernel world. */
		char rel[PATH_MAX], kobj[PATH_MAX], expf[PATH_MAX], undef[PATH_MAX];
		fmt_path(rel, sizeof(rel), "%s/kernel-r.o", dir);
		fmt_path(kobj, sizeof(kobj), "%s/kernel.o", dir);
		fmt_path(expf, sizeof(expf), "%s/exports", dir);
		fmt_path(undef, sizeof(undef), "%s/undefined", dir);
		/* The kernel world's writable data in sections of their own, so a process can
		 * save and restore them between boots (kc_kernel_sections()). Sanitizer
		 * coverage counters live in sections of their own and are not included. */
		char lds[PATH_MAX], ldopt[PATH_MAX + 16];
		fmt_path(lds, sizeof(lds), "%s/kworld.ld", dir);
		FILE *l = fopen(lds, "w");
		if (!l)
			die("%s: %s", lds, strerror(errno));
		fputs("SECTIONS\n{\n  kc_kdata : { *(.data .data.*) }\n"
		      "  kc_kbss : { *(.bss .bss.* COMMON) }\n}\n",
		      l);
		fclose(l);
		fmt_path(ldopt, sizeof(ldopt), "-Wl,-T,%s", lds);
		char *av[128];
		size_t n = add_words(av, 0, 100, KBOOT_CC);
		av[n++] = ldopt;
		av[n++] = "-r";
		av[n++] = "-nostdlib";
		av[n++] = "-o";
		av[n++] = rel;
		for (size_t i = 0; i < nobjs; i++)
			av[n++] = objs[i];
		av[n++] = "-Wl,--whole-archive";
		av[n++] = KBOOT_RUNTIME_LIB;
		av[n++] = "-Wl,--no-whole-archive";
		av[n] = NULL;
		if (run(av, NULL, NULL))
			die("partial link of the kernel world failed");
		/* Every symbol the kernel world needs from outside must be one it may. */
		char *nm[] = { KBOOT_NM, "-u", rel, NULL };
		if (run(nm, undef, NULL))
			die("%s -u %s failed", KBOOT_NM, rel);
		FILE *u = fopen(undef, "r");
		char sym[512], line[600];
		int missing = 0;
		while (u && fgets(line, sizeof(line), u)) {
			/* "<spaces>U name", or "w"/"v" for a weak reference (optional: the
			 * runtime's hooks for files a tree may not have). */
			char type;
			if (sscanf(line, " %c %511s", &type, sym) != 2 || type != 'U' ||
			    allowed_undefined(sym))
				continue;
			if (!missing++)
				fprintf(stderr,
					"smcsim kboot: Linux %s needs kernel functions the "
					"smcsim kernel-compat layer does not provide:\n",
					ver);
			fprintf(stderr, "  %s\n", sym);
		}
		if (u)
			fclose(u);
		if (missing)
			return 2;
		FILE *e = fopen(expf, "w");
		if (!e)
			die("%s: %s", expf, strerror(errno));
		for (size_t i = 0; i < sizeof(exports) / sizeof(exports[0]); i++)
			fprintf(e, "%s\n", exports[i]);
		fclose(e);
		char keep[PATH_MAX + 32];
		fmt_path(keep, sizeof(keep), "--keep-global-symbols=%s", expf);
		char *oc[] = { KBOOT_OBJCOPY, keep, rel, kobj, NULL };
		if (run(oc, NULL, NULL))
			die("%s failed", KBOOT_OBJCOPY);
		n = add_words(av, 0, 100, KBOOT_CC);
		char tmp[PATH_MAX];
		fmt_path(tmp, sizeof(tmp), "%s.tmp", prog);
		av[n++] = "-o";
		av[n++] = tmp;
		av[n++] = kobj;
		n = add_words(av, n, 120, fuzz ? KBOOT_FUZZ_LINK : KBOOT_LINK);
		av[n] = NULL;
		if (run(av, NULL, NULL))
			die("linking the boot program failed");
		if (rename(tmp, prog))
			die("%s: %s", prog, strerror(errno));
	}
	if (build_only) {
		printf("%s\n", prog);
		return 0;
	}
	pass[0] = prog;
	char vopt[160], sopt[PATH_MAX + 16];
	snprintf(vopt, sizeof(vopt), "--kernel-version=%s", ver);
	fmt_path(sopt, sizeof(sopt), "--kernel-src=%s", treeabs);
	pass[npass++] = vopt;
	pass[npass++] = sopt;
	pass[npass] = NULL;
	fflush(NULL);
	execv(prog, pass);
	die("%s: %s", prog, strerror(errno));
}
