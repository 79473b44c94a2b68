#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# srnic benchmarks: the srnic drivers side by side with the in-tree igb /
# igbvf on the same QEMU (TCG), as TAP:
#   ok N - bench: <metric> <driver>=<value> <unit>
# then a side-by-side table (metric | unit | srnic | in-tree) and a final
# "N passed, M failed".  A point is "ok" when it was measured; it fails
# only when the measurement itself failed (or the VM never got to it).
# Numbers under TCG are only comparable within one run.
#
# One boot per suite tests/vm/bench*/ (suite.conf with in_check=no) and PF
# driver (the suite's drivers=, default srnic_pf and igb).  The guest
# reports "# BENCH|..." lines (tests/vm/bench/benchlib.sh) that end up in
# the run's diag.log; this script parses them.  See tests/bench/README.rst.
#
# Env:
#   BENCH_DRIVERS="srnic_pf igb"  PF drivers (overrides the suites' drivers=)
#   BENCH_SUITES="bench"          suites (default: every tests/vm/bench*/)
#   BENCH_BUILD=0                 do not run `make modules` first
#   BENCH_OUT=DIR                 logs and results (default build/bench)
#   BENCH_REPORT_ONLY=1           no VMs: report again from BENCH_OUT's logs
#   BENCH_IPERF_TIME=5 BENCH_IPERF_REPS=2 BENCH_PING_COUNT=50
#   BENCH_FLR_WINDOW=6            seconds of 0.1 s ping after the FLR
#   BENCH_VF_UNDER_IGB=0          skip the VF benchmarks under the stock igb
#   BENCH_VF_DRIVERS="srnic_vf igbvf"
#   VM_ARGS="..."                 extra tools/vm.py arguments
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
KVER=${KVER:-$("$top"/tools/kver.sh 6.12)}
out=${BENCH_OUT:-$top/build/bench}
report_only=${BENCH_REPORT_ONLY:-0}
if [ "$report_only" = 0 ]; then
	rm -rf "$out"
fi
mkdir -p "$out"
t_start=$(date +%s)

if [ -z "${BENCH_SUITES:-}" ]; then
	BENCH_SUITES=$(for c in tests/vm/bench*/suite.conf; do
		[ -f "$c" ] && basename "$(dirname "$c")"
	done | tr '\n' ' ')
fi

envargs=()
for v in BENCH_IPERF_TIME BENCH_IPERF_REPS BENCH_PING_COUNT BENCH_FLR_WINDOW \
	BENCH_VF_UNDER_IGB BENCH_VF_DRIVERS; do
	[ -z "${!v:-}" ] || envargs+=(--env "$v=${!v}")
done
# shellcheck disable=SC2206
vmargs=(${VM_ARGS:-})

echo "# srnic benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git describe --always --dirty 2> /dev/null || echo '?')"
echo "# host: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); $(qemu-system-x86_64 --version 2> /dev/null | head -n 1)"
echo "# NOTE: QEMU TCG numbers are only comparable within one run (same host,"
echo "# same load); they say nothing about real 82576 hardware."

# results.tsv: status, side, metric, driver, value, unit, note
res=$out/results.tsv
: > "$res"
notes=$out/notes.txt
: > "$notes"

if [ "${BENCH_BUILD:-1}" = 1 ] && [ "$report_only" = 0 ]; then
	if ! make -s modules KDIR="/lib/modules/$KVER/build" > "$out/modules.log" 2>&1; then
		printf 'fail\t-\tmake modules\tsrnic\tFAIL\t\tsee %s\n' "$out/modules.log" >> "$res"
		BENCH_SUITES=""
	fi
fi

for s in $BENCH_SUITES; do
	drivers=$(sed -n 's/^drivers=//p' "tests/vm/$s/suite.conf")
	[ -n "${BENCH_DRIVERS:-}" ] && drivers=$BENCH_DRIVERS
	for d in ${drivers:-srnic_pf igb}; do
		log=$out/$s-$d
		rc=0
		if [ "$report_only" = 0 ]; then
			echo "# ---- boot: suite $s, PF driver $d (logs: ${log#"$top"/}/)"
			t0=$(date +%s)
			l0=$(cut -d' ' -f1 /proc/loadavg)
			python3 tools/vm.py -q --suite "$s" --driver "$d" --logdir "$log" \
				"${envargs[@]}" "${vmargs[@]}" > "$log.tap" 2> "$log.err" || rc=$?
			echo "$rc" > "$log.rc"
			echo "$s/$d: $(($(date +%s) - t0)) s, host load average $l0 -> $(cut -d' ' -f1 /proc/loadavg)" >> "$out/boots.txt"
			echo "# ---- boot: suite $s, PF driver $d: vm.py exit $rc after $(($(date +%s) - t0)) s"
		else
			rc=$(cat "$log.rc" 2> /dev/null || echo 2)
		fi
		# measured points, and planned ones that were never reported
		if [ -f "$log/diag.log" ]; then
			awk -F'|' -v tag="$s/$d" '
				/^# BENCH-PLAN\|/ { k = $2 FS $3 FS $4; if (!(k in seen)) { plan[++np] = k; seen[k] = 1 } next }
				/^# BENCH\|/ {
					k = $2 FS $3 FS $4; got[k] = 1
					st = ($5 == "FAIL") ? "fail" : "ok"
					printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", st, $2, $3, $4, $5, $6, $7
				}
				END {
					for (i = 1; i <= np; i++) if (!(plan[i] in got)) {
						split(plan[i], f, FS)
						printf "fail\t%s\t%s\t%s\tFAIL\t\tnot measured (run %s stopped before it)\n", f[1], f[2], f[3], tag
					}
				}' "$log/diag.log" >> "$res"
		fi
		# harness points: a VM that did not finish (or a test killed by
		# its timeout) lost measurements; kernel log findings are noted
		{ grep -E '^not ok' "$log.tap" 2> /dev/null || true; } |
		{ grep -v ' - [0-9a-z/-]*: bench: ' || true; } |
		while read -r line; do
			desc=${line#not ok * - }
			case $desc in
			vm:* | *": timeout" | *": exit status" | *": results" | boot:* | setup:*)
				printf 'fail\t-\tvm run %s/%s\t%s\tFAIL\t\t%s\n' "$s" "$d" "$d" "$desc" >> "$res" ;;
			*)
				echo "$s/$d: $desc" >> "$notes" ;;
			esac
		done
		if [ "$rc" -ge 2 ] && ! grep -q "vm run $s/$d" "$res"; then
			printf 'fail\t-\tvm run %s/%s\t%s\tFAIL\t\tvm.py exit %s: %s\n' "$s" "$d" "$d" "$rc" \
				"$(tail -n 1 "$log.err" 2> /dev/null)" >> "$res"
		fi
	done
done

# ---- TAP -------------------------------------------------------------------
n=0
pass=0
fail=0
while IFS=$'\t' read -r st _side metric drv val unit note; do
	n=$((n + 1))
	if [ "$st" = ok ]; then
		pass=$((pass + 1))
		echo "ok $n - bench: $metric $drv=$val $unit"
	else
		fail=$((fail + 1))
		echo "not ok $n - bench: $metric $drv (measurement failed)"
	fi
	[ -z "$note" ] || echo "#   $note"
done < "$res"
echo "1..$n"
if [ -s "$notes" ]; then
	echo "# NOTE: the VM harness also reported (not benchmark points):"
	sed 's/^/#   /' "$notes"
fi

# ---- side-by-side table ------------------------------------------------------
echo "#"
echo "# Side by side (same QEMU, same run; TCG: compare columns, not absolute values)."
echo "# srnic = srnic_pf / srnic_vf, in-tree = igb / igbvf; [PF x] = VFs under PF driver x."
awk -F'\t' '
	$2 == "srnic" || $2 == "intree" {
		if (!($3 in row)) { row[$3] = ++nr; name[nr] = $3 }
		r = row[$3]
		if ($6 != "") unit[r] = $6
		v = ($1 == "ok") ? $5 : "FAIL"
		if ($2 == "srnic") { s[r] = v; sd[r] = $4 } else { t[r] = v; td[r] = $4 }
	}
	END {
		w = length("metric")
		for (i = 1; i <= nr; i++) if (length(name[i]) > w) w = length(name[i])
		fmt = "# %-" w "s | %-6s | %10s | %10s | %s\n"
		printf fmt, "metric", "unit", "srnic", "in-tree", "srnic/in-tree"
		line = ""
		for (i = 0; i < w + 52; i++) line = line "-"
		print "# " line
		for (i = 1; i <= nr; i++) {
			a = (i in s) ? s[i] : "-"; b = (i in t) ? t[i] : "-"
			ratio = ""
			if (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && b + 0 != 0)
				ratio = sprintf("%.2f", a / b)
			printf fmt, name[i], unit[i], a, b, ratio
		}
		print "# (higher is better for Mbit/s; lower for ms, KiB; \">N\": no recovery within the window)"
	}' "$res"
if [ -s "$out/boots.txt" ]; then
	echo "# boots (each PF driver is a separate boot; a change of host load between"
	echo "# them skews the PF columns, within a boot srnic_vf runs first, then igbvf):"
	sed 's/^/#   /' "$out/boots.txt"
fi
echo "# total time $(($(date +%s) - t_start)) s; results: ${res#"$top"/}, logs: ${out#"$top"/}/"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
