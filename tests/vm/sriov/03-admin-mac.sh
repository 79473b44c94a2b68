# SPDX-License-Identifier: GPL-2.0
#
# Acceptance 3: the admin sets VF0's MAC; the guest (stock igbvf) tries
# "ip link set vf0 address X": the change is refused by the PF, the PF log
# names VF 0 and the admin-mac policy, the network still uses the admin
# MAC.  With trust on the same change succeeds and traffic follows it.
# Leaves VF0 with the admin MAC, trust off (used by 08).
# timeout: 180

. /tests/sriov/lib-sriov.sh

ADMIN=02:00:00:00:00:a0
GUEST=02:00:00:00:00:b0
IP0=$(vf_ip 0)
check "SR-IOV topology" sriov_ensure

check "admin: vf 0 mac $ADMIN" ip link set "$PF_IF" vf 0 mac $ADMIN
vf_adopt 0 "running VF0 comes back with the admin MAC" 15 vf_mac_is 0 $ADMIN
check "VF0 traffic with the admin MAC" vf_wait_ping 0 "$PARTNER_IP" 30
in_partner ip neigh flush dev "$PARTNER_IF" 2> /dev/null || true
check "partner pings VF0" in_partner ping -q -c 2 -i 0.2 -W 2 "$IP0"
check "partner's neighbour entry for VF0 is the admin MAC" \
	test "$(partner_neigh_mac "$IP0")" = $ADMIN

# -- untrusted: refused --------------------------------------------------------
dmesg -c > /dev/null
rc=0
vfip 0 link set vf0 address $GUEST > /tmp/set.out 2>&1 || rc=$?
diag "guest 'ip link set vf0 address $GUEST': rc=$rc $(cat /tmp/set.out)"
if [ $rc != 0 ]; then
	ok "guest MAC change refused (igbvf reports: $(head -n 1 /tmp/set.out))"
else
	not_ok "guest MAC change refused" "the command succeeded"
fi
sleep 0.5
dmesg > /tmp/pf.log
grep -E "srnic_pf.*VF 0.*admin-mac" /tmp/pf.log | sed 's/^/#     /' >&8 || true
check "PF log: one line naming VF 0 and policy admin-mac" grep -qE "srnic_pf.*VF 0[^0-9].*admin-mac" /tmp/pf.log
check "guest netdev still has the admin MAC" vf_mac_is 0 $ADMIN
check "ip link show PF: vf 0 still $ADMIN" pf_vf_has 0 "link/ether $ADMIN"
in_partner ip neigh flush dev "$PARTNER_IF" 2> /dev/null || true
check "traffic still works (partner pings VF0)" in_partner ping -q -c 3 -i 0.2 -W 2 "$IP0"
check "on the wire VF0 still answers as the admin MAC" \
	test "$(partner_neigh_mac "$IP0")" = $ADMIN
# frames to the guest's wished MAC are not delivered to VF0
in_partner ip neigh replace "$IP0" lladdr $GUEST dev "$PARTNER_IF" nud permanent
check_fail "frames to $GUEST do not reach VF0" in_partner ping -q -c 2 -i 0.2 -W 1 "$IP0"
in_partner ip neigh del "$IP0" dev "$PARTNER_IF" 2> /dev/null || true

# -- trusted: allowed ------------------------------------------------------------
check "admin: vf 0 trust on" ip link set "$PF_IF" vf 0 trust on
check "ip link show PF: vf 0 trust on" pf_vf_has 0 "trust on"
check "trusted guest MAC change succeeds" vfip 0 link set vf0 address $GUEST
check "guest netdev has $GUEST" vf_mac_is 0 $GUEST
in_partner ip neigh flush dev "$PARTNER_IF" 2> /dev/null || true
check "traffic follows the new MAC (partner pings VF0)" \
	wait_until 10 in_partner ping -q -c 1 -W 1 "$IP0"
check "partner's neighbour entry for VF0 is now $GUEST" \
	test "$(partner_neigh_mac "$IP0")" = $GUEST
check "VF0 pings partner from $GUEST" vf_ping 0 "$PARTNER_IP" 3
in_partner ip neigh replace "$IP0" lladdr $ADMIN dev "$PARTNER_IF" nud permanent
check_fail "frames to the old admin MAC no longer reach VF0" in_partner ping -q -c 2 -i 0.2 -W 1 "$IP0"
in_partner ip neigh del "$IP0" dev "$PARTNER_IF" 2> /dev/null || true

# -- back: admin MAC, trust off ----------------------------------------------------------
check "guest returns to the admin MAC" vfip 0 link set vf0 address $ADMIN
check "admin: vf 0 trust off" ip link set "$PF_IF" vf 0 trust off
check "ip link show PF: vf 0 $ADMIN, trust off" pf_vf_has 0 "link/ether $ADMIN.*trust off"
in_partner ip neigh flush dev "$PARTNER_IF" 2> /dev/null || true
check "VF0 traffic with the admin MAC again" vf_wait_ping 0 "$PARTNER_IP" 30
