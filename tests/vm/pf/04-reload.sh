# SPDX-License-Identifier: GPL-2.0
#
# 20 driver reloads (srnic_pf: rmmod srnic_pf && insmod srnic_pf; igb:
# rmmod igb && modprobe igb) with a ping after each; the runner then checks
# the kernel log for oopses and warnings.
# timeout: 600

N=${RELOADS:-20}

# kmem: unreclaimable slab + vmalloc + percpu, in kB.
kmem() {
	awk '/^(SUnreclaim|VmallocUsed|Percpu):/ { s += $2 } END { print s }' /proc/meminfo
}
# used: all memory not free, not page cache, not reclaimable slab, in kB
# (catches leaked pages too, e.g. RX buffers).
used() {
	awk '/^MemTotal:/ { s += $2 } /^(MemFree|Cached|Buffers|SReclaimable):/ { s -= $2 }
		END { print s }' /proc/meminfo
}
check "PF up" pf_ensure
fail=0
start=$(date +%s)
i=1
while [ $i -le "$N" ]; do
	if ! pf_unload > /tmp/reload.out 2>&1; then
		not_ok "reload $i: rmmod $DRIVER" "$(cat /tmp/reload.out)"
		fail=1
		break
	fi
	if pf_find 0; then
		not_ok "reload $i: netdev gone after rmmod" "$PF_IF still present"
		fail=1
		break
	fi
	# every MSI-X/MSI vector of the PF is freed
	if grep -q "$PF_PCI" /proc/interrupts; then
		not_ok "reload $i: PF interrupts freed after rmmod" \
			"$(grep "$PF_PCI" /proc/interrupts | head -n 3)"
		fail=1
		break
	fi
	if [ "$DRIVER" != igb ] && devlink dev show 2> /dev/null | grep "pci/$PF_PCI" > /dev/null; then
		not_ok "reload $i: devlink instance gone after rmmod"
		fail=1
		break
	fi
	if ! pf_load > /tmp/reload.out 2>&1; then
		not_ok "reload $i: load $DRIVER" "$(cat /tmp/reload.out)"
		fail=1
		break
	fi
	if ! pf_up 20 > /tmp/reload.out 2>&1; then
		not_ok "reload $i: PF up with carrier" "$(cat /tmp/reload.out)"
		fail=1
		break
	fi
	if ! wait_ping 10; then
		not_ok "reload $i: ping partner"
		fail=1
		break
	fi
	if [ $i = 2 ]; then
		mem_before=$(kmem)
		used_before=$(used)
	fi
	i=$((i + 1))
done
if [ $fail = 0 ]; then
	mem_after=$(kmem)
	used_after=$(used)
	dk=$((mem_after - mem_before))
	du=$((used_after - used_before))
	diag "kernel memory (SUnreclaim+VmallocUsed+Percpu) after reload 2: ${mem_before} kB, after reload $N: ${mem_after} kB, delta $dk kB"
	diag "used memory (Total-Free-Cached-Buffers-SReclaimable) delta $du kB"
	if [ $dk -le 4096 ] && [ $du -le 16384 ]; then
		ok "no memory leak over $((N - 2)) reloads (slab/vmalloc +$dk kB, used +$du kB)"
	else
		not_ok "no memory leak over $((N - 2)) reloads" "slab/vmalloc +$dk kB (limit 4096), used +$du kB (limit 16384)"
	fi
	ok "$N reloads of $DRIVER with a ping after each ($(( $(date +%s) - start )) s)"
fi
if [ "$DRIVER" != igb ] && [ $fail = 0 ]; then
	# Full unload of the shared module too, then back.
	check "unload $DRIVER and srnic_lib" pf_unload_all
	check "reload $DRIVER and srnic_lib" pf_load
fi
check "PF usable after reloads" pf_ensure
check "ping after reloads" wait_ping 10
