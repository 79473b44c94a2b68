# SPDX-License-Identifier: GPL-2.0
#
# Demo: load the PF driver, bring the PF up, show it and send traffic.
# timeout: 120

say() {
	echo "#" >&8
	echo "# >>> $*" >&8
}

say "loading $DRIVER"
check "load $DRIVER" pf_load
check "PF netdev appears" pf_find 15
say "PF is ${PF_IF:-?} at PCI $PF_PCI"
check "PF up with carrier" pf_up 20
say "ethtool -i $PF_IF"
run ethtool -i "$PF_IF" || true
say "ip link"
run ip -br link show || true
run ip -d link show dev "$PF_IF" || true
say "ip addr ($PF_IF) and partner (namespace $PARTNER_NS)"
run ip -br addr show dev "$PF_IF" || true
run in_partner ip -br addr show dev "$PARTNER_IF" || true
say "ping $PARTNER_IP (the virtio-net partner, across the QEMU hub)"
wait_ping 10 || true
if run ping -c 5 -i 0.2 "$PARTNER_IP"; then
	ok "ping PF -> partner"
else
	not_ok "ping PF -> partner"
fi
say "iperf3 PF -> partner, 5 s"
in_partner iperf3 -s -D -1 -I /tmp/iperf3.pid
sleep 1
if run iperf3 -c "$PARTNER_IP" -t 5 -f m; then
	ok "iperf3 PF -> partner"
else
	not_ok "iperf3 PF -> partner"
fi
say "ethtool -S $PF_IF (first lines)"
ethtool -S "$PF_IF" 2>&1 | head -n 12 | sed 's/^/#   /' >&8 || true
