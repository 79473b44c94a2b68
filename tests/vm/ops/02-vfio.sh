# SPDX-License-Identifier: GPL-2.0
#
# VFs for assignment and for host use: with sriov_drivers_autoprobe 0 a new
# VF stays unbound even with srnic_vf loaded; srnic-bind (driver_override,
# the same as driverctl) gives it to vfio-pci (an IOMMU group in
# /dev/vfio), then to srnic_vf (a netdev), then back to vfio-pci, and the
# VFs go away while vfio-pci holds one.
# timeout: 240

. /tests/ops/lib-ops.sh

mod_loaded igb && rmmod igb
check "insmod srnic_lib srnic_pf" srnic_loaded
check "the port is on srnic_pf" wait_until 10 on_driver "$PF_PCI" srnic_pf
check "PF up" pf_up 20
check "insmod srnic_vf" sh -c "grep -q '^srnic_vf ' /proc/modules || insmod /srnic/srnic_vf.ko"
install_pkg_files
pf=/sys/bus/pci/devices/$PF_PCI
check "sriov_drivers_autoprobe 0" sh -c "echo 0 > $pf/sriov_drivers_autoprobe"
check "sriov_numvfs 1" sh -c "echo 1 > $pf/sriov_numvfs"
VF=$(vf_pci 0)
diag "VF 0 is $VF"
sleep 1
check "autoprobe 0: VF 0 stays unbound with srnic_vf loaded" test -z "$(pci_drv "$VF")"

check "modprobe vfio-pci" modprobe vfio-pci
check "srnic-bind --set $VF vfio-pci" /usr/lib/srnic/srnic-bind --set "$VF" vfio-pci
check "VF 0 is on vfio-pci" on_driver "$VF" vfio-pci
grp=$(basename "$(readlink "/sys/bus/pci/devices/$VF/iommu_group")")
check "VF 0's IOMMU group $grp is a /dev/vfio node" test -c "/dev/vfio/$grp"

check "srnic-bind --set $VF srnic_vf (host use)" /usr/lib/srnic/srnic-bind --set "$VF" srnic_vf
check "VF 0 is on srnic_vf" on_driver "$VF" srnic_vf
check "VF 0 has a netdev" wait_until 10 sh -c "ls /sys/bus/pci/devices/$VF/net/* > /dev/null"

check "srnic-bind --set $VF vfio-pci again" /usr/lib/srnic/srnic-bind --set "$VF" vfio-pci
check "VF 0 is back on vfio-pci" on_driver "$VF" vfio-pci
check "sriov_numvfs 0 with VF 0 on vfio-pci" sh -c "echo 0 > $pf/sriov_numvfs"
check "the VF is gone" test ! -e "/sys/bus/pci/devices/$VF"
echo 1 > "$pf/sriov_drivers_autoprobe"
rmmod srnic_vf
