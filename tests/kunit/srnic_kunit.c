// SPDX-License-Identifier: GPL-2.0
/*
 * srnic KUnit tests: the userspace unit tests of the mailbox codec
 * (tests/unit/test_proto.c), the register fields (test_regs.c), the NIC
 * switch model (test_switch.c) and the per-VF policy (test_policy.c), run
 * as kernel code under KASAN and UBSAN.
 *
 * tools/intree.sh builds each test file into one suite (kunit/k_*.c: the
 * file, compiled with the KUnit ut.h, and its case table, generated from
 * its TEST() lines). The code under test is linked into this module a
 * second time (kunit/model_*.c), so the tests reach the functions srnic_pf
 * does not export, as the userspace build does.
 */
#include <linux/module.h>

#include "srnic_compat.h"

/* the policy calls the mailbox schema of srnic_lib */
MODULE_IMPORT_NS(SRNIC_NS);
MODULE_DESCRIPTION("KUnit tests of the srnic mailbox codec, switch and policy");
MODULE_LICENSE("GPL");
