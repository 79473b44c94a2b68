# SPDX-License-Identifier: GPL-2.0
#
# Issue 7, defect 9: while a MAC reset runs, nothing but the reset path
# reads the device. On silicon a register read during CTRL.RST may return
# all ones, and the accessor then retires the PF for good; QEMU's model
# resets at once and never shows that, so the test watches the register
# reads themselves in QEMU's trace. Statistics readers hammer the PF while
# it is reset N times: two loops of the shell's own read of /proc/net/dev
# (no fork, so the second vCPU reads nearly all the time) and one of
# ethtool -S. A window opens at the CTRL.RST write
# (e1000e_core_ctrl_sw_reset) and closes at the first MDIC write after it
# (the BMCR write that ends srnic_pf_phy_init(), before the reset lets
# readers back in); a read of the statistics block (0x4000-0x42ff, which
# only the readers touch) inside a window is the defect.
# timeout: 300

N=${RESET_READERS:-30}
EVS="e1000e_core_read e1000e_core_ctrl_sw_reset igb_core_mdic_write"
STATS_RX='e1000e_core_read.*register.0x4[0-2][0-9a-f][0-9a-f],'

# readers: read every netdev's statistics until killed
readers() {
	local l

	while :; do
		while read -r l; do :; done < /proc/net/dev
	done
}

# ethtool_readers IF: the ethtool statistics until killed
ethtool_readers() {
	while :; do
		ethtool -S "$1" > /dev/null 2>&1 || true
	done
}

# reset_loop MARK: N resets under two reader loops, then the verdict
reset_loop() {
	local m=$1 p1 p2 p3 i=1 fail=0 out head w o h reads

	readers &
	p1=$!
	readers &
	p2=$!
	ethtool_readers "$PF_IF" &
	p3=$!
	while [ $i -le "$N" ]; do
		if ! ethtool --reset "$PF_IF" mac > /tmp/rr.out 2>&1; then
			not_ok "reset $i under the readers" "$(cat /tmp/rr.out)"
			fail=1
			break
		fi
		i=$((i + 1))
	done
	kill $p1 $p2 $p3 2> /dev/null || true
	wait $p1 $p2 $p3 2> /dev/null || true
	host trace_off $EVS > /dev/null || true
	[ $fail = 0 ] || return 0
	ok "$N resets under statistics readers"

	out=$(host trace_window "$m" e1000e_core_ctrl_sw_reset \
	      igb_core_mdic_write "$STATS_RX") || true
	head=$(echo "$out" | head -n 1)
	w=$(echo "$head" | sed -n 's/.*windows=\([0-9]*\).*/\1/p')
	o=$(echo "$head" | sed -n 's/.*open=\([0-9]*\).*/\1/p')
	h=$(echo "$head" | sed -n 's/.*hits=\([0-9]*\).*/\1/p')
	diag "trace: $head"
	if [ "${w:-0}" -ge "$N" ] && [ "${o:-1}" = 0 ]; then
		ok "every reset seen in the trace ($w CTRL.RST windows, all closed)"
	else
		not_ok "every reset seen in the trace" "$head"
	fi
	# the hit pattern matches what the readers really do: not vacuous
	reads=$(trace_count "$m" "$STATS_RX")
	if [ "${reads:-0}" -gt 0 ]; then
		ok "the readers read the statistics block ($reads reads)"
	else
		not_ok "the readers read the statistics block" "no read matched /$STATS_RX/"
	fi
	if [ "${h:-1}" = 0 ]; then
		ok "no statistics read inside a MAC reset"
	else
		not_ok "no statistics read inside a MAC reset" \
		       "$h reads between CTRL.RST and the PHY restart: $(echo "$out" | sed -n 2,4p)"
	fi
}

if [ "$DRIVER" = igb ]; then
	skip "statistics readers during ethtool --reset" "stock igb has no ETHTOOL_RESET"
else
	check "PF up" pf_ensure
	check "trace_on $EVS" host trace_on $EVS
	reset_loop "$(trace_mark)"
	check "carrier back after the resets" wait_until 10 has_carrier "$PF_IF"
	check "ping after the resets" wait_ping 10
fi
