/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tests/unit/ut.h for KUnit: the same TEST()/CHECK()/CHECK_EQ() the
 * userspace unit tests are written in, as KUnit cases and expectations.
 * tools/intree.sh copies the test files next to this header, so their
 * #include "ut.h" finds it, and generates the case lists from their TEST()
 * lines (srnic_kunit_cases.h).
 */
#ifndef _SRNIC_KUNIT_UT_H
#define _SRNIC_KUNIT_UT_H

#include <kunit/test.h>
#include <kunit/test-bug.h>
#include <linux/errno.h>

/* TEST(n) is a plain function; ut_kunit_n() is its KUnit case */
#define TEST(n)								\
	static void n(void);						\
	static void ut_kunit_##n(struct kunit *test)			\
	{								\
		n();							\
	}								\
	static void n(void)

#define CHECK(c)							\
	KUNIT_EXPECT_TRUE_MSG(kunit_get_current_test(), !!(c), "%s", #c)

#define CHECK_EQ(a, b)							\
	do {								\
		unsigned long long ut_a = (unsigned long long)(a);	\
		unsigned long long ut_b = (unsigned long long)(b);	\
		KUNIT_EXPECT_EQ_MSG(kunit_get_current_test(), ut_a, ut_b,	\
				    "%s == %s", #a, #b);		\
	} while (0)

#endif
