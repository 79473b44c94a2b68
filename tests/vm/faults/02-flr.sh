# SPDX-License-Identifier: GPL-2.0
#
# FLR of VF0 while VF0 runs iperf3 to the partner (and the others ping):
# the policy survives the reset; the TCP stream survives every outage.
. /tests/faults/lib-faults.sh

VF0=$(vf_pci 0)
flr() {
	echo 1 > "/sys/bus/pci/devices/$VF0/reset"
}

check "topology" fl_ensure
# plain /sbin/ip: $! is then iperf3 itself (ip execs it)
/sbin/ip netns exec "$PARTNER_NS" iperf3 -s -1 -p 5311 > /dev/null 2>&1 &
spid=$!
sleep 0.5
/sbin/ip netns exec vf0 iperf3 -c "$PARTNER_IP" -p 5311 -t 86400 -i 1 --forceflush > /tmp/flr.iperf 2>&1 &
ipid=$!
fl_bg_start
sleep 2
fl_run "VF FLR under iperf3" "$(fl_count 2 100)" 20000 flr
alive=yes
kill -0 $ipid 2> /dev/null || alive=no
kill $ipid 2> /dev/null || true
wait $ipid 2> /dev/null || true
kill $spid 2> /dev/null || true
wait $spid 2> /dev/null || true
fl_bg_stop
[ $alive = yes ] || fl_fail "iperf3 from VF0 died: $(tail -n 3 /tmp/flr.iperf | tr '\n' ' ')"
diag "iperf3 VF0 -> partner: $(grep -c 'bits/sec' /tmp/flr.iperf) intervals, $(grep 'bits/sec' /tmp/flr.iperf | grep -cE ' 0(\.00)? +bits/sec') without data, last: $(grep 'bits/sec' /tmp/flr.iperf | tail -n 1)"
fl_finish
