# SPDX-License-Identifier: GPL-2.0
#
# Helpers of the bench suite (sourced by its tests after lib.sh).
#
# A benchmark point is reported twice: as a normal guest TAP point (ok when
# the measurement worked, not ok only when it could not be taken) and as a
# machine-readable diagnostic line that tests/bench/run.sh parses from
# diag.log:
#   # BENCH-PLAN|SIDE|METRIC|DRIVER|ROUND      announced before measuring
#   # BENCH|SIDE|METRIC|DRIVER|ROUND|VALUE|UNIT|NOTE
#   # BENCH|SIDE|METRIC|DRIVER|ROUND|FAIL||REASON
# SIDE is "srnic" or "intree" (the table's column), METRIC names the row,
# ROUND ($BENCH_ROUND) counts the rounds of 01-rounds.sh: every driver is
# measured once per round, and run.sh aggregates the rounds.
# Numbers under TCG are only comparable within one run of run.sh.

BENCH_ROUNDS=${BENCH_ROUNDS:-3}
BENCH_ROUND=${BENCH_ROUND:-1}
BENCH_IPERF_TIME=${BENCH_IPERF_TIME:-3}
BENCH_IPERF_REPS=${BENCH_IPERF_REPS:-1}
BENCH_PING_COUNT=${BENCH_PING_COUNT:-50}
BENCH_FLR_WINDOW=${BENCH_FLR_WINDOW:-6}

# bench_side DRIVER: the table column a driver belongs to.
bench_side() {
	case $1 in
	srnic*) echo srnic ;;
	*) echo intree ;;
	esac
}

# bench_plan METRIC DRIVER: METRIC of DRIVER will be reported this round.
bench_plan() {
	diag "BENCH-PLAN|$(bench_side "$2")|$1|$2|$BENCH_ROUND"
}

# bench_point METRIC DRIVER VALUE UNIT [NOTE]
bench_point() {
	local note=${5:-}
	diag "BENCH|$(bench_side "$2")|$1|$2|$BENCH_ROUND|$3|$4|$note"
	ok "bench: round $BENCH_ROUND: $1 $2=$3 $4${note:+ ($note)}"
}

# bench_fail METRIC DRIVER REASON
bench_fail() {
	diag "BENCH|$(bench_side "$2")|$1|$2|$BENCH_ROUND|FAIL||$3"
	not_ok "bench: round $BENCH_ROUND: $1 $2" "measurement failed: $3"
}

# reversed WORD...: the words in reverse order.
reversed() {
	local w r=""
	for w in "$@"; do r="$w${r:+ $r}"; done
	echo "$r"
}

# bench_rounds VISIT: BENCH_ROUNDS rounds; in each, VISIT runs once under
# every PF driver of BENCH_PF_DRIVERS, in the order AB BA AB ..., with
# DRIVER set to it; afterwards the PF driver and all it pulled in are
# unloaded (bench_pf_off, tests/bench/pf.sh). VISIT may leave a word for
# the round's log line in BENCH_VISIT_NOTE.
bench_rounds() {
	local pfs pd t0

	BENCH_ROUND=1
	while [ "$BENCH_ROUND" -le "$BENCH_ROUNDS" ]; do
		pfs=$BENCH_PF_DRIVERS
		# shellcheck disable=SC2086
		[ $((BENCH_ROUND % 2)) = 1 ] || pfs=$(reversed $pfs)
		for pd in $pfs; do
			DRIVER=$pd
			BENCH_VISIT_NOTE=""
			t0=$(now_ms)
			"$1"
			if ! bench_pf_off > /tmp/off.out 2>&1; then
				sed 's/^/#   /' /tmp/off.out >&8
				not_ok "round $BENCH_ROUND: $pd unloaded" "$(cat /tmp/off.out)"
			fi
			diag "round $BENCH_ROUND: PF $pd${BENCH_VISIT_NOTE:+, $BENCH_VISIT_NOTE}: $(($(now_ms) - t0)) ms"
		done
		BENCH_ROUND=$((BENCH_ROUND + 1))
	done
}

# bench_rmmod MODULE...: unload those of MODULE... that are loaded, in
# as many passes as their dependencies need; fails if one stays.
bench_rmmod() {
	local m left pass=0
	while [ $pass -lt 4 ]; do
		left=""
		for m in "$@"; do
			mod_loaded "$m" || continue
			rmmod "$m" 2> /dev/null || left="$left $m"
		done
		[ -n "$left" ] || return 0
		# shellcheck disable=SC2086
		set -- $left
		pass=$((pass + 1))
	done
	echo "still loaded:$left" >&2
	return 1
}

# median VALUES...: the median (mean of the two middle values when even).
median() {
	printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 }
		END { if (NR == 0) exit 1
		      m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		      printf (m < 10 ? "%.3g\n" : "%.1f\n"), m }'
}

# mem_avail: MemAvailable in kB after dropping the page cache: the median
# of three samples, then the samples ("1234 1230,1234,1240").
mem_avail() {
	local i v=""
	for i in 1 2 3; do
		sync
		echo 3 > /proc/sys/vm/drop_caches
		sleep 0.3
		v="$v $(awk '/^MemAvailable:/ { print $2 }' /proc/meminfo)"
	done
	# shellcheck disable=SC2086
	echo "$(printf '%s\n' $v | sort -n | sed -n 2p)$(echo "$v" | tr ' ' ',' | sed 's/^,/ /')"
}

# coresize MODULE...: sum of /sys/module/M/coresize in bytes.
coresize() {
	local m s=0
	for m in "$@"; do
		[ -r "/sys/module/$m/coresize" ] || return 1
		s=$((s + $(cat "/sys/module/$m/coresize")))
	done
	echo $s
}

# modules_list: loaded modules, one "name size" a line, sorted.
modules_list() {
	awk '{ print $1, $2 }' /proc/modules | sort
}

# iperf_rate NS ARGS...: one iperf3 client run (ARGS without -t/-f) in
# namespace NS ("" for the root namespace); prints the receiver's rate in
# Mbit/s.
iperf_rate() {
	local ns=$1 out=/tmp/bench-iperf.out rate
	shift
	set -- iperf3 "$@" -t "$BENCH_IPERF_TIME" -f m
	[ -z "$ns" ] || set -- /sbin/ip netns exec "$ns" "$@"
	timeout $((BENCH_IPERF_TIME + 30)) "$@" > $out 2>&1 || {
		sed 's/^/#     /' $out | tail -n 5 >&8
		return 1
	}
	rate=$(grep 'receiver$' $out | tail -n 1 |
		awk '{ for (i = 1; i <= NF; i++) if ($i == "Mbits/sec") print $(i - 1) }')
	[ -n "$rate" ] || { tail -n 5 $out | sed 's/^/#     /' >&8; return 1; }
	echo "$rate"
}

# bench_iperf METRIC DRIVER NS ARGS...: BENCH_IPERF_REPS iperf3 client runs
# (see iperf_rate), report the median.
bench_iperf() {
	local metric=$1 drv=$2 r rates="" i=0
	shift 2
	while [ $i -lt "$BENCH_IPERF_REPS" ]; do
		if r=$(iperf_rate "$@"); then
			rates="$rates $r"
		else
			bench_fail "$metric" "$drv" "iperf3 run $((i + 1)) failed: iperf3 $*"
			return 0
		fi
		i=$((i + 1))
	done
	# shellcheck disable=SC2086
	bench_point "$metric" "$drv" "$(median $rates)" Mbit/s \
		"median of $BENCH_IPERF_REPS x ${BENCH_IPERF_TIME} s:$(echo "$rates" | sed 's/ /, /g; s/^,//')"
}

# bench_ping METRIC DRIVER CMD...: CMD is a ping command without count and
# interval (e.g. "in_partner ping 192.0.2.1"); reports the average RTT of
# BENCH_PING_COUNT pings at 10 ms.
bench_ping() {
	local metric=$1 drv=$2 out=/tmp/bench-ping.out avg loss
	shift 2
	"$@" -q -c "$BENCH_PING_COUNT" -i 0.01 -W 2 > $out 2>&1 || true
	avg=$(sed -n 's/^rtt [^=]*= *[0-9.]*\/\([0-9.]*\)\/.*/\1/p' $out)
	loss=$(sed -n 's/.* \([0-9.]*%\) packet loss.*/\1/p' $out)
	if [ -n "$avg" ]; then
		bench_point "$metric" "$drv" "$avg" ms "avg of $BENCH_PING_COUNT at 10 ms, loss ${loss:-?}"
	else
		sed 's/^/#     /' $out | tail -n 5 >&8
		bench_fail "$metric" "$drv" "no ping replies"
	fi
}

