# SPDX-License-Identifier: GPL-2.0
#
# Smoke: enable 7 VFs, bind igbvf, VF0 in a namespace pings the partner.
# timeout: 200

check "PF up" pf_ensure
check "enable 7 VFs" sh -c "echo 7 > /sys/bus/pci/devices/$PF_PCI/sriov_numvfs"
run ls /sys/bus/pci/devices/$PF_PCI/virtfn0/
check "modprobe igbvf" modprobe igbvf
sleep 5
run ip -d link show
n=$(ls /sys/bus/pci/devices/$PF_PCI/virtfn0/net/ 2>/dev/null | head -1)
diag "VF0 netdev: $n"
ip netns add vf0
ip link set "$n" netns vf0
ip -n vf0 link set lo up
ip -n vf0 addr add 192.0.2.10/24 dev "$n"
ip -n vf0 link set "$n" up
sleep 3
run ip -n vf0 link show
check "VF0 pings partner" ip netns exec vf0 ping -c 3 -W 2 "$PARTNER_IP"
check "PF pings VF0" ping -c 3 -W 2 192.0.2.10
run ip link show "$PF_IF"
dmesg | tail -40 >&8 || true
