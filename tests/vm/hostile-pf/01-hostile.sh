# SPDX-License-Identifier: GPL-2.0
#
# Issue 7 defect 1 and its neighbours: srnic_vf probes VF 0 while fake_pf
# answers its mailbox with hostile scripts. Each time: probe fails cleanly
# or registers without carrier, rmmod works, and the guest is still fine
# long after (the old probe error path left its service work running on
# freed memory; slub_debug/init_on_free/KFENCE make that an oops, which
# the runner finds in the kernel log after the test).
# timeout: 150
. /tests/hostile-pf/hplib.sh

# the fake PF itself works: an honest one gets the VF up on API 1.0
hostile honest
if [ "$PROBE" = bound ] && grep -q 'PF-assigned MAC, mailbox API 1.0' /tmp/klog-honest; then
	ok "honest fake PF: VF 0 probed with the PF's MAC, API 1.0"
else
	not_ok "honest fake PF: VF 0 probed with the PF's MAC, API 1.0" "probe $PROBE"
fi
hostile_end honest

# defect 1: VF_RESET "again" twice (a reply to another message), then a
# word naming VF_RESET that is no legal reply: -EPROTO, probe fails
hostile again2-garbage
if [ "$PROBE" = failed ] && grep -q 'reset handshake with garbage' /tmp/klog-again2-garbage; then
	ok "again2-garbage: probe failed cleanly (-EPROTO) in ${PROBE_MS} ms"
else
	not_ok "again2-garbage: probe failed cleanly" "probe $PROBE, carrier '$CARRIER'"
fi
check "again2-garbage: the PF saw 3 handshakes" \
	grep -q '^vf reset 3$' /tmp/fpf-again2-garbage.log
hostile_end again2-garbage
# the old code ran the freed service work 50 ms later, and again after
sleep 10
check "guest alive 10 s after the failed probe" test -d /proc/self

# NACK without CTS twice, then garbage: the same end
hostile nack2-garbage
if [ "$PROBE" = failed ]; then
	ok "nack2-garbage: probe failed cleanly in ${PROBE_MS} ms"
else
	not_ok "nack2-garbage: probe failed cleanly" "probe $PROBE, carrier '$CARRIER'"
fi
hostile_end nack2-garbage

# silence: one mailbox timeout, then up without carrier, retrying
hostile silent
if [ "$PROBE" = bound ] && [ "$CARRIER" = 0 ] && [ "$PROBE_MS" -lt 8000 ]; then
	ok "silent: probe done in ${PROBE_MS} ms, no carrier"
else
	not_ok "silent: probe done promptly, no carrier" "probe $PROBE in ${PROBE_MS} ms, carrier '$CARRIER'"
fi
hostile_end silent

# replies to the wrong message, and random words: never a carrier
for sc in wrong garbage; do
	hostile "$sc"
	if [ "$PROBE" = failed ] || [ "$CARRIER" = 0 ]; then
		ok "$sc: probe ${PROBE} in ${PROBE_MS} ms, no carrier"
	else
		not_ok "$sc: no carrier" "probe $PROBE, carrier '$CARRIER'"
	fi
	hostile_end "$sc"
done

# RSTD storm over an honest PF: the VF keeps resetting, never gives up,
# and still unloads
SETTLE=4 hostile rstd-storm
if [ "$PROBE" = bound ]; then
	ok "rstd-storm: probe bound in ${PROBE_MS} ms (carrier '$CARRIER')"
else
	not_ok "rstd-storm: probe bound" "probe $PROBE"
fi
hs=$(grep -c '^vf reset' /tmp/fpf-rstd-storm.log || true)
diag "rstd-storm: $hs VF resets seen by the PF"
hostile_end rstd-storm

sleep 10
check "guest alive 10 s after the last scenario" test -d /proc/self
