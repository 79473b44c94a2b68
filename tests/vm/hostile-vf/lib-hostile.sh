# SPDX-License-Identifier: GPL-2.0
#
# Hostile-VF suite helpers (sourced by setup.sh and the tests after lib.sh).
#
# PF $PF_IF 192.0.2.1, partner 192.0.2.2 (namespace partner), VF1 and VF2
# on srnic_vf as vf1/vf2 in namespaces vf1/vf2 (192.0.2.11, .12). VF0 has
# no driver: the attacker maps its BAR0. Its admin policy (MAC, port VLAN)
# is set before any attack and must survive all of them.

HV_NUMVFS=3
HV_TOOL=/srnic/bin/hostile_vf
HV_VF0_MAC=02:5f:00:00:00:10
HV_VF0_VLAN=100

. /tests/vf/vflib.sh	# vf_pci, vf_ip, in_vf, vf_carrier, vf_netdev_root, vf_place

# busybox awk has no strtonum: hex("0x1f") or hex("1f")
HV_AWK_HEX='function hex(s,  i, v) {
	s = tolower(s); sub(/^0x/, "", s); v = 0
	for (i = 1; i <= length(s); i++)
		v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
	return v
}'

hv_sysfs() {
	echo "/sys/bus/pci/devices/$PF_PCI"
}

hv_vf_mac() {
	printf '02:5f:00:00:00:%02x\n' $((0x10 + $1))
}

hv_vf_driver() {
	local d=/sys/bus/pci/devices/$(vf_pci "$1")/driver
	[ -e "$d" ] && basename "$(readlink "$d")"
}

# hv_vf_bind N: srnic_vf for VF N. With sriov_drivers_autoprobe off the PCI
# core probes a VF only for the driver named in its driver_override.
hv_vf_bind() {
	local d=/sys/bus/pci/devices/$(vf_pci "$1")
	echo srnic_vf > "$d/driver_override" || return 1
	echo "$(vf_pci "$1")" > /sys/bus/pci/drivers_probe
}

# hv_vf_lines: the "vf N" lines of ip link show PF (the admin policy)
hv_vf_lines() {
	ip link show "$PF_IF" | grep -E '^ +vf [0-9]+ ' || true
}

# pf_words OFF N: N 32-bit PF registers from OFF, one "off value" a line,
# read through the QEMU monitor (no side effects: none of them is
# read-to-clear).
pf_words() {
	local bar addr
	bar=$(awk 'NR == 1 { print $1 }' "$(hv_sysfs)/resource")
	addr=$(printf '0x%x' $((bar + $1)))
	hmp "xp /$2wx $addr" | awk -v base="$bar" "$HV_AWK_HEX"'
		/^[0-9a-f]+:/ {
			a = $1; sub(":", "", a); a = hex(a) - hex(base)
			for (i = 2; i <= NF; i++) { printf "0x%05x %s\n", a, $i; a += 4 }
		}'
}

# hv_switch: the switch registers the attacker must not move: every RAR
# entry except VF0's own extra unicast filters (its to give and take,
# within its quota), all VLVF entries (VF0 has a port VLAN, so none of its
# VLAN requests may pass), the VLAN insert of every pool, the PF's and
# VF1/VF2's offload settings.
hv_switch() {
	local adm_lo adm_hi
	adm_lo=$(echo "$HV_VF0_MAC" | awk -F: '{ printf "0x%02s%02s%02s%02s", $4, $3, $2, $1 }')
	adm_hi=$(echo "$HV_VF0_MAC" | awk -F: '{ printf "0x%02s%02s", $6, $5 }')
	{ pf_words 0x5400 32; pf_words 0x54e0 16; } | awk -v alo="$adm_lo" -v ahi="$adm_hi" "$HV_AWK_HEX"'
		NR % 2 == 1 { lo = $2; next }
		{
			hi = hex($2); pool = int(hi / 262144) % 256
			own = (pool == 1) && !(hex(lo) == hex(alo) && hi % 65536 == hex(ahi))
			if (!own) printf "RAR %s %s %s\n", $1, lo, $2
		}'
	pf_words 0x5d00 32 | sed 's/^/VLVF /'
	pf_words 0x3700 4 | sed 's/^/VMVIR /'
	pf_words 0x5ad4 3 | sed 's/^/VMOLR /'
}

# hv_misc_irqs: interrupts taken by the PF's misc (mailbox) vector, named
# PCI-misc by srnic_pf and after the netdev by igb
hv_misc_irqs() {
	local v="$PF_PCI-misc"

	[ "$DRIVER" != igb ] || v=$PF_IF
	awk -v p="$v" '$NF == p { s = 0; for (i = 2; i <= NF; i++) if ($i ~ /^[0-9]+$/) s += $i; print s; exit }' /proc/interrupts
}

# hv_cpu: "total irq softirq system" jiffies over all CPUs (/proc/stat)
hv_cpu() {
	awk '$1 == "cpu" { t = 0; for (i = 2; i <= NF; i++) t += $i; print t, $7, $8, $4; exit }' /proc/stat
}

hv_health() {
	devlink -j health show "pci/$PF_PCI" reporter "$1"
}

# hv_health_errors REPORTER: the reporter's error count
hv_health_errors() {
	hv_health "$1" | sed -n 's/.*"error":\([0-9]*\).*/\1/p'
}

hv_health_state() {
	hv_health "$1" | sed -n 's/.*"state":"\([a-z]*\)".*/\1/p'
}

hv_health_healthy() {
	[ "$(hv_health_state mailbox)" = healthy ]
}

hv_ethtool_stat() {
	ethtool -S "$PF_IF" | awk -v k="$1:" '$1 == k { print $2 }'
}

# hv_outage FILE COUNT: the longest time without a reply in a ping -D
# log of COUNT 0.1 s pings, in ms (at least 100 ms per lost reply)
hv_outage() {
	awk -v n="$2" '
		/bytes from/ {
			t = substr($1, 2, length($1) - 2) * 1000
			for (i = 1; i <= NF; i++)
				if ($i ~ /^icmp_seq=/) s = substr($i, 10) + 0
			if (!(s in seen)) { seen[s] = 1; got++ }
			if (last != "" && t - last > gap) gap = t - last
			last = t
		}
		END {
			if (got == 0) { print 999999; exit }
			gap = gap - 100
			lost = (n - got) * 100
			if (lost > gap) gap = lost
			if (gap < 0) gap = 0
			printf "%d\n", gap
		}' "$1"
}

# hv_setup: PF ($DRIVER) up, HV_NUMVFS VFs without autoprobe, admin
# policy on VF0-VF2, VF1/VF2 on srnic_vf in their namespaces with carrier
# and traffic, VF0 without a driver and its memory decoding on. Prints
# each step; fails at the first that does not work.
hv_setup() {
	local i sys

	hv_step "load $DRIVER" pf_load || return 1
	hv_step "PF netdev appears" pf_find 15 || return 1
	hv_step "PF up with carrier" pf_up 20 || return 1
	sys=$(hv_sysfs)
	echo 0 > "$sys/sriov_drivers_autoprobe"
	hv_step "enable $HV_NUMVFS VFs" sh -c "echo $HV_NUMVFS > $sys/sriov_numvfs" || return 1
	for i in 0 1 2; do
		ip link set "$PF_IF" vf "$i" mac "$(hv_vf_mac "$i")" || true
	done
	hv_step "VF0 port VLAN $HV_VF0_VLAN" ip link set "$PF_IF" vf 0 vlan "$HV_VF0_VLAN" || return 1
	hv_step "load srnic_vf" vf_driver_load || return 1
	for i in 1 2; do
		hv_vf_bind "$i" || true
		hv_step "VF$i bound to srnic_vf and placed" vf_place "$i" noipv6 || return 1
	done
	hv_step "VF0 has no driver" test -z "$(hv_vf_driver 0)" || return 1
	# pci_enable_device() for the unbound VF: without it its BAR does not decode
	hv_step "VF0 memory decoding on" sh -c "echo 1 > /sys/bus/pci/devices/$(vf_pci 0)/enable" || return 1
	hv_step "VF1 carrier" wait_until 20 vf_carrier 1 || return 1
	hv_step "VF2 carrier" wait_until 20 vf_carrier 2 || return 1
	hv_step "VF1 -> VF2" wait_until 20 in_vf 1 ping -q -c 1 -W 1 "$(vf_ip 2)" || return 1
	hv_step "VF1 -> partner" wait_until 20 in_vf 1 ping -q -c 1 -W 1 "$PARTNER_IP" || return 1
}

# hv_step NAME CMD...: run one setup step, say which one failed
hv_step() {
	local name=$1

	shift
	echo "setup: $name"
	"$@" || { echo "setup: FAILED: $name (rc=$?)"; return 1; }
}

# hv_attack MODE: hostile_vf in MODE against VF0 for HV_ATTACK_S (6) s
# while the PF pings the partner and VF1 pings VF2 and the partner (0.1 s
# pings). Sets HV_RC (the tool's exit status), HV_OPS (its operations),
# HV_OUT_PF, HV_OUT_VV, HV_OUT_VP (each ping's longest outage, ms),
# HV_IRQS (PF misc interrupts per second), HV_IPCT and HV_SPCT (hard +
# soft interrupt and system time, % of all CPUs). The tool's output is
# left in /tmp/hv.tool.
hv_attack() {
	local s=${HV_ATTACK_S:-6} n p1 p2 p3 i0 i1 c0 c1 t0 t1 tot0 irq0 sys0 dt

	n=$(((s + 2) * 10))
	ping -D -n -i 0.1 -W 1 -c "$n" "$PARTNER_IP" > /tmp/hv.pf 2>&1 &
	p1=$!
	in_vf 1 ping -D -n -i 0.1 -W 1 -c "$n" "$(vf_ip 2)" > /tmp/hv.vv 2>&1 &
	p2=$!
	in_vf 1 ping -D -n -i 0.1 -W 1 -c "$n" "$PARTNER_IP" > /tmp/hv.vp 2>&1 &
	p3=$!
	sleep 1
	i0=$(hv_misc_irqs)
	c0=$(hv_cpu)
	t0=$(now_ms)
	HV_RC=0
	taskset -c 1 "$HV_TOOL" -q -d "$(vf_pci 0)" -m "$1" -t "$s" \
		-M "$(hv_vf_mac 1)" -M "$(hv_vf_mac 2)" -M "$PF_MAC" \
		-M "$PARTNER_MAC" > /tmp/hv.tool 2>&1 || HV_RC=$?
	t1=$(now_ms)
	i1=$(hv_misc_irqs)
	c1=$(hv_cpu)
	wait $p1 $p2 $p3 || true
	HV_OPS=$(sed -n 's/.*mode [a-z]*: \([0-9]*\) ops.*/\1/p' /tmp/hv.tool)
	HV_OUT_PF=$(hv_outage /tmp/hv.pf "$n")
	HV_OUT_VV=$(hv_outage /tmp/hv.vv "$n")
	HV_OUT_VP=$(hv_outage /tmp/hv.vp "$n")
	HV_IRQS=$(( (${i1:-0} - ${i0:-0}) * 1000 / (t1 - t0) ))
	set -- $c0
	tot0=$1 irq0=$(($2 + $3)) sys0=$4
	set -- $c1
	dt=$(($1 - tot0))
	HV_IPCT=$(( ($2 + $3 - irq0) * 100 / dt ))
	HV_SPCT=$(( ($4 - sys0) * 100 / dt ))
}
