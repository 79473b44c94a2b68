# SPDX-License-Identifier: GPL-2.0
#
# Acceptance 2: a refused MAC change is an error in the guest and the
# netdev keeps the admin MAC; with trust on it succeeds. Same shape for a
# VLAN under a port VLAN. MTU within the PF's limit works, beyond fails.
# timeout: 240
. /tests/vf/vflib.sh

mac_of() {
	in_vf "$1" cat "/sys/class/net/vf$1/address"
}

admin=$(vf_admin_mac 0)
new=02:5f:00:00:aa:01
check "VF0 has the admin MAC" sh -c "[ \"\$(/sbin/ip netns exec vf0 cat /sys/class/net/vf0/address)\" = $admin ]"
rc=0
in_vf 0 ip link set vf0 address "$new" > /tmp/mac.out 2>&1 || rc=$?
if [ $rc != 0 ]; then
	ok "MAC change under admin MAC refused ($(tr '\n' ' ' < /tmp/mac.out))"
else
	not_ok "MAC change under admin MAC refused" "ip link set address succeeded"
fi
cur=$(mac_of 0)
if [ "$cur" = "$admin" ]; then
	ok "netdev keeps the admin MAC"
else
	not_ok "netdev keeps the admin MAC" "now $cur, admin $admin"
fi
in_partner ip neigh flush dev "$PARTNER_IF" || true
check "VF0 traffic after the refusal" vf_ping 0 "$PARTNER_IP"

check "trust on" ip link set "$PF_IF" vf 0 trust on
sleep 1
check "MAC change with trust on accepted" in_vf 0 ip link set vf0 address "$new"
check "netdev has the new MAC" sh -c "[ \"\$(/sbin/ip netns exec vf0 cat /sys/class/net/vf0/address)\" = $new ]"
in_partner ip neigh flush dev "$PARTNER_IF" || true
check "VF0 traffic with the new MAC" vf_wait_ping 0 "$PARTNER_IP" 10
check "back to the admin MAC" in_vf 0 ip link set vf0 address "$admin"
check "trust off" ip link set "$PF_IF" vf 0 trust off
in_partner ip neigh flush dev "$PARTNER_IF" || true
check "VF0 traffic with the admin MAC again" vf_wait_ping 0 "$PARTNER_IP" 10

# VLAN under a port VLAN: refused with an error
check "port VLAN 100 on VF1" ip link set "$PF_IF" vf 1 vlan 100
sleep 2
rc=0
in_vf 1 ip link add link vf1 name vf1.5 type vlan id 5 > /tmp/vlan.out 2>&1 || rc=$?
if [ $rc != 0 ]; then
	ok "VLAN add under a port VLAN refused ($(tr '\n' ' ' < /tmp/vlan.out))"
else
	not_ok "VLAN add under a port VLAN refused" "ip link add vlan succeeded"
	in_vf 1 ip link del vf1.5 || true
fi
check "port VLAN removed" ip link set "$PF_IF" vf 1 vlan 0
sleep 2
check "VLAN add without port VLAN accepted" in_vf 1 ip link add link vf1 name vf1.5 type vlan id 5
in_vf 1 ip link del vf1.5 2> /dev/null || true
check "VF1 traffic after port VLAN removal" vf_wait_ping 1 "$PARTNER_IP" 15

# MTU: 9000 accepted (and works), above the device limit refused, unchanged
check "VF2 MTU 9000" in_vf 2 ip link set vf2 mtu 9000
check_fail "VF2 MTU 9300 (above the device limit) refused" in_vf 2 ip link set vf2 mtu 9300
check "VF2 MTU still 9000" sh -c "[ \"\$(/sbin/ip netns exec vf2 cat /sys/class/net/vf2/mtu)\" = 9000 ]"
check "PF MTU 9000" ip link set "$PF_IF" mtu 9000
in_partner ip link set "$PARTNER_IF" mtu 9000 || true
check "VF2 recovers after PF MTU change" vf_wait_ping 2 "$PARTNER_IP" 15
check "VF2 jumbo ping to partner" in_vf 2 ping -q -c 3 -i 0.2 -W 2 -M do -s 8000 "$PARTNER_IP"
check "VF2 MTU 1500" in_vf 2 ip link set vf2 mtu 1500
check "PF MTU 1500" ip link set "$PF_IF" mtu 1500
in_partner ip link set "$PARTNER_IF" mtu 1500 || true
for i in 0 1 2; do
	check "VF $i pings partner at the end" vf_wait_ping "$i" "$PARTNER_IP" 15
done
