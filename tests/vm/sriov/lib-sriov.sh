# SPDX-License-Identifier: GPL-2.0
#
# SR-IOV suite helpers (sourced by tests/vm/sriov/NN-*.sh after lib.sh).
#
# Topology built by sriov_ensure (idempotent, so any test can run alone
# with -t):
#   PF $PF_IF 192.0.2.1 in the root namespace, partner 192.0.2.2 in
#   namespace "partner", VF N (stock igbvf) renamed to "vfN" inside its own
#   namespace "vfN" with 192.0.2.(10+N)/24 and IPv6 disabled (no chatter).
#
# CPU pinning (SRIOV_PIN=1, the default): the PF misc interrupt goes to
# the last CPU and every command that talks to igbvf runs on CPU 0.  The
# PF serves the mailbox in that interrupt's hard irq handler, so igbvf,
# which busy-waits for the reply with its mbx_lock (spin_lock_bh) held,
# gets it even on the same CPU; the pinning dates from a threaded handler,
# which could not run there before igbvf gave up (1 s, "PF still in reset
# state"), and is kept so the other tests run as they were tuned.
# 09-mbx-same-cpu.sh tests the unpinned case on purpose.

SRIOV_NUMVFS=${SRIOV_NUMVFS:-7}
VF_CPU=${VF_CPU:-0}
MBX_CPU=${MBX_CPU:-$(($(nproc) - 1))}
VF_NET=192.0.2

pf_sysfs() {
	echo "/sys/bus/pci/devices/$PF_PCI"
}

vf_pci() {
	basename "$(readlink "$(pf_sysfs)/virtfn$1")"
}

vf_ip() {
	echo "$VF_NET.$((10 + $1))"
}

# vfcpu CMD...: run CMD on the CPU that does not serve the PF mailbox.
vfcpu() {
	if [ "${SRIOV_PIN:-1}" = 1 ]; then
		taskset -c "$VF_CPU" "$@"
	else
		"$@"
	fi
}

# vfx N CMD...: run CMD in VF N's namespace (on the VF CPU).
vfx() {
	local n=$1
	shift
	vfcpu /sbin/ip netns exec "vf$n" "$@"
}

# vfip N ARGS...: /sbin/ip in VF N's namespace.
vfip() {
	local n=$1
	shift
	vfcpu /sbin/ip -n "vf$n" "$@"
}

# mbx_irq: the PF interrupt that carries the mailbox (srnic: "<pci>-misc").
mbx_irq() {
	awk -v p="$PF_PCI-misc" '$NF == p { sub(":", "", $1); print $1; exit }' /proc/interrupts
}

mbx_irq_cpu() {
	local irq
	irq=$(mbx_irq) || return 1
	[ -n "$irq" ] || return 1
	cat "/proc/irq/$irq/effective_affinity_list"
}

sriov_pin() {
	local irq
	[ "${SRIOV_PIN:-1}" = 1 ] || return 0
	irq=$(mbx_irq)
	[ -n "$irq" ] || return 0
	echo "$MBX_CPU" > "/proc/irq/$irq/smp_affinity_list" 2> /dev/null || true
}

numvfs() {
	cat "$(pf_sysfs)/sriov_numvfs"
}

# numvfs_set N: enable N VFs (0 disables); igbvf probes in this context.
numvfs_set() {
	vfcpu sh -c "echo $1 > $(pf_sysfs)/sriov_numvfs"
}

# vf_netdev_root N: VF N's netdev while it is still in the root namespace.
vf_netdev_root() {
	local d
	for d in "$(pf_sysfs)/virtfn$1"/net/*; do
		[ -e "$d" ] && { basename "$d"; return 0; }
	done
	return 1
}

# igbvf_netdevs: number of igbvf netdevs in the root namespace.
igbvf_netdevs() {
	local n c=0
	for n in /sys/class/net/*; do
		[ -e "$n/device/driver" ] || continue
		[ "$(basename "$(readlink "$n/device/driver")")" = igbvf ] && c=$((c + 1))
	done
	echo $c
}

# vf_setup N: VF N as "vfN" in namespace "vfN", addressed and up.
vf_setup() {
	local n=$1 dev
	[ -e "/run/netns/vf$n" ] || ip netns add "vf$n" || return 1
	if ! ip -n "vf$n" link show "vf$n" > /dev/null 2>&1; then
		wait_until 10 vf_netdev_root "$n" || { echo "VF $n has no netdev" >&2; return 1; }
		dev=$(vf_netdev_root "$n")
		vfcpu /sbin/ip link set "$dev" netns "vf$n" || return 1
		vfip "$n" link set "$dev" name "vf$n" || return 1
	fi
	vfx "$n" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
		net.ipv6.conf.default.disable_ipv6=1 > /dev/null 2>&1 || true
	vfip "$n" link set lo up
	vfip "$n" addr flush dev "vf$n"
	vfip "$n" addr add "$(vf_ip "$n")/24" dev "vf$n" || return 1
	vfip "$n" link set "vf$n" up
}

vf_carrier() {
	[ "$(ip netns exec "vf$1" cat "/sys/class/net/vf$1/carrier" 2> /dev/null)" = 1 ]
}

no_vf_carrier() {
	! vf_carrier "$1"
}

# vf_ping1 N DST: one ping from VF N.
vf_ping1() {
	vfx "$1" ping -q -c 1 -W 1 "$2"
}

# vf_ping N DST [COUNT]: COUNT pings, all must come back.
vf_ping() {
	vfx "$1" ping -q -c "${3:-3}" -i 0.2 -W 2 "$2"
}

# vf_wait_ping N DST [TIMEOUT]: until one ping from VF N succeeds.
vf_wait_ping() {
	wait_until "${3:-30}" vf_ping1 "$1" "$2"
}

# partner_ping1 DST: one ping from the link partner.
partner_ping1() {
	in_partner ping -q -c 1 -W 1 "$1"
}

# vf_mac N: VF N's MAC as the guest netdev has it.
vf_mac() {
	ip -n "vf$1" -o link show "vf$1" | sed -n 's/.*link\/ether \([0-9a-f:]*\).*/\1/p'
}

vf_mac_is() {
	[ "$(vf_mac "$1")" = "$2" ]
}

# pf_vf_line N: the "vf N ..." line of ip link show PF.
pf_vf_line() {
	ip link show "$PF_IF" | grep -E "^ +vf $1 " || true
}

# pf_vf_has N REGEX: ip link show PF reports REGEX for VF N.
pf_vf_has() {
	# grep reads all of it (no -q): an early exit would SIGPIPE the writer
	pf_vf_line "$1" | grep -E "$2" > /dev/null
}

# partner_neigh_mac IP: the partner's neighbour entry for IP.
partner_neigh_mac() {
	in_partner ip neigh show "$1" | sed -n 's/.*lladdr \([0-9a-f:]*\).*/\1/p'
}

# vf_all_up: every VF up in its namespace.
vf_all_up() {
	each_vf "$SRIOV_NUMVFS" vf_carrier
}

# sriov_ensure: PF up, $SRIOV_NUMVFS VFs on igbvf, each set up in its
# namespace (idempotent).
sriov_ensure() {
	pf_ensure || return 1
	mod_loaded igbvf || vfcpu modprobe igbvf || return 1
	# VLAN subinterfaces (the rtnl-link-vlan alias is not autoloaded here)
	mod_loaded 8021q || modprobe 8021q || return 1
	if [ "$(numvfs)" != "$SRIOV_NUMVFS" ]; then
		[ "$(numvfs)" = 0 ] || numvfs_set 0 || return 1
		sriov_pin
		numvfs_set "$SRIOV_NUMVFS" || return 1
	fi
	sriov_pin
	each_vf "$SRIOV_NUMVFS" vf_setup
}

# ---- QEMU register trace --------------------------------------------------

# rate_last MARK Q: last RTTBCNRC value written for TX queue Q (selected
# by RTTDQSEL) since MARK, lower-case hex, empty if none.
rate_last() {
	host trace_grep "$1" 'unknown register 0x36(04|b0),' 2> /dev/null |
		awk -v q="$2" '
		/register 0x3604,/ { s = $NF; sub(/^0x/, "", s); sel = s }
		/register 0x36b0,/ { if (sel == sprintf("%x", q)) last = $NF }
		END { print last }' || true
}

# reg_writes MARK OFF: values written to PF register OFF (e.g. 0x3500)
# since MARK, one per line (needs e1000e_core_write traced).
reg_writes() {
	host trace_grep "$1" "e1000e_core_write Write to register $2," 2> /dev/null |
		sed -n 's/.*value: \(0x[0-9a-f]*\).*/\1/p' || true
}

# pf_reg OFF: read a PF register through the QEMU monitor (xp on BAR0).
pf_reg() {
	local bar addr
	bar=$(awk 'NR == 1 { print $1 }' "$(pf_sysfs)/resource")
	addr=$(printf '0x%x' $((bar + $1)))
	hmp "xp /1wx $addr" | sed -n 's/.*: *\(0x[0-9a-f]*\).*/\1/p' | tail -n 1 || true
}

# dtxswc_vf_bits N: "MAC,VLAN" anti-spoof bits of VF N in DTXSWC (hardware).
dtxswc_vf_bits() {
	local v
	v=$(pf_reg 0x3500)
	[ -n "$v" ] || return 1
	echo "$(((v >> $1) & 1)),$(((v >> ($1 + 8)) & 1))"
}

# ---- admin changes that reset a running VF -----------------------------------

# vf_bounce N: the guest reinitialises VF N (igbvf redoes VF_RESET).
vf_resets() {
	ethtool -S "$PF_IF" 2> /dev/null | awk -v k="vf$1_resets:" '$1 == k { print $2 }'
}

# vf_settled N: VF N has carrier and did no VF_RESET handshake for 2 s.
# After an admin change the PF kicks a running igbvf, which resets itself
# from its watchdog; taking its netdev down while that reset runs trips
# igbvf's own WARN_ON(__IGBVF_RESETTING) in igbvf_close. The handshake
# count alone is not enough: igbvf may start its reset (carrier off since
# the kick) just after a quiet 2 s, and its VF_RESET comes late in it (the
# aer suite's setup tripped the WARN so); its carrier comes back only
# when the reset is done.
vf_settled() {
	local r
	vf_carrier "$1" || return 1
	r=$(vf_resets "$1")
	sleep 2
	vf_carrier "$1" && [ "$(vf_resets "$1")" = "$r" ]
}

vf_bounce() {
	wait_until 20 vf_settled "$1" || true
	vfip "$1" link set "vf$1" down
	vfip "$1" link set "vf$1" up
	wait_until 20 vf_carrier "$1" || true
}

# vf_adopt N WHAT TIMEOUT CMD...: after an admin change the PF pushes to a
# running VF N (mailbox reset request), CMD must succeed by itself within
# TIMEOUT s.  If it does not, that is reported as a failure and the guest
# reinitialises VF N so the checks that follow still test something.
vf_adopt() {
	local n=$1 what=$2 t=$3 ms
	shift 3
	if ms=$(wait_ms $((t * 1000)) "$@"); then
		ok "$what by itself (${ms} ms)"
		return 0
	fi
	not_ok "$what by itself within ${t} s" \
		"VF$n did not pick up the admin change; reinitialising it from the guest"
	vf_bounce "$n"
	check "$what after the guest reinitialised VF$n" wait_until 30 "$@"
}
