#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The documentation as TAP: Documentation/ with sphinx-build -W (every
# warning is an error), and the stand-alone reST files outside it (the
# benchmark README) with docutils at warning level.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
out=$top/build/docs
n=0
failed=0
if ! command -v sphinx-build > /dev/null; then
	echo "not ok 1 - sphinx-build -W: sphinx-build missing (tools/setup.sh installs python3-sphinx)"
	echo "1..1"
	exit 1
fi
rm -rf "$out"
mkdir -p "$out"
n=$((n + 1))
if sphinx-build -q -W --keep-going -b html -d "$out/doctrees" \
	"$top/Documentation" "$out/html" > "$out/sphinx.log" 2>&1; then
	echo "ok $n - sphinx-build -W Documentation"
else
	failed=1
	echo "not ok $n - sphinx-build -W Documentation"
	sed 's/^/#   /' "$out/sphinx.log" | tail -n 30
fi
for f in tests/bench/README.rst; do
	n=$((n + 1))
	if o=$(python3 - "$top/$f" 2>&1 <<'PY'
import sys
from docutils.core import publish_string
src = open(sys.argv[1]).read()
publish_string(src, source_path=sys.argv[1], writer_name='null',
               settings_overrides={'halt_level': 2, 'report_level': 2})
PY
	); then
		echo "ok $n - docutils, warnings are errors: $f"
	else
		failed=1
		echo "not ok $n - docutils, warnings are errors: $f"
		printf '%s\n' "$o" | tail -n 10 | sed 's/^/#   /'
	fi
done
echo "1..$n"
exit $failed
