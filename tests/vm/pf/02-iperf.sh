# SPDX-License-Identifier: GPL-2.0
#
# TCP throughput both ways with iperf3 (10 s each), then a capture on both
# ends proving that the PF used TSO (super-frames handed to the driver) and
# that the partner received correctly segmented frames (<= MTU, valid
# checksums).
# timeout: 240

IPERF_TIME=${IPERF_TIME:-10}
check "PF up" pf_ensure
wait_ping 10 || true
# GRO on the partner would merge segments before tcpdump sees them.
in_partner ethtool -K "$PARTNER_IF" gro off > /dev/null 2>&1 || true

in_partner iperf3 -s -D -I /tmp/iperf3-partner.pid --logfile /tmp/iperf3-partner.log
trap 'iperf_server_stop /tmp/iperf3-partner.pid' EXIT
iperf_listening() {
	in_partner ss -ltn | grep ':5201 ' > /dev/null
}
wait_until 5 iperf_listening || true

# iperf_check NAME ARGS...: run an iperf3 client, check exit status, rate
# and retransmissions (<= 3% of the segments sent: TCG on a loaded host
# drops some frames when the guest is starved; a broken datapath drops far
# more, or stalls).
iperf_check() {
	local name=$1 rc=0 line rate retr bytes
	shift
	iperf3 -c "$PARTNER_IP" -t "$IPERF_TIME" -f m "$@" > /tmp/iperf.out 2>&1 || rc=$?
	sed 's/^/#   /' /tmp/iperf.out >&8
	if [ $rc != 0 ]; then
		not_ok "$name" "iperf3 exited with $rc"
		return 0
	fi
	line=$(grep 'sender$' /tmp/iperf.out | tail -n 1)
	rate=$(echo "$line" | awk '{ for (i = 1; i <= NF; i++) if ($i == "Mbits/sec") print $(i - 1) }')
	retr=$(echo "$line" | awk '{ for (i = 1; i <= NF; i++) if ($i == "Mbits/sec") print $(i + 1) }')
	bytes=$(echo "$line" | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /Bytes$/) {
		m = 1; if ($i == "KBytes") m = 1024; if ($i == "MBytes") m = 1048576;
		if ($i == "GBytes") m = 1073741824; printf "%d\n", $(i - 1) * m } }')
	diag "$name: ${rate:-?} Mbit/s, ${retr:-?} retransmits, ${bytes:-?} bytes"
	if [ -z "$rate" ] || ! awk -v r="$rate" 'BEGIN { exit !(r >= 1) }'; then
		not_ok "$name" "no throughput (rate '${rate}')"
	elif [ -n "$retr" ] && [ "$retr" != sender ] && \
	     ! awk -v r="$retr" -v b="${bytes:-0}" 'BEGIN { exit !(r * 100 <= 3 * b / 1448 + 50) }'; then
		not_ok "$name" "too many retransmits: $retr"
	else
		ok "$name"
	fi
}

iperf_check "iperf3 TCP PF -> partner ${IPERF_TIME}s"
iperf_check "iperf3 TCP partner -> PF ${IPERF_TIME}s" -R

# --- TSO: super-frames leave the stack on the PF, wire frames <= MTU ----
if ethtool -k "$PF_IF" | grep '^tcp-segmentation-offload: on' > /dev/null; then
	ok "TSO enabled on $PF_IF"
else
	not_ok "TSO enabled on $PF_IF" "$(ethtool -k "$PF_IF" | grep segmentation)"
fi
rm -f /tmp/pf.pcap /tmp/partner.pcap
tcpdump -i "$PF_IF" -nn -s 128 -c 400 -w /tmp/pf.pcap \
	"tcp and dst host $PARTNER_IP and dst port 5201" 2> /tmp/tcpdump-pf.err &
tp1=$!
in_partner tcpdump -i "$PARTNER_IF" -nn -s 0 -c 400 -w /tmp/partner.pcap \
	"tcp and src host $PF_IP and dst port 5201 and greater 200" 2> /tmp/tcpdump-partner.err &
tp2=$!
wait_until 10 grep -q listening /tmp/tcpdump-pf.err || true
wait_until 10 grep -q listening /tmp/tcpdump-partner.err || true
iperf3 -c "$PARTNER_IP" -t 3 -f m > /tmp/iperf-tso.out 2>&1 || diag "iperf3 for TSO capture failed"
sleep 1
kill -INT $tp1 $tp2 2> /dev/null || true
wait $tp1 2> /dev/null || true
wait $tp2 2> /dev/null || true

tcpdump -r /tmp/pf.pcap -nn -e 2> /dev/null > /tmp/pf.txt || true
maxlen=$(awk '{ for (i = 1; i < NF; i++) if ($i == "length") { l = $(i + 1); sub(/:$/, "", l); if (l + 0 > m) m = l + 0; break } } END { print m + 0 }' /tmp/pf.txt)
diag "PF side: $(wc -l < /tmp/pf.txt) frames captured, largest $maxlen bytes"
if [ "$maxlen" -gt 1514 ]; then
	ok "PF transmits TSO super-frames (largest $maxlen)"
else
	not_ok "PF transmits TSO super-frames (largest $maxlen)" "no frame above 1514 bytes left the stack"
fi

tcpdump -r /tmp/partner.pcap -nn -e -vv 2> /dev/null > /tmp/partner.txt || true
nfr=$(grep -c 'ethertype' /tmp/partner.txt || true)
big=$(awk '/ > .*ethertype/ { for (i = 1; i < NF; i++) if ($i == "length") { l = $(i + 1); sub(/:$/, "", l); if (l + 0 > 1514) n++; break } } END { print n + 0 }' /tmp/partner.txt)
bad=$(grep -c 'incorrect' /tmp/partner.txt || true)
good=$(grep -c 'cksum 0x[0-9a-f]* (correct)' /tmp/partner.txt || true)
diag "partner side: $nfr frames, $big above 1514 bytes, $good with verified TCP checksum, $bad bad checksums"
if [ "$nfr" -gt 0 ] && [ "$big" = 0 ]; then
	ok "partner receives segments <= MTU"
else
	not_ok "partner receives segments <= MTU" "frames=$nfr oversized=$big"
fi
if [ "$good" -gt 0 ] && [ "$bad" = 0 ]; then
	ok "partner sees valid TCP/IP checksums"
else
	not_ok "partner sees valid TCP/IP checksums" "correct=$good incorrect=$bad"
	grep incorrect /tmp/partner.txt | head -n 5 | sed 's/^/#     /' >&8
fi
