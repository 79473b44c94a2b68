# SPDX-License-Identifier: GPL-2.0
#
# PF benchmark for $DRIVER (srnic_pf or the stock igb): module size and
# memory cost of bringing the PF up, time from load to carrier, ping RTT
# and iperf3 TCP throughput both ways against the virtio-net link partner.
# Results: "# BENCH|..." lines (see benchlib.sh), parsed by tests/bench/run.sh.
# timeout: 200
. /tests/bench/benchlib.sh

D=$DRIVER
M_CORE="PF module core size"
M_MODS="PF modules loaded incl. deps"
M_MEM="PF MemAvailable drop after up"
M_UP="PF load to carrier"
M_RTT="PF ping RTT partner->PF"
M_TX="PF iperf3 TCP PF->partner"
M_RX="PF iperf3 TCP partner->PF"
for m in "$M_CORE" "$M_MODS" "$M_MEM" "$M_UP" "$M_RTT" "$M_TX" "$M_RX"; do
	bench_plan "$m" "$D"
done

case $D in
igb) mods="igb" ;;
*) mods="$D srnic_lib" ;;
esac

if mod_loaded "$D"; then
	bench_fail "$M_MEM" "$D" "$D already loaded before the benchmark"
	exit 0
fi
modules_list > /tmp/mods.before
mem0=$(mem_avail)
t0=$(now_ms)
if ! pf_load > /tmp/load.out 2>&1 || ! pf_up 30 >> /tmp/load.out 2>&1; then
	sed 's/^/#   /' /tmp/load.out >&8
	for m in "$M_CORE" "$M_MODS" "$M_MEM" "$M_UP" "$M_RTT" "$M_TX" "$M_RX"; do
		bench_fail "$m" "$D" "could not load $D and bring the PF up"
	done
	exit 0
fi
bench_point "$M_UP" "$D" $(($(now_ms) - t0)) ms "insmod/modprobe to carrier on $PF_IF"
wait_ping 10 || true
sleep 2
mem1=$(mem_avail)
modules_list > /tmp/mods.after
if cs=$(coresize $mods); then
	bench_point "$M_CORE" "$D" $((cs / 1024)) KiB "coresize of $(echo "$mods" | sed 's/ /+/g')"
else
	bench_fail "$M_CORE" "$D" "no /sys/module/*/coresize for $mods"
fi
new=$(awk 'NR == FNR { b[$1] = 1; next } !($1 in b) { s += $2; n = n " " $1 }
	END { printf "%d%s\n", s / 1024, n }' /tmp/mods.before /tmp/mods.after)
bench_point "$M_MODS" "$D" "${new%% *}" KiB "new in /proc/modules:${new#* }"
bench_point "$M_MEM" "$D" $((${mem0%% *} - ${mem1%% *})) KiB "MemAvailable median of 3 (kB): ${mem0#* } -> ${mem1#* }, page cache dropped"

ip neigh flush dev "$PF_IF" 2> /dev/null || true
in_partner ping -q -c 2 -W 2 "$PF_IP" > /dev/null 2>&1 || true
bench_ping "$M_RTT" "$D" in_partner ping "$PF_IP"

in_partner iperf3 -s -D -I /tmp/iperf3-partner.pid > /dev/null 2>&1 || true
trap 'iperf_server_stop /tmp/iperf3-partner.pid' EXIT
wait_until 5 sh -c "/sbin/ip netns exec $PARTNER_NS /sbin/ss -ltn | grep -q ':5201 '" || true
bench_iperf "$M_TX" "$D" "" -c "$PARTNER_IP"
bench_iperf "$M_RX" "$D" "" -c "$PARTNER_IP" -R
run ip -s link show "$PF_IF" || true
