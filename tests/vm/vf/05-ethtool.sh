# SPDX-License-Identifier: GPL-2.0
#
# Acceptance 7: ethtool on the VF; ip -s link counters match traffic.
# timeout: 180
. /tests/vf/vflib.sh

check "ethtool -i says srnic_vf" sh -c "/sbin/ip netns exec vf3 ethtool -i vf3 | grep -q 'driver: srnic_vf'"
run in_vf 3 ethtool -i vf3 || true
check "ethtool -S" sh -c "/sbin/ip netns exec vf3 ethtool -S vf3 | grep -q rx_q0_packets"
check "ethtool -g" in_vf 3 ethtool -g vf3
check "ethtool -G rx 512 tx 128" in_vf 3 ethtool -G vf3 rx 512 tx 128
check "ethtool -g shows rx 512" sh -c "/sbin/ip netns exec vf3 ethtool -g vf3 | sed -n '/^Current/,\$p' | grep -Eq '^RX:[[:space:]]+512'"
check "ethtool -g shows tx 128" sh -c "/sbin/ip netns exec vf3 ethtool -g vf3 | sed -n '/^Current/,\$p' | grep -Eq '^TX:[[:space:]]+128'"
check "traffic after -G" vf_wait_ping 3 "$PARTNER_IP" 10
check "ethtool -l" sh -c "/sbin/ip netns exec vf3 ethtool -l vf3 | grep -q 'Combined:.*2'"
check "ethtool -L combined 1" in_vf 3 ethtool -L vf3 combined 1
check "one tx queue" sh -c "/sbin/ip netns exec vf3 sh -c 'ls -d /sys/class/net/vf3/queues/tx-*' | wc -l | grep -qx 1"
check "traffic with one queue pair" vf_wait_ping 3 "$PARTNER_IP" 10
check "ethtool -L combined 2" in_vf 3 ethtool -L vf3 combined 2
check "traffic with two queue pairs" vf_wait_ping 3 "$PARTNER_IP" 10
check_fail "ethtool -L combined 3 refused" in_vf 3 ethtool -L vf3 combined 3
check "ethtool -k" in_vf 3 ethtool -k vf3
check "ethtool -K tso off" in_vf 3 ethtool -K vf3 tso off
check "ethtool -K tso on" in_vf 3 ethtool -K vf3 tso on
check "ethtool -d" in_vf 3 ethtool -d vf3
check "ethtool (link settings)" in_vf 3 ethtool vf3

# ip -s link counters follow the traffic
tx0=$(in_vf 3 cat /sys/class/net/vf3/statistics/tx_packets)
rx0=$(in_vf 3 cat /sys/class/net/vf3/statistics/rx_packets)
in_vf 3 ping -q -c 50 -i 0.02 -W 2 "$PARTNER_IP" > /tmp/p.out 2>&1 || true
tx1=$(in_vf 3 cat /sys/class/net/vf3/statistics/tx_packets)
rx1=$(in_vf 3 cat /sys/class/net/vf3/statistics/rx_packets)
diag "tx $tx0 -> $tx1, rx $rx0 -> $rx1"
if [ $((tx1 - tx0)) -ge 50 ] && [ $((tx1 - tx0)) -le 60 ]; then
	ok "tx_packets counted the 50 pings ($((tx1 - tx0)))"
else
	not_ok "tx_packets counted the 50 pings" "delta $((tx1 - tx0))"
fi
if [ $((rx1 - rx0)) -ge 50 ] && [ $((rx1 - rx0)) -le 60 ]; then
	ok "rx_packets counted the 50 replies ($((rx1 - rx0)))"
else
	not_ok "rx_packets counted the 50 replies" "delta $((rx1 - rx0))"
fi
hw=$(in_vf 3 ethtool -S vf3 | sed -n 's/^ *hw_tx_packets: //p')
if [ "${hw:-0}" -ge 50 ]; then
	ok "hardware tx counter moves ($hw)"
else
	not_ok "hardware tx counter moves" "hw_tx_packets=$hw"
fi
run in_vf 3 ip -s link show vf3 || true
