// SPDX-License-Identifier: GPL-2.0
/*
 * KTAP runner: "KTAP version 1", "1..N", one "ok N - name" per test, then
 * "P passed, F failed, S skipped". A test left out by the name filter is a
 * skip, never a pass.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ut.h"

#define UT_MAX 256

static struct {
	const char *name;
	void (*fn)(void);
} ut_cases[UT_MAX];
static int ut_n;
static int ut_cur_failed;

void ut_register(const char *name, void (*fn)(void))
{
	if (ut_n < UT_MAX) {
		ut_cases[ut_n].name = name;
		ut_cases[ut_n].fn = fn;
		ut_n++;
	}
}

void ut_fail(const char *file, int line, const char *what)
{
	ut_cur_failed++;
	printf("# %s:%d: check failed: %s\n", file, line, what);
}

void ut_fail_eq(const char *file, int line, const char *a, const char *b,
		unsigned long long va, unsigned long long vb)
{
	ut_cur_failed++;
	printf("# %s:%d: %s == %s failed: 0x%llx != 0x%llx\n", file, line, a, b,
	       va, vb);
}

int main(int argc, char **argv)
{
	int i, passed = 0, failed = 0, skipped = 0;
	const char *only = argc > 1 ? argv[1] : NULL;

	printf("KTAP version 1\n1..%d\n", ut_n);
	for (i = 0; i < ut_n; i++) {
		if (only && !strstr(ut_cases[i].name, only)) {
			printf("ok %d - %s # SKIP filtered\n", i + 1, ut_cases[i].name);
			skipped++;
			continue;
		}
		ut_cur_failed = 0;
		ut_cases[i].fn();
		if (ut_cur_failed) {
			printf("not ok %d - %s\n", i + 1, ut_cases[i].name);
			failed++;
		} else {
			printf("ok %d - %s\n", i + 1, ut_cases[i].name);
			passed++;
		}
	}
	printf("# Totals: pass:%d fail:%d xfail:0 xpass:0 skip:%d error:0\n",
	       passed, failed, skipped);
	printf("%d passed, %d failed, %d skipped\n", passed, failed, skipped);
	return failed ? 1 : 0;
}
