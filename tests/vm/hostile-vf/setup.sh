# SPDX-License-Identifier: GPL-2.0
#
# Hostile-VF suite setup (sourced by /init): PF up, 3 VFs without
# autoprobe, admin policy on all of them, VF1/VF2 on srnic_vf in their
# namespaces, VF0 left without a driver and its memory decoding on.
. /tests/hostile-vf/lib-hostile.sh

check "load $DRIVER" pf_load
check "PF netdev appears" pf_find 15
check "PF up with carrier" pf_up 20
echo 0 > "$(hv_sysfs)/sriov_drivers_autoprobe"
check "enable $HV_NUMVFS VFs" sh -c "echo $HV_NUMVFS > $(hv_sysfs)/sriov_numvfs"
for i in 0 1 2; do
	ip link set "$PF_IF" vf "$i" mac "$(hv_vf_mac "$i")" || true
done
check "VF0 port VLAN $HV_VF0_VLAN" ip link set "$PF_IF" vf 0 vlan "$HV_VF0_VLAN"
if ! mod_loaded srnic_lib; then insmod /srnic/srnic_lib.ko; fi
check "load srnic_vf" insmod /srnic/srnic_vf.ko
for i in 1 2; do
	hv_vf_bind "$i" || true
	check "VF$i bound to srnic_vf and placed" vf_place "$i" noipv6
done
check "VF0 has no driver" test -z "$(hv_vf_driver 0)"
# pci_enable_device() for the unbound VF: without it its BAR does not decode
check "VF0 memory decoding on" sh -c "echo 1 > /sys/bus/pci/devices/$(vf_pci 0)/enable"
check "VF1 carrier" wait_until 20 vf_carrier 1
check "VF2 carrier" wait_until 20 vf_carrier 2
check "VF1 -> VF2" wait_until 20 in_vf 1 ping -q -c 1 -W 1 "$(vf_ip 2)"
check "VF1 -> partner" wait_until 20 in_vf 1 ping -q -c 1 -W 1 "$PARTNER_IP"
check "mailbox health reporter" hv_health mailbox
run ip link show "$PF_IF" || true
