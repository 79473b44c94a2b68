# SPDX-License-Identifier: GPL-2.0
#
# VF suite setup (sourced by /init): PF up, 7 VFs with admin MACs, srnic_vf
# bound to all of them, each VF in its own namespace.
. /tests/vf/vflib.sh

check "load $DRIVER" pf_load
check "PF netdev appears" pf_find 15
check "PF up with carrier" pf_up 20
check "enable $NUM_VFS VFs" sh -c "echo $NUM_VFS > /sys/bus/pci/devices/$PF_PCI/sriov_numvfs"
# admin MACs before the VF driver loads: the stock igb only hands them out
# in the VF_RESET reply
for i in $(seq 0 $((NUM_VFS - 1))); do
	ip link set "$PF_IF" vf "$i" mac "$(vf_admin_mac "$i")" || true
done
check "modprobe 8021q" modprobe 8021q
check "load srnic_vf" vf_driver_load
check "all VFs bound to srnic_vf" wait_until 30 vfs_bound
for i in $(seq 0 $((NUM_VFS - 1))); do
	check "VF $i placed in netns vf$i" vf_place "$i"
done
run ip link show "$PF_IF" || true
dmesg | grep -i srnic_vf | tail -20 >&8 || true
