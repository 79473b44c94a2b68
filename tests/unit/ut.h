/* SPDX-License-Identifier: GPL-2.0 */
/* Minimal KTAP unit-test harness for the srnic pure-logic code. */
#ifndef _SRNIC_UT_H
#define _SRNIC_UT_H

#include <stdio.h>
#include <linux/errno.h>

void ut_register(const char *name, void (*fn)(void));
void ut_fail(const char *file, int line, const char *what);
void ut_fail_eq(const char *file, int line, const char *a, const char *b,
		unsigned long long va, unsigned long long vb);

#define TEST(n)								\
	static void n(void);						\
	__attribute__((constructor)) static void ut_reg_##n(void)	\
	{								\
		ut_register(#n, n);					\
	}								\
	static void n(void)

#define CHECK(c)							\
	do {								\
		if (!(c))						\
			ut_fail(__FILE__, __LINE__, #c);		\
	} while (0)

#define CHECK_EQ(a, b)							\
	do {								\
		unsigned long long ut_a = (unsigned long long)(a);	\
		unsigned long long ut_b = (unsigned long long)(b);	\
		if (ut_a != ut_b)					\
			ut_fail_eq(__FILE__, __LINE__, #a, #b, ut_a, ut_b); \
	} while (0)

#endif
