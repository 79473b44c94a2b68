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
 *   - fairness: whatever happened, every VF below its quota can still add
 *     a VLAN and a unicast filter, and the administrator can still give
 *     every VF a port VLAN (probed on a copy of the switch);
 *   - the register shadow equals what the logical state implies for the
 *     policy-owned registers (spoofchk, port VLAN, rate, rx/tx enables,
 *     admin MAC) - "policy survives everything";
 *   - replies are well formed (length, echo, exactly one of ACK/NACK,
 *     CTS as the state says, the exact VF_RESET forms);
 *   - a flush reproduces the shadow in a register file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "srnic_pf_policy.h"

#define FAIL(...)							\
	do {								\
		fprintf(stderr, "invariant violated: " __VA_ARGS__);	\
		fprintf(stderr, "\n");					\
		abort();						\
	} while (0)

struct input {
	const u8 *p;
	size_t n;
};

static u8 in_u8(struct input *in)
{
	u8 b;

	if (!in->n)
		return 0;
	b = *in->p++;
	in->n--;
	return b;
}

static u16 in_u16(struct input *in)
{
	return in_u8(in) | (u16)in_u8(in) << 8;
}

static u32 in_u32(struct input *in)
{
	return in_u16(in) | (u32)in_u16(in) << 16;
}

static struct srnic_sw sw;
static struct srnic_pol pol;
static u32 now;

/* register file for flush checks, indexed by offset / 4 */
static u32 regfile[0x10000 / 4];
static u32 rttfile[SRNIC_SW_TXQ];
static u32 qsel;

static void rf_write(void *ctx, u32 reg, u32 val)
{
	if (reg == SRNIC_RTTDQSEL) {
		if (val >= SRNIC_SW_TXQ)
			FAIL("RTTDQSEL %u", val);
		qsel = val;
		return;
	}
	if (reg == SRNIC_RTTBCNRC) {
		rttfile[qsel] = val;
		return;
	}
	if (reg >= sizeof(regfile) || (reg & 3))
		FAIL("write to odd register 0x%x", reg);
	regfile[reg / 4] = val;
}

static unsigned int popcount32(u32 v)
{
	return __builtin_popcount(v);
}

static bool test_bit(const u32 *map, unsigned int n)
{
	return map[n / 32] & (1u << (n % 32));
}

static void check_switch(void)
{
	unsigned int i, p, v, w, nr_uc[SRNIC_SW_POOLS] = { 0 }, vf_filters = 0;
	static int vid_entry[SRNIC_SW_VLAN_N];
	u32 mta[SRNIC_MTA_NUM] = { 0 };
	bool promisc = sw.vport[sw.pf_pool].rx_flags & SRNIC_SW_RX_VLAN_PROMISC;

	/* RAR */
	for (i = 0; i < SRNIC_RAR_NUM; i++) {
		if (sw.rar_use[i] == SRNIC_SW_RAR_FREE)
			continue;
		if (sw.rar_pool[i] > sw.pf_pool)
			FAIL("RAR %u pool %u", i, sw.rar_pool[i]);
		if (sw.rar_use[i] == SRNIC_SW_RAR_FILTER) {
			if (i == 0 || i > SRNIC_RAR_NUM - 1u - sw.num_vfs)
				FAIL("filter in reserved RAR %u", i);
			nr_uc[sw.rar_pool[i]]++;
			if (sw.rar_pool[i] != sw.pf_pool)
				vf_filters++;
		}
		for (v = i + 1; v < SRNIC_RAR_NUM; v++)
			if (sw.rar_use[v] != SRNIC_SW_RAR_FREE &&
			    (sw.rar_mac[i][0] | sw.rar_mac[i][1] | sw.rar_mac[i][2] |
			     sw.rar_mac[i][3] | sw.rar_mac[i][4] | sw.rar_mac[i][5]) &&
			    !memcmp(sw.rar_mac[i], sw.rar_mac[v], 6))
				FAIL("RAR %u and %u share a MAC", i, v);
	}
	if (vf_filters > SRNIC_RAR_NUM - 1u - sw.num_vfs - SRNIC_SW_PF_UC_RESERVED)
		FAIL("VF filters %u eat the PF reserve", vf_filters);
	{
		unsigned int free = 0, need = 0, g;

		for (i = 1; i < SRNIC_RAR_NUM - sw.num_vfs; i++)
			free += sw.rar_use[i] == SRNIC_SW_RAR_FREE;
		for (p = 0; p <= sw.pf_pool; p++) {
			g = p == sw.pf_pool ? SRNIC_SW_PF_UC_RESERVED :
					      srnic_sw_uc_quota(&sw);
			if (nr_uc[p] < g)
				need += g - nr_uc[p];
		}
		if (free < need)
			FAIL("%u free RAR entries for %u guaranteed", free, need);
	}
	for (p = 0; p <= sw.pf_pool; p++) {
		if (nr_uc[p] != sw.vport[p].nr_uc)
			FAIL("pool %u nr_uc %u != %u", p, sw.vport[p].nr_uc, nr_uc[p]);
		if (p < sw.num_vfs && nr_uc[p] > SRNIC_POL_UC_MAX)
			FAIL("VF %u has %u filters", p, nr_uc[p]);
		if (p < sw.num_vfs && sw.vport[p].nr_mc > SRNIC_POL_MC_MAX)
			FAIL("VF %u has %u hashes", p, sw.vport[p].nr_mc);
	}

	/* VLVF / VFTA */
	if (!sw.vlvf_used[0] || sw.vlvf_vid[0])
		FAIL("VLVF 0 not VID 0");
	for (i = 0; i < SRNIC_VLVF_NUM; i++) {
		if (!sw.vlvf_used[i])
			continue;
		if (sw.vlvf_vid[i] >= SRNIC_SW_VID_MAX)
			FAIL("VLVF %u VID %u", i, sw.vlvf_vid[i]);
		for (v = i + 1; v < SRNIC_VLVF_NUM; v++)
			if (sw.vlvf_used[v] && sw.vlvf_vid[v] == sw.vlvf_vid[i])
				FAIL("VID %u twice in VLVF", sw.vlvf_vid[i]);
		if (i && !sw.vid_ref[sw.vlvf_vid[i]])
			FAIL("VLVF %u leaked", i);
	}
	memset(vid_entry, 0xff, sizeof(vid_entry));
	for (i = 0; i < SRNIC_VLVF_NUM; i++)
		if (sw.vlvf_used[i])
			vid_entry[sw.vlvf_vid[i]] = i;
	for (w = 0; w < SRNIC_SW_VLAN_N / 32; w++) {
		u32 any = 0;

		for (p = 0; p <= sw.pf_pool; p++)
			any |= sw.vport[p].vlans[w];
		if (!promisc && sw.reg[SRNIC_SW_R_VFTA + w] != any)
			FAIL("VFTA %u 0x%x != 0x%x", w, sw.reg[SRNIC_SW_R_VFTA + w], any);
		for (v = w * 32; v < w * 32 + 32; v++) {
			unsigned int ref = 0, members = 0;
			int entry = vid_entry[v];

			if (!(any & (1u << (v % 32)))) {
				if (sw.vid_ref[v])
					FAIL("VID %u ref %u without members", v, sw.vid_ref[v]);
				if (entry > 0)
					FAIL("VLVF %d kept for unused VID %u", entry, v);
				continue;
			}
			for (p = 0; p <= sw.pf_pool; p++)
				if (test_bit(sw.vport[p].vlans, v)) {
					ref++;
					members |= 1u << p;
				}
			if (ref != sw.vid_ref[v])
				FAIL("VID %u ref %u != %u", v, sw.vid_ref[v], ref);
			if (entry < 0 && (members & ~(1u << sw.pf_pool)))
				FAIL("VF in VID %u without a VLVF entry", v);
			if (entry >= 0) {
				u32 pools = members | (promisc ? 1u << sw.pf_pool : 0);
				u32 want = v | pools << 12 | SRNIC_VLVF_EN;

				if (sw.reg[SRNIC_SW_R_VLVF + entry] != want)
					FAIL("VLVF %d 0x%x != 0x%x", entry,
					     sw.reg[SRNIC_SW_R_VLVF + entry], want);
			}
		}
	}
	for (i = 0; i < SRNIC_VLVF_NUM; i++)
		if (!sw.vlvf_used[i] && sw.reg[SRNIC_SW_R_VLVF + i])
			FAIL("free VLVF %u programmed", i);
	if (!sw.vid_ref[0] && sw.reg[SRNIC_SW_R_VLVF])
		FAIL("VLVF 0 programmed without members");
	for (p = 0; p <= sw.pf_pool; p++) {
		unsigned int n = 0;

		for (i = 0; i < SRNIC_SW_VLAN_N / 32; i++)
			n += popcount32(sw.vport[p].vlans[i]);
		if (n != sw.vport[p].nr_vlans)
			FAIL("pool %u nr_vlans", p);
		n -= test_bit(sw.vport[p].vlans, 0);
		if (p < sw.num_vfs && n > srnic_sw_vlan_quota(&sw))
			FAIL("VF %u in %u VLANs", p, n);
	}
	if (srnic_sw_vlvf_pf_only(&sw) > srnic_sw_vlvf_pf_share(&sw))
		FAIL("PF alone in %u VLVF entries", srnic_sw_vlvf_pf_only(&sw));

	/* MTA = union of the pools' lists */
	for (p = 0; p <= sw.pf_pool; p++)
		if (!sw.vport[p].mc_overflow)
			for (i = 0; i < sw.vport[p].nr_mc; i++)
				mta[sw.vport[p].mc[i] >> 5] |= 1u << (sw.vport[p].mc[i] & 31);
	for (i = 0; i < SRNIC_MTA_NUM; i++)
		if (sw.reg[SRNIC_SW_R_MTA + i] != mta[i])
			FAIL("MTA %u", i);
}

static void check_policy(void)
{
	unsigned int vf;
	u32 dtxswc = sw.reg[SRNIC_SW_R_DTXSWC];

	for (vf = 0; vf < pol.num_vfs; vf++) {
		const struct srnic_pol_vf *v = &pol.vf[vf];
		const struct srnic_sw_vport *vp = &sw.vport[vf];
		bool en = v->cts && v->admin.link_state != SRNIC_POL_LINK_DISABLE;
		u32 vmvir = 0;

		if (!!(dtxswc & (1u << vf)) != v->admin.spoofchk ||
		    !!(dtxswc & (1u << (vf + 8))) != v->admin.spoofchk)
			FAIL("VF %u spoofchk bits", vf);
		if (v->admin.vlan || v->admin.qos)
			vmvir = v->admin.vlan | (u32)v->admin.qos << 13 |
				SRNIC_VMVIR_VLANA_DEFAULT;
		if (sw.reg[SRNIC_SW_R_VMVIR + vf] != vmvir)
			FAIL("VF %u VMVIR", vf);
		if ((v->admin.vlan || v->admin.qos) &&
		    (vp->nr_vlans != 1 || !test_bit(vp->vlans, v->admin.vlan)))
			FAIL("VF %u port VLAN membership", vf);
		if (sw.reg[SRNIC_SW_R_RTTBCNRC + vf] !=
		    srnic_sw_rate_encode(sw.link_mbps, v->admin.max_tx_rate, false) ||
		    sw.reg[SRNIC_SW_R_RTTBCNRC + vf + SRNIC_SW_POOLS] !=
		    srnic_sw_rate_encode(sw.link_mbps, v->admin.max_tx_rate, true))
			FAIL("VF %u rate", vf);
		if (v->admin.max_tx_rate && sw.link_mbps) {
			u32 f0 = sw.reg[SRNIC_SW_R_RTTBCNRC + vf] & 0x0fffffff;
			u32 f1 = sw.reg[SRNIC_SW_R_RTTBCNRC + vf + SRNIC_SW_POOLS] &
				 0x0fffffff;
			u32 r = v->admin.max_tx_rate < sw.link_mbps ?
				v->admin.max_tx_rate : sw.link_mbps;

			/* link/f0 + link/f1 <= r, times f0 * f1 / 2^14 */
			if (!f0 || !f1 ||
			    (unsigned __int128)sw.link_mbps * 16384 * ((u64)f0 + f1) >
			    (unsigned __int128)r * f0 * f1)
				FAIL("VF %u queues exceed %u Mbit/s", vf, r);
		}
		if (!!(sw.reg[SRNIC_SW_R_VFRE] & (1u << vf)) != en ||
		    !!(sw.reg[SRNIC_SW_R_VFTE] & (1u << vf)) != en)
			FAIL("VF %u rx/tx enable", vf);
		if ((vp->rx_flags & SRNIC_SW_RX_UC_PROMISC) && !v->admin.trusted)
			FAIL("VF %u untrusted unicast promisc", vf);
		if (memcmp(vp->mac, v->mac, 6))
			FAIL("VF %u MAC bookkeeping", vf);
		if ((v->admin.mac[0] | v->admin.mac[1] | v->admin.mac[2] |
		     v->admin.mac[3] | v->admin.mac[4] | v->admin.mac[5]) &&
		    !v->admin.trusted) {
			if (memcmp(vp->mac, v->admin.mac, 6))
				FAIL("VF %u left its admin MAC", vf);
			if (vp->nr_uc)
				FAIL("VF %u filters under admin MAC", vf);
		}
		if (v->api != SRNIC_MBX_API_1_0 && (v->api != SRNIC_MBX_API_1_1 || !v->cts))
			FAIL("VF %u api 0x%x", vf, v->api);
	}
	if (!(sw.reg[SRNIC_SW_R_VFRE] & (1u << sw.pf_pool)))
		FAIL("PF pool disabled");
}

/* Probe on a copy: a VF below its quota can add a VLAN and a filter, and
 * the administrator can give it a port VLAN, whatever others did. One VF
 * per step, in turn, to keep the fuzzer fast.
 */
static struct srnic_sw probe;

static void check_fairness(unsigned int step)
{
	unsigned int vf, v;
	u16 fresh = 0;
	u8 mac[6] = { 0x02, 0xfe, 0xed, 0, 0, 0 };
	int err;

	for (v = SRNIC_SW_VID_MAX - 1; v > 0; v--)
		if (!sw.vid_ref[v]) {
			fresh = v;
			break;
		}
	for (vf = step % (sw.num_vfs + 1); vf < sw.num_vfs; vf += SRNIC_MAX_POOLS) {
		mac[5] = vf;
		if (srnic_sw_mac_owner(&sw, mac) >= 0)
			continue;
		if (srnic_sw_vlan_count(&sw, vf) < srnic_sw_vlan_quota(&sw) &&
		    fresh && !sw.vport[vf].pvid && !sw.vport[vf].qos) {
			memcpy(&probe, &sw, sizeof(probe));
			err = srnic_sw_vlan_add(&probe, vf, fresh);
			if (err)
				FAIL("VF %u below quota refused a VLAN: %d", vf, err);
		}
		if (sw.vport[vf].nr_uc < srnic_sw_uc_quota(&sw)) {
			memcpy(&probe, &sw, sizeof(probe));
			err = srnic_sw_uc_add(&probe, vf, mac);
			if (err)
				FAIL("VF %u below quota refused a filter: %d", vf, err);
		}
		if (fresh) {
			memcpy(&probe, &sw, sizeof(probe));
			err = srnic_sw_set_port_vlan(&probe, vf, fresh, 1);
			if (err)
				FAIL("port VLAN for VF %u refused: %d", vf, err);
		}
	}
	/* and the PF can always join a VLAN */
	if (fresh && step % (sw.num_vfs + 1) == sw.num_vfs) {
		memcpy(&probe, &sw, sizeof(probe));
		if (srnic_sw_vlan_add(&probe, sw.pf_pool, fresh))
			FAIL("PF refused a VLAN");
	}
}

static void check_flush(void)
{
	unsigned int i;

	srnic_sw_flush(&sw, rf_write, NULL);
	if (srnic_sw_is_dirty(&sw))
		FAIL("dirty after flush");
	for (i = 0; i < SRNIC_SW_NREGS; i++) {
		u32 reg = srnic_sw_reg_addr(i), got;

		if (i >= SRNIC_SW_R_RTTBCNRC && i < SRNIC_SW_R_VFTE)
			got = rttfile[i - SRNIC_SW_R_RTTBCNRC];
		else
			got = regfile[reg / 4];
		if (got != sw.reg[i])
			FAIL("flush slot %u reg 0x%x 0x%x != 0x%x", i, reg, got,
			     sw.reg[i]);
	}
}

static void check_reply(unsigned int vf, const u32 *msg,
			const struct srnic_pol_result *res, bool cts_before)
{
	const struct srnic_pol_vf *v = &pol.vf[vf];
	u32 w0 = msg[0], r = res->reply[0];
	bool cts = v->cts && v->admin.link_state != SRNIC_POL_LINK_DISABLE;

	if (res->reply_len > SRNIC_MBX_WORDS)
		FAIL("reply_len %u", res->reply_len);
	if (res->rule >= SRNIC_POL_RULE_NR)
		FAIL("rule %u", res->rule);
	if (res->err && !res->rule)
		FAIL("refusal without a rule");
	if (!res->reply_len)
		return;
	if (w0 & SRNIC_MBX_RESULT_MASK)
		FAIL("answered a reply");
	if (srnic_mbx_msgid(w0) == SRNIC_MBX_VF_RESET) {
		if (res->reply_len != 3)
			FAIL("reset reply length");
		if (r == SRNIC_MBX_RESET_NACK) {
			if (res->reply[1] || res->reply[2])
				FAIL("reset NACK with payload");
		} else if (r != SRNIC_MBX_RESET_ACK || (res->reply[2] >> 16) ||
			   (res->reply[1] & 1)) {
			FAIL("reset reply 0x%x", r);
		}
		return;
	}
	if ((r & ~(SRNIC_MBX_RESULT_MASK | SRNIC_MBX_CTS)) != (w0 & ~SRNIC_MBX_CTS))
		FAIL("reply 0x%x does not echo 0x%x", r, w0);
	if (popcount32(r & SRNIC_MBX_RESULT_MASK) != 1)
		FAIL("reply 0x%x result bits", r);
	if (!cts_before) {
		if (r & (SRNIC_MBX_CTS | SRNIC_MBX_ACK) || res->reply_len != 1)
			FAIL("non-CTS reply 0x%x", r);
		return;
	}
	if (!!(r & SRNIC_MBX_CTS) != cts)
		FAIL("CTS bit 0x%x", r);
	if (r & SRNIC_MBX_ACK) {
		if (res->err)
			FAIL("ACK with error");
		if (res->reply_len != 1 &&
		    !(res->reply_len == SRNIC_MBX_API_REPLY_LEN &&
		      srnic_mbx_msgid(w0) == SRNIC_MBX_API_NEGOTIATE))
			FAIL("ACK length %u", res->reply_len);
	} else {
		if (!res->err)
			FAIL("NACK without error");
		if (res->reply_len != (v->api >= SRNIC_MBX_API_1_1 ? 3 : 1))
			FAIL("NACK length %u", res->reply_len);
	}
}

static const u16 ids[] = {
	SRNIC_MBX_VF_RESET, SRNIC_MBX_SET_MAC_ADDR, SRNIC_MBX_SET_MULTICAST,
	SRNIC_MBX_SET_VLAN, SRNIC_MBX_SET_LPE, SRNIC_MBX_SET_PROMISC,
	SRNIC_MBX_API_NEGOTIATE, SRNIC_MBX_PF_CONTROL_MSG, 0x07, 0x08,
};

static struct srnic_sw_vport snap_vport[SRNIC_SW_POOLS];
static struct srnic_pol_vf snap_vf[SRNIC_MAX_VFS];
static u8 snap_rar_use[SRNIC_RAR_NUM], snap_rar_pool[SRNIC_RAR_NUM];
static u8 snap_rar_mac[SRNIC_RAR_NUM][ETH_ALEN];

static void vf_message(struct input *in)
{
	struct srnic_pol_result res;
	unsigned int vf = in_u8(in) % (pol.num_vfs + 1), i, p;
	u32 msg[SRNIC_MBX_WORDS] = { 0 };
	u8 sel = in_u8(in);
	bool cts_before;

	/* sel: bit 7 raw word 0; else bits 3:0 pick an ID, bit 6 a full
	 * MSGINFO byte (else 0..3), bit 4 an ACK/NACK/CTS byte, bit 5 the
	 * negotiation magic in word 1
	 */
	if (sel & 0x80) {
		msg[0] = in_u32(in);
	} else {
		msg[0] = ids[(sel & 0x0f) % (sizeof(ids) / sizeof(ids[0]))];
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

	memcpy(snap_vport, sw.vport, sizeof(snap_vport));
	memcpy(snap_vf, pol.vf, sizeof(snap_vf));
	memcpy(snap_rar_use, sw.rar_use, sizeof(snap_rar_use));
	memcpy(snap_rar_pool, sw.rar_pool, sizeof(snap_rar_pool));
	memcpy(snap_rar_mac, sw.rar_mac, sizeof(snap_rar_mac));
	cts_before = vf < pol.num_vfs && pol.vf[vf].cts;

	srnic_pol_handle_msg(&pol, vf, msg, now, &res);

	if (vf >= pol.num_vfs) {
		if (res.reply_len)
			FAIL("reply to a VF that does not exist");
		if (memcmp(snap_vport, sw.vport, sizeof(snap_vport)))
			FAIL("bad VF number changed the switch");
		return;
	}
	check_reply(vf, msg, &res, cts_before);
	for (p = 0; p < SRNIC_SW_POOLS; p++)
		if (p != vf && memcmp(&snap_vport[p], &sw.vport[p], sizeof(snap_vport[p])))
			FAIL("VF %u message changed pool %u", vf, p);
	for (p = 0; p < SRNIC_MAX_VFS; p++)
		if (p != vf && memcmp(&snap_vf[p], &pol.vf[p], sizeof(snap_vf[p])))
			FAIL("VF %u message changed VF %u state", vf, p);
	for (i = 0; i < SRNIC_RAR_NUM; i++) {
		bool mine = (snap_rar_use[i] == SRNIC_SW_RAR_FREE ||
			     snap_rar_pool[i] == vf) &&
			    (sw.rar_use[i] == SRNIC_SW_RAR_FREE || sw.rar_pool[i] == vf);

		if (!mine && (snap_rar_use[i] != sw.rar_use[i] ||
			      snap_rar_pool[i] != sw.rar_pool[i] ||
			      memcmp(snap_rar_mac[i], sw.rar_mac[i], 6)))
			FAIL("VF %u message changed RAR %u of another pool", vf, i);
	}
}

static void admin_op(struct input *in)
{
	unsigned int vf = in_u8(in) % (pol.num_vfs + 1);
	u8 op = in_u8(in), mac[6];
	u32 w;
	int i, act;

	switch (op % 10) {
	case 0:
		for (i = 0; i < 6; i++)
			mac[i] = in_u8(in);
		if (op & 0x80)
			memset(mac, 0, 6);
		act = srnic_pol_set_vf_mac(&pol, vf, mac);
		break;
	case 1:
		act = srnic_pol_set_vf_vlan(&pol, vf, in_u16(in) & 0x1fff,
					    in_u8(in) & 0xf);
		break;
	case 2:
		act = srnic_pol_set_vf_trust(&pol, vf, op & 0x80);
		break;
	case 3:
		act = srnic_pol_set_vf_spoofchk(&pol, vf, op & 0x80);
		break;
	case 4:
		act = srnic_pol_set_vf_link_state(&pol, vf, in_u8(in) & 3);
		break;
	case 5:
		act = srnic_pol_set_vf_rate(&pol, vf, (op & 0x80) ? 10 : 0,
					    in_u16(in) & 0x7ff);
		break;
	case 6: {
		static const u32 speeds[] = { 0, 10, 100, 1000 };

		srnic_pol_set_link(&pol, op & 0x80, speeds[in_u8(in) & 3]);
		act = 0;
		break;
	}
	case 7:
		srnic_pol_pf_reset(&pol);
		act = 0;
		break;
	case 8:
		w = srnic_pol_kick(&pol, vf, now);
		if (w != (SRNIC_MBX_PF_CONTROL_MSG | SRNIC_MBX_NACK))
			FAIL("kick word");
		act = 0;
		break;
	default:
		act = 0;
		if (srnic_pol_vf_ack(&pol, vf, now, &w) && w != SRNIC_MBX_NACK)
			FAIL("bare NACK word");
		w = srnic_pol_ping(&pol, vf);
		if ((w & 0xffff) != SRNIC_MBX_PF_CONTROL_MSG || (w & SRNIC_MBX_RESULT_MASK))
			FAIL("ping word 0x%x", w);
		break;
	}
	if (act > SRNIC_POL_ACT_RESET)
		FAIL("admin op result %d", act);
	if (act < 0 && vf < pol.num_vfs && act != -EINVAL &&
	    act != -EADDRINUSE && act != -EOPNOTSUPP)
		FAIL("admin op errno %d", act);	/* never ENOSPC: quotas */
}

static void pf_op(struct input *in)
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

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct input in = { data, size };
	unsigned int num_vfs = in_u8(&in) % SRNIC_MAX_VFS + 1, steps = 0;

	srnic_sw_init(&sw, num_vfs);
	now = in_u32(&in);
	srnic_pol_init(&pol, &sw, num_vfs, now);
	srnic_pol_set_link(&pol, true, 1000);
	memset(regfile, 0, sizeof(regfile));
	memset(rttfile, 0, sizeof(rttfile));

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
			admin_op(&in);
			break;
		case 10:
			pf_op(&in);
			break;
		default:
			check_flush();
			break;
		}
		check_switch();
		check_policy();
		check_fairness(steps);
	}
	check_flush();
	return 0;
}
