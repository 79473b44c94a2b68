# SPDX-License-Identifier: GPL-2.0
#
# Acceptance 4: 0.1 s pings VF0 -> partner while the VF is reset under it
# (FLR, PF down/up, PF MTU change, admin MAC change); traffic must resume
# by itself. Each outage is reported; the longest at the end.
# timeout: 300
. /tests/vf/vflib.sh

VF0_PCI=$(vf_pci 0)
worst=0
worst_what=none

# measure NAME LIMIT_MS CMD...: run CMD during the ping, check the outage
measure() {
	local what=$1 limit=$2 ms
	shift 2
	in_partner ip neigh flush dev "$PARTNER_IF" 2> /dev/null || true
	ms=$(outage_run 8 "$@") || true
	diag "$what: outage ${ms} ms ($(cat /tmp/outage.detail 2> /dev/null))"
	if [ "$ms" -gt "$worst" ]; then
		worst=$ms
		worst_what=$what
	fi
	if vf_wait_ping 0 "$PARTNER_IP" 10 && [ "$ms" -le "$limit" ]; then
		ok "$what: traffic resumed, outage ${ms} ms (limit ${limit})"
	else
		not_ok "$what: traffic resumed within ${limit} ms" "outage ${ms} ms"
		tail -n 5 /tmp/outage.ping | sed 's/^/#     /' >&8
	fi
}

pf_bounce() {
	ip link set "$PF_IF" down && sleep 1 && ip link set "$PF_IF" up
}

pf_mtu_cycle() {
	ip link set "$PF_IF" mtu 9000 && sleep 1 && ip link set "$PF_IF" mtu 1500
}

check "VF0 pings partner before" vf_wait_ping 0 "$PARTNER_IP" 10
measure "FLR" 3000 sh -c "echo 1 > /sys/bus/pci/devices/$VF0_PCI/reset"
measure "PF down/up" 6000 pf_bounce
measure "PF MTU change" 6000 pf_mtu_cycle
if [ "$DRIVER" = igb ]; then
	skip "admin MAC change: traffic resumed" "the stock igb PF does not tell a running VF about an admin MAC change"
else
	measure "admin MAC change" 3000 ip link set "$PF_IF" vf 0 mac 02:5f:00:00:bb:00
	check "VF0 took the new admin MAC" sh -c "[ \"\$(/sbin/ip netns exec vf0 cat /sys/class/net/vf0/address)\" = 02:5f:00:00:bb:00 ]"
	measure "admin MAC back" 3000 ip link set "$PF_IF" vf 0 mac "$(vf_admin_mac 0)"
fi
diag "longest outage: ${worst} ms ($worst_what)"
ok "longest outage ${worst} ms ($worst_what)"

# configuration still works after all that
check "VF0 VLAN 10 subinterface" in_vf 0 ip link add link vf0 name vf0.10 type vlan id 10
in_vf 0 ip addr add 198.51.100.10/24 dev vf0.10 || true
in_vf 0 ip link set vf0.10 up || true
in_partner ip link add link "$PARTNER_IF" name p.10 type vlan id 10 || true
in_partner ip addr add 198.51.100.2/24 dev p.10 || true
in_partner ip link set p.10 up || true
check "VLAN 10 ping after recovery" vf_wait_ping 0 198.51.100.2 10
check "FLR with a VLAN configured" sh -c "echo 1 > /sys/bus/pci/devices/$VF0_PCI/reset"
check "VLAN 10 ping after FLR (VLAN re-applied)" vf_wait_ping 0 198.51.100.2 10
in_vf 0 ip link del vf0.10 || true
in_partner ip link del p.10 || true

# multicast group: partner pings a group VF0 joined
in_vf 0 sysctl -qw net.ipv4.icmp_echo_ignore_broadcasts=0 || true
check "VF0 joins 239.1.2.3" in_vf 0 ip addr add 239.1.2.3/32 dev vf0 autojoin
in_partner ip route add 239.0.0.0/8 dev "$PARTNER_IF" 2> /dev/null || true
check "FLR with a multicast group" sh -c "echo 1 > /sys/bus/pci/devices/$VF0_PCI/reset"
check "VF0 pings partner after FLR" vf_wait_ping 0 "$PARTNER_IP" 10
check "partner reaches VF0's multicast group" \
	in_partner sh -c "/sbin/ping -c 3 -i 0.2 -W 2 -t 1 239.1.2.3 | grep -q 'from $(vf_ip 0)'"
in_vf 0 ip addr del 239.1.2.3/32 dev vf0 || true

# MTU 9000 survives a reset
in_partner ip link set "$PARTNER_IF" mtu 9000 || true
check "VF0 MTU 9000" in_vf 0 ip link set vf0 mtu 9000
check "FLR with MTU 9000" sh -c "echo 1 > /sys/bus/pci/devices/$VF0_PCI/reset"
check "VF0 jumbo ping after FLR" sh -c "sleep 1; /sbin/ip netns exec vf0 ping -q -c 3 -i 0.2 -W 2 -M do -s 8000 $PARTNER_IP"
in_vf 0 ip link set vf0 mtu 1500 || true
in_partner ip link set "$PARTNER_IF" mtu 1500 || true
in_vf 0 ethtool -S vf0 | grep -E 'resets|flrs|pf_|mbx_' | sed 's/^/#   /' >&8 || true
