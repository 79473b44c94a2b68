#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Self-test of the VM harness: runs tests/vm/selftest, whose tests fail on
# purpose, and checks that each failure is reported as expected (per-test
# timeout, kernel-log warning, set -e abort, silent test, skip accounting,
# guest panic, hard VM timeout).  Emits KTAP (tests/ktap.sh).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
out=$top/build/harness-selftest
mkdir -p "$out"
. "$top/tests/ktap.sh"
ktap_print_header
# one point per expect line below, and one for the hung VM's kill time
ktap_set_plan $(($(grep -c '^expect\(_not\)\? ' "$top/tests/harness-selftest.sh") + 1))

# expect NAME FILE REGEX: the runner's output has a line matching REGEX.
expect() {
	if grep -Eq "$3" "$2"; then
		ktap_test_pass "harness: $1"
	else
		ktap_test_fail "harness: $1"
		echo "no line matching /$3/ in ${2#"$top"/}" | ktap_diag
	fi
}
# expect_not NAME FILE REGEX: no line matches REGEX.
expect_not() {
	if ! grep -Eq "$3" "$2"; then
		ktap_test_pass "harness: $1"
	else
		ktap_test_fail "harness: $1"
		grep -E "$3" "$2" | head -n 5 | ktap_diag
	fi
}

vm() {
	local name=$1 rc=0
	shift
	python3 tools/vm.py -q --suite selftest --driver igb \
		--logdir "$out/$name" "$@" > "$out/$name.tap" 2>&1 || rc=$?
	echo "$rc" > "$out/$name.rc"
}

# One boot for the in-guest failure modes and a panic at the end.
vm main --env CI_SELFTEST=crash -t 01 -t 02 -t 03 -t 04 -t 05 -t 06 -t 07 -t 08
f=$out/main.tap
expect "runner exits non-zero on failures" "$out/main.rc" '^1$'
expect "control channel, hmp, qmp and trace work" "$f" '^ok [0-9]+ - selftest/01-pass: trace saw the link change'
expect_not "01-pass has no failure" "$f" '^not ok [0-9]+ - selftest/01-pass'
expect "skip is reported as SKIP" "$f" '^ok [0-9]+ - selftest/01-pass: a skipped point # SKIP'
expect "failing check reported" "$f" '^not ok [0-9]+ - selftest/02-fail: false$'
expect "per-test timeout reported" "$f" '^not ok [0-9]+ - selftest/03-timeout: timeout$'
expect "kernel WARNING detected" "$f" '^not ok [0-9]+ - selftest/04-warning: kernel log clean$'
expect "set -e abort reported" "$f" '^not ok [0-9]+ - selftest/05-exit: exit status$'
expect "silent test reported" "$f" '^not ok [0-9]+ - selftest/06-silent: results$'
expect "timed-out test left no processes" "$f" '^ok [0-9]+ - selftest/07-after-timeout: no leftover'
expect "guest panic reported" "$f" '^not ok [0-9]+ - selftest/vm: guest stopped before the suite finished'

# A hung guest: the hard timeout kills the VM.
t0=$(date +%s)
vm hang --env CI_SELFTEST=hang -t 09 --timeout 30
t=$(( $(date +%s) - t0 ))
expect "hard VM timeout reported" "$out/hang.tap" '^not ok [0-9]+ - selftest/vm: hard timeout after 30 s'
rundir=$(grep -o '/tmp/srnic-vm-[A-Za-z0-9_]*' "$out/hang/qemu-cmdline" | head -n 1 || true)
if [ $t -lt 50 ] && [ -n "$rundir" ] && ! pgrep -f "$rundir" > /dev/null; then
	ktap_test_pass "harness: hung VM killed on time (${t}s)"
else
	ktap_test_fail "harness: hung VM killed on time (${t}s)"
fi
ktap_finished
