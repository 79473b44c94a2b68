# SPDX-License-Identifier: GPL-2.0
#
# PF gets an address and pings the link partner both ways (IPv4 and IPv6)
# across the QEMU hub.
# timeout: 120

check "PF up" pf_ensure
check "link partner has carrier" partner_has_carrier
wait_ping 10 || true
check "ping PF -> partner" ping_partner
check "ping partner -> PF" ping_pf
check "ping6 PF -> partner" ping -6 -q -c 3 -i 0.2 -W 2 "$PARTNER_IP6"
check "ping6 partner -> PF" in_partner ping -6 -q -c 3 -i 0.2 -W 2 "$PF_IP6"
check "50 full-size pings at 10 ms" ping -q -c 50 -i 0.01 -s 1472 -W 2 "$PARTNER_IP"
run ip -s link show dev "$PF_IF" || true
