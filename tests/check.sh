#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Everything `make check` runs, in order, as TAP:
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
# Ends with "N passed, M failed, K skipped"; exits non-zero on any failure.
# A skipped point is never counted as passed.
#
# Env:
#   DRIVER=srnic_pf|igb    PF driver for suites that name none (default srnic_pf)
#   CHECK_DRIVERS="igb"    override every suite's drivers= list
#   CHECK_STAGES="static unit modules vm harness docs pkg"   stages to run
#                          (add "debug" for the debug-kernel tier)
#   DEBUG_SUITES="kunit sriov"  VM suites of the debug stage
#   CHECK_SUITES="pf"      VM suites (default: all with a suite.conf)
#   CHECK_TESTS="ping,mtu" only these guest tests (substring match)
#   VM_ARGS="..."          extra tools/vm.py arguments
set -euo pipefail

# The whole script is one brace group: bash parses it before running it, so
# editing this file during a long run cannot break that run.
{
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
KVER=${KVER:-$(tools/kver.sh 6.12)}
DRIVER=${DRIVER:-srnic_pf}
CHECK_STAGES=${CHECK_STAGES:-static unit modules vm harness docs pkg}
out=${CHECK_OUT:-$top/build/check}
rm -rf "$out"
mkdir -p "$out"
export DRIVER

if [ -z "${CHECK_SUITES:-}" ]; then
	# every suite with a suite.conf, except those marked in_check=no
	CHECK_SUITES=$(for c in tests/vm/*/suite.conf; do
		[ -f "$c" ] || continue
		grep -qx 'in_check=no' "$c" || basename "$(dirname "$c")"
	done | tr '\n' ' ')
fi

timings=()
stage_no=0
# stage NAME CMD...: run CMD, keep its TAP in build/check/NN-NAME.tap and
# its exit status in .rc.
stage() {
	local name=$1 rc t0 f
	shift
	stage_no=$((stage_no + 1))
	f=$out/$(printf '%02d' $stage_no)-$name
	echo "# ==== $name: $*"
	t0=$(date +%s)
	{
		rc=0
		"$@" 2>&1 || rc=$?
		echo "$rc" > "$f.rc"
	} | tee "$f.tap"
	rc=$(cat "$f.rc")
	timings+=("$name $(( $(date +%s) - t0 ))s")
	echo "# ==== $name: exit $rc after $(( $(date +%s) - t0 ))s"
	return 0
}

want() {
	case " $CHECK_STAGES " in *" $1 "*) return 0 ;; esac
	return 1
}

build_modules() {
	local kdir=/lib/modules/$KVER/build
	if make -s modules KDIR="$kdir" > "$out/modules.log" 2>&1; then
		echo "ok 1 - make modules for $KVER: $(ls ./*.ko 2> /dev/null | xargs -r -n1 basename | tr '\n' ' ')"
	else
		echo "not ok 1 - make modules for $KVER"
		tail -n 30 "$out/modules.log" | sed 's/^/#   /'
	fi
	echo "1..1"
}

# the debug kernel, built once per machine, and srnic in its tree (W=1)
debug_kernel() {
	local t0 d
	t0=$(date +%s)
	if d=$(tools/debug-kernel.sh 2> "$out/debug-kernel.log" | tail -n 1); then
		echo "ok 1 - debug kernel and srnic in-tree (W=1, no warnings) in $(( $(date +%s) - t0 )) s"
		echo "# $d"
	else
		echo "not ok 1 - debug kernel and srnic in-tree (W=1, no warnings)"
		tail -n 30 "$out/debug-kernel.log" | sed 's/^/#   /'
	fi
	echo "1..1"
}

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
		# a suite may name the PF drivers it runs under (mixed pairs:
		# srnic_vf under srnic_pf and under the stock igb)
		drivers=$(sed -n 's/^drivers=//p' "tests/vm/$s/suite.conf")
		[ -n "${CHECK_DRIVERS:-}" ] && drivers=$CHECK_DRIVERS
		for d in ${drivers:-$DRIVER}; do
			stage "vm-$s-$d" python3 tools/vm.py -q --suite "$s" --driver "$d" "${vmargs[@]}"
		done
	done
fi

want harness && stage harness tests/harness-selftest.sh
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

# Count top-level TAP points of every stage; a stage that failed without
# reporting a failing point counts as one failure.
pass=0
fail=0
skipn=0
for f in "$out"/*.tap; do
	[ -f "$f" ] || continue
	read -r p m k < <(awk '
		/^not ok([ \t]|$)/ { m++; next }
		/^ok([ \t]|$)/ { if (tolower($0) ~ /#[ \t]*skip/) k++; else p++; next }
		END { print p + 0, m + 0, k + 0 }' "$f")
	rc=$(cat "${f%.tap}.rc")
	if [ "$rc" != 0 ] && [ "$m" = 0 ]; then
		echo "not ok - $(basename "${f%.tap}"): exited $rc without a failing point"
		m=1
	fi
	if [ $((p + m + k)) = 0 ]; then
		echo "not ok - $(basename "${f%.tap}"): no results"
		m=1
	fi
	pass=$((pass + p))
	fail=$((fail + m))
	skipn=$((skipn + k))
done

echo "# timings: ${timings[*]:-none}"
echo "# logs: build/check/ (TAP per stage), build/vm/<suite>-<driver>/ (VM logs)"
echo "$pass passed, $fail failed, $skipn skipped"
[ "$fail" = 0 ]
exit
}
