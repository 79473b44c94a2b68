# SPDX-License-Identifier: GPL-2.0
#
# Acceptance 6: rmmod srnic_vf under load and sriov_numvfs 0 while bound:
# no oops (the runner checks the kernel log after every test).
# timeout: 240
. /tests/vf/vflib.sh

in_partner iperf3 -s -D -1 -p 5301 > /dev/null 2>&1 || true
sleep 0.5
# plain /sbin/ip so that $! is the load generator itself (ip execs it)
/sbin/ip netns exec vf0 iperf3 -c "$PARTNER_IP" -p 5301 -t 20 > /tmp/iperf-rmmod.out 2>&1 &
ipid=$!
/sbin/ip netns exec vf1 /sbin/ping -q -i 0.05 -c 400 "$(vf_ip 2)" > /dev/null 2>&1 &
ppid=$!
sleep 3
check "rmmod srnic_vf under load" rmmod srnic_vf
# the netdevs are gone: iperf3 would wait forever for its results
kill -9 $ipid $ppid 2> /dev/null || true
wait $ipid 2> /dev/null || true
wait $ppid 2> /dev/null || true
check "VF0 unbound" sh -c "[ ! -e /sys/bus/pci/devices/$(vf_pci 0)/driver ]"
check "reload srnic_vf" vf_driver_load
check "all VFs bound again" wait_until 30 vfs_bound
for i in 0 1; do
	check "VF $i placed again" vf_place "$i"
done
check "VF0 traffic after reload" vf_wait_ping 0 "$PARTNER_IP" 15

/sbin/ip netns exec vf0 /sbin/ping -q -i 0.05 -c 400 "$PARTNER_IP" > /dev/null 2>&1 &
ppid=$!
sleep 1
check "sriov_numvfs 0 while bound and busy" sh -c "echo 0 > /sys/bus/pci/devices/$PF_PCI/sriov_numvfs"
kill -9 $ppid 2> /dev/null || true
wait $ppid 2> /dev/null || true
check "no VF left" sh -c "! ls /sys/bus/pci/devices/$PF_PCI/virtfn0 > /dev/null 2>&1"
check "enable VFs again" sh -c "echo $NUM_VFS > /sys/bus/pci/devices/$PF_PCI/sriov_numvfs"
check "all VFs bound after re-enable" wait_until 30 vfs_bound
check "VF0 placed after re-enable" vf_place 0
check "VF0 traffic after re-enable" vf_wait_ping 0 "$PARTNER_IP" 15
check "rmmod srnic_vf at the end" rmmod srnic_vf
