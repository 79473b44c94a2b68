#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Run libFuzzer binaries, bounded by time or by executions, and report KTAP
# (tests/ktap.sh).
#
# usage: run_fuzz.sh -t SECONDS|-n RUNS [-j JOBS] [-p] BINARY:CORPUS[:SEEDS]...
#   -t SECONDS  total time, split evenly between the targets (they run one
#               after the other)
#   -n RUNS     executions per target (libFuzzer -runs)
#   -j JOBS     parallel workers per target (libFuzzer -fork)
#   -p          run the targets at the same time (one core each)
# Ends with the total executions and time and "N passed, M failed"; exits
# non-zero if any target found something (its input is in CORPUS.crashes/).
set -u
secs= runs= jobs=1 par=0
while getopts "t:n:j:p" o; do
	case $o in
	t) secs=$OPTARG ;;
	n) runs=$OPTARG ;;
	j) jobs=$OPTARG ;;
	p) par=1 ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] && [ -n "$secs$runs" ] || { sed -n 5,14p "$0" >&2; exit 2; }
. "$(dirname "$0")/../ktap.sh"

n=$#
if [ -n "$secs" ]; then
	each=$(( (secs + n - 1) / n ))
	bound="-max_total_time=$each"
	what="$each s each"
else
	bound="-runs=$runs"
	what="$runs runs each"
fi
fork=
[ "$jobs" -gt 1 ] && fork="-fork=$jobs -ignore_crashes=0"

ktap_print_header
ktap_set_plan "$n"
ktap_print_msg "fuzzing $n target(s), $what"

# run_one BINARY CORPUS SEEDS: libFuzzer's log in CORPUS.log, its wall
# time in CORPUS.secs, its exit status in CORPUS.rc
run_one() {
	local bin=$1 corpus=$2 seeds=$3 t0 rc
	mkdir -p "$corpus" "$corpus.crashes"
	t0=$(date +%s)
	# shellcheck disable=SC2086
	"$bin" $fork $bound -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
		-print_final_stats=1 -artifact_prefix="$corpus.crashes/" \
		"$corpus" $seeds > "$corpus.log" 2>&1
	rc=$?
	echo $(( $(date +%s) - t0 )) > "$corpus.secs"
	echo $rc > "$corpus.rc"
}

t0=$(date +%s)
pids=()
for spec in "$@"; do
	IFS=: read -r bin corpus seeds <<< "$spec"
	if [ $par -eq 1 ]; then
		run_one "$bin" "$corpus" "${seeds:-}" &
		pids+=($!)
	else
		run_one "$bin" "$corpus" "${seeds:-}"
	fi
done
[ ${#pids[@]} -gt 0 ] && wait "${pids[@]}"
wall=$(( $(date +%s) - t0 ))

total=0
for spec in "$@"; do
	IFS=: read -r bin corpus seeds <<< "$spec"
	name=$(basename "$bin")
	log=$corpus.log
	rc=$(cat "$corpus.rc")
	t=$(cat "$corpus.secs")
	# with -fork the workers' counts are in the "#N DONE" line only
	r=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
	[ -n "$r" ] || r=$(sed -n 's/^#\([0-9]*\).*DONE.*/\1/p' "$log" | tail -n1)
	r=${r:-0}
	total=$((total + r))
	if [ "$rc" -eq 0 ]; then
		ktap_test_pass "$name ($r runs in $t s, $(( r / (t > 0 ? t : 1) )) exec/s, no crash, invariants held)"
	else
		ktap_test_fail "$name (exit $rc after $r runs in $t s; log $log; reproducer in $corpus.crashes/)"
		grep -E "invariant violated|ERROR: |SUMMARY|runtime error" "$log" | head -n 20 | ktap_diag
	fi
done
ktap_print_msg "total: $total executions in $wall s"
ktap_print_totals
echo "$KTAP_CNT_PASS passed, $KTAP_CNT_FAIL failed"
[ "$KTAP_CNT_FAIL" -eq 0 ]
