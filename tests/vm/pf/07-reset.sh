# SPDX-License-Identifier: GPL-2.0
#
# A full MAC reset (ethtool --reset) keeps the PF's configuration: address,
# MTU, VLAN filter, multicast; traffic resumes by itself.
# timeout: 120

check "PF up" pf_ensure
modprobe 8021q 2>/dev/null || true
check "VLAN 20 on PF" ip link add link "$PF_IF" name "$PF_IF.20" type vlan id 20
ip addr add 198.51.100.1/24 dev "$PF_IF.20"
ip link set "$PF_IF.20" up
in_partner ip link add link "$PARTNER_IF" name "$PARTNER_IF.20" type vlan id 20
in_partner ip addr add 198.51.100.2/24 dev "$PARTNER_IF.20"
in_partner ip link set "$PARTNER_IF.20" up
check "VLAN 20 ping before reset" ping -q -c 2 -W 2 198.51.100.2
if [ "$DRIVER" = igb ]; then
	skip "ethtool --reset mac" "stock igb has no ETHTOOL_RESET"
else
	check "ethtool --reset mac" ethtool --reset "$PF_IF" mac
fi
check "carrier back after reset" wait_until 10 has_carrier "$PF_IF"
check "ping after reset" wait_ping 10
check "VLAN 20 ping after reset" ping -q -c 2 -W 2 198.51.100.2
check_fail "ethtool --reset ap is refused" ethtool --reset "$PF_IF" ap
ip link del "$PF_IF.20"
in_partner ip link del "$PARTNER_IF.20"
