#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# srnic benchmarks: the srnic drivers side by side with the in-tree igb /
# igbvf on the same QEMU (TCG), as KTAP (tests/ktap.sh), one point per
# figure and driver:
#   ok N - bench: <metric> <driver> median=<value> <unit> [min..max] n=<rounds>
# then a side-by-side table (medians, min..max, ratio, "not separable")
# and the totals.  A point is "ok" when every round measured it; it fails
# only when a measurement itself failed (or the VM never got to it).
# Numbers under TCG are only comparable within one run.
#
# One boot per suite tests/vm/bench*/ (suite.conf with in_check=no): its
# 01-rounds.sh measures BENCH_ROUNDS rounds, switching the PF driver
# (srnic_pf, igb) with rmmod/insmod inside the boot in the order AB BA
# AB and, under each, the VF drivers (srnic_vf, igbvf) alternately.  The
# guest reports "# BENCH|..." lines (tests/vm/bench/benchlib.sh) that end
# up in the run's diag.log; this script collects them, report.py
# aggregates them (build/bench/summary.tsv, summary.json) and plot.py
# draws build/bench/bench.png.  See tests/bench/README.rst.
#
# Env:
#   BENCH_ROUNDS=3                rounds (each driver measured once a round)
#   BENCH_PF_DRIVERS="srnic_pf igb"  PF drivers compared (first: the boot's)
#   BENCH_VF_DRIVERS="srnic_vf igbvf"
#   BENCH_SUITES="bench"          suites (default: every tests/vm/bench*/)
#   BENCH_BUILD=0                 do not run `make modules` first
#   BENCH_OUT=DIR                 logs and results (default build/bench)
#   BENCH_REPORT_ONLY=1           no VMs: report again from BENCH_OUT's logs
#   BENCH_IPERF_TIME=3 BENCH_IPERF_REPS=1 BENCH_PING_COUNT=50
#   BENCH_FLR_WINDOW=6            seconds of 0.1 s ping after the FLR
#   BENCH_VF_UNDER_IGB=0          skip the VF benchmarks under the stock igb
#   VM_ARGS="..."                 extra tools/vm.py arguments
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
. "$top/tests/ktap.sh"
KVER=${KVER:-$("$top"/tools/kver.sh 6.12)}
out=${BENCH_OUT:-$top/build/bench}
report_only=${BENCH_REPORT_ONLY:-0}
if [ "$report_only" = 0 ]; then
	rm -rf "$out"
fi
mkdir -p "$out"
t_start=$(date +%s)
BENCH_PF_DRIVERS=${BENCH_PF_DRIVERS:-srnic_pf igb}
BENCH_ROUNDS=${BENCH_ROUNDS:-3}
export BENCH_PF_DRIVERS BENCH_ROUNDS

if [ -z "${BENCH_SUITES:-}" ]; then
	BENCH_SUITES=$(for c in tests/vm/bench*/suite.conf; do
		[ -f "$c" ] && basename "$(dirname "$c")"
	done | tr '\n' ' ')
fi

envargs=()
for v in BENCH_ROUNDS BENCH_PF_DRIVERS BENCH_VF_DRIVERS BENCH_IPERF_TIME \
	BENCH_IPERF_REPS BENCH_PING_COUNT BENCH_FLR_WINDOW BENCH_VF_UNDER_IGB; do
	[ -z "${!v:-}" ] || envargs+=(--env "$v=${!v}")
done
# shellcheck disable=SC2206
vmargs=(${VM_ARGS:-})

ktap_print_header
ktap_print_msg "srnic benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git describe --always --dirty 2> /dev/null || echo '?')"
ktap_print_msg "host: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); $(qemu-system-x86_64 --version 2> /dev/null | head -n 1)"
ktap_print_msg "$BENCH_ROUNDS rounds of PF drivers $BENCH_PF_DRIVERS in one boot (order AB BA AB ...)"
ktap_print_msg "NOTE: QEMU TCG numbers are only comparable within one run (same host,"
ktap_print_msg "same load); they say nothing about real 82576 hardware."

# rounds.tsv: status, side, metric, driver, round, value, unit, note (one
# measurement a line); harness.tsv: failures of the runs themselves
res=$out/rounds.tsv
harness=$out/harness.tsv
notes=$out/notes.txt
: > "$res"
: > "$harness"
: > "$notes"

if [ "${BENCH_BUILD:-1}" = 1 ] && [ "$report_only" = 0 ]; then
	if ! make -s modules KDIR="/lib/modules/$KVER/build" > "$out/modules.log" 2>&1; then
		echo "make modules failed: see ${out#"$top"/}/modules.log" >> "$harness"
		BENCH_SUITES=""
	fi
fi

boot_driver=${BENCH_PF_DRIVERS%% *}
for s in $BENCH_SUITES; do
	log=$out/$s
	rc=0
	if [ "$report_only" = 0 ]; then
		ktap_print_msg "---- boot: suite $s, $BENCH_ROUNDS rounds (logs: ${log#"$top"/}/)"
		t0=$(date +%s)
		l0=$(cut -d' ' -f1 /proc/loadavg)
		python3 tools/vm.py -q --suite "$s" --driver "$boot_driver" --logdir "$log" \
			"${envargs[@]}" "${vmargs[@]}" > "$log.tap" 2> "$log.err" || rc=$?
		echo "$rc" > "$log.rc"
		echo "$s: $(($(date +%s) - t0)) s, host load average $l0 -> $(cut -d' ' -f1 /proc/loadavg)" >> "$out/boots.txt"
		ktap_print_msg "---- boot: suite $s: vm.py exit $rc after $(($(date +%s) - t0)) s"
	else
		rc=$(cat "$log.rc" 2> /dev/null || echo 2)
	fi
	# measured points, and planned ones that were never reported
	if [ -f "$log/diag.log" ]; then
		awk -F'|' -v tag="$s" '
			/^# BENCH-PLAN\|/ {
				k = $2 FS $3 FS $4 FS $5
				if (!(k in seen)) { plan[++np] = k; seen[k] = 1 }
				next
			}
			/^# BENCH\|/ {
				k = $2 FS $3 FS $4 FS $5; got[k] = 1
				st = ($6 == "FAIL") ? "fail" : "ok"
				printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", st, $2, $3, $4, $5, $6, $7, $8
			}
			END {
				for (i = 1; i <= np; i++) if (!(plan[i] in got)) {
					split(plan[i], f, FS)
					printf "fail\t%s\t%s\t%s\t%s\tFAIL\t\tnot measured (run %s stopped before it)\n", f[1], f[2], f[3], f[4], tag
				}
			}' "$log/diag.log" >> "$res"
	fi
	# harness points: a VM that did not finish (or a test killed by its
	# timeout) lost measurements; kernel log findings are noted
	{ grep -E '^not ok' "$log.tap" 2> /dev/null || true; } |
	{ grep -v ' - [0-9a-z/-]*: bench: ' || true; } |
	while read -r line; do
		desc=${line#not ok * - }
		case $desc in
		*/vm:* | *": timeout" | *": exit status" | *": results" | */setup:* | *": round "*" unloaded")
			echo "vm run $s: $desc" >> "$harness" ;;
		*)
			echo "$s: $desc" >> "$notes" ;;
		esac
	done
	if [ "$rc" -ge 2 ] && ! grep -q "^vm run $s:" "$harness"; then
		echo "vm run $s: vm.py exit $rc: $(tail -n 1 "$log.err" 2> /dev/null)" >> "$harness"
	fi
done

# ---- aggregation, KTAP ---------------------------------------------------------
python3 tests/bench/report.py "$res" "$out" > "$out/table.txt"
n=$(($(wc -l < "$out/summary.tsv") + $(wc -l < "$harness") + 1))
ktap_set_plan "$n"
while IFS=$'\t' read -r st metric drv _side unit med lo hi cnt failed _sep; do
	d="bench: $metric $drv median=$med $unit [$lo..$hi] n=$cnt"
	if [ "$st" = ok ]; then
		ktap_test_pass "$d"
	else
		ktap_test_fail "$d"
		ktap_print_msg "  measurement failed in round(s) ${failed:-?}:"
		awk -F'\t' -v m="$metric" -v d="$drv" '$1 != "ok" && $3 == m && $4 == d {
			print "#     round " $5 ": " $8 }' "$res"
	fi
done < "$out/summary.tsv"
while read -r line; do
	ktap_test_fail "$line"
done < "$harness"
if [ -s "$notes" ]; then
	ktap_print_msg "NOTE: the VM harness also reported (not benchmark points):"
	ktap_diag < "$notes"
fi

# ---- side-by-side table, chart ------------------------------------------------
ktap_print_msg ""
ktap_print_msg "Side by side: median [min..max] over the rounds (same QEMU, same boot)."
ktap_print_msg "srnic = srnic_pf / srnic_vf, in-tree = igb / igbvf; [PF x] = VFs under PF driver x;"
ktap_print_msg "ratio = srnic/in-tree of the medians; \"not separable\": the spread of a side"
ktap_print_msg "exceeds the difference of the medians."
cat "$out/table.txt"
ktap_print_msg "(higher is better for Mbit/s; lower for ms, KiB, irq/s, %; \">N\": no recovery within the window)"
if [ -s "$out/boots.txt" ]; then
	ktap_diag < "$out/boots.txt"
fi
grep -h '^# round [0-9]*: PF ' "$out"/*/diag.log 2> /dev/null | sed 's/^# /#   /' || true
chart=$out/bench.png
# python3-matplotlib is Debian's: its python3, not one earlier on PATH
plot_py=/usr/bin/python3
[ -x "$plot_py" ] || plot_py=python3
if "$plot_py" tests/bench/plot.py "$out/summary.json" "$chart" \
	"$BENCH_ROUNDS rounds, $(date -u '+%Y-%m-%d'), commit $(git describe --always --dirty 2> /dev/null || echo '?')" \
	> "$out/plot.log" 2>&1; then
	ktap_test_pass "bench: chart ${chart#"$top"/}"
else
	ktap_test_fail "bench: chart (python3-matplotlib installed? see ${out#"$top"/}/plot.log)"
	ktap_diag < "$out/plot.log"
fi
ktap_print_msg "total time $(($(date +%s) - t_start)) s"
ktap_print_msg "results: ${out#"$top"/}/summary.tsv, summary.json, rounds.tsv; chart: ${chart#"$top"/}; logs: ${out#"$top"/}/"
ktap_finished
