# SPDX-License-Identifier: GPL-2.0
#
# Acceptance 5: "state disable" stops VF0's traffic both ways and tells the
# VF (PF control message without CTS); "enable" and "auto" restore it.
# igbvf only polls its mailbox every 2 s and may reset itself, so allow
# several seconds.
# timeout: 180

. /tests/sriov/lib-sriov.sh

IP0=$(vf_ip 0)
check "SR-IOV topology" sriov_ensure
check "VF0 traffic before" vf_wait_ping 0 "$PARTNER_IP" 30

# restore STATE: state STATE brings VF0's traffic back, both ways
restore() {
	local ms
	check "admin: vf 0 state $1" ip link set "$PF_IF" vf 0 state "$1"
	check "ip link show PF: vf 0 link-state $1" pf_vf_has 0 "link-state $1"
	if ms=$(wait_ms 40000 vf_ping1 0 "$PARTNER_IP"); then
		ok "state $1: VF0 -> partner works again (${ms} ms)"
	else
		not_ok "state $1: VF0 -> partner works again within 40 s"
	fi
	check "state $1: partner -> VF0 works" in_partner ping -q -c 3 -i 0.2 -W 2 "$IP0"
	check "state $1: VF1 -> VF0 works" vf_ping 1 "$IP0" 2
}

for back in enable auto; do
	host trace_on e1000e_core_write > /dev/null || true
	m=$(trace_mark)
	check "admin: vf 0 state disable" ip link set "$PF_IF" vf 0 state disable
	host trace_off e1000e_core_write > /dev/null || true
	check "ip link show PF: vf 0 link-state disable" pf_vf_has 0 "link-state disable"
	# VMBMEM of VF0 is 0x800: PF_CONTROL_MSG (0x100) without CTS (bit 29)
	w=$(reg_writes "$m" 0x800 | tail -n 1)
	if [ "$w" = 0x100 ]; then
		ok "trace: VF0 mailbox got PF_CONTROL_MSG without CTS (0x100)"
	else
		not_ok "trace: VF0 mailbox got PF_CONTROL_MSG without CTS" "last VMBMEM[0] write: ${w:-none}"
	fi
	sleep 1
	check_fail "state disable: VF0 -> partner fails" vf_ping 0 "$PARTNER_IP" 3
	check_fail "state disable: partner -> VF0 fails" in_partner ping -q -c 3 -i 0.2 -W 1 "$IP0"
	check_fail "state disable: VF1 -> VF0 fails" vf_ping 1 "$IP0" 2
	check "state disable: VF1 unaffected" vf_ping 1 "$PARTNER_IP" 2
	restore $back
done
