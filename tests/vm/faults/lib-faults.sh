# SPDX-License-Identifier: GPL-2.0
#
# Helpers of the fault-loop suite (sourced by setup.sh and the tests).
#
# Topology (fl_ensure, idempotent so any test runs alone with -t): PF up
# in the root namespace, 7 VFs created with autoprobe off, the admin
# policy below set through "ip link set PF vf N ...", then srnic_vf bound
# to each VF by driver_override, VF N as vfN in namespace vfN (vflib.sh).
#
# Admin policy (fl_policy_apply / fl_policy_check):
#   every VF   admin MAC vf_admin_mac N (02:5f:00:00:00:1N)
#   VF 1       port VLAN 100: its traffic reaches the partner's VLAN 100
#              interface (198.51.100.2) from 198.51.100.11, tagged by the PF
#   VF 2       spoofchk off (DTXSWC MAC anti-spoof bit clear; on for others)
#   VF 3       trust on
#   VF 4       max_tx_rate 100: RTTBCNRC 0x80028065 for queue 4 and
#              0x8FFFFFFF for queue 12 (see sriov/02-admin.sh for the math)
#
# Loop counts: fl_count CHECK SOAK gives CHECK in make check and SOAK under
# SOAK=1 (make soak, tools/vm.py --env SOAK=1); FAULTS_N=N forces N.
# FAULTS_MAX_S=S ends a loop after the iteration that passes S seconds
# (a partial soak; the test point says how many iterations ran).
# FL_MEM_EVERY=K prints the memory reading every K iterations (is a
# growth linear, a leak, or does it level off?).
#
# Each loop ends in one test point (fl_report) carrying what failed; the
# numbers go to diagnostic lines: iterations, time per iteration, worst
# outage (fault started -> every VF reaches the partner again), memory.

. /tests/sriov/lib-sriov.sh	# pf_reg, rate_last
. /tests/vf/vflib.sh		# vf_pci, in_vf, vf_carrier, vf_admin_mac, ...

FL_VLAN=100
FL_VLAN_NET=198.51.100
FL_RATE_VF=4
FL_RATE_Q=0x80028065		# queue 4 under max_tx_rate 100
FL_RATE_Q2=0x8fffffff		# queue 12
FL_FAIL=/tmp/fl.fail
FL_MARK_FILE=/tmp/fl.policy_mark

fl_count() {
	if [ -n "${FAULTS_N:-}" ]; then
		echo "$FAULTS_N"
	elif [ "${SOAK:-0}" = 1 ]; then
		echo "$2"
	else
		echo "$1"
	fi
}

# fl_fail MSG: remember a failure of the running loop (fl_report says it).
fl_fail() {
	echo "$*" >> "$FL_FAIL"
	diag "  FAIL: $*"
}

fl_begin() {
	: > "$FL_FAIL"
	FL_WORST=0
	FL_WORST_IT=0
	FL_T0=$(now_ms)
	FL_DONE=0
}

# fl_outage IT MS: record one iteration's outage.
fl_outage() {
	if [ "$2" -gt "$FL_WORST" ]; then
		FL_WORST=$2
		FL_WORST_IT=$1
	fi
	FL_DONE=$1
}

# fl_report NAME N: the loop's test point and its numbers.
fl_report() {
	local t per
	t=$(( $(now_ms) - FL_T0 ))
	per=0
	[ "$FL_DONE" = 0 ] || per=$((t / FL_DONE))
	diag "$1: $FL_DONE of $2 iterations in $((t / 1000)) s, ${per} ms per iteration, worst outage ${FL_WORST} ms (iteration $FL_WORST_IT)"
	if [ -s "$FL_FAIL" ]; then
		not_ok "$1" "$(head -n 5 "$FL_FAIL" | tr '\n' ';')"
	else
		ok "$1: $FL_DONE of $2 iterations, ${per} ms each, worst outage ${FL_WORST} ms"
	fi
}

# fl_klog_bad: the kernel log since this test started has an oops, WARN,
# BUG, KFENCE or SLUB report (the loop stops at the first one; the runner
# shows it after the test).
fl_klog_bad() {
	dmesg | grep -E "$KLOG_BAD" > /dev/null
}

# ---- topology ----------------------------------------------------------------

fl_autoprobe_off() {
	echo 0 > "/sys/bus/pci/devices/$PF_PCI/sriov_drivers_autoprobe"
}

fl_partner_vlan() {
	in_partner ip link show "$PARTNER_IF.$FL_VLAN" > /dev/null 2>&1 && return 0
	mod_loaded 8021q || modprobe 8021q || return 1
	in_partner ip link add link "$PARTNER_IF" name "$PARTNER_IF.$FL_VLAN" type vlan id $FL_VLAN || return 1
	in_partner ip addr add "$FL_VLAN_NET.2/24" dev "$PARTNER_IF.$FL_VLAN" || return 1
	in_partner ip link set "$PARTNER_IF.$FL_VLAN" up
}

# fl_policy_apply: the admin policy, one ip call (every exec costs about
# a second in a TCG guest on a busy host).
fl_policy_apply() {
	local i=0
	# RTTBCNRC is write-only in the QEMU model: the trace after this
	# mark is where the rate limiter shows
	trace_mark > "$FL_MARK_FILE" || true
	: > /tmp/fl.policy
	while [ $i -lt "$NUM_VFS" ]; do
		echo "link set $PF_IF vf $i mac 02:5f:00:00:00:1$i" >> /tmp/fl.policy
		i=$((i + 1))
	done
	cat >> /tmp/fl.policy <<-EOT
	link set $PF_IF vf 1 vlan $FL_VLAN
	link set $PF_IF vf 2 spoofchk off
	link set $PF_IF vf 3 trust on
	link set $PF_IF vf $FL_RATE_VF max_tx_rate 100
	EOT
	ip -b /tmp/fl.policy
}

# fl_bound N: VF N is bound to srnic_vf
fl_bound() {
	[ "/sys/bus/pci/devices/$PF_PCI/virtfn$1/driver" -ef /sys/bus/pci/drivers/srnic_vf ]
}

fl_all_bound() {
	each_vf "$NUM_VFS" fl_bound
}

# fl_vf_addr N: VF N's PCI address (from fl_bind_all's listing).
fl_vf_addr() {
	local l
	while read -r l; do
		case $l in *" virtfn$1 -> "*) echo "${l##*/}"; return 0 ;; esac
	done < /tmp/fl.virtfn
	return 1
}

# fl_bind_all: srnic_vf on every unbound VF (autoprobe is off).
fl_bind_all() {
	local i=0 d
	ls -l "/sys/bus/pci/devices/$PF_PCI/" > /tmp/fl.virtfn || return 1
	while [ $i -lt "$NUM_VFS" ]; do
		d=/sys/bus/pci/devices/$PF_PCI/virtfn$i
		if ! [ -e "$d/driver" ]; then
			echo srnic_vf > "$d/driver_override" || return 1
			fl_vf_addr $i > /sys/bus/pci/drivers_probe || return 1
		fi
		i=$((i + 1))
	done
	wait_until 30 fl_all_bound
}

# fl_place N: VF N's netdev, if it is in the root namespace (new, or
# bound again), moved and renamed to vfN in namespace vfN, addressed, up.
fl_place() {
	local n=$1 dev="" d extra=""
	if ! [ -e "/run/netns/vf$n" ]; then
		ip netns add "vf$n" || return 1
		ip -n "vf$n" link set lo up || return 1
	fi
	# probe registers the netdev: none here means it is in vfN already
	for d in /sys/bus/pci/devices/"$PF_PCI"/virtfn"$n"/net/*; do
		[ -e "$d" ] && dev=${d##*/}
	done
	[ -n "$dev" ] || return 0
	ip link set "$dev" netns "vf$n" name "vf$n" || return 1
	[ "$n" != 1 ] || extra="addr add $FL_VLAN_NET.11/24 dev vf1
"
	printf 'addr add 192.0.2.%s/%s dev vf%s\n%slink set vf%s up\n' \
		$((10 + n)) "$PREFIX" "$n" "$extra" "$n" | ip -n "vf$n" -b -
}

fl_place_all() {
	each_vf "$NUM_VFS" fl_place
}

# fl_vfs_up: 7 VFs, policy set, srnic_vf bound, placed (after the VFs
# were created, e.g. after sriov_numvfs 0 or a PF reload).
fl_vfs_up() {
	fl_autoprobe_off || return 1
	if [ "$(cat "/sys/bus/pci/devices/$PF_PCI/sriov_numvfs")" != "$NUM_VFS" ]; then
		echo "$NUM_VFS" > "/sys/bus/pci/devices/$PF_PCI/sriov_numvfs" || return 1
		fl_policy_apply || return 1
	fi
	fl_bind_all || return 1
	fl_place_all
}

fl_ensure() {
	pf_ensure || return 1
	vf_driver_load || return 1
	fl_partner_vlan || return 1
	fl_vfs_up
}

# fl_dst N: the partner address VF N talks to.
fl_dst() {
	if [ "$1" = 1 ]; then
		echo "$FL_VLAN_NET.2"
	else
		echo "$PARTNER_IP"
	fi
}

# fl_all_ping1: one ping from every VF at once, all answered (the VFs
# without an answer are listed in /tmp/fl.noping).
fl_all_ping1() {
	local i=0 pids="" rc=0 p dst
	while [ $i -lt "$NUM_VFS" ]; do
		dst=$PARTNER_IP
		[ $i != 1 ] || dst=$FL_VLAN_NET.2
		/sbin/ip netns exec "vf$i" /sbin/ping -q -c 1 -W 1 "$dst" > /dev/null 2>&1 &
		pids="$pids $!"
		i=$((i + 1))
	done
	i=0
	: > /tmp/fl.noping
	for p in $pids; do
		wait "$p" || { rc=1; echo "$i" >> /tmp/fl.noping; }
		i=$((i + 1))
	done
	return $rc
}

# fl_wait_traffic TIMEOUT_MS: prints ms until every VF reached the partner.
fl_wait_traffic() {
	wait_ms "$1" fl_all_ping1
}

# fl_bg_start: 0.2 s pings from every VF for the loop (fl_bg_stop ends them).
fl_bg_start() {
	local i
	FL_BG=""
	for i in $(seq 0 $((NUM_VFS - 1))); do
		/sbin/ip netns exec "vf$i" /sbin/ping -q -i 0.2 "$(fl_dst "$i")" > /dev/null 2>&1 &
		FL_BG="$FL_BG $!"
	done
}

fl_bg_stop() {
	local p
	for p in ${FL_BG:-}; do
		kill "$p" 2> /dev/null || true
		wait "$p" 2> /dev/null || true
	done
	FL_BG=""
}

# ---- the admin policy, as ip link shows it and as it behaves ------------------

# fl_policy_check: every point of the policy; failures go to fl_fail.
fl_policy_check() {
	local i l mac bits r r2 sw lines nb bad=0
	ip link show "$PF_IF" > /tmp/fl.pf_link
	sw=$(pf_reg 0x3500)
	# the MAC each VF uses on the wire: the partner's neighbour entries,
	# learnt afresh from the pings (the switch delivers a reply only to the
	# admin MAC's pool, VF1's only with the port VLAN inserted and stripped)
	in_partner ip neigh flush all > /dev/null 2>&1 || true
	if ! wait_until 10 fl_all_ping1; then
		fl_fail "no traffic to the partner from VF(s) $(tr '\n' ' ' < /tmp/fl.noping)"
		bad=1
	fi
	in_partner ip neigh show > /tmp/fl.neigh 2>&1 || true
	for i in $(seq 0 $((NUM_VFS - 1))); do
		l=$(grep -E "^ +vf $i " /tmp/fl.pf_link || true)
		mac=$(vf_admin_mac "$i")
		case $l in *"link/ether $mac"*) ;; *) fl_fail "VF$i: ip link shows no admin MAC $mac: $l"; bad=1 ;; esac
		if [ "$i" = 1 ]; then
			case $l in *"vlan $FL_VLAN"*) ;; *) fl_fail "VF1: port VLAN $FL_VLAN gone: $l"; bad=1 ;; esac
			nb=$(awk -v a="$FL_VLAN_NET.11" '$1 == a { print $5 }' /tmp/fl.neigh)
		else
			case $l in *" vlan "*) fl_fail "VF$i: a port VLAN appeared: $l"; bad=1 ;; esac
			nb=$(awk -v a="$(vf_ip "$i")" '$1 == a { print $5 }' /tmp/fl.neigh)
		fi
		[ "$nb" = "$mac" ] || { fl_fail "VF$i: the partner sees MAC ${nb:-none}, admin MAC $mac"; bad=1; }
		if [ "$i" = 2 ]; then
			case $l in *"spoof checking off"*) ;; *) fl_fail "VF2: spoofchk not off: $l"; bad=1 ;; esac
		else
			case $l in *"spoof checking on"*) ;; *) fl_fail "VF$i: spoofchk not on: $l"; bad=1 ;; esac
		fi
		if [ "$i" = 3 ]; then
			case $l in *"trust on"*) ;; *) fl_fail "VF3: trust not on: $l"; bad=1 ;; esac
		else
			case $l in *"trust off"*) ;; *) fl_fail "VF$i: trust not off: $l"; bad=1 ;; esac
		fi
		if [ "$i" = $FL_RATE_VF ]; then
			case $l in *"max_tx_rate 100Mbps"*) ;; *) fl_fail "VF$i: max_tx_rate 100 gone: $l"; bad=1 ;; esac
		fi
		# registers: the MAC anti-spoof bit of each VF in DTXSWC
		bits=none
		[ -z "$sw" ] || bits="$(((sw >> i) & 1)),$(((sw >> (i + 8)) & 1))"
		if [ "$i" = 2 ]; then
			case $bits in 0,*) ;; *) fl_fail "VF2: DTXSWC anti-spoof bits $bits, want 0,x"; bad=1 ;; esac
		else
			case $bits in 1,*) ;; *) fl_fail "VF$i: DTXSWC anti-spoof bits $bits, want 1,x"; bad=1 ;; esac
		fi
	done
	r=$(rate_last "$(cat "$FL_MARK_FILE")" $FL_RATE_VF)
	r2=$(rate_last "$(cat "$FL_MARK_FILE")" $((FL_RATE_VF + 8)))
	if [ "$r" != $FL_RATE_Q ] || [ "$r2" != $FL_RATE_Q2 ]; then
		fl_fail "VF$FL_RATE_VF: last RTTBCNRC writes queue $FL_RATE_VF ${r:-none}, queue $((FL_RATE_VF + 8)) ${r2:-none}; want $FL_RATE_Q, $FL_RATE_Q2"
		bad=1
	fi
	return $bad
}

# ---- leaks -------------------------------------------------------------------
# No kmemleak in the Debian kernel: the check compares, after dropping
# the page cache and the reclaimable slabs and letting RCU frees land,
#   slab    the bytes of the slab objects in use (/proc/slabinfo), every
#           cache but the two of FL_SLAB_APART (vmap_area, iommu_iova):
#           what kmalloc/kmem_cache users hold. Not SUnreclaim, which
#           counts slab pages and so moves with how full the partial slabs
#           happen to be (the first soak: +1048 KiB over
#           99 numvfs cycles while no cache but vmap_area grew 16 KiB).
#           vmap_area is freed lazily, in a purge once 32 MiB times
#           fls(CPUs) of vmalloc/ioremap space waits for it; a loop never
#           gets there (1425 "unpurged" areas after 20 cycles), so it is
#           left out and the live areas of /proc/vmallocinfo are checked
#           instead.
#           iommu_iova is left out too and bounded on its own: a DMA
#           unmap puts the IOVA into the domain's per-CPU and depot caches
#           (6 sizes, 127 per magazine, 2 magazines per CPU, the depot
#           trimmed back to one per CPU every 100 ms) with its struct iova
#           still allocated, so each VF domain that carried traffic holds
#           a few hundred KiB of them until it is freed (the first soak:
#           +317 KiB over 99 FLRs of one VF, +720 KiB over 19 unbinds
#           across the 7 VFs). FL_IOVA_TOL, 512 KiB per VF, is above what
#           the caches hold and below what a leak of a few hundred
#           mappings per iteration adds up to over a soak.
#   vmap    live vmalloc/ioremap areas (a leaked BAR mapping, vzalloc'd
#           ring array or netdev shows here)
#   pages   memory that is neither free (the per-CPU free lists of
#           /proc/zoneinfo included) nor cache nor slab nor anon nor page
#           tables (CPU and IOMMU) nor stacks nor vmalloc nor percpu:
#           alloc_pages() users (RX buffers, DMA rings, page_pool)
# before and after the loop; and no single slab cache may grow more than
# FL_CACHE_TOL (a leak concentrates where the total may hide it). A
# test's own processes and sockets come and go: with nothing leaking, one
# iteration of each loop moved SUnreclaim (the measure before the object
# count) by -724..-116 KiB and the other pages by -2868..+680 KiB (first
# check run, all nine loops). The bounds
# sit above that noise and below what one leaked VF netdev with its rings
# per iteration (tens of KiB of slab, several pages of RX buffers) adds up
# to over the soak counts; in check mode (one iteration) they catch only
# a large leak.

# the slab caches counted apart from the others (awk regex)
FL_SLAB_APART='^(vmap_area|iommu_iova)$'

# fl_mem: "SLAB_KIB PAGES_KIB VMAP_AREAS"; /tmp/fl.slab.now has the bytes
# per cache, /tmp/fl.vmap.now the areas per caller
fl_mem() {
	local pcp obj
	sync
	echo 3 > /proc/sys/vm/drop_caches
	sleep 1
	echo 3 > /proc/sys/vm/drop_caches
	awk 'NR > 2 { print $1, $2 * $4 }' /proc/slabinfo > /tmp/fl.slab.now
	awk '{ n[$3]++ } END { for (c in n) print c, n[c] }' /proc/vmallocinfo > /tmp/fl.vmap.now
	obj=$(awk -v apart="$FL_SLAB_APART" '$1 !~ apart { s += $2 } END { printf "%d", s / 1024 }' /tmp/fl.slab.now)
	pcp=$(awk '$1 == "count:" { s += $2 } END { printf "%d", s * 4 }' /proc/zoneinfo)
	awk -v obj="$obj" -v pcp="$pcp" '
		/^MemTotal:/ { t = $2 } /^MemFree:/ { f = $2 } /^Cached:/ { c = $2 }
		/^Buffers:/ { b = $2 } /^SReclaimable:/ { sr = $2 } /^SUnreclaim:/ { su = $2 }
		/^AnonPages:/ { a = $2 } /^KernelStack:/ { k = $2 } /^PageTables:/ { p = $2 }
		/^SecPageTables:/ { sp = $2 } /^VmallocUsed:/ { v = $2 } /^Percpu:/ { pc = $2 }
		END { printf "%d %d ", obj, t - f - pcp - c - b - sr - su - a - k - p - sp - v - pc }' /proc/meminfo
	awk '$1 != "unpurged" { s += $2 } END { printf "%d\n", s }' /tmp/fl.vmap.now
}

fl_mem_begin() {
	FL_MEM0=$(fl_mem)
	cp /tmp/fl.slab.now /tmp/fl.slab.0
	cp /tmp/fl.vmap.now /tmp/fl.vmap.0
}

# fl_delta OLD NEW: "KEY CHANGE" for every key of NEW ("key count" files)
fl_delta() {
	awk 'NR == FNR { a[$1] = $2; next } { print $1, $2 - a[$1] }' "$1" "$2"
}

# fl_mem_end NAME ITERATIONS: compare with fl_mem_begin, fail past the bounds.
FL_SLAB_TOL=${FL_SLAB_TOL:-768}		# KiB
FL_CACHE_TOL=${FL_CACHE_TOL:-256}	# KiB, one cache
FL_PAGES_TOL=${FL_PAGES_TOL:-4096}	# KiB
FL_VMAP_TOL=${FL_VMAP_TOL:-64}		# areas
FL_IOVA_TOL=${FL_IOVA_TOL:-$((NUM_VFS * 512))}	# KiB
fl_mem_end() {
	local now ds dp dv di big
	now=$(fl_mem)
	set -- "$1" "$2" $FL_MEM0 $now
	ds=$(($6 - $3)) dp=$(($7 - $4)) dv=$(($8 - $5))
	diag "$1: memory after $2 iterations: slab objects $3 -> $6 KiB (${ds}), other kernel pages $4 -> $7 KiB (${dp}), live vmalloc areas $5 -> $8 (${dv}); bounds ${FL_SLAB_TOL} KiB (${FL_CACHE_TOL} one cache), ${FL_PAGES_TOL} KiB, ${FL_VMAP_TOL}"
	fl_delta /tmp/fl.slab.0 /tmp/fl.slab.now > /tmp/fl.slab.delta
	awk '$2 > 16384 { printf "%s %+d\n", $1, $2 }' /tmp/fl.slab.delta |
		sort -k2 -n -r | head -n 5 | sed "s/^/# $1: slab grew: /" >&8 || true
	fl_delta /tmp/fl.vmap.0 /tmp/fl.vmap.now | awk '$2 > 0 { printf "%s %+d\n", $1, $2 }' |
		sort -k2 -n -r | head -n 5 | sed "s/^/# $1: vmalloc areas grew: /" >&8 || true
	di=$(awk '$1 == "iommu_iova" { printf "%d", $2 / 1024 }' /tmp/fl.slab.delta)
	big=$(awk -v tol=$((FL_CACHE_TOL * 1024)) -v apart="$FL_SLAB_APART" \
		'$1 !~ apart && $2 > tol { printf "%s %+d KiB ", $1, $2 / 1024 }' /tmp/fl.slab.delta)
	[ "$ds" -le "$FL_SLAB_TOL" ] || fl_fail "slab grew by $ds KiB over $2 iterations"
	[ -z "$big" ] || fl_fail "slab cache(s) grew past ${FL_CACHE_TOL} KiB over $2 iterations: $big"
	[ "$dp" -le "$FL_PAGES_TOL" ] || fl_fail "kernel pages grew by $dp KiB over $2 iterations"
	[ "$dv" -le "$FL_VMAP_TOL" ] || fl_fail "live vmalloc areas grew by $dv over $2 iterations"
	[ "${di:-0}" -le "$FL_IOVA_TOL" ] || fl_fail "iommu_iova grew by $di KiB over $2 iterations (bound ${FL_IOVA_TOL} KiB: the VF domains' IOVA caches)"
}

# ---- the loop ------------------------------------------------------------------

# fl_run NAME N TIMEOUT_MS STEP...: N iterations of "STEP... I" (the fault
# and whatever brings the VFs back), each followed by every VF reaching
# the partner within TIMEOUT_MS (the outage counts from the step's start)
# and a kernel log scan; stops at the first failure.  The memory baseline
# is taken after the first iteration when there are more (first-use
# allocations are no leak), so the leak bound covers N-1 iterations.
fl_run() {
	local name=$1 n=$2 tmo=$3 i=1 t0 ms
	shift 3
	fl_begin
	FL_NAME=$name
	FL_N=$n
	[ "$n" -gt 1 ] || fl_mem_begin
	while [ $i -le "$n" ]; do
		t0=$(now_ms)
		if ! "$@" $i > /tmp/fl.step 2>&1; then
			fl_fail "iteration $i: $* failed: $(tail -n 3 /tmp/fl.step | tr '\n' ' ')"
			break
		fi
		if ! fl_wait_traffic "$tmo" > /dev/null; then
			fl_fail "iteration $i: not every VF reached the partner within $tmo ms"
			break
		fi
		ms=$(($(now_ms) - t0))
		fl_outage $i $ms
		if fl_klog_bad; then
			fl_fail "iteration $i: the kernel log has an error report"
			break
		fi
		[ $i != 1 ] || [ "$n" = 1 ] || fl_mem_begin
		if [ -n "${FL_MEM_EVERY:-}" ] && [ $i != 1 ] && [ $((i % FL_MEM_EVERY)) = 0 ]; then
			diag "$name: slab KiB, other pages KiB, vmalloc areas after iteration $i: $(fl_mem)"
		fi
		i=$((i + 1))
		if [ -n "${FAULTS_MAX_S:-}" ] && [ $i -le "$n" ] &&
		   [ $(($(now_ms) - FL_T0)) -ge $((FAULTS_MAX_S * 1000)) ]; then
			diag "$name: stopped after $FL_DONE of $n iterations: FAULTS_MAX_S=$FAULTS_MAX_S"
			break
		fi
	done
}

# fl_finish: after fl_run (and after the caller stopped its traffic): the
# policy, the memory bounds, the loop's test point.
fl_finish() {
	fl_policy_check || true
	if [ "$FL_N" -gt 1 ]; then
		fl_mem_end "$FL_NAME" $((FL_N - 1))
	else
		fl_mem_end "$FL_NAME" 1
	fi
	fl_report "$FL_NAME" "$FL_N"
}
