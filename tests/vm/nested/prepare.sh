#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Run by tools/vm.py on the host with the L1 overlay stage as $1: ship an
# L2 QEMU (the host's qemu-system-x86_64 and its libraries), the firmware
# it needs for a -kernel boot (qboot, SeaBIOS, the linuxboot option ROM),
# the L2 kernel (the same Debian vmlinuz) and a tiny L2 initramfs built
# here (busybox, l2-init, srnic_lib/srnic_vf, igbvf, virtio-net/failover).
set -euo pipefail
stage=$1
KVER=${KVER:?}
KO_DIR=${KO_DIR:?}
here=$(cd "$(dirname "$0")" && pwd)
qemu=$(command -v qemu-system-x86_64)
moddir=/lib/modules/$KVER

# copy a file to the same path under $2, symlinks resolved
put() {
	mkdir -p "$2$(dirname "$1")"
	cp -L "$1" "$2$1"
}

# the same for a binary and its shared libraries
put_bin() {
	put "$1" "$2"
	ldd "$1" | awk '/=>/ { print $3 } /^\t\/lib/ { print $1 }' | sort -u | \
		while read -r lib; do [ -f "$lib" ] && put "$lib" "$2"; done
}

put_bin "$qemu" "$stage"
for f in /usr/share/qemu/qboot.rom /usr/share/qemu/linuxboot_dma.bin \
	 /usr/share/qemu/linuxboot.bin /usr/share/qemu/kvmvapic.bin \
	 /usr/share/qemu/pvh.bin /usr/share/seabios/bios-256k.bin \
	 /usr/share/seabios/bios.bin; do
	put "$f" "$stage"
done

n=$stage/nested
mkdir -p "$n"
cp /boot/vmlinuz-"$KVER" "$n/vmlinuz"

# The L2 initramfs: no shared libraries, only static busybox.
l2=$(mktemp -d)
trap 'rm -rf "$l2"' EXIT
mkdir -p "$l2"/{bin,proc,sys,dev,tmp,srnic}
cp /bin/busybox "$l2/bin/busybox"
ln -s busybox "$l2/bin/sh"
cp "$here/l2-init" "$l2/init"
chmod 755 "$l2/init"
for m in srnic_lib srnic_vf; do
	strip --strip-debug -o "$l2/srnic/$m.ko" "$KO_DIR/$m.ko"
done
for m in drivers/net/ethernet/intel/igbvf/igbvf drivers/net/virtio_net \
	 drivers/net/net_failover net/core/failover; do
	src=$(ls "$moddir/kernel/$m".ko* | head -n1)
	dst=$l2/srnic/$(basename "$m").ko
	case $src in
	*.xz) xz -dc "$src" > "$dst" ;;
	*.zst) zstd -qdc "$src" > "$dst" ;;
	*) cp "$src" "$dst" ;;
	esac
done
# iperf3 and its libraries, for the guest's TCP stream
put_bin /usr/bin/iperf3 "$l2"
ln -s ../usr/bin/iperf3 "$l2/bin/iperf3"
(cd "$l2" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0) > "$n/l2.cpio"
