/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Intel 82576 register map used by srnic (PF and VF).
 *
 * Offsets are in bytes from BAR0. PF-only registers carry no prefix, VF
 * BAR0 registers are prefixed SRNIC_VF_. Bit names follow the 82576
 * datasheet where it has a name for them.
 */
#ifndef _SRNIC_REGS_H_
#define _SRNIC_REGS_H_

#include <linux/bits.h>
#include <linux/types.h>

/* General */
#define SRNIC_CTRL		0x00000
#define  SRNIC_CTRL_FD		BIT(0)
#define  SRNIC_CTRL_GIO_MASTER_DISABLE BIT(2)
#define  SRNIC_CTRL_SLU		BIT(6)
#define  SRNIC_CTRL_FRCSPD	BIT(11)
#define  SRNIC_CTRL_FRCDPX	BIT(12)
#define  SRNIC_CTRL_RST		BIT(26)
#define  SRNIC_CTRL_VME		BIT(30)
#define  SRNIC_CTRL_PHY_RST	BIT(31)
#define SRNIC_STATUS		0x00008
#define  SRNIC_STATUS_FD	BIT(0)
#define  SRNIC_STATUS_LU	BIT(1)
#define  SRNIC_STATUS_TXOFF	BIT(4)
#define  SRNIC_STATUS_SPEED_MASK GENMASK(7, 6)
#define  SRNIC_STATUS_SPEED_10	0
#define  SRNIC_STATUS_SPEED_100	1
#define  SRNIC_STATUS_SPEED_1000 2
#define  SRNIC_STATUS_GIO_MASTER_EN BIT(19)
#define  SRNIC_STATUS_IOV_MODE	BIT(18)
#define SRNIC_EECD		0x00010
#define  SRNIC_EECD_PRES	BIT(8)
#define  SRNIC_EECD_AUTO_RD	BIT(9)
#define  SRNIC_EECD_SIZE	GENMASK(14, 11)	/* 2^(SIZE + 6) NVM words */
#define SRNIC_EERD		0x00014
#define  SRNIC_EERD_START	BIT(0)
#define  SRNIC_EERD_DONE	BIT(1)
#define  SRNIC_EERD_ADDR_MASK	GENMASK(15, 2)
#define  SRNIC_EERD_DATA_MASK	GENMASK(31, 16)
#define SRNIC_CTRL_EXT		0x00018
#define  SRNIC_CTRL_EXT_PFRSTD	BIT(14)
#define  SRNIC_CTRL_EXT_DRV_LOAD BIT(28)
#define SRNIC_MDIC		0x00020
#define  SRNIC_MDIC_DATA_MASK	GENMASK(15, 0)
#define  SRNIC_MDIC_REG_MASK	GENMASK(20, 16)
#define  SRNIC_MDIC_PHY_MASK	GENMASK(25, 21)
#define  SRNIC_MDIC_OP_WRITE	BIT(26)
#define  SRNIC_MDIC_OP_READ	BIT(27)
#define  SRNIC_MDIC_READY	BIT(28)
#define  SRNIC_MDIC_ERROR	BIT(30)
#define SRNIC_VET		0x00038
#define SRNIC_LEDCTL		0x00E00	/* a byte per LED: mode 3:0, IVRT 6, BLINK 7 */
#define  SRNIC_LEDCTL_ALL_ON	0x0E0E0E0E	/* mode 0xE: on, not inverted */
#define  SRNIC_LEDCTL_ALL_OFF	0x0F0F0F0F	/* mode 0xF: off */

/* Interrupts */
#define SRNIC_ICR		0x000C0
#define SRNIC_ICS		0x000C8
#define SRNIC_IMS		0x000D0
#define SRNIC_IMC		0x000D8
#define  SRNIC_ICR_TXDW		BIT(0)
#define  SRNIC_ICR_LSC		BIT(2)
#define  SRNIC_ICR_RXDMT0	BIT(4)
#define  SRNIC_ICR_RXO		BIT(6)
#define  SRNIC_ICR_RXT0		BIT(7)
#define  SRNIC_ICR_VMMB		BIT(8)
#define  SRNIC_ICR_MDAC		BIT(9)
#define  SRNIC_ICR_DRSTA	BIT(30)
#define  SRNIC_ICR_DOUTSYNC	BIT(28)
#define  SRNIC_ICR_INT_ASSERTED	BIT(31)
#define SRNIC_EICS		0x01520
#define SRNIC_EIMS		0x01524
#define SRNIC_EIMC		0x01528
#define SRNIC_EIAC		0x0152C
#define SRNIC_EIAM		0x01530
#define SRNIC_EICR		0x01580
#define SRNIC_EITR(v)		(0x01680 + 4 * (v))
#define  SRNIC_EITR_INTERVAL_MASK GENMASK(14, 2)
#define  SRNIC_EITR_CNT_IGNR	BIT(31)
#define SRNIC_IVAR0(i)		(0x01700 + 4 * (i))
#define SRNIC_IVAR0_NUM		8	/* entry i: queues i and i + 8 */
#define  SRNIC_IVAR_VALID	BIT(7)
#define SRNIC_IVAR_MISC		0x01740
#define  SRNIC_IVAR_MISC_OTHER	GENMASK(15, 8)	/* entry of the "other" causes */
#define SRNIC_GPIE		0x01514
#define  SRNIC_GPIE_NSICR	BIT(0)
#define  SRNIC_GPIE_MSIX_MODE	BIT(4)
#define  SRNIC_GPIE_EIAME	BIT(30)
#define  SRNIC_GPIE_PBA		BIT(31)

/* Receive */
#define SRNIC_RCTL		0x00100
#define  SRNIC_RCTL_EN		BIT(1)
#define  SRNIC_RCTL_SBP		BIT(2)
#define  SRNIC_RCTL_UPE		BIT(3)
#define  SRNIC_RCTL_MPE		BIT(4)
#define  SRNIC_RCTL_LPE		BIT(5)
#define  SRNIC_RCTL_LBM_MAC	BIT(6)
#define  SRNIC_RCTL_LBM_MASK	GENMASK(7, 6)
#define  SRNIC_RCTL_MO_MASK	GENMASK(13, 12)
#define  SRNIC_RCTL_BAM		BIT(15)
#define  SRNIC_RCTL_VFE		BIT(18)
#define  SRNIC_RCTL_CFIEN	BIT(19)
#define  SRNIC_RCTL_SECRC	BIT(26)
#define SRNIC_RXCSUM		0x05000
#define  SRNIC_RXCSUM_IPOFLD	BIT(8)
#define  SRNIC_RXCSUM_TUOFLD	BIT(9)
#define  SRNIC_RXCSUM_CRCOFL	BIT(11)
#define  SRNIC_RXCSUM_PCSD	BIT(13)
#define SRNIC_RLPML		0x05004
#define SRNIC_RFCTL		0x05008
#define SRNIC_MTA(i)		(0x05200 + 4 * (i))
#define SRNIC_MTA_NUM		128
/* RAR 0..15 sit at 0x5400, 16..23 at 0x54E0 */
static inline u32 srnic_rar_reg(unsigned int i)
{
	return i < 16 ? 0x05400 + 8 * i : 0x054E0 + 8 * (i - 16);
}

#define SRNIC_RAL(i)		srnic_rar_reg(i)
#define SRNIC_RAH(i)		(srnic_rar_reg(i) + 4)
#define SRNIC_RAL0		0x05400
#define SRNIC_RAH0		0x05404
#define  SRNIC_RAH_POOL_MASK	GENMASK(25, 18)
#define  SRNIC_RAH_AV		BIT(31)
#define SRNIC_RAR_NUM		24
#define SRNIC_PSRTYPE(p)	(0x05480 + 4 * (p))
#define SRNIC_VFTA(i)		(0x05600 + 4 * (i))
#define SRNIC_VFTA_NUM		128
#define SRNIC_MRQC		0x05818
#define  SRNIC_MRQC_MODE_MASK	GENMASK(2, 0)
#define  SRNIC_MRQC_MODE_RSS	2
#define  SRNIC_MRQC_MODE_VMDQ	3
#define  SRNIC_MRQC_MODE_VMDQ_RSS 5
#define  SRNIC_MRQC_RSS_IPV4_TCP BIT(16)
#define  SRNIC_MRQC_RSS_IPV4	BIT(17)
#define  SRNIC_MRQC_RSS_IPV6_TCP BIT(18)
#define  SRNIC_MRQC_RSS_IPV6	BIT(20)
#define  SRNIC_MRQC_RSS_IPV4_UDP BIT(22)
#define  SRNIC_MRQC_RSS_IPV6_UDP BIT(23)
#define SRNIC_RETA(i)		(0x05C00 + 4 * (i))
#define SRNIC_RETA_NUM		32
#define SRNIC_RSSRK(i)		(0x05C80 + 4 * (i))
#define SRNIC_RSSRK_NUM		10
#define SRNIC_VT_CTL		0x0581C
#define  SRNIC_VT_CTL_DEF_PL_MASK GENMASK(9, 7)
#define  SRNIC_VT_CTL_DIS_DEF_POOL BIT(29)
#define  SRNIC_VT_CTL_REPL_EN	BIT(30)
#define SRNIC_VMOLR(p)		(0x05AD0 + 4 * (p))
#define  SRNIC_VMOLR_RLPML_MASK	GENMASK(13, 0)
#define  SRNIC_VMOLR_LPE	BIT(16)
#define  SRNIC_VMOLR_RSSE	BIT(17)
#define  SRNIC_VMOLR_AUPE	BIT(24)
#define  SRNIC_VMOLR_ROMPE	BIT(25)
#define  SRNIC_VMOLR_ROPE	BIT(26)
#define  SRNIC_VMOLR_BAM	BIT(27)
#define  SRNIC_VMOLR_MPME	BIT(28)
#define  SRNIC_VMOLR_STRVLAN	BIT(30)
#define  SRNIC_VMOLR_STRCRC	BIT(31)
#define SRNIC_RPLOLR		0x05AF0
#define  SRNIC_RPLOLR_STRVLAN	BIT(30)
#define  SRNIC_RPLOLR_STRCRC	BIT(31)
#define SRNIC_IOVCTL		0x05BBC
#define  SRNIC_IOVCTL_REUSE_VFQ	BIT(0)
#define SRNIC_VLVF(i)		(0x05D00 + 4 * (i))
#define  SRNIC_VLVF_VID_MASK	GENMASK(11, 0)
#define  SRNIC_VLVF_POOL_MASK	GENMASK(19, 12)
#define  SRNIC_VLVF_LVLAN	BIT(20)
#define  SRNIC_VLVF_EN		BIT(31)
#define SRNIC_VLVF_NUM		32
#define SRNIC_UTA(i)		(0x0A000 + 4 * (i))
#define SRNIC_UTA_NUM		128
#define SRNIC_RXPBS		0x02404
#define SRNIC_QDE		0x02408

/* Transmit */
#define SRNIC_TCTL		0x00400
#define  SRNIC_TCTL_EN		BIT(1)
#define  SRNIC_TCTL_PSP		BIT(3)
#define  SRNIC_TCTL_CT_MASK	GENMASK(11, 4)
#define  SRNIC_TCTL_COLD_MASK	GENMASK(21, 12)
#define  SRNIC_TCTL_RTLC	BIT(24)
#define SRNIC_TIPG		0x00410
#define  SRNIC_TIPG_IPGT_MASK	GENMASK(9, 0)
#define  SRNIC_TIPG_IPGR1_MASK	GENMASK(19, 10)
#define  SRNIC_TIPG_IPGR_MASK	GENMASK(29, 20)
#define SRNIC_TXPBS		0x03404
#define SRNIC_DTXCTL		0x03590
#define  SRNIC_DTXCTL_VLAN_ADDED BIT(3)
#define SRNIC_DTXSWC		0x03500
#define  SRNIC_DTXSWC_MAC_SPOOF_MASK GENMASK(7, 0)
#define  SRNIC_DTXSWC_VLAN_SPOOF_MASK GENMASK(15, 8)
#define  SRNIC_DTXSWC_LLE_MASK	GENMASK(23, 16)
#define  SRNIC_DTXSWC_VMDQ_LOOPBACK_EN BIT(31)
#define SRNIC_WVBR		0x03554
#define SRNIC_RTTDQSEL		0x03604
#define SRNIC_RTTBCNRM		0x03690
#define SRNIC_RTTBCNRC		0x036B0
#define  SRNIC_RTTBCNRC_RS_ENA	BIT(31)
#define  SRNIC_RTTBCNRC_RF_INT_MASK GENMASK(27, 14)
#define  SRNIC_RTTBCNRC_RF_DEC_MASK GENMASK(13, 0)
#define SRNIC_VMVIR(p)		(0x03700 + 4 * (p))
#define  SRNIC_VMVIR_VID_MASK	GENMASK(11, 0)
#define  SRNIC_VMVIR_PRIO_MASK	GENMASK(15, 13)
#define  SRNIC_VMVIR_VLANA_DEFAULT BIT(30)
#define  SRNIC_VMVIR_VLANA_NEVER BIT(31)

/*
 * Per-queue register blocks. The PF addresses every queue q (0..15) at
 * the 0xC000/0xE000 windows; a VF addresses its own two queues at
 * 0x2800/0x3800 with a 0x100 stride. Inside a block the layout is the
 * same, so the shared ring code takes the block base and these offsets.
 */
#define SRNIC_PF_RXQ_BASE(q)	(0x0C000 + 0x40 * (q))
#define SRNIC_PF_TXQ_BASE(q)	(0x0E000 + 0x40 * (q))
#define SRNIC_VF_RXQ_BASE(q)	(0x02800 + 0x100 * (q))
#define SRNIC_VF_TXQ_BASE(q)	(0x03800 + 0x100 * (q))
#define SRNIC_Q_DBAL		0x00
#define SRNIC_Q_DBAH		0x04
#define SRNIC_Q_DLEN		0x08
#define SRNIC_Q_SRRCTL		0x0C	/* rx only */
#define SRNIC_Q_DH		0x10
#define SRNIC_Q_DCA_CTRL	0x14
#define SRNIC_Q_DT		0x18
#define SRNIC_Q_DCTL		0x28
#define SRNIC_Q_TDWBAL		0x38	/* tx only */
#define SRNIC_Q_TDWBAH		0x3C	/* tx only */
#define  SRNIC_SRRCTL_BSIZEPKT_MASK GENMASK(6, 0)	/* 1 KiB units */
#define  SRNIC_SRRCTL_BSIZEHDR_MASK GENMASK(11, 8)	/* 64 B units */
#define  SRNIC_SRRCTL_DESCTYPE_ADV_ONEBUF BIT(25)
#define  SRNIC_SRRCTL_DROP_EN	BIT(31)
#define  SRNIC_DCTL_ENABLE	BIT(25)
#define  SRNIC_DCTL_SWFLUSH	BIT(26)
#define  SRNIC_TXCTL_DCA_RO_WB	BIT(11)

/* Mailbox and virtualization (PF side) */
#define SRNIC_VMBMEM(vf)	(0x00800 + 0x40 * (vf))
#define SRNIC_PFMAILBOX(vf)	(0x00C00 + 4 * (vf))
#define  SRNIC_PFMB_STS		BIT(0)
#define  SRNIC_PFMB_ACK		BIT(1)
#define  SRNIC_PFMB_VFU		BIT(2)
#define  SRNIC_PFMB_PFU		BIT(3)
#define  SRNIC_PFMB_RVFU	BIT(4)
#define SRNIC_MBVFICR		0x00C80
#define  SRNIC_MBVFICR_VFREQ(vf) BIT(vf)
#define  SRNIC_MBVFICR_VFACK(vf) BIT(16 + (vf))
#define SRNIC_MBVFIMR		0x00C84
#define SRNIC_VFLRE		0x00C88
#define SRNIC_VFRE		0x00C8C
#define SRNIC_VFTE		0x00C90

/* Statistics (PF, mostly clear-on-read) */
#define SRNIC_CRCERRS		0x04000
#define SRNIC_ALGNERRC		0x04004
#define SRNIC_SYMERRS		0x04008
#define SRNIC_RXERRC		0x0400C
#define SRNIC_MPC		0x04010
#define SRNIC_SCC		0x04014
#define SRNIC_ECOL		0x04018
#define SRNIC_MCC		0x0401C
#define SRNIC_LATECOL		0x04020
#define SRNIC_COLC		0x04028
#define SRNIC_DC		0x04030
#define SRNIC_TNCRS		0x04034
#define SRNIC_RLEC		0x04040
#define SRNIC_XONRXC		0x04048
#define SRNIC_XONTXC		0x0404C
#define SRNIC_XOFFRXC		0x04050
#define SRNIC_XOFFTXC		0x04054
#define SRNIC_GPRC		0x04074
#define SRNIC_BPRC		0x04078
#define SRNIC_MPRC		0x0407C
#define SRNIC_GPTC		0x04080
#define SRNIC_GORCL		0x04088
#define SRNIC_GORCH		0x0408C
#define SRNIC_GOTCL		0x04090
#define SRNIC_GOTCH		0x04094
#define SRNIC_RNBC		0x040A0
#define SRNIC_RUC		0x040A4
#define SRNIC_RFC		0x040A8
#define SRNIC_ROC		0x040AC
#define SRNIC_RJC		0x040B0
#define SRNIC_TORL		0x040C0
#define SRNIC_TORH		0x040C4
#define SRNIC_TOTL		0x040C8
#define SRNIC_TOTH		0x040CC
#define SRNIC_TPR		0x040D0
#define SRNIC_TPT		0x040D4
#define SRNIC_MPTC		0x040F0
#define SRNIC_BPTC		0x040F4
#define SRNIC_TSCTC		0x040F8

/* Per-pool statistics as seen by the PF (VF n at + 0x100 * n) */
#define SRNIC_PVFGPRC(vf)	(0x10010 + 0x100 * (vf))
#define SRNIC_PVFGPTC(vf)	(0x10014 + 0x100 * (vf))
#define SRNIC_PVFGORC(vf)	(0x10018 + 0x100 * (vf))
#define SRNIC_PVFGOTC(vf)	(0x10034 + 0x100 * (vf))
#define SRNIC_PVFMPRC(vf)	(0x1003C + 0x100 * (vf))
/* PF mirror of a VF's EICS: bits 2:0 fire that VF's MSI-X vectors 0..2 */
#define SRNIC_PVTEICS(vf)	(0x10020 + 0x100 * (vf))
#define  SRNIC_PVTEICS_ALL	0x7

/* VF BAR0 */
#define SRNIC_VF_CTRL		0x0000
#define  SRNIC_VF_CTRL_RST	BIT(26)
#define SRNIC_VF_STATUS		0x0008
#define SRNIC_VF_MBMEM		0x0800
#define SRNIC_VF_MAILBOX	0x0C40
#define  SRNIC_VFMB_REQ		BIT(0)
#define  SRNIC_VFMB_ACK		BIT(1)
#define  SRNIC_VFMB_VFU		BIT(2)
#define  SRNIC_VFMB_PFU		BIT(3)
#define  SRNIC_VFMB_PFSTS	BIT(4)
#define  SRNIC_VFMB_PFACK	BIT(5)
#define  SRNIC_VFMB_RSTI	BIT(6)
#define  SRNIC_VFMB_RSTD	BIT(7)
#define  SRNIC_VFMB_R2C_BITS	(SRNIC_VFMB_PFSTS | SRNIC_VFMB_PFACK | SRNIC_VFMB_RSTD)
#define SRNIC_VF_EICS		0x1520
#define SRNIC_VF_EIMS		0x1524
#define SRNIC_VF_EIMC		0x1528
#define SRNIC_VF_EIAC		0x152C
#define SRNIC_VF_EIAM		0x1530
#define SRNIC_VF_EICR		0x1580
#define SRNIC_VF_EITR(v)	(0x1680 + 4 * (v))
#define SRNIC_VF_IVAR0		0x1700
#define SRNIC_VF_IVAR_MISC	0x1740
#define SRNIC_VF_GPRC		0x0F10
#define SRNIC_VF_GPTC		0x0F14
#define SRNIC_VF_GORC		0x0F18
#define SRNIC_VF_GOTC		0x0F34
#define SRNIC_VF_MPRC		0x0F3C
#define SRNIC_VF_GPRLBC		0x0F40
#define SRNIC_VF_GPTLBC		0x0F44
#define SRNIC_VF_GORLBC		0x0F48
#define SRNIC_VF_GOTLBC		0x0F50

/* NVM words */
#define SRNIC_NVM_MAC_ADDR	0x00
#define SRNIC_NVM_PBA_0		0x08
#define SRNIC_NVM_PBA_1		0x09
#define SRNIC_NVM_VERSION	0x05
#define  SRNIC_NVM_VER_MAJOR	GENMASK(15, 12)
#define  SRNIC_NVM_VER_MINOR	GENMASK(11, 4)
#define  SRNIC_NVM_VER_BUILD	GENMASK(3, 0)
#define SRNIC_NVM_CHECKSUM_REG	0x3F
#define SRNIC_NVM_SUM		0xBABA
#define SRNIC_NVM_SIZE_SHIFT	6	/* EECD.SIZE 0: 64 words */
#define SRNIC_NVM_MAX_SHIFT	15	/* EERD addresses 32K words at most */

/* PHY (IEEE + IGP) */
#define SRNIC_PHY_ADDR		1
#define SRNIC_PHY_BMCR		0x00
#define  SRNIC_BMCR_ANRESTART	BIT(9)
#define  SRNIC_BMCR_ANENABLE	BIT(12)
#define  SRNIC_BMCR_RESET	BIT(15)
#define SRNIC_PHY_BMSR		0x01
#define SRNIC_PHY_ID1		0x02
#define SRNIC_PHY_ID2		0x03
#define SRNIC_PHY_ANAR		0x04
#define SRNIC_PHY_CTRL1000	0x09

/* Hardware limits */
#define SRNIC_MAX_POOLS		8
#define SRNIC_MAX_VFS		7
#define SRNIC_NUM_QUEUES	16
#define SRNIC_MAX_FRAME		9728
#define SRNIC_MAX_MTU		9216
#define SRNIC_MIN_MTU		68

#endif /* _SRNIC_REGS_H_ */
