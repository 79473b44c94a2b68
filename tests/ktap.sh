# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=dash
#
# The one KTAP emitter of the shell side (sourced by bash scripts on the
# host and by busybox ash in the test VM).  Function names and counters
# follow the kernel's tools/testing/selftests/kselftest/ktap_helpers.sh;
# the output is KTAP version 1 (Documentation/dev-tools/ktap.rst):
#
#   KTAP version 1               ktap_print_header
#   1..N                         ktap_set_plan N (only when N is known first)
#   ok 1 - description           ktap_test_pass
#   not ok 2 - description       ktap_test_fail
#   ok 3 - description # SKIP x  ktap_test_skip: never counted as a pass
#   # text                       ktap_print_msg, ktap_diag (from stdin)
#   # Totals: pass:1 fail:1 ...  ktap_finished
#
# A script that learns its count only at the end prints no plan at all
# (KTAP allows that): a plan after the results is TAP, not KTAP, and
# kunit.py would read it as a missing test.
#
# ktap_emit RESULT NUMBER DESCRIPTION [DIRECTIVE] writes one result line;
# the VM guest (tests/vm/lib.sh) redefines it to send unnumbered results
# to the host, which numbers them.

KTAP_TESTNO=1
KTAP_CNT_PASS=0
KTAP_CNT_FAIL=0
KTAP_CNT_SKIP=0
KTAP_PLAN=

ktap_print_header() {
	echo "KTAP version 1"
}

ktap_set_plan() {
	KTAP_PLAN=$1
	echo "1..$1"
}

ktap_print_msg() {
	echo "# $*"
}

# ktap_diag: stdin as indented diagnostic lines.
ktap_diag() {
	sed 's/^/#   /'
}

ktap_emit() {
	if [ -n "${4:-}" ]; then
		echo "$1 $2 - $3 # $4"
	else
		echo "$1 $2 - $3"
	fi
}

# A description may not hold "#": KTAP starts the directive there.
__ktap_test() {
	local d=$2
	case $d in *"#"*) d=$(echo "$d" | tr '#' '_') ;; esac
	ktap_emit "$1" "$KTAP_TESTNO" "$d" "${3:-}"
	KTAP_TESTNO=$((KTAP_TESTNO + 1))
}

ktap_test_pass() {
	__ktap_test ok "$*"
	KTAP_CNT_PASS=$((KTAP_CNT_PASS + 1))
}

ktap_test_fail() {
	__ktap_test "not ok" "$*"
	KTAP_CNT_FAIL=$((KTAP_CNT_FAIL + 1))
}

# ktap_test_skip DESCRIPTION [REASON...]
ktap_test_skip() {
	local d=$1
	shift
	__ktap_test ok "$d" "SKIP${*:+ $*}"
	KTAP_CNT_SKIP=$((KTAP_CNT_SKIP + 1))
}

# ktap_test_result DESCRIPTION CMD...: pass if CMD succeeds.
ktap_test_result() {
	local d=$1
	shift
	if "$@"; then
		ktap_test_pass "$d"
	else
		ktap_test_fail "$d"
	fi
}

ktap_print_totals() {
	echo "# Totals: pass:$KTAP_CNT_PASS fail:$KTAP_CNT_FAIL xfail:0 xpass:0 skip:$KTAP_CNT_SKIP error:0"
}

# ktap_finished: print the totals; status 0 if nothing failed, nothing was
# missing from the plan and something was reported.
ktap_finished() {
	local n=$((KTAP_TESTNO - 1))
	ktap_print_totals
	[ "$KTAP_CNT_FAIL" = 0 ] && [ "$n" -gt 0 ] && { [ -z "$KTAP_PLAN" ] || [ "$n" = "$KTAP_PLAN" ]; }
}
