# SPDX-License-Identifier: GPL-2.0
#
# Per-VF refusal counters in "ethtool -S PF" (issue 3: each refusal bumps
# a per-VF counter): a counter named after VF 0 and the admin-mac rule
# must exist and count the guest's refused MAC change.  Fails (no skip)
# when the PF exposes no such counter.
# timeout: 120

. /tests/sriov/lib-sriov.sh

ADMIN=02:00:00:00:00:a0
check "SR-IOV topology" sriov_ensure
if ! pf_vf_has 0 "link/ether $ADMIN.*trust off"; then
	ip link set "$PF_IF" vf 0 mac $ADMIN trust off
	vf_bounce 0
	wait_until 30 vf_mac_is 0 $ADMIN || true
fi
check "VF0 has admin MAC $ADMIN, trust off" pf_vf_has 0 "link/ether $ADMIN.*trust off"

# ctr PATTERN: value of the first ethtool -S counter matching PATTERN
ctr() {
	ethtool -S "$PF_IF" 2> /dev/null | awk -v p="$1" '
		{ n = $1; sub(/:$/, "", n) }
		n ~ p { print $2 + 0; f = 1; exit }
		END { if (!f) exit 1 }'
}
ethtool -S "$PF_IF" > /tmp/S 2>&1 || true
grep -E 'vf0_' /tmp/S | sed 's/^/#   /' >&8 || true
MAC_RULE='^vf0_.*admin[-_]mac'
VLAN_RULE='^vf0_.*port[-_]vlan'
if ! grep -qE "^ *vf0_.*admin[-_]mac" /tmp/S; then
	not_ok "ethtool -S PF has a vf0_*admin-mac refusal counter" \
		"no counter matching /vf0_.*admin[-_]mac/ among $(grep -c ': ' /tmp/S) counters"
else
	ok "ethtool -S PF has a vf0_*admin-mac refusal counter"
	before=$(ctr "$MAC_RULE")
	vfip 0 link set vf0 address 02:00:00:00:00:b1 > /dev/null 2>&1 || true
	vfip 0 link set vf0 address 02:00:00:00:00:b2 > /dev/null 2>&1 || true
	after=$(ctr "$MAC_RULE")
	diag "vf0 admin-mac refusals: $before -> $after"
	check "two refused MAC changes counted ($before -> $after)" test "$after" -ge $((before + 2))
	check "VF0 still has the admin MAC" vf_mac_is 0 $ADMIN
fi
if ! grep -qE "^ *vf0_.*port[-_]vlan" /tmp/S; then
	not_ok "ethtool -S PF has a vf0_*port-vlan refusal counter" "none"
else
	ok "ethtool -S PF has a vf0_*port-vlan refusal counter"
	before=$(ctr "$VLAN_RULE")
	in_partner ip link add link "$PARTNER_IF" name "$PARTNER_IF.100" type vlan id 100 || true
	in_partner ip addr replace 198.51.100.2/24 dev "$PARTNER_IF.100"
	in_partner ip link set "$PARTNER_IF.100" up
	vfip 0 addr replace 198.51.100.10/24 dev vf0
	ip link set "$PF_IF" vf 0 vlan 100
	vf_bounce 0
	# wait until igbvf went through its reset (the port VLAN works)
	check "VF0 on port VLAN 100" vf_wait_ping 0 198.51.100.2 40
	vfip 0 link add link vf0 name vf0.300 type vlan id 300 > /dev/null 2>&1 || true
	vfip 0 link del vf0.300 > /dev/null 2>&1 || true
	after=$(ctr "$VLAN_RULE")
	diag "vf0 port-vlan refusals: $before -> $after"
	check "refused guest VLAN counted ($before -> $after)" test "$after" -gt "$before"
	ip link set "$PF_IF" vf 0 vlan 0
	vfip 0 addr del 198.51.100.10/24 dev vf0 2> /dev/null || true
	in_partner ip link del "$PARTNER_IF.100" 2> /dev/null || true
	vf_bounce 0
	check "VF0 back on the untagged partner" vf_wait_ping 0 "$PARTNER_IP" 40
fi
