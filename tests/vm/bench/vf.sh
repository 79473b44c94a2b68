# SPDX-License-Identifier: GPL-2.0
#
# VF benchmark of one round under the PF driver $DRIVER (sourced by
# 01-rounds.sh): vf_bench VFDRIVER measures srnic_vf or the stock igbvf
# on 7 freshly enabled VFs: time from insmod/modprobe until all 7 VFs
# have carrier, MemAvailable cost, ping RTT VF0 -> partner, iperf3
# VF0 -> partner, partner -> VF0 and VF1 -> VF2, and the outage a 0.1 s
# ping sees when VF0 gets an FLR.  The partner's iperf3 server must run.

SYS=/sys/bus/pci/devices/$PF_PCI

vf_unload() {
	rmmod "$1" 2> /dev/null || true
}

vf_load() {
	case $1 in
	igbvf) modprobe igbvf ;;
	*) insmod "/srnic/$1.ko" ;;
	esac
}

# vfs_fresh: VFs disabled and enabled again, unbound, with admin MACs
vfs_fresh() {
	echo 0 > "$SYS/sriov_numvfs" || return 1
	echo "$NUM_VFS" > "$SYS/sriov_numvfs" || return 1
	for i in $(seq 0 $((NUM_VFS - 1))); do
		ip link set "$PF_IF" vf "$i" mac "$(vf_admin_mac "$i")" || true
	done
}

# carrier_all T0_MS TIMEOUT_MS: bring every VF netdev up as soon as it
# appears in the root namespace; returns once all $NUM_VFS have carrier
# and prints the time since T0_MS.
carrier_all() {
	local t0=$1 tmo=$2 paths="" p nd name c n upd=" " now
	for i in $(seq 0 $((NUM_VFS - 1))); do
		paths="$paths $SYS/virtfn$i/net"
	done
	while :; do
		n=0
		for p in $paths; do
			for nd in "$p"/*; do
				[ -e "$nd" ] || continue
				name=${nd##*/}
				case $upd in
				*" $name "*) ;;
				*) /sbin/ip link set "$name" up 2> /dev/null && upd="$upd$name " ;;
				esac
				c=0
				read -r c < "$nd/carrier" 2> /dev/null || c=0
				[ "$c" = 1 ] && n=$((n + 1))
			done
		done
		now=$(now_ms)
		if [ "$n" = "$NUM_VFS" ]; then
			echo $((now - t0))
			return 0
		fi
		if [ $((now - t0)) -ge "$tmo" ]; then
			echo "only $n of $NUM_VFS VFs with carrier after $((now - t0)) ms" >&2
			return 1
		fi
		sleep 0.02
	done
}

vf_bench() {
	local T="[PF $DRIVER]" vd=$1 m_up m_mem m_core m_rtt m_tx m_rx m_vv m_flr mem0 mem1 t0 ms cs
	local vf0 outage maxseq
	m_up="VF load to carrier, 7 VFs $T"
	m_mem="VF MemAvailable drop, 7 VFs up $T"
	m_core="VF module core size $T"
	m_rtt="VF ping RTT VF0->partner $T"
	m_tx="VF iperf3 TCP VF0->partner $T"
	m_rx="VF iperf3 TCP partner->VF0 $T"
	m_vv="VF iperf3 TCP VF1->VF2 $T"
	m_flr="VF FLR outage, 0.1 s ping $T"
	all="$m_up|$m_mem|$m_core|$m_rtt|$m_tx|$m_rx|$m_vv|$m_flr"
	echo "$all" | tr '|' '\n' | while read -r m; do bench_plan "$m" "$vd"; done

	fail_rest() {
		echo "$all" | tr '|' '\n' | while read -r m; do
			grep -qF "bench: round $BENCH_ROUND: $m $vd" "$CI_RESULTS" || bench_fail "$m" "$vd" "$1"
		done
	}

	if ! pf_ensure > /tmp/pf.out 2>&1; then
		sed 's/^/#   /' /tmp/pf.out >&8
		fail_rest "PF $DRIVER not up"
		return 0
	fi
	for d in $BENCH_VF_DRIVERS; do vf_unload "$d"; done
	if ! vfs_fresh > /tmp/vfs.out 2>&1; then
		sed 's/^/#   /' /tmp/vfs.out >&8
		fail_rest "could not enable $NUM_VFS VFs"
		return 0
	fi
	# srnic_vf needs srnic_lib (already there under srnic_pf): load it
	# outside the timed part
	if [ "$vd" != igbvf ] && ! mod_loaded srnic_lib; then
		insmod /srnic/srnic_lib.ko
	fi
	sleep 1
	mem0=$(mem_avail)
	t0=$(now_ms)
	if ! vf_load "$vd" > /tmp/vfload.out 2>&1; then
		sed 's/^/#   /' /tmp/vfload.out >&8
		fail_rest "could not load $vd"
		return 0
	fi
	diag "$vd: module load returned after $(($(now_ms) - t0)) ms"
	if ms=$(carrier_all "$t0" 60000 2> /tmp/carrier.err); then
		bench_point "$m_up" "$vd" "$ms" ms "load to carrier on all $NUM_VFS VFs (netdevs set up as they appear)"
	else
		bench_fail "$m_up" "$vd" "$(cat /tmp/carrier.err)"
	fi
	sleep 1
	mem1=$(mem_avail)
	bench_point "$m_mem" "$vd" $((${mem0%% *} - ${mem1%% *})) KiB "MemAvailable median of 3 (kB): ${mem0#* } -> ${mem1#* }, page cache dropped"
	if cs=$(coresize "$vd"); then
		bench_point "$m_core" "$vd" $((cs / 1024)) KiB "coresize of $vd$([ "$vd" = igbvf ] || echo ', srnic_lib not counted')"
	else
		bench_fail "$m_core" "$vd" "no /sys/module/$vd/coresize"
	fi

	for i in 0 1 2; do
		if ! vf_place "$i" > /tmp/place.out 2>&1; then
			sed 's/^/#   /' /tmp/place.out >&8
			fail_rest "VF $i could not be placed in its namespace"
			return 0
		fi
	done
	for i in 0 1 2; do
		wait_until 20 vf_carrier "$i" || true
	done
	if ! vf_wait_ping 0 "$PARTNER_IP" 20; then
		fail_rest "VF0 does not reach the partner"
		return 0
	fi
	vf_wait_ping 1 "$(vf_ip 2)" 20 || true
	bench_ping "$m_rtt" "$vd" in_vf 0 ping "$PARTNER_IP"

	in_vf 2 iperf3 -s -D -I /tmp/iperf3-vf2.pid > /dev/null 2>&1 || true
	wait_until 5 sh -c "/sbin/ip netns exec vf2 /sbin/ss -ltn | grep -q ':5201 '" || true
	bench_iperf "$m_tx" "$vd" vf0 -c "$PARTNER_IP"
	bench_iperf "$m_rx" "$vd" vf0 -c "$PARTNER_IP" -R
	bench_iperf "$m_vv" "$vd" vf1 -c "$(vf_ip 2)"
	iperf_server_stop /tmp/iperf3-vf2.pid

	vf0=$(vf_pci 0)
	in_partner ip neigh flush dev "$PARTNER_IF" 2> /dev/null || true
	vf_wait_ping 0 "$PARTNER_IP" 10 || true
	outage=$(outage_run $((BENCH_FLR_WINDOW + 2)) sh -c "echo 1 > /sys/bus/pci/devices/$vf0/reset" 2> /tmp/flr.err) || true
	maxseq=$(sed -n 's/.*icmp_seq=\([0-9]*\).*/\1/p' /tmp/outage.ping | sort -n | tail -n 1)
	diag "$vd FLR: $(cat /tmp/outage.detail 2> /dev/null); last reply icmp_seq ${maxseq:-none}"
	if [ -s /tmp/flr.err ] || [ -z "$outage" ] || [ "$outage" = 999999 ]; then
		bench_fail "$m_flr" "$vd" "FLR or ping failed: $(cat /tmp/flr.err) $(tail -n 2 /tmp/outage.ping | tr '\n' ' ')"
	elif [ "${maxseq:-0}" -ge $(((BENCH_FLR_WINDOW + 2) * 10 - 5)) ]; then
		bench_point "$m_flr" "$vd" "$outage" ms "longest gap between replies"
	else
		bench_point "$m_flr" "$vd" ">$outage" ms "no recovery within the ${BENCH_FLR_WINDOW} s window: lower bound"
	fi
	vf_unload "$vd"
	echo 0 > "$SYS/sriov_numvfs" || true
}

