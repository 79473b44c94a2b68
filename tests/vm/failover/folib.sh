# SPDX-License-Identifier: GPL-2.0
#
# Helpers of the failover suite (sourced by setup.sh and the tests).
# The failover master (address FO_IP) lives in the root namespace with the
# PF, which has no address there: the partner must reach the master only.

FO_MAC=52:54:00:5a:00:10	# the standby's MAC, see suite.conf
FO_IP=192.0.2.20
FO_PING=/tmp/fo.ping

drv_of() {
	basename "$(readlink "/sys/class/net/$1/device/driver" 2> /dev/null)" 2> /dev/null
}

# fo_standby: the virtio-net standby (FO_MAC, enslaved to a master)
fo_standby() {
	local n
	for n in /sys/class/net/*; do
		[ "$(cat "$n/address")" = "$FO_MAC" ] || continue
		[ -e "$n/master" ] || continue
		[ "$(drv_of "$(basename "$n")")" = virtio_net ] || continue
		basename "$n"
		return 0
	done
	return 1
}

# fo_master: the net_failover master of the standby
fo_master() {
	local s
	s=$(fo_standby) || return 1
	basename "$(readlink "/sys/class/net/$s/master")"
}

vf0_pci() {
	basename "$(readlink "/sys/bus/pci/devices/$PF_PCI/virtfn0" 2> /dev/null)" 2> /dev/null
}

# fo_vf: VF0's netdev (any state)
fo_vf() {
	local p n
	p=$(vf0_pci) || return 1
	[ -n "$p" ] || return 1
	for n in /sys/bus/pci/devices/"$p"/net/*; do
		[ -e "$n" ] && { basename "$n"; return 0; }
	done
	return 1
}

# fo_primary_ready: VF0's netdev is enslaved to the master, up, carrier on
fo_primary_ready() {
	local v
	v=$(fo_vf) || return 1
	[ "$(basename "$(readlink "/sys/class/net/$v/master")")" = "$FO_DEV" ] || return 1
	has_carrier "$v"
}

# fo_no_primary: the master has only the standby below it
fo_no_primary() {
	local l
	for l in /sys/class/net/"$FO_DEV"/lower_*; do
		[ -e "$l" ] || continue
		[ "${l##*/lower_}" = "$FO_SBY" ] || return 1
	done
	return 0
}

fo_vf_driver_load() {
	if ! mod_loaded srnic_lib; then
		insmod /srnic/srnic_lib.ko || return 1
	fi
	mod_loaded srnic_vf || insmod /srnic/srnic_vf.ko
}

# fo_vf_bind: bind srnic_vf to VF0 (VF autoprobe is off, see setup.sh)
fo_vf_bind() {
	local p
	p=$(vf0_pci)
	[ -n "$p" ] || { echo "no VF0" >&2; return 1; }
	echo srnic_vf > "/sys/bus/pci/devices/$p/driver_override"
	echo "$p" > /sys/bus/pci/drivers_probe
	[ "$(basename "$(readlink "/sys/bus/pci/devices/$p/driver")")" = srnic_vf ]
}

fo_vf_unbind() {
	vf0_pci > /sys/bus/pci/drivers/srnic_vf/unbind
}

# fo_vf_add: enable one VF, give it the standby's MAC, bind srnic_vf.  The
# admin MAC must be there before the driver binds: net_failover matches the
# primary by the permanent address it registers with.
fo_vf_add() {
	echo 1 > "/sys/bus/pci/devices/$PF_PCI/sriov_numvfs" || return 1
	ip link set "$PF_IF" vf 0 mac "$FO_MAC" || return 1
	fo_vf_bind
}

fo_vf_del() {
	echo 0 > "/sys/bus/pci/devices/$PF_PCI/sriov_numvfs"
}

# ctr DEV NAME: a counter of DEV (0 when DEV is gone)
ctr() {
	cat "/sys/class/net/$1/statistics/$2" 2> /dev/null || echo 0
}

# ---- the background ping and its accounting ------------------------------
# One 0.1 s ping through the master for a whole test; -O prints every
# request that got no reply before the next one, so each icmp_seq appears.
# A mark is the highest icmp_seq printed so far; the requests of a span are
# (mark1, mark2] and its losses those of them that never got a reply.

fo_ping_start() {
	: > "$FO_PING"
	ping -D -n -O -i 0.1 -W 1 -I "$FO_DEV" "$PARTNER_IP" > "$FO_PING" 2>&1 &
	FO_PING_PID=$!
}

# (TERM: a background job of a non-interactive shell ignores SIGINT)
fo_ping_stop() {
	kill -TERM "$FO_PING_PID" 2> /dev/null || true
	wait "$FO_PING_PID" 2> /dev/null || true
}

fo_mark() {
	awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^icmp_seq=/) {
		s = substr($i, 10) + 0; if (s > m) m = s } }
		END { print m + 0 }' "$FO_PING"
}

# fo_replies A B: requests in (A, B] that got a reply
fo_replies() {
	awk -v a="$1" -v b="$2" '/bytes from/ {
		for (i = 1; i <= NF; i++) if ($i ~ /^icmp_seq=/) s = substr($i, 10) + 0
		if (s > a && s <= b && !(s in got)) { got[s] = 1; n++ } }
		END { print n + 0 }' "$FO_PING"
}

# fo_lost A B: requests in (A, B] that never got a reply
fo_lost() {
	echo $(( $2 - $1 - $(fo_replies "$1" "$2") ))
}

# pf_vf0_tx: VF0's TX packets as the PF reports them (ip -s link); nothing
# under the stock igb, which has no ndo_get_vf_stats (the kernel then
# reports zeros)
pf_vf0_tx() {
	[ "$DRIVER" != igb ] || return 0
	ip -s link show "$PF_IF" 2> /dev/null | awk '
		$1 == "vf" && $2 == "0" { in0 = 1; next }
		$1 == "vf" { in0 = 0 }
		in0 && $1 == "TX:" { getline; print $2; exit }'
}

# fo_phase NAME vf|virtio SECS: let the ping run; check it is alive and
# which slave carries it (by the TX counters of VF0 and of the standby).
# Continues from FO_LAST (the mark where the previous span ended).
fo_phase() {
	local name=$1 want=$2 secs=$3 v a b n rep vt0 vt1 st0 st1 pt0 pt1 dv ds dp pfs
	local vr0 vr1 dr
	v=$(fo_vf || true)
	a=$FO_LAST
	vt0=$(ctr "${v:-none}" tx_packets)
	vr0=$(ctr "${v:-none}" rx_packets)
	st0=$(ctr "$FO_SBY" tx_packets)
	pt0=$(pf_vf0_tx)
	sleep "$secs"
	b=$(fo_mark)
	vt1=$(ctr "${v:-none}" tx_packets)
	vr1=$(ctr "${v:-none}" rx_packets)
	st1=$(ctr "$FO_SBY" tx_packets)
	pt1=$(pf_vf0_tx)
	FO_LAST=$b
	n=$((b - a))
	rep=$(fo_replies "$a" "$b")
	dv=$((vt1 - vt0))
	ds=$((st1 - st0))
	dr=$((vr1 - vr0))
	dp=0
	pfs=""
	if [ -n "$pt0" ] && [ -n "$pt1" ]; then
		dp=$((pt1 - pt0))
		pfs=", PF's vf 0 tx +$dp"
	fi
	diag "$name: requests $n, replies $rep, lost $((n - rep)); VF0 (${v:-gone}) tx +$dv rx +$dr, standby tx +$ds$pfs"
	# alive: most requests of the phase answered, and some of its last ten
	if [ "$n" -ge 10 ] && [ $((rep * 2)) -ge "$n" ] &&
	   [ "$(fo_replies $((b - 10)) "$b")" -gt 0 ]; then
		ok "$name: ping alive ($rep of $n replies)"
	else
		not_ok "$name: ping alive" "$rep of $n requests got replies"
		tail -n 5 "$FO_PING" | sed 's/^/#     /' >&8
	fi
	case $want in
	vf)
		# replies reach the standby too (the hub floods): its RX moves
		# anyway, but the master only takes them from the primary
		if [ -n "$v" ] && [ "$dv" -ge $((n / 2)) ] && [ $((ds * 4)) -le "$dv" ] &&
		   [ "$dr" -ge $((rep / 2)) ]; then
			ok "$name: traffic on VF0 (tx +$dv rx +$dr, standby tx +$ds)"
		else
			not_ok "$name: traffic on VF0" "VF0 ${v:-gone} tx +$dv rx +$dr, standby tx +$ds, requests $n"
		fi
		if [ -n "$pfs" ]; then
			if [ "$dp" -ge $((n / 2)) ]; then
				ok "$name: PF's vf 0 TX counter moves (+$dp)"
			else
				not_ok "$name: PF's vf 0 TX counter moves" "+$dp for $n requests"
			fi
		fi
		;;
	virtio)
		if [ "$ds" -ge $((n / 2)) ] && fo_no_primary; then
			ok "$name: traffic on the virtio standby (tx +$ds)"
		else
			not_ok "$name: traffic on the virtio standby" "standby tx +$ds, requests $n; lower: $(ls -d /sys/class/net/"$FO_DEV"/lower_* 2> /dev/null | tr '\n' ' ')"
		fi
		;;
	esac
}

# fo_transition NAME READY_FN CMD...: run CMD during the ping, wait (20 s)
# until READY_FN holds, then 1 s more; report the requests lost in between.
fo_transition() {
	local name=$1 ready=$2 a b t0 t1 rc=0 n lost good=1
	shift 2
	a=$FO_LAST
	t0=$(now_ms)
	"$@" > /tmp/fo.cmd 2>&1 || rc=$?
	if [ $rc != 0 ]; then
		not_ok "$name: command" "rc $rc: $* ($(cat /tmp/fo.cmd))"
		good=0
	fi
	if ! wait_until 20 "$ready"; then
		not_ok "$name: $ready within 20 s"
		good=0
	fi
	t1=$(now_ms)
	sleep 1
	b=$(fo_mark)
	FO_LAST=$b
	n=$((b - a))
	lost=$(fo_lost "$a" "$b")
	FO_REPORT="$FO_REPORT $name: $lost/$n;"
	diag "$name: lost $lost of $n requests; $ready after $((t1 - t0)) ms"
	[ $good = 0 ] || ok "$name: done in $((t1 - t0)) ms, lost $lost of $n requests"
}

# fo_rounds WHAT REMOVE_FN ADD_FN: VF -> remove -> virtio -> re-add -> VF
fo_rounds() {
	local what=$1 rm=$2 add=$3 first total lost
	FO_REPORT=""
	in_partner ip neigh flush dev "$PARTNER_IF" 2> /dev/null || true
	fo_ping_start
	sleep 1
	first=$(fo_mark)
	FO_LAST=$first
	fo_phase "before $what: on VF" vf 4
	fo_transition "remove ($what)" fo_no_primary "$rm"
	fo_phase "after remove ($what): on virtio" virtio 4
	fo_transition "re-add ($what)" fo_primary_ready "$add"
	fo_phase "after re-add ($what): on VF" vf 4
	fo_ping_stop
	total=$((FO_LAST - first))
	lost=$(fo_lost "$first" "$FO_LAST")
	diag "$what: lost $lost of $total requests overall;$FO_REPORT"
	if [ "$total" -gt 0 ] && [ $((lost * 100)) -lt $((total * 30)) ]; then
		ok "$what: overall loss $lost of $total requests (< 30 %)"
	else
		not_ok "$what: overall loss < 30 %" "lost $lost of $total"
	fi
}

FO_SBY=$(fo_standby || true)
FO_DEV=$(fo_master || true)
pf_find 0 || true
