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
