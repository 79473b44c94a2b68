# SPDX-License-Identifier: GPL-2.0
#
# Guest-side helpers for the srnic VM tests (busybox ash).  Sourced by
# /init and by every test.  Results go to the srnic.tap virtio port (fd 8)
# as "TAP: ok - <test>: <check>" lines (through tests/ktap.sh); the host
# numbers them.
#
# Environment a test can use:
#   DRIVER        PF driver under test (srnic_pf or igb)
#   PF_IF         PF netdev in the root namespace (refresh with pf_find)
#   PF_PCI        PF PCI address (0000:01:00.0)
#   PARTNER_NS    namespace of the link partner (virtio-net on the same hub)
#   PARTNER_IF    link-partner netdev inside PARTNER_NS
#   PF_IP PARTNER_IP PREFIX, PF_IP6 PARTNER_IP6 PREFIX6
#   QEMU_PF_NETDEV / QEMU_PARTNER_NETDEV  QEMU netdev ids (for set_link)
#   CI_TEST       name of the running test

export PATH=/sbin:/usr/sbin:/bin:/usr/bin
export PARTNER_NS=${PARTNER_NS:-partner}
export PARTNER_IF=${PARTNER_IF:-partner0}
export PF_IP=${PF_IP:-192.0.2.1}
export PARTNER_IP=${PARTNER_IP:-192.0.2.2}
export PREFIX=${PREFIX:-24}
export PF_IP6=${PF_IP6:-2001:db8::1}
export PARTNER_IP6=${PARTNER_IP6:-2001:db8::2}
export PREFIX6=${PREFIX6:-64}
export DRIVER=${DRIVER:-srnic_pf}

# Busybox sh runs its own applets before searching PATH, so the real
# iproute2/iputils tools must be called by absolute path.  These wrappers
# make plain "ip", "tc", "ping" in tests mean the real ones.  (Programs that
# exec others, like "ip netns exec", search PATH and find the real tools.)
ip() { /sbin/ip "$@"; }
tc() { /sbin/tc "$@"; }
if [ -x /sbin/ping ]; then
	ping() { /sbin/ping "$@"; }
	ping6() { /sbin/ping -6 "$@"; }
fi
export CI_TEST=${CI_TEST:-setup}
CI_RESULTS=${CI_RESULTS:-/tmp/ci-results}

# ---- reporting -------------------------------------------------------------
# The emitter is tests/ktap.sh (/tests/ktap.sh here).  The host numbers the
# points of every test of the boot, so a guest result line has no number:
# "TAP: ok - TEST: DESCRIPTION[ # DIRECTIVE]" on the results port, and the
# same without "TAP: " in $CI_RESULTS (what /init counts per test).

. /tests/ktap.sh

_tap() {
	echo "TAP: $*" >&8
	echo "$*" >> "$CI_RESULTS"
}

ktap_emit() {
	if [ -n "${4:-}" ]; then
		_tap "$1 - $CI_TEST: $3 # $4"
	else
		_tap "$1 - $CI_TEST: $3"
	fi
}

# diag MSG...: a diagnostic line (shown with -v and kept in diag.log).
diag() {
	echo "# $*" >&8
}

ok() {
	ktap_test_pass "$*"
}

# not_ok NAME [REASON...]
not_ok() {
	local name=$1
	shift
	ktap_test_fail "$name"
	[ $# -eq 0 ] || diag "    $*"
}

# skip NAME REASON...: never counted as a pass.
skip() {
	local name=$1
	shift
	ktap_test_skip "$name" "$*"
}

# check NAME CMD [ARGS...]: ok if CMD succeeds; on failure show its output.
check() {
	local name=$1 rc=0
	shift
	"$@" > /tmp/check.out 2>&1 || rc=$?
	if [ $rc = 0 ]; then
		ok "$name"
	else
		not_ok "$name" "command failed (rc=$rc): $*"
		tail -n 30 /tmp/check.out | sed 's/^/#     /' >&8
	fi
	return 0
}

# check_fail NAME CMD...: ok if CMD fails.
check_fail() {
	local name=$1 rc=0
	shift
	"$@" > /tmp/check.out 2>&1 || rc=$?
	if [ $rc != 0 ]; then
		ok "$name"
	else
		not_ok "$name" "command unexpectedly succeeded: $*"
	fi
	return 0
}

# run CMD...: run with the command and its output shown as diagnostics;
# returns the command's status.
run() {
	local rc=0
	echo "# + $*" >&8
	"$@" > /tmp/run.out 2>&1 || rc=$?
	sed 's/^/#   /' /tmp/run.out >&8
	return $rc
}

# wait_until TIMEOUT_S CMD...: poll CMD every 0.1 s until it succeeds.
wait_until() {
	local t=$1 end
	shift
	end=$(( $(date +%s) + t ))
	while ! "$@" > /dev/null 2>&1; do
		[ "$(date +%s)" -lt "$end" ] || return 1
		sleep 0.1
	done
	return 0
}

# each_vf COUNT CMD...: CMD I for I = 0 .. COUNT-1; fails at the first I
# that fails
each_vf() {
	local n=$1 i=0
	shift
	while [ $i -lt "$n" ]; do
		"$@" $i || return 1
		i=$((i + 1))
	done
}

# ---- host control channel (fd 9) -------------------------------------------

CI_REQ=0
# host CMD [ARGS]: ask the host runner; prints the answer, returns its rc.
# Commands: see tools/vm.py (ping, hmp, qmp, set_link, device_del,
# device_add, qmp_events, trace_on, trace_off, trace_mark, trace_grep,
# trace_count).
host() {
	local id line tag rid rc b64
	CI_REQ=$((CI_REQ + 1))
	id="$$.$CI_REQ"
	echo "REQ $id $*" >&9
	while :; do
		line=""
		read -r -t 60 line <&9 || { echo "host: no answer to: $*" >&2; return 98; }
		set -- $line
		tag=${1:-} rid=${2:-} rc=${3:-99} b64=${4:--}
		[ "$tag" = RESP ] && [ "$rid" = "$id" ] && break
	done
	[ "$b64" = - ] || echo "$b64" | base64 -d
	return "$rc"
}

hmp() {
	host hmp "$*"
}

# set_link on|off [NETDEV]: cable pull through the QEMU monitor.
set_link() {
	host set_link "${2:-$QEMU_PF_NETDEV}" "$1"
}

# device_del ID / device_add DRIVER,k=v,...: QEMU hot-unplug / hot-plug
# (QMP).  device_del only starts the unplug: wait for the guest side, or
# for the event with: wait_qmp_event DEVICE_DELETED 20
device_del() {
	host device_del "$1"
}

device_add() {
	host device_add "$1"
}

# wait_qmp_event NAME TIMEOUT_S [DEVICE]: until QEMU emitted event NAME
# (for the device with id DEVICE if given); consumes it.
wait_qmp_event() {
	wait_until "$2" host qmp_events "$1${3:+ $3}"
}

# ---- topology --------------------------------------------------------------

# in_partner CMD...: run in the link partner's namespace.
in_partner() {
	ip netns exec "$PARTNER_NS" "$@"
}

# netdev_by_driver DRV: first netdev whose device is bound to DRV.
netdev_by_driver() {
	local n d
	for n in /sys/class/net/*; do
		[ -e "$n/device/driver" ] || continue
		d=$(basename "$(readlink "$n/device/driver")")
		if [ "$d" = "$1" ]; then
			basename "$n"
			return 0
		fi
	done
	return 1
}

# netdev_by_mac MAC: first netdev with a bound device and address MAC
# (a net_failover master and its standby share theirs: use a unique one).
netdev_by_mac() {
	local n
	for n in /sys/class/net/*; do
		[ -e "$n/device/driver" ] || continue
		if [ "$(cat "$n/address")" = "$1" ]; then
			basename "$n"
			return 0
		fi
	done
	return 1
}

# The PF: Intel 82576 (8086:10c9) physical function.
pf_pci_find() {
	local d
	for d in /sys/bus/pci/devices/*; do
		if [ "$(cat "$d/vendor")" = 0x8086 ] && [ "$(cat "$d/device")" = 0x10c9 ]; then
			basename "$d"
			return 0
		fi
	done
	return 1
}
PF_PCI=${PF_PCI:-$(pf_pci_find || true)}
export PF_PCI

# pf_find [TIMEOUT]: set PF_IF to the PF netdev (bound to $DRIVER).
pf_find() {
	local end n
	end=$(( $(date +%s) + ${1:-15} ))
	while :; do
		for n in /sys/bus/pci/devices/"$PF_PCI"/net/*; do
			if [ -e "$n" ]; then
				PF_IF=$(basename "$n")
				export PF_IF
				return 0
			fi
		done
		[ "$(date +%s)" -lt "$end" ] || return 1
		sleep 0.1
	done
}

mod_loaded() {
	[ -d "/sys/module/$1" ] && [ -e "/sys/module/$1/initstate" ] || \
		grep -q "^$1 " /proc/modules
}

# pf_load [MODULE PARAMS]: load the PF driver under test.
pf_load() {
	case $DRIVER in
	igb)
		modprobe igb "$@"
		;;
	*)
		if [ -e /srnic/srnic_lib.ko ] && ! mod_loaded srnic_lib; then
			insmod /srnic/srnic_lib.ko || return 1
		fi
		[ -e "/srnic/$DRIVER.ko" ] || { echo "no /srnic/$DRIVER.ko (make modules?)" >&2; return 1; }
		insmod "/srnic/$DRIVER.ko" "$@"
		;;
	esac
}

pf_unload() {
	rmmod "$DRIVER"
}

# pf_unload_all: also unload srnic_lib (igb: same as pf_unload).
pf_unload_all() {
	pf_unload || return 1
	if [ "$DRIVER" != igb ] && mod_loaded srnic_lib; then
		rmmod srnic_lib
	fi
}

has_carrier() {
	[ "$(cat "/sys/class/net/$1/carrier" 2>/dev/null)" = 1 ]
}

partner_has_carrier() {
	[ "$(in_partner cat "/sys/class/net/$PARTNER_IF/carrier" 2> /dev/null)" = 1 ]
}

# pf_up: find the PF netdev, address it, bring it up, wait for carrier.
pf_up() {
	pf_find 15 || { echo "no netdev for $PF_PCI (driver $DRIVER)" >&2; return 1; }
	ip addr flush dev "$PF_IF" || return 1
	ip link set "$PF_IF" mtu "${PF_MTU:-1500}" || return 1
	ip addr add "$PF_IP/$PREFIX" dev "$PF_IF" || return 1
	ip -6 addr add "$PF_IP6/$PREFIX6" dev "$PF_IF" nodad || return 1
	ip link set "$PF_IF" up || return 1
	wait_until "${1:-15}" has_carrier "$PF_IF" || { echo "$PF_IF: no carrier" >&2; return 1; }
}

# pf_ensure: driver loaded and PF up with its address (idempotent).
pf_ensure() {
	if ! pf_find 0; then
		mod_loaded "$DRIVER" || pf_load || return 1
		pf_find 15 || return 1
	fi
	if ! ip -4 addr show dev "$PF_IF" | grep "$PF_IP/" > /dev/null || ! has_carrier "$PF_IF"; then
		pf_up || return 1
	fi
	# the neighbour may be stale after a reload
	ip neigh flush dev "$PF_IF" 2> /dev/null || true
	return 0
}

# partner_setup: move the virtio-net link partner into its namespace.
partner_setup() {
	local n
	modprobe virtio_net || return 1
	if ! [ -e "/run/netns/$PARTNER_NS" ]; then
		ip netns add "$PARTNER_NS" || return 1
	fi
	if ! in_partner ip link show "$PARTNER_IF" > /dev/null 2>&1; then
		# by MAC: a suite may add more virtio-net NICs (failover standby)
		if [ -n "${PARTNER_MAC:-}" ]; then
			wait_until 10 netdev_by_mac "$PARTNER_MAC" || return 1
			n=$(netdev_by_mac "$PARTNER_MAC")
		else
			wait_until 10 netdev_by_driver virtio_net || return 1
			n=$(netdev_by_driver virtio_net)
		fi
		ip link set "$n" netns "$PARTNER_NS" || return 1
		in_partner ip link set "$n" name "$PARTNER_IF" || return 1
	fi
	in_partner sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0 || true
	in_partner ip link set lo up || return 1
	in_partner ip addr flush dev "$PARTNER_IF" || return 1
	in_partner ip link set "$PARTNER_IF" mtu "${PARTNER_MTU:-1500}" || return 1
	in_partner ip addr add "$PARTNER_IP/$PREFIX" dev "$PARTNER_IF" || return 1
	in_partner ip -6 addr add "$PARTNER_IP6/$PREFIX6" dev "$PARTNER_IF" nodad || return 1
	in_partner ip link set "$PARTNER_IF" up || return 1
	wait_until 10 partner_has_carrier
}

# ping_partner [ARGS]: PF -> partner; ping_pf [ARGS]: partner -> PF.
ping_partner() {
	ping -q -c "${PING_COUNT:-3}" -i 0.2 -W 2 "$@" "$PARTNER_IP"
}

ping_pf() {
	in_partner ping -q -c "${PING_COUNT:-3}" -i 0.2 -W 2 "$@" "$PF_IP"
}

# wait_ping [TIMEOUT]: until one ping PF -> partner succeeds.
wait_ping() {
	wait_until "${1:-10}" ping -q -c 1 -W 1 "$PARTNER_IP"
}

# ---- kernel log ------------------------------------------------------------

# Lines that fail a test when they appear in the kernel log.
KLOG_BAD='BUG[: ]|WARNING:|DMA-API:|possible circular locking|inconsistent lock state|suspected memory leaks|Call Trace|general protection|Oops|kmemleak|unreferenced object|UBSAN|KASAN|refcount_t:|list_(add|del) corruption|blocked for more than|soft lockup|hard LOCKUP|rcu_sched self-detected|rcu: INFO|Kernel panic|double free|use-after-free|memory leak|KFENCE:|Redzone|Poison overwritten|Object padding|Freepointer corrupt'

# kmemleak_scan: on a kernel with kmemleak (the debug kernel), scan now
# and print what it suspects (nothing if clean; "unreferenced object" lines
# otherwise, which klog_check fails on); false without kmemleak. Objects
# must be unreferenced for two scans in a row before kmemleak reports
# them, hence two.
kmemleak_scan() {
	local f=/sys/kernel/debug/kmemleak
	[ -e $f ] || mount -t debugfs none /sys/kernel/debug 2> /dev/null
	[ -w $f ] || return 1
	echo scan > $f && echo scan > $f && cat $f
}

# kmemleak_clear: forget what kmemleak has reported so far
kmemleak_clear() {
	echo clear > /sys/kernel/debug/kmemleak
}

# klog_check NAME FILE: ok if FILE has no bad kernel log lines.
# The debug kernel's detectors announce themselves at boot in words
# KLOG_BAD matches; those lines alone are no report.
KLOG_OK='kmemleak: Kernel memory leak detector initialized|DMA-API: preallocated [0-9]+ debug entries|DMA-API: debugging enabled by kernel config'
klog_check() {
	if grep -E "$KLOG_BAD" "$2" 2>/dev/null | grep -Ev "$KLOG_OK" > /tmp/klog.bad; then
		not_ok "$1" "kernel log has errors:"
		grep -E -B 3 -A 25 "$KLOG_BAD" "$2" | head -n 80 | sed 's/^/#     /' >&8
	else
		ok "$1"
	fi
}

# now_ms: milliseconds since boot.
now_ms() {
	awk '{ printf "%d\n", $1 * 1000 }' /proc/uptime
}

# wait_ms TIMEOUT_MS CMD...: like wait_until with millisecond precision;
# prints the time it took in ms.
wait_ms() {
	local t=$1 start now
	shift
	start=$(now_ms)
	while ! "$@" > /dev/null 2>&1; do
		now=$(now_ms)
		if [ $((now - start)) -ge "$t" ]; then
			echo $((now - start))
			return 1
		fi
		sleep 0.05
	done
	echo $(($(now_ms) - start))
	return 0
}

no_carrier() {
	! has_carrier "$1"
}

# iperf_server_stop PIDFILE: stop a daemonised iperf3 server. The pid
# file goes first: iperf3 removes it itself when it exits, and an rm
# racing that unlink fails ("can't remove"), even with -f.
iperf_server_stop() {
	local pid

	pid=$(cat "$1" 2> /dev/null) || return 0
	rm -f "$1" 2> /dev/null || true
	[ -z "$pid" ] || kill "$pid" 2> /dev/null || true
	return 0
}

# iputils ping (needed for -M do); busybox ping lacks it.
have_iputils_ping() {
	ping -V 2>&1 | grep iputils > /dev/null
}

# ---- QEMU trace events (host side log) -------------------------------------
# Typical use:
#   host trace_on e1000e_wrn_regs_write_unknown   (or list it in suite.conf)
#   m=$(trace_mark)
#   ... make the driver write the register ...
#   trace_expect "rate limiter programmed" "$m" 'unknown register 0x36b0'

# trace_mark: position in the QEMU trace log; later greps start there.
trace_mark() {
	host trace_mark
}

# trace_expect NAME MARK REGEX: ok if a trace line after MARK matches.
trace_expect() {
	local out rc=0
	out=$(host trace_grep "$2" "$3") || rc=$?
	if [ $rc = 0 ]; then
		ok "$1"
		echo "$out" | tail -n 3 | sed 's/^/#     /' >&8
	else
		not_ok "$1" "no QEMU trace line matching /$3/ since mark $2"
	fi
}

# trace_count MARK REGEX: number of matching trace lines after MARK.
trace_count() {
	host trace_count "$1" "$2" || true
}

# trace_expect_reg NAME MARK OFFSET: ok if the device model saw a write to
# register OFFSET (hex, e.g. 0x36b0 or 0x3500) after MARK, either as an
# implemented register (event e1000e_core_write, verbose: switch it on only
# around the operation) or an unimplemented one (e1000e_wrn_regs_write_unknown,
# on from boot in the pf suite).  Matching lines are shown as diagnostics.
trace_expect_reg() {
	local off
	off=$(printf '0x%x' "$3")
	trace_expect "$1" "$2" "([Ww]rite to|write to unknown) register $off,"
}

# Note for test writers: tests run with pipefail, so "cmd | grep -q x" can
# fail with status 141 when grep exits early and cmd gets SIGPIPE.  Write
# "cmd | grep x > /dev/null" (or capture the output first).
