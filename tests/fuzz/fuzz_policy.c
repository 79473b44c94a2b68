// SPDX-License-Identifier: GPL-2.0
/* libFuzzer target for the PF mailbox server (pf/srnic_pf_policy.c) and the
 * switch model (pf/srnic_pf_switch.c).
 *
 * The input is a program: a VF count, then operations, each chosen by one
 * byte: a VF message with arbitrary words (biased towards real message IDs
 * so the fuzzer gets past the dispatcher), time steps, VF FLRs, admin
 * changes, PF resets, link changes, PF-side filter changes, VF acks.
 *
 * After every operation the whole state is checked; any violation aborts:
 *   - a VF message changed nothing outside the sender's VPort and policy
 *     state (other VPorts, other VFs' state, other pools' RAR entries);
 *   - RAR/VLVF/MTA/VFTA bookkeeping is consistent and within capacity,
 *     per-VF limits hold (3 filters, 30 hashes, the VLAN quota), the free
 *     RAR entries cover every pool's unused guarantee and the PF holds no
 *     more VLVF entries alone than its share;
 *   - fairness: a refusal for room only ever hits a VF at its own quota;
 *     whatever happened, every VF below its quota can still add a VLAN
 *     and a unicast filter through the mailbox, and the administrator can
 *     still give every VF a port VLAN and a fresh MAC and take its trust
 *     away (probed on a copy of the state, one probe every 4 steps in turn
 *     and all of them at the end); an admin change fails only for its own
 *     arguments or an address another port really holds;
 *   - the register shadow equals what the logical state implies for the
 *     policy-owned registers (spoofchk, port VLAN, rate, rx/tx enables,
 *     admin MAC) - "policy survives everything";
 *   - replies are well formed (length, echo, exactly one of ACK/NACK,
 *     CTS as the state says, the exact VF_RESET forms);
 *   - a flush reproduces the shadow in a register file.
 */
#include "fuzz_common.h"

static void vf_message(struct input *in)
{
	struct srnic_pol_result res;
	unsigned int vf = in_u8(in) % (pol.num_vfs + 1);
	u32 msg[SRNIC_MBX_WORDS];
	bool cts_before;

	fz_build_msg(in, msg);
	fz_snapshot();
	cts_before = vf < pol.num_vfs && pol.vf[vf].cts;

	srnic_pol_handle_msg(&pol, vf, msg, now, &res);

	if (vf >= pol.num_vfs && res.reply_len)
		FAIL("reply to a VF that does not exist");
	fz_check_only_vf_changed(vf);
	if (vf >= pol.num_vfs)
		return;
	fz_check_reply(vf, msg, &res, cts_before);
	fz_check_refusal(vf, msg, &res);
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct input in = { data, size };
	unsigned int num_vfs = in_u8(&in) % SRNIC_MAX_VFS + 1, steps = 0, vf;

	srnic_sw_init(&sw, num_vfs);
	now = in_u32(&in);
	srnic_pol_init(&pol, &sw, num_vfs, now);
	srnic_pol_set_link(&pol, true, 1000);
	fz_reset_regfile();

	while (in.n && steps++ < 512) {
		u8 op = in_u8(&in);

		switch (op % 12) {
		case 0 ... 5:
			vf_message(&in);
			break;
		case 6:
			now += (u32)in_u8(&in) << (op >> 4);
			break;
		case 7:
			srnic_pol_vf_flr(&pol, in_u8(&in) % (num_vfs + 1));
			break;
		case 8:
		case 9:
			fz_admin_op(&in, &vf);
			break;
		case 10:
			fz_pf_op(&in);
			break;
		default:
			fz_check_flush();
			break;
		}
		fz_check_all();
		/* a probe copies the whole state: one every 4 steps, in turn */
		if (!(steps & 3))
			fz_probe_fairness(steps / 4);
	}
	fz_probe_fairness(~0u);
	fz_check_flush();
	return 0;
}
