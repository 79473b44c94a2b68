#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Run a libFuzzer binary for a bounded time and report TAP.
# usage: run_fuzz.sh BINARY CORPUS_DIR SECONDS [JOBS [SEED_DIR]]
bin=$1 corpus=$2 secs=${3:-30} jobs=${4:-1} seeds=$5
name=$(basename "$bin")
log=$corpus.log
mkdir -p "$corpus" "$corpus.crashes"
echo "TAP version 13"
echo "1..1"
echo "# $name: fuzzing for $secs s (FUZZ_SECONDS), corpus $corpus"
if [ "$jobs" -gt 1 ]; then
	par="-fork=$jobs -ignore_crashes=0"
else
	par=""
fi
"$bin" $par -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
	-max_len=4096 -print_final_stats=1 \
	-artifact_prefix="$corpus.crashes/" "$corpus" $seeds >"$log" 2>&1
rc=$?
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
if [ $rc -eq 0 ]; then
	echo "ok 1 - $name (${runs:-?} runs in $secs s, no crash, invariants held)"
	echo "1 passed, 0 failed"
	exit 0
fi
echo "not ok 1 - $name (exit $rc; log $log; reproducer in $corpus.crashes/)"
grep -E "invariant violated|ERROR: |SUMMARY|runtime error" "$log" | head -n 20 | sed 's/^/# /'
echo "0 passed, 1 failed"
exit 1
