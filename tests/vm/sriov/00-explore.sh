# SPDX-License-Identifier: GPL-2.0
# timeout: 200
check "PF up" pf_ensure
echo 7 > /sys/bus/pci/devices/$PF_PCI/sriov_numvfs
modprobe igbvf
sleep 2
for i in 0 1; do
n=$(ls /sys/bus/pci/devices/$PF_PCI/virtfn$i/net/ 2>/dev/null | head -1)
diag "VF$i netdev: $n"
ip netns add vf$i
ip link set "$n" netns vf$i
ip -n vf$i link set lo up
ip -n vf$i addr add 192.0.2.1$i/24 dev "$n"
ip -n vf$i link set "$n" up
done
t0=$(now_ms)
for k in $(seq 1 100); do
  c=$(ip netns exec vf0 cat /sys/class/net/eth1/carrier 2>/dev/null)
  [ "$c" = 1 ] && break
  sleep 0.2
done
diag "carrier=$c after $(( $(now_ms) - t0 )) ms"
run ip -n vf0 link show
run ip netns exec vf0 ethtool eth1
check "VF0 pings partner" ip netns exec vf0 ping -c 3 -W 2 "$PARTNER_IP"
check "VF1 pings VF0" ip netns exec vf1 ping -c 3 -W 2 192.0.2.10
check "PF pings VF0" ping -c 3 -W 2 192.0.2.10
run ip link show "$PF_IF"
run dmesg
