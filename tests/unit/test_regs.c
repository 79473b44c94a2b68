// SPDX-License-Identifier: GPL-2.0
/*
 * Register and descriptor field masks: each sits where the 82576
 * datasheet puts it, and FIELD_PREP() of the values the drivers program
 * gives the words they wrote as shifted constants before the masks.
 */
#include <linux/bitfield.h>

#include "ut.h"
#include "srnic_regs.h"
#include "srnic_desc.h"

/* low bit and width of a mask */
#define LO(m)	(__builtin_ffsll(m) - 1)
#define W(m)	(__builtin_popcountll(m))

TEST(regs_desc_fields)
{
	CHECK_EQ(SRNIC_TXD_DTYP_MASK, 0xfu << 20);
	CHECK_EQ(SRNIC_TXD_DTYP_CTX, 0x2u << 20);
	CHECK_EQ(SRNIC_TXD_DTYP_DATA, 0x3u << 20);
	CHECK_EQ(LO(SRNIC_TXD_IDX_MASK), 4);
	CHECK_EQ(SRNIC_TXD_PAYLEN_MASK, ~0u << 14);
	CHECK_EQ(LO(SRNIC_TXC_MACLEN_MASK), 9);
	CHECK_EQ(FIELD_MAX(SRNIC_TXC_MACLEN_MASK), SRNIC_TXC_MACLEN_MAX);
	CHECK_EQ(SRNIC_TXC_VLAN_MASK, 0xffffu << 16);
	CHECK_EQ(SRNIC_TXC_TUCMD_L4T_UDP, 0x0u << 11);
	CHECK_EQ(SRNIC_TXC_TUCMD_L4T_TCP, 0x1u << 11);
	CHECK_EQ(SRNIC_TXC_TUCMD_L4T_SCTP, 0x2u << 11);
	CHECK_EQ(SRNIC_TXC_L4LEN_MASK, 0xffu << 8);
	CHECK_EQ(SRNIC_TXC_MSS_MASK, 0xffffu << 16);
	/* IPLEN 8:0 and MACLEN 15:9 tile the low half of vlan_macip_lens */
	CHECK_EQ(SRNIC_TXC_IPLEN_MASK | SRNIC_TXC_MACLEN_MASK, 0xffffu);
}

TEST(regs_queue_fields)
{
	/* the RXDCTL and TXDCTL words srnic_txrx.c programs */
	CHECK_EQ(FIELD_PREP(SRNIC_DCTL_PTHRESH_MASK, 16) |
		 FIELD_PREP(SRNIC_DCTL_HTHRESH_MASK, 8) |
		 FIELD_PREP(SRNIC_DCTL_WTHRESH_MASK, 1),
		 16 | 8 << 8 | 1 << 16);
	CHECK_EQ(FIELD_PREP(SRNIC_DCTL_PTHRESH_MASK, 8) |
		 FIELD_PREP(SRNIC_DCTL_HTHRESH_MASK, 1) |
		 FIELD_PREP(SRNIC_DCTL_WTHRESH_MASK, 1),
		 8 | 1 << 8 | 1 << 16);
	CHECK_EQ(LO(SRNIC_DCTL_PTHRESH_MASK), 0);
	CHECK_EQ(LO(SRNIC_DCTL_HTHRESH_MASK), 8);
	CHECK_EQ(LO(SRNIC_DCTL_WTHRESH_MASK), 16);
	CHECK_EQ(W(SRNIC_DCTL_PTHRESH_MASK), 5);
	/* a 2 KiB buffer in 1 KiB units */
	CHECK_EQ(FIELD_PREP(SRNIC_SRRCTL_BSIZEPKT_MASK, 2), 2);
	CHECK_EQ(LO(SRNIC_SRRCTL_BSIZEHDR_MASK), 8);
}

TEST(regs_pf_fields)
{
	CHECK_EQ(FIELD_PREP(SRNIC_EERD_ADDR_MASK, 0x3f), 0x3fu << 2);
	CHECK_EQ(FIELD_GET(SRNIC_EERD_DATA_MASK, 0xbaba0002u), 0xbaba);
	CHECK_EQ(FIELD_PREP(SRNIC_MDIC_REG_MASK, 31) |
		 FIELD_PREP(SRNIC_MDIC_PHY_MASK, SRNIC_PHY_ADDR),
		 31u << 16 | 1u << 21);
	CHECK_EQ(SRNIC_MDIC_PHY_MASK & SRNIC_MDIC_OP_WRITE, 0);
	/* the TIPG and TCTL words srnic_pf_mac_setup() programs */
	CHECK_EQ(FIELD_PREP(SRNIC_TIPG_IPGT_MASK, 8) |
		 FIELD_PREP(SRNIC_TIPG_IPGR1_MASK, 8) |
		 FIELD_PREP(SRNIC_TIPG_IPGR_MASK, 6),
		 8 | 8 << 10 | 6 << 20);
	CHECK_EQ(FIELD_PREP(SRNIC_TCTL_CT_MASK, 0xf) |
		 FIELD_PREP(SRNIC_TCTL_COLD_MASK, 0x3f),
		 0xfu << 4 | 0x3fu << 12);
	CHECK_EQ(FIELD_PREP(SRNIC_IVAR_MISC_OTHER, 3 | SRNIC_IVAR_VALID),
		 0x83u << 8);
	CHECK_EQ(FIELD_PREP(SRNIC_VT_CTL_DEF_PL_MASK, 7), 7u << 7);
	/* NVM word 5, as ethtool -i and devlink print it: 0x2106 is 2.16.6 */
	CHECK_EQ(FIELD_GET(SRNIC_NVM_VER_MAJOR, 0x2106), 2);
	CHECK_EQ(FIELD_GET(SRNIC_NVM_VER_MINOR, 0x2106), 0x10);
	CHECK_EQ(FIELD_GET(SRNIC_NVM_VER_BUILD, 0x2106), 6);
}

TEST(regs_switch_fields)
{
	unsigned int p;

	for (p = 0; p < SRNIC_MAX_POOLS; p++) {
		CHECK_EQ(FIELD_PREP(SRNIC_RAH_POOL_MASK, BIT(p)), BIT(18 + p));
		CHECK_EQ(FIELD_PREP(SRNIC_VLVF_POOL_MASK, BIT(p)), BIT(12 + p));
		CHECK_EQ(FIELD_PREP(SRNIC_DTXSWC_MAC_SPOOF_MASK, BIT(p)),
			 BIT(p));
		CHECK_EQ(FIELD_PREP(SRNIC_DTXSWC_VLAN_SPOOF_MASK, BIT(p)),
			 BIT(8 + p));
	}
	CHECK_EQ(FIELD_PREP(SRNIC_VMVIR_VID_MASK, 4095) |
		 FIELD_PREP(SRNIC_VMVIR_PRIO_MASK, 7), 4095 | 7u << 13);
	CHECK_EQ(FIELD_PREP(SRNIC_VLVF_VID_MASK, 100), 100);
	/* RF_DEC is the 14 fraction bits of the rate factor */
	CHECK_EQ(SRNIC_RTTBCNRC_RF_DEC_MASK + 1, 1u << 14);
	CHECK_EQ(LO(SRNIC_DTXSWC_LLE_MASK), 16);
}
