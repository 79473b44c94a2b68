// SPDX-License-Identifier: GPL-2.0
/* pf/srnic_pf_policy.c: every message type, every policy rule, the limits. */
#include <string.h>

#include "ut.h"
#include "ut_regs.h"
#include "srnic_pf_policy.h"

static struct srnic_sw sw;
static struct srnic_pol pol;
static struct srnic_pol_result res;
static u32 now;
static u32 m[SRNIC_MBX_WORDS];

#define CTS	SRNIC_MBX_CTS
#define ACK	SRNIC_MBX_ACK
#define NACK	SRNIC_MBX_NACK

static const u8 admin_mac[6] = { 0x02, 0xaa, 0x00, 0x00, 0x00, 0x01 };
static const u8 vf_mac[6] = { 0x02, 0xbb, 0x00, 0x00, 0x00, 0x01 };

static void env(unsigned int num_vfs)
{
	srnic_sw_init(&sw, num_vfs);
	srnic_pol_init(&pol, &sw, num_vfs, 0);
	srnic_pol_set_link(&pol, true, 1000);
	now = 0;
}

static void send(unsigned int vf)
{
	now += 20;	/* a well-behaved pace */
	srnic_pol_handle_msg(&pol, vf, m, now, &res);
}

static void msg3(unsigned int vf, u32 w0, u32 w1, u32 w2)
{
	memset(m, 0, sizeof(m));
	m[0] = w0;
	m[1] = w1;
	m[2] = w2;
	send(vf);
}

static void msg_mac(unsigned int vf, u8 info, const u8 *mac)
{
	memset(m, 0, sizeof(m));
	m[0] = srnic_mbx_w0(SRNIC_MBX_SET_MAC_ADDR, info);
	srnic_mbx_pack_mac(&m[1], mac);
	send(vf);
}

static void vf_reset(unsigned int vf)
{
	msg3(vf, SRNIC_MBX_VF_RESET, 0, 0);
}

static void mk_mac(u8 *mac, unsigned int vf, unsigned int i)
{
	memcpy(mac, vf_mac, 6);
	mac[4] = vf;
	mac[5] = i + 1;
}

/* the reply is a plain 1.0 ACK/NACK echo of word 0 */
static int is_reply(u32 w0, bool ack, bool cts)
{
	return res.reply_len == 1 && res.reply[0] == srnic_mbx_reply_w0(w0, ack, cts);
}

static u32 sh(u32 reg)
{
	u32 v = 0xdeadbeef;

	srnic_sw_shadow(&sw, reg, &v);
	return v;
}

TEST(pol_vf_reset_reply_exact)
{
	env(2);
	/* no MAC known: exactly 0x40000001, zeros, no CTS */
	vf_reset(0);
	CHECK_EQ(res.reply_len, 3);
	CHECK_EQ(res.reply[0], 0x40000001);
	CHECK_EQ(res.reply[1], 0);
	CHECK_EQ(res.reply[2], 0);
	CHECK_EQ(res.err, 0);
	CHECK_EQ(sh(SRNIC_VFRE) & 1, 1);
	CHECK_EQ(sh(SRNIC_VFTE) & 1, 1);
	CHECK(pol.vf[0].cts);
	CHECK(srnic_sw_vlan_member(&sw, 0, 0));
	/* admin MAC: 0x80000001 and the MAC, little-endian */
	CHECK_EQ(srnic_pol_set_vf_mac(&pol, 1, admin_mac), SRNIC_POL_ACT_NONE);
	vf_reset(1);
	CHECK_EQ(res.reply_len, 3);
	CHECK_EQ(res.reply[0], 0x80000001);
	CHECK_EQ(res.reply[1], 0x0000aa02);
	CHECK_EQ(res.reply[2], 0x00000100);
	CHECK_EQ(sh(SRNIC_RAH(22)), 0x80000000 | BIT(19) | 0x0100);
	CHECK_EQ(sh(SRNIC_RAL(22)), 0x0000aa02);
	/* the VF's own MAC survives its VF_RESET (not an FLR) */
	msg_mac(0, SRNIC_MBX_MAC_SET, vf_mac);
	vf_reset(0);
	CHECK_EQ(res.reply[0], 0x80000001);
	CHECK_EQ(res.reply[1], 0x0000bb02);
	CHECK_EQ(pol.vf[0].stats.resets, 2);
}

TEST(pol_not_cts_nack_rate)
{
	env(1);
	now = 5000;
	memset(m, 0, sizeof(m));
	m[0] = SRNIC_MBX_SET_LPE;
	m[1] = 1522;
	srnic_pol_handle_msg(&pol, 0, m, now, &res);
	CHECK(is_reply(SRNIC_MBX_SET_LPE, false, false));
	CHECK_EQ(res.reply[0], 0x40000005);
	CHECK_EQ(res.rule, SRNIC_POL_NOT_CTS);
	CHECK(!res.report);
	/* within 2 s: silence */
	srnic_pol_handle_msg(&pol, 0, m, now + 1999, &res);
	CHECK_EQ(res.reply_len, 0);
	CHECK_EQ(res.err, -EAGAIN);
	/* after 2 s: one more NACK */
	srnic_pol_handle_msg(&pol, 0, m, now + 2000, &res);
	CHECK_EQ(res.reply[0], 0x40000005);
	CHECK_EQ(pol.vf[0].stats.by_rule[SRNIC_POL_NOT_CTS], 3);
	/* VF_RESET always works, CTS follows */
	srnic_pol_handle_msg(&pol, 0, (u32[16]){ 1 }, now + 2100, &res);
	CHECK_EQ(res.reply[0], 0x40000001);
	srnic_pol_handle_msg(&pol, 0, m, now + 2200, &res);
	CHECK(is_reply(SRNIC_MBX_SET_LPE, true, true));
}

TEST(pol_ignores_replies)
{
	env(1);
	vf_reset(0);
	msg3(0, SRNIC_MBX_SET_LPE | ACK, 1522, 0);
	CHECK_EQ(res.reply_len, 0);
	CHECK_EQ(res.err, 0);
	msg3(0, SRNIC_MBX_SET_MULTICAST | NACK | CTS, 0, 0);
	CHECK_EQ(res.reply_len, 0);
	msg3(0, SRNIC_MBX_VF_RESET | ACK, 0, 0);	/* not even a reset */
	CHECK_EQ(res.reply_len, 0);
	CHECK_EQ(pol.vf[0].stats.resets, 1);
}

TEST(pol_unknown_ids_nacked)
{
	static const u32 ids[] = { 0x07, 0x08, 0x09, 0x0f, 0x100, 0x101, 0xffff, 0 };
	unsigned int i;

	env(1);
	vf_reset(0);
	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		msg3(0, ids[i] | 0x00050000, 0, 0);
		CHECK(is_reply(ids[i] | 0x00050000, false, true));
		CHECK_EQ(res.err, -EOPNOTSUPP);
		CHECK_EQ(res.rule, SRNIC_POL_UNKNOWN_MSG);
		CHECK(res.report);
	}
	CHECK(!strcmp(srnic_pol_rule_name(SRNIC_POL_UNKNOWN_MSG), "unknown-msg"));
	CHECK(!strcmp(srnic_pol_msg_name(0x00020002), "MAC_FILTER_ADD"));
	CHECK(!strcmp(srnic_pol_rule_name(99), "?"));
}

TEST(pol_set_mac_admin_policy)
{
	u8 other[6];

	env(2);
	srnic_pol_set_vf_mac(&pol, 0, admin_mac);
	vf_reset(0);
	/* untrusted VF may not change it: NACK, hardware unchanged */
	msg_mac(0, SRNIC_MBX_MAC_SET, vf_mac);
	CHECK(is_reply(0x00000002, false, true));
	CHECK_EQ(res.err, -EPERM);
	CHECK_EQ(res.rule, SRNIC_POL_ADMIN_MAC);
	CHECK(!strcmp(srnic_pol_rule_name(res.rule), "admin-mac"));
	CHECK_EQ(sh(SRNIC_RAL(23)), 0x0000aa02);
	CHECK_EQ(pol.vf[0].stats.by_rule[SRNIC_POL_ADMIN_MAC], 1);
	/* re-sending the admin MAC itself is fine and quiet */
	msg_mac(0, SRNIC_MBX_MAC_SET, admin_mac);
	CHECK(is_reply(0x00000002, true, true));
	/* trusted: allowed, hardware follows */
	srnic_pol_set_vf_trust(&pol, 0, true);
	msg_mac(0, SRNIC_MBX_MAC_SET, vf_mac);
	CHECK(is_reply(0x00000002, true, true));
	CHECK_EQ(sh(SRNIC_RAL(23)), 0x0000bb02);
	/* but not someone else's address */
	mk_mac(other, 1, 0);
	srnic_pol_set_vf_mac(&pol, 1, other);
	msg_mac(0, SRNIC_MBX_MAC_SET, other);
	CHECK_EQ(res.err, -EADDRINUSE);
	CHECK_EQ(res.rule, SRNIC_POL_MAC_IN_USE);
	/* admin MAC wins again at the next VF reset */
	vf_reset(0);
	CHECK_EQ(res.reply[1], 0x0000aa02);
	/* clearing the admin MAC lifts the restriction */
	srnic_pol_set_vf_trust(&pol, 0, false);
	CHECK_EQ(srnic_pol_set_vf_mac(&pol, 0, (u8[6]){ 0 }), 0);
	msg_mac(0, SRNIC_MBX_MAC_SET, vf_mac);
	CHECK(is_reply(0x00000002, true, true));
}

TEST(pol_set_mac_invalid)
{
	u8 mc[6] = { 0x01, 0, 0x5e, 0, 0, 1 }, zero[6] = { 0 };

	env(1);
	vf_reset(0);
	msg_mac(0, SRNIC_MBX_MAC_SET, mc);
	CHECK_EQ(res.err, -EINVAL);
	CHECK_EQ(res.rule, SRNIC_POL_BAD_MAC);
	msg_mac(0, SRNIC_MBX_MAC_SET, zero);
	CHECK_EQ(res.rule, SRNIC_POL_BAD_MAC);
	msg_mac(0, SRNIC_MBX_MAC_FILTER_ADD, mc);
	CHECK_EQ(res.rule, SRNIC_POL_BAD_MAC);
	msg_mac(0, 3, vf_mac);	/* unknown sub-command */
	CHECK(is_reply(0x00030002, false, true));
	CHECK_EQ(res.rule, SRNIC_POL_BAD_REQUEST);
}

TEST(pol_mac_filter_clr_always_works)
{
	u8 f[6];

	env(1);
	vf_reset(0);
	mk_mac(f, 0, 0);
	msg_mac(0, SRNIC_MBX_MAC_FILTER_ADD, f);
	CHECK(is_reply(0x00020002, true, true));
	CHECK_EQ(sw.vport[0].nr_uc, 1);
	/* CLR carries a zero address: stock igb NACKs it, we don't */
	msg_mac(0, SRNIC_MBX_MAC_FILTER_CLR, (u8[6]){ 0 });
	CHECK(is_reply(0x00010002, true, true));
	CHECK_EQ(sw.vport[0].nr_uc, 0);
	/* also with an admin MAC and no trust */
	srnic_pol_set_vf_mac(&pol, 0, admin_mac);
	msg_mac(0, SRNIC_MBX_MAC_FILTER_CLR, (u8[6]){ 0 });
	CHECK(is_reply(0x00010002, true, true));
	msg_mac(0, SRNIC_MBX_MAC_FILTER_ADD, f);
	CHECK_EQ(res.rule, SRNIC_POL_ADMIN_MAC);
	CHECK_EQ(res.err, -EPERM);
}

TEST(pol_mac_filter_limits)
{
	unsigned int vf, i, full = 0;
	u8 f[6];

	env(7);
	for (vf = 0; vf < 7; vf++)
		vf_reset(vf);
	for (i = 0; i < 3; i++) {
		mk_mac(f, 0, i);
		msg_mac(0, SRNIC_MBX_MAC_FILTER_ADD, f);
		CHECK(is_reply(0x00020002, true, true));
	}
	/* a 4th filter: per-VF limit */
	mk_mac(f, 0, 3);
	msg_mac(0, SRNIC_MBX_MAC_FILTER_ADD, f);
	CHECK_EQ(res.err, -ENOSPC);
	CHECK_EQ(res.rule, SRNIC_POL_UC_LIMIT);
	/* re-adding one it has is not a new filter */
	mk_mac(f, 0, 1);
	msg_mac(0, SRNIC_MBX_MAC_FILTER_ADD, f);
	CHECK(is_reply(0x00020002, true, true));
	/* another VF's filter address is not available */
	msg_mac(1, SRNIC_MBX_MAC_FILTER_ADD, f);
	CHECK_EQ(res.rule, SRNIC_POL_MAC_IN_USE);
	/* the shared table runs out before 7 x 3: the last VFs keep their
	 * guaranteed one, the rest is refused by quota
	 */
	for (vf = 1; vf < 7; vf++) {
		for (i = 0; i < 3; i++) {
			mk_mac(f, vf, i);
			msg_mac(vf, SRNIC_MBX_MAC_FILTER_ADD, f);
			if (i == 0)
				CHECK(is_reply(0x00020002, true, true));
			if (res.rule == SRNIC_POL_UC_QUOTA) {
				CHECK_EQ(res.err, -ENOSPC);
				full++;
			}
		}
	}
	CHECK_EQ(full, 21 - 13);
	CHECK_EQ(srnic_sw_uc_room(&sw, 7), 3);	/* the PF keeps its share */
}

TEST(pol_set_multicast)
{
	unsigned int i;
	union srnic_mbx_msg *mm = (union srnic_mbx_msg *)m;

	env(2);
	vf_reset(0);
	memset(m, 0, sizeof(m));
	m[0] = srnic_mbx_w0(SRNIC_MBX_SET_MULTICAST, 30);
	for (i = 0; i < 30; i++)
		srnic_mbx_put_mc_hash(mm, i, 0x40 * i + 1);
	send(0);
	CHECK(is_reply(0x001e0003, true, true));
	CHECK_EQ(sw.vport[0].nr_mc, 30);
	CHECK_EQ(sh(SRNIC_MTA(2)), BIT(1));	/* hash 0x41 */
	CHECK(sh(SRNIC_VMOLR(0)) & SRNIC_VMOLR_ROMPE);
	CHECK(!(sh(SRNIC_VMOLR(0)) & SRNIC_VMOLR_MPME));
	/* high bits of a hash are ignored */
	m[0] = srnic_mbx_w0(SRNIC_MBX_SET_MULTICAST, 1);
	m[1] = 0xf010;
	send(0);
	CHECK_EQ(sw.vport[0].mc[0], 0x010);
	CHECK_EQ(sh(SRNIC_MTA(0)), BIT(16));
	/* 31 hashes: multicast promiscuous */
	m[0] = srnic_mbx_w0(SRNIC_MBX_SET_MULTICAST, 31);
	send(0);
	CHECK(is_reply(0x001f0003, true, true));
	CHECK(sh(SRNIC_VMOLR(0)) & SRNIC_VMOLR_MPME);
	CHECK_EQ(sh(SRNIC_MTA(0)), 0);
	/* FreeBSD-style overflow flag as well */
	m[0] = srnic_mbx_w0(SRNIC_MBX_SET_MULTICAST, 0x80 | 3);
	send(0);
	CHECK(sh(SRNIC_VMOLR(0)) & SRNIC_VMOLR_MPME);
	/* empty list */
	m[0] = SRNIC_MBX_SET_MULTICAST;
	send(0);
	CHECK(!(sh(SRNIC_VMOLR(0)) & (SRNIC_VMOLR_MPME | SRNIC_VMOLR_ROMPE)));
}

TEST(pol_set_vlan)
{
	unsigned int v;
	u32 add = srnic_mbx_w0(SRNIC_MBX_SET_VLAN, 1);

	env(2);
	vf_reset(0);
	vf_reset(1);
	msg3(0, add, 100, 0);
	CHECK(is_reply(add, true, true));
	CHECK(srnic_sw_vlan_member(&sw, 0, 100));
	CHECK(sh(SRNIC_VMOLR(0)) & SRNIC_VMOLR_STRVLAN);
	msg3(0, SRNIC_MBX_SET_VLAN, 100, 0);
	CHECK(is_reply(SRNIC_MBX_SET_VLAN, true, true));
	CHECK(!srnic_sw_vlan_member(&sw, 0, 100));
	/* removing VID 0, or a VLAN it is not in: ACK, nothing changes */
	msg3(0, SRNIC_MBX_SET_VLAN, 0, 0);
	CHECK(is_reply(SRNIC_MBX_SET_VLAN, true, true));
	CHECK(srnic_sw_vlan_member(&sw, 0, 0));
	msg3(0, SRNIC_MBX_SET_VLAN, 55, 0);
	CHECK(is_reply(SRNIC_MBX_SET_VLAN, true, true));
	/* range: 4095 and anything above bit 11 */
	msg3(0, add, 4095, 0);
	CHECK_EQ(res.rule, SRNIC_POL_VLAN_RANGE);
	CHECK_EQ(res.err, -EINVAL);
	msg3(0, add, 0x10064, 0);
	CHECK_EQ(res.rule, SRNIC_POL_VLAN_RANGE);
	/* VLAN quota: 28 / 2 VLANs per VF */
	for (v = 1; v <= 14; v++) {
		msg3(0, add, v, 0);
		CHECK(is_reply(add, true, true));
	}
	msg3(0, add, 15, 0);
	CHECK(is_reply(add, false, true));	/* echoes MSGINFO: 0x60010004 */
	CHECK_EQ(res.reply[0], 0x60010004);
	CHECK_EQ(res.err, -ENOSPC);
	CHECK_EQ(res.rule, SRNIC_POL_VLAN_QUOTA);
	CHECK(!strcmp(srnic_pol_rule_name(res.rule), "vlan-quota"));
	CHECK_EQ(pol.vf[0].stats.by_rule[SRNIC_POL_VLAN_QUOTA], 1);
	CHECK_EQ(srnic_mbx_reply_status(add, res.reply[0]), SRNIC_MBX_ST_NACK);
	msg3(1, add, 5, 0);	/* shared entry */
	CHECK(is_reply(add, true, true));
}

TEST(pol_port_vlan_refuses_vf_vlans)
{
	u32 add = srnic_mbx_w0(SRNIC_MBX_SET_VLAN, 1);

	env(2);
	vf_reset(0);
	msg3(0, add, 7, 0);
	CHECK_EQ(srnic_pol_set_vf_vlan(&pol, 0, 100, 2), SRNIC_POL_ACT_RESET);
	CHECK(!srnic_sw_vlan_member(&sw, 0, 7));
	CHECK_EQ(sh(SRNIC_VMVIR(0)), 100 | (2 << 13) | BIT(30));
	vf_reset(0);
	msg3(0, add, 8, 0);
	CHECK(is_reply(add, false, true));
	CHECK_EQ(res.err, -EPERM);
	CHECK_EQ(res.rule, SRNIC_POL_PORT_VLAN);
	CHECK(!strcmp(srnic_pol_rule_name(res.rule), "port-vlan"));
	msg3(0, SRNIC_MBX_SET_VLAN, 100, 0);	/* can't drop it either */
	CHECK_EQ(res.rule, SRNIC_POL_PORT_VLAN);
	CHECK(srnic_sw_vlan_member(&sw, 0, 100));
	/* trust does not matter */
	srnic_pol_set_vf_trust(&pol, 0, true);
	msg3(0, add, 8, 0);
	CHECK_EQ(res.rule, SRNIC_POL_PORT_VLAN);
	/* VID 0 (what igbvf adds on open) is quietly accepted */
	msg3(0, add, 0, 0);
	CHECK(is_reply(add, true, true));
	CHECK_EQ(res.err, 0);
	CHECK_EQ(srnic_pol_set_vf_vlan(&pol, 0, 4095, 0), -EINVAL);
	CHECK_EQ(srnic_pol_set_vf_vlan(&pol, 0, 5, 8), -EINVAL);
	CHECK_EQ(srnic_pol_set_vf_vlan(&pol, 0, 100, 2), SRNIC_POL_ACT_NONE);
	CHECK_EQ(srnic_pol_set_vf_vlan(&pol, 0, 0, 0), SRNIC_POL_ACT_RESET);
	vf_reset(0);
	msg3(0, add, 8, 0);
	CHECK(is_reply(add, true, true));
}

TEST(pol_set_lpe_limits)
{
	env(1);
	vf_reset(0);
	msg3(0, SRNIC_MBX_SET_LPE, 9728, 0);
	CHECK(is_reply(SRNIC_MBX_SET_LPE, true, true));
	CHECK_EQ(sh(SRNIC_VMOLR(0)) & SRNIC_VMOLR_RLPML_MASK, 9728);
	CHECK(sh(SRNIC_VMOLR(0)) & SRNIC_VMOLR_LPE);
	msg3(0, SRNIC_MBX_SET_LPE, 9729, 0);
	CHECK_EQ(res.rule, SRNIC_POL_LPE_RANGE);
	CHECK_EQ(sh(SRNIC_VMOLR(0)) & SRNIC_VMOLR_RLPML_MASK, 9728);
	msg3(0, SRNIC_MBX_SET_LPE, 63, 0);
	CHECK_EQ(res.err, -EINVAL);
	msg3(0, SRNIC_MBX_SET_LPE, 0xffffffff, 0);
	CHECK_EQ(res.rule, SRNIC_POL_LPE_RANGE);
	msg3(0, SRNIC_MBX_SET_LPE, 1522, 0);
	CHECK_EQ(sh(SRNIC_VMOLR(0)) & SRNIC_VMOLR_RLPML_MASK, 1522);
}

TEST(pol_set_promisc_trust)
{
	u32 uc = srnic_mbx_w0(SRNIC_MBX_SET_PROMISC, SRNIC_MBX_PROMISC_ALL);
	u32 mc = srnic_mbx_w0(SRNIC_MBX_SET_PROMISC, SRNIC_MBX_PROMISC_MULTICAST);

	env(1);
	vf_reset(0);
	msg3(0, mc, 0, 0);
	CHECK(is_reply(mc, true, true));
	CHECK(sh(SRNIC_VMOLR(0)) & SRNIC_VMOLR_MPME);
	/* unicast promisc: not for untrusted VFs, and nothing half-applied */
	msg3(0, SRNIC_MBX_SET_PROMISC, 0, 0);
	CHECK(!(sh(SRNIC_VMOLR(0)) & SRNIC_VMOLR_MPME));
	msg3(0, uc, 0, 0);
	CHECK(is_reply(uc, false, true));
	CHECK_EQ(res.err, -EPERM);
	CHECK_EQ(res.rule, SRNIC_POL_TRUST);
	CHECK(!(sh(SRNIC_VMOLR(0)) & SRNIC_VMOLR_MPME));
	CHECK_EQ(sh(SRNIC_UTA(0)), 0);
	srnic_pol_set_vf_trust(&pol, 0, true);
	msg3(0, uc, 0, 0);
	CHECK(is_reply(uc, true, true));
	CHECK(sh(SRNIC_VMOLR(0)) & SRNIC_VMOLR_ROPE);
	CHECK_EQ(sh(SRNIC_UTA(0)), ~0U);
	/* revoking trust takes unicast promisc away */
	CHECK_EQ(srnic_pol_set_vf_trust(&pol, 0, false), SRNIC_POL_ACT_RESET);
	CHECK(!(sh(SRNIC_VMOLR(0)) & SRNIC_VMOLR_ROPE));
	CHECK_EQ(sh(SRNIC_UTA(0)), 0);
	msg3(0, srnic_mbx_w0(SRNIC_MBX_SET_PROMISC, 0x04), 0, 0);
	CHECK_EQ(res.rule, SRNIC_POL_BAD_REQUEST);
}

TEST(pol_api_negotiation)
{
	u32 neg = SRNIC_MBX_API_NEGOTIATE;
	u32 add = srnic_mbx_w0(SRNIC_MBX_SET_VLAN, 1);

	env(1);
	/* before VF_RESET: the 1.0 not-CTS rule, like any message */
	msg3(0, neg, SRNIC_MBX_API_MAGIC, SRNIC_MBX_API_1_1);
	CHECK(is_reply(neg, false, false));
	vf_reset(0);
	msg3(0, neg, SRNIC_MBX_API_MAGIC, SRNIC_MBX_API(1, 7));
	CHECK_EQ(res.reply_len, 4);
	CHECK_EQ(res.reply[0], neg | ACK | CTS);
	CHECK_EQ(res.reply[1], SRNIC_MBX_API_MAGIC);
	CHECK_EQ(res.reply[2], SRNIC_MBX_API_1_1);
	/* word 3: the ping of now (clear to send, link up) */
	CHECK_EQ(res.reply[3], 0x20010100);
	CHECK_EQ(pol.vf[0].api, SRNIC_MBX_API_1_1);
	/* 1.1 NACKs carry the reason and the policy, and say so in word 0 */
	srnic_pol_set_vf_vlan(&pol, 0, 10, 0);
	msg3(0, add, 8, 0);
	CHECK_EQ(res.reply_len, 3);
	CHECK_EQ(res.reply[0], 0x70010004);
	CHECK_EQ(SRNIC_MBX_NACK_REASON, 0x10000000);
	CHECK_EQ(res.reply[1], SRNIC_MBX_R_PERM);
	CHECK_EQ(res.reply[2], SRNIC_POL_PORT_VLAN);
	CHECK_EQ(srnic_mbx_reason_to_errno(res.reply[1], -EIO), -EPERM);
	/* ACKs stay one word */
	msg3(0, SRNIC_MBX_SET_LPE, 1522, 0);
	CHECK(is_reply(SRNIC_MBX_SET_LPE, true, true));
	/* 1.1 ping carries the link state */
	CHECK_EQ(srnic_pol_ping(&pol, 0), 0x20010100);
	/* a bad negotiation: NACK, and back to 1.0 on both sides */
	msg3(0, neg, 0x12345678, SRNIC_MBX_API_1_1);
	CHECK(is_reply(neg, false, true));
	CHECK_EQ(pol.vf[0].api, SRNIC_MBX_API_1_0);
	msg3(0, neg, SRNIC_MBX_API_MAGIC, 0x0001);
	CHECK_EQ(res.rule, SRNIC_POL_BAD_REQUEST);
	msg3(0, neg, SRNIC_MBX_API_MAGIC, SRNIC_MBX_API_1_0);
	CHECK_EQ(res.reply[2], SRNIC_MBX_API_1_0);
	/* every reset goes back to 1.0 */
	msg3(0, neg, SRNIC_MBX_API_MAGIC, SRNIC_MBX_API_1_1);
	vf_reset(0);
	CHECK_EQ(pol.vf[0].api, SRNIC_MBX_API_1_0);
	CHECK_EQ(srnic_pol_ping(&pol, 0), 0x20000100);
}

TEST(pol_vf_flr)
{
	u8 f[6];

	env(2);
	vf_reset(0);
	msg_mac(0, SRNIC_MBX_MAC_SET, vf_mac);
	mk_mac(f, 0, 5);
	msg_mac(0, SRNIC_MBX_MAC_FILTER_ADD, f);
	srnic_pol_set_vf_spoofchk(&pol, 0, false);
	srnic_pol_vf_flr(&pol, 0);
	CHECK(!pol.vf[0].cts);
	CHECK_EQ(sh(SRNIC_VFRE) & 1, 0);
	CHECK_EQ(sh(SRNIC_RAH(23)), 0);	/* self-chosen MAC forgotten */
	CHECK_EQ(sw.vport[0].nr_uc, 0);
	CHECK_EQ(sh(SRNIC_DTXSWC) & 0x101, 0);	/* spoofchk stays off */
	CHECK_EQ(pol.vf[0].stats.flrs, 1);
	vf_reset(0);
	CHECK_EQ(res.reply[0], 0x40000001);
	/* admin MAC survives an FLR */
	srnic_pol_set_vf_mac(&pol, 1, admin_mac);
	vf_reset(1);
	srnic_pol_vf_flr(&pol, 1);
	CHECK_EQ(sh(SRNIC_RAL(22)), 0x0000aa02);
	vf_reset(1);
	CHECK_EQ(res.reply[0], 0x80000001);
}

TEST(pol_pf_reset_replay)
{
	static struct ut_regs r_file;	/* too big for a kernel stack */
	struct ut_regs *r = &r_file;

	memset(r, 0, sizeof(*r));
	env(2);
	srnic_pol_set_vf_spoofchk(&pol, 1, false);
	srnic_pol_set_vf_rate(&pol, 1, 0, 300);
	srnic_pol_set_vf_vlan(&pol, 1, 42, 1);
	vf_reset(0);
	vf_reset(1);
	srnic_sw_flush(&sw, ut_regs_write, r);
	srnic_pol_pf_reset(&pol);
	CHECK(!pol.vf[0].cts && !pol.vf[1].cts);
	CHECK_EQ(srnic_pol_ping(&pol, 0), SRNIC_MBX_PF_CONTROL_MSG);
	memset(r, 0, sizeof(*r));
	srnic_sw_flush(&sw, ut_regs_write, r);
	CHECK_EQ(r->n, SRNIC_SW_NREGS + SRNIC_SW_TXQ);
	/* policy still in force in what is written after the reset */
	CHECK_EQ(r->val[SRNIC_DTXSWC / 4], 0x80000101);
	CHECK_EQ(r->rtt[1], 0x8000D561);
	CHECK_EQ(r->rtt[9], 0x8FFFFFFF);
	CHECK_EQ(r->val[SRNIC_VMVIR(1) / 4], 42 | (1 << 13) | BIT(30));
	CHECK_EQ(r->val[SRNIC_VFRE / 4], 0x4);	/* PF only until VF_RESET */
	vf_reset(1);
	CHECK_EQ(sh(SRNIC_DTXSWC), 0x80000101);
	CHECK_EQ(sh(SRNIC_VFRE), 0x6);
}

TEST(pol_link_state)
{
	u32 w;

	env(2);
	vf_reset(0);
	CHECK_EQ(srnic_pol_ping(&pol, 0), 0x20000100);
	CHECK_EQ(srnic_pol_set_vf_link_state(&pol, 0, SRNIC_POL_LINK_DISABLE),
		 SRNIC_POL_ACT_PING);
	CHECK_EQ(srnic_pol_ping(&pol, 0), 0x00000100);
	CHECK_EQ(sh(SRNIC_VFRE) & 1, 0);
	CHECK_EQ(sh(SRNIC_VFTE) & 1, 0);
	/* requests still work but replies carry no CTS */
	msg3(0, SRNIC_MBX_SET_LPE, 1522, 0);
	CHECK(is_reply(SRNIC_MBX_SET_LPE, true, false));
	/* a reset does not re-enable a disabled VF */
	vf_reset(0);
	CHECK_EQ(sh(SRNIC_VFRE) & 1, 0);
	CHECK_EQ(srnic_pol_set_vf_link_state(&pol, 0, SRNIC_POL_LINK_AUTO),
		 SRNIC_POL_ACT_PING);
	CHECK_EQ(sh(SRNIC_VFRE) & 1, 1);
	CHECK_EQ(srnic_pol_ping(&pol, 0), 0x20000100);
	CHECK_EQ(srnic_pol_set_vf_link_state(&pol, 0, 3), -EINVAL);
	/* VF not yet up: nothing to tell */
	CHECK_EQ(srnic_pol_set_vf_link_state(&pol, 1, SRNIC_POL_LINK_ENABLE), 0);
	CHECK_EQ(sh(SRNIC_VFRE) & 2, 0);
	/* bare NACK for an ack from a non-CTS VF, rate-limited */
	CHECK(srnic_pol_vf_ack(&pol, 1, 10000, &w));
	CHECK_EQ(w, 0x40000000);
	CHECK(!srnic_pol_vf_ack(&pol, 1, 11000, &w));
	CHECK(srnic_pol_vf_ack(&pol, 1, 12000, &w));
	CHECK(!srnic_pol_vf_ack(&pol, 0, 20000, &w));
}

TEST(pol_rate_limit)
{
	env(2);
	CHECK_EQ(srnic_pol_set_vf_rate(&pol, 0, 100, 300), -EOPNOTSUPP);
	CHECK_EQ(srnic_pol_set_vf_rate(&pol, 0, 0, 1001), -EINVAL);
	CHECK_EQ(srnic_pol_set_vf_rate(&pol, 2, 0, 300), -EINVAL);
	CHECK_EQ(srnic_pol_set_vf_rate(&pol, 0, 0, 300), 0);
	CHECK_EQ(sw.reg[SRNIC_SW_R_RTTBCNRC], 0x8000D561);
	CHECK_EQ(sw.reg[SRNIC_SW_R_RTTBCNRC + 8], 0x8FFFFFFF);
	/* link to 100 Mbit/s: the limit is kept, not silently dropped */
	srnic_pol_set_link(&pol, true, 100);
	CHECK_EQ(sw.reg[SRNIC_SW_R_RTTBCNRC], 0x80004002);
	CHECK_EQ(srnic_pol_set_vf_rate(&pol, 1, 0, 300), -EINVAL);	/* > link */
	srnic_pol_set_link(&pol, false, 0);
	CHECK_EQ(sw.reg[SRNIC_SW_R_RTTBCNRC], 0);
	CHECK_EQ(srnic_pol_set_vf_rate(&pol, 1, 0, 500), 0);	/* accepted while down */
	srnic_pol_set_link(&pol, true, 1000);
	CHECK_EQ(sw.reg[SRNIC_SW_R_RTTBCNRC], 0x8000D561);
	CHECK_EQ(sw.reg[SRNIC_SW_R_RTTBCNRC + 1], 0x80008005);
	/* a VF reset keeps it */
	vf_reset(0);
	CHECK_EQ(sw.reg[SRNIC_SW_R_RTTBCNRC], 0x8000D561);
	CHECK_EQ(srnic_pol_set_vf_rate(&pol, 0, 0, 0), 0);
	CHECK_EQ(sw.reg[SRNIC_SW_R_RTTBCNRC], 0);
	CHECK_EQ(sw.reg[SRNIC_SW_R_RTTBCNRC + 8], 0);
}

/*
 * Issue 7, defect 4: a legitimate guest with 62 VLANs replays its state
 * after a reset, back to back: every message gets its reply (the old
 * 64-message burst dropped the tail of the replay, and the guest reset
 * again).
 */
TEST(pol_vlan_replay_never_dropped)
{
	unsigned int i, answered = 0, msgs = 0;

	env(2);
	memset(m, 0, sizeof(m));
	m[0] = SRNIC_MBX_VF_RESET;
	for (i = 0; i < 3; i++) {	/* a few resets in a row, too */
		srnic_pol_handle_msg(&pol, 1, m, now, &res);
		answered += res.reply_len != 0;
		msgs++;
	}
	for (i = 1; i <= 62; i++) {
		memset(m, 0, sizeof(m));
		m[0] = srnic_mbx_w0(SRNIC_MBX_SET_VLAN, SRNIC_MBX_VLAN_ADD);
		m[1] = i;
		srnic_pol_handle_msg(&pol, 1, m, now, &res);
		answered += res.reply_len != 0;
		CHECK(res.rule != SRNIC_POL_THROTTLED);
		msgs++;
	}
	memset(m, 0, sizeof(m));
	m[0] = SRNIC_MBX_SET_LPE;
	m[1] = 1522;
	srnic_pol_handle_msg(&pol, 1, m, now, &res);
	answered += res.reply_len != 0;
	msgs++;
	CHECK_EQ(answered, msgs);
	CHECK_EQ(pol.vf[1].stats.throttled, 0);
	/* and the PF's work budget covers it: request + ack per message */
	for (i = 0; i < 2 * msgs; i++) {
		bool report = false;

		CHECK(srnic_pol_ev_may_serve(&pol, 1, now, &report));
		CHECK(!report);
		srnic_pol_ev_charge(&pol, 1, SRNIC_POL_EV_REQ);
	}
}

/* A flooding VF gets at most burst + rate units of PF work per second */
TEST(pol_ev_budget_bounds_work)
{
	unsigned int served = 0, reports = 0, i, t;
	bool report;

	env(2);
	/* a storm: an event every 0.1 ms for 10 s, each costing a VFLR */
	for (t = 0; t < 100000; t++) {
		now = t / 10;
		report = false;
		if (srnic_pol_ev_may_serve(&pol, 1, now, &report)) {
			served++;
			srnic_pol_ev_charge(&pol, 1, SRNIC_POL_EV_VFLR);
		}
		reports += report;
	}
	/* 512 units of burst + 200 units/s over 10 s, 4 units an event */
	CHECK(served * SRNIC_POL_EV_VFLR <=
	      SRNIC_POL_EV_BURST + 10 * SRNIC_POL_EV_RATE + SRNIC_POL_EV_VFLR);
	CHECK(served > 0);
	/* each deferral episode waits for RESUME units: a few per second */
	CHECK(reports >= 1);
	CHECK(reports <= 10 * SRNIC_POL_EV_RATE / SRNIC_POL_EV_RESUME + 1);
	CHECK_EQ(pol.vf[1].stats.throttled, reports);
	/* the other VF is untouched */
	report = false;
	CHECK(srnic_pol_ev_may_serve(&pol, 0, now, &report));
	CHECK_EQ(srnic_pol_ev_units(&pol, 0, now), SRNIC_POL_EV_BURST);
	/* over budget: no units for a busy-wait either, and a resume time */
	report = false;
	for (i = 0; i < 1000 && srnic_pol_ev_may_serve(&pol, 1, now, &report);
	     i++)
		srnic_pol_ev_charge(&pol, 1, 1);
	CHECK_EQ(srnic_pol_ev_units(&pol, 1, now), 0);
	CHECK(srnic_pol_ev_resume_ms(&pol, 1) > 0);
	CHECK(srnic_pol_ev_resume_ms(&pol, 1) <=
	      SRNIC_POL_EV_RESUME * SRNIC_POL_EV_COST_MS);
	/* the clock going backwards mints nothing */
	CHECK(!srnic_pol_ev_may_serve(&pol, 1, now - 100000, &report));
	/* after the penalty it is served again */
	now += SRNIC_POL_EV_RESUME * SRNIC_POL_EV_COST_MS;
	CHECK(srnic_pol_ev_may_serve(&pol, 1, now, &report));
	CHECK(srnic_pol_ev_units(&pol, 1, now) >= SRNIC_POL_EV_RESUME);
}

TEST(pol_admin_mac_change_kicks_vf)
{
	u8 mac2[6] = { 0x02, 0xaa, 0, 0, 0, 2 };
	u32 w;

	env(2);
	CHECK_EQ(srnic_pol_set_vf_mac(&pol, 0, admin_mac), SRNIC_POL_ACT_NONE);
	vf_reset(0);
	CHECK_EQ(srnic_pol_set_vf_mac(&pol, 0, admin_mac), SRNIC_POL_ACT_NONE);
	CHECK_EQ(srnic_pol_set_vf_mac(&pol, 0, mac2), SRNIC_POL_ACT_RESET);
	CHECK_EQ(sh(SRNIC_RAH(23)) & 0xffff, 0x0200);	/* filter moved at once */
	w = srnic_pol_kick(&pol, 0, now);
	CHECK_EQ(w, 0x40000100);	/* NACK without CTS: igbvf resets */
	CHECK(!pol.vf[0].cts);
	CHECK_EQ(sh(SRNIC_VFRE) & 1, 0);
	vf_reset(0);
	CHECK_EQ(res.reply[2], 0x0200);
	CHECK_EQ(sh(SRNIC_VFRE) & 1, 1);
	CHECK_EQ(srnic_pol_set_vf_mac(&pol, 1, mac2), -EADDRINUSE);
	CHECK_EQ(srnic_pol_set_vf_mac(&pol, 1, (u8[6]){ 1, 2, 3, 4, 5, 6 }), -EINVAL);
	CHECK_EQ(srnic_pol_set_vf_mac(&pol, 2, mac2), -EINVAL);
}

TEST(pol_trust_revoke_restores_policy)
{
	u8 f[6];

	env(1);
	srnic_pol_set_vf_mac(&pol, 0, admin_mac);
	srnic_pol_set_vf_trust(&pol, 0, true);
	vf_reset(0);
	msg_mac(0, SRNIC_MBX_MAC_SET, vf_mac);
	mk_mac(f, 0, 5);
	msg_mac(0, SRNIC_MBX_MAC_FILTER_ADD, f);
	CHECK_EQ(sw.vport[0].nr_uc, 1);
	CHECK_EQ(srnic_pol_set_vf_trust(&pol, 0, false), SRNIC_POL_ACT_RESET);
	CHECK_EQ(sw.vport[0].nr_uc, 0);
	CHECK_EQ(sh(SRNIC_RAL(23)), 0x0000aa02);
	CHECK(!memcmp(pol.vf[0].mac, admin_mac, 6));
	CHECK_EQ(srnic_pol_set_vf_trust(&pol, 0, false), SRNIC_POL_ACT_NONE);
}

TEST(pol_requests_touch_only_own_vport)
{
	/* static: too big for a kernel stack (the KUnit build) */
	static struct srnic_sw_vport before[SRNIC_SW_POOLS];
	u32 add = srnic_mbx_w0(SRNIC_MBX_SET_VLAN, 1);
	unsigned int p;
	u8 f[6];

	env(3);
	vf_reset(0);
	vf_reset(2);
	msg3(0, add, 10, 0);
	mk_mac(f, 0, 0);
	msg_mac(0, SRNIC_MBX_MAC_FILTER_ADD, f);
	memcpy(before, sw.vport, sizeof(before));
	vf_reset(1);
	msg3(1, add, 10, 0);
	msg3(1, SRNIC_MBX_SET_LPE, 9000, 0);
	msg3(1, srnic_mbx_w0(SRNIC_MBX_SET_PROMISC, 2), 0, 0);
	msg_mac(1, SRNIC_MBX_MAC_FILTER_CLR, (u8[6]){ 0 });
	msg_mac(1, SRNIC_MBX_MAC_FILTER_ADD, f);
	msg3(1, SRNIC_MBX_SET_VLAN, 10, 0);
	srnic_pol_vf_flr(&pol, 1);
	for (p = 0; p < SRNIC_SW_POOLS; p++)
		if (p != 1)
			CHECK(!memcmp(&before[p], &sw.vport[p], sizeof(before[p])));
	CHECK(srnic_sw_vlan_member(&sw, 0, 10));
}

TEST(pol_bad_vf_number)
{
	env(2);
	srnic_pol_handle_msg(&pol, 2, (u32[16]){ 1 }, 0, &res);
	CHECK_EQ(res.reply_len, 0);
	CHECK_EQ(res.err, -EINVAL);
	srnic_pol_vf_flr(&pol, 7);
	CHECK(srnic_pol_vf_state(&pol, 2) == NULL);
	CHECK(srnic_pol_vf_state(&pol, 1) != NULL);
	CHECK_EQ(srnic_pol_set_vf_spoofchk(&pol, 5, true), -EINVAL);
	CHECK_EQ(srnic_pol_set_vf_trust(&pol, 5, true), -EINVAL);
}

/* Issue 7 #3: with 7 VFs each VF may use 4 VLANs (VID 0 aside): 31 VLVF
 * entries, 3 kept for the PF, 28 / 7 per VF.
 */
#define UT_VLAN_QUOTA_7	4

TEST(pol_vlan_flood_keeps_others_and_admin)
{
	u32 add = srnic_mbx_w0(SRNIC_MBX_SET_VLAN, 1);
	unsigned int vf, v, acked = 0, quota_nacks = 0;
	int act;

	env(7);
	for (vf = 0; vf < 7; vf++)
		vf_reset(vf);
	/* VF0 floods: only its quota gets in */
	for (v = 1; v <= 99; v++) {
		msg3(0, add, v, 0);
		if (res.reply[0] & ACK) {
			acked++;
		} else {
			CHECK_EQ(res.err, -ENOSPC);
			CHECK(!strcmp(srnic_pol_rule_name(res.rule), "vlan-quota"));
			quota_nacks += res.rule != SRNIC_POL_VLVF_FULL;
		}
	}
	CHECK_EQ(acked, UT_VLAN_QUOTA_7);
	CHECK_EQ(quota_nacks, 99 - UT_VLAN_QUOTA_7);
	CHECK_EQ(pol.vf[0].stats.by_rule[res.rule], 99 - UT_VLAN_QUOTA_7);
	/* every other VF still gets its whole quota, in VIDs of its own */
	for (vf = 1; vf < 7; vf++) {
		for (v = 0; v < UT_VLAN_QUOTA_7; v++) {
			msg3(vf, add, 1000 + vf * 10 + v, 0);
			CHECK(is_reply(add, true, true));
			CHECK(srnic_sw_vlan_member(&sw, vf, 1000 + vf * 10 + v));
		}
	}
	/* the administrator can still give every VF a port VLAN */
	for (vf = 0; vf < 7; vf++) {
		act = srnic_pol_set_vf_vlan(&pol, vf, 2000 + vf, 0);
		CHECK(act >= 0);
		CHECK(srnic_sw_vlan_member(&sw, vf, 2000 + vf));
	}
	/* and the PF its own VLANs, with VLVF entries of its own */
	for (v = 0; v < 3; v++) {
		CHECK_EQ(srnic_sw_vlan_add(&sw, 7, 3000 + v), 0);
		CHECK(srnic_sw_vlan_member(&sw, 7, 3000 + v));
	}
}

TEST(pol_vlan_quota_before_admin_port_vlans)
{
	u32 add = srnic_mbx_w0(SRNIC_MBX_SET_VLAN, 1);
	unsigned int vf, v;

	/* every VF asks for the same 40 VIDs (so moving one VF to a port
	 * VLAN frees nothing), the PF adds 40 more, then the administrator
	 * sets port VLANs no VF uses: never ENOSPC
	 */
	env(7);
	for (vf = 0; vf < 7; vf++) {
		vf_reset(vf);
		for (v = 0; v < 40; v++)
			msg3(vf, add, 100 + v, 0);
	}
	for (v = 1; v <= 40; v++)
		srnic_sw_vlan_add(&sw, 7, 3000 + v);
	for (vf = 0; vf < 7; vf++)
		CHECK(srnic_pol_set_vf_vlan(&pol, vf, 4000 + vf, 1) >= 0);
	for (vf = 0; vf < 7; vf++)
		CHECK(srnic_sw_vlan_member(&sw, vf, 4000 + vf));
}

/* Issue 7 #3, RAR: 16 shared entries with 7 VFs, 3 for the PF */
TEST(pol_uc_filters_five_colluding_vfs)
{
	unsigned int vf, i;
	u8 f[6];

	env(7);
	for (vf = 0; vf < 7; vf++)
		vf_reset(vf);
	for (vf = 0; vf < 5; vf++) {
		for (i = 0; i < 3; i++) {
			mk_mac(f, vf, i);
			msg_mac(vf, SRNIC_MBX_MAC_FILTER_ADD, f);
			if (!(res.reply[0] & ACK)) {
				CHECK_EQ(res.err, -ENOSPC);
				CHECK(!strcmp(srnic_pol_rule_name(res.rule),
					      "uc-quota"));
			}
		}
	}
	/* VF5 and VF6 still get their share */
	for (vf = 5; vf < 7; vf++) {
		mk_mac(f, vf, 0);
		msg_mac(vf, SRNIC_MBX_MAC_FILTER_ADD, f);
		CHECK(is_reply(0x00020002, true, true));
		CHECK_EQ(srnic_sw_mac_owner(&sw, f), vf);
	}
	/* and the PF its reserve */
	for (i = 0; i < 3; i++) {
		mk_mac(f, 7, i);
		CHECK_EQ(srnic_sw_uc_add(&sw, 7, f), 0);
	}
}

/* What the PF netdev does when its address or unicast list changes */
static int pf_claim_mac(const u8 *mac)
{
	int err = srnic_pol_mac_usable(&pol, sw.pf_pool, mac);

	return err ? err : srnic_pol_pf_set_mac(&pol, mac);
}

static int pf_add_uc(const u8 *mac)
{
	return srnic_pol_pf_uc_add(&pol, mac);
}

/* Issue 7 #8 */
TEST(pol_pf_cannot_take_admin_mac)
{
	u8 pf_mac[6] = { 0x52, 0x54, 0, 0, 0, 7 };

	env(2);
	CHECK_EQ(pf_claim_mac(pf_mac), 0);
	srnic_pol_set_vf_mac(&pol, 0, admin_mac);
	srnic_pol_set_vf_trust(&pol, 0, true);
	vf_reset(0);
	msg_mac(0, SRNIC_MBX_MAC_SET, vf_mac);
	CHECK(is_reply(0x00000002, true, true));
	/* VF0 is elsewhere, its admin MAC stays reserved against the PF */
	CHECK_EQ(pf_claim_mac(admin_mac), -EADDRINUSE);
	CHECK_EQ(pf_claim_mac(pf_mac), 0);
	CHECK_EQ(pf_add_uc(admin_mac), -EADDRINUSE);
	CHECK_EQ(srnic_sw_mac_owner(&sw, admin_mac), -ENOENT);
	/* trust off: VF0 is back on its admin MAC at once */
	CHECK(srnic_pol_set_vf_trust(&pol, 0, false) >= 0);
	CHECK_EQ(srnic_sw_mac_owner(&sw, admin_mac), 0);
	CHECK_EQ(sh(SRNIC_RAL(23)), 0x0000aa02);
	CHECK_EQ(sh(SRNIC_RAH(23)), 0x80000000 | BIT(18) | 0x0100);
	CHECK(!memcmp(pol.vf[0].mac, admin_mac, 6));
	vf_reset(0);
	CHECK_EQ(res.reply[0], SRNIC_MBX_RESET_ACK);
	CHECK_EQ(res.reply[1], 0x0000aa02);
	CHECK_EQ(res.reply[2], 0x00000100);
	/* other VFs' admin MACs bind the PF too, and the PF still works */
	CHECK_EQ(pf_claim_mac(admin_mac), -EADDRINUSE);
	CHECK_EQ(srnic_sw_mac_owner(&sw, pf_mac), 2);
}

/* Issue 7 #12: a 1.1 VF is told it is rate limited (send on one queue) */
TEST(pol_rate_limited_hint)
{
	u32 neg = SRNIC_MBX_API_NEGOTIATE;
	u32 lim = SRNIC_MBX_CTRL_RATE_LIMITED << SRNIC_MBX_MSGINFO_SHIFT;

	env(2);
	vf_reset(0);
	vf_reset(1);
	msg3(0, neg, SRNIC_MBX_API_MAGIC, SRNIC_MBX_API_1_1);
	CHECK_EQ(srnic_pol_ping(&pol, 0) & lim, 0);
	/* a running 1.1 VF is pinged when the limit comes and goes */
	CHECK_EQ(srnic_pol_set_vf_rate(&pol, 0, 0, 300), SRNIC_POL_ACT_PING);
	CHECK_EQ(srnic_pol_ping(&pol, 0), 0x20010100 | lim);
	CHECK_EQ(srnic_pol_set_vf_rate(&pol, 0, 0, 200), SRNIC_POL_ACT_NONE);
	CHECK_EQ(srnic_pol_set_vf_rate(&pol, 0, 0, 0), SRNIC_POL_ACT_PING);
	CHECK_EQ(srnic_pol_ping(&pol, 0) & lim, 0);
	/* a 1.0 VF never sees the bit */
	CHECK_EQ(srnic_pol_set_vf_rate(&pol, 1, 0, 300), SRNIC_POL_ACT_NONE);
	CHECK_EQ(srnic_pol_ping(&pol, 1), 0x20000100);
	/* a limit from before the VF's reset is in the API_NEGOTIATE ACK */
	CHECK_EQ(srnic_pol_set_vf_rate(&pol, 0, 0, 300), SRNIC_POL_ACT_PING);
	srnic_pol_vf_flr(&pol, 0);
	vf_reset(0);
	msg3(0, neg, SRNIC_MBX_API_MAGIC, SRNIC_MBX_API_1_1);
	CHECK_EQ(res.reply_len, SRNIC_MBX_API_REPLY_LEN);
	CHECK_EQ(res.reply[3], 0x20010100 | lim);
	/* offering 1.0 gets 1.0, and no flags */
	srnic_pol_vf_flr(&pol, 0);
	vf_reset(0);
	msg3(0, neg, SRNIC_MBX_API_MAGIC, SRNIC_MBX_API_1_0);
	CHECK_EQ(res.reply[3], 0x20000100);
}
