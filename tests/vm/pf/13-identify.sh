# SPDX-License-Identifier: GPL-2.0
#
# ethtool -p PF 2: the LEDs go on and off (LEDCTL writes with every LED
# in mode "on", 0x0E0E0E0E, and "off", 0x0F0F0F0F, as the QEMU trace
# shows them), then LEDCTL is back to its value from before, in the trace
# and in the register.
# timeout: 60
. /tests/sriov/lib-sriov.sh	# reg_writes, pf_reg

check "PF up" pf_ensure
if [ "$DRIVER" = igb ]; then
	skip "ethtool -p blinks all four LEDs" "the stock igb blinks in hardware"
	return 0 2> /dev/null || exit 0
fi

before=$(pf_reg 0xe00)
host trace_on e1000e_core_write > /dev/null || true
m=$(trace_mark)
rc=0
t0=$(now_ms)
ethtool -p "$PF_IF" 2 > /tmp/id.out 2>&1 || rc=$?
t1=$(now_ms)
host trace_off e1000e_core_write > /dev/null || true
w=$(reg_writes "$m" 0xe00 | paste -sd' ' -)
diag "LEDCTL before ${before:-?}, writes: ${w:-none}; ethtool -p took $((t1 - t0)) ms"
check "ethtool -p PF 2 succeeded" test "$rc" = 0
on=0 off=0
for x in $w; do
	case $((x)) in
	$((0x0e0e0e0e))) on=$((on + 1)) ;;
	$((0x0f0f0f0f))) off=$((off + 1)) ;;
	esac
done
check "LEDs on twice ($on) and off twice ($off) in 2 s" test "$on" = 2 -a "$off" = 2
last=$(echo "$w" | tr ' ' '\n' | tail -n 1)
check "the last LEDCTL write restores ${before:-?} (${last:-none})" \
	test -n "$before" -a "$((last))" = "$((before))"
check "LEDCTL reads ${before:-?} again" test "$(($(pf_reg 0xe00)))" = "$((before))"
check "ping after ethtool -p" wait_ping 15
