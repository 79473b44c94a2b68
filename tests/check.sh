#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Everything `make check` runs, in order, as one KTAP document (version
# line, a plan with one point per stage, each stage a subtest):
#   1. tests/static/build-matrix.sh  (W=1 C=1 builds for 6.12 and 6.1,
#                                    checkpatch --strict)
#   2. make -C tests/unit check      (if tests/unit/Makefile exists)
#   3. make modules                  (the .ko files the VM loads)
#   4. the VM suites: tools/vm.py --suite S for every tests/vm/S/suite.conf
#   5. tests/harness-selftest.sh     (the harness reports hangs, panics,
#                                    warnings and timeouts as failures)
#   6. docs: sphinx-build -W of Documentation/
#   7. pkg: tests/pkg/*.sh on this host, as root (DKMS for 6.1 and 6.12,
#      make deb + apt install/remove, make sign/install/uninstall); each
#      cleans up after itself
#   8. debug (only when asked: make check-debug): the KASAN/lockdep/DMA-API/
#      kmemleak kernel with srnic in its tree (tools/debug-kernel.sh),
#      DEBUG_SUITES on it, and the detectors' self-test
#      (tests/debug-selftest.sh)
#   9. ktap: the kernel's kunit.py parse (from the linux-source-6.12
#      tarball) on canned runs of this script, and last on this run's own
#      output: its counts must be the closing line's
# Ends with "N passed, M failed, K skipped"; exits non-zero on any failure.
# A skipped point is never counted as passed; a stage that exits non-zero
# without a failing point, or reports nothing, counts one failure.
#
# Env:
#   DRIVER=srnic_pf|igb    PF driver for suites that name none (default srnic_pf)
#   CHECK_DRIVERS="igb"    override every suite's drivers= list
#   CHECK_STAGES="static unit modules vm harness docs pkg ktap"   stages to run
#                          (add "debug" for the debug-kernel tier)
#   DEBUG_SUITES="kunit sriov"  VM suites of the debug stage
#   CHECK_SUITES="pf"      VM suites (default: all with a suite.conf)
#   CHECK_TESTS="ping,mtu" only these guest tests (substring match)
#   VM_ARGS="..."          extra tools/vm.py arguments
#   CHECK_OUT=dir          where the logs go (default build/check)
#   CHECK_CANNED=dir       with CHECK_STAGES=canned: replay dir/*.out as
#                          stages (exit status in *.rc), for tests/ktap-check.sh
set -euo pipefail
# The whole script is one brace group: bash parses it before running it, so
# editing this file during a long run cannot break that run.
{
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
KVER=${KVER:-$(tools/kver.sh 6.12)}
DRIVER=${DRIVER:-srnic_pf}
CHECK_STAGES=${CHECK_STAGES:-static unit modules vm harness docs pkg ktap}
out=${CHECK_OUT:-$top/build/check}
rm -rf "$out"
mkdir -p "$out"
ktap=$out/check.ktap
export DRIVER
. tests/ktap.sh

if [ -z "${CHECK_SUITES:-}" ]; then
	# every suite with a suite.conf, except those marked in_check=no
	CHECK_SUITES=$(for c in tests/vm/*/suite.conf; do
		[ -f "$c" ] || continue
		grep -qx 'in_check=no' "$c" || basename "$(dirname "$c")"
	done | tr '\n' ' ')
fi

stage_no=0
stage_total=0
timings=()
pass=0
fail=0
skipn=0

# say LINE: one line of the KTAP document, on stdout and in $ktap (the
# copy the last stage parses).
say() {
	printf '%s\n' "$*"
	printf '%s\n' "$*" >> "$ktap"
}

# stage NAME CMD...: one subtest. CMD's own output is kept as it was in
# build/check/NN-NAME.tap and its exit status in .rc; on stdout it goes
# through tests/ktap-wrap.awk. In the counting pass it only counts.
stage() {
	local name=$1 rc t0 f p m k n
	shift
	stage_total=$((stage_total + 1))
	[ "$mode" = run ] || return 0
	stage_no=$((stage_no + 1))
	f=$out/$(printf '%02d' $stage_no)-$name
	say "# ==== $name: $*"
	say "  KTAP version 1"
	say "  # Subtest: $name"
	t0=$(date +%s)
	{
		rc=0
		"$@" 2>&1 || rc=$?
		echo "$rc" > "$f.rc"
	} | tee "$f.tap" | awk -v name="$name" -v copy="$ktap" -v counts="$f.counts" \
		-f "$top/tests/ktap-wrap.awk"
	rc=$(cat "$f.rc")
	read -r p m k n < "$f.counts"
	timings+=("$name $(( $(date +%s) - t0 ))s")
	say "  # ==== $name: exit $rc after $(( $(date +%s) - t0 ))s"
	stage_close "$stage_no" "$name" "$rc" "$p" "$m" "$k" "$n"
}

# stage_close NUMBER NAME RC PASSED FAILED SKIPPED POINTS: the points the
# stage owes (exit status, no results) and its result line; adds to the
# totals.
stage_close() {
	local no=$1 name=$2 rc=$3 p=$4 m=$5 k=$6 n=$7
	if [ "$rc" != 0 ] && [ "$m" = 0 ]; then
		n=$((n + 1))
		m=1
		say "  not ok $n - $name: exited $rc without a failing point"
	elif [ $((p + m + k)) = 0 ]; then
		n=$((n + 1))
		m=1
		say "  not ok $n - $name: no results"
	fi
	if [ "$m" != 0 ]; then
		say "not ok $no - $name"
	elif [ "$p" = 0 ]; then
		say "ok $no - $name # SKIP every point skipped"
	else
		say "ok $no - $name"
	fi
	pass=$((pass + p))
	fail=$((fail + m))
	skipn=$((skipn + k))
}

# summary PASSED FAILED SKIPPED: the closing lines.
summary() {
	say "# timings: ${timings[*]:-none}"
	say "# logs: ${out#"$top"/}/ (output per stage), build/vm/<suite>-<driver>/ (VM logs)"
	say "# Totals: pass:$1 fail:$2 xfail:0 xpass:0 skip:$3 error:0"
	say "$1 passed, $2 failed, $3 skipped"
}

want() {
	case " $CHECK_STAGES " in *" $1 "*) return 0 ;; esac
	return 1
}

# build_modules: a stage, so it runs in a subshell with its own counters.
build_modules() {
	local kdir=/lib/modules/$KVER/build
	ktap_print_header
	ktap_set_plan 1
	if make -s modules KDIR="$kdir" > "$out/modules.log" 2>&1; then
		ktap_test_pass "make modules for $KVER: $(ls ./*.ko 2> /dev/null | xargs -r -n1 basename | tr '\n' ' ')"
	else
		ktap_test_fail "make modules for $KVER"
		tail -n 30 "$out/modules.log" | ktap_diag
	fi
	ktap_finished
}

# debug_kernel: a stage; the debug kernel, built once per machine, and
# srnic in its tree (W=1, no warnings)
debug_kernel() {
	local t0 d
	ktap_print_header
	ktap_set_plan 1
	t0=$(date +%s)
	if d=$(tools/debug-kernel.sh 2> "$out/debug-kernel.log" | tail -n 1); then
		ktap_test_pass "debug kernel and srnic in-tree (W=1, no warnings) in $(( $(date +%s) - t0 )) s"
		echo "$d" | ktap_diag
	else
		ktap_test_fail "debug kernel and srnic in-tree (W=1, no warnings)"
		tail -n 30 "$out/debug-kernel.log" | ktap_diag
	fi
	ktap_finished
}

# replay FILE: a canned stage (tests/ktap-check.sh): FILE's lines, then the
# exit status in FILE's .rc.
replay() {
	cat "$1"
	return "$(cat "${1%.out}.rc" 2> /dev/null || echo 0)"
}

# ktap_selfcheck: the last stage. This run's document so far, plus the end
# it will have if this point passes, must parse with kunit.py to the
# counts of its closing line. (If the point fails, the real end differs
# from the predicted one only in that failure, which it reports.)
ktap_selfcheck() {
	local pred=$out/ktap-predicted desc="kunit.py parse of this run's KTAP agrees with its closing line"
	cp "$ktap" "$pred"
	(
		# shellcheck disable=SC2030
		ktap=$pred
		echo "ok 1 - $desc" | awk -v name=ktap-run -v counts=/dev/null \
			-f "$top/tests/ktap-wrap.awk" >> "$pred"
		stage_close "$stage_no" ktap-run 0 1 0 0 1 > /dev/null
		summary "$pass" "$fail" "$skipn" > /dev/null
	)
	if tests/ktap-check.sh agree "$pred" > "$out/ktap-agree.log" 2>&1; then
		echo "ok 1 - $desc"
	else
		echo "not ok 1 - $desc"
	fi
	sed 's/^/#   /' "$out/ktap-agree.log"
}

# All stages, in order; called twice: to count them (the plan) and to run.
stages() {
	want static && stage static tests/static/build-matrix.sh
	if want unit && [ -f tests/unit/Makefile ]; then
		stage unit make -s -C tests/unit check
	fi
	want modules && stage modules build_modules
	vmargs=()
	if [ -n "${CHECK_TESTS:-}" ]; then
		IFS=, read -r -a tl <<< "$CHECK_TESTS"
		for t in "${tl[@]}"; do vmargs+=(-t "$t"); done
	fi
	# shellcheck disable=SC2206
	vmargs+=(${VM_ARGS:-})
	if want vm; then
		for s in $CHECK_SUITES; do
			# a suite may name the PF drivers it runs under (mixed
			# pairs: srnic_vf under srnic_pf and under the stock igb)
			drivers=$(sed -n 's/^drivers=//p' "tests/vm/$s/suite.conf")
			[ -n "${CHECK_DRIVERS:-}" ] && drivers=$CHECK_DRIVERS
			for d in ${drivers:-$DRIVER}; do
				stage "vm-$s-$d" python3 tools/vm.py -q --suite "$s" --driver "$d" "${vmargs[@]}"
			done
		done
	fi
	want harness && stage harness tests/harness-selftest.sh
	# make bench's report and chart on a fixture (no VM)
	want harness && stage bench-report tests/bench/selftest.sh
	want docs && stage docs tests/docs.sh
	if want pkg; then
		for t in tests/pkg/dkms.sh tests/pkg/deb.sh tests/pkg/install.sh; do
			stage "pkg-$(basename "$t" .sh)" "$t"
		done
	fi
	if want debug; then
		stage debug-kernel debug_kernel
		for s in ${DEBUG_SUITES:-kunit pf sriov vf failover hostile-vf}; do
			stage "vm-debug-$s" python3 tools/vm.py -q --suite "$s" --driver srnic_pf \
				--debug-kernel --logdir "build/vm-debug/$s" "${vmargs[@]}"
		done
		stage debug-selftest tests/debug-selftest.sh
	fi
	if want canned; then
		for c in "$CHECK_CANNED"/*.out; do
			[ -f "$c" ] && stage "canned-$(basename "$c" .out)" replay "$c"
		done
	fi
	if want ktap; then
		stage ktap tests/ktap-check.sh canned
		# last: it reads everything before it
		stage ktap-run ktap_selfcheck
	fi
	return 0
}

: > "$ktap"
mode=count
stages
mode=run
say "KTAP version 1"
say "1..$stage_total"
stages

summary "$pass" "$fail" "$skipn"
[ "$fail" = 0 ]
exit
}
