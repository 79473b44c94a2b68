# SPDX-License-Identifier: GPL-2.0
#
# Acceptance 4: port VLAN 100 on VF0: VF0 reaches the partner's VLAN-100
# subinterface and not the untagged partner; a guest VLAN on VF0 is
# refused (PF log: port-vlan).  Without a port VLAN a guest VLAN
# subinterface on VF1 works end to end.
# timeout: 180

. /tests/sriov/lib-sriov.sh

V100_VF=198.51.100.10
V100_PARTNER=198.51.100.2
V200_VF=203.0.113.11
V200_PARTNER=203.0.113.2
check "SR-IOV topology" sriov_ensure

in_partner ip link add link "$PARTNER_IF" name "$PARTNER_IF.100" type vlan id 100 || true
in_partner ip addr replace "$V100_PARTNER/24" dev "$PARTNER_IF.100"
in_partner ip link set "$PARTNER_IF.100" up
in_partner ip link add link "$PARTNER_IF" name "$PARTNER_IF.200" type vlan id 200 || true
in_partner ip addr replace "$V200_PARTNER/24" dev "$PARTNER_IF.200"
in_partner ip link set "$PARTNER_IF.200" up
vfip 0 addr replace "$V100_VF/24" dev vf0

check "VF0 reaches the untagged partner before" vf_wait_ping 0 "$PARTNER_IP" 30
check_fail "VF0 does not reach the VLAN-100 partner before" vf_ping1 0 "$V100_PARTNER"

check "admin: vf 0 vlan 100" ip link set "$PF_IF" vf 0 vlan 100
check "ip link show PF: vf 0 vlan 100" pf_vf_has 0 "vlan 100"
vf_adopt 0 "running VF0 reaches the partner's VLAN-100 subinterface" 15 vf_ping1 0 "$V100_PARTNER"
check "VF0 <-> VLAN-100 partner, 5 pings" vf_ping 0 "$V100_PARTNER" 5
check "partner's VLAN-100 subinterface pings VF0" \
	in_partner ping -q -c 3 -i 0.2 -W 2 "$V100_VF"
check_fail "VF0 does not reach the untagged partner" vf_ping 0 "$PARTNER_IP" 2
check_fail "the untagged partner does not reach VF0" \
	in_partner ping -q -c 2 -i 0.2 -W 1 "$(vf_ip 0)"

# the guest's own VLAN is refused while a port VLAN is set
dmesg -c > /dev/null
rc=0
vfip 0 link add link vf0 name vf0.200 type vlan id 200 > /tmp/vl.out 2>&1 || rc=$?
diag "guest 'ip link add vf0.200': rc=$rc $(cat /tmp/vl.out)"
sleep 0.5
dmesg > /tmp/pf.log
grep -E "VF 0.*port-vlan" /tmp/pf.log | sed 's/^/#     /' >&8 || true
check "PF log: VF 0 VLAN request refused by policy port-vlan" \
	grep -qE "srnic_pf.*VF 0[^0-9].*port-vlan" /tmp/pf.log
if [ $rc = 0 ]; then
	# stock igbvf ignores the NACK on some paths; the network must not care
	vfip 0 addr add "$V200_VF/24" dev vf0.200 2> /dev/null || true
	vfip 0 link set vf0.200 up 2> /dev/null || true
	check_fail "the refused VLAN 200 carries no traffic from VF0" vf_ping 0 "$V200_PARTNER" 2
	vfip 0 link del vf0.200 2> /dev/null || true
else
	ok "guest VLAN subinterface on VF0 refused (rc=$rc)"
fi
check "port VLAN still works" vf_ping 0 "$V100_PARTNER" 3

check "admin: vf 0 vlan 0 (remove)" ip link set "$PF_IF" vf 0 vlan 0
check "ip link show PF: vf 0 without VLAN" sh -c "! ip link show $PF_IF | grep -E '^ +vf 0 ' | grep -q vlan"
vf_bounce 0
check "VF0 back on the untagged partner" vf_wait_ping 0 "$PARTNER_IP" 40
check_fail "VF0 no longer reaches the VLAN-100 partner" vf_ping 0 "$V100_PARTNER" 2
vfip 0 addr del "$V100_VF/24" dev vf0 2> /dev/null || true

# a guest VLAN on VF1 (no port VLAN) works end to end
check "guest VLAN 200 subinterface on VF1" vfip 1 link add link vf1 name vf1.200 type vlan id 200
vfip 1 addr add "$V200_VF/24" dev vf1.200
vfip 1 link set vf1.200 up
check "VF1.200 pings the partner's VLAN-200 subinterface" vf_wait_ping 1 "$V200_PARTNER" 20
check "VF1.200 <-> partner VLAN 200, 5 pings" vf_ping 1 "$V200_PARTNER" 5
check "partner VLAN 200 pings VF1.200" in_partner ping -q -c 3 -i 0.2 -W 2 "$V200_VF"
check "VF1 untagged still works" vf_ping 1 "$PARTNER_IP" 3
vfip 1 link del vf1.200 2> /dev/null || true
in_partner ip link del "$PARTNER_IF.100" 2> /dev/null || true
in_partner ip link del "$PARTNER_IF.200" 2> /dev/null || true
