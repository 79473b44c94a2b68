#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Print the newest installed kernel release of a series, e.g.
# "tools/kver.sh 6.12" -> 6.12.95+deb12-amd64. With --build, only releases
# whose headers are installed; otherwise only releases with an image in
# /boot (the VM boots it) and modules. Exits 1 if there is none.
set -euo pipefail

need=image
if [ "${1:-}" = --build ]; then
	need=build
	shift
fi
series=${1:?usage: $0 [--build] SERIES}
best=""
for d in /lib/modules/"$series".*; do
	[ -d "$d" ] || continue
	k=$(basename "$d")
	case $k in "$series".*-amd64) ;; *) continue ;; esac
	if [ $need = build ]; then
		[ -e "$d/build/Makefile" ] || continue
	else
		[ -e "/boot/vmlinuz-$k" ] && [ -e "$d/modules.dep" ] || continue
	fi
	best=$(printf '%s\n%s\n' "$best" "$k" | sed '/^$/d' | sort -V | tail -n 1)
done
[ -n "$best" ] || exit 1
echo "$best"
