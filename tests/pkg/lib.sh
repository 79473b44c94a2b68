# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# KTAP helpers for the host-side packaging tests (sourced; the emitter is
# tests/ktap.sh).  Each test script installs real files on this host as
# root and must leave nothing behind: it registers its undo steps with
# `cleanup_add` and they run from an EXIT trap in reverse order, also when
# the script fails half-way.

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$top/tests/ktap.sh"
ktap_print_header
ok() { ktap_test_pass "$*"; }
not_ok() { ktap_test_fail "$*"; }
diag() { ktap_diag; }
# check NAME CMD...: one TAP point; the command's output goes to the
# diagnostics only when it fails.
check() {
	local name=$1 o
	shift
	if o=$("$@" 2>&1); then
		ok "$name"
	else
		not_ok "$name"
		printf '%s\n' "$o" | tail -n 25 | diag
		return 1
	fi
}
# bail NAME: a precondition failed; stop (the cleanup still runs).
bail() {
	not_ok "$*"
	ktap_finished
	exit 1
}

cleanups=()
cleanup_add() { cleanups+=("$*"); }
run_cleanups() {
	local i
	for ((i = ${#cleanups[@]} - 1; i >= 0; i--)); do
		eval "${cleanups[$i]}" > /dev/null 2>&1 || true
	done
	cleanups=()
}
finish() {
	ktap_finished
}
trap run_cleanups EXIT
trap 'exit 130' INT TERM

# DKMS signs with this key pair when it exists and creates it otherwise
# (Debian's dkms 3.0: there is no `dkms generate_mok` yet).  A test that
# makes DKMS create it removes it again.
MOK_KEY=/var/lib/dkms/mok.key
MOK_CERT=/var/lib/dkms/mok.pub
mok_keep_or_drop() {
	if [ ! -e "$MOK_KEY" ] && [ ! -e "$MOK_CERT" ]; then
		cleanup_add "rm -f $MOK_KEY $MOK_CERT"
	fi
}
mok_subject() {
	local cert=${1:-$MOK_CERT}
	openssl x509 -inform DER -in "$cert" -noout -subject -nameopt multiline |
		sed -n 's/^ *commonName *= *//p'
}

# srnic_files: every srnic module file DKMS or make install can leave.
srnic_files() {
	find /lib/modules/*/updates -name 'srnic_*.ko*' 2> /dev/null || true
}

# installed_ok KVER DIR: the three modules are where modprobe looks for
# KVER, built for KVER, and signed by the MOK (signer == the cert's CN).
installed_ok() {
	local k=$1 dir=$2 m f vm signer want
	want=$(mok_subject "${SIGN_CERT:-$MOK_CERT}")
	for m in srnic_lib srnic_pf srnic_vf; do
		f=$(modinfo -k "$k" -F filename "$m" 2>&1) || { echo "$m: $f"; return 1; }
		case $f in
		/lib/modules/"$k"/"$dir"/"$m".ko*) ;;
		*) echo "$m for $k resolves to $f, not under $dir"; return 1 ;;
		esac
		vm=$(modinfo -F vermagic "$f" | awk '{ print $1 }')
		[ "$vm" = "$k" ] || { echo "$f: vermagic $vm, kernel $k"; return 1; }
		if [ -n "${3:-}" ]; then
			signer=$(modinfo -F signer "$f")
			[ -n "$signer" ] && [ "$signer" = "$want" ] || {
				echo "$f: signer '$signer', want '$want'"; return 1; }
		fi
	done
	# srnic_pf needs srnic_lib: modprobe must find it the same way
	modprobe -S "$k" --show-depends srnic_pf | grep -q "/$dir/srnic_lib.ko" || {
		echo "modprobe -S $k --show-depends srnic_pf:"
		modprobe -S "$k" --show-depends srnic_pf; return 1; }
}

kernels() {
	local s k
	for s in 6.1 6.12; do
		k=$("$top"/tools/kver.sh --build "$s") && echo "$k"
	done
}
