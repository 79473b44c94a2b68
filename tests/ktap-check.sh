#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Does `make check` speak KTAP? The kernel's own parser decides:
# tools/testing/kunit/kunit.py parse, from the linux-source-6.12 tarball
# that tools/setup.sh installs (the few files needed are unpacked once into
# build/kunit-tool/).
#
#   ktap-check.sh agree FILE   kunit.py parse FILE reports the counts of
#                              FILE's closing "N passed, M failed, K
#                              skipped" line, with nothing crashed and no
#                              parse error (tests/check.sh's last stage runs
#                              it on the run's own output)
#   ktap-check.sh canned       KTAP points: tests/check.sh on canned stages
#                              (failures, skips, a stage that exits non-zero
#                              without a failing point, a silent one, log
#                              lines that look like KTAP), the unit runner's
#                              name filter, tests/ktap.sh beside the
#                              kernel's ktap_helpers.sh
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
tool=$top/build/kunit-tool
kunit=$tool/tools/testing/kunit/kunit.py
helpers=$tool/tools/testing/selftests/kselftest/ktap_helpers.sh
. "$top/tests/ktap.sh"

# kunit_tool: unpack kunit.py (it needs its sibling modules) and
# ktap_helpers.sh from the tarball unless the cached copy is of this one.
kunit_tool() {
	local tarball src stamp
	# kunit.py finds its kernel tree by the path tools/testing/kunit
	tarball=$(ls /usr/src/linux-source-6.12*.tar.* 2> /dev/null | head -n 1)
	if [ -z "$tarball" ]; then
		echo "no /usr/src/linux-source-6.12*.tar.* (tools/setup.sh installs linux-source-6.12)" >&2
		return 1
	fi
	src=$(basename "$tarball" | sed 's/\.tar\..*//')
	stamp="$tarball $(stat -c '%s %Y' "$tarball")"
	if [ "$(cat "$tool/.stamp" 2> /dev/null)" != "$stamp" ] || [ ! -f "$kunit" ] ||
		[ ! -f "$helpers" ]; then
		rm -rf "$tool"
		mkdir -p "$tool"
		tar -C "$tool" -xf "$tarball" --strip-components=1 --wildcards --no-wildcards-match-slash \
			"$src/tools/testing/kunit/*.py" \
			"$src/tools/testing/selftests/kselftest/ktap_helpers.sh" || return 1
		echo "$stamp" > "$tool/.stamp"
	fi
	[ -f "$kunit" ] && [ -f "$helpers" ]
}

# kunit_counts FILE: "passed failed crashed skipped errors" as kunit.py
# parse reports them for FILE.
kunit_counts() {
	local line
	line=$(python3 "$kunit" parse < "$1" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' |
		grep 'Testing complete\.' | tail -n 1) || true
	[ -n "$line" ] || { echo "kunit.py parse printed no summary" >&2; return 1; }
	echo "kunit.py: ${line#*Testing complete. }" >&2
	for w in passed failed crashed skipped errors; do
		echo "$line" | sed -n "s/.*[ ,:]$w: \([0-9]*\).*/\1/p;t;s/.*/0/p"
	done | tr '\n' ' '
	echo
}

# agree FILE: kunit.py's counts are FILE's closing line's.
agree() {
	local want got p f s
	want=$(grep -E '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$1" | tail -n 1)
	[ -n "$want" ] || { echo "no closing 'N passed, M failed, K skipped' line in $1"; return 1; }
	read -r p f s <<< "$(echo "$want" | tr -dc '0-9 \n' | tr -s ' ')"
	got=$(kunit_counts "$1") || return 1
	echo "closing line: $want"
	echo "kunit.py parse: passed $(echo "$got" | cut -d' ' -f1), failed $(echo "$got" | cut -d' ' -f2), crashed $(echo "$got" | cut -d' ' -f3), skipped $(echo "$got" | cut -d' ' -f4), errors $(echo "$got" | cut -d' ' -f5)"
	[ "$got" = "$p $f 0 $s 0 " ]
}

# canned_stage NAME RC LINES...: one stage for tests/check.sh to replay.
canned_stage() {
	local name=$1 rc=$2
	shift 2
	printf '%s\n' "$@" > "$canned/$name.out"
	echo "$rc" > "$canned/$name.rc"
}

canned() {
	local tmp out rc=0 n
	ktap_print_header
	ktap_set_plan 6
	if ! o=$(kunit_tool 2>&1); then
		ktap_test_fail "kunit.py and ktap_helpers.sh from the linux-source-6.12 tarball"
		echo "$o" | ktap_diag
		ktap_test_skip "canned check.sh run: kunit.py agrees" "no kunit.py"
		ktap_test_skip "a wrong closing line is caught" "no kunit.py"
		ktap_test_skip "unit runner: a filtered test is a skip" "no kunit.py"
		ktap_test_skip "tests/ktap.sh speaks like ktap_helpers.sh" "no kunit.py"
		ktap_test_skip "tests/ktap.sh in busybox sh" "no kunit.py"
		ktap_finished
		return
	fi
	ktap_test_pass "kunit.py and ktap_helpers.sh from the linux-source-6.12 tarball"

	tmp=$top/build/ktap-check
	rm -rf "$tmp"
	canned=$tmp/stages
	mkdir -p "$canned"
	# 1 pass, 2 skips (one lower-case), plan at the end (TAP style)
	canned_stage 1-skips 0 "TAP version 13" "ok 1 - a" "ok 2 - b # SKIP no b" \
		"ok 3 - c # skip no c" "1..3"
	# 1 pass, 1 failure; log lines that look like KTAP or end kunit.py's
	# input; a plan up front
	canned_stage 2-fail 1 "KTAP version 1" "1..2" "ok 1 - a" "# Subtest: fake" \
		"    ok 7 - indented, not a point" "  1..9" "reboot: System halted" \
		"Kernel panic - not syncing: VFS: Unable to mount root fs" \
		"not ok 2 - b" "List of all partitions:"
	# exits 2 without a failing point: 1 pass, 1 failure
	canned_stage 3-exit 2 "ok 1 - a"
	# reports nothing: 1 failure
	canned_stage 4-silent 0 "make: nothing to be done"
	# plan of 3, 1 reported: 1 pass, 1 failure
	canned_stage 5-short 0 "1..3" "ok 1 - a"
	# a failure with a SKIP directive is a failure
	canned_stage 6-notok-skip 1 "not ok 1 - a # SKIP but failed"
	# two documents in one stage (make -C tests/unit check): 2 passes
	canned_stage 7-two-docs 0 "TAP version 13" "1..1" "ok 1 - u" "1 passed, 0 failed" \
		"TAP version 13" "1..1" "ok 1 - f"
	# a point named like its stage
	canned_stage 8-named 0 "ok 1 - canned-8-named"
	out=$tmp/check.out
	CHECK_STAGES=canned CHECK_CANNED=$canned CHECK_OUT=$tmp/check \
		tests/check.sh > "$out" 2>&1 || rc=$?
	if [ "$(tail -n 1 "$out")" = "7 passed, 5 failed, 2 skipped" ] && [ $rc = 1 ] &&
		agree "$out" > "$tmp/agree.log" 2>&1; then
		ktap_test_pass "canned check.sh run: 7 passed, 5 failed, 2 skipped, exit 1; kunit.py agrees"
	else
		ktap_test_fail "canned check.sh run: 7 passed, 5 failed, 2 skipped, exit 1; kunit.py agrees"
		{ echo "exit $rc"; tail -n 1 "$out"; cat "$tmp/agree.log"; } | ktap_diag
	fi
	ktap_diag < "$tmp/agree.log"

	# the comparison can fail: the same output with a wrong count
	sed '$ s/^7 passed/8 passed/' "$out" > "$tmp/wrong.out"
	if ! agree "$tmp/wrong.out" > "$tmp/wrong.log" 2>&1; then
		ktap_test_pass "a wrong closing line is caught"
	else
		ktap_test_fail "a wrong closing line is caught"
		ktap_diag < "$tmp/wrong.log"
	fi

	# the unit runner with a name filter: one test runs, the rest skip
	rc=0
	make -s -C tests/unit all > "$tmp/unit-build.log" 2>&1 &&
		tests/unit/build/unit_tests vfc_rate_hint_api_1_0 > "$tmp/unit.out" 2>&1 || rc=$?
	n=$(grep -c '^ok [0-9]* - ' "$tmp/unit.out" || true)
	if [ $rc = 0 ] && [ "$n" -gt 1 ] &&
		[ "$(tail -n 1 "$tmp/unit.out")" = "1 passed, 0 failed, $((n - 1)) skipped" ] &&
		agree "$tmp/unit.out" > "$tmp/unit-agree.log" 2>&1; then
		ktap_test_pass "unit runner: a filtered test is a skip (1 passed, $((n - 1)) skipped)"
	else
		ktap_test_fail "unit runner: a filtered test is a skip"
		{ echo "exit $rc"; tail -n 3 "$tmp/unit.out" "$tmp/unit-build.log"; cat "$tmp/unit-agree.log" 2> /dev/null; } | ktap_diag
	fi

	# the same calls through both emitters: same counts, same totals line
	helpers_run() {
		bash -c '. "$1"; ktap_print_header; ktap_set_plan 3
			ktap_test_pass first; ktap_test_skip second; ktap_test_fail third
			ktap_print_totals' - "$1"
	}
	helpers_run "$helpers" > "$tmp/kernel.ktap" 2>&1 || true
	helpers_run "$top/tests/ktap.sh" > "$tmp/ours.ktap" 2>&1 || true
	if [ "$(kunit_counts "$tmp/kernel.ktap" 2> /dev/null)" = "1 1 0 1 0 " ] &&
		[ "$(kunit_counts "$tmp/ours.ktap" 2> /dev/null)" = "1 1 0 1 0 " ] &&
		[ "$(tail -n 1 "$tmp/kernel.ktap")" = "$(tail -n 1 "$tmp/ours.ktap")" ]; then
		ktap_test_pass "tests/ktap.sh speaks like ktap_helpers.sh"
	else
		ktap_test_fail "tests/ktap.sh speaks like ktap_helpers.sh"
		paste -d'|' "$tmp/kernel.ktap" "$tmp/ours.ktap" | ktap_diag
	fi

	# the guest (busybox ash) sources it too
	if command -v busybox > /dev/null &&
		busybox sh -c '. "$1"; ktap_test_skip a "why"; ktap_test_pass "b # c"; ktap_finished' - \
			"$top/tests/ktap.sh" > "$tmp/ash.out" 2>&1 &&
		[ "$(head -n 2 "$tmp/ash.out" | tr '\n' '|')" = "ok 1 - a # SKIP why|ok 2 - b _ c|" ]; then
		ktap_test_pass "tests/ktap.sh in busybox sh"
	else
		ktap_test_fail "tests/ktap.sh in busybox sh"
		ktap_diag < "$tmp/ash.out"
	fi
	ktap_finished
}

case ${1:-} in
agree)
	kunit_tool && agree "$2"
	;;
canned)
	canned
	;;
*)
	sed -n 9,19p "$0" >&2
	exit 2
	;;
esac
