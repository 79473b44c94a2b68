#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The Debian package on this host, as TAP, with the real dpkg: `make deb`,
# `apt-get install ./srnic-dkms_VERSION_all.deb` (its postinst has DKMS
# build and sign the modules for the installed kernels' headers), check
# the modules and the shipped files, then `apt-get remove` and `--purge`
# and check nothing is left.  Runs as root; refuses to touch an srnic
# install it did not make.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
export DEBIAN_FRONTEND=noninteractive

[ "$(id -u)" = 0 ] || bail "deb test needs root"
for c in dkms dpkg-buildpackage dh_dkms apt-get; do
	command -v "$c" > /dev/null || bail "$c is not installed (tools/setup.sh)"
done
ver=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"$/\1/p' "$top/dkms.conf")
deb=$top/srnic-dkms_${ver}_all.deb
dpkg-query -W srnic-dkms > /dev/null 2>&1 && bail "srnic-dkms is already installed; not touching it"
[ -z "$(dkms status srnic 2> /dev/null)" ] && [ ! -e "/usr/src/srnic-$ver" ] ||
	bail "srnic is already registered with dkms or in /usr/src; not touching it"
mapfile -t kvers < <(kernels)
[ ${#kvers[@]} -ge 1 ] || bail "no kernel headers to build for"

rm -f "$deb"
check "make deb builds $(basename "$deb")" make -s -C "$top" deb || bail "no package"
check "the package holds the DKMS tree, the udev rule, srnic-bind and /etc/srnic/devices" \
	bash -c "c=\$(dpkg-deb -c '$deb'); for f in ./usr/src/srnic-$ver/dkms.conf \
		./usr/src/srnic-$ver/pf/srnic_pf_main.c ./lib/udev/rules.d/70-srnic.rules \
		./usr/lib/srnic/srnic-bind ./etc/srnic/devices \
		./usr/share/doc/srnic-dkms/examples/70-srnic-sriov.link; do
		grep -q \" \$f\$\" <<< \"\$c\" || { echo missing \$f; exit 1; }; done"

mok_keep_or_drop
cleanup_add "rm -rf /usr/src/srnic-$ver /var/lib/dkms/srnic /etc/srnic"
cleanup_add "dkms remove -m srnic -v $ver --all"
cleanup_add "apt-get remove --purge -y -q srnic-dkms"
log=$top/build/pkg-deb-install.log
# udev_rules_ok FILE: udev parses FILE without a complaint. udevadm verify
# came with systemd 254; Debian 12 has 252 (bookworm-backports may give a
# newer one), whose udevadm test reads every rules file and names each
# bad line as FILE:LINE.
udev_rules_ok() {
	local f=$1 out

	if udevadm verify --help > /dev/null 2>&1; then
		udevadm verify "$f"
		return
	fi
	# udev names /usr/lib/udev on a merged-/usr system
	f=$(readlink -f "$f") || return 1
	out=$(udevadm test --action=add /sys/class/net/lo 2>&1) || true
	echo "$out" | grep -qF "Reading rules file: $f" || {
		echo "udevadm test did not read $f" >&2
		return 1
	}
	! echo "$out" | grep -F "$f:" >&2
}

mkdir -p "$top/build"
if apt-get install -y -q "$deb" > "$log" 2>&1; then
	ok "apt-get install ./$(basename "$deb")"
else
	not_ok "apt-get install ./$(basename "$deb")"
	tail -n 30 "$log" | diag
fi
grep -E '^(Building for|Building initial module|Error)' "$log" | diag
for k in "${kvers[@]}"; do
	check "$k: the postinst built srnic_{lib,pf,vf} into updates/dkms, vermagic $k, signed by the DKMS MOK" \
		installed_ok "$k" updates/dkms signed
done
check "udev accepts 70-srnic.rules" udev_rules_ok /lib/udev/rules.d/70-srnic.rules
check "srnic-bind ignores a device /etc/srnic/devices does not list" \
	/usr/lib/srnic/srnic-bind 0000:ff:1f.7

if apt-get remove -y -q srnic-dkms > "$log" 2>&1; then
	ok "apt-get remove srnic-dkms"
else
	not_ok "apt-get remove srnic-dkms"
	tail -n 30 "$log" | diag
fi
left=$( {
	dkms status srnic 2> /dev/null
	srnic_files
	ls -d "/usr/src/srnic-$ver" /var/lib/dkms/srnic /lib/udev/rules.d/70-srnic.rules \
		/usr/lib/srnic 2> /dev/null
} )
if [ -z "$left" ] && [ -e /etc/srnic/devices ]; then
	ok "remove: modules, DKMS tree and source gone, the conffile /etc/srnic/devices kept"
else
	not_ok "remove: modules, DKMS tree and source gone, the conffile /etc/srnic/devices kept"
	echo "${left:-/etc/srnic/devices missing}" | diag
fi
check "apt-get remove --purge srnic-dkms" apt-get remove --purge -y -q srnic-dkms
left=$( {
	dpkg-query -W -f='${db:Status-Status}\n' srnic-dkms 2> /dev/null | grep -v '^not-installed$'
	ls -d /etc/srnic 2> /dev/null
} )
if [ -z "$left" ]; then
	ok "purge: no dpkg record, no /etc/srnic"
else
	not_ok "purge: no dpkg record, no /etc/srnic"
	echo "$left" | diag
fi
rm -f "$deb"
finish
