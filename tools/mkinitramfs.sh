#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the base guest initramfs for the srnic VM tests: busybox-static,
# the real iproute2/ethtool/iperf3/tcpdump/ping binaries with their shared
# libraries, and the stock kernel modules the tests need (decompressed,
# with a guest modules.dep).  The result is cached under build/initramfs/
# and only rebuilt when an input changes.  Prints the path of the archive.
#
# The per-run overlay (/init, the tests, our .ko files) is appended by
# tools/vm.py as a second cpio archive.
#
# Usage: tools/mkinitramfs.sh [-k KVER] [-m MODDIR] [-o OUTDIR] [-f]
#   -m MODDIR  the modules of KVER (default /lib/modules/KVER; the debug
#              kernel of tools/debug-kernel.sh has its own)
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
KVER=${KVER:-$("$(dirname "$0")"/kver.sh 6.12)}
OUTDIR=$top/build/initramfs
force=0
MODDIR=
while getopts "k:m:o:f" opt; do
	case $opt in
	k) KVER=$OPTARG ;;
	m) MODDIR=$OPTARG ;;
	o) OUTDIR=$OPTARG ;;
	f) force=1 ;;
	*) echo "usage: $0 [-k KVER] [-m MODDIR] [-o OUTDIR] [-f]" >&2; exit 2 ;;
	esac
done

MODDIR=${MODDIR:-/lib/modules/$KVER}
# Stock modules the tests use; dependencies are added from modules.dep.
MODULES="virtio_net net_failover failover igb igbvf 8021q dca i2c-algo-bit
veth bridge macvlan tun sch_netem sch_tbf sch_htb cls_flower act_mirred
sch_ingress vfio vfio_pci vfio_iommu_type1 pci-pf-stub"
# Real binaries that must not be shadowed by busybox applets.
BINS="/usr/sbin/ip /usr/sbin/devlink /usr/sbin/tc /usr/sbin/bridge
/usr/sbin/ethtool /usr/bin/iperf3 /usr/bin/tcpdump /usr/bin/ss"
# udevadm (net_setup_link, rule tests), bash + driverctl (tests/vm/ops);
# driverctl is a bash script, so ldd finds nothing to copy for it.
OPT_BINS="/usr/bin/ping /usr/bin/nstat /usr/bin/udevadm /bin/bash /usr/sbin/driverctl"
BUSYBOX=/bin/busybox

for b in $BINS $BUSYBOX; do
	[ -x "$b" ] || { echo "mkinitramfs: missing $b (run tools/setup.sh)" >&2; exit 1; }
done
[ -f "$MODDIR/modules.dep" ] || { echo "mkinitramfs: no $MODDIR" >&2; exit 1; }
bins=""
for b in $BINS $OPT_BINS; do [ -x "$b" ] && bins="$bins $b"; done

# Resolve the module closure from modules.dep (paths relative to MODDIR).
modpaths() {
	local m dep line
	for m in "$@"; do
		m=${m//-/_}
		line=$(awk -v m="$m" -F: '{
			n = $1; sub(/.*\//, "", n); sub(/\.ko(\.[a-z]+)?$/, "", n);
			gsub(/-/, "_", n); if (n == m) { print; exit } }' "$MODDIR/modules.dep")
		if [ -z "$line" ]; then
			# Built in (or absent): nothing to ship.
			grep -qw "$m" "$MODDIR/modules.builtin.modinfo" 2>/dev/null || \
			grep -q "/$m.ko" "$MODDIR/modules.builtin" 2>/dev/null || \
				echo "mkinitramfs: warning: module $m not found" >&2
			continue
		fi
		echo "${line%%:*}"
		for dep in ${line#*:}; do echo "$dep"; done
	done | sort -u
}
mods=$(modpaths $MODULES)

# Cache key: this script, the kernel, and every input file's identity.
key=$( {
	cat "$0"
	echo "$KVER"
	stat -c '%n %s %Y' $BUSYBOX $bins "$MODDIR/modules.dep"
	for b in $bins; do ldd "$b" 2> /dev/null | awk '/=>/ { print $3 }'; done | sort -u | xargs -r stat -L -c '%n %s %Y'
	for m in $mods; do stat -c '%n %s %Y' "$MODDIR/$m"; done
} | sha256sum | cut -c1-16)
out=$OUTDIR/base-$KVER-$key.cpio.gz
if [ $force = 0 ] && [ -s "$out" ]; then
	echo "$out"
	exit 0
fi

mkdir -p "$OUTDIR"
stage=$(mktemp -d "$OUTDIR/stage.XXXXXX")
trap 'rm -rf "$stage"' EXIT
r=$stage/root
mkdir -p "$r"/{bin,sbin,usr/bin,usr/sbin,lib,lib64,etc,proc,sys,dev,tmp,run,var,mnt,root,srnic}
ln -s ../run "$r/var/run"

# Busybox applets, except the ones the real tools provide.
cp "$BUSYBOX" "$r/bin/busybox"
skip=" busybox "
for b in $bins; do skip="$skip$(basename "$b") "; done
case $skip in *" ping "*) skip="${skip}ping6 " ;; esac
for a in $($BUSYBOX --list); do
	case "$skip" in *" $a "*) continue ;; esac
	[ -e "$r/bin/$a" ] || ln -s busybox "$r/bin/$a"
done

# Real binaries at their usual places, plus /sbin and /bin aliases so any
# PATH order finds them before busybox.
for b in $bins; do
	n=$(basename "$b")
	cp -L "$b" "$r/sbin/$n"
	[ "$b" = "/sbin/$n" ] || [ "$b" = "/usr/sbin/$n" ] || ln -sf "/sbin/$n" "$r/bin/$n"
done
# Shared libraries (copied to their canonical paths and to /lib).
for b in $bins; do ldd "$b" 2> /dev/null || true; done | awk '/=>/ { print $3 } /^\t\/lib/ { print $1 }' | \
	sort -u | while read -r lib; do
		[ -f "$lib" ] || continue
		d=$r$(dirname "$lib")
		mkdir -p "$d"
		cp -L "$lib" "$d/"
	done
mkdir -p "$r/lib64"
[ -e "$r/lib64/ld-linux-x86-64.so.2" ] || cp -L /lib64/ld-linux-x86-64.so.2 "$r/lib64/"
cp -r /etc/iproute2 "$r/etc/" 2>/dev/null || true
printf 'root:x:0:0:root:/root:/bin/sh\ntcpdump:x:0:0::/:/bin/false\n' > "$r/etc/passwd"
printf 'root:x:0:\n' > "$r/etc/group"
printf '127.0.0.1 localhost\n' > "$r/etc/hosts"
printf 'hosts: files\n' > "$r/etc/nsswitch.conf"
printf 'tcp 6 TCP\nudp 17 UDP\nicmp 1 ICMP\n' > "$r/etc/protocols"

# Kernel modules, decompressed, with a guest modules.dep.
gm=$r/lib/modules/$KVER
mkdir -p "$gm"
for m in $mods; do
	dst=$gm/${m%.xz}
	mkdir -p "$(dirname "$dst")"
	case $m in
	*.ko.xz) xz -dc "$MODDIR/$m" > "$dst" ;;
	*.ko.zst) zstd -qdc "$MODDIR/$m" > "$dst" ;;
	*) cp "$MODDIR/$m" "$dst" ;;
	esac
done
cp "$MODDIR"/modules.builtin "$MODDIR"/modules.builtin.modinfo "$MODDIR"/modules.order "$gm/" 2>/dev/null || true
depmod -b "$r" "$KVER"

(cd "$r" && find . -print0 | LC_ALL=C sort -z | cpio --null -o -H newc --quiet -R 0:0) | \
	gzip -1 > "$stage/base.cpio.gz"
mv "$stage/base.cpio.gz" "$out"
# Keep only the newest few archives.
ls -t "$OUTDIR"/base-*.cpio.gz 2>/dev/null | tail -n +4 | xargs -r rm -f
echo "$out"
