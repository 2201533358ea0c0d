/* SPDX-License-Identifier: MIT */
/*
 * Driver for fuzz targets built without libFuzzer: replays corpus files (each twice, to
 * catch state leaking between runs), and with --mutate N runs N deterministic random
 * mutations of the corpus entries (a small stand-in for a coverage-guided engine, so a
 * gcc build can still soak a target). Exit 0 when every input ran.
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct input {
	uint8_t *data;
	size_t size;
};

static struct input *inputs;
static size_t ninputs;

static int add_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	uint8_t *buf = NULL;
	size_t len = 0, cap = 0;
	for (;;) {
		if (len == cap) {
			cap = cap ? cap * 2 : 4096;
			uint8_t *n = realloc(buf, cap);
			if (!n) {
				free(buf);
				fclose(f);
				return -1;
			}
			buf = n;
		}
		size_t got = fread(buf + len, 1, cap - len, f);
		len += got;
		if (got == 0)
			break;
	}
	fclose(f);
	struct input *n = realloc(inputs, (ninputs + 1) * sizeof(*n));
	if (!n) {
		free(buf);
		return -1;
	}
	inputs = n;
	inputs[ninputs++] = (struct input){ buf, len };
	return 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int add_path(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode))
		return add_file(path);
	DIR *d = opendir(path);
	if (!d)
		return -1;
	char **names = NULL;
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char **nn = realloc(names, (n + 1) * sizeof(*nn));
		if (!nn)
			break;
		names = nn;
		size_t l = strlen(path) + strlen(e->d_name) + 2;
		names[n] = malloc(l);
		if (names[n])
			snprintf(names[n++], l, "%s/%s", path, e->d_name);
	}
	closedir(d);
	/* Sorted, so a replay is the same sequence on every machine. */
	qsort(names, n, sizeof(*names), cmp_names);
	int ret = 0;
	for (size_t i = 0; i < n; i++) {
		if (!ret)
			ret = add_path(names[i]);
		free(names[i]);
	}
	free(names);
	return ret;
}

static uint64_t rng(uint64_t *s)
{
	uint64_t z = (*s += UINT64_C(0x9e3779b97f4a7c15));
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

int main(int argc, char **argv)
{
	unsigned long long mutations = 0, seed = 1;
	double seconds = 0;
	size_t max_len = 4096;
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--mutate") == 0 && i + 1 < argc)
			mutations = strtoull(argv[++i], NULL, 0);
		else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
			seed = strtoull(argv[++i], NULL, 0);
		else if (strcmp(argv[i], "--seconds") == 0 && i + 1 < argc)
			seconds = strtod(argv[++i], NULL);
		else if (strcmp(argv[i], "--max-len") == 0 && i + 1 < argc)
			max_len = strtoul(argv[++i], NULL, 0);
		else {
			fprintf(stderr,
				"usage: %s [--mutate N] [--seconds S] [--seed S] [--max-len L] CORPUS...\n",
				argv[0]);
			return 2;
		}
	}
	for (; i < argc; i++)
		if (add_path(argv[i]))
			return 2;
	for (size_t k = 0; k < ninputs; k++) {
		LLVMFuzzerTestOneInput(inputs[k].data, inputs[k].size);
		LLVMFuzzerTestOneInput(inputs[k].data, inputs[k].size);
	}
	printf("replayed %zu inputs\n", ninputs);
	if (!mutations && seconds <= 0)
		return 0;

	uint64_t s = seed;
	uint8_t *buf = malloc(max_len);
	if (!buf)
		return 2;
	time_t start = time(NULL);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	unsigned long long runs = 0;
	for (; (!mutations || runs < mutations) && (seconds <= 0 || difftime(time(NULL), start) < seconds);
	     runs++) {
		size_t len = 0;
		if (ninputs) {
			const struct input *in = &inputs[rng(&s) % ninputs];
			len = in->size < max_len ? in->size : max_len;
			memcpy(buf, in->data, len);
		}
		int edits = 1 + (int)(rng(&s) % 8);
		for (int e = 0; e < edits; e++) {
			uint64_t r = rng(&s);
			switch (r % 4) {
			case 0: /* flip a byte */
				if (len)
					buf[(r >> 8) % len] ^= (uint8_t)(1u << ((r >> 40) % 8));
				break;
			case 1: /* random byte */
				if (len)
					buf[(r >> 8) % len] = (uint8_t)(r >> 32);
				break;
			case 2: /* grow */
				if (len < max_len)
					buf[len++] = (uint8_t)(r >> 16);
				break;
			default: /* shrink */
				if (len)
					len -= 1 + (r >> 8) % (len < 16 ? len : 16);
				break;
			}
		}
		LLVMFuzzerTestOneInput(buf, len);
	}
	free(buf);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double el = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("ran %llu mutations (seed %llu) in %.2f s: %.0f exec/s\n", runs, seed, el,
	       el > 0 ? (double)runs / el : 0.0);
	return 0;
}
