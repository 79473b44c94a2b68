#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The plain kbuild path on this host, as TAP: in a clean copy of the tree,
# `make`, `make sign KEY= CERT=` with a throw-away key, `make install`
# (modules_install into updates/srnic + depmod) for the 6.12 headers; check
# that modprobe finds the signed modules, then `make uninstall` and check
# nothing is left.  Runs as root.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

[ "$(id -u)" = 0 ] || bail "install test needs root"
k=$("$top"/tools/kver.sh --build 6.12) || bail "no 6.12 headers"
kdir=/lib/modules/$k/build
[ -z "$(find "/lib/modules/$k/updates/srnic" -name 'srnic_*' 2> /dev/null)" ] ||
	bail "/lib/modules/$k/updates/srnic already holds srnic modules; not touching them"

had_updates=no
[ -d "/lib/modules/$k/updates" ] && had_updates=yes
tmp=$(mktemp -d /tmp/srnic-install.XXXXXX)
cleanup_add "rm -rf $tmp"
cleanup_add "rm -rf /lib/modules/$k/updates/srnic; [ $had_updates = yes ] || rmdir /lib/modules/$k/updates; depmod -a $k"
make -s -C "$top" install-src DESTDIR="$tmp" || bail "make install-src"
src=$(echo "$tmp"/usr/src/srnic-*)

check "throw-away signing key" openssl req -new -x509 -nodes -days 1 \
	-subj "/CN=srnic test signing key $$" -newkey rsa:2048 \
	-keyout "$tmp/key.pem" -outform DER -out "$tmp/cert.der"
check "make modules for $k" make -s -C "$src" KDIR="$kdir" modules
signer=$(modinfo -F signer "$src/srnic_pf.ko")
if [ -z "$signer" ]; then
	ok "before make sign srnic_pf.ko carries no signature"
else
	not_ok "before make sign srnic_pf.ko carries no signature: '$signer'"
fi
check "make sign KEY= CERT=" make -s -C "$src" KDIR="$kdir" sign \
	KEY="$tmp/key.pem" CERT="$tmp/cert.der"
check "make install" make -s -C "$src" KDIR="$kdir" install
SIGN_CERT=$tmp/cert.der check \
	"$k: modprobe finds srnic_{lib,pf,vf} in updates/srnic, vermagic $k, signed by the key" \
	installed_ok "$k" updates/srnic signed
check "make uninstall" make -s -C "$src" KDIR="$kdir" uninstall
left=$( {
	ls -A "/lib/modules/$k/updates/srnic" 2> /dev/null
	modinfo -k "$k" -F filename srnic_pf 2> /dev/null
	[ $had_updates = yes ] || ls -d "/lib/modules/$k/updates" 2> /dev/null
} )
if [ -z "$left" ]; then
	ok "uninstall: no srnic module or directory left for $k, modinfo finds none"
else
	not_ok "uninstall: no srnic module or directory left for $k, modinfo finds none"
	echo "$left" | diag
fi
finish
