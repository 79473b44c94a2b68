#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The documentation as KTAP (tests/ktap.sh): Documentation/ with
# sphinx-build -W (every warning is an error), and the stand-alone reST
# files outside it (the benchmark README) with docutils at warning level.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
out=$top/build/docs
. "$top/tests/ktap.sh"
rst="tests/bench/README.rst"
ktap_print_header
if ! command -v sphinx-build > /dev/null; then
	ktap_set_plan 1
	ktap_test_fail "sphinx-build -W: sphinx-build missing (tools/setup.sh installs python3-sphinx)"
	ktap_finished
	exit 1
fi
# shellcheck disable=SC2086
ktap_set_plan $((1 + $(echo $rst | wc -w)))
rm -rf "$out"
mkdir -p "$out"
if sphinx-build -q -W --keep-going -b html -d "$out/doctrees" \
	"$top/Documentation" "$out/html" > "$out/sphinx.log" 2>&1; then
	ktap_test_pass "sphinx-build -W Documentation"
else
	ktap_test_fail "sphinx-build -W Documentation"
	ktap_diag < "$out/sphinx.log" | tail -n 30
fi
for f in $rst; do
	if o=$(python3 - "$top/$f" 2>&1 <<'PY'
import sys
from docutils.core import publish_string
src = open(sys.argv[1]).read()
publish_string(src, source_path=sys.argv[1], writer_name='null',
               settings_overrides={'halt_level': 2, 'report_level': 2})
PY
	); then
		ktap_test_pass "docutils, warnings are errors: $f"
	else
		ktap_test_fail "docutils, warnings are errors: $f"
		printf '%s\n' "$o" | tail -n 10 | ktap_diag
	fi
done
ktap_finished
