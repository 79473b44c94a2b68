#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Install everything srnic needs to build, test and demo on Debian 12.
# Idempotent: when every package is present it only checks and exits.
set -euo pipefail

KVER_NEW_PKG="linux-image-amd64 linux-headers-amd64"
# linux-source-6.12: checkpatch, kunit.py (make check) and the debug kernel
# (make check-debug)
BPO_PKGS="qemu-system-x86 qemu-utils linux-source-6.12 $KVER_NEW_PKG"
PKGS="build-essential bc bison flex libelf-dev libssl-dev kmod cpio xz-utils zstd
busybox-static iproute2 iputils-ping ethtool iperf3 tcpdump sparse clang-14 libclang-rt-14-dev
llvm-14 python3 python3-matplotlib socat procps
dkms debhelper dh-dkms dpkg-dev openssl driverctl udev mokutil python3-sphinx"

need=()
have() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"; }

# The 6.1 headers come from bookworm proper, the 6.12 image and headers
# and QEMU >= 8 from bookworm-backports.
hdr61=$(ls -d /usr/src/linux-headers-6.1.*-amd64 2>/dev/null | head -n1 || true)
hdr612=$(ls -d /usr/src/linux-headers-6.12.*-amd64 2>/dev/null | head -n1 || true)
img612=$(ls /boot/vmlinuz-6.12.* 2>/dev/null | head -n1 || true)
for p in $PKGS; do have "$p" || need+=("$p"); done
qemu_ok=0
if command -v qemu-system-x86_64 >/dev/null; then
	v=$(qemu-system-x86_64 --version | sed -n 's/.*version \([0-9]*\)\..*/\1/p')
	[ "${v:-0}" -ge 8 ] && qemu_ok=1
fi

if [ ${#need[@]} -eq 0 ] && [ -n "$hdr61" ] && [ -n "$hdr612" ] && \
   [ -n "$img612" ] && [ $qemu_ok = 1 ] && [ -e /usr/src/srnic-checkpatch/checkpatch.pl ]; then
	exit 0
fi

if [ "$(id -u)" != 0 ]; then
	echo "setup: missing packages; run as root: $0" >&2
	exit 1
fi

export DEBIAN_FRONTEND=noninteractive
bpo=/etc/apt/sources.list.d/srnic-bookworm-backports.list
if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
	echo "deb http://deb.debian.org/debian bookworm-backports main" > "$bpo"
fi
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" ${PKGS} >/dev/null
if [ -z "$hdr61" ]; then
	# Debian 12's own kernel headers (6.1) for the compile matrix.
	v61=$(apt-cache depends linux-headers-amd64/bookworm 2>/dev/null | \
	      sed -n 's/.*Depends: \(linux-headers-6\.1\.[^ ]*-amd64\).*/\1/p' | head -n1)
	apt-get install -y -qq --no-install-recommends "${v61:-linux-headers-6.1.0-35-amd64}" >/dev/null
fi
apt-get install -y -qq --no-install-recommends -t bookworm-backports $BPO_PKGS >/dev/null

# checkpatch.pl and its data files come from the 6.12 kernel source package.
if [ ! -e /usr/src/srnic-checkpatch/checkpatch.pl ]; then
	apt-get install -y -qq --no-install-recommends -t bookworm-backports linux-source-6.12 >/dev/null
	tarball=$(ls /usr/src/linux-source-6.12*.tar.* | head -n1)
	top=$(basename "$tarball" | sed 's/\.tar\..*//')
	tmp=$(mktemp -d)
	tar -C "$tmp" -xf "$tarball" "$top/scripts/checkpatch.pl" \
		"$top/scripts/spelling.txt" "$top/scripts/const_structs.checkpatch"
	mkdir -p /usr/src/srnic-checkpatch
	cp "$tmp/$top/scripts/"* /usr/src/srnic-checkpatch/
	rm -rf "$tmp"
fi
echo "setup: done"
