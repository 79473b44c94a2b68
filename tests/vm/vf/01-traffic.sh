# SPDX-License-Identifier: GPL-2.0
#
# Acceptance 1: 7 VFs on srnic_vf, each in its own netns, ping the partner
# and each other; iperf3 VF<->partner and VF<->VF.
# timeout: 400
. /tests/vf/vflib.sh

for i in $(seq 0 $((NUM_VFS - 1))); do
	check "VF $i carrier" wait_until 10 vf_carrier "$i"
done
for i in $(seq 0 $((NUM_VFS - 1))); do
	check "VF $i pings partner" vf_ping "$i" "$PARTNER_IP"
done
check "partner pings VF 0" in_partner ping -q -c 3 -i 0.2 -W 2 "$(vf_ip 0)"
check "PF pings VF 1" ping -q -c 3 -i 0.2 -W 2 "$(vf_ip 1)"
fails=""
for i in $(seq 0 $((NUM_VFS - 1))); do
	for j in $(seq 0 $((NUM_VFS - 1))); do
		[ "$i" = "$j" ] && continue
		in_vf "$i" ping -q -c 1 -W 2 "$(vf_ip "$j")" > /dev/null 2>&1 || fails="$fails $i->$j"
	done
done
if [ -z "$fails" ]; then
	ok "VF mesh: every VF pings every other VF"
else
	not_ok "VF mesh: every VF pings every other VF" "failed:$fails"
fi

# iperf3 VF0 <-> partner, both directions, then VF1 <-> VF2
in_partner iperf3 -s -D -1 -p 5201 > /dev/null 2>&1 || true
sleep 0.5
if in_vf 0 iperf3 -c "$PARTNER_IP" -p 5201 -t 10 -P 2 -J > /tmp/ip1.json 2>&1; then
	bps=$(grep -o '"bits_per_second":[[:space:]0-9.e+]*' /tmp/ip1.json | tail -1 | sed 's/.*:[[:space:]]*//')
	ok "iperf3 VF0 -> partner 10 s ($bps bit/s)"
else
	not_ok "iperf3 VF0 -> partner 10 s" "$(tail -5 /tmp/ip1.json)"
fi
in_partner iperf3 -s -D -1 -p 5202 > /dev/null 2>&1 || true
sleep 0.5
if in_vf 0 iperf3 -c "$PARTNER_IP" -p 5202 -t 10 -R -J > /tmp/ip2.json 2>&1; then
	bps=$(grep -o '"bits_per_second":[[:space:]0-9.e+]*' /tmp/ip2.json | tail -1 | sed 's/.*:[[:space:]]*//')
	ok "iperf3 partner -> VF0 10 s ($bps bit/s)"
else
	not_ok "iperf3 partner -> VF0 10 s" "$(tail -5 /tmp/ip2.json)"
fi
in_vf 2 iperf3 -s -D -1 -p 5203 > /dev/null 2>&1 || true
sleep 0.5
if in_vf 1 iperf3 -c "$(vf_ip 2)" -p 5203 -t 10 -P 2 -J > /tmp/ip3.json 2>&1; then
	bps=$(grep -o '"bits_per_second":[[:space:]0-9.e+]*' /tmp/ip3.json | tail -1 | sed 's/.*:[[:space:]]*//')
	ok "iperf3 VF1 -> VF2 10 s ($bps bit/s)"
else
	not_ok "iperf3 VF1 -> VF2 10 s" "$(tail -5 /tmp/ip3.json)"
fi
# both queue pairs carried traffic on VF0 (-P 2 hashes flows over both)
in_vf 0 ethtool -S vf0 > /tmp/vf0.stats 2>&1 || true
t0=$(sed -n 's/^ *tx_q0_packets: //p' /tmp/vf0.stats)
t1=$(sed -n 's/^ *tx_q1_packets: //p' /tmp/vf0.stats)
diag "VF0 tx_q0_packets=$t0 tx_q1_packets=$t1"
if [ "${t0:-0}" -gt 0 ] && [ "${t1:-0}" -gt 0 ]; then
	ok "VF0 transmitted on both queue pairs"
else
	not_ok "VF0 transmitted on both queue pairs" "q0=$t0 q1=$t1"
fi
for i in 0 1 2; do
	check "VF $i still pings partner after load" vf_ping "$i" "$PARTNER_IP"
done
