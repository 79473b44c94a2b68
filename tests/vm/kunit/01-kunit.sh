# SPDX-License-Identifier: GPL-2.0
#
# Load srnic_kunit.ko: KUnit runs its suites at load and prints KTAP to the
# kernel log. Every suite must be there, with every case passed; each
# suite's result is one point here, its failing cases listed.
# timeout: 240

SUITES="srnic_mbx_proto srnic_regs srnic_switch srnic_policy"

if [ ! -f /srnic/srnic_kunit.ko ]; then
	not_ok "srnic_kunit.ko present" "not built: boot the debug kernel (tools/vm.py --debug-kernel)"
	exit 0
fi
dmesg -c > /dev/null
insmod /srnic/srnic_lib.ko 2> /dev/null || true
check "insmod srnic_kunit.ko" insmod /srnic/srnic_kunit.ko
# KUnit prints each line with the module's indentation; strip it
dmesg | sed 's/^\[[^]]*\] *//' > /tmp/kunit.log
for s in $SUITES; do
	line=$(grep -E "^(not ok|ok) [0-9]+ $s\$" /tmp/kunit.log | tail -n 1)
	stats=$(grep -E "# $s: pass:" /tmp/kunit.log | tail -n 1 | sed 's/^ *//')
	case $line in
	ok*)
		ok "KUnit suite $s: ${stats:-no totals}" ;;
	"not ok"*)
		not_ok "KUnit suite $s: ${stats:-no totals}"
		grep -E -B 6 "^ +not ok [0-9]+ " /tmp/kunit.log | head -n 60 | sed 's/^/#     /' >&8 ;;
	*)
		not_ok "KUnit suite $s ran" "no result line for $s in the kernel log" ;;
	esac
done
check "rmmod srnic_kunit" rmmod srnic_kunit
