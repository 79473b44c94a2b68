// SPDX-License-Identifier: GPL-2.0
/* Operations both fuzz targets use: VF message encoding, admin changes
 * (with the errno oracle), PF-side filter changes and the fairness probes.
 */
#include <linux/array_size.h>

#include "fuzz_common.h"

static const u16 ids[] = {
	SRNIC_MBX_VF_RESET, SRNIC_MBX_SET_MAC_ADDR, SRNIC_MBX_SET_MULTICAST,
	SRNIC_MBX_SET_VLAN, SRNIC_MBX_SET_LPE, SRNIC_MBX_SET_PROMISC,
	SRNIC_MBX_API_NEGOTIATE, SRNIC_MBX_PF_CONTROL_MSG, 0x07, 0x08,
};

/*
 * sel: bit 7 raw word 0; else bits 3:0 pick an ID, bit 6 a full MSGINFO
 * byte (else 0..3), bit 4 an ACK/NACK/CTS byte, bit 5 the negotiation
 * magic in word 1
 */
void fz_build_msg(struct input *in, u32 *msg)
{
	u8 sel = in_u8(in);
	unsigned int i;

	memset(msg, 0, SRNIC_MBX_WORDS * sizeof(*msg));
	if (sel & 0x80) {
		msg[0] = in_u32(in);
	} else {
		msg[0] = ids[(sel & 0x0f) % ARRAY_SIZE(ids)];
		if (sel & 0x40)
			msg[0] |= (u32)in_u8(in) << 16;
		else
			msg[0] |= (u32)(in_u8(in) & 3) << 16;
		if (sel & 0x10)
			msg[0] |= (u32)(in_u8(in) & 0xe0) << 24;
	}
	for (i = 1; i < SRNIC_MBX_WORDS && in->n; i++) {
		msg[i] = in_u32(in);
		if (in_u8(in) & 1)	/* stop early, keep inputs short */
			break;
	}
	if (!(sel & 0x80) && (sel & 0x20))
		msg[1] = SRNIC_MBX_API_MAGIC;
}

/* the harness's own compare: no interceptor, no comparison hook */
static bool mac_eq(const u8 *a, const u8 *b)
{
	return !((a[0] ^ b[0]) | (a[1] ^ b[1]) | (a[2] ^ b[2]) |
		 (a[3] ^ b[3]) | (a[4] ^ b[4]) | (a[5] ^ b[5]));
}

/* another port holds @mac, or it is another VF's admin MAC */
static bool mac_taken_by_other(unsigned int vf, const u8 *mac)
{
	unsigned int i;

	for (i = 0; i < SRNIC_RAR_NUM; i++)
		if (sw.rar_use[i] != SRNIC_SW_RAR_FREE && sw.rar_pool[i] != vf &&
		    mac_eq(sw.rar_mac[i], mac))
			return true;
	for (i = 0; i < pol.num_vfs; i++)
		if (i != vf && !is_zero_ether_addr(pol.vf[i].admin.mac) &&
		    mac_eq(pol.vf[i].admin.mac, mac))
			return true;
	return false;
}

/* nobody holds @mac at all */
static bool mac_fresh(const u8 *mac)
{
	unsigned int i;

	for (i = 0; i < SRNIC_RAR_NUM; i++)
		if (sw.rar_use[i] != SRNIC_SW_RAR_FREE && mac_eq(sw.rar_mac[i], mac))
			return false;
	for (i = 0; i < pol.num_vfs; i++)
		if (mac_eq(pol.vf[i].admin.mac, mac))
			return false;
	return true;
}

/*
 * One admin change, as the ndo_set_vf_* handlers make it. Every result is
 * checked against what the arguments alone allow: a change fails only for
 * bad arguments, a minimum rate, or an address another port really holds;
 * never for room (other VFs' filters or VLANs) and never because of what
 * another VF did. Returns the policy's action for the caller to carry out.
 */
int fz_admin_op(struct input *in, unsigned int *vfp)
{
	unsigned int vf = in_u8(in) % (pol.num_vfs + 1);
	u8 op = in_u8(in), mac[6];
	bool valid = vf < pol.num_vfs, inuse = false;
	int i, act, want = 0;	/* 0: must succeed; else the errno allowed */
	u32 w, rate;
	u16 vlan;
	u8 qos, state;

	*vfp = vf;
	switch (op % 10) {
	case 0:
		for (i = 0; i < 6; i++)
			mac[i] = in_u8(in);
		if (op & 0x80)
			memset(mac, 0, 6);
		if (is_multicast_ether_addr(mac))
			want = -EINVAL;
		else if (!is_zero_ether_addr(mac) && valid)
			inuse = mac_taken_by_other(vf, mac);
		act = srnic_pol_set_vf_mac(&pol, vf, mac);
		if (act == -EADDRINUSE && inuse)
			want = act;
		break;
	case 1:
		vlan = in_u16(in) & 0x1fff;
		qos = in_u8(in) & 0xf;
		if (vlan >= SRNIC_SW_VID_MAX || qos > SRNIC_SW_QOS_MAX)
			want = -EINVAL;
		act = srnic_pol_set_vf_vlan(&pol, vf, vlan, qos);
		break;
	case 2:
		act = srnic_pol_set_vf_trust(&pol, vf, op & 0x80);
		break;
	case 3:
		act = srnic_pol_set_vf_spoofchk(&pol, vf, op & 0x80);
		break;
	case 4:
		state = in_u8(in) & 3;
		if (state > SRNIC_POL_LINK_DISABLE)
			want = -EINVAL;
		act = srnic_pol_set_vf_link_state(&pol, vf, state);
		break;
	case 5:
		rate = in_u16(in) & 0x7ff;
		if (op & 0x80)
			want = -EOPNOTSUPP;
		else if (rate > SRNIC_POL_MAX_RATE ||
			 (sw.link_mbps && rate > sw.link_mbps))
			want = -EINVAL;
		act = srnic_pol_set_vf_rate(&pol, vf, (op & 0x80) ? 10 : 0, rate);
		break;
	case 6: {
		static const u32 speeds[] = { 0, 10, 100, 1000 };

		srnic_pol_set_link(&pol, op & 0x80, speeds[in_u8(in) & 3]);
		return SRNIC_POL_ACT_NONE;
	}
	case 7:
		srnic_pol_pf_reset(&pol);
		return SRNIC_POL_ACT_NONE;
	case 8:
		w = srnic_pol_kick(&pol, vf, now);
		if (w != (SRNIC_MBX_PF_CONTROL_MSG | SRNIC_MBX_NACK))
			FAIL("kick word");
		return SRNIC_POL_ACT_NONE;
	default:
		if (srnic_pol_vf_ack(&pol, vf, now, &w) && w != SRNIC_MBX_NACK)
			FAIL("bare NACK word");
		w = srnic_pol_ping(&pol, vf);
		if ((w & 0xffff) != SRNIC_MBX_PF_CONTROL_MSG || (w & SRNIC_MBX_RESULT_MASK))
			FAIL("ping word 0x%x", w);
		return SRNIC_POL_ACT_NONE;
	}
	if (act > SRNIC_POL_ACT_RESET)
		FAIL("admin op result %d", act);
	if (!valid) {
		if (act != -EINVAL)
			FAIL("admin op %u on bad VF %u: %d", op % 10, vf, act);
		return SRNIC_POL_ACT_NONE;
	}
	if (act < 0 && act != want)
		FAIL("admin op %u on VF %u failed: %d (allowed: %d)", op % 10,
		     vf, act, want);
	if (act >= 0 && want)
		FAIL("admin op %u on VF %u: %d, expected %d", op % 10, vf,
		     act, want);
	return act < 0 ? SRNIC_POL_ACT_NONE : act;
}

void fz_pf_op(struct input *in)
{
	u8 op = in_u8(in), mac[6];
	u16 hash[SRNIC_SW_MC_MAX + 1];
	unsigned int i, n;

	switch (op % 4) {
	case 0:
		if (op & 0x80)
			srnic_sw_vlan_del(&sw, sw.pf_pool, in_u16(in) & 0xfff);
		else
			srnic_sw_vlan_add(&sw, sw.pf_pool, in_u16(in) & 0xfff);
		break;
	case 1:
		for (i = 0; i < 6; i++)
			mac[i] = in_u8(in);
		mac[0] &= 0xfe;
		/* as the PF netdev does: through the policy's address check */
		if (op & 0x80)
			srnic_sw_uc_del(&sw, sw.pf_pool, mac);
		else if (op & 0x40)
			srnic_pol_pf_set_mac(&pol, mac);
		else
			srnic_pol_pf_uc_add(&pol, mac);
		break;
	case 2:
		n = in_u8(in) % (SRNIC_SW_MC_MAX + 2);
		for (i = 0; i < n && i <= SRNIC_SW_MC_MAX; i++)
			hash[i] = in_u16(in);
		srnic_sw_set_mc(&sw, sw.pf_pool, hash, n);
		break;
	default:
		srnic_sw_set_rx_mode(&sw, sw.pf_pool, in_u8(in));
		break;
	}
}

/* ---- fairness probes ---------------------------------------------------- */

/*
 * Each probe runs on a copy of the switch and the policy: whatever the VFs
 * did so far, VF @vf below its quota still gets a VLAN and a filter
 * through the mailbox, and the administrator can still give it a port
 * VLAN and a fresh MAC and take its trust away. The PF can still join a
 * VLAN.
 */
static struct srnic_sw probe_sw;
static struct srnic_pol probe_pol;

enum {
	PROBE_MSG_VLAN,
	PROBE_MSG_FILTER,
	PROBE_PORT_VLAN,
	PROBE_ADMIN_MAC,
	PROBE_TRUST_OFF,
	PROBE_PF_VLAN,
	PROBE_NR
};

static void probe_copy(void)
{
	memcpy(&probe_sw, &sw, sizeof(probe_sw));
	memcpy(&probe_pol, &pol, sizeof(probe_pol));
	probe_pol.sw = &probe_sw;
}

static u16 fresh_vid(void)
{
	unsigned int v;

	for (v = SRNIC_SW_VID_MAX - 1; v > 0; v--)
		if (!sw.vid_ref[v])
			return v;
	return 0;
}

static void probe_msg(unsigned int vf, const u32 *msg, const char *what)
{
	struct srnic_pol_result res;

	probe_copy();
	srnic_pol_handle_msg(&probe_pol, vf, msg, now, &res);
	if (res.err || !res.reply_len || !(res.reply[0] & SRNIC_MBX_ACK))
		FAIL("VF %u below quota refused %s: %d (%s)", vf, what, res.err,
		     srnic_pol_rule_name(res.rule));
}

static void probe_one(unsigned int vf, unsigned int kind)
{
	const struct srnic_pol_vf *v = &pol.vf[vf];
	u8 mac[6] = { 0x02, 0xfe, 0xed, 0xfa, 0x1e, vf };
	u32 msg[SRNIC_MBX_WORDS] = { 0 };
	u16 vid = fresh_vid();
	bool port_vlan = v->admin.vlan || v->admin.qos;
	bool locked = !is_zero_ether_addr(v->admin.mac) && !v->admin.trusted;
	bool cts = v->cts && v->admin.link_state != SRNIC_POL_LINK_DISABLE;
	int err;

	switch (kind) {
	case PROBE_MSG_VLAN:
		if (!cts || !vid || port_vlan ||
		    srnic_sw_vlan_count(&sw, vf) >= srnic_sw_vlan_quota(&sw))
			return;
		msg[0] = srnic_mbx_w0(SRNIC_MBX_SET_VLAN, SRNIC_MBX_VLAN_ADD);
		msg[1] = vid;
		probe_msg(vf, msg, "a VLAN");
		break;
	case PROBE_MSG_FILTER:
		if (!cts || locked || sw.vport[vf].nr_uc >= srnic_sw_uc_quota(&sw) ||
		    sw.vport[vf].nr_uc >= SRNIC_POL_UC_MAX || !mac_fresh(mac))
			return;
		msg[0] = srnic_mbx_w0(SRNIC_MBX_SET_MAC_ADDR,
				      SRNIC_MBX_MAC_FILTER_ADD);
		srnic_mbx_pack_mac(&msg[1], mac);
		probe_msg(vf, msg, "a filter");
		break;
	case PROBE_PORT_VLAN:
		if (!vid)
			return;
		probe_copy();
		err = srnic_pol_set_vf_vlan(&probe_pol, vf, vid, 1);
		if (err < 0)
			FAIL("port VLAN for VF %u refused: %d", vf, err);
		break;
	case PROBE_ADMIN_MAC:
		if (!mac_fresh(mac))
			return;
		probe_copy();
		err = srnic_pol_set_vf_mac(&probe_pol, vf, mac);
		if (err < 0)
			FAIL("fresh admin MAC for VF %u refused: %d", vf, err);
		break;
	case PROBE_TRUST_OFF:
		probe_copy();
		err = srnic_pol_set_vf_trust(&probe_pol, vf, false);
		if (err < 0)
			FAIL("trust off for VF %u failed: %d", vf, err);
		break;
	default:
		if (!vid)
			return;
		probe_copy();
		if (srnic_sw_vlan_add(&probe_sw, probe_sw.pf_pool, vid))
			FAIL("PF refused a VLAN");
		break;
	}
}

/*
 * @step >= 0: one probe (one copy of the state), rotating over VFs and
 * kinds, to keep each step cheap; -1: all of them (end of an input).
 */
void fz_probe_fairness(unsigned int step)
{
	unsigned int n = pol.num_vfs * (PROBE_NR - 1) + 1, i;

	if (step != ~0u) {
		i = step % n;
		if (i == n - 1)
			probe_one(0, PROBE_PF_VLAN);
		else
			probe_one(i / (PROBE_NR - 1), i % (PROBE_NR - 1));
		return;
	}
	for (i = 0; i < pol.num_vfs; i++)
		for (n = 0; n < PROBE_NR; n++)
			probe_one(i, n);
}
