# SPDX-License-Identifier: GPL-2.0
#
# Demo, part 2: the NIC switch. Enable VFs, apply per-port policy with
# ip link set vf, bind srnic_vf and show the policy at work.
# timeout: 240

. /tests/vf/vflib.sh
NUM_VFS=3

say() {
	echo "#" >&8
	echo "# >>> $*" >&8
}

check "PF up" pf_ensure
say "enabling $NUM_VFS VFs"
check "enable $NUM_VFS VFs" sh -c "echo $NUM_VFS > /sys/bus/pci/devices/$PF_PCI/sriov_numvfs"
say "per-port policy: VF0 admin MAC, VF1 port VLAN 100, VF2 rate 100 Mbit/s"
check "VF0 admin MAC" ip link set "$PF_IF" vf 0 mac 02:00:00:00:00:10
check "VF1 MAC" ip link set "$PF_IF" vf 1 mac 02:00:00:00:00:11
check "VF1 port VLAN 100" ip link set "$PF_IF" vf 1 vlan 100
check "VF2 MAC" ip link set "$PF_IF" vf 2 mac 02:00:00:00:00:12
check "VF2 max_tx_rate 100" ip link set "$PF_IF" vf 2 max_tx_rate 100
run ip link show "$PF_IF" || true
say "loading srnic_vf"
check "load srnic_vf" vf_driver_load
check "VFs bound to srnic_vf" wait_until 30 vfs_bound
for i in 0 1 2; do
	check "VF $i in its own namespace vf$i" vf_place "$i"
done
check "VF0 carrier" wait_until 10 vf_carrier 0

say "VF0 pings the partner through the NIC switch"
check "VF0 -> partner" wait_until 10 in_vf 0 ping -q -c 1 -W 1 "$PARTNER_IP"
run in_vf 0 ping -c 3 -i 0.2 "$PARTNER_IP" || true
say "VF0 -> VF2, switched inside the NIC"
check "VF0 -> VF2" wait_until 10 in_vf 0 ping -q -c 1 -W 1 "$(vf_ip 2)"

say "the guest on VF0 tries to change its MAC: refused by policy admin-mac"
check_fail "VF0 MAC change refused" in_vf 0 ip link set vf0 address 02:00:00:00:00:99
run in_vf 0 ip link set vf0 address 02:00:00:00:00:99 || true
run in_vf 0 ip -br link show vf0 || true
check "VF0 still pings the partner" in_vf 0 ping -q -c 2 -W 2 "$PARTNER_IP"
dmesg | grep "refused by policy" | tail -n 3 | sed 's/^/#   /' >&8 || true

say "VF1 sits in port VLAN 100: it reaches the partner's VLAN 100 only"
modprobe 8021q
in_partner ip link add link "$PARTNER_IF" name "$PARTNER_IF.100" type vlan id 100
in_partner ip addr add 203.0.113.2/24 dev "$PARTNER_IF.100"
in_partner ip link set "$PARTNER_IF.100" up
in_vf 1 ip addr add 203.0.113.11/24 dev vf1
check "VF1 -> partner VLAN 100" wait_until 10 in_vf 1 ping -q -c 1 -W 1 203.0.113.2
check_fail "VF1 -> untagged partner" in_vf 1 ping -q -c 2 -W 1 "$PARTNER_IP"

say "the policy as the host sees it, and the refusal counters"
run ip -s link show "$PF_IF" || true
ethtool -S "$PF_IF" | grep -E "vf[0-2]_(mbx_msgs|mbx_refused|refused_admin_mac)" | sed 's/^/#   /' >&8 || true
in_partner ip link del "$PARTNER_IF.100"
