#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Self-test of the benchmark's aggregation, no VM: report.py on the rounds
# of tests/bench/selftest/rounds.tsv must give the summary and the table
# next to it (medians of an odd and an even count, min/max, a failed
# round, ">N" lower bounds, "not separable" when one side's spread beats
# the difference of the medians), summary.json must hold the ratio
# normalised so that > 1 means srnic ahead for a lower-is-better figure
# too, and plot.py must draw the chart.  Emits KTAP (tests/ktap.sh).
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
fix=$top/tests/bench/selftest
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
. "$top/tests/ktap.sh"
ktap_print_header
ktap_set_plan 5

python3 "$top/tests/bench/report.py" "$fix/rounds.tsv" "$out" > "$out/table.txt"
for f in summary.tsv table.txt; do
	if diff -u "$fix/$f" "$out/$f" > "$out/diff" 2>&1; then
		ktap_test_pass "bench report: $f as expected"
	else
		ktap_test_fail "bench report: $f as expected"
		ktap_diag < "$out/diff"
	fi
done

# figure VALUE...: metric, ratio, normalised, lo, hi, separable of one figure
figure() {
	python3 -c 'import json, sys
for x in json.load(open(sys.argv[1]))["figures"]:
    if x["metric"] == sys.argv[2]:
        print(" ".join("-" if v is None else "%.4g" % v if isinstance(v, float) else str(v)
                       for v in (x["ratio"], x["normalised"], x["norm_lo"], x["norm_hi"], x["separable"])))' \
		"$out/summary.json" "$1"
}
# tp (higher is better): 100/55, range 90/60..110/50; lat (lower is
# better): 11/12, range 11/30..11/10, not separable
got="$(figure tp) | $(figure lat)"
want="1.818 1.818 1.5 2.2 True | 1.091 0.9167 0.3667 1.1 False"
if [ "$got" = "$want" ]; then
	ktap_test_pass "bench report: ratios normalised so that > 1 means srnic ahead"
else
	ktap_test_fail "bench report: ratios normalised so that > 1 means srnic ahead"
	printf 'got  %s\nwant %s\n' "$got" "$want" | ktap_diag
fi
# mem has no normalised ratio (a median <= 0 would divide by it)
if [ "$(figure mem)" = "36.67 - - - True" ]; then
	ktap_test_pass "bench report: no normalised ratio across zero"
else
	ktap_test_fail "bench report: no normalised ratio across zero"
	figure mem | ktap_diag
fi

plot_py=/usr/bin/python3
[ -x "$plot_py" ] || plot_py=python3
if ! "$plot_py" -c 'import matplotlib' 2> /dev/null; then
	ktap_test_skip "bench chart" "python3-matplotlib not installed (tools/setup.sh)"
elif "$plot_py" "$top/tests/bench/plot.py" "$out/summary.json" "$out/c.png" > "$out/plot.log" 2>&1 &&
	[ "$(head -c 8 "$out/c.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; then
	ktap_test_pass "bench chart: a PNG"
else
	ktap_test_fail "bench chart: a PNG"
	ktap_diag < "$out/plot.log"
fi
ktap_finished
