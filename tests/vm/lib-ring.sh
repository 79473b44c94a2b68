# SPDX-License-Identifier: GPL-2.0
#
# ethtool -G on a srnic port: the PF and the VF share srnic_port_set_ringparam
# and must answer alike. Sourced by tests/vm/pf/09-ringparam.sh and
# tests/vm/vf/05-ringparam.sh; needs lib.sh.
#
# ring_checks IF [RUNNER...]: RUNNER runs ethtool where IF lives (e.g.
# "ip netns exec vf3"). Leaves IF with 256-descriptor rings.

# ring_now IF RX|TX RUNNER...: the current size ethtool -g reports
ring_now() {
	local ifc=$1 which=$2
	shift 2
	"$@" ethtool -g "$ifc" 2> /dev/null | sed -n '/^Current/,$p' |
		sed -n "s/^$which:[[:space:]]*//p"
}

# ring_apply IF RUNNER... -- ARGS: ethtool -G IF ARGS where IF lives; sets
# ring_rx0/ring_tx0 (the sizes before), ring_rc, ring_rx/ring_tx (after)
ring_apply() {
	local ifc=$1 runner=""
	shift
	while [ "$1" != -- ]; do
		runner="$runner $1"
		shift
	done
	shift
	ring_rx0=$(ring_now "$ifc" RX $runner)
	ring_tx0=$(ring_now "$ifc" TX $runner)
	ring_rc=0
	$runner ethtool -G "$ifc" "$@" > /tmp/ring.out 2>&1 || ring_rc=$?
	sed 's/^/#     /' /tmp/ring.out >&8
	ring_rx=$(ring_now "$ifc" RX $runner)
	ring_tx=$(ring_now "$ifc" TX $runner)
}

# ring_refused NAME MSG IF RUNNER... -- ARGS: ethtool -G IF ARGS fails, says
# MSG (the netlink extack), and the rings keep their sizes.
ring_refused() {
	local name=$1 msg=$2

	shift 2
	ring_apply "$@"
	if [ "$ring_rc" = 0 ]; then
		not_ok "$name: refused" "ethtool -G succeeded, rx $ring_rx tx $ring_tx"
	elif ! grep -qF "$msg" /tmp/ring.out; then
		not_ok "$name: refused with \"$msg\"" "rc=$ring_rc"
	elif [ "$ring_rx" != "$ring_rx0" ] || [ "$ring_tx" != "$ring_tx0" ]; then
		not_ok "$name: sizes kept" \
			"rx $ring_rx0 -> $ring_rx, tx $ring_tx0 -> $ring_tx"
	else
		ok "$name: refused with \"$msg\", rx $ring_rx tx $ring_tx kept"
	fi
}

# ring_set NAME IF WANT_RX WANT_TX RUNNER... -- ARGS: ethtool -G IF ARGS
# succeeds and ethtool -g then shows WANT_RX / WANT_TX.
ring_set() {
	local name=$1 ifc=$2 want_rx=$3 want_tx=$4

	shift 4
	ring_apply "$ifc" "$@"
	if [ "$ring_rc" != 0 ]; then
		not_ok "$name" "ethtool -G failed (rc=$ring_rc)"
	elif [ "$ring_rx" != "$want_rx" ] || [ "$ring_tx" != "$want_tx" ]; then
		not_ok "$name" "want rx $want_rx tx $want_tx, got rx $ring_rx tx $ring_tx"
	else
		ok "$name: rx $ring_rx tx $ring_tx"
	fi
}

ring_checks() {
	local ifc=$1
	shift

	ring_set "ethtool -G rx 256 tx 256" "$ifc" 256 256 "$@" -- rx 256 tx 256
	ring_refused "ethtool -G rx 32 (below the minimum)" \
		"ring size below the minimum of 64" "$ifc" "$@" -- rx 32
	ring_refused "ethtool -G tx 63 (below the minimum)" \
		"ring size below the minimum of 64" "$ifc" "$@" -- tx 63
	# the core checks the maximum ethtool -g reported before the driver
	ring_refused "ethtool -G rx 4104 (above the maximum)" \
		"exceeds maximum" "$ifc" "$@" -- rx 4104
	ring_refused "ethtool -G tx 8192 (above the maximum)" \
		"exceeds maximum" "$ifc" "$@" -- tx 8192
	ring_set "ethtool -G rx 100 tx 65 (rounded up to 8)" "$ifc" 104 72 \
		"$@" -- rx 100 tx 65
	ring_set "ethtool -G rx 64 tx 4096 (the limits)" "$ifc" 64 4096 \
		"$@" -- rx 64 tx 4096
	ring_set "ethtool -G back to 256" "$ifc" 256 256 "$@" -- rx 256 tx 256
}
