/* SPDX-License-Identifier: MIT */
/*
 * `smcsim discover --format json` and `smcsim kboot --format json`: the text report (one
 * "key: value" line per fact, and "key:" followed by indented lines for lists) as one JSON
 * document with the same keys, so both programs stay one source of what they print and
 * scripts get a stable, versioned shape.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "smcsim/shim.h"

int smcsim_report_to_json(const char *text, const char *format, FILE *out)
{
	json_t *doc = json_object();
	if (!doc)
		return -ENOMEM;
	json_object_set_new(doc, "format", json_string(format));
	json_object_set_new(doc, "version", json_integer(1));
	json_t *list = NULL;
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char *line = strndup(p, n);
		p += n + (nl ? 1 : 0);
		if (!line) {
			json_decref(doc);
			return -ENOMEM;
		}
		if (line[0] == ' ' && list) {
			size_t lead = strspn(line, " ");
			json_array_append_new(list, json_string(line + lead));
		} else if (line[0] && line[0] != ' ') {
			char *colon = strstr(line, ": ");
			size_t len = strlen(line);
			if (!colon && len && line[len - 1] == ':') {
				/* "devices:" / "log:" opens a list */
				line[len - 1] = '\0';
				list = json_array();
				json_object_set_new(doc, line, list);
			} else if (colon) {
				*colon = '\0';
				json_object_set_new(doc, line, json_string(colon + 2));
				list = NULL;
			}
		}
		free(line);
	}
	int r = json_dumpf(doc, out, JSON_INDENT(2)) ? -EIO : 0;
	fputc('\n', out);
	json_decref(doc);
	return r;
}
