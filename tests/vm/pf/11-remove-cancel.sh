# SPDX-License-Identifier: GPL-2.0
#
# Issue 7, defect 2, as the invariant itself rather than a crash: once
# srnic_pf_remove() has cancelled the watchdog, nothing queues it again.
# 08-remove-race waits for a watchdog that outlives the free, which the
# old code mostly got away with (the stray watchdog ran at once, before
# the free). Here the kernel's own trace says it: a kprobe on
# cancel_delayed_work_sync() called by rmmod, and the workqueue_queue_work
# tracepoint filtered on srnic_pf_watchdog. A queueing of the watchdog's
# work after rmmod's cancel of it is the defect, whether or not it ever
# crashes. Each round starts "ethtool --reset" (it ends by queueing the
# watchdog), waits until ethtool sleeps inside the reset, then runs
# rmmod, so that remove's cancel falls inside the reset.
# timeout: 300

N=${REMOVE_CANCEL:-8}
T=/sys/kernel/tracing

# wait_in_reset PID: wait until the ethtool at PID sleeps inside the
# kernel (the reset's usleep_range, in uninterruptible sleep); fails
# once it has exited, or after 2000 looks
wait_in_reset() {
	local st t=0

	while [ $t -lt 2000 ]; do
		st=$(cat "/proc/$1/stat" 2> /dev/null) || return 1
		case $st in
		*"(ethtool) D "*) return 0 ;;
		*") Z "*) return 1 ;;
		esac
		t=$((t + 1))
	done
	return 1
}

# wd_addr: srnic_pf_watchdog's address (it moves with every load)
wd_addr() {
	awk '$3 == "srnic_pf_watchdog" { print "0x" $1; exit }' /proc/kallsyms
}

trace_setup() {
	echo 0 > $T/tracing_on
	echo nohash-ptr > $T/trace_options 2> /dev/null || true
	echo 'p:srnic_t/cancel cancel_delayed_work_sync dwork=%di:x64' >> $T/kprobe_events || return 1
	echo 'comm == "rmmod"' > $T/events/srnic_t/cancel/filter || return 1
	echo 1 > $T/events/srnic_t/cancel/enable
	echo 1 > $T/events/workqueue/workqueue_queue_work/enable
}

trace_teardown() {
	echo 0 > $T/tracing_on
	echo 0 > $T/events/workqueue/workqueue_queue_work/enable
	echo 0 > $T/events/workqueue/workqueue_queue_work/filter 2> /dev/null || true
	echo 0 > $T/events/srnic_t/cancel/enable 2> /dev/null || true
	echo '-:srnic_t/cancel' >> $T/kprobe_events 2> /dev/null || true
	echo > $T/trace
}

# after_cancel FILE: "LATE CANCELS" from trace FILE: CANCELS is how many
# times rmmod cancelled the watchdog's work (a work the filtered
# tracepoint showed queued before), LATE how often it was queued again
# after that
after_cancel() {
	awk '
		/workqueue_queue_work:/ {
			w = ""
			for (i = 1; i <= NF; i++)
				if ($i ~ /^struct=/) w = substr($i, 8)
			sub(/^0x/, "", w)
			wd[w] = 1
			if (w in cancelled) late++
			next
		}
		/ cancel: / {
			for (i = 1; i <= NF; i++)
				if ($i ~ /^dwork=/) d = substr($i, 7)
			sub(/^0x/, "", d)
			# the watchdog: a work of this filter queued before
			if (d in wd) { cancelled[d] = 1; cancels++ }
		}
		END { printf "%d %d\n", late, cancels }' "$1"
}

cancel_loop() {
	local i=1 fail=0 caught=0 seen=0 late=0 ep a out

	while [ $i -le "$N" ]; do
		if ! pf_ensure > /tmp/rc.out 2>&1; then
			not_ok "round $i: PF up" "$(cat /tmp/rc.out)"
			fail=1
			break
		fi
		a=$(wd_addr)
		echo "function == $a" > $T/events/workqueue/workqueue_queue_work/filter
		echo > $T/trace
		echo 1 > $T/tracing_on
		# the watchdog's 2 s period queues it at least once: its address
		sleep 2.5
		ethtool --reset "$PF_IF" mac > /dev/null 2>&1 &
		ep=$!
		! wait_in_reset $ep || caught=$((caught + 1))
		if ! rmmod srnic_pf > /tmp/rc.out 2>&1; then
			not_ok "round $i: rmmod srnic_pf" "$(cat /tmp/rc.out)"
			fail=1
			break
		fi
		# the reset's end queues the watchdog, if anything does
		wait $ep 2> /dev/null || true
		sleep 1
		echo 0 > $T/tracing_on
		cat $T/trace > /tmp/rc.trace
		out=$(after_cancel /tmp/rc.trace)
		late=$((late + ${out%% *}))
		seen=$((seen + ${out#* }))
		if [ "${out%% *}" != 0 ]; then
			diag "round $i: the watchdog queued after remove cancelled it:"
			grep -E "cancel:|workqueue_queue_work:" /tmp/rc.trace | tail -n 6 |
				sed 's/^/#     /' >&8
		fi
		i=$((i + 1))
	done
	[ $fail = 0 ] || return 0
	diag "$N rounds: rmmod inside the reset in $caught, remove's cancel seen in $seen"
	# not vacuous: the trace must show remove cancelling the watchdog in
	# every round, and rmmod must have raced a reset at least once (5 and
	# 6 of 8 rounds in the first runs)
	if [ "$seen" -ge "$N" ] && [ "$caught" -ge 1 ]; then
		ok "rmmod cancelled the watchdog in every round ($seen), inside a reset in $caught"
	else
		not_ok "the trace shows remove's cancel, rmmod inside a reset" \
		       "cancel seen in $seen of $N rounds, rmmod inside a reset in $caught"
	fi
	if [ "$late" = 0 ]; then
		ok "nothing queued the watchdog after remove cancelled it"
	else
		not_ok "nothing queued the watchdog after remove cancelled it" "$late times in $N rounds"
	fi
}

if [ "$DRIVER" = igb ]; then
	skip "the watchdog after remove's cancel" "stock igb has no ETHTOOL_RESET"
else
	check "PF up" pf_ensure
	if trace_setup > /tmp/rc.out 2>&1; then
		ok "kprobe on cancel_delayed_work_sync, workqueue tracepoint"
		cancel_loop
	else
		not_ok "kprobe on cancel_delayed_work_sync, workqueue tracepoint" "$(cat /tmp/rc.out)"
	fi
	trace_teardown
	check "reload srnic_pf" pf_ensure
	check "ping after the rounds" wait_ping 10
fi
