/* SPDX-License-Identifier: MIT */
/*
 * Shared helpers for cmocka suites: issue a call in one line and assert registers with
 * decoded names, so a failure reads "x0 = 0xffffffffffffffff (-1), expected 0x10002
 * after SMCCC_VERSION" rather than two bare numbers.
 */
#ifndef SMCSIM_TEST_H
#define SMCSIM_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include "smcsim/smcsim.h"

/* Build a machine from a built-in profile, optionally patched; fails the test on error. */
struct smcsim *t_machine(const char *profile, const char *patch_json);

/* Issue @fid with @nargs arguments from caller @caller ("host"...; NULL = default) on
 * CPU @cpu. Fails the test unless the call returns SMCSIM_EXIT_RETURN. */
struct smcsim_regs t_call_arr(struct smcsim *sim, const char *caller, unsigned int cpu,
			      uint64_t fid, int nargs, const uint64_t *args);
/* Variadic form: every argument after @nargs MUST be a uint64_t (cast literals). */
struct smcsim_regs t_call_on(struct smcsim *sim, const char *caller, unsigned int cpu,
			     uint64_t fid, int nargs, ...);

/* The macros pass arguments through a uint64_t compound literal, so int literals are
 * converted (sign-extended) as values rather than read back through varargs. */
#define T_NARGS_(...) (int)(sizeof((uint64_t[]){ 0, ##__VA_ARGS__ }) / sizeof(uint64_t) - 1)
#define T_ARGS_(...) ((const uint64_t[]){ 0, ##__VA_ARGS__ } + 1)
#define t_call(sim, fid, ...)                                                               \
	t_call_arr((sim), NULL, 0, (fid), T_NARGS_(__VA_ARGS__), T_ARGS_(__VA_ARGS__))
#define t_call_cpu(sim, cpu, fid, ...)                                                      \
	t_call_arr((sim), NULL, (cpu), (fid), T_NARGS_(__VA_ARGS__), T_ARGS_(__VA_ARGS__))
#define t_call_as(sim, caller, fid, ...)                                                    \
	t_call_arr((sim), (caller), 0, (fid), T_NARGS_(__VA_ARGS__), T_ARGS_(__VA_ARGS__))

/* Assert register @reg of @r equals @want; the message decodes the call and values. */
void t_assert_reg_(const struct smcsim_regs *r, int reg, uint64_t want, const char *rule,
		   const char *file, int line);
#define t_assert_reg(r, reg, want, rule) t_assert_reg_(&(r), (reg), (uint64_t)(want), (rule), __FILE__, __LINE__)
/* x0 as a signed 32-bit status, the way Linux reads most results. */
#define t_assert_x0(r, want, rule) t_assert_reg(r, 0, (uint64_t)(int64_t)(want), rule)

#endif
