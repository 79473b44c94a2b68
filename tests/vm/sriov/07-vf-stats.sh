# SPDX-License-Identifier: GPL-2.0
#
# Acceptance 7: "ip -s link show PF" shows VF0's rx/tx counters move with
# VF0's traffic (and VF1's do not).
# timeout: 120

. /tests/sriov/lib-sriov.sh

check "SR-IOV topology" sriov_ensure
check "VF0 traffic" vf_wait_ping 0 "$PARTNER_IP" 30

# vf_stats N: "rx_packets rx_bytes tx_packets tx_bytes" of VF N from ip -s link
vf_stats() {
	ip -s link show "$PF_IF" | awk -v vf="$1" '
		$1 == "vf" { cur = ($2 == vf) ; next }
		cur && $1 == "RX:" { want = "rx"; next }
		cur && $1 == "TX:" { want = "tx"; next }
		cur && want == "rx" { rxb = $1; rxp = $2; want = "" ; next }
		cur && want == "tx" { txb = $1; txp = $2; want = ""; cur = 0; next }
		END { print rxp + 0, rxb + 0, txp + 0, txb + 0 }'
}

ip -s link show "$PF_IF" | grep -A 6 -E '^ +vf 0 ' | sed 's/^/#   /' >&8 || true
set -- $(vf_stats 0)
rxp0=$1 rxb0=$2 txp0=$3 txb0=$4
set -- $(vf_stats 1)
rxp1=$1 txp1=$3
check "VF0 sends 50 pings of 1000 bytes" vfx 0 ping -q -c 50 -i 0.05 -s 1000 -W 2 "$PARTNER_IP"
sleep 0.5
set -- $(vf_stats 0)
drx=$(($1 - rxp0)) dtx=$(($3 - txp0)) drxb=$(($2 - rxb0)) dtxb=$(($4 - txb0))
diag "VF0: rx +$drx packets +$drxb bytes, tx +$dtx packets +$dtxb bytes"
ip -s link show "$PF_IF" | grep -A 6 -E '^ +vf 0 ' | sed 's/^/#   /' >&8 || true
check "VF0 tx packets grew by >= 50 (+$dtx)" test "$dtx" -ge 50
check "VF0 rx packets grew by >= 50 (+$drx)" test "$drx" -ge 50
check "VF0 tx bytes grew by >= 50 KB (+$dtxb)" test "$dtxb" -ge 51000
check "VF0 rx bytes grew by >= 50 KB (+$drxb)" test "$drxb" -ge 51000
check "VF0 tx counters not wildly above the traffic (+$dtx < 80)" test "$dtx" -lt 80
set -- $(vf_stats 1)
check "VF1's counters did not follow VF0's traffic (rx +$(($1 - rxp1)), tx +$(($3 - txp1)))" \
	test $(($3 - txp1)) -lt 10 -a $(($1 - rxp1)) -lt 10
