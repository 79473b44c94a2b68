# SPDX-License-Identifier: GPL-2.0
#
# Jumbo frames: MTU 9000 on PF and partner, 9000-byte DF pings both ways.
# timeout: 120

check "PF up" pf_ensure
restore() {
	ip link set "$PF_IF" mtu 1500 2> /dev/null
	in_partner ip link set "$PARTNER_IF" mtu 1500 2> /dev/null
}
trap restore EXIT
check "partner MTU 9000" in_partner ip link set "$PARTNER_IF" mtu 9000
check "PF MTU 9000" ip link set "$PF_IF" mtu 9000
check "PF MTU reads back 9000" grep -qx 9000 "/sys/class/net/$PF_IF/mtu"
wait_until 15 has_carrier "$PF_IF" || true
wait_ping 10 || true
if have_iputils_ping; then
	check "ping -M do -s 8972 PF -> partner" ping -q -M do -s 8972 -c 3 -i 0.2 -W 2 "$PARTNER_IP"
	check "ping -M do -s 8972 partner -> PF" in_partner ping -q -M do -s 8972 -c 3 -i 0.2 -W 2 "$PF_IP"
	check_fail "ping -M do -s 8973 does not fit" ping -q -M do -s 8973 -c 1 -W 1 "$PARTNER_IP"
else
	skip "ping -M do -s 8972 PF -> partner" "iputils ping missing in the initramfs"
	skip "ping -M do -s 8972 partner -> PF" "iputils ping missing in the initramfs"
fi
check "ping -s 8972 burst PF -> partner" ping -q -s 8972 -c 20 -i 0.05 -W 2 "$PARTNER_IP"
restore
trap - EXIT
wait_until 15 has_carrier "$PF_IF" || true
check "ping at MTU 1500 again" wait_ping 10
