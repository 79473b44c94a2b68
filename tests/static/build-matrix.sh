#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build matrix and static checks, as KTAP (tests/ktap.sh):
#   - build the modules against every kernel in KVERS with W=1 C=1 (sparse),
#     each in its own clean copy of the sources under build/matrix/<kver>;
#     any warning or error line fails that build;
#   - checkpatch.pl --strict on every .c/.h under common pf vf mailbox.
#
# Env: KVERS="<newest 6.12> <newest 6.1>" (tools/kver.sh), CHECKPATCH=path,
#      MATRIX_JOBS=2
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
KVERS=${KVERS:-"$("$top"/tools/kver.sh --build 6.12) $("$top"/tools/kver.sh --build 6.1)"}
CHECKPATCH=${CHECKPATCH:-/usr/src/srnic-checkpatch/checkpatch.pl}
MATRIX_JOBS=${MATRIX_JOBS:-2}
SRCDIRS="common pf vf mailbox"
out=$top/build/matrix
mkdir -p "$out"

. "$top/tests/ktap.sh"
ktap_print_header

# Source files that kbuild needs: top-level Makefile/Kbuild/Kconfig and every
# source or make file in the source directories (tracked or not).
copy_tree() {
	local dst=$1 f
	rm -rf "$dst"
	mkdir -p "$dst"
	for f in Makefile Kbuild Kconfig; do
		[ -f "$f" ] && cp "$f" "$dst/"
	done
	find $SRCDIRS -type f \( -name '*.c' -o -name '*.h' -o -name 'Makefile' \
		-o -name 'Kbuild' -o -name '*.S' \) 2> /dev/null | while read -r f; do
		mkdir -p "$dst/$(dirname "$f")"
		cp "$f" "$dst/$f"
	done
}

# A line that fails the build: compiler/sparse/modpost warnings and errors.
BAD='(warning|error):|^WARNING:|^ERROR:|Error [0-9]+|undefined!|Section mismatch'

for kver in $KVERS; do
	kdir=/lib/modules/$kver/build
	name="build $kver W=1 C=1"
	if [ ! -d "$kdir" ]; then
		ktap_test_fail "$name"
		echo "#   no kernel headers at $kdir (run tools/setup.sh)"
		continue
	fi
	src=$out/$kver/src
	log=$out/$kver/build.log
	copy_tree "$src"
	t0=$(date +%s)
	rc=0
	make -C "$kdir" M="$src" W=1 C=1 -j"$MATRIX_JOBS" modules > "$log" 2>&1 || rc=$?
	t=$(( $(date +%s) - t0 ))
	nko=$(find "$src" -name '*.ko' | wc -l)
	if [ $rc = 0 ] && ! grep -Eq "$BAD" "$log" && [ "$nko" -gt 0 ]; then
		ktap_test_pass "$name ($nko modules, ${t}s)"
	else
		ktap_test_fail "$name"
		echo "#   make exit $rc, $nko modules, log: ${log#"$top"/}"
		{ grep -E -A3 "$BAD" "$log" || tail -n 20 "$log"; } | head -n 60 | ktap_diag
	fi
done

if [ ! -f "$CHECKPATCH" ]; then
	ktap_test_fail "checkpatch"
	echo "#   $CHECKPATCH missing (run tools/setup.sh)"
else
	files=$(find $SRCDIRS -type f \( -name '*.c' -o -name '*.h' \) 2> /dev/null | sort)
	if [ -z "$files" ]; then
		ktap_test_skip "checkpatch" "no sources"
	fi
	for f in $files; do
		rc=0
		res=$(perl "$CHECKPATCH" --no-tree --strict --terse --show-types -f "$f" 2>&1) || rc=$?
		if [ $rc = 0 ] && ! echo "$res" | grep -Eq '(ERROR|WARNING|CHECK):'; then
			ktap_test_pass "checkpatch --strict $f"
		else
			ktap_test_fail "checkpatch --strict $f"
			echo "$res" | grep -v '^total:' | head -n 40 | ktap_diag
		fi
	done
fi

# every PF/mailbox register access goes through the guarded accessors
while read -r line; do
	case $line in
	"ok "*) ktap_test_pass "${line#ok [0-9]* - }" ;;
	"not ok "*) ktap_test_fail "${line#not ok [0-9]* - }" ;;
	"# Totals:"*) ;;	# its own; ours come at the end
	"#"*) echo "$line" ;;
	esac
done < <("$top"/tests/static/mmio-guard.sh || true)

ktap_finished
