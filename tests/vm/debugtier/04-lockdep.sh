# SPDX-License-Identifier: GPL-2.0
#
# srnic_pf selftest_break=lockdep: its open has the lockdep defect of
# pf/srnic_pf_selftest.h; this test's kernel log check must fail.
# timeout: 200
. /tests/debugtier/lib-break.sh
break_run lockdep
