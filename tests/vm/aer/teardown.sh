# SPDX-License-Identifier: GPL-2.0
# Back to defaults for whatever runs after the suite; the admin MACs stay.
ip link set "$PF_IF" vf 0 vlan 0 spoofchk on max_tx_rate 0 2> /dev/null || true
ip link set "$PF_IF" vf 1 spoofchk on 2> /dev/null || true
