#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the debug kernel of `make check-debug` from Debian's
# linux-source-6.12, once per machine, with srnic in the tree.
#
# Config: x86_64_defconfig + kernel/configs/kvm_guest.config +
# kernel/configs/debug.config + tools/debug-kernel/srnic.config (KASAN,
# lockdep, DMA-API debugging, kmemleak, debug objects, UBSAN, KUnit; what
# the VM suites need; subsystems no test uses switched off). The build is
# cached under $SRNIC_CACHE (default /var/cache/srnic) by the hash of the
# source package version and of the config inputs; srnic itself is synced
# into the cached tree (tools/intree.sh) and rebuilt, W=1, on every call.
#
# Prints, last, one line of shell assignments for the caller:
#   DK_KERNEL=bzImage DK_KREL=release DK_MODDIR=lib/modules/release
#   DK_KO=dir of the in-tree srnic .ko files
#
# Usage: tools/debug-kernel.sh [-q]
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
quiet=0
[ "${1:-}" = -q ] && quiet=1
say() { [ $quiet = 1 ] || echo "debug-kernel: $*" >&2; }

tarball=$(ls /usr/src/linux-source-6.12.tar.* 2> /dev/null | head -n1)
[ -n "$tarball" ] || { echo "debug-kernel: no linux-source-6.12 (run make setup)" >&2; exit 1; }
srcver=$(dpkg-query -W -f='${Version}' linux-source-6.12)
frag=$top/tools/debug-kernel/srnic.config
key=$( { echo "$srcver"; cat "$frag"; sed -n '/^# ---- key/,/^# ---- end of key/p' "$0"; } |
	sha256sum | cut -c1-16)
cache=${SRNIC_CACHE:-/var/cache/srnic}/debug-kernel
dir=$cache/$key
src=$dir/src
obj=$dir/obj
jobs=$(nproc)
log=$dir/build.log

# ---- key: what decides the kernel build; editing it rebuilds -----------
kmake() { make -s -C "$src" O="$obj" -j"$jobs" "$@"; }

configure() {
	kmake x86_64_defconfig
	KCONFIG_CONFIG=$obj/.config "$src/scripts/kconfig/merge_config.sh" -m -O "$obj" \
		"$obj/.config" "$src/kernel/configs/kvm_guest.config" \
		"$src/kernel/configs/debug.config" "$frag" > "$dir/merge.log" 2>&1
	kmake olddefconfig
	# every =y/=m the fragment asks for must have survived olddefconfig
	local want miss=0
	while IFS= read -r want; do
		grep -qx "$want" "$obj/.config" && continue
		echo "debug-kernel: $want did not stick" >&2
		miss=1
	done < <(grep -E '^CONFIG_[A-Z0-9_]+=(y|m)$' "$frag")
	return $miss
}
# ---- end of key -----------------------------------------------------------

if [ ! -e "$dir/done" ]; then
	say "cold build in $dir (log: $log)"
	t0=$(date +%s)
	# an interrupted build resumes where it stopped
	if [ ! -e "$dir/configured" ]; then
		rm -rf "$dir"
		mkdir -p "$src" "$obj"
		tar -C "$src" --strip-components=1 -xf "$tarball"
		"$top/tools/intree.sh" "$src" > /dev/null
		configure
		touch "$dir/configured"
	fi
	"$top/tools/intree.sh" "$src" > /dev/null
	kmake bzImage modules > "$log" 2>&1 || { tail -n 40 "$log" >&2; exit 1; }
	rm -rf "$dir/mods"
	kmake INSTALL_MOD_PATH="$dir/mods" INSTALL_MOD_STRIP=1 modules_install >> "$log" 2>&1
	echo "$(( $(date +%s) - t0 ))" > "$dir/cold-seconds"
	touch "$dir/done"
	say "built in $(cat "$dir/cold-seconds") s"
fi

krel=$(cat "$obj/include/config/kernel.release")
moddir=$dir/mods/lib/modules/$krel
# srnic as it is now, in the tree, with W=1: only its directory rebuilds
"$top/tools/intree.sh" "$src" > /dev/null
kmake olddefconfig
kos=$(sed -n 's/^obj-\$(CONFIG_\(SRNIC_[A-Z_]*\)) += \(srnic_[a-z]*\)\.o$/\1 \2/p' \
	"$src/drivers/net/ethernet/intel/srnic/Makefile" |
	while read -r sym m; do
		grep -q "^CONFIG_$sym=m" "$obj/.config" && echo "drivers/net/ethernet/intel/srnic/$m.ko"
	done)
# shellcheck disable=SC2086
kmake W=1 $kos > "$dir/srnic.log" 2>&1 || { cat "$dir/srnic.log" >&2; exit 1; }
if grep -E 'warning:|error:' "$dir/srnic.log" >&2; then
	echo "debug-kernel: srnic in-tree W=1 build has warnings" >&2
	exit 1
fi
kodir=$obj/drivers/net/ethernet/intel/srnic
mkdir -p "$moddir/kernel/drivers/net/ethernet/intel/srnic"
cp "$kodir"/*.ko "$moddir/kernel/drivers/net/ethernet/intel/srnic/"
depmod -b "$dir/mods" "$krel"
echo "DK_KERNEL=$obj/arch/x86/boot/bzImage DK_KREL=$krel DK_MODDIR=$moddir DK_KO=$kodir"
