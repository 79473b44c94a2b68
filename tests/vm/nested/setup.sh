# SPDX-License-Identifier: GPL-2.0
#
# Nested suite setup (sourced by /init): srnic_pf up, VF0 created without
# autoprobe, given the admin MAC L2_MAC and bound to vfio-pci.
. /tests/nested/nestlib.sh

check "load $DRIVER" pf_load
check "PF up" pf_up 20
pf=/sys/bus/pci/devices/$PF_PCI
echo 0 > "$pf/sriov_drivers_autoprobe"
check "sriov_numvfs 1" sh -c "echo 1 > $pf/sriov_numvfs"
check "VF0 admin MAC $L2_MAC" ip link set "$PF_IF" vf 0 mac "$L2_MAC"
check "modprobe vfio-pci" modprobe vfio-pci
# the container backend: vfio names it as a softdep, which busybox modprobe
# does not follow ("No available IOMMU models" from QEMU without it)
check "modprobe vfio_iommu_type1" modprobe vfio_iommu_type1
VF=$(vf0_pci)
echo vfio-pci > "/sys/bus/pci/devices/$VF/driver_override"
echo "$VF" > /sys/bus/pci/drivers_probe
check "VF0 ($VF) on vfio-pci" test "$(basename "$(readlink /sys/bus/pci/devices/$VF/driver)")" = vfio-pci
check "the L2 QEMU runs in L1" sh -c "qemu-system-x86_64 --version | head -n1 >&8"
diag "L1: $(nproc) cpus, $(grep MemTotal /proc/meminfo)"
