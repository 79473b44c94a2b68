# SPDX-License-Identifier: GPL-2.0
#
# ethtool -e: the NVM through EERD. The whole dump has the length
# ethtool -i promises, starts with the permanent MAC (ethtool -P), and its
# words 0..0x3F sum to 0xBABA; a dump from an odd offset is the same bytes
# as the whole one; ethtool -E is refused (srnic_pf writes no NVM).
# timeout: 120

check "PF up" pf_ensure

ethtool -i "$PF_IF" > /tmp/nvm.i 2>&1 || true
check "ethtool -i: eeprom access" grep -qx "supports-eeprom-access: yes" /tmp/nvm.i

rc=0
ethtool -e "$PF_IF" raw on > /tmp/nvm.bin 2> /tmp/nvm.err || rc=$?
len=$(wc -c < /tmp/nvm.bin)
diag "ethtool -e: exit $rc, $len bytes $(head -c 200 /tmp/nvm.err)"
check "ethtool -e reads at least the 64 checksummed words" test "$rc" = 0 -a "$len" -ge 128

# od -An -tx1 -v: one hex byte per field
hexbytes() {
	od -An -tx1 -v | tr -s ' \n' '\n\n' | sed '/^$/d'
}
perm=$(ethtool -P "$PF_IF" | awk '{ print $NF }')
mac=$(head -c 6 /tmp/nvm.bin | hexbytes | paste -sd: -)
check "NVM words 0-2 are the permanent MAC ($mac, ethtool -P $perm)" test "$mac" = "$perm"

sum=$(head -c 128 /tmp/nvm.bin | hexbytes | awk '
	{ b[NR - 1] = $1 }
	function h(s,  i, v) { v = 0; for (i = 1; i <= length(s); i++) v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1; return v }
	END { for (i = 0; i < 128; i += 2) s += h(b[i]) + 256 * h(b[i + 1]); printf "%04x\n", s % 65536 }')
check "NVM words 0..0x3F sum to 0xBABA (0x$sum)" test "$sum" = baba

ethtool -e "$PF_IF" raw on offset 5 length 7 > /tmp/nvm.part 2>&1 || true
want=$(tail -c +6 /tmp/nvm.bin | head -c 7 | hexbytes | paste -sd' ' -)
got=$(hexbytes < /tmp/nvm.part | paste -sd' ' -)
check "ethtool -e offset 5 length 7 is bytes 5..11 of the dump ($got)" test "$got" = "$want"

if [ "$DRIVER" = igb ]; then
	skip "ethtool -E refused" "the stock igb writes the NVM"
else
	rc=0
	ethtool -E "$PF_IF" magic 0x10c98086 offset 0x10 value 0x55 > /tmp/nvm.E 2>&1 || rc=$?
	check "ethtool -E refused ($(head -c 100 /tmp/nvm.E))" \
		sh -c "[ $rc != 0 ] && grep -q 'Operation not supported' /tmp/nvm.E"
	ethtool -e "$PF_IF" raw on > /tmp/nvm.bin2 2>&1 || true
	check "NVM unchanged after the refused write" cmp -s /tmp/nvm.bin /tmp/nvm.bin2
fi
check "ping after the NVM reads" wait_ping 15
