# SPDX-License-Identifier: GPL-2.0
#
# The PF runs on INTx: no MSI or MSI-X vector is allocated.
# timeout: 60

check "PF up" pf_ensure
check "driver fell back to INTx" sh -c "dmesg | grep -q 'srnic_pf.*using INTx'"
check_fail "no MSI-X vectors" sh -c "grep -q '$PF_IF-TxRx' /proc/interrupts"
check "one interrupt line named for the PF" grep -q "$PF_IF" /proc/interrupts
check_fail "SR-IOV refused without MSI-X" sh -c "echo 1 > /sys/bus/pci/devices/$PF_PCI/sriov_numvfs"
check "sriov_numvfs stays 0" test "$(cat /sys/bus/pci/devices/$PF_PCI/sriov_numvfs)" = 0
