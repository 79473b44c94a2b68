// SPDX-License-Identifier: GPL-2.0
/* pf/srnic_pf_switch.c: tables, allocation, refcounts, encoding, flush. */
#include <string.h>

#include "ut.h"
#include "ut_regs.h"
#include "srnic_pf_switch.h"

static struct srnic_sw sw;
static struct ut_regs regs;

static u32 shadow(u32 reg)
{
	u32 v = 0xdeadbeef;

	CHECK_EQ(srnic_sw_shadow(&sw, reg, &v), 0);
	return v;
}

static void mac_of(u8 *m, unsigned int a, unsigned int b)
{
	m[0] = 0x02;
	m[1] = 0;
	m[2] = 0;
	m[3] = a;
	m[4] = b;
	m[5] = 0x10;
}

static void flush(void)
{
	memset(&regs, 0, sizeof(regs));
	srnic_sw_flush(&sw, ut_regs_write, &regs);
}

TEST(sw_init_registers)
{
	u32 vmolr;

	srnic_sw_init(&sw, 7);
	CHECK_EQ(sw.pf_pool, 7);
	vmolr = shadow(SRNIC_VMOLR(7));
	CHECK_EQ(vmolr & SRNIC_VMOLR_RLPML_MASK, 9728);
	CHECK(vmolr & SRNIC_VMOLR_LPE);
	CHECK(vmolr & SRNIC_VMOLR_BAM);
	CHECK(vmolr & SRNIC_VMOLR_AUPE);
	CHECK(vmolr & SRNIC_VMOLR_STRCRC);
	CHECK_EQ(shadow(SRNIC_VMOLR(0)) & SRNIC_VMOLR_RLPML_MASK, 1522);
	/* loopback on, MAC and VLAN anti-spoof for every VF pool, not the PF */
	CHECK_EQ(shadow(SRNIC_DTXSWC), 0x80007f7f);
	CHECK_EQ(shadow(SRNIC_VFRE), 0x80);
	CHECK_EQ(shadow(SRNIC_VFTE), 0x80);
	CHECK_EQ(shadow(SRNIC_RTTBCNRM), 0x14);
	CHECK_EQ(shadow(SRNIC_VLVF(0)), 0);
	CHECK(srnic_sw_is_dirty(&sw));
	CHECK(srnic_sw_vport(&sw, 7) != NULL);
	CHECK(srnic_sw_vport(&sw, 8) == NULL);

	srnic_sw_init(&sw, 0);
	CHECK_EQ(sw.pf_pool, 0);
	CHECK_EQ(shadow(SRNIC_DTXSWC), 0);
	CHECK_EQ(shadow(SRNIC_VFRE), 1);
}

TEST(sw_rar_primary_entries)
{
	u8 pf[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
	u8 m[6];

	srnic_sw_init(&sw, 7);
	CHECK_EQ(srnic_sw_set_mac(&sw, 7, pf), 0);
	CHECK_EQ(shadow(SRNIC_RAL(0)), 0x12005452);
	CHECK_EQ(shadow(SRNIC_RAH(0)), 0x80000000 | BIT(18 + 7) | 0x5634);
	mac_of(m, 0, 0);
	CHECK_EQ(srnic_sw_set_mac(&sw, 0, m), 0);
	CHECK_EQ(shadow(SRNIC_RAH(23)), 0x80000000 | BIT(18) | 0x1000);
	mac_of(m, 0, 2);
	CHECK_EQ(srnic_sw_set_mac(&sw, 2, m), 0);
	CHECK_EQ(shadow(SRNIC_RAH(21)), 0x80000000 | BIT(20) | 0x1002);
	/* VF 3 may not take VF 2's address, nor the PF's */
	CHECK_EQ(srnic_sw_set_mac(&sw, 3, m), -EADDRINUSE);
	CHECK_EQ(srnic_sw_set_mac(&sw, 3, pf), -EADDRINUSE);
	CHECK_EQ(srnic_sw_mac_owner(&sw, m), 2);
	/* zero removes */
	memset(m, 0, 6);
	CHECK_EQ(srnic_sw_set_mac(&sw, 2, m), 0);
	CHECK_EQ(shadow(SRNIC_RAH(21)), 0);
	CHECK_EQ(shadow(SRNIC_RAL(21)), 0);
	m[0] = 1;
	CHECK_EQ(srnic_sw_set_mac(&sw, 2, m), -EINVAL);
	CHECK_EQ(srnic_sw_set_mac(&sw, 8, pf), -EINVAL);
}

TEST(sw_rar_exhaustion)
{
	unsigned int p, i, added = 0;
	int err = 0;
	u8 m[6];

	srnic_sw_init(&sw, 7);
	/* 24 - 1 PF - 7 VF primaries = 16 shared: 3 kept for the PF, one
	 * (13 / 7) guaranteed to each VF, the other 6 first come first served
	 */
	CHECK_EQ(srnic_sw_uc_quota(&sw), 1);
	CHECK_EQ(srnic_sw_uc_room(&sw, 0), 16 - 6 - 3);
	CHECK_EQ(srnic_sw_uc_room(&sw, 7), 16 - 7);
	for (p = 0; p < 7 && !err; p++) {
		for (i = 0; i < 3; i++) {
			mac_of(m, p, i);
			err = srnic_sw_uc_add(&sw, p, m);
			if (err)
				break;
			added++;
		}
	}
	/* VF3 stops at its guarantee: the rest belongs to VF4-6 and the PF */
	CHECK_EQ(err, -EDQUOT);
	CHECK_EQ(added, 3 + 3 + 3 + 1);
	CHECK_EQ(srnic_sw_uc_room(&sw, 3), 0);
	for (p = 4; p < 7; p++)
		CHECK_EQ(srnic_sw_uc_room(&sw, p), 1);
	CHECK_EQ(srnic_sw_uc_room(&sw, 7), 3);
	for (i = 0; i < 3; i++) {
		mac_of(m, 7, i);
		CHECK_EQ(srnic_sw_uc_add(&sw, 7, m), 0);
	}
	mac_of(m, 7, 9);
	CHECK_EQ(srnic_sw_uc_add(&sw, 7, m), -EDQUOT);	/* VF4-6's share */
	for (p = 4; p < 7; p++) {
		mac_of(m, p, 0);
		CHECK_EQ(srnic_sw_uc_add(&sw, p, m), 0);
	}
	mac_of(m, 7, 9);
	CHECK_EQ(srnic_sw_uc_add(&sw, 7, m), -ENOSPC);	/* really full */
	/* the same address again is a no-op, another pool's is refused */
	mac_of(m, 0, 0);
	CHECK_EQ(srnic_sw_uc_add(&sw, 0, m), 0);
	CHECK_EQ(srnic_sw_uc_add(&sw, 1, m), -EADDRINUSE);
	CHECK_EQ(sw.vport[0].nr_uc, 3);
	/* freeing a pool gives room back; VF0's own guarantee stays its own */
	srnic_sw_uc_clear(&sw, 0);
	CHECK_EQ(sw.vport[0].nr_uc, 0);
	CHECK_EQ(srnic_sw_uc_room(&sw, 0), 3);
	CHECK_EQ(srnic_sw_uc_room(&sw, 6), 2);
	CHECK_EQ(srnic_sw_uc_room(&sw, 7), 2);
	srnic_sw_uc_clear(&sw, 7);
	CHECK_EQ(srnic_sw_uc_room(&sw, 6), 6 - 1 - 3);
	CHECK_EQ(srnic_sw_uc_room(&sw, 7), 6 - 1);
	mac_of(m, 1, 0);
	CHECK_EQ(srnic_sw_uc_del(&sw, 1, m), 0);
	CHECK_EQ(srnic_sw_uc_del(&sw, 1, m), -ENOENT);
	CHECK_EQ(srnic_sw_uc_add(&sw, 1, (u8[6]){ 1, 2, 3, 4, 5, 6 }), -EINVAL);
}

TEST(sw_vfta_refcount_shared_vid)
{
	int i;

	srnic_sw_init(&sw, 4);
	CHECK_EQ(srnic_sw_vlan_add(&sw, 0, 100), 0);
	CHECK_EQ(srnic_sw_vlan_add(&sw, 1, 100), 0);
	CHECK_EQ(srnic_sw_vlan_add(&sw, 1, 100), 0);	/* idempotent */
	CHECK_EQ(sw.vid_ref[100], 2);
	CHECK_EQ(shadow(SRNIC_VFTA(3)), BIT(4));
	CHECK_EQ(shadow(SRNIC_VLVF(31)), 0x80000000 | (0x3 << 12) | 100);
	CHECK_EQ(srnic_sw_vlan_del(&sw, 0, 100), 0);
	CHECK_EQ(shadow(SRNIC_VFTA(3)), BIT(4));	/* pool 1 still uses it */
	CHECK_EQ(shadow(SRNIC_VLVF(31)), 0x80000000 | (0x2 << 12) | 100);
	CHECK_EQ(srnic_sw_vlan_del(&sw, 0, 100), -ENOENT);
	CHECK_EQ(srnic_sw_vlan_del(&sw, 1, 100), 0);
	CHECK_EQ(shadow(SRNIC_VFTA(3)), 0);
	CHECK_EQ(shadow(SRNIC_VLVF(31)), 0);
	CHECK_EQ(srnic_sw_vlvf_free(&sw), 31);
	/* VID 0 lives in entry 0 */
	CHECK_EQ(srnic_sw_vlan_add(&sw, 2, 0), 0);
	CHECK_EQ(shadow(SRNIC_VLVF(0)), 0x80000000 | (0x4 << 12));
	CHECK_EQ(shadow(SRNIC_VFTA(0)), 1);
	CHECK_EQ(srnic_sw_vlan_add(&sw, 2, 4095), -EINVAL);
	i = srnic_sw_vlan_add(&sw, 5, 10);
	CHECK_EQ(i, -EINVAL);	/* pool 5 unused with 4 VFs */
}

TEST(sw_vlvf_exhaustion)
{
	unsigned int v;

	srnic_sw_init(&sw, 2);
	/* 31 entries besides VID 0: 28 / 2 per VF, the PF 3 of its own */
	CHECK_EQ(srnic_sw_vlan_quota(&sw), 14);
	CHECK_EQ(srnic_sw_vlvf_pf_share(&sw), 3);
	for (v = 1; v <= 14; v++)
		CHECK_EQ(srnic_sw_vlan_add(&sw, 0, v), 0);
	CHECK_EQ(srnic_sw_vlan_add(&sw, 0, 15), -EDQUOT);
	CHECK(!srnic_sw_vlan_member(&sw, 0, 15));
	CHECK_EQ(shadow(SRNIC_VFTA(0)) & BIT(15), 0);
	CHECK_EQ(srnic_sw_vlan_add(&sw, 0, 0), 0);	/* VID 0 is free */
	CHECK_EQ(srnic_sw_vlan_count(&sw, 0), 14);
	for (v = 101; v <= 114; v++)
		CHECK_EQ(srnic_sw_vlan_add(&sw, 1, v), 0);
	for (v = 201; v <= 203; v++)
		CHECK_EQ(srnic_sw_vlan_add(&sw, 2, v), 0);
	CHECK_EQ(srnic_sw_vlvf_free(&sw), 0);
	/* the PF beyond its share: VFTA only */
	CHECK_EQ(srnic_sw_vlan_add(&sw, 2, 204), 0);
	CHECK(srnic_sw_vlan_member(&sw, 2, 204));
	CHECK_EQ(shadow(SRNIC_VFTA(204 / 32)) & BIT(204 % 32), BIT(204 % 32));
	CHECK_EQ(srnic_sw_vlvf_pf_only(&sw), 3);
	/* a VF's freed entry is not taken by the PF */
	CHECK_EQ(srnic_sw_vlan_del(&sw, 1, 114), 0);
	CHECK_EQ(srnic_sw_vlvf_free(&sw), 1);
	CHECK_EQ(srnic_sw_vlan_add(&sw, 2, 205), 0);
	CHECK_EQ(srnic_sw_vlvf_free(&sw), 1);
	/* joining another pool's VID takes no entry but counts */
	CHECK_EQ(srnic_sw_vlan_add(&sw, 1, 5), 0);
	CHECK_EQ(srnic_sw_vlvf_free(&sw), 1);
	CHECK_EQ(srnic_sw_vlan_add(&sw, 1, 300), -EDQUOT);
	/* left alone beyond its share, the PF falls back to VFTA */
	CHECK_EQ(srnic_sw_vlan_add(&sw, 2, 1), 0);
	CHECK_EQ(srnic_sw_vlan_del(&sw, 0, 1), 0);
	CHECK(srnic_sw_vlan_member(&sw, 2, 1));
	CHECK_EQ(shadow(SRNIC_VFTA(0)) & BIT(1), BIT(1));
	CHECK_EQ(srnic_sw_vlvf_free(&sw), 2);
	CHECK_EQ(srnic_sw_vlvf_pf_only(&sw), 3);
	srnic_sw_vlan_clear(&sw, 0);
	CHECK_EQ(sw.vport[0].nr_vlans, 0);
	CHECK_EQ(srnic_sw_vlvf_free(&sw), 2 + 12);	/* VID 5 kept by pool 1 */
}

TEST(sw_mta_rebuilt_from_vports)
{
	u16 a[2] = { 0x010, 0x563 }, b[1] = { 0x010 };

	srnic_sw_init(&sw, 2);
	srnic_sw_set_mc(&sw, 0, a, 2);
	srnic_sw_set_mc(&sw, 1, b, 1);
	CHECK_EQ(shadow(SRNIC_MTA(0)), BIT(16));
	CHECK_EQ(shadow(SRNIC_MTA(0x563 >> 5)), BIT(0x563 & 31));
	CHECK(shadow(SRNIC_VMOLR(0)) & SRNIC_VMOLR_ROMPE);
	srnic_sw_set_mc(&sw, 0, NULL, 0);
	CHECK_EQ(shadow(SRNIC_MTA(0)), BIT(16));	/* still pool 1's */
	CHECK_EQ(shadow(SRNIC_MTA(0x563 >> 5)), 0);
	CHECK(!(shadow(SRNIC_VMOLR(0)) & SRNIC_VMOLR_ROMPE));
	srnic_sw_set_mc(&sw, 1, NULL, SRNIC_SW_MC_MAX + 1);
	CHECK_EQ(shadow(SRNIC_MTA(0)), 0);
	CHECK(shadow(SRNIC_VMOLR(1)) & SRNIC_VMOLR_MPME);
	CHECK(!(shadow(SRNIC_VMOLR(0)) & SRNIC_VMOLR_MPME));
}

TEST(sw_rate_limit_encoding)
{
	/* first queue: 300 - 1000/16384 Mbit/s -> F = 3.33401, rounded up */
	CHECK_EQ(srnic_sw_rate_encode(1000, 300, false), 0x8000D561);
	/* second queue: the largest factor, 1000/16384 Mbit/s */
	CHECK_EQ(srnic_sw_rate_encode(1000, 300, true), 0x8FFFFFFF);
	CHECK_EQ(srnic_sw_rate_encode(1000, 1000, false), 0x80004002);
	CHECK_EQ(srnic_sw_rate_encode(1000, 1, false), 0x810A402B);
	CHECK_EQ(srnic_sw_rate_encode(1000, 0, false), 0);
	CHECK_EQ(srnic_sw_rate_encode(1000, 0, true), 0);
	CHECK_EQ(srnic_sw_rate_encode(0, 300, false), 0);
	CHECK_EQ(srnic_sw_rate_encode(0, 300, true), 0);
	/* clamped to the link */
	CHECK_EQ(srnic_sw_rate_encode(100, 300, false), 0x80004002);
	CHECK_EQ(srnic_sw_rate_encode(100, 30, false), 0x8000D561);

	srnic_sw_init(&sw, 3);
	CHECK_EQ(srnic_sw_set_rate(&sw, 3, 100), -EINVAL);	/* PF pool */
	CHECK_EQ(srnic_sw_set_rate(&sw, 1, 300), 0);
	CHECK_EQ(sw.reg[SRNIC_SW_R_RTTBCNRC + 1], 0);	/* link down */
	srnic_sw_set_link_speed(&sw, 1000);
	CHECK_EQ(sw.reg[SRNIC_SW_R_RTTBCNRC + 1], 0x8000D561);
	CHECK_EQ(sw.reg[SRNIC_SW_R_RTTBCNRC + 9], 0x8FFFFFFF);
	srnic_sw_set_link_speed(&sw, 0);
	CHECK_EQ(sw.reg[SRNIC_SW_R_RTTBCNRC + 1], 0);
	CHECK_EQ(sw.reg[SRNIC_SW_R_RTTBCNRC + 9], 0);
	srnic_sw_set_link_speed(&sw, 1000);
	flush();
	CHECK_EQ(regs.rtt[1], 0x8000D561);
	CHECK_EQ(regs.rtt[9], 0x8FFFFFFF);
	CHECK_EQ(regs.rtt[0], 0);
	CHECK_EQ(regs.rtt[8], 0);
}

TEST(sw_flush_dirty_only)
{
	unsigned int n;
	int q, r;
	u8 m[6];
	u32 v;

	srnic_sw_init(&sw, 7);
	flush();
	/* every slot once, plus one RTTDQSEL per limiter slot */
	CHECK_EQ(regs.n, SRNIC_SW_NREGS + SRNIC_SW_TXQ);
	CHECK(!srnic_sw_is_dirty(&sw));
	/* VFTE/VFRE are the last writes */
	CHECK_EQ(regs.log_reg[regs.n - 2], SRNIC_VFTE);
	CHECK_EQ(regs.log_reg[regs.n - 1], SRNIC_VFRE);
	flush();
	CHECK_EQ(regs.n, 0);

	mac_of(m, 0, 1);
	srnic_sw_set_mac(&sw, 1, m);
	flush();
	CHECK_EQ(regs.n, 2);
	CHECK_EQ(regs.log_reg[0], SRNIC_RAL(22));
	CHECK_EQ(regs.log_reg[1], SRNIC_RAH(22));
	CHECK_EQ(regs.log_val[1], 0x80000000 | BIT(19) | 0x1001);

	/* no change, no write */
	srnic_sw_set_mac(&sw, 1, m);
	srnic_sw_set_spoofchk(&sw, 1, true);
	flush();
	CHECK_EQ(regs.n, 0);

	srnic_sw_set_spoofchk(&sw, 1, false);
	flush();
	CHECK_EQ(regs.n, 1);
	CHECK_EQ(regs.log_reg[0], SRNIC_DTXSWC);
	CHECK_EQ(regs.log_val[0], 0x80007d7d);

	srnic_sw_set_link_speed(&sw, 1000);
	srnic_sw_set_rate(&sw, 4, 300);
	flush();
	q = ut_regs_find(&regs, SRNIC_RTTDQSEL);
	r = ut_regs_find(&regs, SRNIC_RTTBCNRC);
	CHECK_EQ(regs.n, 4);	/* queues 4 and 12 */
	CHECK(q >= 0 && r == q + 1);
	CHECK_EQ(regs.log_val[q], 4);
	CHECK_EQ(regs.log_val[r], 0x8000D561);
	CHECK_EQ(regs.log_reg[q + 2], SRNIC_RTTDQSEL);
	CHECK_EQ(regs.log_val[q + 2], 12);
	CHECK_EQ(regs.log_val[r + 2], 0x8FFFFFFF);

	/* replay after a PF reset writes the same values again */
	srnic_sw_mark_all_dirty(&sw);
	flush();
	n = regs.n;
	CHECK_EQ(n, SRNIC_SW_NREGS + SRNIC_SW_TXQ);
	CHECK_EQ(regs.val[SRNIC_RAH(22) / 4], 0x80000000 | BIT(19) | 0x1001);
	CHECK_EQ(regs.val[SRNIC_DTXSWC / 4], 0x80007d7d);
	CHECK_EQ(regs.rtt[4], 0x8000D561);
	CHECK_EQ(regs.rtt[12], 0x8FFFFFFF);
	CHECK_EQ(srnic_sw_shadow(&sw, SRNIC_RTTBCNRC, &v), -ENOENT);
	CHECK_EQ(srnic_sw_shadow(&sw, SRNIC_CTRL, &v), -ENOENT);
}

TEST(sw_port_vlan)
{
	u32 vmolr;

	srnic_sw_init(&sw, 2);
	srnic_sw_vlan_add(&sw, 0, 0);
	srnic_sw_vlan_add(&sw, 0, 7);
	CHECK(shadow(SRNIC_VMOLR(0)) & SRNIC_VMOLR_STRVLAN);
	CHECK_EQ(srnic_sw_set_port_vlan(&sw, 0, 100, 3), 0);
	CHECK_EQ(shadow(SRNIC_VMVIR(0)), 100 | (3 << 13) | BIT(30));
	vmolr = shadow(SRNIC_VMOLR(0));
	CHECK(!(vmolr & SRNIC_VMOLR_AUPE));
	CHECK(vmolr & SRNIC_VMOLR_STRVLAN);
	CHECK(srnic_sw_vlan_member(&sw, 0, 100));
	CHECK(!srnic_sw_vlan_member(&sw, 0, 7));
	CHECK(!srnic_sw_vlan_member(&sw, 0, 0));
	CHECK_EQ(sw.vport[0].nr_vlans, 1);
	/* reset keeps the port VLAN */
	srnic_sw_vport_reset(&sw, 0);
	CHECK(srnic_sw_vlan_member(&sw, 0, 100));
	CHECK_EQ(shadow(SRNIC_VMVIR(0)), 100 | (3 << 13) | BIT(30));
	CHECK_EQ(srnic_sw_set_port_vlan(&sw, 0, 0, 0), 0);
	CHECK_EQ(shadow(SRNIC_VMVIR(0)), 0);
	CHECK(shadow(SRNIC_VMOLR(0)) & SRNIC_VMOLR_AUPE);
	CHECK(!(shadow(SRNIC_VMOLR(0)) & SRNIC_VMOLR_STRVLAN));
	CHECK(srnic_sw_vlan_member(&sw, 0, 0));
	CHECK(!srnic_sw_vlan_member(&sw, 0, 100));
	CHECK_EQ(shadow(SRNIC_VFTA(3)), 0);
	/* priority-only tagging keeps untagged receive */
	CHECK_EQ(srnic_sw_set_port_vlan(&sw, 1, 0, 5), 0);
	CHECK(shadow(SRNIC_VMOLR(1)) & SRNIC_VMOLR_AUPE);
	CHECK_EQ(shadow(SRNIC_VMVIR(1)), (5 << 13) | BIT(30));
	CHECK_EQ(srnic_sw_set_port_vlan(&sw, 2, 10, 0), -EINVAL);	/* PF */
	CHECK_EQ(srnic_sw_set_port_vlan(&sw, 0, 10, 8), -EINVAL);
}

TEST(sw_port_vlan_vlvf_full)
{
	unsigned int v;

	srnic_sw_init(&sw, 2);
	/* VLVF full: each VF at its quota, the PF at its share */
	for (v = 1; v <= 14; v++) {
		CHECK_EQ(srnic_sw_vlan_add(&sw, 0, v), 0);
		CHECK_EQ(srnic_sw_vlan_add(&sw, 1, 100 + v), 0);
		/* the PF in all of VF0's VLANs */
		CHECK_EQ(srnic_sw_vlan_add(&sw, 2, v), 0);
	}
	for (v = 201; v <= 203; v++)
		CHECK_EQ(srnic_sw_vlan_add(&sw, 2, v), 0);
	CHECK_EQ(srnic_sw_vlvf_free(&sw), 0);
	/* a port VLAN still gets an entry: VF0's own go back to the PF's
	 * VFTA-only membership
	 */
	CHECK_EQ(srnic_sw_set_port_vlan(&sw, 0, 300, 0), 0);
	CHECK(srnic_sw_vlan_member(&sw, 0, 300));
	CHECK(srnic_sw_vlan_member(&sw, 2, 7));
	CHECK_EQ(shadow(SRNIC_VMVIR(0)), 300 | BIT(30));
	CHECK_EQ(srnic_sw_vlvf_pf_only(&sw), 3);
	CHECK_EQ(srnic_sw_vlvf_free(&sw), 13);
	/* an existing VID needs no entry */
	CHECK_EQ(srnic_sw_set_port_vlan(&sw, 1, 105, 0), 0);
	CHECK(srnic_sw_vlan_member(&sw, 1, 105));
	CHECK(!srnic_sw_vlan_member(&sw, 1, 106));
}

TEST(sw_vport_reset_keeps_admin_state)
{
	u16 h = 5;
	u8 m[6];

	srnic_sw_init(&sw, 2);
	srnic_sw_set_link_speed(&sw, 1000);
	mac_of(m, 1, 1);
	srnic_sw_set_mac(&sw, 0, m);
	srnic_sw_set_spoofchk(&sw, 0, false);
	srnic_sw_set_rate(&sw, 0, 300);
	srnic_sw_set_rxtx(&sw, 0, true, true);
	mac_of(m, 1, 2);
	srnic_sw_uc_add(&sw, 0, m);
	srnic_sw_set_mc(&sw, 0, &h, 1);
	srnic_sw_set_rx_mode(&sw, 0, SRNIC_SW_RX_UC_PROMISC);
	srnic_sw_vlan_add(&sw, 0, 9);
	srnic_sw_set_max_frame(&sw, 0, 9000);
	CHECK_EQ(shadow(SRNIC_UTA(5)), ~0U);

	srnic_sw_vport_reset(&sw, 0);
	CHECK_EQ(sw.vport[0].nr_uc, 0);
	CHECK_EQ(sw.vport[0].nr_mc, 0);
	CHECK_EQ(sw.vport[0].rx_flags, 0);
	CHECK(srnic_sw_vlan_member(&sw, 0, 0));
	CHECK(!srnic_sw_vlan_member(&sw, 0, 9));
	CHECK_EQ(shadow(SRNIC_UTA(5)), 0);
	CHECK_EQ(shadow(SRNIC_VMOLR(0)) & SRNIC_VMOLR_RLPML_MASK, 1522);
	CHECK_EQ(shadow(SRNIC_RAH(23)) & SRNIC_RAH_AV, SRNIC_RAH_AV);
	CHECK_EQ(shadow(SRNIC_DTXSWC) & 0x101, 0);
	CHECK_EQ(sw.reg[SRNIC_SW_R_RTTBCNRC], 0x8000D561);
	CHECK_EQ(shadow(SRNIC_VFRE) & 1, 1);
}

TEST(sw_promisc_flags)
{
	srnic_sw_init(&sw, 2);
	srnic_sw_set_rx_mode(&sw, 1, SRNIC_SW_RX_MC_PROMISC |
				     SRNIC_SW_RX_VLAN_PROMISC);
	CHECK(shadow(SRNIC_VMOLR(1)) & SRNIC_VMOLR_MPME);
	CHECK_EQ(sw.vport[1].rx_flags, SRNIC_SW_RX_MC_PROMISC);	/* no VLAN promisc for VFs */
	CHECK_EQ(shadow(SRNIC_VFTA(0)), 0);
	srnic_sw_vlan_add(&sw, 0, 40);
	srnic_sw_set_rx_mode(&sw, 2, SRNIC_SW_RX_VLAN_PROMISC);
	CHECK_EQ(shadow(SRNIC_VFTA(77)), ~0U);
	CHECK_EQ(shadow(SRNIC_VLVF(31)), 0x80000000 | (0x5 << 12) | 40);
	srnic_sw_set_rx_mode(&sw, 2, 0);
	CHECK_EQ(shadow(SRNIC_VFTA(77)), 0);
	CHECK_EQ(shadow(SRNIC_VLVF(31)), 0x80000000 | (0x1 << 12) | 40);
	CHECK_EQ(srnic_sw_set_max_frame(&sw, 0, 63), -EINVAL);
	CHECK_EQ(srnic_sw_set_max_frame(&sw, 0, 9729), -EINVAL);
	CHECK_EQ(srnic_sw_set_max_frame(&sw, 0, 64), 0);
}

/*
 * RTTBCNRC limits queue traffic to link * 2^14 / F Mbit/s (F: the 10.14
 * fixed-point rate factor). The checks compare those rates as exact
 * fractions, in integers: the KUnit build of this file is kernel code.
 */
static u64 rtt_factor(u32 v)
{
	if (!(v & SRNIC_RTTBCNRC_RS_ENA))
		return 0;	/* unlimited */
	return v & (SRNIC_RTTBCNRC_RF_INT_MASK | SRNIC_RTTBCNRC_RF_DEC_MASK);
}

/* both queues limited, and their rates add up to at most @num/@den Mbit/s */
static bool rtt_sum_le(u32 link, u32 v0, u32 v1, u64 num, u64 den)
{
	u64 f0 = rtt_factor(v0), f1 = rtt_factor(v1);

	if (!f0 || !f1)
		return false;
	/* link * 2^14 / f0 + link * 2^14 / f1 <= num / den */
	return (u64)link * 16384 * (f0 + f1) * den <= num * f0 * f1;
}

/* queue limited to at least @num/@den Mbit/s (or unlimited) */
static bool rtt_ge(u32 link, u32 v, u64 num, u64 den)
{
	u64 f = rtt_factor(v);

	return !f || (u64)link * 16384 * den >= num * f;
}

/* value written for queue @q: RTTDQSEL q, then RTTBCNRC, in the log */
static int rtt_logged(unsigned int q, u32 *val)
{
	unsigned int i;
	int found = 0;

	for (i = 0; i + 1 < regs.n && i + 1 < UT_LOG_MAX; i++)
		if (regs.log_reg[i] == SRNIC_RTTDQSEL && regs.log_val[i] == q &&
		    regs.log_reg[i + 1] == SRNIC_RTTBCNRC) {
			*val = regs.log_val[i + 1];
			found++;
		}
	return found;
}

/* Issue 7 #12: a VF owns queues n and n+8; both are limited and together
 * never exceed max_tx_rate, and queue n (the one igbvf uses) gets the bulk.
 */
TEST(sw_rate_limit_covers_both_queues)
{
	static const u32 links[] = { 10, 100, 1000 };
	unsigned int l, vf = 2, bad = 0;
	u32 r, q0 = 0, q1 = 0;

	srnic_sw_init(&sw, 7);
	srnic_sw_set_link_speed(&sw, 1000);
	flush();
	CHECK_EQ(srnic_sw_set_rate(&sw, vf, 300), 0);
	flush();
	CHECK_EQ(rtt_logged(vf, &q0), 1);
	CHECK_EQ(rtt_logged(vf + 8, &q1), 1);
	CHECK(q0 & SRNIC_RTTBCNRC_RS_ENA);
	CHECK(q1 & SRNIC_RTTBCNRC_RS_ENA);
	CHECK(rtt_sum_le(1000, q0, q1, 300, 1));
	CHECK(rtt_ge(1000, q0, 29991, 100));
	/* nobody else's queues were touched */
	CHECK_EQ(rtt_logged(vf + 1, &r), 0);
	CHECK_EQ(rtt_logged(7, &r), 0);
	CHECK_EQ(rtt_logged(15, &r), 0);
	/* every limit, every speed */
	for (l = 0; l < 3; l++) {
		srnic_sw_set_link_speed(&sw, links[l]);
		for (r = 1; r <= links[l]; r++) {
			srnic_sw_set_rate(&sw, 0, r);
			/* a register file that keeps unchanged values */
			regs.n = 0;
			srnic_sw_flush(&sw, ut_regs_write, &regs);
			/* sum <= r, queue n >= r - 3 * link / 2^14 */
			if (!rtt_sum_le(links[l], regs.rtt[0], regs.rtt[8], r, 1) ||
			    ((u64)r * 16384 > 3 * links[l] &&
			     !rtt_ge(links[l], regs.rtt[0],
				     (u64)r * 16384 - 3 * links[l], 16384)))
				bad++;
		}
	}
	CHECK_EQ(bad, 0);
	/* no limit: both queues off */
	srnic_sw_set_rate(&sw, vf, 0);
	flush();
	CHECK_EQ(rtt_logged(vf, &q0), 1);
	CHECK_EQ(rtt_logged(vf + 8, &q1), 1);
	CHECK_EQ(q0, 0);
	CHECK_EQ(q1, 0);
	/* replay after a PF reset writes both again */
	srnic_sw_set_link_speed(&sw, 1000);
	srnic_sw_set_rate(&sw, vf, 300);
	srnic_sw_mark_all_dirty(&sw);
	flush();
	CHECK(regs.rtt[vf] & SRNIC_RTTBCNRC_RS_ENA);
	CHECK(regs.rtt[vf + 8] & SRNIC_RTTBCNRC_RS_ENA);
}

/* Issue 7 #3, MTA: the hash table is shared, but one VF's list, overflow
 * or multicast promiscuity never takes multicast away from another VF.
 */
TEST(sw_mc_one_vf_cannot_starve_another)
{
	u16 mine[3] = { 0x010, 0x563, 0xfff }, flood[SRNIC_SW_MC_MAX];
	unsigned int i, k;

	srnic_sw_init(&sw, 7);
	srnic_sw_set_mc(&sw, 1, mine, 3);
	for (i = 0; i < SRNIC_SW_MC_MAX; i++)
		flood[i] = (0x010 + i * 7) & SRNIC_SW_MC_HASH_MASK;
	flood[1] = 0x563;	/* collides with VF1 */
	/* VF0: a list sharing hashes, the longest list, overflow, empty */
	for (k = 0; k < 4; k++) {
		if (k == 0)
			srnic_sw_set_mc(&sw, 0, flood, 2);
		else if (k == 1)
			srnic_sw_set_mc(&sw, 0, flood, SRNIC_SW_MC_MAX);
		else if (k == 2)
			srnic_sw_set_mc(&sw, 0, NULL, SRNIC_SW_MC_MAX + 1);
		else
			srnic_sw_set_mc(&sw, 0, NULL, 0);
		srnic_sw_set_rx_mode(&sw, 0, k & 1 ? SRNIC_SW_RX_MC_PROMISC : 0);
		for (i = 0; i < 3; i++)
			CHECK(shadow(SRNIC_MTA(mine[i] >> 5)) & BIT(mine[i] & 31));
		CHECK(shadow(SRNIC_VMOLR(1)) & SRNIC_VMOLR_ROMPE);
		CHECK(!(shadow(SRNIC_VMOLR(1)) & SRNIC_VMOLR_MPME));
		CHECK_EQ(sw.vport[1].nr_mc, 3);
		CHECK(!sw.vport[1].mc_overflow);
	}
	/* the overflowing VF alone is multicast promiscuous */
	srnic_sw_set_mc(&sw, 0, NULL, SRNIC_SW_MC_MAX + 1);
	CHECK(shadow(SRNIC_VMOLR(0)) & SRNIC_VMOLR_MPME);
	for (i = 1; i <= 7; i++)
		CHECK(!(shadow(SRNIC_VMOLR(i)) & SRNIC_VMOLR_MPME));
}
