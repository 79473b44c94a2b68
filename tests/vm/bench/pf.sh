# SPDX-License-Identifier: GPL-2.0
#
# PF benchmark of one round (sourced by 01-rounds.sh): bench_pf loads
# $DRIVER (srnic_pf or the stock igb) and measures module size and memory
# cost of bringing the PF up, time from load to carrier, ping RTT and
# iperf3 TCP throughput both ways against the virtio-net link partner.
# It leaves the PF up; bench_pf_off undoes all of it, down to the
# dependencies the load pulled in, so every round loads the same set.
# Results: "# BENCH|..." lines (see benchlib.sh), parsed by tests/bench/run.sh.

M_CORE="PF module core size"
M_MODS="PF modules loaded incl. deps"
M_MEM="PF MemAvailable drop after up"
M_UP="PF load to carrier"
M_RTT="PF ping RTT partner->PF"
M_TX="PF iperf3 TCP PF->partner"
M_RX="PF iperf3 TCP partner->PF"
PF_METRICS="$M_CORE|$M_MODS|$M_MEM|$M_UP|$M_RTT|$M_TX|$M_RX"

# pf_metrics_fail DRIVER REASON: every PF figure of this round failed.
pf_metrics_fail() {
	local m
	echo "$PF_METRICS" | tr '|' '\n' | while read -r m; do
		bench_fail "$m" "$1" "$2"
	done
}

# bench_pf: one round of PF figures for $DRIVER; the partner's iperf3
# server must be running.  Returns non-zero when the PF did not come up.
bench_pf() {
	local D=$DRIVER mods m mem0 mem1 t0 cs new
	echo "$PF_METRICS" | tr '|' '\n' | while read -r m; do bench_plan "$m" "$D"; done
	case $D in
	igb) mods="igb" ;;
	*) mods="$D srnic_lib" ;;
	esac
	if mod_loaded "$D"; then
		pf_metrics_fail "$D" "$D already loaded before the round"
		return 1
	fi
	modules_list > /tmp/mods.before
	mem0=$(mem_avail)
	t0=$(now_ms)
	if ! pf_load > /tmp/load.out 2>&1 || ! pf_up 30 >> /tmp/load.out 2>&1; then
		sed 's/^/#   /' /tmp/load.out >&8
		pf_metrics_fail "$D" "could not load $D and bring the PF up"
		return 1
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
	echo "${new#* }" > /tmp/pf-new-mods
	bench_point "$M_MODS" "$D" "${new%% *}" KiB "new in /proc/modules:${new#* }"
	bench_point "$M_MEM" "$D" $((${mem0%% *} - ${mem1%% *})) KiB "MemAvailable median of 3 (kB): ${mem0#* } -> ${mem1#* }, page cache dropped"

	ip neigh flush dev "$PF_IF" 2> /dev/null || true
	in_partner ping -q -c 2 -W 2 "$PF_IP" > /dev/null 2>&1 || true
	bench_ping "$M_RTT" "$D" in_partner ping "$PF_IP"
	bench_iperf "$M_TX" "$D" "" -c "$PARTNER_IP"
	bench_iperf "$M_RX" "$D" "" -c "$PARTNER_IP" -R
}

# bench_pf_off: VFs off, every VF driver, the PF driver, and what its load
# pulled in (srnic_lib too, which srnic_vf may have loaded under igb) out.
bench_pf_off() {
	local sys=/sys/bus/pci/devices/$PF_PCI
	[ ! -w "$sys/sriov_numvfs" ] || echo 0 > "$sys/sriov_numvfs" 2> /dev/null || true
	# shellcheck disable=SC2046
	bench_rmmod srnic_vf igbvf "$DRIVER" $(cat /tmp/pf-new-mods 2> /dev/null) srnic_lib
}
