# SPDX-License-Identifier: GPL-2.0
#
# Issue 7 #12: srnic_pf splits VF0's max_tx_rate over both of its TX
# queues (queue 1 gets the smallest rate the limiter encodes) and tells an
# API 1.1 VF; srnic_vf then transmits on queue 0 only, and on both again
# once the limit is lifted. Checked on the VF's per-queue tx counters:
# QEMU does not pace, so throughput says nothing (the RTTBCNRC trace is
# tests/vm/sriov). A limit set before a VF reset must be known right
# after the handshake (API_NEGOTIATE ACK word 3), not at the next ping.
# timeout: 240
. /tests/vf/vflib.sh

VF0_PCI=$(vf_pci 0)

vf0_stat() {
	in_vf 0 ethtool -S vf0 | sed -n "s/^ *$1: //p"
}

vf0_limited_is() {
	[ "$(vf0_stat pf_rate_limited)" = "$1" ]
}

# tx_run PORT STREAMS: iperf3 VF0 -> partner; sets dq0 dq1 (tx packets
# per queue during the run)
tx_run() {
	local port=$1 p=$2 q0 q1
	q0=$(vf0_stat tx_q0_packets)
	q1=$(vf0_stat tx_q1_packets)
	in_partner iperf3 -s -D -1 -p "$port" > /dev/null 2>&1 || true
	sleep 0.5
	in_vf 0 iperf3 -c "$PARTNER_IP" -p "$port" -t 4 -P "$p" > "/tmp/rate-$port.out" 2>&1 ||
		diag "iperf3 -P $p: $(tail -2 "/tmp/rate-$port.out")"
	dq0=$(( $(vf0_stat tx_q0_packets) - q0 ))
	dq1=$(( $(vf0_stat tx_q1_packets) - q1 ))
	diag "iperf3 -P $p: tx_q0 +$dq0, tx_q1 +$dq1"
}

# one_queue WHAT: queue 1 carried (almost) nothing, queue 0 the load
one_queue() {
	if [ "$dq0" -gt 1000 ] && [ "$dq1" -le 5 ]; then
		ok "$1: queue 0 only (q0 +$dq0, q1 +$dq1)"
	else
		not_ok "$1: queue 0 only" "q0 +$dq0, q1 +$dq1"
	fi
}

check "VF0 carrier" wait_until 10 vf_carrier 0
check "VF0 not rate limited at start" vf0_limited_is 0
check "max_tx_rate 100 on VF 0" ip link set "$PF_IF" vf 0 max_tx_rate 100

if [ "$DRIVER" != srnic_pf ]; then
	# the stock igb speaks API 1.0: no hint, both queues stay in use
	sleep 2
	check "no rate-limit hint from $DRIVER" vf0_limited_is 0
	skip "VF0 on queue 0 only while rate limited" "$DRIVER gives no rate-limit hint (API 1.0); it limits queue 0 only"
	ip link set "$PF_IF" vf 0 max_tx_rate 0 || true
	return 0
fi

check "VF0 learns it is rate limited (ping)" wait_until 10 vf0_limited_is 1
tx_run 5401 4
one_queue "limited, iperf3 -P 4"

# the limit survives a VF reset, and the VF knows it from the handshake:
# no admin change follows, so no ping would tell it
check "FLR of VF0 while limited" sh -c "echo 1 > /sys/bus/pci/devices/$VF0_PCI/reset"
check "VF0 carrier after FLR" wait_until 10 vf_carrier 0
check "VF0 still rate limited right after the handshake" vf0_limited_is 1
check "VF0 pings partner after FLR" vf_wait_ping 0 "$PARTNER_IP" 10
tx_run 5402 4
one_queue "limited after FLR, iperf3 -P 4"

check "max_tx_rate 0 on VF 0" ip link set "$PF_IF" vf 0 max_tx_rate 0
check "VF0 learns the limit is gone" wait_until 10 vf0_limited_is 0
# 8 flows hash over two queues; a run with all on one queue is 1 in 128
for port in 5403 5404 5405; do
	tx_run "$port" 8
	[ "$dq0" -gt 100 ] && [ "$dq1" -gt 100 ] && break
done
if [ "$dq0" -gt 100 ] && [ "$dq1" -gt 100 ]; then
	ok "unlimited: both queues carry traffic (q0 +$dq0, q1 +$dq1)"
else
	not_ok "unlimited: both queues carry traffic" "q0 +$dq0, q1 +$dq1"
fi
dmesg | grep -E 'rate-limits this VF|lifted the rate limit' | tail -4 | sed 's/^/# /' >&8 || true
