# SPDX-License-Identifier: GPL-2.0
#
# VF count and policy at boot from a systemd .link file: the example the
# package ships (70-srnic-sriov.link), applied by udev's net_setup_link
# builtin as systemd-udevd does on "add".  ip link show PF and the
# hardware registers (read through the QEMU monitor) must agree with it.
# timeout: 240

. /tests/ops/lib-ops.sh

mod_loaded igb && rmmod igb
check "insmod srnic_lib srnic_pf" srnic_loaded
check "PF up" pf_ensure
pf=/sys/bus/pci/devices/$PF_PCI
echo 0 > "$pf/sriov_numvfs"
mkdir -p /etc/systemd/network
cp /srnic/packaging/systemd/70-srnic-sriov.link /etc/systemd/network/
udevadm test-builtin net_setup_link "/sys/class/net/$PF_IF" > /tmp/link.out 2>&1
rc=$?
sed 's/^/#     /' /tmp/link.out | tail -n 15 >&8
check "udevadm test-builtin net_setup_link $PF_IF (rc=$rc)" test $rc = 0
check "the .link file matched" grep -q 70-srnic-sriov.link /tmp/link.out
check "SR-IOVVirtualFunctions=2: sriov_numvfs is 2" grep -qx 2 "$pf/sriov_numvfs"

ip link show "$PF_IF" | sed 's/^/#     /' >&8
check "vf 0: MAC 02:00:00:5a:10:00" pf_vf_has 0 "link/ether 02:00:00:5a:10:00"
check "vf 0: vlan 100, qos 3" pf_vf_has 0 "vlan 100, qos 3"
check "vf 0: spoof checking on" pf_vf_has 0 "spoof checking on"
check "vf 0: link-state auto" pf_vf_has 0 "link-state auto"
check "vf 0: trust off" pf_vf_has 0 "trust off"
check "vf 1: MAC 02:00:00:5a:10:01" pf_vf_has 1 "link/ether 02:00:00:5a:10:01"
check "vf 1: trust on" pf_vf_has 1 "trust on"
check "vf 1: link-state enable" pf_vf_has 1 "link-state enable"

# the hardware: VMVIR(0) inserts VLAN 100 priority 3 by default,
# DTXSWC has MAC and VLAN anti-spoofing on for pool 0
v=$(pf_reg 0x3700)
diag "VMVIR(0) = ${v:-unread}"
check "hardware: VMVIR(0) = VLANA_DEFAULT | qos 3 | vid 100" \
	test "$((${v:-0}))" = "$(((1 << 30) | (3 << 13) | 100))"
check "hardware: DTXSWC anti-spoof MAC,VLAN on for VF 0" test "$(dtxswc_vf_bits 0)" = "1,1"

rm -f /etc/systemd/network/70-srnic-sriov.link
echo 0 > "$pf/sriov_numvfs"
