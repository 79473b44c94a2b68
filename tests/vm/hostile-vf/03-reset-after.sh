# SPDX-License-Identifier: GPL-2.0
# timeout: 60
#
# After the attacks, a proper VF_RESET from VF0 is answered within 2 s:
# first by the tool's own handshake, then by srnic_vf bound to VF0, which
# must come up with its admin MAC.
. /tests/hostile-vf/lib-hostile.sh

VF0=$(vf_pci 0)
if out=$("$HV_TOOL" -d "$VF0" -m reset 2>&1); then
	ok "VF_RESET answered: $(echo "$out" | tail -n 1)"
else
	not_ok "VF_RESET answered within 2 s" "$out"
fi
echo 0 > "/sys/bus/pci/devices/$VF0/enable" || true
t0=$(now_ms)
hv_vf_bind 0 || true
check "srnic_vf bound to VF0" test "$(hv_vf_driver 0)" = srnic_vf
if ms=$(wait_ms 2000 vf_netdev_root 0); then
	ok "VF0 netdev within 2 s of the bind ($(($(now_ms) - t0)) ms)"
else
	not_ok "VF0 netdev within 2 s of the bind"
fi
dev=$(vf_netdev_root 0 || true)
check "VF0 came up with its admin MAC $HV_VF0_MAC" test "$(cat "/sys/class/net/$dev/address" 2> /dev/null)" = "$HV_VF0_MAC"
vf0_policy() {
	hv_vf_lines | grep -E "vf 0 .*$HV_VF0_MAC .*vlan $HV_VF0_VLAN," > /dev/null
}
check "VF0 admin policy still in place" vf0_policy
check "VF1 -> VF2 still" in_vf 1 ping -q -c 3 -i 0.2 -W 2 "$(vf_ip 2)"
check "PF -> partner still" ping_partner
