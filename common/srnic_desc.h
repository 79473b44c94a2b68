/* SPDX-License-Identifier: GPL-2.0 */
/*
 * 82576 "advanced" descriptor formats, as the PF and the VF both use them.
 *
 * Every descriptor is 16 bytes, little endian. Software writes the "read"
 * layout; the device overwrites the same slot with the "write-back" layout
 * once it is done with it, so each union member is one view of one slot.
 * Bit positions were cross-checked against QEMU's igb model, which is what
 * the project is tested on (see docs/qemu-igb-model.md, section 10).
 */
#ifndef _SRNIC_DESC_H_
#define _SRNIC_DESC_H_

#include <linux/bitfield.h>
#include <linux/bits.h>
#include <linux/build_bug.h>
#include <linux/types.h>

/* TX data descriptor (DTYP 0011) */
union srnic_tx_desc {
	struct {
		__le64 addr;
		__le32 cmd_type_len;
		__le32 olinfo_status;
	} read;
	struct {
		__le64 rsvd;
		__le32 nxtseq_seed;
		__le32 status;
	} wb;
};

/* TX context descriptor (DTYP 0010): offload parameters for what follows */
struct srnic_tx_ctx_desc {
	__le32 vlan_macip_lens;
	__le32 seqnum_seed;
	__le32 type_tucmd_mlhl;
	__le32 mss_l4len_idx;
};

/* cmd_type_len of data descriptors */
#define SRNIC_TXD_DTALEN_MASK	GENMASK(15, 0)
#define SRNIC_TXD_DTYP_MASK	GENMASK(23, 20)
#define SRNIC_TXD_DTYP_CTX	FIELD_PREP(SRNIC_TXD_DTYP_MASK, 0x2)
#define SRNIC_TXD_DTYP_DATA	FIELD_PREP(SRNIC_TXD_DTYP_MASK, 0x3)
#define SRNIC_TXD_CMD_EOP	BIT(24)
#define SRNIC_TXD_CMD_IFCS	BIT(25)
#define SRNIC_TXD_CMD_RS	BIT(27)
#define SRNIC_TXD_CMD_DEXT	BIT(29)
#define SRNIC_TXD_CMD_VLE	BIT(30)
#define SRNIC_TXD_CMD_TSE	BIT(31)

/* olinfo_status of data descriptors (first descriptor of a packet) */
#define SRNIC_TXD_STA_DD	BIT(0)	/* write-back */
#define SRNIC_TXD_IDX_MASK	GENMASK(6, 4)	/* context slot, 0 or 1 */
#define SRNIC_TXD_POPTS_IXSM	BIT(8)	/* insert IPv4 header checksum */
#define SRNIC_TXD_POPTS_TXSM	BIT(9)	/* insert L4 checksum */
#define SRNIC_TXD_PAYLEN_MASK	GENMASK(31, 14)	/* bytes after the headers */

/* context descriptor fields */
#define SRNIC_TXC_IPLEN_MASK	GENMASK(8, 0)
#define SRNIC_TXC_MACLEN_MASK	GENMASK(15, 9)
#define SRNIC_TXC_MACLEN_MAX	127	/* FIELD_MAX(SRNIC_TXC_MACLEN_MASK) */
#define SRNIC_TXC_VLAN_MASK	GENMASK(31, 16)
#define SRNIC_TXC_TUCMD_IPV4	BIT(10)
#define SRNIC_TXC_TUCMD_L4T_MASK GENMASK(12, 11)
#define SRNIC_TXC_TUCMD_L4T_UDP	FIELD_PREP(SRNIC_TXC_TUCMD_L4T_MASK, 0x0)
#define SRNIC_TXC_TUCMD_L4T_TCP	FIELD_PREP(SRNIC_TXC_TUCMD_L4T_MASK, 0x1)
#define SRNIC_TXC_TUCMD_L4T_SCTP FIELD_PREP(SRNIC_TXC_TUCMD_L4T_MASK, 0x2)
#define SRNIC_TXC_L4LEN_MASK	GENMASK(15, 8)
#define SRNIC_TXC_MSS_MASK	GENMASK(31, 16)

/* RX descriptor, one-buffer mode (SRRCTL.DESCTYPE 001) */
union srnic_rx_desc {
	struct {
		__le64 pkt_addr;
		__le64 hdr_addr;	/* unused here; zero also clears DD */
	} read;
	struct {
		struct {
			__le16 pkt_info;	/* 3:0 RSS type, 15:4 type */
			__le16 hdr_info;
			__le32 rss;		/* RSS hash (RXCSUM.PCSD=1) */
		} lower;
		struct {
			__le32 status_error;
			__le16 length;		/* bytes in this buffer */
			__le16 vlan;		/* stripped tag when VP */
		} upper;
	} wb;
};

/* status_error */
#define SRNIC_RXD_STAT_DD	BIT(0)
#define SRNIC_RXD_STAT_EOP	BIT(1)
#define SRNIC_RXD_STAT_IXSM	BIT(2)	/* checksum not evaluated */
#define SRNIC_RXD_STAT_VP	BIT(3)
#define SRNIC_RXD_STAT_UDPCS	BIT(4)
#define SRNIC_RXD_STAT_L4I	BIT(5)	/* L4 (TCP/UDP/SCTP) checksum done */
#define SRNIC_RXD_STAT_IPCS	BIT(6)
#define SRNIC_RXD_STAT_PIF	BIT(7)
#define SRNIC_RXD_ERR_L4E	BIT(29)
#define SRNIC_RXD_ERR_IPE	BIT(30)
#define SRNIC_RXD_ERR_RXE	BIT(31)

/* pkt_info RSS type (3:0): which fields the hash covers */
#define SRNIC_RXD_RSSTYPE_MASK	GENMASK(3, 0)
#define SRNIC_RSSTYPE_NONE	0x0
#define SRNIC_RSSTYPE_IPV4_TCP	0x1
#define SRNIC_RSSTYPE_IPV4	0x2
#define SRNIC_RSSTYPE_IPV6_TCP	0x3
#define SRNIC_RSSTYPE_IPV6_EX	0x4
#define SRNIC_RSSTYPE_IPV6	0x5
#define SRNIC_RSSTYPE_IPV6_TCP_EX 0x6
#define SRNIC_RSSTYPE_IPV4_UDP	0x7
#define SRNIC_RSSTYPE_IPV6_UDP	0x8
#define SRNIC_RSSTYPE_IPV6_UDP_EX 0x9

/* queue control (RXDCTL / TXDCTL) threshold fields, in descriptors */
#define SRNIC_DCTL_PTHRESH_MASK	GENMASK(4, 0)
#define SRNIC_DCTL_HTHRESH_MASK	GENMASK(12, 8)
#define SRNIC_DCTL_WTHRESH_MASK	GENMASK(20, 16)

static_assert(sizeof(union srnic_tx_desc) == 16);
static_assert(sizeof(struct srnic_tx_ctx_desc) == 16);
static_assert(sizeof(union srnic_rx_desc) == 16);

#endif /* _SRNIC_DESC_H_ */
