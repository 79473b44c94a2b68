# SPDX-License-Identifier: GPL-2.0
#
# Helpers of the nested suite (sourced by setup.sh and the tests).
# L1 is this VM: srnic_pf, VF0 with an admin MAC on vfio-pci.  L2 is a
# QEMU (TCG) started here with VF0 assigned; its /init (l2-init) prints
# "L2: <uptime> <what>" milestones on its serial console, a file in L1.

L2_MAC=52:54:00:5a:01:00	# VF0's admin MAC, set by the L1 admin
L2_IP=192.0.2.50
L2_LOG=/tmp/l2-console.log
L2_MEM=${L2_MEM:-256M}

vf0_pci() {
	basename "$(readlink "/sys/bus/pci/devices/$PF_PCI/virtfn0" 2> /dev/null)" 2> /dev/null
}

# l2_start DRIVER [EXTRA QEMU ARGS]: boot L2 in the background (pid in
# L2_PID) with VF0 assigned, L2's driver for it DRIVER (srnic_vf, igbvf)
l2_start() {
	local drv=$1
	shift
	: > "$L2_LOG"
	# the same -kernel/-initrd boot as L1's, but qboot instead of SeaBIOS
	# (less firmware to run twice emulated) and one vCPU
	# no 64-bit PCI hole, as in L1: BAR0 of the assigned VF below 4 GiB.
	# (It still reads all zeros in L2 there, srnic_vf probe -EIO: issue 13
	# step 1 is open. Neither x-no-mmap=on (L2_NO_MMAP=on: vfio region
	# reads instead of the mmap) nor keeping VF0's COMMAND.MEMORY set from
	# L1 (vf0_cmd_watch) changed that.)
	qemu-system-x86_64 -accel tcg -cpu qemu64 -machine q35 \
		-global q35-pcihost.pci-hole64-size=0 \
		-bios /usr/share/qemu/qboot.rom -m "$L2_MEM" -smp 1 \
		-nodefaults -display none -vga none -no-reboot -monitor none \
		-kernel /nested/vmlinuz -initrd /nested/l2.cpio \
		-append "console=ttyS0,115200 panic=-1 loglevel=4 tsc=reliable no_timer_check mitigations=off l2drv=$drv l2ip=${L2_ADDR:-$L2_IP} l2peer=${L2_PEER:-$PARTNER_IP} l2steps=${L2_STEPS:-basic}" \
		-serial "file:$L2_LOG" \
		-device "vfio-pci,host=$(vf0_pci),x-no-mmap=${L2_NO_MMAP:-off}" "$@" \
		> /tmp/l2-qemu.log 2>&1 &
	L2_PID=$!
	L2_T0=$(cut -d' ' -f1 /proc/uptime)
	vf0_cmd_watch > /tmp/l2-vfcmd.log 2>&1 &
	L2_WATCH=$!
}

# vf0_cmd: VF0's PCI command register as L1 reads it (4 hex digits)
vf0_cmd() {
	od -An -tx2 -j4 -N2 "/sys/bus/pci/devices/$(vf0_pci)/config" | tr -d ' '
}

# vf0_cmd_watch: while L2 runs, log every change of VF0's command
# register as L1 sees it. QEMU's VF decodes its BAR only with the VF's
# own COMMAND.MEMORY set (a real VF has it hardwired to 0 and follows the
# PF's VF MSE), and a VF FLR clears it; vfio-pci virtualizes the bit for
# VFs, so an FLR from vfio (at open, at L2's reset) leaves the BAR dark
# for L2. With L2_MSE_KEEP=1 (the default) the watcher sets it again.
vf0_cmd_watch() {
	local c last="" t f

	f="/sys/bus/pci/devices/$(vf0_pci)/config"
	while l2_alive; do
		c=$(vf0_cmd)
		t=$(cut -d' ' -f1 /proc/uptime)
		if [ "$c" != "$last" ]; then
			echo "$t VF0 COMMAND 0x$c"
			last=$c
		fi
		if [ "${L2_MSE_KEEP:-1}" = 1 ] && [ -n "$c" ] && \
		   [ $((0x$c & 2)) = 0 ]; then
			c=$(printf '%04x' $((0x$c | 2)))
			# little endian, as octal escapes for busybox printf
			printf "$(printf '\\%03o\\%03o' $((0x$c & 255)) $((0x$c >> 8)))" |
				dd of="$f" bs=1 seek=4 conv=notrunc 2> /dev/null
			last=$(vf0_cmd)
			echo "$t VF0 COMMAND.MEMORY set again: 0x$last"
		fi
		sleep 0.5
	done
}

# l2_alive: the L2 QEMU runs (kill -0 alone would also find it as a zombie
# that nobody has waited for yet)
l2_alive() {
	local st

	st=$(sed -n 's/^[0-9]* (.*) \([A-Z]\) .*/\1/p' "/proc/$L2_PID/stat" 2> /dev/null)
	[ -n "$st" ] && [ "$st" != Z ] && [ "$st" != X ]
}

# l2_line WHAT: L2's milestone line WHAT (without the "L2: <uptime> ")
l2_line() {
	sed -n "s/^L2: [0-9.]* \($1.*\)/\1/p" "$L2_LOG" | tr -d '\r' | head -n1
}

# l2_has WHAT REGEX: L2's milestone line WHAT matches REGEX
l2_has() {
	local l
	l=$(l2_line "$1")
	grep -Eq "$2" <<- EOT
	$l
	EOT
}

# l2_wait WHAT TIMEOUT: wait for milestone WHAT on L2's console; prints
# the L1-side elapsed seconds since l2_start
l2_wait() {
	local end=$(( $(date +%s) + $2 ))
	while ! grep -q "^L2: [0-9.]* $1" "$L2_LOG" 2> /dev/null; do
		if ! l2_alive || [ "$(date +%s)" -ge "$end" ]; then
			return 1
		fi
		sleep 1
	done
	echo "$(cut -d' ' -f1 /proc/uptime) $L2_T0" | awk '{ printf "%.1f\n", $1 - $2 }'
}

# l2_stop: wait for L2's poweroff, kill it if it does not come
l2_stop() {
	local i=0
	while l2_alive && [ $i -lt 60 ]; do
		sleep 1
		i=$((i + 1))
	done
	l2_alive && kill -9 "$L2_PID" 2> /dev/null
	wait "$L2_PID" 2> /dev/null || true
	wait "$L2_WATCH" 2> /dev/null || true
	sed 's/^/#   L1: /' /tmp/l2-vfcmd.log >&8 2> /dev/null || true
}
