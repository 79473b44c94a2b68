# SPDX-License-Identifier: GPL-2.0
#
# ethtool and devlink surface: -i, -S, -g, -d, -t offline, -k, link
# settings, devlink dev info.
# timeout: 180

check "PF up" pf_ensure

ethtool -i "$PF_IF" > /tmp/e.i 2>&1 || true
sed 's/^/#   /' /tmp/e.i >&8
check "ethtool -i driver is $DRIVER" grep -qx "driver: $DRIVER" /tmp/e.i
check "ethtool -i bus-info is $PF_PCI" grep -qx "bus-info: $PF_PCI" /tmp/e.i

ethtool "$PF_IF" > /tmp/e.link 2>&1 || true
check "ethtool link: 1000Mb/s" grep -q 'Speed: 1000Mb/s' /tmp/e.link
check "ethtool link: detected" grep -q 'Link detected: yes' /tmp/e.link

ethtool -S "$PF_IF" > /tmp/e.S 2>&1 || true
n=$(grep -c ': ' /tmp/e.S || true)
diag "ethtool -S: $n counters"
check "ethtool -S lists counters" test "$n" -gt 5
check "ethtool -S counts received packets" \
	awk -F: '/rx_packets|rx_pkts|rx_queue_0_packets/ { if ($2 + 0 > 0) f = 1 } END { exit !f }' /tmp/e.S

check "ethtool -g" sh -c "ethtool -g $PF_IF | grep 'Pre-set maximums' > /dev/null"
check "ethtool -k shows TSO" sh -c "ethtool -k $PF_IF | grep '^tcp-segmentation-offload:' > /dev/null"

ethtool -d "$PF_IF" > /tmp/e.d 2>&1 || true
n=$(wc -l < /tmp/e.d)
diag "ethtool -d: $n lines"
check "ethtool -d register dump non-empty" test "$n" -gt 5

rc=0
ethtool -t "$PF_IF" offline > /tmp/e.t 2>&1 || rc=$?
sed 's/^/#   /' /tmp/e.t >&8
if [ $rc = 0 ] && grep -q 'result is PASS' /tmp/e.t; then
	ok "ethtool -t offline: PASS"
else
	not_ok "ethtool -t offline: PASS" "exit $rc"
fi
wait_until 20 has_carrier "$PF_IF" || true
check "ping after self-test" wait_ping 15

devlink dev info "pci/$PF_PCI" > /tmp/dl 2>&1 || true
sed 's/^/#   /' /tmp/dl >&8
if [ "$DRIVER" = igb ]; then
	skip "devlink dev info shows driver" "stock igb registers no devlink instance"
else
	check "devlink dev info shows driver $DRIVER" grep -q "driver $DRIVER" /tmp/dl
fi
