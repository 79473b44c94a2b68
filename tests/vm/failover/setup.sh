# SPDX-License-Identifier: GPL-2.0
#
# Failover suite setup (sourced by /init): the virtio-net standby and its
# net_failover master, the PF up without an address, VF0 with the standby's
# MAC bound to srnic_vf and enslaved as the primary, the master addressed.
. /tests/failover/folib.sh

check "failover master with the virtio standby" wait_until 10 fo_master
FO_SBY=$(fo_standby || true)
FO_DEV=$(fo_master || true)
diag "standby ${FO_SBY:-?}, master ${FO_DEV:-?} ($(ethtool -i "${FO_DEV:-lo}" 2> /dev/null | sed -n 's/^driver: //p'))"

check "load $DRIVER" pf_load
check "PF netdev appears" pf_find 15
# Up, but no address: only the master may answer for 192.0.2.0/24, and no
# other interface may answer ARP for the master's address.
sysctl -qw net.ipv4.conf.all.arp_ignore=1
ip addr flush dev "$PF_IF" || true
ip link set "$PF_IF" up || true
check "PF up with carrier" wait_until 20 has_carrier "$PF_IF"
# VFs are bound by hand, after the admin MAC is set
echo 0 > "/sys/bus/pci/devices/$PF_PCI/sriov_drivers_autoprobe"
check "load srnic_vf" fo_vf_driver_load
# the master up first: it opens a primary when it enslaves it
ip addr add "$FO_IP/$PREFIX" dev "$FO_DEV" || true
ip link set "$FO_DEV" up || true
check "VF0 with admin MAC $FO_MAC bound to srnic_vf" fo_vf_add
check "VF0 enslaved to $FO_DEV as primary, carrier on" wait_until 15 fo_primary_ready
check "master pings partner" wait_until 20 ping -q -c 1 -W 1 -I "$FO_DEV" "$PARTNER_IP"
run ip -d link show "$FO_DEV" || true
run ip link show master "$FO_DEV" || true
dmesg | grep -iE 'srnic_vf|failover' | tail -20 >&8 || true
