# SPDX-License-Identifier: GPL-2.0
#
# The PF runs on INTx: no MSI or MSI-X vector is allocated.
# timeout: 60

check "PF up" pf_ensure
check "the PF's interrupt is not a message-signalled one" \
	sh -c "grep '$PF_IF' /proc/interrupts | grep -qv 'PCI-MSI'"
check_fail "no MSI-X vectors" sh -c "grep -q '$PF_IF-TxRx' /proc/interrupts"
check "one interrupt line named for the PF" grep -q "$PF_IF" /proc/interrupts
check_fail "SR-IOV refused without MSI-X" sh -c "echo 1 > /sys/bus/pci/devices/$PF_PCI/sriov_numvfs"
check "sriov_numvfs stays 0" test "$(cat /sys/bus/pci/devices/$PF_PCI/sriov_numvfs)" = 0
