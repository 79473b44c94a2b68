#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# DKMS on this host, as TAP: register the srnic source tree, build and
# install for Debian's 6.1 and 6.12 kernels (headers from tools/kver.sh),
# check that modprobe finds modules built for each kernel and signed with
# DKMS's MOK, then remove everything and check nothing is left.  Runs as
# root; refuses to touch an srnic DKMS install it did not make.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

[ "$(id -u)" = 0 ] || bail "dkms test needs root"
command -v dkms > /dev/null || bail "dkms is not installed (tools/setup.sh)"
ver=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"$/\1/p' "$top/dkms.conf")
[ -n "$ver" ] || bail "no PACKAGE_VERSION in dkms.conf"
[ -z "$(dkms status srnic)" ] && [ ! -e "/usr/src/srnic-$ver" ] ||
	bail "srnic is already registered with dkms or in /usr/src; not touching it"
mapfile -t kvers < <(kernels)
[ ${#kvers[@]} = 2 ] || bail "want the 6.1 and 6.12 headers, have: ${kvers[*]:-none}"

mok_keep_or_drop
cleanup_add "rm -rf /usr/src/srnic-$ver"
cleanup_add "dkms remove -m srnic -v $ver --all"
check "install the source tree in /usr/src/srnic-$ver" \
	make -s -C "$top" install-src DESTDIR=
check "dkms add srnic/$ver" dkms add -m srnic -v "$ver"

for k in "${kvers[@]}"; do
	check "dkms build for $k" dkms build -m srnic -v "$ver" -k "$k" ||
		tail -n 20 "/var/lib/dkms/srnic/$ver/build/make.log" 2> /dev/null | diag
	check "dkms install for $k" dkms install -m srnic -v "$ver" -k "$k"
	check "$k: modprobe finds srnic_{lib,pf,vf} in updates/dkms, vermagic $k, signed by the DKMS MOK" \
		installed_ok "$k" updates/dkms signed
done
st=$(dkms status -m srnic -v "$ver")
installed=$(grep -c ': installed$' <<< "$st")
if [ "$installed" = 2 ]; then
	ok "dkms status: installed for both kernels"
else
	not_ok "dkms status: installed for both kernels"
	echo "$st" | diag
fi

check "dkms remove --all" dkms remove -m srnic -v "$ver" --all
rm -rf "/usr/src/srnic-$ver"
left=$( {
	dkms status srnic 2> /dev/null
	srnic_files
	ls -d /var/lib/dkms/srnic 2> /dev/null
	for k in "${kvers[@]}"; do
		modinfo -k "$k" -F filename srnic_pf 2> /dev/null
	done
} )
if [ -z "$left" ]; then
	ok "nothing left: dkms status, /lib/modules/*/updates, /var/lib/dkms/srnic, modinfo"
else
	not_ok "nothing left: dkms status, /lib/modules/*/updates, /var/lib/dkms/srnic, modinfo"
	echo "$left" | diag
fi
finish
