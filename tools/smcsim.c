/* SPDX-License-Identifier: MIT */
/*
 * smcsim(1): replay fixtures, issue calls, decode function IDs, show profiles, record.
 * Only the public API (plus jansson for JSON output) is used here, so the CLI is also a
 * worked example of driving libsmcsim.
 */
#include <dirent.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <inttypes.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "git-revision.h"
#include "smcsim/smcsim.h"

#define EXIT_MISMATCH 1
#define EXIT_BADINPUT 2

/* --color=auto|always|never before the command; auto (the default) honours NO_COLOR and
 * colours only a terminal. */
static int colour_mode; /* 0 auto, 1 always, -1 never */

static bool use_colour(FILE *f)
{
	if (colour_mode)
		return colour_mode > 0;
	const char *nc = getenv("NO_COLOR");
	return isatty(fileno(f)) && !(nc && nc[0]);
}

static const char *col(bool on, const char *code)
{
	return on ? code : "";
}

#define RED    "\033[31m"
#define GREEN  "\033[32m"
#define YELLOW "\033[33m"
#define BOLD   "\033[1m"
#define RESET  "\033[0m"

/* A register value, read as fixtures read one: smcsim_value_parse() is the library's
 * one parser, so "010" is 10 here as in a fixture. */
static int parse_value(const char *s, uint64_t *out)
{
	return smcsim_value_parse(s, out);
}

/* After a value that is not a number or a name: the names it may have meant. */
static void suggest_names(const char *arg)
{
	const char *names[4];
	size_t n = (arg[0] >= 'A' && arg[0] <= 'Z') || (arg[0] >= 'a' && arg[0] <= 'z')
			   ? smcsim_fid_suggest(arg, names, 4)
			   : 0;
	if (!n)
		return;
	fprintf(stderr, "smcsim: did you mean");
	for (size_t i = 0; i < n; i++)
		fprintf(stderr, "%s %s", i ? (i + 1 == n ? " or" : ",") : "", names[i]);
	fprintf(stderr, "? (smcsim decode --list shows every name)\n");
}

/* " (NOT_SUPPORTED)", " (1.1)", " (RMI_ERROR_INPUT, index 2)": what result register x@reg
 * of a call to @fid says by that call's service; small negative numbers otherwise. A value
 * that merely equals a function ID is not named (an address of 0x80000000 is not
 * SMCCC_VERSION). */
static void describe_value(uint32_t fid, const struct smcsim_regs *res, int reg, uint64_t v,
			   char *buf, size_t len)
{
	char d[64];
	if (reg >= 0 && smcsim_result_describe(fid, res, (unsigned int)reg, v, d, sizeof(d)) == 0)
		snprintf(buf, len, " (%s)", d);
	else if ((int64_t)v < 0 && (int64_t)v >= -64)
		snprintf(buf, len, " (%" PRId64 ")", (int64_t)v);
	else
		buf[0] = 0;
}

/* ---- replay ------------------------------------------------------------------------- */

struct replay_opts {
	bool json;
	bool quiet;
	const char *junit;
	bool colour;
	bool allow_empty;
	const char *profile;  /* --profile: replay on this machine instead */
	const char *override; /* --override: a merge patch on the machine's profile */
};

struct fixture_result {
	char *file;
	size_t steps;
	int mismatches;
	char *error;
	json_t *details; /* array of mismatch objects */
	double seconds;	 /* load + replay */
};

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct replay_state {
	struct replay_opts *opts;
	struct fixture_result *res;
	size_t nres;
	FILE *diag; /* this fixture's diagnostics, printed after its result line */
};

static int on_mismatch(void *opaque, const struct smcsim_mismatch *m)
{
	struct replay_state *st = opaque;
	struct fixture_result *r = &st->res[st->nres - 1];
	const char *name = smcsim_fid_name(m->fid);
	json_t *j = json_pack("{s:I, s:s, s:s?, s:s, s:s, s:s, s:s}", "step", (json_int_t)m->step,
			      "what", m->what, "call", name, "expected", "", "actual", "", "mask",
			      "", "message", m->message);
	if (j) {
		char b[24];
		snprintf(b, sizeof(b), "0x%" PRIx64, m->expected);
		json_object_set_new(j, "expected", json_string(b));
		snprintf(b, sizeof(b), "0x%" PRIx64, m->actual);
		json_object_set_new(j, "actual", json_string(b));
		snprintf(b, sizeof(b), "0x%" PRIx64, m->mask);
		json_object_set_new(j, "mask", json_string(b));
		json_array_append_new(r->details, j);
	}
	if (!st->opts->json && !st->opts->quiet && st->diag) {
		bool c = st->opts->colour;
		FILE *o = st->diag;
		if (m->what[0] == 'x') {
			char e[80], a[80];
			int reg = atoi(m->what + 1);
			describe_value(m->fid, NULL, reg, m->expected, e, sizeof(e));
			describe_value(m->fid, NULL, reg, m->actual, a, sizeof(a));
			fprintf(o,
				"  step %zu %s%s%s: %s%s%s expected 0x%" PRIx64
				"%s, got %s0x%" PRIx64 "%s%s",
				m->step, col(c, BOLD), name ? name : "", col(c, RESET),
				col(c, BOLD), m->what, col(c, RESET), m->expected, e, col(c, RED),
				m->actual, a, col(c, RESET));
			if (m->mask != UINT64_MAX)
				fprintf(o, " (mask 0x%" PRIx64 ")", m->mask);
			fprintf(o, "\n");
		} else {
			fprintf(o, "  %s%s%s\n", col(c, RED), m->message, col(c, RESET));
		}
	}
	return 0;
}

static void skip_note(const char *path, const char *why)
{
	fprintf(stderr, "smcsim replay: note: %s: skipped, %s\n", path, why);
}

static const char *file_kind(mode_t mode)
{
	return S_ISFIFO(mode)	? "a FIFO"
	       : S_ISCHR(mode)	? "a character device"
	       : S_ISBLK(mode)	? "a block device"
	       : S_ISSOCK(mode) ? "a socket"
				: "not a regular file";
}

static bool is_fixture_json(const char *path)
{
	/* In a directory walk, only documents that say they are fixtures are replayed:
	 * profiles and schemas live beside them. A file that does not parse is reported.
	 * O_NONBLOCK and fstat: the caller saw a regular file, but if it has since been
	 * replaced by a FIFO, opening must not wait for a writer nor reading for data. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat sb;
	if (fd < 0)
		return true; /* replay reports why it cannot be read */
	FILE *f = fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) ? fdopen(fd, "rb") : NULL;
	if (!f) {
		close(fd);
		skip_note(path, "not a regular file");
		return false;
	}
	json_error_t je;
	json_t *doc = json_loadf(f, 0, &je);
	fclose(f);
	if (!doc)
		return true;
	json_t *fmt = json_object_get(doc, "format");
	bool yes = json_is_string(fmt) && strcmp(json_string_value(fmt), "smcsim-trace") == 0;
	json_decref(doc);
	return yes;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Real paths of the files and directories collected so far, with the name each was
 * first reached by: a fixture reached twice (through a symlink, or a directory given
 * twice) runs once, and a symlink back up the tree is not walked again. Also what the walk
 * found to say at the end: *.json files that are not fixtures. */
struct seen {
	char **real;
	char **shown;
	size_t n;
	char **skipped; /* *.json files in a directory walk whose "format" is not smcsim-trace */
	size_t nskipped;
};

/* What to run: a fixture path, or a path that could not be read (an error entry, so the
 * rest still run and the JSON/JUnit reports still name it). */
struct replay_item {
	char *path;
	char *error;
};

static int add_item(struct replay_item **items, size_t *n, const char *path, const char *error)
{
	struct replay_item *ni = realloc(*items, (*n + 1) * sizeof(*ni));
	if (!ni)
		return -1;
	*items = ni;
	ni[*n].path = strdup(path);
	ni[*n].error = error ? strdup(error) : NULL;
	if (!ni[*n].path || (error && !ni[*n].error)) {
		free(ni[*n].path);
		free(ni[*n].error);
		return -1;
	}
	(*n)++;
	return 0;
}

/* The name @real was first reached by, or NULL after recording it as @shown's. */
static const char *seen_before(struct seen *sn, const char *real, const char *shown)
{
	for (size_t i = 0; i < sn->n; i++)
		if (strcmp(sn->real[i], real) == 0)
			return sn->shown[i];
	char **r = realloc(sn->real, (sn->n + 1) * sizeof(*r));
	if (r)
		sn->real = r;
	char **s = r ? realloc(sn->shown, (sn->n + 1) * sizeof(*s)) : NULL;
	if (s)
		sn->shown = s;
	char *rd = strdup(real), *sd = strdup(shown);
	if (!r || !s || !rd || !sd) {
		free(rd);
		free(sd);
		return NULL; /* out of memory: the worst case is running a fixture twice */
	}
	sn->real[sn->n] = rd;
	sn->shown[sn->n++] = sd;
	return NULL;
}

static void seen_free(struct seen *sn)
{
	for (size_t i = 0; i < sn->n; i++) {
		free(sn->real[i]);
		free(sn->shown[i]);
	}
	free(sn->real);
	free(sn->shown);
	for (size_t i = 0; i < sn->nskipped; i++)
		free(sn->skipped[i]);
	free(sn->skipped);
}

static void note_skipped(struct seen *sn, const char *path)
{
	char **t = realloc(sn->skipped, (sn->nskipped + 1) * sizeof(*t));
	if (!t)
		return;
	sn->skipped = t;
	if ((t[sn->nskipped] = strdup(path)))
		sn->nskipped++;
}

static int collect(const char *path, bool explicit, struct replay_item **files, size_t *n,
		   struct seen *sn)
{
	struct stat sb;
	size_t l = strlen(path);
	bool json = l >= 5 && strcmp(path + l - 5, ".json") == 0;
	if (!strcmp(path, "-") && explicit)
		return add_item(files, n, path, NULL);
	if (stat(path, &sb) != 0) {
		if (!explicit && errno == ELOOP) {
			if (json)
				skip_note(path, "a symlink loop");
			return 0;
		}
		/* An error entry: the other paths still run, and the reports name this one. */
		return add_item(files, n, path, strerror(errno));
	}
	/* A file named on the command line is read whatever it is (a FIFO from a shell's
	 * process substitution, say); in a directory walk only regular files are opened,
	 * so a FIFO or a device named *.json cannot block the run. */
	if (!explicit && !S_ISDIR(sb.st_mode) && !S_ISREG(sb.st_mode)) {
		if (json)
			skip_note(path, file_kind(sb.st_mode));
		return 0;
	}
	if (!explicit && !S_ISDIR(sb.st_mode) && !json)
		return 0;
	char real[PATH_MAX];
	const char *first = realpath(path, real) ? seen_before(sn, real, path) : NULL;
	if (first) {
		char why[PATH_MAX + 32];
		snprintf(why, sizeof(why), "the same %s as %s",
			 S_ISDIR(sb.st_mode) ? "directory" : "file", first);
		skip_note(path, why);
		return 0;
	}
	if (!S_ISDIR(sb.st_mode)) {
		if (!explicit && !is_fixture_json(path)) {
			note_skipped(sn, path);
			return 0;
		}
		return add_item(files, n, path, NULL);
	}
	DIR *d = opendir(path);
	if (!d)
		return add_item(files, n, path, strerror(errno));
	char **names = NULL;
	size_t nn = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		/* Hidden entries and "bad" folders (malformed-fixture examples) are skipped. */
		if (e->d_name[0] == '.' || strcmp(e->d_name, "bad") == 0)
			continue;
		char **t = realloc(names, (nn + 1) * sizeof(*t));
		if (!t)
			break;
		names = t;
		size_t len = strlen(path) + strlen(e->d_name) + 2;
		names[nn] = malloc(len);
		if (names[nn])
			snprintf(names[nn++], len, "%s%s%s", path,
				 path[strlen(path) - 1] == '/' ? "" : "/", e->d_name);
	}
	closedir(d);
	if (nn) /* qsort's array must not be NULL, even for no elements */
		qsort(names, nn, sizeof(*names), cmp_str);
	int ret = 0;
	for (size_t i = 0; i < nn; i++) {
		if (!ret)
			ret = collect(names[i], false, files, n, sn);
		free(names[i]);
	}
	free(names);
	return ret;
}

static void xml_escape_char(FILE *f, char c)
{
	switch (c) {
	case '<':
		fputs("&lt;", f);
		break;
	case '>':
		fputs("&gt;", f);
		break;
	case '&':
		fputs("&amp;", f);
		break;
	case '"':
		fputs("&quot;", f);
		break;
	default:
		if ((unsigned char)c < 0x20 && c != '\n' && c != '\t')
			fputc('?', f);
		else
			fputc(c, f);
	}
}

static void xml_escape(FILE *f, const char *s)
{
	for (; s && *s; s++)
		xml_escape_char(f, *s);
}

/* JUnit's classname: "smcsim.replay" and the fixture's directory, dotted
 * (traces/cca/x.json: smcsim.replay.traces.cca), so CI dashboards group by directory. */
static void junit_classname(FILE *f, const char *path)
{
	fputs("smcsim.replay", f);
	const char *end = strrchr(path, '/');
	/* each directory component, skipping empty ones and "." ("./traces//cca/") */
	for (const char *p = path; end && p < end;) {
		const char *q = p;
		while (q < end && *q != '/')
			q++;
		if (q > p && !(q - p == 1 && *p == '.')) {
			fputc('.', f);
			for (const char *c = p; c < q; c++)
				xml_escape_char(f, *c);
		}
		p = q + 1;
	}
}

static int write_junit(const char *path, struct fixture_result *res, size_t n, time_t started,
		       double seconds)
{
	FILE *f = fopen(path, "w");
	if (!f) {
		fprintf(stderr, "smcsim: %s: %s\n", path, strerror(errno));
		return -1;
	}
	size_t fail = 0, err = 0;
	for (size_t i = 0; i < n; i++) {
		fail += res[i].mismatches > 0 && !res[i].error;
		err += res[i].error != NULL;
	}
	char stamp[32];
	struct tm tm;
	strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%S", gmtime_r(&started, &tm));
	fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	fprintf(f,
		"<testsuites>\n <testsuite name=\"smcsim-replay\" tests=\"%zu\" failures=\"%zu\" "
		"errors=\"%zu\" timestamp=\"%s\" time=\"%.6f\">\n",
		n, fail, err, stamp, seconds);
	for (size_t i = 0; i < n; i++) {
		const char *base = strrchr(res[i].file, '/');
		fprintf(f, "  <testcase classname=\"");
		junit_classname(f, res[i].file);
		fprintf(f, "\" name=\"");
		xml_escape(f, base ? base + 1 : res[i].file);
		fprintf(f, "\" file=\"");
		xml_escape(f, res[i].file);
		fprintf(f, "\" time=\"%.6f\">\n", res[i].seconds);
		if (res[i].error) {
			fprintf(f, "   <error message=\"");
			xml_escape(f, res[i].error);
			fprintf(f, "\"/>\n");
		} else if (res[i].mismatches) {
			fprintf(f, "   <failure message=\"%d mismatches\">", res[i].mismatches);
			size_t k;
			json_t *m;
			json_array_foreach(res[i].details, k, m)
			{
				xml_escape(f, json_string_value(json_object_get(m, "message")));
				fputc('\n', f);
			}
			fprintf(f, "</failure>\n");
		}
		fprintf(f, "  </testcase>\n");
	}
	fprintf(f, " </testsuite>\n</testsuites>\n");
	return fclose(f) == 0 ? 0 : -1;
}

static void usage_replay(FILE *f)
{
	fprintf(f,
		"usage: smcsim replay [--format text|json] [--junit FILE] [--quiet] "
		"[--allow-empty]\n"
		"                     [--profile P] [--override JSON] FILE|DIR|-...\n"
		"Replay fixtures (smcsim-trace(5)); directories are searched for *.json fixtures,\n"
		"- reads one fixture from standard input. --profile replays on another machine\n"
		"(the fixture's own profile_overrides still apply), --override patches the "
		"machine's\n"
		"profile (a JSON merge patch, RFC 7396).\n"
		"Exit status: 0 all passed, 1 mismatches, 2 bad input or nothing replayed\n"
		"(unless --allow-empty).\n");
}

/* Read standard input whole (replay -). */
static char *read_stdin(size_t *len)
{
	size_t cap = 65536, n = 0;
	char *buf = malloc(cap);
	while (buf) {
		size_t r = fread(buf + n, 1, cap - n, stdin);
		n += r;
		if (n < cap) {
			if (ferror(stdin)) {
				free(buf);
				return NULL;
			}
			*len = n;
			return buf;
		}
		char *nb = cap > (SIZE_MAX / 2) ? NULL : realloc(buf, cap * 2);
		if (!nb)
			free(buf);
		buf = nb;
		cap *= 2;
	}
	return NULL;
}

__attribute__((format(printf, 2, 3))) static void set_err(struct smcsim_error *err, const char *fmt,
							  ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->text, sizeof(err->text), fmt, ap); /* a long message is cut, not lost */
	va_end(ap);
}

/* Replay @t on the machine the options ask for: its own (smcsim_trace_replay), or
 * --profile P and/or --override JSON, with the fixture's profile_overrides applied first. */
static int replay_one(const struct smcsim_trace *t, const struct replay_opts *o,
		      struct replay_state *st, struct smcsim_error *err)
{
	if (!o->profile && !o->override)
		return smcsim_trace_replay(t, on_mismatch, st, err);
	const char *name = o->profile ? o->profile : smcsim_trace_profile(t);
	struct smcsim_profile *p;
	struct smcsim_error e = { { 0 } };
	int ret = smcsim_profile_load(name, &p, &e);
	if (ret) {
		set_err(err, "--profile %s: %s", name ? name : "(default)",
			e.text[0] ? e.text : smcsim_strerror(ret));
		return ret;
	}
	const char *ov = smcsim_trace_profile_overrides(t);
	if (ov && (ret = smcsim_profile_patch(p, ov, &e)))
		set_err(err, "/profile_overrides on %s: %s", name ? name : "the default profile",
			e.text);
	else if (o->override && (ret = smcsim_profile_patch(p, o->override, &e)))
		set_err(err, "--override: %s", e.text);
	struct smcsim *sim = NULL;
	if (!ret && (ret = smcsim_create(p, &sim, &e)))
		set_err(err, "%s%s: %s", name ? name : "(default)",
			o->override ? " with --override" : "", e.text);
	smcsim_profile_destroy(p);
	if (ret)
		return ret;
	ret = smcsim_trace_replay_on(t, sim, on_mismatch, st, err);
	smcsim_destroy(sim);
	return ret;
}

static int cmd_replay(int argc, char **argv)
{
	static const struct option opts[] = { { "format", required_argument, NULL, 'f' },
					      { "junit", required_argument, NULL, 'j' },
					      { "quiet", no_argument, NULL, 'q' },
					      { "allow-empty", no_argument, NULL, 'E' },
					      { "profile", required_argument, NULL, 'p' },
					      { "override", required_argument, NULL, 'O' },
					      { "help", no_argument, NULL, 'h' },
					      { NULL, 0, NULL, 0 } };
	struct replay_opts o = { .colour = use_colour(stdout) };
	int c;
	while ((c = getopt_long(argc, argv, "f:j:qp:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "json") == 0)
				o.json = true;
			else if (strcmp(optarg, "text") != 0) {
				fprintf(stderr, "smcsim replay: --format is text or json\n");
				return EXIT_BADINPUT;
			}
			break;
		case 'j':
			o.junit = optarg;
			break;
		case 'q':
			o.quiet = true;
			break;
		case 'E':
			o.allow_empty = true;
			break;
		case 'p':
			o.profile = optarg;
			break;
		case 'O':
			o.override = optarg;
			break;
		case 'h':
			usage_replay(stdout);
			return 0;
		default:
			usage_replay(stderr);
			return EXIT_BADINPUT;
		}
	}
	if (optind >= argc) {
		usage_replay(stderr);
		return EXIT_BADINPUT;
	}
	struct replay_item *files = NULL;
	size_t nfiles = 0;
	struct seen sn = { 0 };
	for (int i = optind; i < argc; i++)
		if (collect(argv[i], true, &files, &nfiles, &sn)) {
			fprintf(stderr, "smcsim replay: out of memory\n");
			seen_free(&sn);
			return EXIT_BADINPUT;
		}
	/* Files that look like fixtures but say otherwise are named, so a misspelt or missing
	 * "format" cannot make CI skip a fixture without a word. */
	if (sn.nskipped) {
		fprintf(stderr,
			"smcsim replay: note: skipped %zu .json file%s that %s not smcsim-trace:",
			sn.nskipped, sn.nskipped == 1 ? "" : "s", sn.nskipped == 1 ? "is" : "are");
		for (size_t i = 0; i < sn.nskipped; i++)
			fprintf(stderr, " %s", sn.skipped[i]);
		fprintf(stderr, "\n");
	}
	time_t started = time(NULL);
	double run_t0 = now_seconds();
	struct replay_state st = { .opts = &o, .res = calloc(nfiles + 1, sizeof(*st.res)) };
	if (!st.res) {
		seen_free(&sn);
		return EXIT_BADINPUT;
	}
	size_t passed = 0, failed = 0, errors = 0, steps = 0;
	for (size_t i = 0; i < nfiles; i++) {
		struct fixture_result *r = &st.res[st.nres++];
		r->file = files[i].path;
		r->details = json_array();
		struct smcsim_trace *t = NULL;
		struct smcsim_error err = { { 0 } };
		int ret;
		double t0 = now_seconds();
		if (files[i].error) {
			snprintf(err.text, sizeof(err.text), "%s: %s", files[i].path,
				 files[i].error);
			ret = -ENOENT;
		} else if (!strcmp(files[i].path, "-")) {
			size_t len = 0;
			char *text = read_stdin(&len);
			ret = text ? smcsim_trace_parse(text, len, "stdin", &t, &err) : -EIO;
			free(text);
		} else {
			ret = smcsim_trace_load(files[i].path, &t, &err);
		}
		char *diag_text = NULL;
		size_t diag_len = 0;
		st.diag = o.json || o.quiet ? NULL : open_memstream(&diag_text, &diag_len);
		if (ret == 0) {
			r->steps = smcsim_trace_steps(t);
			ret = replay_one(t, &o, &st, &err);
		}
		smcsim_trace_destroy(t);
		r->seconds = now_seconds() - t0;
		if (st.diag)
			fclose(st.diag);
		st.diag = NULL;
		/* The fixture's name first, then its diagnostics (kselftest and pytest order). */
		if (ret < 0) {
			r->error = strdup(err.text[0] ? err.text : smcsim_strerror(ret));
			errors++;
			if (!o.json)
				printf("%sERROR%s %s\n", col(o.colour, YELLOW),
				       col(o.colour, RESET), r->error);
		} else {
			steps += r->steps;
			r->mismatches = ret;
			if (ret) {
				failed++;
				if (!o.json)
					printf("%sFAIL%s  %s (%d mismatch%s)\n", col(o.colour, RED),
					       col(o.colour, RESET), files[i].path, ret,
					       ret == 1 ? "" : "es");
			} else {
				passed++;
				if (!o.json && !o.quiet)
					printf("%sPASS%s  %s (%zu steps)\n", col(o.colour, GREEN),
					       col(o.colour, RESET), files[i].path, r->steps);
			}
		}
		if (diag_text && diag_len)
			fputs(diag_text, stdout);
		free(diag_text);
	}
	bool empty = passed + failed == 0;
	if (o.json) {
		json_t *doc = json_object(), *arr = json_array(), *sk = json_array();
		for (size_t i = 0; i < st.nres; i++) {
			struct fixture_result *r = &st.res[i];
			json_t *f = json_pack("{s:s, s:I, s:s, s:O}", "file", r->file, "steps",
					      (json_int_t)r->steps, "result",
					      r->error	      ? "error"
					      : r->mismatches ? "fail"
							      : "pass",
					      "mismatches", r->details);
			if (r->error)
				json_object_set_new(f, "error", json_string(r->error));
			json_object_set_new(f, "seconds", json_real(r->seconds));
			json_array_append_new(arr, f);
		}
		for (size_t i = 0; i < sn.nskipped; i++)
			json_array_append_new(sk, json_string(sn.skipped[i]));
		/* Versioned, with a schema (traces/smcsim-replay-report.schema.json): a
		 * consumer can tell what it reads. */
		json_object_set_new(doc, "format", json_string("smcsim-replay-report"));
		json_object_set_new(doc, "version", json_integer(1));
		json_object_set_new(doc, "fixtures", arr);
		json_object_set_new(doc, "passed", json_integer((json_int_t)passed));
		json_object_set_new(doc, "failed", json_integer((json_int_t)failed));
		json_object_set_new(doc, "errors", json_integer((json_int_t)errors));
		json_object_set_new(doc, "skipped", sk);
		json_dumpf(doc, stdout, JSON_INDENT(2));
		printf("\n");
		json_decref(doc);
	} else {
		printf("%zu fixtures, %zu steps: %zu passed, %zu failed, %zu errors\n", nfiles,
		       steps, passed, failed, errors);
	}
	int ret = errors ? EXIT_BADINPUT : failed ? EXIT_MISMATCH : 0;
	/* A run that replayed nothing is not a pass: CI must not go green on an empty or
	 * misspelt directory. */
	if (empty && !errors && !o.allow_empty) {
		fprintf(stderr,
			"smcsim replay: no fixture was replayed (--allow-empty accepts that)\n");
		ret = EXIT_BADINPUT;
	}
	if (o.junit && write_junit(o.junit, st.res, st.nres, started, now_seconds() - run_t0))
		ret = EXIT_BADINPUT;
	for (size_t i = 0; i < st.nres; i++) {
		free(st.res[i].error);
		json_decref(st.res[i].details);
	}
	for (size_t i = 0; i < nfiles; i++) {
		free(files[i].path);
		free(files[i].error);
	}
	free(files);
	free(st.res);
	seen_free(&sn);
	return ret;
}

/* ---- call --------------------------------------------------------------------------- */

struct machine_opts {
	const char *profile;
	const char *caller;
	unsigned int cpu;
	enum smcsim_conduit conduit;
};

static int parse_machine_opt(int c, struct machine_opts *m)
{
	switch (c) {
	case 'p':
		m->profile = optarg;
		return 0;
	case 'c':
		m->caller = optarg;
		return 0;
	case 'C': {
		uint64_t v;
		if (parse_value(optarg, &v) || v > UINT32_MAX) {
			fprintf(stderr, "smcsim: --cpu takes a CPU index\n");
			return -1;
		}
		m->cpu = (unsigned int)v;
		return 0;
	}
	case 'k':
		if (strcmp(optarg, "smc") == 0)
			m->conduit = SMCSIM_CONDUIT_SMC;
		else if (strcmp(optarg, "hvc") == 0)
			m->conduit = SMCSIM_CONDUIT_HVC;
		else {
			fprintf(stderr, "smcsim: --conduit is smc or hvc\n");
			return -1;
		}
		return 0;
	default:
		return 1;
	}
}

/* Build a machine from @name_or_path (NULL: the default profile). Load errors name the
 * file already; smcsim_create() reports a JSON path inside the profile ("/cpus: ..."),
 * so the profile is named in front of it here. */
static struct smcsim *create_machine(const char *name_or_path, struct smcsim_profile **keep)
{
	struct smcsim_profile *p;
	struct smcsim *sim = NULL;
	struct smcsim_error err = { { 0 } };
	if (smcsim_profile_load(name_or_path, &p, &err)) {
		fprintf(stderr, "smcsim: %s\n", err.text);
		return NULL;
	}
	if (smcsim_create(p, &sim, &err)) {
		fprintf(stderr, "smcsim: %s: %s\n",
			name_or_path ? name_or_path : smcsim_profile_name(p), err.text);
		sim = NULL;
	}
	if (keep && sim)
		*keep = p;
	else
		smcsim_profile_destroy(p);
	return sim;
}

/* 0 when @cpu is on the machine, else -1 after saying which CPUs there are. */
static int check_cpu(struct smcsim *sim, unsigned int cpu, const char *where, const char *opt)
{
	unsigned int n = smcsim_cpu_count(sim);
	if (cpu < n)
		return 0;
	fprintf(stderr, "%s: %s%u: profile %s has %u CPU%s (0..%u)\n", where, opt, cpu,
		smcsim_profile_of(sim), n, n == 1 ? "" : "s", n - 1);
	return -1;
}

static struct smcsim *open_machine(const struct machine_opts *m, int *caller)
{
	struct smcsim *sim = create_machine(m->profile, NULL);
	if (!sim)
		return NULL;
	if (check_cpu(sim, m->cpu, "smcsim", "--cpu ")) {
		smcsim_destroy(sim);
		return NULL;
	}
	*caller = m->caller ? smcsim_caller_find(sim, m->caller) : smcsim_caller_default(sim);
	if (*caller < 0) {
		fprintf(stderr,
			"smcsim: profile %s has no caller \"%s\" (callers:", smcsim_profile_of(sim),
			m->caller);
		for (int i = 0; i < smcsim_caller_count(sim); i++)
			fprintf(stderr, " %s", smcsim_caller_name(sim, i));
		fprintf(stderr, ")\n");
		smcsim_destroy(sim);
		return NULL;
	}
	return sim;
}

static int parse_call_args(int argc, char **argv, struct smcsim_regs *r)
{
	if (argc > SMCSIM_NREGS) {
		fprintf(stderr, "smcsim: at most x0..x17 (18 values)\n");
		return -1;
	}
	memset(r, 0, sizeof(*r));
	for (int i = 0; i < argc; i++)
		if (parse_value(argv[i], &r->x[i])) {
			fprintf(stderr,
				"smcsim: \"%s\" is not a value (0x hex, decimal, -N or a "
				"function-ID name)\n",
				argv[i]);
			suggest_names(argv[i]);
			return -1;
		}
	return 0;
}

static void print_result(const struct smcsim_regs *in, const struct smcsim_regs *out, int ret)
{
	const char *name = smcsim_fid_name((uint32_t)in->x[0]);
	printf("%s (0x%08" PRIx32 ") -> %s\n", name ? name : "unknown function", (uint32_t)in->x[0],
	       smcsim_exit_name(ret));
	for (int i = 0; i < SMCSIM_NREGS; i++) {
		if (i >= 4 && out->x[i] == in->x[i])
			continue;
		char d[80];
		describe_value((uint32_t)in->x[0], out, i, out->x[i], d, sizeof(d));
		printf("  x%-2d = 0x%016" PRIx64 "%s\n", i, out->x[i], d);
	}
}

static void usage_call(FILE *f)
{
	fprintf(f, "usage: smcsim call [--profile P] [--caller C] [--cpu N] [--conduit smc|hvc] "
		   "FID [ARG...]\n"
		   "Issue one call on a fresh machine and print the result registers\n"
		   "(x0..x3 always, x4..x17 where they changed).\n");
}

static const struct option machine_options[] = { { "profile", required_argument, NULL, 'p' },
						 { "caller", required_argument, NULL, 'c' },
						 { "cpu", required_argument, NULL, 'C' },
						 { "conduit", required_argument, NULL, 'k' },
						 { "output", required_argument, NULL, 'o' },
						 { "description", required_argument, NULL, 'd' },
						 { "help", no_argument, NULL, 'h' },
						 { NULL, 0, NULL, 0 } };

static int cmd_call(int argc, char **argv)
{
	struct machine_opts m = { 0 };
	int c;
	while ((c = getopt_long(argc, argv, "+p:c:h", machine_options, NULL)) != -1) {
		if (c == 'h') {
			usage_call(stdout);
			return 0;
		}
		if (c == 'o' || c == 'd' || parse_machine_opt(c, &m)) {
			usage_call(stderr);
			return EXIT_BADINPUT;
		}
	}
	struct smcsim_regs in;
	if (optind >= argc || parse_call_args(argc - optind, argv + optind, &in)) {
		usage_call(stderr);
		return EXIT_BADINPUT;
	}
	int caller;
	struct smcsim *sim = open_machine(&m, &caller);
	if (!sim)
		return EXIT_BADINPUT;
	struct smcsim_regs out = in;
	int ret = smcsim_call(sim, caller, m.cpu, m.conduit, &out);
	if (ret < 0)
		fprintf(stderr, "smcsim: call failed: %s\n", smcsim_strerror(ret));
	else
		print_result(&in, &out, ret);
	smcsim_destroy(sim);
	return ret < 0 ? EXIT_BADINPUT : 0;
}

/* ---- decode ------------------------------------------------------------------------- */

static int cmd_decode(int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fprintf(argc < 2 ? stderr : stdout,
			"usage: smcsim decode FID...\n       smcsim decode --list [SERVICE]\n"
			"Explain function IDs (numbers or names, in any case, Linux's macro names\n"
			"included): convention, owner, service, name. --list prints every known\n"
			"function, or one service's (psci, smccc, trng, kvm, ffa, rmi, rsi...).\n");
		return argc < 2 ? EXIT_BADINPUT : 0;
	}
	if (!strcmp(argv[1], "--list")) {
		const char *want = argc > 2 ? argv[2] : NULL;
		uint32_t fid;
		const char *name, *svc;
		size_t shown = 0;
		for (size_t i = 0; smcsim_fid_list(i, &fid, &name, &svc) == 0; i++)
			if (!want || !strcasecmp(want, svc)) {
				printf("0x%08" PRIx32 "  %-8s %s\n", fid, svc, name);
				shown++;
			}
		if (!shown) {
			fprintf(stderr, "smcsim decode: no service \"%s\"\n", want);
			return EXIT_BADINPUT;
		}
		return 0;
	}
	int ret = 0;
	for (int i = 1; i < argc; i++) {
		uint64_t v;
		if (parse_value(argv[i], &v) || v > UINT32_MAX) {
			fprintf(stderr,
				"smcsim decode: \"%s\" is not a 32-bit function ID or name\n",
				argv[i]);
			suggest_names(argv[i]);
			return EXIT_BADINPUT;
		}
		struct smcsim_fid_info info = { .size = sizeof(info) };
		int known = smcsim_fid_decode((uint32_t)v, &info) == 0;
		printf("0x%08" PRIx32 ": %s\n", info.fid, known ? info.name : "no known function");
		printf("  convention: %s, %s\n", info.fast ? "fast call" : "yielding call",
		       info.smc64 ? "SMC64/HVC64" : "SMC32/HVC32");
		printf("  owner:      %u (%s)\n", info.owner, info.owner_name);
		printf("  function:   0x%04" PRIx32 "%s\n", info.fid & 0xffff,
		       info.sve_hint ? " (bit 16 set: SVE live-state hint, masked before dispatch)"
				     : "");
		if (known)
			printf("  service:    %s, since version %u.%u\n", info.service,
			       info.since >> 16, info.since & 0xffff);
		if (!known)
			ret = 1;
	}
	return ret;
}

/* ---- profiles ----------------------------------------------------------------------- */

static int cmd_profiles(int argc, char **argv)
{
	if (argc > 2 ||
	    (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0))) {
		fprintf(argc > 2 ? stderr : stdout,
			"usage: smcsim profiles [NAME|FILE]\nList built-in profiles, or print one "
			"fully expanded.\n");
		return argc > 2 ? EXIT_BADINPUT : 0;
	}
	if (argc == 2) {
		/* Validate by building it, so a bad profile file is reported here. */
		struct smcsim_profile *p;
		struct smcsim *sim = create_machine(argv[1], &p);
		if (!sim)
			return EXIT_BADINPUT;
		smcsim_destroy(sim);
		char *s = smcsim_profile_dump(p);
		printf("%s\n", s ? s : "");
		free(s);
		smcsim_profile_destroy(p);
		return 0;
	}
	for (size_t i = 0; smcsim_profile_builtin(i); i++) {
		struct smcsim_profile *p;
		const char *desc = "";
		char *s = NULL;
		json_t *doc = NULL;
		if (smcsim_profile_load(smcsim_profile_builtin(i), &p, NULL) == 0) {
			s = smcsim_profile_dump(p);
			doc = s ? json_loads(s, 0, NULL) : NULL;
			desc = doc ? json_string_value(json_object_get(doc, "description")) : "";
			smcsim_profile_destroy(p);
		}
		printf("%-12s %s%s\n", smcsim_profile_builtin(i), desc ? desc : "",
		       i == 0 ? " [default]" : "");
		json_decref(doc);
		free(s);
	}
	return 0;
}

/* ---- record ------------------------------------------------------------------------- */

static void usage_record(FILE *f)
{
	fprintf(f, "usage: smcsim record [--profile P] [--caller C] [--cpu N] [--conduit smc|hvc]\n"
		   "                     [-o FILE] [-d DESCRIPTION] [--] [CALL...]\n"
		   "Run calls and write them as a fixture. Each CALL is one argument \"FID "
		   "[ARG...]\";\n"
		   "with none, one call per line is read from stdin. A line may also be\n"
		   "  caller=C cpu=N conduit=smc|hvc FID [ARG...]   (per-call overrides)\n"
		   "  event NAME [JSON-OBJECT]\n"
		   "  write PA HEXBYTES\n"
		   "Blank lines and lines starting with # are ignored.\n");
}

static int record_line(struct smcsim *sim, int def_caller, const struct machine_opts *m, char *line,
		       const char *where)
{
	char *save = NULL, *tok[SMCSIM_NREGS + 4];
	int n = 0;
	while (*line == ' ' || *line == '\t')
		line++;
	if (!*line || *line == '#' || *line == '\n')
		return 0;
	if (strncmp(line, "event ", 6) == 0) {
		char *name = strtok_r(line + 6, " \t\n", &save);
		char *args = save && *save ? save : NULL;
		if (args) {
			size_t l = strlen(args);
			while (l && (args[l - 1] == '\n' || args[l - 1] == ' '))
				args[--l] = 0;
			if (!l)
				args = NULL;
		}
		struct smcsim_error err = { { 0 } };
		if (!name || smcsim_event(sim, name, args, &err)) {
			fprintf(stderr, "smcsim record: %s: %s\n", where,
				name ? err.text : "event needs a name");
			return -1;
		}
		return 0;
	}
	for (char *t = strtok_r(line, " \t\n", &save); t && n < (int)(sizeof(tok) / sizeof(tok[0]));
	     t = strtok_r(NULL, " \t\n", &save))
		tok[n++] = t;
	if (n == 0)
		return 0;
	if (strcmp(tok[0], "write") == 0) {
		uint64_t pa;
		size_t len = n == 3 ? strlen(tok[2]) : 1;
		if (n != 3 || parse_value(tok[1], &pa) || len % 2) {
			fprintf(stderr, "smcsim record: %s: usage: write PA HEXBYTES\n", where);
			return -1;
		}
		uint8_t *buf = malloc(len / 2 + 1);
		for (size_t i = 0; buf && i < len / 2; i++) {
			char pair[3] = { tok[2][2 * i], tok[2][2 * i + 1], 0 };
			char *end;
			buf[i] = (uint8_t)strtoul(pair, &end, 16);
			/* Two hex digits, as a fixture's "bytes" (strtoul alone takes "+f"). */
			if (*end || !isxdigit((unsigned char)pair[0])) {
				free(buf);
				fprintf(stderr, "smcsim record: %s: bad hex bytes\n", where);
				return -1;
			}
		}
		int ret = buf ? smcsim_mem_write(sim, pa, buf, len / 2) : -ENOMEM;
		free(buf);
		if (ret) {
			fprintf(stderr, "smcsim record: %s: write: %s\n", where,
				smcsim_strerror(ret));
			return -1;
		}
		return 0;
	}
	struct machine_opts lm = *m;
	int caller = def_caller, first = 0;
	optarg = NULL;
	for (; first < n && strchr(tok[first], '='); first++) {
		char *eq = strchr(tok[first], '=');
		*eq = 0;
		optarg = eq + 1;
		int key = strcmp(tok[first], "caller") == 0    ? 'c'
			  : strcmp(tok[first], "cpu") == 0     ? 'C'
			  : strcmp(tok[first], "conduit") == 0 ? 'k'
							       : 0;
		if (!key || parse_machine_opt(key, &lm)) {
			fprintf(stderr, "smcsim record: %s: unknown setting \"%s\"\n", where,
				tok[first]);
			return -1;
		}
		if (key == 'C') {
			char w[96];
			snprintf(w, sizeof(w), "smcsim record: %s", where);
			if (check_cpu(sim, lm.cpu, w, "cpu="))
				return -1;
		}
		if (key == 'c' && (caller = smcsim_caller_find(sim, lm.caller)) < 0) {
			fprintf(stderr, "smcsim record: %s: no caller \"%s\"\n", where, lm.caller);
			return -1;
		}
	}
	struct smcsim_regs r;
	if (first >= n || parse_call_args(n - first, tok + first, &r)) {
		fprintf(stderr, "smcsim record: %s: expected FID [ARG...]\n", where);
		return -1;
	}
	int ret = smcsim_call(sim, caller, lm.cpu, lm.conduit, &r);
	if (ret < 0) {
		fprintf(stderr, "smcsim record: %s: call failed: %s\n", where,
			smcsim_strerror(ret));
		return -1;
	}
	return 0;
}

static int cmd_record(int argc, char **argv)
{
	struct machine_opts m = { 0 };
	const char *out = NULL, *desc = NULL;
	int c;
	while ((c = getopt_long(argc, argv, "+p:c:o:d:h", machine_options, NULL)) != -1) {
		if (c == 'h') {
			usage_record(stdout);
			return 0;
		} else if (c == 'o') {
			out = optarg;
		} else if (c == 'd') {
			desc = optarg;
		} else if (parse_machine_opt(c, &m)) {
			usage_record(stderr);
			return EXIT_BADINPUT;
		}
	}
	int caller;
	struct smcsim *sim = open_machine(&m, &caller);
	if (!sim)
		return EXIT_BADINPUT;
	int ret = smcsim_record_start(sim);
	char where[64];
	if (optind < argc) {
		for (int i = optind; !ret && i < argc; i++) {
			snprintf(where, sizeof(where), "argument %d", i - optind + 1);
			char *copy = strdup(argv[i]);
			ret = copy ? record_line(sim, caller, &m, copy, where) : -1;
			free(copy);
		}
	} else {
		char *line = NULL;
		size_t cap = 0;
		unsigned long no = 0;
		while (!ret && getline(&line, &cap, stdin) > 0) {
			snprintf(where, sizeof(where), "stdin:%lu", ++no);
			ret = record_line(sim, caller, &m, line, where);
		}
		free(line);
	}
	if (!ret) {
		FILE *f = out ? fopen(out, "w") : stdout;
		if (!f) {
			fprintf(stderr, "smcsim record: %s: %s\n", out, strerror(errno));
			ret = -1;
		} else {
			int w = smcsim_record_write(sim, f, desc);
			if (w == -ENODATA)
				fprintf(stderr, "smcsim record: nothing to record\n");
			else if (w)
				fprintf(stderr, "smcsim record: %s\n", smcsim_strerror(w));
			if (out && fclose(f))
				w = -EIO;
			ret = w ? -1 : 0;
		}
	}
	smcsim_destroy(sim);
	return ret ? EXIT_BADINPUT : 0;
}

/* ---- discover ----------------------------------------------------------------------- */

/*
 * Linux's discovery models live in the kernel shim (shim/), a separate library; like git
 * and libinput, `smcsim discover` runs the smcsim-discover front end, found beside this
 * binary when installed or in the build tree's shim/ folder.
 */
static int exec_helper(const char *cmd, const char *prog, const char *const *rel, size_t nrel,
		       char **argv)
{
	char self[4096];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 64);
	if (n > 0) {
		self[n] = 0;
		char *slash = strrchr(self, '/');
		for (size_t i = 0; slash && i < nrel; i++) {
			snprintf(slash, sizeof(self) - (size_t)(slash - self), "%s", rel[i]);
			if (access(self, X_OK) == 0) {
				argv[0] = self;
				execv(self, argv);
			}
		}
	}
	fprintf(stderr, "smcsim %s: the %s program was not found beside smcsim\n", cmd, prog);
	return EXIT_BADINPUT;
}

static int cmd_discover(int argc, char **argv)
{
	static const char *const rel[] = { "/smcsim-discover", "/../shim/smcsim-discover" };
	(void)argc;
	return exec_helper("discover", "smcsim-discover", rel, 2, argv);
}

/* ---- kboot ------------------------------------------------------------------------- */

/* Real kernel code: smcsim-kboot builds a kernel tree's firmware-discovery files against
 * the kernel-compat layer (shim/kcompat) and boots them on a simulated machine. */
static int cmd_kboot(int argc, char **argv)
{
	static const char *const rel[] = { "/smcsim-kboot", "/../shim/kboot/smcsim-kboot" };
	(void)argc;
	return exec_helper("kboot", "smcsim-kboot", rel, 2, argv);
}

/* ---- show and diff ---------------------------------------------------------------- */

static const char *const step_kinds[] = { "call", "write", "check", "event" };

static int load_trace_arg(const char *path, struct smcsim_trace **t)
{
	struct smcsim_error err = { { 0 } };
	int ret;
	if (!strcmp(path, "-")) {
		size_t len = 0;
		char *text = read_stdin(&len);
		ret = text ? smcsim_trace_parse(text, len, "stdin", t, &err) : -EIO;
		free(text);
	} else {
		ret = smcsim_trace_load(path, t, &err);
	}
	if (ret)
		fprintf(stderr, "smcsim: %s\n", err.text[0] ? err.text : smcsim_strerror(ret));
	return ret;
}

/* One step as a line of text: "PSCI_FEATURES x1=0x80000000 -> x0 0x0 (SUCCESS)". */
static void step_text(const struct smcsim_trace_step *st, char *buf, size_t len)
{
	FILE *f = fmemopen(buf, len, "w");
	if (!f) {
		buf[0] = 0;
		return;
	}
	switch (st->kind) {
	case SMCSIM_STEP_CALL: {
		uint32_t fid = (uint32_t)st->in.x[0];
		const char *name = smcsim_fid_name(fid);
		if (name)
			fprintf(f, "%s", name);
		else
			fprintf(f, "0x%08" PRIx32, fid);
		for (int i = 1; i < SMCSIM_NREGS; i++)
			if (st->in.x[i] || st->in_mask[i] != UINT64_MAX)
				fprintf(f, st->in_mask[i] ? " x%d=0x%" PRIx64 : " x%d=*", i,
					st->in.x[i]);
		if (st->caller)
			fprintf(f, " [%s", st->caller);
		if (st->caller || st->cpu)
			fprintf(f, "%scpu %u]", st->caller ? ", " : " [", st->cpu);
		const char *sep = " ->";
		for (int i = 0; i < SMCSIM_NREGS; i++) {
			if (!(st->expect_regs & (1u << i)))
				continue;
			char d[80];
			describe_value(fid, NULL, i, st->expect[i], d, sizeof(d));
			fprintf(f, "%s x%d 0x%" PRIx64 "%s", sep, i, st->expect[i], d);
			if (st->expect_mask[i] != UINT64_MAX)
				fprintf(f, " (mask 0x%" PRIx64 ")", st->expect_mask[i]);
			sep = ",";
		}
		if (st->expect_exit >= 0)
			fprintf(f, "%s exit %s", sep, smcsim_exit_name(st->expect_exit));
		break;
	}
	case SMCSIM_STEP_WRITE:
	case SMCSIM_STEP_CHECK:
		fprintf(f, "%s 0x%" PRIx64 ":", st->kind == SMCSIM_STEP_WRITE ? "write" : "check",
			st->pa);
		for (size_t b = 0; b < st->len && b < 16; b++)
			fprintf(f, " %02x", st->bytes[b]);
		if (st->len > 16)
			fprintf(f, " ... (%zu bytes)", st->len);
		break;
	default:
		fprintf(f, "event %s %s", st->event ? st->event : "",
			st->event_args ? st->event_args : "");
		break;
	}
	fclose(f);
}

static int show_or_diff_opts(int argc, char **argv, bool *json, const char *usage)
{
	static const struct option opts[] = { { "format", required_argument, NULL, 'f' },
					      { "help", no_argument, NULL, 'h' },
					      { NULL, 0, NULL, 0 } };
	int c;
	while ((c = getopt_long(argc, argv, "f:h", opts, NULL)) != -1) {
		if (c == 'f' && (!strcmp(optarg, "json") || !strcmp(optarg, "text"))) {
			*json = !strcmp(optarg, "json");
			continue;
		}
		fprintf(c == 'h' ? stdout : stderr, "%s", usage);
		return c == 'h' ? 0 : EXIT_BADINPUT;
	}
	return -1;
}

static json_t *step_json(size_t i, const struct smcsim_trace_step *st)
{
	char text[1024];
	step_text(st, text, sizeof(text));
	return json_pack("{s:I, s:s, s:s}", "step", (json_int_t)i, "kind",
			 step_kinds[st->kind < 4 ? st->kind : 3], "text", text);
}

/* smcsim show FILE: a readable table of a fixture, one step per line. */
static int cmd_show(int argc, char **argv)
{
	static const char usage[] = "usage: smcsim show [--format text|json] FILE|-\n"
				    "Print a fixture as a table: each step's call with its named "
				    "arguments and\nexpected results decoded, writes, checks and "
				    "events.\n";
	bool json = false;
	int r = show_or_diff_opts(argc, argv, &json, usage);
	if (r >= 0)
		return r;
	if (optind + 1 != argc) {
		fputs(usage, stderr);
		return EXIT_BADINPUT;
	}
	struct smcsim_trace *t;
	if (load_trace_arg(argv[optind], &t))
		return EXIT_BADINPUT;
	json_t *doc = json ? json_pack("{s:s, s:i, s:s, s:s?, s:[]}", "format", "smcsim-show",
				       "version", 1, "description", smcsim_trace_description(t),
				       "profile", smcsim_trace_profile(t), "steps")
			   : NULL;
	if (!json)
		printf("%s\nprofile: %s\n", smcsim_trace_description(t),
		       smcsim_trace_profile(t) ? smcsim_trace_profile(t) : "(default)");
	for (size_t i = 0; i < smcsim_trace_steps(t); i++) {
		struct smcsim_trace_step st = { .size = sizeof(st) };
		smcsim_trace_step(t, i, &st);
		if (json) {
			json_array_append_new(json_object_get(doc, "steps"), step_json(i, &st));
		} else {
			char text[1024];
			step_text(&st, text, sizeof(text));
			printf("%5zu  %s\n", i, text);
		}
	}
	if (json) {
		json_dumpf(doc, stdout, JSON_INDENT(2));
		printf("\n");
		json_decref(doc);
	}
	smcsim_trace_destroy(t);
	return 0;
}

/* Whether two steps say the same: same kind, call, arguments compared and expectations. */
static bool step_same(const struct smcsim_trace_step *a, const struct smcsim_trace_step *b)
{
	if (a->kind != b->kind)
		return false;
	char ta[1024], tb[1024];
	step_text(a, ta, sizeof(ta));
	step_text(b, tb, sizeof(tb));
	return strcmp(ta, tb) == 0;
}

/* ", arg x1 0x0 | 0x1, x0 0x10002 (1.2) | 0x...": what differs between two calls of the
 * same function (arguments, expected registers, exit), each item led by ", ". */
static void call_differences(const struct smcsim_trace_step *a, const struct smcsim_trace_step *b,
			     char *buf, size_t len)
{
	size_t n = 0;
	buf[0] = 0;
	uint32_t fid = (uint32_t)a->in.x[0];
#define ADD(...)                                                                                   \
	do {                                                                                       \
		int w_ = snprintf(buf + n, n < len ? len - n : 0, __VA_ARGS__);                    \
		n += w_ > 0 ? (size_t)w_ : 0;                                                      \
		if (n >= len)                                                                      \
			n = len - 1;                                                               \
	} while (0)
	for (int k = 1; k < SMCSIM_NREGS; k++)
		if (a->in.x[k] != b->in.x[k] || a->in_mask[k] != b->in_mask[k])
			ADD(", arg x%d 0x%" PRIx64 " | 0x%" PRIx64, k, a->in.x[k], b->in.x[k]);
	for (int k = 0; k < SMCSIM_NREGS; k++) {
		bool ea = a->expect_regs & (1u << k), eb = b->expect_regs & (1u << k);
		if (ea == eb && (!ea || (a->expect[k] == b->expect[k] &&
					 a->expect_mask[k] == b->expect_mask[k])))
			continue;
		char da[80] = "", db[80] = "";
		describe_value(fid, NULL, k, a->expect[k], da, sizeof(da));
		describe_value(fid, NULL, k, b->expect[k], db, sizeof(db));
		ADD(", x%d ", k);
		if (ea)
			ADD("0x%" PRIx64 "%s", a->expect[k], da);
		else
			ADD("(not checked)");
		ADD(" | ");
		if (eb)
			ADD("0x%" PRIx64 "%s", b->expect[k], db);
		else
			ADD("(not checked)");
	}
	if (a->expect_exit != b->expect_exit)
		ADD(", exit %s | %s", a->expect_exit >= 0 ? smcsim_exit_name(a->expect_exit) : "-",
		    b->expect_exit >= 0 ? smcsim_exit_name(b->expect_exit) : "-");
#undef ADD
}

/* smcsim diff A B: step by step (a trace recorded on FVP or hardware against one recorded
 * on smcsim, say). Exit 0 the same, 1 they differ, 2 bad input. */
static int cmd_diff(int argc, char **argv)
{
	static const char usage[] = "usage: smcsim diff [--format text|json] A B\n"
				    "Compare two fixtures step by step; print each step that "
				    "differs.\nExit status: 0 the same, 1 they differ, 2 bad "
				    "input.\n";
	bool json = false;
	int r = show_or_diff_opts(argc, argv, &json, usage);
	if (r >= 0)
		return r;
	if (optind + 2 != argc) {
		fputs(usage, stderr);
		return EXIT_BADINPUT;
	}
	struct smcsim_trace *a, *b;
	if (load_trace_arg(argv[optind], &a))
		return EXIT_BADINPUT;
	if (load_trace_arg(argv[optind + 1], &b)) {
		smcsim_trace_destroy(a);
		return EXIT_BADINPUT;
	}
	size_t na = smcsim_trace_steps(a), nb = smcsim_trace_steps(b), n = na > nb ? na : nb;
	size_t ndiff = 0;
	json_t *diffs = json ? json_array() : NULL;
	const char *pa = smcsim_trace_profile(a), *pb = smcsim_trace_profile(b);
	bool profile_diff = (pa || pb) && (!pa || !pb || strcmp(pa, pb));
	if (profile_diff && !json)
		printf("profile: %s | %s\n", pa ? pa : "(default)", pb ? pb : "(default)");
	for (size_t i = 0; i < n; i++) {
		struct smcsim_trace_step sa = { .size = sizeof(sa) }, sb = { .size = sizeof(sb) };
		bool ha = smcsim_trace_step(a, i, &sa) == 0, hb = smcsim_trace_step(b, i, &sb) == 0;
		if (ha && hb && step_same(&sa, &sb))
			continue;
		ndiff++;
		char ta[1024] = "(no step)", tb[1024] = "(no step)";
		if (ha)
			step_text(&sa, ta, sizeof(ta));
		if (hb)
			step_text(&sb, tb, sizeof(tb));
		/* Two calls of the same function: name just what differs. */
		char what[2048] = "";
		if (ha && hb && sa.kind == SMCSIM_STEP_CALL && sb.kind == SMCSIM_STEP_CALL &&
		    sa.in.x[0] == sb.in.x[0])
			call_differences(&sa, &sb, what, sizeof(what));
		const char *fname = ha && sa.kind == SMCSIM_STEP_CALL
					    ? smcsim_fid_name((uint32_t)sa.in.x[0])
					    : NULL;
		if (json) {
			json_t *d = json_pack("{s:I, s:s, s:s}", "step", (json_int_t)i, "a", ta,
					      "b", tb);
			if (what[0])
				json_object_set_new(d, "differs", json_string(what + 2));
			json_array_append_new(diffs, d);
		} else if (what[0]) {
			printf("step %zu %s: %s\n", i, fname ? fname : "", what + 2);
		} else {
			printf("step %zu:\n  - %s\n  + %s\n", i, ta, tb);
		}
	}
	if (json) {
		json_t *doc =
			json_pack("{s:s, s:i, s:s, s:s, s:b, s:I, s:I, s:o}", "format",
				  "smcsim-diff", "version", 1, "a", argv[optind], "b",
				  argv[optind + 1], "profile_differs", profile_diff, "steps_a",
				  (json_int_t)na, "steps_b", (json_int_t)nb, "differences", diffs);
		json_dumpf(doc, stdout, JSON_INDENT(2));
		printf("\n");
		json_decref(doc);
	} else {
		printf("%zu and %zu steps: %zu differ%s\n", na, nb, ndiff,
		       profile_diff ? ", profiles differ" : "");
	}
	smcsim_trace_destroy(a);
	smcsim_trace_destroy(b);
	return ndiff || profile_diff ? EXIT_MISMATCH : 0;
}

/* ---- main --------------------------------------------------------------------------- */

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
};

static const struct command commands[] = {
	{ "replay", cmd_replay, "replay fixtures against the models and report mismatches" },
	{ "call", cmd_call, "issue one call and print the decoded result" },
	{ "decode", cmd_decode, "explain a function ID" },
	{ "show", cmd_show, "print a fixture as a readable table" },
	{ "diff", cmd_diff, "compare two fixtures step by step" },
	{ "profiles", cmd_profiles, "list built-in profiles or show one expanded" },
	{ "record", cmd_record, "run calls and write them as a fixture" },
	{ "discover", cmd_discover,
	  "run Linux's firmware discovery models and print what Linux finds" },
	{ "kboot", cmd_kboot, "build a kernel tree's firmware drivers and boot them (real Linux)" },
};

static void usage(FILE *f)
{
	fprintf(f, "usage: smcsim [--version] [--help] [--color=auto|always|never] COMMAND [ARGS]\n"
		   "       smcsim help COMMAND\n\ncommands:\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %-9s %s\n", commands[i].name, commands[i].summary);
	fprintf(f, "\n'smcsim COMMAND --help' describes a command; see smcsim(1) and "
		   "smcsim-trace(5).\n");
}

int main(int argc, char **argv)
{
	while (argc >= 2 && !strncmp(argv[1], "--colo", 6)) {
		const char *v = strchr(argv[1], '=');
		if ((strcmp(argv[1], "--color") && strcmp(argv[1], "--colour") &&
		     strncmp(argv[1], "--color=", 8) && strncmp(argv[1], "--colour=", 9)) ||
		    (v && strcmp(v + 1, "auto") && strcmp(v + 1, "always") &&
		     strcmp(v + 1, "never"))) {
			fprintf(stderr, "smcsim: --color takes auto, always or never\n");
			return EXIT_BADINPUT;
		}
		colour_mode = !v || !strcmp(v + 1, "always") ? 1 : !strcmp(v + 1, "never") ? -1 : 0;
		argc--;
		argv++;
	}
	if (argc < 2) {
		usage(stderr);
		return EXIT_BADINPUT;
	}
	if (strcmp(argv[1], "--version") == 0) {
		/* The build's git revision (meson vcs_tag) and the interface versions modelled. */
		printf("smcsim %s (%s)\n", smcsim_version(), SMCSIM_GIT_REVISION);
		printf("models: SMCCC 1.0-1.6 (DEN0028), PSCI 0.2-1.3 (DEN0022), TRNG 1.0 "
		       "(DEN0098),\n        FF-A 1.0-1.2 (DEN0077), RMM RMI/RSI 1.0 and 2.0 "
		       "(DEN0137), KVM/pKVM hypercalls\n");
		return 0;
	}
	if (!strcmp(argv[1], "help")) {
		if (argc < 3) {
			usage(stdout);
			return 0;
		}
		for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
			if (strcmp(argv[2], commands[i].name) == 0) {
				char *hargv[] = { argv[2], (char *)"--help", NULL };
				optind = 1;
				return commands[i].run(2, hargv);
			}
		fprintf(stderr, "smcsim help: unknown command \"%s\"\n", argv[2]);
		return EXIT_BADINPUT;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return 0;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[1], commands[i].name) == 0) {
			optind = 1;
			return commands[i].run(argc - 1, argv + 1);
		}
	fprintf(stderr, "smcsim: unknown command \"%s\"\n", argv[1]);
	usage(stderr);
	return EXIT_BADINPUT;
}
