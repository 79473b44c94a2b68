# SPDX-License-Identifier: GPL-2.0
#
# Helpers of the VF suite (sourced by setup.sh and the tests).
# VF n lives in namespace vfN as interface vfN with address 192.0.2.(10+n).

NUM_VFS=${NUM_VFS:-7}

vf_ip() {
	echo "192.0.2.$((10 + $1))"
}

# vf_pci N: PCI address of VF N
vf_pci() {
	basename "$(readlink "/sys/bus/pci/devices/$PF_PCI/virtfn$1")"
}

# in_vf N CMD...: run in VF N's namespace
in_vf() {
	local n=$1
	shift
	ip netns exec "vf$n" "$@"
}

vf_carrier() {
	# no pipe into grep -q: under pipefail its early exit is a SIGPIPE
	[ "$(in_vf "$1" cat "/sys/class/net/vf$1/carrier" 2> /dev/null)" = 1 ]
}

vf_no_carrier() {
	! vf_carrier "$1"
}

# vf_netdev_root N: VF N's netdev name if it is still in the root namespace
vf_netdev_root() {
	local n
	for n in /sys/bus/pci/devices/"$(vf_pci "$1")"/net/*; do
		[ -e "$n" ] && { basename "$n"; return 0; }
	done
	return 1
}

# vf_place N [noipv6]: move VF N's netdev into namespace vfN, address it,
# bring it up; with noipv6 the namespace has no IPv6 (no DAD, RS or MLD
# frames of its own before the link comes up)
vf_place() {
	local n=$1 dev
	[ -e "/run/netns/vf$n" ] || ip netns add "vf$n" || return 1
	if ! in_vf "$n" ip link show "vf$n" > /dev/null 2>&1; then
		wait_until 10 vf_netdev_root "$n" || { echo "no netdev for VF $n" >&2; return 1; }
		dev=$(vf_netdev_root "$n")
		ip link set "$dev" netns "vf$n" || return 1
		in_vf "$n" ip link set "$dev" name "vf$n" || return 1
	fi
	if [ "${2:-}" = noipv6 ]; then
		in_vf "$n" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 > /dev/null 2>&1 || true
	fi
	in_vf "$n" ip link set lo up
	in_vf "$n" ip addr flush dev "vf$n"
	in_vf "$n" ip addr add "$(vf_ip "$n")/$PREFIX" dev "vf$n" || return 1
	in_vf "$n" ip link set "vf$n" up || return 1
}

# vf_driver_load: srnic_vf (and srnic_lib when the PF is the stock igb)
vf_driver_load() {
	if ! mod_loaded srnic_lib; then
		insmod /srnic/srnic_lib.ko || return 1
	fi
	mod_loaded srnic_vf || insmod /srnic/srnic_vf.ko
}

# vfs_bound: every VF is bound to srnic_vf
vfs_bound() {
	local i d
	for i in $(seq 0 $((NUM_VFS - 1))); do
		d=/sys/bus/pci/devices/$(vf_pci "$i")/driver
		[ "$(basename "$(readlink "$d")")" = srnic_vf ] || return 1
	done
}

# vf_ping N ADDR [ARGS]: a few pings from VF N
vf_ping() {
	local n=$1 a=$2
	shift 2
	in_vf "$n" ping -q -c "${PING_COUNT:-3}" -i 0.2 -W 2 "$@" "$a"
}

# vf_wait_ping N ADDR [TIMEOUT]: until one ping from VF N gets through
vf_wait_ping() {
	wait_until "${3:-15}" in_vf "$1" ping -q -c 1 -W 1 "$2"
}

# vf_admin_mac N: the MAC the admin gives VF N
vf_admin_mac() {
	printf '02:5f:00:00:00:%02x\n' $((0x10 + $1))
}

# outage_run SECONDS CMD...: 0.1 s pings VF0 -> partner for SECONDS while
# CMD runs (started after 2 s); prints the outage in ms: the longest time
# without a reply (echoes queued while the carrier is off come back late,
# so counting losses alone would understate it), at least 100 ms per loss.
outage_run() {
	local secs=$1 count pid
	shift
	count=$((secs * 10))
	in_vf 0 ping -D -n -i 0.1 -W 1 -c "$count" "$PARTNER_IP" > /tmp/outage.ping 2>&1 &
	pid=$!
	sleep 2
	"$@" > /tmp/outage.cmd 2>&1 || echo "event command failed: $*" >&2
	wait $pid || true
	awk -v n="$count" '
		/bytes from/ {
			t = substr($1, 2, length($1) - 2) * 1000
			# the request of icmp_seq s left at start + (s - 1) * 100 ms
			for (i = 1; i <= NF; i++)
				if ($i ~ /^icmp_seq=/) { s = substr($i, 10) + 0 }
			if (!(s in seen)) { seen[s] = 1; got++ }
			if (last != "" && t - last > gap) gap = t - last
			last = t
		}
		END {
			if (got == 0) { print 999999; exit 1 }
			gap = gap - 100
			lost = (n - got) * 100
			if (lost > gap) gap = lost
			if (gap < 0) gap = 0
			printf "%d\n", gap
			printf "%d replies of %d, longest gap %d ms\n", got, n, gap + 0 > "/tmp/outage.detail"
		}' /tmp/outage.ping
}
