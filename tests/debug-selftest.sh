#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Self-test of the debug-kernel tier: each detector (KASAN, DMA-API
# debugging, kmemleak, lockdep) must catch a defect planted in srnic_pf
# (pf/srnic_pf_selftest.h, built only with -DSRNIC_SELFTEST_BREAK), and the
# harness must fail the test that planted it, naming the report. One boot
# of the debug kernel (tools/debug-kernel.sh) runs tests/vm/debugtier.
# Emits TAP.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
out=$top/build/debug-selftest
rm -rf "$out"
mkdir -p "$out/src"
n=0
failed=0

eval "$(tools/debug-kernel.sh -q | tail -n 1)"
# the broken build, out of tree against the debug kernel, off to the side
cp -r Makefile Kconfig common mailbox pf vf "$out/src/"
find "$out/src" -name '*.o' -o -name '*.ko' -o -name '.*.cmd' | xargs -r rm -f
n=$((n + 1))
if make -s -C "${DK_KERNEL%/arch/*}" M="$out/src" KCFLAGS=-DSRNIC_SELFTEST_BREAK \
	modules > "$out/build.log" 2>&1; then
	echo "ok $n - debug-selftest: srnic built with -DSRNIC_SELFTEST_BREAK"
else
	echo "not ok $n - debug-selftest: srnic built with -DSRNIC_SELFTEST_BREAK"
	tail -n 20 "$out/build.log" | sed 's/^/#   /'
	echo "1..$n"
	exit 1
fi

rc=0
python3 tools/vm.py -q --suite debugtier --debug-kernel --ko-dir "$out/src" \
	--logdir "$out/vm" > "$out/vm.tap" 2>&1 || rc=$?
f=$out/vm.tap
k=$out/vm/dmesg.log

# expect NAME FILE REGEX
expect() {
	n=$((n + 1))
	if grep -Eq "$3" "$2"; then
		echo "ok $n - debug-selftest: $1"
	else
		failed=$((failed + 1))
		echo "not ok $n - debug-selftest: $1"
		echo "#   no line matching /$3/ in ${2#"$top"/}"
	fi
}

expect "the run fails" <(echo $rc) '^1$'
for t in 01-kasan 02-dma 03-kmemleak 04-lockdep; do
	expect "$t: the defect ran" "$f" "^ok [0-9]+ - debugtier/$t: PF up"
	expect "$t: its kernel log check fails" "$f" "^not ok [0-9]+ - debugtier/$t: kernel log clean$"
done
expect "KASAN names the use after free" "$k" 'BUG: KASAN: slab-use-after-free in srnic_pf_'
expect "DMA-API names the wrong unmap size" "$k" 'DMA-API: .*frees DMA memory with different size'
expect "kmemleak finds the leaked object" "$k" 'unreferenced object 0x[0-9a-f]+ \(size 512\)'
expect "lockdep names the irq-unsafe sw_lock" "$k" 'inconsistent \{IN-HARDIRQ-W\} -> \{HARDIRQ-ON-W\} usage|possible irq lock inversion'
echo "1..$n"
[ $failed = 0 ]
