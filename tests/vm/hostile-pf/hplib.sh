# SPDX-License-Identifier: GPL-2.0
#
# Helpers of the hostile-pf suite.

FAKE_PF=/tests/hostile-pf/fake_pf
PF_RES=/sys/bus/pci/devices/$PF_PCI/resource0

vf0_pci() {
	basename "$(readlink "/sys/bus/pci/devices/$PF_PCI/virtfn0")"
}

# pf_stub_bind: the 82576 PF on pci-pf-stub (its ID table is empty)
pf_stub_bind() {
	local d=/sys/bus/pci/devices/$PF_PCI
	if [ -e "$d/driver" ]; then
		[ "$(basename "$(readlink "$d/driver")")" = pci-pf-stub ] && return 0
		echo "$PF_PCI" > "$d/driver/unbind" || return 1
	fi
	echo pci-pf-stub > "$d/driver_override" || return 1
	echo "$PF_PCI" > /sys/bus/pci/drivers_probe || return 1
	[ "$(basename "$(readlink "$d/driver")")" = pci-pf-stub ]
}

vf0_bound() {
	[ "$(basename "$(readlink "/sys/bus/pci/devices/$(vf0_pci)/driver" 2> /dev/null)")" = srnic_vf ]
}

vf0_netdev() {
	local n
	for n in /sys/bus/pci/devices/"$(vf0_pci)"/net/*; do
		[ -e "$n" ] && { basename "$n"; return 0; }
	done
	return 1
}

# hostile SCENARIO: fake_pf plays SCENARIO while srnic_vf probes VF 0;
# sets PROBE to "failed" or "bound", and on "bound" CARRIER to 0 or 1
# (after the netdev was up for SETTLE seconds, default 2)
hostile() {
	local sc=$1 t0 t1 dev
	"$FAKE_PF" "$PF_RES" "$sc" 100 > "/tmp/fpf-$sc.log" 2>&1 &
	FPF_PID=$!
	sleep 0.5
	KLOG0=$(dmesg | wc -l)
	t0=$(now_ms)
	insmod /srnic/srnic_vf.ko || { not_ok "$sc: insmod srnic_vf" "$(dmesg | tail -5)"; return 1; }
	t1=$(now_ms)
	PROBE_MS=$((t1 - t0))
	CARRIER=
	if vf0_bound; then
		PROBE=bound
		dev=$(vf0_netdev) || dev=
		if [ -n "$dev" ]; then
			ip link set "$dev" up || true
			sleep "${SETTLE:-2}"
			CARRIER=$(cat "/sys/class/net/$dev/carrier" 2> /dev/null || echo 0)
		fi
	else
		PROBE=failed
	fi
	klog_since > "/tmp/klog-$sc"
	grep -E 'srnic_vf|probe' "/tmp/klog-$sc" | tail -6 | sed 's/^/# klog: /' >&8 || true
	diag "$sc: probe $PROBE in ${PROBE_MS} ms, carrier '${CARRIER}'"
}

# klog_since: the kernel log since hostile() loaded the driver
klog_since() {
	dmesg | tail -n +$((KLOG0 + 1))
}

# hostile_end SCENARIO: rmmod srnic_vf, stop fake_pf, show its summary,
# check this scenario's kernel log (the runner checks the whole test's)
hostile_end() {
	check "$1: rmmod srnic_vf" rmmod srnic_vf
	kill "$FPF_PID" 2> /dev/null || true
	wait "$FPF_PID" 2> /dev/null || true
	klog_since > "/tmp/klog-$1"
	klog_check "$1: kernel log clean" "/tmp/klog-$1"
	grep -E '^fake_pf' "/tmp/fpf-$1.log" | sed 's/^/# /' >&8 || true
	head -n 12 "/tmp/fpf-$1.log" | sed 's/^/#   /' >&8 || true
}
