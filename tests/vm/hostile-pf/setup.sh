# SPDX-License-Identifier: GPL-2.0
#
# hostile-pf setup (sourced by /init): the PF on pci-pf-stub with its
# memory decode on (fake_pf maps BAR0), one VF, srnic_lib loaded; srnic_vf
# is loaded by each test while fake_pf plays the PF.
. /tests/hostile-pf/hplib.sh

check "PF found" test -n "$PF_PCI"
check "modprobe pci-pf-stub" modprobe pci-pf-stub
# nothing else may claim the VF when it appears
echo 0 > "/sys/bus/pci/devices/$PF_PCI/sriov_drivers_autoprobe" || true
# memory decode for fake_pf's mapping; sysfs refuses this once bound
check "PF memory decode on" sh -c "echo 1 > /sys/bus/pci/devices/$PF_PCI/enable"
check "PF bound to pci-pf-stub" pf_stub_bind
check "enable 1 VF without a PF driver" sh -c "echo 1 > /sys/bus/pci/devices/$PF_PCI/sriov_numvfs"
check "VF 0 appears" wait_until 10 test -e "/sys/bus/pci/devices/$PF_PCI/virtfn0"
check "load srnic_lib" insmod /srnic/srnic_lib.ko
echo 1 > "/sys/bus/pci/devices/$PF_PCI/sriov_drivers_autoprobe" || true
check "fake_pf runs (honest, 1 s)" "$FAKE_PF" "$PF_RES" honest 1
diag "VF 0 is $(vf0_pci)"
